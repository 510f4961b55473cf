/* Offline and updates, page side (window.snvOffline). Plain JS, runs before PyScript (defer).

   Once the app is ready (so the worker's first download never competes with the start), it registers
   sw.js (the whole app in Cache Storage: it then starts without a network). When a new build has been
   installed in the background and waits, it says so:
     - <html data-update="ready"> and a "snv:update" event on window; Python (ui/) then shows
       "Er is een nieuwe versie. Herladen?", never during an edit.
   Python calls, via `import js`:
     snvOffline.apply()   after saving: the waiting worker takes over and the page reloads
     snvOffline.tidy()    Sessie beëindigen: the worker removes every other cache (a promise)
   The worker is checked for a new build when the page opens (the browser does that), when it comes
   back into view, and every hour. */
(function () {
  "use strict";

  var root = document.documentElement;
  var registration = null;
  var reloading = false;
  var HOUR = 60 * 60 * 1000;

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

  function register() {
    if (registration || !supported()) return;
    navigator.serviceWorker.register("./sw.js", { scope: "./" }).then(function (reg) {
      registration = reg;
      watch(reg);
      setInterval(function () { reg.update().catch(function () { /* offline: try later */ }); }, HOUR);
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") reg.update().catch(function () { /* offline */ });
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

  window.snvOffline = { apply: apply, tidy: tidy };

  if (root.getAttribute("data-app-state") === "ready") register();
  else {
    new MutationObserver(function (records, observer) {
      if (root.getAttribute("data-app-state") === "ready") { observer.disconnect(); register(); }
    }).observe(root, { attributes: true, attributeFilter: ["data-app-state"] });
  }
})();
