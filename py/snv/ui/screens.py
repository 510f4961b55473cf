"""The screen registry: every screen of the app plugs in here, the frame reads it.

A screen is two modules with the same name (see py/snv/README.md, "How to add a screen"):
render/<key>.py builds the HTML from the case and the screen's view dataclass, ui/<key>.py takes the
actions and registers the screen at import time:

    from ..render import icons, kaart
    from ..render.kaart import KaartView
    from .screens import Screen, register

    def render(app) -> str:
        return kaart.render(app.case, app.view_state(KaartView))

    register(Screen(
        key="kaart",                       # also the action prefix: data-action="kaart.move"
        label_key="ui.screen.kaart",       # catalogue key of the bottom-bar / tile label
        icon=icons.LIST,                   # inline <svg> (aria-hidden is added by the frame)
        phases=("netwerkatlas",),          # bottom bars that show it (Start tiles show every screen);
                                           # a bar holds at most 7 with Start (UX.md §2: fits 768 px)
        render=render,                     # render(app) -> HTML string for the main area
        handle=handle,                     # handle(app, action, data) for "<key>.<verb>" actions
        mount=None,                        # mount(app, root): browser-only, called after every render
                                           # that replaced the main area (root = #content, fresh DOM)
        order=20,                          # position in bar and tiles (Personen is 10)
        stylesheet="kaart.css",            # optional: site/kaart.css, linked by the browser at start
        escape="kaart.close",              # optional: the action Esc runs when no sheet is open
    ))

Actions: any element with data-action="<key>.<verb>" inside #app. Buttons/other elements fire on click,
inputs/textareas/selects on change (data["value"], checkboxes also data["checked"] "true"/"false"),
an input with data-live="<key>.<verb>" also on every keystroke (data["event"] == "input"), a
<form data-action=...> on submit (its named fields are in data). data = the element's data-* attributes
(without "data-") + "event" ("click" | "change" | "input" | "submit" | "key"). Handlers change
app.case only through app.apply(...); view state lives in app.view_state(<ViewClass>) (created from the
class's defaults). After every action the frame re-renders; set app.focus_request = "<css selector>" to
move focus after that render.

Exports (menu *Exporteren*) register the same way with `register_export(Export(...))`; `run(app, options)`
gets options {"notes": bool, "pseudonymise": bool} and usually calls `app.download(...)`.

The list of modules to import lives in SCREEN_MODULES (the one line a new screen adds outside its own
files); a listed module that does not exist is an error, like any other import error.
"""
from __future__ import annotations

import importlib
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
    term_key: Optional[str] = None  # the SNV term as the tile's heading on Start (default: label_key)
    tile: bool = True  # shown as a tile on Start
    editing: bool = True  # header shows undo/redo on this screen
    stylesheet: Optional[str] = None  # a CSS file in site/ for this screen only; linked by the browser at start
    escape: Optional[str] = None  # the action Esc runs on this screen when no sheet is open (close its panel)
    privetijd: bool = False  # shown during *Tijd zonder begeleider* (only the meeting and the plan are)
    # what Ctrl+P draws of the screen's instruments ({instrument key: choice}, render/instruments.py): the
    # Overleg screen prints the verslag of the meeting that is open
    print_choices: Optional[Callable[["App"], dict]] = None


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
RESERVED = frozenset({"app", "menu", "file", "confirm", "person", "sheet", "onboard", "export", "toast", "alert", "unlock",
                      "lang", "about", "import"})

SCREEN_MODULES = (
    "snv.ui.start",
    "snv.ui.personen",
    "snv.ui.overmij",
    "snv.ui.relatiekaart",
    "snv.ui.ontmoeten",
    "snv.ui.basisposter",
    "snv.ui.gebeurteniskaart",
    "snv.ui.familiekaart",
    "snv.ui.plan",
    "snv.ui.contactschema",
    "snv.ui.voorbereiden",
    "snv.ui.bijeenkomst",
    "snv.ui.team",
    "snv.ui.overleg",
)


# Modules that register exports (and frame actions) but no screen: loaded with the screens.
EXPORT_MODULES = (
    "snv.ui.interop",  # easyNWK/GEDCOM preview; GEDCOM, GraphML and CSV exports
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


def for_phase(phase: str, *, privetijd: bool = False) -> list[Screen]:
    """Screens in the bottom bar of `phase` (Start is always first and not listed here). During
    *Tijd zonder begeleider* only the screens that declare `privetijd=True`, whatever the phase."""
    if privetijd:
        return [s for s in all_screens() if s.privetijd]
    return [s for s in all_screens() if phase in s.phases and s.key != "start"]


def allowed(key: str, *, privetijd: bool) -> bool:
    """Whether screen `key` may be shown now (during privétijd: only the screens that declare it)."""
    screen = get(key)
    return screen is not None and (screen.privetijd or not privetijd)


def privetijd_home() -> str:
    """Where the app goes during privétijd when another screen was asked for: the meeting."""
    keys = [s.key for s in all_screens() if s.privetijd]
    return "bijeenkomst" if "bijeenkomst" in keys else (keys[0] if keys else "start")


def stylesheets() -> list[str]:
    """The screens' own CSS files (site/<file>), each once, in screen order."""
    return list(dict.fromkeys(s.stylesheet for s in all_screens() if s.stylesheet))


def exports() -> list[Export]:
    return sorted(_EXPORTS.values(), key=lambda e: (e.order, e.key))


def load_screens(modules: tuple[str, ...] = SCREEN_MODULES) -> list[Screen]:
    """Import every listed screen module (and EXPORT_MODULES); each registers itself. A listed module that
    does not exist is an error (a typo must not silently drop a screen), and so is any import error inside one."""
    for name in (*modules, *EXPORT_MODULES):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise  # the module exists but imports something missing: that bug speaks for itself
            raise ModuleNotFoundError(f"screen module {name!r} is listed in SCREEN_MODULES but does not exist",
                                      name=name) from exc
    return all_screens()
