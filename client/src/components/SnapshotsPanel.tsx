// A board's named snapshots: save one (editors), list them with time and author, see what changed
// since one (highlighted on the board too), export one, and restore the board to one (editors).
import { A } from '@solidjs/router'
import { createResource, createSignal, For, Show } from 'solid-js'
import type { BoardDiff } from '../../../shared/diff.js'
import { useBoard } from '../board/context'
import { localized, locale, t } from '../i18n/locale'
import {
  diffSince,
  importSnapshot,
  listSnapshots,
  restoreSnapshot,
  snapshotUrl,
  takeSnapshot,
} from '../snapshots-api'
import { ChangeList } from './ChangeList'

export function SnapshotsPanel() {
  const board = useBoard()
  const [snapshots, { refetch }] = createResource(() => listSnapshots(board.boardId))
  const [diff, setDiff] = createSignal<{ name: string; diff: BoardDiff } | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  let nameInput!: HTMLInputElement
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      setError(null)
      await work()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const save = (event: SubmitEvent) => {
    event.preventDefault()
    const name = nameInput.value.trim()
    if (!name) return
    void attempt(async () => {
      await takeSnapshot(board.boardId, name)
      nameInput.value = ''
      await refetch()
    })
  }
  const compare = (id: string, name: string, to = 'now') =>
    attempt(async () => {
      const result = await diffSince(board.boardId, id, to)
      const toName = snapshots()?.find((s) => s.id === to)?.name
      setDiff({ name: toName ? `${name} → ${toName}` : name, diff: result })
      board.ui.setHighlighted(new Set(result.changes.map((c) => c.id)))
    })
  const restore = (id: string, name: string) => {
    if (!confirm(t('history.confirmRestore').replace('{name}', name))) return
    void attempt(async () => {
      await restoreSnapshot(board.boardId, id)
      setDiff(null)
      board.ui.setHighlighted(new Set())
      await refetch()
    })
  }
  const stageName = (id: string) => {
    const stage = board.state.stages.find((s) => s.id === id)
    return stage ? localized(stage.name) : id
  }
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale() === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    })
  return (
    <aside
      class="archive-panel snapshots-panel"
      aria-label={t('history.title')}
      data-testid="snapshots-panel"
    >
      <h2>{t('history.title')}</h2>
      <Show when={board.canEdit}>
        <form class="menu-row" onSubmit={save}>
          <input
            ref={nameInput}
            placeholder={t('history.name')}
            aria-label={t('history.name')}
            maxLength={200}
            data-testid="snapshot-name"
          />
          <button type="submit" data-testid="save-snapshot">
            {t('history.save')}
          </button>
        </form>
      </Show>
      <Show when={board.canEdit}>
        <label class="import-file">
          {t('history.importFile')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              e.currentTarget.value = ''
              if (!file || !confirm(t('history.confirmImport').replace('{name}', file.name))) return
              void attempt(async () => {
                await importSnapshot(board.boardId, file)
                await refetch()
              })
            }}
          />
        </label>
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <ul>
        <For each={snapshots() ?? []} fallback={<li class="muted">{t('history.none')}</li>}>
          {(snapshot) => (
            <li class="snapshot-item" data-testid="snapshot" data-snapshot-id={snapshot.id}>
              <div>
                <strong>{snapshot.name}</strong>
                <div class="muted">
                  {when(snapshot.takenAt)} · {snapshot.takenBy}
                </div>
              </div>
              <div class="menu-row">
                <A
                  class="button"
                  href={`/board/${board.boardId}/snapshots/${snapshot.id}`}
                  data-testid="open-snapshot"
                >
                  {t('history.open')}
                </A>
                <button
                  type="button"
                  data-testid="compare-snapshot"
                  onClick={() => void compare(snapshot.id, snapshot.name)}
                >
                  {t('history.compare')}
                </button>
                <Show when={(snapshots() ?? []).length > 1}>
                  <select
                    aria-label={t('history.compareWith')}
                    data-testid="compare-with"
                    onChange={(e) => {
                      const to = e.currentTarget.value
                      e.currentTarget.value = ''
                      if (to) void compare(snapshot.id, snapshot.name, to)
                    }}
                  >
                    <option value="">{t('history.compareWith')}…</option>
                    <For each={(snapshots() ?? []).filter((other) => other.id !== snapshot.id)}>
                      {(other) => <option value={other.id}>{other.name}</option>}
                    </For>
                  </select>
                </Show>
                <a
                  class="button"
                  href={snapshotUrl(board.boardId, snapshot.id)}
                  download={`${board.boardId}-${snapshot.id}.json`}
                >
                  {t('snapshot')}
                </a>
                <Show when={board.canEdit}>
                  <button
                    type="button"
                    class="danger"
                    data-testid="restore-snapshot"
                    onClick={() => restore(snapshot.id, snapshot.name)}
                  >
                    {t('history.restore')}
                  </button>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ul>
      <Show when={diff()}>
        {(shown) => (
          <section>
            <h3>
              {t('history.changesSince')} “{shown().name}”
            </h3>
            <ChangeList
              changes={shown().diff.changes}
              stageName={stageName}
              onSelect={(id) => board.ui.setOpenCard(id)}
            />
            <button
              type="button"
              onClick={() => {
                setDiff(null)
                board.ui.setHighlighted(new Set())
              }}
            >
              {t('history.clear')}
            </button>
          </section>
        )}
      </Show>
    </aside>
  )
}
