// Service worker: keeps the app shell (HTML, scripts, styles) so a board page reloads while
// offline; the board itself comes from IndexedDB. The page network first, so updates apply when
// online; built assets (hashed names) cache first.
// API calls and WebSockets always go to the network.
const CACHE = 'sector-board-shell-v1'

self.addEventListener('install', (event) => event.waitUntil(precacheShell()))
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws/')) return
  // Built assets have content hashes in their names: a cached one is never out of date.
  if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(event))
  else event.respondWith(networkFirst(event))
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

/** Answers as soon as the network does; the copy is written to the cache after that. */
async function networkFirst(event) {
  const request = event.request
  const key = request.mode === 'navigate' ? '/' : request
  try {
    const response = await fetch(request)
    if (response.ok) keep(event, key, response)
    return response
  } catch (error) {
    const cached = await caches.match(key, { cacheName: CACHE })
    if (cached) return cached
    throw error
  }
}

async function cacheFirst(event) {
  const cached = await caches.match(event.request, { cacheName: CACHE })
  if (cached) return cached
  const response = await fetch(event.request)
  if (response.ok) keep(event, event.request, response)
  return response
}

function keep(event, key, response) {
  const copy = response.clone()
  event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)))
}
