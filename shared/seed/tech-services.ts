// Demo content for the technology-services board (科技服务业), from seed/DIGEST.md. The article
// gives no investment, area, officer or date for these, so those fields stay empty.
import type { SectorSeed } from './types.js'

export const TECH_SERVICES: SectorSeed = {
  cards: [
    {
      id: 'tech-services-01',
      stage: 'engaging',
      kind: 'platform',
      title: '生物医药专业创新孵化载体 · Biomedicine innovation incubator',
      notes: '今年将打造 · planned for this year',
      tags: ['incubator'],
    },
    {
      id: 'tech-services-02',
      stage: 'engaging',
      kind: 'platform',
      title: '石墨烯专业创新孵化载体 · Graphene innovation incubator',
      notes: '今年将打造 · planned for this year',
      tags: ['incubator', 'graphene'],
    },
    {
      id: 'tech-services-03',
      stage: 'engaging',
      kind: 'platform',
      title: '产业型众创空间 · Industrial maker spaces',
      notes:
        '与海尔、IBM等大企业合作共建（计划） · to be co-built with large companies such as Haier and IBM (planned)',
      company: 'Haier 海尔, IBM',
      tags: ['maker-space'],
    },
    {
      id: 'tech-services-04',
      stage: 'engaging',
      kind: 'platform',
      title: '研发型众创空间 · R&D maker spaces',
      notes:
        '与清华、山大、海大等高校及中科院自动化所、光电院共建（计划） · to be co-built with universities and research institutes (planned)',
      company:
        'Tsinghua University 清华大学, Shandong University 山东大学, Ocean University of China 中国海洋大学, CAS Institute of Automation 中科院自动化所, Opto-electronics institute 光电院',
      tags: ['maker-space'],
    },
    {
      id: 'tech-services-05',
      stage: 'engaging',
      kind: 'programme',
      title: '国际创新合作（欧盟、美国、以色列） · International cooperation (EU, USA, Israel)',
      notes:
        '开展国际合作，加快国际技术成果转移、转化（计划） · international cooperation to speed up technology transfer (planned)',
    },
    {
      id: 'tech-services-06',
      stage: 'operating',
      kind: 'programme',
      title: '蓝贝创客计划 · Blue Shell Maker Plan',
      notes: '深入实施 · implemented in depth (already running)',
    },
    {
      id: 'tech-services-07',
      stage: 'operating',
      kind: 'programme',
      title: '金苹果计划 · Golden Apple Plan',
      notes:
        '开展；选育优秀的海外留学生创新项目落户 · carried out this year: selects returnee-student start-ups to settle in the zone',
    },
  ],
  targets: [
    {
      id: 'tech-services-startups',
      label: {
        zh: '引进创新创业项目（80个以上）',
        en: 'Innovation and start-up projects brought in (80+)',
      },
      unit: { zh: '个', en: 'projects' },
      target: 80,
      measure: { type: 'manual', current: null },
    },
    {
      id: 'tech-services-incubator-area',
      label: { zh: '孵化器建设面积', en: 'Incubator floor area built' },
      unit: { zh: '平方米', en: 'm²' },
      target: 2_000_000,
      measure: { type: 'manual', current: null },
    },
    {
      id: 'tech-services-national-incubators',
      label: { zh: '新增国家级孵化器', en: 'New national-level incubators' },
      unit: { zh: '家', en: 'incubators' },
      target: 1,
      measure: { type: 'manual', current: null },
    },
    {
      id: 'tech-services-national-maker-spaces',
      label: { zh: '新增国家级众创空间（2-3家）', en: 'New national-level maker spaces (2–3)' },
      unit: { zh: '家', en: 'maker spaces' },
      target: 2,
      measure: { type: 'manual', current: null },
    },
  ],
}
