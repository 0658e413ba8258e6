// Demo content for the high-end smart manufacturing board (高端智能制造产业), from seed/DIGEST.md.
// The article gives no investment, area, officer or date for these, so those fields stay empty.
import type { SectorSeed } from './types.js'

const ENGAGING = '积极对接（引进机器人项目） · actively engaging (robot projects)'

export const MANUFACTURING: SectorSeed = {
  cards: [
    {
      id: 'manufacturing-01',
      stage: 'engaging',
      kind: 'project',
      title: '日本发那科 · FANUC (Japan)',
      notes: ENGAGING,
      company: 'FANUC 发那科',
      tags: ['robot'],
    },
    {
      id: 'manufacturing-02',
      stage: 'engaging',
      kind: 'project',
      title: '瑞典ABB · ABB (Sweden)',
      notes: ENGAGING,
      company: 'ABB',
      tags: ['robot'],
    },
    {
      id: 'manufacturing-03',
      stage: 'engaging',
      kind: 'project',
      title: '德国亨利安 · Henrian (Germany)',
      notes: ENGAGING,
      company: 'Henrian 亨利安',
      tags: ['robot'],
    },
    {
      id: 'manufacturing-04',
      stage: 'engaging',
      kind: 'project',
      title: '海尔集团 · Haier Group',
      notes: ENGAGING,
      company: 'Haier Group 海尔集团',
      tags: ['robot'],
    },
    {
      id: 'manufacturing-05',
      stage: 'operating',
      kind: 'platform',
      title: '国际机器人中心 · International Robot Center',
      notes: '启动运营 · starts operation',
      tags: ['robot'],
    },
    {
      id: 'manufacturing-06',
      stage: 'operating',
      kind: 'project',
      title: '联东U谷国际企业港一期 · Liandong U Valley International Enterprise Port, phase 1',
      notes: '建成投产 · completed, in production',
    },
    {
      id: 'manufacturing-07',
      stage: 'operating',
      kind: 'project',
      title: '雷霆重工二期 · Leiting Heavy Industry, phase 2',
      notes: '建成投产 · completed, in production',
    },
    {
      id: 'manufacturing-08',
      stage: 'construction-started',
      kind: 'project',
      title: '鼎信科技产业园 · Dingxin Technology Industrial Park',
      notes: '开工建设 · construction starts',
    },
    {
      id: 'manufacturing-09',
      stage: 'engaging',
      kind: 'platform',
      title: '机器人产品应用示范基地 · Robot application demonstration base',
      notes: '探索建设 · being explored',
      tags: ['robot'],
    },
    {
      id: 'manufacturing-10',
      stage: 'engaging',
      kind: 'event',
      title: '中国国际机器人产业推进大会 · China International Robot Industry Conference',
      notes: '组织参加 · attend',
      tags: ['robot'],
    },
    {
      id: 'manufacturing-11',
      stage: 'engaging',
      kind: 'event',
      title:
        '电气电子工程师学会机器人与仿生技术国际会议 · IEEE International Conference on Robotics and Biomimetics',
      notes: '举办 · host',
      tags: ['robot'],
    },
  ],
  targets: [
    {
      id: 'manufacturing-robot-projects',
      label: {
        zh: '引进机器人项目总数（80个以上）',
        en: 'Robot projects brought in, in total (80+)',
      },
      unit: { zh: '个', en: 'projects' },
      target: 80,
      measure: { type: 'manual', current: null },
    },
  ],
}
