"""The English catalogue matches the Dutch one: the same keys and the same {placeholders}, and the
language switch reaches every text (nothing cached at import time)."""
from __future__ import annotations

import string

import pytest

from snv import messages
from snv.messages import catalogue, language, set_language, t


SAME_BY_DESIGN = {"ui.lang.legend"}  # "Taal / Language": readable whichever language is on


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_english_has_exactly_the_dutch_keys():
    nl, en = catalogue("nl"), catalogue("en")
    assert sorted(set(nl) - set(en)) == [], "Dutch keys without English"
    assert sorted(set(en) - set(nl)) == [], "English keys without Dutch"


def test_english_uses_the_same_placeholders_as_dutch():
    nl, en = catalogue("nl"), catalogue("en")
    wrong = {k: (sorted(_fields(nl[k])), sorted(_fields(en[k]))) for k in nl if k in en and _fields(nl[k]) != _fields(en[k])}
    assert wrong == {}


def test_no_english_text_is_left_empty_or_left_dutch():
    nl, en = catalogue("nl"), catalogue("en")
    assert [k for k, v in en.items() if not v.strip() and nl[k].strip()] == []
    # a long Dutch sentence copied unchanged into the English file is a missed translation
    def words(text: str) -> list[str]:
        return [w for w in text.split() if "{" not in w and "%" not in w]
    same = [k for k in nl if nl[k] == en[k] and len(words(nl[k])) >= 3 and k not in SAME_BY_DESIGN]
    assert same == []


def test_every_english_part_is_discovered_like_the_dutch_ones():
    from pathlib import Path

    files = {p.stem for p in Path(messages.__file__).parent.glob("en*.py")}
    assert {m.__name__.rpartition(".")[2] for m in messages._parts("en")} == files


def test_set_language_switches_t_and_back():
    try:
        set_language("en")
        assert language() == "en"
        assert t("ui.menu.new") == catalogue("en")["ui.menu.new"]
        assert t("ui.start.title", naam="Sam") == "Hello Sam"
    finally:
        set_language("nl")
    assert t("ui.start.title", naam="Sam") == "Hallo Sam"


def test_an_unknown_language_is_refused():
    with pytest.raises(KeyError):
        set_language("xx")
    assert language() == "nl"


def test_duplicate_keys_across_parts_raise():
    from types import SimpleNamespace

    a = SimpleNamespace(__name__="a", MESSAGES={"k": "1"})
    b = SimpleNamespace(__name__="b", MESSAGES={"k": "2"})
    with pytest.raises(RuntimeError, match="duplicate"):
        messages._merge(a, b)
