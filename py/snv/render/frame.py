"""The app frame (UX.md §2): header, route, bottom bar, messages and the framework's sheets.

Pure functions from plain values to HTML strings. The browser builds `skeleton()` once and then only
replaces the inner HTML of a region whose string changed, so focus and live regions stay stable.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from ..messages import t
from ..model import FASEN
from . import about, icons
from .html import attrs, button, checkbox, esc, icon_html

# Region ids in the order the skeleton lays them out (header → route → main → bottom bar).
REGIONS = ("alias", "savestatus", "savefix", "tools", "route", "alerts", "content", "bar", "toast", "sheet")


def skeleton() -> str:
    """Static containers; their attributes (roles, live regions) never change after boot.

    App shell (site/styles.css): the header, the toast and the bottom bar sit outside #scroller, the one
    element that scrolls; so they never lie over a row, a link or a focused control (WCAG 2.4.11, 2.5.8).
    The skip link jumps over the header and the route to the screen itself."""
    return (
        '<div class="frame" id="frame">'
        f'<a class="skip-link" href="#content" id="skip-content">{esc(t("ui.skip.content"))}</a>'
        '<header class="topbar">'
        '<div class="topbar-alias" id="alias"></div>'
        '<div class="savebox"><p class="save-status" id="savestatus" role="status" aria-live="polite"></p>'
        '<div id="savefix"></div></div>'
        '<div class="topbar-tools" id="tools"></div>'
        "</header>"
        '<div class="frame-scroll" id="scroller">'
        f'<nav class="route" id="route" aria-label="{esc(t("ui.route.label"))}"></nav>'
        '<div class="alerts" id="alerts" role="alert"></div>'
        '<section class="content" id="content" tabindex="-1" aria-labelledby="screen-title"></section>'
        "</div>"
        f'<nav class="bar" id="bar" aria-label="{esc(t("ui.bar.label"))}"></nav>'
        '<div class="toast-region" id="toast" aria-live="polite"></div>'
        '<div class="sheet-region" id="sheet"></div>'
        f'<input type="file" id="file-input" class="visually-hidden" tabindex="-1" aria-hidden="true"'
        f' accept=".json,.svg,.ged,.gedcom,application/json,image/svg+xml" data-action="file.picked">'
        f'<div class="drop-hint" id="drop-hint" aria-hidden="true"><p>{esc(t("ui.file.drop"))}</p></div>'
        "</div>"
    )


# ----- header -----

def alias(name: str, *, onboarding: bool = False, current: bool = False, plain: bool = False) -> str:
    """The client's name, a button to *Alles over mij*; `plain` (during privétijd): the name only."""
    if onboarding:
        return f'<span class="brand">{esc(t("ui.app.name"))}</span>'
    if plain:
        return (f'<span class="alias alias-plain">{icon_html(icons.PERSON)}<span class="alias-text">'
                f'<span class="alias-name">{esc(name)}</span></span></span>')
    return (f'<button type="button" class="alias" data-action="app.go" data-screen="overmij"'
            f'{attrs(aria_current="page" if current else None)}>'
            f'{icon_html(icons.PERSON)}<span class="alias-text"><span class="alias-name">{esc(name)}</span>'
            f'<span class="alias-sub">{esc(t("ui.overmij.title"))}</span></span></button>')


def save_status(state: str, saved_at: Optional[dt.datetime], *, memory: bool = False) -> str:
    """The header's save status; it never says "Opgeslagen" while anything on screen is not stored."""
    if memory:
        return f'<span class="save-failed">{icon_html(icons.WARN)}{esc(t("ui.save.memory"))}</span>'
    if state == "pending":
        return esc(t("ui.save.pending"))
    if state == "saved" and saved_at is not None:
        return esc(t("ui.save.saved", tijd=saved_at.strftime("%H:%M")))
    if state in ("failed", "conflict"):
        key = "ui.save.failed" if state == "failed" else "ui.save.conflict"
        return f'<span class="save-failed">{icon_html(icons.WARN)}{esc(t(key))}</span>'
    return ""


def save_fix(state: str, *, memory: bool = False) -> str:
    if state != "failed" or memory:  # in memory mode the banner offers the download
        return ""
    return button(t("ui.menu.save"), "menu.save", icon=icons.SAVE, cls="btn btn-small btn-warn")


