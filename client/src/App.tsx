// The app shell: header (home link, my name, language switch) and the routed page.
import { A, Route, Router, type RouteSectionProps } from '@solidjs/router'
import { createEffect } from 'solid-js'
import { createIdentityStore, IdentityContext, useIdentity } from './board/identity-context'
import { locale, setLocale, t } from './i18n/locale'
import { BoardRoute } from './pages/BoardPage'
import { Home } from './pages/Home'

function Shell(props: RouteSectionProps) {
  const identity = useIdentity()
  createEffect(() => (document.documentElement.lang = locale() === 'zh' ? 'zh-CN' : 'en'))
  createEffect(() => (document.title = t('appTitle')))
  return (
    <div class="shell">
      <header class="shell-header">
        <A href="/" class="home-link">
          <h1>{t('appTitle')}</h1>
          <p class="subtitle">{t('subtitle')}</p>
        </A>
        <div class="shell-controls">
          <label class="identity">
            <span class="identity-dot" style={{ background: identity.current().color }} />
            <span class="visually-hidden">{t('yourName')}</span>
            <input
              value={identity.current().name}
              aria-label={t('yourName')}
              maxLength={40}
              data-testid="my-name"
              onChange={(e) => identity.rename(e.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            data-testid="language-switch"
            onClick={() => setLocale(locale() === 'zh' ? 'en' : 'zh')}
          >
            {t('language')}
          </button>
        </div>
      </header>
      {props.children}
    </div>
  )
}

export function App() {
  const identity = createIdentityStore()
  return (
    <IdentityContext.Provider value={identity}>
      <Router root={Shell}>
        <Route path="/" component={Home} />
        <Route path="/board/:boardId" component={BoardRoute} />
      </Router>
    </IdentityContext.Provider>
  )
}
