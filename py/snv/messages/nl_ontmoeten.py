"""Dutch (B1) texts of Ontmoeten, the first phase (screen and export). Merged into the one catalogue."""

MESSAGES: dict[str, str] = {
    "ontmoeten.title": "Ontmoeten",
    "ontmoeten.desc": "Je verhaal, wat al lukt en de eerste mensen.",
    "ontmoeten.hint": "Luister eerst. Schrijf later samen op.",
    # --- story ---
    "ontmoeten.story": "Jouw verhaal",
    "ontmoeten.story_label": "Je verhaal, in je eigen woorden",
    "ontmoeten.story_hint": "Schrijf op wat je vertelde. Gebruik je eigen woorden.",
    "ontmoeten.date": "Wanneer spraken jullie elkaar?",
    "ontmoeten.date_hint": "Dit mag je leeg laten.",
    "ontmoeten.toast.story": "Verhaal aangepast",
    "ontmoeten.toast.date": "Datum aangepast",
    "ontmoeten.err.date": "Deze datum kennen we niet. Kies een dag in de kalender.",
    # --- strengths ---
    "ontmoeten.strengths_b1": "Deze kaartjes staan ook op de basisposter.",
    # --- first people ---
    "ontmoeten.people": "Belangrijke mensen",
    "ontmoeten.people_b1": "Wie is belangrijk voor je? Een naam is genoeg.",
    "ontmoeten.people_label": "Naam",
    "ontmoeten.people_listed": "Ze staan in je lijst. Later zet je ze op de kaart.",
    "ontmoeten.people_none": "Nog niemand. Wie zie je vaak?",
    "ontmoeten.people_more": "En nog {count} mensen.",
    "ontmoeten.people_empty": "Schrijf eerst een naam op.",
    "ontmoeten.people_long": "Deze naam is te lang. Het mogen maximaal {max} tekens zijn.",
    "ontmoeten.to_personen": "Naar Personen",
    "ontmoeten.toast.person": "{naam} toegevoegd",
    # --- export ---
    "ontmoeten.export": "Ontmoeten als plaatje",
    "ontmoeten.export.title": "Ontmoeten — {naam}",
    "ontmoeten.export.met": "Gesprek op {datum}",
    "ontmoeten.export.made": "Gemaakt op {datum}",
    "ontmoeten.export.no_story": "Nog geen verhaal opgeschreven.",
    "ontmoeten.export.no_strengths": "Nog niets opgeschreven.",
    "ontmoeten.export.no_people": "Nog niemand opgeschreven.",
    "ontmoeten.export.desc": "Ontmoeten met {naam}: het verhaal, {sterk} dingen die al lukken en {mensen} mensen.",
    "ontmoeten.export.done": "Ontmoeten is gedownload.",
}