def store_banner(*, conflict: bool, memory: bool) -> str:
    """Lasting storage problems, above the content (inside the role="alert" region)."""
    parts = []
    if conflict:
        parts.append(
            f'<div class="alert store-banner" id="conflict-banner">{icon_html(icons.WARN)}'
            f'<div class="alert-text"><p><strong>{esc(t("ui.store.conflict_title"))}</strong></p>'
            f'<p>{esc(t("ui.store.conflict_text"))}</p></div>'
            f'<div class="banner-actions">'
            f'{button(t("ui.store.conflict_load"), "store.load", icon=icons.OPEN, cls="btn btn-primary", id="conflict-load", aria_label=t("ui.store.conflict_load_desc"))}'
            f'{button(t("ui.store.conflict_keep"), "store.keep", icon=icons.SAVE, cls="btn", id="conflict-keep")}'
            "</div></div>")
    if memory:
        parts.append(
            f'<div class="alert store-banner" id="memory-banner">{icon_html(icons.WARN)}'
            f'<div class="alert-text"><p><strong>{esc(t("ui.store.memory_title"))}</strong></p>'
            f'<p>{esc(t("ui.store.memory_text"))}</p></div>'
            f'<div class="banner-actions">'
            f'{button(t("ui.store.download_now"), "store.download", icon=icons.SAVE, cls="btn btn-primary", id="memory-download")}'
            "</div></div>")
    return "".join(parts)


def privetijd_banner() -> str:
    """On every screen during *Tijd zonder begeleider*: what is hidden, and the deliberate way back."""
    return (f'<div class="alert privetijd-banner" id="privetijd-banner">{icon_html(icons.LOCK)}'
            f'<div class="alert-text"><p><strong>{esc(t("bijeenkomst.priv.title"))}</strong></p>'
            f'<p>{esc(t("bijeenkomst.priv.banner"))}</p></div>'
            f'<div class="banner-actions">'
            f'{button(t("bijeenkomst.priv.back"), "bijeenkomst.priv_stop", icon=icons.ARROW, cls="btn", id="privetijd-back")}'
            "</div></div>")


def ended_screen() -> str:
    """A neutral screen after another tab ended the session: nothing of the case is shown."""
    return (f'<div class="screen screen-ended"><h1 id="screen-title">{esc(t("ui.store.ended_title"))}</h1>'
            f'<p>{esc(t("ui.store.ended_text"))}</p>'
            f'{button(t("ui.store.ended_again"), "store.again", icon=icons.NEW, cls="btn btn-primary", id="ended-again")}'
            "</div>")


def tools(*, can_undo: bool, can_redo: bool, undo_label: str, redo_label: str, editing: bool,
          menu_open: bool, onboarding: bool = False) -> str:
    parts = []
    if editing and not onboarding:
        parts.append(button(t("ui.undo"), "app.undo", icon=icons.UNDO, cls="btn btn-tool", disabled=not can_undo,
                            id="btn-undo", aria_label=t("ui.undo_what", what=undo_label) if can_undo else None))
        parts.append(button(t("ui.redo"), "app.redo", icon=icons.REDO, cls="btn btn-tool", disabled=not can_redo,
                            id="btn-redo", aria_label=t("ui.redo_what", what=redo_label) if can_redo else None))
    parts.append(button(t("ui.menu"), "app.menu", icon=icons.MENU, cls="btn btn-tool", id="btn-menu",
                        extra=f' aria-haspopup="dialog" aria-expanded="{"true" if menu_open else "false"}"'))
    return "".join(parts)


# ----- route -----

def route(current: str, *, full: bool) -> str:
    """The four phases as a path; the pin sits where the users put it (a tap moves it)."""
    stops = []
    for i, fase in enumerate(FASEN, start=1):
        here = fase == current
        pin = (f'<span class="route-pin">{icon_html(icons.PIN)}<span class="pin-text">{esc(t("ui.route.here"))}</span></span>' if here else
               f'<span class="visually-hidden">{esc(t("ui.route.move"))}</span>')
        b1 = f'<span class="route-b1">{esc(t(f"label.fase_b1.{fase}"))}</span>' if full else ""
        stops.append(
            f'<li class="route-stop{" is-here" if here else ""}">'
            f'<button type="button" class="route-btn" data-action="app.phase" data-fase="{fase}"'
            f' id="route-{fase}"{attrs(aria_current="step" if here else None)}>'
            f'<span class="route-num" aria-hidden="true">{i}</span>'
            f'{icon_html(icons.PHASE[fase])}'
            f'<span class="route-text"><span class="route-name">{esc(t(f"label.fase.{fase}"))}</span>{b1}{pin}</span>'
            "</button></li>")
    intro = f'<p class="route-intro">{esc(t("ui.route.intro"))}</p>' if full else ""
    return f'<div class="route-inner{" is-full" if full else ""}">{intro}<ol class="route-path">{"".join(stops)}</ol></div>'


