// A big article (12 MB of HTML) dropped on the page: converted in the import
// worker, then indexed and laid out a slice per frame, with the status bar
// and the reading view saying how far along they are; the page keeps drawing
// frames throughout, and the article arrives whole and annotatable. Frame
// gaps are printed (figures, not pass/fail timings).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath, view, keys, dragOver, model, clickItem } from "./harness.mjs";

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session, { permissions: ["clipboard-read", "clipboard-write"] });
});
after(async () => { await app.context.close(); await session.close(); });

// The page records every animation frame's time and what the app says each
// frame: how busy it is, and whether the open article is laid out.
async function startRecording(page) {
  await page.evaluate(() => {
    const rec = { stamps: [], tasks: [], layoutShown: 0, stop: false };
    window.__rec = rec;
    const tick = (t) => {
      rec.stamps.push(t);
      const v = window.claimmark.view();
      if (v.task) rec.tasks.push({ label: v.task.label, progress: v.task.progress, frame: rec.stamps.length });
      if (window.claimmark.item("reading:layout-progress")) rec.layoutShown++;
      if (!rec.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopRecording(page) {
  return page.evaluate(() => {
    const rec = window.__rec;
    rec.stop = true;
    const gaps = rec.stamps.slice(1).map((t, i) => t - rec.stamps[i]).sort((a, b) => a - b);
    const at = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
    return { frames: rec.stamps.length, tasks: rec.tasks, layoutShown: rec.layoutShown,
             median: at(0.5), p95: at(0.95), longest: gaps[gaps.length - 1] };
  });
}

const PARA = "<p>Ren Zhengfei told reporters &ldquo;we are exiting the US market&rdquo;, according to Reuters; " +
  "Zo\u00eb M\u00fcller \u2014 the company\u2019s spokeswoman \u2014 denied it \ud83d\udcf0 and said &quot;nothing has changed&quot;.</p>\n";
const LAST = "The last paragraph says the end.";

test("a 12 MB HTML article: converted off the main thread, prepared and laid out with progress, never freezing the page", async (t) => {
  const { page } = app;
  const before = (await page.evaluate(() => window.claimmark.documents())).length;
  await startRecording(page);
  const bytes = await page.evaluate(({ PARA, LAST }) => {
    let html = "<!doctype html><html><head><title>A very long story</title></head><body>\n";
    const body = [];
    let size = html.length;
    while (size < 12 * 1024 * 1024) { body.push(PARA); size += PARA.length; }
    html += body.join("") + "<p>" + LAST + "</p></body></html>";
    const dt = new DataTransfer();
    dt.items.add(new File([html], "long-story.html", { type: "text/html" }));
    document.querySelector("canvas").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    return html.length;
  }, { PARA, LAST });
  assert.ok(bytes > 12e6);
  await page.waitForFunction(() => window.claimmark.item("article:add"), null, { timeout: 60000 });
  await page.screenshot({ path: shotPath("big-article-dialog.png") });
  await clickItem(page, "article:add");
  // A picture of the status bar while it prepares (best effort: a fast machine may be done first).
  await page.waitForFunction(() => /^Preparing/.test((window.claimmark.view().task || {}).label), null, { timeout: 5000 })
    .then(() => page.screenshot({ path: shotPath("big-article-preparing.png") }), () => {});
  // Prepared, opened, laid out.
  await page.waitForFunction((n) => window.claimmark.documents().length === n + 1 && window.claimmark.view().laidOut &&
                                    !window.claimmark.view().task, before, { timeout: 60000 });
  const rec = await stopRecording(page);
  t.diagnostic(`frames ${rec.frames}; frame gap median ${rec.median.toFixed(1)} ms, p95 ${rec.p95.toFixed(1)} ms, ` +
               `longest ${rec.longest.toFixed(1)} ms`);
  const converting = rec.tasks.filter((k) => k.label === "Converting \u201Clong-story.html\u201D\u2026");
  const preparing = rec.tasks.filter((k) => k.label === "Preparing \u201CA very long story\u201D\u2026");
  assert.ok(converting.length >= 3, `the page drew frames saying it was converting (${converting.length})`);
  assert.ok(preparing.length >= 3, `and frames while preparing (${preparing.length})`);
  const progress = preparing.map((k) => k.progress);
  assert.ok(progress.every((p, i) => i === 0 || p >= progress[i - 1]), "preparing progress only grows");
  assert.ok(progress[0] < 0.5 && progress[progress.length - 1] > 0.5, `it moves: ${progress[0]} … ${progress[progress.length - 1]}`);
  assert.ok(rec.layoutShown >= 2, `the reading view showed its layout progress (${rec.layoutShown} frames)`);

  // The article, whole: its id is the SHA-256 of its text, as for any other.
  const added = (await page.evaluate(() => window.claimmark.documents())).find((d) => d.title === "A very long story");
  assert.ok(added, "added under the page's title");
  const check = await page.evaluate(async (id) => {
    const text = window.claimmark.text(id);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
    return { length: text.length, end: text.slice(-40), hex: Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("") };
  }, added.id);
  assert.equal(added.id, check.hex.slice(0, 16));
  assert.ok(check.length > 10e6, `the text is all there (${check.length} UTF-16 units)`);
  assert.ok(check.end.endsWith(LAST));
  assert.equal((await view(page)).openDoc, added.id);

  // Kept: after a reload it is back, whole (big texts are stored as bytes).
  await page.waitForFunction(() => window.claimmark.view().save.state === "saved", null, { timeout: 30000 });
  await page.reload();
  await page.evaluate(() => window.claimmark.ready);
  const again = (await page.evaluate(() => window.claimmark.documents())).find((d) => d.id === added.id);
  assert.ok(again, "back after a reload");
  assert.equal(await page.evaluate((id) => window.claimmark.text(id).length, added.id), check.length);
  await page.waitForFunction((id) => window.claimmark.view().openDoc === id && window.claimmark.view().laidOut, added.id,
                             { timeout: 60000 });

  // Annotatable at its very end, like any article.
  const { rects, start, end } = await page.evaluate(async ({ id, phrase }) => {
    const text = window.claimmark.text(id);
    const i = text.lastIndexOf(phrase);
    const start = [...text.slice(0, i)].length, end = start + [...phrase].length;
    return { rects: await window.claimmark.locate(id, start, end), start, end };
  }, { id: added.id, phrase: LAST });
  assert.ok(rects.length > 0, "the last paragraph is on screen");
  await page.screenshot({ path: shotPath("big-article-end.png") });
  await dragOver(page, rects);
  await keys(page, "1");
  const spans = (await model(page)).spans.filter((s) => s.doc === added.id);
  assert.equal(spans.length, 1);
  assert.deepEqual(spans[0].ranges, [[start, end]], "over the last paragraph, as dragged");
});

test("a big article the worker refuses (over 20 MB) is explained, and nothing is added", async () => {
  const { page } = app;
  const count = (await page.evaluate(() => window.claimmark.documents())).length;
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["word ".repeat(4.3 * 1024 * 1024)], "huge.txt"));
    document.querySelector("canvas").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /\u201Chuge\.txt\u201D is 2\d\.\d MB; ClaimMark opens articles up to 20 MB\./.test(window.claimmark.view().message),
                             null, { timeout: 30000 });
  assert.equal((await page.evaluate(() => window.claimmark.documents())).length, count);
  assert.equal((await view(page)).task, null, "the status bar is not left saying it converts");
});

test("a big paste (over 1 MB) outside a text field goes through the worker too and becomes an article", async () => {
  const { page } = app;
  const before = (await page.evaluate(() => window.claimmark.documents())).length;
  const text = "Pasted long story\n\n" + "A sentence the spokesman said \u201Cagain\u201D. ".repeat(30000);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await startRecording(page);
  await page.locator("canvas").focus();
  await page.keyboard.press("Control+v");
  await page.waitForFunction(() => window.claimmark.item("article:add"), null, { timeout: 30000 });
  const rec = await stopRecording(page);
  assert.ok(rec.tasks.some((k) => k.label === "Converting the pasted text\u2026"), "the status bar said it was converting");
  await clickItem(page, "article:add");
  await page.waitForFunction((n) => window.claimmark.documents().length === n + 1 && !window.claimmark.view().task, before,
                             { timeout: 30000 });
  const added = (await page.evaluate(() => window.claimmark.documents())).find((d) => d.title === "Pasted long story");
  assert.ok(added, "titled by its first line");
  const same = await page.evaluate(({ id, t }) => window.claimmark.text(id) === t, { id: added.id, t: text });
  assert.ok(same, "the pasted text, as it was");
});
