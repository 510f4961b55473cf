"""Browser-only wiring of the Voorbereiden screen: *Kopieer* puts the invitation text on the clipboard
(navigator.clipboard inside the tap; if that is missing or refused, the text is selected and
document.execCommand("copy") is tried, and the text stays selected so the user can copy it).

Imported lazily by ui/voorbereiden.py's mount (never under CPython). Handlers are module-level proxies
attached to each new element, so re-rendering leaks nothing.
"""
from __future__ import annotations

import js  # browser only

from .dom import Proxies, nn, run_action

_state: dict = {"app": None}


_proxy = Proxies()


def _run(action: str, data: dict) -> None:
    run_action(_state["app"], action, data, "dom")


def mount(app, root=None) -> None:
    _state["app"] = app
    doc = js.document
    stage = nn(doc.getElementById("vb-stage"))
    if stage is not None and not stage.getAttribute("data-wired"):
        stage.setAttribute("data-wired", "1")
        # a readable map wider than its box: start in the middle (the client), then keep where it was
        kept = _state.get("stage_scroll")
        if kept is None:
            stage.scrollLeft = (stage.scrollWidth - stage.clientWidth) / 2
            stage.scrollTop = (stage.scrollHeight - stage.clientHeight) / 2
        else:
            stage.scrollLeft, stage.scrollTop = kept
        stage.addEventListener("scroll", _proxy("stage_scroll", _stage_scrolled))
    button = nn(doc.getElementById("vb-copy"))
    if button is not None and not button.getAttribute("data-wired"):
        button.setAttribute("data-wired", "1")
        button.addEventListener("click", _proxy("copy", _copy))


def _stage_scrolled(ev) -> None:
    el = ev.currentTarget
    _state["stage_scroll"] = (float(el.scrollLeft), float(el.scrollTop))


def _select(area) -> bool:
    """Select the text (the fallback) and try the old copy command; True if it reported success."""
    area.focus()
    area.select()
    try:
        return bool(js.document.execCommand("copy"))
    except Exception:  # noqa: BLE001 - execCommand may be missing or throw: the selection stays
        return False


def _area():
    return nn(js.document.getElementById("vb-inv-text"))


def _copied(_value=None) -> None:
    _run("voorbereiden.copied", {"ok": "1"})


def _copy_failed(_err=None) -> None:
    area = _area()
    _run("voorbereiden.copied", {"ok": "1" if area is not None and _select(area) else "0"})


def _copy(ev) -> None:
    area = _area()
    if area is None:
        return
    clipboard = nn(getattr(js.navigator, "clipboard", None))
    if clipboard is None or not hasattr(clipboard, "writeText"):
        _copy_failed()
        return
    try:
        clipboard.writeText(str(area.value)).then(_proxy("copied", _copied), _proxy("copy_failed", _copy_failed))
    except Exception:  # noqa: BLE001 - a browser without permission may throw at once
        _copy_failed()
