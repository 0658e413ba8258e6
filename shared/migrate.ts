// Schema migrations, run on load. A document at version n is brought to SCHEMA_VERSION by the
// migrations n→n+1, …, each in its own transaction tagged as a migration.
import type * as Y from 'yjs'
import { metaOf, SCHEMA_VERSION, schemaVersionOf } from './doc.js'
import { BoardError } from './errors.js'

/** Migration from version `from` to `from + 1`. */
export interface Migration {
  readonly from: number
  readonly migrate: (doc: Y.Doc) => void
}

/** Version 1 is the first released schema; later versions add their migration here. */
export const MIGRATIONS: readonly Migration[] = []

/** Returns the versions applied, e.g. [1, 2] for a document moved from 1 to 2. */
export function migrateDoc(
  doc: Y.Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  latest: number = SCHEMA_VERSION,
): number[] {
  let version = schemaVersionOf(doc)
  if (version > latest)
    throw new BoardError('unsupported-version', `board schema ${version} is newer than ${latest}`)
  const applied: number[] = []
  while (version < latest) {
    const step = migrations.find((m) => m.from === version)
    if (!step) throw new BoardError('unsupported-version', `no migration from schema ${version}`)
    const to = version + 1
    doc.transact(
      () => {
        step.migrate(doc)
        metaOf(doc).set('schemaVersion', to)
      },
      { kind: 'migration', from: version, to },
    )
    applied.push(version)
    version = to
  }
  return applied
}
