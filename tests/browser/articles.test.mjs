// Bringing in articles: paste one (Ctrl+V), drop an HTML file on the page,
// open a Markdown file with the file picker; correct the title before adding;
// the new articles are annotatable and come back after a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { startSession, openApp, shotPath, settle, view, keys, locatePhrase, dragOver, model, clickItem } from "./harness.mjs";

let session, app;
before(async () => {
  session = await startSession();
  app = await openApp(session, { permissions: ["clipboard-read", "clipboard-write"] });
});
after(async () => { await app.context.close(); await session.close(); });

const item = (page, name) => page.evaluate((n) => window.claimmark.item(n), name);
const docs = (page) => page.evaluate(() => window.claimmark.documents());
// Drops a file on the canvas as a reader would drag it there. `content`:
// { text }, { bytes } (numbers) or { repeat, times } (made in the page: big).
const dropFile = (page, name, content, type = "") => page.evaluate(({ name, content, type }) => {
  const data = content.bytes ? new Uint8Array(content.bytes)
             : content.repeat ? content.repeat.repeat(content.times) : content.text;
  const dt = new DataTransfer();
  dt.items.add(new File([data], name, { type }));
  document.querySelector("canvas").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
}, { name, content, type });

const PASTED = "Minister denies report\n\n“We never said that,” the minister told reporters on Monday.\n\nThe ministry declined to comment further.";

test("Ctrl+V outside a text field offers the pasted text as a new article; the title can be corrected", async () => {
  const { page } = app;
  await page.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
  await page.locator("canvas").focus();
  await page.keyboard.press("Control+v");
  await page.waitForFunction(() => window.claimmark.item("article:add"));
  assert.equal((await docs(page)).length, 5, "nothing added before the reader confirms");
  await clickItem(page, "article:##title");
  await page.waitForFunction(() => window.claimmark.view().typing);  // the caret is in the field
  await page.keyboard.press("Control+a");
  await settle(page);
  await page.keyboard.type("Minister denies report (pasted)", { delay: 10 });
  await settle(page);
  await page.screenshot({ path: shotPath("article-paste-dialog.png") });
  await clickItem(page, "article:add");
  const list = await docs(page);
  assert.equal(list.length, 6);
  const added = list[5];
  assert.equal(added.title, "Minister denies report (pasted)");
  assert.match(added.id, /^[0-9a-f]{16}$/, "id from the text's SHA-256");
  assert.equal(await page.evaluate((id) => window.claimmark.text(id), added.id), PASTED);
  assert.equal((await view(page)).openDoc, added.id, "and it is open");
  // It can be annotated like any other.
  const { range, rects } = await locatePhrase(page, added.id, "We never said that,");
  await dragOver(page, rects);
  await keys(page, "1");
  const m = await model(page);
  assert.deepEqual(m.spans.find((s) => s.doc === added.id).ranges, [[range.start, range.end]]);
});

test("an HTML file dropped on the page becomes readable text, scripts dropped and entities decoded", async () => {
  const { page } = app;
  const html = "<!doctype html><html><head><title>Dropped story</title><meta property=\"og:site_name\" content=\"The Daily\">" +
    "<script>alert(1)</script></head><body><h1>Dropped story</h1><p>Caf&eacute; owners &amp; staff said &ldquo;no&rdquo;.</p>" +
    "<ul><li>one</li><li>two</li></ul><style>p{}</style></body></html>";
  await dropFile(page, "story.html", { text: html }, "text/html");
  await page.waitForFunction(() => window.claimmark.item("article:add"));
  await page.screenshot({ path: shotPath("article-drop-dialog.png") });
  await clickItem(page, "article:add");
  const added = (await docs(page)).find((d) => d.title === "Dropped story");
  assert.ok(added, "added with the page's title");
  assert.equal(added.outlet, "The Daily");
  const text = await page.evaluate((id) => window.claimmark.text(id), added.id);
  assert.match(text, /Café owners & staff said “no”\./);
  assert.doesNotMatch(text, /alert|p\{\}/);
  assert.match(text, /• one\n+• two/);
});

test("File → Open an article takes a Markdown file; the added articles are there after a reload", async () => {
  const { page } = app;
  const file = shotPath("story.md");
  writeFileSync(file, "# Markdown story\n\nThe **spokesman** said the plan was [on track](https://example.org).\n");
  await clickItem(page, "menu:File");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), clickItem(page, "file:open-article")]);
  await chooser.setFiles(file);
  await page.waitForFunction(() => window.claimmark.item("article:add"));
  await clickItem(page, "article:add");
  const added = (await docs(page)).find((d) => d.title === "Markdown story");
  assert.ok(added);
  assert.match(await page.evaluate((id) => window.claimmark.text(id), added.id), /The spokesman said the plan was on track\./);
  await page.waitForFunction(() => window.claimmark.view().save.state === "saved");
  const before = await docs(page);
  await page.reload();
  await page.evaluate(() => window.claimmark.ready);
  assert.deepEqual((await docs(page)).map((d) => [d.id, d.title]), before.map((d) => [d.id, d.title]));
});

