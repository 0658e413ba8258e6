// The six sector boards of the Hongdao Economic Zone ("1+5" industries). Board ids are stable:
// they name rooms, URLs and stored rows.
import type { LocalizedText } from './schema.js'

export const SECTORS = [
  { id: 'tech-services', name: { zh: '科技服务业', en: 'Technology services' } },
  { id: 'software', name: { zh: '软件与信息技术产业', en: 'Software and information technology' } },
  { id: 'manufacturing', name: { zh: '高端智能制造产业', en: 'High-end smart manufacturing' } },
  { id: 'biomedicine', name: { zh: '蓝色生物医药产业', en: 'Blue biomedicine' } },
  { id: 'marine', name: { zh: '海工装备研发产业', en: 'Marine engineering equipment R&D' } },
  {
    id: 'energy-materials',
    name: { zh: '节能技术与新材料产业', en: 'Energy-saving technology and new materials' },
  },
] as const satisfies readonly { id: string; name: LocalizedText }[]

export type BoardId = (typeof SECTORS)[number]['id']

const boardIds: ReadonlySet<string> = new Set(SECTORS.map((s) => s.id))

export function isBoardId(value: string): value is BoardId {
  return boardIds.has(value)
}

export function sectorName(id: BoardId): LocalizedText {
  const sector = SECTORS.find((s) => s.id === id)
  if (!sector) throw new Error(`unknown board ${id}`)
  return sector.name
}
