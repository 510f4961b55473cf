"""Browser-only wiring of the Gebeurteniskaart: the life line scrolls sideways inside its own box (a
finger swipe is the browser's own scrolling, the page itself never scrolls sideways); this keeps that
scroll position over re-renders, keeps the selected card in view, and gives the cards their keys:
Enter or space opens a card, ← / → go to the previous / next card, Esc closes the panel.

Imported lazily by ui/gebeurteniskaart.py's mount hook (never under CPython). Handlers are created once
as module-level proxies and attached to each new line, so re-rendering leaks nothing.
"""
from __future__ import annotations

import js  # browser only
from pyodide.ffi import to_js

from ..render.gebeurteniskaart import GebeurteniskaartView, line_of
from ..render.gebeurteniskaart_svg import KEY, screen_window
from .dom import Proxies, nn, run_action, scroll_by

_state: dict = {"app": None, "doc_wired": False}


_proxy = Proxies()


def _view():
    app = _state["app"]
    return app.view_state(GebeurteniskaartView) if app is not None else None


def mount(app, root=None) -> None:
    _state["app"] = app
    doc = js.document
    box = nn(doc.getElementById("gk-scroll"))
    if box is None:
        return
    view = _view()
    if not box.getAttribute("data-wired"):
        box.setAttribute("data-wired", "1")
        box.addEventListener("scroll", _proxy("scroll", _scrolled), to_js({"passive": True},
                                                                         dict_converter=js.Object.fromEntries))
        box.addEventListener("keydown", _proxy("key", _key))
        # two fingers apart / together = *Dichterbij* / *Verder weg* (the box allows only panning, so
        # the browser does not zoom the page); ctrl + wheel is a trackpad's pinch
        passive = to_js({"passive": True}, dict_converter=js.Object.fromEntries)
        box.addEventListener("touchstart", _proxy("t0", _pinch_start), passive)
        box.addEventListener("touchmove", _proxy("t1", _pinch_move), passive)
        box.addEventListener("touchend", _proxy("t2", _pinch_end), passive)
        box.addEventListener("touchcancel", _proxy("t3", _pinch_cancel), passive)
        box.addEventListener("wheel", _proxy("wheel", _wheel), to_js({"passive": False},
                                                                     dict_converter=js.Object.fromEntries))
    if view is not None and view.scroll_x is not None:
        box.scrollLeft = view.scroll_x
    if view is not None:
        view.view_w = float(box.clientWidth)
    card = nn(box.querySelector(".gk-ev.is-sel"))
    if card is not None:
        _keep_in_view(box, card)
    sel = view.sel if view is not None else None
    if sel != _state.get("last_sel"):
        _state["last_sel"] = sel
        _line_above_sheet(box)
    if not _state["doc_wired"]:
        _state["doc_wired"] = True
        doc.addEventListener("keydown", _proxy("esc", _esc))


def _keep_in_view(box, card) -> None:
    """Scroll the box (only sideways) so the card is inside it."""
    b = box.getBoundingClientRect()
    c = card.getBoundingClientRect()
    if c.left < b.left + 8:
        box.scrollLeft = box.scrollLeft - (b.left - c.left) - 24
    elif c.right > b.right - 8:
        box.scrollLeft = box.scrollLeft + (c.right - b.right) + 24


def _line_above_sheet(box) -> None:
    """Portrait: the panel is a bottom sheet. When it opens over the line, scroll the page so the
    line sits just under the header, above the sheet."""
    doc = js.document
    panel = nn(doc.getElementById("gk-panel"))
    if panel is None or str(js.getComputedStyle(panel).position) != "fixed":
        return
    b, p = box.getBoundingClientRect(), panel.getBoundingClientRect()
    if b.bottom <= p.top:
        return
    header = nn(doc.querySelector(".topbar"))
    top = header.getBoundingClientRect().bottom if header is not None else 0
    scroll_by(b.top - top - 8)


def _scrolled(ev) -> None:
    view = _view()
    if view is None:
        return
    box = ev.currentTarget
    view.scroll_x = float(box.scrollLeft)
    view.view_w = float(box.clientWidth)
    if not _state.get("frame_asked"):
        _state["frame_asked"] = True
        js.requestAnimationFrame(_proxy("frame", _redraw))


