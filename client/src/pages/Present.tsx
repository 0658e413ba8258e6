// Presentation mode for a big screen: full screen, large type, no controls but "leave". Shows one
// board (?board=<id>) or cycles through every visible board (?cycle=<seconds>, default 20).
// The live views reconnect by themselves after a network drop.
import { A, useSearchParams } from '@solidjs/router'
import { createMemo, createSignal, onCleanup, onMount, Show } from 'solid-js'
import { SECTORS } from '../../../shared/sectors.js'
import { useAccess } from '../access-context'
import { t } from '../i18n/locale'
import { SectorPanel } from '../overview/SectorPanel'

export function Present() {
  const access = useAccess()
  const [params] = useSearchParams<{ board?: string; cycle?: string }>()
  const boards = createMemo(() =>
    SECTORS.filter(
      (s) => access.roleFor(s.id) !== null && (!params.board || s.id === params.board),
    ),
  )
  const [index, setIndex] = createSignal(0)
  const seconds = () => Math.max(5, Number(params.cycle) || 20)
  const timer = setInterval(() => {
    if (boards().length > 1) setIndex((i) => (i + 1) % boards().length)
  }, seconds() * 1000)
  onCleanup(() => clearInterval(timer))
  onMount(() => void document.documentElement.requestFullscreen?.().catch(() => undefined))
  onCleanup(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
  })
  const current = () => boards()[index() % Math.max(1, boards().length)]
  return (
    <main class="present" data-testid="present">
      <A href="/overview" class="present-exit">
        {t('overview.exit')}
      </A>
      <Show when={current()} keyed>
        {(sector) => <SectorPanel boardId={sector.id} name={sector.name} large />}
      </Show>
    </main>
  )
}
