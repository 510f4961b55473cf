"""What the browser-only screen modules (ui/<key>_dom.py) share: JS null as None, event proxies made
once per name (so re-mounting after a render never adds a second listener), and running an action
through the host like any tap does. Browser only: imported by those modules and by ui/browser.py.
"""
from __future__ import annotations

from typing import Any, Callable

import js  # browser only
from pyodide.ffi import create_proxy, jsnull  # browser only


def nn(value: Any) -> Any:
    """DOM calls return pyodide's `jsnull` (not None) for "nothing": make it None."""
    return None if value is None or value is jsnull else value


class Proxies:
    """`proxies(name, fn)`: the JS proxy of `fn` under `name`, made the first time and kept, so the
    same listener object is added (and removed) on every mount."""

    def __init__(self) -> None:
        self._made: dict[str, Any] = {}

    def __call__(self, name: str, fn: Callable) -> Any:
        if name not in self._made:
            self._made[name] = create_proxy(fn)
        return self._made[name]


def run_action(app: Any, action: str, data: dict, event: str) -> None:
    """Through the host when it has `run` (one render per action, a failing action becomes a calm
    alert), else straight to the app (nothing to render). `event` says where the action came from."""
    if app is None:
        return
    run = getattr(app.host, "run", None)
    if run is not None:
        run(action, {**data, "event": event})
    else:
        app.dispatch(action, data)


def scroll_top() -> float:
    """How far the page is scrolled: the app shell's #scroller (render/frame.py) on a normal screen,
    the window on a short one (site/styles.css). Either way the other one is 0."""
    box = nn(js.document.getElementById("scroller"))
    return float(js.window.scrollY) + (float(box.scrollTop) if box is not None else 0.0)


def scroll_by(dy: float) -> None:
    """Scroll the page (whichever of #scroller and the window scrolls) by dy CSS px."""
    box = nn(js.document.getElementById("scroller"))
    if box is not None and box.scrollHeight > box.clientHeight:
        box.scrollTop = box.scrollTop + dy
    else:
        js.window.scrollBy(0, dy)
