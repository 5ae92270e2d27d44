// The import worker: converts a big article (HTML, Markdown or text) with the
// core's own converter (claimmark-import.wasm, wasm/import_worker/) off the
// page's main thread, and sends back the draft's JSON and its text as bytes.
// Started by import.js; one message per file.
"use strict";
let started;
const ready = new Promise((resolve) => { started = resolve; });
// The module reads its settings from a global named Module.
self.Module = { onRuntimeInitialized: () => started() };
importScripts("claimmark-import.js");

function withBytes(M, bytes, fn) {
  const p = M._malloc(bytes.length || 1);
  M.HEAPU8.set(bytes, p);
  try { return fn(p); } finally { M._free(p); }
}

self.onmessage = async (e) => {
  const { id, name, bytes } = e.data;
  try {
    await ready;
    const M = self.Module;
    const draft = withBytes(M, new TextEncoder().encode(name + "\0"), (pn) =>
      withBytes(M, bytes, (pb) => M.UTF8ToString(M._cm_convert(pn, pb, bytes.length))));
    const at = M._cm_converted_text();
    const text = M.HEAPU8.slice(at, at + M._cm_converted_size());
    self.postMessage({ id, draft, text }, [text.buffer]);
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};
