"""Contactschema screen, the events: add a person's row, edit its cells, sort, remove; the SVG export.

The HTML comes from render/contactschema.py. Every change of a cell is one undoable edit
(ops.set_contact) with a toast naming it; typed text (*Wat doen jullie samen?*) is committed by the
browser after a quiet second and while typing is one undo step (App.coalesce), like the person sheet.
"""
from __future__ import annotations

from typing import Any

from ..messages import t
from ..model import ops
from ..model.case import FREQUENTIES
from ..model.limits import MAX_NAME, MAX_TEXT
from ..render import contactschema, icons
from ..render.contactschema import ICON, KEY, ContactschemaView, columns
from ..render.contactschema_svg import DAYS, FEELINGS, WAYS, WISHES, export_svg
from .screens import Export, Screen, register, register_export
from .sheets import ExportSheet
from .svg_export import download_svg

CHOICES = {"hoe_vaak": FREQUENTIES, "tevreden": FEELINGS, "wens": WISHES}


def render(app) -> str:
    v = app.view_state(ContactschemaView)
    if v.open is not None and all(c.persoon != v.open for c in app.case.contacten):
        v.open = None  # the row went (removed, undone): nothing to edit
    return contactschema.render(app.case, v)


def _name(app, pid: str) -> str:
    return app.case.persoon(pid).naam


def _row(app, pid: str):
    return ops.contact(app.case, pid)


def _new_contact(case, naam: str):
    """Quick add: a new person (name only, waiting in the list for a place on the maps) and their row,
    as one edit."""
    case, pid = ops.add_person(case, naam)
    return ops.set_contact(case, pid), pid


def _focus_editor(app, field: str = "") -> None:
    app.focus_request = f"#cs-ed-{field} button[aria-pressed=\"true\"], #cs-ed-{field} button, #cs-ed-{field} input" \
        if field else "#cs-edit-title"


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    v = app.view_state(ContactschemaView)
    pid = str(data.get("pid", ""))
    if verb == "sort":
        col = str(data.get("col", ""))
        if col in columns(v):
            v.desc = (not v.desc) if v.sort == col else False
            v.sort = col
            app.focus_request = f'[data-action="{KEY}.sort"][data-col="{col}"]'
        return None
    if verb == "days":
        v.days = not v.days
        return None
    if verb == "more":
        v.shown = max(v.shown, contactschema.ROWS_STEP) + contactschema.ROWS_STEP
        return None
    if verb == "add":
        v.adding = not v.adding
        v.find = ""
        app.focus_request = "#cs-pick-title" if v.adding else "#cs-add"
        return None
    if verb == "find":
        v.find = str(data.get("value", ""))[:MAX_NAME]
        return None
    if verb == "fig":
        key = str(data.get("key", "")) or None
        v.fig = None if key == v.fig else key
        return None
    if verb == "export":
        app.open_sheet(ExportSheet())
        return None
    if verb == "new":
        naam = " ".join(str(data.get("naam", data.get("value", ""))).split())[:MAX_NAME]
        if not naam:
            app.focus_request = "#cs-new"
            return None
        new_pid = app.apply(_new_contact, naam, label=t("contactschema.toast.new", naam=naam))
        if new_pid:
            v.adding, v.find, v.open = False, "", new_pid
            _focus_editor(app, "hoe_vaak")
        return new_pid
    # everything below is about one person's row
    try:
        naam = _name(app, pid)
    except KeyError:
        return None
    if verb == "pick":
        if pid == app.case.klant_id:
            return None
        if _row(app, pid) is None:
            app.apply(ops.set_contact, pid, label=t("contactschema.toast.added", naam=naam))
        v.adding, v.find, v.open = False, "", pid
        _focus_editor(app, "hoe_vaak")
        return None
    if verb == "person":
        app.open_person(pid)
        return None
    c = _row(app, pid)
    if c is None:
        return None
    if verb == "open":
        field = str(data.get("field", ""))
        if v.open == pid and not field:
            v.open = None  # *Klaar*, or the name tapped again
            app.focus_request = f'.cs-row[data-pid="{pid}"] .cs-name'
        else:
            v.open = pid
            _focus_editor(app, field if field in ("hoe_vaak", "manieren", "samen_doen", "tevreden", "wens", "dagen")
                          else "")
        return None
    if verb == "set":
        field = str(data.get("field", ""))
        if field not in CHOICES:
            return None
        value = str(data.get("value", "")) or None
        if value is not None and value not in CHOICES[field]:
            return None
        if getattr(c, field) != value:
            app.apply(ops.set_contact, pid, label=_label(naam, field), **{field: value})
        _focus_editor(app, field)
        return None
    if verb == "way":
        way = str(data.get("value", ""))
        if way in WAYS:
            ways = [m for m in c.manieren if m != way] if way in c.manieren else [*c.manieren, way]
            app.apply(ops.set_contact, pid, manieren=ways, label=_label(naam, "manieren"))
            app.focus_request = f'#cs-ed-manieren [data-value="{way}"]'
        return None
    if verb == "day":
        day = str(data.get("value", ""))
        if day == "":
            days = None
        elif day in DAYS:
            now = list(c.dagen or ())
            days = [d for d in now if d != day] if day in now else [*now, day]
        else:
            return None
        if (days or None) != c.dagen:
            app.apply(ops.set_contact, pid, dagen=days, label=_label(naam, "dagen"))
        app.focus_request = f'#cs-ed-dagen [data-value="{day}"]'
        return None
    if verb == "samen":
        text = " ".join(str(data.get("value", "")).split())[:MAX_TEXT]
        if text != c.samen_doen:
            app.apply(ops.set_contact, pid, samen_doen=text, label=_label(naam, "samen_doen"))
        return None
    if verb == "remove":
        def yes() -> None:
            app.apply(ops.remove_contact, pid, label=t("contactschema.toast.removed", naam=naam))
            v.open = None
            app.focus_request = "#cs-add"

        app.confirm(t("contactschema.remove_title", naam=naam), t("contactschema.remove_text", naam=naam),
                    t("contactschema.remove_yes", naam=naam), yes)
        return None
    raise KeyError(action)


def _label(naam: str, field: str) -> str:
    return t("contactschema.toast.changed", naam=naam, veld=t(f"contactschema.col.{field}").rstrip("?").lower())


# ----- export (toolbar and menu *Exporteren*) -----

def run_export(app, options: dict) -> str:
    """Download the contactschema as a standalone SVG (in the screen's order) that opens again as the case."""
    v = app.view_state(ContactschemaView)
    return download_svg(app, options, lambda case, today: export_svg(case, today=today, col=v.sort, desc=v.desc),
                        suffix=KEY, done_key="contactschema.export.done")


register(Screen(key=KEY, label_key="contactschema.bar", icon=ICON, phases=("netwerkatlas",),
                render=render, handle=handle, order=40, desc_key="contactschema.b1", term_key="contactschema.title", stylesheet="contactschema.css"))
register_export(Export(key="contactschema_svg", label_key="contactschema.export", run=run_export, order=50,
                       icon=icons.EXPORT))
