/* Boot screen for Netwerkatlas: shows the stages while PyScript/Pyodide start, and a Dutch error
   instead of an endless spinner. Plain JS, no modules, runs before PyScript (defer, in order).

   Public API (window.snvBoot), callable from Python with `import js`:
     snvBoot.stage(name)          name: "runtime" | "pakketten" | "dossier"; only moves forward
     snvBoot.fail(reason, detail) show the boot error (ignored once the app is ready)
     snvBoot.state()              current data-app-state
   Ready is signalled by Python itself: document.documentElement.setAttribute("data-app-state", "ready").
   URL option: ?boottimeout=N  seconds before a slow boot counts as failed (default 60). */
(function () {
  "use strict";

  var root = document.documentElement;
  var STAGES = ["runtime", "pakketten", "dossier"];
  var LABELS = { runtime: "Programma laden", pakketten: "Pakketten laden", dossier: "Dossier openen" };
  var started = performance.now();
  var current = 0;
  var timer = null;
  var consoleErrors = [];  // console.error lines before ready, shown in the technical details

  function $(id) { return document.getElementById(id); }
  function state() { return root.getAttribute("data-app-state"); }
  function booting() { return state() === "loading"; }

  function render() {
    var items = document.querySelectorAll(".boot-steps li[data-stage]");
    for (var i = 0; i < items.length; i++) {
      var index = STAGES.indexOf(items[i].getAttribute("data-stage"));
      var step = index < current ? "done" : index === current ? "active" : "waiting";
      items[i].setAttribute("data-step", step);
      if (step === "active") items[i].setAttribute("aria-current", "step");
      else items[i].removeAttribute("aria-current");
      var hidden = items[i].querySelector(".boot-step-state");
      if (hidden) hidden.textContent = step === "done" ? " (klaar)" : step === "active" ? " (bezig)" : " (nog niet)";
    }
    var progress = $("boot-progress");
    if (progress) {
      progress.value = current;
      progress.textContent = "Stap " + (current + 1) + " van " + STAGES.length;
    }
    var status = $("boot-status");
    if (status) status.textContent = "Stap " + (current + 1) + " van " + STAGES.length + ": " + LABELS[STAGES[current]] + "…";
    root.setAttribute("data-boot-stage", STAGES[current]);
  }

  function stage(name) {
    var index = STAGES.indexOf(String(name));
    if (index < 0 || index <= current || !booting()) return;
    current = index;
    render();
  }

  function describe(value) {
    if (value === undefined || value === null) return "";
    if (value instanceof Error) return (value.name ? value.name + ": " : "") + value.message + (value.stack ? "\n" + value.stack : "");
    if (typeof value === "object" && "message" in value) return String(value.message);
    return String(value);
  }

  function fail(reason, detail) {
    if (!booting()) return;
    if (timer !== null) clearTimeout(timer);
    var seconds = ((performance.now() - started) / 1000).toFixed(1);
    var lines = [
      "Stap: " + LABELS[STAGES[current]] + " (" + STAGES[current] + ")",
      "Na " + seconds + " s",
      describe(detail),
      consoleErrors.length ? "Console:\n" + consoleErrors.join("\n") : "",
      "Browser: " + navigator.userAgent,
    ];
    $("boot-error-reason").textContent = reason ? String(reason) : "";
    $("boot-error-detail").textContent = lines.filter(Boolean).join("\n");
    $("boot-error").hidden = false;
    root.setAttribute("data-app-state", "error");
    $("boot").setAttribute("aria-busy", "false");
  }

  function ready() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    var boot = $("boot");
    if (boot) boot.setAttribute("aria-busy", "false");
    root.setAttribute("data-boot-ms", String(Math.round(performance.now() - started)));
  }

  window.snvBoot = { stage: stage, fail: fail, state: state, stages: STAGES.slice() };

  // Ready (set by Python) or error: watch the attribute.
  new MutationObserver(function () {
    if (state() === "ready") ready();
  }).observe(root, { attributes: true, attributeFilter: ["data-app-state"] });

  // Failures before ready.
  window.addEventListener("error", function (event) {
    if (!booting()) return;
    var target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      fail("Een onderdeel van het programma kon niet worden geladen.", "Bestand niet geladen: " + (target.src || target.href));
    } else {
      fail("Er ging iets mis tijdens het starten.", event.error || event.message);
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    fail("Er ging iets mis tijdens het starten.", event.reason);
  });
  // Pyodide reports a package that failed to load only on the console (and the boot would go on
  // until an import fails, maybe much later): watch console.error until ready.
  var PACKAGE_FAILURE = /error occurred while loading|failed to load|couldn't load|no known package/i;
  var originalConsoleError = console.error;
  console.error = function () {
    if (booting() || state() === "error") {
      try {
        var text = Array.prototype.map.call(arguments, describe).join(" ");
        consoleErrors.push(text);
        if (PACKAGE_FAILURE.test(text)) {
          fail("Een onderdeel van het programma kon niet worden geladen.", text);
        } else if (state() === "error") {
          $("boot-error-detail").textContent += "\n" + text;  // the cause, logged just after
        }
      } catch (e) { /* never break logging */ }
    }
    return originalConsoleError.apply(console, arguments);
  };

  // PyScript shows Python errors as <div class="py-error">; take them over.
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var added = records[i].addedNodes;
      for (var j = 0; j < added.length; j++) {
        var node = added[j];
        if (node.nodeType === 1 && node.classList.contains("py-error")) {
          fail("Er ging iets mis tijdens het starten.", node.textContent);
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });

  // Stages from PyScript and the network.
  window.addEventListener("py:progress", function (event) {
    var detail = String(event.detail || "");
    if (detail === "Loaded interpreter" || detail === "Loaded Pyodide") stage("pakketten");
  });
  window.addEventListener("py:ready", function () { stage("dossier"); });
  if ("PerformanceObserver" in window) {
    try {
      new PerformanceObserver(function (list) {
        var entries = list.getEntries();
        for (var i = 0; i < entries.length; i++) {
          if (/(python_stdlib\.zip|\.whl)$/.test(entries[i].name)) stage("pakketten");
        }
      }).observe({ type: "resource", buffered: true });
    } catch (e) { /* stages are a courtesy; boot goes on */ }
  }

  // Browser check and boot timer.
  if (typeof WebAssembly !== "object") {
    fail("Deze browser kan het programma niet uitvoeren.", "WebAssembly ontbreekt");
  }
  var match = /[?&]boottimeout=(\d+(?:\.\d+)?)/.exec(location.search);
  var timeout = match ? parseFloat(match[1]) : 60;
  timer = setTimeout(function () {
    timer = null;
    fail("Het laden duurde te lang.", "Niet klaar na " + timeout + " s");
  }, timeout * 1000);

  $("boot-reload").addEventListener("click", function () { location.reload(); });
  render();
})();
