"""Relatiekaart screen, the events: actions from the toolbar, the panels and the map; the export.

The HTML comes from render/relatiekaart.py (from the case and the RelatiekaartView). Pointer dragging and
keyboard moves are wired in the browser by relatiekaart_dom.mount, which calls back through the host with
"relatiekaart.move" / "relatiekaart.open" / "relatiekaart.new" / "relatiekaart.key".
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from ..messages import t
from ..model import NABIJHEDEN, SECTORS, ops
from ..render import icons, relatiekaart
from ..render.format import date_nl
from ..render.relatiekaart import ICON_MAP, KEY, PANELS, ZOOM_STEP, RelatiekaartView, zoom_factor, zoom_to
from ..render.relatiekaart_svg import MapOptions, export_svg
from . import packages
from .prefs import TEXT_SCALE
from .screens import Export, Screen, register, register_export
from .sheets import ExportSheet, PersonSheet
from .svg_export import download_svg


def render(app) -> str:
    sheet = app.sheet
    selected = sheet.pid if isinstance(sheet, PersonSheet) else None
    v = app.view_state(RelatiekaartView)
    v.text = TEXT_SCALE[app.prefs.text]
    v.loading = packages.loading()
    return relatiekaart.render(app.case, v, today=app.now().date(), selected=selected)


# ----- actions -----

def _ring_step(ring: str, step: int) -> Optional[str]:
    i = NABIJHEDEN.index(ring) + step
    return NABIJHEDEN[i] if 0 <= i < len(NABIJHEDEN) else None


def move(app, pid: str, sector: str, ring: str) -> bool:
    """Move a person on the map as one undoable edit. Returns False when nothing changed."""
    if sector not in SECTORS or ring not in NABIJHEDEN:
        return False
    try:
        p = app.case.persoon(pid)
    except KeyError:
        return False
    if pid == app.case.klant_id or (p.sector == sector and p.nabijheid == ring):
        return False
    app.apply(ops.move_person, pid, sector, ring, label=t("map.moved", naam=p.naam))
    return True


def _marker_selector(pid: str) -> str:
    return f'.rk-m[data-pid="{pid}"]'


def _focus_marker(app, pid: str) -> None:
    app.focus_request = _marker_selector(pid)


def snapshot_title(case, now: dt.datetime) -> str:
    """The suggested name of a new kept map: "Kaart van 2-12-2026"; with the time ("…, 14:30") when
    one of that day is there already, so several of one day can be told apart."""
    day = now.date()
    if any(m.gemaakt.date() == day for m in case.momentopnamen):
        return t("map.snap.default_time", datum=date_nl(day), tijd=now.strftime("%H:%M"))
    return t("map.snap.default", datum=date_nl(day))


def key(app, pid: str, key_name: str) -> bool:
    """Keyboard alternative for dragging: ←/→ sector, ↑/↓ closer/further, Enter/space opens the sheet."""
    try:
        p = app.case.persoon(pid)
    except KeyError:
        return False
    if key_name in ("Enter", " ", "Spacebar"):
        if app.view_state(RelatiekaartView).connect:
            connect_tap(app, pid)
            _focus_marker(app, pid)
        else:
            app.open_person(pid)
        return True
    if not p.op_kaart:
        return False
    sector, ring = p.sector, p.nabijheid
    if key_name in ("ArrowLeft", "ArrowRight"):
        # slices go clockwise; → moves clockwise, ← back
        i = SECTORS.index(sector) + (1 if key_name == "ArrowRight" else -1)
        sector = SECTORS[i % len(SECTORS)]
    elif key_name in ("ArrowUp", "ArrowDown"):
        new_ring = _ring_step(ring, -1 if key_name == "ArrowUp" else 1)
        if new_ring is None:
            # ↑ at the inner ring: already as close as can be; ↓ at the outer ring: as far as can be
            app.notice(t("map.kb_centre" if key_name == "ArrowUp" else "map.kb_edge", naam=p.naam))
            _focus_marker(app, pid)
            return True
        ring = new_ring
    else:
        return False
    move(app, pid, sector, ring)
    _focus_marker(app, pid)
    return True


# ----- Verbinden: lines between two others -----

def _names(app, a: str, b: str) -> tuple[str, str]:
    return app.case.persoon(a).naam, app.case.persoon(b).naam


def connect_tap(app, pid: str) -> bool:
    """*Verbinden*: the first tap chooses A, the second (on B) makes the line A–B as one undoable edit,
    a tap on A again lets go of A. Returns True when a line was made."""
    v = app.view_state(RelatiekaartView)
    case = app.case
    if pid == case.klant_id or all(p.id != pid for p in case.personen):
        return False
    if v.chosen is None or all(p.id != v.chosen for p in case.personen):
        v.chosen = pid
        return False
    a = v.chosen
    if a == pid:
        v.chosen = None
        app.notice(t("map.connect.again", naam=case.persoon(pid).naam))
        return False
    na, nb = _names(app, a, pid)
    v.chosen = None
    if case.band(a, pid) is not None:
        app.notice(t("map.connect.exists", a=na, b=nb))
        return False
    app.apply(ops.set_band, a, pid, True, None, label=t("map.connect.made", a=na, b=nb))
    return True


LINE_TAP = 16.0  # map units from a line between others that still count as a tap on it


def line_at(case, x: float, y: float, tolerance: float = LINE_TAP) -> Optional[tuple[str, str]]:
    """The line between two others nearest to map point (x, y), if within `tolerance` (a tap on it)."""
    from ..analysis.layout import cached_layout_map  # noqa: PLC0415 (only for taps)
    from ..model.case import client_ties  # noqa: PLC0415

    placed = cached_layout_map(case, case.klant_id)
    best, best_d = None, tolerance
    for b in client_ties(case.banden, case.klant_id)[1]:
        pa, pb = placed.get(b.a), placed.get(b.b)
        if pa is None or pb is None:
            continue
        dx, dy = pb.x - pa.x, pb.y - pa.y
        length2 = dx * dx + dy * dy
        f = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - pa.x) * dx + (y - pa.y) * dy) / length2))
        d = ((x - pa.x - f * dx) ** 2 + (y - pa.y - f * dy) ** 2) ** 0.5
        if d <= best_d:
            best, best_d = (b.a, b.b), d
    return best


def _open_tie(app, v: RelatiekaartView, a: str, b: str) -> None:
    v.tie, v.panel, v.chosen = (a, b), "tie", None
    app.focus_request = "#rk-panel-title"


def _tie(app, v: RelatiekaartView):
    """The open line between others, if it still exists."""
    if not v.tie:
        return None
    a, b = v.tie
    return app.case.band(a, b)


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    v = app.view_state(RelatiekaartView)
    case = app.case
    if verb == "add":
        app.new_person()
    elif verb == "open":
        pid = str(data.get("pid", ""))
        app.trigger = _marker_selector(pid)  # the sheet gives the focus back to this marker
        if v.connect:
            return connect_tap(app, pid)
        if any(p.id == pid for p in case.personen):
            app.open_person(pid)
    elif verb == "new":  # tap on an empty spot of a slice (or on a line between others)
        if v.lines or v.connect:
            try:
                near = line_at(case, float(data.get("x", "")), float(data.get("y", "")))
            except (TypeError, ValueError):
                near = None
            if near is not None:
                _open_tie(app, v, *near)
                return None
        if v.connect:
            return None  # connecting: an empty spot is not a person
        sector, ring = data.get("sector"), data.get("ring")
        app.new_person(sector if sector in SECTORS else None, ring if ring in NABIJHEDEN else None)
    elif verb == "move":
        return move(app, str(data.get("pid", "")), str(data.get("sector", "")), str(data.get("ring", "")))
    elif verb == "key":
        app.trigger = _marker_selector(str(data.get("pid", "")))
        return key(app, str(data.get("pid", "")), str(data.get("key", "")))
    elif verb == "lines":
        v.lines = not v.lines
    elif verb == "connect":
        v.connect = not v.connect
        if not v.connect and v.chosen is not None:
            app.notice(t("map.connect.cancelled"))
        v.chosen = None
        app.focus_request = "#rk-connect-stop" if v.connect else "#rk-connect"
    elif verb == "freq":
        v.freq = not v.freq
    elif verb == "tie":  # a tap on a line between others
        a, b = str(data.get("a", "")), str(data.get("b", ""))
        if case.band(a, b) is not None and case.klant_id not in (a, b):
            _open_tie(app, v, a, b)
    elif verb == "tie_kind":
        band = _tie(app, v)
        if band is not None:
            kwaliteit = str(data.get("value", "")) or None
            na, nb = _names(app, *(v.tie or (band.a, band.b)))
            word = t(f"label.kwaliteit.{kwaliteit}" if kwaliteit else "label.kwaliteit.none").lower()
            if kwaliteit != band.kwaliteit:
                app.apply(ops.set_band, band.a, band.b, True, kwaliteit, label=t("map.tie.changed", a=na, b=nb,
                                                                                 kwaliteit=word))
    elif verb == "tie_remove":
        band = _tie(app, v)
        if band is not None:
            na, nb = _names(app, *(v.tie or (band.a, band.b)))
            app.apply(ops.set_band, band.a, band.b, False, label=t("map.tie.removed", a=na, b=nb))
            v.panel, v.tie = None, None
            app.focus_request = "#rk-add"
    elif verb == "support":
        v.support = not v.support
    elif verb == "panel":
        panel = data.get("panel") or None
        v.panel = None if panel == v.panel or panel not in PANELS else panel
        if v.panel == "compare" and case.momentopnamen:
            v.cmp_from, v.cmp_to = case.momentopnamen[-1].id, "nu"
        if v.panel == "snapshot":
            v.snap_title = snapshot_title(case, app.now())
        app.focus_request = "#rk-panel-title" if v.panel else "#rk-add"
    elif verb == "fig":
        k = str(data.get("key", "")) or None
        v.fig = None if k == v.fig else k
    elif verb == "snap_title":
        v.snap_title = str(data.get("value", ""))[:120]
    elif verb == "snap":
        titel = (v.snap_title or "").strip() or snapshot_title(case, app.now())
        app.apply(ops.take_snapshot, titel, app.now(), label=t("map.snap.made"))
        v.snap_title = snapshot_title(app.case, app.now())  # the next one of today gets the time
        app.focus_request = "#rk-snap-make"
    elif verb == "cmp_from":
        if relatiekaart.snapshot(case, data.get("value")):
            v.cmp_from = data.get("value")
    elif verb == "cmp_to":
        val = data.get("value")
        if val == "nu" or relatiekaart.snapshot(case, val):
            v.cmp_to = val
    elif verb == "zoom":  # *Groter* / *Kleiner*
        try:
            step = int(data.get("step", 0))
        except (TypeError, ValueError):
            step = 0
        zoom_to(case, v, zoom_factor(case, v) * ZOOM_STEP ** max(-1, min(1, step)))
    elif verb == "zoom_to":  # the end of a pinch: the map's new width as a multiple of the whole map
        try:
            zoom_to(case, v, float(data.get("factor", "")))
        except (TypeError, ValueError):
            pass
    elif verb == "whole":  # *Hele kaart*
        v.zoom = 1.0
    elif verb == "full":  # *Volledig scherm* on and off
        v.full = not v.full
        app.focus_request = "#rk-full"
    elif verb == "export":
        app.open_sheet(ExportSheet())
    else:
        raise KeyError(action)
    return None


# ----- export (toolbar and menu *Exporteren*) -----

def run_export(app, options: dict) -> str:
    """Download the map as a standalone SVG that opens again as the case (privacy choices applied)."""
    v = app.view_state(RelatiekaartView)
    opts = MapOptions(member_ties=True, support=v.support, frequency=v.freq)
    # the map keeps the plain file name it always had
    return download_svg(app, options, lambda case, today: export_svg(case, today=today, options=opts), suffix=None,
                        done_key="map.export.done")


def _mount(app, root) -> None:
    from . import relatiekaart_dom  # noqa: PLC0415 (browser only)

    relatiekaart_dom.mount(app, root)


register(Screen(key=KEY, label_key="map.title", icon=ICON_MAP, phases=("netwerkatlas", "meedenkbijeenkomst", "basisteam"),
                render=render, handle=handle, mount=_mount, order=20, desc_key="map.b1", stylesheet="relatiekaart.css"))
register_export(Export(key="kaart_svg", label_key="map.tool.export", run=run_export, order=20, icon=icons.EXPORT))
