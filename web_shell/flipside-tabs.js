// One tab or window edits a data set (a storage namespace) at a time. The one that holds the
// Web Lock "flipside-editing:<ns>" edits; any other shows the data read-only and offers to take
// editing over. Taking over asks the editing tab (over a BroadcastChannel) to save and let go,
// and after a few seconds without an answer (a frozen or sleeping tab) takes the lock anyway:
// the tab that lost it stops editing, and its saves could not land on newer data in any case
// (the store's journal refuses them). Without Web Locks (a plain-http page) every tab edits and
// only that journal check guards the data.
(function () {
  'use strict';

  const ANSWER_WAIT_MS = 4000;

  class EditingLease {
    constructor(namespace) {
      this.name = `flipside-editing:${namespace}`;
      this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.name) : null;
      this.release = null;   // lets go of the lock while this tab holds it
      this.handlers = null;  // {beforeRelease(): Promise, released(), lost()}
      this.lostUnheard = false;  // lost before anyone listened (while the page was starting)
      this.taking = null;    // the take-over under way: one at a time
      if (this.channel) this.channel.onmessage = (event) => this.answer(event.data);
    }

    get supported() {
      return Boolean(navigator.locks && navigator.locks.request);
    }

    get editing() {
      return !this.supported || this.release !== null;
    }

    // Resolves true when this tab may edit.
    claim() {
      if (!this.supported) return Promise.resolve(true);
      return new Promise((resolve) => {
        let answered = false;
        const answer = (editing) => {
          answered = true;
          resolve(editing);
        };
        // Refused outright (a sandboxed frame has no origin to lock in): as without Web Locks,
        // this tab edits. Refused after it was granted: the lock was lost.
        const refused = () => (answered ? this.lost() : answer(true));
        try {
          navigator.locks.request(this.name, { ifAvailable: true }, (lock) => {
            if (!lock) {
              answer(false);
              return null;
            }
            answer(true);
            return this.hold();
          }).catch(refused);
        } catch (error) {
          refused();
        }
      });
    }

    listen(handlers) {
      this.handlers = handlers;
      if (this.lostUnheard) {
        this.lostUnheard = false;
        handlers.lost();
      }
    }

    // Asks the editing tab to save and let go; resolves true once this tab holds the lock.
    // A second call while one is under way (a double click) shares it.
    takeOver() {
      if (!this.taking) this.taking = this.requestLock().finally(() => { this.taking = null; });
      return this.taking;
    }

    async requestLock() {
      if (!this.supported || this.release) return true;
      if (this.channel) this.channel.postMessage({ type: 'release-please' });
      const granted = await new Promise((resolve) => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), ANSWER_WAIT_MS);
        navigator.locks.request(this.name, { signal: controller.signal }, () => {
          clearTimeout(timer);
          resolve(true);
          return this.hold();
        }).catch(() => {
          resolve(false);  // not granted in time
          this.lost();     // or granted, and stolen later
        });
      });
      if (granted) return true;
      return new Promise((resolve) => {
        navigator.locks.request(this.name, { steal: true }, () => {
          resolve(true);
          return this.hold();
        }).catch(() => {
          resolve(false);
          this.lost();
        });
      });
    }

    hold() {
      return new Promise((release) => {
        this.release = release;
      });
    }

    // The lock was taken from this tab (stolen) or could not be held.
    lost() {
      if (this.release === null) return;
      this.release = null;
      if (this.handlers) this.handlers.lost();
      else this.lostUnheard = true;
    }

    async answer(message) {
      if (!message || message.type !== 'release-please' || !this.release || !this.handlers) return;
      try {
        await this.handlers.beforeRelease();
      } finally {
        const release = this.release;
        this.release = null;
        this.handlers.released();
        if (release) release();
      }
    }
  }

  window.FlipsideTabs = { EditingLease };
})();
