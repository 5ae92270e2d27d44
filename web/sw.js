// ClaimMark's service worker: keeps the app's own files so it starts offline,
// and installs a new deployment in the background. The build fills in BUILD
// (cmake/service_worker.cmake): each file's SHA-256 and a version over all of
// them. Every version has its own cache and the page is served from one cache
// only, so old and new files never mix. See docs/offline.md.
"use strict";
const BUILD = {/*@BUILD@*/};
const SCOPE = new URL(self.registration.scope);
// One origin can hold several copies of the app (GitHub Pages puts every
// repository on user.github.io), so the cache names carry the scope.
const PREFIX = "claimmark " + SCOPE.pathname + " ";
const CACHE = PREFIX + BUILD.version;
const own = (name) => Object.prototype.hasOwnProperty.call(BUILD.files, name);
const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");

// One file of this build, checked against its hash. The first try may come
// from the HTTP cache (on a first visit the page has just downloaded it); if
// that copy is stale, a query the server ignores gets past caches on the way
// (a CDN). Still wrong means the deployment is half done: the install fails
// and the browser tries again later, rather than caching a mix.
async function download(name, hash) {
  for (const [url, cache] of [[name, "default"], [name + "?v=" + hash.slice(0, 16), "reload"]]) {
    const response = await fetch(new URL(url, SCOPE), { cache });
    if (!response.ok) throw new Error(name + ": HTTP " + response.status);
    const body = await response.arrayBuffer();
    if (hex(await crypto.subtle.digest("SHA-256", body)) !== hash) continue;
    return new Response(body, { headers: {
      "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
      "Content-Length": String(body.byteLength),  // boot.js shows download progress with it
    } });
  }
  throw new Error(name + " on the server is not the one of build " + BUILD.version);
}

self.addEventListener("install", (event) => event.waitUntil((async () => {
  const files = await Promise.all(Object.entries(BUILD.files).map(
    async ([name, hash]) => [name, await download(name, hash)]));
  const cache = await caches.open(CACHE);
  await Promise.all(files.map(([name, response]) => cache.put(new URL(name, SCOPE), response)));
})()));

self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
  await self.clients.claim();  // a first visit works offline without a reload
})()));

// The page's Reload button: the user chose to switch to this version now.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

// Cache first for this build's files; anything else goes to the network as usual.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const name = url.pathname.slice(SCOPE.pathname.length) || "index.html";
  if (!own(name)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(new URL(name, SCOPE))) || fetch(request);
  })());
});
