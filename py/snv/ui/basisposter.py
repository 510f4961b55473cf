"""Basisposter screen, the events: cards (add, edit text, writer, remove with undo), questions for the
plan (add, reword, owner, *Naar de bijeenkomst*, *Omhoog*/*Omlaag* and drag), who thought along, export.

The HTML comes from render/basisposter.py. Dragging a question is wired in the browser by
basisposter_dom.mount, which calls back with "basisposter.move" {id, to}. The card actions are shared
with Ontmoeten (`card_action`), which shows the same *Wat lukt al wel?* items.
"""
from __future__ import annotations

from typing import Any, Optional

from ..messages import t
from ..model import ops
from ..model.limits import MAX_TEXT
from ..model.ops import questions_in_order
from ..render import basisposter
from ..render.basisposter import ITEM_FIELDS, KEY, NOBODY, BasisposterView, CardsView, writer_id
from .screens import Export, Screen, register, register_export
from .sheets import ExportSheet
from .svg_export import download_svg


def render(app) -> str:
    return basisposter.render(app.case, app.view_state(BasisposterView))


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _item(app, veld: str, item_id: str):
    if veld not in ITEM_FIELDS:
        return None
    return next((i for i in getattr(app.case.basisposter, veld) if i.id == item_id), None)


def _person_or_none(app, value: Any) -> Optional[str]:
    value = str(value or "")
    return value if value and any(p.id == value for p in app.case.personen) else None


def card_action(app, view: CardsView, prefix: str, verb: str, data: dict) -> bool:
    """The actions of the card fields, for any screen showing them under `prefix` (basisposter,
    ontmoeten). Returns False for a verb that is not a card action."""
    if verb == "add":
        veld = str(data.get("veld", ""))
        if veld not in ITEM_FIELDS:
            return True
        tekst = str(data.get("tekst", data.get("value", ""))).strip()
        app.focus_request = f"#{prefix}-new-{veld}"
        if not tekst:
            view.errors[veld] = t("basisposter.err.empty")
            return True
        if len(tekst) > MAX_TEXT:
            view.errors[veld] = t("basisposter.err.long", max=MAX_TEXT)
            return True
        view.errors.pop(veld, None)
        app.apply(ops.add_card, veld, tekst, writer_id(app.case, view),
                  label=t("basisposter.toast.added", tekst=_short(tekst)))
    elif verb == "open":
        item_id = str(data.get("id", "")) or None
        veld = str(data.get("veld", ""))
        previous = view.open
        view.open = None if item_id == view.open else item_id
        if view.open:
            app.focus_request = (f"#bp-q-text-{view.open}" if veld == "vragen" else f"#{prefix}-text-{view.open}")
        elif previous:
            app.focus_request = f'[data-action="{prefix}.open"][data-id="{previous}"]'
    elif verb == "item_text":
        item = _item(app, str(data.get("veld", "")), str(data.get("id", "")))
        tekst = str(data.get("value", "")).strip()
        if item is not None and tekst and tekst != item.tekst:
            app.apply(ops.update_poster_item, data["veld"], item.id, tekst=tekst[:MAX_TEXT],
                      label=t("basisposter.toast.changed"))
    elif verb == "item_door":
        item = _item(app, str(data.get("veld", "")), str(data.get("id", "")))
        door = _person_or_none(app, data.get("value"))
        if item is not None and door != item.door:
            app.apply(ops.update_poster_item, data["veld"], item.id, door=door, label=t("basisposter.toast.door"))
    elif verb == "remove":
        veld = str(data.get("veld", ""))
        item = _item(app, veld, str(data.get("id", "")))
        if item is not None:  # no question asked: one card, and the toast offers *Ongedaan maken*
            app.apply(ops.remove_poster_item, veld, item.id, label=t("basisposter.toast.removed", tekst=_short(item.tekst)))
            view.open = None
            app.focus_request = f"#{prefix}-new-{veld}"
    elif verb == "writer":
        value = str(data.get("value", ""))
        view.writer = NOBODY if value == NOBODY else (value if _person_or_none(app, value) else "")
    elif verb == "more":
        view.more = not view.more
    else:
        return False
    return True


# ----- questions -----

def _nr(app, vid: str) -> int:
    for n, q in enumerate(questions_in_order(app.case.basisposter.vragen), 1):
        if q.id == vid:
            return n
    return 0


def move(app, vid: str, to: Any) -> bool:
    """Put question `vid` at 0-based place `to` as one undoable edit (drag drop and the buttons)."""
    nr = _nr(app, vid)
    try:
        to_index = int(to)
    except (TypeError, ValueError):
        return False
    total = len(app.case.basisposter.vragen)
    to_index = max(0, min(to_index, total - 1))
    if not nr or to_index == nr - 1:
        return False
    app.apply(ops.move_question, vid, to_index, label=t("basisposter.toast.q_moved", nr=to_index + 1))
    return True


