"""The banner of a new version of the app (ui/update.py decides when it shows)."""
from __future__ import annotations

from ..messages import t
from . import icons
from .html import button, esc, icon_html


def banner(*, applying: bool) -> str:
    """"Er is een nieuwe versie. Herladen?" with its button; while saving first, the button is off."""
    text = t("offline.update.saving") if applying else t("offline.update.text")
    return (f'<div class="alert update-banner" id="update-banner">{icon_html(icons.INFO)}'
            f'<p class="alert-text">{esc(text)}</p>'
            + button(t("offline.update.reload"), "update.reload", cls="btn btn-small btn-primary", disabled=applying)
            + "</div>")
