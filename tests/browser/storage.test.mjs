// Keeping work in the browser: reload and closing the tab right after an
// edit lose nothing; export downloads a project file that imports into a
// fresh profile; a full store, a corrupt store, a newer format and a second
// tab are each told to the user, and nothing is lost or overwritten.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSession, shotPath, locatePhrase, dragOver, keys, model, view, settle, launchProfile, clickItem } from "./harness.mjs";

const FIRST = "065695c9ad3a5c37";
const ZDNET = "b9f2b827f983a180";
const CLAIM = "we have decided to exit the U.S. market";

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

// A page in a context (a browser profile); `init` runs before the page's scripts.
async function openPage(context, init) {
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(session.url);
  await page.waitForFunction(() => window.claimmark, null, { timeout: 10000 });
  await page.evaluate(() => window.claimmark.ready);
  return page;
}
async function tag(page, doc, phrase, key) {
  const { rects } = await locatePhrase(page, doc, phrase);
  await dragOver(page, rects);
  await keys(page, key);
}
const saved = (page) => page.waitForFunction(() => window.claimmark.view().save.state === "saved");
const content = (m) => ({ labels: m.labels, spans: m.spans, entities: m.entities, relations: m.relations, zones: m.zones });

test("annotations, the open article and the place in it come back after a reload", async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await openPage(context);
  await tag(page, ZDNET, "We are not leaving U.S.", "1");
  await saved(page);
  const before = await model(page);
  const scrolled = (await view(page)).scrollY;
  assert.ok(scrolled >= 0);
  await page.reload();
  await page.evaluate(() => window.claimmark.ready);
  await settle(page);
  assert.deepEqual(await model(page), before);
  const v = await view(page);
  assert.equal(v.openDoc, ZDNET, "the same article is open");
  assert.ok(Math.abs(v.scrollY - scrolled) <= v.lineHeight * 2, `near the same place (${v.scrollY} vs ${scrolled})`);
  await context.close();
});

test("scrolling alone is saved as the view only, and a reload comes back there", async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await openPage(context);
  await tag(page, ZDNET, "We are not leaving U.S.", "1");
  await saved(page);
  const seq = await page.evaluate(() => window.claimmarkStore.lastSeq);  // the project saves so far
  // Scroll with the wheel, no edit: after the view's delay only the view is written.
  await page.mouse.move(600, 400);
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, 300); await settle(page); }
  const scrolled = (await view(page)).scrollY;
  assert.ok(scrolled > 200, `scrolled (${scrolled})`);
  await page.waitForFunction((doc) => (localStorage.getItem("claimmark.view") || "").includes(doc + " "), ZDNET,
                             { timeout: 8000 });
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("claimmark.view")));
  assert.match(stored.view, new RegExp("^" + ZDNET + " [1-9]\\d*$"), "a place below the top");
  assert.equal(stored.seq, seq, "it follows the last project save");
  assert.equal(await page.evaluate(() => window.claimmarkStore.lastSeq), seq, "the project was not written again");
  await page.reload();
  await page.evaluate(() => window.claimmark.ready);
  await settle(page);
  const v = await view(page);
  assert.equal(v.openDoc, ZDNET);
  assert.ok(Math.abs(v.scrollY - scrolled) <= v.lineHeight * 2, `near the same place (${v.scrollY} vs ${scrolled})`);
  await context.close();
});

test("quitting the browser and starting it again on the same profile brings the work back", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "claimmark-profile-"));
  try {
    let context = await launchProfile(dir);
    let page = await openPage(context);
    await tag(page, FIRST, CLAIM, "1");
    await saved(page);
    const before = await model(page);
    await context.close();
    context = await launchProfile(dir);
    page = await openPage(context);
    assert.deepEqual(await model(page), before);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("closing the tab right after an edit loses nothing", async () => {
  const context = await session.browser.newContext();
  let page = await openPage(context);
  await tag(page, FIRST, CLAIM, "1");
  const before = await model(page);
  // At once: no time for the debounced save. With runBeforeUnload, close()
  // returns before the page has gone; its closing save runs meanwhile.
  const gone = page.waitForEvent("close");
  await page.close({ runBeforeUnload: true });
  await gone;
  page = await openPage(context);
  assert.deepEqual(await model(page), before);
  await context.close();
});

// A page with a claim and its speaker marked, in a context that takes downloads.
async function annotatedPage() {
  const context = await session.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await tag(page, FIRST, CLAIM, "1");
  await tag(page, FIRST, "Ren Zhengfei", "2");
  return { context, page, before: await model(page) };
}
// Clicks through the File menu to an export; returns the downloaded file's path.
async function download(page, ...menu) {
  await clickItem(page, "menu:File");
  for (const item of menu.slice(0, -1)) await clickItem(page, item);
  const [d] = await Promise.all([page.waitForEvent("download"), clickItem(page, menu[menu.length - 1])]);
  const file = shotPath("exported-" + d.suggestedFilename());
  await d.saveAs(file);
  return file;
}
// Imports a file into a fresh profile with File → Import and the given choice.
async function importFresh(file, choice, shot) {
  const context = await session.browser.newContext();
  const page = await openPage(context);
  assert.equal((await model(page)).spans.length, 0, "a fresh profile starts empty");
  await clickItem(page, "menu:File");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), clickItem(page, "file:import")]);
  await chooser.setFiles(file);
  await page.waitForFunction((c) => window.claimmark.item(c), "import:" + choice);
  if (shot) await page.screenshot({ path: shotPath(shot) });
  await clickItem(page, "import:" + choice);
  await clickItem(page, "import:close");
  const after = await model(page);
  await context.close();
  return after;
}

