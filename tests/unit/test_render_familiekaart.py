"""The familiekaart drawing and export (render/familiekaart_svg.py) and its screen HTML
(render/familiekaart.py): symbols per geslacht, X for overleden, double outline for the client, partner
line styles per status, dashed adoption/foster lines, hostile names stay text, the export is a standalone
SVG that opens again as the case, and the CLI writes the same file."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import defusedxml.ElementTree as DET

from snv.analysis import genogram as G
from snv.cli import main
from snv.model import parse_case
from snv.render import familiekaart, instruments
from snv.render.familiekaart import FamiliekaartView
from snv.render.familiekaart_svg import GenogramOptions, export_svg, genogram_svg, symbol_svg
from snv.storage import dumps_case, for_export, read_case_file

ROOT = Path(__file__).resolve().parents[2]
NS = "{http://www.w3.org/2000/svg}"
TODAY = dt.date(2026, 3, 14)
HOSTILE = "<script>alert(1)</script>]]>"


def case_with(**extra):
    data = {
        "schema_version": 2, "id": "c-r", "klant_id": "p-ik", "fase": "netwerkatlas",
        "personen": [
            {"id": "p-ik", "naam": "Sam", "geslacht": "man", "geboortejaar": 2001},
            {"id": "p-pa", "naam": "Peter", "geslacht": "man", "geboortejaar": 1966, "rol": "vader"},
            {"id": "p-ma", "naam": HOSTILE, "geslacht": "vrouw", "geboortejaar": 1968},
            {"id": "p-opa", "naam": "Henk", "geslacht": "man", "overleden": True},
            {"id": "p-x", "naam": "", "geslacht": "onbekend"},
            {"id": "p-kind", "naam": "Mila", "geslacht": "vrouw", "geboortejaar": 2020},
            {"id": "p-los", "naam": "Anna", "sector": "familie"},
        ],
        "ouder_kind": [{"ouder": "p-pa", "kind": "p-ik"}, {"ouder": "p-ma", "kind": "p-ik"},
                       {"ouder": "p-opa", "kind": "p-pa"}, {"ouder": "p-x", "kind": "p-pa"},
                       {"ouder": "p-ik", "kind": "p-kind", "soort": "adoptie"}],
        "partners": [{"a": "p-pa", "b": "p-ma", "status": "gescheiden"}, {"a": "p-opa", "b": "p-x", "status": "getrouwd"}],
        "banden": [{"a": "p-ik", "b": "p-pa", "kwaliteit": "conflict"}],
        **extra,
    }
    return parse_case(data)


def people_groups(svg: str) -> dict:
    root = DET.fromstring(svg)
    return {g.get("data-pid"): g for g in root.iter(f"{NS}g") if (g.get("class") or "x").split()[0] == "fk-p"}


def test_symbols_per_geslacht_dead_and_client():
    assert "<rect" in symbol_svg("man") and "<circle" in symbol_svg("vrouw")
    assert "<path" in symbol_svg("onbekend") and ">?</text>" in symbol_svg("anders")
    assert "fk-dead" in symbol_svg("man", overleden=True) and "fk-dead" not in symbol_svg("man")
    assert symbol_svg("vrouw", klant=True).count("<circle") == 2  # double outline
    groups = people_groups(genogram_svg(case_with()))
    assert set(groups) == {"p-ik", "p-pa", "p-ma", "p-opa", "p-x", "p-kind"}  # Anna is not connected
    assert groups["p-opa"].find(f".//{NS}path[@class='fk-dead']") is not None
    assert groups["p-x"].find(f".//{NS}text[@class='fk-name']").text == "?"  # the nameless placeholder


def test_partner_line_styles_and_dashed_adoption():
    svg = genogram_svg(case_with())
    root = DET.fromstring(svg)
    partner = {p.get("class"): p for p in root.iter(f"{NS}path") if "fk-partner" in (p.get("class") or "")}
    assert partner["fk-partner st-getrouwd"].get("stroke-dasharray") is None
    assert "fk-partner st-gescheiden" in partner
    child = [p for p in root.iter(f"{NS}path") if (p.get("class") or "").startswith("fk-child")]
    assert any(p.get("class") == "fk-child k-adoptie" and p.get("stroke-dasharray") for p in child)
    assert any(p.get("class") == "fk-child k-biologisch" and not p.get("stroke-dasharray") for p in child)
    c = case_with(partners=[{"a": "p-pa", "b": "p-ma", "status": s} for s in ["samenwonend"]])
    dashed = [p for p in DET.fromstring(genogram_svg(c)).iter(f"{NS}path") if "st-samenwonend" in (p.get("class") or "")]
    assert dashed and dashed[0].get("stroke-dasharray")


def test_emotion_lines_only_when_asked():
    case = case_with()
    assert "fk-emotions" not in genogram_svg(case)
    assert "q-conflict" in genogram_svg(case, GenogramOptions(lines=True))


def test_hostile_names_stay_text_everywhere():
    case = case_with()
    for text in (genogram_svg(case), export_svg(case, today=TODAY),
                 familiekaart.render(case, FamiliekaartView(selected="p-ma", adding="kind"))):
        assert "<script>" not in text and "&lt;script&gt;" in text
    root = DET.fromstring(export_svg(case, today=TODAY).encode())
    assert not [e for e in root.iter() if e.tag.endswith("script")]


def test_export_is_standalone_and_round_trips_the_case():
    case = case_with()
    svg = export_svg(case, today=TODAY)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = DET.fromstring(svg.encode())
    assert root.get("role") == "img" and root.get("viewBox") and root.get("width")
    assert float(root.get("width")) > float(root.get("height"))  # landscape
    assert root.find(f"{NS}title").text == "Familiekaart van Sam" and "14-3-2026" in svg
    assert root.find(f"{NS}metadata").get("id") == "snv-case"
    assert read_case_file("f.svg", svg.encode()) == case
    assert "Uitleg" in svg and "Gescheiden" in svg and "Adoptiekind" in svg and "Overleden" in svg
    assert export_svg(case, today=TODAY) == svg  # deterministic
    assert instruments.export_svg("familiekaart", case, today=TODAY) == svg


def test_cli_render_writes_the_same_svg_and_validate_accepts_it(tmp_path, capsys, demo_case):
    src = tmp_path / "sam.json"
    src.write_text(dumps_case(demo_case), encoding="utf-8")
    out = tmp_path / "fam.svg"
    assert main(["render", "familiekaart", str(src), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    shared = for_export(demo_case)  # the CLI applies the default privacy choices (no begeleider notes)
    assert text == export_svg(shared, today=dt.date.today())
    assert read_case_file(out.name, out.read_bytes()) == shared
    capsys.readouterr()
    env_path = str(ROOT / "py")
    ok = subprocess.run([sys.executable, "-m", "snv", "validate", str(out)], capture_output=True, text=True,
                        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"}, timeout=120)
    assert ok.returncode == 0, ok.stderr


def test_screen_buttons_panel_legend_and_off_map():
    case = case_with()
    html = familiekaart.render(case, FamiliekaartView())
    assert html.count('class="fk-hit"') == 6
    assert 'aria-label="Peter, vader, geboren 1966"' in html
    assert 'aria-label="Henk, overleden"' in html
    assert 'id="familiekaart-print"' in html and 'data-instrument="familiekaart"' in html
    assert "Nog niet op de familiekaart" in html and 'id="fk-off-p-los"' in html
    assert "fk-panel" not in html and "fk-empty" not in html
    sel = familiekaart.render(case, FamiliekaartView(selected="p-pa"))
    for rel in ("ouder", "partner", "kind", "broer_zus"):
        assert f'id="fk-add-{rel}"' in sel
    assert 'aria-pressed="true"' in sel and "Lijn weghalen" in sel
    form = familiekaart.render(case, FamiliekaartView(selected="p-pa", adding="kind"))
    assert 'data-action="familiekaart.submit"' in form and 'id="fk-naam"' in form and "Samen met" in form


def test_empty_state_only_the_client():
    case = parse_case({"schema_version": 2, "id": "c-e", "klant_id": "p-ik",
                       "personen": [{"id": "p-ik", "naam": "Sam"}]})
    html = familiekaart.render(case, FamiliekaartView())
    assert "Tik op jezelf. Kies wie je wilt toevoegen." in html and html.count('class="fk-hit"') == 1
    assert len(G.genogram(case).nodes) == 1
