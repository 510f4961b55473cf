"""Browser-only wiring of the relatiekaart: drag with finger, pen or mouse; taps; keys on markers;
panning (one finger or the mouse on the background) and pinching (two fingers) the map's view; the
measured sizes of that view; keeping the person whose sheet is open in view.

Imported lazily by ui/relatiekaart.py's mount hook (never under CPython); it imports nothing from
ui/relatiekaart.py: actions go back through the host, the view state is the render layer's class. Handlers are created once
as module-level proxies and attached to each new map SVG, so re-rendering leaks nothing.

During a drag only the dragged marker's transform, one preview line, the highlighted cell and a
floating label change; the model is edited once, on drop (through app.dispatch, so it is undoable).
"""
from __future__ import annotations

import math

import js  # browser only

from ..analysis.layout import CENTRE, MAP_SIZE, TAP_R, cached_layout_map, map_geometry
from ..messages import t
from ..render.relatiekaart import RelatiekaartView, zoom_limit
from ..render.relatiekaart_svg import ring_word
from .dom import Proxies, nn, run_action, scroll_top

SVG_NS = "http://www.w3.org/2000/svg"
DRAG_START_PX = 8.0  # a smaller movement is still a tap
MIN_HIT_PX = 22.0  # hit radius on screen: 44 css px across
MIN_VIEW_PX = 240  # the map's view is never lower than this
WIDE = "(orientation: landscape) and (min-width: 900px)"  # relatiekaart.css: map left, the rest right

_state: dict = {"app": None, "drag": None, "doc_wired": False, "pinch": None, "ignore": set()}


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
        scroller = nn(doc.getElementById("rk-scroll"))
        if scroller is not None:
            scroller.addEventListener("scroll", _proxy("scroll", _scrolled))
        _state["pinch"], _state["ignore"] = None, set()
        fit_to_screen()
        fit_hit_area(svg)
        _watch_size(svg)
        place_view(svg)
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
    """Make the map's view as high as the screen has room for (CSS var --rk-h) and note the largest
    square it holds (the whole map, view.fit). Measured, because header, route, toolbar, panel and
    sheet heights vary: from the view's top to the bottom bar, or in portrait to the panel below it or
    the person sheet over the lower part; less the line that says the map is bigger than its view."""
    doc, win = js.document, js.window
    rk = nn(doc.querySelector(".rk"))
    main = nn(doc.querySelector(".rk-main"))
    scroller = nn(doc.getElementById("rk-scroll"))
    view = _view()
    if rk is None or main is None or scroller is None or view is None:
        return
    full = rk.classList.contains("is-full")
    line = 0
    if not full:  # full screen: CSS gives it the whole window
        wide = bool(win.matchMedia(WIDE).matches)
        bar = nn(doc.getElementById("bar"))
        bottom = win.innerHeight - (bar.offsetHeight if bar is not None else 0) - 6
        sheet = nn(doc.querySelector(".sheet-person"))
        if sheet is not None and not wide:
            bottom = min(bottom, sheet.getBoundingClientRect().top - 8)
        panel = nn(doc.querySelector(".rk-panel"))
        if panel is not None and not wide:
            bottom -= panel.offsetHeight + 8
        more = nn(doc.getElementById("rk-more"))  # "Niet alles past": above the view, or under it
        line = more.offsetHeight + 8 if more is not None and more.offsetHeight else 0
        bottom -= line
        # where the view starts with the page at its top (in landscape the map is sticky: the grid's top)
        top = (rk if wide else main).getBoundingClientRect().top + scroll_top()
        height = max(MIN_VIEW_PX, int(bottom - top))
        if view.height != height:  # the next render writes it into the HTML: no jump
            view.height = height
            rk.style.setProperty("--rk-h", f"{height}px")
    fit = int(min(scroller.clientWidth, scroller.clientHeight))
    view.room = None if full else int(min(scroller.clientWidth, scroller.clientHeight + line))
    if fit > 0 and view.fit != fit:
        first = view.fit is None
        view.fit = fit
        if first or view.zoom is None:  # the zoom buttons depend on it: render them once more
            js.setTimeout(_proxy("rerender", _rerender), 0)


def _rerender() -> None:
    app = _state["app"]
    if app is not None and _state["drag"] is None and _state["pinch"] is None:
        app.host.request_render()


def fit_hit_area(svg) -> None:
    """Make each marker's invisible hit circle 44 css px across at the readable size and never smaller:
    when the map is shown smaller than that (*Hele kaart*) the circles grow (markers are scaled too)."""
    marker = nn(svg.querySelector(".rk-m"))
    ctm = nn((marker if marker is not None else svg).getScreenCTM())
    if ctm is None or not ctm.a:
        return
    hit = round(max(TAP_R, MIN_HIT_PX / math.hypot(ctm.a, ctm.b)), 1)
    view = _view()
    if view is not None and view.hit != hit:  # later renders write it into the HTML themselves
        view.hit = hit
        rk = nn(js.document.querySelector(".rk"))
        if rk is not None:
            rk.style.setProperty("--rk-hit", f"{hit}px")


