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
  event.waitUntil(caches.open(CACHE).then((cache) => keepAll(cache)));
});

// The files are fetched a few at a time and at low priority. A browser opens
// six connections to a host: were all of this version's files (some seventy)
// asked for at once, the page being opened on a first visit would wait behind
// them for its own. If any file cannot be fetched, nothing of this version is kept
// and the worker is not installed (as Cache.addAll does).
const AT_ONCE = 3;

function keepAll(cache) {
  const queue = ASSETS.slice();
  const next = () => {
    const file = queue.shift();
    if (file === undefined) return undefined;
    const req = new Request(new URL(file, SCOPE), { cache: 'reload', priority: 'low' });
    return fetch(req).then((resp) => {
      if (!resp.ok) throw new Error(file + ': ' + resp.status);
      return cache.put(req, resp).then(next);
    });
  };
  return Promise.all(Array.from({ length: AT_ONCE }, next)).catch((e) =>
    caches.delete(CACHE).then(() => {
      throw e;
    }),
  );
}

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

/** The kept app page: this version's copy, else any version's. */
function keptShell() {
  return caches.match(SHELL, { cacheName: CACHE }).then((r) => r || caches.match(SHELL));
}

/**
 * Whether a page the network sent is the app's page: status 200 and HTML.
 * Anything else opened in the tab (the manifest, the schema, a host's error
 * page) must never replace the kept app page.
 */
function isAppPage(resp) {
  return resp.status === 200 && (resp.headers.get('Content-Type') || '').startsWith('text/html');
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // A file of this build opened in the tab (the manifest, the schema, …) is
  // served as itself, like any other file, below; index.html is the page.
  const file = (url.origin + url.pathname).startsWith(SCOPE) ? (url.origin + url.pathname).slice(SCOPE.length) : null;
  if (req.mode === 'navigate' && (file === null || file === 'index.html' || !ASSETS.includes(file))) {
    // The page: the network first, so a published version is seen; the
    // kept copy when offline. Deep links all get the same page. A host
    // without a fallback answers a deep link (/table, /task/…) with 404:
    // the kept app answers instead, with the host's status, as 404.html
    // does on GitHub Pages.
    event.respondWith(
      fetch(req)
        .then((resp) => {
          if (isAppPage(resp)) {
            const copy = resp.clone();
            caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
            return resp;
          }
          if (resp.status !== 404) return resp;
          return keptShell().then((app) =>
            app ? new Response(app.body, { status: 404, statusText: resp.statusText, headers: app.headers }) : resp,
          );
        })
        .catch(() => keptShell().then((app) => app || Response.error())),
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
