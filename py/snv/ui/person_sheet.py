"""Actions of the shared person sheet ("person.*"). One change of a field = one undo step.

A new person (sheet pid None) exists only once a name is typed: choices made before that are kept in
the sheet's `prefill` and passed to ops.add_person together with the name.
"""
from __future__ import annotations

from typing import Any, Optional

from ..messages import t
from ..model import NABIJHEDEN, SECTORS, ops
from ..model.limits import MAX_NAME
from .sheets import PersonSheet

_STAGED = ("rol", "sector", "nabijheid", "professioneel", "soort")  # may be chosen before the name


def _sheet(app) -> Optional[PersonSheet]:
    sheet = app.sheet
    return sheet if isinstance(sheet, PersonSheet) else None


def _bool(value: Any) -> bool:
    return value in (True, "true", "1", "on")


def _parse_set(field: str, value: str) -> Any:
    if field in ("professioneel", "overleden"):
        return _bool(value)
    if field == "sector":
        return value if value in SECTORS else None
    if field == "nabijheid":
        return value if value in NABIJHEDEN else None
    return value


def handle(app, action: str, data: dict) -> Any:
    sheet = _sheet(app)
    verb = action.partition(".")[2]
    if sheet is None:
        return None
    pid = sheet.pid
    if verb == "done":
        app.close_sheet()
        return None
    if verb == "another":
        prefill = {k: v for k, v in sheet.prefill.items() if k in ("sector", "nabijheid")}
        app.new_person(**prefill)
        app.sheet.return_to = sheet.return_to
        app.focus_request = "#person-naam"
        return None
    if pid is None:
        return _handle_new(app, sheet, verb, data)
    person = app.case.persoon(pid)
    naam = person.naam

    if verb == "field":
        field = data.get("field")
        value = str(data.get("value", ""))
        return _set_field(app, sheet, person, field, value)
    if verb == "set":
        field = data.get("field", "")
        value = _parse_set(field, data.get("value", ""))
        if field == "sector" and value is None:
            # "Niet op de kaart": off the map entirely
            app.apply(ops.move_person, pid, None, None, label=t("ui.toast.place", naam=naam))
        elif field in ("sector", "nabijheid"):
            app.apply(ops.update_person, pid, label=t("ui.toast.place", naam=naam), **{field: value})
        elif field in ("professioneel", "overleden", "soort", "geslacht"):
            if getattr(person, field) != value:
                app.apply(ops.update_person, pid, label=t("ui.toast.field", naam=naam, veld=t(f"ui.person.{field}")),
                          **{field: value})
        return None
    if verb == "quality":
        kwaliteit = data.get("value") or None
        if kwaliteit is None:
            app.apply(ops.set_band, app.case.klant_id, pid, False, label=t("ui.toast.lijn", naam=naam))
        else:
            app.apply(ops.set_quality, pid, kwaliteit, label=t("ui.toast.lijn", naam=naam))
        return None
    if verb == "support":
        app.apply(ops.set_support, pid, data.get("soort", ""), data.get("value") or None,
                  label=t("ui.toast.steun", naam=naam))
        return None
    if verb == "add_interest":
        value = str(data.get("value", "")).strip()
        if value and value not in person.interesses:
            app.apply(ops.update_person, pid, interesses=[*person.interesses, value[:MAX_NAME]],
                      label=t("ui.toast.interest", naam=naam))
        app.focus_request = "#person-interest"
        return None
    if verb == "remove_interest":
        i = int(data.get("index", -1))
        if 0 <= i < len(person.interesses):
            rest = [x for j, x in enumerate(person.interesses) if j != i]
            app.apply(ops.update_person, pid, interesses=rest, label=t("ui.toast.interest_removed", naam=naam))
        app.focus_request = "#person-interest"
        return None
    if verb in ("add_note", "note_text", "note_lock", "remove_note"):
        return _notes(app, person, verb, data)
    if verb in ("link", "unlink"):
        return _link(app, person, verb, str(data.get("other", "")))
    if verb == "delete":
        _ask_delete(app, person)
        return None
    raise KeyError(action)


def _handle_new(app, sheet: PersonSheet, verb: str, data: dict) -> Any:
    prefill = sheet.prefill
    if verb == "set":
        field = data.get("field", "")
        if field in _STAGED:
            value = _parse_set(field, data.get("value", ""))
            if field == "sector" and value is None:
                prefill.pop("nabijheid", None)
            prefill[field] = value
        return None
    if verb == "field":
        field = data.get("field")
        value = str(data.get("value", ""))
        if field == "rol":
            prefill["rol"] = value.strip()[:MAX_NAME]
            return None
        if field == "naam":
            naam = value.strip()
            if not naam:
                return None  # nothing typed yet: still nothing to create
            fields = {k: v for k, v in prefill.items() if k in _STAGED and v not in (None, "")}
            new_pid = app.apply(ops.add_person, naam[:MAX_NAME], label=t("ui.toast.added", naam=naam), **fields)
            if new_pid:
                sheet.pid = new_pid
                sheet.prefill = {k: v for k, v in prefill.items() if k in ("sector", "nabijheid")}
                sheet.errors.pop("naam", None)
            return new_pid
        return None
    if verb in ("quality", "support", "add_interest", "remove_interest", "add_note", "note_text", "note_lock",
                "remove_note", "delete", "link", "unlink"):
        return None  # those controls are not shown before a name exists
    raise KeyError(f"person.{verb}")


