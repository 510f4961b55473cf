"""From the App state to the HTML of each frame region (pure; the browser diffs and applies them)."""
from __future__ import annotations

from ..messages import t
from ..render import frame
from ..render.screens_person import person_sheet
from ..render.screens_start import onboarding
from . import screens


def current_screen(app) -> screens.Screen:
    screen = screens.get(app.screen) or screens.get("start")
    if screen is None:  # pragma: no cover - the start screen is always registered
        raise RuntimeError("no start screen registered")
    return screen


def regions(app) -> dict[str, str]:
    """Inner HTML of every region in frame.REGIONS, plus "@sheet" and "@screen" for frame attributes."""
    case = app.case
    sheet = app.sheet or {}
    kind = sheet.get("kind", "")
    out: dict[str, str] = {}
    if app.ended:
        out["alias"] = frame.alias("", onboarding=True)
        out["savestatus"] = out["savefix"] = out["tools"] = out["route"] = out["bar"] = ""
        out["content"] = frame.ended_screen()
        out["@screen"] = "ended"
    elif app.onboarding:
        out["alias"] = frame.alias("", onboarding=True)
        out["savestatus"] = frame.save_status(app.save_state, app.saved_at, memory=app.memory)
        out["savefix"] = frame.save_fix(app.save_state, memory=app.memory)
        out["tools"] = frame.tools(can_undo=False, can_redo=False, undo_label="", redo_label="", editing=False,
                                   menu_open=kind == "menu", onboarding=True)
        out["route"] = ""
        out["content"] = onboarding(app.onboarding, error=app.view.get("onboard_error", ""))
        out["bar"] = ""
        out["@screen"] = "onboarding"
    else:
        screen = current_screen(app)
        out["alias"] = frame.alias(case.klant.naam, current=screen.key == "overmij")
        out["savestatus"] = frame.save_status(app.save_state, app.saved_at, memory=app.memory)
        out["savefix"] = frame.save_fix(app.save_state, memory=app.memory)
        out["tools"] = frame.tools(can_undo=app.can_undo, can_redo=app.can_redo, undo_label=app.undo_label,
                                   redo_label=app.redo_label, editing=screen.editing, menu_open=kind == "menu")
        out["route"] = frame.route(case.fase, full=screen.key == "start")
        out["content"] = screen.render(app)
        start = screens.get("start")
        items = [("start", t(start.label_key), start.icon)] if start else []
        items += [(s.key, t(s.label_key), s.icon) for s in screens.for_phase(case.fase)]
        out["bar"] = frame.bar(items, screen.key)
        out["@screen"] = screen.key
    out["alerts"] = frame.store_banner(conflict=app.conflict and not app.ended, memory=app.memory) + frame.alerts(app.alerts)
    toast = app.toast
    out["toast"] = frame.toast(toast.text, undo=toast.undo and app.can_undo, redo=toast.redo and app.can_redo) if toast else ""
    out["sheet"] = sheet_html(app)
    out["@sheet"] = kind
    return out


def sheet_html(app) -> str:
    sheet = app.sheet
    if not sheet:
        return ""
    kind = sheet["kind"]
    if kind == "person":
        pid = sheet.get("pid")
        if pid is not None and pid not in {p.id for p in app.case.personen}:
            return ""
        return person_sheet(app.case, pid, sheet.get("prefill", {}), sheet.get("errors", {}))
    if kind == "menu":
        return frame.menu_sheet()
    if kind == "versions":
        return frame.versions_sheet(app.versions)
    if kind == "confirm":
        return frame.confirm_sheet(sheet["title"], sheet["text"], sheet["yes"], offer_save=sheet.get("offer_save", False))
    if kind in ("save", "export"):
        opts = app.view.get("export", {})
        exports = [(e.key, t(e.label_key), e.icon) for e in screens.exports()]
        return frame.file_sheet(kind, notes=bool(opts.get("notes")), pseudonymise=bool(opts.get("pseudonymise")),
                                exports=exports)
    raise KeyError(f"unknown sheet kind {kind!r}")
