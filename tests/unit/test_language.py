"""Taal / Language: the menu's choice switches every text (screens, exports, prints), is remembered by
the host (localStorage in the browser, never the case), and nothing rendered earlier stays Dutch."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from snv.messages import catalogue, language, set_language, t
from snv.model.demo import demo_case
from snv.render import about
from snv.ui import language as lang
from snv.ui import screens, view
from snv.ui.app import App
from snv.ui.sheets import AccessibilitySheet, MenuSheet
from hosts import RecordingHost

NOW = dt.datetime(2026, 12, 2, 14, 30)


@pytest.fixture(autouse=True)
def dutch_after():
    screens.load_screens()
    yield
    set_language("nl")


def make_app() -> App:
    return App(demo_case(), host=RecordingHost(), now=lambda: NOW)


class FakeStorage:
    def __init__(self, items=None, broken: bool = False) -> None:
        self.items = dict(items or {})
        self.broken = broken

    def getItem(self, key):
        if self.broken:
            raise RuntimeError("SecurityError")
        return self.items.get(key)

    def setItem(self, key, value):
        if self.broken:
            raise RuntimeError("QuotaExceededError")
        self.items[key] = value


def test_menu_offers_both_languages_with_the_current_one_pressed():
    app = make_app()
    app.dispatch("app.menu", {})
    html = view.regions(app)["sheet"]
    assert 'id="lang-nl"' in html and 'id="lang-en"' in html
    assert re.search(r'id="lang-nl"[^>]*aria-pressed="true"|aria-pressed="true"[^>]*id="lang-nl"', html)
    assert 'lang="en"' in html  # "English" is marked as English for a screen reader
    assert t("ui.lang.legend") in html


def test_choosing_english_switches_the_texts_and_tells_the_host():
    app = make_app()
    app.dispatch("app.menu", {})
    app.dispatch("lang.set", {"value": "en"})
    assert language() == "en"
    assert app.host.languages == ["en"]
    out = view.regions(app)
    assert "Save as a file" in out["sheet"]  # the menu stays open, now in English
    assert app.toast is not None and app.toast.text == catalogue("en")["ui.lang.changed"]
    assert app.focus_request == "#lang-en"
    app.dispatch("lang.set", {"value": "nl"})
    assert language() == "nl" and app.host.languages == ["en", "nl"]
    assert "Opslaan als bestand" in view.regions(app)["sheet"]


def test_an_unknown_or_the_same_language_changes_nothing():
    app = make_app()
    app.dispatch("lang.set", {"value": "xx"})
    app.dispatch("lang.set", {"value": "nl"})
    assert language() == "nl" and app.host.languages == []


def test_the_choice_is_remembered_in_storage_and_restored_at_boot():
    storage = FakeStorage()
    lang.remember(storage, "en")
    assert storage.items == {lang.STORAGE_KEY: "en"}
    assert not lang.STORAGE_KEY.startswith("snv:")  # ending a session wipes "snv:" keys, not the language
    assert lang.restore(storage) == "en" and language() == "en"


def test_restore_ignores_unknown_values_and_refusing_storage():
    assert lang.restore(FakeStorage({lang.STORAGE_KEY: "<script>"})) == "nl"
    assert lang.restore(FakeStorage(broken=True)) == "nl"
    lang.remember(FakeStorage(broken=True), "en")  # does not raise


def test_the_language_is_not_stored_in_the_case():
    app = make_app()
    before = app.case
    app.dispatch("lang.set", {"value": "en"})
    assert app.case is before


def _every_screen(app) -> dict[str, str]:
    out = {}
    for screen in screens.all_screens():
        app.go(screen.key)
        out[screen.key] = view.regions(app)["content"]
    return out


def test_screens_rendered_in_dutch_first_show_english_after_the_switch():
    """Render caches (markers, rows, cards, layouts) must not keep the Dutch words."""
    app = make_app()
    app.case = app.case.model_copy(update={"fase": "meedenkbijeenkomst"})
    dutch = _every_screen(app)
    set_language("en")
    english = _every_screen(app)
    for key in dutch:
        assert dutch[key] != english[key], key
    rk = english["relatiekaart"]
    assert "that is you" in rk and "dat ben jij" not in rk


def test_every_export_follows_the_language():
    app = make_app()
    set_language("en")
    for export in screens.exports():
        app.host.downloads.clear()
        export.run(app, {"notes": False, "pseudonymise": False})
        assert app.host.downloads, export.key
        name, text, _ = app.host.downloads[-1]
        if not name.endswith(".svg"):
            continue  # GEDCOM, GraphML and CSV have no title: test_interop_ui checks their language
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.S)
        assert title is not None, export.key
        nl_words = {"van", "Gemaakt", "Kaart"}
        assert not nl_words & set(re.findall(r"\w+", title.group(1))), (export.key, title.group(1))


def test_the_print_of_the_atlas_follows_the_language():
    from snv.ui import printing

    app = make_app()
    set_language("en")
    pages: list = []

    class PrintHost(RecordingHost):
        def print_page(self, document=None):
            pages.append(document)
    app.host = PrintHost()
    printing.print_instruments(app)
    assert pages and pages[0] and "Made on" in pages[0] and "Gemaakt op" not in pages[0]


def test_accessibility_statement_opens_from_the_menu_and_from_start():
    app = make_app()
    app.go("start")
    assert 'data-action="about.access"' in view.regions(app)["content"]
    app.dispatch("app.menu", {})
    assert 'data-action="about.access"' in view.regions(app)["sheet"]
    app.dispatch("about.access", {})
    assert isinstance(app.sheet, AccessibilitySheet)
    html = view.regions(app)["sheet"]
    for key, _status in about.RESULTS:
        assert t(f"a11y.test.{key}.name") in html
    assert t("a11y.limit.screenreader") in html and t("a11y.limit.ipad") in html
    set_language("en")
    assert "screen readers" in view.regions(app)["sheet"]


def test_statement_results_come_from_one_table():
    assert {s for _, s in about.RESULTS} <= {"pass", "open"}
    assert [k for k, _ in about.RESULTS] == ["axe", "touch", "keyboard", "zoom", "reflow"]
    dt.date.fromisoformat(about.CHECKED)


def test_menu_sheet_is_still_a_menu_after_switching():
    app = make_app()
    app.open_sheet(MenuSheet())
    set_language("en")
    assert "End session" in view.regions(app)["sheet"] or "Wipe" in view.regions(app)["sheet"]


def test_start_tiles_name_the_snv_term_with_its_b1_line():
    app = make_app()
    app.go("start")
    html = view.regions(app)["content"]
    for term in ("Meedenkbijeenkomst", "Basisposter", "Familiekaart", "Gebeurteniskaart", "Contactschema"):
        assert f'<span class="tile-label">{term}</span>' in html, term
    assert t("bijeenkomst.term_b1") in html
    route = view.regions(app)["route"]
    assert "Meedenkbijeenkomst" in route and "Basisteam" in route and t("label.fase_b1.basisteam") in route
