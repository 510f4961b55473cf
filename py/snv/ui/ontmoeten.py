"""Ontmoeten screen, the events: the story (typed text is committed after 1 s of quiet by the browser,
one undo step per field), the date, *Wat lukt al wel?* cards (shared with the basisposter), quick add
of a person by name only, export."""
from __future__ import annotations

from typing import Any

from ..messages import t
from ..model import ops
from ..model.limits import MAX_NAME
from ..render import icons, ontmoeten
from ..render.ontmoeten import KEY, OntmoetenView
from .basisposter import card_action
from .screens import Export, Screen, register, register_export
from .svg_export import download_svg


def render(app) -> str:
    return ontmoeten.render(app.case, app.view_state(OntmoetenView))


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    view = app.view_state(OntmoetenView)
    case = app.case
    if verb == "verhaal":
        text = str(data.get("value", ""))
        if text.rstrip() != case.ontmoeten.verhaal:
            app.apply(ops.update_ontmoeten, verhaal=text, label=t("ontmoeten.toast.story"))
    elif verb == "datum":
        value = str(data.get("value", "")).strip() or None
        current = case.ontmoeten.datum.isoformat() if case.ontmoeten.datum else None
        if value != current:
            app.apply(ops.update_ontmoeten, datum=value, label=t("ontmoeten.toast.date"))
    elif verb == "person":
        naam = str(data.get("naam", data.get("value", ""))).strip()
        app.focus_request = "#om-person"
        if not naam:
            view.person_error = t("ontmoeten.people_empty")
        elif len(naam) > MAX_NAME:
            view.person_error = t("ontmoeten.people_long", max=MAX_NAME)
        else:
            view.person_error = ""
            app.apply(ops.add_person, naam, label=t("ontmoeten.toast.person", naam=naam))
    elif verb == "open_person":
        pid = str(data.get("pid", ""))
        if any(p.id == pid for p in case.personen):
            app.open_person(pid)
    elif not card_action(app, view, KEY, verb, data):
        raise KeyError(action)
    return None


def run_export(app, options: dict) -> str:
    """Download Ontmoeten as a standalone SVG that opens again as the case (privacy choices applied)."""
    from ..render.ontmoeten_svg import export_svg  # noqa: PLC0415

    return download_svg(app, options, lambda case, today: export_svg(case, today=today), suffix=KEY,
                        done_key="ontmoeten.export.done")


register(Screen(key=KEY, label_key="ontmoeten.title", icon=ontmoeten.ICON, phases=("ontmoeten",), render=render,
                handle=handle, order=5, desc_key="ontmoeten.desc", stylesheet="ontmoeten.css"))
register_export(Export(key="ontmoeten_svg", label_key="ontmoeten.export", run=run_export, order=5, icon=icons.EXPORT))
