// A sector board: toolbar (status, presence, filters, undo/redo, archive, export) and columns.
import { Navigate, useLocation, useParams } from '@solidjs/router'
import { canWrite, type Role } from '../../../shared/roles.js'
import { lastKnownAccess, shareToken, withToken } from '../access'
import { useAccess } from '../access-context'
import { createMemo, createSignal, onCleanup, onMount, Show, untrack } from 'solid-js'
import { createAccessRecheck } from '../board/access-recheck'
import { BoardContext } from '../board/context'
import { EMPTY_FILTER } from '../board/filter'
import { useIdentity } from '../board/identity-context'
import { openBoard } from '../board/open-board'
import { openLocalBoard, type LocalBoard } from '../board/local-board'
import { AddStage } from '../components/AddStage'
import { ArchivePanel } from '../components/ArchivePanel'
import { BoardView } from '../components/BoardView'
import { CardEditor } from '../components/CardEditor'
import { FilterBar } from '../components/FilterBar'
import { PresenceList } from '../components/PresenceList'
import { SnapshotsPanel } from '../components/SnapshotsPanel'
import { StaleBanner } from '../components/StaleBanner'
import { StatusBadge } from '../components/StatusBadge'
import { localized, t } from '../i18n/locale'
import type * as Y from 'yjs'
import { toSnapshot, type Snapshot } from '../../../shared/snapshot.js'

/** Ctrl+Z / Ctrl+Shift+Z outside text fields (text fields keep the browser's own undo). */
function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable]')
  )
}

/**
 * Route entry: a new board page (and connection) for each board id, showing this person's role
 * on it live: a new role keeps the page, its connection and its store, and changes only what it
 * offers. Without a role: sign in (accounts mode), or a clear "no access".
 */
export function BoardRoute() {
  const params = useParams<{ boardId: string }>()
  const access = useAccess()
  const location = useLocation()
  // The board's local copy (IndexedDB) loads while the server is still being asked who this is,
  // unless this browser's last answer was "no access": a reload then draws the board at once.
  // It stays open across role changes, so a new role does not reload it.
  const mayOpen = createMemo(() => {
    const info = access.info.latest ?? lastKnownAccess()
    return !info || info.roles[params.boardId] !== undefined
  })
  // A copy holding changes the server refused (this person may no longer write) is forgotten,
  // and the board opened again from the server; that page (only) says why, and offers what the
  // old page showed as a JSON snapshot, so that nothing typed is lost without a trace.
  const [discards, setDiscards] = createSignal(0)
  let discardedFor: { readonly boardId: string; readonly discarded: Discarded } | null = null
  const discarding = new WeakSet<LocalBoard>()
  const reopenedAfterDiscard = new WeakMap<LocalBoard, Discarded>()
  const discardCopy = (board: LocalBoard, boardId: string) => {
    if (discarding.has(board)) return
    discarding.add(board)
    const shown = snapshotOf(board.doc)
    void board.discard().then(() => {
      // Reopened only if still on screen: a board left meanwhile opens afresh when next visited.
      if (params.boardId !== boardId) return
      discardedFor = { boardId, discarded: { shown } }
      setDiscards((n) => n + 1)
    })
  }
  const local = createMemo(() => {
    const boardId = params.boardId
    discards()
    if (!mayOpen()) return undefined
    return untrack(() => {
      const board = openLocalBoard(boardId, shareToken() ? 'share-link' : 'browser')
      if (discardedFor?.boardId === boardId) reopenedAfterDiscard.set(board, discardedFor.discarded)
      discardedFor = null
      onCleanup(() => board.destroy())
      return board
    })
  })
  return (
    <Show when={access.info()} fallback={<p class="page-message">{t('loading')}</p>}>
      {(info) => (
        <Show
          when={access.roleFor(params.boardId)}
          fallback={
            <Show
              when={
                info().mode === 'accounts' &&
                !info().user &&
                !info().shareLink &&
                !info().linkRefused
              }
              fallback={
                <p class="page-message" role="alert">
                  {t('noAccess')}
                </p>
              }
            >
              <Navigate href={`/sign-in?next=${encodeURIComponent(location.pathname)}`} />
            </Show>
          }
        >
          {(role) => (
            <Show when={local()} keyed>
              {(board) => (
                <BoardPage
                  boardId={params.boardId}
                  local={board}
                  role={role()}
                  discarded={reopenedAfterDiscard.get(board)}
                  onRefused={() => discardCopy(board, params.boardId)}
                />
              )}
            </Show>
          )}
        </Show>
      )}
    </Show>
  )
}

/** A page's copy the server refused: what that page showed (null if it could not be read). */
interface Discarded {
  readonly shown: Snapshot | null
}

/** The board as a page showed it, for the person to keep; null if it cannot be read. */
function snapshotOf(doc: Y.Doc): Snapshot | null {
  try {
    return toSnapshot(doc)
  } catch {
    return null
  }
}

/**
 * `role` may change while the page is open (see BoardRoute). `onRefused`: the server refused a
 * change the local board holds; `discarded`: this page's board was opened again for that, and
 * `shown` is what the old page showed.
 */
