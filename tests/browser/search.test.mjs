// Searching the corpus with real keys and clicks: Ctrl+F, type a word that
// every seed article uses, compare the count and the listed offsets with the
// article texts themselves, open a hit in another article (by click, then by
// Up/Down and Enter), tag all hits with a label in one undo step, and see an
// invalid regular expression explained rather than crash the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath, decodePng, keys, model, view, settle, undo, clickItem, openReadOnlyTab } from "./harness.mjs";

const QUERY = "Huawei";

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session);
});
after(async () => { await app.context.close(); await session.close(); });

// Every case-insensitive occurrence of `word` in each article, in code points,
// as [doc, start, end], in corpus order: what the search must find.
async function expectedHits(page, word) {
  const docs = await page.evaluate(() => window.claimmark.documents());
  const out = [];
  for (const d of docs) {
    const text = await page.evaluate((id) => window.claimmark.text(id), d.id);
    const re = new RegExp(word, "gi");
    for (let m; (m = re.exec(text));) {
      const start = [...text.slice(0, m.index)].length;
      out.push([d.id, start, start + [...m[0]].length]);
    }
  }
  return out;
}
const key = (h) => `${h[0]}:${h[1]}:${h[2]}`;

// Rectangles of [start, end) in the open article, in canvas pixels, once any scrolling is done.
async function rectsOnCanvas(page, start, end) {
  await page.waitForFunction(() => !Module.ccall("cm_reveal_pending", "number", [], []));
  await settle(page);
  return page.evaluate(([s, e]) => JSON.parse(Module.ccall("cm_rects", "string", ["number", "number"], [s, e])), [start, end]);
}
async function onScreen(page, start, end) {
  const rects = await rectsOnCanvas(page, start, end);
  const { height } = await page.evaluate(() => Module.canvas.getBoundingClientRect());
  return rects.length > 0 && rects.every((r) => r.y >= 0 && r.y + r.height <= height);
}

let expected = [];

test("Ctrl+F opens the Search tab with the caret in its field; typing lists every hit", async () => {
  const { page } = app;
  expected = await expectedHits(page, QUERY);
  const articles = new Set(expected.map((h) => h[0])).size;
  assert.ok(articles >= 3 && expected.length > 50, "the seed articles all mention Huawei");

  await page.keyboard.press("Control+f");
  await page.waitForFunction(() => window.claimmark.view().typing, null, { timeout: 5000 });
  assert.ok(await page.evaluate(() => window.claimmark.item("search:field")), "the Search tab is in front");
  await page.keyboard.type(QUERY, { delay: 30 });
  await settle(page);

  const v = (await view(page)).search;
  assert.equal(v.query, QUERY);
  assert.equal(v.hits, expected.length, "as many hits as the texts have");
  assert.equal(v.articles, articles);
  assert.equal(v.error, "");
  assert.equal(v.capped, false);
  assert.ok(v.shown.length >= 10, "the list shows hits");
  const want = new Set(expected.map(key));
  for (const h of v.shown) assert.ok(want.has(key([h.doc, h.start, h.end])), `a listed hit is an occurrence: ${key([h.doc, h.start, h.end])}`);
  // Corpus order: the list starts with the first article's first occurrence.
  assert.deepEqual([v.shown[0].doc, v.shown[0].start, v.shown[0].end], expected[0]);
  assert.deepEqual([v.current.doc, v.current.start, v.current.end], expected[0], "the first hit is current");
});

test("the hits are highlighted in the reading view", async () => {
  const { page } = app;
  const open = (await view(page)).openDoc;
  const first = expected.find((h) => h[0] === open);
  // A hit of the open article that is on screen (the first one, scrolled to with Enter if need be).
  const rects = await rectsOnCanvas(page, first[1], first[2]);
  const png = await page.screenshot({ path: shotPath("search-hits.png") });
  const { w, data } = await decodePng(page, png);
  const r = rects[0];
  let warm = 0, total = 0;
  for (let y = Math.ceil(r.y) + 1; y < r.y + r.height - 1; y++) {
    for (let x = Math.ceil(r.x) + 1; x < r.x + r.width - 1; x++) {
      const i = (y * w + x) * 4;
      total++;
      if (data[i] > 200 && data[i + 1] > 150 && data[i + 2] < 190) warm++;  // the hit colours are yellow to orange
    }
  }
  assert.ok(total > 0 && warm / total > 0.3, `the hit is drawn on a warm background (${warm}/${total})`);
});

