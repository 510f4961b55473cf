"""*Lees voor*: which of the browser's voices reads, in which language. Pure (tested under CPython);
the browser part is ui/speech_dom.py, what is read is render/client_view.script.

Only a voice on the device itself is used (SpeechSynthesisVoice.localService): some browsers also
offer online voices, and those send the text to the browser's maker. The text never leaves the device.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

LANG_TAGS = {"nl": "nl-NL", "en": "en-GB"}  # the app's language -> the BCP 47 tag the utterances get


@dataclass(frozen=True)
class Voice:
    name: str
    lang: str  # BCP 47, e.g. "nl-NL" (some browsers write "nl_NL")
    local: bool  # localService: the voice runs on this device
    default: bool = False


def lang_tag(code: str) -> str:
    return LANG_TAGS.get(code, code)


def _primary(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def choose_voice(voices: Sequence[Voice], code: str) -> Optional[int]:
    """Index in `voices` of the voice for texts in the app language `code`: a local voice of that
    language, the app's own region first (nl-NL before nl-BE), then the device's default voice, then
    the first one listed. None when there is no such voice (then nothing is read)."""
    want = lang_tag(code).lower()
    best: Optional[tuple[tuple[int, int, int], int]] = None
    for i, v in enumerate(voices):
        if not v.local or _primary(v.lang) != _primary(want):
            continue
        rank = (0 if v.lang.replace("_", "-").lower() == want else 1, 0 if v.default else 1, i)
        if best is None or rank < best[0]:
            best = (rank, i)
    return None if best is None else best[1]
