// The six sector boards, named in the current language, each with its JSON export link.
import { For } from 'solid-js'
import type { BoardSummary } from '../api'
import { locale, t } from '../i18n/locale'

export function BoardList(props: { boards: readonly BoardSummary[] }) {
  return (
    <ul class="board-list">
      <For each={props.boards}>
        {(board) => (
          <li class="board-item" data-board={board.id}>
            <span class="board-name">{board.name[locale()]}</span>
            <span class="board-alt">{board.name[locale() === 'zh' ? 'en' : 'zh']}</span>
            <a href={board.snapshot} download={`${board.id}.json`}>
              {t('snapshot')}
            </a>
          </li>
        )}
      </For>
    </ul>
  )
}
