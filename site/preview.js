/* Start preview: while Python loads, the last saved case read-only (render/preview.py writes it beside
   the case on each save, in the same store; it is wiped with the case). Plain JS, runs before PyScript
   (defer), reads one key and draws:
     - the client's name in the header, a quiet "Bezig met laden…" (role=status)
     - the last relatiekaart as an <img> of the saved SVG (an image runs no script and loads nothing)
     - the bottom bar, disabled (nothing can be tapped before the app is ready)
   then sets <html data-preview="shown"> (tests/bench/bench_start.py times it). Without a saved preview,
   or once the app is ready or has failed, it does nothing: the boot steps or the error show as before.
   Every text comes from the record (the app's catalogue, in the language the app was in). */
(function () {
  "use strict";

  var root = document.documentElement;
  var KEY = "snv:preview";
  var MAX_CHARS = 4 * 1024 * 1024;

  function $(id) { return document.getElementById(id); }
  function local() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }  // the fallback store
  }

  function read(done) {
    var finished = false;
    var once = function (value) { if (!finished) { finished = true; done(value); } };
    try {
      if (!window.indexedDB) { once(local()); return; }
      var request = indexedDB.open("netwerkatlas", 1);
      request.onupgradeneeded = function () { request.result.createObjectStore("kv"); };  // as store.js
      request.onsuccess = function () {
        var db = request.result;
        try {
          var get = db.transaction("kv", "readonly").objectStore("kv").get(KEY);
          get.onsuccess = function () { db.close(); once(typeof get.result === "string" ? get.result : local()); };
          get.onerror = function () { db.close(); once(local()); };
        } catch (e) { db.close(); once(local()); }
      };
      request.onerror = function () { once(local()); };
      request.onblocked = function () { once(local()); };
    } catch (e) { once(local()); }
  }

  function text(value) { return typeof value === "string" ? value : ""; }
  function image(svg) { return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg); }

  function show(raw) {
    if (typeof raw !== "string" || raw.length > MAX_CHARS || root.getAttribute("data-app-state") !== "loading") return;
    var data;
    try { data = JSON.parse(raw); } catch (e) { return; }
    if (!data || data.v !== 1 || !text(data.naam)) return;
    var box = $("boot-preview");
    box.lang = text(data.lang) || "nl";
    $("boot-preview-name").textContent = data.naam;
    $("boot-preview-status").textContent = text(data.loading);
    $("boot-preview-title").textContent = text(data.title);
    var bar = $("boot-preview-bar");
    (Array.isArray(data.bar) ? data.bar : []).forEach(function (item) {
      if (!item || !text(item.label)) return;
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pv-bar-btn";
      button.disabled = true;
      if (text(item.icon)) {
        var icon = document.createElement("img");
        icon.className = "pv-bar-icon";
        icon.alt = "";
        icon.src = image(item.icon);
        button.appendChild(icon);
      }
      var label = document.createElement("span");
      label.className = "pv-bar-label";
      label.textContent = item.label;
      button.appendChild(label);
      li.appendChild(button);
      bar.appendChild(li);
    });
    var shown = function () {  // all at once, when the map can be painted
      if (root.getAttribute("data-app-state") !== "loading") return;
      box.hidden = false;
      root.setAttribute("data-preview", "shown");
    };
    var map = $("boot-preview-map");
    if (!text(data.map)) { shown(); return; }
    map.alt = text(data.alt);
    map.src = image(data.map);
    map.hidden = false;
    if (map.decode) map.decode().then(shown, shown); else shown();
  }

  if (root.getAttribute("data-app-state") === "loading") read(show);
})();
