// Mouse selection in the reading view, with real mouse and keyboard events:
// the test finds a phrase with locate() and drags over it like a reader.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, codePointRange, holdChord, shotPath, drag } from "./harness.mjs";

const DOC = "f300e188aff72262";  // eWeek: curly quotes throughout
const PHRASE = "it’s “not worth it.”";

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session, { permissions: ["clipboard-read", "clipboard-write"] });
});
after(async () => { await app.context.close(); await session.close(); });

async function locate(page, phrase, doc = DOC) {
  const text = await page.evaluate((id) => window.claimmark.text(id), doc);
  const range = codePointRange(text, phrase);
  const rects = await page.evaluate(({ doc, range }) => window.claimmark.locate(doc, range.start, range.end), { doc, range });
  return { range, rects, text };
}


test("a mouse drag over a phrase with curly quotes selects exactly that phrase", async () => {
  const { page } = app;
  const { range, rects } = await locate(page, PHRASE);
  const first = rects[0], last = rects[rects.length - 1];
  // Start a little inside the first glyph's left half, end inside the last glyph's right half.
  await drag(page, { x: first.x + 1, y: first.y + first.height / 2 }, { x: last.x + last.width - 1, y: last.y + last.height / 2 });
  const sel = await page.evaluate(() => window.claimmark.selection());
  assert.deepEqual(sel, { docId: DOC, start: range.start, end: range.end, text: PHRASE });
  await page.screenshot({ path: shotPath("selection-drag.png") });
});

test("Ctrl+C puts the selection on the system clipboard", async () => {
  const { page } = app;
  await page.evaluate(() => navigator.clipboard.writeText("sentinel"));
  await holdChord(page, "Control", "c");
  await page.evaluate(() => window.claimmark.frames(2));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), PHRASE);
});

test("a drag across lines selects the text in between, backwards too", async () => {
  const { page } = app;
  const phrase = "Ren Zhengfei said his company has been caught in the middle of a political skirmish between the United States and China";
  const { range, rects } = await locate(page, phrase);
  assert.ok(rects.length >= 2, "spans lines");
  const first = rects[0], last = rects[rects.length - 1];
  await drag(page, { x: last.x + last.width - 1, y: last.y + last.height / 2 }, { x: first.x + 1, y: first.y + first.height / 2 });
  const sel = await page.evaluate(() => window.claimmark.selection());
  assert.equal(sel.start, range.start);
  assert.equal(sel.end, range.end);
  assert.equal(sel.text, phrase);
});

test("shift-click extends the selection", async () => {
  const { page } = app;
  const { range: a, rects: ra } = await locate(page, "Huawei Technologies is finished");
  const { range: b, rects: rb } = await locate(page, "United States of America.");
  await page.mouse.click(ra[0].x + 1, ra[0].y + ra[0].height / 2);
  const end = rb[rb.length - 1];
  await page.keyboard.down("Shift");
  await page.mouse.click(end.x + end.width - 1, end.y + end.height / 2);
  await page.keyboard.up("Shift");
  await page.evaluate(() => window.claimmark.frames(2));
  const sel = await page.evaluate(() => window.claimmark.selection());
  assert.equal(sel.start, a.start);
  assert.equal(sel.end, b.end);
});

test("double-click selects a word with its apostrophe, triple-click the paragraph", async () => {
  const { page } = app;
  const { range, rects, text } = await locate(page, "CEO’s decision");
  const word = rects[0];
  const at = { x: word.x + 8, y: word.y + word.height / 2 };
  // Playwright's click({ clickCount: n }) sends n presses, like a person.
  await page.mouse.dblclick(at.x, at.y);
  await page.evaluate(() => window.claimmark.frames(2));
  let sel = await page.evaluate(() => window.claimmark.selection());
  assert.equal(sel.text, "CEO’s");
  assert.equal(sel.start, range.start);
  await page.waitForTimeout(600);  // past the double-click time: a fresh series
  await page.mouse.click(at.x, at.y, { clickCount: 3 });
  await page.evaluate(() => window.claimmark.frames(2));
  sel = await page.evaluate(() => window.claimmark.selection());
  const cps = [...text];
  let b = range.start, e = range.start;
  while (b > 0 && cps[b - 1] !== "\n") b--;
  while (e < cps.length && cps[e] !== "\n") e++;
  assert.equal(sel.start, b);
  assert.equal(sel.end, e);
  assert.ok(sel.text.startsWith("In addition, according to Jane Li"), sel.text.slice(0, 40));
  await page.screenshot({ path: shotPath("selection-paragraph.png") });
});

test("double-click on the right half of a word's last letter selects that word", async () => {
  const { page } = app;
  await page.waitForTimeout(600);  // not part of the previous test's click series
  const { range, rects } = await locate(page, "Huawei");
  const r = rects[0];
  await page.mouse.dblclick(r.x + r.width - 2, r.y + r.height / 2);
  await page.evaluate(() => window.claimmark.frames(2));
  const sel = await page.evaluate(() => window.claimmark.selection());
  assert.deepEqual([sel.start, sel.end, sel.text], [range.start, range.end, "Huawei"]);
});
