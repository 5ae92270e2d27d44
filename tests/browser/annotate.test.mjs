// Annotating with real mouse and keys: label a claim and its speaker, name
// the speaker's entity, link them, reuse the entity in a second article,
// link claims across articles, undo and redo, delete. The model is read back
// through claimmark.state() and checked against code-point offsets.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath, locatePhrase, dragOver, clickRects, keys, model, view, settle, undo, redo, nameEntity }
  from "./harness.mjs";

const FIRST = "065695c9ad3a5c37";  // the first seed article
const ZDNET = "b9f2b827f983a180";  // "Huawei: We're not leaving US market"
const CLAIM = "we have decided to exit the U.S. market";

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session);
});
after(async () => { await app.context.close(); await session.close(); });

const labelId = (m, name) => m.labels.find((l) => l.name === name).id;
const spansIn = (m, doc) => m.spans.filter((s) => s.doc === doc);

// Carried from test to test (they run in order, as one session of a reader).
const ids = {};
const history = [];  // model snapshots after each step, for the undo test

test("the model starts with Claim, Speaker and Source and no annotations", async () => {
  const m = await model(app.page);
  assert.equal(m.schema, "claimmark/annotations");
  assert.deepEqual(m.labels.map((l) => [l.name, l.role]), [["Claim", "claim"], ["Speaker", "speaker"], ["Source", "source"]]);
  assert.equal(m.spans.length, 0);
  history.push(m);
});

test("dragging over a claim and pressing 1 makes a Claim with exactly those code points", async () => {
  const { page } = app;
  const { range, rects } = await locatePhrase(page, FIRST, CLAIM);
  await dragOver(page, rects);
  await page.screenshot({ path: shotPath("annotate-toolbar.png") });
  await keys(page, "1");
  const m = await model(page);
  const spans = spansIn(m, FIRST);
  assert.equal(spans.length, 1);
  assert.equal(spans[0].label, labelId(m, "Claim"));
  assert.deepEqual(spans[0].ranges, [[range.start, range.end]]);
  const v = await view(page);
  assert.equal(v.selectedAnnotation, spans[0].id, "the new claim is selected");
  assert.deepEqual(await page.evaluate(() => window.claimmark.selection()).then((s) => s.start === s.end), true,
                   "the text selection is used up");
  ids.claim = spans[0].id;
  history.push(m);
});

test("a sloppy selection snaps to whole words and drops surrounding spaces", async () => {
  const { page } = app;
  // From the middle of "Zhengfei," to the middle of "told": a Speaker covering whole words.
  const { range, rects } = await locatePhrase(page, FIRST, "Ren Zhengfei");
  const r = rects[0];
  // Start inside "Ren" (second letter), end inside "Zhengfei" (a few letters short).
  await page.mouse.move(r.x + r.width * 0.12, r.y + r.height / 2);
  await page.mouse.down();
  await page.mouse.move(r.x + r.width * 0.8, r.y + r.height / 2, { steps: 5 });
  await page.mouse.up();
  await settle(page);
  const sel = await page.evaluate(() => window.claimmark.selection());
  assert.ok(sel.start > range.start && sel.end < range.end, "the raw selection is inside the name");
  await keys(page, "2");
  const m = await model(page);
  const speaker = spansIn(m, FIRST).find((s) => s.label === labelId(m, "Speaker"));
  assert.deepEqual(speaker.ranges, [[range.start, range.end]], "snapped to “Ren Zhengfei”");
  ids.speaker = speaker.id;
  history.push(m);
});

test("E then a name creates the speaker's entity", async () => {
  const { page } = app;
  await nameEntity(page, "Ren Zhengfei");
  const m = await model(page);
  assert.equal(m.entities.length, 1);
  assert.equal(m.entities[0].name, "Ren Zhengfei");
  assert.equal(m.entities[0].kind, "person");
  assert.equal(m.spans.find((s) => s.id === ids.speaker).entity, m.entities[0].id);
  ids.entity = m.entities[0].id;
  history.push(m);
});

