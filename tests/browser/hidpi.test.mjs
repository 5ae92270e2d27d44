// Text is rasterised at the real pixel size: at devicePixelRatio 2 the
// canvas has twice the CSS resolution and glyph edges are sharp, not a
// stretched 1x image.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath, decodePng } from "./harness.mjs";

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

// Mean absolute horizontal gradient of the red channel: high for sharp text.
function sharpness({ w, h, data }) {
  let sum = 0;
  for (let y = 0; y < h; y++) for (let x = 1; x < w; x++) { const k = (y * w + x) * 4; sum += Math.abs(data[k] - data[k - 4]); }
  return sum / (w * h);
}

// What a renderer ignoring the pixel ratio shows: the image at half size
// (2x2 box average) stretched back up bilinearly.
function halvedAndStretched({ w, h, data }) {
  const hw = w >> 1, hh = h >> 1, half = new Float32Array(hw * hh);
  for (let y = 0; y < hh; y++) for (let x = 0; x < hw; x++) {
    const k = (a, b) => data[((2 * y + b) * w + 2 * x + a) * 4];
    half[y * hw + x] = (k(0, 0) + k(1, 0) + k(0, 1) + k(1, 1)) / 4;
  }
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const fx = Math.min(Math.max((x + 0.5) / 2 - 0.5, 0), hw - 1), fy = Math.min(Math.max((y + 0.5) / 2 - 0.5, 0), hh - 1);
    const x0 = Math.floor(fx), y0 = Math.floor(fy), x1 = Math.min(x0 + 1, hw - 1), y1 = Math.min(y0 + 1, hh - 1);
    const tx = fx - x0, ty = fy - y0;
    const top = half[y0 * hw + x0] * (1 - tx) + half[y0 * hw + x1] * tx;
    const bottom = half[y1 * hw + x0] * (1 - tx) + half[y1 * hw + x1] * tx;
    out[(y * w + x) * 4] = Math.round(top * (1 - ty) + bottom * ty);
  }
  return { w, h, data: out };
}

test("at deviceScaleFactor 2 the text is crisp", async () => {
  const { page, context } = await openApp(session, { scale: 2 });
  const st = await page.evaluate(() => window.claimmark.view());
  assert.equal(st.pixelRatio, 2);
  assert.deepEqual(st.framebuffer, [2560, 1600]);
  const doc = "ed3b142e784ca930";
  const text = await page.evaluate((id) => window.claimmark.text(id), doc);
  const i = [...text].indexOf("I");  // somewhere in the body text
  const [r] = await page.evaluate(({ doc, i }) => window.claimmark.locate(doc, i, i + 1), { doc, i });
  const clip = { x: 480, y: r.y - 4, width: 640, height: 200 };
  const png = await page.screenshot({ path: shotPath("hidpi-2x.png") });
  const crop = await page.screenshot({ clip });
  // Compare the real 2x rendering with the same crop downsampled to 1x and
  // stretched back up.
  const image = await decodePng(page, crop);
  const ratio = { real: sharpness(image), stretched: sharpness(halvedAndStretched(image)), w: image.w };
  console.log(`sharpness real ${ratio.real.toFixed(2)}, stretched ${ratio.stretched.toFixed(2)}`);
  assert.equal(ratio.w, 1280, "screenshot is at device resolution");
  assert.ok(ratio.real > 0.5, "the crop contains text");
  assert.ok(ratio.real > 1.25 * ratio.stretched, `sharpness ${ratio.real.toFixed(2)} vs stretched ${ratio.stretched.toFixed(2)}`);
  assert.ok(png.length > 0);
  await context.close();
});

test("curly quotes, bullets and the copyright sign render as glyphs, not '?'", async () => {
  // The reading font has these glyphs; a missing glyph would draw ImGui's
  // fallback '?'. Compare a rendered “ with a rendered ? at the same size.
  const { page, context } = await openApp(session, { scale: 2 });
  const docs = await page.evaluate(() => window.claimmark.documents().map((d) => d.id));
  const grab = async (ch) => {
    for (const doc of docs) {
      const i = [...await page.evaluate((id) => window.claimmark.text(id), doc)].indexOf(ch);
      if (i < 0) continue;
      const [r] = await page.evaluate(({ doc, i }) => window.claimmark.locate(doc, i, i + 1), { doc, i });
      return page.screenshot({ clip: { x: r.x, y: r.y, width: r.width, height: r.height } });
    }
    assert.fail(`${ch} is in no bundled article`);
  };
  const shots = { "“": await grab("“"), "•": await grab("•"), "©": await grab("©"), "?": await grab("?") };
  const q = await decodePng(page, shots["?"]);
  const differs = {};
  for (const k of ["“", "•", "©"]) {
    const o = await decodePng(page, shots[k]);
    differs[k] = o.w !== q.w || o.data.some((v, i) => v !== q.data[i]);
  }
  assert.deepEqual(differs, { "“": true, "•": true, "©": true });
  await page.screenshot({ path: shotPath("glyphs-2x.png") });
  await context.close();
});
