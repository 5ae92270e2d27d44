// The overview strip beside the reading view's scrollbar, in the real page:
// drawn by its own shaders from the density texture (a claim's colour shows
// on the strip at the claim's height, the empty track elsewhere), and a
// click on it scrolls the article there.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath, locatePhrase, dragOver, keys, view, settle, decodePng } from "./harness.mjs";

const ZDNET = "b9f2b827f983a180";
const NEAR_END = "We are not leaving U.S.";  // a claim far down the article

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session);
});
after(async () => { await app.context.close(); await session.close(); });

const strip = (page) => page.evaluate(() => window.claimmark.item("reading:overview"));

test("a claim shows on the strip at its height in the claim colour; elsewhere the track", async () => {
  const { page } = app;
  const { rects, range } = await locatePhrase(page, ZDNET, NEAR_END);
  await dragOver(page, rects);
  await keys(page, "1");
  await keys(page, "Escape");
  await page.mouse.move(400, 780);
  await settle(page);
  const s = await strip(page);
  assert.ok(s && s.height > 300, "the strip is on screen, most of the view high");
  const png = await page.screenshot({ path: shotPath("overview-strip.png") });
  const img = await decodePng(page, png);
  const px = (x, y) => { const i = (Math.round(y) * img.w + Math.round(x)) * 4; return [img.data[i], img.data[i + 1], img.data[i + 2]]; };
  // Where on the strip the claim is: its place in the text's height.
  const v = await view(page);
  const text = await page.evaluate((id) => window.claimmark.text(id), ZDNET);
  const fraction = [...text.slice(0, text.indexOf(NEAR_END))].length / [...text].length;
  // Code points are not lines, so look in a band around that fraction for the claim colour (orange, #E69F00).
  const x = s.x + s.width / 2;
  let found = false;
  const y0 = s.y + s.height * Math.max(0, fraction - 0.15), y1 = s.y + s.height * Math.min(1, fraction + 0.15);
  for (let y = y0; y <= y1 && !found; y += 1) {
    const [r, g, b] = px(x, y);
    if (r > 200 && g > 120 && g < 200 && b < 120) found = true;
  }
  assert.ok(found, `the claim's colour is on the strip near ${fraction.toFixed(2)} of its height`);
  // The strip's first pixels (the header, nothing annotated there) are the track, not a label colour.
  const [r0, g0, b0] = px(x, s.y + 2);
  assert.ok(Math.abs(r0 - g0) < 20 && Math.abs(g0 - b0) < 20, `a grey track at the top (${r0},${g0},${b0})`);
  assert.ok(range.start > 0 && v.openDoc === ZDNET);
});

test("a click on the strip scrolls there; a drag follows the pointer", async () => {
  const { page } = app;
  const s = await strip(page);
  await page.mouse.click(s.x + s.width / 2, s.y + 4);
  await settle(page);
  const top = (await view(page)).scrollY;
  await page.mouse.click(s.x + s.width / 2, s.y + s.height * 0.75);
  await settle(page);
  await settle(page);
  const low = (await view(page)).scrollY;
  assert.ok(low > top + 200, `scrolled down (${top} -> ${low})`);
  // Drag from three quarters back to a quarter.
  await page.mouse.move(s.x + s.width / 2, s.y + s.height * 0.75);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) { await page.mouse.move(s.x + s.width / 2, s.y + s.height * (0.75 - i * 0.05)); await settle(page); }
  await page.mouse.up();
  await settle(page);
  const up = (await view(page)).scrollY;
  assert.ok(up < low - 100, `the drag scrolled back up (${low} -> ${up})`);
  assert.ok((await page.evaluate(() => window.claimmark.selection())).start === (await page.evaluate(() => window.claimmark.selection())).end,
            "no text was selected by the drag");
});
