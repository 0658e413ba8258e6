// A named snapshot of a board, opened read-only in the board view.
import { A, useParams } from '@solidjs/router'
import { createResource, Show } from 'solid-js'
import { BoardContext } from '../board/context'
import { openSnapshotView } from '../board/snapshot-view'
import { BoardView } from '../components/BoardView'
import { CardEditor } from '../components/CardEditor'
import { localized, locale, t } from '../i18n/locale'
import { snapshotUrl } from '../snapshots-api'

async function fetchSnapshot(url: string): Promise<unknown> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`${res.status}`)
  return res.json()
}

export function SnapshotPage() {
  const params = useParams<{ boardId: string; snapshotId: string }>()
  const [snapshot] = createResource(
    () => snapshotUrl(params.boardId, params.snapshotId),
    fetchSnapshot,
  )
  return (
    <Show
      when={snapshot()}
      keyed
      fallback={<p class="page-message">{snapshot.error ? t('notFound') : t('loading')}</p>}
    >
      {(json) => <SnapshotBoard boardId={params.boardId} snapshot={json} />}
    </Show>
  )
}

function SnapshotBoard(props: { boardId: string; snapshot: unknown }) {
  const board = openSnapshotView(props.boardId, props.snapshot)
  const takenAt = (props.snapshot as { takenAt: string }).takenAt
  const openCard = () => {
    const id = board.ui.openCard()
    return id ? board.state.cards[id] : undefined
  }
  return (
    <BoardContext.Provider value={board}>
      <div class="board-page" data-testid="snapshot-view">
        <div class="board-toolbar">
          <h1 class="board-title">{board.state.meta ? localized(board.state.meta.name) : ''}</h1>
          <span class="role role-viewer">
            {t('history.readOnlySnapshot')} ·{' '}
            {new Date(takenAt).toLocaleString(locale() === 'zh' ? 'zh-CN' : 'en-GB')}
          </span>
          <A class="button" href={`/board/${props.boardId}`}>
            {t('history.backToLive')}
          </A>
        </div>
        <div class="board-body">
          <BoardView />
        </div>
        <Show when={openCard()}>
          {(card) => <CardEditor card={card()} onClose={() => board.ui.setOpenCard(null)} />}
        </Show>
      </div>
    </BoardContext.Provider>
  )
}