test("a dropped file with invalid UTF-8 is added with a warning, not silently mended; a 26 MB one is refused", async () => {
  const { page } = app;
  await dropFile(page, "latin1.txt", { bytes: [0x43, 0x61, 0x66, 0xC3, 0x20, 0x61, 0x75, 0xFF, 0x0A, 0x68, 0x69] });
  await page.waitForFunction(() => window.claimmark.item("article:add"));
  await page.screenshot({ path: shotPath("article-invalid-utf8.png") });
  await clickItem(page, "article:add");
  const added = (await docs(page)).find((d) => d.title.startsWith("Caf"));
  assert.ok(added, "added");
  assert.match(added.warnings.join(" "), /invalid UTF-8/i);
  assert.equal(await page.evaluate((id) => window.claimmark.text(id), added.id), "Caf\uFFFD au\uFFFD\nhi");
  const count = (await docs(page)).length;
  await dropFile(page, "huge.txt", { repeat: "word ", times: 5.2 * 1024 * 1024 });
  await page.waitForFunction(() => /up to 20 MB/.test(window.claimmark.view().message), null, { timeout: 20000 });
  assert.equal((await docs(page)).length, count, "nothing added");
});

test("Greek, Cyrillic and accented Latin show in their letters; what the fonts lack (Chinese, emoji) is counted in the header", async () => {
  const { page } = app;
  // Every letter here has a glyph but 任正非 (3) and the emoji (1, an astral code point).
  const text = "Huawei abroad\n\n«Не уходим», сказал Жэнь Чжэнфэй (任正非). " +
    "Η Huawei «δεν φεύγει». Șeful companiei a spus că nu pleacă. Ông Nhậm nói rằng… 👍\n";
  await dropFile(page, "scripts.txt", { text });
  await page.waitForFunction(() => window.claimmark.item("article:add"));
  await clickItem(page, "article:add");
  const added = (await docs(page)).find((d) => d.title === "Huawei abroad");
  assert.ok(added, "added");
  assert.equal((await view(page)).openDoc, added.id);
  await settle(page);
  const missing = (await view(page)).missingGlyphs;
  assert.equal(missing.count, 4, "3 Chinese characters and one emoji");
  assert.equal(missing.first, 0x4EFB, "任 comes first");
  assert.equal(await page.evaluate((id) => window.claimmark.text(id), added.id), text.replace(/\n$/, "\n"), "the text keeps them");
  await page.screenshot({ path: shotPath("article-scripts.png") });
  // A bundled English article has nothing missing.
  await page.evaluate((id) => window.claimmark.open(id), (await docs(page))[0].id);
  await settle(page);
  assert.equal((await view(page)).missingGlyphs.count, 0);
});

test("a changed copy of an article takes its annotations along; what cannot be placed is listed; undo takes them back", async () => {
  const { page } = app;
  const ZDNET = "b9f2b827f983a180";
  const KEPT = "We are not leaving U.S.", CUT = "commercial disappointment";
  for (const phrase of [KEPT, CUT]) {
    const { rects } = await locatePhrase(page, ZDNET, phrase);
    await dragOver(page, rects);
    await keys(page, "1");
  }
  const mine = (await model(page)).spans.filter((s) => s.doc === ZDNET);
  assert.equal(mine.length, 2);
  // The outlet's corrected copy: a note on top (every offset moves) and one phrase gone.
  const old = await page.evaluate((id) => window.claimmark.text(id), ZDNET);
  const corrected = "Correction: an earlier version misquoted Li.\n\n" + old.replace(CUT, "disappointment");
  await dropFile(page, "003_b9f2b827f983a180.txt", { text: corrected });
  await page.waitForFunction(() => window.claimmark.item("article:replace"));
  await settle(page);
  await page.screenshot({ path: shotPath("article-new-version.png") });
  await clickItem(page, "article:add");
  const list = await docs(page);
  const added = list[list.length - 1];
  assert.notEqual(added.id, ZDNET, "the new text is a new document");
  assert.equal(added.title, "Huawei: We're not leaving US market", "the title and outlet come from the earlier version");
  assert.equal(added.outlet, "ZDNet");
  assert.match(list.find((d) => d.id === ZDNET).title, /\(earlier version\)$/);
  const after = (await model(page)).spans;
  const moved = after.find((s) => s.id === mine[0].id), stayed = after.find((s) => s.id === mine[1].id);
  assert.equal(moved.doc, added.id, "the claim whose text is still there moved");
  const text = [...await page.evaluate((id) => window.claimmark.text(id), added.id)];
  assert.equal(text.slice(moved.ranges[0][0], moved.ranges[0][1]).join(""), KEPT, "onto the same words");
  assert.equal(stayed.doc, ZDNET, "the one whose text is gone stays on the earlier version");
  const v = await view(page);
  assert.match(v.notices.join(" "), /1 could not be placed.*commercial disappointment/);
  await page.screenshot({ path: shotPath("article-new-version-moved.png") });
  await keys(page, "Control+z");
  assert.equal((await model(page)).spans.find((s) => s.id === mine[0].id).doc, ZDNET, "undo moves it back");
});
