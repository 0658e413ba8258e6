// The current locale (Chinese first; remembered per browser) and a translator over it.
import * as i18n from '@solid-primitives/i18n'
import { createMemo, createSignal } from 'solid-js'
import { dictionaries, type Locale } from './dictionaries'

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('locale')
const [locale, setLocaleSignal] = createSignal<Locale>(stored === 'en' ? 'en' : 'zh')

export { locale }

export function setLocale(next: Locale): void {
  localStorage.setItem('locale', next)
  setLocaleSignal(next)
}

const dict = createMemo(() => i18n.flatten(dictionaries[locale()]))
export const t = i18n.translator(dict)

/** Picks the current language from a bilingual data value (sector, stage, target names). */
export function localized(text: { readonly zh: string; readonly en: string }): string {
  return text[locale()] || text.zh || text.en
}