# ----- the view: where it looks, panning, pinching -----

def _stage_box(scroller):
    """(left, top, width) of the map in the scroller's content coordinates."""
    stage = scroller.firstElementChild
    sr, r = scroller.getBoundingClientRect(), stage.getBoundingClientRect()
    return (r.left - sr.left - scroller.clientLeft + scroller.scrollLeft,
            r.top - sr.top - scroller.clientTop + scroller.scrollTop, r.width)


def _look_at(scroller, x: float, y: float) -> None:
    """Scroll so that map point (x, y) is in the middle of the view (as far as the map reaches)."""
    left, top, width = _stage_box(scroller)
    k = width / MAP_SIZE
    scroller.scrollLeft = left + x * k - scroller.clientWidth / 2
    scroller.scrollTop = top + y * k - scroller.clientHeight / 2


def _middle(scroller) -> tuple[float, float]:
    """The map point in the middle of the view."""
    left, top, width = _stage_box(scroller)
    k = width / MAP_SIZE or 1.0
    return ((scroller.scrollLeft + scroller.clientWidth / 2 - left) / k,
            (scroller.scrollTop + scroller.clientHeight / 2 - top) / k)


def _scrolled(ev) -> None:
    view = _view()
    if view is not None:
        x, y = _middle(ev.currentTarget)
        view.centre = (round(x, 1), round(y, 1))


def place_view(svg) -> None:
    """After a render: look where the user looked before (the middle of the map the first time); then
    bring into view the person whose sheet is open, or the people a sentence of *Wat zie je?* (or a
    life event) just pointed out, when they are not in view (pointed-out people once, when they change)."""
    scroller = nn(js.document.getElementById("rk-scroll"))
    view = _view()
    if scroller is None or view is None:
        return
    _look_at(scroller, *(view.centre or (CENTRE, CENTRE)))
    lit = svg.querySelectorAll(".rk-m.hl")
    lit_ids = tuple(str(lit.item(i).getAttribute("data-pid")) for i in range(lit.length))
    chosen = nn(svg.querySelector(".rk-m.is-selected"))
    targets = [chosen] if chosen is not None else []
    if not targets and lit_ids and lit_ids != _state.get("lit"):
        targets = [lit.item(i) for i in range(lit.length)]
    _state["lit"] = lit_ids
    if not targets:
        return
    seen = scroller.getBoundingClientRect()
    margin = 2 * MIN_HIT_PX
    points = []
    for marker in targets:
        box = marker.querySelector(".rk-shape").getBoundingClientRect()
        points.append((box.left + box.width / 2, box.top + box.height / 2))
    if all(seen.left + margin <= x <= seen.right - margin and seen.top + margin <= y <= seen.bottom - margin
           for x, y in points):
        return
    # the middle of the people to show, in map units (markers are placed by translate(x y))
    centres = []
    for marker in targets:
        own = nn(marker.transform.baseVal.consolidate())
        if own is not None:
            centres.append((own.matrix.e, own.matrix.f))
    if centres:
        _look_at(scroller, sum(x for x, _ in centres) / len(centres), sum(y for _, y in centres) / len(centres))
        view.centre = _middle(scroller)


def _pinch_start(d: dict, ev) -> None:
    """A second finger: stop dragging or panning with the first, zoom the map between the two."""
    first = d["id"]
    _end(d, restore=True)
    _state["drag"] = None
    scroller = nn(js.document.getElementById("rk-scroll"))
    app, view = _state["app"], _view()
    if scroller is None or app is None or view is None or not view.fit:
        _state["ignore"] = {first, ev.pointerId}
        return
    points = {first: (d["lx"], d["ly"]), ev.pointerId: (ev.clientX, ev.clientY)}
    (ax, ay), (bx, by) = points.values()
    left, top, width = _stage_box(scroller)
    seen = scroller.getBoundingClientRect()
    mx, my = (ax + bx) / 2 - seen.left, (ay + by) / 2 - seen.top
    _state["pinch"] = {
        "points": points, "d0": max(1.0, math.hypot(ax - bx, ay - by)), "w0": width, "w": width,
        "scroller": scroller, "stage": scroller.firstElementChild, "svg": d["svg"],
        # the map point between the fingers stays between them
        "fx": (scroller.scrollLeft + mx - left) / width, "fy": (scroller.scrollTop + my - top) / width,
        "min": float(view.fit), "max": float(view.fit) * zoom_limit(app.case, view),
    }
    try:
        d["svg"].setPointerCapture(ev.pointerId)
    except Exception:  # noqa: BLE001
        pass


def _pinch_move(ev) -> None:
    p = _state["pinch"]
    p["points"][ev.pointerId] = (ev.clientX, ev.clientY)
    (ax, ay), (bx, by) = p["points"].values()
    w = max(p["min"], min(p["max"], p["w0"] * math.hypot(ax - bx, ay - by) / p["d0"]))
    p["w"] = w
    scroller, stage = p["scroller"], p["stage"]
    stage.style.width = f"{w:.1f}px"
    left, top, _ = _stage_box(scroller)
    seen = scroller.getBoundingClientRect()
    scroller.scrollLeft = left + p["fx"] * w - ((ax + bx) / 2 - seen.left)
    scroller.scrollTop = top + p["fy"] * w - ((ay + by) / 2 - seen.top)