test("export downloads the project; importing it into a fresh profile gives the same annotations", async () => {
  const { context, page, before } = await annotatedPage();
  const file = await download(page, "file:export");
  const project = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(project.format, "claimmark");
  assert.equal(project.version, 1);
  assert.equal(project.annotations.length, 2);
  await context.close();
  assert.deepEqual(await importFresh(file, "replace", "storage-import-choice.png"), before,
                   "the same state(), ids and times included");
});

test("Export as CSV and as brat: a spreadsheet-ready table and an archive, each saying what it left out", async () => {
  const { context, page } = await annotatedPage();
  const csv = readFileSync(await download(page, "file:export-as", "export-as:csv"), "utf8");
  assert.ok(csv.startsWith("\uFEFF"), "a byte-order mark, so spreadsheets read UTF-8");
  assert.match(csv, /we have decided to exit the U\.S\. market/);
  assert.match(csv, /\r\n/);
  await page.waitForFunction(() => window.claimmark.item("export:close"));
  await page.screenshot({ path: shotPath("export-report.png") });
  await clickItem(page, "export:close");
  const tar = readFileSync(await download(page, "file:export-as", "export-as:brat"));
  assert.equal(tar.length % 512, 0, "a tar archive");
  assert.match(tar.subarray(0, 100).toString("latin1"), /^claimmark-brat\//);
  assert.match(tar.toString("latin1"), /T\d+\tClaim 512 551\twe have decided to exit the U\.S\. market/);
  await clickItem(page, "export:close");
  await context.close();
});

test("W3C Web Annotations exported here import into a fresh profile as the same annotations", async () => {
  const { context, page, before } = await annotatedPage();
  const file = await download(page, "file:export-as", "export-as:w3c");
  assert.equal(JSON.parse(readFileSync(file, "utf8")).type, "AnnotationCollection");
  await context.close();
  const after = await importFresh(file, "merge");
  const byContent = (m) => m.spans.map((s) => [s.doc, m.labels.find((l) => l.id === s.label).name, s.ranges]).sort();
  assert.deepEqual(byContent(after), byContent(before));
});

test("a full store: the save state says so, the edit stays, and local storage carries it to the next visit", async () => {
  const context = await session.browser.newContext();
  // Every IndexedDB write fails as it does when the quota is used up.
  const page = await openPage(context, () => {
    IDBObjectStore.prototype.put = function () { throw new DOMException("quota", "QuotaExceededError"); };
  });
  await tag(page, FIRST, CLAIM, "1");
  await page.waitForFunction(() => window.claimmark.view().save.state === "failed");
  const v = await view(page);
  assert.match(v.save.message, /full/);
  assert.match(v.save.message, /local storage/);
  const before = await model(page);
  assert.equal(before.spans.length, 1, "the edit is still there");
  await page.mouse.move(1270, 790);
  const r = await page.evaluate(() => window.claimmark.item("save-state"));
  await page.mouse.move(r.x + 5, r.y + r.height / 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shotPath("storage-not-saved.png") });
  await page.close();
  const again = await openPage(context);  // IndexedDB works again here
  assert.deepEqual(content(await model(again)), content(before), "the journal brought the edit back");
  await context.close();
});

