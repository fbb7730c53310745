// The app's end of the embedding protocol (docs/embedding.md; the host's end is
// flipside-embed.js). Applies the mode and theme asked for in the address (mode=, theme=,
// accent=) and, when the page runs in a frame, answers the host page's postMessage requests:
// only from the parent window, only from an origin in origins=, only well-formed version-1
// messages. Anything else is ignored and counted (wrong sender) or answered with an "error"
// (malformed); the app itself only ever sees checked values, through window.flipside.
(function () {
  'use strict';

  const PROTOCOL = 'flipside';
  const VERSION = 1;
  const MODES = ['coordinator', 'kiosk', 'readonly'];
  const SCHEMES = ['light', 'dark'];
  const ACCENT = /^#[0-9a-fA-F]{6}$/;
  const MAX_ID_LENGTH = 100;
  const MAX_FILE_NAME_LENGTH = 200;
  const MAX_INVITATION_LENGTH = 1024 * 1024;  // the app refuses invitations over 512 KB itself
  const CHANGED_DELAY_MS = 200;  // a burst of edits (typing) becomes one "changed"
  const MAX_REPLIES = 5000;                  // one request: a whole wave's replies
  const MAX_REPLY_LENGTH = 2 * 1024 * 1024;  // characters of one reply text (the app reads up to 1 MB of it)

  const params = new URLSearchParams(location.search);
  const embedded = window.parent !== window;
  const namespace = /^[A-Za-z0-9_-]{1,40}$/.test(params.get('ns') || '') ? params.get('ns') : 'default';
  const theme = { scheme: 'light', accent: '' };
  const stats = { received: 0, ignored: 0, malformed: 0 };

  // origins=https://portal.example.com,https://hr.example.com — exact origins only.
  const allowedOrigins = (params.get('origins') || '').split(',').map((o) => o.trim()).filter((o) => {
    try {
      return o !== '' && new URL(o).origin === o;
    } catch {
      return false;
    }
  });

  let api = null;       // window.flipside once the module runs
  let started = false;
  const early = [];     // requests that arrived before the module ran

  // ---- Sending ----------------------------------------------------------------------------------
  // Where events go: the parent's origin when the browser tells it (Chromium, Safari) and it
  // is allowed; otherwise every allowed origin, of which postMessage delivers to the right one.
  function eventOrigins() {
    const ancestors = location.ancestorOrigins;
    if (ancestors && ancestors.length) return allowedOrigins.includes(ancestors[0]) ? [ancestors[0]] : [];
    return allowedOrigins;
  }

  function send(message, targetOrigin) {
    if (!embedded) return;
    // Never "*": the data goes only to an origin the host named.
    for (const origin of targetOrigin ? [targetOrigin] : eventOrigins()) {
      window.parent.postMessage({ protocol: PROTOCOL, version: VERSION, ...message }, origin);
    }
  }

  function sendError(code, message, { replyTo, origin, details } = {}) {
    const payload = { code, message };
    if (details && details.length) payload.details = details;
    send({ type: 'error', ...(replyTo !== undefined ? { replyTo } : {}), payload }, origin);
  }

  class RequestError extends Error {
    constructor(code, message, details) {
      super(message);
      this.code = code;
      this.details = details;
    }
  }

  const invalid = (message) => new RequestError('invalid-payload', message);

  // ---- Checking a request -------------------------------------------------------------------------
  function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function onlyKeys(payload, keys) {
    const extra = Object.keys(payload).filter((key) => !keys.includes(key));
    if (extra.length) throw invalid(`unknown payload field${extra.length > 1 ? 's' : ''}: ${extra.join(', ')}`);
  }

  function optionalString(payload, key, check, what) {
    if (payload[key] === undefined) return undefined;
    if (typeof payload[key] !== 'string' || !check(payload[key])) throw invalid(`${key} must be ${what}`);
    return payload[key];
  }

  // ---- What the host can ask ----------------------------------------------------------------------
  function fileNameFor(format, requested) {
    const extension = `.${format}`;
    const base = (requested || 'roster').replace(/[\\/]/g, '_');
    return base.endsWith(extension) ? base : base + extension;  // the app picks the reader by it
  }

  function schedule() {
    const document = JSON.parse(api.documentJson());
    const people = new Map((document.participants || []).map((p) => [p.id, p]));
    const pairs = new Map((document.pairs || []).map((p) => [p.id, p]));
    const program = (document.programs || []).at(-1) || null;
    const person = (id) => (people.has(id) ? { id, name: people.get(id).name } : { id, name: '' });
    // When and who, never the session's notes or agenda: those stay with the coordinator.
    const sessions = (document.sessions || []).map((s) => {
      const pair = pairs.get(s.pair_id) || {};
      return { id: s.id, pairId: s.pair_id, programId: pair.program_id || '', mentor: person(pair.mentor_id),
               mentee: person(pair.mentee_id), start: s.start, minutes: s.minutes, status: s.status };
    }).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    return { program: program && { id: program.id, name: program.name }, sessions };
  }

  function resultOrThrow(result) {
    if (!result.ok) throw new RequestError(result.code || 'failed', result.message || 'refused', result.details);
    return result;
  }

  function applyTheme(scheme, accent) {
    const result = resultOrThrow(api.setTheme(scheme, accent));
    theme.scheme = scheme;
    theme.accent = accent;
    return result;
  }

  function applyMode(mode, pin) {
    const result = api.setMode(mode, pin);
    if (result.ok) api.cover(null);
    return result;
  }

  const handlers = {
    importRoster(payload) {
      onlyKeys(payload, ['format', 'text', 'fileName']);
      if (payload.format !== 'json' && payload.format !== 'csv') throw invalid('format must be "json" or "csv"');
      if (typeof payload.text !== 'string') throw invalid('text must be a string (the file\'s content)');
      const fileName = optionalString(payload, 'fileName', (v) => v.length > 0 && v.length <= MAX_FILE_NAME_LENGTH,
                                      `a name of 1 to ${MAX_FILE_NAME_LENGTH} characters`);
      const result = resultOrThrow(api.importText(fileNameFor(payload.format, fileName), payload.text));
      return result.status === 'imported' ? { status: result.status, participants: result.participants }
                                          : { status: result.status };
    },
    mergeReplies(payload) {
      onlyKeys(payload, ['replies', 'apply']);
      if (!Array.isArray(payload.replies) || payload.replies.length === 0 || payload.replies.length > MAX_REPLIES) {
        throw invalid(`replies must be a list of 1 to ${MAX_REPLIES} texts (reply files or text blocks)`);
      }
      payload.replies.forEach((reply, i) => {
        if (typeof reply !== 'string' || reply.length > MAX_REPLY_LENGTH) {
          throw invalid(`replies[${i}] must be a text of at most ${MAX_REPLY_LENGTH} characters`);
        }
      });
      if (payload.apply !== undefined && typeof payload.apply !== 'boolean') throw invalid('apply must be true or false');
      const result = resultOrThrow(api.mergeReplies(payload.replies, payload.apply === true));
      const { ok, ...answer } = result;
      return answer;
    },
    exportData(payload) {
      onlyKeys(payload, []);
      return { document: JSON.parse(api.documentJson()) };
    },
    // Participant mode only: the invitation of the person the host knows is signed in.
    openInvitation(payload) {
      onlyKeys(payload, ['invitation']);
      if (typeof payload.invitation !== 'string' || payload.invitation === '' ||
          payload.invitation.length > MAX_INVITATION_LENGTH) {
        throw invalid('invitation must be the link, its "#invite=…" fragment, or a .flipside-invite file\'s text');
      }
      const result = resultOrThrow(api.openInvitation(payload.invitation));
      return { status: result.status, participant: result.participant, program: result.program };
    },
    getSchedule(payload) {
      onlyKeys(payload, []);
      return schedule();
    },
    setMode(payload) {
      onlyKeys(payload, ['mode', 'pin']);
      if (!MODES.includes(payload.mode)) throw invalid(`mode must be one of ${MODES.join(', ')}`);
      const pin = optionalString(payload, 'pin', (v) => v.length <= 64, 'a string of at most 64 characters');
      return { mode: resultOrThrow(applyMode(payload.mode, pin)).mode };
    },
    setTheme(payload) {
      onlyKeys(payload, ['scheme', 'accent']);
      const scheme = optionalString(payload, 'scheme', (v) => SCHEMES.includes(v), '"light" or "dark"');
      if (payload.accent !== undefined && payload.accent !== null &&
          (typeof payload.accent !== 'string' || !ACCENT.test(payload.accent))) {
        throw invalid('accent must be a colour like "#1a73e8", or null for Flipside\'s own');
      }
      if (scheme === undefined && payload.accent === undefined) throw invalid('give scheme, accent or both');
      const accent = payload.accent === undefined ? theme.accent : (payload.accent || '');
      applyTheme(scheme || theme.scheme, accent);
      return { scheme: theme.scheme, accent: theme.accent || null };
    },
  };

  // ---- Receiving ----------------------------------------------------------------------------------
  function handle(data, origin) {
    let replyTo;
    try {
      if (!isPlainObject(data) || data.protocol !== PROTOCOL) {
        throw new RequestError('malformed', 'not a Flipside message: expected an object with protocol "flipside"');
      }
      if (data.id !== undefined) {
        const okId = (typeof data.id === 'string' && data.id.length <= MAX_ID_LENGTH) ||
                     (typeof data.id === 'number' && Number.isFinite(data.id));
        if (!okId) throw new RequestError('malformed', `id must be a string of at most ${MAX_ID_LENGTH} characters or a number`);
        replyTo = data.id;
      }
      if (data.version !== VERSION) {
        throw new RequestError('unsupported-version', `protocol version ${JSON.stringify(data.version)} is not supported; this app speaks version ${VERSION}`);
      }
      if (typeof data.type !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, data.type)) {
        throw new RequestError('unknown-type', `unknown message type ${JSON.stringify(data.type)}; known: ${Object.keys(handlers).join(', ')}`);
      }
      const payload = data.payload === undefined ? {} : data.payload;
      if (!isPlainObject(payload)) throw invalid('payload must be an object');
      const result = handlers[data.type](payload);
      send({ type: 'reply', ...(replyTo !== undefined ? { replyTo } : {}), request: data.type, payload: result }, origin);
    } catch (error) {
      if (!(error instanceof RequestError)) {
        // A bug here must not take the app down: report it to the host and on the console.
        console.warn('Flipside embed: a request failed:', error);
        error = new RequestError('internal', String(error && error.message ? error.message : error));
      }
      if (error.code === 'malformed' || error.code === 'unsupported-version' ||
          error.code === 'unknown-type' || error.code === 'invalid-payload') stats.malformed += 1;
      sendError(error.code, error.message, { replyTo, origin, details: error.details });
    }
  }

  function onMessage(event) {
    stats.received += 1;
    // Only the page this app is framed in may drive it, and only from an origin it was given:
    // a sibling frame, a popup or another site's page changes nothing.
    if (event.source !== window.parent || !allowedOrigins.includes(event.origin)) {
      stats.ignored += 1;
      console.warn(`Flipside embed: ignored a message from ${event.origin || 'an unknown origin'} ` +
                   `(not the embedding page, or not in its allowed origins); ${stats.ignored} ignored so far.`);
      return;
    }
    if (!started) early.push([event.data, event.origin]);
    else handle(event.data, event.origin);
  }

  // ---- Start ------------------------------------------------------------------------------------
  function applyAddress() {
    const scheme = params.get('theme');
    const accent = params.get('accent');
    if (scheme !== null || accent !== null) {
      const result = api.setTheme(SCHEMES.includes(scheme) ? scheme : 'light', ACCENT.test(accent || '') ? accent : '');
      if (result.ok) {
        theme.scheme = result.scheme;
        theme.accent = result.accent;
      }
    }
    const mode = params.get('mode');
    if (mode === null || mode === 'participant') return;  // participant mode was chosen at start-up
    if (!MODES.includes(mode)) {
      console.warn(`Flipside: mode=${mode} is not one of ${MODES.join(', ')}; ignored.`);
      return;
    }
    const result = applyMode(mode, '');
    if (result.ok) return;
    if (result.code === 'kiosk-needs-pin') {
      // Participants will use this screen: show them nothing of the coordinator's until a PIN exists.
      api.cover('Kiosk mode is not set up yet',
                'A coordinator first sets a kiosk PIN for this data set: open Flipside in coordinator mode, ' +
                'then choose Participants › Kiosk mode in the menu.');
    }
    sendError(result.code, result.message);
  }

  if (embedded) window.addEventListener('message', onMessage);

  const waitForShell = () => new Promise((resolve) => {
    // flipside-shell.js runs before this script; window.flipside is there unless it failed.
    if (window.flipside && window.flipside.ready) resolve(window.flipside);
  });

  waitForShell().then((shellApi) => shellApi.ready.then((module) => {
    if (!module) return;  // the shell already shows why Flipside could not start
    api = shellApi;
    api.embedStats = () => ({ ...stats, allowedOrigins: [...allowedOrigins] });
    applyAddress();
    let timer = null;
    let latest = null;
    api.events.addEventListener('changed', (event) => {
      latest = event.detail;
      if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          send({ type: 'changed', payload: latest });
        }, CHANGED_DELAY_MS);
      }
    });
    // A participant made a reply: the host (which knows who is signed in) takes it to the coordinator.
    api.events.addEventListener('reply', (event) => send({ type: 'reply', payload: event.detail }));
    started = true;
    if (embedded && allowedOrigins.length === 0) {
      console.warn('Flipside embed: no origins= given, so no page may send requests to this frame.');
    }
    send({ type: 'ready', payload: { protocolVersion: VERSION, mode: api.mode(), namespace,
                                     scheme: theme.scheme, accent: theme.accent || null } });
    for (const [data, origin] of early.splice(0)) handle(data, origin);
  }));
})();
