// Keys are never lost, even when pressed and released within one frame
// (ImGui 1.86 samples keys once per frame; the app queues them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp } from "./harness.mjs";

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session);
  await app.page.evaluate(() => window.claimmark.open("065695c9ad3a5c37"));
});
after(async () => { await app.context.close(); await session.close(); });

const state = (page) => page.evaluate(() => window.claimmark.view());
async function settle(page) {
  await page.waitForFunction(() => window.claimmark.view().pendingInput === 0);
  await page.evaluate(() => window.claimmark.frames(3));
}

test("ten fast ArrowDown taps scroll exactly ten lines", async () => {
  const { page } = app;
  await page.keyboard.press("Home");
  await settle(page);
  const before = await state(page);
  assert.equal(before.scrollY, 0);
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowDown");  // no delay between down and up
  await settle(page);
  const afterTaps = await state(page);
  assert.equal(afterTaps.scrollY, 10 * before.lineHeight);
});

test("a key down and up dispatched in the same task still counts", async () => {
  const { page } = app;
  const before = await state(page);
  // Both events are handled before the next animation frame can run.
  await page.evaluate(() => {
    for (let i = 0; i < 3; i++) {
      for (const type of ["keydown", "keyup"]) {
        const e = new KeyboardEvent(type, { key: "ArrowDown", code: "ArrowDown", bubbles: true, cancelable: true });
        Object.defineProperty(e, "keyCode", { get: () => 40 });
        Object.defineProperty(e, "which", { get: () => 40 });
        window.dispatchEvent(e);
      }
    }
  });
  await settle(page);
  const afterTaps = await state(page);
  assert.equal(afterTaps.scrollY, before.scrollY + 3 * before.lineHeight);
});

test("PageDown, PageUp, End and Home scroll the article", async () => {
  const { page } = app;
  await page.keyboard.press("Home");
  await settle(page);
  await page.keyboard.press("PageDown");
  await settle(page);
  const down = (await state(page)).scrollY;
  assert.ok(down > 300, `PageDown scrolled ${down}px`);
  await page.keyboard.press("End");
  await settle(page);
  const end = (await state(page)).scrollY;
  assert.ok(end > down, `End scrolled to ${end}px`);
  await page.keyboard.press("PageUp");
  await settle(page);
  assert.ok((await state(page)).scrollY < end);
  await page.keyboard.press("Home");
  await settle(page);
  assert.equal((await state(page)).scrollY, 0);
});

test("the mouse wheel scrolls the article", async () => {
  const { page } = app;
  await page.mouse.move(800, 400);
  await page.mouse.wheel(0, 300);
  await page.evaluate(() => window.claimmark.frames(3));
  assert.ok((await state(page)).scrollY > 0);
});
