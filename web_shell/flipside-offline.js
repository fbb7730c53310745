// Offline use of the hosted build: registers the service worker (flipside-sw.js, written at
// build time with a version hash) so that the app starts with the network cut after one visit.
// Browsers allow service workers only in secure contexts (https, or http://localhost); on a
// plain-http intranet page the app still works while the server is reachable, and the
// coordinator is told in the app's message area why offline use is off.
(function () {
  'use strict';

  const WORKER = 'flipside-sw.js';

  // The single file (file://) is offline by nature; nothing to register or explain there.
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;

  function tell(kind, text) {
    const api = window.flipside;
    if (!api || !api.ready) return;
    api.ready.then((module) => { if (module) api.notify(kind, text); });
  }

  // Reading the property throws in a frame sandboxed without an origin of its own, which can
  // keep nothing for offline use anyway (the app says that its changes are not kept).
  let workers = null;
  try {
    workers = navigator.serviceWorker || null;
  } catch (error) {
    return;
  }

  if (!window.isSecureContext || !workers) {
    tell(0, `Offline use is off: browsers keep a web app for offline use only on https:// pages ` +
            `(or on this computer's own localhost), and this page came over plain http:// from ` +
            `${location.host}. Flipside works normally while the server is reachable, and your data ` +
            `stays in this browser either way. To use it without a network, ask IT to serve it ` +
            `over https, or use the single-file version (flipside.html).`);
    return;
  }

  // A page the worker already serves is registered, and the browser looks for a new version of
  // the worker on every visit by itself; registering again would only fail noisily offline.
  if (workers.controller) return;

  // After the page has started: installing downloads the app files again into the cache, which
  // should not compete with the first start for the network.
  window.addEventListener('load', () => {
    workers.register(WORKER).catch((error) => {
      // Still usable online; say why it will not work offline (e.g. the server refused the file).
      tell(0, `Offline use is off: the browser refused Flipside's offline helper ` +
              `(${error && error.message ? error.message : error}).`);
    });
  });
})();
