// Reviewing attribution suggestions with real mouse and keys: Edit → Suggest
// attributions, then Enter accepts, Backspace rejects, Tab skips, Ctrl+Z
// takes back the last decision, "Accept all Speakers" is one undo step, Esc
// ends. The review is read from claimmark.view().suggestions and the model
// from claimmark.state().
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath, keys, model, view, settle, undo, clickItem } from "./harness.mjs";

const FIRST = "065695c9ad3a5c37";  // the first bundled article

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session);
});
after(async () => { await app.context.close(); await session.close(); });

const review = async (page) => (await view(page)).suggestions;
const labelName = (m, id) => m.labels.find((l) => l.id === id).name;
const newSpans = (m, before) => m.spans.filter((s) => !before.spans.some((b) => b.id === s.id));
const same = (a, b) => a && b && a.start === b.start && a.end === b.end && a.role === b.role;


// The current suggestion's rectangles and the panel's, in page pixels.
async function geometry(page) {
  return page.evaluate(async () => {
    const s = window.claimmark.view().suggestions;
    const rects = await window.claimmark.locate(s.doc, s.current.start, s.current.end);
    const box = document.querySelector("canvas").getBoundingClientRect();
    const p = s.panel;
    return { rects, panel: { x: box.left + p.x, y: box.top + p.y, width: p.width, height: p.height } };
  });
}
const intersects = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Carried from test to test (they run in order, as one session of a reader).
const saw = {};

test("Edit → Suggest attributions outlines the suggestions and shows the first", async () => {
  const { page } = app;
  const items = await page.evaluate(() => window.claimmark.listRects());
  await page.mouse.click(items[0].x + items[0].width / 2, items[0].y + items[0].height / 2);
  await settle(page);
  assert.equal((await view(page)).openDoc, FIRST);
  assert.equal((await review(page)).active, false);
  await clickItem(page, "menu:Edit", { xMax: Infinity });
  await clickItem(page, "edit:suggest", { xMax: Infinity });
  await settle(page);
  const s = await review(page);
  assert.equal(s.active, true);
  assert.equal(s.doc, FIRST);
  assert.ok(s.count >= 10, `suggestions listed: ${s.count}`);
  assert.equal(s.total, s.count, "nothing was annotated before");
  saw.total = s.total;
  assert.equal(s.index, 0);
  assert.ok(s.open.claim > 0 && s.open.speaker > 0 && s.open.source > 0, JSON.stringify(s.open));
  assert.ok(s.current && s.current.end > s.current.start && ["Claim", "Speaker", "Source"].includes(s.current.label));
  assert.equal((await model(page)).spans.length, 0, "nothing is applied by suggesting");
  const { rects, panel } = await geometry(page);
  assert.ok(rects.length > 0 && panel.width > 0 && panel.height > 0);
  for (const r of rects) assert.ok(!intersects(r, panel), "the panel leaves the current suggestion visible");
  await page.mouse.move(130, 600);  // over the article list's empty end: no hover
  await settle(page);
  await page.screenshot({ path: shotPath("suggest-review.png") });
});

test("Enter accepts the current suggestion: one span with its range and label, and the next is current", async () => {
  const { page } = app;
  const before = await model(page);
  const s = await review(page);
  saw.accepted = s.current;
  saw.beforeAccept = before;
  await keys(page, "Enter");
  const m = await model(page);
  const added = newSpans(m, before);
  assert.equal(added.length, 1);
  assert.deepEqual(added[0].ranges, s.current.ranges);
  assert.equal(added[0].ranges[0][0], s.current.start);
  assert.equal(labelName(m, added[0].label), s.current.label);
  if (s.current.entity) {
    const e = m.entities.find((x) => x.id === added[0].entity);
    assert.ok(e, "a speaker or source gets its entity");
    assert.equal(e.name, s.current.entity);
  }
  const after = await review(page);
  assert.equal(after.count, s.count - 1);
  assert.equal(after.accepted, 1);
  assert.ok(!same(after.current, s.current), "moved on");
  assert.equal((await view(page)).canUndo, true);
});

test("Backspace rejects: it leaves the queue and nothing is added", async () => {
  const { page } = app;
  const before = await model(page);
  const s = await review(page);
  saw.rejected = s.current;
  await keys(page, "Backspace");
  assert.deepEqual(await model(page), before, "nothing added");
  const after = await review(page);
  assert.equal(after.count, s.count - 1);
  assert.equal(after.rejected, 1);
  // Tab walks the whole queue (and back to where it started) without meeting it.
  const seen = [];
  for (let k = 0; k < after.count; k++) {
    const cur = (await review(page)).current;
    seen.push(cur);
    assert.ok(!same(cur, saw.rejected), "the rejected one is not offered");
    await keys(page, "Tab");
  }
  assert.ok(same((await review(page)).current, after.current), "Tab goes round the queue");
  assert.equal(new Set(seen.map((x) => `${x.start}-${x.end}-${x.role}`)).size, after.count, "each one once");
});

test("Ctrl+Z takes back the rejection, then the accept: the suggestion returns to the queue", async () => {
  const { page } = app;
  const before = await model(page);
  const s = await review(page);
  await undo(page);
  let now = await review(page);
  assert.ok(same(now.current, saw.rejected), "the rejected suggestion is back and current");
  assert.equal(now.count, s.count + 1);
  assert.equal(now.rejected, 0);
  assert.deepEqual(await model(page), before, "a rejection was never an edit");
  await undo(page);
  assert.deepEqual(await model(page), saw.beforeAccept, "the accepted span (and its entity) are gone");
  now = await review(page);
  assert.ok(same(now.current, saw.accepted), "the accepted suggestion is back and current");
  assert.equal(now.count, s.count + 2);
  assert.equal(now.accepted, 0);
});