test("a corrupt store is kept aside and explained; a newer format too", async () => {
  for (const [bad, words] of [["{not json", /could not be opened/], ['{"format": "claimmark", "version": 99}', /version/]]) {
    const context = await session.browser.newContext();
    const seed = await context.newPage();
    await seed.goto(session.url + "manifest.webmanifest");  // same origin, app not started
    await seed.evaluate(async (json) => {
      const db = await new Promise((res, rej) => {
        const r = indexedDB.open("claimmark", 1);
        r.onupgradeneeded = () => r.result.createObjectStore("state");
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      await new Promise((res, rej) => {
        const tx = db.transaction("state", "readwrite");
        tx.objectStore("state").put({ seq: 5, json, view: "" }, "current");
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    }, bad);
    await seed.close();
    const page = await openPage(context);
    // The status reaches the app on a frame after start: wait for it.
    await page.waitForFunction(() => window.claimmark.view().save.hasAside, null, { timeout: 5000 }).catch(() => {});
    const v = await view(page);
    assert.equal(v.notices.length, 1, "one notice");
    assert.match(v.notices[0], words);
    assert.match(v.notices[0], /kept aside/);
    assert.equal(v.save.hasAside, true);
    const aside = JSON.parse(await page.evaluate(() => window.claimmarkStore.asideText()));
    assert.equal(aside.json, bad, "the unreadable record is kept whole");
    if (bad.startsWith("{not")) await page.screenshot({ path: shotPath("storage-corrupt.png") });
    // New work does not destroy the aside copy.
    await tag(page, FIRST, CLAIM, "1");
    await saved(page);
    const keys = await page.evaluate(() => new Promise((res) => {
      const r = indexedDB.open("claimmark", 1);
      r.onsuccess = () => {
        const req = r.result.transaction("state").objectStore("state").getAllKeys();
        req.onsuccess = () => res(req.result);
      };
    }));
    assert.ok(keys.some((k) => String(k).startsWith("aside-")), "the unreadable data is still stored: " + keys);
    await context.close();
  }
});

test("a second tab is read-only and says why; it takes over when the first closes", async () => {
  const context = await session.browser.newContext();
  const first = await openPage(context);
  await tag(first, FIRST, CLAIM, "1");
  await saved(first);
  const second = await openPage(context);
  const v = await view(second);
  assert.equal(v.save.readOnly, true);
  assert.match(v.notices.join(" "), /another tab/);
  const before = await model(second);
  assert.equal(before.spans.length, 1, "it shows the saved work");
  await tag(second, FIRST, "Ren Zhengfei", "2");
  assert.deepEqual(await model(second), before, "but does not change it");
  await second.screenshot({ path: shotPath("storage-read-only.png") });
  assert.equal((await view(first)).save.readOnly, false, "the first tab still writes");
  // The writing tab closes right after an edit: the read-only one takes over
  // with that edit.
  await tag(first, FIRST, "Ren Zhengfei", "2");
  const latest = await model(first);
  const reloaded = second.waitForEvent("load");
  await first.close({ runBeforeUnload: true });
  await reloaded;
  await second.waitForFunction(() => window.claimmark, null, { timeout: 10000 });
  await second.evaluate(() => window.claimmark.ready);
  assert.equal((await view(second)).save.readOnly, false, "the remaining tab writes now");
  assert.deepEqual(await model(second), latest, "with the closed tab's last edit");
  await context.close();
});

test("a big article's text is stored once, apart from the project: saves stay small and it comes back after a reload", async () => {
  const context = await session.browser.newContext();
  const page = await openPage(context);
  const para = "The minister said \u201Cwe will not leave\u201D, according to Reuters. ";
  await page.evaluate((p) => {
    const dt = new DataTransfer();
    dt.items.add(new File([p.repeat(Math.ceil(6e6 / p.length))], "big-story.txt"));
    document.querySelector("canvas").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, para);
  await page.waitForFunction(() => window.claimmark.item("article:add"), null, { timeout: 20000 });
  await settle(page);
  await clickItem(page, "article:add");
  // A big article is prepared over some frames, then opened and laid out.
  await page.waitForFunction(() => window.claimmark.documents().length === 6 && window.claimmark.view().laidOut, null,
                             { timeout: 30000 });
  const docs = await page.evaluate(() => window.claimmark.documents());
  const big = docs[5];
  await tag(page, big.id, "we will not leave", "1");
  await saved(page);
  const before = await model(page);
  const journal = await page.evaluate(() => (localStorage.getItem("claimmark.journal") || "").length);
  assert.ok(journal < 200000, `the unsaved-edits journal holds annotations, not texts (${journal} characters)`);
  await page.reload();
  await page.evaluate(() => window.claimmark.ready);
  assert.deepEqual(await model(page), before, "the annotation on it is back");
  const text = await page.evaluate((id) => window.claimmark.text(id), big.id);
  assert.ok(text.length > 5.9e6 && text.startsWith("The minister said"), "and its whole text");
  await context.close();
});
