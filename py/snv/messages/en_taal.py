"""English texts of the language choice (same keys as nl_taal.py)."""

MESSAGES: dict[str, str] = {
    "ui.lang.legend": "Taal / Language",
    "ui.lang.nl": "Nederlands",
    "ui.lang.en": "English",
    "ui.lang.changed": "The app is now in English.",
}
