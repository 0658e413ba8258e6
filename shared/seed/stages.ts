// The pipeline every sector board starts with, in the article's own verbs (see DIGEST.md):
// engaging → signed → construction started → under construction → completed → in operation.
import type { LocalizedText } from '../schema.js'

export const SEED_STAGES = [
  { id: 'engaging', name: { zh: '对接洽谈', en: 'Engaging' } },
  { id: 'signed', name: { zh: '签约落户', en: 'Signed' } },
  { id: 'construction-started', name: { zh: '开工建设', en: 'Construction started' } },
  { id: 'under-construction', name: { zh: '在建', en: 'Under construction' } },
  { id: 'completed', name: { zh: '竣工', en: 'Completed' } },
  { id: 'operating', name: { zh: '投产运营', en: 'In operation' } },
] as const satisfies readonly { id: string; name: LocalizedText }[]

export type SeedStageId = (typeof SEED_STAGES)[number]['id']
