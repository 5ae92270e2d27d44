// Comparing with a colleague: annotate a few spans with the mouse and keys,
// export the project through the File menu, make "their" file from it with
// spans changed, removed and added, load it with File → Compare and check
// that the figures shown are the ones computed here from the two sets; then
// adjudicate (adopt theirs, remove mine, keep mine), each adoption one undo
// step; look at the diff marks; stop; and see bad files refused with a
// message while nothing changes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { startSession, shotPath, locatePhrase, dragOver, clickRects, keys, model, view, settle, undo, clickItem, decodePng, openReadOnlyTab }
  from "./harness.mjs";

const FIRST = "065695c9ad3a5c37";
const A = "we have decided to exit the U.S. market";   // both: the same
const B = "Ren Zhengfei";                              // both: they marked "Zhengfei" only
const C = "it's not worth it";                         // mine only
const D = "French journalists";                        // mine Source, theirs Speaker
const E = "the company is supposedly exiting the North American market";  // theirs only

let session, context, page;
before(async () => {
  session = await startSession();
  context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  await page.goto(session.url);
  await page.waitForFunction(() => window.claimmark, null, { timeout: 10000 });
  await page.evaluate(() => window.claimmark.ready);
});
after(async () => { await context.close(); await session.close(); });

const compare = async () => (await view(page)).compare;

// --- the figures, computed here from the two sets (docs/agreement.md's rules) ---

const starts = (s) => Math.min(...s.ranges.map((r) => r[0]));
const ends = (s) => Math.max(...s.ranges.map((r) => r[1]));
const length = (s) => s.ranges.reduce((n, r) => n + r[1] - r[0], 0);
const overlap = (a, b) => {
  let n = 0;
  for (const [s1, e1] of a.ranges) for (const [s2, e2] of b.ranges) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
};
const sameRanges = (a, b) => JSON.stringify(a.ranges) === JSON.stringify(b.ranges);
const byPosition = (x, y) => starts(x) - starts(y) || ends(x) - ends(y) || x.id - y.id;

// Spans as {id, doc, name, ranges, from}: the model's, or a project file's.
const modelSpans = (m) => m.spans.map((s) => ({ id: s.id, doc: s.doc, ranges: s.ranges,
                                                 name: m.labels.find((l) => l.id === s.label).name }));
const fileSpans = (p) => p.annotations.map((a) => ({ id: a.id, doc: a.doc, ranges: a.ranges.map((r) => [r.start, r.end]),
                                                     name: p.labels.find((l) => l.id === a.label).name }));

// One-to-one, greedy: larger overlap, smaller union, same label, mine's then theirs' position.
function match(mine, theirs, { exact, sameLabel }) {
  const cands = [];
  mine.forEach((m, i) => theirs.forEach((t, j) => {
    if (m.doc !== t.doc || (sameLabel && m.name !== t.name) || (exact && !sameRanges(m, t))) return;
    const o = overlap(m, t);
    if (o > 0) cands.push({ i, j, o, u: length(m) + length(t) - o, same: m.name === t.name });
  }));
  const ms = mine.map((m, i) => i).sort((x, y) => byPosition(mine[x], mine[y]));
  const ts = theirs.map((t, j) => j).sort((x, y) => byPosition(theirs[x], theirs[y]));
  cands.sort((x, y) => y.o - x.o || x.u - y.u || Number(y.same) - Number(x.same) ||
                       ms.indexOf(x.i) - ms.indexOf(y.i) || ts.indexOf(x.j) - ts.indexOf(y.j));
  const pairs = [], usedM = new Set(), usedT = new Set();
  for (const c of cands) {
    if (usedM.has(c.i) || usedT.has(c.j)) continue;
    usedM.add(c.i); usedT.add(c.j);
    pairs.push([mine[c.i], theirs[c.j]]);
  }
  return { pairs, mineOnly: mine.filter((_, i) => !usedM.has(i)), theirsOnly: theirs.filter((_, j) => !usedT.has(j)) };
}

