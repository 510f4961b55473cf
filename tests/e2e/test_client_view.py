"""*Rustig scherm*, contrast and letter size chosen in the menu stay after a reload (this device, never
the case); *Lees voor* reads the page with a voice on the device, in the app's language, and *Stop*
stops it; without such a voice the user is told in plain words. speechSynthesis is a stub here (the
test browser has no voices), so nothing is spoken and we see exactly what would be."""
from __future__ import annotations

from snv.messages import t
from snv.model.demo import demo_case
from snv.render.client_view import script

from . import stored
from .conftest import reload_app, start_with

# window.speechSynthesis with two Dutch voices: one online (must never be used), one on the device
SPEECH_STUB = """(() => {
  window.__spoken = []; window.__cancelled = 0; window.__hold = false;
  window.__voices = [{name: 'Online NL', lang: 'nl-NL', localService: false, default: true},
                     {name: 'Lokaal NL', lang: 'nl-NL', localService: true, default: false}];
  class Utterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
  }
  const synth = new EventTarget();
  synth.getVoices = () => window.__voices;
  synth.speak = (u) => {
    window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name});
    if (!window.__hold) setTimeout(() => u.dispatchEvent(new Event('end')), 0);
  };
  synth.cancel = () => { window.__cancelled += 1; };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = Utterance;
})();"""


def html_attr(page, name: str):
    return page.evaluate(f"document.documentElement.getAttribute('{name}')")


def test_calm_view_contrast_and_size_persist_and_read_aloud_uses_a_local_voice(page, open_app):
    page.add_init_script(SPEECH_STUB)
    open_app(page)
    case = demo_case()
    start_with(page, case)

    page.locator("#btn-menu").click()
    page.locator("#prefs-contrast-high").click()
    page.locator("#prefs-text-groot").click()
    assert html_attr(page, "data-contrast") == "high" and html_attr(page, "data-text") == "groot"
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"  # 125 %
    page.locator("#prefs-client").click()
    page.wait_for_selector('#frame[data-screen="client"] h1:has-text("Mijn kaart")')

    reload_app(page)  # remembered on this device, not in the case
    page.wait_for_selector('#frame[data-screen="client"] h1:has-text("Mijn kaart")')
    assert (html_attr(page, "data-view"), html_attr(page, "data-contrast"), html_attr(page, "data-text")) == \
        ("client", "high", "groot")
    assert "contrast" not in (stored.stored_text(page) or "") and "snv-view" not in (stored.stored_text(page) or "")
    assert page.locator("#btn-menu").count() == 0  # fewer controls

    page.locator("#cv-bar-vragen").click()
    page.wait_for_selector('h1:has-text("Mijn vragen")')
    page.evaluate("window.__hold = true")  # keep "speaking" until Stop
    page.locator("#cv-read").click()
    page.wait_for_selector("#cv-stop")
    spoken = page.evaluate("window.__spoken")
    assert [s["text"] for s in spoken] == script(case, "vragen")  # the page, in screen order
    assert {(s["lang"], s["voice"]) for s in spoken} == {("nl-NL", "Lokaal NL")}  # never the online voice
    page.locator("#cv-stop").click()
    page.wait_for_selector("#cv-read")
    assert page.evaluate("window.__cancelled") >= 1

    page.evaluate("window.__hold = false; window.__spoken = []")
    page.locator("#cv-bar-plan").click()
    page.locator("#cv-read").click()
    page.wait_for_function("window.__spoken.length > 0")
    page.wait_for_selector("#cv-read")  # read to the end: the button is back
    assert page.evaluate("window.__spoken[0].text") == "Mijn plan."

    page.evaluate("window.__spoken = []; window.__voices = [window.__voices[0],"
                  " {name: 'Daniel', lang: 'en-GB', localService: true, default: false}]")
    page.locator("#cv-read").click()  # only an online Dutch voice: nothing is read, the user is told
    page.wait_for_selector(f'.alert-text:has-text("{t("client.speech.no_voice")[:40]}")')
    assert page.evaluate("window.__spoken") == []

    page.locator("#cv-leave").click()  # *Terug*: all the screens again; contrast and size stay
    page.wait_for_selector("#btn-menu")
    assert html_attr(page, "data-view") is None and html_attr(page, "data-contrast") == "high"