test("Accept all Speakers adds every speaker, linked to an accepted claim, as one undo step", async () => {
  const { page } = app;
  // Tab to the first claim and accept it alone: no speaker is accepted yet, so no link.
  let s = await review(page);
  for (let k = 0; k < s.count && s.current.role !== "claim"; k++) {
    await keys(page, "Tab");
    s = await review(page);
  }
  assert.equal(s.current.role, "claim");
  await keys(page, "Enter");
  const withClaim = await model(page);
  const [claim] = newSpans(withClaim, saw.beforeAccept);
  assert.ok(claim, "the claim was accepted");
  assert.equal(withClaim.relations.length, 0, "its speaker is not accepted yet");
  const speakers = (await review(page)).open.speaker;
  assert.ok(speakers >= 2);
  await clickItem(page, "suggest:accept-all:speaker", { xMax: Infinity });
  const m = await model(page);
  const added = newSpans(m, withClaim);
  assert.equal(added.length, speakers);
  assert.ok(added.every((x) => labelName(m, x.label) === "Speaker"));
  const saidBy = m.relations.filter((r) => r.from === claim.id && r.type === "said_by");
  assert.equal(saidBy.length, 1, "the accepted claim is now linked to its speaker");
  assert.ok(added.some((x) => x.id === saidBy[0].to));
  // "Ren Zhengfei" and "Zhengfei" are one entity, not two.
  const ren = m.entities.filter((e) => e.name === "Ren Zhengfei");
  assert.equal(ren.length, 1);
  assert.ok(added.filter((x) => x.entity === ren[0].id).length >= 2, "both mentions name him");
  assert.equal((await review(page)).open.speaker, 0);
  await page.mouse.move(130, 600);  // over the article list's empty end: no hover
  await settle(page);
  await page.screenshot({ path: shotPath("suggest-accepted-speakers.png") });
  await undo(page);
  assert.deepEqual(await model(page), withClaim, "one Ctrl+Z takes all of them back");
  assert.equal((await review(page)).open.speaker, speakers);
});

test("a click on an outline makes that suggestion current", async () => {
  const { page } = app;
  const s = await review(page);
  await keys(page, "Tab");
  const next = (await review(page)).current;
  await keys(page, "Shift+Tab");
  assert.ok(same((await review(page)).current, s.current), "Shift+Tab goes back");
  const rects = await page.evaluate((c) => window.claimmark.locate("065695c9ad3a5c37", c.start, c.end), next);
  await page.mouse.click(rects[0].x + 2, rects[0].y + rects[0].height / 2);
  await settle(page);
  assert.ok(same((await review(page)).current, next));
});

test("in the dark theme the outlines and the panel stay legible", async () => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: "dark" });
  await page.mouse.move(130, 600);  // over the article list's empty end: no hover
  await settle(page);
  await page.screenshot({ path: shotPath("suggest-review-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
  await settle(page);
});

test("Esc ends the review; S starts it again without what is annotated", async () => {
  const { page } = app;
  await keys(page, "Escape");
  let s = await review(page);
  assert.equal(s.active, false);
  assert.equal(s.panel, null);
  assert.equal(await page.evaluate(() => window.claimmark.item("suggest:accept")), null, "the panel is gone");
  await keys(page, "s");
  s = await review(page);
  assert.equal(s.active, true);
  assert.equal(s.total, saw.total - 1, "the accepted claim is left out");
  assert.equal(s.count, s.total);
  await keys(page, "Escape");
});

test("a read-only tab refuses to review suggestions", async () => {
  const context = await session.browser.newContext();
  const open = async () => {
    const page = await context.newPage();
    await page.goto(session.url);
    await page.waitForFunction(() => window.claimmark, null, { timeout: 10000 });
    await page.evaluate(() => window.claimmark.ready);
    await page.evaluate((id) => window.claimmark.open(id), FIRST);
    return page;
  };
  const first = await open();
  const second = await open();
  assert.equal((await view(second)).save.readOnly, true);
  const canvas = await second.evaluate(() => { const r = document.querySelector("canvas").getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + 5 }; });
  await second.mouse.click(canvas.x, canvas.y + 200);
  await keys(second, "s");
  const v = await view(second);
  assert.equal(v.suggestions.active, false);
  assert.match(v.message, /read-only/);
  assert.equal((await view(first)).save.readOnly, false);
  await context.close();
});

test("on a 2× screen the outlines stay crisp", async () => {
  const hi = await openApp(session, { scale: 2 });
  const { page } = hi;
  await page.evaluate((id) => window.claimmark.open(id), FIRST);
  await page.mouse.click(640, 400);  // the article takes the keyboard
  await settle(page);
  await keys(page, "Escape", "s");
  const s = await review(page);
  assert.equal(s.active, true);
  await page.mouse.move(130, 600);
  await settle(page);
  await page.screenshot({ path: shotPath("suggest-review-2x.png"), clip: { x: 280, y: 100, width: 600, height: 300 } });
  await hi.context.close();
});
