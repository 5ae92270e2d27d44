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
const CODE_POINTS = 1_000_000, SPANS = 10_000, RELATIONS = 2_000, SCROLL_FRAMES = 600;

// A deterministic generator (mulberry32), so every run loads the same fixture.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// News-like text: curly quotes, em dashes, accented names, some astral
// characters, paragraphs of a few sentences.
function fixtureText(random) {
  const names = ["Ren Zhengfei", "Zoë Müller", "William Plummer", "José Álvarez", "Li Qiang", "Søren Ødegård"];
  const outlets = ["Reuters", "Les Échos", "AllThingsD", "ZDNet", "CNET"];
  const words = ("the company said market would exit network carrier phone business officials "
    + "lawmakers security report interview strategy growth government equipment spokesman").split(" ");
  const pick = (a) => a[Math.floor(random() * a.length)];
  const cps = [];
  let paragraph = [];
  const push = (s) => { for (const c of s) cps.push(c); };
  while (cps.length < CODE_POINTS) {
    const n = 6 + Math.floor(random() * 14);
    const phrase = Array.from({ length: n }, () => pick(words)).join(" ");
    const kind = random();
    let sentence;
    if (kind < 0.3) sentence = `“${phrase[0].toUpperCase()}${phrase.slice(1)},” ${pick(names)} told ${pick(outlets)}.`;
    else if (kind < 0.5) sentence = `According to ${pick(outlets)}, ${phrase} — ${pick(names)} said.`;
    else if (kind < 0.55) sentence = `${pick(names)} 📰 said the ${phrase}.`;
    else sentence = `${phrase[0].toUpperCase()}${phrase.slice(1)}.`;
    paragraph.push(sentence);
    if (paragraph.length >= 3 + Math.floor(random() * 4)) { push(paragraph.join(" ") + "\n\n"); paragraph = []; }
  }
  return cps.slice(0, CODE_POINTS).join("");
}

// W3C annotations: spans at word starts, 5–200 code points (so some overlap
// and nest), labelled Claim, Speaker or Source, and said_by / reported_by links.
function fixtureAnnotations(text, random) {
  const cps = Array.from(text);
  const starts = [];
  for (let i = 0; i < cps.length; i++) if (i === 0 || cps[i - 1] === " ") starts.push(i);
  const quote = (s, e) => cps.slice(s, e).join("");
  const labels = ["Claim", "Speaker", "Source"];
  const spans = [];
  for (let k = 0; k < SPANS; k++) {
    const start = starts[Math.floor(random() * starts.length)];
    const end = Math.min(cps.length, start + 5 + Math.floor(random() * 196));
    spans.push({
      id: `urn:bench:span:${k}`, type: "Annotation", motivation: "tagging",
      body: { type: "TextualBody", purpose: "tagging", value: labels[k % 3] },
      target: { source: "urn:bench:doc", selector: [
        { type: "TextPositionSelector", start, end },
        { type: "TextQuoteSelector", exact: quote(start, end), prefix: quote(Math.max(0, start - 32), start),
          suffix: quote(end, end + 32) }] },
    });
  }
  const links = [];
  for (let k = 0; k < RELATIONS; k++) {
    const claim = 3 * Math.floor(random() * (SPANS / 3));  // Claim, then its Speaker and Source
    const to = claim + (k % 2 === 0 ? 1 : 2);
    links.push({ id: `urn:bench:link:${k}`, type: "Annotation", motivation: "linking",
                 body: { type: "TextualBody", value: k % 2 === 0 ? "said_by" : "reported_by" },
                 target: [spans[claim].id, spans[to].id] });
  }
  return [...spans, ...links];
}

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

// PROFILE=1: the DevTools profiler over a scroll; prints the functions with the most self time.
async function profileScroll(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await page.evaluate(scrollInPage, SCROLL_FRAMES);
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map(), byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (profile.timeDeltas[i] || 0)));
  for (const [id, us] of counts) {
    const n = byId.get(id);
    const k = n.callFrame.functionName + " " + n.callFrame.url.split("/").pop() + ":" + n.callFrame.lineNumber;
    self.set(k, (self.get(k) || 0) + us);
  }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, us]) => (us / 1000).toFixed(1) + " ms  " + k).join("\n"));
}

