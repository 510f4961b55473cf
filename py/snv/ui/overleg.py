"""Overleg screen (the basisteam's meetings), the events: a new meeting, walking its eight parts, who is
there, successes and worries, changes to the plan (the first one in a meeting makes a new plan version:
model/ops.py, basisteam section), owners for open questions, a map of today, the next date, removing a
meeting, and the printable verslag (print, Ctrl+P, the menu's export).

Every change of the case is one `app.apply` (one undo step, a toast, autosave); typed text of the plan
editor comes in through `overleg.field` like the plan screen's `plan.field`. Not shown during *Tijd
zonder begeleider* (Screen.privetijd stays False).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Optional

from ..analysis import basisteam as bt
from ..messages import t
from ..model import ops
from ..render.format import name_of
from ..render import icons, overleg
from ..render.overleg import ICON, KEY, STEPS, OverlegView
from ..render.plan import FREQS, STATUSES, date_long
from ..render.verslag_svg import export_svg
from .app import Toast
from .screens import Export, Screen, register, register_export
from .svg_export import download_svg
from .team import set_owner, toggle_owner_picker

TEXT_FIELDS = ("wat", "waar", "wanneer", "hoe")
DATE_FIELDS = ("start", "evaluatie")


def _warnings(app) -> tuple[str, ...]:
    """Wie draagt wat's kind sentences for step 5 (analysis/load.py), only when that step shows."""
    v = app.view_state(OverlegView)
    if v.open_id is None or v.step != 5:
        return ()
    from ..analysis.load import compute_load  # noqa: PLC0415 (only step 5 needs it)

    return tuple(w.text for w in compute_load(app.case, today=app.now().date()).warnings)


def render(app) -> str:
    return overleg.render(app.case, app.view_state(OverlegView), today=app.now().date(), warnings=_warnings(app))


def _open(app):
    """The meeting being walked through, or None (gone after an undo: back to the list)."""
    v = app.view_state(OverlegView)
    o = next((m for m in app.case.basisteam.overleggen if m.id == v.open_id), None) if v.open_id else None
    if o is None:
        v.open_id = None
    return o


def _agreement(app, aid: str):
    plan = app.case.huidig_plan
    return next((a for a in (plan.afspraken if plan else ()) if a.id == aid), None)


def _plan_edit(app, fn: Callable, *args: Any, label: str, **kw: Any) -> Any:
    """One change of the plan inside the open meeting; the toast says so when it made a new version."""
    o = _open(app)
    if o is None:
        return None
    before = app.case.huidig_plan.versie if app.case.huidig_plan else 0
    result = app.apply(fn, o.id, *args, label=label, **kw)
    after = app.case.huidig_plan.versie if app.case.huidig_plan else 0
    if after > before and app.toast is not None:
        app.toast = Toast(t("overleg.toast.version", what=label, versie=after), undo=True)
    return result


def _int(value: Any, default: int = -1) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _date_or_none(value: Any) -> Optional[str]:
    text = str(value or "").strip()
    return text or None


def new_meeting(app) -> Optional[str]:
    """*Nieuw overleg*: today, with the vaste groep marked present (tap to change); the walk opens."""
    today = app.now().date()
    oid = app.apply(ops.add_overleg, today, aanwezig=bt.team_ids(app.case),
                    label=t("overleg.toast.new", datum=date_long(today, today)))
    if oid:
        v = app.view_state(OverlegView)
        v.open_id, v.step, v.edit_aid, v.more, v.owner_q = oid, 1, None, False, None
        app.focus_request = "#screen-title"
    return oid


def _set_field(app, a, name: str, raw: str) -> None:
    value: Any
    if name in TEXT_FIELDS:
        value = raw.strip()
        if name == "wat" and not value:
            return  # emptying wat does not delete the agreement: the remove button does
    elif name in DATE_FIELDS:
        try:
            value = dt.date.fromisoformat(raw.strip()) if raw.strip() else None
        except ValueError:
            app.alert(t("plan.err.date"))
            return
    else:
        raise KeyError(f"plan field {name!r}")
    if getattr(a, name) != value:
        _plan_edit(app, ops.overleg_update_agreement, a.id,
                   label=t("plan.toast.changed", veld=t(f"plan.field.{name}").lower()), **{name: value})


