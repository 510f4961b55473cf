"""Plan screen, the events: modes (plan.show, also called by the Bijeenkomst steps 5 and 6), adding,
editing and removing agreements, the wie picker, the piketpaaltjes' oordeel, Vergelijk met vorige,
and the plan's SVG export (menu *Exporteren*).

Every change of the case is one `app.apply` (one undo step, a toast, autosave); typed text comes in
through `plan.field` like the person sheet's fields (the browser commits it after 1 s of quiet and on
leaving the field, one undo step per field).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from ..messages import t
from ..model import ops
from ..render import icons, plan
from ..render.plan import FREQS, KEY, MODES, STATUSES, PlanView
from ..render.plan_svg import export_svg
from .screens import Export, Screen, register, register_export
from .svg_export import download_svg

TEXT_FIELDS = ("wat", "waar", "wanneer", "hoe")
DATE_FIELDS = ("start", "evaluatie")


def render(app) -> str:
    # during the time without the begeleider the figures (Wie draagt wat) stay out of sight
    return plan.render(app.case, app.view_state(PlanView), today=app.now().date(), hide_figures=app.privetijd)


def _agreement(app, aid: str):
    current = app.case.huidig_plan
    for a in (current.afspraken if current else ()):
        if a.id == aid:
            return a
    return None


def show(app, mode: str) -> None:
    """Open the plan screen in `mode` ("bewerken" or "presentatie")."""
    v = app.view_state(PlanView)
    v.mode = mode if mode in MODES else "bewerken"
    if v.mode == "presentatie":
        v.open_id = None
        v.adding = None
    if app.screen != KEY:
        app.go(KEY)
    else:
        app.focus_request = f"#pl-mode-{v.mode}"


def _parse_date(value: str) -> Optional[dt.date]:
    value = value.strip()
    if not value:
        return None
    return dt.date.fromisoformat(value)


def _set_field(app, a, name: str, raw: str) -> None:
    if name in TEXT_FIELDS:
        value: Any = raw.strip()
        if name == "wat" and not value:
            return  # emptying wat does not delete the agreement: the remove button does
    elif name in DATE_FIELDS:
        try:
            value = _parse_date(raw)
        except ValueError:
            app.alert(t("plan.err.date"))
            return
    else:
        raise KeyError(f"plan field {name!r}")
    if getattr(a, name) == value:
        return
    app.apply(ops.update_agreement, a.id, label=t("plan.toast.changed", veld=t(f"plan.field.{name}").lower()),
              **{name: value})


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    v = app.view_state(PlanView)
    if verb == "show":
        show(app, str(data.get("mode", "bewerken")))
        return None
    if verb == "adding":
        vraag = data.get("vraag")
        v.adding = None if vraag is None or data.get("cancel") else str(vraag)
        v.open_id = None
        app.focus_request = "#pl-new" if v.adding is not None else "#content"
        return None
    if verb == "add":
        wat = str(data.get("wat", "")).strip()
        vraag = str(data.get("vraag", "")) or None
        if not wat:
            app.alert(t("plan.err.wat_empty"))
            app.focus_request = "#pl-new"
            return None
        aid = app.apply(ops.add_agreement, vraag, wat, today=app.now().date(), label=t("plan.toast.added"))
        if aid:
            v.adding = None
            v.open_id = aid
            v.all_people = False
            app.focus_request = f"#pl-wie-{aid} button"
        return aid
    if verb == "open":
        aid = str(data.get("aid", ""))
        if _agreement(app, aid) is not None:
            v.open_id = aid
            v.adding = None
            v.all_people = False
            app.focus_request = "#pl-wat"
        return None
    if verb == "close":
        aid = v.open_id
        v.open_id = None
        app.focus_request = f'#pl-a-{aid} .pl-edit' if aid else "#content"
        return None
    a = _agreement(app, str(data.get("aid", ""))) if "aid" in data else None
    if verb == "field":
        if a is not None:
            _set_field(app, a, str(data.get("field", "")), str(data.get("value", "")))
        return None
    if verb == "set":
        if a is None:
            return None
        name = str(data.get("field", ""))
        value = str(data.get("value", ""))
        if name == "hoe_vaak":
            new: Any = value if value in FREQS else None
        elif name == "status":
            if value not in STATUSES:
                return None
            new = value
        else:
            raise KeyError(f"plan field {name!r}")
        if getattr(a, name) != new:
            app.apply(ops.update_agreement, a.id, label=t("plan.toast.changed", veld=t(f"plan.field.{name}").lower()),
                      **{name: new})
        return None
    if verb == "wie":
        pid = str(data.get("pid", ""))
        if a is None or pid not in {p.id for p in app.case.personen}:
            return None
        wie = [x for x in a.wie if x != pid] if pid in a.wie else [*a.wie, pid]
        app.apply(ops.update_agreement, a.id, wie=wie, label=t("plan.toast.wie"))
        app.focus_request = f'#pl-wie-{a.id} [data-pid="{pid}"]'
        return None
    if verb == "people":
        v.all_people = not v.all_people
        return None
    if verb == "remove":
        if a is not None:
            _ask_remove(app, a)
        return None
    if verb == "oordeel":
        pid = str(data.get("pid", ""))
        pk = next((p for p in app.case.bijeenkomst.piketpaaltjes if p.id == pid), None)
        choice = str(data.get("value", ""))
        if pk is None or choice not in ("akkoord", "nog_niet"):
            return None
        if choice == pk.oordeel:
            return None
        app.apply(ops.set_piket_oordeel, pid, choice, pk.uitleg,
                  label=t("plan.toast.oordeel", oordeel=t(f"plan.piket.{choice}").lower()))
        if choice == "nog_niet":
            app.focus_request = f"#pl-uitleg-{pid}"
        return None
    if verb == "uitleg":
        pid = str(data.get("pid", ""))
        pk = next((p for p in app.case.bijeenkomst.piketpaaltjes if p.id == pid), None)
        value = str(data.get("value", "")).strip()
        if pk is None or value == pk.uitleg:
            return None
        app.apply(ops.set_piket_oordeel, pid, pk.oordeel, value, label=t("plan.toast.uitleg"))
        return None
    if verb == "compare":
        v.compare = not v.compare
        v.compare_to = None
        app.focus_request = "#pl-cmp-title" if v.compare else "#pl-compare"
        return None
    if verb == "compare_to":
        try:
            v.compare_to = int(data.get("value", ""))
        except (TypeError, ValueError):
            v.compare_to = None
        return None
    raise KeyError(action)


def _ask_remove(app, a) -> None:
    aid, wat = a.id, a.wat
    view = app.view_state(PlanView)

    def yes() -> None:
        app.apply(ops.remove_agreement, aid, label=t("plan.toast.removed"))
        if view.open_id == aid:
            view.open_id = None
        app.focus_request = "#content"

    app.confirm(t("plan.remove.title"), t("plan.remove.text", wat=wat), t("plan.remove.yes"), yes)


# ----- export (menu *Exporteren*) -----

def run_export(app, options: dict) -> str:
    """Download "Ons plan" as a standalone SVG that opens again as the case (privacy choices applied)."""
    return download_svg(app, options, lambda case, today: export_svg(case, today=today), suffix=KEY,
                        done_key="plan.export.done")


register(Screen(key=KEY, label_key="plan.screen", icon=plan.ICON_PLAN, phases=("meedenkbijeenkomst", "basisteam"),
                render=render, handle=handle, order=60, desc_key="plan.b1", stylesheet="plan.css",
                privetijd=True))  # the plan is what the network writes in the time without the begeleider
register_export(Export(key="plan_svg", label_key="plan.export", run=run_export, order=60, icon=icons.EXPORT))
