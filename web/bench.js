// The benchmark contract (docs/benchmarks.md): window.benchLoad,
// benchScrollTo, benchAdd and benchInfo, so any harness can drive this page
// the way it drives other annotators. Offsets are code points; a promise
// resolves only after the app has drawn the frame that shows the result.
// The work happens in the app (wasm/app/bench_api.cpp), nothing is pre-baked.
"use strict";
(function () {
  const M = () => window.Module;

  // After the app's next frame (its requestAnimationFrame callback was
  // registered before ours, so it has run when ours runs) in which `done()`.
  function afterFrame(done = () => true) {
    const start = M()._cm_bench_frames();
    return new Promise((resolve) => {
      const check = () => {
        if (M()._cm_bench_frames() > start && done()) resolve();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }

  function withBytes(bytes, fn) {
    const p = M()._malloc(bytes.length + 1);
    M().HEAPU8.set(bytes, p);
    M().HEAPU8[p + bytes.length] = 0;
    try { return fn(p); } finally { M()._free(p); }
  }
  const withString = (s, fn) => withBytes(new TextEncoder().encode(s), fn);

  // W3C annotations (objects) as the columns cm_bench_columns takes: what
  // the app needs of each, read here once, instead of JSON text the wasm
  // would parse again (4 MB for the 1 MB / 10k fixture).
  function toColumns(annotations) {
    const labels = new Map(), relations = new Map(), index = new Map();
    const nameIndex = (map, name) => { if (!map.has(name)) map.set(name, map.size); return map.get(name); };
    const spans = [], exact = [], links = [];
    for (const a of annotations) {
      const bodies = [].concat(a.body || []);
      const target = Array.isArray(a.target) ? a.target : [a.target];
      const selectors = target[0] && typeof target[0] === "object" ? [].concat(target[0].selector || []) : [];
      const pos = selectors.find((s) => s.type === "TextPositionSelector");
      const tag = bodies.find((b) => b && (b.purpose === "tagging" || !b.purpose) && typeof b.value === "string");
      if (pos && tag && Number.isInteger(pos.start) && Number.isInteger(pos.end)) {
        const quote = selectors.find((s) => s.type === "TextQuoteSelector");
        index.set(a.id, spans.length / 3);
        spans.push(pos.start, pos.end, nameIndex(labels, tag.value));
        exact.push(quote && typeof quote.exact === "string" ? quote.exact : "");
      } else if (a.motivation === "linking" && target.length === 2 && tag) {
        links.push(a);
      }
    }
    const linkCols = [];
    for (const a of links) {
      const [from, to] = a.target.map((t) => index.get(typeof t === "string" ? t : t.id));
      if (from === undefined || to === undefined) continue;
      const tag = [].concat(a.body).find((b) => b && typeof b.value === "string");
      linkCols.push(from, to, nameIndex(relations, tag.value));
    }
    return { spans: Uint32Array.from(spans), links: Uint32Array.from(linkCols),
             strings: [...labels.keys(), ...relations.keys(), ...exact], labels: labels.size, relations: relations.size };
  }

  // Copies the columns into the wasm heap for the call, and frees them after.
  function withColumns(c, fn) {
    const encoder = new TextEncoder();
    const parts = c.strings.map((s) => encoder.encode(s));
    const total = parts.reduce((n, p) => n + p.length, 0);
    const lengths = Uint32Array.from(parts, (p) => p.length);
    const ptrs = [c.spans.byteLength, c.links.byteLength, total + 1, lengths.byteLength].map((n) => M()._malloc(Math.max(4, n)));
    try {
      M().HEAPU8.set(new Uint8Array(c.spans.buffer), ptrs[0]);
      M().HEAPU8.set(new Uint8Array(c.links.buffer), ptrs[1]);
      let at = ptrs[2];
      for (const p of parts) { M().HEAPU8.set(p, at); at += p.length; }
      M().HEAPU8.set(new Uint8Array(lengths.buffer), ptrs[3]);
      return fn([ptrs[0], c.spans.length / 3, ptrs[1], c.links.length / 3, ptrs[2], ptrs[3], c.labels, c.relations]);
    } finally {
      ptrs.forEach((p) => M()._free(p));
    }
  }

  let loadPhases = null;  // where the last benchLoad's time went (ms)

  async function benchLoad(text, annotations) {
    const t = [performance.now()];
    const bytes = new TextEncoder().encode(text);
    const id = withBytes(bytes, (p) => M().UTF8ToString(M()._cm_bench_text(p, bytes.length)));
    if (!id) throw new Error("benchLoad: the app refused the text");
    t.push(performance.now());
    const columns = toColumns(annotations);
    t.push(performance.now());
    const placed = withColumns(columns, (args) => M()._cm_bench_columns(...args));
    if (placed < 0) throw new Error("benchLoad: the app refused the annotations");
    const leftOut = columns.spans.length / 3 - placed;
    if (leftOut) console.warn(`benchLoad: ${leftOut} span annotation(s) could not be placed (outside the text, or their quote is not in it)`);
    t.push(performance.now());
    await afterFrame(() => M()._cm_bench_shown() === 1);
    t.push(performance.now());
    loadPhases = { text: t[1] - t[0], columns: t[2] - t[1], annotations: t[3] - t[2], frames: t[4] - t[3] };
    return { placed, left_out: leftOut };
  }

  let lastEditMs = null;  // the edit itself, before the frame that shows it

  function benchScrollTo(fraction) { M()._cm_bench_scroll(fraction); }

  async function benchAdd(annotation) {
    const target = Array.isArray(annotation.target) ? annotation.target[0] : annotation.target;
    const selectors = [].concat(target.selector || []);
    const pos = selectors.find((s) => s.type === "TextPositionSelector");
    const body = [].concat(annotation.body || []).find((b) => b.purpose === "tagging");
    if (!pos || !body) throw new Error("benchAdd: needs a TextPositionSelector and a tagging body");
    const t0 = performance.now();
    const id = withString(body.value, (p) => M()._cm_bench_add(pos.start, pos.end, p));
    lastEditMs = performance.now() - t0;
    if (!id) throw new Error("benchAdd: the app refused the annotation");
    await afterFrame();
    return id;
  }

  function benchInfo() {
    return {
      rendered: M()._cm_bench_rendered(),
      wasm_bytes: M().HEAPU8.length,
      // A getter: reading performance.memory costs ~0.5 ms, too much for every frame.
      get js_heap_bytes() { return performance.memory ? performance.memory.usedJSHeapSize : null; },
      frame_ms: M()._cm_bench_frame_ms(),  // the app's own CPU time in its last frame
      ui_ms: M()._cm_bench_ui_ms(),        // of which before the GL calls (the rest: submitting the draw)
      frames: M()._cm_bench_frames(),
      vertices: M()._cm_bench_vertices(),      // what the last frame handed the GPU
      draw_calls: M()._cm_bench_draw_calls(),
      last_edit_ms: lastEditMs,
      last_save_ms: M()._cm_bench_save_ms(),  // the last autosave of the whole project (never on an edit's frame)
      load_phases: loadPhases,  // text in, annotations read into columns (JS), annotations in, to the frame that shows them
    };
  }

  Object.assign(window, { benchLoad, benchScrollTo, benchAdd, benchInfo });
})();
