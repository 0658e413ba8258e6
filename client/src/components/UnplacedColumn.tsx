// Cards whose stage no longer exists (removed while someone moved a card into it). They stay
// visible here until someone drags or moves them into a stage.
import { For, Show } from 'solid-js'
import { useBoard } from '../board/context'
import { t } from '../i18n/locale'
import { CardTile, type KeyMove } from './CardTile'
import { createSortableColumn } from './sortable'

export function UnplacedColumn(props: {
  cardIds: readonly string[]
  onKeyMove: (cardId: string, move: KeyMove) => void
}) {
  const board = useBoard()
  const sortable = createSortableColumn(() => props.cardIds)
  return (
    <section class="column unplaced" data-testid="unplaced-column">
      <header class="column-header">
        <div class="column-title-row">
          <h2 class="column-title">{t('stage.unplaced')}</h2>
          <span class="column-count">{props.cardIds.length}</span>
        </div>
      </header>
      <div class="column-cards">
        <For each={props.cardIds}>
          {(id) => (
            <Show when={board.state.cards[id]}>
              {(card) => (
                <CardTile
                  card={card()}
                  canEdit={board.canEdit}
                  highlighted={board.ui.highlighted().has(id)}
                  editors={board.presence.editorsOf(id)}
                  column={sortable}
                  onOpen={() => board.ui.setOpenCard(id)}
                  onKeyMove={(move) => props.onKeyMove(id, move)}
                />
              )}
            </Show>
          )}
        </For>
      </div>
    </section>
  )
}
