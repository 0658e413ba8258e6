// Several boards in one file ("sector-board/export", version 1): the snapshots of every board the
// exporter could see, each in the snapshot format of shared/snapshot.ts.
import { z } from './zod.js'
import { TimestampSchema } from './schema.js'
import { SnapshotSchema, type Snapshot } from './snapshot.js'
import { parseOrThrow } from './validate.js'

export const EXPORT_FORMAT = 'sector-board/export'
export const EXPORT_VERSION = 1

export const ExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    takenAt: TimestampSchema,
    boards: z.array(SnapshotSchema),
  })
  .check(
    z.superRefine((file, ctx) => {
      const ids = new Set<string>()
      file.boards.forEach((snapshot, i) => {
        if (ids.has(snapshot.board.id))
          ctx.addIssue({
            code: 'custom',
            message: `duplicate board ${snapshot.board.id}`,
            path: ['boards', i, 'board', 'id'],
          })
        ids.add(snapshot.board.id)
      })
    }),
  )
export type ExportFile = z.infer<typeof ExportSchema>

export function toExportFile(
  boards: readonly Snapshot[],
  takenAt: string = new Date().toISOString(),
): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, takenAt, boards: [...boards] }
}

/** Validates untrusted JSON; errors name the JSON path of the first problem. */
export function parseExportFile(json: unknown): ExportFile {
  return parseOrThrow(ExportSchema, json, 'invalid-snapshot')
}
