// Across articles with real mouse and keys: claims in two articles grouped
// into a cluster from the inspector, a second cluster marked as contradicting
// it in the Clusters tab, then the contradiction view, the who-said-what
// table (a click on a cell jumps to the claim, CSV export) and the timeline
// ordering a walk-back after the statement it walks back. The model is read
// from claimmark.state(); the views' widgets by name (claimmark.item).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startSession, openApp, shotPath, locatePhrase, dragOver, clickRects, keys, model, view, settle, undo,
  clickItem, nameEntity } from "./harness.mjs";

const FIRST = "065695c9ad3a5c37";  // no outlet given
const CNET = "ed3b142e784ca930";
const ZDNET = "b9f2b827f983a180";
const EXIT_FIRST = "we have decided to exit the U.S. market, and not stay in the middle";
const EXIT_CNET = "we have decided to exit the US market, and not stay in the middle";
const STAYING = "Chinese networking equipment maker was still engaging partners and customers in the market";

let session, app;
before(async () => {
  session = await startSession();
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = { errors: [] };
  page.on("console", (m) => { if (m.type() === "error") problems.errors.push(m.text()); });
  page.on("pageerror", (e) => problems.errors.push(String(e)));
  await page.goto(session.url);
  await page.waitForFunction(() => window.claimmark);
  await page.evaluate(() => window.claimmark.ready);
  app = { context, page, problems };
});
after(async () => { await app.context.close(); await session.close(); });

const ids = {};
const spanAt = (m, doc, range) => m.spans.find((s) => s.doc === doc && s.ranges[0][0] === range.start && s.ranges[0][1] === range.end);

// A phrase where it first occurs inside a longer one ("Ren" of "Ren reportedly").
async function locateIn(page, doc, phrase, within = phrase) {
  const text = await page.evaluate((id) => window.claimmark.text(id), doc);
  const at = text.indexOf(within);
  assert.ok(at >= 0, within);
  const before = text.slice(0, at + within.indexOf(phrase));
  const nth = before.split(phrase).length - 1;  // occurrences of phrase before this one
  return locatePhrase(page, doc, phrase, nth);
}
// Drags over a phrase and presses a label's key; returns the new span.
async function tag(page, doc, phrase, key, within = phrase) {
  const { range, rects } = await locateIn(page, doc, phrase, within);
  await dragOver(page, rects);
  await keys(page, key);
  const span = spanAt(await model(page), doc, range);
  assert.ok(span, `tagged “${phrase}”`);
  return span;
}
// Clicks a claim in the text, presses L, clicks its speaker.
async function link(page, doc, claimPhrase, speakerPhrase, within = speakerPhrase) {
  await clickRects(page, (await locatePhrase(page, doc, claimPhrase)).rects);
  await keys(page, "l");
  await clickRects(page, (await locateIn(page, doc, speakerPhrase, within)).rects);
  assert.equal((await view(page)).linking, false);
}
// Clicks a corpus tab; the frame of the click already draws its view (no blank frame).
async function tab(page, name) {
  const blank = (await view(page)).framesWithoutView;
  await clickItem(page, "corpus-tab:" + name, { xMax: Infinity });
  await page.waitForFunction((n) => window.claimmark.view().corpusTab === n, name, { timeout: 5000 });
  await settle(page);  // drawn at its width
  assert.equal((await view(page)).framesWithoutView, blank, `the click on ${name} showed a frame without a view`);
}
// A jump takes a few frames (the click's press and release, then the jump):
// wait for the article, as a reader would.
const articleShown = (page) => page.waitForFunction(() => window.claimmark.view().corpusTab === "Article", null, { timeout: 5000 });
const rect = (page, name) => page.evaluate((n) => window.claimmark.item(n), name);

test("claims, speakers and links in three articles", async () => {
  const { page } = app;
  ids.exitCnet = (await tag(page, CNET, EXIT_CNET, "1")).id;
  ids.renCnet = (await tag(page, CNET, "Ren", "2", "Ren reportedly said")).id;
  await nameEntity(page, "Ren Zhengfei");
  await link(page, CNET, EXIT_CNET, "Ren", "Ren reportedly said");
  ids.exitFirst = (await tag(page, FIRST, EXIT_FIRST, "1")).id;
  ids.renFirst = (await tag(page, FIRST, "Zhengfei", "2", "Zhengfei reportedly said")).id;
  await nameEntity(page, "Ren Zhengfei");
  await link(page, FIRST, EXIT_FIRST, "Zhengfei", "Zhengfei reportedly said");
  ids.staying = (await tag(page, ZDNET, STAYING, "1")).id;
  ids.li = (await tag(page, ZDNET, "Jane Li", "2")).id;
  await nameEntity(page, "Jane Li");
  await link(page, ZDNET, STAYING, "Jane Li");
  const m = await model(page);
  assert.equal(m.entities.length, 2, "both mentions of Ren are one entity");
  assert.equal(m.relations.filter((r) => r.type === "said_by").length, 3);
});

