// Flipside's browser storage: localStorage while the data fits it, IndexedDB beyond, with
// nothing for the user to do. The module reads and writes synchronously (src/platform/
// web_storage.cpp calls Module.flipsideStore); for IndexedDB that works through an in-memory
// mirror of this namespace's keys, loaded before the module starts and written behind in
// transactions, one at a time, each holding every write of one save (so a snapshot switch is
// atomic on disk too). A transaction that fails is rolled back in the mirror as well, and the
// module hears of it through durability().
//
// Backends, chosen per namespace ("flipside/<ns>/"):
//   localStorage  the default; synchronous, about 5 Mi UTF-16 code units per origin
//   indexedDB     after a write did not fit localStorage: the namespace's keys move over in one
//                 transaction; only then is the marker "flipside/<ns>/backend" set and the
//                 localStorage copy removed, so a failed or cut-short move loses nothing
//   unavailable   neither can be used (storage switched off, some private modes, sandboxed
//                 frames): reads find nothing, writes fail, and problem() says why
(function () {
  'use strict';

  const DATABASE = 'flipside';
  const OBJECT_STORE = 'keys';
  const LOCAL_QUOTA_BYTES = 5 * 1024 * 1024 * 2;  // Chromium: ~5 Mi UTF-16 code units per origin
  const WRITE = { ok: 0, quota: 1, failed: 2, exists: 3 };

  function reachableLocalStorage() {
    try {
      const storage = window.localStorage;
      storage.getItem('flipside/probe');  // throws where storage is off or the frame is sandboxed
      return storage;
    } catch (error) {
      return null;
    }
  }

  function isQuotaError(error) {
    return Boolean(error) && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
                              error.code === 22 || error.code === 1014);
  }

  // Reading the property itself throws in a sandboxed frame without an origin of its own.
  function reachableIndexedDB() {
    try {
      return window.indexedDB || null;
    } catch (error) {
      return null;
    }
  }

  function openDatabase() {
    return new Promise((resolve) => {
      let request;
      try {
        request = reachableIndexedDB().open(DATABASE, 1);
      } catch (error) {
        resolve(null);
        return;
      }
      request.onupgradeneeded = () => request.result.createObjectStore(OBJECT_STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    });
  }

  function prefixRange(prefix) {
    return IDBKeyRange.bound(prefix, prefix + '\uffff');
  }

  // The namespace's keys and values, and its revision (startTransaction), in one read.
  function loadPrefix(database, prefix, revisionKey) {
    return new Promise((resolve, reject) => {
      const transaction = database.transaction(OBJECT_STORE, 'readonly');
      const store = transaction.objectStore(OBJECT_STORE);
      const keys = store.getAllKeys(prefixRange(prefix));
      const values = store.getAll(prefixRange(prefix));
      const revision = store.get(revisionKey);
      transaction.oncomplete = () => {
        const mirror = new Map();
        keys.result.forEach((key, i) => mirror.set(key, values.result[i]));
        resolve({ mirror, revision: revision.result || 0 });
      };
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }

  class FlipsideStore {
    constructor(namespace, local, database) {
      this.prefix = `flipside/${namespace}/`;
      this.marker = this.prefix + 'backend';
      this.local = local;
      this.database = database;
      this.backend = local ? 'localStorage' : database ? 'indexedDB' : 'unavailable';
      this.mirror = null;        // indexedDB: every key of the namespace and its value
      this.queue = [];           // operations not yet handed to a transaction
      this.transactions = [];    // handed to the database, not yet committed: {operations, expected, ...}
      this.revision = 0;         // the database's revision of this namespace as this tab last saw or made it
      this.revisionKey = `flipside-revision/${namespace}`;  // outside the namespace's prefix
      this.epoch = 0;            // counts failures: transactions of an earlier epoch are already undone
      this.flushScheduled = false;
      this.failure = null;       // {code, detail}: the first failure not yet reported
      this.quotaBytes = LOCAL_QUOTA_BYTES;  // IndexedDB: the browser's estimate (openStore)
      this.persisted = null;     // the browser promised not to evict the data (true), refused (false)
    }

    problem() {
      if (this.backend !== 'unavailable') return '';
      return 'This browser does not let Flipside keep data on this page (storage is switched off, or this is a ' +
             'private window or a sandboxed frame): changes last only until the page closes. Export them as JSON ' +
             'to keep them.';
    }

    // ---- The synchronous interface the module uses ----
    read(key) {
      if (this.backend === 'indexedDB') {
        const value = this.mirror.get(key);
        return value === undefined ? null : value;
      }
      if (this.backend === 'localStorage') {
        try {
          return this.local.getItem(key);
        } catch (error) {
          return null;
        }
      }
      return null;
    }

    write(key, value) {
      if (this.backend === 'indexedDB') {
        this.enqueue({ type: 'put', key, value });
        return WRITE.ok;
      }
      if (this.backend !== 'localStorage') return WRITE.failed;
      try {
        this.local.setItem(key, value);
        return WRITE.ok;
      } catch (error) {
        if (!isQuotaError(error)) return WRITE.failed;
        return this.moveToIndexedDB(key, value) ? WRITE.ok : WRITE.quota;
      }
    }

    create(key, value) {
      if (this.read(key) !== null) return WRITE.exists;
      if (this.backend === 'indexedDB') {
        this.enqueue({ type: 'add', key, value });  // the database refuses it if another tab wrote the key
        return WRITE.ok;
      }
      return this.write(key, value);
    }

    remove(key) {
      if (this.backend === 'indexedDB') {
        if (this.mirror.has(key)) this.enqueue({ type: 'delete', key });
        return;
      }
      if (this.backend === 'localStorage') {
        try {
          this.local.removeItem(key);
        } catch (error) {
          // storage went away: nothing to remove
        }
      }
    }

    // Keys and values as UTF-16 code units x 2, as localStorage counts them.
    usedBytes(prefix) {
      let total = 0;
      if (this.backend === 'indexedDB') {
        for (const [key, value] of this.mirror) {
          if (key.startsWith(prefix)) total += 2 * (key.length + value.length);
        }
        return total;
      }
      if (this.backend !== 'localStorage') return 0;
      try {
        for (let i = 0; i < this.local.length; ++i) {
          const key = this.local.key(i);
          if (key === null || !key.startsWith(prefix)) continue;
          const value = this.local.getItem(key);
          total += 2 * (key.length + (value === null ? 0 : value.length));
        }
      } catch (error) {
        return 0;
      }
      return total;
    }

    // {unsettled, failure: 0 ok | 1 quota | 2 failed | 3 exists, detail}; a failure is reported once.
    durability() {
      const unsettled = this.unsettled();
      const failure = this.failure;
      this.failure = null;
      return { unsettled, failure: failure ? failure.code : WRITE.ok, detail: failure ? failure.detail : '' };
    }

    // Writes accepted but not yet confirmed on disk.
    unsettled() {
      return this.queue.length + this.transactions.reduce((sum, t) => sum + t.operations.length, 0);
    }

    // Resolves once every write handed to the database has committed or failed.
    settled() {
      return new Promise((resolve) => {
        const check = () => (this.unsettled() === 0 ? resolve() : setTimeout(check, 20));
        check();
      });
    }

    // Reads the namespace again (another tab edited it, maybe moving it to IndexedDB), after this
    // tab's own writes have settled.
    async refresh() {
      this.flushNow();
      await this.settled();
      const fresh = await openStore(this.prefix.slice('flipside/'.length, -1), this.database);
      this.backend = fresh.backend;
      this.mirror = fresh.mirror;
      this.revision = fresh.revision;
      this.quotaBytes = fresh.quotaBytes;
      this.problem = fresh.problem.bind(fresh);
      this.movedBack = null;
      this.failure = null;
    }

    // Hands what is queued to a transaction now (the page is being hidden or closed: a timer
    // might not run any more, a transaction already started is committed).
    flushNow() {
      this.flushScheduled = false;
      this.startTransaction();
    }

    // ---- IndexedDB behind the mirror ----
    enqueue(operation) {
      operation.previous = this.mirror.get(operation.key);  // for the rollback
      if (operation.type === 'delete') this.mirror.delete(operation.key);
      else this.mirror.set(operation.key, operation.value);
      this.queue.push(operation);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setTimeout(() => this.flushNow(), 0);
      }
    }

    // Every transaction first checks that the database is at the revision this tab last wrote
    // (or read), and moves it one on: a tab whose mirror is stale (another tab saved meanwhile,
    // which happens where there are no Web Locks) is refused instead of writing over newer data,
    // and a transaction built on one that failed is refused too. So transactions can start at
    // once, one per save, in order (the database runs overlapping read-write transactions in the
    // order they were created), and a closing page hands over everything it has.
    startTransaction() {
      if (this.queue.length === 0 || this.backend !== 'indexedDB') return;
      const entry = { operations: this.queue, expected: this.revision, epoch: this.epoch, refused: false };
      this.queue = [];
      this.revision += 1;
      this.transactions.push(entry);
      let transaction;
      try {
        // Strict: "complete" means on disk, so a crash right after loses nothing it reported saved.
        transaction = this.database.transaction(OBJECT_STORE, 'readwrite', { durability: 'strict' });
      } catch (error) {
        this.failed(entry, error);
        return;
      }
      const store = transaction.objectStore(OBJECT_STORE);
      const check = store.get(this.revisionKey);
      check.onsuccess = () => {
        if ((check.result || 0) !== entry.expected) {
          entry.refused = true;
          transaction.abort();
          return;
        }
        store.put(entry.expected + 1, this.revisionKey);
        for (const operation of entry.operations) {
          if (operation.type === 'put') store.put(operation.value, operation.key);
          else if (operation.type === 'add') store.add(operation.value, operation.key);
          else if (operation.type === 'delete') store.delete(operation.key);
          else if (operation.type === 'clear') store.delete(prefixRange(operation.key));
        }
      };
      transaction.oncomplete = () => {
        this.transactions = this.transactions.filter((t) => t !== entry);
        if (entry.onCommit) entry.onCommit();
      };
      transaction.onabort = () => {
        const error = entry.refused ? { name: 'ConstraintError', message: 'another tab or window saved first' }
                                    : transaction.error;
        this.failed(entry, error);
      };
      transaction.onerror = (event) => event.preventDefault();  // onabort follows and reports it
    }

    // A transaction failed: undo it, and everything after it (built on it), in the mirror. The
    // ones after it are refused by the database in turn (their revision does not match); they
    // belong to this failure and are not reported again.
    failed(entry, error) {
      if (entry.epoch !== this.epoch) {
        this.transactions = this.transactions.filter((t) => t !== entry);
        return;
      }
      const from = this.transactions.indexOf(entry);
      const doomed = from < 0 ? [entry] : this.transactions.slice(from);
      const undone = [];
      for (const t of doomed) undone.push(...t.operations);
      undone.push(...this.queue);
      for (let i = undone.length - 1; i >= 0; --i) {
        const operation = undone[i];
        if (operation.type === 'clear') continue;
        if (operation.previous === undefined) this.mirror.delete(operation.key);
        else this.mirror.set(operation.key, operation.previous);
      }
      this.transactions = this.transactions.filter((t) => t !== entry);
      for (const t of doomed) t.epoch = -1;  // their own aborts are this failure's
      this.queue = [];
      this.revision = entry.expected;
      this.epoch += 1;
      const code = error && error.name === 'ConstraintError' ? WRITE.exists : isQuotaError(error) ? WRITE.quota : WRITE.failed;
      if (!this.failure) this.failure = { code, detail: error && error.message ? error.message : String(error) };
      if (this.movedBack) this.movedBack();
    }

    // localStorage is full: the namespace moves to IndexedDB with `key` already written. The
    // localStorage copy stays the saved state until the database has committed the move.
    moveToIndexedDB(key, value) {
      if (!this.database) return false;
      const mirror = new Map();
      try {
        for (let i = 0; i < this.local.length; ++i) {
          const existing = this.local.key(i);
          if (existing !== null && existing.startsWith(this.prefix) && existing !== this.marker) {
            mirror.set(existing, this.local.getItem(existing));
          }
        }
      } catch (error) {
        return false;
      }
      this.backend = 'indexedDB';
      this.mirror = new Map();
      // Expected revision 0: a database that already holds this namespace (another tab moved it
      // there) refuses the move instead of having it overwritten with this tab's copy.
      this.revision = 0;
      this.queue.push({ type: 'clear', key: this.prefix });
      for (const [existing, text] of mirror) this.enqueue({ type: 'put', key: existing, value: text });
      this.enqueue({ type: 'put', key, value });
      this.flushNow();
      const move = this.transactions[this.transactions.length - 1];
      if (move) move.onCommit = () => this.finishMove();
      // A failed move goes back to localStorage, which still holds the data as it was.
      this.movedBack = () => {
        this.backend = 'localStorage';
        this.mirror = null;
        this.movedBack = null;
      };
      return true;
    }

    // The database holds the namespace now, newer than the localStorage copy (the write that
    // did not fit is only there): the copy goes, then the marker is set. A start always looks in
    // the database first, so neither step is needed for correctness, only to free localStorage
    // and to say where the data is.
    finishMove() {
      this.movedBack = null;
      removeLocalCopy(this.local, this.prefix, this.marker);
      try {
        this.local.setItem(this.marker, 'indexedDB');
      } catch (error) {
        // localStorage is full of other data: the database is found without the marker too.
      }
    }
  }

  function removeLocalCopy(local, prefix, marker) {
    if (!local) return;
    try {
      const stale = [];
      for (let i = 0; i < local.length; ++i) {
        const key = local.key(i);
        if (key !== null && key.startsWith(prefix) && key !== marker) stale.push(key);
      }
      stale.forEach((key) => local.removeItem(key));
    } catch (error) {
      // storage went away: nothing to remove
    }
  }

  // Opens the store of `namespace` before the module starts. The database wins whenever it
  // holds the namespace: data only ever moves from localStorage to it, and the move is over
  // once it has committed there.
  async function openStore(namespace, openedDatabase) {
    const local = reachableLocalStorage();
    const database = openedDatabase || (reachableIndexedDB() ? await openDatabase() : null);
    const store = new FlipsideStore(namespace, local, database);
    let marked = false;
    try {
      marked = Boolean(local) && local.getItem(store.marker) === 'indexedDB';
    } catch (error) {
      marked = false;
    }
    if (marked && !database) {
      store.backend = 'unavailable';
      store.problem = () => 'This program\'s data is kept in this browser\'s IndexedDB, which cannot be opened ' +
                            'right now (a private window, or storage switched off). Nothing has been changed; ' +
                            'open Flipside in a normal window of this browser.';
      return store;
    }
    if (database) {
      let mirror;
      try {
        const loaded = await loadPrefix(database, store.prefix, store.revisionKey);
        mirror = loaded.mirror;
        store.revision = loaded.revision;
      } catch (error) {
        store.backend = 'unavailable';
        store.problem = () => `The data saved in this browser could not be read (${error && error.message}). ` +
                              'Nothing has been changed.';
        return store;
      }
      if (mirror.size > 0 || marked || !local) {
        store.backend = 'indexedDB';
        store.mirror = mirror;
        if (mirror.size > 0 && local) {
          removeLocalCopy(local, store.prefix, store.marker);  // a move cut short before its clean-up
          try {
            local.setItem(store.marker, 'indexedDB');
          } catch (error) {
            // full: the database is found without the marker
          }
        }
      }
    }
    // Ask the browser not to clear this origin's data when the disk runs low (Chromium decides
    // without a prompt, from how the site is used; installed or bookmarked sites get it).
    if (navigator.storage && navigator.storage.persist) {
      try {
        store.persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
      } catch (error) {
        store.persisted = null;
      }
    }
    // The quota that counts once the data has moved to IndexedDB: this origin's share of the disk.
    if (navigator.storage && navigator.storage.estimate && database) {
      try {
        const estimate = await navigator.storage.estimate();
        if (estimate && estimate.quota) store.quotaBytes = estimate.quota;
      } catch (error) {
        // keep the estimate
      }
    }
    return store;
  }

  // The namespace as the module derives it (web_storage.cpp: 1..40 of [A-Za-z0-9_-], else "default").
  // ---- Participant mode ---------------------------------------------------------------------------
  // The page is a participant's own app when opened with an invitation link ("#invite=…"), with
  // "#participant" (a reload after that, or after an invitation file was dropped), or embedded
  // with mode=participant. Its data is a namespace of its own, never the coordinator's.
  const PENDING_FILE_KEY = 'flipside-pending-invitation';
  const startHash = window.location.hash;

  function participantMode() {
    return /^#invite=/.test(startHash) || startHash === '#participant' ||
           new URLSearchParams(window.location.search).get('mode') === 'participant';
  }

  function pageNamespace() {
    const requested = new URLSearchParams(window.location.search).get('ns');
    const ns = requested && /^[A-Za-z0-9_-]{1,40}$/.test(requested) ? requested : 'default';
    if (!participantMode()) return ns;
    return ns === 'default' ? 'participant' : `participant-${ns}`;
  }

  // The invitation this page was opened with, once: the link's fragment (replaced in the address
  // bar by "#participant", so the secret does not stay in the history) or a dropped file.
  function takeStartInvitation() {
    try {
      const file = sessionStorage.getItem(PENDING_FILE_KEY);
      if (file !== null) {
        sessionStorage.removeItem(PENDING_FILE_KEY);
        return JSON.parse(file);
      }
    } catch (unavailable) { /* no session storage: only links open at start */ }
    if (!/^#invite=/.test(startHash)) return null;
    try {
      history.replaceState(null, '', `${location.pathname}${location.search}#participant`);
    } catch (refused) { /* a sandboxed frame: the fragment stays */ }
    return { link: startHash };
  }

  // An invitation file dropped on a coordinator's page: reopen the page as the participant's app.
  function openInvitationFileAsParticipant(name, text) {
    try {
      sessionStorage.setItem(PENDING_FILE_KEY, JSON.stringify({ file: text, name }));
    } catch (unavailable) {
      return false;
    }
    location.hash = '#participant';
    location.reload();
    return true;
  }

  window.FlipsideStorage = { openStore, pageNamespace, participantMode, takeStartInvitation,
                             openInvitationFileAsParticipant };
})();
