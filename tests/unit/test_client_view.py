"""*Rustig scherm* (render/client_view.py, ui/client_view.py), the display preferences (ui/prefs.py)
and *Lees voor*'s choice of voice (ui/speech.py): what is read, in which order, with which voice."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from snv.messages import set_language, t
from snv.model import ops
from snv.model.demo import demo_case
from snv.render import client_view as cv
from snv.storage.jsonio import dumps_case
from snv.ui import prefs, view
from snv.ui.app import App, Host
from snv.ui.speech import Voice, choose_voice


class SpeakingHost(Host):
    """Records what the app asks the browser to say; the test ends the reading itself."""

    def __init__(self) -> None:
        self.spoken: list[tuple[list[str], str]] = []
        self.done = None
        self.stopped = 0
        self.prefs: list = []

    def speak(self, lines, lang, done) -> None:
        self.spoken.append((lines, lang))
        self.done = done

    def stop_speaking(self) -> None:
        self.stopped += 1

    def prefs_changed(self, p) -> None:
        self.prefs.append(p)


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("nl")


def visible_text(html: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


# ----- what is read, in which order -----

def test_map_is_read_sector_by_sector_and_ring_by_ring_as_the_screen_shows_it():
    case = demo_case()
    lines = cv.script(case, "kaart")
    assert lines[:2] == ["Mijn kaart.", t("client.kaart.b1")]
    assert lines[2] == "Familie."  # sectors in their fixed order, rings from close to far
    family = lines[3:6]
    assert [line.split(":")[0] for line in family] == ["Heel dichtbij", "Dichtbij", "Verder weg"]
    assert "Henk (overleden)" in family[2]  # the note the map shows is said too
    sectors = [line[:-1] for line in lines if line[:-1] in {t(f"label.sector.{s}") for s in cv.SECTORS}]
    assert sectors == [t(f"label.sector.{s}") for s in cv.SECTORS if s in sectors_on_map(case)]
    shown = visible_text(cv.render(case, cv.ClientView("kaart")))
    for line in lines:
        assert line.rstrip(".") in shown  # the voice says what the screen shows


def sectors_on_map(case) -> set:
    return {p.sector for p in case.personen if p.op_kaart and p.id != case.klant_id}


def test_questions_are_read_numbered_in_the_posters_order():
    case = demo_case()
    lines = cv.script(case, "vragen")
    asked = [line for line in lines if re.match(r"\d+\. ", line)]
    expected = [q.tekst for q in sorted(case.basisposter.vragen, key=lambda q: q.volgorde)]
    assert [re.sub(r"^\d+\. ", "", line).rstrip(".") for line in asked] == [q.rstrip(".") for q in expected]
    assert asked[0].startswith("1. ")


def test_plan_is_read_per_question_with_who_when_and_where_and_stopped_agreements_left_out():
    case = demo_case()
    first = next(a for a in case.plannen[-1].afspraken if a.wie and a.wanneer and a.waar)
    case = ops.update_agreement(case, first.id, status="gestopt")
    lines = cv.script(case, "plan")
    assert lines[:2] == ["Mijn plan.", t("client.plan.b1")]
    assert _sentence(first.wat) not in lines  # stopped: not part of the plan any more
    plan = case.plannen[-1]
    active = next(a for a in plan.afspraken if a.wie and a.status != "gestopt" and a.vraag_id)
    question = next(q for q in case.basisposter.vragen if q.id == active.vraag_id)
    i = lines.index(_sentence(active.wat))
    assert lines.index(_sentence(question.tekst)) < i  # under its question
    assert lines[i + 1].startswith("Wie: ")  # the details follow the agreement they belong to


def _sentence(text: str) -> str:
    return text if text[-1] in ".?!" else text + "."


def test_empty_pages_say_so_and_english_follows_the_language(english):
    case = App().case  # a new case: nobody on the map, no questions, no plan
    assert cv.script(case, "kaart") == ["My map.", t("client.kaart.b1"), t("client.kaart.empty")]
    assert cv.script(case, "plan")[-1] == "There is no plan yet."
    assert cv.script(case, "<script>") == cv.script(case, "kaart")  # an unknown page is the first


# ----- the view in the app -----

def test_calm_view_replaces_the_screens_and_reads_aloud_in_the_app_language():
    host = SpeakingHost()
    app = App(demo_case(), host=host)
    before = dumps_case(app.case)
    app.dispatch("prefs.client", {"value": "on"})
    assert app.prefs.client and host.prefs[-1].client
    out = view.regions(app)
    assert out["@screen"] == "client" and out["route"] == ""
    assert 'id="cv-read"' in out["tools"] and 'data-action="client.page"' in out["bar"]
    assert 'id="btn-menu"' not in out["tools"]  # fewer controls: no menu, no undo
    app.dispatch("client.page", {"value": "vragen"})
    app.dispatch("client.read", {})
    assert host.spoken == [(cv.script(app.case, "vragen"), "nl")] and app.speaking
    assert 'id="cv-stop"' in view.regions(app)["tools"]
    app.dispatch("client.page", {"value": "plan"})  # another page stops the reading
    assert not app.speaking and host.stopped == 1
    app.dispatch("client.read", {})
    host.done()  # read to the end
    assert not app.speaking and not app.alerts
    app.dispatch("client.read", {})
    host.done("no_voice")
    assert app.alerts[-1] == t("client.speech.no_voice")
    app.dispatch("prefs.client", {"value": "off"})
    assert view.regions(app)["@screen"] != "client"
    assert dumps_case(app.case) == before  # the view is the device's choice, never part of the case


def test_without_speech_the_user_is_told_in_plain_words():
    app = App(demo_case())  # the plain Host: no speech synthesis at all
    app.dispatch("prefs.client", {})
    app.dispatch("client.read", {})
    assert not app.speaking and app.alerts == [t("client.speech.none")]


def test_menu_offers_the_calm_view_contrast_and_letter_size_and_they_apply_at_once():
    host = SpeakingHost()
    app = App(demo_case(), host=host)
    app.dispatch("app.menu", {})
    menu = view.sheet_html(app)
    assert 'id="prefs-client"' in menu and 'id="prefs-contrast-high"' in menu and 'id="prefs-text-heel_groot"' in menu
    app.dispatch("prefs.contrast", {"value": "high"})
    app.dispatch("prefs.text", {"value": "groot"})
    app.dispatch("prefs.text", {"value": "enorm"})  # unknown: nothing changes
    assert host.prefs[-1] == prefs.Prefs(contrast=True, text="groot")
    assert len(host.prefs) == 2
    assert re.search(r'id="prefs-contrast-high"[^>]*aria-pressed="true"|aria-pressed="true"[^>]*id="prefs-contrast-high"',
                     view.sheet_html(app))
    assert app.prefs.html_attrs() == {"data-view": None, "data-contrast": "high", "data-text": "groot"}


# ----- remembered on the device -----

class FakeStorage(dict):
    def getItem(self, key):  # the localStorage API
        return self.get(key)

    def setItem(self, key, value):
        self[key] = str(value)

    def removeItem(self, key):
        self.pop(key, None)


class RefusingStorage:
    def getItem(self, key):
        raise RuntimeError("SecurityError")

    setItem = removeItem = getItem


def test_preferences_are_remembered_outside_the_case_keys():
    storage = FakeStorage()
    chosen = prefs.Prefs(client=True, contrast=True, text="heel_groot")
    prefs.remember(storage, chosen)
    assert prefs.remembered(storage) == chosen
    assert not any(k.startswith("snv:") for k in storage)  # Sessie beëindigen wipes those; these stay
    prefs.remember(storage, prefs.Prefs())
    assert storage == {}  # the defaults leave nothing behind
    assert prefs.remembered(FakeStorage({"snv-text": "<b>", "snv-view": "yes"})) == prefs.Prefs()
    assert prefs.remembered(RefusingStorage()) == prefs.Prefs()
    prefs.remember(RefusingStorage(), chosen)  # refused: no error, the choice holds for this visit


# ----- which voice -----

def test_only_a_voice_on_the_device_in_the_apps_language_reads():
    voices = [Voice("Online Nederlands", "nl-NL", local=False),
              Voice("Xander", "nl_BE", local=True),
              Voice("Claire", "nl-NL", local=True),
              Voice("Daniel", "en-GB", local=True, default=True),
              Voice("Fiona", "en-US", local=True)]
    assert choose_voice(voices, "nl") == 2  # local, and the app's own region before Belgian Dutch
    assert choose_voice(voices[:2], "nl") == 1  # another region of the language is fine
    assert choose_voice(voices, "en") == 3
    assert choose_voice([voices[0], voices[3]], "nl") is None  # only online Dutch: the text would leave
    assert choose_voice([], "nl") is None
    both = [Voice("A", "en-US", True), Voice("B", "en-US", True, default=True)]
    assert choose_voice(both, "en") == 1  # no exact region: the device's default voice first
