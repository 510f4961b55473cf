"""Hostile input at every JSON/SVG entry point: a Dutch CaseError, never a crash of the runtime.

Pyodide has a much smaller stack than CPython: a few thousand nested arrays made `json.loads`
overflow it and killed the Python runtime for good. So nesting is measured by a linear scan before
any parse, and refused with a Dutch message.
"""
from __future__ import annotations

import json

import pytest

from snv import cli
from snv.model import CaseError
from snv.model.limits import MAX_FILE_BYTES
from snv.storage import dumps_case, jsonio, read_case_file
from snv.storage.files import MAX_READ_BYTES, check_file_size
from snv.storage.jsonio import MAX_DEPTH, json_depth, loads_case

SVG_NS = "http://www.w3.org/2000/svg"


# ----- depth guard -----

@pytest.mark.parametrize("text, depth", [
    ("{}", 1), ("[]", 1), ("1", 0), ('"[[[["', 0), ('{"a": [[1], {"b": []}]}', 4),
    ('["\\"[[[", ["x"]]', 2), ('"\\\\" [', 1),
])
def test_json_depth_ignores_brackets_in_strings(text, depth):
    assert json_depth(text) == depth


@pytest.mark.parametrize("text, depth", [('"[[[', 0), ('[ "abc\\', 1), ('[["', 2), ('[ "\\"[" ]', 1)])
def test_an_unclosed_string_runs_to_the_end_as_for_the_parser(text, depth):
    assert json_depth(text) == depth


def test_the_scan_does_not_restart_at_every_escaped_quote():
    # '"\\"\\"\\…' made a backtracking string pattern retry from every quote (quadratic: a 10 MB file
    # would keep the tablet busy for hours); the scan reads it as one unclosed string.
    assert json_depth('"\\' * 100_000 + "[" * 100) == 0
    assert json_depth("[" * 100 + '"\\' * 100_000) == 100


def test_a_real_case_nests_far_below_the_limit(demo_case):
    assert json_depth(dumps_case(demo_case)) < 15 < MAX_DEPTH


@pytest.mark.parametrize("opening, closing", [("[", "]"), ('{"a":', "}"), ("[{\"x\":", "}]")])
@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 5_000, 100_000])
def test_deep_nesting_is_refused_before_any_parse(monkeypatch, opening, closing, levels):
    def no_parse(*args, **kwargs):  # the runtime would die in here
        raise AssertionError("json.loads was called on a too deeply nested file")

    monkeypatch.setattr(jsonio.json, "loads", no_parse)
    text = opening * levels + "1" + closing * levels
    with pytest.raises(CaseError) as info:
        loads_case(text)
    assert "te veel lagen" in info.value.message and "niet veranderd" in info.value.message


def test_unclosed_deep_prefix_is_refused_too(monkeypatch):
    monkeypatch.setattr(jsonio.json, "loads", lambda *a, **k: pytest.fail("parsed"))
    with pytest.raises(CaseError, match="te veel lagen"):
        read_case_file("x.json", b"[" * 5_000)


