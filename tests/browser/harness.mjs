// Shared set-up for the browser tests: serves the built page from 127.0.0.1
// and drives Debian's chromium through playwright-core (never a downloaded
// browser). Set CLAIMMARK_SITE to test another build folder.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
export const siteDir = process.env.CLAIMMARK_SITE || path.join(repoRoot, "build/web/site");
export const shotDir = process.env.CLAIMMARK_SCREENSHOTS || path.join(repoRoot, "build/screenshots");
mkdirSync(shotDir, { recursive: true });

const CHROMIUM_ARGS = [
  "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--no-first-run", "--disable-quic",
];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitForServer(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("static server did not start: " + url);
}

// The first-run guide would cover part of the article in every fresh
// profile: tests start as a returning reader unless they ask for a first
// visit with newContext({ firstRun: true }). Existing preferences are kept.
function skipGuide() {
  try {
    if (!localStorage.getItem("claimmark.preferences"))
      localStorage.setItem("claimmark.preferences", JSON.stringify({ guide_done: true }));
  } catch { /* no storage: the guide shows */ }
}
function withoutGuide(browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async ({ firstRun = false, ...options } = {}) => {
    const context = await newContext(options);
    if (!firstRun) await context.addInitScript(skipGuide);
    return context;
  };
  return browser;
}

// Starts the server and the browser once per test file. `dir` serves another
// folder than siteDir (e.g. a copy the test changes).
export async function startSession({ dir = siteDir } = {}) {
  const port = await freePort();
  const server = spawn("python3", ["scripts/serve_static.py", "--port", String(port), "--dir", dir],
                       { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url);
  const browser = withoutGuide(await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS,
  }));
  return {
    url,
    browser,
    stopServer() { server.kill(); },  // the site goes away; the browser stays
    async close() { await browser.close(); server.kill(); },
  };
}

// A browser with a profile on disk (closing it and launching it again on the
// same folder is what "quit the browser and come back tomorrow" is).
export async function launchProfile(userDataDir) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript(skipGuide);
  return context;
}

// Opens the app in a fresh context and waits until it is ready. Collects
// console errors and requests to other hosts so tests can assert none.
export async function openApp(session, { width = 1280, height = 800, scale = 1, permissions = [], firstRun = false } = {}) {
  const context = await session.browser.newContext({
    viewport: { width, height }, deviceScaleFactor: scale, permissions, firstRun,
  });
  const page = await context.newPage();
  const problems = { consoleErrors: [], foreignRequests: [], pageErrors: [] };
  page.on("console", (m) => { if (m.type() === "error") problems.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => problems.pageErrors.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(session.url) && !r.url().startsWith("blob:")) problems.foreignRequests.push(r.url()); });
  await page.goto(session.url);
  await page.waitForFunction(() => window.claimmark, null, { timeout: 10000 });
  await page.evaluate(() => window.claimmark.ready);
  return { context, page, problems };
}

// Code-point offsets of a phrase in a document (JS strings count UTF-16 units).
export function codePointRange(text, phrase) {
  const i = text.indexOf(phrase);
  if (i < 0) throw new Error("phrase not found: " + phrase);
  const start = [...text.slice(0, i)].length;
  return { start, end: start + [...phrase].length };
}

// Holds a key for a moment: a chord pressed and released within one frame
// is what the app's input queue handles, but tests should not depend on it.
export async function holdChord(page, modifier, key) {
  await page.keyboard.down(modifier);
  await page.keyboard.down(key);
  await page.waitForTimeout(50);
  await page.keyboard.up(key);
  await page.keyboard.up(modifier);
}

export function shotPath(name) { return path.join(shotDir, name); }

