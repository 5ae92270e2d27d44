// Installable and offline: the manifest and its icons, the service worker
// starting the app with no network, and a new deployment replacing the old
// one only when the user reloads, never mixing the two (docs/offline.md).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodePng, launchProfile, startSession, shotPath, siteDir } from "./harness.mjs";

const KNOWN_DOC = "be08c3d948cef3cf";  // a bundled article (see page.test.mjs)
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

// Width and height from a PNG's IHDR chunk.
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
  assert.equal(bytes.toString("latin1", 12, 16), "IHDR");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

// The BUILD object the build wrote into sw.js.
function buildMatch(swText) {
  const m = /const BUILD = (\{.*\});/.exec(swText);
  assert.ok(m, "sw.js has its BUILD filled in");
  return m;
}
const readBuild = (dir) => JSON.parse(buildMatch(readFileSync(path.join(dir, "sw.js"), "utf8"))[1]);

// What a rebuild would write into sw.js after `changes` (name → new content):
// the new hashes and a new version. Returns the new sw.js text and version.
function nextBuild(dir, changes) {
  const swText = readFileSync(path.join(dir, "sw.js"), "utf8");
  const m = buildMatch(swText);
  const build = JSON.parse(m[1]);
  const next = { version: "", files: { ...build.files } };
  for (const [name, content] of Object.entries(changes)) {
    assert.ok(name in next.files, name + " is precached");
    next.files[name] = sha256(content);
  }
  next.version = sha256(JSON.stringify(next.files)).slice(0, 16);
  assert.notEqual(next.version, build.version);
  return { version: next.version, swText: swText.replace(m[1], JSON.stringify(next)) };
}

// One server on a copy of the site that the update tests change as a
// deployment would (each test starts from a fresh copy), and one browser:
// each test's context has its own service workers, caches and HTTP cache.
let session, dir;
const SUBPATH = "user/claimmark/";  // as under a GitHub Pages repository
function resetSite() {
  cpSync(siteDir, dir, { recursive: true, force: true });
  cpSync(siteDir, path.join(dir, SUBPATH), { recursive: true, force: true });
}
before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "claimmark-site-"));
  resetSite();
  session = await startSession({ dir });
  await settleStartup();
});
after(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

// Chromium defers some work until the browser has "started up", the first
// update check of a service worker among it, and a continuously drawing page
// (the app, in software GL) puts that off for up to a minute. On a still page
// (a 404 in the scope) one update check gets it done in seconds.
const UPDATE_TIMEOUT = 120000;
async function settleStartup() {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  await page.goto(session.url + "no-such-page");
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register("sw.js");
    await navigator.serviceWorker.ready;
    await registration.update();
  });
  await context.close();
}

async function newPage() {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, errors };
}

async function appReady(page) {
  await page.waitForFunction(() => window.claimmark, null, { timeout: 10000 });
  await page.evaluate(() => window.claimmark.ready);
}

// The first visit: the app starts, registers the worker, and the worker
// (having precached everything) takes control of the page.
async function firstVisit(page, url) {
  await page.goto(url);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => null));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
}

