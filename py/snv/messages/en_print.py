"""English texts of printing (same keys as nl_print.py)."""

MESSAGES = {
    "ui.print.instrument": "Print",
    "ui.print.atlas": "Print the whole network atlas",
    "ui.print.atlas_hint": "Each part on its own page, with name and date.",
    "ui.print.screen": "Print this screen",
    "ui.print.page": "Print page: {naam}",
    "ui.print.name.ontmoeten": "Getting to know",
    "ui.print.name.basisposter": "Base poster",
    "ui.print.name.familiekaart": "Family map",
    "ui.print.name.relatiekaart": "Relationship map",
    "ui.print.name.gebeurteniskaart": "Event map",
    "ui.print.name.contactschema": "Contact schedule",
}
