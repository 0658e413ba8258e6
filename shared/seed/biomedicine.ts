// Demo content for the blue biomedicine board (蓝色生物医药产业), from seed/DIGEST.md. The article
// gives no investment, area, officer, date or yearly target here, so those stay empty.
import type { SectorSeed } from './types.js'

export const BIOMEDICINE: SectorSeed = {
  cards: [
    {
      id: 'biomedicine-01',
      stage: 'operating',
      kind: 'project',
      title: '易邦生物产业园 · Yebio (Yibang) Bio Industrial Park',
      notes: '建成投产 · completed, in production',
    },
    {
      id: 'biomedicine-02',
      stage: 'operating',
      kind: 'project',
      title: '欧博方1.1类新药 · Oubofang class 1.1 new drug',
      notes: '建成投产 · completed, in production',
    },
    {
      id: 'biomedicine-03',
      stage: 'construction-started',
      kind: 'project',
      title: '黄海生物科技园 · Huanghai Biotech Park',
      notes: '开工建设 · construction starts',
    },
    {
      id: 'biomedicine-04',
      stage: 'construction-started',
      kind: 'project',
      title: '皓尔组织工程眼角膜 · Haoer tissue-engineered cornea',
      notes: '开工建设 · construction starts',
    },
    {
      id: 'biomedicine-05',
      stage: 'under-construction',
      kind: 'project',
      title:
        '山东大学中美国际科技创新产业园 · Shandong University China–US International S&T Innovation Park',
      notes: '加快推进 · accelerate',
      company: 'Shandong University 山东大学',
    },
    {
      id: 'biomedicine-06',
      stage: 'engaging',
      kind: 'project',
      title: '海尔生命园 · Haier Life Park',
      notes: '积极对接 · actively engaging',
      company: 'Haier 海尔',
    },
    {
      id: 'biomedicine-07',
      stage: 'engaging',
      kind: 'project',
      title: '中航赛维 · AVIC Saiwei',
      notes: '积极对接 · actively engaging',
      company: 'AVIC Saiwei 中航赛维',
    },
    {
      id: 'biomedicine-08',
      stage: 'engaging',
      kind: 'platform',
      title: '基因检测技术应用示范中心 · Gene-testing technology application demonstration center',
      notes: '新引进 · newly brought in',
    },
    {
      id: 'biomedicine-09',
      stage: 'engaging',
      kind: 'programme',
      title:
        '青岛国际干细胞医疗健康产业先行试验区 · Qingdao International Stem Cell Medical and Health Industry Pilot Zone',
      notes: '力争获批建设 · applying for approval',
    },
  ],
  targets: [],
}
