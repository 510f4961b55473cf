"""The preview of a file of another program (easyNWK, GEDCOM): what was found, what is left out, the
choices (who the client is, roles in Dutch, a new case or add to this one), and when adding, the list
of people to confirm. Pure HTML from plain values; ui/interop.py supplies them and takes the actions."""
from __future__ import annotations

from typing import Optional, Sequence

from ..messages import t
from . import icons
from .frame import sheet
from .html import button, checkbox, esc, segmented

MAX_ROLES_SHOWN = 4


def _client_choice(klant: str, people: Sequence[tuple[str, str]]) -> str:
    options = "".join(f'<option value="{esc(pid)}"{" selected" if pid == klant else ""}>'
                      f'{esc(naam or t("interop.sheet.unnamed"))}</option>' for pid, naam in people)
    return (f'<div class="field"><label for="import-klant">{esc(t("interop.sheet.klant"))}</label>'
            f'<p class="hint" id="import-klant-hint">{esc(t("interop.sheet.klant_hint"))}</p>'
            f'<select id="import-klant" data-action="import.klant" aria-describedby="import-klant-hint">'
            f"{options}</select></div>")


def _roles(translations: dict[str, str], translate: bool) -> str:
    pairs = [f"{de} → {nl}" for de, nl in translations.items()]
    shown = ", ".join(pairs[:MAX_ROLES_SHOWN])
    if len(pairs) > MAX_ROLES_SHOWN:
        shown += " " + t("interop.sheet.translate_more", n=len(pairs) - MAX_ROLES_SHOWN)
    return checkbox(t("interop.sheet.translate"), id="import-translate", checked=translate, action="import.translate",
                    hint=shown)


def _person_list(rows: Sequence[tuple[str, str, str, bool]], leave_out: set) -> str:
    if not rows:
        return f'<p>{esc(t("interop.sheet.nobody"))}</p>'
    everyone = checkbox(t("interop.sheet.all"), id="import-all", checked=not leave_out, action="import.all")
    items = []
    for i, (pid, naam, rol, matched) in enumerate(rows):
        label = naam or t("interop.sheet.unnamed")
        if rol:
            label = f"{label} ({rol})"
        hint = t("interop.sheet.row.match") if matched else t("interop.sheet.row.new")
        items.append(f'<li class="import-row{" is-match" if matched else ""}">'
                     + checkbox(label, id=f"import-p{i}", checked=pid not in leave_out, action="import.take",
                                data={"pid": pid}, hint=hint) + "</li>")
    return (f'<fieldset class="options import-people"><legend>{esc(t("interop.sheet.list"))}</legend>'
            f'{everyone}<ul class="import-list">{"".join(items)}</ul></fieldset>')


def import_sheet(*, kind: str, found: str, left_out: Sequence[str], mode: str, can_add: bool, current_name: str,
                 empty_now: bool, klant: Optional[str], people: Sequence[tuple[str, str]],
                 translations: dict[str, str], translate: bool, client_in_file: str,
                 rows: Sequence[tuple[str, str, str, bool]], leave_out: set) -> str:
    """The sheet's HTML. rows: (id, name, role, already in the case) of each person of the file, shown
    when adding; leave_out: ids not to add."""
    parts = [f'<p class="import-found" role="status" tabindex="-1" data-autofocus>{esc(found)}</p>']
    parts += [f'<p class="hint">{esc(line)}</p>' for line in left_out]
    if klant is not None and people:
        parts.append(_client_choice(klant, people))
    if translations:
        parts.append(_roles(translations, translate))
    if can_add:
        parts.append(segmented(t("interop.sheet.mode"), [("new", t("interop.sheet.mode.new")),
                                                         ("add", t("interop.sheet.mode.add", naam=current_name))],
                               mode, "import.mode", group_id="import-mode"))
    if mode == "add":
        parts.append(f'<p>{esc(t("interop.sheet.add_lead"))}</p>')
        parts.append(f'<p>{esc(t("interop.sheet.client_line", bestand=client_in_file, naam=current_name))}</p>')
        parts.append(_person_list(rows, leave_out))
        yes = button(t("interop.sheet.confirm_add"), "import.confirm", icon=icons.PLUS, cls="btn btn-primary",
                     id="import-confirm")
    else:
        lead = t("interop.sheet.new_lead") + ("" if empty_now else " " + t("interop.sheet.new_undo", naam=current_name))
        parts.append(f"<p>{esc(lead)}</p>")
        yes = button(t("interop.sheet.confirm_new"), "import.confirm", icon=icons.NEW, cls="btn btn-primary",
                     id="import-confirm")
    parts.append(f'<div class="sheet-actions">{yes}'
                 f'{button(t("interop.sheet.cancel"), "sheet.close", cls="btn", id="import-cancel")}</div>')
    return sheet("import", t(f"interop.sheet.title.{kind}"), "".join(parts), modal=True)