test("a click on a hit in another article opens it, the hit on screen, nothing selected", async () => {
  const { page } = app;
  const before = await view(page);
  const other = before.search.shown.find((h) => h.doc !== before.openDoc);
  assert.ok(other, "a hit of another article is listed");
  await clickItem(page, `search:hit:${other.index}`, { xMax: 120 });
  // The click lands on a frame's last event; the article opens the frame after.
  await page.waitForFunction((d) => window.claimmark.view().openDoc === d, other.doc, { timeout: 5000 }).catch(() => {});
  const v = await view(page);
  assert.equal(v.openDoc, other.doc, "its article opened");
  assert.equal(v.search.current.index, other.index, "it is the current hit");
  assert.equal(v.selectedAnnotation, 0, "a hit is not an annotation");
  assert.ok(await onScreen(page, other.start, other.end), "the hit is on screen");
});

test("Up / Down choose a hit and Enter opens it", async () => {
  const { page } = app;
  await clickItem(page, "search:field", { xMax: 40 });
  await page.waitForFunction(() => window.claimmark.view().typing);
  const start = (await view(page)).search.current.index;
  await keys(page, "ArrowDown", "ArrowDown", "ArrowDown", "ArrowUp");
  assert.equal((await view(page)).search.current.index, start + 2);
  // Far down the list: the last article's first hit.
  const lastDoc = expected[expected.length - 1][0];
  const target = expected.findIndex((h) => h[0] === lastDoc);
  for (let i = start + 2; i < target; i++) await page.keyboard.press("ArrowDown");
  await settle(page);
  assert.equal((await view(page)).search.current.index, target);
  await keys(page, "Enter");
  await page.waitForFunction((d) => window.claimmark.view().openDoc === d, lastDoc, { timeout: 5000 }).catch(() => {});
  const v = await view(page);
  assert.equal(v.openDoc, lastDoc);
  assert.ok(await onScreen(page, expected[target][1], expected[target][2]), "the chosen hit is on screen");
  assert.ok(v.search.shown.some((h) => h.index === target), "the list scrolled to it");
  await keys(page, "Enter");
  assert.equal((await view(page)).search.current.index, target + 1, "Enter again: the next hit");
});

test("Tag all hits as Source adds one span per hit in one undo step; again, it skips them", async () => {
  const { page } = app;
  const before = await model(page);
  await clickItem(page, "search:label", { xMax: 40 });
  await clickItem(page, "search:label:Source", { xMax: 40 });
  await clickItem(page, "search:tag", { xMax: 20 });
  const m = await model(page);
  const source = m.labels.find((l) => l.name === "Source").id;
  const added = m.spans.filter((s) => !before.spans.some((b) => b.id === s.id));
  assert.equal(added.length, expected.length, "one span per hit");
  assert.ok(added.every((s) => s.label === source && s.ranges.length === 1));
  assert.deepEqual(added.map((s) => key([s.doc, ...s.ranges[0]])).sort(), expected.map(key).sort(), "at the hits' offsets");

  await clickItem(page, "search:tag", { xMax: 20 });
  assert.equal((await model(page)).spans.length, m.spans.length, "hits already tagged are skipped");
  assert.match((await view(page)).message, /already tagged/);

  assert.equal((await view(page)).typing, false);
  await undo(page);
  assert.equal((await model(page)).spans.length, before.spans.length, "one Ctrl+Z removes them all");
});

