"""Browser-only wiring of the Basisposter: drag a question to another place with finger, pen or mouse.

Imported lazily by ui/basisposter.py's mount hook (never under CPython). A drag starts on the grip of a
question (the number) after DRAG_START_PX, so a tap stays a tap; while dragging only transforms change
(the row follows the finger, the rows it passes make room); the case is edited once, on drop, through
the host ("basisposter.move" {id, to}), so it is one undoable step. Esc or pointercancel puts it back.
Keyboard users have *Omhoog*/*Omlaag* (plain buttons).
"""
from __future__ import annotations

import js  # browser only

from ..messages import t
from .dom import Proxies, nn, run_action

DRAG_START_PX = 8.0

_state: dict = {"app": None, "drag": None, "doc_wired": False}


_proxy = Proxies()


def mount(app, root=None) -> None:
    _state["app"] = app
    listing = nn(js.document.getElementById("bp-questions"))
    if listing is not None and not listing.getAttribute("data-wired"):
        listing.setAttribute("data-wired", "1")
        listing.addEventListener("pointerdown", _proxy("down", _down))
        listing.addEventListener("pointermove", _proxy("move", _move))
        listing.addEventListener("pointerup", _proxy("up", _up))
        listing.addEventListener("pointercancel", _proxy("cancel", _cancel))
    if not _state["doc_wired"]:
        _state["doc_wired"] = True
        js.document.addEventListener("keydown", _proxy("esc", _esc), True)


def _rows(listing) -> list:
    nodes = listing.querySelectorAll(":scope > .bp-q")
    return [nodes.item(i) for i in range(nodes.length)]


def _down(ev) -> None:
    if _state["drag"] is not None:
        return
    if ev.pointerType == "mouse" and ev.button != 0:
        return
    grip = nn(ev.target.closest(".bp-q-grip"))
    if grip is None:
        return
    listing = ev.currentTarget
    row = nn(grip.closest(".bp-q"))
    rows = _rows(listing)
    if row is None or len(rows) < 2:
        return
    mids = []
    for r in rows:
        box = r.getBoundingClientRect()
        mids.append(box.top + box.height / 2)
    _state["drag"] = {"id": ev.pointerId, "grip": grip, "row": row, "rows": rows, "mids": mids,
                      "from": rows.index(row), "to": rows.index(row), "y0": ev.clientY, "x0": ev.clientX,
                      "h": row.getBoundingClientRect().height, "dragging": False, "list": listing}
    try:
        grip.setPointerCapture(ev.pointerId)
    except Exception:  # noqa: BLE001 - synthetic or ended pointers cannot be captured
        pass


def _target(d: dict, y: float) -> int:
    """The place the row would take: how many other rows have their middle above the finger."""
    frm = d["from"]
    above = sum(1 for i, mid in enumerate(d["mids"]) if i != frm and mid < y)
    return above


def _move(ev) -> None:
    d = _state["drag"]
    if d is None or ev.pointerId != d["id"]:
        return
    dy = ev.clientY - d["y0"]
    if not d["dragging"]:
        if abs(dy) < DRAG_START_PX and abs(ev.clientX - d["x0"]) < DRAG_START_PX:
            return
        d["dragging"] = True
        d["row"].classList.add("is-dragging")
        d["list"].classList.add("is-dragging")
    ev.preventDefault()
    d["row"].style.transform = f"translateY({dy:.0f}px)"
    to = _target(d, ev.clientY)
    if to != d["to"]:
        d["to"] = to
        frm, h = d["from"], d["h"] + 8  # 8 px: the gap between rows
        for i, r in enumerate(d["rows"]):
            if i == frm:
                continue
            shift = -h if frm < i <= to else (h if to <= i < frm else 0)
            r.style.transform = f"translateY({shift:.0f}px)" if shift else ""


def _clean(d: dict) -> None:
    for r in d["rows"]:
        r.style.transform = ""
    d["row"].classList.remove("is-dragging")
    d["list"].classList.remove("is-dragging")
    try:
        d["grip"].releasePointerCapture(d["id"])
    except Exception:  # noqa: BLE001
        pass


def _up(ev) -> None:
    d = _state["drag"]
    if d is None or ev.pointerId != d["id"]:
        return
    _state["drag"] = None
    _clean(d)
    if d["dragging"]:
        to = _target(d, ev.clientY)
        if to != d["from"]:
            _run("basisposter.move", {"id": d["row"].getAttribute("data-qid"), "to": str(to)})
            live = nn(js.document.getElementById("bp-live"))
            if live is not None:
                live.textContent = t("basisposter.q.moved_live", nr=to + 1)


def _cancel(ev=None) -> None:
    d = _state["drag"]
    if d is None or (ev is not None and getattr(ev, "pointerId", d["id"]) != d["id"]):
        return
    _state["drag"] = None
    _clean(d)


def _esc(ev) -> None:
    if ev.key == "Escape" and _state["drag"] is not None:
        ev.preventDefault()
        ev.stopPropagation()
        _cancel()


def _run(action: str, data: dict) -> None:
    run_action(_state["app"], action, data, "pointer")
