// The board's archive: cards that were deleted, each restorable.
import { For, Show } from 'solid-js'
import type { Card } from '../../../shared/schema.js'
import { t } from '../i18n/locale'

export function ArchivePanel(props: {
  cards: readonly Card[]
  canEdit: boolean
  onRestore: (id: string) => void
  onOpen: (id: string) => void
}) {
  return (
    <aside class="archive-panel" aria-label={t('archive.title')} data-testid="archive-panel">
      <h2>{t('archive.title')}</h2>
      <Show when={props.cards.length > 0} fallback={<p>{t('archive.empty')}</p>}>
        <ul>
          <For each={props.cards}>
            {(card) => (
              <li data-testid="archived-card" data-card-id={card.id}>
                <button type="button" class="link-button" onClick={() => props.onOpen(card.id)}>
                  {card.title}
                </button>
                <Show when={props.canEdit}>
                  <button
                    type="button"
                    data-testid="restore-card"
                    onClick={() => props.onRestore(card.id)}
                  >
                    {t('card.restore')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </aside>
  )
}
