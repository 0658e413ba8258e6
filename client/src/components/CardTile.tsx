// One card on a column: title, company, investment, officer and risk at a glance, who is editing
// it, and keyboard moves. Draggable and a drop target (see sortable.ts).
import { For } from 'solid-js'
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
  // One render effect per tile (Solid groups a template's attributes and properties): text goes
  // in as textContent rather than one inserted expression (and one computation) per field, and
  // the class as one string. A change to a card re-runs only its own tile's effect.
  return (
    <article
      ref={sortable.ref}
      onPointerDown={(event) => props.canEdit && sortable.activate(event)}
      class={tileClass(props.card.risk, props.column.isDragged(id), props.highlighted === true)}
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
      {/* Empty fields stay in the DOM and are hidden by CSS (:empty): cheaper than a Show each. */}
      <div class="card-title" textContent={props.card.title || '—'} />
      <div class="card-company" textContent={props.card.company} />
      <div class="card-facts">
        <span
          class="card-investment"
          data-testid="card-investment"
          textContent={
            props.card.investment ? `${props.card.investment} ${t('card.investmentUnit')}` : ''
          }
        />
        <span class="card-officer" textContent={props.card.officer} />
        <span
          class={`risk-flag risk-${props.card.risk}`}
          data-testid="card-risk"
          textContent={t(`risk.${props.card.risk}`)}
        />
      </div>
      {editorDots(props.editors)}
    </article>
  )
}

function tileClass(risk: string, dragging: boolean, highlighted: boolean): string {
  return `card-tile risk-${risk}${dragging ? ' dragging' : ''}${highlighted ? ' highlighted' : ''}`
}

/** Who is editing the card; nothing (and no computation of its own) when nobody is. */
function editorDots(editors: readonly Presence[]) {
  if (editors.length === 0) return null
  return (
    <div class="card-editors">
      <For each={editors}>
        {(editor) => (
          <span class="editor-dot" style={{ background: editor.color }} title={editor.name}>
            {editor.name.slice(0, 1)}
          </span>
        )}
      </For>
    </div>
  )
}
