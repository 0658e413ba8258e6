// Export CLI: `npm run export -- <boardId|all> [--format json|csv] [--out file]` reads boards
// straight from the server's database (PostgreSQL, or the file under DATA_DIR; a running server
// may have it open) and writes a snapshot, every board in one file, or a board's cards as CSV. It
// never writes board data (on PostgreSQL it brings the schema up to date, as a server would).
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { cardsToCsv } from '../shared/csv.js'
import { toExportFile } from '../shared/export-format.js'
import { SECTORS } from '../shared/sectors.js'
import { readConfig } from '../server/config.js'
import type { BoardStore } from '../server/storage/store.js'
import { boardIdOf, openBoardStore, readBoardSnapshot, runCli, UsageError } from './board-cli.js'

const USAGE = `usage: npm run export -- <boardId|all> [--format json|csv] [--out file]

  <boardId>      one board: its JSON snapshot, or its cards as CSV (--format csv)
  all            every board in one JSON file ("sector-board/export")
  --format       json (default) or csv
  --out <file>   write to this file instead of standard output

Boards: ${SECTORS.map((s) => s.id).join(', ')}
Environment: DATABASE_URL and DATABASE_SCHEMA (PostgreSQL), else DATA_DIR (database folder).`

await runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const [which, ...extra] = positionals
  if (which === undefined || extra.length > 0) throw new UsageError('give one board id, or "all"')
  const format = values.format
  if (format !== 'json' && format !== 'csv')
    throw new UsageError(`unknown format "${format}" (json or csv)`)
  if (which === 'all' && format === 'csv')
    throw new UsageError('CSV holds one board: export all boards as json, or one board as csv')
  const ids = which === 'all' ? SECTORS.map((s) => s.id) : [boardIdOf(which)]

  const config = readConfig()
  // A missing database means nothing was stored yet: every board is as seeded. Not creating it
  // keeps the export read-only, and the note catches a mistyped DATA_DIR.
  const exists = config.databaseUrl !== undefined || fs.existsSync(config.sqliteFile)
  if (!exists)
    console.error(`note: no database at ${config.sqliteFile}; exporting the boards as seeded`)
  const store: BoardStore | null = exists ? await openBoardStore(config) : null
  let text: string
  try {
    const snapshots = []
    for (const id of ids) snapshots.push(await readBoardSnapshot(store, id))
    const [first] = snapshots
    if (which === 'all') text = `${JSON.stringify(toExportFile(snapshots), null, 2)}\n`
    else if (!first) throw new Error('no board read')
    else text = format === 'csv' ? cardsToCsv(first) : `${JSON.stringify(first, null, 2)}\n`
  } finally {
    await store?.close()
  }

  if (values.out === undefined) process.stdout.write(text)
  else {
    fs.writeFileSync(values.out, text)
    console.error(`wrote ${values.out}`)
  }
})