# ----- bottom bar -----

def bar(items: Sequence[tuple[str, str, str]], current: str) -> str:
    """items: (screen key, label, icon svg). Start comes first."""
    lis = []
    for key, label, icon in items:
        here = key == current
        lis.append(f'<li><button type="button" class="bar-btn" data-action="app.go" data-screen="{esc(key)}"'
                   f' id="bar-{esc(key)}"{attrs(aria_current="page" if here else None)}>'
                   f'{icon_html(icon)}<span class="bar-label">{esc(label)}</span></button></li>')
    return f'<ul class="bar-list">{"".join(lis)}</ul>'


# ----- messages -----

def alerts(messages: Sequence[str]) -> str:
    if not messages:
        return ""
    items = "".join(
        f'<div class="alert">{icon_html(icons.WARN)}<p class="alert-text">{esc(m)}</p>'
        f'{button(t("ui.close"), "alert.dismiss", cls="btn btn-small", data={"index": i})}</div>'
        for i, m in enumerate(messages))
    return items


def toast(text: str, *, undo: bool, redo: bool) -> str:
    if not text:
        return ""
    parts = [f'<div class="toast"><p class="toast-text">{esc(text)}</p>']
    if undo:
        parts.append(button(t("ui.undo"), "toast.undo", icon=icons.UNDO, cls="btn btn-small btn-on-dark"))
    if redo:
        parts.append(button(t("ui.redo"), "toast.redo", icon=icons.REDO, cls="btn btn-small btn-on-dark"))
    parts.append(button(t("ui.close"), "toast.close", icon=icons.CLOSE, cls="btn btn-small btn-on-dark btn-icon-only",
                        aria_label=t("ui.toast.close")))
    parts.append("</div>")
    return "".join(parts)


# ----- sheets of the framework -----

def sheet(kind: str, title: str, body: str, *, modal: bool, role: str = "dialog", close: bool = True,
          text_only: bool = False) -> str:
    """`text_only`: the body has nothing to tab to, so the body itself takes focus (and opens the
    sheet), or a keyboard could not scroll it (WCAG 2.1.1)."""
    close_btn = button(t("ui.close"), "sheet.close", icon=icons.CLOSE, cls="btn btn-tool sheet-close") if close else ""
    backdrop = '<div class="sheet-backdrop" data-action="sheet.close"></div>' if modal else ""
    body_attrs = ' tabindex="0" role="region" aria-labelledby="sheet-title" data-autofocus' if text_only else ""
    return (f'{backdrop}<div class="sheet sheet-{esc(kind)}" role="{role}" aria-modal="{"true" if modal else "false"}"'
            f' aria-labelledby="sheet-title">'
            f'<div class="sheet-head"><h2 id="sheet-title" tabindex="-1">{esc(title)}</h2>{close_btn}</div>'
            f'<div class="sheet-body"{body_attrs}>{body}</div></div>')


def menu_sheet(view_part: str = "") -> str:
    """The menu; `view_part` is *Weergave* (render/client_view.menu_part), before language and statement."""
    def item(label_key: str, action: str, icon: str, desc_key: Optional[str] = None, first: bool = False) -> str:
        desc = f'<span class="menu-desc">{esc(t(desc_key))}</span>' if desc_key else ""
        return (f'<li><button type="button" class="menu-item" data-action="{action}"{attrs(data_autofocus=first)}>'
                f'{icon_html(icon)}<span class="menu-text"><span class="menu-label">{esc(t(label_key))}</span>'
                f"{desc}</span></button></li>")

    body = (
        f'<h3 class="menu-head">{esc(t("ui.menu.file"))}</h3><ul class="menu-list">'
        + item("ui.menu.new", "menu.new", icons.NEW, "ui.menu.new_desc", first=True)
        + item("ui.menu.open", "menu.open", icons.OPEN, "ui.menu.open_desc")
        + item("ui.menu.save", "menu.save", icons.SAVE, "ui.menu.save_desc")
        + item("ui.menu.export", "menu.export", icons.EXPORT, "ui.menu.export_desc")
        + item("ui.menu.versions", "menu.versions", icons.UNDO, "ui.menu.versions_desc")
        + "</ul>"
        f'<h3 class="menu-head">{esc(t("ui.menu.session"))}</h3><ul class="menu-list">'
        + item("ui.menu.end", "menu.end", icons.END, "ui.menu.end_desc")
        + "</ul>"
        + view_part
        + about.menu_part()  # Taal / Language and the accessibility statement (render/about.py)
    )
    return sheet("menu", t("ui.menu"), body, modal=True)


