// Flipside's service worker: makes the hosted build work offline after one visit.
// scripts/web/write_service_worker.mjs fills in VERSION (a hash of the cached files) and FILES
// at build time, so every rebuilt file gives a byte-different worker; the browser installs it
// on the next visit, it takes over at once, and that visit's page already runs the files it
// loaded. The people's data is in localStorage or IndexedDB, which no worker touches: an update
// never loses it.
'use strict';

const VERSION = '@FLIPSIDE_VERSION@';
const FILES = [/* @FLIPSIDE_FILES@ */];
const CACHE = `flipside-${VERSION}`;
const PREFIX = 'flipside-';

self.addEventListener('install', (event) => {
  // All or nothing: a half-filled cache would break offline start-up later, so addAll fails the
  // install (the old version keeps serving) when any file cannot be fetched.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// The app's own files come from the cache of this version (so files of one build always run
// together); anything else (the single file, the example portal) goes to the network as usual.
function cachedPath(url) {
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const relative = url.pathname.slice(scope.pathname.length) || 'index.html';
  return FILES.includes(relative) ? relative : null;
}

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const path = cachedPath(new URL(event.request.url));
  if (path === null) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(path))
    .then((cached) => cached || fetch(event.request)));
});
