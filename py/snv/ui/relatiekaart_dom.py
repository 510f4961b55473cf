"""Browser-only wiring of the relatiekaart: drag with finger, pen or mouse; taps; keys on markers.

Imported lazily by ui/relatiekaart.py's mount hook (never under CPython); it imports nothing from
ui/relatiekaart.py: actions go back through the host, the view state is the render layer's class. Handlers are created once
as module-level proxies and attached to each new map SVG, so re-rendering leaks nothing.

During a drag only the dragged marker's transform, one preview line, the highlighted cell and a
floating label change; the model is edited once, on drop (through app.dispatch, so it is undoable).
"""
from __future__ import annotations

import math

import js  # browser only

from ..analysis.layout import CENTRE, locate
from ..messages import t
from ..render.relatiekaart import RelatiekaartView
from ..render.relatiekaart_svg import ring_word
from .dom import Proxies, nn, run_action, scroll_top

SVG_NS = "http://www.w3.org/2000/svg"
DRAG_START_PX = 8.0  # a smaller movement is still a tap
MIN_HIT_PX = 22.0  # hit radius on screen: 44 css px across

_state: dict = {"app": None, "drag": None, "doc_wired": False}


_proxy = Proxies()


def mount(app, root=None) -> None:
    _state["app"] = app
    doc = js.document
    perf = js.performance
    svg = nn(doc.querySelector("svg.rk-svg"))
    if svg is not None and not svg.getAttribute("data-wired"):
        svg.setAttribute("data-wired", "1")
        svg.addEventListener("pointerdown", _proxy("down", _down))
        svg.addEventListener("pointermove", _proxy("move", _move))
        svg.addEventListener("pointerup", _proxy("up", _up))
        svg.addEventListener("pointercancel", _proxy("cancel", _cancel))
        svg.addEventListener("keydown", _proxy("key", _key))
        fit_to_screen()
        fit_hit_area(svg)
        _watch_size(svg)
    if not _state["doc_wired"]:
        _state["doc_wired"] = True
        doc.addEventListener("keydown", _proxy("esc", _esc), True)
        doc.addEventListener("click", _proxy("click", _swallow_click), True)
        js.window.addEventListener("resize", _proxy("resize", _resize))
    # timing hooks (read by tests/bench with page.evaluate); harmless for users
    if perf.getEntriesByName("rk-drop", "mark").length:
        perf.measure("rk-drop-update", "rk-drop")
        perf.clearMarks("rk-drop")
    perf.clearMarks("rk-mounted")
    perf.mark("rk-mounted")


def fit_to_screen() -> None:
    """Size the map so the whole of it fits between its top and the bottom bar (CSS var --rk-fit);
    zoom buttons enlarge it from there. Measured, because header, route and toolbar heights vary."""
    doc = js.document
    rk = nn(doc.querySelector(".rk"))
    stage = nn(doc.querySelector(".rk-stage"))
    if rk is None or stage is None:
        return
    bar = nn(doc.getElementById("bar"))
    bar_h = bar.offsetHeight if bar is not None else 0
    top = stage.getBoundingClientRect().top + scroll_top()
    fit = max(320, int(js.window.innerHeight - top - bar_h - 12))
    view = _view()
    if view is not None and view.fit != fit:  # the next render writes it into the HTML: no second layout
        view.fit = fit
        rk.style.setProperty("--rk-fit", f"{fit}px")


def fit_hit_area(svg) -> None:
    """Make each marker's invisible hit circle at least 44 css px across, whatever the zoom."""
    ctm = nn(svg.getScreenCTM())
    if ctm is None or not ctm.a:
        return
    hit = round(max(30.0, MIN_HIT_PX / abs(ctm.a)), 1)
    view = _view()
    if view is not None and view.hit != hit:  # set once; later renders write it into the HTML themselves
        view.hit = hit
        rk = nn(js.document.querySelector(".rk"))
        if rk is not None:
            rk.style.setProperty("--rk-hit", f"{hit}px")


def _view() -> RelatiekaartView | None:
    app = _state["app"]
    return app.view_state(RelatiekaartView) if app is not None else None


def _watch_size(svg) -> None:
    """The map's size also changes without a window resize (the person sheet beside it, a panel, a
    zoom step): the hit circles must stay 44 css px across, so measure again whenever it does."""
    observer = _state.get("observer")
    if observer is None:
        observer = _state["observer"] = js.ResizeObserver.new(_proxy("sized", _sized))
    observer.disconnect()  # only the map on screen now
    observer.observe(svg)


