// The columns of a board, with drag and drop between and within them, and keyboard moves.
import {
  closestCenter,
  DragDropProvider,
  DragDropSensors,
  type DragEvent,
} from '@thisbeyond/solid-dnd'
import { createMemo, For, Show } from 'solid-js'
import { useBoard } from '../board/context'
import type { KeyMove } from './CardTile'
import { Column } from './Column'
import { UnplacedColumn } from './UnplacedColumn'

export function BoardView() {
  const board = useBoard()
  const stageOf = (cardId: string) => board.state.cards[cardId]?.placement.stage
  const column = (stage: string) => board.state.columns[stage] ?? []

  /** Drops on a card land where that card is; drops on a column's empty space land at its end. */
  const onDragEnd = ({ draggable, droppable }: DragEvent) => {
    if (!droppable || draggable.id === droppable.id) return
    const cardId = String(draggable.id)
    const overCard = droppable.data.kind === 'card'
    const stage = overCard ? stageOf(String(droppable.id)) : String(droppable.id)
    if (!stage) return
    const ids = column(stage)
    if (!overCard)
      return board.actions.moveCard(cardId, stage, ids.filter((id) => id !== cardId).length)
    const target = ids.indexOf(String(droppable.id))
    const from = ids.indexOf(cardId)
    board.actions.moveCard(
      cardId,
      stage,
      from !== -1 && from < target ? target : Math.max(0, target),
    )
  }

  const onKeyMove = (cardId: string, move: KeyMove) => {
    const stage = stageOf(cardId)
    if (!stage) return
    const stages = board.state.stages.map((s) => s.id)
    const ids = column(stage)
    const index = ids.indexOf(cardId)
    if (move === 'up' && index > 0) board.actions.moveCard(cardId, stage, index - 1)
    else if (move === 'down' && index < ids.length - 1)
      board.actions.moveCard(cardId, stage, index + 1)
    else if (move === 'prev-stage' || move === 'next-stage') {
      const to = stages[stages.indexOf(stage) + (move === 'next-stage' ? 1 : -1)]
      if (!to) return
      board.actions.moveCard(cardId, to, Math.min(index, column(to).length))
    } else return
    // Keep focus on the moved card once it has re-rendered in its new place.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`)?.focus(),
    )
  }

  /** Cards whose stage was removed while someone moved them there: shown, never lost. */
  const unplaced = createMemo(() => {
    const known = new Set(board.state.stages.map((s) => s.id))
    return Object.entries(board.state.columns)
      .filter(([stage]) => !known.has(stage))
      .flatMap(([, ids]) => ids)
  })

  return (
    <DragDropProvider onDragEnd={onDragEnd} collisionDetector={closestCenter}>
      <DragDropSensors />
      <div class="board-columns" data-testid="board-columns">
        <For each={board.state.stages}>
          {(stage, index) => (
            <Column
              stage={stage}
              index={index()}
              stageCount={board.state.stages.length}
              onKeyMove={onKeyMove}
            />
          )}
        </For>
        <Show when={unplaced().length > 0}>
          <UnplacedColumn cardIds={unplaced()} onKeyMove={onKeyMove} />
        </Show>
      </div>
    </DragDropProvider>
  )
}
