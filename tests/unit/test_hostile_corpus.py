"""The crafted corpus (tests/corpus/, written by make_corpus.py; huge and deep files made here): each
file gets its expected Dutch message at the import, in the app (current case untouched) and in
`python -m snv validate` (exit 1, one line, no traceback)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from snv import cli
from snv.messages import t
from snv.model import CaseError, new_case
from snv.model.limits import MAX_PERSONS
from snv.storage import read_case_file
from snv.storage.files import MAX_JSON_BYTES, MAX_READ_BYTES
from snv.storage.store import CASE_KEY, CaseStore, MemoryBackend, drive
from snv.ui.app import App

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

UNSAFE = "onveilige onderdelen"
EXPECTED = {
    "truncated.json": "kunnen we niet lezen",
    "not-json.json": "kunnen we niet lezen",
    "nan.json": "kunnen we niet lezen",
    "utf16.json": "kunnen we niet lezen",
    "wrong-types.json": "geboortejaar",
    "list-not-case.json": "geen dossier van Netwerkatlas",
    "duplicate-ids.json": "meer dan één keer",
    "dangling-id.json": "p-weg",
    "ancestry-cycle.json": "eigen voorouder",
    "future-schema.json": "nieuwere versie",
    "envelope-broken.json": "kapot of niet door Netwerkatlas",
    "svg-script-utf8.svg": UNSAFE,
    "svg-script-utf16.svg": UNSAFE,
    "svg-onload-utf8.svg": UNSAFE,
    "svg-dtd-utf8.svg": UNSAFE,
    "svg-dtd-utf16.svg": UNSAFE,
    "svg-entity-utf8.svg": UNSAFE,
    "svg-entity-utf16.svg": UNSAFE,
    "svg-billion-laughs.svg": UNSAFE,
    "svg-external-entity.svg": UNSAFE,
    "svg-broken.svg": "SVG-bestand kunnen we niet lezen",
    "svg-no-case.svg": "geen dossier",
}


def _persons(n: int) -> bytes:
    people = [{"id": f"p{i}", "naam": f"P{i}"} for i in range(n)]
    return json.dumps({"schema_version": 1, "id": "c", "klant_id": "p0", "personen": people}).encode()


GENERATED = {
    "deep-arrays.json": (lambda: b"[" * 5_000 + b"]" * 5_000, "te veel lagen"),
    "deep-objects.json": (lambda: b'{"a":' * 5_000 + b"1" + b"}" * 5_000, "te veel lagen"),
    "deep-unclosed.json": (lambda: b"[" * 50_000, "te veel lagen"),
    "deep-in-case.json": (lambda: json.dumps({"schema_version": 1, "id": "c", "klant_id": "k", "personen": "X"})
                          .encode().replace(b'"X"', b"[" * 3_000 + b"]" * 3_000), "te veel lagen"),
    "deep.svg": (lambda: b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g>" * 5_000 + b"</g>" * 5_000
                         + b"</svg>", "te veel lagen"),
    "huge.json": (lambda: b'{"personen": [], "x": "' + b"a" * MAX_JSON_BYTES + b'"}', "te groot"),
    "too-many-persons.json": (lambda: _persons(MAX_PERSONS + 1), "te veel personen"),
    "empty.json": (lambda: b"", "leeg"),
}


def _all() -> list[tuple[str, bytes, str]]:
    files = [(name, (CORPUS / name).read_bytes(), fragment) for name, fragment in EXPECTED.items()]
    files += [(name, make(), fragment) for name, (make, fragment) in GENERATED.items()]
    return files


FILES = _all()


def test_every_corpus_file_has_an_expectation():
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".json", ".svg")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name, data, fragment", FILES, ids=[f[0] for f in FILES])
def test_import_gives_the_dutch_message(name, data, fragment):
    with pytest.raises(CaseError) as info:
        read_case_file(name, data)
    assert fragment in info.value.message
    assert "Traceback" not in info.value.message and "Error" not in info.value.message


@pytest.mark.parametrize("name, data, fragment", FILES, ids=[f[0] for f in FILES])
def test_app_keeps_the_current_case(name, data, fragment):
    store = CaseStore(MemoryBackend(), now=lambda: dt.datetime(2026, 12, 2, 14, 0))
    app = App(new_case("Sam"), store=store, now=lambda: dt.datetime(2026, 12, 2, 14, 0))
    app.pending_save = True
    app.save_now()
    before, stored = app.case, drive(store.backend.get(CASE_KEY))
    assert app.open_file(name, data) is False
    assert app.case is before and drive(store.backend.get(CASE_KEY)) == stored and not app.can_undo
    assert len(app.alerts) == 1 and fragment in app.alerts[0]
    assert t("ui.file.unchanged") in app.alerts[0]


@pytest.mark.parametrize("name, data, fragment", FILES, ids=[f[0] for f in FILES])
def test_validate_says_it_in_one_dutch_line(capsys, tmp_path, name, data, fragment):
    path = tmp_path / name
    path.write_bytes(data)
    assert cli.main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and fragment in err and err.count("\n") == 1 and "Traceback" not in err


def test_corpus_stays_small():
    assert sum(p.stat().st_size for p in CORPUS.iterdir()) < 200_000 < MAX_READ_BYTES
