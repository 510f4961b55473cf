"""One message catalogue for all user-facing text: Dutch (B1) and English, with the same keys.

This module is a leaf: every layer may import it, it imports no other part of `snv`.

Each language is the merge of every module `<code>.py` and `<code>_*.py` here (nl.py, nl_ui.py,
en.py, en_ui.py, …): a screen brings its texts in its own nl_<screen>.py and en_<screen>.py. Texts
are looked up when they are shown (`t()`), never kept at import time, so switching the language
(`set_language`) changes every screen, export and print from then on.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Callable

LANGUAGES = ("nl", "en")  # the first is the default
DEFAULT = LANGUAGES[0]


def _merge(*parts) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        clash = merged.keys() & part.MESSAGES.keys()
        if clash:  # two areas claiming one key is a bug
            raise RuntimeError(f"duplicate message keys in {part.__name__}: {sorted(clash)}")
        merged.update(part.MESSAGES)
    return merged


def _parts(language: str) -> list:
    """Every module <language>.py and <language>_*.py here, in name order."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__)
                   if m.name == language or m.name.startswith(language + "_"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


_CATALOGUES: dict[str, dict[str, str]] = {code: _merge(*_parts(code)) for code in LANGUAGES}
_language = DEFAULT
_ON_CHANGE: list[Callable[[], object]] = []


def on_change(fn: Callable[[], object]) -> Callable[[], object]:
    """Call `fn` whenever the language changes. For caches that keep rendered text (a marker's SVG,
    a label's width): register their clear(), so nothing stays in the old language."""
    _ON_CHANGE.append(fn)
    return fn


def set_language(code: str) -> None:
    """Choose the language of every text from now on; an unknown code raises KeyError."""
    global _language
    if code not in _CATALOGUES:
        raise KeyError(code)
    if code != _language:
        _language = code
        for fn in _ON_CHANGE:
            fn()


def language() -> str:
    """The code of the current language ("nl" or "en")."""
    return _language


def t(key: str, /, **values: object) -> str:
    """The text for `key` in the current language, with `{name}` fields filled in.

    An unknown key raises KeyError: a missing text is a bug we want tests to catch.
    """
    template = _CATALOGUES[_language][key]
    return template.format(**values) if values else template


def has(key: str) -> bool:
    return key in _CATALOGUES[_language]


def catalogue(code: str = "") -> dict[str, str]:
    """A copy of the catalogue of `code` (default: the current language)."""
    return dict(_CATALOGUES[code or _language])