const ratio = (part, whole) => (whole === 0 ? "n/a" : (part / whole).toFixed(2));
const row = (label, both, mine, theirs) => ({ label, mine, theirs, both, precision: ratio(both, mine),
                                              recall: ratio(both, theirs), f1: ratio(2 * both, mine + theirs) });
function expectedRows(mine, theirs, exact) {
  const aware = match(mine, theirs, { exact, sameLabel: true });
  const names = [...new Set([...mine, ...theirs].map((s) => s.name))].sort();
  const count = (list, name) => list.filter((s) => s.name === name).length;
  const rows = names.map((n) => row(n, aware.pairs.filter(([m]) => m.name === n).length, count(mine, n), count(theirs, n)));
  rows.push(row("All labels", aware.pairs.length, mine.length, theirs.length));
  rows.push(row("Any label", match(mine, theirs, { exact, sameLabel: false }).pairs.length, mine.length, theirs.length));
  return rows;
}
function expectedKappa(mine, theirs) {
  const { pairs } = match(mine, theirs, { exact: false, sameLabel: false });
  const n = pairs.length, names = new Set(pairs.flatMap(([m, t]) => [m.name, t.name]));
  const po = pairs.filter(([m, t]) => m.name === t.name).length / n;
  let pe = 0;
  for (const k of names) pe += (pairs.filter(([m]) => m.name === k).length / n) * (pairs.filter(([, t]) => t.name === k).length / n);
  return { pairs: n, kappa: pe === 1 ? 1 : (po - pe) / (1 - pe) };
}

// --- making their file ---

const cps = (s) => Array.from(s);
function quote(text, start, end) {
  const t = cps(text);
  return { start, end, exact: t.slice(start, end).join(""), prefix: t.slice(Math.max(0, start - 32), start).join(""),
           suffix: t.slice(end, end + 32).join("") };
}
function theirFile(project, text) {
  const p = structuredClone(project);
  const find = (phrase) => p.annotations.find((a) => a.ranges[0].exact === phrase);
  const labelId = (name) => p.labels.find((l) => l.name === name).id;
  const b = find(B);
  b.ranges = [quote(text, b.ranges[0].start + 4, b.ranges[0].end)];  // "Zhengfei"
  find(D).label = labelId("Speaker");
  p.annotations = p.annotations.filter((a) => a.ranges[0].exact !== C);
  const ids = [...p.labels, ...p.entities, ...p.annotations, ...(p.relations || []), ...(p.zones || [])].map((o) => o.id);
  const i = cps(text).join("").indexOf(E);
  const start = cps(text.slice(0, text.indexOf(E))).length;
  assert.ok(i >= 0);
  p.annotations.push({ id: Math.max(...ids) + 1, doc: FIRST, label: labelId("Claim"),
                       ranges: [quote(text, start, start + cps(E).length)], note: "", attributes: {},
                       created: 1700000000, modified: 1700000000 });
  p.documents.push({ id: "elsewhere-0001", title: "Not open here", text: "A story this reader does not have." });
  return p;
}

async function tag(phrase, key) {
  const { rects } = await locatePhrase(page, FIRST, phrase);
  await dragOver(page, rects);
  await keys(page, key);
}

// File → Compare with a colleague's file…, through the real file chooser.
async function loadTheirs(file, p = page) {
  await clickItem(p, "menu:File");
  const [chooser] = await Promise.all([p.waitForEvent("filechooser"), clickItem(p, "file:compare")]);
  await chooser.setFiles(file);
  await p.waitForFunction(() => { const c = window.claimmark.view().compare; return c.active || c.error; });
  await settle(p);
}

const ctx = {};  // carried from test to test: one reader's session