def confirm_sheet(title: str, text: str, yes_label: str, *, offer_save: bool) -> str:
    save = ""
    if offer_save:
        save = (f'<div class="confirm-save"><p>{esc(t("ui.confirm.save_first"))}</p>'
                f'{button(t("ui.menu.save"), "confirm.save", icon=icons.SAVE, cls="btn")}</div>')
    body = (f'<p class="confirm-text">{esc(text)}</p>{save}'
            f'<div class="sheet-actions">'
            f'{button(t("ui.confirm.no"), "confirm.no", cls="btn btn-primary", autofocus=True, id="confirm-no")}'
            f'{button(yes_label, "confirm.yes", cls="btn btn-danger", id="confirm-yes")}</div>')
    return sheet("confirm", title, body, modal=True, role="alertdialog", close=False)


PASSPHRASE_FIELDS = "export-passphrase export-passphrase2"  # ui/unlock.py: the ids, sent with each export


def _passphrase_fields(error: str) -> str:
    """Optional passphrase, typed twice. The fields carry no data-action (the passphrase never goes into
    the app's state); the export buttons send their values (data-include), and data-keep-value keeps
    what was typed when the sheet re-renders (an option ticked after typing)."""
    def field(fid: str, label: str, described: str) -> str:
        return (f'<div class="field"><label for="{fid}">{esc(label)}</label>'
                f'<input type="password" id="{fid}" class="input" autocomplete="new-password" spellcheck="false"'
                f' data-keep-value{attrs(aria_describedby=described, aria_invalid="true" if error else None)}></div>')

    err = (f'<p class="field-error" id="export-passphrase-error" role="alert">{esc(error)}</p>'
           if error else "")
    described = "export-passphrase-hint" + (" export-passphrase-error" if error else "")
    return (f'<fieldset class="options options-passphrase"><legend>{esc(t("store.crypt.legend"))}</legend>'
            f'<p class="hint" id="export-passphrase-hint">{esc(t("store.crypt.hint"))}</p>'
            + field("export-passphrase", t("store.crypt.label"), described)
            + field("export-passphrase2", t("store.crypt.label_again"), described)
            + err + "</fieldset>")


def passphrase_sheet(*, error: str = "", busy: bool = False) -> str:
    """Asks the passphrase of an encrypted file. A form: Enter submits, the browser resets it after."""
    err = (f'<p class="field-error" id="unlock-error" role="alert">{esc(error)}</p>'
           if error else "")
    described = "unlock-text" + (" unlock-error" if error else "")
    busy_text = f'<p class="hint" role="status">{esc(t("store.crypt.busy"))}</p>' if busy else ""
    body = (f'<form class="unlock-form" novalidate data-action="unlock.submit" autocomplete="off">'
            f'<p id="unlock-text">{esc(t("store.crypt.open_text"))}</p>'
            f'<div class="field"><label for="unlock-passphrase">{esc(t("store.crypt.open_label"))}</label>'
            f'<input type="password" id="unlock-passphrase" name="passphrase" class="input" autocomplete="off"'
            f' spellcheck="false"{attrs(aria_describedby=described, aria_invalid="true" if error else None, data_autofocus=True)}></div>'
            f'{err}{busy_text}<div class="sheet-actions">'
            f'{button(t("store.crypt.open_button"), None, icon=icons.OPEN, cls="btn btn-primary", kind="submit", id="unlock-submit", disabled=busy)}'
            f'{button(t("store.crypt.cancel"), "sheet.close", cls="btn", id="unlock-cancel")}'
            "</div></form>")
    return sheet("passphrase", t("store.crypt.open_title"), body, modal=True)


