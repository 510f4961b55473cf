"""Issue 13 in the app (CPython): the start preview saved beside the case (and wiped with it), the banner
of a new version (never during an edit), the figures while networkx still loads."""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from snv import messages
from snv.model import ops
from snv.model.case import Privetijd
from snv.model.demo import demo_case
from snv.render import preview
from snv.storage.store import CASE_KEY, PREVIEW_KEY, CaseStore, MemoryBackend, drive
from snv.ui import actions, update, view
from snv.ui.app import App, Host
from snv.ui.sheets import MenuSheet

NOW = dt.datetime(2026, 11, 25, 14, 32)


class UpdateHost(Host):
    def __init__(self) -> None:
        self.applied = 0

    def apply_update(self) -> None:
        self.applied += 1


def make_app(case=None, backend=None):
    host = UpdateHost()
    store = CaseStore(backend or MemoryBackend(), now=lambda: NOW)
    return App(case or demo_case(), store=store, host=host, now=lambda: NOW), host


def saved_preview(backend: MemoryBackend) -> dict:
    return json.loads(backend.data[PREVIEW_KEY])


# ----- the start preview -----

def test_each_save_puts_the_preview_beside_the_case_in_the_same_store():
    backend = MemoryBackend()
    app, _ = make_app(backend=backend)
    app.mark_dirty()
    assert app.save_now()
    record = saved_preview(backend)
    assert record["v"] == 1 and record["lang"] == "nl" and record["naam"] == "Sam"
    assert record["loading"] == "Bezig met laden…" and record["title"] == "Relatiekaart van Sam"
    assert [b["label"] for b in record["bar"]] == [label for _, label, _ in view.bar_items(app.case, privetijd=False)]
    svg = ET.fromstring(record["map"])  # a file of its own: shown as an <img>
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and "Marieke" in record["map"]
    assert all(ET.fromstring(b["icon"]).tag.endswith("svg") and "currentColor" not in b["icon"] for b in record["bar"])
    app.apply(ops.add_person, "Buurvrouw Els", sector="buren_buurt", nabijheid="dichtbij", label="x")
    assert app.save_now()
    assert "Buurvrouw Els" in saved_preview(backend)["map"]


def test_the_preview_speaks_the_language_of_the_app():
    backend = MemoryBackend()
    app, _ = make_app(backend=backend)
    messages.set_language("en")
    try:
        app.mark_dirty()
        app.save_now()
    finally:
        messages.set_language("nl")
    record = saved_preview(backend)
    assert (record["lang"], record["loading"], record["title"]) == ("en", "Loading…", "Relationship map of Sam")


def test_during_privetijd_the_preview_shows_no_map_and_no_bar():
    case = demo_case()
    case = case.model_copy(update={"bijeenkomst": case.bijeenkomst.model_copy(
        update={"privetijd": [Privetijd(begin=dt.datetime(2026, 11, 25, 14, 0))]})})
    assert case.bijeenkomst.in_privetijd
    record = json.loads(preview.record(case, [("Plan", "<svg></svg>")]))
    assert (record["naam"], record["map"], record["bar"], record["title"]) == ("Sam", "", [], "")


def test_a_new_case_and_the_end_of_the_session_take_the_preview_with_them():
    backend = MemoryBackend()
    app, _ = make_app(backend=backend)
    app.mark_dirty()
    app.save_now()
    assert PREVIEW_KEY in backend.data
    drive(app.store.delete_data_keep_versions())  # Nieuw dossier
    assert PREVIEW_KEY not in backend.data and CASE_KEY not in backend.data
    app.mark_dirty()
    app.save_now()
    drive(app.store.clear_all())  # Sessie beëindigen
    assert not [k for k in backend.data if k.startswith("snv:")]


def test_a_full_store_saves_the_case_without_the_preview_and_drops_the_old_one():
    backend = MemoryBackend()
    app, _ = make_app(backend=backend)
    app.mark_dirty()
    app.save_now()
    old = backend.data[PREVIEW_KEY]
    backend.quota = backend.used() - len(old.encode()) + 2000  # room for the case, not for its preview
    app.apply(ops.add_person, "Buurvrouw Els", label="x")
    assert app.save_now() and app.save_state == "saved"
    assert "Buurvrouw Els" in backend.data[CASE_KEY] and PREVIEW_KEY not in backend.data


def test_a_bug_in_the_preview_never_stops_a_save(monkeypatch):
    backend = MemoryBackend()
    app, _ = make_app(backend=backend)
    monkeypatch.setattr(preview, "record", lambda *a: 1 / 0)
    app.mark_dirty()
    assert app.save_now() and CASE_KEY in backend.data and PREVIEW_KEY not in backend.data


# ----- a new version -----

def test_the_new_version_banner_waits_for_a_calm_moment_then_stays():
    app, _ = make_app()
    app.drafting = True
    update.available(app)
    assert "update-banner" not in view.regions(app)["alerts"]  # typing: not now
    app.drafting = False
    app.open_sheet(MenuSheet())
    assert "update-banner" not in view.regions(app)["alerts"]  # a sheet open: not now
    app.close_sheet()
    alerts = view.regions(app)["alerts"]
    assert "Er is een nieuwe versie. Herladen?" in alerts and 'data-action="update.reload"' in alerts
    app.drafting = True
    assert "update-banner" in view.regions(app)["alerts"]  # once shown it stays: no blinking


def test_reload_saves_first_through_the_host_and_is_offered_again_if_that_fails():
    app, host = make_app()
    update.available(app)
    view.regions(app)
    app.dispatch("update.reload", {"event": "click"})
    assert host.applied == 1
    alerts = view.regions(app)["alerts"]
    assert "Eerst opslaan…" in alerts and "disabled" in alerts
    app.dispatch("update.reload", {"event": "click"})
    assert host.applied == 1  # once
    update.not_applied(app)
    assert "Er is een nieuwe versie. Herladen?" in view.regions(app)["alerts"]


def test_without_storage_no_reload_is_offered_as_it_would_lose_the_case():
    app, host = make_app()
    app.memory = True
    update.available(app)
    assert "update-banner" not in view.regions(app)["alerts"]
    app.dispatch("update.reload", {"event": "click"})
    assert host.applied == 0


def test_update_actions_are_routed_to_their_module():
    assert actions.HANDLERS["update"] is update.handle
    with pytest.raises(KeyError):
        update.handle(make_app()[0], "update.other", {})


# ----- networkx after the start -----

def test_figures_wait_for_networkx_and_are_not_remembered_without_it(monkeypatch):
    from snv.analysis import figures
    from snv.render import relatiekaart

    app, _ = make_app()
    real = figures.compute_figures

    def loading(case):
        raise ImportError("No module named 'networkx'")

    monkeypatch.setattr(figures, "compute_figures", loading)
    assert relatiekaart._figures(app.case) == ([], False)
    monkeypatch.setattr(figures, "compute_figures", real)
    sentences, available = relatiekaart._figures(app.case)
    assert available and sentences
