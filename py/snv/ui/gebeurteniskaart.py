"""Gebeurteniskaart screen, the events: toolbar, cards on the life line, the event panel, the export.

The HTML comes from render/gebeurteniskaart.py (from the case and the GebeurteniskaartView). Every
change of the case is one undoable edit through app.apply(ops.…); typed text is committed by the
browser through its field's action after a quiet second (one undo step per field, see App.coalesce).
"""
from __future__ import annotations

from typing import Any, Optional

from ..analysis.timeline import moment_kind
from ..messages import t
from ..model import ops
from ..model.case import Case
from ..model.limits import MAX_NAME
from ..render import gebeurteniskaart, icons
from ..render.gebeurteniskaart import KINDS, NEW, GebeurteniskaartView, selected_event
from ..render.gebeurteniskaart_svg import KEY, ZOOM_SIZES, export_svg, feeling_word
from ..render.relatiekaart import RelatiekaartView
from .screens import Export, Screen, register, register_export
from .sheets import ExportSheet
from .svg_export import download_svg


def render(app) -> str:
    return gebeurteniskaart.render(app.case, app.view_state(GebeurteniskaartView))


def _digits(text: str, most: int) -> Optional[int]:
    """A whole number typed with ASCII digits only ("¹⁹⁸⁵".isdigit() is true, int() of it fails)."""
    text = text.strip()
    if not text or not text.isascii() or not text.isdigit() or len(text) > most:
        return None
    return int(text)


def _title(ev) -> str:
    return ev.titel.strip() or t("gebeurteniskaart.no_title")


def _apply_moment(app, v: GebeurteniskaartView, ev, field: str, wanneer: Optional[dict]) -> None:
    """Store a new *Wanneer?* (keeps *ongeveer*); a refused value shows under its field."""
    try:
        ops.update_event(app.case, ev.id, wanneer=wanneer)  # check first: the message goes under the field
    except ops.CaseError as exc:
        v.errors[field] = exc.message
        return
    v.errors.pop(field, None)
    v.kind = None
    app.apply(ops.update_event, ev.id, wanneer=wanneer, label=t("gebeurteniskaart.toast.when", titel=_title(ev)))


def _moment_value(ev, **value: Any) -> dict:
    about = bool(ev.wanneer is not None and ev.wanneer.ongeveer)
    return {**value, "ongeveer": about}


def _switch_kind(app, v: GebeurteniskaartView, ev, kind: str) -> None:
    """*Wanneer?* segmented: Weet niet meer clears the moment at once; another kind is converted when the
    value says enough (a date → its year, an age ↔ a year with the birth year), else it waits for a value."""
    moment = ev.wanneer
    birth = app.case.klant.geboortejaar
    v.errors = {k: e for k, e in v.errors.items() if k == "titel"}
    if kind == "onbekend":
        v.kind = None
        if moment is not None:
            app.apply(ops.update_event, ev.id, wanneer=None, label=t("gebeurteniskaart.toast.when", titel=_title(ev)))
        return
    converted: Optional[dict] = None
    if moment is not None:
        about = moment.ongeveer
        if kind == "jaar" and moment.datum is not None:
            converted = {"jaar": moment.datum.year, "ongeveer": about}
        elif kind == "jaar" and moment.leeftijd is not None and birth is not None:
            converted = {"jaar": birth + moment.leeftijd, "ongeveer": about}
        elif kind == "leeftijd" and birth is not None and (moment.jaar is not None or moment.datum is not None):
            year = moment.jaar if moment.jaar is not None else moment.datum.year
            if 0 <= year - birth <= 130:
                converted = {"leeftijd": year - birth, "ongeveer": about}
    if converted is not None:
        v.kind = None
        app.apply(ops.update_event, ev.id, wanneer=converted, label=t("gebeurteniskaart.toast.when", titel=_title(ev)))
    else:
        v.kind = None if moment_kind(moment) == kind else kind
    app.focus_request = f"#gk-{kind}"


def _add_person(case: Case, eid: str, naam: str) -> tuple[Case, str]:
    """One edit: a new person (name only; they wait in the list for a place on the maps) who was there."""
    case, pid = ops.add_person(case, naam)
    ev = next(g for g in case.gebeurtenissen if g.id == eid)
    return ops.update_event(case, eid, personen=[*ev.personen, pid]), pid


def _ask_remove(app, v: GebeurteniskaartView, ev) -> None:
    titel = _title(ev)

    def yes() -> None:
        app.apply(ops.remove_event, ev.id, label=t("gebeurteniskaart.toast.removed", titel=titel))
        v.sel, v.kind, v.errors = None, None, {}
        app.focus_request = "#gk-add"

    app.confirm(t("gebeurteniskaart.delete_title", titel=titel), t("gebeurteniskaart.delete_text"),
                t("gebeurteniskaart.delete_yes", titel=titel), yes)


