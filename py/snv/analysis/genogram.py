"""Automatic layout of the familiekaart (genogram): who is on it, which row, which x.

Pure and deterministic: the same family always gives the same picture. Rows are generations (client
row 0, parents −1, children +1); partners share a row and sit side by side (a person with two
partners between them); children hang under the parents they share (half-siblings under the couple
or the single parent they share), in birth order (geboortejaar, unknown last, then list order),
oldest left. A child's *anchor* is the set of its parents that are not stief (at most two, the first
ones in the list); a step-parent and any further parent get an extra line (`extra`).

Who is on the map: the client plus everyone connected to the client through `ouder_kind` and
`partners` (the connected family component). Pets (soort huisdier) are left out.

How: (1) generations by constraint relaxation (a child at least one row below each parent,
partners on the same row); (2) the order in each row by a few barycenter sweeps over partner chains
(the partner component in a row, kept together), with birth order among siblings restored after each
sweep; (3) x by alternating up/down passes, each row solved exactly with isotonic regression (pool
adjacent violators) under the minimum spacing, so no two symbols ever overlap.

Coordinates are in drawing units: symbol centres, SPACING apart at least, ROW_H between rows.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Optional

SPACING = 130.0  # minimum centre distance of two symbols in a row (room for their labels)
CHAIN_GAP = 30.0  # extra room between two families (partner chains) in a row
ROW_H = 170.0  # distance between two generation rows
SYMBOL = 44.0  # symbol size (square side, circle diameter)
MARGIN = 90.0  # room around the drawing (labels stick out below and beside)
_PASSES = 6


@dataclass(frozen=True)
class Node:
    pid: str
    x: float
    y: float
    gen: int  # generation: client 0, parents -1, children +1


@dataclass(frozen=True)
class Unit:
    """Parents (1 or 2, left to right) and their children under them in birth order."""
    parents: tuple[str, ...]
    children: tuple[str, ...]
    twins: tuple[tuple[str, ...], ...]  # groups of ≥ 2 children born the same year (drawn from one point)


@dataclass(frozen=True)
class Couple:
    a: str  # left
    b: str  # right
    status: str
    adjacent: bool  # nothing between them in the row: a straight line at symbol height


@dataclass(frozen=True)
class Genogram:
    nodes: dict[str, Node]
    units: tuple[Unit, ...]
    couples: tuple[Couple, ...]
    kinds: dict[tuple[str, str], str]  # (parent, child) -> soort
    extra: tuple[tuple[str, str, str], ...]  # (parent, child, soort) drawn apart from the anchor unit
    rows: tuple[tuple[str, ...], ...]  # persons per row, top to bottom, left to right
    width: float
    height: float
    top_gen: int = 0
    unconnected: tuple[str, ...] = field(default=())  # familie persons not (yet) on the map


# ----- input -----

def _birth_key(p, index: int) -> tuple:
    jaar = p.geboortejaar
    return (jaar is None, jaar or 0, index)


def family_component(case) -> set[str]:
    """The client and everyone connected to the client through parent–child and partner links
    (pets left out)."""
    people = {p.id: p for p in case.personen if p.soort != "huisdier"}
    adj: dict[str, list[str]] = {}
    for ok in case.ouder_kind:
        if ok.ouder in people and ok.kind in people:
            adj.setdefault(ok.ouder, []).append(ok.kind)
            adj.setdefault(ok.kind, []).append(ok.ouder)
    for pr in case.partners:
        if pr.a in people and pr.b in people:
            adj.setdefault(pr.a, []).append(pr.b)
            adj.setdefault(pr.b, []).append(pr.a)
    seen = {case.klant_id}
    stack = [case.klant_id]
    while stack:
        for nxt in adj.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def unconnected_family(case, on_map: Optional[set] = None) -> list[str]:
    """Persons with sector familie who are not on the familiekaart yet (no pets, not the client)."""
    on_map = family_component(case) if on_map is None else on_map
    return [p.id for p in case.personen
            if p.sector == "familie" and p.soort != "huisdier" and p.id not in on_map]


def layout_key(case) -> tuple:
    """Everything the layout reads (names do not matter: labels have a fixed room)."""
    return (case.klant_id,
            tuple((p.id, p.geboortejaar, p.soort, p.sector) for p in case.personen),
            tuple((o.ouder, o.kind, o.soort) for o in case.ouder_kind),
            tuple((r.a, r.b, r.status) for r in case.partners))


_CACHE: dict = {}
_CACHE_MAX = 8
_LAST: list = [None, None]  # [weakref to the last case, its layout]


def cached_genogram(case) -> Genogram:
    """genogram(case), reused for the same case object and while its input is unchanged."""
    last, hit = _LAST
    if last is not None and last() is case:
        return hit
    key = layout_key(case)
    hit = _CACHE.get(key)
    if hit is None:
        hit = genogram(case)
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = hit
    try:
        _LAST[:] = [weakref.ref(case), hit]
    except TypeError:  # pragma: no cover - objects without weak references
        pass
    return hit


# ----- the layout -----

def genogram(case) -> Genogram:
    members = family_component(case)
    order = {p.id: i for i, p in enumerate(case.personen)}
    people = {p.id: p for p in case.personen if p.id in members}
    parents: dict[str, list[tuple[str, str]]] = {}  # child -> [(parent, soort)] in list order
    children: dict[str, list[str]] = {}
    kinds: dict[tuple[str, str], str] = {}
    for ok in case.ouder_kind:
        if ok.ouder in people and ok.kind in people and (ok.ouder, ok.kind) not in kinds:
            parents.setdefault(ok.kind, []).append((ok.ouder, ok.soort))
            children.setdefault(ok.ouder, []).append(ok.kind)
            kinds[(ok.ouder, ok.kind)] = ok.soort
    partner_list: list[tuple[str, str, str]] = []
    seen_pairs: set = set()
    for pr in case.partners:
        key = frozenset((pr.a, pr.b))
        if pr.a in people and pr.b in people and pr.a != pr.b and key not in seen_pairs:
            seen_pairs.add(key)
            partner_list.append((pr.a, pr.b, pr.status))

    gen = _generations(case.klant_id, people, parents, children, partner_list, order)

    # anchors: the non-step parents (at most two) a child hangs under
    anchor: dict[str, tuple[str, ...]] = {}
    extra: list[tuple[str, str, str]] = []
    for kid, plist in parents.items():
        main = [p for p, s in plist if s != "stief"] or [p for p, _ in plist]
        main = main[:2]
        anchor[kid] = tuple(main)
        extra.extend((p, kid, s) for p, s in plist if p not in main)

    partners_of: dict[str, list[str]] = {}
    for a, b, _ in partner_list:
        if gen[a] == gen[b]:
            partners_of.setdefault(a, []).append(b)
            partners_of.setdefault(b, []).append(a)

    rows_gen = sorted({gen[p] for p in people})
    top = rows_gen[0]
    row_members: dict[int, list[str]] = {g: [] for g in rows_gen}
    for pid in sorted(people, key=lambda q: order[q]):
        row_members[gen[pid]].append(pid)

    # children per anchor set, in birth order
    unit_kids: dict[tuple[str, ...], list[str]] = {}
    for kid in sorted(anchor, key=lambda k: _birth_key(people[k], order[k])):
        unit_kids.setdefault(tuple(sorted(anchor[kid], key=lambda q: order[q])), []).append(kid)
    rank = {kid: i for kids in unit_kids.values() for i, kid in enumerate(kids)}
    unit_of = {kid: tuple(sorted(a, key=lambda q: order[q])) for kid, a in anchor.items()}

    chains = {g: _chains(row_members[g], partners_of) for g in rows_gen}
    xs: dict[str, float] = {}
    for g in rows_gen:
        _pack(chains[g], xs)

    # (2) order: barycenter sweeps over chains
    for _ in range(3):
        for g in rows_gen[1:]:
            chains[g] = _sort_down(chains[g], xs, unit_of, rank, gen)
            _pack(chains[g], xs)
        for g in reversed(rows_gen[:-1]):
            chains[g] = _sort_up(chains[g], xs, children, gen)
            _pack(chains[g], xs)
    for g in rows_gen[1:]:
        chains[g] = _sort_down(chains[g], xs, unit_of, rank, gen)
        _pack(chains[g], xs)

    # (3) x: alternating passes, each row solved exactly under its order and spacing
    row_order = {g: [p for c in chains[g] for p in c] for g in rows_gen}
    has_kids = {p for p in people if any(gen[k] == gen[p] + 1 for k in children.get(p, ()))}
    gaps = {g: _gaps(chains[g]) for g in rows_gen}
    sizes = {g: [len(c) for c in chains[g]] for g in rows_gen}
    for i in range(_PASSES):
        for g in reversed(rows_gen[:-1]):
            _place_up(row_order[g], gaps[g], xs, children, gen, partners_of, sizes[g])
        for g in rows_gen[1:]:
            _place_down(row_order[g], gaps[g], xs, unit_of, unit_kids, partners_of, weight_free=0.05 + 0.1 * i,
                        has_kids=has_kids, sizes=sizes[g])

    min_x = min(xs.values())
    nodes = {pid: Node(pid, round(xs[pid] - min_x + MARGIN, 1), round((gen[pid] - top) * ROW_H + MARGIN, 1),
                       gen[pid] - gen[case.klant_id])
             for pid in people}
    width = max(n.x for n in nodes.values()) + MARGIN
    height = (rows_gen[-1] - top) * ROW_H + 2 * MARGIN

    units = []
    for par, kids in unit_kids.items():
        par_sorted = tuple(sorted(par, key=lambda q: nodes[q].x))
        kids_sorted = tuple(sorted(kids, key=lambda k: nodes[k].x))
        years: dict = {}
        for k in kids_sorted:
            if people[k].geboortejaar is not None:
                years.setdefault(people[k].geboortejaar, []).append(k)
        twins = tuple(tuple(v) for v in years.values()
                      if len(v) > 1 and nodes[v[-1]].x - nodes[v[0]].x <= 1.6 * SPACING * (len(v) - 1) + 1)
        units.append(Unit(par_sorted, kids_sorted, twins))
    index = {pid: i for g in rows_gen for i, pid in enumerate(row_order[g])}
    couples = []
    for a, b, status in partner_list:
        if nodes[a].x > nodes[b].x:
            a, b = b, a
        adjacent = gen[a] == gen[b] and abs(index[a] - index[b]) == 1
        couples.append(Couple(a, b, status, adjacent))
    rows = tuple(tuple(sorted(row_members[g], key=lambda q: nodes[q].x)) for g in rows_gen)
    return Genogram(nodes=nodes, units=tuple(units), couples=tuple(couples), kinds=kinds, extra=tuple(extra),
                    rows=rows, width=width, height=height, top_gen=top - gen[case.klant_id],
                    unconnected=tuple(unconnected_family(case, members)))


def _generations(klant: str, people: dict, parents: dict, children: dict, partner_list: list,
                 order: dict) -> dict[str, int]:
    """Row of each person: breadth-first from the client, then relaxed until every child is at least one
    row below each parent and partners share a row (partners give way if both cannot hold)."""
    adj: dict[str, list[tuple[str, int]]] = {}
    for kid, plist in parents.items():
        for par, _ in plist:
            adj.setdefault(kid, []).append((par, -1))
            adj.setdefault(par, []).append((kid, 1))
    for a, b, _ in partner_list:
        adj.setdefault(a, []).append((b, 0))
        adj.setdefault(b, []).append((a, 0))
    gen = {klant: 0}
    queue = [klant]
    for pid in queue:
        for nxt, step in adj.get(pid, ()):
            if nxt not in gen:
                gen[nxt] = gen[pid] + step
                queue.append(nxt)
    for pid in people:  # not reachable (cannot happen for the component); keep total
        gen.setdefault(pid, 0)
    edges = [(par, kid) for kid, plist in parents.items() for par, _ in plist]
    start = dict(gen)
    active = list(partner_list)
    while True:
        gen = dict(start)
        culprit = None  # the last partner link that moved someone
        for _it in range(2 * len(people) + 4):
            changed = False
            for par, kid in edges:
                if gen[kid] < gen[par] + 1:
                    gen[kid] = gen[par] + 1
                    changed = True
            for i, (a, b, _) in enumerate(active):
                if gen[a] != gen[b]:
                    gen[a] = gen[b] = max(gen[a], gen[b])
                    changed = True
                    culprit = i
            if not changed:
                return gen
        # contradictory links (a partner in a generation their family cannot reach, so rows keep being
        # pushed down): that partner link gives way; children always stay below their parents
        if culprit is None:  # pragma: no cover - parent links alone always settle (no cycles)
            return gen
        del active[culprit]


def _chains(members: list[str], partners_of: dict) -> list[list[str]]:
    """The partner components of a row as sequences: a path when the component is one (a person with
    two partners sits between them), else depth-first order."""
    in_row = set(members)
    done: set = set()
    out = []
    for pid in members:
        if pid in done:
            continue
        comp = [pid]
        done.add(pid)
        for q in comp:
            for r in partners_of.get(q, ()):
                if r in in_row and r not in done:
                    done.add(r)
                    comp.append(r)
        if len(comp) > 1:
            deg = {q: sum(1 for r in partners_of.get(q, ()) if r in in_row) for q in comp}
            start = next((q for q in comp if deg[q] == 1), comp[0])
            seq, seen = [], set()
            stack = [start]
            while stack:
                q = stack.pop()
                if q in seen:
                    continue
                seen.add(q)
                seq.append(q)
                nxt = [r for r in partners_of.get(q, ()) if r in in_row and r not in seen]
                stack.extend(reversed(sorted(nxt, key=lambda r: deg[r])))
            comp = seq
        out.append(comp)
    return out


def _gaps(chains: list[list[str]]) -> list[float]:
    """Minimum distance from each person to the next one in the row."""
    gaps = []
    for ci, c in enumerate(chains):
        for i in range(len(c)):
            last = i == len(c) - 1
            if last and ci == len(chains) - 1:
                continue
            gaps.append(SPACING + (CHAIN_GAP if last else 0.0))
    return gaps


def _pack(chains: list[list[str]], xs: dict) -> None:
    x = 0.0
    for c in chains:
        for pid in c:
            xs[pid] = x
            x += SPACING
        x += CHAIN_GAP


def _mean(values: list[float]) -> Optional[float]:
    return sum(values) / len(values) if values else None


def _sort_down(chains: list, xs: dict, unit_of: dict, rank: dict, gen: dict) -> list:
    """Order a row's chains under their parents; orient each chain so in-laws do not cross; then put
    the siblings of each unit back in birth order."""
    keyed = []
    for pos, c in enumerate(chains):
        pxs = []
        for i, pid in enumerate(c):
            par = [q for q in unit_of.get(pid, ()) if gen[q] == gen[pid] - 1]
            if par:
                pxs.append((i, sum(xs[q] for q in par) / len(par)))
        if len(pxs) >= 2:  # orientation: the member with parents further left goes left
            n = len(pxs)
            mi = sum(i for i, _ in pxs) / n
            mx = sum(x for _, x in pxs) / n
            if sum((i - mi) * (x - mx) for i, x in pxs) < 0:
                c = list(reversed(c))
        key = _mean([x for _, x in pxs])
        keyed.append([key, pos, c])
    _fill_missing(keyed, xs)
    keyed.sort(key=lambda k: (k[0], k[1]))
    result = [k[2] for k in keyed]
    return _birth_order(result, unit_of, rank)


def _fill_missing(keyed: list, xs: dict) -> None:
    """Chains without a key keep their current place (their current x)."""
    for k in keyed:
        if k[0] is None:
            k[0] = _mean([xs[p] for p in k[2]]) or 0.0


def _birth_order(chains: list, unit_of: dict, rank: dict) -> list:
    """Within each unit, the chains holding its children take the slots they hold, in birth order."""
    for _ in range(2):
        by_unit: dict = {}
        for pos, c in enumerate(chains):
            for pid in c:
                if pid in unit_of:
                    by_unit.setdefault(unit_of[pid], []).append((pos, rank[pid]))
        changed = False
        for entries in by_unit.values():
            if len(entries) < 2:
                continue
            slots = sorted({pos for pos, _ in entries})
            if len(slots) != len(entries):
                continue  # two siblings in one chain (they married each other's…): leave it
            wanted = [pos for pos, _ in sorted(entries, key=lambda e: e[1])]
            if wanted != slots:
                moved = [chains[p] for p in wanted]
                for slot, c in zip(slots, moved):
                    chains[slot] = c
                changed = True
        if not changed:
            break
    return chains


def _sort_up(chains: list, xs: dict, children: dict, gen: dict) -> list:
    keyed = []
    for pos, c in enumerate(chains):
        kx = [xs[k] for pid in c for k in children.get(pid, ()) if gen[k] == gen[pid] + 1]
        keyed.append([_mean(kx), pos, c])
    _fill_missing(keyed, xs)
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [k[2] for k in keyed]


def _place_row(row: list[str], gaps: list[float], desired: dict, weights: dict, xs: dict,
               sizes: Optional[list[int]] = None) -> None:
    """x for each person in `row` (fixed order) with at least gaps[i] between neighbours, closest to
    the desired x in the weighted least-squares sense (isotonic regression, pool adjacent violators).
    `sizes`: the row's partner chains, in order (each kept rigid)."""
    if not row:
        return
    offset = [0.0]
    for g in gaps:
        offset.append(offset[-1] + g)
    blocks: list[list[float]] = []  # [weighted sum, weight]
    counts: list[int] = []  # persons in each block
    i = 0
    for size in sizes or [1] * len(row):
        # a partner chain is one block from the start: partners stay exactly side by side
        sw = sy = 0.0
        for pid in row[i:i + size]:
            w = weights.get(pid, 0.01)
            sy += (desired.get(pid, xs[pid]) - offset[i]) * w
            sw += w
            i += 1
        blocks.append([sy, sw])
        counts.append(size)
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, w2 = blocks.pop()
            n = counts.pop()
            blocks[-1][0] += s
            blocks[-1][1] += w2
            counts[-1] += n
    i = 0
    for (s, w), n in zip(blocks, counts):
        v = s / w
        for _ in range(n):
            xs[row[i]] = v + offset[i]
            i += 1


