"""Packages that are not needed to start: loaded after the app is ready, while the user looks around.

networkx (2 MB, ~290 modules) is only needed for the figures of *Wat zie je?* (analysis/figures.py
imports it when they are computed). index.html does not load it at the start any more; once the app is
ready and the browser is idle, `load_later` fetches and installs it (from the service worker's cache
after the first visit). Until then the figures panel says it is on its way and is drawn again when it
is there (render/relatiekaart.py `_figures` catches the ImportError); only a failed load makes it say that
this part does not work. Loading needs the browser (pyodide_js); `loading()` is plain Python.
"""
from __future__ import annotations

import traceback
from typing import Any

LATER = ["networkx"]  # must be in pyodide-lock.json (build.py WHEELS), else Pyodide would look elsewhere
IDLE_TIMEOUT_MS = 3000  # start within this time even if the browser never idles
#: "later": "" (not asked for: CPython, tests), "waiting" (asked for, not there yet), "loaded" or "failed"
_state = {"later": ""}


def loading() -> bool:
    """LATER are asked for and not there yet: what needs them waits, it is not broken."""
    return _state["later"] == "waiting"


def load_later(host: Any) -> None:
    """Install LATER when the browser is idle after the start; render again once they are there."""
    import js  # noqa: PLC0415 (browser only)
    from pyodide.ffi import create_once_callable, to_js  # noqa: PLC0415

    def start(*_args: Any) -> None:
        host.run_task(_load(host))

    _state["later"] = "waiting"

    callback = create_once_callable(start)
    if hasattr(js.window, "requestIdleCallback"):
        js.window.requestIdleCallback(callback, to_js({"timeout": IDLE_TIMEOUT_MS}, dict_converter=js.Object.fromEntries))
    else:
        js.setTimeout(callback, 500)


async def _load(host: Any) -> None:
    import js  # noqa: PLC0415 (browser only)
    import pyodide_js  # noqa: PLC0415

    try:
        await pyodide_js.loadPackage(LATER, to_js_options())
    except Exception:  # noqa: BLE001 - offline without the worker's copy, say: the map works without it
        js.console.warn(f"snv: could not load {LATER} (the figures need it)\n{traceback.format_exc()}")
        _state["later"] = "failed"
        host.request_render()  # what waited for it now says that it does not work
        return
    _state["later"] = "loaded"
    js.document.documentElement.setAttribute("data-packages", "loaded")
    host.request_render()


def to_js_options() -> Any:
    """Pyodide logs each package it loads on the console; the app keeps the console for problems."""
    import js  # noqa: PLC0415
    from pyodide.ffi import create_proxy, to_js  # noqa: PLC0415

    quiet = create_proxy(lambda *_: None)
    return to_js({"messageCallback": quiet}, dict_converter=js.Object.fromEntries)
