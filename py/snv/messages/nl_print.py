"""Texts of printing: one instrument, or the whole netwerkatlas (render/print_doc.py, ui/printing.py)."""

MESSAGES = {
    "ui.print.instrument": "Afdrukken",
    "ui.print.atlas": "Hele netwerkatlas afdrukken",
    "ui.print.atlas_hint": "Elk onderdeel op een eigen bladzijde, met naam en datum.",
    "ui.print.screen": "Dit scherm afdrukken",
    "ui.print.page": "Afdrukpagina: {naam}",
    "ui.print.name.ontmoeten": "Ontmoeten",
    "ui.print.name.basisposter": "Basisposter",
    "ui.print.name.familiekaart": "Familiekaart",
    "ui.print.name.relatiekaart": "Relatiekaart",
    "ui.print.name.gebeurteniskaart": "Gebeurteniskaart",
    "ui.print.name.contactschema": "Contactschema",
}