def _place_up(row: list, gaps: list, xs: dict, children: dict, gen: dict, partners_of: dict,
              sizes: list[int]) -> None:
    """Parents over the middle of their children."""
    desired: dict[str, float] = {}
    weights: dict[str, float] = {}
    pos = {p: i for i, p in enumerate(row)}
    for pid in row:
        kids = [k for k in children.get(pid, ()) if gen[k] == gen[pid] + 1]
        if not kids:
            continue
        # children shared with a partner beside: the couple's middle goes over them, so this one sits half
        # a step to its side of that middle
        wants = []
        for k in kids:
            co = [q for q in partners_of.get(pid, ()) if q in pos and k in children.get(q, ())]
            side = 0.0
            if co:
                side = SPACING / 2 * (1 if pos[pid] > pos[co[0]] else -1)
            wants.append(xs[k] + side)
        desired[pid] = sum(wants) / len(wants)
        weights[pid] = 1.0
    for pid in row:  # a partner without children of their own stays beside the other
        if pid not in desired:
            near = [q for q in partners_of.get(pid, ()) if q in desired and q in pos]
            if near:
                q = near[0]
                desired[pid] = desired[q] + SPACING * (1 if pos[pid] > pos[q] else -1)
                weights[pid] = 0.3
    _place_row(row, gaps, desired, weights, xs, sizes)


