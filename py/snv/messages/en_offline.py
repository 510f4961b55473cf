"""English texts for working offline: the installed app, the start preview and updates."""

MESSAGES: dict[str, str] = {
    "offline.manifest.description": "Map your network together and make a plan. Everything stays on this device.",
    "offline.preview.loading": "Loading…",
    "offline.preview.title": "Relationship map of {naam}",
    "offline.preview.alt": "The relationship map of {naam}, as you saw it last time.",
    "offline.update.text": "There is a new version. Reload?",
    "offline.update.reload": "Reload",
    "offline.update.saving": "Saving first…",
}