def _question_action(app, view: BasisposterView, verb: str, data: dict) -> bool:
    vid = str(data.get("id", ""))
    if verb == "add" and data.get("veld") == "vragen":
        tekst = str(data.get("tekst", data.get("value", ""))).strip()
        app.focus_request = f"#{KEY}-new-vragen"
        if not tekst:
            view.errors["vragen"] = t("basisposter.err.empty")
        elif len(tekst) > MAX_TEXT:
            view.errors["vragen"] = t("basisposter.err.long", max=MAX_TEXT)
        else:
            view.errors.pop("vragen", None)
            app.apply(ops.add_question, tekst, label=t("basisposter.toast.q_added", nr=len(app.case.basisposter.vragen) + 1))
        return True
    nr = _nr(app, vid)
    if verb in ("up", "down"):
        if nr:
            step = -1 if verb == "up" else 1
            if not move(app, vid, nr - 1 + step):
                app.notice(t("basisposter.q.first" if verb == "up" else "basisposter.q.last"))
            # keep the focus on the same button of the moved question (or the other one at an end)
            new_nr = _nr(app, vid)
            total = len(app.case.basisposter.vragen)
            same = (verb == "up" and new_nr > 1) or (verb == "down" and new_nr < total)
            other = "down" if verb == "up" else "up"
            app.focus_request = f'.bp-q-{verb if same else other}[data-id="{vid}"]'
        return True
    if verb == "move":
        return move(app, vid, data.get("to")) or True
    if not nr:
        return verb in ("meeting", "q_text", "q_owner", "q_remove")
    q = next(v for v in app.case.basisposter.vragen if v.id == vid)
    if verb == "meeting":
        on = not q.naar_bijeenkomst
        app.apply(ops.update_question, vid, naar_bijeenkomst=on,
                  label=t("basisposter.toast.q_meeting_on" if on else "basisposter.toast.q_meeting_off", nr=nr))
        app.focus_request = f'.bp-q-meeting[data-id="{vid}"]'
    elif verb == "q_text":
        tekst = str(data.get("value", "")).strip()
        if tekst and tekst != q.tekst:
            app.apply(ops.update_question, vid, tekst=tekst[:MAX_TEXT], label=t("basisposter.toast.q_changed"))
    elif verb == "q_owner":
        owner = _person_or_none(app, data.get("value"))
        if owner != q.eigenaar:
            app.apply(ops.update_question, vid, eigenaar=owner, label=t("basisposter.toast.q_owner", nr=nr))
    elif verb == "q_remove":
        app.apply(ops.remove_question, vid, label=t("basisposter.toast.q_removed"))
        view.open = None
        app.focus_request = f"#{KEY}-new-vragen"
    else:
        return False
    return True


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    view = app.view_state(BasisposterView)
    if _question_action(app, view, verb, data):
        return None
    if card_action(app, view, KEY, verb, data):
        return None
    if verb == "choose":
        view.choose_meedenkers = not view.choose_meedenkers
        app.focus_request = "#bp-choose"
    elif verb == "meedenker":
        pid = _person_or_none(app, data.get("pid"))
        if pid is not None:
            current = list(app.case.basisposter.meedenkers)
            naam = app.case.persoon(pid).naam
            on = pid not in current
            chosen = [*current, pid] if on else [x for x in current if x != pid]
            app.apply(ops.set_meedenkers, chosen,
                      label=t("basisposter.toast.meedenker_on" if on else "basisposter.toast.meedenker_off", naam=naam))
            app.focus_request = f'#bp-pick [data-pid="{pid}"]' if view.choose_meedenkers else "#bp-choose"
    elif verb == "export":
        app.open_sheet(ExportSheet())
    else:
        raise KeyError(action)
    return None


# ----- export (toolbar and menu *Exporteren*) -----

def run_export(app, options: dict) -> str:
    """Download the poster as a standalone A3 SVG that opens again as the case (privacy choices applied)."""
    from ..render.basisposter_svg import export_svg  # noqa: PLC0415

    return download_svg(app, options, lambda case, today: export_svg(case, today=today), suffix=KEY,
                        done_key="basisposter.export.done")


def _mount(app, root) -> None:
    from . import basisposter_dom  # noqa: PLC0415 (browser only)

    basisposter_dom.mount(app, root)


register(Screen(key=KEY, label_key="basisposter.tab", icon=basisposter.ICON_POSTER,
                phases=("netwerkatlas",), render=render, handle=handle, mount=_mount,
                order=14, desc_key="basisposter.desc", term_key="basisposter.title", stylesheet="basisposter.css"))
register_export(Export(key="basisposter_svg", label_key="basisposter.export", run=run_export, order=10,
                       icon=basisposter.ICON_POSTER, desc_key="basisposter.export.desc"))
