// Client entry point: mounts the app and, in a production build, registers the service worker
// that lets a board reload without a network.
import { render } from 'solid-js/web'
import { App } from './App'
import './styles.css'

const root = document.getElementById('root')
if (root) render(() => <App />, root)

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined)
}