def _select(v: GebeurteniskaartView, sel: Optional[str]) -> None:
    if sel != v.sel:
        v.kind, v.errors, v.who = None, {}, ""
    v.sel = sel


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    v = app.view_state(GebeurteniskaartView)
    case = app.case
    ev = selected_event(case, v)
    value = str(data.get("value", ""))
    if verb == "add":
        _select(v, NEW)
        app.focus_request = "#gk-titel"
    elif verb == "select":
        eid = str(data.get("id", ""))
        if any(g.id == eid for g in case.gebeurtenissen):
            _select(v, eid)
            app.focus_request = "#gk-panel-title"
    elif verb == "close":
        back = v.sel
        _select(v, None)
        app.focus_request = f'.gk-ev[data-id="{back}"]' if back and back != NEW else "#gk-add"
    elif verb == "titel":
        titel = value.strip()[:MAX_NAME]
        if not titel:
            if v.sel == NEW:
                return None  # nothing typed yet: still nothing to create
            v.errors["titel"] = t("gebeurteniskaart.err.title")
            return None
        v.errors.pop("titel", None)
        if v.sel == NEW:
            eid = app.apply(ops.add_event, titel, label=t("gebeurteniskaart.toast.added", titel=titel))
            if eid:
                v.sel = eid
            return eid
        if ev is not None and titel != ev.titel:
            app.apply(ops.update_event, ev.id, titel=titel, label=t("gebeurteniskaart.toast.changed", titel=titel))
    elif verb == "zoom":
        try:
            step = int(data.get("step", 0))
        except (TypeError, ValueError):
            step = 0
        old = ZOOM_SIZES[v.zoom].slot_w
        v.zoom = max(0, min(len(ZOOM_SIZES) - 1, v.zoom + step))
        if v.scroll_x:  # stay at about the same place in time (the columns changed width)
            half = (v.view_w or 0) / 2
            v.scroll_x = max(0.0, (v.scroll_x + half) * ZOOM_SIZES[v.zoom].slot_w / old - half)
    elif verb == "list":
        v.as_list = not v.as_list
        app.focus_request = "#gk-list-title" if v.as_list else "#gk-list-btn"
    elif verb == "who":
        v.who = value[:MAX_NAME]
    elif verb == "export":
        app.open_sheet(ExportSheet())
    elif verb == "show_clear":
        app.view_state(RelatiekaartView).event = None
    elif ev is None:
        return None  # the other actions need an event in the panel (it may be gone after an undo)
    elif verb == "verhaal":
        if value.strip() != ev.verhaal:
            app.apply(ops.update_event, ev.id, verhaal=value, label=t("gebeurteniskaart.toast.changed", titel=_title(ev)))
    elif verb == "kind":
        if value in KINDS:
            _switch_kind(app, v, ev, value)
    elif verb == "jaar":
        year = _digits(value, 4)
        if year is None or len(value.strip()) != 4:
            if value.strip():
                v.errors["jaar"] = t("gebeurteniskaart.err.year")
            return None
        _apply_moment(app, v, ev, "jaar", _moment_value(ev, jaar=year))
    elif verb == "leeftijd":
        age = _digits(value, 3)
        if age is None:
            if value.strip():
                v.errors["leeftijd"] = t("gebeurteniskaart.err.age")
            return None
        _apply_moment(app, v, ev, "leeftijd", _moment_value(ev, leeftijd=age))
    elif verb == "datum":
        if not value.strip():
            return None
        _apply_moment(app, v, ev, "datum", _moment_value(ev, datum=value.strip()))
    elif verb == "ongeveer":
        if ev.wanneer is not None:
            moment = ev.wanneer.model_dump()
            moment["ongeveer"] = not ev.wanneer.ongeveer
            app.apply(ops.update_event, ev.id, wanneer=moment, label=t("gebeurteniskaart.toast.when", titel=_title(ev)))
        app.focus_request = "#gk-ongeveer"
    elif verb == "gevoel":
        if value != ev.gevoel:
            app.apply(ops.update_event, ev.id, gevoel=value,
                      label=t("gebeurteniskaart.toast.feeling", titel=_title(ev), gevoel=feeling_word(value).lower()
                              if value in ("fijn", "moeilijk", "allebei") else value))
    elif verb == "person":
        pid = str(data.get("pid", ""))
        if pid in ev.personen:
            people = [p for p in ev.personen if p != pid]
        elif any(p.id == pid for p in case.personen) and pid != case.klant_id:
            people = [*ev.personen, pid]
        else:
            return None
        app.apply(ops.update_event, ev.id, personen=people, label=t("gebeurteniskaart.toast.persons", titel=_title(ev)))
        app.focus_request = f'#gk-panel [data-action="{KEY}.person"][data-pid="{pid}"]'
    elif verb == "new_person":
        naam = str(data.get("naam", data.get("value", ""))).strip()[:MAX_NAME]
        if naam:
            app.apply(_add_person, ev.id, naam, label=t("gebeurteniskaart.toast.person_added", naam=naam,
                                                            titel=_title(ev)))
        app.focus_request = "#gk-newperson"
    elif verb == "show":
        rk = app.view_state(RelatiekaartView)
        rk.event = ev.id
        app.go("relatiekaart")
    elif verb == "remove":
        _ask_remove(app, v, ev)
    else:
        raise KeyError(action)
    return None


# ----- export (toolbar and menu *Exporteren*) -----

def run_export(app, options: dict) -> str:
    """Download the life line as a standalone SVG that opens again as the case (privacy choices applied)."""
    return download_svg(app, options, lambda case, today: export_svg(case, today=today), suffix=KEY,
                        done_key="gebeurteniskaart.toast.export")


def _mount(app, root) -> None:
    from . import gebeurteniskaart_dom  # noqa: PLC0415 (browser only)

    gebeurteniskaart_dom.mount(app, root)


register(Screen(key=KEY, label_key="gebeurteniskaart.bar", icon=gebeurteniskaart.ICON_LINE,
                phases=("netwerkatlas",), render=render, handle=handle,
                mount=_mount, order=30, desc_key="gebeurteniskaart.desc", term_key="gebeurteniskaart.title", stylesheet="gebeurteniskaart.css"))
register_export(Export(key="gebeurteniskaart_svg", label_key="gebeurteniskaart.tool.export", run=run_export, order=40,
                       icon=icons.EXPORT))
