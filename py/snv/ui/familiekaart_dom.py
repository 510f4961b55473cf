"""Browser-only wiring of the familiekaart: keep where the drawing was panned to across re-renders (the
frame restores only vertical scroll), and show the client in the middle the first time.

Imported lazily by ui/familiekaart.py's mount hook (never under CPython).
"""
from __future__ import annotations

import js  # browser only
from pyodide.ffi import create_proxy

from ..render.familiekaart import FamiliekaartView
from .dom import nn, scroll_by

_state: dict = {"app": None, "proxy": None}


def _on_scroll(ev) -> None:
    app = _state["app"]
    el = nn(ev.currentTarget)
    if app is not None and el is not None:
        app.view_state(FamiliekaartView).scroll = (float(el.scrollLeft), float(el.scrollTop))


def mount(app, root=None) -> None:
    _state["app"] = app
    el = nn(js.document.getElementById("fk-scroll"))
    if el is None:
        return
    if _state["proxy"] is None:
        _state["proxy"] = create_proxy(_on_scroll)
    el.addEventListener("scroll", _state["proxy"])  # a new element after each render: one listener each
    v = app.view_state(FamiliekaartView)
    if v.scroll is not None:
        el.scrollLeft, el.scrollTop = v.scroll
    else:
        target = nn(js.document.getElementById(f"fk-p-{v.selected or app.case.klant_id}"))
        if target is None:
            return
        t, s = target.getBoundingClientRect(), el.getBoundingClientRect()
        el.scrollLeft = el.scrollLeft + (t.left + t.width / 2) - (s.left + s.width / 2)
        el.scrollTop = el.scrollTop + (t.top + t.height / 2) - (s.top + s.height / 2)
        v.scroll = (float(el.scrollLeft), float(el.scrollTop))
    _above_panel(v)


def _above_panel(v: FamiliekaartView) -> None:
    """Portrait: the panel covers the lower part of the screen. Scroll the page so the person it is
    about stays above it (and below the header)."""
    doc = js.document
    panel = nn(doc.getElementById("fk-panel"))
    target = nn(doc.getElementById(f"fk-p-{v.selected}")) if v.selected else None
    if panel is None or target is None or js.getComputedStyle(panel).position != "fixed":
        return
    t, p = target.getBoundingClientRect(), panel.getBoundingClientRect()
    header = nn(doc.querySelector(".topbar"))
    top = header.getBoundingClientRect().bottom if header is not None else 0
    if t.bottom > p.top - 16 or t.top < top + 8:
        scroll_by(t.top + t.height / 2 - (top + p.top) / 2)
