"""A fictional but realistic demo case ("Sam") that fills every part of the model, and big generated
cases for benchmarks. Everyone in here is made up. Ids are readable ("p-anna") to ease debugging.

Sam is 24, lives alone with cat Kees and goes to a dagbesteding (kitchen). Sam's parents are divorced;
aunt Anna helps a lot; a bewindvoerder handles the money and a mentor sets limits for the plan.
"""
from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .case import (KWALITEITEN, NABIJHEDEN, RICHTINGEN, SCHEMA_VERSION, SECTORS, STEUNSOORTEN, Case, Gebeurtenis,
                   check_integrity)
from .ops import map_state

D = dt.date
KLANT = "p-sam"


def _p(pid, naam, rol, geslacht, jaar, sector, nabijheid, **kw):
    return {"id": pid, "naam": naam, "rol": rol, "geslacht": geslacht, "geboortejaar": jaar,
            "sector": sector, "nabijheid": nabijheid, **kw}


FAM, VRI, BUR, SWV, HLP = SECTORS
HD, DB, VW = NABIJHEDEN

_PERSONEN = [
    _p(KLANT, "Sam", "ik", "man", 2001, None, None, interesses=["koken", "treinen", "gamen"],
       notities=[{"tekst": "Sam wil graag zelf koken en boodschappen doen.", "door": "p-marieke"},
                 {"tekst": "Sam wordt onrustig als plannen ineens veranderen. Vooraf zeggen helpt.",
                  "door": "p-marieke", "zichtbaar": "klant_en_begeleider"}]),
    # familie, three generations (grandparents, parents, Sam and siblings, nephew/niece)
    _p("p-opa-henk", "Henk", "opa", "man", 1938, FAM, VW, overleden=True, interesses=["treinen"]),
    _p("p-oma-riet", "Riet", "oma", "vrouw", 1941, FAM, DB, interesses=["koken", "breien"]),
    _p("p-opa-onbekend", "", "opa", "man", None, None, None),  # unknown parent: nameless placeholder
    _p("p-marja", "Marja", "moeder", "vrouw", 1968, FAM, HD, interesses=["wandelen"]),
    _p("p-peter", "Peter", "vader", "man", 1966, FAM, VW,
       notities=[{"tekst": "Contact met vader is gevoelig. Niet in de groep bespreken.",
                  "door": "p-marieke", "zichtbaar": "klant_en_begeleider"}]),
    _p("p-ingrid", "Ingrid", "stiefmoeder", "vrouw", 1972, FAM, VW),
    _p("p-ron", "Ron", "vriend van mama", "man", 1965, FAM, DB, interesses=["vissen"]),
    _p("p-anna", "Anna", "tante", "vrouw", 1971, FAM, HD, interesses=["puzzelen", "wandelen"]),
    _p("p-mila", "Mila", "nichtje", "vrouw", 2012, FAM, VW),
    _p("p-frans", "Frans", "oom", "man", 1960, FAM, VW, interesses=["vissen"]),
    _p("p-daan", "Daan", "broer", "man", 1998, FAM, DB, interesses=["voetbal"]),
    _p("p-eva", "Eva", "schoonzus", "vrouw", 1997, FAM, None),  # in the family, not on the map
    _p("p-milan", "Milan", "neefje", "man", 2021, FAM, VW),
    _p("p-lotte", "Lotte", "halfzus", "vrouw", 2010, FAM, DB, interesses=["tekenen"]),
    _p("p-kees", "Kees", "kat", "onbekend", 2019, FAM, HD, soort="huisdier"),
    # vrienden en kennissen
    _p("p-jeroen", "Jeroen", "vriend", "man", 2000, VRI, HD, interesses=["gamen", "voetbal"]),
    _p("p-fatima", "Fatima", "vriendin van school", "vrouw", 2002, VRI, DB),
    _p("p-robin", "Robin", "vriend van zwemmen", "anders", 2003, VRI, DB, interesses=["zwemmen", "gamen"]),
    _p("p-kevin", "Kevin", "oud-vriend", "man", 2001, VRI, VW,
       notities=[{"tekst": "Kevin leende geld en gaf het niet terug.", "door": KLANT,
                  "zichtbaar": "klant_en_begeleider"}]),
    _p("p-noor", "Noor", "ex-vriendin", "vrouw", 2002, VRI, VW),
    # buren en buurt
    _p("p-gerda", "Gerda", "buurvrouw", "vrouw", 1955, BUR, HD, interesses=["koken", "katten"],
       notities=[{"tekst": "Gerda heeft een reservesleutel.", "door": KLANT}]),
    _p("p-wim", "Wim", "bakker op de hoek", "man", 1970, BUR, DB),
    _p("p-ahmed", "Ahmed", "buurman", "man", 1985, BUR, VW),
    # school, werk en vrije tijd
    _p("p-ilse", "Ilse", "begeleider dagbesteding", "vrouw", 1980, SWV, DB, professioneel=True),
    _p("p-rachid", "Rachid", "collega dagbesteding", "man", 1999, SWV, HD, interesses=["koken"]),
    _p("p-tom", "Tom", "teamgenoot zwemmen", "man", 2000, SWV, DB, interesses=["zwemmen"]),
    _p("p-sanne", "Sanne", "trainer zwemclub", "vrouw", 1990, SWV, VW, interesses=["zwemmen"]),
    # hulpverlening
    _p("p-marieke", "Marieke", "procesbegeleider MEE", "vrouw", 1983, HLP, DB, professioneel=True),
    _p("p-devries", "Dhr. De Vries", "bewindvoerder", "man", 1962, HLP, VW, professioneel=True),
    _p("p-karin", "Karin", "mentor", "vrouw", 1975, HLP, DB, professioneel=True),
    _p("p-jansen", "Dokter Jansen", "huisarts", "vrouw", 1968, HLP, VW, professioneel=True),
    _p("p-joost", "Joost", "wijkteam", "man", 1988, HLP, VW, professioneel=True),
]