// Decodes a PNG screenshot to RGBA pixels. The page decodes it (the CSP
// allows blob: images) and sends the pixels back as base64.
export async function decodePng(page, png) {
  const { w, h, b64 } = await page.evaluate(async (src) => {
    const bytes = Uint8Array.from(atob(src), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const g = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d");
    g.drawImage(bitmap, 0, 0);
    const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let bin = "";
    for (let i = 0; i < data.length; i += 0x8000) bin += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { w: bitmap.width, h: bitmap.height, b64: btoa(bin) };
  }, png.toString("base64"));
  return { w, h, data: new Uint8Array(Buffer.from(b64, "base64")) };
}

// Finds the nth occurrence of a phrase in a document, opens it and scrolls it
// into view; returns its code-point range and its rectangles on the page.
export async function locatePhrase(page, doc, phrase, nth = 0) {
  const text = await page.evaluate((id) => window.claimmark.text(id), doc);
  let from = 0, i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(phrase, from);
    if (i < 0) throw new Error(`phrase not found (${k}): ${phrase}`);
    from = i + phrase.length;
  }
  const start = [...text.slice(0, i)].length;
  const range = { start, end: start + [...phrase].length };
  const rects = await page.evaluate(({ doc, range }) => window.claimmark.locate(doc, range.start, range.end), { doc, range });
  return { range, rects, text };
}

// Presses the mouse at `from`, moves to `to` in small steps, releases, and
// waits until the app has taken every event.
export async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await page.evaluate(() => window.claimmark.frames(2));
}

// Drags over located rectangles: from inside the first glyph to inside the last.
export async function dragOver(page, rects) {
  const first = rects[0], last = rects[rects.length - 1];
  await drag(page, { x: first.x + 1, y: first.y + first.height / 2 },
             { x: last.x + last.width - 1, y: last.y + last.height / 2 });
}

// A real click at the middle of a located range's first rectangle.
// A single click: one that follows another within ImGui's double-click time
// (0.3 s) would be a double click (a word selected), so it waits that out.
const lastClick = new WeakMap();  // page -> time of its last clickRects
export async function clickRects(page, rects) {
  const r = rects[0];
  const since = Date.now() - (lastClick.get(page) || 0);
  if (since < 400) await page.waitForTimeout(400 - since);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  lastClick.set(page, Date.now());
  await page.evaluate(() => window.claimmark.frames(2));
}

// Types keys one by one (each reaches the app in its own frame).
export async function keys(page, ...list) {
  for (const k of list) {
    await page.keyboard.press(k);
    await page.evaluate(() => window.claimmark.frames(1));
  }
}

// The model (claimmark.state()) and what the UI shows (claimmark.view()).
export const model = (page) => page.evaluate(() => window.claimmark.state());
export const view = (page) => page.evaluate(() => window.claimmark.view());
// Two frames, and every queued input applied.
export async function settle(page) { await page.evaluate(() => window.claimmark.frames(2)); }
// Undo and redo as quick chords: held longer than the key-repeat delay (a
// slow frame on a busy machine), they would repeat, as they do for a user.
export async function undo(page) { await page.keyboard.press("Control+z"); await settle(page); }
export async function redo(page) { await page.keyboard.press("Control+y"); await settle(page); }

// A second tab of the app in `context`, once it has found the first tab
// saving and gone read-only (docs/storage.md).
export async function openReadOnlyTab(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.claimmark, null, { timeout: 10000 });
  await page.evaluate(() => window.claimmark.ready);
  await page.waitForFunction(() => window.claimmark.view().save.readOnly, null, { timeout: 10000 });
  return page;
}

// Clicks a named widget (window.claimmark.item), waiting a moment for it
// (a dialog appears a frame after what opened it, and is placed the frame
// after that), `xMax` px from its left
// edge at most, then lets the app take the click.
export async function clickItem(page, name, { xMax = 60 } = {}) {
  await page.waitForFunction((n) => window.claimmark.item(n), name, { timeout: 5000 }).catch(() => {});
  await settle(page);  // a new window's first frame only measures it: take its place once drawn
  const r = await page.evaluate((n) => window.claimmark.item(n), name);
  assert.ok(r, `the ${name} widget is on screen`);
  await page.mouse.click(r.x + Math.min(r.width / 2, xMax), r.y + r.height / 2);
  await settle(page);
}

// E focuses the inspector's entity field; like a reader, type once the caret is there.
export async function nameEntity(page, text) {
  await keys(page, "e");
  await page.waitForFunction(() => window.claimmark.view().typing);
  await page.keyboard.type(text, { delay: 30 });
  await keys(page, "Enter");
  await page.waitForFunction(() => !window.claimmark.view().typing);
}
