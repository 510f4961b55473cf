"""The app's persistence under CPython: save states tell the truth, every storage failure ends in a clear
state with a Dutch message, two tabs never overwrite each other, typing is one undo step, Eerdere
versies, Nieuw dossier keeps versions, Sessie beëindigen reaches other tabs."""
from __future__ import annotations

import datetime as dt

import pytest

from snv.messages import t
from snv.model import new_case, ops
from snv.storage.store import CaseStore, MemoryBackend, drive
from snv.ui import screens, view
from snv.ui.app import App, Host

NOW = dt.datetime(2026, 11, 25, 14, 32)


class TabHost(Host):
    """A tab: records renders, saves scheduled, downloads and what it broadcasts to the others."""

    def __init__(self, others: list | None = None):
        self.scheduled: list[int] = []
        self.downloads: list[tuple[str, str, str]] = []
        self.sent: list[dict] = []
        self.others = others if others is not None else []
        self.wiped = 0

    def schedule_save(self, delay_ms):
        self.scheduled.append(delay_ms)

    def download(self, filename, text, mime):
        self.downloads.append((filename, text, mime))

    def broadcast(self, message):
        self.sent.append(message)
        for app in self.others:
            app.on_other_tab(message)

    async def wipe_device(self):
        self.wiped += 1


@pytest.fixture(autouse=True, scope="module")
def _screens():
    screens.load_screens()


class Clock:
    def __init__(self):
        self.now = NOW

    def __call__(self):
        return self.now


def tab_app(backend, clock=None, others=None, naam="Sam"):
    clock = clock or Clock()
    store = CaseStore(backend, now=clock)
    loaded = drive(store.open())
    host = TabHost(others)
    app = App(loaded.case or new_case(naam), store=store, host=host, now=clock)
    return app, host


def status(app) -> str:
    return view.regions(app)["savestatus"]


# ----- failures end in a clear state -----

@pytest.mark.parametrize("error, kind", [("QuotaExceededError", "full"), ("NS_ERROR_DOM_QUOTA_REACHED", "full"),
                                          ("SecurityError", "denied"), ("TypeError", "broken")])
def test_every_storage_error_ends_in_not_saved_with_its_message(error, kind):
    backend = MemoryBackend()
    app, _ = tab_app(backend)
    app.apply(ops.add_person, "Marieke", label="M")
    assert app.save_now()
    backend.fail["put"] = error
    app.apply(ops.add_person, "Jan", label="J")
    assert not app.save_now()
    regions = view.regions(app)
    assert app.save_state == "failed" and app.store_problem == kind and app.unsaved
    assert t("ui.save.failed") in regions["savestatus"] and "Opslaan…" not in regions["savestatus"]
    assert t(f"err.store.{kind}") in regions["alerts"] and 'data-action="menu.save"' in regions["savefix"]
    del backend.fail["put"]  # room again: the next change saves and the warning goes
    app.apply(ops.add_person, "Kim", label="K")
    assert app.save_now() and app.save_state == "saved" and not app.alerts
    assert [p.naam for p in drive(CaseStore(backend).load()).personen] == ["Sam", "Marieke", "Jan", "Kim"]


def test_a_bug_in_the_backend_does_not_leave_saving_forever():
    class Broken(MemoryBackend):
        async def put(self, items):
            raise RuntimeError("adapter bug")

    app, _ = tab_app(Broken())
    app.apply(ops.add_person, "A", label="A")
    assert not app.save_now()
    assert app.save_state == "failed" and t("err.store.broken") in app.alerts


# ----- typing -----

def test_status_is_not_saved_while_text_is_typed():
    app, _ = tab_app(MemoryBackend())
    app.apply(ops.add_person, "A", label="A")
    app.save_now()
    assert "Opgeslagen" in status(app) and not app.unsaved
    app.set_drafting(True)
    assert "Opgeslagen" not in status(app) and app.unsaved
    app.set_drafting(False)  # typed back to what it was: nothing to store
    assert "Opgeslagen" in status(app) and not app.unsaved


def test_commits_of_one_field_while_typing_are_one_undo_step():
    app, _ = tab_app(MemoryBackend())
    pid = app.apply(ops.add_person, "Marieke", label="M")
    for text in ("t", "tan", "tante"):
        app.coalesce = "#person-rol"
        app.apply(ops.update_person, pid, rol=text, label=f"rol {text}")
        app.coalesce = None
    assert app.case.persoon(pid).rol == "tante" and app.undo_label == "rol tante"
    app.undo()
    assert app.case.persoon(pid).rol == "" and app.undo_label == "M"


# ----- two tabs -----

def test_other_tab_saved_shows_conflict_and_overwrites_nothing():
    backend = MemoryBackend()
    a, _ = tab_app(backend)
    a.apply(ops.add_person, "Van A", label="A")
    a.save_now()
    b, b_host = tab_app(backend, others=[a])
    b.apply(ops.add_person, "Van B", label="B")
    assert b.save_now()
    assert a.conflict and a.save_state == "conflict"  # told by the broadcast, before it even tries
    a.apply(ops.add_person, "Nog een van A", label="A2")
    assert not a.save_now()
    regions = view.regions(a)
    assert t("ui.store.conflict_title") in regions["alerts"] and 'data-action="store.keep"' in regions["alerts"]
    assert t("ui.save.conflict") in regions["savestatus"] and a.unsaved
    assert [p.naam for p in drive(CaseStore(backend).load()).personen] == ["Sam", "Van A", "Van B"]
    mine = a.case
    a.dispatch("store.keep", {})
    assert not a.conflict and [p.naam for p in a.case.personen] == ["Sam", "Van A", "Van B"]
    kept = [v for v in drive(a.store.versions()) if v.kind == "conflict"]
    assert drive(a.store.open_version(kept[0].id)) == mine
    a.apply(ops.add_person, "Verder", label="V")
    assert a.save_now()  # continues from their revision