async function oneRun(session, text, annotations, run) {
  const app = await openApp(session);
  const { page } = app;
  const loaded = await page.evaluate(async ({ text, annotations }) => {
    const t0 = performance.now();
    await window.benchLoad(text, annotations);
    const info = window.benchInfo();
    return { load: performance.now() - t0, rendered: info.rendered, phases: info.load_phases };
  }, { text, annotations });
  await page.waitForTimeout(300);
  const scroll = await page.evaluate(scrollInPage, SCROLL_FRAMES);
  if (run === 0) await page.screenshot({ path: shotPath("bench-mid-scroll.png") });
  const threadMs = await threadTimes(page);
  if (process.env.PROFILE) await profileScroll(page);
  const added = await page.evaluate(async () => {
    window.benchScrollTo(0.5);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const f0 = window.benchInfo().frames, a0 = performance.now();
    await window.benchAdd({ type: "Annotation", body: { type: "TextualBody", purpose: "tagging", value: "Claim" },
                            target: { source: "x", selector: { type: "TextPositionSelector", start: 500000, end: 500040 } } });
    const info = window.benchInfo();
    return { add: performance.now() - a0, frames: info.frames - f0, edit: info.last_edit_ms, after: info.rendered };
  });
  // Memory: the wasm heap (it never shrinks, so this is its peak) and the
  // JS heap's live objects (after a collection, not garbage waiting for one).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const memory = await page.evaluate(() => { const i = window.benchInfo(); return { wasm: i.wasm_bytes, heap: i.js_heap_bytes || 0 }; });
  await app.context.close();
  const gaps = scroll.stamps.slice(1).map((t, i) => t - scroll.stamps[i]);
  return { load: loaded.load, rendered: loaded.rendered, ...Object.fromEntries(Object.entries(loaded.phases).map(([k, v]) => ["load_" + k, v])), after: added.after,
           gapMedian: median(gaps), gapP95: quantile(gaps, 0.95), slow: gaps.filter((g) => g > 17.5).length,
           cpuMedian: median(scroll.cpu), cpuP95: quantile(scroll.cpu, 0.95), uiP95: quantile(scroll.ui, 0.95),
           threadMedian: median(threadMs), threadP95: quantile(threadMs, 0.95),
           vertices: median(scroll.vertices), calls: median(scroll.calls), add: added.add, addFrames: added.frames, edit: added.edit,
           wasmMB: memory.wasm / 1048576, heapMB: memory.heap / 1048576, memoryMB: (memory.wasm + memory.heap) / 1048576 };
}

const random = rng(20131126);
const text = fixtureText(random);
const annotations = fixtureAnnotations(text, random);
const session = await startSession();
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await oneRun(session, text, annotations, i));
await session.close();

const download = readdirSync(siteDir).filter((f) => /\.(js|wasm|html|css)$/.test(f) && f !== "sw.js")
  .reduce((n, f) => n + gzipSync(readFileSync(path.join(siteDir, f))).length, 0);
const row = (name, key, budget, digits = 1) => {
  const xs = runs.map((r) => r[key]);
  const fmt = (x) => (x == null ? "n/a" : x.toFixed(digits));
  console.log(`${name.padEnd(50)} ${fmt(median(xs)).padStart(9)}  (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})  ${budget}`);
};
console.log(`fixture: ${Array.from(text).length} code points, ${SPANS} spans, ${RELATIONS} relations; ` +
            `rendered after load: ${runs.map((r) => r.rendered).join(", ")}; runs: ${RUNS}`);
console.log(`${"figure".padEnd(50)} ${"median".padStart(9)}  (min–max)  budget`);
row("load to first frame that shows them, ms", "load", "< 300");
row("  the text into the app (article, index, hash)", "load_text", "");
row("  the annotations to JSON (in the page's JS)", "load_serialise", "");
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
row("the edit itself, ms", "edit", "< 1", 3);
row("wasm memory + JS heap, MB", "memoryMB", "< 100");
row("  wasm memory, MB", "wasmMB", "");
row("  JS heap (live, after a collection), MB", "heapMB", "");
console.log(`${"page download (js + wasm + html + css, gzip), MB".padEnd(50)} ${(download / 1048576).toFixed(2).padStart(9)}  < 1.5`);
