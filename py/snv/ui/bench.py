"""Benchmark hooks, only with ?bench in the address (tests/bench/bench_relatiekaart.py reads them).

window.snvBench.<name>() runs one piece of pure Python work inside Pyodide and returns its time in ms.
Browser-only; installed by browser.start. It sits apart from the screens, so that importing it from
the screen it measures would never make an import cycle.
"""
from __future__ import annotations

import time
from typing import Callable

import js  # browser only
from pyodide.ffi import create_proxy

from ..analysis.figures import compute_figures, sentences
from ..analysis.genogram import genogram
from ..analysis.layout import layout_map
from ..render import preview
from ..render.relatiekaart import RelatiekaartView, map_options
from ..render.relatiekaart_svg import export_svg, map_svg
from ..storage.privacy import for_export
from . import screens, view


def _timed(fn: Callable[[], object]) -> Callable[..., float]:
    def run(*_args) -> float:
        t0 = time.perf_counter()
        fn()
        return (time.perf_counter() - t0) * 1000.0
    return run


_SAMPLES: dict = {}


def _sample(kind: str) -> bytes:
    """A synthetic file of another program, made once: easyNWK with 500 people, GEDCOM with 2,000."""
    if kind not in _SAMPLES:
        from ..storage.interop.samples import easynwk_sample, gedcom_sample  # noqa: PLC0415

        _SAMPLES[kind] = easynwk_sample(500) if kind == "easynwk" else gedcom_sample(2000)
    return _SAMPLES[kind]


def _preview() -> None:
    """The preview sheet of a 2,000-person tree, added to the case on screen (the whole list of rows)."""
    from ..storage.interop.gedcom import read_gedcom  # noqa: PLC0415
    from . import interop  # noqa: PLC0415
    from .sheets import ImportSheet  # noqa: PLC0415

    if "tree" not in _SAMPLES:
        _SAMPLES["tree"] = read_gedcom(_sample("gedcom"))
    interop.render(_SAMPLES["app"], ImportSheet(imported=_SAMPLES["tree"], mode="add"))


def install(app) -> None:
    """window.snvBench: regions, map, layout, figures, export, render (of the relatiekaart screen), genogram
    (the familiekaart layout), import_easynwk / import_gedcom (read a file of 500 / 2,000 people),
    import_preview (the preview of that tree, in add mode), preview (the start preview each save
    writes); go(key)."""
    from ..storage.interop.easynwk import read_easynwk  # noqa: PLC0415
    from ..storage.interop.gedcom import read_gedcom  # noqa: PLC0415

    _SAMPLES["app"] = app

    def render_map() -> None:
        screen = screens.get("relatiekaart")
        if screen is not None:
            screen.render(app)

    def start_preview() -> None:  # what each save adds: the start preview (layout cached, as after a drop)
        preview._clear()
        bar = [(label, icon) for _key, label, icon in view.bar_items(app.case, privetijd=app.privetijd)]
        preview.record(app.case, bar)

    work = {
        "regions": lambda: view.regions(app),
        "map": lambda: map_svg(app.case, options=map_options(app.case, app.view_state(RelatiekaartView))),
        "layout": lambda: layout_map(app.case, app.case.klant_id),
        "figures": lambda: sentences(compute_figures(app.case)),
        "export": lambda: export_svg(for_export(app.case), today=None),
        "render": render_map,
        "genogram": lambda: genogram(app.case),  # the familiekaart layout, uncached
        "import_easynwk": lambda: read_easynwk(_sample("easynwk")),
        "import_gedcom": lambda: read_gedcom(_sample("gedcom")),
        "import_preview": _preview,
        "preview": start_preview,
    }
    hooks = js.Object.new()
    for name, fn in work.items():
        setattr(hooks, name, create_proxy(_timed(fn)))
    # not timed: tests/bench/bench_screens.py opens any registered screen, whatever the bar shows
    hooks.go = create_proxy(lambda key: app.host.run("app.go", {"screen": str(key), "event": "click"}))
    js.window.snvBench = hooks
