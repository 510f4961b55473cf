"""Property-based: random and mutated JSON and SVG at the import, the app and `validate`.

Whatever the bytes: never a crash and never a traceback; either a valid Case, or a CaseError whose
message comes from the Dutch catalogue; in the app the current case and the stored copy stay as they
were. Mutations start from the demo case (delete, duplicate, retype fields, dangling ids, ancestry
cycles, deep nesting, truncation, future schema) and are served as JSON or inside an SVG (UTF-8/16).
Example counts are kept moderate so the unit suite stays fast.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from snv import cli  # noqa: E402
from snv.messages import catalogue  # noqa: E402
from snv.model import Case, CaseError, new_case  # noqa: E402
from snv.model.demo import demo_case  # noqa: E402
from snv.storage import read_case_file  # noqa: E402
from snv.storage.store import CASE_KEY, CaseStore, MemoryBackend, drive  # noqa: E402
from snv.ui.app import App  # noqa: E402

FAST = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NOW = dt.datetime(2026, 12, 2, 14, 0)
DEMO = demo_case().model_dump(mode="json")
DEEP = "__DIEP__"
NS = "http://www.w3.org/2000/svg"

# The fixed beginnings of every catalogue text (before the first {field}): a message must start so.
_PREFIXES = sorted({v.split("{")[0] for v in catalogue().values() if len(v.split("{")[0]) >= 12}, key=len)


def assert_dutch(message: str) -> None:
    assert message and "Traceback" not in message and "Error" not in message, message
    assert any(message.startswith(p) for p in _PREFIXES), f"not a catalogue text: {message!r}"


def _paths(doc) -> list[tuple]:
    out, stack = [], [((), doc)]
    while stack:
        path, node = stack.pop()
        out.append(path)
        if isinstance(node, dict):
            stack.extend(((*path, k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node))
    return sorted(out, key=repr)


PATHS = [p for p in _paths(DEMO) if p]


def _at(doc, path):
    for key in path:
        doc = doc[key]
    return doc


LIST_PATHS = [p for p in PATHS if isinstance(_at(DEMO, p), list) and _at(DEMO, p)]
ID_PATHS = [p for p in PATHS if isinstance(_at(DEMO, p), str) and _at(DEMO, p).startswith("p-")]
PERSON_IDS = [p["id"] for p in DEMO["personen"]]

odd_values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20), st.just("\u202e\u200b"), st.just([]), st.just({}), st.just([[]]),
    st.just("1990"), st.just("2026-13-45"), st.just("x" * 6000))


@st.composite
def mutated_case(draw) -> str:
    doc = copy.deepcopy(DEMO)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["delete", "duplicate", "retype", "dangle", "cycle", "deep", "schema"]))
        if kind == "delete":
            path = draw(st.sampled_from(PATHS))
            try:
                parent = _at(doc, path[:-1])
                del parent[path[-1]]
            except (KeyError, IndexError, TypeError):
                pass
        elif kind == "duplicate":
            path = draw(st.sampled_from(LIST_PATHS))
            try:
                items = _at(doc, path)
                items.append(copy.deepcopy(items[draw(st.integers(0, len(items) - 1))]))
            except (KeyError, IndexError, TypeError, ValueError):
                pass
        elif kind in ("retype", "dangle", "deep"):
            path = draw(st.sampled_from(ID_PATHS if kind == "dangle" else PATHS))
            value = {"retype": lambda: draw(odd_values), "dangle": lambda: "p-weg", "deep": lambda: DEEP}[kind]()
            try:
                _at(doc, path[:-1])[path[-1]] = value
            except (KeyError, IndexError, TypeError):
                pass
        elif kind == "cycle":
            a, b = draw(st.sampled_from(PERSON_IDS)), draw(st.sampled_from(PERSON_IDS))
            doc.setdefault("ouder_kind", []).extend([{"ouder": a, "kind": b}, {"ouder": b, "kind": a}])
        else:
            doc["schema_version"] = draw(st.one_of(st.integers(-5, 10**6), st.text(max_size=3), st.none()))
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    if DEEP in text:  # json.dumps itself cannot write deep data: splice it into the text
        n = draw(st.integers(60, 4_000))
        opening, closing = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
        text = text.replace(f'"{DEEP}"', opening * n + "1" + closing * n, 1)
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=25)
random_json = json_values.map(json.dumps)
case_shaped = st.fixed_dictionaries(
    {"personen": st.lists(st.dictionaries(st.sampled_from(["id", "naam", "rol", "geboortejaar"]), json_values),
                          max_size=3)},
    optional={"klant_id": json_values, "schema_version": json_values, "id": json_values}).map(json.dumps)
envelope_like = st.dictionaries(st.sampled_from(["versie", "kdf", "cipher", "naam", "type", "data"]), json_values).map(
    lambda d: json.dumps({"netwerkatlas": "versleuteld", **d}))


@st.composite
def as_file(draw, texts) -> tuple[str, bytes]:
    text = draw(texts)
    form = draw(st.sampled_from(["json"] * 6 + ["svg-utf8", "svg-utf8", "svg-utf16", "svg-dtd", "bytes"]))
    if form == "json":
        return draw(st.sampled_from(["dossier.json", "", "x.svg"])), text.encode("utf-8")
    if form == "bytes":
        return "x.json", draw(st.binary(max_size=200))
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    extra = draw(st.sampled_from([""] * 4 + ["<script>1</script>", '<g onclick="x"/>', "<title>&amp;</title>"]))
    doctype = '<!DOCTYPE svg [<!ENTITY e "x">]>' if form == "svg-dtd" else ""
    encoding = "utf-16" if form == "svg-utf16" else "utf-8"
    svg = (f'<?xml version="1.0" encoding="{encoding.upper()}"?>{doctype}<svg xmlns="{NS}">{extra}'
           f'<metadata id="snv-case">{escaped}</metadata></svg>')
    return "kaart.svg", svg.encode(encoding)


any_file = as_file(st.one_of(mutated_case(), mutated_case(), mutated_case(), random_json, case_shaped, envelope_like))


def check_import(filename: str, data: bytes) -> Case | None:
    try:
        case = read_case_file(filename, data)
    except CaseError as exc:
        assert_dutch(exc.message)
        return None
    assert isinstance(case, Case)
    return case


@FAST
@given(any_file)
def test_import_never_crashes(file):
    check_import(*file)


@FAST
@given(any_file)
def test_app_keeps_current_case_on_any_file(file):
    store = CaseStore(MemoryBackend(), now=lambda: NOW)
    app = App(new_case("Sam"), store=store, now=lambda: NOW)
    app.pending_save = True
    app.save_now()
    before, stored = app.case, drive(store.backend.get(CASE_KEY))
    opened = app.open_file(*file)
    if opened:
        assert app.case is not before and app.can_undo
        return
    assert app.case is before and drive(store.backend.get(CASE_KEY)) == stored and not app.can_undo
    if app.sheet and app.sheet.kind == "passphrase":  # a well-formed envelope: the passphrase is asked
        return
    assert len(app.alerts) == 1
    assert_dutch(app.alerts[0])


_TMP = Path(tempfile.mkdtemp(prefix="snv-hostile-"))


@settings(FAST, max_examples=30)
@given(any_file)
def test_validate_never_crashes(file):
    import contextlib
    import io

    path = _TMP / ("f.svg" if file[0].endswith(".svg") else "f.json")
    path.write_bytes(file[1])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["validate", str(path)])
    assert code in (0, 1, 3), err.getvalue()
    if code == 1:
        assert out.getvalue() == "" and err.getvalue().count("\n") == 1
        assert_dutch(err.getvalue().strip())
    else:
        assert err.getvalue() == "" and out.getvalue().count("\n") == 1


def _depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


@FAST
@given(json_values, st.booleans())
def test_depth_scan_agrees_with_the_parsed_structure(value, ascii_only):
    from snv.storage.jsonio import json_depth

    assert json_depth(json.dumps(value, ensure_ascii=ascii_only)) == _depth(value)
