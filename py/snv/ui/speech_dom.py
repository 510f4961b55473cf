"""*Lees voor* in the browser: the Web Speech API's speechSynthesis, with a voice on the device.

Browser only (imported by ui/browser.py). Which voice is pure Python (ui/speech.choose_voice): only
local voices (localService), so the text is never sent anywhere; none for the language means
nothing is read and the user is told. Each sentence is its own utterance (long ones stop early in
some browsers, and *Stop* takes effect between sentences at once).
"""
from __future__ import annotations

from typing import Any, Callable

import js  # browser only

from .dom import Proxies, nn
from .speech import Voice, choose_voice, lang_tag

VOICES_WAIT_MS = 1500  # some browsers list their voices only a moment after the page loads

_proxy = Proxies()
_state: dict = {"token": 0, "done": None, "last": None, "job": None}


def _synth() -> Any:
    synth = nn(getattr(js.window, "speechSynthesis", None))
    if synth is None or nn(getattr(js.window, "SpeechSynthesisUtterance", None)) is None:
        return None
    return synth


def speak(lines: list[str], code: str, done: Callable[..., None]) -> None:
    """Read `lines` in the app language `code`; done() at the end, done(problem) if it cannot."""
    stop()
    synth = _synth()
    if synth is None:
        done("none")
        return
    _state["token"] += 1
    _state["done"], _state["job"] = done, (list(lines), code, _state["token"])
    if synth.getVoices().length:
        _start()
    else:  # the list may still be loading: wait for it once, briefly
        synth.addEventListener("voiceschanged", _proxy("voices", _start))  # one proxy: added once
        js.setTimeout(_proxy("voices_late", _start), VOICES_WAIT_MS)


def _start(_ev=None) -> None:
    job, synth = _state["job"], _synth()
    if job is None or synth is None:
        return
    _state["job"] = None  # the first of voiceschanged / the timeout starts it
    lines, code, token = job
    voices = synth.getVoices()
    found = [Voice(str(v.name), str(v.lang), bool(v.localService), bool(v.default))
             for v in (voices[i] for i in range(voices.length))]
    index = choose_voice(found, code)
    if index is None:
        _finish(token, "no_voice")
        return
    utterance = None
    for line in lines:
        utterance = js.SpeechSynthesisUtterance.new(line)
        utterance.lang = lang_tag(code)
        utterance.voice = voices[index]
        utterance.rate = 0.9  # a little slower than usual: easier to follow
        utterance.addEventListener("error", _proxy("error", _on_error))
        synth.speak(utterance)
    _state["last"] = utterance
    if utterance is None:
        _finish(token, None)
    else:
        utterance.addEventListener("end", _proxy("end", _on_end))


def _on_end(ev) -> None:
    if ev.target == _state["last"]:
        _finish(_state["token"], None)


def _on_error(ev) -> None:
    # stopping (cancel) ends the queued sentences with "interrupted"/"canceled": not a problem
    reason = str(getattr(ev, "error", "") or "")
    _finish(_state["token"], None if reason in ("interrupted", "canceled") else "failed")


def _finish(token: int, problem) -> None:
    done = _state["done"]
    if token != _state["token"] or done is None:
        return
    _state["done"], _state["last"] = None, None
    if problem is None:
        done()
    else:
        synth = _synth()
        if synth is not None:
            synth.cancel()
        done(problem)


def stop() -> None:
    """Stop at once; the `done` of the reading that stops is not called."""
    _state["token"] += 1
    _state["done"], _state["last"], _state["job"] = None, None, None
    synth = _synth()
    if synth is not None:
        synth.cancel()
