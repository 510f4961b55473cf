"""Texts of the language choice in the menu (ui/language.py). The legend and the language names are
the same in every language on purpose: someone who cannot read the current one still finds them."""

MESSAGES: dict[str, str] = {
    "ui.lang.legend": "Taal / Language",
    "ui.lang.nl": "Nederlands",
    "ui.lang.en": "English",
    "ui.lang.changed": "De app is nu in het Nederlands.",
}
