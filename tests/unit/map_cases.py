"""Crafted relatiekaart cases for the readability tests: realistic spreads of 40 persons besides
big_case's even one (every sector in turn, random rings), and seeded random spreads."""
from __future__ import annotations

import random

from snv.model import ops, parse_case
from snv.model.case import NABIJHEDEN, SCHEMA_VERSION, SECTORS
from snv.model.demo import demo_case

# ten more people for the demo case, spread like the demo's own (family-heavy, few neighbours)
_MORE = (
    ("Oma Truus", "familie", "heel_dichtbij"), ("Bas", "familie", "dichtbij"), ("Yvonne", "familie", "verder_weg"),
    ("Stefan", "vrienden_kennissen", "dichtbij"), ("Mohammed", "vrienden_kennissen", "heel_dichtbij"),
    ("Lisa", "vrienden_kennissen", "verder_weg"), ("Henk-Jan", "buren_buurt", "dichtbij"),
    ("Coach Eva", "school_werk_vrije_tijd", "heel_dichtbij"), ("Wijkagent Bram", "hulpverlening", "verder_weg"),
    ("Thuiszorg Ans", "hulpverlening", "dichtbij"),
)


def demo_grown(persons: int = 40):
    """The demo case (30 persons on the map) with people added until `persons` are on it."""
    case = demo_case()
    for i in range(persons - 30):
        naam, sector, ring = _MORE[i % len(_MORE)]
        case, _ = ops.add_person(case, naam if i < len(_MORE) else f"{naam} {i}", id=f"p-more-{i}", sector=sector,
                                 nabijheid=ring)
    return case


_NAMES = ("Anna", "Bram", "Carla", "Dirk", "Esra", "Fleur", "Gijs", "Hanna", "Ivo", "Jet", "Koen", "Lies",
          "Mees", "Nina", "Otto", "Pien", "Quinten", "Roos", "Sem", "Tess", "Ugur", "Vera", "Wout", "Xena",
          "Yara", "Zeno", "Ayla", "Boaz", "Cato", "Daan", "Evi", "Finn", "Gwen", "Hugo", "Isa", "Jip",
          "Kiki", "Lars", "Maud", "Noah", "Olaf", "Puck", "Rik", "Sara", "Tim", "Uma", "Vince", "Wies")


def _with_people(spots: list[tuple[str, str]]):
    """Sam and one person per (sector, ring) of `spots`, named from _NAMES, ids p0, p1, ..."""
    case = parse_case({"schema_version": SCHEMA_VERSION, "id": "c-lopsided", "klant_id": "p-sam", "fase": "netwerkatlas",
                       "personen": [{"id": "p-sam", "naam": "Sam", "rol": "ik"}]})
    for i, (sector, ring) in enumerate(spots):
        case, _ = ops.add_person(case, _NAMES[i % len(_NAMES)], id=f"p{i}", sector=sector, nabijheid=ring)
    return case


def _lopsided_spots(persons: int) -> list[tuple[str, str]]:
    spots = ([("familie", "heel_dichtbij")] * (persons * 2 // 5) + [("familie", "dichtbij")] * (persons * 3 // 10))
    rest = [("vrienden_kennissen", "dichtbij"), ("hulpverlening", "verder_weg"), ("buren_buurt", "dichtbij"),
            ("school_werk_vrije_tijd", "verder_weg"), ("familie", "verder_weg"), ("hulpverlening", "dichtbij")]
    return spots + [rest[i % len(rest)] for i in range(persons - len(spots))]


def lopsided(persons: int = 40):
    """Most people in two inner cells of one sector: a big family close by, a few others elsewhere."""
    return _with_people(_lopsided_spots(persons))


def random_spread(persons: int, seed: int, family_share: float):
    """`persons` on the map at random: each in the two inner family cells with chance `family_share`,
    else in any cell."""
    rng = random.Random(seed)
    spots = []
    for _ in range(persons):
        if rng.random() < family_share:
            spots.append(("familie", rng.choice(NABIJHEDEN[:2])))
        else:
            spots.append((rng.choice(SECTORS), rng.choice(NABIJHEDEN)))
    return _with_people(spots)