def _sized(_entries=None, _observer=None) -> None:
    svg = nn(js.document.querySelector("svg.rk-svg"))
    if svg is not None:
        fit_hit_area(svg)


def _resize(_ev=None) -> None:
    svg = nn(js.document.querySelector("svg.rk-svg"))
    if svg is not None:
        fit_to_screen()
        fit_hit_area(svg)


# ----- pointer handling -----

def _to_map(d: dict, cx: float, cy: float) -> tuple[float, float]:
    p = js.DOMPoint.new(cx, cy).matrixTransform(d["inv"])
    return (p.x, p.y)


def _down(ev) -> None:
    if _state["drag"] is not None:
        return  # one finger at a time
    if ev.pointerType == "mouse" and ev.button != 0:
        return
    svg = ev.currentTarget
    ctm = nn(svg.getScreenCTM())
    if ctm is None:
        return
    marker = nn(ev.target.closest(".rk-m"))
    stage = nn(svg.closest(".rk-stage"))
    _state["drag"] = {
        "id": ev.pointerId, "svg": svg, "inv": ctm.inverse(), "x0": ev.clientX, "y0": ev.clientY,
        "marker": marker, "pid": marker.getAttribute("data-pid") if marker is not None else None,
        "readonly": bool(stage is not None and stage.getAttribute("data-readonly")),
        "connect": bool(stage is not None and stage.getAttribute("data-connect")),
        "dragging": False, "target": None, "cell": None, "label": None, "line": None, "tie": None,
    }
    try:
        svg.setPointerCapture(ev.pointerId)
    except Exception:  # noqa: BLE001 - synthetic or already-ended pointers cannot be captured
        pass


def _start_drag(d: dict) -> None:
    doc = js.document
    svg, marker = d["svg"], d["marker"]
    d["dragging"] = True
    d["from"] = (marker.getAttribute("data-sector"), marker.getAttribute("data-ring"))
    d["transform"] = marker.getAttribute("transform") or ""
    # keep the marker's size (small maps draw markers bigger: "translate(x y) scale(s)")
    d["scale"] = d["transform"][d["transform"].find(" scale("):] if " scale(" in d["transform"] else ""
    marker.classList.add("is-dragging")
    svg.classList.add("is-dragging")
    marker.parentNode.appendChild(marker)  # draw on top of the others
    tie = nn(svg.querySelector(f'.rk-tie[data-pid="{d["pid"]}"]'))
    if tie is not None:
        tie.style.display = "none"
        d["tie"] = tie
    line = doc.createElementNS(SVG_NS, "line")
    line.setAttribute("class", "rk-drag-line")
    line.setAttribute("x1", str(CENTRE))
    line.setAttribute("y1", str(CENTRE))
    markers = svg.querySelector(".rk-markers")
    svg.insertBefore(line, markers)
    d["line"] = line
    label = doc.createElement("div")
    label.className = "rk-drag-label"
    label.setAttribute("aria-hidden", "true")
    doc.body.appendChild(label)
    d["label"] = label


def _target(d: dict, sector, ring) -> None:
    """Highlight the slice and ring under the finger and name them in the floating label."""
    if (sector, ring) == d["target"]:
        return
    d["target"] = (sector, ring)
    if d["cell"] is not None:
        d["cell"].classList.remove("is-target")
        d["cell"] = None
    if sector and ring:
        cell = nn(d["svg"].querySelector(f'.rk-cell[data-sector="{sector}"][data-ring="{ring}"]'))
        if cell is not None:
            cell.classList.add("is-target")
            d["cell"] = cell
        d["label"].textContent = t("map.drag_target", sector=t(f"label.sector.{sector}"), ring=ring_word(ring))
        d["label"].classList.remove("is-off")
    else:
        d["label"].textContent = t("map.drag_off")
        d["label"].classList.add("is-off")


def _move(ev) -> None:
    d = _state["drag"]
    if d is None or ev.pointerId != d["id"]:
        return
    if not d["dragging"]:
        if d["pid"] is None or d["readonly"] or d["connect"]:
            return  # connecting: a finger that moves a little is still a tap
        if math.hypot(ev.clientX - d["x0"], ev.clientY - d["y0"]) < DRAG_START_PX:
            return
        _start_drag(d)
    ev.preventDefault()
    x, y = _to_map(d, ev.clientX, ev.clientY)
    d["marker"].setAttribute("transform", f"translate({x:.1f} {y:.1f}){d['scale']}")
    d["line"].setAttribute("x2", f"{x:.1f}")
    d["line"].setAttribute("y2", f"{y:.1f}")
    _target(d, *locate(x, y))
    # the label floats above the finger, so the finger does not cover it
    d["label"].style.transform = f"translate({ev.clientX:.0f}px, {ev.clientY - 64:.0f}px) translate(-50%, -100%)"