def _redraw(_t=None) -> None:
    """Only the cards near what is visible are drawn (500 cards at once make every render slow): when a
    swipe nears the edge of the drawn part, draw the line again for the new place. Only the <svg> is
    swapped, inside the same scrolling box, so the swipe goes on smoothly."""
    _state["frame_asked"] = False
    app, view = _state["app"], _view()
    box = nn(js.document.getElementById("gk-scroll"))
    svg = nn(box.querySelector("svg.gk-svg")) if box is not None else None
    if app is None or view is None or svg is None:
        return
    want = screen_window(view.scroll_x, view.view_w)
    drawn = (float(svg.getAttribute("data-from") or 0), float(svg.getAttribute("data-to") or 0))
    if drawn[0] <= want[0] and want[1] <= drawn[1]:
        return
    active = nn(js.document.activeElement)
    focused = nn(active.closest(".gk-ev")) if active is not None and hasattr(active, "closest") else None
    keep = focused.getAttribute("data-id") if focused is not None and box.contains(focused) else None
    svg.outerHTML = line_of(app.case, view)
    if keep:  # the card with the focus is drawn again: give it the focus back
        again = nn(box.querySelector(f'.gk-ev[data-id="{keep}"]'))
        if again is not None:
            again.focus(to_js({"preventScroll": True}, dict_converter=js.Object.fromEntries))


PINCH_IN, PINCH_OUT = 1.25, 0.8  # finger distance ratio for one zoom step


def _spread(ev) -> float:
    a, b = ev.touches.item(0), ev.touches.item(1)
    return float(((a.clientX - b.clientX) ** 2 + (a.clientY - b.clientY) ** 2) ** 0.5)


def _pinch_start(ev) -> None:
    _state["pinch"] = [_spread(ev), _spread(ev)] if ev.touches.length == 2 else None


def _pinch_move(ev) -> None:
    pinch = _state.get("pinch")
    if pinch is not None and ev.touches.length == 2:
        pinch[1] = _spread(ev)


def _pinch_cancel(_ev=None) -> None:
    _state["pinch"] = None


def _pinch_end(ev) -> None:
    pinch = _state.get("pinch")
    if pinch is None or ev.touches.length >= 2:
        return
    _state["pinch"] = None
    ratio = pinch[1] / pinch[0] if pinch[0] else 1.0
    if ratio >= PINCH_IN or ratio <= PINCH_OUT:
        _run(f"{KEY}.zoom", {"step": "1" if ratio >= PINCH_IN else "-1"})


def _wheel(ev) -> None:
    if not ev.ctrlKey:
        return
    ev.preventDefault()
    now = float(js.performance.now())
    if now - _state.get("wheel_at", 0.0) < 250:  # one step per gesture
        return
    _state["wheel_at"] = now
    _run(f"{KEY}.zoom", {"step": "1" if ev.deltaY < 0 else "-1"})


def _key(ev) -> None:
    target = nn(ev.target)
    card = nn(target.closest(".gk-ev")) if target is not None and hasattr(target, "closest") else None
    if card is None or ev.ctrlKey or ev.metaKey or ev.altKey:
        return
    key = str(ev.key)
    if key in ("Enter", " ", "Spacebar"):
        ev.preventDefault()
        _run(f"{KEY}.select", {"id": card.getAttribute("data-id")})
    elif key in ("ArrowLeft", "ArrowRight"):
        ev.preventDefault()
        step = 1 if key == "ArrowRight" else -1
        box = nn(js.document.getElementById("gk-scroll"))
        current = card.getAttribute("data-id")
        for attempt in range(2):
            cards = js.Array.from_(js.document.querySelectorAll("#gk-scroll .gk-ev"))
            els = [cards[i] for i in range(cards.length)]
            i = next((n for n, c in enumerate(els) if c.getAttribute("data-id") == current), -1)
            j = i + step
            if 0 <= j < len(els):
                els[j].focus(to_js({"preventScroll": True}, dict_converter=js.Object.fromEntries))
                if box is not None:
                    _keep_in_view(box, els[j])
                return
            if attempt or box is None:
                return
            # the next card is not drawn yet: move the line on and draw that part first
            box.scrollLeft = box.scrollLeft + step * box.clientWidth / 2
            view = _view()
            if view is not None:
                view.scroll_x = float(box.scrollLeft)
            _redraw()


def _esc(ev) -> None:
    app = _state["app"]
    if str(ev.key) != "Escape" or app is None or app.sheet is not None or app.screen != KEY:
        return
    view = _view()
    if view is not None and view.sel is not None:
        ev.preventDefault()
        field = nn(js.document.activeElement)
        if (field is not None and nn(field.closest("#gk-panel")) is not None and field.getAttribute("data-action")
                and str(field.tagName) in ("INPUT", "TEXTAREA") and str(field.value) != str(field.defaultValue)):
            # keep what was typed: the field's own action commits it, as if it was left
            field.dispatchEvent(js.Event.new("change", to_js({"bubbles": True}, dict_converter=js.Object.fromEntries)))
        _run(f"{KEY}.close", {})


def _run(action: str, data: dict) -> None:
    run_action(_state["app"], action, data, "key")
