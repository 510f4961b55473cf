"""Familiekaart screen, the events: select a person, add a relative in one step (person and relation,
one undo entry), change or remove a relation, connect a family member who is not on the map yet, the
view toggles and the SVG export. The HTML comes from render/familiekaart.py; no browser-only code is
needed (the symbols are real buttons)."""
from __future__ import annotations

from typing import Any, Optional

from ..messages import t
from ..model import ops
from ..render import familiekaart, icons
from ..render.familiekaart import GESLACHTEN, ICON, KEY, ZOOMS, FamiliekaartView
from ..render.familiekaart_svg import export_svg
from .screens import Export, Screen, register, register_export
from .sheets import ExportSheet
from .svg_export import download_svg


def render(app) -> str:
    return familiekaart.render(app.case, app.view_state(FamiliekaartView))


def _exists(app, pid: Optional[str]) -> bool:
    return bool(pid) and any(p.id == pid for p in app.case.personen)


def _name(app, pid: str) -> str:
    return familiekaart._name(app.case, pid)


def _year(text: str) -> tuple[Optional[int], bool]:
    """(year or None, ok)."""
    text = text.strip()
    if not text:
        return None, True
    if not text.isdigit():
        return None, False
    year = int(text)
    return (year, True) if 1850 <= year <= 2200 else (None, False)


def submit(app, v: FamiliekaartView, data: dict) -> Optional[str]:
    """Create the new relative and the relation in one edit; returns the new id (None: nothing made)."""
    pid, rel = v.selected, v.adding
    if not _exists(app, pid) or rel not in ops.RELATIONS:
        return None
    assert pid is not None and rel is not None
    naam = " ".join(str(data.get("fk-naam", v.naam) or "").split())
    year, ok = _year(str(data.get("fk-jaar", v.jaar) or ""))
    v.naam, v.jaar = naam, str(data.get("fk-jaar", v.jaar) or "")
    if not ok:
        v.error = t("familiekaart.form.jaar_bad")
        app.focus_request = "#fk-jaar"
        return None
    fields: dict[str, Any] = {"geslacht": v.geslacht if v.geslacht in GESLACHTEN else "onbekend",
                              "geboortejaar": year}
    if rel == "partner":
        fields["status"] = v.status
    if rel in ("ouder", "kind"):
        fields["soort"] = v.soort
    if rel == "kind" and v.met and _exists(app, v.met):
        fields["met"] = v.met
    label = t(f"familiekaart.added.{rel}", naam=naam or t("familiekaart.unknown_name"), van=_name(app, pid))
    new = app.apply(ops.add_relative, pid, rel, naam, label=label, **fields)
    if new is None:
        return None
    v.reset_form()
    app.focus_request = f"#fk-add-{rel}"
    return new


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    v = app.view_state(FamiliekaartView)
    if verb == "select":
        pid = str(data.get("pid", ""))
        if _exists(app, pid):
            if v.selected != pid:
                v.reset_form()
            v.selected = pid
            app.focus_request = "#fk-panel-title"
    elif verb == "close":
        if v.selected is None:
            return None  # Esc with no panel open: nothing to close, focus stays
        back = v.selected
        v.selected = None
        v.reset_form()
        app.focus_request = f"#fk-p-{back}" if back else "#content"
    elif verb == "add":
        rel = str(data.get("relation", ""))
        if rel in ops.RELATIONS and _exists(app, v.selected):
            v.reset_form()
            v.adding = rel
            if rel == "kind" and v.selected:
                v.met = familiekaart.default_met(app.case, v.selected)
            app.focus_request = "#fk-naam"
    elif verb == "field":
        value = str(data.get("value", ""))[:80]
        if data.get("field") == "naam":
            v.naam = value
        elif data.get("field") == "jaar":
            v.jaar, v.error = value[:4], ""
    elif verb == "choose":
        field, value = str(data.get("field", "")), str(data.get("value", ""))
        allowed = {"geslacht": GESLACHTEN, "status": ops.PARTNER_STATUSES, "soort": ops.PARENT_KINDS}
        if field in allowed and value in allowed[field]:
            setattr(v, field, value)
        elif field == "met" and (value == "" or _exists(app, value)):
            v.met = value
    elif verb == "submit":
        return submit(app, v, data)
    elif verb == "cancel":
        rel = v.adding
        v.reset_form()
        app.focus_request = f"#fk-add-{rel}" if rel else "#fk-panel-title"
    elif verb == "edit":
        pid = str(data.get("pid", ""))
        if _exists(app, pid):
            app.open_person(pid)
    elif verb == "soort":
        ouder, kind, value = str(data.get("ouder", "")), str(data.get("kind", "")), str(data.get("value", ""))
        if _exists(app, ouder) and _exists(app, kind) and value in ops.PARENT_KINDS:
            app.apply(ops.set_parent, ouder, kind, value, label=t(
                "familiekaart.rel.soort_set", ouder=_name(app, ouder), kind=_name(app, kind),
                soort=t(f"familiekaart.soort.{value}").lower()))
    elif verb == "status":
        a, b, value = str(data.get("a", "")), str(data.get("b", "")), str(data.get("value", ""))
        if _exists(app, a) and _exists(app, b) and value in ops.PARTNER_STATUSES:
            app.apply(ops.set_partner, a, b, value, label=t(
                "familiekaart.rel.status_set", a=_name(app, a), b=_name(app, b),
                status=t(f"familiekaart.status.{value}").lower()))
    elif verb == "remove":
        _ask_remove(app, str(data.get("kind", "")), str(data.get("a", "")), str(data.get("b", "")))
    elif verb == "lines":
        v.lines = not v.lines
    elif verb == "zoom":
        try:
            step = int(data.get("step", 0))
        except (TypeError, ValueError):
            step = 0
        current = ZOOMS.index(1.0) if v.zoom is None else v.zoom
        if v.zoom is None and step < 0:
            current += 1  # "fit" is already smaller than 1: the first step down is one below it
        v.zoom = max(0, min(len(ZOOMS) - 1, current + step))
        v.scroll = None  # centre again on the selected person (or the client) at the new size
    elif verb == "connect":
        pid = str(data.get("pid", ""))
        v.connect = None if (not pid or pid == v.connect or not _exists(app, pid)) else pid
        v.selected = None
        v.reset_form()
        app.focus_request = "#fk-panel-title" if v.connect else "#content"
    elif verb == "link":
        rel = str(data.get("relation", ""))
        other, pid = v.connect, v.selected
        if rel in ops.RELATIONS and _exists(app, other) and _exists(app, pid):
            assert other is not None and pid is not None
            before = app.case
            app.apply(ops.link_relative, pid, rel, other, label=t("familiekaart.linked", naam=_name(app, other)))
            if app.case is not before:
                v.connect = None
                v.selected = other
                app.focus_request = f"#fk-p-{other}"
    elif verb == "export":
        app.open_sheet(ExportSheet())
    else:
        raise KeyError(action)
    return None


