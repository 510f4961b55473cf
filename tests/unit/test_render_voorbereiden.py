"""Voorbereiden's HTML (render/voorbereiden.py) and the invitation (render/uitnodiging_svg.py): the map
picker (a tap target per person, invitees marked), status chips, hints for empty sectors, the
piketpaaltjes' B1 line, the invitation text (B1, from the client, the meeting questions in order) and
the A4 letter as a standalone SVG that opens again as the case (also through the CLI)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from defusedxml import ElementTree as DET

from snv.cli import main
from snv.model import ops, parse_case
from snv.render import instruments, print_doc, voorbereiden
from snv.render.uitnodiging_svg import export_svg, invitation_text, long_date
from snv.render.voorbereiden import VoorbereidenView
from snv.storage import dumps_case, read_case_file

HOSTILE = "<script>alert(1)</script>]]>"
TODAY = dt.date(2026, 3, 1)


def small(**bijeenkomst) -> object:
    return parse_case({
        "schema_version": 3, "id": "c-vb", "klant_id": "k",
        "personen": [
            {"id": "k", "naam": "Sam", "rol": "ik"},
            {"id": "p-anna", "naam": "Anna", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij",
             "notities": [{"tekst": "GEHEIM-NOTITIE", "zichtbaar": "klant_en_begeleider"}]},
            {"id": "p-gerda", "naam": "Gerda", "rol": "buurvrouw", "sector": "buren_buurt", "nabijheid": "dichtbij"},
            {"id": "p-x", "naam": HOSTILE, "rol": HOSTILE, "sector": "vrienden_kennissen", "nabijheid": "dichtbij"},
            {"id": "p-joost", "naam": "Joost", "rol": "curator", "sector": "hulpverlening", "nabijheid": "verder_weg",
             "professioneel": True},
            {"id": "p-eva", "naam": "Eva", "rol": "nicht"},
        ],
        "basisposter": {"vragen": [
            {"id": "v-b", "tekst": "Tweede vraag?", "volgorde": 2, "naar_bijeenkomst": True},
            {"id": "v-a", "tekst": "Eerste vraag?", "volgorde": 1, "naar_bijeenkomst": True},
            {"id": "v-c", "tekst": "Niet voor de bijeenkomst", "volgorde": 0, "naar_bijeenkomst": False},
            {"id": "v-h", "tekst": HOSTILE, "volgorde": 3, "naar_bijeenkomst": True},
        ]},
        "bijeenkomst": bijeenkomst,
    })


def test_picker_has_a_tap_target_per_person_on_the_map_and_marks_invitees():
    case = small(uitnodigingen=[{"persoon": "p-anna", "status": "komt"}])
    html = voorbereiden.render(case, VoorbereidenView())
    picks = re.findall(r'<g class="vb-pick( is-in)?" data-action="voorbereiden.toggle" data-pid="([^"]+)"', html)
    assert {pid for _, pid in picks} == {"p-anna", "p-gerda", "p-x", "p-joost"}  # Eva is not on the map
    assert [pid for on, pid in picks if on] == ["p-anna"]
    assert "vb-ring" in html and 'class="vb-picks" aria-hidden="true"' in html  # pointer only: the list is for keys
    # the relatiekaart drawing itself, not interactive (no second set of focusable markers)
    assert 'class="rk-cells"' in html and 'class="rk-m"' in html and 'role="button" tabindex="0" aria-label="Anna' not in html


def test_status_chips_per_invitee_with_the_current_one_pressed():
    case = small(uitnodigingen=[{"persoon": "p-anna", "status": "misschien"}])
    html = voorbereiden.render(case, VoorbereidenView())
    row = html[html.index('class="vb-invitee'):]
    row = row[:row.index("</li>")]
    labels = re.findall(r'data-action="voorbereiden.status" data-pid="p-anna" data-value="([a-z_]+)" '
                        r'aria-pressed="(true|false)"', row)
    assert [v for v, _ in labels] == ["nog_vragen", "uitgenodigd", "komt", "komt_niet", "misschien"]
    assert [v for v, p in labels if p == "true"] == ["misschien"]
    assert 'role="group" aria-label="Hoe staat het met Anna?"' in row
    for word in ("Nog vragen", "Uitgenodigd", "Komt", "Komt niet", "Misschien", "Niet uitnodigen"):
        assert word in row


def test_empty_sectors_get_a_hint_to_widen_the_circle():
    html = voorbereiden.render(small(uitnodigingen=[{"persoon": "p-anna", "status": "komt"}]), VoorbereidenView())
    assert "Wie ken je nog bij je buren?" in html and "Welke vriend of kennis kan meedenken?" in html
    assert "Wie uit je familie wil je erbij?" not in html  # Anna comes from the family
    assert voorbereiden.empty_sectors(small()) == ["familie", "vrienden_kennissen", "buren_buurt",
                                                   "school_werk_vrije_tijd", "hulpverlening"]


def test_list_alternative_invites_people_not_on_the_map_too():
    closed = voorbereiden.render(small(), VoorbereidenView())
    assert 'id="vb-add-open"' in closed and 'aria-expanded="false"' in closed and "Eva uitnodigen" not in closed
    html = voorbereiden.render(small(), VoorbereidenView(add_open=True))
    assert re.search(r'<button[^>]*data-action="voorbereiden.toggle"[^>]*aria-label="Eva uitnodigen"[^>]*data-pid="p-eva"', html)
    assert "Wie wil je uitnodigen? Jij kiest." in html


def test_unchanged_parts_are_reused_and_a_change_shows(demo_case):
    v = VoorbereidenView()
    first = voorbereiden.render(demo_case, v)
    assert voorbereiden.render(demo_case, v) == first
    changed = ops.set_invitation(demo_case, "p-robin", "komt")
    html = voorbereiden.render(changed, v)
    row = html[html.index('<li class="vb-invitee sec-vrienden_kennissen" data-pid="p-robin"'):]
    assert 'data-pid="p-robin" data-value="komt" aria-pressed="true"' in row[:row.index("</li>")]
    renamed = ops.update_person(changed, "p-robin", naam="Robbie")
    assert "Robbie" in voorbereiden.render(renamed, v)


def test_piketpaaltjes_b1_line_and_only_professionals_to_choose():
    case = small(piketpaaltjes=[{"id": "k1", "gesteld_door": "p-joost", "tekst": "Het geld voor de huur gaat eerst.",
                                 "kader": "curatele"}])
    html = voorbereiden.render(case, VoorbereidenView(tab="vast"))
    assert ("Iemand met een verplichte taak, zoals een curator, zegt wat er in het plan moet. "
            "Binnen die grenzen maak je je eigen plan.") in html
    assert "Het geld voor de huur gaat eerst." in html and "Gezegd door Joost (curatele)" in html
    who = html[html.index("Wie zegt dit?"):html.index("Waarom ligt dit vast?")]
    assert "Joost" in who and "Anna" not in who and "Gerda" not in who


def test_one_part_at_a_time_with_tabs():
    for tab, marker in (("wie", "vb-map"), ("wanneer", 'id="vb-datum"'), ("vast", "vb-piket-card"),
                        ("uitnodiging", 'id="vb-inv-text"')):
        html = voorbereiden.render(small(), VoorbereidenView(tab=tab))
        assert marker in html and f'id="vb-tab-{tab}" data-action="voorbereiden.tab" aria-pressed="true"' in html
        others = [m for t_, m in (("wie", "vb-map"), ("wanneer", 'id="vb-datum"'), ("vast", "vb-piket-card"),
                                  ("uitnodiging", 'id="vb-inv-text"')) if t_ != tab]
        assert not any(m in html for m in others)


def test_print_button_and_copy_button():
    html = voorbereiden.render(small(), VoorbereidenView(tab="uitnodiging"))
    assert ('<button type="button" class="btn" id="uitnodiging-print" data-action="app.print"' in html
            and 'data-instrument="uitnodiging"' in html)
    assert 'id="vb-copy"' in html and 'id="vb-inv-text"' in html


def test_no_begeleider_notes_and_hostile_text_stays_text():
    html = voorbereiden.render(small(uitnodigingen=[{"persoon": "p-x", "status": "komt"}]), VoorbereidenView())
    assert "GEHEIM-NOTITIE" not in html
    assert "<script>" not in html and "]]>" not in html and "&lt;script&gt;" in html


def test_invitation_text_is_from_the_client_and_lists_the_questions_in_order():
    case = ops.set_meeting(small(), datum="2026-03-14", tijd="19:30", plaats="Buurthuis De Linde")
    text = invitation_text(case)
    lines = text.splitlines()
    assert lines[0] == "Hoi!" and "Ik nodig je uit voor een bijeenkomst." in lines
    assert "Wanneer: zaterdag 14 maart 2026 om 19:30 uur." in lines and "Waar: Buurthuis De Linde." in lines
    numbered = [line for line in lines if re.match(r"\d+\. ", line)]
    assert numbered == ["1. Eerste vraag?", "2. Tweede vraag?", f"3. {HOSTILE}"]  # plain text: as typed
    assert "Niet voor de bijeenkomst" not in text
    assert lines[-1] == "Sam"
    # B1: short sentences (at most about 12 words), je-form, no jargon
    for sentence in re.split(r"(?<=[.?!:])\s+", " ".join(lines)):
        assert len(sentence.split()) <= 12, sentence
    assert "piketpaal" not in text.lower() and "meedenkbijeenkomst" not in text.lower()


def test_invitation_without_date_or_questions_says_so():
    case = parse_case({"schema_version": 3, "id": "c", "klant_id": "k", "personen": [{"id": "k", "naam": "Noor"}]})
    text = invitation_text(case)
    assert "Wanneer: dat laat ik je nog weten." in text and "We praten over wat ik wil in mijn leven." in text
    assert "Waar:" not in text


def test_long_date_in_dutch():
    assert long_date(dt.date(2026, 3, 14)) == "zaterdag 14 maart 2026"
    assert long_date(dt.date(2025, 12, 1)) == "maandag 1 december 2025"


def test_letter_svg_is_a_standalone_file_that_opens_as_the_case():
    case = ops.set_meeting(small(), datum="2026-03-14", tijd="19:30")
    svg = export_svg(case, today=TODAY)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    root = DET.fromstring(svg.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.find(f"{ns}title").text == "Uitnodiging van Sam"
    assert root.find(f"{ns}desc") is not None
    assert not [el for el in root.iter() if el.tag in (f"{ns}script", "script", f"{ns}foreignObject")]
    texts = " ".join(el.text or "" for el in root.iter(f"{ns}text"))
    assert "Ik nodig je uit voor een bijeenkomst." in texts and "1-3-2026" in texts
    assert "<script>alert(1)</script>" in texts  # hostile text stays text (wrapped, but whole words)
    assert texts.index("Eerste vraag?") < texts.index("Tweede vraag?")
    assert read_case_file("uitnodiging.svg", svg.encode("utf-8")) == case
    w, h = int(root.get("width")), int(root.get("height"))
    assert h / w == pytest.approx(297 / 210, rel=0.01)  # A4 portrait


def test_letter_grows_for_many_long_questions_and_wraps_lines():
    vragen = [{"id": f"v{i}", "tekst": "Een lange vraag " * 12, "volgorde": i, "naar_bijeenkomst": True}
              for i in range(12)]
    case = parse_case({"schema_version": 3, "id": "c", "klant_id": "k", "personen": [{"id": "k", "naam": "Noor"}],
                       "basisposter": {"vragen": vragen}})
    root = DET.fromstring(export_svg(case, today=TODAY).encode("utf-8"))
    assert int(root.get("height")) > 1123
    ys = [float(el.get("y")) for el in root.iter("{http://www.w3.org/2000/svg}text")]
    assert max(ys) < int(root.get("height"))


def test_invitation_is_a_registered_portrait_instrument_outside_the_atlas():
    inv = instruments.get("uitnodiging")
    assert (inv.page, inv.atlas, inv.order) == ("portrait", False, 60)
    assert "uitnodiging" not in instruments.atlas_keys()
    page = print_doc.page(small(), "uitnodiging", today=TODAY)
    assert 'class="print-page print-portrait"' in page and "snv-case" not in page
    text = (Path(__file__).resolve().parents[2] / "site" / "styles.css").read_text(encoding="utf-8")
    assert "@page atlas-portrait { size: A4 portrait" in text and ".print-page.print-portrait { page: atlas-portrait" in text


def test_cli_renders_the_same_letter_and_validate_accepts_it(tmp_path, capsys):
    case = ops.set_meeting(small(), datum="2026-03-14")
    src = tmp_path / "sam.json"
    src.write_text(dumps_case(case), encoding="utf-8")
    out = tmp_path / "uitnodiging.svg"
    assert main(["render", "uitnodiging", str(src), "-o", str(out), "--met-notities"]) == 0
    capsys.readouterr()
    svg = out.read_text(encoding="utf-8")
    today = dt.date.today()
    assert svg == export_svg(case, today=today)
    assert main(["validate", str(out)]) == 0
    assert read_case_file(out.name, out.read_bytes()) == case
