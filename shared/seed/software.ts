// Demo content for the software and IT board (软件与信息技术产业), from seed/DIGEST.md. The
// article gives no investment, area, officer or date for these, so those fields stay empty.
import type { SectorSeed } from './types.js'

export const SOFTWARE: SectorSeed = {
  cards: [
    {
      id: 'software-01',
      stage: 'under-construction',
      kind: 'project',
      title: '青岛软件科技城 · Qingdao Software Science and Technology City',
      notes: '加快建设 · accelerate construction',
    },
    {
      id: 'software-02',
      stage: 'operating',
      kind: 'platform',
      title: '清华-青岛大数据工程研究中心 · Tsinghua–Qingdao Big Data Engineering Research Center',
      notes: '推动投入运营 · into operation this year',
      company: 'Tsinghua University 清华大学',
    },
    {
      id: 'software-03',
      stage: 'operating',
      kind: 'platform',
      title:
        'IBM创新中心移动互联公共研发平台 · IBM Innovation Center mobile-internet public R&D platform',
      notes: '推动投入运营 · into operation this year',
      company: 'IBM',
    },
    {
      id: 'software-04',
      stage: 'construction-started',
      kind: 'platform',
      title: '赛普克CAE云平台 · Saipuke CAE cloud platform',
      notes: '正式开工 · construction formally starts',
    },
    {
      id: 'software-05',
      stage: 'under-construction',
      kind: 'project',
      title: '金山云计算中心 · Kingsoft cloud computing center',
      notes: '加快建设 · accelerate construction',
      company: 'Kingsoft 金山',
    },
    {
      id: 'software-06',
      stage: 'under-construction',
      kind: 'project',
      title: '中国移动云数据中心一期 · China Mobile cloud data center, phase 1',
      notes: '加快建设 · accelerate construction',
      company: 'China Mobile 中国移动',
    },
    {
      id: 'software-07',
      stage: 'under-construction',
      kind: 'project',
      title:
        '中航军民融合产业创新基地 · AVIC civil–military integration industrial innovation base',
      notes: '加快建设 · accelerate construction',
      company: 'AVIC 中航',
    },
    {
      id: 'software-08',
      stage: 'construction-started',
      kind: 'project',
      title: '汉源微电子产业园 · Hanyuan Microelectronics Industrial Park',
      notes: '推进开工建设 · construction starts',
    },
    {
      id: 'software-09',
      stage: 'construction-started',
      kind: 'project',
      title: '高科新能源信息产业园 · Gaoke New Energy Information Industrial Park',
      notes: '推进开工建设 · construction starts',
    },
    {
      id: 'software-10',
      stage: 'construction-started',
      kind: 'project',
      title: '高科光通讯产业园 · Gaoke Optical Communication Industrial Park',
      notes: '推进开工建设 · construction starts',
    },
    {
      id: 'software-11',
      stage: 'construction-started',
      kind: 'project',
      title: '华通军工电子科技孵化园 · Huatong Military Electronics Technology Incubator Park',
      notes: '推进开工建设 · construction starts',
      tags: ['incubator'],
    },
    {
      id: 'software-12',
      stage: 'engaging',
      kind: 'event',
      title: '全国首届保密技术产业博览会 · First National Confidentiality Technology Industry Expo',
      notes: '举办 · host',
    },
  ],
  targets: [
    {
      id: 'software-new-companies',
      label: { zh: '新引进软件企业（60家以上）', en: 'New software companies brought in (60+)' },
      unit: { zh: '家', en: 'companies' },
      target: 60,
      measure: { type: 'manual', current: null },
    },
    {
      id: 'software-related-companies',
      label: { zh: '涉软企业总数', en: 'Software-related companies in total' },
      unit: { zh: '家', en: 'companies' },
      target: 400,
      measure: { type: 'manual', current: null },
    },
    {
      id: 'software-park-area',
      label: { zh: '软件专业园区规划建设面积', en: 'Software parks: planned floor area' },
      unit: { zh: '平方米', en: 'm²' },
      target: 6_500_000,
      measure: { type: 'manual', current: null },
    },
  ],
}
