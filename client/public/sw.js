// Service worker: keeps the app shell (HTML, scripts, styles) so a board page reloads while
// offline; the board itself comes from IndexedDB. Network first, so updates apply when online.
// API calls and WebSockets always go to the network.
const CACHE = 'sector-board-shell-v1'

self.addEventListener('install', (event) => event.waitUntil(precacheShell()))
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws/')) return
  event.respondWith(networkFirst(request))
})

/** Caches the page and every asset it references, so the very next offline reload works. */
async function precacheShell() {
  const cache = await caches.open(CACHE)
  const response = await fetch('/', { cache: 'no-store' })
  if (response.ok) {
    const html = await response.clone().text()
    await cache.put('/', response)
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"/][^"]*)"/g)].map((m) => m[1])
    await cache.addAll(assets)
  }
  await self.skipWaiting()
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(request.mode === 'navigate' ? '/' : request, response.clone())
    return response
  } catch (error) {
    const cached = await cache.match(request.mode === 'navigate' ? '/' : request)
    if (cached) return cached
    throw error
  }
}