test("annotate, export, and load a colleague's changed copy with File → Compare", async () => {
  await tag(A, "1");
  await tag(B, "2");
  await keys(page, "Escape");
  await clickRects(page, (await locatePhrase(page, FIRST, A)).rects);
  await keys(page, "l");
  await clickRects(page, (await locatePhrase(page, FIRST, B)).rects);  // A said_by B
  await tag(C, "1");
  await tag(D, "3");
  await keys(page, "Escape");
  const mine = await model(page);
  assert.equal(mine.spans.length, 4);
  assert.equal(mine.relations.length, 1);

  await clickItem(page, "menu:File");
  const [d] = await Promise.all([page.waitForEvent("download"), clickItem(page, "file:export")]);
  const exported = shotPath("compare-mine.json");
  await d.saveAs(exported);
  const text = await page.evaluate((id) => window.claimmark.text(id), FIRST);
  const theirs = theirFile(JSON.parse(readFileSync(exported, "utf8")), text);
  ctx.theirsFile = shotPath("compare-theirs.json");
  writeFileSync(ctx.theirsFile, JSON.stringify(theirs, null, 2));
  ctx.theirs = fileSpans(theirs);
  ctx.theirProject = theirs;

  await loadTheirs(ctx.theirsFile);
  const c = await compare();
  assert.equal(c.active, true, c.error);
  assert.equal(c.file, "compare-theirs.json");
  assert.equal(c.fileDocuments, theirs.documents.length, "every article of their file counted");
  assert.equal(c.documents.length, theirs.documents.length - 1, "all but the one not open here");
  assert.ok(!c.documents.includes("elsewhere-0001"));
  assert.match((await view(page)).message, /5 of their 6 articles are open here/);
  assert.ok(await page.evaluate(() => window.claimmark.item("tab:Compare")), "the Compare tab is shown");
  assert.deepEqual(await model(page), mine, "nothing of theirs is merged into mine");
  ctx.mine = mine;
});

test("the table, kappa and relations shown are the ones computed from the two sets", async () => {
  const mine = modelSpans(ctx.mine);
  let c = await compare();
  assert.equal(c.mode, "overlap");
  assert.deepEqual(c.rows, expectedRows(mine, ctx.theirs, false), "overlap matching, per label and overall");
  const k = expectedKappa(mine, ctx.theirs);
  assert.equal(c.kappa.pairs, k.pairs);
  assert.ok(Math.abs(c.kappa.kappa - k.kappa) < 1e-9, `kappa ${c.kappa.kappa} vs ${k.kappa}`);
  // Their relation A said_by B survives with B's shorter extent: both ends still match by overlap.
  assert.deepEqual(c.relations, { both: 1, mineOnly: 0, theirsOnly: 0 });

  await clickItem(page, "compare:mode-exact", { xMax: 10 });
  c = await compare();
  assert.equal(c.mode, "exact");
  assert.deepEqual(c.rows, expectedRows(mine, ctx.theirs, true), "exact matching");
  // Relations (like kappa) pair spans by overlap whatever the mode: the core's rule.
  assert.deepEqual(c.relations, { both: 1, mineOnly: 0, theirsOnly: 0 });
  await clickItem(page, "compare:mode-overlap", { xMax: 10 });

  await clickItem(page, "compare:scope-this", { xMax: 10 });
  c = await compare();
  assert.deepEqual(c.scopeDocuments, [FIRST]);
  assert.deepEqual(c.rows, expectedRows(mine, ctx.theirs, false), "only this article has spans");
  await clickItem(page, "compare:scope-all", { xMax: 10 });
});

