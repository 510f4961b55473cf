"""The app's language (Nederlands | English): chosen in the menu, remembered in this browser.

The choice is a preference of the device, not of the case: it lives in localStorage under
STORAGE_KEY (outside the "snv:" keys that *Sessie beëindigen* wipes) and never in a case file.
The browser applies it at boot before the first render (ui/browser.start); choosing another one
switches the catalogue (messages.set_language) and the host re-renders everything
(Host.language_changed), so screens, exports and prints follow at once.
"""
from __future__ import annotations

from typing import Optional

from ..messages import LANGUAGES, language, set_language, t

STORAGE_KEY = "snv-language"


def choose(app, code: str) -> bool:
    """Switch to `code`; False (and nothing changes) for an unknown or the current language."""
    if code not in LANGUAGES or code == language():
        return False
    set_language(code)
    app.host.language_changed(code)
    app.notice(t("ui.lang.changed"))
    app.focus_request = f"#lang-{code}"
    return True


def remembered(storage) -> Optional[str]:
    """The language kept in `storage` (a localStorage-like object), if it is one we know."""
    try:
        value = storage.getItem(STORAGE_KEY)
    except Exception:  # noqa: BLE001 - storage refused (private mode): the default language
        return None
    code = None if value is None else str(value)
    return code if code in LANGUAGES else None


def remember(storage, code: str) -> None:
    try:
        storage.setItem(STORAGE_KEY, code)
    except Exception:  # noqa: BLE001 - storage refused: the choice holds for this visit only
        pass


def restore(storage) -> str:
    """At boot: set the remembered language (or keep the default); returns the language in use."""
    code = remembered(storage)
    if code is not None:
        set_language(code)
    return language()


def handle(app, action: str, data: dict) -> None:
    """lang.set (data-value "nl" or "en"): the segmented choice in the menu."""
    if action == "lang.set":
        choose(app, str(data.get("value", "")))
    else:
        raise KeyError(action)


def handle_about(app, action: str, data: dict) -> None:
    """about.access: open the accessibility statement (from the menu or Start's footer)."""
    from .sheets import AccessibilitySheet  # noqa: PLC0415

    if action == "about.access":
        app.open_sheet(AccessibilitySheet())
    else:
        raise KeyError(action)
