"""Personen: the list of everybody in the network; tap a row to open the shared person sheet."""
from __future__ import annotations

from ..model import FASEN, SECTORS
from ..render import icons, personen
from ..render.personen import FILTERS, PAGE, PersonenView
from .screens import Screen, register


def render(app) -> str:
    return personen.render(app.case, app.view_state(PersonenView))


def handle(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    v = app.view_state(PersonenView)
    if verb == "open":
        pid = data.get("pid", "")
        if any(p.id == pid for p in app.case.personen):
            app.open_person(pid)
    elif verb == "add":
        flt = v.filter
        app.new_person(sector=flt if flt in SECTORS else None)
    elif verb == "search":
        v.query = str(data.get("value", ""))[:200]
        v.limit = PAGE
    elif verb == "filter":
        flt = data.get("filter", "alle")
        v.filter = "alle" if flt == v.filter or flt not in FILTERS else flt
        v.limit = PAGE
    elif verb == "more":
        v.limit += PAGE
        app.focus_request = "#personen-more"
    else:
        raise KeyError(action)


register(Screen(key="personen", label_key="ui.screen.personen", icon=icons.PEOPLE,
                phases=FASEN, render=render, handle=handle, order=10,
                desc_key="ui.screen.personen_desc"))
