// A readable list of what changed since a snapshot: added, archived, restored, moved between
// stages, and field changes with before and after.
import { For, Match, Switch } from 'solid-js'
import type { CardChange } from '../../../shared/diff.js'
import { t } from '../i18n/locale'

export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value))
    return (
      value
        .map((v) =>
          typeof v === 'object' && v ? String((v as { title?: string }).title) : String(v),
        )
        .join(', ') || '—'
    )
  return String(value)
}

export function ChangeList(props: {
  changes: readonly CardChange[]
  stageName: (id: string) => string
  onSelect: (cardId: string) => void
}) {
  return (
    <ul class="change-list" data-testid="change-list">
      <For each={props.changes} fallback={<li class="muted">{t('history.noChanges')}</li>}>
        {(change) => (
          <li data-testid="change" data-kind={change.kind} data-card-id={change.id}>
            <button type="button" class="link-button" onClick={() => props.onSelect(change.id)}>
              {change.title}
            </button>{' '}
            <Switch>
              <Match when={change.kind === 'added' && change}>
                {(c) => `${t('history.added')} (${props.stageName(c().stage)})`}
              </Match>
              <Match when={change.kind === 'moved' && change}>
                {(c) =>
                  `${t('history.moved')}: ${props.stageName(c().from)} → ${props.stageName(c().to)}`
                }
              </Match>
              <Match when={change.kind === 'changed' && change}>
                {(c) =>
                  `${t(`history.field.${c().field}`)}: ${showValue(c().before)} → ${showValue(c().after)}`
                }
              </Match>
              <Match when={change.kind === 'archived'}>{t('history.archived')}</Match>
              <Match when={change.kind === 'restored'}>{t('history.restored')}</Match>
              <Match when={change.kind === 'removed'}>{t('history.removed')}</Match>
            </Switch>
          </li>
        )}
      </For>
    </ul>
  )
}