def _end(d: dict, restore: bool) -> None:
    if d["cell"] is not None:
        d["cell"].classList.remove("is-target")
    for key in ("label", "line"):
        el = d.get(key)
        if el is not None and nn(el.parentNode) is not None:
            el.parentNode.removeChild(el)
    d["svg"].classList.remove("is-dragging")
    try:
        d["svg"].releasePointerCapture(d["id"])
    except Exception:  # noqa: BLE001
        pass
    if restore and d.get("dragging"):
        d["marker"].setAttribute("transform", d["transform"])
        d["marker"].classList.remove("is-dragging")
        if d["tie"] is not None:
            d["tie"].style.display = ""


def _swallow_click(ev) -> None:
    """The click that follows a handled tap or drag would land on whatever the re-render put under the
    finger (a toolbar button, the sheet): drop that one click (same spot, right after)."""
    until = _state.get("swallow_until", 0.0)
    if not until:
        return
    _state["swallow_until"] = 0.0
    ux, uy = _state.get("swallow_at", (0.0, 0.0))
    same_spot = abs(ev.clientX - ux) <= 12 and abs(ev.clientY - uy) <= 12
    if same_spot and js.performance.now() <= until:
        ev.stopPropagation()
        ev.preventDefault()


def _up(ev) -> None:
    d = _state["drag"]
    if d is None or ev.pointerId != d["id"]:
        return
    _state["drag"] = None
    _state["swallow_until"] = js.performance.now() + 700.0
    _state["swallow_at"] = (ev.clientX, ev.clientY)
    app = _state["app"]
    if d["dragging"]:
        x, y = _to_map(d, ev.clientX, ev.clientY)
        sector, ring = locate(x, y)
        if sector and ring and (sector, ring) != d["from"]:
            js.performance.mark("rk-drop")
            _end(d, restore=False)
            _run("relatiekaart.move", {"pid": d["pid"], "sector": sector, "ring": ring})
            _announce(t("map.moved", naam=_name(app, d["pid"])))
        else:
            _end(d, restore=True)  # dropped off the map or on its own place: nothing changes
        return
    _end(d, restore=False)
    if d["pid"] is not None:
        app.trigger = f'.rk-m[data-pid="{d["pid"]}"]'  # closing the sheet returns focus here
        _run("relatiekaart.open", {"pid": d["pid"]})
    elif not d["readonly"]:
        x, y = _to_map(d, ev.clientX, ev.clientY)
        sector, ring = locate(x, y)
        if sector and ring:  # near a line between others, this opens that line (ui/relatiekaart.line_at)
            _run("relatiekaart.new", {"sector": sector, "ring": ring, "x": f"{x:.1f}", "y": f"{y:.1f}"})


def _cancel(ev=None) -> None:
    d = _state["drag"]
    if d is None or (ev is not None and getattr(ev, "pointerId", d["id"]) != d["id"]):
        return
    _state["drag"] = None
    _end(d, restore=True)


def _esc(ev) -> None:
    if ev.key == "Escape" and _state["drag"] is not None:
        ev.preventDefault()
        ev.stopPropagation()
        _cancel()
        return
    view = _view()
    app = _state["app"]
    if (ev.key == "Escape" and view is not None and view.connect and app is not None and app.sheet is None
            and nn(js.document.querySelector(".rk-stage[data-connect]")) is not None):
        ev.preventDefault()
        _run("relatiekaart.connect", {})  # Esc stops *Verbinden*


def _key(ev) -> None:
    target = nn(ev.target)
    if target is None or not target.classList.contains("rk-m") or ev.ctrlKey or ev.metaKey or ev.altKey:
        return
    if ev.key not in ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Enter", " ", "Spacebar"):
        return
    ev.preventDefault()
    ev.stopPropagation()
    stage = nn(target.closest(".rk-stage"))
    readonly = bool(stage is not None and stage.getAttribute("data-readonly"))
    if readonly and ev.key not in ("Enter", " ", "Spacebar"):
        return
    _run("relatiekaart.key", {"pid": target.getAttribute("data-pid"), "key": ev.key})


def _run(action: str, data: dict) -> None:
    run_action(_state["app"], action, data, "pointer")


def _name(app, pid: str) -> str:
    try:
        return app.case.persoon(pid).naam
    except KeyError:
        return ""


def _announce(text: str) -> None:
    live = nn(js.document.getElementById("rk-live"))
    if live is not None:
        live.textContent = text
