// One sector at a glance, live: funnel, investment per stage, targets, projects at risk and what
// changed in the last hour. Read-only: it offers no way to change anything.
import { createSignal, For, onCleanup, Show } from 'solid-js'
import { sumDecimals } from '../../../shared/decimal.js'
import type { LocalizedText } from '../../../shared/schema.js'
import {
  cardsAtRisk,
  liveCards,
  recentChanges,
  stageFigures,
  targetFigures,
} from '../board/metrics'
import { watchBoard } from '../board/watch-board'
import { locale, localized, t } from '../i18n/locale'
import { StatusBadge } from '../components/StatusBadge'
import { StageBars } from './StageBars'
import { TargetList } from './TargetList'

const HOUR_MS = 60 * 60 * 1000

/** The current time, ticking every 30 s, so "last hour" moves on by itself. */
function useNow() {
  const [now, setNow] = createSignal(Date.now())
  const timer = setInterval(() => setNow(Date.now()), 30_000)
  onCleanup(() => clearInterval(timer))
  return now
}

export function SectorPanel(props: { boardId: string; name: LocalizedText; large?: boolean }) {
  const board = watchBoard(props.boardId)
  const now = useNow()
  const total = () => liveCards(board.state).length
  const investment = () => sumDecimals(liveCards(board.state).map((c) => c.investment))
  const recent = () => recentChanges(board.state, new Date(now() - HOUR_MS).toISOString())
  return (
    <section
      class="sector-panel"
      classList={{ large: props.large, stale: !board.connected() }}
      data-board={props.boardId}
      data-testid="sector-panel"
    >
      <header class="sector-header">
        <h2>{localized(props.name)}</h2>
        <span class="sector-totals">
          <span data-testid="sector-total">{total()}</span> {t('cards')} ·{' '}
          {investment() === '0' ? '—' : `${investment()} ${t('card.investmentUnit')}`}
        </span>
        <Show when={!board.connected()}>
          <StatusBadge link={board.link()} />
        </Show>
      </header>
      <StageBars figures={stageFigures(board.state)} />
      <h3>{t('targets')}</h3>
      <TargetList targets={targetFigures(board.state)} />
      <h3>{t('overview.atRisk')}</h3>
      <Show
        when={cardsAtRisk(board.state).length > 0}
        fallback={<p class="muted">{t('overview.noneAtRisk')}</p>}
      >
        <ul class="risk-list" data-testid="at-risk">
          <For each={cardsAtRisk(board.state)}>
            {(card) => (
              <li>
                <span class={`risk-flag risk-${card.risk}`}>{t(`risk.${card.risk}`)}</span>{' '}
                {card.title}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t('overview.recent')}</h3>
      <Show when={recent().length > 0} fallback={<p class="muted">{t('overview.noRecent')}</p>}>
        <ul class="recent-list" data-testid="recent">
          <For each={recent().slice(0, 8)}>
            {(card) => (
              <li>
                <time>
                  {new Date(card.updatedAt).toLocaleTimeString(
                    locale() === 'zh' ? 'zh-CN' : 'en-GB',
                    { hour: '2-digit', minute: '2-digit' },
                  )}
                </time>{' '}
                {card.updatedBy}: {card.title}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