def _ask_remove_meeting(app, oid: str) -> None:
    o = next((m for m in app.case.basisteam.overleggen if m.id == oid), None)
    if o is None:
        return
    datum = date_long(o.datum, app.now().date())

    def yes() -> None:
        app.apply(ops.remove_overleg, oid, label=t("overleg.toast.removed", datum=datum))
        v = app.view_state(OverlegView)
        if v.open_id == oid:
            v.open_id = None
        app.focus_request = "#screen-title"

    app.confirm(t("overleg.remove.title", datum=datum), t("overleg.remove.text"), t("overleg.remove.yes"), yes)


def _ask_remove_agreement(app, a) -> None:
    aid, wat = a.id, a.wat

    def yes() -> None:
        _plan_edit(app, ops.overleg_remove_agreement, aid, label=t("plan.toast.removed"))
        v = app.view_state(OverlegView)
        if v.edit_aid == aid:
            v.edit_aid = None
        app.focus_request = "#ov-new-wat"

    app.confirm(t("plan.remove.title"), t("plan.remove.text", wat=wat), t("plan.remove.yes"), yes)


def _walk(app, verb: str, data: dict) -> bool:
    """The actions of the meeting that is open; False when `verb` is not one of them."""
    v = app.view_state(OverlegView)
    o = _open(app)
    if o is None:
        return verb in {"date", "present", "item_add", "item_remove", "add_vraag", "agree_add", "edit", "close",
                        "field", "set", "wie", "people", "remove", "status", "snap", "next_date", "more"}
    if verb == "date":
        value = _date_or_none(data.get("value"))
        if value is None:
            app.alert(t("overleg.err.date"))
        elif value != o.datum.isoformat():
            app.apply(ops.update_overleg, o.id, datum=value, label=t("overleg.toast.date"))
    elif verb == "present":
        pid = str(data.get("pid", ""))
        if pid in {p.id for p in app.case.personen}:
            on = pid not in o.aanwezig
            app.apply(ops.set_overleg_present, o.id, pid, on,
                      label=t("overleg.toast.here" if on else "overleg.toast.away", naam=name_of(app.case, pid)))
            app.focus_request = f'[data-action="{KEY}.present"][data-pid="{pid}"]'
    elif verb == "more":
        v.more = not v.more
        app.focus_request = "#ov-more"
    elif verb == "item_add":
        veld = str(data.get("veld", ""))
        if veld in ops.OVERLEG_LISTS:
            tekst = str(data.get("tekst", data.get("value", "")))
            app.apply(ops.add_overleg_item, o.id, veld, tekst, label=t(f"overleg.toast.{veld}"))
            app.focus_request = f"#ov-new-{veld}"
    elif verb == "item_remove":
        veld = str(data.get("veld", ""))
        index = _int(data.get("index"))
        items = getattr(o, veld, None) if veld in ops.OVERLEG_LISTS else None
        if items is not None and 0 <= index < len(items):
            app.apply(ops.remove_overleg_item, o.id, veld, index,
                      label=t("overleg.toast.item_removed", tekst=items[index]))
            app.focus_request = f"#ov-new-{veld}"
    elif verb == "add_vraag":
        vraag = str(data.get("value", ""))
        v.add_vraag = vraag if vraag in {q.id for q in app.case.basisposter.vragen} else ""
        app.focus_request = "#ov-new-wat"
    elif verb == "agree_add":
        wat = str(data.get("wat", "")).strip()
        if not wat:
            app.alert(t("plan.err.wat_empty"))
            app.focus_request = "#ov-new-wat"
            return True
        vraag_id = v.add_vraag if v.add_vraag in {q.id for q in app.case.basisposter.vragen} else None
        aid = _plan_edit(app, ops.overleg_add_agreement, vraag_id, wat, label=t("plan.toast.added"))
        if aid:
            v.edit_aid, v.all_people = aid, False
            app.focus_request = f"#pl-wie-{aid} button"
    elif verb == "edit":
        aid = str(data.get("aid", ""))
        if _agreement(app, aid) is not None:
            v.edit_aid, v.all_people = aid, False
            app.focus_request = "#pl-wat"
    elif verb == "close":
        aid, v.edit_aid = v.edit_aid, None
        app.focus_request = f'#ov-a-{aid} [data-action="{KEY}.edit"]' if aid else "#screen-title"
    elif verb == "people":
        v.all_people = not v.all_people
    elif verb == "snap":
        app.apply(ops.take_snapshot, overleg.snapshot_title(o), app.now(), label=t("map.snap.made"))
        app.focus_request = "#ov-snap"
    elif verb == "next_date":
        value = _date_or_none(data.get("value"))
        if value != (o.volgende.isoformat() if o.volgende else None):
            app.apply(ops.update_overleg, o.id, volgende=value, label=t("overleg.toast.next"))
    else:
        a = _agreement(app, str(data.get("aid", "")))
        if verb not in ("field", "set", "wie", "remove", "status"):
            return False
        if a is None:
            return True
        _agreement_action(app, verb, a, data)
    return True


