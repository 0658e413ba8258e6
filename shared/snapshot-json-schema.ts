// The snapshot format as a JSON Schema, derived from the zod schema so the two cannot drift.
// The committed file shared/snapshot.schema.json is this value; a test checks they are equal.
import { z } from './zod.js'
import { SnapshotSchema } from './snapshot.js'

export function snapshotJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(SnapshotSchema, { target: 'draft-2020-12' }),
    $id: 'https://sector-board.invalid/schemas/snapshot-v1.json',
    title: 'Sector Board snapshot, version 1',
    description:
      'One board of the Hongdao Economic Zone planning boards: stages, targets and cards in board order.',
  }
}
