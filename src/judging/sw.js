// The judge desk's service worker (served at /sw.js by `judging::offline`, which fills in
// VERSION and FILES for the build it serves).
//
// It keeps two things on the phone, and only these: the files of this build the desk loads,
// and the desk page itself as last fetched, so a judge who opened the desk once can reopen it
// with no network and keep scoring (the desk island keeps every save in the phone's storage
// until the server has it). Every other page and request goes to the network untouched: no
// organizer page, result or board is ever answered from here.
//
// Nothing kept here may outlive the person it belongs to: signing in or out (any session
// change) drops the kept pages, and so does any answer saying the desk is no longer theirs
// (a redirect to sign in, 401, 403, 404: a revoked or expired pass). Signing out also clears
// the whole site's storage from the server (Clear-Site-Data), which unregisters this worker.

const VERSION = "__VERSION__";
const FILES = __FILES__;
const FILES_CACHE = "hakam-files-" + VERSION;
const PAGES_CACHE = "hakam-desk-pages";
const DESK = /^\/events\/\d+\/judge$/;
// Past this, a slow network gives way to the kept page; the network's answer still
// refreshes it for next time.
const PATIENCE_MS = 4000;

function changesSession(path) {
  return (
    path.startsWith("/api/auth/") ||
    path === "/api/judging/pass/open" ||
    path === "/api/judging/pass/join" ||
    path === "/api/account/delete"
  );
}

function forgetPages() {
  return caches.delete(PAGES_CACHE);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(FILES_CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("hakam-files-") && name !== FILES_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
      // A page kept under the previous build names that build's files: fetch it again.
      const pages = await caches.open(PAGES_CACHE);
      for (const request of await pages.keys()) {
        await keep(new URL(request.url).pathname).catch(() => {});
      }
    })(),
  );
});

// The desk page asks for itself to be kept when it registers this worker: its own first load
// happened before any worker could see it.
self.addEventListener("message", (event) => {
  const path = event.data && event.data.keep;
  if (typeof path === "string" && DESK.test(path)) {
    event.waitUntil(
      caches
        .open(PAGES_CACHE)
        .then((pages) => pages.match(path))
        .then((kept) => kept || keep(path))
        .catch(() => {}),
    );
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST") {
    if (changesSession(url.pathname)) event.waitUntil(forgetPages());
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate" && DESK.test(url.pathname)) {
    event.respondWith(deskPage(event, url));
  } else if (FILES.includes(url.pathname)) {
    event.respondWith(file(request, url.pathname));
  }
});

/// Stores the page the network gave, or forgets it when the answer says it is not ours.
async function remember(path, response) {
  const pages = await caches.open(PAGES_CACHE);
  if (response.ok && !response.redirected && response.type === "basic") {
    await pages.put(path, response.clone());
  } else if (
    response.type === "opaqueredirect" ||
    response.redirected ||
    response.status === 401 ||
    response.status === 403 ||
    response.status === 404
  ) {
    await pages.delete(path);
  }
  return response;
}

function keep(path) {
  return fetch(path, { credentials: "same-origin" }).then((response) => remember(path, response));
}

// The network's page when it answers in time; else the page kept from the last visit.
async function deskPage(event, url) {
  const path = url.pathname;
  const network = fetch(event.request).then((response) => remember(path, response));
  event.waitUntil(network.catch(() => {}));
  const kept = await caches.open(PAGES_CACHE).then((pages) => pages.match(path));
  if (!kept) return network;
  const late = new Promise((resolve) => setTimeout(() => resolve(kept), PATIENCE_MS));
  const fresh = network.then(
    // A server error is no reason to lose the desk: the kept page can still score.
    (response) => (response.status >= 500 ? kept : response),
    () => kept,
  );
  return Promise.race([fresh, late]);
}

async function file(request, path) {
  const files = await caches.open(FILES_CACHE);
  const kept = await files.match(path);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await files.put(path, response.clone());
  return response;
}