# the line between Sam and each person: all five qualities, and one line without a quality yet
_KLANT_BANDEN = {
    "p-marja": "goed", "p-anna": "goed", "p-oma-riet": "goed", "p-daan": "goed", "p-lotte": "goed",
    "p-kees": "goed", "p-jeroen": "goed", "p-gerda": "goed", "p-rachid": "goed", "p-marieke": "goed",
    "p-tom": "goed", "p-robin": "goed", "p-ilse": "goed",
    "p-fatima": "neutraal", "p-wim": "neutraal", "p-devries": "neutraal", "p-jansen": "neutraal",
    "p-sanne": "neutraal", "p-karin": "neutraal", "p-ron": "neutraal", "p-frans": "neutraal",
    "p-peter": "moeizaam", "p-ingrid": "moeizaam", "p-noor": "moeizaam",
    "p-ahmed": "conflict",
    "p-kevin": "verbroken",
    "p-joost": None,
}
_ANDERE_BANDEN = [  # member-member ties
    ("p-marja", "p-anna", "goed"), ("p-marja", "p-peter", "conflict"), ("p-marja", "p-daan", "goed"),
    ("p-marja", "p-ron", "goed"), ("p-marja", "p-gerda", "neutraal"), ("p-anna", "p-oma-riet", "goed"),
    ("p-daan", "p-eva", "goed"), ("p-daan", "p-jeroen", "neutraal"), ("p-jeroen", "p-tom", "neutraal"),
    ("p-jeroen", "p-robin", "goed"), ("p-tom", "p-robin", "goed"), ("p-tom", "p-sanne", "goed"),
    ("p-ilse", "p-rachid", "goed"), ("p-marieke", "p-devries", "neutraal"),
    ("p-marieke", "p-karin", "goed"), ("p-peter", "p-ingrid", "goed"), ("p-lotte", "p-ingrid", "goed"),
    ("p-gerda", "p-ahmed", "moeizaam"), ("p-kevin", "p-jeroen", "verbroken"), ("p-anna", "p-devries", None),
]
_STEUN = [  # (person, soort, richting) from Sam's view: every type and every direction
    ("p-marja", "emotionele_steun", "wederzijds"), ("p-marja", "praktische_hulp", "krijgt"),
    ("p-anna", "praktische_hulp", "krijgt"), ("p-anna", "advies_informatie", "krijgt"),
    ("p-anna", "emotionele_steun", "krijgt"),
    ("p-oma-riet", "gezelschap", "geeft"), ("p-oma-riet", "praktische_hulp", "geeft"),
    ("p-jeroen", "gezelschap", "wederzijds"), ("p-jeroen", "emotionele_steun", "wederzijds"),
    ("p-gerda", "praktische_hulp", "krijgt"), ("p-gerda", "gezelschap", "wederzijds"),
    ("p-daan", "advies_informatie", "wederzijds"), ("p-milan", "gezelschap", "geeft"),
    ("p-kees", "emotionele_steun", "krijgt"), ("p-kees", "zorg", "geeft"),
    ("p-ilse", "advies_informatie", "krijgt"), ("p-rachid", "gezelschap", "wederzijds"),
    ("p-marieke", "advies_informatie", "krijgt"), ("p-devries", "praktische_hulp", "krijgt"),
    ("p-jansen", "zorg", "krijgt"), ("p-tom", "gezelschap", "wederzijds"),
]


def _poster() -> dict:
    return {
        "sterke_punten": [
            {"id": "sp-koken", "tekst": "Ik kan goed koken. Mijn lasagne is de beste.", "door": KLANT},
            {"id": "sp-optijd", "tekst": "Sam is altijd op tijd bij de dagbesteding.", "door": "p-ilse"},
            {"id": "sp-kees", "tekst": "Ik zorg elke dag goed voor Kees.", "door": KLANT},
            {"id": "sp-grappig", "tekst": "Sam is eerlijk en grappig.", "door": "p-jeroen"},
            {"id": "sp-treinen", "tekst": "Ik weet alles van treinen.", "door": None},
        ],
        "wensen_dromen": [
            {"id": "wd-keuken", "tekst": "Ik wil een echte baan in een keuken.", "door": KLANT},
            {"id": "wd-trein", "tekst": "Ik wil met de trein naar het dorp van opa Henk.", "door": KLANT},
            {"id": "wd-buurt", "tekst": "Meer mensen kennen in de buurt.", "door": "p-marja"},
        ],
        "zorgen": [
            {"id": "zo-alleen", "tekst": "'s Avonds voel ik me vaak alleen.", "door": KLANT},
            {"id": "zo-post", "tekst": "Post en rekeningen vind ik moeilijk.", "door": KLANT},
            {"id": "zo-buurman", "tekst": "Ruzie met de buurman over harde muziek.", "door": "p-gerda"},
            {"id": "zo-anna", "tekst": "Anna doet heel veel. Houdt ze dat vol?", "door": "p-marja"},
        ],
        "vragen": [
            {"id": "v-alleen", "tekst": "Hoe kan ik 's avonds minder alleen zijn?", "volgorde": 1,
             "naar_bijeenkomst": True, "eigenaar": "p-jeroen"},
            {"id": "v-post", "tekst": "Wie helpt mij met de post en de rekeningen?", "volgorde": 2,
             "naar_bijeenkomst": True, "eigenaar": "p-anna"},
            {"id": "v-werk", "tekst": "Hoe vind ik werk in een keuken?", "volgorde": 3,
             "naar_bijeenkomst": True, "eigenaar": None},
            {"id": "v-buurman", "tekst": "Hoe praat ik met de buurman zonder ruzie?", "volgorde": 4,
             "naar_bijeenkomst": False, "eigenaar": "p-gerda"},
        ],
        "meedenkers": ["p-marja", "p-anna", "p-jeroen", "p-gerda"],
    }


