// window.claimmarkStore: where the working state lives in the browser.
//
// IndexedDB holds the last saved project; every save is also written first,
// synchronously, to a localStorage journal, so an edit made just before the
// tab closes survives even though IndexedDB writes are asynchronous and a
// write started while the page is hidden may never finish (see
// docs/storage.md). On load the newer of the two (by save sequence) wins.
// Nothing is ever dropped silently: what cannot be read is set aside under
// its own key and the app is told why; a failed write keeps the journal and
// says so. One tab at a time may write (a Web Lock); others are read-only.
"use strict";
(function () {
  const DB_NAME = "claimmark", STORE = "state", CURRENT = "current";
  const JOURNAL = "claimmark.journal", ASIDE = "claimmark.aside";
  // Where the reader is, saved alone when only that changed (scrolling): a
  // few bytes instead of the whole project. It carries the save sequence it
  // follows, so it never outlives the project save after it.
  const VIEW = "claimmark.view";
  // Article texts are kept apart from the project, one record each, written
  // once (a save then carries only annotations and metadata). TEXT_JOURNAL
  // holds a text in localStorage until its IndexedDB write has completed.
  const TEXT_KEY = "text:", TEXT_JOURNAL = "claimmark.text.", TEXT_JOURNAL_MAX = 1000000;

  const store = {
    backend: "indexeddb",  // or "localstorage" (no IndexedDB) or "none"
    readOnly: false,
    initial: null,          // { seq, json, view } of the newest saved state, or null
    problems: [],           // plain words about loading, for the app to show
    status: { state: "idle", message: "", savedAt: 0 },
    usage: 0, quota: 0, persisted: false,
    version: 0,             // bumps on every status change; the app polls it
    lastSeq: 0,
  };
  let db = null;
  let queue = Promise.resolve();  // IndexedDB writes, in order
  let asideRaw = null;            // the unreadable data kept aside, for export
  const texts = new Map();        // id -> text, loaded at start until the app takes them
  const textIds = new Set();      // ids whose text is stored (or being written)
  let textFailure = "";           // why an article text could not be stored, until one is

  function setStatus(state, message) {
    store.status = { state, message: message || "", savedAt: state === "saved" ? Date.now() : store.status.savedAt };
    store.version++;
  }
  function words(e) {
    if (e && e.name === "QuotaExceededError") return "the browser's storage for this page is full";
    return (e && (e.message || e.name)) || String(e);
  }

  function openDb() {
    return new Promise((resolve) => {
      let req;
      try { req = indexedDB.open(DB_NAME, 1); } catch (e) { resolve(null); return; }
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    });
  }
  function idb(mode, fn) {
    return new Promise((resolve, reject) => {
      let tx;
      // "strict": the write is on disk when the transaction completes. Chromium's
      // default ("relaxed") reports completion earlier, and a browser quit right
      // after could lose the save while the journal was already cleared.
      try { tx = db.transaction(STORE, mode, { durability: "strict" }); } catch (e) { reject(e); return; }
      let result;
      const req = fn(tx.objectStore(STORE));
      if (req) req.onsuccess = () => { result = req.result; };
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error || (req && req.error));
      tx.onabort = () => reject(tx.error || new Error("the write was aborted"));
    });
  }
  const idbGet = (key) => idb("readonly", (s) => s.get(key));
  const idbPut = (key, value) => idb("readwrite", (s) => s.put(value, key));

  function readJournal() {
    let raw;
    try { raw = localStorage.getItem(JOURNAL); } catch (e) { return null; }
    if (raw == null) return null;
    try {
      const r = JSON.parse(raw);
      if (r && typeof r.seq === "number" && typeof r.json === "string") return r;
      throw new Error("unexpected content");
    } catch (e) {
      keepAside(raw, "the unsaved-edits journal in local storage could not be read (" + words(e) + ")");
      try { localStorage.removeItem(JOURNAL); } catch (e2) { /* nothing more to do */ }
      return null;
    }
  }

  // Keeps data we cannot use under its own key, never overwriting it, and
  // remembers it so the user can export it.
  function keepAside(raw, reason) {
    asideRaw = typeof raw === "string" ? raw : JSON.stringify(raw);
    store.problems.push("Saved work could not be read: " + reason + ". It has been kept aside, untouched; " +
                        "File \u2192 Export the unreadable saved data saves a copy.");
    store.version++;
    const record = { reason, at: Date.now(), raw: asideRaw };
    if (db) queue = queue.then(() => idbPut("aside-" + record.at, record)).catch(() => {});
    else { try { localStorage.setItem(ASIDE + "." + record.at, asideRaw); } catch (e) { /* kept in memory */ } }
  }

  async function lockWriter() {
    if (!navigator.locks || !navigator.locks.request) return true;  // no Web Locks: assume one tab
    const holdForever = () => new Promise(() => {});  // released when the page goes
    const writer = await new Promise((resolve) => {
      navigator.locks.request("claimmark-writer", { ifAvailable: true }, (lock) => {
        resolve(!!lock);
        return lock ? holdForever() : undefined;
      }).catch(() => resolve(true));
    });
    if (!writer) {
      // Read-only until the writing tab goes; then reload, which reads what
      // that tab saved last (its closing save included) and takes over. A
      // read-only tab has no edits of its own to lose.
      navigator.locks.request("claimmark-writer", () => { location.reload(); return holdForever(); }).catch(() => {});
    }
    return writer;
  }

  async function refreshEstimate() {
    try {
      if (navigator.storage && navigator.storage.estimate) {
        const e = await navigator.storage.estimate();
        store.usage = e.usage || 0;
        store.quota = e.quota || 0;
        store.version++;
      }
    } catch (e) { /* an estimate is only informative */ }
  }

  async function init() {
    const writer = await lockWriter();
    store.readOnly = !writer;
    if (store.readOnly)
      store.problems.push("ClaimMark is open in another tab of this browser. This tab is read-only, so the two " +
                          "cannot overwrite each other's work. It takes over, with the other tab's latest work, when that tab is closed.");
    if (typeof indexedDB === "undefined" || !indexedDB) {
      store.backend = "localstorage";
      store.problems.push("This browser has no IndexedDB (private mode?): work is kept in local storage only, " +
                          "which holds about 5 MB. Export your work to keep it safe.");
    } else {
      db = await openDb();
      if (!db) {
        store.backend = "localstorage";
        store.problems.push("The browser refused its database (IndexedDB): work is kept in local storage only, " +
                            "which holds about 5 MB. Export your work to keep it safe.");
      }
    }
    let saved = null;
    if (db) {
      try { saved = await idbGet(CURRENT); } catch (e) { store.problems.push("Saved work could not be read: " + words(e) + "."); }
      if (saved != null && !(typeof saved.seq === "number" && typeof saved.json === "string")) {
        keepAside(saved, "the stored record has an unexpected shape");
        saved = null;
      }
    }
    const journal = readJournal();
    store.initial = journal && (!saved || journal.seq > saved.seq) ? journal : saved;
    try {
      const v = JSON.parse(localStorage.getItem(VIEW) || "null");
      if (store.initial && v && typeof v.view === "string" && v.seq === store.initial.seq) store.initial.view = v.view;
    } catch (e) { /* the project's own view stands */ }
    await loadTexts();
    store.lastSeq = Math.max(saved ? saved.seq : 0, journal ? journal.seq : 0);
    if (navigator.storage && navigator.storage.persist && !store.readOnly) {
      navigator.storage.persist().then((p) => { store.persisted = p; store.version++; }).catch(() => {});
    }
    refreshEstimate();
    setStatus(store.initial ? "saved" : "idle", "");
  }

  // Every kept text: IndexedDB's, then any still only in the localStorage
  // journal (a tab closed before its database write finished).
  async function loadTexts() {
    if (db) {
      try {
        const range = IDBKeyRange.bound(TEXT_KEY, TEXT_KEY + "\uffff");
        const [keys, values] = await Promise.all([
          idb("readonly", (s) => s.getAllKeys(range)), idb("readonly", (s) => s.getAll(range))]);
        keys.forEach((k, i) => {
          const v = values[i];  // a string, or UTF-8 bytes for big texts
          if (typeof v === "string" || v instanceof Uint8Array) texts.set(k.slice(TEXT_KEY.length), v);
        });
      } catch (e) { store.problems.push("Saved article texts could not be read: " + words(e) + "."); }
    }
    const journalOnly = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (!k || !k.startsWith(TEXT_JOURNAL)) continue;
        const id = k.slice(TEXT_JOURNAL.length);
        if (!texts.has(id)) { texts.set(id, localStorage.getItem(k)); journalOnly.push(id); }
      }
    } catch (e) { /* no local storage: IndexedDB's texts only */ }
    for (const id of texts.keys()) textIds.add(id);
    // A text that reached only the journal goes to the database now.
    if (db && !store.readOnly) for (const id of journalOnly) rewriteText(id, texts.get(id), false);
  }
  store.hasText = (id) => textIds.has(id);
  store.takeText = (id) => { const t = texts.get(id); texts.delete(id); return t == null ? null : t; };
  store.TEXT_JOURNAL_MAX = TEXT_JOURNAL_MAX;
  // text: a string, or UTF-8 bytes (big texts, which skip the journal).
  store.putText = function (id, text) {
    if (store.readOnly) return;
    textIds.add(id);
    rewriteText(id, text, true);
  };
  function rewriteText(id, text, journal) {
    const jkey = TEXT_JOURNAL + id;
    if (!db) {
      try { localStorage.setItem(jkey, typeof text === "string" ? text : new TextDecoder().decode(text)); textFailure = ""; }
      catch (e) { textIds.delete(id); textFailure = "local storage refused an article's text: " + words(e) + ". Export your work now."; }
      return;
    }
    if (journal && typeof text === "string" && text.length <= TEXT_JOURNAL_MAX) { try { localStorage.setItem(jkey, text); } catch (e) { /* the database write follows */ } }
    queue = queue.then(() => idbPut(TEXT_KEY + id, text)).then(() => {
      textFailure = "";
      try { localStorage.removeItem(jkey); } catch (e) { /* harmless */ }
    }, (e) => {
      textIds.delete(id);  // tried again at the next save
      textFailure = "the browser's database refused an article's text: " + words(e) + ". Export your work now.";
    });
  }

  // Local storage holds ~5 million characters per site; a project this long,
  // escaped into the journal record, would not fit (IndexedDB still takes it).
  const JOURNAL_MAX = 2000000;

  // Saves the whole state. The journal write is synchronous (it survives the
  // tab closing now); the IndexedDB write follows and then clears the journal.
  store.save = function (json, view) {
    if (store.readOnly) return;
    const record = { seq: ++store.lastSeq, json, view, savedAt: Date.now() };
    let journalOk = true, journalWhy = "";
    if (json.length > JOURNAL_MAX) {  // it would not fit: finding that out cost ~60 ms of the frame per save
      journalOk = false;
      journalWhy = "the project is too big for it";
    } else {
      try { localStorage.setItem(JOURNAL, JSON.stringify(record)); } catch (e) { journalOk = false; journalWhy = words(e); }
    }
    if (!db) {
      if (textFailure) setStatus("failed", textFailure);
      else if (journalOk) setStatus("saved", "in local storage only");
      else setStatus("failed", "local storage refused the save: " + journalWhy + ". Export your work now.");
      return;
    }
    setStatus("saving", "");
    queue = queue.then(() => idbPut(CURRENT, record)).then(() => {
      try {
        const j = localStorage.getItem(JOURNAL);
        if (j && JSON.parse(j).seq <= record.seq) localStorage.removeItem(JOURNAL);
      } catch (e) { /* the journal stays; it is older or equal, so harmless */ }
      if (textFailure) setStatus("failed", textFailure);
      else if (record.seq === store.lastSeq) setStatus("saved", "");
      refreshEstimate();
    }, (e) => {
      setStatus("failed", "the browser's database refused the save: " + words(e) +
                (journalOk ? ". Your latest edit is held in local storage until the database works again."
                           : ". Local storage is full too: export your work now."));
    });
  };

  // Only the view changed since the last save: write it alone.
  store.saveView = function (view) {
    if (store.readOnly) return;
    try { localStorage.setItem(VIEW, JSON.stringify({ seq: store.lastSeq, view })); } catch (e) { /* a view is not worth a message */ }
  };

  // The app could not use the stored state (e.g. a newer format): keep it
  // aside before anything overwrites it.
  store.setAsideInitial = function (reason) {
    if (!store.initial) return;
    keepAside(store.initial, reason);
    store.initial = null;
  };
  // The file picker for imports: the chosen file's text goes to the app.
  // Purpose "compare": a colleague's project, compared rather than imported.
  store.pickFile = function (accept, purpose) {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.addEventListener("change", async () => {
      const file = input.files && input.files[0];
      if (!file) return;
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (purpose === "compare") store.giveFileTo("_cm_receive_compare_file", file.name, bytes);
      else store.giveFile(file.name, bytes);
    });
    input.click();
  };
  // The file's bytes as they are: decoding them here (file.text()) would
  // replace invalid UTF-8 silently, and the app warns about it instead.
  // Big articles go to the import worker (import.js); projects never do.
  store.giveFile = function (name, bytes) {
    const project = /\.(json|jsonld)$/i.test(name);
    if (!project && window.claimmarkImport && window.claimmarkImport.convert(name, bytes)) return;
    store.giveFileTo("_cm_receive_file", name, bytes);
  };
  // Calls the app's fn(name, bytes, size) with the file copied into its memory.
  store.giveFileTo = function (fn, name, bytes) {
    const M = window.Module;
    const n = M.lengthBytesUTF8(name) + 1, pn = M._malloc(n), pb = M._malloc(bytes.length || 1);
    M.stringToUTF8(name, pn, n);
    M.HEAPU8.set(bytes, pb);
    try { M[fn](pn, pb, bytes.length); } finally { M._free(pn); M._free(pb); }
  };

  // Files dropped on the page: articles (.txt, .md, .html) or a project (.json).
  document.addEventListener("dragover", (e) => { e.preventDefault(); });
  document.addEventListener("drop", async (e) => {
    e.preventDefault();
    for (const file of Array.from((e.dataTransfer && e.dataTransfer.files) || []))
      store.giveFile(file.name, new Uint8Array(await file.arrayBuffer()));
  });

  // Closing or hiding the page: the app saves at once (the journal write is
  // synchronous, so it lands even if the tab is gone a moment later).
  const flush = () => { if (window.Module && window.Module._cm_flush_save) window.Module._cm_flush_save(); };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });

  store.asideText = () => asideRaw;
  store.hasAside = () => asideRaw != null;
  // Tests and the About box read this; the app polls `version`.
  store.ready = init().catch((e) => { store.problems.push("Browser storage could not start: " + words(e) + "."); });
  window.claimmarkStore = store;
})();
