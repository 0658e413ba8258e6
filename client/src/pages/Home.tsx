// The six sector boards, each with a live count of cards per stage.
import { A } from '@solidjs/router'
import { createResource, For, Match, Switch } from 'solid-js'
import { withToken } from '../access'
import { fetchBoards, type BoardSummary } from '../api'
import { stageFigures } from '../board/metrics'
import { watchBoard } from '../board/watch-board'
import { localized, locale, t } from '../i18n/locale'

function BoardCard(props: { board: BoardSummary }) {
  const board = watchBoard(props.board.id)
  const counts = () => stageFigures(board.state)
  const total = () => counts().reduce((n, c) => n + c.count, 0)
  return (
    <li class="board-item" data-board={props.board.id}>
      <A href={`/board/${props.board.id}`} class="board-link">
        <span class="board-name">{props.board.name[locale()]}</span>
        <span class="board-alt">{props.board.name[locale() === 'zh' ? 'en' : 'zh']}</span>
      </A>
      <ul class="stage-counts" data-testid="stage-counts">
        <For each={counts()}>
          {(entry) => (
            <li data-stage={entry.stage.id}>
              <span>{localized(entry.stage.name)}</span>
              <strong data-testid="stage-count">{entry.count}</strong>
            </li>
          )}
        </For>
      </ul>
      <div class="board-item-footer">
        <span>
          {total()} {t('cards')}
        </span>
        <a href={withToken(props.board.snapshot)} download={`${props.board.id}-snapshot.json`}>
          {t('snapshot')}
        </a>
      </div>
    </li>
  )
}

export function Home() {
  const [boards] = createResource(fetchBoards)
  return (
    <main class="home">
      <div class="overview-header">
        <h2>{t('boards')}</h2>
        <a
          class="button"
          href={withToken('/api/export')}
          download="sector-boards.json"
          data-testid="export-all"
        >
          {t('exportAll')}
        </a>
      </div>
      <Switch>
        <Match when={boards.error}>
          <p role="alert">{t('loadFailed')}</p>
        </Match>
        <Match when={boards()}>
          {(list) => (
            <ul class="board-list">
              <For each={list()}>{(board) => <BoardCard board={board} />}</For>
            </ul>
          )}
        </Match>
        <Match when={boards.loading}>
          <p>{t('loading')}</p>
        </Match>
      </Switch>
    </main>
  )
}
