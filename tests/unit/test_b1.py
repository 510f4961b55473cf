"""B1 Dutch in the catalogue (DOMAIN.md §8): short sentences and no jargon for the client.

Each Dutch sentence has at most MAX_WORDS words; the words in AVOID appear nowhere, except in the
few keys of ALLOWED, each with its reason. The command line (store.cli.*) is for developers and is
not checked."""
from __future__ import annotations

import re

import pytest

from snv.messages import catalogue

MAX_WORDS = 18
NOT_CHECKED = ("store.cli.",)  # the command line: for developers
AVOID = {
    "exporteren": "Delen en afdrukken",
    "exporteer": "Delen en afdrukken",
    "momentopname": "kaart van vandaag / bewaarde kaart",
    "sessie": "Stoppen en alles wissen",
    "configureren": "instellen",
    "configuratie": "instellingen",
    "succesvol": "gelukt",
    "importeren": "openen",
    "synchroniseren": "bijwerken",
    "genereren": "maken",
    "valideren": "controleren",
    "uploaden": "openen",
    "initialiseren": "beginnen",
    "database": "opslag",
    "applicatie": "app",
    "functionaliteit": "wat de app kan",
    "moeizaam": "lastig",
    "klik": "tik (a tablet)",
    "svg": "plaatje",
    "json": "bestand",
}
ALLOWED = {
    # (key, word): why the word must stay
    ("ref.momentopname", "momentopname"): "names a part of the file in an error for the professional",
    ("err.svg_no_case", "svg"): "answers a file the user picked by its name (kaart.svg)",
    ("store.svg_broken", "svg"): "answers a file the user picked by its name (kaart.svg)",
    ("store.svg_unsafe", "svg"): "answers a file the user picked by its name (kaart.svg)",
    ("err.file_unknown_type", "svg"): "the file types the picker offers",
    ("err.file_unknown_type", "json"): "the file types the picker offers",
    ("store.file_empty", "svg"): "the file types the picker offers",
    ("store.file_empty", "json"): "the file types the picker offers",
    ("ui.menu.open_desc", "svg"): "the file types the picker offers",
    ("ui.menu.open_desc", "json"): "the file types the picker offers",
    ("ui.file.save_lead", "json"): "says which file to look for later",
    ("interop.research.readme.codes", "moeizaam"): "lists the codes in the research tables (the stored value)",
}
LONG_ALLOWED: dict[str, str] = {}  # key: why its sentence must be longer than MAX_WORDS


def _checked() -> dict[str, str]:
    return {k: v for k, v in catalogue("nl").items() if not k.startswith(NOT_CHECKED)}


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+(?=[A-Z0-9'\"‘“{(])", text) if s.strip()]


def word_count(sentence: str) -> int:
    return len([w for w in sentence.split() if re.search(r"\w", w)])


def test_dutch_sentences_are_short():
    long = {k: s for k, v in _checked().items() if k not in LONG_ALLOWED
            for s in sentences(v) if word_count(s) > MAX_WORDS}
    assert long == {}


def test_dutch_texts_avoid_jargon():
    found = sorted((k, w) for k, v in _checked().items() for w in AVOID
                   if re.search(rf"(?<![a-z]){w}", v.lower()) and (k, w) not in ALLOWED)
    assert found == [], [f"{k}: '{w}' → {AVOID[w]}" for k, w in found]


def test_every_allowed_exception_is_still_needed():
    nl = catalogue("nl")
    stale = [(k, w) for k, w in ALLOWED if k not in nl or w not in nl[k].lower()]
    stale += [k for k in LONG_ALLOWED if k not in nl or all(word_count(s) <= MAX_WORDS for s in sentences(nl[k]))]
    assert stale == []


@pytest.mark.parametrize("text, n", [("Tik op een naam. Kies dan een plek.", 2), ("Klaar!", 1)])
def test_sentence_split(text, n):
    assert len(sentences(text)) == n


def test_a_long_sentence_and_a_jargon_word_would_be_found():
    assert word_count("een " * (MAX_WORDS + 1)) > MAX_WORDS
    assert any(re.search(rf"(?<![a-z]){w}", "je kunt nu exporteren") for w in AVOID)
