"""A new version of the app: "Er is een nieuwe versie. Herladen?" (site/offline.js finds it).

The service worker installs a new build in the background and site/offline.js says so; the browser
host then calls `available(app)`. The banner appears only at a calm moment (no text being typed, no
sheet open) and then stays; it never reloads on its own. *Herladen* saves first (typed text included)
and reloads only once everything is stored; in memory mode (no storage) it is not offered, as a reload
would lose the case.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..render import update as render


@dataclass
class UpdateState:
    available: bool = False  # a new build waits (site/offline.js)
    shown: bool = False  # the banner was shown once: it stays, so it does not blink with each edit
    applying: bool = False  # *Herladen* was chosen: saving, then reloading


def available(app) -> None:
    app.view_state(UpdateState).available = True
    app.request_render()


def _calm(app) -> bool:
    return not (app.drafting or app.sheet is not None or app.onboarding or app.ended)


def banner(app) -> str:
    """The banner's HTML, or "" (also: marks it shown the first time it may appear)."""
    state = app.view_state(UpdateState)
    if not state.available or app.memory or app.ended:
        return ""
    if not state.shown:
        if not _calm(app):
            return ""
        state.shown = True
    return render.banner(applying=state.applying)


def handle(app, action: str, data: dict) -> None:
    if action != "update.reload":
        raise KeyError(action)
    state = app.view_state(UpdateState)
    if state.available and not state.applying and not app.memory:
        state.applying = True
        app.host.apply_update()


def not_applied(app) -> None:
    """Saving before the reload did not succeed (the alert says why): stay, offer it again."""
    app.view_state(UpdateState).applying = False
    app.request_render()
