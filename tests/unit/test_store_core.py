"""The autosave store (storage/store.py) on an in-memory backend: revisions and compare-and-set between
tabs, read-back verification, error kinds, kept-aside copies, the autosave ring, the page-hide rescue."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from snv.messages import t
from snv.model import CaseError, new_case, ops
from snv.storage.jsonio import dumps_case
from snv.storage.store import (AUTOSAVE_KEEP, CASE_KEY, INDEX_KEY, META_KEY, RESCUE_KEY, CaseStore, ConflictError,
                               MemoryBackend, StorageFullError, StoreError, classify, drive)


class Clock:
    def __init__(self):
        self.now = dt.datetime(2025, 6, 12, 14, 32, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def later(self, minutes: float) -> None:
        self.now += dt.timedelta(minutes=minutes)


@pytest.fixture
def clock():
    return Clock()


def tab(backend, clock, name="A"):
    return CaseStore(backend, tab=name, now=clock)


# ----- saving and loading -----

def test_save_and_load_counts_revisions(demo_case, clock):
    store = tab(MemoryBackend(), clock)
    assert drive(store.load()) is None and drive(store.info()) is None
    info = drive(store.save(demo_case))
    assert drive(store.load()) == demo_case
    assert info.revision == 1 and info.case_id == demo_case.id and info.saved_at == clock.now and info.tab == "A"
    assert drive(store.save(demo_case)).revision == 2 and store.revision == 2


def test_all_keys_are_prefixed(small_case, clock):
    backend = MemoryBackend()
    drive(tab(backend, clock).save(small_case))
    assert backend.data and all(k.startswith("snv:") for k in backend.data)


def test_full_store_keeps_previous_case(small_case, demo_case, clock):
    backend = MemoryBackend()
    store = tab(backend, clock)
    drive(store.save(small_case))
    backend.quota = backend.used() + 100
    before = dict(backend.data)
    with pytest.raises(StorageFullError) as info:
        drive(store.save(demo_case))
    assert info.value.message == t("err.store.full") and "de browser is vol" in info.value.message
    # the case and its revision are untouched (old autosave copies may have been dropped to make room)
    assert {k: backend.data[k] for k in (CASE_KEY, META_KEY)} == {k: before[k] for k in (CASE_KEY, META_KEY)}
    assert drive(store.load()) == small_case


def test_full_store_drops_old_autosaves_to_make_room_for_the_case(small_case, clock):
    backend = MemoryBackend()
    store = tab(backend, clock)
    for i in range(4):
        drive(store.save(ops.add_person(small_case, f"P{i}")[0]))
        clock.later(5)
    assert len([v for v in drive(store.versions()) if v.kind == "autosave"]) == 4
    backend.quota = backend.used()  # full: the next, bigger case only fits without the old autosaves
    bigger = ops.add_person(small_case, "Iemand met een naam")[0]
    drive(store.save(bigger))
    assert drive(store.load()) == bigger


def test_every_save_is_read_back(small_case, clock):
    backend = MemoryBackend()
    store = tab(backend, clock)
    backend.corrupt_writes = True  # the browser says "done" but keeps half
    with pytest.raises(StoreError) as info:
        drive(store.save(small_case))
    assert info.value.kind == "verify" and info.value.message == t("err.store.verify")


@pytest.mark.parametrize("name, code, kind", [
    ("QuotaExceededError", 22, "full"),
    ("NS_ERROR_DOM_QUOTA_REACHED", 1014, "full"),  # old Firefox
    ("", 22, "full"),
    ("", 1014, "full"),
    ("SecurityError", 18, "denied"),
    ("InvalidStateError", 11, "denied"),
    ("TypeError", None, "broken"),
    ("Error", 0, "broken"),
    ("NotQuotaExceededButSimilar", None, "broken"),  # a name, not a substring, decides
])
def test_errors_are_classified_by_name_and_code(name, code, kind):
    assert classify(name, code, "Quota is mentioned in this message") == kind


@pytest.mark.parametrize("error, kind", [("SecurityError", "denied"), ("TypeError", "broken"),
                                          ("NS_ERROR_DOM_QUOTA_REACHED", "full")])
def test_a_failing_write_is_a_store_error_with_a_dutch_message(small_case, clock, error, kind):
    backend = MemoryBackend()
    store = tab(backend, clock)
    drive(store.save(small_case))
    before = dict(backend.data)
    backend.fail["put"] = error
    with pytest.raises(StoreError) as info:
        drive(store.save(ops.add_person(small_case, "X")[0]))
    assert info.value.kind == kind and info.value.message == t(f"err.store.{kind}")
    assert "Error" not in info.value.message
    assert {k: backend.data[k] for k in (CASE_KEY, META_KEY)} == {k: before[k] for k in (CASE_KEY, META_KEY)}


# ----- two tabs -----

def test_second_tab_does_not_overwrite_what_the_first_saved(small_case, clock):
    backend = MemoryBackend()
    a, b = tab(backend, clock, "A"), tab(backend, clock, "B")
    drive(a.save(small_case))
    assert drive(b.load()) == small_case
    theirs = ops.add_person(small_case, "Van B")[0]
    drive(b.save(theirs))
    mine = ops.add_person(small_case, "Van A")[0]
    with pytest.raises(ConflictError) as info:
        drive(a.save(mine))
    assert info.value.theirs.tab == "B" and info.value.message == t("err.store.conflict")
    assert drive(CaseStore(backend).load()) == theirs


def test_keep_mine_as_a_copy_then_take_theirs(small_case, clock):
    backend = MemoryBackend()
    a, b = tab(backend, clock, "A"), tab(backend, clock, "B")
    drive(a.save(small_case))
    drive(b.load())
    theirs = ops.add_person(small_case, "Van B")[0]
    drive(b.save(theirs))
    mine = ops.add_person(small_case, "Van A")[0]
    loaded = drive(a.keep_mine_then_take_theirs(mine))
    assert loaded.case == theirs
    kept = [v for v in drive(a.versions()) if v.kind == "conflict"]
    assert len(kept) == 1 and drive(a.open_version(kept[0].id)) == mine
    drive(a.save(ops.add_person(theirs, "Verder")[0]))  # a continues from their revision


def test_end_session_in_one_tab_is_not_undone_by_the_other(small_case, clock):
    backend = MemoryBackend()
    a, b = tab(backend, clock, "A"), tab(backend, clock, "B")
    drive(a.save(small_case))
    drive(b.load())
    drive(a.clear_all())
    with pytest.raises(ConflictError):
        drive(b.save(ops.add_person(small_case, "Na het einde")[0]))
    assert backend.data == {}


# ----- unreadable stored cases -----

@pytest.mark.parametrize("stored", ["{kapot", '{"personen": "niets"}', '{"schema_version": 99, "personen": []}', ""])
def test_broken_stored_case_is_kept_aside_and_listed(stored, clock):
    backend = MemoryBackend()
    backend.data[CASE_KEY] = stored
    backend.data[META_KEY] = json.dumps({"saved_at": "2025-01-01T00:00:00", "revision": 3, "case_id": "x"})
    store = tab(backend, clock)
    loaded = drive(store.open())
    assert loaded.case is None and loaded.problem == t("err.store.stored_broken")
    assert "Eerdere versies" in loaded.problem
    versions = drive(store.versions())
    assert [v.kind for v in versions] == ["aside"] and versions[0].size == len(stored)
    assert drive(store.version_text(versions[0].id)) == stored  # the exact old data
    drive(store.save(new_case("Nieuw")))  # the app goes on with a new case …
    assert drive(store.version_text(versions[0].id)) == stored  # … the old one stays


def test_broken_case_that_cannot_be_kept_aside_is_never_overwritten(clock):
    broken = "{kapot" + "x" * 200
    backend = MemoryBackend(quota=len(CASE_KEY) + len(broken) + 5)
    backend.data[CASE_KEY] = broken
    store = tab(backend, clock)
    assert drive(store.open()).problem
    with pytest.raises(StorageFullError):
        drive(store.save(new_case("Nieuw")))
    assert backend.data[CASE_KEY] == broken


def test_copies_kept_aside_by_older_versions_are_listed(clock):
    backend = MemoryBackend()
    text = dumps_case(new_case("Oud"))
    backend.data["snv:backup:2025-05-01T10-00-00"] = text
    versions = drive(tab(backend, clock).versions())
    assert [(v.kind, v.alias, v.saved_at) for v in versions] == [("aside", "Oud", dt.datetime(2025, 5, 1, 10))]
    assert drive(tab(backend, clock).open_version(versions[0].id)).klant.naam == "Oud"


def test_corrupt_meta_is_ignored(small_case, clock):
    backend = MemoryBackend()
    store = tab(backend, clock)
    drive(store.save(small_case))
    backend.data[META_KEY] = "niet json"
    assert drive(store.info()) is None and drive(store.load()) == small_case
    drive(store.save(small_case))


# ----- the autosave ring -----

def test_autosave_ring_keeps_one_per_few_minutes_and_the_last_n(small_case, clock):
    store = tab(MemoryBackend(), clock)
    case = small_case
    for i in range(AUTOSAVE_KEEP + 5):
        case = ops.add_person(case, f"P{i}")[0]
        drive(store.save(small_case))
        clock.later(1)
        drive(store.save(case))  # a later save in the same few minutes updates that slot
        clock.later(3)
    autos = drive(store.versions())
    assert len(autos) == AUTOSAVE_KEEP and all(v.kind == "autosave" for v in autos)
    assert autos[0].saved_at > autos[-1].saved_at  # newest first
    assert all(drive(store.open_version(v.id)) != small_case for v in autos)  # each slot holds its last save
    assert drive(store.open_version(autos[0].id)) == case
    assert autos[0].alias == small_case.klant.naam


def test_delete_version_removes_only_that_one(small_case, clock):
    backend = MemoryBackend()
    store = tab(backend, clock)
    first = drive(store.keep(small_case, "replaced"))
    clock.later(1)
    second = drive(store.keep(new_case("Kim"), "replaced"))
    drive(store.delete_version(first.id))
    assert [v.id for v in drive(store.versions())] == [second.id]
    assert all(first.id not in k for k in backend.data)


def test_new_case_keeps_versions(small_case, clock):
    backend = MemoryBackend()
    store = tab(backend, clock)
    drive(store.save(small_case))
    drive(store.keep(small_case, "replaced"))
    drive(store.delete_data_keep_versions())
    assert drive(store.load()) is None and len(drive(store.versions())) == 2
    drive(store.save(new_case("Kim")))  # the revision goes on: no conflict with itself


def test_clear_all_removes_only_our_keys(demo_case, clock):
    backend = MemoryBackend()
    backend.data.update({"ander-programma": "blijft", "snvx": "ook niet van ons"})
    store = tab(backend, clock)
    drive(store.save(demo_case))
    drive(store.keep(demo_case, "replaced"))
    drive(store.clear_all())
    assert sorted(backend.data) == ["ander-programma", "snvx"]


# ----- the rescue copy written when the page goes away -----

def test_rescue_copy_newer_than_the_stored_case_is_used(small_case, clock):
    backend = MemoryBackend()
    store = tab(backend, clock)
    drive(store.save(small_case))
    typed = ops.add_person(small_case, "Net getypt")[0]
    backend.data[RESCUE_KEY] = store.rescue_text(typed)  # the page went away before the save
    again = tab(backend, clock)
    loaded = drive(again.open())
    assert loaded.case == typed and loaded.rescued
    drive(again.save(loaded.case))
    assert RESCUE_KEY not in backend.data and drive(tab(backend, clock).load()) == typed


def test_rescue_copy_based_on_an_older_revision_is_kept_as_a_version(small_case, clock):
    backend = MemoryBackend()
    a, b = tab(backend, clock, "A"), tab(backend, clock, "B")
    drive(a.save(small_case))
    drive(b.load())
    mine = ops.add_person(small_case, "Van A")[0]
    rescue = a.rescue_text(mine)
    theirs = ops.add_person(small_case, "Van B")[0]
    drive(b.save(theirs))
    backend.data[RESCUE_KEY] = rescue
    loaded = drive(tab(backend, clock).open())
    assert loaded.case == theirs and not loaded.rescued
    kept = [v for v in drive(a.versions()) if v.kind == "conflict"]
    assert len(kept) == 1 and drive(a.open_version(kept[0].id)) == mine
    assert RESCUE_KEY not in backend.data


def test_rescue_equal_to_stored_case_is_dropped(small_case, clock):
    backend = MemoryBackend()
    store = tab(backend, clock)
    drive(store.save(small_case))
    backend.data[RESCUE_KEY] = json.dumps({"base": 0, "case": dumps_case(small_case)})
    loaded = drive(tab(backend, clock).open())
    assert loaded.case == small_case and RESCUE_KEY not in backend.data
    assert INDEX_KEY in backend.data  # only the first autosave version, no conflict copy
    assert [v.kind for v in drive(store.versions())] == ["autosave"]


def test_unreadable_store_at_boot_is_a_store_error(clock):
    backend = MemoryBackend()
    backend.fail["get"] = "SecurityError"
    with pytest.raises(StoreError) as info:
        drive(tab(backend, clock).open())
    assert info.value.kind == "denied"


def test_unreadable_version_is_a_dutch_case_error(clock):
    store = tab(MemoryBackend(), clock)
    with pytest.raises(CaseError):
        drive(store.open_version("bestaat-niet"))
