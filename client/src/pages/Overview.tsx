// All six sectors live on one page, for managers. Read-only by construction: it only watches.
import { A } from '@solidjs/router'
import { For } from 'solid-js'
import { SECTORS } from '../../../shared/sectors.js'
import { useAccess } from '../access-context'
import { t } from '../i18n/locale'
import { SectorPanel } from '../overview/SectorPanel'

export function Overview() {
  const access = useAccess()
  const visible = () => SECTORS.filter((s) => access.roleFor(s.id) !== null)
  return (
    <main class="overview" data-testid="overview">
      <div class="overview-header">
        <h2>{t('overview.title')}</h2>
        <A href="/present" class="button" data-testid="present-link">
          {t('overview.present')}
        </A>
      </div>
      <div class="overview-grid">
        <For each={visible()}>
          {(sector) => <SectorPanel boardId={sector.id} name={sector.name} />}
        </For>
      </div>
    </main>
  )
}