const cacheNames = (page) => page.evaluate(() => caches.keys());
const cssMarker = (page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--deployment").trim());

test("the manifest is served with the icons it names, at their stated sizes", async () => {
  const html = await (await fetch(session.url)).text();
  assert.match(html, /<link rel="manifest" href="manifest\.webmanifest">/);
  const response = await fetch(session.url + "manifest.webmanifest");
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type"), /^application\/manifest\+json/);
  const manifest = await response.json();
  assert.equal(manifest.name, "ClaimMark");
  assert.equal(manifest.short_name, "ClaimMark");
  // Relative, so it works under a GitHub Pages repository path as well as at a root.
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.scope, "./");
  assert.equal(manifest.display, "standalone");
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
  assert.equal(manifest.background_color, "#edecea");  // the page's own background (style.css)

  const pngs = manifest.icons.filter((i) => i.type === "image/png");
  const has = (sizes, purpose) => pngs.some((i) => i.sizes === sizes && (i.purpose || "any").split(" ").includes(purpose));
  assert.ok(has("192x192", "any") && has("512x512", "any") && has("512x512", "maskable"), JSON.stringify(pngs));
  const maskable = [];
  for (const icon of pngs) {
    assert.doesNotMatch(icon.src, /^\/|:/, "icon URLs are relative");
    const r = await fetch(new URL(icon.src, session.url + "manifest.webmanifest"));
    assert.equal(r.status, 200, icon.src);
    assert.equal(r.headers.get("content-type"), "image/png", icon.src);
    const bytes = Buffer.from(await r.arrayBuffer());
    assert.equal(pngSize(bytes), icon.sizes, icon.src);
    if (icon.purpose === "maskable") maskable.push(bytes);
  }

  // Chromium's own reading: no manifest errors, and nothing stops installing
  // (a profile on disk: an incognito-like context can never install).
  const profile = mkdtempSync(path.join(os.tmpdir(), "claimmark-profile-"));
  const context = await launchProfile(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(session.url);
    await appReady(page);
    const cdp = await context.newCDPSession(page);
    const { errors, url } = await cdp.send("Page.getAppManifest");
    assert.equal(url, session.url + "manifest.webmanifest");
    assert.deepEqual(errors, []);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, []);
    // A maskable icon is full-bleed: a launcher crops it to its own shape.
    for (const png of maskable) {
      const { data } = await decodePng(page, png);
      assert.deepEqual([...data.subarray(0, 4)], [0x2b, 0x57, 0x97, 255], "opaque icon blue in the corner");
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("a new deployment installs in the background and is used after Reload, all of it", async () => {
  resetSite();
  const { context, page, errors } = await newPage();
  await firstVisit(page, session.url);
  const old = readBuild(dir).version;
  assert.deepEqual(await cacheNames(page), [`claimmark / ${old}`]);
  assert.equal(await cssMarker(page), "");

  // Deploy: a changed stylesheet (the page can see it) and the sw.js a rebuild writes for it.
  const css = readFileSync(path.join(dir, "style.css"), "utf8") + ":root { --deployment: two; }\n";
  const { version, swText } = nextBuild(dir, { "style.css": css });
  writeFileSync(path.join(dir, "style.css"), css);
  writeFileSync(path.join(dir, "sw.js"), swText);

  // Coming back: the old version starts, the new one installs next to it.
  await page.goto(session.url);
  await appReady(page);
  const notice = page.locator("#update");
  await notice.waitFor({ state: "visible", timeout: UPDATE_TIMEOUT });
  assert.match(await notice.innerText(), /ClaimMark was updated/);
  assert.equal(await cssMarker(page), "", "still the old version until the user reloads");
  assert.deepEqual((await cacheNames(page)).sort(), [`claimmark / ${old}`, `claimmark / ${version}`].sort());
  await page.screenshot({ path: shotPath("offline-update-notice.png") });

  const responses = [];
  page.on("response", (r) => responses.push(r));
  await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
  await appReady(page);
  assert.equal(await cssMarker(page), "two");
  assert.equal(await notice.isVisible(), false);
  assert.deepEqual(await cacheNames(page), [`claimmark / ${version}`], "the old cache is gone");
  // Every file of the reloaded page came from the worker, byte for byte the new deployment's.
  const names = [];
  for (const r of responses) {
    const name = new URL(r.url()).pathname.slice(1) || "index.html";
    names.push(name);
    assert.ok(r.fromServiceWorker(), name + " from the worker");
    assert.ok((await r.body()).equals(readFileSync(path.join(dir, name))), name + " is the new deployment's");
  }
  for (const name of ["index.html", "style.css", "boot.js", "claimmark.js", "claimmark.wasm"]) {
    assert.ok(names.includes(name), `${name} was loaded: ${names}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("a half-finished deployment is not installed; the finished one is", async () => {
  resetSite();
  const { context, page, errors } = await newPage();
  await firstVisit(page, session.url);
  const old = readBuild(dir).version;
  // The new sw.js is up, its stylesheet not yet (or a cache on the way still has the old one).
  const css = readFileSync(path.join(dir, "style.css"), "utf8") + ":root { --deployment: three; }\n";
  const { version, swText } = nextBuild(dir, { "style.css": css });
  writeFileSync(path.join(dir, "sw.js"), swText);
  // Asks the browser to look for a new sw.js now; resolves with how its install ended.
  const tryUpdate = () => page.evaluate(async (timeout) => {
    const registration = await navigator.serviceWorker.getRegistration();
    let found = false;
    const outcome = new Promise((resolve) => {
      const ended = (worker) => worker.state === "installed" || worker.state === "redundant";
      const watch = (worker) => {
        if (!worker) return;
        found = true;
        if (ended(worker)) { resolve(worker.state); return; }
        worker.addEventListener("statechange", () => { if (ended(worker)) resolve(worker.state); });
      };
      // The page's own check at start (boot.js) may already be installing it on a loaded
      // machine; its updatefound came before this listener.
      watch(registration.installing);
      registration.addEventListener("updatefound", () => {
        found = true;
        // A failing install can end before this event is handled: then there is no
        // installing worker left to watch, and whether one is waiting tells how it ended.
        watch(registration.installing);
        const poll = setInterval(() => {
          if (registration.installing) return;
          clearInterval(poll);
          resolve(registration.waiting ? "installed" : "redundant");
        }, 200);
      }, { once: true });
    });
    // update() joins a check the browser already has under way (one that may have
    // fetched the old sw.js and found nothing new): ask again until one finds it.
    const deadline = Date.now() + timeout;
    let checked = "not called";
    while (!found && Date.now() < deadline) {
      await registration.update().then(() => { checked = "resolved"; }, (e) => { checked = "rejected: " + e.message; });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    // What the registration looked like if nothing happened, so a failure says why.
    const nothing = () => `no update found (update() ${checked}; installing ${registration.installing?.state}, ` +
      `waiting ${registration.waiting?.state}, active ${registration.active?.state})`;
    return Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve(nothing()), Math.max(0, deadline - Date.now())))]);
  }, UPDATE_TIMEOUT);
  assert.equal(await tryUpdate(), "redundant");
  assert.deepEqual(await cacheNames(page), [`claimmark / ${old}`]);
  assert.equal(await page.locator("#update").isVisible(), false);

  // The rest of the deployment arrives: the next check installs it.
  writeFileSync(path.join(dir, "style.css"), css);
  assert.equal(await tryUpdate(), "installed");
  await page.locator("#update").waitFor({ state: "visible" });
  assert.deepEqual((await cacheNames(page)).sort(), [`claimmark / ${old}`, `claimmark / ${version}`].sort());
  assert.deepEqual(errors, []);
  await context.close();
});

// Last: it stops the server.
test("after one visit the app starts with the network gone, at the root and under a path", async () => {
  resetSite();
  const visits = [];
  for (const sub of ["", SUBPATH]) {
    const { context, page, errors } = await newPage();
    await firstVisit(page, session.url + sub);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), session.url + sub + "sw.js");
    assert.deepEqual(await cacheNames(page), [`claimmark /${sub} ${readBuild(dir).version}`]);
    visits.push({ sub, context, page, errors });
  }

  // No server and no network: everything has to come from the worker's cache.
  session.stopServer();
  for (const { sub, context, page, errors } of visits) {
    await context.setOffline(true);
    const responses = [];
    page.on("response", (r) => responses.push(r));
    await page.reload();
    await appReady(page);
    const docs = await page.evaluate(() => window.claimmark.documents());
    assert.ok(docs.some((d) => d.id === KNOWN_DOC), JSON.stringify(docs.map((d) => d.id)));
    const text = await page.evaluate((id) => window.claimmark.text(id), KNOWN_DOC);
    assert.ok(text.startsWith("Sign in with") && text.length > 2000, text.slice(0, 80));
    await page.evaluate((id) => window.claimmark.open(id), KNOWN_DOC);

    const names = responses.map((r) => r.url().slice(session.url.length + sub.length) || "index.html");
    for (const name of ["index.html", "boot.js", "api.js", "style.css", "claimmark.js", "claimmark.wasm"]) {
      assert.ok(names.includes(name), `${name} was loaded: ${names}`);
    }
    for (const r of responses) assert.ok(r.fromServiceWorker() && r.ok(), `${r.url()} from the worker, ${r.status()}`);
    assert.equal(await page.locator("#error").isVisible(), false);
    assert.equal(await page.locator("#update").isVisible(), false);
    if (!sub) await page.screenshot({ path: shotPath("offline-reload.png") });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
