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

  // Every target of the annotation points at the loaded article.
  function retarget(target, source) {
    const one = (t) => (typeof t === "string" ? t : { ...t, source: t.selector ? source : t.source });
    return Array.isArray(target) ? target.map(one) : one(target);
  }

  let loadPhases = null;  // where the last benchLoad's time went (ms)

  async function benchLoad(text, annotations) {
    const t = [performance.now()];
    const bytes = new TextEncoder().encode(text);
    const id = withBytes(bytes, (p) => M().UTF8ToString(M()._cm_bench_text(p, bytes.length)));
    if (!id) throw new Error("benchLoad: the app refused the text");
    t.push(performance.now());
    const source = "urn:claimmark:doc:" + id;
    const items = annotations.map((a) => ({ ...a, target: retarget(a.target, source) }));
    const collection = { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection",
                         first: { type: "AnnotationPage", items } };
    const json = JSON.stringify(collection);
    t.push(performance.now());
    const placed = withString(json, (p) => M()._cm_bench_annotations(p));
    if (placed < 0) throw new Error("benchLoad: the app refused the annotations");
    t.push(performance.now());
    await afterFrame(() => M()._cm_bench_shown() === 1);
    t.push(performance.now());
    loadPhases = { text: t[1] - t[0], serialise: t[2] - t[1], annotations: t[3] - t[2], frames: t[4] - t[3] };
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
      load_phases: loadPhases,  // text in, annotations serialised (JS), annotations in, to the frame that shows them
    };
  }

  Object.assign(window, { benchLoad, benchScrollTo, benchAdd, benchInfo });
})();