def _place_down(row: list, gaps: list, xs: dict, unit_of: dict, unit_kids: dict, partners_of: dict,
                weight_free: float, has_kids: set, sizes: list[int]) -> None:
    """Children under their parents, as a group centred under the couple. Someone with children of
    their own moves only a little that way: staying over their own children (the up pass) matters more,
    or a whole branch would be squeezed under its grandparents."""
    desired: dict[str, float] = {}
    weights: dict[str, float] = {}
    pos = {p: i for i, p in enumerate(row)}
    for pid in row:
        unit = unit_of.get(pid)
        if not unit or any(q not in xs for q in unit):
            continue
        kids = [k for k in unit_kids[unit] if k in pos]
        if not kids:
            continue
        kids.sort(key=lambda k: pos[k])
        centre = sum(xs[q] for q in unit) / len(unit)
        i = kids.index(pid)
        target = centre + (i - (len(kids) - 1) / 2) * SPACING
        desired[pid] = 0.2 * target + 0.8 * xs[pid] if pid in has_kids else target
        weights[pid] = 1.0
    for pid in row:
        if pid not in desired:
            near = [q for q in partners_of.get(pid, ()) if q in desired and q in pos]
            if near:
                q = near[0]
                desired[pid] = desired[q] + SPACING * (1 if pos[pid] > pos[q] else -1)
                weights[pid] = 0.5
            else:
                weights[pid] = weight_free
    _place_row(row, gaps, desired, weights, xs, sizes)
