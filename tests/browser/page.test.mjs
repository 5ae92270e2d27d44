// The page itself: loads cleanly, lists the corpus, opens articles on click,
// follows resizes, stays on its own origin, and explains failures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startSession, openApp, shotPath, siteDir } from "./harness.mjs";

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

test("loads with no console error, lists five articles, requests nothing from other hosts", async () => {
  const { page, problems, context } = await openApp(session);
  const docs = await page.evaluate(() => window.claimmark.documents());
  assert.equal(docs.length, 5);
  for (const d of docs) {
    assert.match(d.id, /^[0-9a-f]{16}$/);
    assert.ok(d.title.length > 10, d.title);
    assert.ok(d.length > 2000, `${d.id} has ${d.length} code points`);
  }
  // One seed starts with site chrome; its headline comes from the manifest.
  const tg = docs.find((d) => d.id === "be08c3d948cef3cf");
  assert.equal(tg.title, "Huawei No Longer Focusing on U.S. Carrier Business");
  assert.ok((await page.evaluate((id) => window.claimmark.text(id), tg.id)).startsWith("Sign in with"));
  await page.screenshot({ path: shotPath("page-1x.png") });
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await context.close();
});

test("clicking an entry in the document list opens that article", async () => {
  const { page, context } = await openApp(session);
  const docs = await page.evaluate(() => window.claimmark.documents());
  const rects = await page.evaluate(() => window.claimmark.listRects());
  assert.equal(rects.length, 5);
  for (const i of [3, 1]) {
    const r = rects[i];
    await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    await page.evaluate(() => window.claimmark.frames(2));
    assert.equal((await page.evaluate(() => window.claimmark.view())).openDoc, docs[i].id);
  }
  await context.close();
});

test("the canvas follows window resizes at the device pixel ratio", async () => {
  const { page, context } = await openApp(session, { width: 1000, height: 700, scale: 2 });
  let st = await page.evaluate(() => window.claimmark.view());
  assert.deepEqual(st.framebuffer, [2000, 1400]);
  await page.setViewportSize({ width: 820, height: 600 });
  await page.waitForFunction(() => window.claimmark.view().framebuffer[0] === 1640);
  st = await page.evaluate(() => window.claimmark.view());
  assert.deepEqual(st.framebuffer, [1640, 1200]);
  await page.screenshot({ path: shotPath("page-resized-820x600@2x.png") });
  await context.close();
});

test("the page declares a same-origin Content-Security-Policy and a manifest", async () => {
  const html = readFileSync(path.join(siteDir, "index.html"), "utf8");
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /https?:|\*|'unsafe-inline'|'unsafe-eval'/);
  const { page, context } = await openApp(session);
  const manifest = await page.evaluate(async () => (await fetch("manifest.webmanifest")).json());
  assert.equal(manifest.name, "ClaimMark");
  await context.close();
});

test("without WebGL2 the page says so instead of staying blank", async () => {
  const context = await session.browser.newContext();
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === "webgl2" ? null : original.call(this, kind, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(session.url);
  const error = page.locator("#error");
  await error.waitFor({ state: "visible" });
  assert.match(await error.innerText(), /WebGL 2/);
  await page.screenshot({ path: shotPath("page-no-webgl2.png") });
  await context.close();
});

test("when the module cannot be downloaded the page explains it", async () => {
  const context = await session.browser.newContext();
  await context.route("**/claimmark.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  const page = await context.newPage();
  await page.goto(session.url);
  const error = page.locator("#error");
  await error.waitFor({ state: "visible" });
  assert.match(await error.innerText(), /could not be loaded/);
  assert.equal(await page.locator("#loading").isVisible(), false);
  await context.close();
});
