// Big articles are converted in a Web Worker (import-worker.js) so the page
// keeps drawing: the app shows "Converting …" (cm_import_started) until the
// draft arrives (cm_receive_draft), then indexes and lays it out a slice per
// frame. Small files take the direct path (storage.js giveFile), as does
// everything when the worker cannot start.
"use strict";
(function () {
  const WORKER_FROM_BYTES = 1024 * 1024;  // as ArticleIntake::kSliceAbove
  let worker = null;
  let next = 1;
  const pending = new Map();  // message id -> file name

  function cString(M, s) {
    const n = M.lengthBytesUTF8(s) + 1, p = M._malloc(n);
    M.stringToUTF8(s, p, n);
    return p;
  }

  // Hands the app a draft (or a refusal, as a draft with an error).
  function deliver(name, draftJson, text) {
    const M = window.Module;
    const pn = cString(M, name), pj = cString(M, draftJson), pt = M._malloc(text.length || 1);
    M.HEAPU8.set(text, pt);
    try { M._cm_receive_draft(pn, pj, pt, text.length); } finally { M._free(pn); M._free(pj); M._free(pt); }
  }

  // A refusal in the app's words: "“big.html” could not be converted: …".
  function fail(name, why) {
    const what = name ? "\u201C" + name + "\u201D" : "The pasted text";
    deliver(name, JSON.stringify({ ok: false, error: what + " could not be converted: " + why + "." }), new Uint8Array(0));
  }

  function failAll(why) {
    for (const [id, name] of pending) {
      pending.delete(id);
      fail(name, why);
    }
  }

  function start() {
    if (worker) return worker;
    worker = new Worker("import-worker.js");
    worker.onmessage = (e) => {
      const { id, draft, text, error } = e.data;
      const name = pending.get(id);
      if (name === undefined) return;
      pending.delete(id);
      if (error) fail(name, error);
      else deliver(name, draft, text);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      failAll("the import worker stopped (" + (e.message || "it could not load") + ")");
      worker = null;
    };
    return worker;
  }

  // True when the file went to the worker; false: convert it directly.
  function convert(name, bytes) {
    const M = window.Module;
    if (bytes.length < WORKER_FROM_BYTES || !M || !M._cm_receive_draft || typeof Worker === "undefined") return false;
    let w;
    try { w = start(); } catch (e) { return false; }
    const id = next++;
    pending.set(id, name);
    const pn = cString(M, name);
    try { M._cm_import_started(pn); } finally { M._free(pn); }
    w.postMessage({ id, name, bytes }, [bytes.buffer]);  // moved, not copied
    return true;
  }

  window.claimmarkImport = { convert, WORKER_FROM_BYTES };
})();
