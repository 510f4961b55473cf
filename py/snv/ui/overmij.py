"""*Alles over mij*: a read-only overview of everything in the case (reached by tapping the alias)."""
from __future__ import annotations

from ..render import icons, overmij
from .screens import Screen, register
from .sheets import FileOptions


def render(app) -> str:
    return overmij.render(app.case, print_notes=app.view_state(FileOptions).notes)


def handle(app, action: str, data: dict) -> None:
    if action == "overmij.edit":
        app.open_person(app.case.klant_id)
    elif action == "overmij.print_notes":  # the same choice as "Notities van de begeleider meenemen"
        app.view_state(FileOptions).notes = data.get("checked") in (True, "true")
    elif action == "overmij.print":
        app.host.print_page()
    else:
        raise KeyError(action)


register(Screen(key="overmij", label_key="ui.overmij.title", icon=icons.PERSON, phases=(), render=render,
                handle=handle, order=900, tile=False, editing=False))
