"""Storage: JSON files, SVG files with an embedded case, file names, and the autosave store."""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from snv.model import Case, CaseError, new_case
from snv.model.limits import MAX_FILE_BYTES
from snv.storage import dumps_case, export_filename, loads_case, read_case_file
from snv.storage.files import MAX_SVG_BYTES, slug

SVG_NS = "http://www.w3.org/2000/svg"


def svg_with_case(case: Case | None, *, namespace: bool = True, case_text: str | None = None,
                  element_id: str = "snv-case") -> bytes:
    """An SVG like render.relatiekaart_svg.export_svg makes: the case JSON as text of <metadata>."""
    ns = f"{{{SVG_NS}}}" if namespace else ""
    root = ET.Element(f"{ns}svg", {"viewBox": "0 0 1000 1000"})
    ET.SubElement(root, f"{ns}title").text = "Relatiekaart"
    group = ET.SubElement(root, f"{ns}g")
    ET.SubElement(group, f"{ns}circle", {"cx": "500", "cy": "500", "r": "40"})
    if case is not None or case_text is not None:
        meta = ET.SubElement(group, f"{ns}metadata", {"id": element_id})
        meta.text = case_text if case_text is not None else case.model_dump_json()
    if namespace:
        ET.register_namespace("", SVG_NS)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


# ----- read_case_file -----

def test_read_json_file(demo_case):
    assert read_case_file("dossier.json", dumps_case(demo_case).encode()) == demo_case


def test_content_decides_not_the_name(demo_case):
    data = dumps_case(demo_case).encode()
    assert read_case_file("kaart.svg", data) == demo_case
    assert read_case_file("", data) == demo_case
    assert read_case_file("dossier.json", svg_with_case(demo_case)) == demo_case


@pytest.mark.parametrize("namespace", [True, False])
def test_read_svg_with_embedded_case(demo_case, namespace):
    assert read_case_file("kaart.svg", svg_with_case(demo_case, namespace=namespace)) == demo_case


def test_svg_text_with_markup_survives_escaping():
    case = new_case('<script>alert(1)</script> & "Zoë"')
    data = svg_with_case(case)
    assert b"<script>" not in data  # ElementTree escaped it
    assert read_case_file("kaart.svg", data).klant.naam == case.klant.naam


def test_svg_with_cdata_and_bom(small_case):
    body = (f'<svg xmlns="{SVG_NS}"><metadata id="snv-case"><![CDATA[{small_case.model_dump_json()}]]>'
            f"</metadata></svg>")
    assert read_case_file("x.svg", b"\xef\xbb\xbf  \n" + body.encode()) == small_case


def test_svg_starting_with_svg_tag_or_comment(small_case):
    body = f'<svg xmlns="{SVG_NS}"><metadata id="snv-case">{small_case.model_dump_json()}</metadata></svg>'
    escaped = body.replace("&", "&amp;")
    assert read_case_file("", escaped.encode()) == small_case
    assert read_case_file("", ("<!-- Netwerkatlas -->\n" + escaped).encode()) == small_case


READ_ERRORS = [
    ("svg without case", "kaart.svg", svg_with_case(None), "geen dossier"),
    ("svg other metadata", "kaart.svg", svg_with_case(None, case_text="{}", element_id="iets-anders"), "geen dossier"),
    ("svg broken xml", "kaart.svg", b"<?xml version='1.0'?><svg><g></svg>", "SVG-bestand kunnen we niet lezen"),
    ("svg embedded not json", "kaart.svg", svg_with_case(None, case_text="geen json"), "kunnen we niet lezen"),
    ("svg embedded not a case", "kaart.svg", svg_with_case(None, case_text='{"a": 1}'), "geen dossier"),
    ("svg with entities", "kaart.svg",
     b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg>&b;</svg>', "onveilige"),
    ("png", "foto.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Dit soort bestand"),
    ("pdf", "brief.pdf", b"%PDF-1.7\n", "Dit soort bestand"),
    ("plain text", "notities.txt", b"Hallo", "Dit soort bestand"),
    ("html", "pagina.html", b"<html><body></body></html>", "Dit soort bestand"),
    ("json name but text", "dossier.json", b"Hallo", "kunnen we niet lezen"),
    ("empty", "leeg.json", b"", "leeg"),
    ("only whitespace", "leeg.json", b" \n\t", "leeg"),
    ("json too large", "groot.json", b"{" + b" " * MAX_FILE_BYTES + b"}", "te groot"),
    ("svg too large", "groot.svg", b"<svg>" + b" " * MAX_SVG_BYTES + b"</svg>", "te groot"),
]


@pytest.mark.parametrize("name, filename, data, fragment", READ_ERRORS, ids=[r[0] for r in READ_ERRORS])
def test_read_errors_are_dutch(name, filename, data, fragment):
    with pytest.raises(CaseError) as info:
        read_case_file(filename, data)
    assert fragment in info.value.message
    assert "Traceback" not in info.value.message and "Error" not in info.value.message


def test_embedded_case_is_size_checked_too(small_case):
    big_text = small_case.model_dump_json()[:-1] + ', "x": "' + "a" * MAX_FILE_BYTES + '"}'
    with pytest.raises(CaseError) as info:
        read_case_file("kaart.svg", svg_with_case(None, case_text=big_text))
    assert "te groot" in info.value.message


# ----- names of exported files -----

@pytest.mark.parametrize("naam, expected", [
    ("Sam", "netwerkatlas-sam-2026-11-25.json"),
    ("Zoë de Vries", "netwerkatlas-zoe-de-vries-2026-11-25.json"),
    ("../../etc/passwd", "netwerkatlas-etc-passwd-2026-11-25.json"),
    ('<script>"x"</script>', "netwerkatlas-script-x-script-2026-11-25.json"),
    ("王小明", "netwerkatlas-dossier-2026-11-25.json"),
    ("", "netwerkatlas-dossier-2026-11-25.json"),
])
def test_export_filename_is_safe_ascii(naam, expected):
    case = new_case("x")
    case = case.model_copy(update={"personen": [case.klant.model_copy(update={"naam": naam})]})
    assert export_filename(case, "json", dt.date(2026, 11, 25)) == expected


def test_export_filename_extension_and_length():
    case = new_case("A" * 120)
    name = export_filename(case, ".svg", dt.date(2025, 1, 2))
    assert name.endswith("-2025-01-02.svg") and len(name) < 80
    assert export_filename(case, "json").endswith(f"{dt.date.today().isoformat()}.json")
    assert slug("--  --") == "dossier"


# ----- jsonio -----

def test_dumps_is_pretty_and_unicode(small_case):
    case = small_case.model_copy(update={"personen": [small_case.klant.model_copy(update={"naam": "Zoë"}),
                                                      *small_case.personen[1:]]})
    text = dumps_case(case)
    assert '  "naam": "Zoë"' in text.replace("    ", "  ")
    assert "\\u00eb" not in text
    assert json.loads(text) == case.model_dump(mode="json")


def test_loads_accepts_bytes_and_str(small_case):
    text = dumps_case(small_case)
    assert loads_case(text) == loads_case(text.encode("utf-8")) == small_case


# ----- the autosave store -----
