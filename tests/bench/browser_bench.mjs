// Browser benchmark (figures printed, not pass/fail): loads a generated
// 1,000,000-code-point news-like article with 10,000 span annotations and
// 2,000 relations into the real page through the benchmark contract
// (web/bench.js), scrolls it top to bottom one step per animation frame,
// adds an annotation, and prints the figures of issue 6 as a table: median
// of RUNS runs (min–max). Run: node tests/bench/browser_bench.mjs [runs]
// after `cmake --build --preset web` (headless chromium, 1280×800).
import { gzipSync } from "node:zlib";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { startSession, openApp, siteDir, shotPath } from "../browser/harness.mjs";


const RUNS = Number(process.argv[2] || 3);
const SCROLL_FRAMES = 600;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

// Scrolls top to bottom, one step per animation frame (in the page); returns
// the frames' time stamps and what benchInfo said after each app frame.
function scrollInPage(frames) {
  const stamps = [], cpu = [], ui = [], vertices = [], calls = [];
  return new Promise((resolve) => {
    let i = 0;
    const step = (t) => {
      stamps.push(t);
      const bi = window.benchInfo();  // the app's frame before this callback
      cpu.push(bi.frame_ms); ui.push(bi.ui_ms); vertices.push(bi.vertices); calls.push(bi.draw_calls);
      if (i >= frames) {
        resolve({ stamps, cpu: cpu.slice(2), ui: ui.slice(2), vertices: vertices.slice(2), calls: calls.slice(2) });
        return;
      }
      window.benchScrollTo(i / (frames - 1));
      i++;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

// The app's thread CPU time per frame (ms) over a second scroll, from the
// browser's trace: the wall-clock time measured inside the wasm also counts
// the moments the main thread waits for one of the 2 cores, which
// SwiftShader's rasteriser threads and the GPU process want too. Tracing
// costs frames of its own, so the other figures come from an untraced scroll.
async function threadTimes(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.on("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: "devtools.timeline", transferMode: "ReportEvents" });
  await page.evaluate(scrollInPage, SCROLL_FRAMES);
  await cdp.send("Tracing.end");
  await done;
  // Emscripten's main-loop callback is the app's frame; tdur is thread time in µs.
  return events.filter((e) => e.name === "FunctionCall" && e.ph === "X" && e.tdur &&
                              e.args?.data?.functionName === "Browser_mainLoop_runner").map((e) => e.tdur / 1000);
}

// PROFILE=scroll or PROFILE=load: the DevTools profiler over a scroll or over
// benchLoad; prints the functions with the most self time (for names, build
// with --profiling-funcs: docs/benchmarks.md).
async function profiled(page, what, fn, arg) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const result = await page.evaluate(fn, arg);
  const { profile } = await cdp.send("Profiler.stop");
  console.log(`profile of the ${what}:`);
  const self = new Map(), byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (profile.timeDeltas[i] || 0)));
  for (const [id, us] of counts) {
    const n = byId.get(id);
    const k = n.callFrame.functionName + " " + n.callFrame.url.split("/").pop() + ":" + n.callFrame.lineNumber;
    self.set(k, (self.get(k) || 0) + us);
  }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, us]) => (us / 1000).toFixed(1) + " ms  " + k).join("\n"));
  return result;
}

async function loadInPage() {
  const { text, annotations } = window.benchFixtureData;
  const t0 = performance.now();
  await window.benchLoad(text, annotations);
  const info = window.benchInfo();
  const load = performance.now() - t0;
  let codePoints = 0;
  for (const _ of text) ++codePoints;
  return { load, rendered: info.rendered, phases: info.load_phases, codePoints, annotations: annotations.length };
}

