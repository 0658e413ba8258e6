// The year's targets of a sector with progress: typed-in figures or counts of matching cards.
import { For, Show } from 'solid-js'
import type { TargetFigures } from '../board/metrics'
import { localized, t } from '../i18n/locale'

export function TargetList(props: { targets: readonly TargetFigures[] }) {
  return (
    <Show when={props.targets.length > 0} fallback={<p class="muted">{t('overview.noTargets')}</p>}>
      <ul class="target-list" data-testid="targets">
        <For each={props.targets}>
          {({ target, current }) => (
            <li>
              <div class="target-label">
                <span>{localized(target.label)}</span>
                <span class="number">
                  {current ?? '—'} / {target.target} {localized(target.unit)}
                </span>
              </div>
              <div class="progress" aria-hidden="true">
                <span
                  style={{
                    width: `${current === null ? 0 : Math.min(100, (current / Math.max(target.target, 1)) * 100)}%`,
                  }}
                />
              </div>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