_OUDER_KIND = [
    ("p-opa-henk", "p-marja", "biologisch"), ("p-oma-riet", "p-marja", "biologisch"),
    ("p-opa-henk", "p-anna", "biologisch"), ("p-oma-riet", "p-anna", "biologisch"),
    ("p-opa-henk", "p-frans", "pleeg"), ("p-oma-riet", "p-frans", "pleeg"),
    ("p-opa-onbekend", "p-peter", "biologisch"),
    ("p-marja", "p-daan", "biologisch"), ("p-peter", "p-daan", "biologisch"),
    ("p-marja", KLANT, "biologisch"), ("p-peter", KLANT, "biologisch"),
    ("p-ingrid", KLANT, "stief"),
    ("p-peter", "p-lotte", "biologisch"), ("p-ingrid", "p-lotte", "biologisch"),  # half-sister
    ("p-daan", "p-milan", "biologisch"), ("p-eva", "p-milan", "biologisch"),
    ("p-anna", "p-mila", "adoptie"),
]
_PARTNERS = [
    ("p-opa-henk", "p-oma-riet", "getrouwd"), ("p-marja", "p-peter", "gescheiden"),
    ("p-peter", "p-ingrid", "getrouwd"), ("p-marja", "p-ron", "relatie"),
    ("p-daan", "p-eva", "samenwonend"), (KLANT, "p-noor", "uit_elkaar"),
]


def _gebeurtenissen() -> list[dict]:
    return [
        {"id": "g-geboren", "wanneer": {"jaar": 2001}, "titel": "Ik ben geboren in Zwolle", "gevoel": "fijn",
         "personen": ["p-marja", "p-peter"]},
        {"id": "g-scheiding", "wanneer": {"leeftijd": 8, "ongeveer": True}, "titel": "Papa en mama gaan uit elkaar",
         "verhaal": "Ik ging met mama en Daan in een ander huis wonen.", "gevoel": "moeilijk",
         "personen": ["p-marja", "p-peter", "p-daan"]},
        {"id": "g-zwemdiploma", "wanneer": None, "titel": "Zwemdiploma A gehaald", "gevoel": "fijn",
         "personen": ["p-opa-henk"]},
        {"id": "g-opa", "wanneer": {"jaar": 2016}, "titel": "Opa Henk overleden",
         "verhaal": "Opa nam me altijd mee naar de treinen.", "gevoel": "moeilijk",
         "personen": ["p-opa-henk", "p-oma-riet", "p-marja", "p-anna"]},
        {"id": "g-kevin", "wanneer": {"leeftijd": 19}, "titel": "Geen contact meer met Kevin", "gevoel": "moeilijk",
         "personen": ["p-kevin"]},
        {"id": "g-kees", "wanneer": {"datum": "2020-05-02"}, "titel": "Kees komt bij mij wonen", "gevoel": "fijn",
         "personen": ["p-kees", "p-marja"]},
        {"id": "g-dagbesteding", "wanneer": {"jaar": 2022, "ongeveer": True}, "titel": "Begonnen in de keuken van de dagbesteding",
         "gevoel": "fijn", "personen": ["p-ilse", "p-rachid"]},
        {"id": "g-zelf-wonen", "wanneer": {"datum": "2023-09-01"}, "titel": "Zelf wonen",
         "verhaal": "Fijn, maar 's avonds is het stil.", "gevoel": "allebei", "personen": ["p-marja", "p-gerda", "p-anna"]},
        {"id": "g-buurman", "wanneer": {"datum": "2024-11-20"}, "titel": "Ruzie met de buurman", "gevoel": "moeilijk",
         "personen": ["p-ahmed", "p-gerda"]},
    ]


_CONTACTEN: list[dict[str, Any]] = [
    {"persoon": "p-marja", "hoe_vaak": "wekelijks", "manieren": ["bij_elkaar", "telefoon"], "samen_doen": "Eten op zondag",
     "tevreden": "ja", "wens": "evenveel", "dagen": ["zo"]},
    {"persoon": "p-anna", "hoe_vaak": "wekelijks", "manieren": ["bij_elkaar", "berichten"], "samen_doen": "Post doorlopen",
     "tevreden": "ja", "wens": "evenveel", "dagen": ["wo"]},
    {"persoon": "p-jeroen", "hoe_vaak": "dagelijks", "manieren": ["berichten", "video"], "samen_doen": "Samen gamen",
     "tevreden": "ja", "wens": "meer", "dagen": ["ma", "di", "wo", "do", "vr"]},
    {"persoon": "p-gerda", "hoe_vaak": "wekelijks", "manieren": ["bij_elkaar"], "samen_doen": "Koffie drinken",
     "tevreden": "ja", "wens": "evenveel", "dagen": ["za"]},
    {"persoon": "p-oma-riet", "hoe_vaak": "maandelijks", "manieren": ["bij_elkaar", "telefoon"], "samen_doen": "Boodschappen voor oma",
     "tevreden": "gaat_wel", "wens": "meer", "dagen": None},
    {"persoon": "p-peter", "hoe_vaak": "paar_keer_per_jaar", "manieren": ["telefoon"], "tevreden": "nee", "wens": "meer"},
    {"persoon": "p-daan", "hoe_vaak": "maandelijks", "manieren": ["berichten", "video"], "tevreden": "gaat_wel", "wens": "meer"},
    {"persoon": "p-ahmed", "hoe_vaak": "zelden", "manieren": ["bij_elkaar"], "tevreden": "nee", "wens": "minder"},
    {"persoon": "p-rachid", "hoe_vaak": "dagelijks", "manieren": ["bij_elkaar"], "samen_doen": "Koken op het werk",
     "tevreden": "ja", "wens": "evenveel", "dagen": ["ma", "di", "do"]},
    {"persoon": "p-marieke", "hoe_vaak": "maandelijks", "manieren": ["bij_elkaar", "telefoon"], "tevreden": "ja", "wens": "minder"},
    {"persoon": "p-lotte", "hoe_vaak": None, "manieren": [], "tevreden": None, "wens": "meer"},
]


