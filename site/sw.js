/* Service worker of Netwerkatlas: the app starts and works without a network after one visit.

   - install: every file of this build (FILES, filled in by build.py) goes into one cache named after
     the build (CACHE). Files the browser already has are only revalidated (cache: "no-cache"), so a
     first visit does not download them twice.
   - fetch: cache first, for the files of the list only; a page navigation gets index.html. Anything
     else goes to the network untouched and is never stored: nothing the app computes or stores (the
     case) can end up in Cache Storage, only the app's own files.
   - activate: caches of earlier builds are removed.
   - a new build installs in the background and waits; the page shows "Er is een nieuwe versie.
     Herladen?" (site/offline.js, ui/) and, after saving, sends "activate": then this worker takes
     over and the page reloads. The first worker takes over at once (nothing older is running).
   - "tidy" (Sessie beëindigen): remove every other cache, and from this one any entry not in FILES.
*/
"use strict";

const CACHE = "netwerkatlas-dev";
const FILES = [];
const PREFIX = "netwerkatlas-";
const SCOPE = new URL("./", self.location).href;
const INDEX = new URL("./index.html", SCOPE).href;
const KNOWN = new Set(FILES.map((f) => new URL(f, SCOPE).href));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((f) => new Request(f, { cache: "no-cache" })));
    if (!self.registration.active) await self.skipWaiting();  // the first install: nothing to replace
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    await tidy();
    await self.clients.claim();
  })());
});

async function tidy() {
  for (const name of await caches.keys()) {
    if (name !== CACHE) await caches.delete(name);
  }
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    if (!KNOWN.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener("message", (event) => {
  const kind = event.data && event.data.t;
  if (kind === "activate") self.skipWaiting();
  else if (kind === "tidy") event.waitUntil(tidy().then(() => event.source && event.source.postMessage({ t: "tidied" })));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";  // ?bench, ?boottimeout: the same files
  url.hash = "";
  const key = request.mode === "navigate" && url.href === SCOPE ? INDEX : url.href;
  if (!KNOWN.has(key)) return;  // not ours: the network, as if there were no worker
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    return hit || fetch(request);
  })());
});
