// The stage funnel of one sector as horizontal bars (SVG-free, CSS widths): cards per stage, with
// the stage's investment beside it.
import { For } from 'solid-js'
import type { StageFigures } from '../board/metrics'
import { localized, t } from '../i18n/locale'

export function StageBars(props: { figures: readonly StageFigures[] }) {
  const max = () => Math.max(1, ...props.figures.map((f) => f.count))
  return (
    <table class="stage-bars" data-testid="stage-bars">
      <thead>
        <tr>
          <th scope="col">{t('overview.stage')}</th>
          <th scope="col">{t('overview.cards')}</th>
          <th scope="col">{t('overview.investment')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.figures}>
          {(figure) => (
            <tr data-stage={figure.stage.id}>
              <th scope="row">{localized(figure.stage.name)}</th>
              <td class="bar-cell">
                <span class="bar" style={{ width: `${(figure.count / max()) * 100}%` }} />
                <span class="bar-value" data-testid="overview-stage-count">
                  {figure.count}
                </span>
              </td>
              <td class="number" data-testid="overview-stage-investment">
                {figure.investment === '0' ? '—' : figure.investment}
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  )
}
