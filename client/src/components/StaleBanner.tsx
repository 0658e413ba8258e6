// Said once, above the board, whenever it cannot be live: what is on screen may be out of date.
import { Show } from 'solid-js'
import type { Link } from '../board/session'
import { t } from '../i18n/locale'

export function StaleBanner(props: { link: Link }) {
  return (
    <Show when={['retrying', 'revoked', 'offline'].includes(props.link.status)}>
      <p class="stale-banner" role="alert" data-testid="stale-banner">
        {t('status.stale')} {props.link.status === 'revoked' ? t('status.revokedHint') : ''}
      </p>
    </Show>
  )
}