def _set_field(app, sheet: PersonSheet, person, field: Optional[str], value: str) -> None:
    errors = sheet.errors
    naam = person.naam
    if field == "naam":
        new = value.strip()
        if not new:
            errors["naam"] = t("ui.person.naam_needed")
            return
        errors.pop("naam", None)
        if new != person.naam:
            app.apply(ops.update_person, person.id, naam=new[:MAX_NAME], label=t("ui.toast.renamed", old=naam, naam=new))
    elif field == "rol":
        new = value.strip()[:MAX_NAME]
        if new != person.rol:
            app.apply(ops.update_person, person.id, rol=new, label=t("ui.toast.field", naam=naam, veld=t("ui.person.rol")))
    elif field == "geboortejaar":
        text = value.strip()
        if not text:
            year = None
        elif text.isascii() and text.isdigit() and len(text) == 4:  # "¹⁹⁸⁵".isdigit() but int() fails
            year = int(text)
        else:
            errors["geboortejaar"] = t("ui.person.jaar_bad")
            return
        if year is not None and not 1850 <= year <= 2200:
            errors["geboortejaar"] = t("ui.person.jaar_bad")
            return
        errors.pop("geboortejaar", None)
        if year != person.geboortejaar:
            app.apply(ops.update_person, person.id, geboortejaar=year,
                      label=t("ui.toast.field", naam=naam, veld=t("ui.person.geboortejaar")))
    else:
        raise KeyError(f"person field {field!r}")


def _notes(app, person, verb: str, data: dict) -> None:
    notes = [n.model_dump() for n in person.notities]
    naam = person.naam
    if verb == "add_note":
        text = str(data.get("person-note-new", data.get("value", ""))).strip()
        if not text:
            app.focus_request = "#person-note-new"
            return
        zichtbaar = "klant_en_begeleider" if _bool(data.get("locked")) else "iedereen"
        notes.append({"tekst": text, "zichtbaar": zichtbaar})
        app.apply(ops.update_person, person.id, notities=notes, label=t("ui.toast.note_added", naam=naam))
        app.focus_request = "#person-note-new"
        return
    i = int(data.get("index", -1))
    if not 0 <= i < len(notes):
        return
    if verb == "note_text":
        text = str(data.get("value", "")).strip()
        if not text:
            return  # emptying a note does not delete it; the delete button does
        if text != notes[i]["tekst"]:
            notes[i]["tekst"] = text
            app.apply(ops.update_person, person.id, notities=notes, label=t("ui.toast.note_changed", naam=naam))
    elif verb == "note_lock":
        locked = notes[i]["zichtbaar"] == "klant_en_begeleider"
        notes[i]["zichtbaar"] = "iedereen" if locked else "klant_en_begeleider"
        app.apply(ops.update_person, person.id, notities=notes,
                  label=t("ui.toast.note_open" if locked else "ui.toast.note_locked", naam=naam))
        app.focus_request = f"#person-note-lock-{i}"
    elif verb == "remove_note":
        del notes[i]
        app.apply(ops.update_person, person.id, notities=notes, label=t("ui.toast.note_removed", naam=naam))
        app.focus_request = "#person-note-new"


def reference_text(case, pid: str) -> str:
    """"Ze verdwijnt ook uit 2 afspraken en 1 lijn." — what else goes when this person goes."""
    counts = ops.references(case, pid)
    geslacht = case.persoon(pid).geslacht
    parts = [t(f"ui.ref.{key}_{'one' if n == 1 else 'many'}", count=n) for key, n in counts.items()]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " " + t("ui.and") + " " + parts[-1]
    pronoun = t(f"ui.pron.{geslacht}" if geslacht in ("man", "vrouw") else "ui.pron.anders")
    return t("ui.person.delete_refs", wie=pronoun, what=listed)


def _ask_delete(app, person) -> None:
    pid, naam = person.id, person.naam
    refs = reference_text(app.case, pid)
    text = t("ui.person.delete_text", naam=naam) + (" " + refs if refs else "")

    def yes() -> None:
        app.apply(ops.remove_person, pid, label=t("ui.toast.removed", naam=naam))
        app.focus_request = "#content"

    app.confirm(t("ui.person.delete_title", naam=naam), text, t("ui.person.delete_yes", naam=naam), yes)


def _link(app, person, verb: str, other: str) -> None:
    """A line between this person and someone else (not the client: that is the line above)."""
    case = app.case
    if other in (person.id, case.klant_id) or all(p.id != other for p in case.personen):
        return
    names = {"a": person.naam, "b": case.persoon(other).naam}
    if verb == "link" and case.band(person.id, other) is None:
        app.apply(ops.set_band, person.id, other, True, None, label=t("map.connect.made", **names))
        app.focus_request = "#person-tie-make summary"
    elif verb == "unlink" and case.band(person.id, other) is not None:
        app.apply(ops.set_band, person.id, other, False, label=t("map.tie.removed", **names))
        app.focus_request = "#person-tie-make summary, #sheet-title"
