"""Dutch (B1) texts for working offline: the installed app, the start preview and updates."""

MESSAGES: dict[str, str] = {
    "offline.manifest.description": "Breng samen je netwerk in kaart en maak een plan. Alles blijft op dit apparaat.",
    "offline.preview.loading": "Bezig met laden…",
    "offline.preview.title": "Relatiekaart van {naam}",
    "offline.preview.alt": "De relatiekaart van {naam}, zoals je die de vorige keer zag.",
    "offline.update.text": "Er is een nieuwe versie. Herladen?",
    "offline.update.reload": "Herladen",
    "offline.update.saving": "Eerst opslaan…",
}
