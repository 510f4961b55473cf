"""Relatiekaart geometry and automatic placement (snv.analysis.layout)."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import random
import re
from pathlib import Path

import pytest

from snv.analysis import layout as L
from snv.model import ops
from snv.model.case import NABIJHEDEN, SECTORS
from snv.model.demo import big_case, demo_case
from snv.model.load import new_case

from map_cases import lopsided

NAMES = [
    "Marieke", "Oom Henk", "Tante Ria", "Buurvrouw Els", "Juf Annemarie", "Sam", "Jan", "Fatima",
    "Mohamed", "Kees de Vries", "Anna", "Opa Piet", "Oma Truus", "Coach Dennis", "Lisa", "Bram", "Noor",
    "Ahmed", "Ellen van Dijk", "Ruben", "Sanne", "Thomas", "Wendy", "Yusuf", "Eva", "Daan", "Femke",
    "Gerrit", "Hanna", "Ingrid", "Joris", "Karin", "Lotte", "Meester Bas", "Nina", "Olga", "Peter",
    "Rachida", "Stefan", "Tom", "Ursula", "Vincent", "Willem", "Xandra", "Yara", "Zeynep", "Arjen",
    "Bianca", "Chantal", "Dirk", "Esther", "Frank", "Gijs", "Henk-Jan", "Iris", "Jeroen", "Kim",
    "Linda", "Martijn", "Nadia",
]


def make_case(counts: dict, names=NAMES):
    """A case with counts[(sector, nabijheid)] persons per cell, plus the client in the centre."""
    case = new_case("Sam")
    i = 0
    for (sector, nabijheid), k in counts.items():
        for _ in range(k):
            name = names[i % len(names)] + ("" if i < len(names) else f" {i}")
            case, _ = ops.add_person(case, name, sector=sector, nabijheid=nabijheid, id=f"p{i:03d}")
            i += 1
    return case


def spread_60() -> dict:
    """12 per sector, 4 per cell."""
    return {(s, n): 4 for s in SECTORS for n in NABIJHEDEN}


def skewed_60() -> dict:
    """25 in familie (6 heel dichtbij, 9 dichtbij, 10 verder weg), 35 over the other sectors."""
    counts = {("familie", n): k for n, k in zip(NABIJHEDEN, (6, 9, 10))}
    for s in SECTORS[1:]:
        for n in NABIJHEDEN:
            counts[(s, n)] = 3
    counts[("hulpverlening", "verder_weg")] = 2
    assert sum(counts.values()) == 60
    return counts


def random_counts(n: int, seed: int) -> dict:
    rnd = random.Random(seed)
    counts: dict = {}
    for _ in range(n):
        cell = (rnd.choice(SECTORS), rnd.choice(NABIJHEDEN))
        counts[cell] = counts.get(cell, 0) + 1
    return counts


def layout(case, scale=None):
    return L.layout_map(ops.map_state(case), klant_id=case.klant_id, scale=scale)


# ----- independent checks (not using the module's own overlap helper) -----

def assert_inside_cell(p: L.Placed) -> None:
    geo = p.geo  # the shape of the map this person was placed on
    inner, outer = geo.ring_bounds(p.nabijheid)
    a0, a1 = geo.sector_angles(p.sector)
    dx, dy = p.x - geo.cx, p.y - geo.cy
    r = math.hypot(dx, dy)
    angle = math.degrees(math.atan2(dx, -dy)) % 360
    if a1 >= 360 and angle < 1e-9:
        angle = 360.0
    m = L.MARKER_MARGIN * p.scale  # the margin grows and shrinks with the marker
    assert inner + m - 1e-6 <= r <= outer - m + 1e-6, (p, r)
    assert a0 <= angle <= a1, (p, angle)
    # the marker circle keeps the margin from both straight borders of the slice (a border is a ray from
    # the centre: past 90 degrees its nearest point is the centre itself; a crowded slice may be that wide)
    for d in (angle - a0, a1 - angle):
        assert (r * math.sin(math.radians(d)) if d < 90 else r) >= m - 1e-6, p


def boxes_overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def collisions(placed: dict) -> list:
    ps = list(placed.values())
    out = []
    for i, a in enumerate(ps):
        for b in ps[i + 1:]:
            if math.hypot(a.x - b.x, a.y - b.y) < L.MARKER_R * (a.scale + b.scale):
                out.append(("marker", a.id, b.id))
            if boxes_overlap(L.label_box(a), L.label_box(b)):
                out.append(("label", a.id, b.id))
            if boxes_overlap(L.label_box(a), L.marker_box(b)) or boxes_overlap(L.label_box(b), L.marker_box(a)):
                out.append(("label_marker", a.id, b.id))
    return out


# ----- geometry -----

def test_geometry_rings_and_slices():
    geo = L.geometry()
    assert L.MAP_SIZE == 1000 and geo.centre == (500, 500)
    assert 60 <= geo.client_r <= 80
    inner = geo.client_r
    for n in NABIJHEDEN:  # rings follow each other outward without gaps
        r0, r1 = geo.ring_bounds(n)
        assert r0 == inner and r1 > r0
        inner = r1
    # the rings reach out to the rim band and the slice names, which stay inside the view box
    assert inner == geo.outer_r < geo.outer_r + L.RIM_W < geo.label_r < 500
    # the usual map: five equal slices, familie first, starting at the top and going clockwise
    assert geo.sector_angles("familie") == (0, 72)
    starts = [geo.sector_angles(s)[0] for s in SECTORS]
    assert starts == [0, 72, 144, 216, 288]
    assert all(geo.sector_angles(s)[1] - geo.sector_angles(s)[0] == 72 for s in SECTORS)


def test_polar_is_compass():
    x, y = L.polar(0, 100)
    assert (round(x, 6), round(y, 6)) == (500, 400)  # 0 = up
    x, y = L.polar(90, 100)
    assert (round(x, 6), round(y, 6)) == (600, 500)  # clockwise: 90 = right
    x, y = L.polar(180, 100)
    assert (round(x, 6), round(y, 6)) == (500, 600)


def test_locate_cells_disc_and_outside():
    for geo in (L.geometry(), L.map_geometry(layout(lopsided(40)))):  # the usual shape and a sized one
        assert geo.locate(500, 500) == (None, None)
        assert geo.locate(500, 500 - geo.client_r + 5) == (None, None)
        assert geo.locate(500, 500 - geo.outer_r - 5) == (None, None)
        assert geo.locate(0, 0) == (None, None)
        for s in SECTORS:
            a0, a1 = geo.sector_angles(s)
            for n in NABIJHEDEN:
                r0, r1 = geo.ring_bounds(n)
                assert geo.locate(*L.polar((a0 + a1) / 2, (r0 + r1) / 2)) == (s, n)
                assert geo.locate(*L.polar(a0 + 1, r0 + 1)) == (s, n)
                assert geo.locate(*L.polar(a1 - 1, r1 - 1)) == (s, n)
        assert geo.locate(*L.polar(1, 150)) == ("familie", "heel_dichtbij")
        assert geo.locate(*L.polar(359, 150)) == ("hulpverlening", "heel_dichtbij")


def test_annular_sector_path_follows_the_cell():
    geo = L.geometry()
    d = geo.annular_sector_path("vrienden_kennissen", "dichtbij")
    assert d.startswith("M") and d.endswith("Z") and d.count("A") == 2
    nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    # M x y A r r 0 0 1 x y L x y A r r 0 0 0 x y Z
    r0, r1 = geo.ring_bounds("dichtbij")
    assert nums[2] == nums[3] == r1 and nums[11] == nums[12] == r0
    points = [(nums[0], nums[1]), (nums[7], nums[8]), (nums[9], nums[10]), (nums[16], nums[17])]
    for (x, y), (angle, r) in zip(points, [(72, r1), (144, r1), (144, r0), (72, r0)]):
        ex, ey = L.polar(angle, r)
        assert abs(x - ex) < 0.06 and abs(y - ey) < 0.06
    whole = geo.annular_sector_path("familie")
    assert f"A{geo.outer_r:g} " in whole.replace(".0 ", " ") and f"A{geo.client_r:g} " in whole


def test_sector_and_ring_label_positions():
    for scale in L.TEXT_SCALES:
        geo = L.equal_geometry(scale)
        outer, label_r = L.rim(scale)
        assert geo.outer_r == outer and geo.label_r == label_r
        # the slice names (SECTOR_FONT × scale high) sit outside the rim band and inside the view box
        half = 0.55 * L.SECTOR_FONT * scale
        assert outer + L.RIM_W < label_r - half and label_r + half < 500
        for n in NABIJHEDEN:
            x, y = geo.ring_label_at(n, scale)
            assert x == 500 and geo.locate(x, y)[1] == n


# ----- labels -----

def test_label_text():
    assert L.label_text("Marieke") == "Marieke"
    assert L.label_text("  Oom \n Henk ") == "Oom Henk"
    long = L.label_text("Annemarie van den Berg-Smit")
    assert long == "Annemarie van…" and len(long) <= L.LABEL_MAX_CHARS + 1
    assert L.label_text("Abcdefghijklmnopq") == "Abcdefghijklmn…"
    assert L.label_text("") == "?"
    assert L.label_text("<script>") == "<script>"  # escaping is the renderer's job


def test_label_box_follows_anchor():
    base = dict(id="a", x=500.0, y=300.0, sector="familie", nabijheid="dichtbij", label="Abcd")
    w = L.LABEL_CHAR_W * 4
    mid = L.label_box(L.Placed(label_x=500, label_y=330, label_anchor="middle", **base))
    start = L.label_box(L.Placed(label_x=500, label_y=330, label_anchor="start", **base))
    end = L.label_box(L.Placed(label_x=500, label_y=330, label_anchor="end", **base))
    assert mid[0] == pytest.approx(500 - w / 2) and mid[2] == pytest.approx(500 + w / 2)
    assert start[0] == 500 and start[2] == pytest.approx(500 + w)
    assert end[2] == 500 and end[0] == pytest.approx(500 - w)
    assert mid[1] < 330 < mid[3]  # the box spans the baseline


def test_placed_is_frozen_with_agreed_fields():
    names = [f.name for f in dataclasses.fields(L.Placed)]
    assert names[:8] == ["id", "x", "y", "sector", "nabijheid", "label_x", "label_y", "label_anchor"]
    p = next(iter(layout(make_case({("familie", "dichtbij"): 1})).values()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 1  # type: ignore[misc]


# ----- placement -----

def test_only_persons_with_sector_and_ring_and_not_the_client():
    case = new_case("Sam")
    case, a = ops.add_person(case, "Anna", sector="familie", nabijheid="dichtbij")
    case, _ = ops.add_person(case, "Bert", sector="familie")  # no ring: not on the map
    case, _ = ops.add_person(case, "Cor", nabijheid="dichtbij")  # no slice: not on the map
    case, _ = ops.add_person(case, "Dini")
    case = ops.move_person(case, case.klant_id, "familie", "heel_dichtbij")  # odd data: client in a slice
    placed = L.layout_map(ops.map_state(case), klant_id=case.klant_id)
    assert list(placed) == [a]
    assert L.layout_map(ops.map_state(new_case("Sam"))) == {}
    p = placed[a]
    assert (p.sector, p.nabijheid, p.label) == ("familie", "dichtbij", "Anna")


@pytest.mark.parametrize("n,seed", [(1, 1), (2, 2), (3, 3), (5, 4), (8, 5), (13, 6), (21, 7), (34, 8),
                                    (45, 9), (60, 10), (60, 11), (60, 12)])
def test_every_marker_inside_its_cell_and_locate_agrees(n, seed):
    case = make_case(random_counts(n, seed))
    placed = layout(case)
    assert len(placed) == n
    for p in placed.values():
        assert_inside_cell(p)
        assert p.geo.locate(p.x, p.y) == (p.sector, p.nabijheid)
        assert p.label_anchor in ("middle", "start", "end")


def test_crowded_cell_and_500_persons_stay_inside():
    crowded = make_case({("buren_buurt", "heel_dichtbij"): 40})
    big = make_case({(s, n): 33 for s in SECTORS for n in NABIJHEDEN} | {("familie", "dichtbij"): 38})
    for case, n in ((crowded, 40), (big, 500)):
        placed = layout(case)
        assert len(placed) == n
        for p in placed.values():
            assert_inside_cell(p)
            assert p.geo.locate(p.x, p.y) == (p.sector, p.nabijheid)


@pytest.mark.parametrize("counts", [spread_60(), skewed_60()], ids=["spread", "skewed"])
def test_sixty_persons_without_overlap(counts):
    placed = layout(make_case(counts))
    assert len(placed) == 60
    assert collisions(placed) == []
    geo = L.geometry()
    for p in placed.values():
        x0, y0, x1, y1 = L.label_box(p)
        assert 0 <= x0 and x1 <= L.MAP_SIZE and 0 <= y0 and y1 <= L.MAP_SIZE
        # labels stay off the client disc
        nx, ny = min(max(geo.cx, x0), x1), min(max(geo.cy, y0), y1)
        assert math.hypot(nx - geo.cx, ny - geo.cy) >= geo.client_r


def test_few_persons_keep_label_below_and_spread_out():
    placed = layout(make_case({("familie", "verder_weg"): 3}), scale=1.0)
    assert all(p.label_anchor == "middle" and p.label_y > p.y for p in placed.values())
    xs = sorted(p.x for p in placed.values())
    assert xs[1] - xs[0] > 60 and xs[2] - xs[1] > 60


def test_long_names_do_not_overlap_either():
    long_names = [f"Heel lange naam {i} met meer" for i in range(20)]
    counts = {(s, n): 2 for s in SECTORS[:4] for n in NABIJHEDEN[1:]} | {("hulpverlening", "verder_weg"): 4}
    placed = layout(make_case(counts, names=long_names))
    assert all(p.label.endswith("…") for p in placed.values())
    assert collisions(placed) == []


def test_deterministic_and_independent_of_list_order():
    case = make_case(skewed_60())
    first = layout(case)
    assert layout(case) == first
    shuffled = list(case.personen)
    random.Random(3).shuffle(shuffled)
    again = L.layout_map(ops.map_state(case.model_copy(update={"personen": shuffled})), klant_id=case.klant_id)
    assert again == first


def test_adding_someone_elsewhere_leaves_a_quiet_cell_alone():
    case = make_case({("familie", "dichtbij"): 3, ("buren_buurt", "verder_weg"): 2})
    before = layout(case, scale=1.0)
    case, _ = ops.add_person(case, "Nieuw", sector="familie", nabijheid="dichtbij")
    after = layout(case, scale=1.0)
    for pid, p in before.items():
        if p.sector == "buren_buurt":
            assert after[pid] == p


# ----- size: small networks get bigger markers and names -----

@pytest.mark.parametrize("n,seed", [(3, 1), (8, 2), (13, 3), (21, 4), (34, 5)])
def test_small_networks_are_drawn_bigger_without_overlap(n, seed):
    placed = layout(make_case(random_counts(n, seed)))
    scale = L.text_scale(placed)
    assert scale in L.TEXT_SCALES
    if n <= 13:
        assert scale >= 1.4
    assert collisions(placed) == []
    for p in placed.values():
        assert p.scale == scale
        assert_inside_cell(p)
        assert p.geo.locate(p.x, p.y) == (p.sector, p.nabijheid)
        x0, y0, x1, y1 = L.label_box(p)
        assert math.hypot(max(abs(x0 - 500), abs(x1 - 500)), max(abs(y0 - 500), abs(y1 - 500))) < p.geo.label_r


def test_more_people_never_get_bigger_names():
    scales = [L.text_scale(layout(make_case(spread))) for spread in
              ({("familie", "dichtbij"): 2}, {(s, "dichtbij"): 2 for s in SECTORS}, spread_60())]
    assert scales == sorted(scales, reverse=True)
    # 60 persons need smaller names than a few (their map grows past the screen and pans)
    assert scales[0] == max(L.TEXT_SCALES) and scales[-1] < scales[0]


def test_crowded_cell_lowers_the_scale_for_the_whole_map():
    calm = layout(make_case({("familie", "dichtbij"): 2, ("buren_buurt", "verder_weg"): 2}))
    crowded = layout(make_case({("familie", "dichtbij"): 2, ("buren_buurt", "heel_dichtbij"): 9}))
    assert L.text_scale(crowded) < L.text_scale(calm)
    assert len({p.scale for p in crowded.values()}) == 1


def test_scaled_boxes_and_ring_names():
    p = L.Placed("p", 500, 300, "familie", "dichtbij", 500, 330, "middle", "Anna", 2.0)
    one = L.label_box(dataclasses.replace(p, scale=1.0))
    two = L.label_box(p)
    assert (two[2] - two[0]) == pytest.approx(2 * (one[2] - one[0]))
    assert (two[3] - two[1]) == pytest.approx(2 * (one[3] - one[1]))
    assert L.marker_box(p) == (500 - 2 * L.MARKER_R, 300 - 2 * L.MARKER_R, 500 + 2 * L.MARKER_R, 300 + 2 * L.MARKER_R)
    for n in NABIJHEDEN:
        for scale in L.TEXT_SCALES:
            geo = L.equal_geometry(scale)
            x, y = geo.ring_label_at(n, scale)
            inner, outer = geo.ring_bounds(n)
            # the name (font LABEL_FONT * scale) stays inside its own ring, at the top
            assert x == 500 and inner < 500 - y - L.LABEL_DESCENT * scale
            assert 500 - y + L.LABEL_ASCENT * scale < outer


@pytest.mark.parametrize("scale", [None, 1.0])
def test_deceased_note_line_is_reserved(scale):
    case = make_case({("familie", "dichtbij"): 7, ("familie", "verder_weg"): 5}, names=["Jo", "Bo", "Henk"])
    for p in list(case.personen):
        if p.id != case.klant_id:
            case = ops.update_person(case, p.id, overleden=True)
    placed = layout(case, scale)
    assert collisions(placed) == []
    for p in placed.values():
        assert p.note == "(overleden)"
        s = p.scale
        x0, y0, x1, y1 = L.label_box(p)
        assert x1 - x0 >= 11 * 0.55 * 11 * s - 0.01  # as wide as the note, wider than "Jo"
        assert y1 >= p.label_y + (L.NOTE_LINE + 2) * s  # the second line is inside the box
        if p.label_y < p.y:  # above the marker: the note sits between name and marker, not on it
            assert y1 <= p.y - L.MARKER_R * s
    plain = layout(make_case({("familie", "dichtbij"): 1}), 1.0)
    (one,) = plain.values()
    assert one.note == "" and L.label_box(one)[3] == pytest.approx(one.label_y + L.LABEL_DESCENT)


# ----- same placements as recorded (guards refactors of the layout package) -----

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "layout_golden.json"


def _golden_cases():
    demo = demo_case()
    yield "demo", ops.map_state(demo), demo.klant_id
    yield "demo m-maart", demo.momentopnamen[0], demo.klant_id
    for n in (100, 500):
        big = big_case(n)
        yield f"big_case({n})", ops.map_state(big), big.klant_id
    for name, counts in (("skewed 60", skewed_60()), ("spread 60", spread_60()),
                         ("random 21/7", random_counts(21, 7)), ("random 60/12", random_counts(60, 12))):
        case = make_case(counts)
        yield name, ops.map_state(case), case.klant_id


def _digest(placed: dict) -> str:
    rows = [[p.id, p.x, p.y, p.sector, p.nabijheid, p.label_x, p.label_y, p.label_anchor, p.label, p.scale, p.note]
            for p in placed.values()]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def test_layout_output_matches_the_recorded_placements():
    """Every Placed field of several maps (demo, big cases, skewed/spread/random) is exactly as recorded
    before the layout became a package. A deliberate change of placement updates the fixture."""
    golden = json.loads(GOLDEN.read_text("utf-8"))
    for name, state, klant_id in _golden_cases():
        placed = L.layout_map(state, klant_id)
        got = {"count": len(placed), "scale": L.text_scale(placed), "sha256": _digest(placed)}
        assert got == golden[name], name
