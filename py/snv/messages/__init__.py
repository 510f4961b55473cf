"""One message catalogue for all user-facing text (Dutch, B1), so another language can follow.

This module is a leaf: every layer may import it, it imports no other part of `snv`.
"""
from __future__ import annotations

from .nl import MESSAGES as _NL

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
