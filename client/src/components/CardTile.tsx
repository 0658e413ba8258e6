// One card on a column: title, company, investment, officer and risk at a glance, who is editing
// it, and keyboard moves. Draggable and a drop target (see sortable.ts).
import { For, Show } from 'solid-js'
import type { Card } from '../../../shared/schema.js'
import type { Presence } from '../board/presence'
import { t } from '../i18n/locale'
import { createCardSortable, type SortableColumn } from './sortable'

export type KeyMove = 'prev-stage' | 'next-stage' | 'up' | 'down'

const KEY_MOVES: Record<string, KeyMove> = {
  ArrowLeft: 'prev-stage',
  ArrowRight: 'next-stage',
  ArrowUp: 'up',
  ArrowDown: 'down',
}

export function CardTile(props: {
  card: Card
  canEdit: boolean
  highlighted?: boolean
  editors: readonly Presence[]
  column: SortableColumn
  onOpen: () => void
  onKeyMove: (move: KeyMove) => void
}) {
  const id = props.card.id
  const sortable = createCardSortable(id, { kind: 'card' })
  const onKeyDown = (event: KeyboardEvent) => {
    const move = event.altKey && props.canEdit ? KEY_MOVES[event.key] : undefined
    if (move) {
      event.preventDefault()
      props.onKeyMove(move)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      props.onOpen()
    }
  }
  return (
    <article
      ref={sortable.ref}
      onPointerDown={(event) => props.canEdit && sortable.activate(event)}
      class="card-tile"
      classList={{
        dragging: props.column.isDragged(id),
        highlighted: props.highlighted === true,
        [`risk-${props.card.risk}`]: true,
      }}
      style={{ transform: props.column.transformOf(id) }}
      tabIndex={0}
      role="button"
      aria-label={`${t('card.edit')}: ${props.card.title}`}
      aria-keyshortcuts={
        props.canEdit ? 'Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown Enter' : 'Enter'
      }
      data-card-id={id}
      data-testid="card"
      onKeyDown={onKeyDown}
      onClick={() => props.onOpen()}
    >
      <div class="card-title">{props.card.title || '—'}</div>
      {/* Empty fields stay in the DOM and are hidden by CSS (:empty): cheaper than a Show each. */}
      <div class="card-company">{props.card.company}</div>
      <div class="card-facts">
        <span class="card-investment" data-testid="card-investment">
          {props.card.investment ? `${props.card.investment} ${t('card.investmentUnit')}` : ''}
        </span>
        <span class="card-officer">{props.card.officer}</span>
        <span class={`risk-flag risk-${props.card.risk}`} data-testid="card-risk">
          {t(`risk.${props.card.risk}`)}
        </span>
      </div>
      <Show when={props.editors.length > 0}>
        <div class="card-editors">
          <For each={props.editors}>
            {(editor) => (
              <span class="editor-dot" style={{ background: editor.color }} title={editor.name}>
                {editor.name.slice(0, 1)}
              </span>
            )}
          </For>
        </div>
      </Show>
    </article>
  )
}