test("click the claim, press L, click the speaker: a said-by link", async () => {
  const { page } = app;
  await keys(page, "Escape");
  const claim = await locatePhrase(page, FIRST, CLAIM);
  await clickRects(page, claim.rects);
  assert.equal((await view(page)).selectedAnnotation, ids.claim, "a click selects the claim");
  await keys(page, "l");
  assert.equal((await view(page)).linking, true);
  const speaker = await locatePhrase(page, FIRST, "Ren Zhengfei");
  await clickRects(page, speaker.rects);
  const m = await model(page);
  assert.deepEqual(m.relations.map((r) => [r.type, r.from, r.to]), [["said_by", ids.claim, ids.speaker]]);
  assert.equal((await view(page)).linking, false);
  history.push(m);
  // The selected claim with its link drawn.
  await clickRects(page, claim.rects);
  await page.screenshot({ path: shotPath("annotate-linked-claim.png") });
});

test("resting the pointer on an annotation shows its tooltip", async () => {
  const { page } = app;
  const speaker = await locatePhrase(page, FIRST, "Ren Zhengfei");
  const r = speaker.rects[0];
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 3 });
  await page.waitForFunction((id) => window.claimmark.view().tooltip.includes(id), ids.speaker);
  await page.screenshot({ path: shotPath("annotate-tooltip.png") });
  await page.mouse.move(r.x + r.width / 2, r.y - 200);
  await page.waitForFunction(() => window.claimmark.view().tooltip.length === 0);
});

test("Esc cancels a link without changing anything", async () => {
  const { page } = app;
  const before = await model(page);
  await keys(page, "l");
  assert.equal((await view(page)).linking, true);
  await keys(page, "Escape");
  assert.equal((await view(page)).linking, false);
  assert.deepEqual(await model(page), before);
});

test("“Zhengfei” in a second article links to the same entity by type-ahead", async () => {
  const { page } = app;
  const { range, rects } = await locatePhrase(page, ZDNET, "Zhengfei");
  await dragOver(page, rects);
  await keys(page, "2");
  history.push(await model(page));
  await nameEntity(page, "zheng");
  const m = await model(page);
  const mention = spansIn(m, ZDNET).find((s) => s.label === labelId(m, "Speaker"));
  assert.deepEqual(mention.ranges, [[range.start, range.end]]);
  assert.equal(mention.entity, ids.entity, "linked to the existing entity");
  assert.equal(m.entities.length, 1, "no second entity");
  ids.mention2 = mention.id;
  history.push(m);
});

test("undo three times and redo three times gives the same states back", async () => {
  const { page } = app;
  const end = history.length - 1;
  for (let k = 1; k <= 3; k++) {
    await undo(page);
    await settle(page);
    assert.deepEqual(await model(page), history[end - k], `after ${k} undo(s)`);
  }
  for (let k = 2; k >= 0; k--) {
    await redo(page);
    await settle(page);
    assert.deepEqual(await model(page), history[end - k], `after redo back to step ${end - k}`);
  }
  // Ctrl+Shift+Z redoes too.
  await undo(page);
  await settle(page);
  await page.keyboard.press("Control+Shift+z");
  await settle(page);
  assert.deepEqual(await model(page), history[end]);
});

test("a claim in another article is linked as contradicting, and its marker jumps there", async () => {
  const { page } = app;
  const walkBack = "We are not leaving U.S., on the contrary, we are growing our business in the U.S.";
  const { rects } = await locatePhrase(page, ZDNET, walkBack);
  await dragOver(page, rects);
  await keys(page, "1");
  const m1 = await model(page);
  const claim2 = spansIn(m1, ZDNET).find((s) => s.label === labelId(m1, "Claim"));
  assert.ok(claim2, "claim tagged");
  await keys(page, "l");
  // Go to the first article with the article list, then click its claim.
  const items = await page.evaluate(() => window.claimmark.listRects());
  await page.mouse.click(items[0].x + items[0].width / 2, items[0].y + items[0].height / 2);
  await settle(page);
  const claim = await locatePhrase(page, FIRST, CLAIM);
  await clickRects(page, claim.rects);
  assert.equal((await view(page)).claimLinkPending, ids.claim, "asks which claim-to-claim relation");
  await page.screenshot({ path: shotPath("annotate-claim-link-chooser.png") });
  await keys(page, "3");
  const m = await model(page);
  const rel = m.relations.find((r) => r.type === "contradicts");
  assert.deepEqual([rel.from, rel.to], [claim2.id, ids.claim]);
  // Selecting the first claim shows a marker for the other article; clicking it jumps there.
  await clickRects(page, claim.rects);
  await page.screenshot({ path: shotPath("annotate-cross-article.png") });
  const markers = await page.evaluate(() => window.claimmark.linkMarkers());
  const other = markers.find((k) => k.target === claim2.id);
  assert.ok(other, "a marker for the contradicting claim");
  await page.mouse.click(other.x + other.width / 2, other.y + other.height / 2);
  await page.waitForFunction(() => window.claimmark.view().openDoc === "b9f2b827f983a180");
  assert.equal((await view(page)).selectedAnnotation, claim2.id);
});

