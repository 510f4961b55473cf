"""Files of other programs in the app: the preview of an easyNWK or GEDCOM file (one sheet, opened
by App.open_file, the one path of the file picker and the drop zone) and the research and GEDCOM
exports of the menu's *Delen en afdrukken*.

Nothing changes until the user confirms: *Nieuw dossier maken* puts the file's case in place (undoable
like opening a file), *Toevoegen* merges it into the current case (model/merge.py) as ONE edit, so
one *Ongedaan maken* takes it all back.
"""
from __future__ import annotations

from typing import Any

from ..messages import t
from ..model import merge
from ..render import icons
from ..render.import_sheet import import_sheet
from ..storage import interop
from ..storage.files import export_filename
from .screens import Export, register_export
from .sheets import ImportSheet


def _is_empty(case) -> bool:
    return len(case.personen) <= 1 and not case.basisposter.sterke_punten and not case.banden and not case.steun


def open_preview(app, imported: interop.Imported) -> None:
    """Show what the file holds and ask: a new case, or add to this one (when there is one)."""
    app.open_sheet(ImportSheet(imported=imported, mode="add" if can_add(app) else "new",
                               klant=imported.case.klant_id))


def can_add(app) -> bool:
    return not app.onboarding and not _is_empty(app.case)


def chosen(sheet: ImportSheet) -> interop.Imported:
    """The imported file with the sheet's choices applied (client of a tree, roles in Dutch)."""
    key = ("case", sheet.translate, sheet.klant)
    cached = sheet.cache.get(key)
    if cached is None:
        imported = sheet.imported
        case = imported.case
        if imported.kind == "gedcom" and sheet.klant and sheet.klant != case.klant_id:
            from ..storage.interop.gedcom import with_client  # noqa: PLC0415

            case = with_client(case, sheet.klant)
        if imported.kind == "easynwk" and sheet.translate:
            from ..storage.interop.easynwk import translate_roles  # noqa: PLC0415

            case = translate_roles(case)
        cached = sheet.cache[key] = imported.with_case(case)
    return cached


def rows(app, sheet: ImportSheet) -> list[merge.MergeRow]:
    """Who in the file matches whom in the current case (by name and role)."""
    other = chosen(sheet).case
    key = ("rows", id(app.case), id(other))
    cached = sheet.cache.get(key)
    if cached is None or cached[0] is not app.case:
        cached = sheet.cache[key] = (app.case, merge.merge_plan(app.case, other))
    return cached[1]


def render(app, sheet: ImportSheet) -> str:
    imported = chosen(sheet)
    adding = sheet.mode == "add" and can_add(app)
    return import_sheet(
        kind=imported.kind, found=interop.found_line(imported), left_out=interop.left_out_lines(imported),
        mode="add" if adding else "new", can_add=can_add(app), current_name=app.case.klant.naam,
        empty_now=_is_empty(app.case) or bool(app.onboarding),
        klant=imported.case.klant_id if imported.kind == "gedcom" else None,
        people=[(p.id, p.naam) for p in imported.case.personen] if imported.kind == "gedcom" else [],
        translations=sheet.imported.translations, translate=sheet.translate,
        client_in_file=imported.case.klant.naam,
        rows=[(r.pid, r.naam, r.rol, r.match is not None) for r in rows(app, sheet)] if adding else [],
        leave_out=sheet.leave_out)


def handle(app, action: str, data: dict) -> Any:
    sheet = app.sheet
    if not isinstance(sheet, ImportSheet):
        return None
    verb = action.partition(".")[2]
    checked = data.get("checked") in (True, "true")
    if verb == "mode" and data.get("value") in ("new", "add"):
        sheet.mode = data["value"] if can_add(app) else "new"
    elif verb == "translate":
        sheet.translate = checked
    elif verb == "klant":
        value = str(data.get("value", ""))
        if value in {p.id for p in sheet.imported.case.personen}:
            sheet.klant = value
            sheet.leave_out.clear()
    elif verb == "take":
        pid = str(data.get("pid", ""))
        if checked:
            sheet.leave_out.discard(pid)
        else:
            sheet.leave_out.add(pid)
    elif verb == "all":
        sheet.leave_out = set() if checked else {r.pid for r in rows(app, sheet)}
    elif verb == "confirm":
        confirm(app, sheet)
    else:
        raise KeyError(action)
    return None


def confirm(app, sheet: ImportSheet) -> None:
    imported = chosen(sheet)
    if sheet.mode == "add" and can_add(app):
        plan = rows(app, sheet)
        take = [r.pid for r in plan if r.pid not in sheet.leave_out]
        new = sum(1 for r in plan if r.pid in take and r.match is None)
        label = t("interop.toast.added", nieuw=new, aangevuld=len(take) - new)
        app.sheet = None
        result = app.apply(merge.merge_cases, imported.case, plan, take, label=label)
        app.focus_request = "#content"
        if result is not None and result.links_skipped:
            app.alert(t("interop.toast.links_skipped", n=result.links_skipped))
        return
    app.open_case(imported.case, t("interop.toast.new", naam=imported.case.klant.naam))


# ----- exports (menu *Delen en afdrukken*) -----

def _download(app, name: str, content: str | bytes, mime: str) -> str:
    encrypted = bool(app._passphrase)
    name = app.download(name, content, mime)
    app.notice(t("store.crypt.saved", name=name) if encrypted else t("ui.file.saved", name=name))
    return name


def _research_names(app, options: dict) -> bool:
    """Names go into a research file only when deliberately chosen (*Namen in bestanden voor onderzoek*,
    FileOptions.research_names), and never with *Zonder namen*."""
    from .sheets import FileOptions  # noqa: PLC0415

    return app.view_state(FileOptions).research_names and not options.get("pseudonymise")


def run_graphml(app, options: dict) -> str:
    from ..storage.interop.research import export_graphml, research_case  # noqa: PLC0415

    today = app.now().date()
    names = _research_names(app, options)
    name = export_filename(research_case(app.case, names=names, today=today), "graphml", today)
    return _download(app, name, export_graphml(app.case, names=names, today=today), "application/graphml+xml")


def run_csv(app, options: dict) -> str:
    from ..storage.interop.research import export_csv_zip, research_case  # noqa: PLC0415

    today = app.now().date()
    names = _research_names(app, options)
    name = export_filename(research_case(app.case, names=names, today=today), "zip", today)
    name = name.removesuffix(".zip") + "-tabellen.zip"
    return _download(app, name, export_csv_zip(app.case, names=names, today=today), "application/zip")


def run_gedcom(app, options: dict) -> str:
    from ..storage.interop.gedcom import export_gedcom  # noqa: PLC0415
    from ..storage.privacy import for_export  # noqa: PLC0415

    today = app.now().date()
    case = for_export(app.case, notes=False, pseudonymise=bool(options.get("pseudonymise")), today=today)
    return _download(app, export_filename(case, "ged", today), export_gedcom(case, today=today), "text/plain")


register_export(Export(key="gedcom", label_key="interop.export.gedcom", run=run_gedcom, order=70, icon=icons.EXPORT))
register_export(Export(key="graphml", label_key="interop.export.graphml", run=run_graphml, order=80, icon=icons.EXPORT))
register_export(Export(key="csv", label_key="interop.export.csv", run=run_csv, order=81, icon=icons.EXPORT))