def file_sheet(kind: str, *, notes: bool, pseudonymise: bool, exports: Sequence[tuple[str, str, str]],
               error: str = "", notes_locked: bool = False, research_names: bool = False) -> str:
    """`kind` "save" (the dossier as JSON) or "export" (JSON without names, map, print…).

    exports: (key, label, icon) of registered exports, shown in the export sheet. Every file export can
    be encrypted with a passphrase (`error`: why the typed passphrase was not accepted).
    """
    include = f' data-include="{PASSPHRASE_FIELDS}"'
    passphrase = _passphrase_fields(error)
    warning = (f'<div class="warning">{icon_html(icons.WARN)}<p>{esc(t("ui.file.warning"))}</p></div>')
    options = (
        f'<fieldset class="options"><legend>{esc(t("ui.file.options"))}</legend>'
        + ("" if notes_locked else  # during privétijd the begeleider's notes never leave (App.export_choices)
           checkbox(t("ui.file.opt_notes"), id="opt-notes", checked=notes, action="export.option",
                    data={"name": "notes"}, hint=t("ui.file.opt_notes_hint")))
        + checkbox(t("ui.file.opt_pseudo"), id="opt-pseudo", checked=pseudonymise, action="export.option",
                   data={"name": "pseudonymise"}, hint=t("ui.file.opt_pseudo_hint"))
        + ("" if kind == "save" else  # research files (GraphML, CSV) are without names unless chosen here
           checkbox(t("interop.file.opt_names"), id="opt-research-names", checked=research_names and not pseudonymise,
                    action="export.option", data={"name": "research_names"}, hint=t("interop.file.opt_names_hint")))
        + "</fieldset>")
    if kind == "save":
        lead = f'<p>{esc(t("ui.file.save_lead"))}</p>'
        actions = (f'<div class="sheet-actions">'
                   f'{button(t("ui.file.save_button"), "export.json", icon=icons.SAVE, cls="btn btn-primary", autofocus=True, id="save-json", extra=include)}'
                   "</div>")
        return sheet("save", t("ui.menu.save"), lead + warning + options + passphrase + actions, modal=True)
    items = [("json", t("ui.file.export_json"), icons.SAVE)] + list(exports) + [
        ("print", t("ui.print.screen"), icons.PRINT), ("print_atlas", t("ui.print.atlas"), icons.PRINT)]
    printing = {"print": "export.print", "print_atlas": "export.print_atlas"}  # paper: no passphrase
    lis = []
    for i, (key, label, icon) in enumerate(items):
        action = "export.json" if key == "json" else printing.get(key, "export.run")
        lis.append(f'<li>{button(label, action, icon=icon, cls="btn export-btn", data={"key": key}, autofocus=(i == 0), id=f"export-{key}", extra="" if key in printing else include)}</li>')
    body = (f'<p>{esc(t("ui.file.export_lead"))}</p>' + warning + options + passphrase
            + f'<ul class="export-list">{"".join(lis)}</ul>')
    return sheet("export", t("ui.menu.export"), body, modal=True)


# ----- earlier versions (persistence) -----

def _size(chars: int) -> str:
    if chars < 1024 * 1024:
        return t("ui.versions.kb", n=max(1, round(chars / 1024)))
    return t("ui.versions.mb", n=f"{chars / (1024 * 1024):.1f}".replace(".", ","))


def versions_sheet(versions: Optional[Sequence]) -> str:
    """versions: storage.store.Version items (newest first), or None while they are fetched."""
    if versions is None:
        body = f'<p role="status" data-autofocus tabindex="-1">{esc(t("ui.versions.loading"))}</p>'
        return sheet("versions", t("ui.menu.versions"), body, modal=True)
    if not versions:
        body = f'<p data-autofocus tabindex="-1">{esc(t("ui.versions.empty"))}</p>'
        return sheet("versions", t("ui.menu.versions"), body, modal=True)
    items = []
    for i, v in enumerate(versions):
        when = {"datum": v.saved_at.strftime("%d-%m-%Y"), "tijd": v.saved_at.strftime("%H:%M")}
        line = t("ui.versions.item", alias=v.alias or t("ui.versions.no_alias"), grootte=_size(v.size), **when)
        data = {"id": v.id}
        items.append(
            f'<li class="version version-{esc(v.kind)}"><p class="version-line"><strong>{esc(line)}</strong></p>'
            f'<p class="version-kind">{esc(t("ui.versions.kind." + v.kind))}</p><div class="version-actions">'
            + button(t("ui.versions.open"), "versions.open", icon=icons.OPEN, cls="btn btn-small", data=data,
                     aria_label=t("ui.versions.open_label", **when), autofocus=i == 0)
            + button(t("ui.versions.download"), "versions.download", icon=icons.SAVE, cls="btn btn-small", data=data,
                     aria_label=t("ui.versions.download_label", **when))
            + button(t("ui.versions.delete"), "versions.delete", icon=icons.TRASH, cls="btn btn-small", data=data,
                     aria_label=t("ui.versions.delete_label", **when))
            + "</div></li>")
    body = f'<p>{esc(t("ui.versions.lead"))}</p><ul class="version-list">{"".join(items)}</ul>'
    return sheet("versions", t("ui.menu.versions"), body, modal=True)