def _agreement_action(app, verb: str, a, data: dict) -> None:
    if verb == "field":
        _set_field(app, a, str(data.get("field", "")), str(data.get("value", "")))
    elif verb == "set":
        name, value = str(data.get("field", "")), str(data.get("value", ""))
        if name == "hoe_vaak":
            new: Any = value if value in FREQS else None
        elif name == "status" and value in STATUSES:
            new = value
        else:
            return
        if getattr(a, name) != new:
            _plan_edit(app, ops.overleg_update_agreement, a.id,
                       label=t("plan.toast.changed", veld=t(f"plan.field.{name}").lower()), **{name: new})
    elif verb == "wie":
        pid = str(data.get("pid", ""))
        if pid in {p.id for p in app.case.personen}:
            wie = [x for x in a.wie if x != pid] if pid in a.wie else [*a.wie, pid]
            _plan_edit(app, ops.overleg_update_agreement, a.id, wie=wie, label=t("plan.toast.wie"))
            app.focus_request = f'#pl-wie-{a.id} [data-pid="{pid}"]'
    elif verb == "status":
        value = str(data.get("value", ""))
        if value in STATUSES and value != a.status:
            key = "overleg.toast.stopped" if value == "gestopt" else "overleg.toast.restarted"
            _plan_edit(app, ops.overleg_update_agreement, a.id, status=value, label=t(key, wat=a.wat))
            app.focus_request = f'#ov-a-{a.id} [data-action="{KEY}.status"]'
    elif verb == "remove":
        _ask_remove_agreement(app, a)


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    v = app.view_state(OverlegView)
    if verb == "new":
        return new_meeting(app)
    if verb == "open":
        oid = str(data.get("oid", ""))
        if any(m.id == oid for m in app.case.basisteam.overleggen):
            v.open_id, v.step, v.edit_aid, v.more, v.owner_q = oid, 1, None, False, None
            app.focus_request = "#screen-title"
        return None
    if verb == "list":
        oid, v.open_id, v.edit_aid = v.open_id, None, None
        app.focus_request = f"#ov-card-{oid} h2" if oid else "#screen-title"
        return None
    if verb == "step":
        nr = _int(data.get("value"))
        if nr in STEPS and _open(app) is not None:
            v.step, v.edit_aid, v.owner_q = nr, None, None
            app.focus_request = "#screen-title"
        return None
    if verb == "escape":  # Esc: close the editor, else leave the walk
        if v.edit_aid is not None:
            return handle(app, f"{KEY}.close", {})
        if v.open_id is not None:
            return handle(app, f"{KEY}.list", {})
        return None
    if verb == "remove_meeting":
        _ask_remove_meeting(app, str(data.get("oid", "")))
        return None
    if verb == "owner_open":
        toggle_owner_picker(app, OverlegView, data)
        return None
    if verb == "owner":
        set_owner(app, OverlegView, data)
        return None
    if _walk(app, verb, data):
        return None
    raise KeyError(action)


# ----- the verslag: print (Ctrl+P prints the open meeting) and the menu's export -----

def print_choices(app) -> dict:
    oid = app.view_state(OverlegView).open_id
    return {"verslag": oid} if oid else {}


def run_export(app, options: dict) -> str:
    """Download the verslag of the open meeting (else the newest) as a standalone SVG that opens again
    as the case (privacy choices applied)."""
    oid = app.view_state(OverlegView).open_id
    return download_svg(app, options, lambda case, today: export_svg(case, today=today, choice=oid), suffix="verslag",
                        done_key="overleg.export.done")


register(Screen(key=KEY, label_key="overleg.screen", icon=ICON, phases=("basisteam",), render=render, handle=handle,
                order=57, desc_key="overleg.sub", term_key="overleg.title", stylesheet="basisteam.css",
                escape=f"{KEY}.escape", print_choices=print_choices))
register_export(Export(key="verslag_svg", label_key="overleg.export", run=run_export, order=80, icon=icons.EXPORT))
