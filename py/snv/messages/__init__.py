"""One message catalogue for all user-facing text (Dutch, B1), so another language can follow.

This module is a leaf: every layer may import it, it imports no other part of `snv`.
"""
from __future__ import annotations

import importlib
import pkgutil


def _merge(*parts) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        clash = merged.keys() & part.MESSAGES.keys()
        if clash:  # two areas claiming one key is a bug
            raise RuntimeError(f"duplicate message keys: {sorted(clash)}")
        merged.update(part.MESSAGES)
    return merged


def _parts(language: str) -> list:
    """Every module <language>.py and <language>_*.py here (nl.py, nl_ui.py, nl_relatiekaart.py, …), so
    a new screen brings its texts in its own nl_<screen>.py and needs no line in this file."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__)
                   if m.name == language or m.name.startswith(language + "_"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


_NL = _merge(*_parts("nl"))

_CATALOGUES = {"nl": _NL}
_language = "nl"


def set_language(code: str) -> None:
    global _language
    if code not in _CATALOGUES:
        raise KeyError(code)
    _language = code


def t(key: str, /, **values: object) -> str:
    """The text for `key` in the current language, with `{name}` fields filled in.

    An unknown key raises KeyError: a missing text is a bug we want tests to catch.
    """
    template = _CATALOGUES[_language][key]
    return template.format(**values) if values else template


def has(key: str) -> bool:
    return key in _CATALOGUES[_language]


def catalogue() -> dict[str, str]:
    return dict(_CATALOGUES[_language])
