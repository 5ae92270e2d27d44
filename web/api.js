// window.claimmark: a small API for automation and tests (see README).
// Offsets are Unicode code points; rectangles are CSS pixels in the page.
"use strict";
(function () {
  let Module = null;
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });

  const call = (name, ret, types, args) => Module.ccall(name, ret, types || [], args || []);
  const json = (name, types, args) => JSON.parse(call(name, "string", types, args));
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));

  // Waits n frames, then until every queued input event has reached the UI
  // (the app applies one press or release per button per frame).
  async function frames(n) {
    const start = json("cm_state").frames;
    while (json("cm_state").frames < start + n) await nextFrame();
    while (json("cm_state").pendingInput > 0) await nextFrame();
  }

  function findDocument(id) {
    const doc = json("cm_documents").find((d) => d.id === id);
    if (!doc) throw new Error("claimmark: no document with id " + JSON.stringify(id));
    return doc;
  }

  // Big strings go through malloc, not ccall's stack copy (5 MB stack).
  function withString(s, fn) {
    const n = Module.lengthBytesUTF8(s) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(s, p, n);
    try { return fn(p); } finally { Module._free(p); }
  }

  window.claimmark = {
    ready,
    documents: () => json("cm_documents").map(({ id, title, outlet, date, length, warnings }) =>
      ({ id, title, outlet, date, length, warnings })),
    text(docId) {
      findDocument(docId);
      return call("cm_text", "string", ["string"], [docId]);
    },
    async open(docId) {
      findDocument(docId);
      call("cm_open", "number", ["string"], [docId]);
      await frames(2);
    },
    async locate(docId, start, end) {
      const doc = findDocument(docId);
      if (!(start >= 0 && end >= start && end <= doc.length)) throw new Error("claimmark: range out of bounds");
      call("cm_reveal", "number", ["string", "number", "number"], [docId, start, end]);
      while (call("cm_reveal_pending", "number")) await nextFrame();
      const box = Module.canvas.getBoundingClientRect();
      return json("cm_rects", ["number", "number"], [start, end])
        .map((r) => ({ x: box.left + r.x, y: box.top + r.y, width: r.width, height: r.height }));
    },
    selection: () => json("cm_selection"),
    // Rectangles of the document list's entries, in page CSS pixels (same order as documents()).
    listRects() {
      const box = Module.canvas.getBoundingClientRect();
      return json("cm_state").listItems.map((r) => ({ x: box.left + r.x, y: box.top + r.y, width: r.width, height: r.height }));
    },
    // The selected annotation's link markers (ends off screen or in another
    // article), in page CSS pixels, each with the span it jumps to.
    linkMarkers() {
      const box = Module.canvas.getBoundingClientRect();
      return json("cm_state").linkMarkers.map((r) => ({ target: r.target, x: box.left + r.x, y: box.top + r.y, width: r.width, height: r.height }));
    },
    // A named widget's rectangle in page CSS pixels (e.g. "tab:Cast",
    // "cast:Ren Zhengfei", "cast:mark-all", "label-remove:Source", "list:<span id>"), or null.
    item(name) {
      const r = json("cm_item", ["string"], [name]);
      if (!r) return null;
      const box = Module.canvas.getBoundingClientRect();
      return { x: box.left + r.x, y: box.top + r.y, width: r.width, height: r.height };
    },
    // The whole annotation model (labels, spans, entities, zones, relations).
    state: () => json("cm_model"),
    // What the UI shows: open document, scroll, selected annotation, link mode, undo.
    view: () => json("cm_state"),
    frames,
    _install(module) {
      Module = module;
      // Copy: the browser's copy event is the reliable path (no permission
      // needed); navigator.clipboard covers copies started inside the app.
      document.addEventListener("copy", (e) => {
        if (!Module._cm_selection_text) return;
        const text = call("cm_selection_text", "string");
        if (text) { e.clipboardData.setData("text/plain", text); e.preventDefault(); }
      });
      document.addEventListener("paste", (e) => {
        if (!Module._cm_web_set_pasted) return;
        const text = e.clipboardData.getData("text/plain");
        e.preventDefault();
        // A big paste outside a field becomes an article through the import worker.
        if (text.length >= 512 * 1024 && window.claimmarkImport && !json("cm_state").typing &&
            window.claimmarkImport.convert("", new TextEncoder().encode(text))) return;
        withString(text, (p) => Module._cm_web_set_pasted(p));
        withString(text, (p) => Module._cm_receive_paste(p));  // outside a field: a new article
      });
      // Ctrl/Cmd with +, - or 0 sizes the reading text in the app (the
      // browser would zoom the whole page and blur the canvas); Ctrl/Cmd+K
      // opens the app's command palette and Ctrl/Cmd+F its corpus search
      // (not the browser's find bar, which cannot see into the canvas).
      window.addEventListener("keydown", (e) => {
        if ((e.ctrlKey || e.metaKey) && !e.altKey && ["=", "+", "-", "0", "k", "K", "f", "F"].includes(e.key)) e.preventDefault();
      });
      module.claimmarkClipboard = (text) => {
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
      };
    },
    _ready: () => resolveReady(),
    _fail: (e) => rejectReady(e),
  };
  ready.catch(() => {});  // the page shows the error; don't also log an unhandled rejection
})();
