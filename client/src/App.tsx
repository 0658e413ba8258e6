// The app shell: header (home link, who I am, language switch) and the routed page.
import { A, Route, Router, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router'
import { createEffect, Show } from 'solid-js'
import { AccessContext, createAccessStore, useAccess } from './access-context'
import { createIdentityStore, IdentityContext, useIdentity } from './board/identity-context'
import { WhoAmI } from './components/WhoAmI'
import { locale, setLocale, t } from './i18n/locale'
import { BoardRoute } from './pages/BoardPage'
import { Home } from './pages/Home'
import { Overview } from './pages/Overview'
import { Present } from './pages/Present'
import { SignIn } from './pages/SignIn'
import { SnapshotPage } from './pages/SnapshotPage'

function Shell(props: RouteSectionProps) {
  const identity = useIdentity()
  const access = useAccess()
  const navigate = useNavigate()
  // The big screen shows nothing but the boards: no header, no buttons.
  const location = useLocation()
  createEffect(() => (document.documentElement.lang = locale() === 'zh' ? 'zh-CN' : 'en'))
  createEffect(() => (document.title = t('appTitle')))
  // A signed-in person appears to others under their account's display name.
  createEffect(() => {
    const user = access.info()?.user
    if (user && identity.current().name !== user.displayName) identity.rename(user.displayName)
  })
  const signOut = async () => {
    await access.signOut()
    navigate('/sign-in', { replace: true })
  }
  return (
    <div class="shell">
      <Show when={!location.pathname.startsWith('/present')}>
        <header class="shell-header">
          <A href="/" class="home-link">
            <h1>{t('appTitle')}</h1>
            <p class="subtitle">{t('subtitle')}</p>
          </A>
          <nav class="shell-nav">
            <A href="/" end>
              {t('home')}
            </A>
            <A href="/overview" data-testid="overview-link">
              {t('overview.link')}
            </A>
          </nav>
          <div class="shell-controls">
            <WhoAmI info={access.info()} identity={identity} onSignOut={() => void signOut()} />
            <button
              type="button"
              data-testid="language-switch"
              onClick={() => setLocale(locale() === 'zh' ? 'en' : 'zh')}
            >
              {t('language')}
            </button>
          </div>
        </header>
      </Show>
      {props.children}
    </div>
  )
}

export function App() {
  const identity = createIdentityStore()
  const access = createAccessStore()
  return (
    <AccessContext.Provider value={access}>
      <IdentityContext.Provider value={identity}>
        <Router root={Shell}>
          <Route path="/" component={Home} />
          <Route path="/sign-in" component={SignIn} />
          <Route path="/overview" component={Overview} />
          <Route path="/present" component={Present} />
          <Route path="/board/:boardId" component={BoardRoute} />
          <Route path="/board/:boardId/snapshots/:snapshotId" component={SnapshotPage} />
        </Router>
      </IdentityContext.Provider>
    </AccessContext.Provider>
  )
}
