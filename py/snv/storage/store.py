"""Autosave of the current case: revisions, verification, conflicts between tabs, earlier versions.

Pure Python. The storage itself is a `Backend` with async methods: IndexedDB or localStorage in the
browser (ui/localstore.py), `MemoryBackend` in tests, on the CLI and when the browser gives no storage.
All keys start with "snv:" so *Sessie beëindigen* can wipe exactly ours.

Rules (each one is a way data was lost before):
- A write is compare-and-set: the stored revision must be the one this tab last loaded or wrote.
  Otherwise another tab saved in between; we raise ConflictError and overwrite nothing.
- Every write is read back and compared; a store that says "done" but holds something else is a failure.
- A stored case that cannot be read is kept aside as a version, never thrown away or overwritten.
- Every failure is a StoreError with a kind ("full", "denied", "broken", "verify") and a Dutch message.
- A few earlier versions are kept (one per few minutes) so a mistake or a broken copy can be undone.

`drive(coro)` runs a coroutine that never waits on anything real (MemoryBackend) to its end, so the
unit tests and the app's default Host stay synchronous.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Optional, Protocol

from ..messages import t
from ..model import Case, CaseError
from ..model.limits import MAX_FILE_BYTES
from .jsonio import dumps_case, loads_case, loads_json

PREFIX = "snv:"
CASE_KEY = "snv:case"
META_KEY = "snv:meta"
INDEX_KEY = "snv:versions"
VERSION_PREFIX = "snv:v:"
LEGACY_BACKUP_PREFIX = "snv:backup:"  # kept-aside copies written by earlier app versions
RESCUE_KEY = "snv:rescue"  # written synchronously when the page goes away (see ui/browser.py)
PREVIEW_KEY = "snv:preview"  # what the next start shows while Python loads (render/preview.py)
RESCUE_LIMIT = 4 * MAX_FILE_BYTES  # the rescue wraps a whole case as an escaped JSON string

AUTOSAVE_KEEP = 10  # the last N autosaves are kept as versions …
AUTOSAVE_EVERY = dt.timedelta(minutes=3)  # … one per this much time

# Kinds of version: autosave (from the ring), aside (a stored case that could not be read),
# conflict (this tab's case when another tab had saved), replaced (the case before one was opened).
KEPT_KINDS = ("aside", "conflict", "replaced")

QUOTA_NAMES = {"QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED", "NS_ERROR_FILE_NO_DEVICE_SPACE"}
QUOTA_CODES = {22, 1014}
DENIED_NAMES = {"SecurityError", "NotAllowedError", "InvalidStateError", "UnknownError", "NotFoundError",
                "VersionError", "AbortError"}


# ----- errors -----

class StoreError(Exception):
    """Storage failed. `kind`: full | denied | broken | verify. The stored case is unchanged."""

    def __init__(self, kind: str, detail: str = ""):
        self.kind = kind
        self.detail = detail
        self.message = t(f"err.store.{kind}")
        super().__init__(f"{kind}: {detail}" if detail else kind)


class StorageFullError(StoreError):
    def __init__(self, detail: str = ""):
        super().__init__("full", detail)


class ConflictError(StoreError):
    """Another tab saved since this tab loaded or wrote; nothing was written."""

    def __init__(self, theirs: "Optional[SavedInfo]"):
        self.theirs = theirs
        super().__init__("conflict")


def classify(name: Any = "", code: Any = None, message: Any = "") -> str:
    """The kind of a browser storage error from its DOMException name and legacy code (not a substring
    of its text): quota → "full"; refused or unavailable storage → "denied"; anything else → "broken"."""
    name = str(name or "")
    try:
        number = int(code) if code is not None else None
    except (TypeError, ValueError):
        number = None
    if name in QUOTA_NAMES or number in QUOTA_CODES:
        return "full"
    if name in DENIED_NAMES or number == 18:  # 18: SECURITY_ERR
        return "denied"
    return "broken"


def error_from(name: Any = "", code: Any = None, message: Any = "") -> StoreError:
    kind = classify(name, code, message)
    detail = f"{name} {code if code is not None else ''} {message}".strip()
    return StorageFullError(detail) if kind == "full" else StoreError(kind, detail)


# ----- backends -----

class Backend(Protocol):
    """Async key-value storage. Methods raise StoreError. `put` writes all items or none."""

    async def get(self, key: str) -> Optional[str]: ...
    async def put(self, items: dict[str, str]) -> None: ...
    async def delete(self, keys: list[str]) -> None: ...
    async def keys(self) -> list[str]: ...


class MemoryBackend:
    """A dict. `quota` (UTF-8 bytes of keys and values) simulates a full browser; `fail` maps an
    operation ("get", "put", "delete", "keys") to an error name that it raises, like a broken browser.
    Two CaseStores on one MemoryBackend behave like two tabs."""

    def __init__(self, quota: Optional[int] = None):
        self.quota = quota
        self.data: dict[str, str] = {}
        self.fail: dict[str, str] = {}
        self.corrupt_writes = False  # the store says "done" but keeps something else

    @staticmethod
    def _size(key: str, value: str) -> int:
        return len(key.encode("utf-8", "surrogatepass")) + len(value.encode("utf-8", "surrogatepass"))

    def used(self) -> int:
        return sum(self._size(k, v) for k, v in self.data.items())

    def _check(self, op: str) -> None:
        if op in self.fail:
            raise error_from(self.fail[op], None, "test")

    async def get(self, key: str) -> Optional[str]:
        self._check("get")
        return self.data.get(key)

    async def put(self, items: dict[str, str]) -> None:
        self._check("put")
        if self.quota is not None:
            after = dict(self.data, **items)
            if sum(self._size(k, v) for k, v in after.items()) > self.quota:
                raise StorageFullError("memory quota")
        for key, value in items.items():
            self.data[key] = value[: len(value) // 2] if self.corrupt_writes else value

    async def delete(self, keys: list[str]) -> None:
        self._check("delete")
        for key in keys:
            self.data.pop(key, None)

    async def keys(self) -> list[str]:
        self._check("keys")
        return list(self.data)


def drive(awaitable: Awaitable) -> Any:
    """Run a coroutine that never really waits (MemoryBackend) to its end and return its result."""
    coro = awaitable.__await__()
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value


# ----- what is stored -----

@dataclass(frozen=True)
class SavedInfo:
    saved_at: dt.datetime
    revision: int  # counts saves of this browser; a tab checks it before it writes
    case_id: str
    tab: str = ""

    def to_json(self) -> str:
        return json.dumps({"saved_at": self.saved_at.isoformat(), "revision": self.revision,
                           "case_id": self.case_id, "tab": self.tab})

    @staticmethod
    def from_json(raw: Optional[str]) -> "Optional[SavedInfo]":
        if not raw:
            return None
        try:
            meta: Any = loads_json(raw)  # depth-checked: nothing read back from storage is trusted
            return SavedInfo(dt.datetime.fromisoformat(meta["saved_at"]), int(meta["revision"]),
                             str(meta["case_id"]), str(meta.get("tab", "")))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


@dataclass(frozen=True)
class Version:
    id: str
    kind: str  # autosave | aside | conflict | replaced
    saved_at: dt.datetime
    alias: str  # the client's name in that copy ("" if it could not be read)
    size: int  # characters of the stored text

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "saved_at": self.saved_at.isoformat(), "alias": self.alias,
                "size": self.size}

    @staticmethod
    def from_dict(d: dict) -> "Version":
        return Version(str(d["id"]), str(d["kind"]), dt.datetime.fromisoformat(d["saved_at"]), str(d.get("alias", "")),
                       int(d.get("size", 0)))


@dataclass
class Loaded:
    """What `open` found: the case (or None), and a problem to tell the user about."""
    case: Optional[Case]
    info: Optional[SavedInfo]
    problem: Optional[str] = None  # Dutch message
    rescued: bool = False  # the case came from the rescue copy written when the page went away


def _alias_of(text: str) -> str:
    try:
        return loads_case(text).klant.naam
    except (CaseError, Exception):  # noqa: BLE001 - any unreadable copy simply has no alias
        return ""


class CaseStore:
    """Save and load the one current case for one tab. `tab` names this tab in the stored metadata."""

    def __init__(self, backend: Backend, *, tab: str = "", now: Callable[[], dt.datetime] | None = None):
        self.backend = backend
        self.tab = tab
        self._now = now or (lambda: dt.datetime.now().replace(microsecond=0))
        self.revision: Optional[int] = None  # what this tab last loaded or wrote (None: not opened yet)
        self.blocked = False  # an unreadable stored case could not be kept aside: never overwrite it

    # ----- reading -----

    async def info(self) -> Optional[SavedInfo]:
        return SavedInfo.from_json(await self.backend.get(META_KEY))

    async def open(self) -> Loaded:
        """Load the stored case and remember its revision. An unreadable case is kept aside as a
        version (and stays where it is until something else is saved); it is never lost."""
        info = await self.info()
        text = await self.backend.get(CASE_KEY)
        self.revision = info.revision if info else 0
        rescue = await self._take_rescue(text)
        if rescue is not None:
            return Loaded(rescue, info, rescued=True)
        if text is None:
            return Loaded(None, info)
        try:
            case = loads_case(text)
        except CaseError:
            self.blocked = not await self._keep_aside(text, "aside")
            return Loaded(None, info, problem=t("err.store.stored_broken"))
        return Loaded(case, info)

    async def load(self) -> Optional[Case]:
        """The stored case or None (errors: CaseError if unreadable; it is kept aside first)."""
        loaded = await self.open()
        if loaded.problem:
            raise CaseError(loaded.problem)
        return loaded.case

    async def _take_rescue(self, stored_text: Optional[str]) -> Optional[Case]:
        """The page went away before its last edits were saved; they were written synchronously to
        RESCUE_KEY with the revision they were based on. Newer than the stored case → use it; based on
        an older revision (another tab saved since) → keep it as a version, so nothing is lost."""
        raw = await self.backend.get(RESCUE_KEY)
        if raw is None:
            return None
        try:
            data: Any = loads_json(raw, limit=RESCUE_LIMIT)
            text, base = str(data["case"]), int(data["base"])
        except (ValueError, TypeError, KeyError):
            await self.backend.delete([RESCUE_KEY])
            return None
        result = None
        if text != stored_text:
            if base == self.revision:
                try:
                    result = loads_case(text)
                except CaseError:
                    result = None
            if result is None:
                await self._keep_aside(text, "conflict")
        if result is None:
            await self.backend.delete([RESCUE_KEY])
        return result  # the rescue key is removed after the next successful save

    # ----- writing -----

    async def save(self, case: Case, beside: Optional[dict[str, str]] = None) -> SavedInfo:
        """Write `case` if the stored revision is still ours; read it back to be sure.
        Raises ConflictError (another tab saved) or StoreError; then nothing stored changed.
        `beside`: more of our keys written in the same step (the start preview), not read back."""
        if self.blocked:
            raise StorageFullError("the unreadable stored case could not be kept aside")
        text = dumps_case(case)
        raw = await self.backend.get(META_KEY)
        stored = SavedInfo.from_json(raw)
        stored_rev = stored.revision if stored else 0
        if raw and stored is None and self.revision is not None:
            stored_rev = self.revision  # unreadable metadata tells nothing about other tabs: go on
        if self.revision is None:
            self.revision = stored_rev
        if stored_rev != self.revision:
            raise ConflictError(stored)
        info = SavedInfo(self._now(), stored_rev + 1, case.id, self.tab)
        items = {CASE_KEY: text, META_KEY: info.to_json()}
        extra = {k: v for k, v in (beside or {}).items() if k.startswith(PREFIX) and k not in items}
        try:
            await self.backend.put({**extra, **items})
        except StorageFullError:
            if extra:  # the case first: without what goes beside it, and no stale copy of that either
                with contextlib.suppress(StoreError):
                    await self.backend.delete(list(extra))
            try:
                await self.backend.put(items)
            except StorageFullError:
                if not await self._prune_autosaves(keep=0):
                    raise
                await self.backend.put(items)  # room made by dropping old autosaves; may raise again
        if await self.backend.get(CASE_KEY) != text or SavedInfo.from_json(await self.backend.get(META_KEY)) != info:
            raise StoreError("verify")
        self.revision = info.revision
        await self._drop_rescue()
        await self._ring(text, case.klant.naam)
        return info

    async def _drop_rescue(self) -> None:
        try:
            if await self.backend.get(RESCUE_KEY) is not None:
                await self.backend.delete([RESCUE_KEY])
        except StoreError:
            pass

    def rescue_text(self, case: Case) -> str:
        """What the browser writes synchronously under RESCUE_KEY when the page goes away unsaved."""
        return json.dumps({"base": self.revision or 0, "case": dumps_case(case)})

    # ----- versions -----

    async def versions(self) -> list[Version]:
        """Kept copies, newest first: kept-aside ones and the last autosaves."""
        found = list(await self._index())
        known = {v.id for v in found}
        for key in await self.backend.keys():  # copies kept aside by earlier app versions
            if key.startswith(LEGACY_BACKUP_PREFIX) and key not in known:
                text = await self.backend.get(key) or ""
                stamp = key[len(LEGACY_BACKUP_PREFIX):]
                try:
                    when = dt.datetime.fromisoformat(stamp[:10] + "T" + stamp[11:19].replace("-", ":"))
                except ValueError:
                    when = dt.datetime(2000, 1, 1)
                found.append(Version(key, "aside", when, _alias_of(text), len(text)))
        return sorted(found, key=lambda v: (v.saved_at, v.id), reverse=True)

    async def version_text(self, vid: str) -> Optional[str]:
        return await self.backend.get(self._version_key(vid))

    async def open_version(self, vid: str) -> Case:
        text = await self.version_text(vid)
        if text is None:
            raise CaseError(t("err.store.version_gone"))
        return loads_case(text)

    async def keep(self, case: Case, kind: str) -> Version:
        """Keep `case` as a version (e.g. the current case before an earlier one is opened)."""
        return await self._add_version(dumps_case(case), kind, case.klant.naam)

    async def delete_version(self, vid: str) -> None:
        index = [v for v in await self._index() if v.id != vid]
        await self.backend.put({INDEX_KEY: json.dumps([v.to_dict() for v in index])})
        await self.backend.delete([self._version_key(vid)])

    async def delete_data_keep_versions(self) -> None:
        """Nieuw dossier: forget the current case (and its start preview), keep every version (the next
        save starts over)."""
        await self.backend.delete([CASE_KEY, RESCUE_KEY, PREVIEW_KEY])

    @staticmethod
    def _version_key(vid: str) -> str:
        return vid if vid.startswith(LEGACY_BACKUP_PREFIX) else VERSION_PREFIX + vid

    async def _index(self) -> list[Version]:
        raw = await self.backend.get(INDEX_KEY)
        if not raw:
            return []
        try:
            index: Any = loads_json(raw)
            return [Version.from_dict(d) for d in index]
        except (ValueError, TypeError, KeyError, AttributeError):
            return []

    async def _add_version(self, text: str, kind: str, alias: str) -> Version:
        index = await self._index()
        when = self._now()
        base = when.strftime("%Y%m%dT%H%M%S")
        ids = {v.id for v in index}
        vid, n = base, 1
        while vid in ids:
            n += 1
            vid = f"{base}-{n}"
        version = Version(vid, kind, when, alias, len(text))
        items = {self._version_key(vid): text, INDEX_KEY: json.dumps([v.to_dict() for v in index + [version]])}
        try:
            await self.backend.put(items)
        except StorageFullError:
            if not await self._prune_autosaves(keep=0):
                raise
            index = await self._index()
            items[INDEX_KEY] = json.dumps([v.to_dict() for v in index + [version]])
            await self.backend.put(items)
        return version

    async def _keep_aside(self, text: str, kind: str) -> bool:
        """Keep an unreadable or overruled case as a version. False if even that failed."""
        try:
            await self._add_version(text, kind, _alias_of(text))
        except StoreError:
            return False
        return True

    async def _ring(self, text: str, alias: str) -> None:
        """The last AUTOSAVE_KEEP autosaves, one per AUTOSAVE_EVERY: within that time the newest slot
        is updated, so the newest version is always the last save. Best effort: a version that does
        not fit is skipped (the case itself is saved already)."""
        now = self._now()
        try:
            index = await self._index()
            autos = sorted((v for v in index if v.kind == "autosave"), key=lambda v: v.saved_at)
            slot = autos[-1] if autos else None
            if slot is not None and now - dt.datetime.strptime(slot.id[:15], "%Y%m%dT%H%M%S") < AUTOSAVE_EVERY:
                fresh = Version(slot.id, "autosave", now, alias, len(text))
                rest = [v for v in index if v.id != slot.id]
                await self.backend.put({self._version_key(slot.id): text,
                                        INDEX_KEY: json.dumps([v.to_dict() for v in rest + [fresh]])})
            else:
                await self._add_version(text, "autosave", alias)
                await self._prune_autosaves(keep=AUTOSAVE_KEEP)
        except (StoreError, ValueError):
            pass

    async def _prune_autosaves(self, keep: int) -> bool:
        """Drop the oldest autosave versions beyond `keep`; kept-aside ones are never dropped here.
        Returns whether anything was dropped."""
        index = await self._index()
        autos = sorted((v for v in index if v.kind == "autosave"), key=lambda v: v.saved_at)
        drop = autos[: max(0, len(autos) - keep)]
        if not drop:
            return False
        ids = {v.id for v in drop}
        await self.backend.delete([self._version_key(v.id) for v in drop])
        await self.backend.put({INDEX_KEY: json.dumps([v.to_dict() for v in index if v.id not in ids])})
        return True

    # ----- conflicts and wiping -----

    async def take_theirs(self) -> Loaded:
        """Another tab saved: load its case and continue from its revision."""
        self.revision = None
        return await self.open()

    async def keep_mine_then_take_theirs(self, mine: Case) -> Loaded:
        await self.keep(mine, "conflict")
        return await self.take_theirs()

    async def clear_all(self) -> None:
        """Remove every key of this app (Sessie beëindigen); other keys are left alone."""
        await self.backend.delete([k for k in await self.backend.keys() if k.startswith(PREFIX)])
        self.revision = None
        self.blocked = False