test("the inspector makes a cluster of one claim and adds the other article's claim to it", async () => {
  const { page } = app;
  await clickRects(page, (await locatePhrase(page, CNET, EXIT_CNET)).rects);
  assert.equal((await view(page)).selectedAnnotation, ids.exitCnet);
  await clickItem(page, "inspector:new-cluster", { xMax: Infinity });
  let m = await model(page);
  assert.equal(m.clusters.length, 1);
  ids.exit = m.clusters[0].id;
  assert.deepEqual(m.clusters[0].claims, [ids.exitCnet]);
  // The same claim in another article: Add to… the cluster.
  await clickRects(page, (await locatePhrase(page, FIRST, EXIT_FIRST)).rects);
  await clickItem(page, "inspector:add-to-cluster", { xMax: Infinity });
  await clickItem(page, "inspector:cluster:" + ids.exit, { xMax: Infinity });
  m = await model(page);
  assert.deepEqual(m.clusters.find((c) => c.id === ids.exit).claims.sort(), [ids.exitCnet, ids.exitFirst].sort());
  await page.screenshot({ path: shotPath("corpus-inspector-cluster.png") });
  // Ctrl+Z takes the addition back, one step; Ctrl+Shift+Z redoes it.
  await undo(page);
  assert.deepEqual((await model(page)).clusters.find((c) => c.id === ids.exit).claims, [ids.exitCnet]);
  await page.keyboard.press("Control+Shift+z");
  await settle(page);
  assert.equal((await model(page)).clusters.find((c) => c.id === ids.exit).claims.length, 2);
});

test("in the Clusters tab: a gloss, a cluster of ticked claims, and “contradicts”", async () => {
  const { page } = app;
  await tab(page, "Clusters");
  await clickItem(page, "clusters:gloss:" + ids.exit);
  await page.keyboard.type("Huawei is leaving the US market", { delay: 10 });
  await keys(page, "Enter");
  await settle(page);
  let m = await model(page);
  assert.equal(m.clusters.find((c) => c.id === ids.exit).gloss, "Huawei is leaving the US market");
  // Jane Li's claim: tick it, name the new cluster, make it.
  await clickItem(page, "clusters:tick:" + ids.staying, { xMax: 10 });
  await clickItem(page, "clusters:new-gloss");
  await page.keyboard.type("Huawei is staying in the US", { delay: 10 });
  await keys(page, "Tab");
  await clickItem(page, "clusters:create", { xMax: Infinity });
  m = await model(page);
  const staying = m.clusters.find((c) => c.claims.includes(ids.staying));
  assert.ok(staying, "a cluster with Jane Li's claim");
  assert.equal(staying.gloss, "Huawei is staying in the US");
  ids.stay = staying.id;
  // Contradicts… → the other cluster.
  await clickItem(page, "clusters:contradicts:" + ids.stay, { xMax: Infinity });
  await clickItem(page, "clusters:relate-to:" + ids.exit, { xMax: Infinity });
  m = await model(page);
  assert.deepEqual(m.cluster_relations.map((r) => [r.type, r.from, r.to]), [["contradicts", ids.stay, ids.exit]]);
  await page.mouse.move(5, 790);
  await settle(page);
  await page.screenshot({ path: shotPath("corpus-clusters.png") });
});

test("the contradiction view shows both sides with their claims, speakers and articles; a click reads one in place", async () => {
  const { page } = app;
  await tab(page, "Contradictions");
  for (const claim of [ids.exitCnet, ids.exitFirst, ids.staying])
    assert.ok(await rect(page, "contradiction:claim:" + claim), `claim ${claim} is shown`);
  // Side by side: the exit claims in one column, Jane Li's in the other.
  const left = await rect(page, "contradiction:claim:" + ids.staying);
  const right = await rect(page, "contradiction:claim:" + ids.exitFirst);  // the first in corpus order
  assert.ok(Math.abs(left.y - right.y) < 40 && Math.abs(left.x - right.x) > 150, "the sides are next to each other");
  await page.mouse.move(5, 790);
  await settle(page);
  await page.screenshot({ path: shotPath("corpus-contradictions.png") });
  await clickItem(page, "contradiction:claim:" + ids.staying, { xMax: 40 });
  await articleShown(page);
  await settle(page);
  const v = await view(page);
  assert.equal(v.corpusTab, "Article");
  assert.equal(v.openDoc, ZDNET);
  assert.equal(v.selectedAnnotation, ids.staying);
  const { rects } = await locatePhrase(page, ZDNET, STAYING);
  assert.ok(rects.length > 0 && rects[0].y > 0 && rects[0].y < 800, "the claim is on screen");
});

