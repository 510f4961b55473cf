"""Actions of the frame itself (header, route, menu, files, confirm sheets, messages, new case).

Each handler gets (app, action, data). Screens handle their own "<screen key>.<verb>" actions;
the person sheet's "person.*" actions live in person_sheet.py.
"""
from __future__ import annotations

from typing import Any, Callable

from ..messages import t
from ..model import FASEN, new_case, ops
from ..render.start import OnboardView
from . import person_sheet, screens, unlock
from .sheets import ConfirmSheet, ExportSheet, FileOptions, MenuSheet, SaveSheet


def _is_empty(app) -> bool:
    """Nothing worth keeping yet: only the client, no strengths, nothing else."""
    c = app.case
    return len(c.personen) <= 1 and not c.basisposter.sterke_punten and not c.banden and not c.steun


def handle_app(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    if verb == "go":
        app.go(data.get("screen", "start"))
    elif verb == "undo":
        app.undo()
    elif verb == "redo":
        app.redo()
    elif verb == "menu":
        if isinstance(app.sheet, MenuSheet):
            app.close_sheet()
        else:
            app.open_sheet(MenuSheet())
    elif verb == "phase":
        fase = data.get("fase", "")
        if fase in FASEN and fase != app.case.fase:
            app.apply(ops.set_phase, fase, label=t("ui.toast.phase", fase=t(f"label.fase.{fase}")))
    else:
        raise KeyError(action)


def handle_sheet(app, action: str, data: dict) -> None:
    if action == "sheet.close":
        app.close_sheet()
    else:
        raise KeyError(action)


def handle_toast(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    if verb == "undo":
        app.undo()
    elif verb == "redo":
        app.redo()
    elif verb == "close":
        app.toast = None
    else:
        raise KeyError(action)


def handle_alert(app, action: str, data: dict) -> None:
    if action == "alert.dismiss":
        try:
            del app.alerts[int(data.get("index", 0))]
        except (ValueError, IndexError):
            app.alerts.clear()
    else:
        raise KeyError(action)


# ----- menu -----

def _ask_then(app, title: str, text: str, yes: str, then: Callable[[], Any]) -> None:
    """Ask first (offering to save as a file) unless there is nothing to lose."""
    if _is_empty(app):
        app.sheet = None
        then()
    else:
        app.confirm(title, text, yes, then, offer_save=True)


def start_new_case(app) -> None:
    """Forget the current case on this device and ask the new-case questions."""
    if app.store is not None:
        app.store.clear_all()
    app.reset(new_case())
    app.pending_save = False
    app.save_state = "idle"
    app.onboarding = "naam"
    app.focus_request = "#onboard-naam"


def handle_menu(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    naam = app.case.klant.naam
    if verb == "new":
        _ask_then(app, t("ui.confirm.new_title"), t("ui.confirm.new_text", naam=naam), t("ui.confirm.new_yes"),
                  lambda: start_new_case(app))
    elif verb == "open":
        def pick() -> None:
            app.sheet = None
            app.host.pick_file()
        _ask_then(app, t("ui.confirm.open_title"), t("ui.confirm.open_text", naam=naam), t("ui.confirm.open_yes"), pick)
    elif verb == "save":
        app.open_sheet(SaveSheet())
    elif verb == "export":
        app.open_sheet(ExportSheet())
    elif verb == "end":
        # always ask: ending wipes this device, even an almost empty case
        app.confirm(t("ui.confirm.end_title"), t("ui.confirm.end_text", naam=naam), t("ui.confirm.end_yes"),
                    lambda: end_session(app), offer_save=not _is_empty(app))
    else:
        raise KeyError(action)


def end_session(app) -> None:
    start_new_case(app)
    app.notice(t("ui.toast.ended"))


def handle_confirm(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    sheet = app.sheet
    if not isinstance(sheet, ConfirmSheet):
        return
    if verb == "yes":
        app.sheet = None
        app.focus_request = "#content"
        sheet.on_yes()
    elif verb == "no":
        back = sheet.back
        if back is not None:  # "Nee, houden" from the person sheet: back to that sheet
            app.sheet = back
            app.focus_request = "#person-delete"
            app._fix_view()
        else:
            app.close_sheet()
    elif verb == "save":
        options = export_options(app)
        app.save_file(**options)
    else:
        raise KeyError(action)


# ----- files and exports -----

def export_options(app) -> dict:
    """The FileOptions as keywords for app.save_file and as the `options` of Export.run."""
    opts = app.view_state(FileOptions)
    return {"notes": opts.notes, "pseudonymise": opts.pseudonymise}


def handle_export(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    if verb == "option":
        name = data.get("name")
        if name in ("notes", "pseudonymise"):
            setattr(app.view_state(FileOptions), name, data.get("checked") in (True, "true"))
    elif verb == "json":
        if unlock.export_with_passphrase(app, data, lambda: app.save_file(**export_options(app))):
            app.close_sheet()
    elif verb == "print":
        app.sheet = None
        app.host.print_page()
    elif verb == "run":
        export = {e.key: e for e in screens.exports()}.get(data.get("key", ""))
        if export is not None and unlock.export_with_passphrase(app, data,
                                                                lambda: export.run(app, export_options(app))):
            app.close_sheet()
    else:
        raise KeyError(action)


def handle_file(app, action: str, data: dict) -> None:
    """`file.open` opens the picker directly (used by the new-case question)."""
    if action == "file.open":
        app.host.pick_file()
    else:
        raise KeyError(action)


# ----- new case questions -----

def handle_onboard(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    if verb == "naam":
        naam = str(data.get("onboard-naam", data.get("naam", data.get("value", "")))).strip()
        if not naam:
            app.view_state(OnboardView).error = t("ui.onboard.name_needed")
            app.focus_request = "#onboard-naam"
            return
        if len(naam) > 120:
            app.view_state(OnboardView).error = t("ui.onboard.name_long")
            app.focus_request = "#onboard-naam"
            return
        app.view_state(OnboardView).error = ""
        app.reset(new_case(naam))
        app.onboarding = "kaart"
        app.mark_dirty()
        app.save_now()
        app.focus_request = "#onboard-begin"
    elif verb == "open":
        app.host.pick_file()
    elif verb == "begin":
        app.onboarding = None
        app.go("start")
    else:
        raise KeyError(action)


HANDLERS: dict[str, Callable[[Any, str, dict], Any]] = {
    "app": handle_app,
    "sheet": handle_sheet,
    "toast": handle_toast,
    "alert": handle_alert,
    "menu": handle_menu,
    "confirm": handle_confirm,
    "export": handle_export,
    "file": handle_file,
    "onboard": handle_onboard,
    "person": person_sheet.handle,
    "unlock": unlock.handle,
}