def _bijeenkomst() -> tuple[dict, list]:
    """The meeting and the plans made there (plans live at the top of the case)."""
    plan1: list[dict[str, Any]] = [
        {"id": "a-dinsdag", "vraag_id": "v-alleen", "wat": "Op dinsdag samen eten", "wie": ["p-jeroen"],
         "waar": "Bij Sam thuis", "wanneer": "Dinsdag om 18.00 uur", "hoe": "Sam kookt, Jeroen neemt toetje mee",
         "hoe_vaak": "wekelijks", "start": "2025-06-17", "evaluatie": "2025-09-15"},
        {"id": "a-koffie", "vraag_id": "v-alleen", "wat": "Koffie drinken bij Gerda", "wie": ["p-gerda"],
         "waar": "Bij Gerda", "wanneer": "Zaterdagochtend", "hoe_vaak": "wekelijks"},
        {"id": "a-post", "vraag_id": "v-post", "wat": "Samen de post openmaken", "wie": ["p-anna"],
         "waar": "Bij Sam thuis", "wanneer": "Woensdagavond", "hoe": "Wat over geld gaat, gaat naar de bewindvoerder",
         "hoe_vaak": "wekelijks", "start": "2025-06-18"},
        {"id": "a-proefdag", "vraag_id": "v-werk", "wat": "Een proefdag in een keuken zoeken", "wie": [],
         "hoe_vaak": "eenmalig"},  # nobody yet: the plan view asks "Wie doet dit?"
        {"id": "a-kees", "vraag_id": None, "wat": "Voor Kees zorgen als Sam op vakantie is", "wie": ["p-gerda", "p-marja"],
         "hoe_vaak": "paar_keer_per_jaar"},
    ]
    plan2 = [
        {**plan1[0]},
        {**plan1[1], "status": "gestopt"},
        {**plan1[2], "wie": ["p-anna", "p-daan"], "hoe": "Om de week Anna, om de week Daan"},
        {**plan1[3], "wie": ["p-marja", "p-ilse"], "status": "klaar", "wanneer": "Juli"},
        {**plan1[4]},
        {"id": "a-zwemmen", "vraag_id": "v-alleen", "wat": "Samen zwemmen op zaterdag", "wie": [KLANT, "p-tom"],
         "waar": "Zwembad De Welle", "wanneer": "Zaterdag 10.00 uur", "hoe_vaak": "wekelijks",
         "start": "2025-09-20", "evaluatie": "2025-12-01"},
        {"id": "a-vacature", "vraag_id": "v-werk", "wat": "Samen vacatures voor keukenhulp zoeken", "wie": ["p-marja"],
         "wanneer": "", "hoe_vaak": "maandelijks"},
    ]
    return {
        "datum": "2025-06-12", "tijd": "19:30", "plaats": "Buurthuis De Linde", "stap": 7,
        "uitnodigingen": [
            {"persoon": "p-marja", "status": "komt"}, {"persoon": "p-anna", "status": "komt"},
            {"persoon": "p-jeroen", "status": "komt"}, {"persoon": "p-gerda", "status": "komt"},
            {"persoon": "p-daan", "status": "misschien"}, {"persoon": "p-peter", "status": "komt_niet"},
            {"persoon": "p-robin", "status": "uitgenodigd"}, {"persoon": "p-oma-riet", "status": "nog_vragen"},
            {"persoon": "p-devries", "status": "komt"}, {"persoon": "p-karin", "status": "komt"},
            {"persoon": "p-marieke", "status": "komt"},
        ],
        "aanwezig": [KLANT, "p-marja", "p-anna", "p-jeroen", "p-gerda", "p-devries", "p-karin", "p-marieke"],
        "voorstelrondje": [
            {"persoon": "p-marja", "tekst": "Ik ben de moeder van Sam. Ik hoop dat Sam minder alleen is."},
            {"persoon": "p-anna", "tekst": "Ik ben de tante. Ik help graag, maar niet met alles."},
            {"persoon": "p-jeroen", "tekst": "Ik ken Sam van school. Ik wil meedenken."},
            {"persoon": "p-gerda", "tekst": "Ik woon naast Sam."},
            {"persoon": "p-devries", "tekst": "Ik regel het geld van Sam."},
        ],
        "info": [
            {"id": "i-bewind", "vraag": "Wat doet een bewindvoerder precies?",
             "antwoord": "Die betaalt de vaste lasten en geeft Sam elke week leefgeld.", "door": "p-devries"},
            {"id": "i-proefdag", "vraag": "Kan Sam een proefdag doen in een keuken?",
             "antwoord": "Ja, via de dagbesteding kan dat.", "door": "p-marieke"},
            {"id": "i-wijkteam", "vraag": "Kan het wijkteam helpen met de buurman?", "antwoord": "", "door": "p-anna"},
        ],
        "piketpaaltjes": [
            {"id": "k-geld", "gesteld_door": "p-devries", "kader": "bewind",
             "tekst": "De bewindvoerder betaalt de rekeningen. Sam krijgt elke week leefgeld.",
             "oordeel": "akkoord", "uitleg": "Het plan past hierbij."},
            {"id": "k-wonen", "gesteld_door": "p-karin", "kader": "mentorschap",
             "tekst": "Sam blijft tot de evaluatie in dit huis wonen.",
             "oordeel": "nog_niet", "uitleg": "Eerst samen kijken of Sam zich veilig voelt bij de buurman."},
        ],
        "genoteerd_door": "p-jeroen",
    }, [
        {"versie": 1, "datum": "2025-06-12", "afspraken": plan1},
        {"versie": 2, "datum": "2025-09-15", "afspraken": plan2},  # changed by the basisteam
    ]


