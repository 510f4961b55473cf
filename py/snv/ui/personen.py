"""Personen: the list of everybody in the network; tap a row to open the shared person sheet."""
from __future__ import annotations

from ..model import FASEN
from ..render import icons
from ..render.personen import FILTERS, PAGE, personen_screen
from .screens import Screen, register


def _view(app) -> dict:
    return app.view.setdefault("personen", {"query": "", "filter": "alle", "limit": PAGE})


def render(app) -> str:
    v = _view(app)
    return personen_screen(app.case, query=v["query"], flt=v["filter"], limit=v["limit"])


def handle(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    v = _view(app)
    if verb == "open":
        pid = data.get("pid", "")
        if any(p.id == pid for p in app.case.personen):
            app.open_person(pid)
    elif verb == "add":
        flt = v["filter"]
        app.new_person(sector=flt if flt in FILTERS[1:6] else None)
    elif verb == "search":
        v["query"] = str(data.get("value", ""))[:200]
        v["limit"] = PAGE
    elif verb == "filter":
        flt = data.get("filter", "alle")
        v["filter"] = "alle" if flt == v["filter"] or flt not in FILTERS else flt
        v["limit"] = PAGE
    elif verb == "more":
        v["limit"] += PAGE
        app.focus_request = "#personen-more"
    else:
        raise KeyError(action)


register(Screen(key="personen", label_key="ui.screen.personen", icon=icons.PEOPLE,
                phases=FASEN, render=render, handle=handle, order=10,
                desc_key="ui.screen.personen_desc"))
