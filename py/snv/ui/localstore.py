"""Browser storage backends for storage.store.CaseStore (browser only): IndexedDB as the main store,
localStorage as the fallback, through the small adapter site/store.js (window.snvStore), whose calls
never throw but return {ok, value} or {ok: false, name, code, message}. An error becomes a classified
StoreError here; all decisions stay in storage/store.py.
"""
from __future__ import annotations

from typing import Any, Optional

from ..storage.store import CASE_KEY, META_KEY, PREFIX, RESCUE_KEY, MemoryBackend, StoreError, error_from


def _api() -> Any:
    import js  # noqa: PLC0415 (browser only)

    return js.snvStore


def _value(result: Any) -> Any:
    """The value of a {ok, value} result, or raise the classified StoreError."""
    from pyodide.ffi import jsnull  # noqa: PLC0415

    if not bool(result.ok):
        code = result.code
        raise error_from(str(result.name), None if code is None or code is jsnull else int(code), str(result.message))
    value = result.value
    return None if value is None or value is jsnull else value


def _js_obj(items: dict[str, str]) -> Any:
    import js  # noqa: PLC0415
    from pyodide.ffi import to_js  # noqa: PLC0415

    return to_js(items, dict_converter=js.Object.fromEntries)


def _js_list(keys: list[str]) -> Any:
    from pyodide.ffi import to_js  # noqa: PLC0415

    return to_js(keys)


class IndexedDBBackend:
    name = "indexeddb"

    async def get(self, key: str) -> Optional[str]:
        value = _value(await _api().idbGet(key))
        return None if value is None else str(value)

    async def put(self, items: dict[str, str]) -> None:
        _value(await _api().idbPut(_js_obj(items)))

    async def delete(self, keys: list[str]) -> None:
        if keys:
            _value(await _api().idbDelete(_js_list(keys)))

    async def keys(self) -> list[str]:
        value = _value(await _api().idbKeys())
        return [str(k) for k in value.to_py()] if value is not None else []


class LocalStorageBackend:
    name = "localstorage"

    async def get(self, key: str) -> Optional[str]:
        return self.get_now(key)

    def get_now(self, key: str) -> Optional[str]:
        value = _value(_api().lsGet(key))
        return None if value is None else str(value)

    async def put(self, items: dict[str, str]) -> None:
        self.put_now(items)

    def put_now(self, items: dict[str, str]) -> None:
        _value(_api().lsPut(_js_obj(items)))

    async def delete(self, keys: list[str]) -> None:
        self.delete_now(keys)

    def delete_now(self, keys: list[str]) -> None:
        if keys:
            _value(_api().lsDelete(_js_list(keys)))

    async def keys(self) -> list[str]:
        value = _value(_api().lsKeys())
        return [str(k) for k in value.to_py()] if value is not None else []


async def open_backend() -> tuple[Any, Optional[StoreError]]:
    """The best storage this browser gives: IndexedDB (readable), else localStorage, else memory.
    Returns (backend, the error that forced memory mode or None). Cases kept in localStorage by earlier
    versions of the app move into IndexedDB, and a rescue copy written on page hide moves along."""
    ls = LocalStorageBackend()
    problem: Optional[StoreError] = None
    try:
        _value(await _api().idbOpen())
        idb = IndexedDBBackend()
        await idb.get(META_KEY)  # readable?
    except StoreError as exc:
        problem = exc
        idb = None
    if idb is not None:
        try:
            await _move_from_local(ls, idb)
        except StoreError:
            pass  # localStorage is not usable: nothing to move
        return idb, None
    try:
        await ls.get(META_KEY)
        return ls, None
    except StoreError as exc:
        return MemoryBackend(), exc if problem is None or exc.kind != "broken" else problem


async def _move_from_local(ls: LocalStorageBackend, idb: IndexedDBBackend) -> None:
    keys = [k for k in await ls.keys() if k.startswith(PREFIX)]
    if not keys:
        return
    if await idb.get(CASE_KEY) is not None:
        keys = [k for k in keys if k == RESCUE_KEY]  # only the rescue copy; the rest stays until wiped
    if not keys:
        return
    items = {k: v for k in keys if (v := ls.get_now(k)) is not None}
    await idb.put(items)
    for key, value in items.items():  # verified before the originals go
        if await idb.get(key) != value:
            return
    ls.delete_now(list(items))


def write_rescue(text: str) -> bool:
    """Synchronous: keep the unsaved case in localStorage as the page goes away (IndexedDB is async)."""
    try:
        LocalStorageBackend().put_now({RESCUE_KEY: text})
        return True
    except StoreError:
        return False


def drop_rescue() -> None:
    try:
        LocalStorageBackend().delete_now([RESCUE_KEY])
    except StoreError:
        pass
