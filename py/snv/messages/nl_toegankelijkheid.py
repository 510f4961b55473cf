"""Texts of the toegankelijkheidsverklaring (render/about.py). B1: short sentences, common words.
The results themselves (pass/open per test, the date) are in render/about.py: RESULTS, CHECKED."""

MESSAGES: dict[str, str] = {
    "a11y.title": "Toegankelijkheid",
    "a11y.menu_head": "Over deze app",
    "a11y.menu_desc": "Wat we testen, en wat nog niet goed werkt.",
    "a11y.b1": "Iedereen moet deze app kunnen gebruiken. Hier lees je hoe we dat controleren.",
    "a11y.aim": ("We volgen de regels voor toegankelijke websites: WCAG 2.1 en 2.2, niveau AA. "
                 "Die regels gelden voor de overheid en voor zorg en welzijn."),
    "a11y.tests_title": "Wat we testen",
    "a11y.tests_lead": "Deze tests draaien bij elke nieuwe versie van de app. Laatste controle: {datum}.",
    "a11y.test.axe.name": "Controle van elk scherm",
    "a11y.test.axe.what": ("Het programma axe-core controleert elk scherm, elk venster en elke stand. "
                           "Het kijkt naar de regels van WCAG 2.1 en 2.2, niveau AA. "
                           "Dat doen we staand en liggend."),
    "a11y.test.touch.name": "Knoppen groot genoeg",
    "a11y.test.touch.what": "Elke knop is minstens 44 bij 44 beeldpunten. Zo raak je hem goed met je vinger.",
    "a11y.test.keyboard.name": "Alles met het toetsenbord",
    "a11y.test.keyboard.what": ("Je kunt de hele app gebruiken zonder muis of vinger. "
                                "Na het sluiten van een venster ga je terug naar waar je was."),
    "a11y.test.zoom.name": "Grote letters",
    "a11y.test.zoom.what": "Maak je de letters twee keer zo groot? Dan werkt alles nog en valt er niets weg.",
    "a11y.test.reflow.name": "Smal scherm",
    "a11y.test.reflow.what": "Op een scherm van 320 beeldpunten breed hoef je niet opzij te schuiven.",
    "a11y.status.pass": "Uitkomst: geen problemen gevonden.",
    "a11y.status.open": "Uitkomst: er zijn nog problemen. We werken eraan.",
    "a11y.limits_title": "Wat we nog niet weten of nog niet kunnen",
    "a11y.limit.screenreader": "We hebben de app nog niet getest met echte schermlezers, zoals VoiceOver, TalkBack of NVDA.",
    "a11y.limit.ipad": "We testen in de browser Chromium. Op een iPad met Safari hebben we nog niet getest.",
    "a11y.limit.automatic": "Een test met een programma vindt niet alle problemen. Mensen moeten de app ook uitproberen.",
    "a11y.limit.maps": "De kaarten zijn tekeningen. De relatiekaart en de levenslijn kun je ook als lijst bekijken. De andere kaarten nog niet.",
    "a11y.limit.big_map": ("Met veel mensen (vaak vanaf 30) past de relatiekaart niet helemaal naast de knoppen. "
                           "De app zegt dat dan bij de kaart. Schuif over de kaart, of kies Groot scherm. "
                           "Tot 40 mensen past de kaart daar wel."),
    "a11y.limit.boot": "Tijdens het laden staat de tekst alleen in het Nederlands.",
    "a11y.limit.own_text": "Wat jullie zelf opschrijven, vertaalt de app niet.",
    "a11y.limit.speech": ("Lees voor gebruikt een stem die op je apparaat staat. Sommige browsers hebben ook stemmen "
                          "op internet. Die sturen de tekst naar de maker van de browser. Daarom kiest de app alleen "
                          "een stem op het apparaat zelf. Is er geen stem? Dan zegt de app dat."),
    "a11y.contact_title": "Werkt iets niet goed?",
    "a11y.contact": "Vertel het aan je begeleider. Die geeft het door aan de makers van de app.",
}
