"""localStorage as a storage.store.KeyValueStore (browser only).

`getItem` of a missing key returns pyodide's `jsnull`, not None; a full storage throws a DOMException
named QuotaExceededError, which becomes StorageFullError (the old value stays, as the browser does).
"""
from __future__ import annotations

from typing import Any, Optional

from ..storage.store import StorageFullError


class LocalStorageKV:
    def __init__(self, storage: Any = None):
        if storage is None:
            import js  # noqa: PLC0415 (browser only)

            storage = js.window.localStorage
        self._s = storage

    def get(self, key: str) -> Optional[str]:
        from pyodide.ffi import jsnull  # noqa: PLC0415

        value = self._s.getItem(key)
        if value is None or value is jsnull:
            return None
        return str(value)

    def set(self, key: str, value: str) -> None:
        from pyodide.ffi import JsException  # noqa: PLC0415

        try:
            self._s.setItem(key, value)
        except JsException as exc:
            name = str(getattr(exc, "name", "") or "")
            if "Quota" in name or "Quota" in str(exc) or "quota" in str(exc):
                raise StorageFullError() from None
            raise

    def remove(self, key: str) -> None:
        self._s.removeItem(key)

    def keys(self) -> list[str]:
        out = []
        for i in range(int(self._s.length)):
            key = self._s.key(i)
            if key is not None:
                out.append(str(key))
        return out