def _pinch_end(ev) -> None:
    p = _state["pinch"]
    _state["pinch"] = None
    _state["ignore"] = {i for i in p["points"] if i != ev.pointerId}  # the other finger lifts later
    view = _view()
    if view is not None:
        view.centre = _middle(p["scroller"])
    if view is not None and view.fit:
        _run("relatiekaart.zoom_to", {"factor": f"{p['w'] / view.fit:.4f}"})


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
    """A turned tablet or another window size: measure again, look at the same place."""
    svg = nn(js.document.querySelector("svg.rk-svg"))
    if svg is not None:
        fit_to_screen()
        fit_hit_area(svg)
        place_view(svg)


# ----- pointer handling -----

def locate(x: float, y: float) -> tuple:
    """(sector, ring) under a map point of the map now (its shape depends on its people), or (None, None)."""
    app = _state["app"]
    if app is None:
        return (None, None)
    return map_geometry(cached_layout_map(app.case, app.case.klant_id)).locate(x, y)


def _to_map(d: dict, cx: float, cy: float) -> tuple[float, float]:
    p = js.DOMPoint.new(cx, cy).matrixTransform(d["inv"])
    return (p.x, p.y)


def _down(ev) -> None:
    d = _state["drag"]
    if d is not None:
        if ev.pointerType == "touch" and ev.pointerId != d["id"] and _state["pinch"] is None:
            _pinch_start(d, ev)  # a second finger: pinch
        return  # else one finger at a time
    if _state["pinch"] is not None or ev.pointerId in _state["ignore"]:
        return
    if ev.pointerType == "mouse" and ev.button != 0:
        return
    svg = ev.currentTarget
    ctm = nn(svg.getScreenCTM())
    if ctm is None:
        return
    marker = nn(ev.target.closest(".rk-m"))
    stage = nn(svg.closest(".rk-stage"))
    scroller = nn(svg.closest(".rk-scroll"))
    _state["drag"] = {
        "id": ev.pointerId, "svg": svg, "inv": ctm.inverse(), "x0": ev.clientX, "y0": ev.clientY,
        "lx": ev.clientX, "ly": ev.clientY, "scroller": scroller, "panning": False,
        "sl0": scroller.scrollLeft if scroller is not None else 0, "st0": scroller.scrollTop if scroller is not None else 0,
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
    if _state["pinch"] is not None and ev.pointerId in _state["pinch"]["points"]:
        ev.preventDefault()
        _pinch_move(ev)
        return
    d = _state["drag"]
    if d is None or ev.pointerId != d["id"]:
        return
    d["lx"], d["ly"] = ev.clientX, ev.clientY
    if not d["dragging"]:
        far = math.hypot(ev.clientX - d["x0"], ev.clientY - d["y0"]) >= DRAG_START_PX
        if d["pid"] is None or d["readonly"] or d["connect"]:
            # on the background, on a stored moment, or connecting: moving the finger pans the view
            # (a finger that moves only a little is still a tap)
            if (far or d["panning"]) and d["scroller"] is not None:
                d["panning"] = True
                d["scroller"].classList.add("is-panning")
                d["scroller"].scrollLeft = d["sl0"] - (ev.clientX - d["x0"])
                d["scroller"].scrollTop = d["st0"] - (ev.clientY - d["y0"])
            return
        if not far:
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
    if d.get("scroller") is not None:
        d["scroller"].classList.remove("is-panning")
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
    _state["ignore"].discard(ev.pointerId)
    if _state["pinch"] is not None and ev.pointerId in _state["pinch"]["points"]:
        _pinch_end(ev)
        return
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
    if d["panning"]:
        return  # the view moved: not a tap
    if d["pid"] is not None:
        app.trigger = f'.rk-m[data-pid="{d["pid"]}"]'  # closing the sheet returns focus here
        _run("relatiekaart.open", {"pid": d["pid"]})
    elif not d["readonly"]:
        x, y = _to_map(d, ev.clientX, ev.clientY)
        sector, ring = locate(x, y)
        if sector and ring:  # near a line between others, this opens that line (ui/relatiekaart.line_at)
            _run("relatiekaart.new", {"sector": sector, "ring": ring, "x": f"{x:.1f}", "y": f"{y:.1f}"})


def _cancel(ev=None) -> None:
    if ev is not None and _state["pinch"] is not None and getattr(ev, "pointerId", None) in _state["pinch"]["points"]:
        _pinch_end(ev)
        return
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
    if (ev.key == "Escape" and view is not None and view.full and app is not None and app.sheet is None
            and nn(js.document.querySelector(".rk.is-full")) is not None):
        ev.preventDefault()
        _run("relatiekaart.full", {})  # Esc leaves *Groot scherm*
        return
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
