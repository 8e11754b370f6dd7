// The judge desk's service worker (served at /sw.js by `judging::offline`, which fills in
// VERSION and FILES for the build it serves).
//
// It keeps two things on the phone, and only these: the files of this build the desk loads,
// and the desk page itself as last fetched, so a judge who opened the desk once can reopen it
// with no network and keep scoring (the desk's script keeps every save in the phone's storage
// until the server has it). Every other page and request goes to the network untouched: no
// organizer page, result or board is ever answered from here.
//
// Nothing kept here may outlive the person it belongs to. Any form sent from the phone but a
// score save drops the kept pages: signing in or out, joining, a password change are all
// posts, and a list of them here would fall behind the server's (the desk page is kept again
// at its next visit). So does any answer saying the desk is no longer this phone's (a redirect
// to sign in, 401, 403, 404: a revoked or expired pass), even one arriving after the kept
// page was shown: that page is then reloaded. Signing out also clears the site's storage from
// the server (Clear-Site-Data), which unregisters this worker.
//
// A kept page replays the policy nonce it was served with, along with its own scripts that
// carry it: the page is this server's own answer, replayed on this phone only.

const VERSION = "__VERSION__";
const FILES = __FILES__;
const FILES_CACHE = "hakam-files-" + VERSION;
const PAGES_CACHE = "hakam-desk-pages";
const DESK = /^\/events\/\d+\/judge$/;
// The desk's own bundle, of this build only: answered from the phone first. Other kept files
// (the style sheet, icons) are shared with every page: the network first, the phone offline.
const BUNDLE = /^\/pkg\/hakam-desk\./;
// The one post that keeps the pages: a score save, from the desk itself.
const SAVE = "/api/judging/save";
// Past this, a slow network gives way to the kept page; the network's answer still
// refreshes it for next time.
const PATIENCE_MS = 4000;

function forgetPages() {
  return caches.delete(PAGES_CACHE).catch(() => false);
}

// Answers that say the desk is not (or no longer) this phone's.
function refused(response) {
  return (
    response.type === "opaqueredirect" ||
    response.redirected ||
    response.status === 401 ||
    response.status === 403 ||
    response.status === 404
  );
}

// Answers a kept page is better than: a server error, a timeout, too many requests.
function unusable(response) {
  return response.status >= 500 || response.status === 408 || response.status === 429;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(FILES_CACHE)
      // Past the HTTP cache, which may still hold the previous build's files (same names).
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "no-cache" }))))
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
  if (request.method !== "GET") {
    if (url.pathname !== SAVE) event.waitUntil(forgetPages());
    return;
  }
  if (request.mode === "navigate" && DESK.test(url.pathname)) {
    // Whatever goes wrong here, the phone still gets the network's answer.
    event.respondWith(deskPage(event, url).catch(() => fetch(request)));
  } else if (FILES.includes(url.pathname)) {
    event.respondWith(file(request, url.pathname).catch(() => fetch(request)));
  }
});

/// Stores the page the network gave, or forgets it when the answer says it is not ours. A
/// full storage only means the page is not kept: the answer still goes to the phone.
async function remember(path, response) {
  try {
    const pages = await caches.open(PAGES_CACHE);
    if (response.ok && !response.redirected && response.type === "basic") {
      await pages.put(path, response.clone());
    } else if (refused(response)) {
      await pages.delete(path);
    }
  } catch (_) {
    // Not kept; nothing else to do.
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
  const kept = await caches
    .open(PAGES_CACHE)
    .then((pages) => pages.match(path))
    .catch(() => undefined);
  if (!kept) {
    event.waitUntil(network.catch(() => {}));
    return network;
  }
  let shown = null;
  const late = new Promise((resolve) =>
    setTimeout(() => {
      shown = shown || "kept";
      resolve(kept);
    }, PATIENCE_MS),
  );
  const fresh = network.then(
    // A server error is no reason to lose the desk: the kept page can still score.
    (response) => {
      if (unusable(response)) return kept;
      shown = shown || "network";
      return response;
    },
    () => kept,
  );
  // The kept page went up after the wait, then the server said the desk is not this phone's
  // any more: the page is reloaded, and gets the server's answer (the kept copy is gone).
  event.waitUntil(
    network
      .then(async (response) => {
        if (shown === "kept" && refused(response) && event.resultingClientId) {
          const client = await self.clients.get(event.resultingClientId);
          if (client) await client.navigate(client.url);
        }
      })
      .catch(() => {}),
  );
  return Promise.race([fresh, late]);
}

// The desk's bundle: from the phone (kept for this build), else fetched and kept. The shared
// files: from the network, from the phone when the network fails.
async function file(request, path) {
  const files = await caches.open(FILES_CACHE);
  if (BUNDLE.test(path)) {
    const kept = await files.match(path);
    if (kept) return kept;
  }
  try {
    const response = await fetch(request);
    if (response.ok) await files.put(path, response.clone()).catch(() => {});
    return response;
  } catch (e) {
    const kept = await files.match(path);
    if (kept) return kept;
    throw e;
  }
}
