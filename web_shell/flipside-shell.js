// Flipside page wiring: checks the browser, loads the WebAssembly module (flipside.js) and
// connects the DOM to it. No frameworks; everything DOM-related that the C++ side needs lives
// here and is reached from C++ as Module.flipsideShell (see src/platform/web_*.cpp).
//
// Sections
//   1. Page state and messages
//   2. Services the module calls (Module.flipsideShell)
//   3. Pointer and wheel
//   4. Keyboard and text input
//   5. Clipboard
//   6. Files: picker and drag-and-drop
//   7. Lifecycle: save when hidden, resize, focus
//   8. Start-up and the page API (window.flipside)
(function () {
  'use strict';

  // ---- 1. Page state and messages -------------------------------------------------------------
  // Larger files are refused before reading them. A 50,000-person program is about 87 MB of JSON.
  const MAX_FILE_BYTES = 256 * 1024 * 1024;
  const canvas = document.getElementById('canvas');
  const textInput = document.getElementById('text-input');
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const dropHint = document.getElementById('drop-hint');
  const platformName = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '';
  const isMac = /Mac|iPhone|iPad|iPod/.test(platformName);

  let module = null;          // the running module once started
  let store = null;           // the storage the module reads and writes (flipside-store.js)
  let lease = null;           // whether this tab edits the data (flipside-tabs.js)
  let textInputActive = false; // ImGui is editing text: keys go to the hidden textarea
  let covered = false;         // a notice covers the app (api.cover): no input reaches it
  const events = new EventTarget();  // "changed" for the embed bridge (section 8)
  const openedUrls = [];             // addresses the app opened (mailto: drafts), for tests

  function showStatus(title, message, isError) {
    statusBox.hidden = false;
    statusBox.classList.toggle('error', Boolean(isError));
    statusBox.querySelector('.status-title').textContent = title;
    statusText.textContent = message;
  }

  function fail(message) {
    showStatus('Flipside cannot run here', message, true);
  }

  // ---- Strings into and out of the module ------------------------------------------------------
  // Strings are copied into the module's heap with malloc: file contents can be megabytes, far
  // more than ccall's stack allocation allows.
  function withUtf8(texts, use) {
    const pointers = [];
    try {
      for (const text of texts) {
        const size = module.lengthBytesUTF8(text) + 1;
        const pointer = module._malloc(size);
        if (!pointer) throw new Error('out of memory');
        module.stringToUTF8(text, pointer, size);
        pointers.push(pointer, size - 1);
      }
      return use(...pointers);
    } finally {
      for (let i = 0; i < pointers.length; i += 2) module._free(pointers[i]);
    }
  }

  // kind: 0 information, 1 error. Shown in the app's message area.
  function postMessage(kind, text) {
    if (module) withUtf8([text], (pointer) => module._flipside_post_message(kind, pointer));
  }

  function wake() {
    if (module) module._flipside_wake();
  }

  // ---- 2. Services the module calls ------------------------------------------------------------
  const services = {
    takeOverEditing() {
      takeOverEditing();
    },
    started() {
      if (!covered) statusBox.hidden = true;
      if (document.activeElement === document.body || !document.activeElement) {
        canvas.focus({ preventScroll: true });
      }
    },
    fatal(message) {
      fail(message);
    },
    setCursor(cursor) {
      canvas.style.cursor = cursor;
    },
    // ImGui started or stopped editing text, or its text cursor moved (CSS pixels).
    setTextInput(active, x, y, lineHeight) {
      textInputActive = active;
      const rect = canvas.getBoundingClientRect();
      textInput.style.left = `${Math.round(rect.left + x)}px`;
      textInput.style.top = `${Math.round(rect.top + y)}px`;
      textInput.style.height = `${Math.max(1, Math.round(lineHeight))}px`;
      if (active && document.activeElement !== textInput) {
        textInput.focus({ preventScroll: true });
      } else if (!active && document.activeElement === textInput) {
        canvas.focus({ preventScroll: true });
      }
    },
    setClipboardText(text) {
      setClipboardText(text);
    },
    download(fileName, mimeType, content) {
      download(fileName, mimeType, content);
    },
    requestUpload(accept, several) {
      requestUpload(accept, several);
    },
    // A mailto: draft: a link clicked opens the mail program and leaves this page where it is.
    openUrl(url) {
      const link = document.createElement('a');
      link.href = url;
      link.rel = 'noopener';
      if (!/^mailto:/i.test(url)) link.target = '_blank';
      openedUrls.push(url);
      link.click();
    },
    // The document's revision or the mode (coordinator, kiosk, readonly) changed.
    changed(revision, mode) {
      events.dispatchEvent(new CustomEvent('changed', { detail: { revision, mode } }));
    },
    // A participant made a reply (participant mode): for the embed bridge's "reply" event.
    replyMade(payload) {
      events.dispatchEvent(new CustomEvent('reply', { detail: payload }));
    },
  };

  // ---- 3. Pointer and wheel --------------------------------------------------------------------
  const POINTER_SOURCE = { mouse: 0, touch: 1, pen: 2 };

  function sendPointer(event) {
    const rect = canvas.getBoundingClientRect();
    module._flipside_mouse_move(event.clientX - rect.left, event.clientY - rect.top,
                                POINTER_SOURCE[event.pointerType] || 0);
  }

  function connectPointer() {
    canvas.addEventListener('pointermove', (event) => {
      sendPointer(event);
    });
    canvas.addEventListener('pointerdown', (event) => {
      sendPointer(event);
      module._flipside_mouse_button(event.button, 1, POINTER_SOURCE[event.pointerType] || 0);
      // Keep receiving moves and the release when a drag leaves the canvas.
      try { canvas.setPointerCapture(event.pointerId); } catch (ignored) { /* pointer already gone */ }
    });
    const release = (event) => {
      sendPointer(event);
      module._flipside_mouse_button(event.button < 0 ? 0 : event.button, 0, POINTER_SOURCE[event.pointerType] || 0);
      if (event.pointerType === 'touch') module._flipside_mouse_leave();  // no hover after a tap
    };
    canvas.addEventListener('pointerup', release);
    canvas.addEventListener('pointercancel', release);
    canvas.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse' && event.buttons === 0) module._flipside_mouse_leave();
    });
    // The canvas never takes focus from a click: the focus stays where typing should go.
    canvas.addEventListener('mousedown', (event) => {
      event.preventDefault();
      const target = textInputActive ? textInput : canvas;
      if (document.activeElement !== target) target.focus({ preventScroll: true });
    });
    canvas.addEventListener('contextmenu', (event) => event.preventDefault());  // right click is ImGui's
    canvas.addEventListener('wheel', (event) => {
      if (event.ctrlKey) return;  // Ctrl+wheel and pinch: the browser's zoom (fonts follow the new ratio)
      event.preventDefault();
      module._flipside_mouse_wheel(event.deltaX, event.deltaY, event.deltaMode);
    }, { passive: false });
  }

  // ---- 4. Keyboard and text input --------------------------------------------------------------
  function modifierBits(event) {
    return (event.ctrlKey ? 1 : 0) | (event.shiftKey ? 2 : 0) | (event.altKey ? 4 : 0) | (event.metaKey ? 8 : 0);
  }

  // The letter a key stands for: what it types on Latin layouts, its position otherwise
  // (so Ctrl+C still copies on a Russian layout). Matches src/platform/web_key_map.cpp.
  function shortcutLetter(event) {
    if (event.key && event.key.length === 1 && /[a-z]/i.test(event.key)) return event.key.toUpperCase();
    if (event.code && /^Key[A-Z]$/.test(event.code)) return event.code.slice(3);
    return '';
  }

  // Keys ImGui uses for navigation and editing: the page must not scroll, go back or move focus.
  const IMGUI_KEYS = new Set(['Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Backspace',
    'Delete', 'Enter', 'NumpadEnter', 'Escape', 'Home', 'End', 'PageUp', 'PageDown', 'Insert',
    'AltLeft', 'AltRight', 'Space']);
  // Ctrl/Cmd shortcuts the app may use (select all, undo/redo, save, open, find …). Everything
  // else (Ctrl+R, Ctrl+W, Ctrl+T, Ctrl+L, Ctrl+Tab, zoom, devtools) stays the browser's.
  const APP_SHORTCUT_LETTERS = new Set(['A', 'D', 'E', 'F', 'O', 'P', 'S', 'Y', 'Z']);

  function shouldPreventDefault(event) {
    if (/^F\d{1,2}$/.test(event.code)) return false;  // F5 reload, F11 full screen, F12 devtools
    const shortcut = isMac ? event.metaKey : event.ctrlKey;
    if (shortcut) return APP_SHORTCUT_LETTERS.has(shortcutLetter(event));
    if (IMGUI_KEYS.has(event.code)) {
      // A space typed into a text field must reach the textarea as text.
      return !(event.code === 'Space' && textInputActive);
    }
    // Printable keys: while editing they must reach the textarea (its input event carries the
    // text); otherwise nothing on the page wants them (Firefox would open quick find on "/").
    return !textInputActive && event.key && event.key.length === 1 && !event.altKey;
  }

  let copyRequest = null;  // clipboard generation when Ctrl+C/X was pressed

  function onKey(event, down) {
    if (!module || covered) return;
    if (event.isComposing || event.keyCode === 229) return;  // an IME is composing: its keys, not ours
    const shortcut = (isMac ? event.metaKey : event.ctrlKey) && !event.altKey;
    const letter = shortcut ? shortcutLetter(event) : '';
    if (down && letter === 'V') {
      // Paste: the browser fires a paste event with the text next; flipside_paste then hands
      // ImGui the text and the shortcut together. ImGui must not see this V before that.
      return;
    }
    withUtf8([event.code || '', event.key || ''], (code, codeLength, key) =>
      module._flipside_key(code, key, down ? 1 : 0, modifierBits(event)));
    if (down && (letter === 'C' || letter === 'X')) {
      // Run a frame now so ImGui copies before the browser's copy/cut event asks for the text.
      copyRequest = { generation: clipboardGeneration };
      module._flipside_frame_now();
    }
    if (shouldPreventDefault(event)) event.preventDefault();
  }

  let composing = false;

  // Hands whatever the browser inserted into the textarea to ImGui, then empties it.
  function flushTextInput() {
    const text = textInput.value;
    textInput.value = '';
    if (text && module && !covered) {
      withUtf8([text.replace(/\r\n?/g, '\n')], (pointer) => module._flipside_text_input(pointer));
    }
  }

  function connectKeyboard() {
    window.addEventListener('keydown', (event) => onKey(event, true));
    window.addEventListener('keyup', (event) => onKey(event, false));
    textInput.addEventListener('compositionstart', () => {
      composing = true;
      textInput.classList.add('composing');  // show the text being composed next to the cursor
    });
    textInput.addEventListener('compositionend', () => {
      composing = false;
      textInput.classList.remove('composing');
      flushTextInput();
    });
    textInput.addEventListener('input', (event) => {
      if (composing || event.isComposing) return;
      flushTextInput();
    });
  }

  // ---- 5. Clipboard ------------------------------------------------------------------------------
  // Copy: ImGui calls setClipboardText. The text goes to navigator.clipboard where allowed
  // (secure contexts, with a recent user gesture) and is kept to answer the DOM copy/cut event
  // that follows Ctrl+C/Ctrl+X. Paste: only a DOM paste event may read the clipboard.
  let clipboardText = '';
  let clipboardGeneration = 0;

  function setClipboardText(text) {
    clipboardText = text;
    clipboardGeneration += 1;
    if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
      // Refused without focus or permission; the copy event below still covers the shortcut.
      navigator.clipboard.writeText(text).catch(() => {});
    }
  }

  function answerCopy(event) {
    const request = copyRequest;
    copyRequest = null;
    // Only when ImGui copied something for this shortcut; otherwise the browser's default.
    if (!request || request.generation === clipboardGeneration || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', clipboardText);
    event.preventDefault();
  }

  function connectClipboard() {
    document.addEventListener('copy', answerCopy);
    document.addEventListener('cut', answerCopy);
    document.addEventListener('paste', (event) => {
      event.preventDefault();  // the textarea must not insert it too: ImGui pastes it
      const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
      if (module) withUtf8([text], (pointer) => module._flipside_paste(pointer));
    });
  }

  // ---- 6. Files ----------------------------------------------------------------------------------
  function download(fileName, mimeType, content) {
    const blob = new Blob([content], { type: mimeType || 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  let fileInput = null;

  function requestUpload(accept, several = false) {
    if (!fileInput) {
      fileInput = document.createElement('input');
      fileInput.type = 'file';
      fileInput.hidden = true;
      fileInput.addEventListener('change', () => {
        const files = Array.from(fileInput.files || []);
        fileInput.value = '';  // choosing the same file again must fire change again
        importFiles(files);
      });
      document.body.appendChild(fileInput);
    }
    fileInput.accept = accept || '';
    fileInput.multiple = Boolean(several);
    fileInput.click();
  }

  function formatMegabytes(bytes) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }

  async function importFile(file) {
    if (file.size > MAX_FILE_BYTES) {
      postMessage(1, `“${file.name}” is too large to import (${formatMegabytes(file.size)}); ` +
                     `Flipside reads files up to ${formatMegabytes(MAX_FILE_BYTES)}.`);
      return;
    }
    let text;
    try {
      text = await file.text();  // UTF-8, invalid bytes become U+FFFD
    } catch (error) {
      postMessage(1, `Could not read “${file.name}”: ${error && error.message ? error.message : error}`);
      return;
    }
    if (!module) return;
    // An invitation dropped on a coordinator's page opens the participant's own app instead.
    if (/\.flipside-invite$/i.test(file.name) && !window.FlipsideStorage.participantMode()) {
      flush();
      if (window.FlipsideStorage.openInvitationFileAsParticipant(file.name, text)) return;
    }
    withUtf8([file.name, text], (name, nameLength, content, contentLength) =>
      module._flipside_receive_file(name, content, contentLength));
  }

  // Several files (a batch of participants' replies) reach the app one after the other, in
  // the order given; each is read on its own terms (App::receive_file).
  async function importFiles(files) {
    for (const file of files) await importFile(file);
  }

  function hasFiles(event) {
    return Boolean(event.dataTransfer) && Array.from(event.dataTransfer.types || []).includes('Files');
  }

  let dragDepth = 0;  // dragenter/dragleave also fire when crossing child elements

  function connectDragAndDrop() {
    window.addEventListener('dragenter', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      dragDepth += 1;
      dropHint.hidden = false;
    });
    window.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();  // allows the drop; otherwise the browser would open the file
      event.dataTransfer.dropEffect = 'copy';
      dropHint.hidden = false;
    });
    window.addEventListener('dragleave', (event) => {
      if (!hasFiles(event)) return;
      dragDepth = Math.max(0, dragDepth - 1);
      if (dragDepth === 0) dropHint.hidden = true;
    });
    window.addEventListener('drop', (event) => {
      event.preventDefault();  // never navigate away to the dropped file
      dragDepth = 0;
      dropHint.hidden = true;
      const files = event.dataTransfer ? Array.from(event.dataTransfer.files || []) : [];
      importFiles(files);
    });
  }

  // ---- Editing in one tab at a time ----
  function connectEditingLease() {
    lease.listen({
      // Another tab takes editing over: save everything first, then stop editing here.
      // (A tab that cannot finish in time has its lock taken anyway; its later writes are then
      // refused by the database's revision check, and it says they are not saved.)
      beforeRelease: async () => {
        flush();
        await Promise.race([store.settled(), new Promise((r) => setTimeout(r, 30000))]);
      },
      released: () => module._flipside_editing_changed(0),
      lost: () => module._flipside_editing_changed(0),
    });
  }

  async function takeOverEditing() {
    if (!(await lease.takeOver())) {
      postMessage(1, 'Editing could not be moved to this tab; close the other Flipside tabs and reload this one.');
      return;
    }
    try {
      await store.refresh();  // the other tab saved after this one read the data
    } catch (error) {
      postMessage(1, `The data could not be read again (${error && error.message ? error.message : error}); ` +
                     'reload this tab to edit here.');
      return;
    }
    module._flipside_editing_changed(1);
  }

  // ---- 7. Lifecycle ------------------------------------------------------------------------------
  function flush() {
    if (module) module._flipside_flush();
    // The save's IndexedDB transaction must start now: a timer may not run in a closing page.
    if (store) store.flushNow();
  }

  function connectLifecycle() {
    // Autosave waits for a pause in editing; a closing or hidden tab must not lose that wait.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
      else wake();
    });
    window.addEventListener('pagehide', flush);
    window.addEventListener('resize', wake);
    // A move to a screen with another pixel ratio (or browser zoom) need not resize the window;
    // the app draws only when woken, so it must hear of the new ratio to refit the canvas and
    // re-rasterise its font. A device-pixel ResizeObserver tells at once where it fires; not
    // every ratio change reaches it (nor a media query), so the ratio is also compared once a
    // second: reading one number, no frame.
    try {
      new ResizeObserver(wake).observe(canvas, { box: 'device-pixel-content-box' });
    } catch (unsupported) { /* the comparison below covers it */ }
    let pixelRatio = window.devicePixelRatio;
    setInterval(() => {
      if (window.devicePixelRatio === pixelRatio) return;
      pixelRatio = window.devicePixelRatio;
      wake();
    }, 1000);
    window.addEventListener('focus', () => {
      module._flipside_focus(1);
      const target = textInputActive ? textInput : canvas;
      if (document.activeElement !== target) target.focus({ preventScroll: true });
    });
    window.addEventListener('blur', () => module._flipside_focus(0));
  }

  // ---- 8. Start-up and the page API --------------------------------------------------------------
  function call(name, returnType, argTypes, args) {
    if (!module) throw new Error('Flipside has not started');
    return module.ccall(name, returnType, argTypes, args);
  }

  // For tests, the offline helper and the embed bridge. Values are JSON text parsed here.
  const api = {
    events,
    ready: null,
    documentJson: () => call('flipside_document_json', 'string', [], []),
    messages: () => JSON.parse(call('flipside_messages_json', 'string', [], [])),
    saveStatus: () => JSON.parse(call('flipside_save_status_json', 'string', [], [])),
    itemRect: (label, window) =>
      JSON.parse(call('flipside_item_rect', 'string', ['string', 'string'], [label, window || ''])),
    items: () => JSON.parse(call('flipside_items', 'string', [], [])),
    fontSizes: () => JSON.parse(call('flipside_font_sizes', 'string', [], [])),
    frameCount: () => call('flipside_frame_count', 'number', [], []),
    pendingInput: () => call('flipside_pending_input', 'number', [], []),
    participantCount: () => call('flipside_participant_count', 'number', [], []),
    // Participant mode: opens an invitation (a link, its fragment, or a file's text).
    openInvitation(text) {
      if (!module) throw new Error('Flipside has not started');
      return JSON.parse(withUtf8([text], (pointer, length) =>
        module.ccall('flipside_participant_open', 'string', ['number', 'number'], [pointer, length])));
    },
    openedUrls: () => [...openedUrls],
    // The module's memory in bytes; it only grows, so this is its peak so far.
    memoryBytes: () => (module ? module.HEAPU8.length : 0),
    flush: () => flush(),
    // Asks for a fresh picture: the app draws only when something changed (frame_pacer.h).
    wake: () => wake(),
    // A message in the app's message area; kind 0 information, 1 error.
    notify: (kind, text) => postMessage(kind, text),
    mode: () => call('flipside_embed_mode', 'string', [], []),
    setMode: (mode, pin) => JSON.parse(call('flipside_embed_set_mode', 'string', ['string', 'string'], [mode, pin || ''])),
    setTheme: (scheme, accent) =>
      JSON.parse(call('flipside_embed_set_theme', 'string', ['string', 'string'], [scheme, accent || ''])),
    // A file's text handed over by the page (the embed bridge's roster import); same size limit.
    importText(name, text) {
      if (!module) throw new Error('Flipside has not started');
      if (text.length > MAX_FILE_BYTES) {
        return { ok: false, code: 'too-large', message: `The text is larger than ${formatMegabytes(MAX_FILE_BYTES)}.` };
      }
      return JSON.parse(withUtf8([name, text], (namePointer, nameLength, content, contentLength) =>
        module.ccall('flipside_embed_import', 'string', ['number', 'number', 'number'],
                     [namePointer, content, contentLength])));
    },
    // Participants' replies handed over by the page (the embed bridge's mergeReplies):
    // { replies: [text, ...], apply: bool }; the answer says what became of each.
    mergeReplies(replies, apply) {
      if (!module) throw new Error('Flipside has not started');
      const payload = JSON.stringify({ replies, apply: Boolean(apply) });
      if (payload.length > MAX_FILE_BYTES) {
        return { ok: false, code: 'too-large', message: `The replies are larger than ${formatMegabytes(MAX_FILE_BYTES)}.` };
      }
      return JSON.parse(withUtf8([payload], (pointer, length) =>
        module.ccall('flipside_embed_merge_replies', 'string', ['number', 'number'], [pointer, length])));
    },
    // Covers the app with a notice and keeps input from it (kiosk mode asked for but not set
    // up: participants must not see the coordinator's screens meanwhile); null uncovers.
    cover(title, text) {
      covered = Boolean(title);
      canvas.style.visibility = covered ? 'hidden' : '';
      if (covered) showStatus(title, text, true);
      else statusBox.hidden = true;
    },
  };
  window.flipside = api;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.body.appendChild(script);
    });
  }

  async function start() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      fail('This browser does not run WebAssembly, which Flipside is built on. ' +
           'Please use a current Chrome, Edge, Firefox or Safari.');
      return;
    }
    if (typeof WebGL2RenderingContext === 'undefined') {
      fail('This browser has no WebGL2, which Flipside needs to draw. ' +
           'Please use a current Chrome, Edge, Firefox or Safari.');
      return;
    }
    try {
      // The single-file build (flipside.html) has the module inlined before this script.
      if (typeof window.createFlipsideModule !== 'function') await loadScript('flipside.js');
      // Which tab edits this data, then the saved data itself, before the module starts
      // (Web Locks and IndexedDB only answer asynchronously).
      const namespace = window.FlipsideStorage.pageNamespace();
      lease = new window.FlipsideTabs.EditingLease(namespace);
      const editingHere = await lease.claim();
      store = await window.FlipsideStorage.openStore(namespace);
      const instance = await window.createFlipsideModule({
        canvas,
        flipsideShell: services,
        flipsideStore: store,
        // Read after the awaits: the lock may have been taken away meanwhile.
        flipsideEditingElsewhere: !editingHere || !lease.editing,
        print: (text) => console.log(text),
        printErr: (text) => console.error(text),
        onAbort: (what) => fail(`Flipside stopped unexpectedly (${what}). Your last saved work is kept; reload the page.`),
      });
      module = instance;
      connectEditingLease();
      connectPointer();
      connectKeyboard();
      connectClipboard();
      connectDragAndDrop();
      connectLifecycle();
      return instance;
    } catch (error) {
      const why = error && error.message ? error.message : String(error);
      // A frame sandboxed without allow-same-origin has the origin "null": its requests for the
      // app's own files are cross-origin, which a server without CORS headers refuses.
      fail(window.origin === 'null'
        ? `Flipside could not load its files in this sandboxed frame (${why}). The page that embeds it ` +
          'must allow same-origin in the frame\'s sandbox, or the server must allow cross-origin reads ' +
          'of Flipside\'s files (see docs/embedding.md).'
        : `Flipside could not start: ${why}`);
      throw error;
    }
  }

  api.ready = start().catch(() => undefined);
})();
