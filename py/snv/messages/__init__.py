"""One message catalogue for all user-facing text (Dutch, B1), so another language can follow.

This module is a leaf: every layer may import it, it imports no other part of `snv`.
"""
from __future__ import annotations

from . import nl, nl_analysis, nl_model, nl_relatiekaart, nl_storage, nl_ui


def _merge(*parts) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        clash = merged.keys() & part.MESSAGES.keys()
        if clash:  # two areas claiming one key is a bug
            raise RuntimeError(f"duplicate message keys: {sorted(clash)}")
        merged.update(part.MESSAGES)
    return merged


_NL = _merge(nl, nl_model, nl_storage, nl_analysis, nl_relatiekaart, nl_ui)

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
