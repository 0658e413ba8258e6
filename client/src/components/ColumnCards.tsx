// The card tiles of one column, in order: shared by stage columns and the unplaced column.
import { For } from 'solid-js'
import type { Card } from '../../../shared/schema.js'
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
      {(id) => {
        // Columns list only cards the store holds, so a tile starts with its card. Should a
        // card ever vanish from the store before its id leaves the column, the tile keeps the
        // last card it drew until the column removes it (cheaper than a Show around each tile).
        let last = board.card(id) as Card
        const card = () => (last = board.card(id) ?? last)
        return (
          <CardTile
            card={card()}
            canEdit={board.canEdit}
            highlighted={board.ui.highlighted().has(id)}
            editors={board.presence.editorsOf(id)}
            column={props.sortable}
            onOpen={() => board.ui.setOpenCard(id)}
            onKeyMove={(move) => props.onKeyMove(id, move)}
          />
        )
      }}
    </For>
  )
}
