/* Thin storage adapter for Netwerkatlas (window.snvStore), called from Python (snv/ui/localstore.py).
   All decisions (revisions, verification, conflicts, versions) are made in Python (snv/storage/store.py);
   this file only turns IndexedDB, localStorage, BroadcastChannel and Cache Storage into calls that
   never throw: each returns (or resolves to) {ok: true, value} or {ok: false, name, code, message}. */
(function () {
  "use strict";

  var DB_NAME = "netwerkatlas";
  var STORE = "kv";
  var db = null;

  function fail(e) {
    return { ok: false, name: String((e && e.name) || "Error"), code: e && typeof e.code === "number" ? e.code : null,
             message: String((e && e.message) || e) };
  }
  function done(value) { return { ok: true, value: value === undefined ? null : value }; }

  // ----- IndexedDB (the main store) -----

  function idbOpen() {
    return new Promise(function (resolve) {
      try {
        if (!window.indexedDB) { resolve(fail({ name: "NotSupportedError", message: "no indexedDB" })); return; }
        var request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () { request.result.createObjectStore(STORE); };
        request.onsuccess = function () {
          db = request.result;
          db.onversionchange = function () { db.close(); db = null; };  // another tab deletes the database
          resolve(done(true));
        };
        request.onerror = function () { resolve(fail(request.error)); };
        request.onblocked = function () { resolve(fail({ name: "InvalidStateError", message: "blocked" })); };
      } catch (e) { resolve(fail(e)); }
    });
  }

  function tx(mode, work) {
    return new Promise(function (resolve) {
      try {
        if (!db) { resolve(fail({ name: "InvalidStateError", message: "database closed" })); return; }
        var t = db.transaction(STORE, mode);
        var result = { value: null };
        t.oncomplete = function () { resolve(done(result.value)); };
        t.onerror = function () { /* the transaction aborts; onabort reports t.error */ };
        t.onabort = function () { resolve(fail(t.error || { name: "AbortError", message: "aborted" })); };
        try { work(t.objectStore(STORE), result); } catch (e) { try { t.abort(); } catch (x) { /* gone */ } resolve(fail(e)); }
      } catch (e) { resolve(fail(e)); }
    });
  }

  function idbGet(key) {
    return tx("readonly", function (store, result) {
      var r = store.get(key);
      r.onsuccess = function () { result.value = r.result === undefined ? null : r.result; };
    });
  }
  function idbPut(items) {  // one transaction: all items or none
    return tx("readwrite", function (store) {
      Object.keys(items).forEach(function (key) { store.put(items[key], key); });
    });
  }
  function idbDelete(keys) {
    return tx("readwrite", function (store) {
      for (var i = 0; i < keys.length; i++) store.delete(keys[i]);
    });
  }
  function idbKeys() {
    return tx("readonly", function (store, result) {
      var r = store.getAllKeys();
      r.onsuccess = function () { result.value = r.result.map(String); };
    });
  }
  function idbDrop() {
    return new Promise(function (resolve) {
      try {
        if (db) { db.close(); db = null; }
        var r = indexedDB.deleteDatabase(DB_NAME);
        r.onsuccess = function () { resolve(done(true)); };
        r.onerror = function () { resolve(fail(r.error)); };
        r.onblocked = function () { resolve(done(false)); };  // finishes when the other tabs close it
      } catch (e) { resolve(fail(e)); }
    });
  }

  // ----- localStorage (the fallback, and the synchronous rescue copy on page hide) -----

  function ls() { return window.localStorage; }  // may throw SecurityError
  function lsGet(key) {
    try { var v = ls().getItem(key); return done(v); } catch (e) { return fail(e); }
  }
  function lsPut(items) {  // all or none: on failure the values written so far are put back
    var old = {};
    var keys = Object.keys(items);
    try {
      for (var i = 0; i < keys.length; i++) {
        old[keys[i]] = ls().getItem(keys[i]);
        ls().setItem(keys[i], items[keys[i]]);
      }
      return done(true);
    } catch (e) {
      try {
        Object.keys(old).forEach(function (k) {
          if (old[k] === null) ls().removeItem(k); else ls().setItem(k, old[k]);
        });
      } catch (x) { /* the original error matters */ }
      return fail(e);
    }
  }
  function lsDelete(keys) {
    try { for (var i = 0; i < keys.length; i++) ls().removeItem(keys[i]); return done(true); } catch (e) { return fail(e); }
  }
  function lsKeys() {
    try {
      var out = [];
      for (var i = 0; i < ls().length; i++) out.push(String(ls().key(i)));
      return done(out);
    } catch (e) { return fail(e); }
  }

  // ----- other tabs, persistence, caches -----

  var channel = null;
  function listen(onMessage) {
    try {
      if (window.BroadcastChannel) {
        channel = new BroadcastChannel("snv");
        channel.onmessage = function (event) { onMessage(JSON.stringify(event.data || {})); };
      }
    } catch (e) { channel = null; }
    // fallback store: another tab's localStorage write shows here as a storage event
    window.addEventListener("storage", function (event) {
      if (event.key === "snv:meta" && event.newValue) {
        try { onMessage(JSON.stringify({ t: "saved", rev: JSON.parse(event.newValue).revision })); } catch (e) { /* ignore */ }
      }
    });
    return done(Boolean(channel));
  }
  function post(text) {
    try { if (channel) channel.postMessage(JSON.parse(text)); return done(true); } catch (e) { return fail(e); }
  }
  function persist() {
    try {
      if (navigator.storage && navigator.storage.persist) {
        return navigator.storage.persist().then(done, fail);
      }
    } catch (e) { return Promise.resolve(fail(e)); }
    return Promise.resolve(done(false));
  }
  // Every Cache Storage cache except the app's own files ("netwerkatlas-<build>", written only by sw.js
  // with the files of a build, never case data): the app must still start offline after a wipe.
  // The worker then also drops other builds and anything not of its build (snvOffline.tidy).
  var APP_CACHE = /^netwerkatlas-/;
  function wipeCaches() {
    try {
      if (!window.caches) return Promise.resolve(done(0));
      return caches.keys().then(function (names) {
        var others = names.filter(function (n) { return !APP_CACHE.test(n); });
        return Promise.all(others.map(function (n) { return caches.delete(n); })).then(function () { return done(others.length); });
      }, fail);
    } catch (e) { return Promise.resolve(fail(e)); }
  }

  window.snvStore = {
    idbOpen: idbOpen, idbGet: idbGet, idbPut: idbPut, idbDelete: idbDelete, idbKeys: idbKeys, idbDrop: idbDrop,
    lsGet: lsGet, lsPut: lsPut, lsDelete: lsDelete, lsKeys: lsKeys,
    listen: listen, post: post, persist: persist, wipeCaches: wipeCaches,
  };
})();
