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

async function oneRun(session, text, annotations, run) {
  const app = await openApp(session);
  const { page } = app;
  // PROFILE=1: the DevTools profiler over the scroll; prints the functions with the most self time.
  let cdp = null;
  if (process.env.PROFILE) { cdp = await page.context().newCDPSession(page); await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 200 }); await page.evaluate(() => { window.__profile = true; }); }
  page.on("console", async (m) => { if (cdp && m.text() === "PROFILE_START") await cdp.send("Profiler.start"); });
  const r = await page.evaluate(async ({ text, annotations, frames }) => {
    const t0 = performance.now();
    await window.benchLoad(text, annotations);
    const load = performance.now() - t0;
    const afterLoad = window.benchInfo();
    if (window.__profile) { console.log("PROFILE_START"); await new Promise((r) => setTimeout(r, 300)); }
    // Scroll top to bottom, one step per animation frame.
    const stamps = [], cpu = [], ui = [];
    await new Promise((resolve) => {
      let i = 0;
      const step = (t) => {
        stamps.push(t);
        { const bi = window.benchInfo(); cpu.push(bi.frame_ms); ui.push(bi.ui_ms); }  // the app's frame before this callback
        if (i >= frames) { resolve(); return; }
        window.benchScrollTo(i / (frames - 1));
        i++;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    window.benchScrollTo(0.5);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const a0 = performance.now();
    await window.benchAdd({ type: "Annotation", body: { type: "TextualBody", purpose: "tagging", value: "Claim" },
                            target: { source: "x", selector: { type: "TextPositionSelector", start: 500000, end: 500040 } } });
    const add = performance.now() - a0;
    const info = window.benchInfo();
    return { load, rendered: afterLoad.rendered, stamps, cpu: cpu.slice(2), ui: ui.slice(2), add, edit: info.last_edit_ms,
             wasm: info.wasm_bytes, heap: info.js_heap_bytes, after: info.rendered };
  }, { text, annotations, frames: SCROLL_FRAMES });
  if (cdp) {
    const { profile } = await cdp.send("Profiler.stop");
    const self = new Map(), byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas; const counts = new Map();
    profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
    for (const [id, us] of counts) { const n = byId.get(id); const k = n.callFrame.functionName + " " + n.callFrame.url.split("/").pop() + ":" + n.callFrame.lineNumber; self.set(k, (self.get(k) || 0) + us); }
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, us]) => (us / 1000).toFixed(1) + " ms  " + k).join("\n"));
  }
  if (run === 0) await page.screenshot({ path: shotPath("bench-mid-scroll.png") });
  await app.context.close();
  const gaps = r.stamps.slice(1).map((t, i) => t - r.stamps[i]);
  return { load: r.load, rendered: r.rendered, after: r.after, gapMedian: median(gaps), gapP95: quantile(gaps, 0.95),
           cpuP95: quantile(r.cpu, 0.95), cpuMedian: median(r.cpu), uiP95: quantile(r.ui, 0.95), add: r.add, edit: r.edit,
           memoryMB: (r.wasm + (r.heap || 0)) / 1048576 };
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
  console.log(`${name.padEnd(44)} ${fmt(median(xs)).padStart(9)}  (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})  ${budget}`);
};
console.log(`fixture: ${Array.from(text).length} code points, ${SPANS} spans, ${RELATIONS} relations; ` +
            `rendered after load: ${runs.map((r) => r.rendered).join(", ")}; runs: ${RUNS}`);
console.log(`${"figure".padEnd(44)} ${"median".padStart(9)}  (min–max)  budget`);
row("load to first frame that shows them, ms", "load", "< 300");
row("scroll: frame interval median, ms", "gapMedian", "16.7");
row("scroll: frame interval p95, ms", "gapP95", "<= 17");
row("scroll: app CPU per frame median, ms", "cpuMedian", "");
row("scroll: app CPU per frame p95, ms", "cpuP95", "< 2");
row("  of which before the GL calls, p95, ms", "uiP95", "");
row("add one annotation to its frame, ms", "add", "next frame");
row("the edit itself, ms", "edit", "< 1", 3);
row("wasm memory + JS heap, MB", "memoryMB", "< 100");
console.log(`${"page download (js + wasm + html + css, gzip), MB".padEnd(44)} ${(download / 1048576).toFixed(2).padStart(9)}  < 1.5`);
