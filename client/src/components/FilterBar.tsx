// Local filters (text, officer, risk, tag). They change only this person's view of the board.
import { For, Show } from 'solid-js'
import { RISKS } from '../../../shared/schema.js'
import type { CardFilter } from '../board/context'
import { isFiltering } from '../board/filter'
import { t } from '../i18n/locale'

export function FilterBar(props: {
  filter: CardFilter
  officers: readonly string[]
  tags: readonly string[]
  actors: readonly string[]
  onChange: (next: Partial<CardFilter>) => void
  onClear: () => void
}) {
  return (
    <div class="filter-bar" role="search">
      <input
        type="search"
        placeholder={t('filter.text')}
        aria-label={t('filter.text')}
        value={props.filter.text}
        data-testid="filter-text"
        onInput={(e) => props.onChange({ text: e.currentTarget.value })}
      />
      <select
        aria-label={t('filter.officer')}
        value={props.filter.officer}
        onChange={(e) => props.onChange({ officer: e.currentTarget.value })}
      >
        <option value="">
          {t('filter.officer')}: {t('filter.any')}
        </option>
        <For each={props.officers}>{(officer) => <option value={officer}>{officer}</option>}</For>
      </select>
      <select
        aria-label={t('filter.risk')}
        value={props.filter.risk}
        data-testid="filter-risk"
        onChange={(e) => props.onChange({ risk: e.currentTarget.value })}
      >
        <option value="">
          {t('filter.risk')}: {t('filter.any')}
        </option>
        <For each={RISKS}>{(risk) => <option value={risk}>{t(`risk.${risk}`)}</option>}</For>
      </select>
      <select
        aria-label={t('filter.tag')}
        value={props.filter.tag}
        onChange={(e) => props.onChange({ tag: e.currentTarget.value })}
      >
        <option value="">
          {t('filter.tag')}: {t('filter.any')}
        </option>
        <For each={props.tags}>{(tag) => <option value={tag}>{tag}</option>}</For>
      </select>
      <select
        aria-label={t('history.changedBy')}
        value={props.filter.changedBy}
        data-testid="filter-changed-by"
        onChange={(e) => props.onChange({ changedBy: e.currentTarget.value })}
      >
        <option value="">
          {t('history.changedBy')}: {t('filter.any')}
        </option>
        <For each={props.actors}>{(actor) => <option value={actor}>{actor}</option>}</For>
      </select>
      <Show when={isFiltering(props.filter)}>
        <button type="button" onClick={() => props.onClear()}>
          {t('filter.clear')}
        </button>
      </Show>
    </div>
  )
}
