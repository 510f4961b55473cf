"""Actions of the frame itself (header, route, menu, files, confirm sheets, messages, new case).

Each handler gets (app, action, data). Screens handle their own "<screen key>.<verb>" actions;
the person sheet's "person.*" actions live in person_sheet.py.
"""
from __future__ import annotations

from typing import Any, Callable

from ..messages import t
from ..model import FASEN, new_case, ops
from ..render.start import OnboardView
from . import client_view, interop, language, person_sheet, prefs, printing, screens, unlock, update
from .sheets import ConfirmSheet, ExportSheet, FileOptions, MenuSheet, SaveSheet, VersionsSheet


def _is_empty(app) -> bool:
    """Nothing worth keeping yet: only the client, no strengths, nothing else."""
    c = app.case
    return len(c.personen) <= 1 and not c.basisposter.sterke_punten and not c.banden and not c.steun


def handle_app(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    if verb == "go":
        app.go(data.get("screen", "start"))
    elif verb == "print":  # data-instrument: one instrument (data-choice: what it draws); without it: the atlas
        instrument = data.get("instrument")
        choice = data.get("choice")
        app.sheet = None
        printing.print_instruments(app, [instrument] if instrument else None,
                                   {instrument: str(choice)} if instrument and choice else None)
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
    """Start a new case. The current one is kept as an earlier version first (so *Nieuw dossier*
    can be undone from *Eerdere versies*); no version is deleted."""
    store = app.store
    if store is not None and not _is_empty(app):
        old = app.case

        async def keep_then_forget() -> None:
            await store.keep(old, "replaced")
            await store.delete_data_keep_versions()
        _spawn_store(app, keep_then_forget())
    elif store is not None:
        _spawn_store(app, store.delete_data_keep_versions())
    _fresh(app)


def _fresh(app) -> None:
    app.reset(new_case())
    app.pending_save = False
    app.save_state = "idle"
    app.onboarding = "naam"
    app.focus_request = "#onboard-naam"


def _spawn_store(app, coro) -> Any:
    """Run a store operation; a StoreError becomes its Dutch alert (the case on screen stays)."""
    from ..storage.store import StoreError  # noqa: PLC0415

    async def guarded() -> Any:
        try:
            return await coro
        except StoreError as exc:
            app.alert(exc.message)
            return None
    return app.host.spawn(guarded())


def handle_menu(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    naam = app.case.klant.naam
    if verb == "new":
        text = t("ui.confirm.new_text", naam=naam) + (" " + t("ui.confirm.new_versions") if app.store else "")
        _ask_then(app, t("ui.confirm.new_title"), text, t("ui.confirm.new_yes"), lambda: start_new_case(app))
    elif verb == "versions":
        open_versions(app)
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
        text = t("ui.confirm.end_text", naam=naam) + (" " + t("ui.confirm.end_versions") if app.store else "")
        app.confirm(t("ui.confirm.end_title"), text, t("ui.confirm.end_yes"),
                    lambda: end_session(app), offer_save=not _is_empty(app))
    else:
        raise KeyError(action)


def end_session(app) -> None:
    """Wipe everything of this app on this device and tell other open tabs to drop their copy."""
    store = app.store
    app.host.broadcast({"t": "ended"})

    async def wipe() -> None:
        if store is not None:
            await store.clear_all()
        await app.host.wipe_device()
    _spawn_store(app, wipe())
    _fresh(app)
    app.conflict = False
    app.alerts.clear()
    app.notice(t("ui.toast.ended"))


# ----- other tabs, memory mode, earlier versions (persistence) -----

def handle_store(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    store = app.store
    if verb == "download":
        app.open_sheet(SaveSheet())
    elif verb == "again":  # after the session ended in another tab: a fresh page, a fresh store
        app.host.reload()
    elif verb in ("load", "keep") and store is not None:
        mine = app.case

        async def take() -> None:
            loaded = await (store.keep_mine_then_take_theirs(mine) if verb == "keep" else store.take_theirs())
            _show_theirs(app, loaded, t("ui.store.conflict_kept" if verb == "keep" else "ui.store.loaded_theirs"))
        _spawn_store(app, take())
    else:
        raise KeyError(action)


def _show_theirs(app, loaded, message: str) -> None:
    app.conflict = False
    if loaded.case is None:  # the other tab started a new case (or its case is unreadable: kept aside)
        _fresh(app)
        if loaded.problem:
            app.alert(loaded.problem)
    else:
        app.after_load(loaded.case, t("ui.store.loaded_label"))
    app.pending_save = False  # theirs is what is stored
    app.save_state = "saved" if loaded.case is not None else "idle"
    app.saved_at = loaded.info.saved_at if loaded.info else app.saved_at
    app.notice(message)


def open_versions(app) -> None:
    app.versions = None
    app.open_sheet(VersionsSheet())
    store = app.store
    if store is None:
        app.versions = []
        return

    async def fetch() -> None:
        app.versions = await store.versions()
        if isinstance(app.sheet, VersionsSheet):
            app.focus_request = "#sheet [data-autofocus]"  # the loading line is gone: focus the list
        app.request_render()
    _spawn_store(app, fetch())


def _version(app, vid: str):
    return next((v for v in app.versions or [] if v.id == vid), None)


def handle_versions(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    store = app.store
    version = _version(app, data.get("id", ""))
    if store is None or version is None:
        return
    when = {"datum": version.saved_at.strftime("%d-%m-%Y"), "tijd": version.saved_at.strftime("%H:%M")}
    if verb == "open":
        current = app.case

        async def open_it() -> None:
            from ..model import CaseError  # noqa: PLC0415

            try:
                case = await store.open_version(version.id)
            except CaseError:
                app.alert(t("ui.versions.broken"))
                return
            if not _is_empty(app):
                await store.keep(current, "replaced")  # the current case first, so nothing is lost
            app.after_load(case, t("ui.versions.opened", **when))
            app.save_now()
        _spawn_store(app, open_it())
    elif verb == "download":
        async def download() -> None:
            text = await store.version_text(version.id)
            if text is not None:
                app.download(f"netwerkatlas-versie-{version.id.replace(':', '-')}.json", text, "application/json")
        _spawn_store(app, download())
    elif verb == "delete":
        alias = version.alias or t("ui.versions.no_alias")

        def yes() -> None:
            async def delete() -> None:
                await store.delete_version(version.id)
                app.versions = await store.versions()
                app.focus_request = "#sheet [data-autofocus]"
                app.notice(t("ui.versions.deleted"))
            app.versions = None
            app.open_sheet(VersionsSheet())
            _spawn_store(app, delete())
        app.confirm(t("ui.versions.delete_title"), t("ui.versions.delete_text", alias=alias, **when),
                    t("ui.versions.delete_yes"), yes)
    else:
        raise KeyError(action)


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
    """The FileOptions as keywords for app.save_file and as the `options` of Export.run (during
    privétijd without the begeleider's notes: App.export_choices)."""
    return app.export_choices()


def handle_export(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    if verb == "option":
        name = data.get("name")
        if name in ("notes", "pseudonymise", "research_names"):
            setattr(app.view_state(FileOptions), name, data.get("checked") in (True, "true"))
    elif verb == "json":
        if unlock.export_with_passphrase(app, data, lambda: app.save_file(**export_options(app))):
            app.close_sheet()
    elif verb == "print":  # the screen on show: an instrument's page, else the page's own print layout
        app.sheet = None
        app.host.print_page(printing.for_screen(app))
    elif verb == "print_atlas":
        app.sheet = None
        printing.print_instruments(app)
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
    "store": handle_store,
    "versions": handle_versions,
    "person": person_sheet.handle,
    "unlock": unlock.handle,
    "lang": language.handle,
    "about": language.handle_about,
    "import": interop.handle,
    "prefs": prefs.handle,
    "client": client_view.handle,
    "update": update.handle,
}