def _basisteam() -> dict:
    return {
        "leden": [KLANT, "p-marja", "p-anna", "p-jeroen", "p-gerda"],
        "eerste_overleg": "2025-07-10",
        "overleggen": [
            {"id": "o-juli", "datum": "2025-07-10", "aanwezig": [KLANT, "p-marja", "p-anna", "p-jeroen", "p-marieke"],
             "successen": ["Elke dinsdag samen eten lukt.", "De post is bijgewerkt."],
             "zorgen": ["Niemand zoekt nog een proefdag.", "Anna heeft het druk."],
             "nieuwe_afspraken": [], "plan_versie": None, "volgende": "2025-09-15"},  # the plan stayed the same
            {"id": "o-september", "datum": "2025-09-15", "aanwezig": [KLANT, "p-anna", "p-jeroen", "p-gerda"],
             "successen": ["Sam heeft een proefdag gedaan.", "Daan helpt nu ook met de post."],
             "zorgen": ["Koffie bij Gerda is gestopt, Gerda is vaak weg."],
             "nieuwe_afspraken": ["a-zwemmen", "a-vacature"], "plan_versie": 2, "volgende": "2025-12-01"},
            {"id": "o-december", "datum": "2025-12-01", "aanwezig": [KLANT, "p-marja", "p-anna", "p-jeroen", "p-daan"],
             "successen": ["Zwemmen met Tom gaat elke zaterdag.", "Anna en Daan doen samen de post."],
             "zorgen": ["Vacatures zoeken lukt nog niet goed.", "Niemand praat nog met de buurman."],
             "nieuwe_afspraken": [], "plan_versie": None, "volgende": "2026-03-02"},
        ],
    }


def _base(personen, banden, steun) -> dict:
    return {
        "schema_version": SCHEMA_VERSION, "id": "c-demo-sam", "klant_id": KLANT, "fase": "basisteam",
        "aangemaakt": "2025-02-03T10:00:00",
        "ontmoeten": {"datum": "2025-02-03", "verhaal": (
            "Sam woont sinds 2023 alleen, samen met kat Kees. Overdag werkt Sam in de keuken van de "
            "dagbesteding. Dat gaat goed. 's Avonds is het stil en voelt Sam zich alleen. Sam houdt van "
            "koken en treinen.")},
        "personen": personen, "banden": banden, "steun": steun,
    }


def _ties(klant_banden: dict, andere: list) -> list[dict]:
    return ([{"a": KLANT, "b": pid, "kwaliteit": k} for pid, k in klant_banden.items()]
            + [{"a": a, "b": b, "kwaliteit": k} for a, b, k in andere])


def _steun(rows) -> list[dict]:
    return [{"persoon": p, "soort": s, "richting": r} for p, s, r in rows]


def demo_case(seed: int = 1) -> Case:
    """The demo case. It is hand-written, so it is the same for every `seed` (kept for symmetry
    with `big_case`)."""
    del seed
    bijeenkomst, plannen = _bijeenkomst()
    data = _base([dict(p) for p in _PERSONEN], _ties(_KLANT_BANDEN, _ANDERE_BANDEN), _steun(_STEUN))
    data.update(
        basisposter=_poster(),
        ouder_kind=[{"ouder": o, "kind": k, "soort": s} for o, k, s in _OUDER_KIND],
        partners=[{"a": a, "b": b, "status": s} for a, b, s in _PARTNERS],
        gebeurtenissen=_gebeurtenissen(),
        contacten=[dict(c) for c in _CONTACTEN],
        bijeenkomst=bijeenkomst,
        plannen=_plan_open_question(plannen),
        basisteam=_basisteam(),
    )
    case = Case.model_validate(data)
    return case.model_copy(update={"momentopnamen": _snapshots(case)})


def _snapshots(now: Case) -> list:
    """Two dated maps that differ: after the first atlas (March) and after the second overleg."""
    # March: Robin not yet known, Tom further away, Peter's line was conflict, Gerda gave no help yet
    march_people = []
    for p in now.personen:
        if p.id == "p-robin":
            continue
        if p.id == "p-tom":
            p = p.model_copy(update={"nabijheid": VW})
        march_people.append(p)
    march_klant = {**{k: v for k, v in _KLANT_BANDEN.items() if k != "p-robin"}, "p-peter": "conflict"}
    march_andere = [b for b in _ANDERE_BANDEN if "p-robin" not in b[:2]]
    march_steun = [s for s in _STEUN if s[0] != "p-gerda" and not (s[0] == "p-tom")]
    march = Case.model_validate({**_base([p.model_dump() for p in march_people],
                                         _ties(march_klant, march_andere), _steun(march_steun))})
    return [
        map_state(march, dt.datetime(2025, 3, 10, 15, 30), "Na de eerste netwerkatlas", "m-maart"),
        map_state(now, dt.datetime(2025, 9, 15, 20, 0), "Na het tweede overleg", "m-september"),
    ]


# ----- big generated cases for benchmarks -----

