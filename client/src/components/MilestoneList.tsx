// A card's milestones: title, date and done mark each; add and remove.
import { For } from 'solid-js'
import type { Milestone } from '../../../shared/schema.js'
import { t } from '../i18n/locale'

export function MilestoneList(props: {
  milestones: readonly Milestone[]
  onChange: (next: Milestone[]) => void
}) {
  const update = (id: string, patch: Partial<Milestone>) =>
    props.onChange(props.milestones.map((m) => (m.id === id ? { ...m, ...patch } : m)))
  const add = () =>
    props.onChange([
      ...props.milestones,
      { id: crypto.randomUUID(), title: '', date: null, done: false },
    ])
  return (
    <fieldset class="milestones">
      <legend>{t('card.milestones')}</legend>
      <For each={props.milestones}>
        {(milestone) => (
          <div class="milestone-row" data-testid="milestone">
            <input
              type="checkbox"
              checked={milestone.done}
              aria-label={t('card.done')}
              onChange={(e) => update(milestone.id, { done: e.currentTarget.checked })}
            />
            <input
              value={milestone.title}
              aria-label={t('card.milestoneTitle')}
              placeholder={t('card.milestoneTitle')}
              maxLength={500}
              onChange={(e) => update(milestone.id, { title: e.currentTarget.value })}
            />
            <input
              type="date"
              value={milestone.date ?? ''}
              aria-label={t('card.milestoneDate')}
              onChange={(e) => update(milestone.id, { date: e.currentTarget.value || null })}
            />
            <button
              type="button"
              class="icon-button"
              aria-label={t('card.remove')}
              onClick={() => props.onChange(props.milestones.filter((m) => m.id !== milestone.id))}
            >
              ✕
            </button>
          </div>
        )}
      </For>
      <button type="button" onClick={add}>
        + {t('card.addMilestone')}
      </button>
    </fieldset>
  )
}