test("who said what: a row per speaker across articles; a cell jumps to its claim; CSV export", async () => {
  const { page } = app;
  await tab(page, "Who said what");
  const ren = await rect(page, "who:row:Ren Zhengfei");
  const li = await rect(page, "who:row:Jane Li");
  assert.ok(ren && li, "rows for Ren Zhengfei and Jane Li");
  for (const claim of [ids.exitCnet, ids.exitFirst, ids.staying])
    assert.ok(await rect(page, "who:claim:" + claim), `claim ${claim} is in a cell`);
  // Ren's two claims are in his row, in two article columns.
  const a = await rect(page, "who:claim:" + ids.exitFirst), b = await rect(page, "who:claim:" + ids.exitCnet);
  assert.ok(Math.abs(a.y - ren.y) < 5 && Math.abs(b.y - ren.y) < 5 && a.x !== b.x);
  await page.mouse.move(5, 790);
  await settle(page);
  await page.screenshot({ path: shotPath("corpus-who-said-what.png") });
  const [d] = await Promise.all([page.waitForEvent("download"), clickItem(page, "who:export", { xMax: Infinity })]);
  const file = shotPath("exported-" + d.suggestedFilename());
  await d.saveAs(file);
  const csv = readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  assert.equal(csv[0], "speaker,speaker_entity_id,article_id,article_title,outlet,claim,reported_by,claim_start,claim_end");
  assert.equal(csv.length, 4);
  assert.ok(csv.some((l) => l.startsWith("Ren Zhengfei,") && l.includes(CNET) && l.includes(EXIT_CNET)));
  assert.ok(csv.some((l) => l.startsWith("Jane Li,") && l.includes(ZDNET)));
  await page.mouse.move(700, 300);  // back over the page after the download
  await settle(page);
  await clickItem(page, "who:claim:" + ids.exitCnet, { xMax: 40 });
  await articleShown(page);
  const v = await view(page);
  assert.equal(v.corpusTab, "Article");
  assert.equal(v.openDoc, CNET);
  assert.equal(v.selectedAnnotation, ids.exitCnet);
});

test("timeline: claims dated in the inspector; the walk-back comes after the statement and points to it", async () => {
  const { page } = app;
  // Select the claim, click the inspector's Said on field, type once the caret is there.
  const setDate = async (doc, phrase, id, date) => {
    const { rects } = await locatePhrase(page, doc, phrase);
    // (A click on the selected annotation would move on to the next one stacked there.)
    if ((await view(page)).selectedAnnotation !== id) await clickRects(page, rects);
    await page.waitForFunction((id) => window.claimmark.view().selectedAnnotation === id, id);
    await clickItem(page, "inspector:said-on");
    await page.waitForFunction(() => window.claimmark.view().typing);
    await page.keyboard.type(date, { delay: 10 });
    await keys(page, "Enter");
    await page.waitForFunction(() => !window.claimmark.view().typing);
    await settle(page);
  };
  await setDate(ZDNET, STAYING, ids.staying, "2013-05-02");
  await setDate(CNET, EXIT_CNET, ids.exitCnet, "2013-04-23");
  await setDate(FIRST, EXIT_FIRST, ids.exitFirst, "23 April");  // not a date: refused with a message
  let m = await model(page);
  assert.equal(m.spans.find((s) => s.id === ids.staying).attributes.date, "2013-05-02");
  assert.equal(m.spans.find((s) => s.id === ids.exitFirst).attributes?.date, undefined);
  assert.match((await view(page)).message, /not a date/);
  await tab(page, "Timeline");
  const exit = await rect(page, "timeline:row:" + ids.exitCnet);
  const walkBack = await rect(page, "timeline:row:" + ids.staying);
  assert.ok(exit && walkBack, "both dated claims are listed");
  assert.ok(walkBack.y > exit.y, "the walk-back comes after the statement");
  assert.ok(!(await rect(page, "timeline:row:" + ids.exitFirst)), "the undated claim is not in the timeline");
  await page.mouse.move(5, 790);
  await settle(page);
  await page.screenshot({ path: shotPath("corpus-timeline.png") });
});

test("undo takes back the contradiction in one step; the view follows", async () => {
  const { page } = app;
  await tab(page, "Contradictions");
  assert.ok(await rect(page, "contradiction:0"));
  // Undo back past the date edits (the refused one is no step) to the relation.
  for (let i = 0; i < 2; i++) {
    assert.equal((await view(page)).undoName, "Set attribute");
    await undo(page);
  }
  assert.equal((await view(page)).undoName, "Relate clusters");
  assert.equal((await model(page)).cluster_relations.length, 1);
  await undo(page);
  const m = await model(page);
  assert.equal(m.cluster_relations.length, 0, "the contradiction is undone");
  await settle(page);
  assert.ok(!(await rect(page, "contradiction:0")), "and gone from the view");
  assert.deepEqual(app.problems.errors, []);
});
