// Connection status, always visible. "Live" only while the link is open and synced; otherwise it
// says plainly what is wrong and when the next attempt is (counting down each second), or that
// the server closed the link because this person's role changed.
import { createSignal, onCleanup } from 'solid-js'
import type { Link } from '../board/session'
import { t } from '../i18n/locale'

export function linkText(link: Link, now: number): string {
  if (link.status !== 'retrying') return t(`status.${link.status}`)
  if (link.cause === 'access-changed') return t('status.accessChanged')
  const seconds = Math.ceil((link.at - now) / 1000)
  if (seconds <= 0) return t('status.retryingNow')
  const text = link.cause === 'restarting' ? t('status.restarting') : t('status.retrying')
  return text.replace('{n}', String(seconds))
}

export function StatusBadge(props: { link: Link }) {
  const [now, setNow] = createSignal(Date.now())
  const ticker = setInterval(() => setNow(Date.now()), 1_000)
  onCleanup(() => clearInterval(ticker))
  return (
    <span
      class={`status status-${props.link.status}`}
      role="status"
      data-testid="sync-status"
      data-status={props.link.status}
      data-live={props.link.status === 'synced' ? 'true' : 'false'}
      data-cause={props.link.status === 'retrying' ? props.link.cause : undefined}
    >
      {linkText(props.link, now())}
    </span>
  )
}