def test_nesting_at_the_limit_is_parsed():
    data = jsonio.loads_json("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    assert isinstance(data, list)


def test_deep_case_embedded_in_svg_is_refused():
    deep = "[" * 5_000 + "]" * 5_000
    svg = f'<svg xmlns="{SVG_NS}"><metadata id="snv-case">{deep}</metadata></svg>'.encode()
    with pytest.raises(CaseError, match="te veel lagen"):
        read_case_file("kaart.svg", svg)


def test_cli_refuses_deep_file_in_dutch(capsys, tmp_path):
    path = tmp_path / "diep.json"
    path.write_text("[" * 5_000 + "]" * 5_000)
    assert cli.main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "te veel lagen" in err and "Traceback" not in err


# ----- SVG: no DTD, no entities, whatever the encoding -----

def _svg(case_json: str, *, encoding: str = "utf-8", doctype: str = "", body: str | None = None) -> bytes:
    decl = f'<?xml version="1.0" encoding="{encoding.upper().replace("-LE", "LE").replace("-BE", "BE")}"?>\n'
    inner = body if body is not None else f'<metadata id="snv-case">{case_json}</metadata>'
    text = f'{decl}{doctype}<svg xmlns="{SVG_NS}">{inner}</svg>'
    return text.encode(encoding)  # "utf-16" writes a byte order mark, as editors do


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be"])
def test_internal_entity_is_never_expanded(small_case, encoding):
    naam = small_case.klant.naam
    case_json = small_case.model_dump_json().replace(f'"{naam}"', '"&naam;"', 1)
    data = _svg(case_json, encoding=encoding, doctype='<!DOCTYPE svg [<!ENTITY naam "Ingeschoven">]>')
    with pytest.raises(CaseError) as info:
        read_case_file("kaart.svg", data)
    assert "onveilige" in info.value.message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_any_doctype_is_refused(small_case, encoding):
    data = _svg(small_case.model_dump_json(), encoding=encoding,
                doctype='<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">')
    with pytest.raises(CaseError, match="onveilige"):
        read_case_file("kaart.svg", data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_good_svg_in_utf16_opens(small_case, encoding):
    body = f'<metadata id="snv-case">{small_case.model_dump_json().replace("&", "&amp;")}</metadata>'
    assert read_case_file("kaart.svg", _svg("", encoding=encoding, body=body)) == small_case


@pytest.mark.parametrize("active", ['<script>alert(1)</script>', '<g onload="alert(1)"/>',
                                    '<foreignObject><p>x</p></foreignObject>'])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_svg_with_script_is_refused(small_case, active, encoding):
    # our maps never contain scripts or event handlers: such a file was made or changed by someone else
    body = f'{active}<metadata id="snv-case">{small_case.model_dump_json()}</metadata>'
    with pytest.raises(CaseError, match="onveilige"):
        read_case_file("kaart.svg", _svg("", encoding=encoding, body=body))


# ----- one size table, one formatter -----

def test_size_message_uses_a_decimal_comma():
    with pytest.raises(CaseError) as info:
        check_file_size(int(60.5 * 1024 * 1024))
    assert "60,5 MB" in info.value.message and "60.5" not in info.value.message
    assert jsonio.format_mb(60 * 1024 * 1024) == "60"


def test_an_svg_above_the_json_limit_passes_the_first_size_check():
    check_file_size(MAX_FILE_BYTES + 1)  # the kind is known only after reading: the largest limit applies
    with pytest.raises(CaseError, match="te groot"):
        check_file_size(MAX_READ_BYTES + 1)


def test_cli_reports_the_real_size_of_a_huge_file(capsys, tmp_path):
    path = tmp_path / "groot.json"
    with path.open("wb") as f:
        f.truncate(MAX_READ_BYTES + 25 * 1024 * 1024)  # sparse: big on paper, cheap on disk
    assert cli.main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    expected = jsonio.format_mb(MAX_READ_BYTES + 25 * 1024 * 1024)
    assert f"({expected} MB)" in err, err


def test_duplicate_keys_do_not_crash():
    text = json.dumps({"a": 1})[:-1] + ', "a": 2}'
    with pytest.raises(CaseError):
        loads_case(text)


def test_deeply_nested_stored_case_is_refused_and_kept_aside():
    from snv.storage.store import CASE_KEY, CaseStore, MemoryBackend, drive

    backend = MemoryBackend()
    deep = "[" * 5_000 + "]" * 5_000
    drive(backend.put({CASE_KEY: deep}))
    with pytest.raises(CaseError):
        drive(CaseStore(backend).load())
    kept = [drive(backend.get(k)) for k in drive(backend.keys()) if k != CASE_KEY]
    assert deep in kept  # kept aside as a version, never thrown away


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_deeply_nested_svg_is_refused_while_parsing(encoding):
    body = "<g>" * 5_000 + "</g>" * 5_000
    with pytest.raises(CaseError, match="te veel lagen"):
        read_case_file("kaart.svg", _svg("", encoding=encoding, body=body))


def test_svg_metadata_text_is_read_in_document_order():
    from snv.storage.files import _case_text_from_svg

    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><metadata id="snv-case">a<b>B<c>C</c>c</b>b</metadata></svg>'
    assert _case_text_from_svg(svg) == "aBCcb"
