// Sign in with a user name and password; then back to where the person was going.
import { useNavigate, useSearchParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { useAccess } from '../access-context'
import { t } from '../i18n/locale'

export function SignIn() {
  const access = useAccess()
  const navigate = useNavigate()
  const [params] = useSearchParams<{ next?: string }>()
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  let userName!: HTMLInputElement
  let password!: HTMLInputElement
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await access.signIn(userName.value.trim(), password.value)
      const next = params.next
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', {
        replace: true,
      })
    } catch (e) {
      setError((e as Error).message)
      password.value = ''
    } finally {
      setBusy(false)
    }
  }
  return (
    <main class="sign-in">
      <form class="dialog" onSubmit={submit} data-testid="sign-in-form">
        <h2>{t('auth.title')}</h2>
        <label>
          {t('auth.userName')}
          <input ref={userName} autocomplete="username" required data-testid="sign-in-user" />
        </label>
        <label>
          {t('auth.password')}
          <input
            ref={password}
            type="password"
            autocomplete="current-password"
            required
            data-testid="sign-in-password"
          />
        </label>
        <Show when={error()}>
          <p class="error" role="alert">
            {t('auth.failed')}: {error()}
          </p>
        </Show>
        <button type="submit" disabled={busy()} data-testid="sign-in-submit">
          {t('auth.signIn')}
        </button>
      </form>
    </main>
  )
}
