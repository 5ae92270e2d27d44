// Feels like an app: the first-run guide shows once and follows what the
// reader does; text size, line spacing and the panel layout are remembered;
// Help has the keys, colours, where work is kept, and an About.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath, settle, view, keys, locatePhrase, dragOver, holdChord, clickItem } from "./harness.mjs";

const FIRST = "065695c9ad3a5c37";
let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

const item = (page, name) => page.evaluate((n) => window.claimmark.item(n), name);
async function reload(page) {
  await page.reload();
  await page.waitForFunction(() => window.claimmark, null, { timeout: 10000 });
  await page.evaluate(() => window.claimmark.ready);
  await settle(page);
}

test("the first-run guide shows on a first visit, follows what the reader does, and never again once skipped", async () => {
  const { context, page } = await openApp(session, { firstRun: true });
  assert.equal((await view(page)).guide, 0, "step 1 on the first visit");
  assert.ok(await item(page, "guide"), "the guide is on screen");
  await page.screenshot({ path: shotPath("guide-step1.png") });
  const { rects } = await locatePhrase(page, FIRST, "we have decided to exit the U.S. market");
  await dragOver(page, rects);
  assert.equal((await view(page)).guide, 1, "a selection ticks off step 1");
  await keys(page, "1");
  assert.equal((await view(page)).guide, 2, "a claim ticks off step 2");
  await page.screenshot({ path: shotPath("guide-step3.png") });
  await clickItem(page, "guide:skip");
  assert.equal((await view(page)).guide, null, "skipped");
  await page.waitForFunction(() => window.claimmark.item("guide") === null, null, { timeout: 5000 });  // gone from the screen
  await page.waitForTimeout(800);  // preferences are written half a second after a change
  await reload(page);
  assert.equal((await view(page)).guide, null, "not shown again");
  await context.close();
});

test("Ctrl+= and Ctrl+- size the reading text; it, the line spacing and the panel widths come back after a reload", async () => {
  const { context, page } = await openApp(session);
  const v0 = await view(page);
  assert.equal(v0.reading.textSize, 18);
  await page.locator("canvas").focus();
  await holdChord(page, "Control", "Equal");
  await holdChord(page, "Control", "Equal");
  await settle(page);
  const v1 = await view(page);
  assert.equal(v1.reading.textSize, 22, "two steps larger");
  assert.ok(v1.lineHeight > v0.lineHeight, `lines are taller (${v1.lineHeight} > ${v0.lineHeight})`);
  await holdChord(page, "Control", "Minus");
  await settle(page);
  assert.equal((await view(page)).reading.textSize, 20);
  // The View menu's line spacing slider, dragged to the right.
  await clickItem(page, "menu:View");
  const s = await item(page, "view:line-spacing");
  await page.mouse.move(s.x + 10, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width * 0.8, s.y + s.height / 2, { steps: 5 });
  await page.mouse.up();
  await settle(page);
  await page.screenshot({ path: shotPath("comfort-view-menu.png") });
  const spacing = (await view(page)).reading.lineSpacing;
  assert.ok(spacing > 1.8, `line spacing widened (${spacing})`);
  await page.mouse.click(640, 790);  // on the status bar: closes the menu
  await settle(page);
  // The articles panel, made wider by its splitter.
  const split = await item(page, "splitter:articles");
  const before = (await view(page)).layout.listWidth;
  await page.mouse.move(split.x + split.width / 2, split.y + 500);
  await page.mouse.down();
  await page.mouse.move(split.x + 80, split.y + 500, { steps: 5 });
  await page.mouse.up();
  await settle(page);
  const wider = (await view(page)).layout.listWidth;
  assert.ok(wider > before + 40, `the panel is wider (${wider} > ${before})`);
  await page.screenshot({ path: shotPath("comfort-larger-text.png") });
  await page.waitForTimeout(800);
  await reload(page);
  const v2 = await view(page);
  assert.equal(v2.reading.textSize, 20, "text size remembered");
  assert.equal(v2.reading.lineSpacing, spacing, "line spacing remembered");
  assert.equal(v2.layout.listWidth, wider, "panel width remembered");
  await holdChord(page, "Control", "Digit0");
  await settle(page);
  assert.equal((await view(page)).reading.textSize, 18, "Ctrl+0 resets");
  await context.close();
});

test("Help has every key, the colours, where work is kept; About says the version and the promise", async () => {
  const { context, page } = await openApp(session);
  await clickItem(page, "menu:Help");
  await clickItem(page, "help:about");
  assert.ok(await item(page, "about:close"), "About is open");
  await page.screenshot({ path: shotPath("help-about.png") });
  await clickItem(page, "about:close");
  await page.waitForFunction(() => !window.claimmark.item("about:close"), null, { timeout: 5000 }).catch(() => {});
  assert.equal(await item(page, "about:close"), null, "and closes");
  await page.locator("canvas").focus();
  await keys(page, "?");
  assert.equal((await view(page)).helpOpen, true);
  await page.screenshot({ path: shotPath("help-keys.png") });
  await context.close();
});

test("Ctrl+K reaches every command from the keyboard: a theme, an article by its title, Esc closes", async () => {
  const { context, page } = await openApp(session);
  await page.locator("canvas").focus();
  await holdChord(page, "Control", "KeyK");
  await settle(page);
  assert.equal((await view(page)).paletteOpen, true, "the palette opens");
  await page.keyboard.type("dark", { delay: 20 });
  await settle(page);
  await page.screenshot({ path: shotPath("palette.png") });
  await keys(page, "Enter");
  const v = await view(page);
  assert.equal(v.paletteOpen, false, "Enter runs and closes");
  assert.equal(v.reading.theme, "dark");
  await holdChord(page, "Control", "KeyK");
  await settle(page);
  await page.keyboard.type("open leaving us market", { delay: 20 });
  await keys(page, "Enter");
  assert.equal((await view(page)).openDoc, "b9f2b827f983a180", "the ZDNet article, found by words of its title");
  await holdChord(page, "Control", "KeyK");
  await settle(page);
  await page.keyboard.type("theme", { delay: 20 });
  await keys(page, "ArrowDown");
  await keys(page, "Escape");
  const after = await view(page);
  assert.equal(after.paletteOpen, false, "Esc closes");
  assert.equal(after.reading.theme, "dark", "without running anything");
  await context.close();
});