def _ask_remove(app, kind: str, a: str, b: str) -> None:
    if not (_exists(app, a) and _exists(app, b)) or kind not in ("parent", "partner"):
        return
    fn = ops.remove_parent if kind == "parent" else ops.remove_partner
    na, nb = _name(app, a), _name(app, b)
    app.confirm(t("familiekaart.rel.remove_title"), t("familiekaart.rel.remove_text", a=na, b=nb),
                t("familiekaart.rel.remove_yes"),
                lambda: app.apply(fn, a, b, label=t("familiekaart.rel.removed", a=na, b=nb)))


# ----- export (toolbar and menu *Exporteren*) -----

def run_export(app, options: dict) -> str:
    """Download the familiekaart as a standalone SVG that opens again as the case."""
    lines = app.view_state(FamiliekaartView).lines
    return download_svg(app, options, lambda case, today: export_svg(case, today=today, lines=lines), suffix=KEY,
                        done_key="familiekaart.export.done")


def _mount(app, root) -> None:
    from . import familiekaart_dom  # noqa: PLC0415 (browser only)

    familiekaart_dom.mount(app, root)


register(Screen(key=KEY, label_key="familiekaart.tab", icon=ICON,
                phases=("netwerkatlas",), render=render, handle=handle,
                mount=_mount, order=16, desc_key="familiekaart.b1", term_key="familiekaart.title", stylesheet="familiekaart.css",
                escape="familiekaart.close"))
register_export(Export(key="familiekaart_svg", label_key="familiekaart.tool.export", run=run_export, order=16,
                       icon=icons.EXPORT))
