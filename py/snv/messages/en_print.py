"""English texts of printing (same keys as nl_print.py)."""

MESSAGES = {
    "ui.print.instrument": "Print",
    "ui.print.atlas": "Print the whole network atlas",
    "ui.print.atlas_hint": "Each part on its own page, with name and date.",
    "ui.print.screen": "Print this screen",
    "ui.print.page": "Print page: {naam}",
    "ui.print.name.ontmoeten": "Ontmoeten (getting to know)",
    "ui.print.name.basisposter": "Basisposter (base poster)",
    "ui.print.name.familiekaart": "Familiekaart (family map)",
    "ui.print.name.relatiekaart": "Relatiekaart (relationship map)",
    "ui.print.name.gebeurteniskaart": "Gebeurteniskaart (event map)",
    "ui.print.name.contactschema": "Contactschema (contact schedule)",
}