test("Delete removes the selected speaker and its link; undo brings both back", async () => {
  const { page } = app;
  const speaker = await locatePhrase(page, FIRST, "Ren Zhengfei");
  await clickRects(page, speaker.rects);
  assert.equal((await view(page)).selectedAnnotation, ids.speaker);
  const before = await model(page);
  await keys(page, "Delete");
  const m = await model(page);
  assert.equal(m.spans.find((s) => s.id === ids.speaker), undefined);
  assert.equal(m.relations.find((r) => r.to === ids.speaker), undefined, "its said-by link went with it");
  await undo(page);
  await settle(page);
  assert.deepEqual(await model(page), before);
});

test("a label key on a selected annotation relabels it; N and P walk the annotations", async () => {
  const { page } = app;
  const speaker = await locatePhrase(page, FIRST, "Ren Zhengfei");
  await clickRects(page, speaker.rects);
  await keys(page, "3");
  let m = await model(page);
  assert.equal(m.spans.find((s) => s.id === ids.speaker).label, labelId(m, "Source"));
  await undo(page);
  await settle(page);
  m = await model(page);
  assert.equal(m.spans.find((s) => s.id === ids.speaker).label, labelId(m, "Speaker"));
  // Reading order in the first article: the speaker (paragraph 2), then the claim.
  await keys(page, "Escape", "n");
  assert.equal((await view(page)).selectedAnnotation, ids.speaker);
  await keys(page, "n");
  assert.equal((await view(page)).selectedAnnotation, ids.claim);
  await keys(page, "p");
  assert.equal((await view(page)).selectedAnnotation, ids.speaker);
});

test("a quote interrupted by its attribution is one claim in two parts, and nested spans stay legible", async () => {
  const { page } = app;
  const part1 = "If Huawei gets in the middle of U.S-China relations [and causes problems], it's not worth it,";
  const part2 = "Therefore, we have decided to exit the U.S. market, and not stay in the middle.";
  const a = await locatePhrase(page, FIRST, part1);
  await dragOver(page, a.rects);
  await keys(page, "1");
  const b = await locatePhrase(page, FIRST, part2);
  await dragOver(page, b.rects);
  await keys(page, "a");
  const m = await model(page);
  const quote = m.spans.find((s) => s.ranges.length === 2);
  assert.ok(quote, "one span with two ranges");
  assert.deepEqual(quote.ranges, [[a.range.start, a.range.end], [b.range.start, b.range.end]]);
  // A Source nested inside the first part, and the speaker mention between the parts.
  const huawei = await locatePhrase(page, FIRST, "Huawei gets");
  await dragOver(page, [{ ...huawei.rects[0], width: huawei.rects[0].width * 0.45 }]);
  await keys(page, "3");
  const z = await locatePhrase(page, FIRST, "Zhengfei reportedly");
  await dragOver(page, [{ ...z.rects[0], width: z.rects[0].width * 0.5 }]);
  await keys(page, "2", "Escape");
  await page.mouse.move(5, 5);
  await settle(page);
  await page.screenshot({ path: shotPath("annotate-overlaps.png") });
  const after = await model(page);
  assert.equal(spansIn(after, FIRST).length, 5);
});

test("? shows every key and Esc closes it", async () => {
  const { page } = app;
  await keys(page, "?");
  assert.equal((await view(page)).helpOpen, true);
  await page.screenshot({ path: shotPath("annotate-help.png") });
  await keys(page, "Escape");
  assert.equal((await view(page)).helpOpen, false);
});

