"""How this device shows the app: the *Rustig scherm* (a calm, larger view for the client), high
contrast and the size of the letters. Chosen in the menu (*Weergave*), remembered in this browser.

Like the language (ui/language.py) these are preferences of the device, never of the case: they live
in localStorage under STORAGE_KEYS (outside the "snv:" keys that *Sessie beëindigen* wipes) and never
in a case file. Contrast and letter size apply to the whole app (attributes on <html>, styled in
site/client.css); the calm view replaces the frame's screens (ui/view.py, render/client_view.py).
The browser applies them at boot before the first render (ui/browser.start).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Optional

#: the letter sizes and how much bigger each makes the text (site/client.css: font-size, --text-scale)
TEXT_SCALE = {"normaal": 1.0, "groot": 1.25, "heel_groot": 1.5}
TEXT_SIZES = tuple(TEXT_SCALE)
STORAGE_KEYS = {"client": "snv-view", "contrast": "snv-contrast", "text": "snv-text"}


@dataclass(frozen=True)
class Prefs:
    client: bool = False  # *Rustig scherm* on
    contrast: bool = False  # *Hoog contrast*
    text: str = TEXT_SIZES[0]

    def html_attrs(self) -> dict[str, Optional[str]]:
        """Attributes for <html> (None: remove it); the CSS keys on them."""
        return {"data-view": "client" if self.client else None,
                "data-contrast": "high" if self.contrast else None,
                "data-text": None if self.text == TEXT_SIZES[0] else self.text}


def _get(storage: Any, key: str) -> Optional[str]:
    try:
        value = storage.getItem(key)
    except Exception:  # noqa: BLE001 - storage refused (private mode): the defaults
        return None
    return None if value is None else str(value)


def remembered(storage: Any) -> Prefs:
    """The preferences kept in `storage` (a localStorage-like object); anything unknown is ignored."""
    text = _get(storage, STORAGE_KEYS["text"])
    return Prefs(client=_get(storage, STORAGE_KEYS["client"]) == "client",
                 contrast=_get(storage, STORAGE_KEYS["contrast"]) == "high",
                 text=text if text in TEXT_SIZES else TEXT_SIZES[0])


def remember(storage: Any, prefs: Prefs) -> None:
    values = {STORAGE_KEYS["client"]: "client" if prefs.client else "",
              STORAGE_KEYS["contrast"]: "high" if prefs.contrast else "",
              STORAGE_KEYS["text"]: prefs.text}
    for key, value in values.items():
        try:
            if value and value != TEXT_SIZES[0]:
                storage.setItem(key, value)
            else:
                storage.removeItem(key)
        except Exception:  # noqa: BLE001 - storage refused: the choice holds for this visit only
            pass


def choose(app, **changes: Any) -> bool:
    """Change some preferences; False (and nothing happens) when nothing changes."""
    new = replace(app.prefs, **changes)
    if new == app.prefs:
        return False
    app.prefs = new
    app.host.prefs_changed(new)
    return True


def handle(app, action: str, data: dict) -> None:
    """prefs.client (on/off: data-value "on"|"off", or a toggle), prefs.contrast ("high"|"normal"),
    prefs.text (one of TEXT_SIZES)."""
    from ..messages import t  # noqa: PLC0415

    value = str(data.get("value", ""))
    if action == "prefs.client":
        on = (value == "on") if value in ("on", "off") else not app.prefs.client
        if choose(app, client=on):
            app.stop_speaking()
            app.sheet = None  # the menu closes: the new view is what you see
            app.notice(t("client.on" if on else "client.off"))
            app.focus_request = "#content"
    elif action == "prefs.contrast":
        if value in ("high", "normal") and choose(app, contrast=value == "high"):
            app.focus_request = f"#prefs-contrast-{value}"
    elif action == "prefs.text":
        if value in TEXT_SIZES and choose(app, text=value):
            app.focus_request = f"#prefs-text-{value}"
    else:
        raise KeyError(action)