def test_conflict_load_takes_theirs():
    backend = MemoryBackend()
    a, _ = tab_app(backend)
    a.mark_dirty()
    a.save_now()
    b, _ = tab_app(backend, others=[a])
    b.apply(ops.add_person, "Van B", label="B")
    b.save_now()
    a.dispatch("store.load", {})
    assert not a.conflict and [p.naam for p in a.case.personen] == ["Sam", "Van B"] and a.save_state == "saved"


def test_end_session_in_one_tab_drops_the_other_and_it_never_saves():
    backend = MemoryBackend()
    backend.data["ander:sleutel"] = "blijft"
    b, b_host = tab_app(backend)
    b.apply(ops.add_person, "Marieke", label="M")
    b.save_now()
    a, a_host = tab_app(backend, others=[b])
    a.dispatch("menu.end", {})
    assert t("ui.confirm.end_versions") in a.sheet.text
    a.dispatch("confirm.yes", {})
    assert list(backend.data) == ["ander:sleutel"] and a_host.wiped == 1 and a_host.sent[0] == {"t": "ended"}
    assert b.ended and b.store is None and "Marieke" not in str(view.regions(b))
    assert t("ui.store.ended_title") in view.regions(b)["content"]
    b.mark_dirty()
    assert b.save_now() and list(backend.data) == ["ander:sleutel"] and not b.unsaved


# ----- memory mode -----

def test_memory_mode_warns_all_the_time_and_offers_a_download():
    app, host = tab_app(MemoryBackend())
    app.memory = True
    app.apply(ops.add_person, "A", label="A")
    app.save_now()
    regions = view.regions(app)
    assert t("ui.save.memory") in regions["savestatus"] and "Opgeslagen" not in regions["savestatus"]
    assert t("ui.store.memory_title") in regions["alerts"] and 'data-action="store.download"' in regions["alerts"]
    assert app.unsaved
    app.dispatch("store.download", {})
    app.dispatch("export.json", {})
    assert host.downloads and not app.unsaved


# ----- Eerdere versies, Nieuw dossier -----

def test_new_case_keeps_the_current_one_as_a_version_and_it_can_be_opened_again():
    backend = MemoryBackend()
    clock = Clock()
    app, _ = tab_app(backend, clock)
    app.apply(ops.add_person, "Marieke", label="M")
    app.save_now()
    app.dispatch("menu.new", {})
    assert t("ui.confirm.new_versions") in app.sheet.text
    app.dispatch("confirm.yes", {})
    assert app.onboarding == "naam"
    clock.now += dt.timedelta(minutes=1)
    app.dispatch("onboard.naam", {"onboard-naam": "Kim"})
    app.dispatch("onboard.begin", {})
    app.apply(ops.add_person, "Oma", label="O")
    app.dispatch("app.menu", {})
    app.dispatch("menu.versions", {})
    assert app.sheet.kind == "versions"
    html = view.regions(app)["sheet"]
    kinds = [v.kind for v in app.versions]
    assert "replaced" in kinds and "Sam · 25-11-2026 om 14:32" in html
    old = next(v for v in app.versions if v.kind == "replaced")
    app.dispatch("versions.open", {"id": old.id})
    assert [p.naam for p in app.case.personen] == ["Sam", "Marieke"]
    assert [p.naam for p in drive(CaseStore(backend).load()).personen] == ["Sam", "Marieke"]
    assert any(v.alias == "Kim" for v in drive(app.store.versions()))  # Kim was kept first
    app.undo()
    assert [p.naam for p in app.case.personen] == ["Kim", "Oma"]


def test_broken_stored_case_can_be_found_downloaded_and_restored():
    backend = MemoryBackend()
    app, _ = tab_app(backend)
    app.apply(ops.add_person, "Marieke", label="M")
    app.save_now()
    good = backend.data["snv:case"]
    backend.data["snv:case"] = good[:-40]  # cut off: unreadable
    store = CaseStore(backend)
    loaded = drive(store.open())
    assert loaded.case is None and "Eerdere versies" in loaded.problem
    fresh = App(new_case(), store=store, host=TabHost(), now=Clock())
    fresh.dispatch("menu.versions", {})
    aside = next(v for v in fresh.versions if v.kind == "aside")
    fresh.dispatch("versions.download", {"id": aside.id})
    assert fresh.host.downloads[-1][1] == good[:-40]
    auto = next(v for v in fresh.versions if v.kind == "autosave")
    fresh.dispatch("versions.open", {"id": auto.id})
    assert fresh.case.klant.naam == "Sam"


def test_deleting_a_version_asks_and_names_it():
    backend = MemoryBackend()
    app, _ = tab_app(backend)
    app.mark_dirty()
    app.save_now()
    app.dispatch("menu.versions", {})
    version = app.versions[0]
    app.dispatch("versions.delete", {"id": version.id})
    assert app.sheet.kind == "confirm" and "Sam" in app.sheet.text and "14:32" in app.sheet.text
    app.dispatch("confirm.no", {})
    assert len(drive(app.store.versions())) == 1
    app.dispatch("menu.versions", {})
    app.dispatch("versions.delete", {"id": version.id})
    app.dispatch("confirm.yes", {})
    assert drive(app.store.versions()) == [] and app.sheet.kind == "versions" and app.versions == []
