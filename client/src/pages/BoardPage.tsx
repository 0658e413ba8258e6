// A sector board: toolbar (status, presence, filters, undo/redo, archive, export) and columns.
import { useParams } from '@solidjs/router'
import { createMemo, createSignal, onCleanup, onMount, Show } from 'solid-js'
import { BoardContext } from '../board/context'
import { EMPTY_FILTER } from '../board/filter'
import { useIdentity } from '../board/identity-context'
import { openBoard } from '../board/open-board'
import { AddStage } from '../components/AddStage'
import { ArchivePanel } from '../components/ArchivePanel'
import { BoardView } from '../components/BoardView'
import { CardEditor } from '../components/CardEditor'
import { FilterBar } from '../components/FilterBar'
import { PresenceList } from '../components/PresenceList'
import { StatusBadge } from '../components/StatusBadge'
import { localized, t } from '../i18n/locale'

/** Ctrl+Z / Ctrl+Shift+Z outside text fields (text fields keep the browser's own undo). */
function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable]')
  )
}

/** Route entry: a new board page (and connection) for each board id. */
export function BoardRoute() {
  const params = useParams<{ boardId: string }>()
  return (
    <Show when={params.boardId} keyed>
      {(boardId) => <BoardPage boardId={boardId} />}
    </Show>
  )
}

function BoardPage(props: { boardId: string }) {
  const params = { boardId: props.boardId }
  const identity = useIdentity()
  const board = openBoard(params.boardId, identity.current)
  const [showArchive, setShowArchive] = createSignal(false)
  const cards = () => Object.values(board.state.cards).filter((c) => c !== undefined)
  const officers = createMemo(() =>
    [
      ...new Set(
        cards()
          .map((c) => c.officer)
          .filter(Boolean),
      ),
    ].sort(),
  )
  const tags = createMemo(() => [...new Set(cards().flatMap((c) => c.tags))].sort())
  const openCard = () => {
    const id = board.ui.openCard()
    return id ? board.state.cards[id] : undefined
  }

  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || isTextField(e.target)) return
    e.preventDefault()
    if (e.shiftKey) board.history.redo()
    else board.history.undo()
  }
  onMount(() => document.addEventListener('keydown', onKey))
  onCleanup(() => document.removeEventListener('keydown', onKey))
  identity.onChange((next) => board.presence.setIdentity(next))

  return (
    <BoardContext.Provider value={board}>
      <div class="board-page" data-board={params.boardId}>
        <div class="board-toolbar">
          <h1 class="board-title" data-testid="board-title">
            {board.state.meta ? localized(board.state.meta.name) : t('loading')}
          </h1>
          <StatusBadge status={board.status()} />
          <PresenceList
            others={board.presence.others()}
            cardTitle={(id) => board.state.cards[id]?.title}
          />
          <div class="toolbar-actions">
            <button
              type="button"
              data-testid="undo"
              disabled={!board.history.canUndo()}
              onClick={() => board.history.undo()}
              aria-keyshortcuts="Control+Z"
            >
              ↶ {t('undo')}
            </button>
            <button
              type="button"
              data-testid="redo"
              disabled={!board.history.canRedo()}
              onClick={() => board.history.redo()}
              aria-keyshortcuts="Control+Shift+Z"
            >
              ↷ {t('redo')}
            </button>
            <button
              type="button"
              aria-pressed={showArchive()}
              data-testid="toggle-archive"
              onClick={() => setShowArchive(!showArchive())}
            >
              {t('archive.show')} ({board.state.archived.length})
            </button>
            <a
              class="button"
              href={`/api/boards/${encodeURIComponent(params.boardId)}/snapshot`}
              download={`${params.boardId}-snapshot.json`}
              data-testid="export"
            >
              {t('snapshot')}
            </a>
          </div>
        </div>
        <FilterBar
          filter={board.ui.filter()}
          officers={officers()}
          tags={tags()}
          onChange={(next) => board.ui.setFilter(next)}
          onClear={() => board.ui.setFilter(EMPTY_FILTER)}
        />
        <p class="shortcuts" data-testid="shortcuts">
          {t('shortcuts')}
        </p>
        <div class="board-body">
          <BoardView />
          <AddStage onAdd={(name) => board.actions.addStage(name)} />
          <Show when={showArchive()}>
            <ArchivePanel
              cards={board.state.archived
                .map((id) => board.state.cards[id])
                .filter((c) => c !== undefined)}
              onRestore={(id) => board.actions.restoreCard(id)}
              onOpen={(id) => board.ui.setOpenCard(id)}
            />
          </Show>
        </div>
        <Show when={openCard()}>
          {(card) => <CardEditor card={card()} onClose={() => board.ui.setOpenCard(null)} />}
        </Show>
      </div>
    </BoardContext.Provider>
  )
}
