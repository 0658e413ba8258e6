// Live card counts per stage for the home page: a lightweight read-only sync of each board.
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { tokenParams } from '../access'
import { readCards, readStages } from '../../../shared/read.js'
import type { Stage } from '../../../shared/schema.js'

export interface StageCount {
  readonly stage: Stage
  readonly count: number
}

export function createBoardSummary(boardId: string): Accessor<readonly StageCount[]> {
  const doc = new Y.Doc()
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
  const provider = new WebsocketProvider(url, boardId, doc, { params: tokenParams() })
  const [counts, setCounts] = createSignal<readonly StageCount[]>([])
  const refresh = () => {
    const live = readCards(doc).filter((c) => !c.archived)
    setCounts(
      readStages(doc).map((stage) => ({
        stage,
        count: live.filter((c) => c.placement.stage === stage.id).length,
      })),
    )
  }
  doc.on('update', refresh)
  onCleanup(() => {
    provider.destroy()
    doc.destroy()
  })
  return counts
}
