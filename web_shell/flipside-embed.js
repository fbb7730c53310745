// Embeds Flipside in another page (an HR portal). Load this script, then:
//
//   const flipside = Flipside.mount(document.getElementById('mentoring'), {
//     src: 'https://flipside.intranet.example.com/',   // where the hosted build lives
//     storageNamespace: 'emea-wave-3',                  // a data set of its own
//     mode: 'coordinator',                              // or 'kiosk', 'readonly', 'participant'
//     theme: { scheme: 'light', accent: '#0b5fff' },    // or 'light' / 'dark'
//     allowedOrigins: [location.origin],                // pages that may drive the app
//   });
//   await flipside.ready;
//   const { document } = await flipside.exportData();
//
// Every request returns a promise for the app's reply; the app's events arrive through
// flipside.on('ready' | 'changed' | 'reply' | 'error', listener). The protocol is in docs/embedding.md.
(function (global) {
  'use strict';

  const PROTOCOL = 'flipside';
  const VERSION = 1;
  // 'participant' is chosen when mounting only: it is a data set of its own (one person's app).
  const MODES = ['coordinator', 'kiosk', 'readonly', 'participant'];
  const REQUEST_TIMEOUT_MS = 60000;

  function checkOptions(element, options) {
    if (!element || typeof element.appendChild !== 'function') throw new TypeError('Flipside.mount: element must be a DOM element');
    if (typeof options.src !== 'string' || options.src === '') throw new TypeError('Flipside.mount: src (the app\'s address) is required');
    if (options.storageNamespace !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(options.storageNamespace)) {
      throw new TypeError('Flipside.mount: storageNamespace must be 1 to 40 letters, digits, "-" or "_"');
    }
    if (options.mode !== undefined && !MODES.includes(options.mode)) {
      throw new TypeError(`Flipside.mount: mode must be one of ${MODES.join(', ')}`);
    }
    if (options.allowedOrigins !== undefined &&
        (!Array.isArray(options.allowedOrigins) || options.allowedOrigins.some((o) => typeof o !== 'string'))) {
      throw new TypeError('Flipside.mount: allowedOrigins must be an array of origins like "https://portal.example.com"');
    }
  }

  // 'dark' or { scheme: 'dark', accent: '#0b5fff' } -> { scheme, accent }
  function themeOption(theme) {
    if (theme === undefined) return {};
    if (typeof theme === 'string') return { scheme: theme };
    if (theme && typeof theme === 'object') return { scheme: theme.scheme, accent: theme.accent };
    throw new TypeError('Flipside.mount: theme must be "light", "dark" or { scheme, accent }');
  }

  function mount(element, options = {}) {
    checkOptions(element, options);
    const appUrl = new URL(options.src, document.baseURI);
    const appOrigin = appUrl.origin;
    if (appOrigin === 'null') throw new TypeError('Flipside.mount: src must be an http(s) address (a file:// app cannot be embedded)');
    // Exact origins; the page's own by default.
    const allowedOrigins = (options.allowedOrigins || [location.origin]).map((o) => new URL(o).origin);
    const theme = themeOption(options.theme);

    // The app reads its set-up from its address: no PIN or data ever goes into it.
    if (options.storageNamespace) appUrl.searchParams.set('ns', options.storageNamespace);
    if (options.mode) appUrl.searchParams.set('mode', options.mode);
    if (theme.scheme) appUrl.searchParams.set('theme', theme.scheme);
    if (theme.accent) appUrl.searchParams.set('accent', theme.accent);
    appUrl.searchParams.set('origins', allowedOrigins.join(','));

    const iframe = document.createElement('iframe');
    iframe.src = appUrl.href;
    iframe.title = options.title || 'Flipside — reverse mentoring';
    iframe.allow = 'clipboard-read; clipboard-write';
    // Sized to the element; an element without a height of its own gets a usable one.
    iframe.style.cssText = 'display:block;width:100%;height:100%;border:0;';
    if (element.clientHeight === 0 && !element.style.height) element.style.minHeight = '480px';
    element.appendChild(iframe);

    // 'reply': a participant-mode embed's reply to the coordinator (a message without replyTo).
    const listeners = { ready: new Set(), changed: new Set(), reply: new Set(), error: new Set() };
    const pending = new Map();  // request id -> { resolve, reject, timer }
    const stats = { ignored: 0 };
    let nextId = 1;
    let mounted = true;
    let resolveReady;
    const ready = new Promise((resolve) => { resolveReady = resolve; });

    function emit(type, payload) {
      for (const listener of listeners[type]) {
        try {
          listener(payload);
        } catch (error) {
          setTimeout(() => { throw error; });  // the host's bug, reported without breaking us
        }
      }
    }

    function onMessage(event) {
      if (event.source !== iframe.contentWindow) return;  // another frame's business
      const data = event.data;
      if (event.origin !== appOrigin || !data || data.protocol !== PROTOCOL) {
        stats.ignored += 1;
        console.warn(`Flipside.mount: ignored a message from ${event.origin} (expected ${appOrigin}); ${stats.ignored} so far.`);
        return;
      }
      if (data.version !== VERSION) {
        stats.ignored += 1;
        console.warn(`Flipside.mount: the app speaks protocol version ${data.version}, this script ${VERSION}.`);
        return;
      }
      const request = data.replyTo !== undefined ? pending.get(data.replyTo) : undefined;
      if (request && (data.type === 'reply' || data.type === 'error')) {
        pending.delete(data.replyTo);
        clearTimeout(request.timer);
        if (data.type === 'reply') {
          request.resolve(data.payload);
        } else {
          const error = new Error(data.payload && data.payload.message ? data.payload.message : 'refused');
          error.code = data.payload && data.payload.code;
          error.details = data.payload && data.payload.details;
          request.reject(error);
        }
        return;
      }
      if (data.type === 'ready') resolveReady(data.payload);
      if (Object.prototype.hasOwnProperty.call(listeners, data.type)) emit(data.type, data.payload);
    }
    window.addEventListener('message', onMessage);

    // Posts any message as it is (the example portal uses it to send malformed ones).
    function post(message) {
      if (!mounted) throw new Error('Flipside: this embed was unmounted');
      iframe.contentWindow.postMessage(message, appOrigin);
    }

    async function request(type, payload) {
      await ready;
      const id = `r${nextId++}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`Flipside did not answer "${type}" within ${REQUEST_TIMEOUT_MS / 1000} s`));
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        post({ protocol: PROTOCOL, version: VERSION, type, id, payload });
      });
    }

    return {
      iframe,
      ready,
      stats,
      post,
      on(type, listener) {
        if (!listeners[type]) throw new TypeError(`Flipside: no event "${type}" (ready, changed, reply, error)`);
        listeners[type].add(listener);
        return () => listeners[type].delete(listener);
      },
      // format: "json" (a Flipside export) or "csv" (opens the app's CSV import dialog).
      importRoster: (text, { format = 'json', fileName } = {}) =>
        request('importRoster', fileName ? { format, text, fileName } : { format, text }),
      exportData: () => request('exportData', {}),
      // Participant mode: the invitation of the person signed in to the portal (a link, its
      // "#invite=…" fragment, or the text of a .flipside-invite file).
      openInvitation: (invitation) => request('openInvitation', { invitation }),
      // Participants' replies (reply files' text or text blocks): reviewed by the coordinator in
      // the app, or merged at once with { apply: true } (conflicts keep the coordinator's value).
      mergeReplies: (replies, { apply = false } = {}) => request('mergeReplies', { replies, apply }),
      getSchedule: () => request('getSchedule', {}),
      // Leaving kiosk mode needs the coordinator's PIN; entering it needs one set (or given).
      setMode: (mode, { pin } = {}) => request('setMode', pin === undefined ? { mode } : { mode, pin }),
      setTheme: ({ scheme, accent } = {}) => {
        const payload = {};
        if (scheme !== undefined) payload.scheme = scheme;
        if (accent !== undefined) payload.accent = accent;
        return request('setTheme', payload);
      },
      unmount() {
        mounted = false;
        window.removeEventListener('message', onMessage);
        for (const { reject, timer } of pending.values()) {
          clearTimeout(timer);
          reject(new Error('Flipside: unmounted'));
        }
        pending.clear();
        iframe.remove();
      },
    };
  }

  global.Flipside = Object.freeze({ mount, protocolVersion: VERSION });
})(window);