_VOORNAMEN = ["Anna", "Bram", "Chris", "Daan", "Eva", "Fatima", "Gerrit", "Hanna", "Ilse", "Jeroen",
              "Kim", "Lars", "Mohammed", "Noor", "Olga", "Pieter", "Rachid", "Sanne", "Tom", "Vera"]
_ROLLEN = {FAM: ["neef", "nicht", "oom", "tante"], VRI: ["vriend", "kennis"], BUR: ["buurman", "buurvrouw"],
           SWV: ["collega", "teamgenoot"], HLP: ["begeleider", "huisarts", "wijkteam"]}


def big_case(n_persons: int, seed: int = 1) -> Case:
    """A valid case with `n_persons` persons (the client included), spread over all sectors and rings,
    with client lines, member-member ties, support and contacts. Same `seed` -> same case."""
    rng = random.Random(seed)
    n = max(1, n_persons)
    personen: list[dict[str, Any]] = [{"id": "p0", "naam": "Sam", "rol": "ik"}]
    for i in range(1, n):
        sector = SECTORS[i % len(SECTORS)]
        personen.append({
            "id": f"p{i}", "naam": f"{rng.choice(_VOORNAMEN)} {i}", "rol": rng.choice(_ROLLEN[sector]),
            "geslacht": rng.choice(["man", "vrouw", "anders", "onbekend"]),
            "geboortejaar": rng.randint(1940, 2020), "sector": sector,
            "nabijheid": rng.choice(NABIJHEDEN), "professioneel": sector == HLP,
        })
    banden, steun, contacten = [], [], []
    seen: set = set()
    for i in range(1, n):
        if rng.random() < 0.85:
            banden.append({"a": "p0", "b": f"p{i}", "kwaliteit": rng.choice([*KWALITEITEN, None])})
        for _ in range(2):  # ties mostly within the own sector (groups), some across
            j = rng.randrange(1, n)
            if rng.random() < 0.7:
                j = j - (j % len(SECTORS)) + (i % len(SECTORS))
                if j >= n or j < 1:
                    continue
            key = frozenset((i, j))
            if i != j and key not in seen:
                seen.add(key)
                banden.append({"a": f"p{i}", "b": f"p{j}", "kwaliteit": rng.choice(KWALITEITEN)})
        if rng.random() < 0.3:
            for soort in rng.sample(STEUNSOORTEN, rng.randint(1, 2)):
                steun.append({"persoon": f"p{i}", "soort": soort, "richting": rng.choice(RICHTINGEN)})
        if rng.random() < 0.25:
            contacten.append({"persoon": f"p{i}", "hoe_vaak": rng.choice(
                ["dagelijks", "wekelijks", "maandelijks", "paar_keer_per_jaar", "zelden"]), "manieren": ["telefoon"]})
    helpers = [f"p{i}" for i in range(1, n) if SECTORS[i % len(SECTORS)] != HLP][:50]
    vragen = [{"id": f"v{k}", "tekst": f"Vraag {k}", "volgorde": k, "naar_bijeenkomst": True} for k in range(1, 6)]
    afspraken = [{"id": f"a{k}", "vraag_id": f"v{k % 5 + 1}", "wat": f"Afspraak {k}",
                  "wie": rng.sample(helpers, min(len(helpers), rng.randint(0, 3))),
                  "hoe_vaak": rng.choice(["dagelijks", "wekelijks", "maandelijks", "eenmalig"])} for k in range(1, 21)]
    afspraken = _more_agreements(afspraken, helpers, rng)
    case = Case.model_validate({
        "schema_version": SCHEMA_VERSION, "id": f"c-big-{n}-{seed}", "klant_id": "p0", "fase": "netwerkatlas",
        "personen": personen, "banden": banden, "steun": steun, "contacten": contacten,
        "basisposter": {"vragen": vragen},
        "plannen": [{"versie": 1, "datum": "2025-06-12", "afspraken": afspraken}],
    })
    case = _big_meeting(case)
    case = _big_poster(case)
    case = _big_family(case)
    case = _big_events(case, n, seed)
    case = _big_contacts(case, seed)
    case = _big_team(case)
    return case


def _big_team(case: Case, meetings: int = 6) -> Case:
    """big_case's basisteam: the client and up to seven of those present at the meeting, `meetings`
    meetings a month apart (the first professional at the first two), each with successes and worries;
    the fourth made plan version 2 (one agreement stopped, one with someone else, one at another
    frequency, one new). The newest meeting has not changed the plan yet."""
    present = [pid for pid in case.bijeenkomst.aanwezig if pid != case.klant_id]
    leden = [case.klant_id, *present[:7]]
    pro = next((p.id for p in case.personen if p.professioneel), None)
    plan = case.huidig_plan
    if plan is None or len(plan.afspraken) < 3:
        return case
    made_by = min(3, meetings - 1)
    start = dt.date(2025, 7, 1)
    overleggen = []
    for k in range(meetings):
        here = leden[: 2 + k % 4] + ([pro] if pro and k < 2 else [])
        overleggen.append({
            "id": f"o{k + 1}", "datum": (start + dt.timedelta(days=30 * k)).isoformat(), "aanwezig": here,
            "successen": [f"Dit ging goed ({k + 1}).", "Samen eten lukt."],
            "zorgen": [f"Dit heeft aandacht nodig ({k + 1})."],
            "nieuwe_afspraken": ["a-team"] if k == made_by else [], "plan_versie": 2 if k == made_by else None,
            "volgende": (start + dt.timedelta(days=30 * (k + 1))).isoformat()})
    old = [a.model_dump(mode="json") for a in plan.afspraken]
    helper = leden[-1]
    new = [{**old[0], "status": "gestopt"}, {**old[1], "wie": [helper]}, {**old[2], "hoe_vaak": "maandelijks"}, *old[3:],
           {"id": "a-team", "vraag_id": "v1", "wat": "Samen naar de markt", "wie": [helper], "hoe_vaak": "wekelijks"}]
    version2 = {"versie": 2, "datum": overleggen[made_by]["datum"], "afspraken": new}
    data = case.model_dump(mode="json")
    data["plannen"] = [*data["plannen"], version2]
    data["basisteam"] = {"leden": leden, "eerste_overleg": overleggen[0]["datum"], "overleggen": overleggen}
    return Case.model_validate(data)


