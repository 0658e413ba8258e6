// The card dialog: every field of a card, saved as it is edited. Title and notes are shared text
// that several people can type in at once. Invalid values are refused with a message.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import type { CardPatch } from '../../../shared/ops/cards.js'
import { CARD_KINDS, RISKS, type Card } from '../../../shared/schema.js'
import { useBoard } from '../board/context'
import { t } from '../i18n/locale'
import { CardHistory } from './CardHistory'
import { CollabText } from './CollabText'
import { MilestoneList } from './MilestoneList'

export function CardEditor(props: { card: Card; onClose: () => void }) {
  const board = useBoard()
  const [error, setError] = createSignal<string | null>(null)
  const edit = (patch: CardPatch) => {
    try {
      board.actions.editCard(props.card.id, patch)
      setError(null)
    } catch (e) {
      setError(`${t('card.invalid')}: ${(e as Error).message}`)
    }
  }
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose()
  let dialog!: HTMLDivElement
  onMount(() => {
    document.addEventListener('keydown', onKey)
    dialog.querySelector<HTMLElement>('input, textarea')?.focus()
  })
  onCleanup(() => document.removeEventListener('keydown', onKey))
  const text = (field: 'company' | 'officer', label: string) => (
    <label>
      {label}
      <input
        value={props.card[field]}
        maxLength={field === 'company' ? 200 : 100}
        data-testid={`field-${field}`}
        onChange={(e) => edit({ [field]: e.currentTarget.value.trim() })}
      />
    </label>
  )
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={dialog}
        class="dialog card-editor"
        role="dialog"
        aria-modal="true"
        aria-label={t('card.edit')}
        data-testid="card-editor"
      >
        <fieldset class="editor-fields" disabled={!board.canEdit}>
          <label class="wide">
            {t('card.title')}
            <CollabText
              value={props.card.title}
              onInput={(title) => edit({ title })}
              label={t('card.title')}
              maxLength={500}
              testId="field-title"
            />
          </label>
          <div class="field-grid">
            {text('company', t('card.company'))}
            {text('officer', t('card.officer'))}
            <label>
              {t('card.investment')}
              <input
                inputMode="decimal"
                value={props.card.investment ?? ''}
                data-testid="field-investment"
                onChange={(e) => edit({ investment: e.currentTarget.value.trim() || null })}
              />
            </label>
            <label>
              {t('card.floorArea')}
              <input
                type="number"
                min="0"
                value={props.card.floorArea ?? ''}
                data-testid="field-floorArea"
                onChange={(e) => {
                  const raw = e.currentTarget.value.trim()
                  edit({ floorArea: raw === '' ? null : Number(raw) })
                }}
              />
            </label>
            <label>
              {t('card.dueDate')}
              <input
                type="date"
                value={props.card.dueDate ?? ''}
                data-testid="field-dueDate"
                onChange={(e) => edit({ dueDate: e.currentTarget.value || null })}
              />
            </label>
            <label>
              {t('card.risk')}
              <select
                value={props.card.risk}
                data-testid="field-risk"
                onChange={(e) => edit({ risk: e.currentTarget.value as Card['risk'] })}
              >
                <For each={RISKS}>
                  {(risk) => <option value={risk}>{t(`risk.${risk}`)}</option>}
                </For>
              </select>
            </label>
            <label>
              {t('card.kind')}
              <select
                value={props.card.kind}
                data-testid="field-kind"
                onChange={(e) => edit({ kind: e.currentTarget.value as Card['kind'] })}
              >
                <For each={CARD_KINDS}>
                  {(kind) => <option value={kind}>{t(`kind.${kind}`)}</option>}
                </For>
              </select>
            </label>
            <label>
              {t('card.tags')}
              <input
                value={props.card.tags.join(', ')}
                data-testid="field-tags"
                onChange={(e) =>
                  edit({
                    tags: e.currentTarget.value
                      .split(/[,，]/)
                      .map((tag) => tag.trim())
                      .filter(Boolean),
                  })
                }
              />
            </label>
          </div>
          <MilestoneList
            milestones={props.card.milestones}
            onChange={(milestones) => edit({ milestones })}
          />
          <label class="wide">
            {t('card.notes')}
            <CollabText
              multiline
              value={props.card.notes}
              onInput={(notes) => edit({ notes })}
              label={t('card.notes')}
              maxLength={20_000}
              testId="field-notes"
            />
          </label>
        </fieldset>
        <CardHistory
          boardId={board.boardId}
          cardId={props.card.id}
          version={props.card.updatedAt}
        />
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <div class="menu-row dialog-actions">
          <Show when={board.canEdit}>
            <Show
              when={props.card.archived}
              fallback={
                <button
                  type="button"
                  class="danger"
                  data-testid="archive-card"
                  onClick={() => {
                    board.actions.archiveCard(props.card.id)
                    props.onClose()
                  }}
                >
                  {t('card.archive')}
                </button>
              }
            >
              <button
                type="button"
                data-testid="restore-card"
                onClick={() => board.actions.restoreCard(props.card.id)}
              >
                {t('card.restore')}
              </button>
            </Show>
          </Show>
          <button type="button" data-testid="close-card" onClick={() => props.onClose()}>
            {t('card.close')}
          </button>
        </div>
      </div>
    </div>
  )
}
