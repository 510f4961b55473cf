"""The relatiekaart SVG: well-formed, complete, escaped, line styles, layers, diff badges, and an export
that carries the whole case so it opens again."""
from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

from snv.analysis.layout import label_text, layout_map, text_scale
from snv.messages import t
from snv.model import ops, parse_case
from snv.model.demo import big_case, demo_case
from snv.render.relatiekaart_svg import MapOptions, export_svg, map_svg
from snv.render.format import initials
from snv.storage.files import read_case_file

NS = "{http://www.w3.org/2000/svg}"
KLANT = "p-sam"


def make_case(extra_people=(), banden=(), steun=(), **fields):
    personen = [
        {"id": KLANT, "naam": "Sam", "rol": "ik"},
        {"id": "p-marieke", "naam": "Marieke", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij"},
        {"id": "p-gerda", "naam": "Gerda", "rol": "buurvrouw", "sector": "buren_buurt", "nabijheid": "dichtbij"},
        {"id": "p-joost", "naam": "Joost", "rol": "begeleider", "sector": "hulpverlening",
         "nabijheid": "verder_weg", "professioneel": True},
        {"id": "p-kees", "naam": "Kees", "rol": "kat", "sector": "familie", "nabijheid": "dichtbij",
         "soort": "huisdier"},
        {"id": "p-henk", "naam": "Henk", "rol": "opa", "sector": "familie", "nabijheid": "verder_weg",
         "overleden": True},
        {"id": "p-eva", "naam": "Eva", "rol": "nicht"},  # not on the map
        *extra_people,
    ]
    data = {"schema_version": 1, "id": "c-test", "klant_id": KLANT, "personen": personen,
            "banden": list(banden), "steun": list(steun), **fields}
    return parse_case(data)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def markers(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-pid"): g for g in root.iter(f"{NS}g") if "rk-m" in (g.get("class") or "").split()}


def by_class(root: ET.Element, cls: str, tag: str = "*") -> list[ET.Element]:
    return [e for e in root.iter(f"{NS}{tag}" if tag != "*" else None)
            if cls in (e.get("class") or "").split()]


def all_text(el: ET.Element) -> str:
    return "".join(el.itertext())


# ----- structure -----

def test_map_is_well_formed_and_has_every_person_on_the_map():
    case = demo_case()
    root = parse(map_svg(case))
    assert root.tag == f"{NS}svg" and root.get("viewBox") == "0 0 1000 1000"
    found = markers(root)
    on_map = {p.id for p in case.personen if p.sector and p.nabijheid and p.id != case.klant_id}
    assert set(found) == on_map
    placed = layout_map(case, case.klant_id)
    for p in case.personen:
        if p.id in on_map:
            labels = [all_text(e) for e in by_class(found[p.id], "rk-label")]
            assert labels[0] == label_text(p.naam)
            assert found[p.id].get("transform") == position(placed[p.id])
    # the client sits in the centre with a double outline and the name
    client = by_class(root, "rk-client")[0]
    assert len(client.findall(f"{NS}circle")) == 2 and all_text(client) == case.klant.naam


def test_markers_are_named_buttons_with_a_big_hit_area():
    case = make_case(banden=[{"a": KLANT, "b": "p-marieke", "kwaliteit": "goed"}])
    m = markers(parse(map_svg(case)))
    assert m["p-marieke"].get("role") == "button" and m["p-marieke"].get("tabindex") == "0"
    # the name starts with what the marker shows (initials, label): WCAG 2.5.3 label in name
    assert m["p-marieke"].get("aria-label") == "M Marieke, tante, Familie, heel dichtbij, lijn goed"
    assert m["p-joost"].get("aria-label") == "J Joost, begeleider, hulpverlener, Hulpverlening, verder weg, nog geen lijn"
    hit = by_class(m["p-marieke"], "rk-hit")[0]
    assert float(hit.get("r")) >= 22 and hit.get("fill") == "none"  # CSS gives pointer-events: all


def test_marker_shapes_for_professional_pet_and_deceased():
    m = markers(parse(map_svg(make_case())))
    shape = {pid: by_class(g, "rk-shape")[0] for pid, g in m.items()}
    assert shape["p-marieke"].tag == f"{NS}circle"
    assert shape["p-joost"].tag == f"{NS}path" and shape["p-joost"].get("d").count("L") == 5  # hexagon
    assert shape["p-kees"].tag == f"{NS}path" and shape["p-kees"].get("d").count("M") == 5  # pad + 4 toes
    henk = m["p-henk"]
    assert shape["p-henk"].get("stroke-dasharray") and shape["p-henk"].get("fill") != shape["p-marieke"].get("fill")
    assert "(overleden)" in [all_text(e) for e in by_class(henk, "rk-label")]
    assert "overleden" in henk.get("aria-label")


def test_sectors_rings_and_labels_are_drawn():
    root = parse(map_svg(make_case()))
    text = all_text(root)
    for s in ("familie", "vrienden_kennissen", "buren_buurt", "school_werk_vrije_tijd", "hulpverlening"):
        assert t(f"label.sector.{s}") in text
    for n in ("heel_dichtbij", "dichtbij", "verder_weg"):
        assert t(f"label.nabijheid.{n}") in text
    cells = by_class(root, "rk-cell")
    assert len(cells) == 15 and {c.get("data-sector") for c in cells} >= {"familie", "hulpverlening"}
    # light tints: the fill of a cell is lighter than its sector colour
    fam = next(c for c in cells if c.get("data-sector") == "familie" and c.get("data-ring") == "verder_weg")
    assert int(fam.get("fill")[1:3], 16) > 0xE6


# ----- escaping -----

HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "Ann & Bob 'x' \x01\x0b"]


@pytest.mark.parametrize("render", ["map", "export"])
def test_hostile_text_stays_text(render):
    extra = [{"id": f"p-h{i}", "naam": name, "rol": name, "sector": "vrienden_kennissen", "nabijheid": "dichtbij"}
             for i, name in enumerate(HOSTILE)]
    case = make_case(extra_people=extra)
    case = ops.update_person(case, KLANT, naam='<b>Sam</b>"')
    svg = map_svg(case) if render == "map" else export_svg(case, today=dt.date(2026, 11, 25))
    root = parse(svg)  # control characters were dropped, so it is still XML
    for el in root.iter():
        local = el.tag.rsplit("}", 1)[-1]
        assert local not in ("script", "img", "foreignObject", "b")
        assert not any(k.lower().startswith("on") for k in el.attrib), el.attrib
    if render == "map":
        m = markers(root)
        for i, name in enumerate(HOSTILE):
            clean = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", name)
            shown = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", label_text(name))
            start = f"{initials(clean)} {shown}, " + (f"{clean}, " if shown != clean else "") + f"{clean}, "
            assert m[f"p-h{i}"].get("aria-label").startswith(start)
            assert all_text(by_class(m[f"p-h{i}"], "rk-label")[0]) == shown
    else:
        assert root.find(f"{NS}title").text == 'Relatiekaart van <b>Sam</b>"'
    client = by_class(root, "rk-client")[0]
    assert client.get("aria-label").startswith('<b>Sam</b>"')  # the whole name, as text
    shown = all_text(client)  # in the disc: as much as fits at a readable size, cut with "…"
    assert len(shown) >= 4 and '<b>Sam</b>"'.startswith(shown.rstrip("…"))


def position(pl) -> str:
    """The marker group's transform: place, and the layout's size when it is not 1."""
    return f"translate({pl.x:g} {pl.y:g})" + (f" scale({pl.scale:g})" if pl.scale != 1 else "")


def test_small_map_draws_markers_names_and_ring_names_bigger():
    small = make_case()
    root = parse(map_svg(small))
    placed = layout_map(small, small.klant_id)
    scale = text_scale(placed)
    assert scale > 1
    for pid, m in markers(root).items():
        pl = placed[pid]
        assert m.get("transform").endswith(f" scale({scale:g})")
        label = by_class(m, "rk-label")[0]
        # the label sits in the marker's unscaled units: scaled back it lands where the layout put it
        assert float(label.get("x")) * scale == pytest.approx(pl.label_x - pl.x, abs=0.2)
        assert float(label.get("y")) * scale == pytest.approx(pl.label_y - pl.y, abs=0.2)
    rings = by_class(root, "rk-ringnames", "g")[0]
    assert float(rings.get("font-size")) == pytest.approx(14 * scale)
    crowded = big_case(80)
    big = parse(map_svg(crowded))
    big_scale = text_scale(layout_map(crowded, crowded.klant_id))
    assert big_scale < 1  # a crowded map grows past the screen instead of shrinking its names
    assert float(by_class(big, "rk-ringnames", "g")[0].get("font-size")) == pytest.approx(14 * big_scale)
    assert all(m.get("transform").endswith(f" scale({big_scale:g})") for m in markers(big).values())


# ----- lines -----

def tie(root: ET.Element, pid: str) -> ET.Element:
    found = [g for g in by_class(root, "rk-tie") if g.get("data-pid") == pid]
    assert len(found) == 1, pid
    return found[0]


def test_line_style_per_quality():
    people = [{"id": f"p-{q}", "naam": q.title(), "sector": "vrienden_kennissen", "nabijheid": "dichtbij"}
              for q in ("goed", "neutraal", "moeizaam", "conflict", "verbroken", "leeg")]
    banden = [{"a": KLANT, "b": f"p-{q}", "kwaliteit": q} for q in ("goed", "neutraal", "moeizaam", "conflict", "verbroken")]
    banden.append({"a": "p-leeg", "b": KLANT, "kwaliteit": None})  # order of a/b does not matter
    root = parse(map_svg(make_case(extra_people=people, banden=banden)))
    goed, neutraal, moeizaam = (tie(root, f"p-{q}") for q in ("goed", "neutraal", "moeizaam"))
    assert goed.tag == neutraal.tag == moeizaam.tag == f"{NS}line"
    assert float(goed.get("stroke-width")) >= 4 and goed.get("stroke-dasharray") is None
    assert float(neutraal.get("stroke-width")) < 2 and neutraal.get("stroke-dasharray") is None
    assert moeizaam.get("stroke-dasharray")
    conflict = tie(root, "p-conflict")
    assert "q-conflict" in conflict.get("class")
    zig = conflict.find(f"{NS}path")
    assert zig.get("stroke") == "#D55E00" and zig.get("d").count("L") >= 6  # a zig-zag, not a straight line
    assert conflict.find(f"{NS}text").text == "⚡"
    broken = tie(root, "p-verbroken")
    bars = by_class(broken, "rk-bars")[0]
    assert bars.get("d").count("M") == 2  # crossed by two bars
    assert not [g for g in by_class(root, "rk-tie") if g.get("data-pid") == "p-leeg"]  # no quality, no line
    assert "lijn ruzie" in markers(root)["p-conflict"].get("aria-label")


def test_member_ties_toggle():
    banden = [{"a": "p-marieke", "b": "p-gerda"}, {"a": "p-marieke", "b": "p-eva"},  # Eva is not on the map
              {"a": KLANT, "b": "p-gerda", "kwaliteit": "goed"}]
    case = make_case(banden=banden)
    off = parse(map_svg(case, options=MapOptions(member_ties=False)))
    assert by_class(off, "rk-members") == []
    on = parse(map_svg(case, options=MapOptions(member_ties=True)))
    lines = by_class(on, "rk-members")[0].findall(f"{NS}line")
    assert [(ln.get("data-a"), ln.get("data-b")) for ln in lines] == [("p-marieke", "p-gerda")]
    assert len(by_class(on, "rk-tie")) == len(by_class(off, "rk-tie")) == 1  # client lines stay


def test_support_layer():
    steun = [{"persoon": "p-marieke", "soort": "praktische_hulp", "richting": "krijgt"},
             {"persoon": "p-marieke", "soort": "gezelschap", "richting": "wederzijds"},
             {"persoon": "p-gerda", "soort": "zorg", "richting": "geeft"}]
    case = make_case(steun=steun)
    assert by_class(parse(map_svg(case)), "rk-sup") == []
    root = parse(map_svg(case, options=MapOptions(support=True)))
    m = markers(root)
    kinds = {g.get("class") for g in by_class(m["p-marieke"], "rk-sup")}
    assert kinds == {"rk-sup s-praktische_hulp r-krijgt", "rk-sup s-gezelschap r-wederzijds"}
    # arrowheads: Marieke both ways (helps and is helped), Gerda only outward (two vs one chevron)
    assert by_class(m["p-marieke"], "rk-sup-dir")[0].get("d").count("M") == 2
    assert by_class(m["p-gerda"], "rk-sup-dir")[0].get("d").count("M") == 1
    assert "steun: Praktische hulp (helpt jou)" in m["p-marieke"].get("aria-label")
    # the shown support letters follow the initials and the label in the name (label in name)
    letters = " ".join(all_text(g.find(f"{NS}text")) for g in by_class(m["p-marieke"], "rk-sup"))
    assert m["p-marieke"].get("aria-label").startswith(f"M Marieke {letters}, tante, ")
    titles = [all_text(g.find(f"{NS}title")) for g in by_class(m["p-gerda"], "rk-sup")]
    assert titles == ["Zorg (jij helpt)"]


def test_empty_buren_slice_asks_for_neighbours():
    with_gerda = parse(map_svg(make_case()))
    assert t("map.empty_buren") not in all_text(with_gerda)
    case = ops.move_person(make_case(), "p-gerda", None, None)
    hint = by_class(parse(map_svg(case)), "rk-hint", "text")[0]
    # on as many lines as the slice needs at the map's size
    assert " ".join(all_text(line) for line in hint) == t("map.empty_buren")


def test_highlight_points_out_people():
    root = parse(map_svg(make_case(), options=MapOptions(highlight=frozenset({"p-gerda"}))))
    m = markers(root)
    assert "hl" in m["p-gerda"].get("class").split() and by_class(m["p-gerda"], "rk-hl")
    assert "dim" in m["p-marieke"].get("class").split() and m["p-marieke"].get("opacity")


# ----- diff -----

def test_diff_badges_and_ghosts_for_a_snapshot_pair():
    old = make_case(banden=[{"a": KLANT, "b": "p-marieke", "kwaliteit": "goed"}])
    old, sid = ops.take_snapshot(old, "Eerste kaart", when=dt.datetime(2026, 1, 5, 10, 0))
    case = ops.move_person(old, "p-gerda", "buren_buurt", "heel_dichtbij")  # closer
    case = ops.move_person(case, "p-joost", None, None)  # off the map: gone
    case, new_pid = ops.add_person(case, "Fatima", sector="vrienden_kennissen", nabijheid="dichtbij")
    case = ops.set_quality(case, "p-marieke", "moeizaam")
    snap = case.momentopnamen[0]
    root = parse(map_svg(case, options=MapOptions(compare_old=snap)))
    m = markers(root)

    def codes(pid: str) -> list[str]:
        return [g.get("class").split()[1] for g in by_class(m[pid], "rk-badge")]

    assert codes("p-gerda") == ["b-dichterbij"] and codes(new_pid) == ["b-nieuw"] and codes("p-marieke") == ["b-lijn"]
    assert all_text(by_class(m["p-gerda"], "rk-badge")[0]) == "↑ dichterbij"  # sign + word, not colour alone
    assert all_text(by_class(m[new_pid], "rk-badge")[0]) == "+ nieuw"
    assert "p-joost" not in m
    ghost = next(g for g in by_class(root, "rk-ghost") if g.get("data-pid") == "p-joost")
    old_place = layout_map(snap, KLANT)["p-joost"]
    assert ghost.get("transform") == position(old_place)
    assert ghost.find(f"{NS}circle").get("stroke-dasharray")  # outline only
    assert "− weg" in all_text(ghost)
    # drawing a stored moment instead of now: no badges when comparing it with itself
    same = parse(map_svg(case, options=MapOptions(state=snap, compare_old=snap)))
    assert by_class(same, "rk-badge") == [] and "p-joost" in markers(same)


# ----- export -----

def test_export_is_standalone_with_title_desc_legend_and_date():
    case = make_case(banden=[{"a": KLANT, "b": "p-marieke", "kwaliteit": "conflict"}])
    svg = export_svg(case, today=dt.date(2026, 11, 25))
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = parse(svg)
    assert root.get("viewBox") and root.get("width") and root.get("height")
    assert root.find(f"{NS}title").text == "Relatiekaart van Sam"
    desc = root.find(f"{NS}desc").text
    assert "25-11-2026" in desc and "5 personen" in desc
    text = all_text(root)
    assert "Gemaakt op 25-11-2026" in text
    for el in root.iter():  # nothing outside the file: no links, images, scripts, fonts or stylesheets
        assert el.tag.rsplit("}", 1)[-1] not in ("image", "script", "style", "use", "a", "foreignObject")
        for name, value in el.attrib.items():
            # the slice names follow the rim along a path in the file itself (href="#...")
            assert ("href" not in name or value.startswith("#")) and "url(" not in value and "http://" not in value.replace(
                "http://www.w3.org/2000/svg", "")
    assert not by_class(root, "rk-m") or all(g.get("tabindex") is None for g in by_class(root, "rk-m"))
    legend = by_class(root, "rk-legend")[0]
    legend_text = all_text(legend)
    for q in ("goed", "neutraal", "moeizaam", "conflict", "verbroken"):
        assert t(f"label.kwaliteit.{q}") in legend_text
    assert [g for g in by_class(legend, "q-conflict") if g.find(f"{NS}text").text == "⚡"]
    assert t("map.legend.member") in legend_text and t("map.legend.professional") in legend_text
    # every marker carries its name as a tooltip/accessible title in the file
    m = markers(root)
    assert all_text(m["p-marieke"].find(f"{NS}title")) == "Marieke, tante, Familie, heel dichtbij, lijn ruzie"


def test_export_embeds_the_case_and_opens_again():
    case = demo_case()
    svg = export_svg(case, today=dt.date(2026, 11, 25))
    root = parse(svg)
    meta = [e for e in root.iter(f"{NS}metadata") if e.get("id") == "snv-case"]
    assert len(meta) == 1
    assert parse_case(json.loads(meta[0].text)) == case
    assert read_case_file("kaart.svg", svg.encode("utf-8")) == case  # what Openen does


def test_embedded_case_survives_hostile_and_odd_text():
    weird = ['</metadata><script>x</script>', "]]>&amp;", "line\nbreak\ttab", "😀 \ufffe", "\x07bell"]
    extra = [{"id": f"p-w{i}", "naam": name, "sector": "familie", "nabijheid": "dichtbij"}
             for i, name in enumerate(weird)]
    case = make_case(extra_people=extra)
    svg = export_svg(case)
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    back = read_case_file("x.svg", svg.encode("utf-8"))
    assert [p.naam for p in back.personen] == [p.naam for p in case.personen]


def test_export_follows_options_and_shows_no_editing_hooks():
    case = make_case(banden=[{"a": "p-marieke", "b": "p-gerda"}],
                     steun=[{"persoon": "p-gerda", "soort": "zorg", "richting": "geeft"}])
    plain = parse(export_svg(case, options=MapOptions(member_ties=False)))
    assert by_class(plain, "rk-members") == [] and by_class(plain, "rk-sup") == []
    assert not [e for e in plain.iter() if e.get("data-sector") or e.get("role") == "button"]
    full = parse(export_svg(case, options=MapOptions(member_ties=True, support=True), title="Kaart voor het team"))
    assert by_class(full, "rk-members") and by_class(full, "rk-sup")
    assert full.find(f"{NS}title").text == "Kaart voor het team"
    assert t("label.steunsoort.zorg") in all_text(by_class(full, "rk-legend")[0])


def test_500_persons_give_one_valid_map_with_every_marker():
    """Only what is drawn; how fast is measured in tests/bench (no timing asserts in unit tests)."""
    from snv.model.demo import big_case

    case = big_case(500)
    root = parse(map_svg(case, options=MapOptions(member_ties=True, support=True)))
    assert len(markers(root)) == sum(1 for p in case.personen if p.sector and p.nabijheid and p.id != case.klant_id)
