// The benchmark contract (web/bench.js, docs/benchmarks.md) in the real page:
// benchLoad places W3C annotations by their offsets, re-anchors one whose
// offsets are wrong by its quote, leaves out what cannot be placed and says
// how many; benchScrollTo scrolls; benchAdd adds an undoable span that the
// next frame shows; benchInfo reports what the benchmark prints.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, view, model, undo, settle } from "./harness.mjs";

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session);
});
after(async () => { await app.context.close(); await session.close(); });

const para = "\u201CWe will exit,\u201D Ren Zhengfei told AllThingsD \u2022 Then he did not.";
const tagging = (id, start, end, label, exact) => ({
  id, type: "Annotation", motivation: "tagging", body: { type: "TextualBody", purpose: "tagging", value: label },
  target: { source: "urn:x", selector: [{ type: "TextPositionSelector", start, end },
                                        ...(exact ? [{ type: "TextQuoteSelector", exact }] : [])] },
});

test("benchLoad places, re-anchors, leaves out and says how many; links only between placed spans", async () => {
  const { page } = app;
  const text = Array.from({ length: 400 }, () => para).join("\n\n");  // long enough to scroll
  const result = await page.evaluate(async ({ text, anns }) => window.benchLoad(text, anns), { text, anns: [
    tagging("claim", 1, 13, "Claim", "We will exit"),
    tagging("speaker", 0, 12, "Speaker", "Ren Zhengfei"),   // offsets wrong, quote right
    tagging("source", 34, 44, "Source", "AllThingsD"),
    tagging("far", 5_000_000, 5_000_010, "Claim"),          // past the end
    tagging("nowhere", 2, 6, "Claim", "not in this text"),  // quote found nowhere
    { id: "l1", type: "Annotation", motivation: "linking", body: { type: "TextualBody", value: "said_by" }, target: ["claim", "speaker"] },
    { id: "l2", type: "Annotation", motivation: "linking", body: { type: "TextualBody", value: "reported_by" }, target: ["claim", "far"] },
  ] });
  assert.deepEqual(result, { placed: 3, left_out: 2 });
  const v = await view(page);
  const m = await model(page);
  const spans = m.spans.filter((s) => s.doc === v.openDoc).map((s) => s.ranges[0]).sort((a, b) => a[0] - b[0]);
  assert.deepEqual(spans, [[1, 13], [16, 28], [34, 44]]);
  assert.equal(m.relations.length, 1, "the link to a span left out is left out too");
  const info = await page.evaluate(() => window.benchInfo());
  assert.equal(info.rendered, 3);
  assert.ok(info.wasm_bytes > 0 && info.frames > 0 && info.vertices > 0 && info.draw_calls > 0);
  assert.ok(info.load_phases && info.load_phases.frames >= 0);
});

test("benchScrollTo scrolls at the next frame; benchAdd shows in the next frame and undoes", async () => {
  const { page } = app;
  await page.evaluate(() => { window.benchScrollTo(1); return window.claimmark.frames(3); });
  const bottom = (await view(page)).scrollY;
  assert.ok(bottom > 1000, `scrolled to the bottom (${bottom})`);
  await page.evaluate(() => { window.benchScrollTo(0); return window.claimmark.frames(3); });
  assert.equal((await view(page)).scrollY, 0);
  const { id, before, after } = await page.evaluate(async () => {
    const before = { frames: window.benchInfo().frames, rendered: window.benchInfo().rendered };
    const id = await window.benchAdd({ type: "Annotation", body: { purpose: "tagging", value: "Claim" },
                                       target: { selector: { type: "TextPositionSelector", start: 47, end: 51 } } });
    return { id, before, after: window.benchInfo() };
  });
  assert.ok(id > 0);
  assert.equal(after.rendered, before.rendered + 1);
  assert.equal(after.frames, before.frames + 1, "resolved after the very next frame");
  assert.ok(after.last_edit_ms >= 0);
  await undo(page);
  await settle(page);
  assert.equal(await page.evaluate(() => window.benchInfo().rendered), before.rendered);
});
