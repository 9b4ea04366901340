// Service worker: keeps the app's own files in a versioned cache so the app
// opens and works with the network off after one visit. It never contacts any
// other origin and never sees contract text (the app makes no requests).
// Generated into dist/ by scripts/trunk_post_build.py, which fills in the
// version (a hash of the files) and the list of files (relative URLs, so the
// app works under any sub-path, e.g. /tools/mc2/).
const VERSION = "__MC2_VERSION__";
const FILES = __MC2_FILES__;
const PREFIX = "mc2-assistant-";
const CACHE = PREFIX + VERSION;
const SCOPE = new URL("./", self.location).href;
const SHELL = SCOPE; // "./" is the app page itself

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((c) => c.addAll(FILES.map((f) => new Request(new URL(f, SCOPE), { cache: "reload" }))))
      .then(() => self.skipWaiting()));
});

// An update replaces the old cache: delete every older version of ours.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || !req.url.startsWith(SCOPE)) return; // not ours: the browser handles it
  if (req.mode === "navigate") {
    // Any page in scope (/, /index.html, /?embed=1) is the app shell.
    event.respondWith(caches.open(CACHE).then((c) => c.match(SHELL)).then((r) => r || fetch(req)));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true })).then((r) => r || fetch(req)));
});
