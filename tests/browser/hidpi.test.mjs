// Text is rasterised at the real pixel size: at devicePixelRatio 2 the
// canvas has twice the CSS resolution and glyph edges are sharp, not a
// stretched 1x image.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath } from "./harness.mjs";

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

// Mean absolute horizontal gradient of a grey image: high for sharp text.
function sharpness(pixels, width, height) {
  let sum = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 1; x < width; x++) {
      const i = (y * width + x) * 4;
      sum += Math.abs(pixels[i] - pixels[i - 4]);
    }
  }
  return sum / (width * height);
}

test("at deviceScaleFactor 2 the text is crisp", async () => {
  const { page, context } = await openApp(session, { scale: 2 });
  const st = await page.evaluate(() => window.claimmark.state());
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
  // stretched back up, which is what a renderer ignoring the ratio shows.
  const ratio = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const w = img.width, h = img.height;
    const c = new OffscreenCanvas(w, h), g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const real = g.getImageData(0, 0, w, h).data;
    const small = new OffscreenCanvas(w / 2, h / 2), gs = small.getContext("2d");
    gs.imageSmoothingQuality = "high";
    gs.drawImage(img, 0, 0, w / 2, h / 2);
    g.imageSmoothingEnabled = true;
    g.clearRect(0, 0, w, h);
    g.drawImage(small, 0, 0, w, h);
    const stretched = g.getImageData(0, 0, w, h).data;
    const grad = (p) => { let s = 0; for (let y = 0; y < h; y++) for (let x = 1; x < w; x++) { const k = (y * w + x) * 4; s += Math.abs(p[k] - p[k - 4]); } return s / (w * h); };
    return { real: grad(real), stretched: grad(stretched), w, h };
  }, crop.toString("base64"));
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
  const doc = "f300e188aff72262";
  const text = await page.evaluate((id) => window.claimmark.text(id), doc);
  const cps = [...text];
  const grab = async (ch) => {
    const i = cps.indexOf(ch);
    assert.ok(i >= 0, `${ch} is in the text`);
    const [r] = await page.evaluate(({ doc, i }) => window.claimmark.locate(doc, i, i + 1), { doc, i });
    return (await page.screenshot({ clip: { x: r.x, y: r.y, width: r.width, height: r.height } })).toString("base64");
  };
  const shots = { "“": await grab("“"), "©": await grab("©"), "?": await grab("?") };
  const differs = await page.evaluate(async (shots) => {
    const data = async (b64) => {
      const img = new Image(); img.src = "data:image/png;base64," + b64; await img.decode();
      const c = new OffscreenCanvas(img.width, img.height), g = c.getContext("2d"); g.drawImage(img, 0, 0);
      return { w: img.width, d: Array.from(g.getImageData(0, 0, img.width, img.height).data) };
    };
    const q = await data(shots["?"]);
    const out = {};
    for (const k of ["“", "©"]) { const o = await data(shots[k]); out[k] = o.w !== q.w || o.d.some((v, i) => v !== q.d[i]); }
    return out;
  }, shots);
  assert.deepEqual(differs, { "“": true, "©": true });
  await page.screenshot({ path: shotPath("glyphs-2x.png") });
  await context.close();
});
