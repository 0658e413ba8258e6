// The card tiles of one column, in order: shared by stage columns and the unplaced column.
import { For, Show } from 'solid-js'
import { useBoard } from '../board/context'
import { CardTile, type KeyMove } from './CardTile'
import type { SortableColumn } from './sortable'

export function ColumnCards(props: {
  ids: readonly string[]
  sortable: SortableColumn
  onKeyMove: (cardId: string, move: KeyMove) => void
}) {
  const board = useBoard()
  return (
    <For each={props.ids}>
      {(id) => (
        <Show when={board.state.cards[id]}>
          {(card) => (
            <CardTile
              card={card()}
              canEdit={board.canEdit}
              highlighted={board.ui.highlighted().has(id)}
              editors={board.presence.editorsOf(id)}
              column={props.sortable}
              onOpen={() => board.ui.setOpenCard(id)}
              onKeyMove={(move) => props.onKeyMove(id, move)}
            />
          )}
        </Show>
      )}
    </For>
  )
}
