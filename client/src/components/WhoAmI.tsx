// The header's "who am I": a signed-in person's name and a sign-out button, a share link's
// read-only badge, or (open mode) an editable display name for presence.
import { Match, Switch } from 'solid-js'
import type { AccessInfo } from '../access'
import type { IdentityStore } from '../board/identity-context'
import { t } from '../i18n/locale'

export function WhoAmI(props: {
  info: AccessInfo | undefined
  identity: IdentityStore
  onSignOut: () => void
}) {
  return (
    <Switch>
      <Match when={props.info?.user}>
        {(user) => (
          <span class="identity" data-testid="signed-in-user">
            <span class="identity-dot" style={{ background: props.identity.current().color }} />
            {user().displayName}
            <button type="button" data-testid="sign-out" onClick={() => props.onSignOut()}>
              {t('auth.signOut')}
            </button>
          </span>
        )}
      </Match>
      <Match when={props.info?.shareLink}>
        <span class="identity" data-testid="share-link-badge">
          {t('auth.shareLink')}
        </span>
      </Match>
      <Match when={props.info?.mode === 'open'}>
        <label class="identity">
          <span class="identity-dot" style={{ background: props.identity.current().color }} />
          <span class="visually-hidden">{t('yourName')}</span>
          <input
            value={props.identity.current().name}
            aria-label={t('yourName')}
            maxLength={40}
            data-testid="my-name"
            onChange={(e) => props.identity.rename(e.currentTarget.value)}
          />
        </label>
      </Match>
    </Switch>
  )
}