test("an invalid regular expression is explained; fixed, it finds the hits", async () => {
  const { page } = app;
  await clickItem(page, "search:regex", { xMax: 10 });
  await clickItem(page, "search:clear", { xMax: 10 });
  await clickItem(page, "search:field", { xMax: 40 });
  await page.waitForFunction(() => window.claimmark.view().typing);
  await page.keyboard.type("(Huawei", { delay: 30 });
  await page.waitForFunction(() => window.claimmark.view().search.error !== "", null, { timeout: 5000 });
  const v = (await view(page)).search;
  assert.equal(v.error, "missing ) for this (, at character 1");
  assert.equal(v.hits, 0);
  assert.ok(await page.evaluate(() => window.claimmark.item("search:error")), "the message is shown");
  await page.screenshot({ path: shotPath("search-regex-error.png") });

  await page.keyboard.type(")", { delay: 30 });
  await page.waitForFunction(() => window.claimmark.view().search.query === "(Huawei)" &&
                             window.claimmark.view().search.error === "" && window.claimmark.view().search.hits > 0,
                             null, { timeout: 5000 });
  assert.equal((await view(page)).search.hits, expected.length);
  assert.deepEqual(app.problems.pageErrors, []);
});

test("clearing the search empties the list", async () => {
  const { page } = app;
  await clickItem(page, "search:clear", { xMax: 10 });
  const v = (await view(page)).search;
  assert.equal(v.query, "");
  assert.equal(v.hits, 0);
  assert.deepEqual(app.problems.consoleErrors, []);
});

test("typing at once after Ctrl+F, without waiting for the caret, loses nothing", async () => {
  const { page } = app;
  await page.waitForFunction(() => !window.claimmark.view().typing, null, { timeout: 5000 });
  await page.mouse.click(600, 400);  // the reading view has the keyboard
  await settle(page);
  const before = await page.evaluate(() => window.claimmark.state());
  // As a fast typist: the shortcut and the word in one go, no pause between keys.
  await page.keyboard.press("Control+f");
  await page.keyboard.type("Huawei", { delay: 0 });
  await page.waitForFunction(() => window.claimmark.view().search.query.length >= 6, null, { timeout: 5000 }).catch(() => {});
  assert.equal((await view(page)).search.query, "Huawei", "every letter reached the field");
  assert.deepEqual(await page.evaluate(() => window.claimmark.state()), before, "no letter acted as a key on the article");
  await clickItem(page, "search:clear", { xMax: 10 });
});

test("the palette's “Search the corpus” puts the caret in the search field", async () => {
  const { page } = app;
  // The field lets go of the keyboard the frame after the click that cleared it.
  await page.waitForFunction(() => !window.claimmark.view().typing, null, { timeout: 5000 });
  await page.keyboard.press("Control+k");
  await page.waitForFunction(() => window.claimmark.view().paletteOpen && window.claimmark.view().typing);
  await page.keyboard.type("Search the corpus", { delay: 20 });
  await keys(page, "Enter");
  // The palette's own field had the keyboard: the Search tab comes to the
  // front a frame later, and its field takes the caret the frame after.
  await page.waitForFunction(() => !window.claimmark.view().paletteOpen, null, { timeout: 5000 });
  await settle(page);
  await page.waitForFunction(() => window.claimmark.view().typing, null, { timeout: 5000 });
  await page.keyboard.type("Ren", { delay: 30 });
  await page.waitForFunction(() => window.claimmark.view().search.query === "Ren", null, { timeout: 5000 })
    .catch(() => {});
  assert.equal((await view(page)).search.query, "Ren", "the search field has the keyboard");
  await clickItem(page, "search:clear", { xMax: 10 });
});

test("a read-only tab (another tab saves) searches, but refuses to tag", async () => {
  const second = await openReadOnlyTab(app.context, session.url);
  const before = await model(second);
  await second.keyboard.press("Control+f");
  await second.waitForFunction(() => window.claimmark.view().typing, null, { timeout: 5000 });
  await second.keyboard.type(QUERY, { delay: 30 });
  await settle(second);
  assert.equal((await view(second)).search.hits, expected.length, "searching works");
  await clickItem(second, "search:tag", { xMax: 20 });
  assert.deepEqual(await model(second), before, "tagging does not");
  assert.match((await view(second)).message, /read-only/);
  await second.close();
});
