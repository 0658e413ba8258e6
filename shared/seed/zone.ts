// Zone-wide 2016 figures for the Hongdao Economic Zone as a whole. They belong to no sector board,
// so they are plain data for overviews and reports, not board targets.
import type { LocalizedText } from '../schema.js'

export interface ZoneFigure<T> {
  readonly label: LocalizedText
  readonly unit: LocalizedText
  readonly target: T
}

export interface ZoneTargets {
  readonly year: number
  readonly newKeyProjects: ZoneFigure<number>
  readonly keyProjects: ZoneFigure<number>
  /** A decimal string in 亿元 (100 million yuan), like card investments. */
  readonly keyProjectsInvestment: ZoneFigure<string>
}

export const ZONE_TARGETS_2016: ZoneTargets = {
  year: 2016,
  newKeyProjects: {
    label: {
      zh: '新引进过亿元重点项目',
      en: 'New key projects of over 100 million yuan brought in',
    },
    unit: { zh: '个', en: 'projects' },
    target: 20,
  },
  keyProjects: {
    label: { zh: '重点推进产业项目', en: 'Key industrial projects pushed forward' },
    unit: { zh: '个', en: 'projects' },
    target: 137,
  },
  keyProjectsInvestment: {
    label: { zh: '重点产业项目总投资', en: 'Total investment of the key industrial projects' },
    unit: { zh: '亿元', en: '100 million yuan' },
    target: '1465',
  },
}
