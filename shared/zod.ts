// zod/mini for every shared schema: tree-shakable, so the client bundle carries only what is used.
// Mini ships no locale; classic zod's English messages are set here because BoardError shows them.
import { z } from 'zod/mini'
import { en } from 'zod/locales'

// As classic zod does it: a locale configured elsewhere first wins.
if (!z.core.globalConfig.localeError) z.config(en())

export { z }