def _big_events(case: Case, n: int, seed: int) -> Case:
    """`n` life events for big_case: exact dates, years, ages (the client has no birth year here, so
    they sort by age after the years) and unknown moments, some approximate, each with up to three persons."""
    rng = random.Random(seed * 7919 + n)
    people = [p.id for p in case.personen if p.id != case.klant_id]
    kinds = ("datum", "jaar", "leeftijd", "onbekend")
    events = []
    for k in range(n):
        kind = kinds[k % len(kinds)] if k % 9 else "jaar"
        wanneer: Any
        if kind == "datum":
            wanneer = {"datum": f"{rng.randint(1990, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
        elif kind == "jaar":
            wanneer = {"jaar": rng.randint(1988, 2025), "ongeveer": rng.random() < 0.3}
        elif kind == "leeftijd":
            wanneer = {"leeftijd": rng.randint(0, 35), "ongeveer": rng.random() < 0.5}
        else:
            wanneer = None
        events.append({"id": f"g{k}", "wanneer": wanneer, "titel": f"{rng.choice(_GEBEURTENISSEN)} {k}",
                       "gevoel": rng.choice(["fijn", "moeilijk", "allebei"]),
                       "personen": rng.sample(people, min(len(people), rng.randint(0, 3)))})
    new = case.model_copy(update={"gebeurtenissen": [Gebeurtenis.model_validate(e) for e in events]})
    check_integrity(new)
    return new


_GEBEURTENISSEN = ["Verhuisd", "Nieuwe baan", "Op vakantie", "Diploma gehaald", "Ziek geweest", "Ruzie gehad",
                   "Verliefd", "Oma overleden", "Eerste eigen huis", "Gestopt met school", "Hond gekregen"]


def _big_poster(case: Case) -> Case:
    """(wt-poster) A full basisposter for a big case: cards in the three fields with writers, ten
    questions (the existing v1..v5 that plans point at, then v6..v10) with owners, and who thought along."""
    others = [p.id for p in case.personen[1:] if not p.professioneel][:40] or [case.klant_id]
    writers = [case.klant_id, *others[:4]]

    def cards(prefix: str, words: list[str]) -> list[dict]:
        return [{"id": f"{prefix}{k}", "tekst": f"{w} ({k})", "door": writers[k % len(writers)]}
                for k, w in enumerate(words, 1)]

    old = [v.model_dump() for v in case.basisposter.vragen]
    extra = [{"id": f"v{k}", "tekst": f"Vraag {k}: wie helpt mij hiermee?", "volgorde": k,
              "naar_bijeenkomst": k % 2 == 0, "eigenaar": others[k % len(others)]} for k in range(len(old) + 1, 11)]
    poster = {
        "sterke_punten": cards("bs", ["Ik kan goed koken", "Ik ben op tijd", "Ik zorg voor mijn kat",
                                      "Ik ben eerlijk", "Ik weet veel van treinen", "Ik help graag"]),
        "wensen_dromen": cards("bw", ["Een baan in een keuken", "Meer vrienden", "Op vakantie", "Leren zwemmen"]),
        "zorgen": cards("bz", ["Alleen in de avond", "Post en rekeningen", "Ruzie met de buren", "Te druk"]),
        "vragen": [*old, *extra],
        "meedenkers": others[:5],
    }
    return Case.model_validate({**case.model_dump(), "basisposter": poster})


def _big_family(case: Case, size: int = 60) -> Case:
    """Give a big case a family of up to `size` relatives in four generations connected to the client:
    grandparents (one couple divorced), parents, aunts and uncles with partners, siblings and cousins
    with partners, their children. Persons with sector familie first, then others (no professionals)."""
    pool = iter([p.id for p in case.personen if p.sector == FAM and p.id != case.klant_id]
                + [p.id for p in case.personen if p.sector not in (FAM, HLP) and p.id != case.klant_id])
    used = 0

    def take():
        nonlocal used
        if used >= size:
            return None
        used += 1
        return next(pool, None)

    ok: list[dict] = []
    pr: list[dict] = []

    def couple(a, b, status="getrouwd"):
        if a and b:
            pr.append({"a": a, "b": b, "status": status})

    def child(kid, *parents):
        for par in parents:
            if par and kid:
                ok.append({"ouder": par, "kind": kid, "soort": "biologisch"})

    gp = [take() for _ in range(4)]
    couple(gp[0], gp[1])
    couple(gp[2], gp[3], "gescheiden")
    father, mother = take(), take()
    child(father, gp[0], gp[1])
    child(mother, gp[2], gp[3])
    couple(father, mother)
    child(case.klant_id, father, mother)
    row: list[tuple] = [(father, mother)]  # couples of the parents' generation
    for grand in ((gp[0], gp[1]), (gp[2], gp[3])):
        for _ in range(2):
            kid, partner = take(), take()
            child(kid, *grand)
            couple(kid, partner, "samenwonend")
            row.append((kid, partner))
    young: list[tuple] = []
    for i, par in enumerate(row):
        for _ in range(2 if i == 0 else 3):
            kid = take()
            child(kid, *par)
            partner = take() if kid and len(young) % 3 != 2 else None
            couple(kid, partner, "relatie")
            young.append((kid, partner))
    for par in young:
        if par[1] is None:
            continue
        for _ in range(2):
            child(take(), *par)
    if not ok:
        return case
    new = case.model_copy(update={"ouder_kind": [*case.ouder_kind, *map(_ok, ok)],
                                  "partners": [*case.partners, *map(_pr, pr)]})
    check_integrity(new)
    return new


def _ok(d: dict):
    from .case import OuderKind  # noqa: PLC0415

    return OuderKind.model_validate(d)


def _pr(d: dict):
    from .case import Partnerschap  # noqa: PLC0415

    return Partnerschap.model_validate(d)


def _plan_open_question(plannen: list[dict]) -> list[dict]:
    """The current plan also holds an agreement nobody has taken yet: the plan asks "Wie doet dit?"."""
    *earlier, current = plannen
    extra = {"id": "a-buurman", "vraag_id": "v-buurman", "wat": "Samen met de buurman praten over de muziek",
             "wie": [], "waar": "Bij Gerda", "wanneer": "", "hoe": "Iemand gaat mee en praat rustig mee",
             "hoe_vaak": "eenmalig"}
    return [*earlier, {**current, "afspraken": [*current["afspraken"], extra]}]


def _more_agreements(afspraken: list[dict], helpers: list[str], rng: random.Random, total: int = 50) -> list[dict]:
    """The plan benchmark's size (issue #11: 50 agreements at 100 persons): a21.. after a1..a20, with
    every field in use, some shared, some stopped, some without anyone yet."""
    more = []
    for k in range(len(afspraken) + 1, total + 1):
        more.append({"id": f"a{k}", "vraag_id": f"v{k % 5 + 1}" if k % 7 else None,
                     "wat": f"Afspraak {k}: samen iets doen", "wie": rng.sample(helpers, min(len(helpers), rng.randint(0, 3))),
                     "waar": "Bij Sam thuis" if k % 2 else "", "wanneer": "Dinsdagavond" if k % 3 else "",
                     "hoe": "Even bellen vooraf" if k % 4 == 0 else "",
                     "hoe_vaak": rng.choice(["dagelijks", "wekelijks", "maandelijks", "paar_keer_per_jaar", "zelden",
                                             "eenmalig", None]),
                     "status": "gestopt" if k % 11 == 0 else "actief"})
    return [*afspraken, *more]


_SAMEN = ["Koffie drinken", "Samen koken", "Wandelen", "Bellen over de dag", "Boodschappen doen", "Gamen",
          "Voetbal kijken", "Helpen met de post", ""]


_INTERESSES = ["vissen", "koken", "wandelen", "voetbal", "gamen", "tekenen", "zwemmen", "muziek", "treinen",
               "tuinieren", "puzzelen", "dieren"]


def _big_contacts(case: Case, seed: int) -> Case:
    """big_case for the contactschema: every contact row filled in (how, what together, feeling, wish,
    days for frequent contact) and about a third of the persons with one or two interests."""
    from .case import Contact, Persoon  # noqa: PLC0415 (this helper only)

    rng = random.Random(seed * 7919 + 40)
    week = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    rows = []
    for c in case.contacten:
        often = c.hoe_vaak in ("dagelijks", "wekelijks")
        rows.append(Contact(
            persoon=c.persoon, hoe_vaak=c.hoe_vaak,
            manieren=sorted(rng.sample(["bij_elkaar", "telefoon", "berichten", "video"], rng.randint(1, 2)),
                            key=["bij_elkaar", "telefoon", "berichten", "video"].index),
            samen_doen=rng.choice(_SAMEN), tevreden=rng.choice(["ja", "ja", "gaat_wel", "nee", None]),
            wens=rng.choice(["meer", "evenveel", "evenveel", "minder", None]),
            dagen=sorted(rng.sample(week, rng.randint(1, 3)), key=week.index) if often else None))
    personen = [p if p.id == case.klant_id or rng.random() > 0.33 else
                Persoon.model_validate({**p.model_dump(), "interesses": rng.sample(_INTERESSES, rng.randint(1, 2))})
                for p in case.personen]
    return Case.model_validate({**case.model_dump(), "personen": [p.model_dump() for p in personen],
                                "contacten": [r.model_dump() for r in rows]})


def _big_meeting(case: Case) -> Case:
    """big_case's meedenkbijeenkomst: about a third of the network invited (every status), those who
    said komt present, a piketpaaltje from the first professional, the meeting at step 3."""
    statuses = ("komt", "uitgenodigd", "misschien", "komt_niet", "nog_vragen", "komt")
    invited = [p.id for p in case.personen[1:] if int(p.id[1:]) % 3 == 1]
    uitnodigingen = [{"persoon": pid, "status": statuses[i % len(statuses)]} for i, pid in enumerate(invited)]
    komt = [u["persoon"] for u in uitnodigingen if u["status"] == "komt"]
    pro = next((p.id for p in case.personen if p.professioneel), None)
    piket = [{"id": "k1", "gesteld_door": pro, "tekst": "Het geld voor de huur gaat eerst.", "kader": "bewind"}] if pro else []
    bk = case.bijeenkomst.model_validate({
        **case.bijeenkomst.model_dump(), "datum": "2025-06-12", "tijd": "19:30", "plaats": "Buurthuis", "stap": 3,
        "uitnodigingen": uitnodigingen, "aanwezig": [case.klant_id, *komt], "piketpaaltjes": piket,
        "info": [{"id": "i1", "vraag": "Wat doet een bewindvoerder?", "antwoord": "Die betaalt de vaste lasten."}]})
    return Case.model_validate({**case.model_dump(), "bijeenkomst": bk.model_dump()})
