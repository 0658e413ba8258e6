// Demo content for the energy-saving technology and new materials board (节能技术与新材料产业),
// from seed/DIGEST.md. The article gives no figures or yearly target here, so those stay empty.
import type { SectorSeed } from './types.js'

export const ENERGY_MATERIALS: SectorSeed = {
  cards: [
    {
      id: 'energy-materials-01',
      stage: 'under-construction',
      kind: 'project',
      title: '环保产业园 · Environmental Protection Industrial Park',
      notes: '加快建设 · accelerate construction',
    },
    {
      id: 'energy-materials-02',
      stage: 'under-construction',
      kind: 'project',
      title: '石墨烯科技创新园二期 · Graphene Science and Technology Innovation Park, phase 2',
      notes: '加快建设 · accelerate construction',
      tags: ['graphene'],
    },
    {
      id: 'energy-materials-03',
      stage: 'under-construction',
      kind: 'platform',
      title: '国际石墨烯研究院 · International Graphene Research Institute',
      notes: '加快建设 · accelerate construction',
      tags: ['graphene'],
    },
    {
      id: 'energy-materials-04',
      stage: 'operating',
      kind: 'platform',
      title:
        '清华大学石墨烯工程技术中心 · Tsinghua University Graphene Engineering Technology Center',
      notes: '发挥创新源头作用 · in operation, an innovation source',
      company: 'Tsinghua University 清华大学',
      tags: ['graphene'],
    },
    {
      id: 'energy-materials-05',
      stage: 'operating',
      kind: 'platform',
      title:
        '山东大学国际石墨烯协同创新研究基地 · Shandong University International Graphene Collaborative Innovation Base',
      notes: '发挥创新源头作用 · in operation, an innovation source',
      company: 'Shandong University 山东大学',
      tags: ['graphene'],
    },
    {
      id: 'energy-materials-06',
      stage: 'under-construction',
      kind: 'project',
      title: '“欧盟大厦” · "EU Building"',
      notes:
        '推动项目建设，打造升级版的“中国北部欧盟项目创新中心” · construction pushed, to upgrade the China North EU Project Innovation Center',
    },
    {
      id: 'energy-materials-07',
      stage: 'engaging',
      kind: 'event',
      title: '2016中国国际石墨烯创新大会 · 2016 China International Graphene Innovation Conference',
      notes: '承办 · host',
      tags: ['graphene'],
    },
    {
      id: 'energy-materials-08',
      stage: 'engaging',
      kind: 'event',
      title:
        '2016中国环保汽车大会暨节能与新能源汽车产业高峰论坛 · 2016 China Environmental Vehicle Conference and Energy-saving and New-energy Vehicle Industry Summit',
      notes: '协办 · co-host',
    },
  ],
  targets: [],
}
