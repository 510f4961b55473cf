"""*Rustig scherm*, the events: choose a page, *Lees voor* and *Stop*. The HTML is
render/client_view.py; the frame shows it instead of the screens while `app.prefs.client` is on
(ui/view.py); turning it on and off is ui/prefs.py (the menu, and *Terug* in the view's header).

*Lees voor* hands the page's sentences (render/client_view.script) to the host, which speaks them with
the browser's own speech synthesis and a voice on the device (ui/speech_dom.py); nothing is sent
anywhere. When it ends, stops or cannot start, the host calls `spoken` (with the reason it could not).
"""
from __future__ import annotations

from typing import Optional

from ..messages import language, t
from ..render.client_view import PAGES, ClientView, script

PROBLEMS = ("none", "no_voice", "failed")  # why nothing (more) is read: client.speech.<problem>


def read(app) -> None:
    """Read the page on show aloud, in the app's language."""
    lines = script(app.case, app.view_state(ClientView).page)
    app.stop_speaking()
    app.speaking = True
    app.focus_request = "#cv-stop"
    app.host.speak(lines, language(), lambda problem=None: spoken(app, problem))


def spoken(app, problem: Optional[str] = None) -> None:
    """The host is done reading (to the end, stopped, or it could not: `problem`)."""
    if not app.speaking:
        return  # stopped already (Stop, another page, Terug)
    app.speaking = False
    if problem in PROBLEMS:
        app.alert(t(f"client.speech.{problem}"))
    app.focus_request = "#cv-read"
    app.request_render()


def handle(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    v = app.view_state(ClientView)
    if verb == "page":
        value = str(data.get("value", ""))
        if value in PAGES and value != v.page:
            app.stop_speaking()
            v.page = value
        app.focus_request = f"#cv-bar-{v.page}"
    elif verb == "read":
        read(app)
    elif verb == "stop":
        app.stop_speaking()
        app.focus_request = "#cv-read"
    else:
        raise KeyError(action)
