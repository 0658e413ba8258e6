// A column's header: stage name in the current language, card count against its WIP limit, and
// the stage's own menu (rename, move, limit, remove).
import { createSignal, Show } from 'solid-js'
import type { Stage } from '../../../shared/schema.js'
import { localized, t } from '../i18n/locale'

export interface StageIntents {
  rename(name: { zh: string; en: string }): void
  move(delta: -1 | 1): void
  setWipLimit(limit: number | null): void
  remove(): void
}

export function StageHeader(props: {
  stage: Stage
  count: number
  isFirst: boolean
  isLast: boolean
  canEdit: boolean
  intents: StageIntents
}) {
  const [editing, setEditing] = createSignal(false)
  const over = () => props.stage.wipLimit !== null && props.count > props.stage.wipLimit
  let zhInput!: HTMLInputElement
  let enInput!: HTMLInputElement
  let wipInput!: HTMLInputElement
  const save = (event: SubmitEvent) => {
    event.preventDefault()
    props.intents.rename({ zh: zhInput.value.trim(), en: enInput.value.trim() })
    const wip = wipInput.value.trim()
    props.intents.setWipLimit(wip === '' ? null : Number(wip))
    setEditing(false)
  }
  return (
    <header class="column-header" classList={{ 'over-limit': over() }}>
      <div class="column-title-row">
        <h2 class="column-title" data-testid="stage-name">
          {localized(props.stage.name)}
        </h2>
        <span class="column-count" data-testid="stage-count" title={t('stage.wip')}>
          {props.count}
          <Show when={props.stage.wipLimit !== null}>/{props.stage.wipLimit}</Show>
        </span>
        <Show when={props.canEdit}>
          <button
            type="button"
            class="icon-button"
            aria-expanded={editing()}
            aria-label={`${t('stage.rename')} ${localized(props.stage.name)}`}
            data-testid="stage-menu"
            onClick={() => setEditing(!editing())}
          >
            ⋯
          </button>
        </Show>
      </div>
      <Show when={over()}>
        <div class="over-limit-note" role="status">
          {t('stage.overLimit')}
        </div>
      </Show>
      <Show when={editing() && props.canEdit}>
        <form class="stage-menu" onSubmit={save}>
          <label>
            {t('stage.newName')}
            <input ref={zhInput} value={props.stage.name.zh} required maxLength={200} />
          </label>
          <label>
            {t('stage.newNameEn')}
            <input ref={enInput} value={props.stage.name.en} required maxLength={200} />
          </label>
          <label>
            {t('stage.wip')}
            <input
              ref={wipInput}
              type="number"
              min="1"
              step="1"
              value={props.stage.wipLimit ?? ''}
              placeholder={t('stage.noLimit')}
            />
          </label>
          <div class="menu-row">
            <button type="submit">{t('stage.save')}</button>
            <button type="button" disabled={props.isFirst} onClick={() => props.intents.move(-1)}>
              ← {t('stage.left')}
            </button>
            <button type="button" disabled={props.isLast} onClick={() => props.intents.move(1)}>
              {t('stage.right')} →
            </button>
            <button
              type="button"
              class="danger"
              disabled={props.count > 0}
              title={props.count > 0 ? t('stage.removeBlocked') : undefined}
              onClick={() => props.intents.remove()}
            >
              {t('stage.remove')}
            </button>
          </div>
        </form>
      </Show>
    </header>
  )
}
