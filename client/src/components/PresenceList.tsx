// Who else is on this board, in their colours, and which card each is editing.
import { For, Show } from 'solid-js'
import type { Presence } from '../board/presence'
import { t } from '../i18n/locale'

export function PresenceList(props: {
  others: readonly Presence[]
  cardTitle: (id: string) => string | undefined
}) {
  return (
    <div class="presence" aria-label={t('onBoard')} data-testid="presence">
      <For each={props.others}>
        {(person) => (
          <span
            class="presence-chip"
            style={{ 'border-color': person.color }}
            data-testid="presence-chip"
          >
            <span class="presence-dot" style={{ background: person.color }} />
            {person.name}
            <Show when={person.viewer}>
              <span class="presence-role"> ({t('role.viewer')})</span>
            </Show>
            <Show when={person.editing && props.cardTitle(person.editing)}>
              {(title) => (
                <span class="presence-editing">
                  {' '}
                  · {t('editingCard')} {title()}
                </span>
              )}
            </Show>
          </span>
        )}
      </For>
    </div>
  )
}
