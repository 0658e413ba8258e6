// Demo content for the marine engineering equipment R&D board (海工装备研发产业), from
// seed/DIGEST.md. The article gives no investment, area, officer or date, so those stay empty.
import type { SectorSeed } from './types.js'

export const MARINE: SectorSeed = {
  cards: [
    {
      id: 'marine-01',
      stage: 'under-construction',
      kind: 'project',
      title:
        '中船重工青岛国际海洋装备科技城 · CSIC Qingdao International Marine Equipment Science City',
      notes: '加快项目进度 · accelerate',
      company: 'CSIC 中船重工',
    },
    {
      id: 'marine-02',
      stage: 'construction-started',
      kind: 'project',
      title:
        '中船重工710所青岛研发及产业化基地 · CSIC Institute 710 Qingdao R&D and industrialisation base',
      notes: '推进开工建设 · construction starts',
      company: 'CSIC Institute 710 中船重工710所',
    },
    {
      id: 'marine-03',
      stage: 'completed',
      kind: 'project',
      title: '中科院声学所青岛分所项目一期 · CAS Institute of Acoustics Qingdao branch, phase 1',
      notes: '竣工 · completed',
      company: 'CAS Institute of Acoustics 中科院声学所',
    },
    {
      id: 'marine-04',
      stage: 'under-construction',
      kind: 'project',
      title: '鹿港深海装备产业园项目一期 · Lugang Deep-sea Equipment Industrial Park, phase 1',
      notes: '完成主体工程 · main structure completed',
    },
    {
      id: 'marine-05',
      stage: 'under-construction',
      kind: 'platform',
      title:
        '青岛市蓝色科学仪器公共研发平台 · Qingdao blue scientific-instrument public R&D platform',
      notes: '加快建设 · accelerate construction',
    },
    {
      id: 'marine-06',
      stage: 'under-construction',
      kind: 'platform',
      title:
        '海洋声学仪器装备综合测试平台 · Marine acoustic instrument comprehensive test platform',
      notes: '加快建设 · accelerate construction',
    },
    {
      id: 'marine-07',
      stage: 'under-construction',
      kind: 'platform',
      title: '海洋装备检测平台 · Marine equipment inspection platform',
      notes: '加快建设 · accelerate construction',
    },
    {
      id: 'marine-08',
      stage: 'operating',
      kind: 'project',
      title: '北斗大厦 · Beidou Building',
      notes: '启用 · in use',
      tags: ['beidou'],
    },
    {
      id: 'marine-09',
      stage: 'under-construction',
      kind: 'project',
      title: '青岛北斗数据中心 · Qingdao Beidou Data Center',
      notes: '推进建设 · push construction',
      tags: ['beidou'],
    },
    {
      id: 'marine-10',
      stage: 'under-construction',
      kind: 'platform',
      title: '北斗导航设备检测平台 · Beidou navigation equipment test platform',
      notes: '推进建设 · push construction',
      tags: ['beidou'],
    },
  ],
  targets: [
    {
      // Manual, not counted from cards: the 40 are all Beidou projects in the zone, not these cards.
      id: 'marine-beidou-projects',
      label: { zh: '北斗项目累计', en: 'Beidou projects, cumulative' },
      unit: { zh: '家', en: 'projects' },
      target: 40,
      measure: { type: 'manual', current: null },
    },
  ],
}
