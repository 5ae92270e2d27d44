// The accessibility mirror (web/a11y.js, docs/accessibility.md): the open
// article is in the page's accessibility tree as a heading and paragraphs,
// annotated text is a mark that says its label (and its links), the mirror
// follows edits, the opened article and scrolling, it is invisible, and the
// canvas keeps the keyboard throughout. Checked with Playwright's aria
// snapshot and with Chromium's own accessibility tree (CDP).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, openApp, shotPath, decodePng, locatePhrase, dragOver, clickRects, keys, model, view, settle, nameEntity, clickItem }
  from "./harness.mjs";

const FIRST = "065695c9ad3a5c37";  // "Huawei Not Leaving U.S., Just Pulling Back"
const ZDNET = "b9f2b827f983a180";  // "Huawei: We're not leaving US market"
const CLAIM = "we have decided to exit the U.S. market";
const MIRROR = "Article text (mirror of the canvas)";

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session, { permissions: ["clipboard-read", "clipboard-write"] });
});
after(async () => { await app.context.close(); await session.close(); });

// --- reading the accessibility trees ----------------------------------------

// Playwright's aria snapshot of the whole page, as JSON nodes.
const ariaTree = (page) => page.ariaSnapshotJSON();
function* walk(nodes) {
  for (const n of Array.isArray(nodes) ? nodes : [nodes]) {
    if (!n || typeof n !== "object") continue;
    yield n;
    if (n.children) yield* walk(n.children);
  }
}
// A node's text, its descendants' included ("text" nodes and children's text).
function textOf(n) {
  if (typeof n === "string") return n;
  if (!n || typeof n !== "object") return "";
  return [n.text || "", ...(n.children || []).map(textOf)].join("");
}
async function mirrorNode(page) {
  const main = [...walk(await ariaTree(page))].find((n) => n.role === "main" && n.name === MIRROR);
  assert.ok(main, "the page's accessibility tree has the mirror region");
  return main;
}
// Waits until the mirror's aria snapshot satisfies `check` (the mirror updates
// on a 250 ms poll); returns the last node when it does, fails with `what`.
async function untilMirror(page, check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  let node;
  for (;;) {
    node = await mirrorNode(page);
    if (check(node)) return node;
    if (Date.now() > end) assert.fail(what + "\n" + JSON.stringify(node).slice(0, 3000));
    await page.waitForTimeout(100);
  }
}
const headingOf = (node) => [...walk(node)].find((n) => n.role === "heading" && n.level === 1);
const titleOf = (node) => { const h = headingOf(node); return h ? h.name : undefined; };
const paragraphsOf = (node) => [...walk(node)].filter((n) => n.role === "paragraph").map(textOf);
const marksOf = (node) => [...walk(node)].filter((n) => n.role === "mark");

// Chromium's own accessibility tree: what a screen reader is given.
async function chromiumMarks(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const text = (n) => (n.role && n.role.value === "StaticText" ? (n.name && n.name.value) || "" :
      (n.childIds || []).map((c) => byId.get(c)).filter(Boolean).map(text).join(""));
    return nodes.filter((n) => !n.ignored && n.role && n.role.value === "mark")
      .map((n) => ({ text: text(n), description: (n.description && n.description.value) || "" }));
  } finally {
    await cdp.detach();
  }
}

const focusIsOnCanvas = (page) => page.evaluate(() => document.activeElement === document.getElementById("canvas"));

// --- the tests ----------------------------------------------------------------

test("the open article is in the accessibility tree: its title as a heading, its paragraphs as paragraphs", async () => {
  const { page } = app;
  if ((await view(page)).openDoc !== FIRST) await page.evaluate((id) => window.claimmark.open(id), FIRST);
  const title = (await page.evaluate(() => window.claimmark.documents())).find((d) => d.id === FIRST).title;
  const text = await page.evaluate((id) => window.claimmark.text(id), FIRST);
  const paras = text.split("\n").map((l) => l.trim().replace(/\s+/g, " ")).filter(Boolean);
  const node = await untilMirror(page, (n) => titleOf(n) === title, "the title heading");
  assert.equal(headingOf(node).name, title, "a level-1 heading named with the title");
  const ps = paragraphsOf(node);
  // Every line of the text but the headline (which is the heading) is a paragraph.
  const body = paras.slice(1);
  assert.ok(ps.length >= body.length, `${ps.length} paragraphs for ${body.length} lines`);
  for (const line of [body[0], body[1], body[body.length - 1]])
    assert.ok(ps.some((p) => p === line), "a paragraph reads: " + line.slice(0, 60));
  assert.ok(ps.some((p) => p.includes(CLAIM)), "the paragraph with the claim is there");
  assert.equal(marksOf(node).length, 0, "nothing is marked yet");
  assert.ok(await focusIsOnCanvas(page), "the canvas has the keyboard");
});

