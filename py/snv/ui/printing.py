"""Printing: the print document of one instrument or of the whole netwerkatlas.

`app.print` (a print button on an instrument, or *Hele netwerkatlas afdrukken* in Exporteren) builds
the pages (render/print_doc.py) and hands them to the host, which puts them in #print-root and opens
the browser's print dialog; the print stylesheet then shows only those pages. Ctrl+P on an instrument's
screen prints that instrument the same way (the browser host asks `for_screen` on `beforeprint`).
Begeleider-only notes follow the same choice as files (FileOptions.notes, off by default).
"""
from __future__ import annotations

from typing import Optional

from ..render import instruments, print_doc
from ..storage.privacy import for_export
from . import screens


def document(app, keys: Optional[list[str]] = None, choices: Optional[dict[str, str]] = None) -> str:
    """The print pages of `keys` (None: the whole atlas) for the case as it is now; `choices`: per
    key what it draws (the verslag: which meeting)."""
    case = for_export(app.case, notes=app.export_choices()["notes"], pseudonymise=False)
    return print_doc.document(case, keys, today=app.now().date(), choices=choices)


def for_screen(app) -> Optional[str]:
    """The print pages of the drawing of the screen on show (the invitation on Voorbereiden, the
    verslag of the meeting open on Overleg), else None: the page prints itself with its own print
    rules, like Alles over mij."""
    keys = instruments.for_screen(app.screen)
    if not keys:
        return None
    screen = screens.get(app.screen)
    choices = screen.print_choices(app) if screen is not None and screen.print_choices is not None else None
    return document(app, keys, choices)


def print_instruments(app, keys: Optional[list[str]] = None, choices: Optional[dict[str, str]] = None) -> None:
    unknown = [k for k in keys or () if k not in instruments.keys()]
    if unknown:
        raise KeyError(unknown[0])
    app.host.print_page(document(app, keys, choices))