test("clicking again on stacked annotations cycles through them, innermost first", async () => {
  const { page } = app;
  const { rects } = await locatePhrase(page, FIRST, "Huawei gets");
  const r = rects[0];
  const at = { x: r.x + r.width * 0.2, y: r.y + r.height / 2 };  // inside "Huawei": a Source inside the two-part claim
  const m = await model(page);
  const label = (id) => m.labels.find((l) => l.id === m.spans.find((s) => s.id === id).label).name;
  const picked = [];
  for (let k = 0; k < 3; k++) {
    await page.mouse.click(at.x, at.y);
    await settle(page);
    picked.push((await view(page)).selectedAnnotation);
    await page.waitForTimeout(450);  // slower than a double-click
  }
  assert.deepEqual(picked.slice(0, 2).map(label), ["Source", "Claim"]);
  assert.equal(picked[2], picked[0], "and back to the first");
});

test("linking with the keyboard only: N to the claim, L, N to the speaker, Enter", async () => {
  const { page } = app;
  const CNET = "ed3b142e784ca930";
  for (const [phrase, key] of [["he no longer wanted to stay in the US market", "1"], ["Ren Zhengfei", "2"], ["Les Echos", "3"]]) {
    const { rects } = await locatePhrase(page, CNET, phrase);
    await dragOver(page, rects);
    await keys(page, key);
  }
  let m = await model(page);
  const inDoc = spansIn(m, CNET);
  const byLabel = (name) => inDoc.find((s) => s.label === labelId(m, name)).id;
  const [claim, speaker, source] = [byLabel("Claim"), byLabel("Speaker"), byLabel("Source")];
  await keys(page, "Escape", "Escape", "n");  // clear, then the first annotation in reading order
  assert.equal((await view(page)).selectedAnnotation, speaker);
  await keys(page, "n", "n");
  assert.equal((await view(page)).selectedAnnotation, claim);
  await keys(page, "l", "n");
  assert.equal((await view(page)).linkCandidate, speaker);
  await keys(page, "Enter");
  await keys(page, "l", "n", "n");
  assert.equal((await view(page)).linkCandidate, source);
  await keys(page, "Enter");
  m = await model(page);
  const rels = m.relations.filter((r) => r.from === claim).map((r) => [r.type, r.to]).sort();
  assert.deepEqual(rels, [["reported_by", source], ["said_by", speaker]]);
  await page.screenshot({ path: shotPath("annotate-keyboard-links.png") });
});

test("Z marks reader comments and page furniture as zones, drawn in the margin and in the model", async () => {
  const { page } = app;
  const TOMS = "be08c3d948cef3cf";
  const start = await locatePhrase(page, TOMS, "Ask a Category Expert");
  const end = await locatePhrase(page, TOMS, "Example: Notebook, Android, SSD hard drive");
  await dragOver(page, [start.rects[0], end.rects[end.rects.length - 1]]);
  await keys(page, "z", "f");
  // Longer than the view: click at its start, scroll to its end, Shift+click there.
  const c0 = await locatePhrase(page, TOMS, "This thread is closed for comments");
  await page.mouse.click(c0.rects[0].x + 1, c0.rects[0].y + c0.rects[0].height / 2);
  await settle(page);
  await page.waitForTimeout(450);
  const c1 = await locatePhrase(page, TOMS, "Good riddance.");
  const last = c1.rects[c1.rects.length - 1];
  await page.keyboard.down("Shift");
  await page.mouse.click(last.x + last.width - 1, last.y + last.height / 2);
  await page.keyboard.up("Shift");
  await settle(page);
  await keys(page, "z", "c");
  const m = await model(page);
  const zones = m.zones.filter((z) => z.doc === TOMS).map((z) => [z.kind, z.start, z.end]);
  assert.deepEqual(zones, [["furniture", start.range.start, end.range.end], ["comments", c0.range.start, c1.range.end]]);
  await undo(page);
  await settle(page);
  assert.equal((await model(page)).zones.filter((z) => z.doc === TOMS).length, 1, "a zone is undoable");
  await redo(page);
  await settle(page);
  const claim = await locatePhrase(page, TOMS, "Huawei's phones suck.");
  await dragOver(page, claim.rects);
  await keys(page, "1", "Escape");
  await page.mouse.move(5, 400);
  await page.screenshot({ path: shotPath("annotate-zones.png") });
});

test("in the dark theme the annotations stay legible", async () => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => window.claimmark.open("065695c9ad3a5c37"));
  const claim = await locatePhrase(page, FIRST, CLAIM);
  await clickRects(page, claim.rects);
  await page.mouse.move(5, 400);
  await settle(page);
  await page.screenshot({ path: shotPath("annotate-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
});
