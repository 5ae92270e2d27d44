// Starts the WebAssembly app: checks WebGL2, downloads the module with a
// progress bar, and turns every failure into a message instead of a blank page.
"use strict";
(function () {
  const loading = document.getElementById("loading");
  const loadingText = document.getElementById("loading-text");
  const bar = document.getElementById("loading-bar");
  const canvas = document.getElementById("canvas");

  function fail(message) {
    loading.hidden = true;
    document.getElementById("error-text").textContent = message;
    document.getElementById("error").hidden = false;
    window.claimmark && window.claimmark._fail(new Error(message));
    offlineSupport(false);  // a fixed deployment may be waiting to replace a broken one
  }

  // Offline use and updates through sw.js (docs/offline.md). Registered once
  // the app runs, so the worker's downloads don't compete with the app's;
  // file: pages and browsers without service workers go without.
  let offlineStarted = false;
  function offlineSupport(register) {
    if (offlineStarted || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
    offlineStarted = true;
    const sw = navigator.serviceWorker;
    const notice = document.getElementById("update");
    let switching = false;
    const switchOver = () => { if (switching) location.reload(); };
    sw.addEventListener("controllerchange", switchOver);
    // A new version installed next to the running one waits until asked:
    // reloading into it is the user's choice, not a surprise mid-annotation.
    function offer(registration) {
      notice.hidden = false;
      document.getElementById("update-reload").onclick = () => {
        const waiting = registration.waiting;
        if (!waiting) { location.reload(); return; }
        switching = true;
        waiting.addEventListener("statechange", () => { if (waiting.state === "redundant") switchOver(); });
        waiting.postMessage({ type: "skip-waiting" });  // activates it; controllerchange reloads
      };
    }
    function watch(registration) {
      if (!registration) return;
      // "installed" next to an active worker is an update; a first install activates at once.
      const track = (worker) => worker && worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && registration.active) offer(registration);
      });
      track(registration.installing);  // the browser's check on this page load may have started already
      registration.addEventListener("updatefound", () => track(registration.installing));
      if (registration.waiting && registration.active) offer(registration);
      // Look for a new sw.js at every start (the browser's own check after a
      // navigation may be put off), and hourly in a tab left open.
      const check = () => registration.update().catch(() => {});  // offline: next time
      if (sw.controller) check();
      setInterval(check, 3600 * 1000);
    }
    (register ? sw.register("sw.js") : sw.getRegistration())
      .then(watch, (e) => console.warn("ClaimMark: no offline support here (" + e.message + ")"));
  }

  function kb(n) { return (n / 1024).toFixed(0) + " KB"; }

  // Downloads the wasm ourselves so we can show real progress.
  async function fetchWithProgress(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    const total = Number(response.headers.get("Content-Length")) || 0;
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total) bar.value = Math.min(1, received / total); else bar.removeAttribute("value");
      loadingText.textContent = "Downloading the app… " + kb(received) + (total ? " of " + kb(total) : "");
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    return bytes;
  }

  const gl2 = (function () {
    try { return !!document.createElement("canvas").getContext("webgl2"); } catch (e) { return false; }
  })();
  if (!gl2) {
    fail("This browser cannot draw with WebGL 2, which ClaimMark needs. Try a current Firefox, Chrome, Edge or Safari, " +
         "and check that hardware acceleration is not turned off.");
    return;
  }
  if (typeof WebAssembly !== "object") {
    fail("This browser does not run WebAssembly, which ClaimMark needs.");
    return;
  }

  window.Module = {
    canvas: canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: () => {},
    instantiateWasm(imports, done) {
      fetchWithProgress("claimmark.wasm")
        .then((bytes) => { loadingText.textContent = "Starting…"; return WebAssembly.instantiate(bytes, imports); })
        .then((result) => done(result.instance, result.module))
        .catch((e) => fail("The app could not be loaded (" + e.message + "). Reload the page to try again."));
      return {};
    },
    onAbort: (what) => fail("The app stopped unexpectedly: " + what),
    onClaimmarkFatal: (message) => fail(message),
    onClaimmarkReady() {
      loading.hidden = true;
      canvas.focus();
      window.claimmark._ready();
      offlineSupport(true);
    },
  };
  window.claimmark._install(window.Module);

  // The saved state is read (asynchronously) before the app starts, so the
  // app finds it ready at its first frame.
  window.claimmarkStore.ready.then(() => {
    const script = document.createElement("script");
    script.src = "claimmark.js";
    script.onerror = () => fail("The app's code (claimmark.js) could not be loaded. Check your connection and reload.");
    document.body.appendChild(script);
  });
})();
