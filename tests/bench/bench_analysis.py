"""Benchmark of the analysis layer (layout, figures, diff) under CPython.

    python3 tests/bench/bench_analysis.py     (also run by `python3 build.py bench`)

Prints best-of-N CPU milliseconds and, for the layout, how many label/marker overlaps remain. Not part
of the app; unit tests check behaviour, this script checks speed (the browser is a few times slower).
"""
from __future__ import annotations

import functools
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "py"))

from snv.analysis import layout as L
from snv.analysis.diff import diff_maps
from snv.analysis.figures import compute_figures, sentences
from snv.analysis.genogram import genogram
from snv.analysis.timeline import lay_out, order_events
from snv.model import case as case_module
from snv.model import ops
from snv.model.demo import big_case
from snv.model.case import NABIJHEDEN, SECTORS
from snv.model.load import new_case

_NAMES = ["Marieke", "Oom Henk", "Tante Ria", "Buurvrouw Els", "Juf Annemarie", "Sam", "Jan", "Fatima",
          "Mohamed", "Kees de Vries", "Anna", "Opa Piet", "Oma Truus", "Coach Dennis", "Lisa", "Bram", "Noor",
          "Ahmed", "Ellen van Dijk", "Ruben", "Sanne", "Thomas", "Wendy", "Yusuf", "Eva", "Daan", "Femke"]


def build(counts: dict, seed: int = 0):
    rnd = random.Random(seed)
    case = new_case("Sam")
    i = 0
    for (sector, nabijheid), k in counts.items():
        for _ in range(k):
            case, pid = ops.add_person(case, f"{_NAMES[i % len(_NAMES)]}{'' if i < len(_NAMES) else f' {i}'}",
                                       sector=sector, nabijheid=nabijheid, id=f"p{i:03d}",
                                       interesses=[rnd.choice(["vissen", "koken", "voetbal", "muziek"])])
            if i and rnd.random() < 0.5:
                case = ops.set_band(case, pid, f"p{rnd.randrange(i):03d}")
            case = ops.set_quality(case, pid, rnd.choice(["goed", "neutraal", "moeizaam", "conflict", None]))
            if rnd.random() < 0.5:
                case = ops.set_support(case, pid, "zorg", rnd.choice(["krijgt", "geeft", "wederzijds"]))
            i += 1
    return case


def _random_counts(n: int, seed: int) -> dict:
    rnd = random.Random(seed)
    counts: dict = {}
    for _ in range(n):
        cell = (rnd.choice(SECTORS), rnd.choice(NABIJHEDEN))
        counts[cell] = counts.get(cell, 0) + 1
    return counts


def best_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times) * 1000


def main() -> None:
    spread = {(s, n): 4 for s in SECTORS for n in NABIJHEDEN}
    skewed = {("familie", n): k for n, k in zip(NABIJHEDEN, (6, 9, 10))}
    skewed.update({(s, n): 3 for s in SECTORS[1:] for n in NABIJHEDEN})
    skewed[("hulpverlening", "verder_weg")] = 2
    configs = {"60 spread": spread, "60 skewed": skewed,
               "500 (33 per cell)": {(s, n): 33 for s in SECTORS for n in NABIJHEDEN}}
    for name, counts in configs.items():
        case = build(counts)
        state = ops.map_state(case)
        placed = L.layout_map(state, case.klant_id)
        print(f"layout {name:>20}: {best_ms(functools.partial(L.layout_map, state, case.klant_id)):7.1f} ms, "
              f"{len(placed)} placed, {len(L.overlaps(placed.values()))} overlaps")
    worst, total, clean = 0.0, 0.0, 0
    for seed in range(20):
        case = build(_random_counts(60, seed), seed)
        state = ops.map_state(case)
        ms = best_ms(functools.partial(L.layout_map, state, case.klant_id), 2)
        worst, total = max(worst, ms), total + ms
        clean += not L.overlaps(L.layout_map(state, case.klant_id).values())
    print(f"layout 60 random cells x20: avg {total / 20:.1f} ms, worst {worst:.1f} ms, "
          f"{clean}/20 without overlap (random cells can hold 8+ people in one inner cell)")
    case = build(spread)
    print(f"figures + sentences (60): {best_ms(lambda: sentences(compute_figures(case))):7.1f} ms")
    old = ops.map_state(case)
    new = ops.map_state(ops.move_person(ops.remove_person(case, 'p001'), 'p002', 'familie', 'heel_dichtbij'))
    print(f"diff + lines (60):        {best_ms(lambda: diff_maps(old, new).lines()):7.1f} ms")
    big = big_case(2000)
    check = functools.partial(case_module._check_integrity, big)  # the check itself (check_integrity remembers)
    move = functools.partial(ops.move_person, big, "p1", "familie", "dichtbij")
    print(f"whole-case check (2,000 persons, {len(big.banden)} ties): {best_ms(check):7.1f} ms, "
          f"move_person incl. check {best_ms(move):7.1f} ms")
    family = big_case(100)
    print(f"genogram (~60 relatives, 4 generations): {best_ms(lambda: genogram(family)):7.1f} ms")
    events = big_case(500)
    print(f"timeline order + lay-out (500 events): "
          f"{best_ms(lambda: lay_out(order_events(events.gebeurtenissen, events.klant.geboortejaar), slot_w=144, marker_w=60, group_marker_w=92)):7.1f} ms")


if __name__ == "__main__":
    main()
