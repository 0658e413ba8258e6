// The app shell: title, language switch and the list of sector boards.
import { createResource, Match, Switch } from 'solid-js'
import { fetchBoards } from './api'
import { BoardList } from './components/BoardList'
import { locale, setLocale, t } from './i18n/locale'

export function App() {
  const [boards] = createResource(fetchBoards)
  return (
    <main class="shell">
      <header class="shell-header">
        <div>
          <h1>{t('appTitle')}</h1>
          <p class="subtitle">{t('subtitle')}</p>
        </div>
        <button type="button" onClick={() => setLocale(locale() === 'zh' ? 'en' : 'zh')}>
          {t('language')}
        </button>
      </header>
      <h2>{t('boards')}</h2>
      <Switch>
        <Match when={boards.error}>
          <p role="alert">{t('loadFailed')}</p>
        </Match>
        <Match when={boards()}>{(list) => <BoardList boards={list()} />}</Match>
        <Match when={boards.loading}>
          <p>{t('loading')}</p>
        </Match>
      </Switch>
    </main>
  )
}
