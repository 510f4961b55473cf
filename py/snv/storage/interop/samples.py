"""Synthetic files of other programs, for the benchmark (tests/bench/, ui/bench.py) and tests: an easyNWK
save file with `n` people and a GEDCOM tree with `n` individuals (families, sources and notes as real
trees have them). Same `n` and `seed` → same bytes. Names are made up."""
from __future__ import annotations

import json
import random

_FIRST = ["Anna", "Bram", "Cem", "Daan", "Eva", "Fatima", "Gert", "Hanna", "Ilse", "Joris", "Karin", "Lars", "Mila",
          "Noor", "Omar", "Petra", "Ruben", "Sanne", "Tim", "Yara"]
_LAST = ["Bakker", "de Vries", "Jansen", "Smit", "Visser", "Yilmaz", "el Amrani", "van Dijk", "Mulder", "de Boer"]
_ROLES = ["Mutter", "Vater", "Schwester", "Bruder", "Freund*in", "Nachbar*in", "Kolleg*in", "Ärzt*in", "Tante", "Onkel"]


def easynwk_sample(n: int, seed: int = 1, versions: int = 1) -> bytes:
    """An easyNWK record: `versions` versions of a network of `n` people with lines and support."""
    rng = random.Random(seed)
    alteri = []
    for i in range(1, n + 1):
        alteri.append({
            "id": i, "name": f"{rng.choice(_FIRST)} {i}", "role": rng.choice(_ROLES), "roleDefault": False,
            "human": rng.random() > 0.02, "currentGender": rng.choice(["weiblich", "männlich", "divers"]),
            "genderDefault": False, "age": str(rng.randint(5, 90)), "note": "", "deceased": rng.random() < 0.05,
            "edgeType": rng.choice([0, 1, 1, 2]), "edgeTypeDefault": False, "edgeTypeByUser": 1,
            "angle": rng.uniform(-180, 180), "distance": rng.uniform(1, 100), "emoji": "", "conflict": rng.random() < 0.05,
            "supportEmotional": rng.choice([0, 0, 1, 2, 3]), "supportCognitive": rng.choice([0, 0, 2]),
            "supportSocial": rng.choice([0, 3]), "supportMaterial": 0, "supportPractical": rng.choice([0, 0, 1]),
        })
    connections = []
    seen: set = set()
    for _ in range(2 * n):
        a, b = rng.randint(1, n), rng.randint(1, n)
        if a != b and frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            connections.append({"id1": a, "id2": b})
    nwk = {"ego": {"name": "Jonas", "age": "30", "currentGender": "männlich", "note": ""}, "alteri": alteri,
           "connections": connections}
    record = {"versions": [{"id": v, "title": f"Version {v}", "date": f"2024-0{v % 9 + 1}-01", "nwk": nwk}
                           for v in range(1, versions + 1)], "currentVersion": versions}
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def gedcom_sample(n: int, seed: int = 1) -> bytes:
    """A GEDCOM 5.5.1 tree of `n` individuals in couples and generations (the first is a child of the
    last generation), with a source per individual and a shared note."""
    rng = random.Random(seed)
    lines = ["0 HEAD", "1 SOUR BENCH", "1 GEDC", "2 VERS 5.5.1", "2 FORM LINEAGE-LINKED", "1 CHAR UTF-8"]
    fams: list[tuple[int, int, list[int]]] = []  # (husband, wife, children)
    famc: dict[int, int] = {}
    fams_of: dict[int, list[int]] = {}
    # later individuals are the older generations: individual i's parents are two of i+1 … n
    i = 1
    next_parent = 2
    while next_parent + 1 <= n and i < next_parent:
        husb, wife = next_parent, next_parent + 1
        next_parent += 2
        kids = [i] + ([i + 1] if i + 1 < husb and rng.random() < 0.5 else [])
        fams.append((husb, wife, kids))
        for k in kids:
            famc[k] = len(fams)
        fams_of.setdefault(husb, []).append(len(fams))
        fams_of.setdefault(wife, []).append(len(fams))
        i += len(kids)
    for k in range(1, n + 1):
        lines += [f"0 @I{k}@ INDI", f"1 NAME {rng.choice(_FIRST)} /{rng.choice(_LAST)}/",
                  f"1 SEX {'M' if k % 2 == 0 else 'F'}", "1 BIRT",
                  f"2 DATE {rng.choice(['', 'ABT ', 'BEF ', 'EST '])}{rng.randint(1700, 2020)}", "2 SOUR @S1@"]
        if rng.random() < 0.3:
            lines += ["1 DEAT", f"2 DATE BET {rng.randint(1750, 1990)} AND {rng.randint(1991, 2020)}"]
        if k in famc:
            lines += [f"1 FAMC @F{famc[k]}@"] + (["2 PEDI adopted"] if rng.random() < 0.03 else [])
        lines += [f"1 FAMS @F{f}@" for f in fams_of.get(k, [])]
        lines += ["1 NOTE Een notitie die over", "2 CONC  twee regels gaat."]
    for f, (husb, wife, kids) in enumerate(fams, 1):
        lines += [f"0 @F{f}@ FAM", f"1 HUSB @I{husb}@", f"1 WIFE @I{wife}@", "1 MARR", "2 DATE 1900"]
        lines += [f"1 CHIL @I{k}@" for k in kids]
    lines += ["0 @S1@ SOUR", "1 TITL Bevolkingsregister", "0 @N1@ NOTE Gedeelde notitie", "0 TRLR"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
