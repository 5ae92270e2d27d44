// The side panels with real clicks and keys: the cast (outline an entity's
// mentions, tag all its unmarked mentions in one undo step), the labels
// (add one, use its hotkey, remove it with its annotations after a
// confirmation, undo) and the annotation list (click to jump across articles).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath, locatePhrase, dragOver, keys, model, view, settle, undo, clickItem } from "./harness.mjs";

const FIRST = "065695c9ad3a5c37";

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session);
});
after(async () => { await app.context.close(); await session.close(); });

const ids = {};

test("set-up: a speaker named Ren Zhengfei", async () => {
  const { page } = app;
  const { rects } = await locatePhrase(page, FIRST, "Ren Zhengfei");
  await dragOver(page, rects);
  await keys(page, "2", "e");
  await page.waitForFunction(() => window.claimmark.view().typing);
  await page.keyboard.type("Ren Zhengfei", { delay: 20 });
  await keys(page, "Enter");
  const m = await model(page);
  assert.equal(m.entities.length, 1);
  ids.entity = m.entities[0].id;
  ids.speaker = m.spans[0].id;
});

test("Cast: a click outlines the entity's mentions; Tag all marks the rest in one undo step", async () => {
  const { page } = app;
  await clickItem(page, "tab:Cast", { xMax: 40 });
  await clickItem(page, "cast:Ren Zhengfei", { xMax: 40 });
  assert.equal((await view(page)).highlightedEntity, ids.entity);
  await page.screenshot({ path: shotPath("panel-cast.png") });
  const before = await model(page);
  await clickItem(page, "cast:mark-all", { xMax: 40 });
  const m = await model(page);
  const mentions = m.spans.filter((s) => s.entity === ids.entity);
  assert.ok(mentions.length >= 4, `mentions in several articles (${mentions.length})`);
  assert.ok(new Set(mentions.map((s) => s.doc)).size >= 3, "in at least three articles");
  for (const s of mentions) {
    const text = await page.evaluate((d) => window.claimmark.text(d), s.doc);
    const cps = [...text];
    assert.equal(cps.slice(s.ranges[0][0], s.ranges[0][1]).join(""), "Ren Zhengfei");
  }
  await undo(page);
  assert.deepEqual(await model(page), before, "one undo takes them all back");
});

test("Labels: add a label, use its hotkey, remove it after confirming, undo", async () => {
  const { page } = app;
  await clickItem(page, "tab:Labels", { xMax: 40 });
  await clickItem(page, "label-new", { xMax: 40 });
  await page.keyboard.type("Opinion", { delay: 20 });
  await keys(page, "Enter");
  let m = await model(page);
  assert.deepEqual(m.labels.map((l) => l.name), ["Claim", "Speaker", "Source", "Opinion"]);
  const opinion = m.labels[3];
  assert.notEqual(opinion.color, m.labels[0].color);
  const { range, rects } = await locatePhrase(page, FIRST, "The news isn't surprising.");
  await dragOver(page, rects);
  await keys(page, "4");
  m = await model(page);
  const tagged = m.spans.find((s) => s.label === opinion.id);
  assert.deepEqual(tagged.ranges, [[range.start, range.end]]);
  const before = m;
  await page.screenshot({ path: shotPath("panel-labels.png") });
  await clickItem(page, "label-remove:Opinion", { xMax: 40 });
  await page.screenshot({ path: shotPath("panel-labels-confirm.png") });
  assert.equal((await model(page)).labels.length, 4, "asks before removing a used label");
  await clickItem(page, "label-remove-confirm", { xMax: 40 });
  m = await model(page);
  assert.equal(m.labels.length, 3);
  assert.equal(m.spans.find((s) => s.label === opinion.id), undefined, "its annotation went with it");
  await undo(page);
  assert.deepEqual(await model(page), before, "undo brings label and annotation back");
});

test("Annotations: all articles listed; a click jumps to the annotation's article", async () => {
  const { page } = app;
  // A speaker in another article, so the list has something elsewhere.
  const other = "b9f2b827f983a180";
  const { rects } = await locatePhrase(page, other, "Huawei Technologies");
  await dragOver(page, rects);
  await keys(page, "3", "Escape");
  const target = (await model(page)).spans.find((s) => s.doc === other).id;
  await page.evaluate((id) => window.claimmark.open(id), FIRST);
  await clickItem(page, "tab:Annotations", { xMax: 40 });
  // "This article" lists only the first article's; switch the scope to all articles.
  assert.equal(await page.evaluate((id) => window.claimmark.item("list:" + id), target), null);
  await page.screenshot({ path: shotPath("panel-annotations.png") });
  await clickItem(page, "list-scope:all", { xMax: 40 });
  await clickItem(page, "list:" + target, { xMax: 40 });
  // The jump opens the article on a frame after the click: wait for it (a loaded machine is slower).
  await page.waitForFunction((o) => window.claimmark.view().openDoc === o, other, { timeout: 5000 }).catch(() => {});
  const v = await view(page);
  assert.equal(v.openDoc, other);
  assert.equal(v.selectedAnnotation, target);
});

test("another article picked in the list: the annotation left selected is no longer in the inspector, Delete removes nothing", async () => {
  const { page } = app;
  const before = await view(page);
  assert.notEqual(before.selectedAnnotation, 0, "the previous test left an annotation selected");
  assert.notEqual(before.openDoc, FIRST);
  const count = (await model(page)).spans.length;
  const docs = await page.evaluate(() => window.claimmark.documents().map((d) => d.id));
  const items = await page.evaluate(() => window.claimmark.listRects());
  const item = items[docs.indexOf(FIRST)];
  await page.mouse.click(item.x + item.width / 2, item.y + item.height / 2);
  await settle(page);
  const v = await view(page);
  assert.equal(v.openDoc, FIRST);
  assert.equal(v.selectedAnnotation, 0, "nothing selected in the article now shown");
  await keys(page, "Delete");
  assert.equal((await model(page)).spans.length, count, "Delete had nothing to remove");
});