test("the mirror is invisible, focuses nothing and takes no clicks", async () => {
  const { page } = app;
  const facts = await page.evaluate(() => {
    const m = document.getElementById("a11y-mirror");
    const r = m.getBoundingClientRect();
    const st = getComputedStyle(m);
    const focusable = m.querySelectorAll("a[href], button, input, select, textarea, [tabindex], [contenteditable]");
    return { w: r.width, h: r.height, display: st.display, visibility: st.visibility, pointer: st.pointerEvents,
             focusable: focusable.length, hit: document.elementFromPoint(0, 0).id, text: m.textContent.length };
  });
  assert.ok(facts.text > 1000, "it holds the article's text");
  assert.ok(facts.w <= 1 && facts.h <= 1, `clipped to at most 1×1 px (${facts.w}×${facts.h})`);
  assert.notEqual(facts.display, "none");
  assert.equal(facts.visibility, "visible");
  assert.equal(facts.pointer, "none");
  assert.equal(facts.focusable, 0, "nothing in it can take focus");
  assert.equal(facts.hit, "canvas", "the page's corner, where the mirror sits, is the canvas");
  // The page looks the same with the mirror and without it (pixel for pixel).
  // The canvas is transparent for both shots: it may redraw between them (a status
  // line, a caret), which is not the mirror showing.
  await page.screenshot({ path: shotPath("a11y-page.png") });
  await page.evaluate(() => { document.getElementById("canvas").style.opacity = "0"; });
  const withMirror = await decodePng(page, await page.screenshot());
  await page.evaluate(() => { document.getElementById("a11y-mirror").style.display = "none"; });
  const without = await decodePng(page, await page.screenshot());
  await page.evaluate(() => {
    document.getElementById("a11y-mirror").style.display = "";
    document.getElementById("canvas").style.opacity = "";
  });
  assert.equal(withMirror.w, 1280);
  let differ = 0;
  for (let i = 0; i < withMirror.data.length; i++) if (withMirror.data[i] !== without.data[i]) differ++;
  assert.equal(differ, 0, "no pixel of the mirror shows");
  assert.ok(await focusIsOnCanvas(page));
});

test("a claim tagged with mouse and key 1 becomes a mark that says Claim, and the status line says so", async () => {
  const { page } = app;
  const { rects } = await locatePhrase(page, FIRST, CLAIM);
  await dragOver(page, rects);
  await keys(page, "1");
  const m = await model(page);
  assert.equal(m.spans.length, 1, "the claim is in the model");
  const node = await untilMirror(page, (n) => marksOf(n).some((k) => textOf(k).includes(CLAIM)), "a mark over the claim");
  const mark = marksOf(node).find((k) => textOf(k).includes(CLAIM));
  assert.equal(textOf(mark), "[Claim] " + CLAIM + " [end Claim]", "the label is read before and after the claim");
  // Chromium gives screen readers the mark with its description.
  const marks = await chromiumMarks(page);
  const cm = marks.find((k) => k.text.includes(CLAIM));
  assert.ok(cm, "Chromium's tree has a mark over the claim: " + JSON.stringify(marks));
  assert.match(cm.description, /^Claim \(selected\)$/, "its description names the label (and that it is selected)");
  const status = [...walk(node)].find((n) => n.role === "status");
  assert.ok(status && /Labelled as Claim\./.test(textOf(status)), "announced: " + JSON.stringify(status));
  assert.ok(await focusIsOnCanvas(page), "the canvas still has the keyboard");
});

test("linked to its speaker, the claim's mark says who said it", async () => {
  const { page } = app;
  // Speaker "Ren Zhengfei" (key 2), its entity named, then claim → L → speaker.
  const speaker = await locatePhrase(page, FIRST, "Ren Zhengfei");
  await dragOver(page, speaker.rects);
  await keys(page, "2");
  await nameEntity(page, "Ren Zhengfei");
  await keys(page, "Escape");
  const claim = await locatePhrase(page, FIRST, CLAIM);
  await clickRects(page, claim.rects);
  await keys(page, "l");
  await clickRects(page, (await locatePhrase(page, FIRST, "Ren Zhengfei")).rects);
  const m = await model(page);
  assert.deepEqual(m.relations.map((r) => r.type), ["said_by"]);
  await untilMirror(page, (n) => marksOf(n).some((k) => textOf(k).startsWith("[Speaker]")), "a mark over the speaker");
  await page.waitForFunction(() => document.querySelector("#a11y-mirror mark[aria-description^='Claim, said by']"));
  const marks = await chromiumMarks(page);
  const c = marks.find((k) => k.text.includes(CLAIM));
  assert.match(c.description, /^Claim, said by Ren Zhengfei\b/, JSON.stringify(c));
  const s = marks.find((k) => k.text.includes("Ren Zhengfei") && !k.text.includes(CLAIM));
  assert.match(s.description, /^Speaker: Ren Zhengfei, says “we have decided/, JSON.stringify(s));
  assert.ok(await focusIsOnCanvas(page));
});

