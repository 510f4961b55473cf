"""Autosave of the current case in a key-value store (the browser's localStorage in the app, a dict
in tests and on the CLI). All keys start with "snv:" so *Sessie beëindigen* can wipe exactly ours.

Safety rules (lessons from Excalidraw's lost-data reports): a failed write leaves the previous value
as it was; a stored case that cannot be read is moved aside to a backup key, never thrown away.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Callable, Optional, Protocol, runtime_checkable

from ..messages import t
from ..model import Case, CaseError
from .jsonio import dumps_case, loads_case

PREFIX = "snv:"
CASE_KEY = "snv:case"
META_KEY = "snv:meta"
BACKUP_PREFIX = "snv:backup:"


class StorageFullError(Exception):
    """The store has no room left. The previous value of the key is unchanged."""

    def __init__(self, message: str | None = None):
        self.message = message or t("err.storage_full")
        super().__init__(self.message)


@runtime_checkable
class KeyValueStore(Protocol):
    def get(self, key: str) -> Optional[str]: ...
    def set(self, key: str, value: str) -> None: ...  # may raise StorageFullError
    def remove(self, key: str) -> None: ...
    def keys(self) -> list[str]: ...


class MemoryStore:
    """A dict-backed store. `quota` (UTF-8 bytes of all keys and values) simulates a full browser."""

    def __init__(self, quota: Optional[int] = None):
        self.quota = quota
        self._data: dict[str, str] = {}

    @staticmethod
    def _size(key: str, value: str) -> int:
        return len(key.encode("utf-8", "surrogatepass")) + len(value.encode("utf-8", "surrogatepass"))

    def used(self) -> int:
        return sum(self._size(k, v) for k, v in self._data.items())

    def get(self, key: str) -> Optional[str]:
        return self._data.get(key)

    def set(self, key: str, value: str) -> None:
        if self.quota is not None:
            old = self._size(key, self._data[key]) if key in self._data else 0
            if self.used() - old + self._size(key, value) > self.quota:
                raise StorageFullError()
        self._data[key] = value

    def remove(self, key: str) -> None:
        self._data.pop(key, None)

    def keys(self) -> list[str]:
        return list(self._data)


@dataclass(frozen=True)
class SavedInfo:
    saved_at: dt.datetime
    revision: int  # counts saves; another tab saving in between shows as a jump
    case_id: str


class CaseStore:
    """Save and load the one current case. `now` is injectable for tests."""

    def __init__(self, kv: KeyValueStore, now: Callable[[], dt.datetime] | None = None):
        self.kv = kv
        self._now = now or (lambda: dt.datetime.now().replace(microsecond=0))

    def save(self, case: Case) -> SavedInfo:
        """Store `case`. Raises StorageFullError; then the previously stored case is still there."""
        text = dumps_case(case)
        old = self.info()
        self.kv.set(CASE_KEY, text)
        info = SavedInfo(self._now(), (old.revision if old else 0) + 1, case.id)
        meta = json.dumps({"saved_at": info.saved_at.isoformat(), "revision": info.revision,
                           "case_id": info.case_id})
        try:
            self.kv.set(META_KEY, meta)
        except StorageFullError:
            # the case itself is safe; a stale time would mislead, so drop it
            self.kv.remove(META_KEY)
        return info

    def info(self) -> Optional[SavedInfo]:
        """When the stored case was last saved, or None if unknown."""
        raw = self.kv.get(META_KEY)
        if not raw:
            return None
        try:
            meta = json.loads(raw)
            return SavedInfo(dt.datetime.fromisoformat(meta["saved_at"]), int(meta["revision"]),
                             str(meta["case_id"]))
        except (ValueError, TypeError, KeyError):
            return None

    @property
    def saved_at(self) -> Optional[dt.datetime]:
        info = self.info()
        return info.saved_at if info else None

    def load(self) -> Optional[Case]:
        """The stored case, or None if there is none. Unreadable data is moved to a backup key and
        CaseError(t("err.stored_broken")) is raised, so the app can start fresh without losing it."""
        text = self.kv.get(CASE_KEY)
        if text is None:
            return None
        try:
            return loads_case(text)
        except CaseError as exc:
            self._move_to_backup(text)
            raise CaseError(t("err.stored_broken")) from exc

    def _backup_key(self) -> str:
        base = BACKUP_PREFIX + self._now().isoformat(timespec="seconds").replace(":", "-")
        key, n = base, 1
        existing = set(self.kv.keys())
        while key in existing:
            n += 1
            key = f"{base}-{n}"
        return key

    def _move_to_backup(self, text: str) -> None:
        key = self._backup_key()
        try:
            self.kv.set(key, text)
        except StorageFullError:
            # No room for a copy: free the original's place first, then write it under the new key.
            self.kv.remove(CASE_KEY)
            try:
                self.kv.set(key, text)
            except StorageFullError:
                self.kv.set(CASE_KEY, text)  # fits: it was there a moment ago
                return
        self.kv.remove(CASE_KEY)
        self.kv.remove(META_KEY)

    def backups(self) -> list[str]:
        """Keys of moved-aside cases, oldest first."""
        return sorted(k for k in self.kv.keys() if k.startswith(BACKUP_PREFIX))

    def clear_all(self) -> None:
        """Remove every key of this app (Sessie beëindigen); other keys are left alone."""
        for key in self.kv.keys():
            if key.startswith(PREFIX):
                self.kv.remove(key)
