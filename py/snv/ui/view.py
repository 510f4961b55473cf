"""From the App state to the HTML of each frame region (pure; the browser diffs and applies them)."""
from __future__ import annotations

from ..messages import t
from ..render import about, client_view, frame, person_sheet
from ..render.start import OnboardView, onboarding
from . import interop, screens, update
from .sheets import (AccessibilitySheet, ConfirmSheet, FileOptions, FileSheet, ImportSheet, MenuSheet, PassphraseSheet,
                     PersonSheet, VersionsSheet)


def current_screen(app) -> screens.Screen:
    """The screen on show; during privétijd one that declares it (the meeting), whatever was asked."""
    key = app.screen if screens.allowed(app.screen, privetijd=app.privetijd) else screens.privetijd_home()
    screen = screens.get(key) or screens.get("start")
    if screen is None:  # pragma: no cover - the start screen is always registered
        raise RuntimeError("no start screen registered")
    return screen


def regions(app) -> dict[str, str]:
    """Inner HTML of every region in frame.REGIONS, plus "@sheet" and "@screen" for frame attributes."""
    case = app.case
    kind = app.sheet.kind if app.sheet is not None else ""
    out: dict[str, str] = {
        "savestatus": frame.save_status(app.save_state, app.saved_at, memory=app.memory),
        "savefix": frame.save_fix(app.save_state, memory=app.memory),
    }
    if app.ended:
        out["alias"] = frame.alias("", onboarding=True)
        out["savestatus"] = out["savefix"] = out["tools"] = out["route"] = out["bar"] = ""
        out["content"] = frame.ended_screen()
        out["@screen"] = "ended"
    elif app.onboarding:
        out["alias"] = frame.alias("", onboarding=True)
        out["tools"] = frame.tools(can_undo=False, can_redo=False, undo_label="", redo_label="", editing=False,
                                   menu_open=kind == "menu", onboarding=True)
        out["route"] = ""
        out["content"] = onboarding(app.onboarding, app.view_state(OnboardView))
        out["bar"] = ""
        out["@screen"] = "onboarding"
    elif app.prefs.client:  # *Rustig scherm*: the client's own pages, big, no tools (ui/prefs.py)
        page = app.view_state(client_view.ClientView).page
        out["alias"] = frame.alias(case.klant.naam, plain=True)
        out["tools"] = client_view.tools(app.speaking)
        out["route"] = ""
        out["content"] = client_view.render(case, app.view_state(client_view.ClientView))
        out["bar"] = client_view.bar(page)
        out["@screen"] = "client"
    else:
        private = app.privetijd  # Tijd zonder begeleider: only the screens that declare it, no Alles over mij
        screen = current_screen(app)
        out["alias"] = frame.alias(case.klant.naam, current=screen.key == "overmij", plain=private)
        out["tools"] = frame.tools(can_undo=app.can_undo, can_redo=app.can_redo, undo_label=app.undo_label,
                                   redo_label=app.redo_label, editing=screen.editing, menu_open=kind == "menu")
        out["route"] = "" if private else frame.route(case.fase, full=screen.key == "start")
        out["content"] = screen.render(app)
        out["bar"] = frame.bar(bar_items(case, privetijd=private), screen.key)
        out["@screen"] = screen.key
    private_banner = frame.privetijd_banner() if app.privetijd and not (app.ended or app.onboarding) else ""
    out["alerts"] = (private_banner + frame.store_banner(conflict=app.conflict and not app.ended, memory=app.memory)
                     + frame.alerts(app.alerts) + update.banner(app))
    toast = app.toast
    out["toast"] = frame.toast(toast.text, undo=toast.undo and app.can_undo, redo=toast.redo and app.can_redo) if toast else ""
    out["sheet"] = sheet_html(app)
    out["@sheet"] = kind
    return out


def bar_items(case, *, privetijd: bool) -> list[tuple[str, str, str]]:
    """(screen key, label, icon) of each bottom-bar button: Start, then the screens of the case's phase."""
    start = screens.get("start")
    items = [("start", t(start.label_key), start.icon)] if start and not privetijd else []
    return items + [(s.key, t(s.label_key), s.icon) for s in screens.for_phase(case.fase, privetijd=privetijd)]


def sheet_html(app) -> str:
    sheet = app.sheet
    if sheet is None:
        return ""
    if isinstance(sheet, PersonSheet):
        pid = sheet.pid
        if app.privetijd or (pid is not None and pid not in {p.id for p in app.case.personen}):
            return ""  # during privétijd no person sheet (it shows the begeleider's notes)
        return person_sheet.render(app.case, pid, sheet.prefill, sheet.errors)
    if isinstance(sheet, MenuSheet):
        p = app.prefs
        return frame.menu_sheet(client_view.menu_part(p.client, p.contrast, p.text))
    if isinstance(sheet, VersionsSheet):
        return frame.versions_sheet(app.versions)
    if isinstance(sheet, AccessibilitySheet):
        return frame.sheet("access", t("a11y.title"), about.statement(), modal=True, text_only=True)
    if isinstance(sheet, ConfirmSheet):
        return frame.confirm_sheet(sheet.title, sheet.text, sheet.yes, offer_save=sheet.offer_save)
    if isinstance(sheet, FileSheet):
        opts = app.view_state(FileOptions)
        exports = [(e.key, t(e.label_key), e.icon) for e in screens.exports()]
        return frame.file_sheet(sheet.kind, notes=opts.notes and not app.privetijd, pseudonymise=opts.pseudonymise,
                                exports=exports, error=sheet.error, notes_locked=app.privetijd,
                                research_names=opts.research_names)
    if isinstance(sheet, ImportSheet):
        return interop.render(app, sheet)
    if isinstance(sheet, PassphraseSheet):
        return frame.passphrase_sheet(error=sheet.error, busy=sheet.busy)
    raise TypeError(f"no HTML for sheet {type(sheet).__name__}")
