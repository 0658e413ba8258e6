// A card's history from the server's audit trail: who changed which field, when, from what to what.
import { createResource, createSignal, For, Show } from 'solid-js'
import { fetchAudit } from '../audit-api'
import { locale, t } from '../i18n/locale'
import { showValue } from './ChangeList'

export function CardHistory(props: { boardId: string; cardId: string; version: string }) {
  // Fetched only while open, and again when the card changes (typing is merged server-side).
  const [open, setOpen] = createSignal(false)
  const [entries] = createResource(
    () => open() && ([props.boardId, props.cardId, props.version] as const),
    ([boardId, card]) => fetchAudit(boardId, { card, limit: 50 }),
  )
  const label = (field: string) =>
    field === 'created' || field === 'stage' || field === 'archived'
      ? t(`history.event.${field}`)
      : t(`history.field.${field as 'title'}`)
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale() === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    })
  return (
    <details
      class="card-history"
      data-testid="card-history"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t('history.cardHistory')}</summary>
      <Show when={!entries.error} fallback={<p class="muted">{t('history.unavailable')}</p>}>
        <ul>
          <For each={entries() ?? []} fallback={<li class="muted">{t('history.noChanges')}</li>}>
            {(entry) => (
              <li data-testid="history-entry" data-field={entry.field}>
                <span class="muted">{when(entry.at)}</span> {entry.actor} · {label(entry.field)}:{' '}
                {showValue(entry.before)} → {showValue(entry.after)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </details>
  )
}
