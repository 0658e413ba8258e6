// One stage column: header, its cards in order (filtered locally), and "add card".
import { createMemo, Show } from 'solid-js'
import type { Stage } from '../../../shared/schema.js'
import { useBoard } from '../board/context'
import { isFiltering, matchesFilter } from '../board/filter'
import { t } from '../i18n/locale'
import type { KeyMove } from './CardTile'
import { ColumnCards } from './ColumnCards'
import { NewCardForm } from './NewCardForm'
import { createColumnDroppable, createSortableColumn } from './sortable'
import { StageHeader } from './StageHeader'

export function Column(props: {
  stage: Stage
  index: number
  stageCount: number
  onKeyMove: (cardId: string, move: KeyMove) => void
}) {
  const board = useBoard()
  const droppable = createColumnDroppable(props.stage.id)
  const ids = () => board.state.columns[props.stage.id] ?? []
  // Unfiltered, a column shows all its ids (each names a card in the store) without reading
  // every card through the store.
  const visible = createMemo(() => {
    const filter = board.ui.filter()
    const changed = board.ui.changedCards()
    if (!changed && !isFiltering(filter)) return ids()
    return ids().filter((id) => {
      const card = board.state.cards[id]
      return card !== undefined && matchesFilter(card, filter, changed)
    })
  })
  const sortable = createSortableColumn(visible)
  const intents = {
    rename: (name: { zh: string; en: string }) => board.actions.renameStage(props.stage.id, name),
    move: (delta: -1 | 1) => board.actions.moveStage(props.stage.id, props.index + delta),
    setWipLimit: (limit: number | null) => board.actions.setWipLimit(props.stage.id, limit),
    remove: () => board.actions.removeStage(props.stage.id),
  }
  const create = (title: string) => {
    const id = board.actions.addCard({ stage: props.stage.id, title })
    if (id !== undefined) board.ui.setOpenCard(id)
  }
  return (
    <section
      ref={droppable.ref}
      class="column"
      classList={{ 'drop-target': droppable.isActiveDroppable() }}
      data-stage={props.stage.id}
      data-testid="column"
      aria-label={props.stage.name.zh}
    >
      <StageHeader
        stage={props.stage}
        count={ids().length}
        isFirst={props.index === 0}
        isLast={props.index === props.stageCount - 1}
        canEdit={board.canEdit}
        intents={intents}
      />
      <div class="column-cards">
        <ColumnCards ids={visible()} sortable={sortable} onKeyMove={props.onKeyMove} />
        <Show when={ids().length === 0}>
          <p class="column-empty">{t('stage.empty')}</p>
        </Show>
      </div>
      <Show when={board.canEdit}>
        <NewCardForm onCreate={create} />
      </Show>
    </section>
  )
}
