// Regenerates shared/snapshot.schema.json from the zod schema: `npm run schema`.
import fs from 'node:fs'
import { snapshotJsonSchema } from '../shared/snapshot-json-schema.js'

const file = new URL('../shared/snapshot.schema.json', import.meta.url)
fs.writeFileSync(file, `${JSON.stringify(snapshotJsonSchema(), null, 2)}\n`)
console.log(`wrote ${file.pathname}`)
