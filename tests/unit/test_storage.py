"""Storage: JSON files, SVG files with an embedded case, file names, and the autosave store."""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from snv.model import Case, CaseError, new_case
from snv.model.limits import MAX_FILE_BYTES
from snv.storage import (CaseStore, KeyValueStore, MemoryStore, StorageFullError, dumps_case, export_filename,
                         loads_case, read_case_file)
from snv.storage.files import MAX_SVG_BYTES, slug
from snv.storage.store import CASE_KEY, META_KEY

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

class Clock:
    def __init__(self):
        self.now = dt.datetime(2025, 6, 12, 14, 32, 0)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


def test_memory_store_is_a_key_value_store():
    assert isinstance(MemoryStore(), KeyValueStore)


def test_save_and_load(demo_case, clock):
    store = CaseStore(MemoryStore(), now=clock)
    assert store.load() is None and store.saved_at is None and store.info() is None
    info = store.save(demo_case)
    assert store.load() == demo_case
    assert store.saved_at == clock.now == info.saved_at
    assert info.revision == 1 and info.case_id == "c-demo-sam"
    clock.now += dt.timedelta(minutes=5)
    assert store.save(demo_case).revision == 2
    assert store.info().saved_at == dt.datetime(2025, 6, 12, 14, 37)


def test_all_keys_are_prefixed(small_case):
    kv = MemoryStore()
    CaseStore(kv).save(small_case)
    assert kv.keys() and all(k.startswith("snv:") for k in kv.keys())


def test_full_store_keeps_previous_case(small_case, demo_case):
    kv = MemoryStore(quota=len(dumps_case(small_case).encode()) + 500)
    store = CaseStore(kv)
    store.save(small_case)
    before = dict(kv._data)
    with pytest.raises(StorageFullError) as info:
        store.save(demo_case)  # far bigger than the quota
    assert "de browser is vol" in info.value.message
    assert kv._data == before
    assert store.load() == small_case


def test_quota_counts_replacement_not_addition(small_case):
    size = len(CASE_KEY) + len(dumps_case(small_case).encode())
    kv = MemoryStore(quota=size + 200)
    store = CaseStore(kv)
    store.save(small_case)
    store.save(small_case)  # overwriting the same key must fit again
    assert kv.used() <= kv.quota


def test_meta_that_does_not_fit_is_dropped_not_stale(small_case):
    size = len(CASE_KEY) + len(dumps_case(small_case).encode())
    kv = MemoryStore(quota=size + 10)  # room for the case, not for the meta
    store = CaseStore(kv)
    store.save(small_case)
    assert store.load() == small_case
    assert kv.get(META_KEY) is None and store.saved_at is None


@pytest.mark.parametrize("stored", ["{kapot", '{"personen": "niets"}', '{"schema_version": 9, "personen": []}', ""])
def test_broken_stored_case_is_backed_up(stored, clock):
    kv = MemoryStore()
    kv.set(CASE_KEY, stored)
    kv.set(META_KEY, '{"saved_at": "2025-01-01T00:00:00", "revision": 3, "case_id": "x"}')
    store = CaseStore(kv, now=clock)
    with pytest.raises(CaseError) as info:
        store.load()
    assert "oude staat nog apart bewaard" in info.value.message
    assert isinstance(info.value.__cause__, CaseError)  # the real reason stays available
    backups = store.backups()
    assert backups == ["snv:backup:2025-06-12T14-32-00"]
    assert kv.get(backups[0]) == stored  # the exact old data is kept
    assert kv.get(CASE_KEY) is None and store.load() is None  # the app can start a new case


def test_two_backups_in_the_same_second_do_not_overwrite(clock):
    kv = MemoryStore()
    store = CaseStore(kv, now=clock)
    for text in ("{een", "{twee"):
        kv.set(CASE_KEY, text)
        with pytest.raises(CaseError):
            store.load()
    assert sorted(kv.get(k) for k in store.backups()) == ["{een", "{twee"]


def test_backup_when_store_is_full(clock):
    broken = "{" + "x" * 1000
    kv = MemoryStore(quota=len(CASE_KEY) + len(broken) + 40)  # no room for a second copy
    kv.set(CASE_KEY, broken)
    store = CaseStore(kv, now=clock)
    with pytest.raises(CaseError):
        store.load()
    assert [kv.get(k) for k in store.backups()] == [broken]
    assert kv.get(CASE_KEY) is None


def test_backup_when_backup_key_cannot_fit_leaves_original(clock):
    broken = "{kapot"
    kv = MemoryStore(quota=len(CASE_KEY) + len(broken) + 5)  # the longer backup key never fits
    kv.set(CASE_KEY, broken)
    with pytest.raises(CaseError):
        CaseStore(kv, now=clock).load()
    assert kv.get(CASE_KEY) == broken  # not lost


def test_save_after_broken_load_keeps_backup(small_case, clock):
    kv = MemoryStore()
    kv.set(CASE_KEY, "{kapot")
    store = CaseStore(kv, now=clock)
    with pytest.raises(CaseError):
        store.load()
    store.save(small_case)
    assert store.load() == small_case
    assert kv.get(store.backups()[0]) == "{kapot"


def test_clear_all_removes_only_our_keys(demo_case, clock):
    kv = MemoryStore()
    kv.set("ander-programma", "blijft")
    kv.set("snvx", "ook niet van ons")
    store = CaseStore(kv, now=clock)
    store.save(demo_case)
    kv.set("snv:backup:oud", "{")
    store.clear_all()
    assert sorted(kv.keys()) == ["ander-programma", "snvx"]
    assert store.load() is None and store.saved_at is None


def test_corrupt_meta_is_ignored(small_case):
    kv = MemoryStore()
    store = CaseStore(kv)
    store.save(small_case)
    kv.set(META_KEY, "niet json")
    assert store.info() is None and store.load() == small_case
    assert store.save(small_case).revision == 1
