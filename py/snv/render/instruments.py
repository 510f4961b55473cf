"""The instruments of the netwerkatlas (and other printable drawings, like the plan) as drawings: the one list that the CLI (`snv render KAART`),
the export menu and print (one instrument, or the whole atlas) read.

Each instrument has a module `snv.render.<key>_svg` with

    export_svg(case, *, today: datetime.date | None = None) -> str

(an instrument with `choice=True` also takes `choice: str | None`, e.g. the verslag of one meeting)

a standalone SVG file: the client's name and the date at the top, the drawing, its legend,
`<title>`/`<desc>`, and the whole case as JSON in `<metadata id="snv-case">` (so the file opens again
as the full case). Pure: the caller applies the privacy choices first (storage.privacy.for_export).
Modules are imported when first used, so a CLI call loads only the drawing it needs.
"""
from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Instrument:
    key: str  # the CLI name, and the key of the screen that shows it unless `screen` says otherwise
    module: str  # has export_svg(case, *, today=None) -> str
    order: int  # the order in the atlas (and in print of the whole atlas)
    page: str = "landscape"  # the @page size of its print page: "landscape" (A4), "a3" (A3 landscape), "portrait" (A4)
    atlas: bool = True  # part of the netwerkatlas (printed with "Hele netwerkatlas afdrukken"); the plan is not
    screen: str = ""  # the screen with its print button, when that is not `key` (the invitation: voorbereiden)
    choice: bool = False  # export_svg takes `choice`: which one to draw (the verslag: the meeting's id)

    @property
    def on_screen(self) -> str:
        return self.screen or self.key


INSTRUMENTS: tuple[Instrument, ...] = tuple(sorted((
    Instrument("familiekaart", "snv.render.familiekaart_svg", 20),
    Instrument("relatiekaart", "snv.render.relatiekaart_svg", 30),
    Instrument("ontmoeten", "snv.render.ontmoeten_svg", 5),
    Instrument("basisposter", "snv.render.basisposter_svg", 10, page="a3"),
    Instrument("gebeurteniskaart", "snv.render.gebeurteniskaart_svg", 40),
    Instrument("plan", "snv.render.plan_svg", 70, page="portrait", atlas=False),
    Instrument("contactschema", "snv.render.contactschema_svg", 50),
    Instrument("uitnodiging", "snv.render.uitnodiging_svg", 60, page="portrait", atlas=False, screen="voorbereiden"),
    Instrument("verslag", "snv.render.verslag_svg", 80, page="portrait", atlas=False, screen="overleg", choice=True),
), key=lambda i: i.order))


def keys() -> list[str]:
    """Every drawing (the CLI's choices), in order."""
    return [i.key for i in INSTRUMENTS]


def atlas_keys() -> list[str]:
    """The drawings of the netwerkatlas, in atlas order."""
    return [i.key for i in INSTRUMENTS if i.atlas]


def get(key: str) -> Instrument:
    for instrument in INSTRUMENTS:
        if instrument.key == key:
            return instrument
    raise KeyError(key)


def for_screen(screen_key: str) -> list[str]:
    """The drawings printed from screen `screen_key` (Ctrl+P there prints these)."""
    return [i.key for i in INSTRUMENTS if i.on_screen == screen_key]


def export_svg(key: str, case, *, today: Optional[dt.date] = None, choice: Optional[str] = None) -> str:
    """The standalone SVG file of instrument `key` (KeyError for an unknown key). `choice` picks what
    an instrument with `choice=True` draws (the verslag: which meeting; None: its default); the
    others ignore it."""
    instrument = get(key)
    module = importlib.import_module(instrument.module)
    if instrument.choice:
        return module.export_svg(case, today=today, choice=choice)
    return module.export_svg(case, today=today)