function BoardPage(props: {
  boardId: string
  local: LocalBoard
  role: Role
  discarded: Discarded | undefined
  onRefused: () => void
}) {
  const params = { boardId: props.boardId }
  const identity = useIdentity()
  const access = useAccess()
  // The server closes this page's link when the person's access changes: ask who they are again.
  const recheck = createAccessRecheck(() => access.refresh())
  const canEdit = () => canWrite(props.role) && !recheck.pending()
  const shownRole = () => (recheck.pending() ? 'checking' : props.role)
  const board = openBoard(params.boardId, props.local, {
    identity: identity.current,
    canEdit,
    role: () => props.role,
    onRefused: () => props.onRefused(),
  })
  recheck.follow(board.link)
  const [showArchive, setShowArchive] = createSignal(false)
  const [showSnapshots, setShowSnapshots] = createSignal(false)
  const openCard = () => {
    const id = board.ui.openCard()
    return id ? board.state.cards[id] : undefined
  }

  const onKey = (e: KeyboardEvent) => {
    if (!board.canEdit || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return
    if (isTextField(e.target)) return
    e.preventDefault()
    if (e.shiftKey) board.history.redo()
    else board.history.undo()
  }
  onMount(() => document.addEventListener('keydown', onKey))
  onCleanup(() => document.removeEventListener('keydown', onKey))
  identity.onChange((next) => board.presence.setIdentity(next))

  return (
    <BoardContext.Provider value={board}>
      <div
        class="board-page"
        classList={{ stale: board.status() !== 'synced' }}
        data-board={params.boardId}
        data-stale={board.status() === 'synced' ? 'false' : 'true'}
      >
        <div class="board-toolbar">
          <h1 class="board-title" data-testid="board-title">
            {board.state.meta ? localized(board.state.meta.name) : t('loading')}
          </h1>
          <StatusBadge link={board.link()} />
          {/* While the server is asked again, the old role is no longer known to hold. */}
          <span
            class={`role role-${shownRole()}`}
            data-testid="my-role"
            aria-busy={recheck.pending()}
          >
            {t(`role.${shownRole()}`)}
          </span>
          <PresenceList
            others={board.presence.others()}
            cardTitle={(id) => board.state.cards[id]?.title}
          />
          <div class="toolbar-actions">
            <Show when={board.canEdit}>
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
            </Show>
            <button
              type="button"
              aria-pressed={showArchive()}
              data-testid="toggle-archive"
              onClick={() => setShowArchive(!showArchive())}
            >
              {t('archive.show')} ({board.state.archived.length})
            </button>
            <button
              type="button"
              aria-pressed={showSnapshots()}
              data-testid="toggle-snapshots"
              onClick={() => setShowSnapshots(!showSnapshots())}
            >
              {t('history.show')}
            </button>
            <a
              class="button"
              href={withToken(`/api/boards/${encodeURIComponent(params.boardId)}/snapshot`)}
              download={`${params.boardId}-snapshot.json`}
              data-testid="export"
            >
              {t('snapshot')}
            </a>
            <a
              class="button"
              href={withToken(`/api/boards/${encodeURIComponent(params.boardId)}/export.csv`)}
              download={`${params.boardId}.csv`}
              data-testid="export-csv"
            >
              {t('exportCsv')}
            </a>
          </div>
        </div>
        <StaleBanner link={board.link()} />
        <Show when={props.discarded}>
          {(discarded) => (
            <p class="notice-banner" role="status" data-testid="copy-discarded">
              {t('status.copyDiscarded')}{' '}
              <Show when={discarded().shown}>
                {(shown) => (
                  <DownloadJson value={shown()} name={`${params.boardId}-discarded.json`} />
                )}
              </Show>
            </p>
          )}
        </Show>
        <FilterBar
          filter={board.ui.filter()}
          officers={board.state.officers}
          tags={board.state.tags}
          actors={board.ui.auditActors()}
          onChange={(next) => board.ui.setFilter(next)}
          onClear={() => board.ui.setFilter(EMPTY_FILTER)}
        />
        <Show when={board.canEdit}>
          <p class="shortcuts" data-testid="shortcuts">
            {t('shortcuts')}
          </p>
        </Show>
        <div class="board-body">
          <BoardView />
          <Show when={board.canEdit}>
            <AddStage onAdd={(name) => board.actions.addStage(name)} />
          </Show>
          <Show when={showSnapshots()}>
            <SnapshotsPanel />
          </Show>
          <Show when={showArchive()}>
            <ArchivePanel
              cards={board.state.archived
                .map((id) => board.state.cards[id])
                .filter((c) => c !== undefined)}
              canEdit={board.canEdit}
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

/** A link that saves `value` as a JSON file (its object URL freed with the link). */
function DownloadJson(props: { value: unknown; name: string }) {
  const url = createMemo(() => {
    const href = URL.createObjectURL(
      new Blob([JSON.stringify(props.value, null, 2)], { type: 'application/json' }),
    )
    onCleanup(() => URL.revokeObjectURL(href))
    return href
  })
  return (
    <a href={url()} download={props.name} data-testid="download-discarded">
      {t('status.downloadDiscarded')}
    </a>
  )
}