test("the open article's disagreements are listed in reading order, and clicking one selects it", async () => {
  const c = await compare();
  const phraseOf = (d) => ctx.theirs.find((t) => t.id === d.theirs) || modelSpans(ctx.mine).find((m) => m.id === d.mine);
  const text = await page.evaluate((id) => window.claimmark.text(id), FIRST);
  const at = (d) => cps(text).slice(starts(phraseOf(d)), ends(phraseOf(d))).join("");
  assert.deepEqual(c.disagreements.map((d) => [d.kind, at(d)]),
                   [["differs", "Zhengfei"], ["differs", D], ["theirs-only", E], ["mine-only", C]]);
  assert.equal(c.disagreements[0].detail, "extent differs");
  assert.equal(c.disagreements[0].text, "mine “Ren Zhengfei”, theirs “Zhengfei”");
  assert.equal(c.disagreements[1].detail, "mine Source, theirs Speaker");
  await clickItem(page, "compare:row:3", { xMax: 30 });
  assert.equal((await view(page)).selectedAnnotation, c.disagreements[3].mine, "the row selects my span");
  await page.screenshot({ path: shotPath("compare-panel.png") });
});

// Pixels of each diff-mark colour of the light theme (ui/text_marks.cpp) in the reading column.
async function markPixels() {
  const { w, h, data } = await decodePng(page, await page.screenshot());
  const colours = { mine: [30, 100, 220], both: [40, 140, 60], theirs: [200, 60, 30] };
  const reader = { x0: 270, x1: 1280 - 390 };
  const counts = {};
  for (const [k, [r, g, b]] of Object.entries(colours)) {
    let n = 0;
    for (let y = 0; y < h; y++)
      for (let x = reader.x0; x < reader.x1; x++) {
        const i = (y * w + x) * 4;
        if (Math.abs(data[i] - r) < 12 && Math.abs(data[i + 1] - g) < 12 && Math.abs(data[i + 2] - b) < 12) n++;
      }
    counts[k] = n;
  }
  return counts;
}

test("the diff marks are drawn in the text in the legend's colours", async () => {
  assert.ok(await page.evaluate(() => window.claimmark.item("compare:legend")), "the legend is on screen");
  const counts = await markPixels();
  for (const k of Object.keys(counts)) assert.ok(counts[k] > 20, `${k} marks visible (${JSON.stringify(counts)})`);
});

test("Adopt theirs on their-only span adds exactly it; Ctrl+Z takes it back", async () => {
  const before = await model(page);
  const c = await compare();
  const i = c.disagreements.findIndex((d) => d.kind === "theirs-only");
  const their = ctx.theirs.find((t) => t.id === c.disagreements[i].theirs);
  await clickItem(page, `compare:adopt:${i}`, { xMax: 20 });
  const after = await model(page);
  assert.equal(after.spans.length, before.spans.length + 1);
  const added = after.spans.filter((s) => !before.spans.some((b) => b.id === s.id));
  assert.equal(added.length, 1);
  assert.deepEqual(added[0].ranges, their.ranges);
  assert.equal(after.labels.find((l) => l.id === added[0].label).name, their.name);
  assert.deepEqual(after.spans.filter((s) => s.id !== added[0].id), before.spans, "the rest unchanged");
  assert.ok(!(await compare()).disagreements.some((d) => d.kind === "theirs-only"), "settled: off the list");
  await undo(page);
  assert.deepEqual(await model(page), before, "one undo step");
  assert.equal((await compare()).disagreements.length, 4, "back on the list");
});

test("Adopt theirs on a label difference relabels mine; Remove mine deletes; each one undo step", async () => {
  const before = await model(page);
  let c = await compare();
  let i = c.disagreements.findIndex((d) => d.detail === "mine Source, theirs Speaker");
  await clickItem(page, `compare:adopt:${i}`, { xMax: 20 });
  let after = await model(page);
  const span = after.spans.find((s) => s.id === c.disagreements[i].mine);
  assert.equal(after.labels.find((l) => l.id === span.label).name, "Speaker");
  await undo(page);
  assert.deepEqual(await model(page), before);

  c = await compare();
  i = c.disagreements.findIndex((d) => d.kind === "mine-only");
  await clickItem(page, `compare:remove:${i}`, { xMax: 20 });
  after = await model(page);
  assert.deepEqual(after.spans.map((s) => s.id), before.spans.map((s) => s.id).filter((id) => id !== c.disagreements[i].mine));
  await undo(page);
  assert.deepEqual(await model(page), before);
});

