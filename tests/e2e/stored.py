"""What the app stored in this browser (IndexedDB "netwerkatlas", store "kv"), for e2e tests."""
from __future__ import annotations

import json
import time

IDB_READ = """(key) => new Promise((resolve, reject) => {
  const r = indexedDB.open("netwerkatlas", 1);
  r.onupgradeneeded = () => r.result.createObjectStore("kv");
  r.onsuccess = () => { const g = r.result.transaction("kv").objectStore("kv").get(key);
    g.onsuccess = () => { resolve(g.result === undefined ? null : g.result); r.result.close(); }; };
  r.onerror = () => reject(r.error);
})"""

IDB_WRITE = """([key, value]) => new Promise((resolve, reject) => {
  const r = indexedDB.open("netwerkatlas", 1);
  r.onupgradeneeded = () => r.result.createObjectStore("kv");
  r.onsuccess = () => { const t = r.result.transaction("kv", "readwrite"); t.objectStore("kv").put(value, key);
    t.oncomplete = () => { r.result.close(); resolve(true); }; };
  r.onerror = () => reject(r.error);
})"""

IDB_KEYS = """() => new Promise((resolve) => {
  const r = indexedDB.open("netwerkatlas", 1);
  r.onupgradeneeded = () => r.result.createObjectStore("kv");
  r.onsuccess = () => { const g = r.result.transaction("kv").objectStore("kv").getAllKeys();
    g.onsuccess = () => { resolve(g.result.map(String)); r.result.close(); }; };
  r.onerror = () => resolve([]);
})"""


IDB_ALL = """() => new Promise((resolve) => {
  const r = indexedDB.open("netwerkatlas", 1);
  r.onupgradeneeded = () => r.result.createObjectStore("kv");
  r.onsuccess = () => { const g = r.result.transaction("kv").objectStore("kv").getAll();
    g.onsuccess = () => { resolve(g.result.map(String)); r.result.close(); }; };
  r.onerror = () => resolve([]);
})"""


def everything_stored(page) -> str:
    """Every value this origin keeps in IndexedDB and localStorage, as one text to search in."""
    local = page.evaluate("Object.values(localStorage)")
    return json.dumps(local + page.evaluate(IDB_ALL))


def stored_text(page, key: str = "snv:case") -> str | None:
    return page.evaluate(IDB_READ, key)


def stored_case(page) -> dict | None:
    text = stored_text(page)
    return json.loads(text) if text else None


def write_stored(page, key: str, value: str) -> None:
    page.evaluate(IDB_WRITE, [key, value])


def our_keys(page) -> list[str]:
    """Every key of this app left on the device (IndexedDB and localStorage)."""
    local = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('snv:'))")
    return sorted(local + [k for k in page.evaluate(IDB_KEYS) if k.startswith("snv:")])


def _poll(page, script: str, arg, what: str, timeout_s: float = 10.0) -> None:
    """page.wait_for_function does not await a promise, so poll an async check from here."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"not stored within {timeout_s} s: {what}")
        page.wait_for_timeout(100)


def wait_stored(page, condition: str, arg=None) -> None:
    """Wait until `condition` (JS, gets the stored case as `c` and `arg`) holds for the stored case."""
    _poll(page, f"async (arg) => {{ const text = await ({IDB_READ})('snv:case');"
                f" const c = JSON.parse(text || '{{}}'); return Boolean({condition}); }}", arg, condition)


def wait_wiped(page) -> None:
    """Sessie beëindigen wipes asynchronously: wait until no key of this app is left."""
    _poll(page, f"async () => (await ({IDB_KEYS})()).concat(Object.keys(localStorage))"
                ".filter(k => k.startsWith('snv:')).length === 0", None, "everything wiped")