async function oneRun(session, run) {
  const app = await openApp(session);
  const { page } = app;
  // The fixture is generated in the page, as a harness's own data would be
  // there already: handing 5 MB to page.evaluate as arguments costs the page
  // ~2 s of deserialising, part of it after the call, inside the load's time.
  await page.evaluate(`(() => { ${fixtureSource}\n window.benchFixtureData = benchFixture(); return 0; })()`);
  await page.waitForTimeout(500);  // the page settles (its first frames, the fixture's garbage)
  const loaded = process.env.PROFILE === "load" ? await profiled(page, "load", loadInPage)
                                                : await page.evaluate(loadInPage);
  await page.waitForTimeout(300);
  const scroll = await page.evaluate(scrollInPage, SCROLL_FRAMES);
  if (run === 0) {  // halfway down, as a reader would see it
    await page.evaluate(() => { window.benchScrollTo(0.5); return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); });
    await page.screenshot({ path: shotPath("bench-mid-scroll.png") });
  }
  const threadMs = await threadTimes(page);
  if (process.env.PROFILE === "scroll") await profiled(page, "scroll", scrollInPage, SCROLL_FRAMES);
  const added = await page.evaluate(async () => {
    window.benchScrollTo(0.5);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const f0 = window.benchInfo().frames, a0 = performance.now();
    await window.benchAdd({ type: "Annotation", body: { type: "TextualBody", purpose: "tagging", value: "Claim" },
                            target: { source: "x", selector: { type: "TextPositionSelector", start: 500000, end: 500040 } } });
    const info = window.benchInfo();
    const first = { add: performance.now() - a0, frames: info.frames - f0, edit: info.last_edit_ms, after: info.rendered };
    // The first edit of a page also has the engine compile the edit's code
    // (wasm functions are compiled on first call): later ones show the edit alone.
    const later = [];
    for (let i = 1; i <= 5; i++) {
      await window.benchAdd({ type: "Annotation", body: { type: "TextualBody", purpose: "tagging", value: "Speaker" },
                              target: { source: "x", selector: { type: "TextPositionSelector", start: 500000 + 100 * i, end: 500020 + 100 * i } } });
      later.push(window.benchInfo().last_edit_ms);
    }
    later.sort((a, b) => a - b);
    return { ...first, editLater: later[2] };
  });
  // The autosave of the whole project after that edit (it waits for a quiet moment).
  const save = await page.evaluate(async () => {
    const before = window.benchInfo().last_save_ms;
    for (let i = 0; i < 40 && window.Module._cm_bench_save_ms() === before; i++) await new Promise((r) => setTimeout(r, 100));
    return window.benchInfo().last_save_ms;
  });
  // Memory: the wasm heap (it never shrinks, so this is its peak) and the
  // JS heap's live objects (after a collection, not garbage waiting for one).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const memory = await page.evaluate(() => { const i = window.benchInfo(); return { wasm: i.wasm_bytes, heap: i.js_heap_bytes || 0 }; });
  await app.context.close();
  const gaps = scroll.stamps.slice(1).map((t, i) => t - scroll.stamps[i]);
  return { load: loaded.load, rendered: loaded.rendered, codePoints: loaded.codePoints, given: loaded.annotations, ...Object.fromEntries(Object.entries(loaded.phases).map(([k, v]) => ["load_" + k, v])), after: added.after,
           gapMedian: median(gaps), gapP95: quantile(gaps, 0.95), slow: gaps.filter((g) => g > 17.5).length,
           cpuMedian: median(scroll.cpu), cpuP95: quantile(scroll.cpu, 0.95), uiP95: quantile(scroll.ui, 0.95),
           threadMedian: median(threadMs), threadP95: quantile(threadMs, 0.95),
           vertices: median(scroll.vertices), calls: median(scroll.calls), add: added.add, addFrames: added.frames, edit: added.edit, editLater: added.editLater, save,
           wasmMB: memory.wasm / 1048576, heapMB: memory.heap / 1048576, memoryMB: (memory.wasm + memory.heap) / 1048576 };
}

// fixture.mjs without its exports, to run as a script in the page.
const fixtureSource = readFileSync(new URL("./fixture.mjs", import.meta.url), "utf8").replace(/^export /gm, "");
const session = await startSession();
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await oneRun(session, i));
await session.close();

const download = readdirSync(siteDir).filter((f) => /\.(js|wasm|html|css)$/.test(f) && f !== "sw.js")
  .reduce((n, f) => n + gzipSync(readFileSync(path.join(siteDir, f))).length, 0);
const row = (name, key, budget, digits = 1) => {
  const xs = runs.map((r) => r[key]);
  const fmt = (x) => (x == null ? "n/a" : x.toFixed(digits));
  console.log(`${name.padEnd(50)} ${fmt(median(xs)).padStart(9)}  (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})  ${budget}`);
};
console.log(`fixture (tests/bench/fixture.mjs): ${runs[0].codePoints} code points, ${runs[0].given} W3C annotations; ` +
            `rendered after load: ${runs.map((r) => r.rendered).join(", ")}; runs: ${RUNS}`);
console.log(`${"figure".padEnd(50)} ${"median".padStart(9)}  (min–max)  budget`);
row("load to first frame that shows them, ms", "load", "< 300");
row("  the text into the app (article, index, hash)", "load_text", "");
row("  the annotations read into columns (page JS)", "load_columns", "");
row("  the annotations into the app (import, editor)", "load_annotations", "");
row("  to the first frame that shows them (layout)", "load_frames", "");
row("scroll: frame interval median, ms", "gapMedian", "16.7");
row("scroll: frame interval p95, ms", "gapP95", "<= 17");
row("  frames longer than one (of 600)", "slow", "", 0);
row("scroll: app CPU per frame (wall) median, ms", "cpuMedian", "");
row("scroll: app CPU per frame (wall) p95, ms", "cpuP95", "< 2");
row("  of which before the GL calls, p95, ms", "uiP95", "");
row("scroll: app thread CPU time per frame median, ms", "threadMedian", "");
row("scroll: app thread CPU time per frame p95, ms", "threadP95", "< 2");
row("  vertices per frame, median", "vertices", "", 0);
row("  draw calls per frame, median", "calls", "", 0);
row("add one annotation to its frame, ms", "add", "");
row("  app frames until it shows", "addFrames", "1 (the next)", 0);
row("the edit itself (the page's first), ms", "edit", "< 1", 3);
row("  the next five, median (timer steps 0.1 ms)", "editLater", "", 3);
row("save of the whole project (autosave), ms", "save", "< 100");
row("wasm memory + JS heap, MB", "memoryMB", "< 100");
row("  wasm memory, MB", "wasmMB", "");
row("  JS heap (live, after a collection), MB", "heapMB", "");
console.log(`${"page download (js + wasm + html + css, gzip), MB".padEnd(50)} ${(download / 1048576).toFixed(2).padStart(9)}  < 1.5`);
