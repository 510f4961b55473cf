"""The screen registry: every screen of the app plugs in here, the frame reads it.

A screen module registers itself at import time:

    from snv.ui.screens import Screen, register

    register(Screen(
        key="relatiekaart",                # also the action prefix: data-action="relatiekaart.move"
        label_key="ui.screen.relaties",    # catalogue key of the bottom-bar / tile label
        icon=ICON_SVG,                     # inline <svg> (aria-hidden is added by the frame)
        phases=("netwerkatlas",),          # bottom bars that show it (Start tiles show every screen)
        render=render,                     # render(app) -> HTML string for the main area
        handle=handle,                     # handle(app, action, data) for "<key>.<verb>" actions
        mount=None,                        # mount(app, root): browser-only, called after every render
                                           # that replaced the main area (root = #content, fresh DOM)
        order=20,                          # position in bar and tiles (Personen is 10)
    ))

Actions: any element with data-action="<key>.<verb>" inside #app. Buttons/other elements fire on click,
inputs/textareas/selects on change (data["value"], checkboxes also data["checked"] "true"/"false"),
an input with data-live="<key>.<verb>" also on every keystroke (data["event"] == "input"), a
<form data-action=...> on submit (its named fields are in data). data = the element's data-* attributes
(without "data-") + "event" ("click" | "change" | "input" | "submit" | "key"). Handlers change
app.case only through app.apply(...); view state goes in app.view[<key>]. After every action the frame
re-renders; set app.focus_request = "<css selector>" to move focus after that render.

Exports (menu *Exporteren*) register the same way with `register_export(Export(...))`; `run(app, options)`
gets options {"notes": bool, "pseudonymise": bool} and usually calls `app.download(...)`.

The list of modules to import lives in SCREEN_MODULES; a listed module that is not in the package
(yet) is skipped, any other import error is a bug and is raised.
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Optional

if TYPE_CHECKING:  # pragma: no cover
    from .app import App

Render = Callable[["App"], str]
Handle = Callable[["App", str, dict], Any]
Mount = Callable[["App", Any], Any]


@dataclass(frozen=True)
class Screen:
    key: str
    label_key: str
    icon: str
    phases: tuple[str, ...]
    render: Render
    handle: Optional[Handle] = None
    mount: Optional[Mount] = None
    order: int = 100
    desc_key: Optional[str] = None  # one B1 line under the tile on Start
    tile: bool = True  # shown as a tile on Start
    editing: bool = True  # header shows undo/redo on this screen


@dataclass(frozen=True)
class Export:
    key: str
    label_key: str
    run: Callable[["App", dict], Any]
    order: int = 100
    icon: str = ""
    desc_key: Optional[str] = None


_SCREENS: dict[str, Screen] = {}
_EXPORTS: dict[str, Export] = {}

# Prefixes handled by the framework itself; a screen may not take them.
RESERVED = frozenset({"app", "menu", "file", "confirm", "person", "sheet", "onboard", "export", "toast", "alert"})

SCREEN_MODULES = (
    "snv.ui.start",
    "snv.ui.personen",
    "snv.ui.overmij",
    "snv.ui.relatiekaart",
)


def register(screen: Screen) -> Screen:
    if screen.key in RESERVED or not screen.key.isidentifier():
        raise ValueError(f"screen key not allowed: {screen.key!r}")
    _SCREENS[screen.key] = screen  # re-registering (module reload in tests) replaces
    return screen


def register_export(export: Export) -> Export:
    _EXPORTS[export.key] = export
    return export


def get(key: str) -> Optional[Screen]:
    return _SCREENS.get(key)


def all_screens() -> list[Screen]:
    return sorted(_SCREENS.values(), key=lambda s: (s.order, s.key))


def for_phase(phase: str) -> list[Screen]:
    """Screens in the bottom bar of `phase` (Start is always first and not listed here)."""
    return [s for s in all_screens() if phase in s.phases and s.key != "start"]


def exports() -> list[Export]:
    return sorted(_EXPORTS.values(), key=lambda e: (e.order, e.key))


def load_screens(modules: tuple[str, ...] = SCREEN_MODULES) -> list[Screen]:
    """Import every screen module that exists in the package; they register themselves."""
    for name in modules:
        if importlib.util.find_spec(name) is None:
            continue
        importlib.import_module(name)
    return all_screens()
