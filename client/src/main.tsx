// Client entry point: mounts the app and, in a production build, registers the service worker
// that lets a board reload without a network.
import { render } from 'solid-js/web'
import { App } from './App'
import './styles.css'

const root = document.getElementById('root')
if (root) render(() => <App />, root)

// Registered once the page is idle: installing it fetches the shell again, which should not
// compete with the first load of a board.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined)
  if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 3_000 })
  else setTimeout(register, 1_000)
}
