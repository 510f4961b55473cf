/* Offline and updates, page side (window.snvOffline). Plain JS, runs before PyScript (defer).

   Once the app is ready (so the worker's first download never competes with the start), it registers
   sw.js (the whole app in Cache Storage: it then starts without a network). When a new build has been
   installed in the background and waits, it says so:
     - <html data-update="ready"> and a "snv:update" event on window; Python (ui/) then shows
       "Er is een nieuwe versie. Herladen?", never during an edit.
   Python calls, via `import js`:
     snvOffline.apply()   after saving: the waiting worker takes over and the page reloads
     snvOffline.tidy()    Sessie beëindigen: the worker removes every other cache (a promise)
     snvOffline.check()   look for a new build now (also used by the tests)
   A new build is looked for CHECK_AFTER after the start, when the page comes back into view, and every
   hour; never during the start, which needs no network at all after one visit: sw.js is registered with
   updateViaCache "all" and served with a max-age (build.py serve, README), so the browser's own check
   when the page opens reads its cached copy. check() first asks the server for sw.js (cache "no-cache":
   a 304 of headers only when nothing changed), which refreshes that copy, then lets the worker compare. */
(function () {
  "use strict";

  var root = document.documentElement;
  var registration = null;
  var reloading = false;
  var HOUR = 60 * 60 * 1000;
  var CHECK_AFTER = 30 * 1000;

  function supported() {
    return "serviceWorker" in navigator && (location.protocol === "https:" || location.protocol === "http:");
  }

  function announce() {
    if (root.getAttribute("data-update") === "ready") return;
    root.setAttribute("data-update", "ready");
    window.dispatchEvent(new CustomEvent("snv:update"));
  }

  function watch(reg) {
    if (reg.waiting && navigator.serviceWorker.controller) announce();
    reg.addEventListener("updatefound", function () {
      var worker = reg.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        // "installed" with a controller: a new build waits behind the running one
        if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
      });
    });
  }

  function check() {
    if (!registration) return Promise.resolve();
    var reg = registration;
    return fetch("./sw.js", { cache: "no-cache" })
      .then(function () { return reg.update(); })
      .catch(function () { /* offline: try later */ });
  }

  function register() {
    if (registration || !supported()) return;
    navigator.serviceWorker.register("./sw.js", { scope: "./", updateViaCache: "all" }).then(function (reg) {
      if (!reg) return;  // a browser (or test harness) that stubs service workers out
      registration = reg;
      watch(reg);
      setTimeout(check, CHECK_AFTER);
      setInterval(check, HOUR);
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") check();
      });
    }).catch(function (error) {
      console.warn("snv: no service worker, the app needs the network to start:", error);
    });
  }

  function apply() {
    var waiting = registration && registration.waiting;
    if (!waiting) { location.reload(); return; }
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (!reloading) { reloading = true; location.reload(); }
    });
    waiting.postMessage({ t: "activate" });
  }

  function tidy() {
    var controller = supported() ? navigator.serviceWorker.controller : null;
    if (!controller) return Promise.resolve(false);
    return new Promise(function (resolve) {
      var done = function (event) {
        if (event.data && event.data.t === "tidied") {
          navigator.serviceWorker.removeEventListener("message", done);
          resolve(true);
        }
      };
      navigator.serviceWorker.addEventListener("message", done);
      controller.postMessage({ t: "tidy" });
      setTimeout(function () { resolve(false); }, 5000);  // never hang Sessie beëindigen
    });
  }

  window.snvOffline = { apply: apply, tidy: tidy, check: check };

  if (root.getAttribute("data-app-state") === "ready") register();
  else {
    new MutationObserver(function (records, observer) {
      if (root.getAttribute("data-app-state") === "ready") { observer.disconnect(); register(); }
    }).observe(root, { attributes: true, attributeFilter: ["data-app-state"] });
  }
})();
