// Gongjian's service worker: after one visit the app opens and works with
// the network off. Generated at build time by tools/precache.mjs, which
// fills in the version and the files to keep.
'use strict';
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = 'gongjian-' + VERSION;
const SCOPE = self.registration.scope;
const SHELL = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  // Every file of this version, fetched afresh; the new worker then waits
  // until the page agrees to reload into it.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map((a) => new Request(new URL(a, SCOPE), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gongjian-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // The page: the network first, so a published version is seen; the
    // kept copy when offline. Deep links all get the same page.
    event.respondWith(
      fetch(req)
        .then((resp) => {
          if (resp.ok) {
            const copy = resp.clone();
            caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return resp;
        })
        .catch(() => caches.match(SHELL, { cacheName: CACHE }).then((r) => r || caches.match(SHELL))),
    );
    return;
  }
  // Hashed assets never change under their name: the cache first.
  event.respondWith(
    caches.match(req).then(
      (hit) =>
        hit ||
        fetch(req).then((resp) => {
          if (resp.ok) {
            const copy = resp.clone();
            caches.open(CACHE).then((cache) => cache.put(req, copy));
          }
          return resp;
        }),
    ),
  );
});