test("clicking another article in the list: the mirror follows", async () => {
  const { page } = app;
  const docs = await page.evaluate(() => window.claimmark.documents());
  const i = docs.findIndex((d) => d.id === ZDNET);
  const rects = await page.evaluate(() => window.claimmark.listRects());
  await page.mouse.click(rects[i].x + rects[i].width / 2, rects[i].y + rects[i].height / 2);
  await settle(page);
  assert.equal((await view(page)).openDoc, ZDNET);
  const zdnetText = await page.evaluate((id) => window.claimmark.text(id), ZDNET);
  const line = zdnetText.split("\n").find((l) => l.startsWith("Summary:"));
  const node = await untilMirror(page, (n) => titleOf(n) === docs[i].title, "the new title");
  const ps = paragraphsOf(node);
  assert.ok(ps.includes(line), "its paragraphs are there");
  assert.ok(!ps.some((p) => p.includes(CLAIM)), "the other article's are gone");
  assert.equal(marksOf(node).length, 0, "and so are its marks");
  const status = [...walk(node)].find((n) => n.role === "status");
  assert.match(textOf(status), /Opened “Huawei: We're not leaving US market”\./);
  assert.ok(await focusIsOnCanvas(page), "clicking the list leaves the keyboard with the canvas");
});

test("a long article: the mirror holds a window of paragraphs around the view and moves with it", async () => {
  const { page } = app;
  const lines = ["A very long report"];
  for (let i = 1; i <= 1200; i++) lines.push(`Paragraph number ${i} of the long report, with a few words to wrap.`);
  const long = lines.join("\n\n");
  await page.evaluate((t) => navigator.clipboard.writeText(t), long);
  await page.locator("canvas").focus();
  await page.keyboard.press("Control+v");
  await clickItem(page, "article:add");
  const added = (await page.evaluate(() => window.claimmark.documents())).find((d) => d.title === "A very long report");
  assert.ok(added, "the long article was added");
  assert.equal((await view(page)).openDoc, added.id);
  let node = await untilMirror(page, (n) => titleOf(n) === "A very long report", "the long article's title");
  let ps = paragraphsOf(node);
  assert.ok(ps.includes("Paragraph number 1 of the long report, with a few words to wrap."));
  assert.ok(!ps.some((p) => p.startsWith("Paragraph number 900 ")), "far paragraphs are not in the mirror");
  assert.ok(ps.some((p) => /^1001 more paragraphs follow/.test(p)), "it says how many follow (1201 paragraphs, 200 shown)");
  const size = await page.evaluate(() => window.Module.ccall("cm_a11y_view", "string", [], []).length);
  assert.ok(size < 40000, `the view JSON stays small (${size} bytes)`);
  const firstVisible = () => page.evaluate(() => JSON.parse(window.Module.ccall("cm_a11y_view", "string", [], [])).firstVisible);
  const P1 = "Paragraph number 1 of the long report, with a few words to wrap.";
  // End scrolls the canvas to the bottom, as a reader does with the keyboard.
  await keys(page, "End");
  node = await untilMirror(page, (n) => paragraphsOf(n).some((p) => p.startsWith("Paragraph number 1200 ")),
                          "the window moved to the end");
  ps = paragraphsOf(node);
  assert.ok(!ps.includes(P1), "the start left the window");
  assert.ok(ps.some((p) => /^Paragraphs 1 to \d+ are not in this mirror yet/.test(p)), "it says what is above");
  assert.ok(!ps.some((p) => /more paragraphs follow/.test(p)), "nothing follows the end");
  assert.equal(titleOf(node), "A very long report", "the title stays as the heading");
  assert.ok((await firstVisible()) > 1150, "first visible paragraph " + (await firstVisible()));
  // Somewhere in the middle (the API scrolls it to 30% of the view's height).
  await locatePhrase(page, added.id, "Paragraph number 600 ");
  node = await untilMirror(page, (n) => paragraphsOf(n).some((p) => p.startsWith("Paragraph number 600 ")),
                           "the window moved to paragraph 600");
  const first = await firstVisible();
  assert.ok(first > 570 && first <= 600, "first visible paragraph " + first);
  ps = paragraphsOf(node);
  assert.ok(ps.some((p) => p.startsWith(`Paragraph number ${first} `)) && ps.some((p) => p.startsWith(`Paragraph number ${first + 60} `)),
            "the window holds what is on screen and what follows");
  await keys(page, "Home");
  await untilMirror(page, (n) => paragraphsOf(n).includes(P1), "back at the top after Home");
  assert.equal(await firstVisible(), 0);
  assert.ok(await focusIsOnCanvas(page));
});
