// A large, valid snapshot for import load tests: `count` cards spread over the board's stages,
// with Chinese text, every field filled, milestones and tags; about 1.4 kB of JSON per card, plus
// 176 bytes for each repetition of the notes beyond the default 4.
import { generateNKeysBetween } from 'fractional-indexing'
import type { Card } from '../../shared/schema.js'
import type { Snapshot } from '../../shared/snapshot.js'

const T = '2026-11-26T09:30:00.000Z'
const NOTES =
  '红岛经济区产业项目，对接洽谈中；负责人每周跟进，落实用地与配套。' +
  'Follow-up weekly with the investor; land, power and permits to be confirmed. '

export function bigSnapshot(base: Snapshot, count: number, notesRepeat = 4): Snapshot {
  const stages = base.board.stages.map((s) => s.id)
  const perStage = Math.ceil(count / stages.length)
  const ranks = generateNKeysBetween(null, null, perStage)
  const cards: Card[] = []
  for (let i = 0; i < count; i++) {
    const stage = stages[i % stages.length] as string
    cards.push({
      id: `bulk-${String(i).padStart(5, '0')}`,
      title: `批量导入项目 ${i} · Bulk project ${i}`,
      notes: NOTES.repeat(notesRepeat),
      company: `青岛第${i}号科技有限公司 Qingdao Tech ${i}`,
      investment: `${i % 1000}.${String(i % 10_000).padStart(4, '0')}`,
      floorArea: (i % 5000) + 0.5,
      officer: ['王伟', '李娜', '张敏', '刘洋'][i % 4] as string,
      dueDate: `2027-0${(i % 9) + 1}-15`,
      risk: (['on-track', 'at-risk', 'blocked'] as const)[i % 3] as Card['risk'],
      tags: ['北斗', `tag-${i % 50}`],
      milestones: [
        { id: `m${i}a`, title: '签约 signing', date: '2026-12-01', done: true },
        { id: `m${i}b`, title: '开工 construction', date: null, done: false },
      ],
      kind: (['project', 'platform', 'programme', 'event'] as const)[i % 4] as Card['kind'],
      placement: { stage, rank: ranks[Math.floor(i / stages.length)] as string },
      archived: i % 97 === 0,
      createdAt: T,
      createdBy: '批量导入',
      updatedAt: T,
      updatedBy: '批量导入',
    })
  }
  return { ...base, cards }
}