test("Keep mine takes a difference off the list without an edit; Show kept brings it back", async () => {
  const before = await model(page);
  const c = await compare();
  await clickItem(page, "compare:keep:0", { xMax: 20 });
  const kept = await compare();
  assert.equal(kept.kept, 1);
  assert.deepEqual(kept.disagreements, c.disagreements.slice(1));
  assert.deepEqual(await model(page), before, "nothing edited");
  await clickItem(page, "compare:show-kept", { xMax: 20 });
  assert.deepEqual((await compare()).disagreements, c.disagreements);
});

test("a bad file is refused with its reason and changes nothing, during a comparison too", async () => {
  const before = await model(page);
  const bad = {
    "compare-malformed.json": ["{ \"format\": \"claimmark\", \"version\": 1, ", /not valid JSON/],
    "compare-newer.json": [JSON.stringify({ format: "claimmark", version: 99 }), /newer ClaimMark/],
    "compare-state.json": [JSON.stringify({ schema: "claimmark/annotations", version: 1 }), /not a project file/],
    "compare-elsewhere.json": [JSON.stringify({ format: "claimmark", version: 1,
      documents: [{ id: "x1", title: "Elsewhere", text: "Another story." }] }), /none of its 1 article is open here/],
  };
  for (const [name, [content, reason]] of Object.entries(bad)) {
    const file = shotPath(name);
    writeFileSync(file, content);
    await loadTheirs(file);
    const c = await compare();
    assert.match(c.error, reason, name);
    assert.match(c.error, /Nothing was changed/);
    assert.equal(c.active, true, "the comparison going on is kept");
    assert.equal(c.file, "compare-theirs.json");
    if (name === "compare-malformed.json") await page.screenshot({ path: shotPath("compare-bad-file.png") });
    await clickItem(page, "compare:error-close");
    assert.equal((await compare()).error, "");
    assert.deepEqual(await model(page), before, name + " changed nothing");
  }
});

test("Stop comparing clears the tab and the marks", async () => {
  await clickItem(page, "tab:Compare", { xMax: 30 });
  await clickItem(page, "compare:stop", { xMax: 30 });
  await settle(page);  // the click may land in the frame that drew the tab
  const c = await compare();
  assert.equal(c.active, false);
  assert.equal(await page.evaluate(() => window.claimmark.item("tab:Compare")), null);
  assert.deepEqual(await model(page), ctx.mine, "my work as it was");
  assert.deepEqual(await markPixels(), { mine: 0, both: 0, theirs: 0 }, "the marks are gone");
});

test("a read-only tab (another tab saves) compares and stops, but cannot adopt or remove", async () => {
  const second = await openReadOnlyTab(context, session.url);
  const before = await model(second);
  await loadTheirs(ctx.theirsFile, second);
  assert.equal((await view(second)).compare.active, true, "comparing works");
  await clickItem(second, "tab:Compare", { xMax: 30 });
  await clickItem(second, "compare:scope-all", { xMax: 10 });
  const names = await second.evaluate(() => [...Array(20).keys()].flatMap((i) => ["adopt", "remove"].map((k) => `compare:${k}:${i}`))
    .filter((name) => window.claimmark.item(name)));
  assert.ok(names.length > 0, "a disagreement with an Adopt or Remove button is listed");
  await clickItem(second, names[0], { xMax: 10 });
  await settle(second);
  assert.deepEqual(await model(second), before, "the button is disabled: nothing changed");
  await second.screenshot({ path: shotPath("compare-read-only.png") });
  await clickItem(second, "compare:stop", { xMax: 30 });
  await settle(second);
  assert.equal((await view(second)).compare.active, false, "Stop comparing works");
  await second.close();
});
