"""The command line (snv.cli): Dutch output, exit codes 0/1/2, never a traceback for a bad file."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from snv import cli
from snv.cli import main
from snv.model import SCHEMA_VERSION, new_case
from snv.model.limits import MAX_FILE_BYTES
from snv.storage import dumps_case, for_export, read_case_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_file(tmp_path, demo_case) -> Path:
    path = tmp_path / "sam.json"
    path.write_text(dumps_case(demo_case), encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_is_dutch(capsys):
    code, out, err = run(capsys, "--help")
    assert code == 0 and err == ""
    assert out.startswith("gebruik: ")
    for word in ("opties", "opdrachten", "validate", "demo", "figures", "render", "laat deze hulp zien"):
        assert word in out
    assert "usage" not in out and "show this help" not in out


def test_subcommand_help_is_dutch(capsys):
    code, out, _ = run(capsys, "render", "--help")
    assert code == 0 and "--zonder-namen" in out and "argumenten" in out and "positional" not in out


@pytest.mark.parametrize("argv, fragment", [
    ([], "deze argumenten ontbreken: OPDRACHT"),
    (["validate"], "deze argumenten ontbreken: BESTAND"),
    (["opruimen"], "onbekende keuze: 'opruimen'"),
    (["validate", "a.json", "--snel"], "onbekende argumenten: --snel"),
    (["render", "stamboom", "x.json"], "onbekende keuze"),
    (["demo", "-o"], "hier hoort één waarde bij"),
])
def test_usage_errors_are_dutch(capsys, argv, fragment):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert "fout: " in err and fragment in err and "error" not in err


def test_argparse_texts_are_restored(capsys):
    run(capsys, "--help")
    assert argparse._("usage: ") == "usage: "


def test_validate_demo(capsys, demo_file):
    code, out, err = run(capsys, "validate", str(demo_file))
    assert (code, err) == (0, "")
    assert out == "Geldig dossier van Sam: 33 personen, 2 momentopnamen, plan versie 2.\n"


def test_validate_singular_and_no_plan(capsys, tmp_path):
    path = tmp_path / "nieuw.json"
    path.write_text(dumps_case(new_case("Zoë")), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and out == "Geldig dossier van Zoë: 1 persoon, 0 momentopnamen, nog geen plan.\n"


def test_validate_svg_with_embedded_case(capsys, tmp_path, small_case):
    path = tmp_path / "kaart.svg"
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><metadata id="snv-case">'
                    f'{small_case.model_dump_json().replace("&", "&amp;").replace("<", "&lt;")}</metadata></svg>')
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and out.startswith("Geldig dossier van Ik: 4 personen")


def test_control_characters_in_names_are_not_printed(capsys, tmp_path):
    case = new_case("Sam\x1b[2J\x07")
    path = tmp_path / "raar.json"
    path.write_text(dumps_case(case), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "Sam" in out


def _write(tmp_path: Path, name: str, content: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return str(path)


def _case_text(**changes) -> str:
    data = {"schema_version": 1, "id": "c", "klant_id": "k", "personen": [{"id": "k", "naam": "S"}]}
    data.update(changes)
    return json.dumps(data)


BAD_FILES = [
    ("wrong json", "a.json", '{"personen": [', "kunnen we niet lezen"),
    ("wrong types", "b.json", _case_text(personen=[{"id": "k", "naam": "S", "geboortejaar": "oud"}]),
     "geboortejaar"),
    ("dangling id", "c.json", _case_text(banden=[{"a": "k", "b": "p-weg"}]), "p-weg"),
    ("newer schema", "d.json", _case_text(schema_version=SCHEMA_VERSION + 1), "nieuwere versie"),
    ("too large", "e.json", b"{" + b" " * (MAX_FILE_BYTES + 10) + b"}", "te groot"),
    ("unknown type", "f.png", b"\x89PNG\r\n\x1a\n", "Dit soort bestand"),
    ("empty", "g.json", b"", "leeg"),
    ("svg without case", "h.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>', "geen dossier"),
]


@pytest.mark.parametrize("name, filename, content, fragment", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_validate_bad_file(capsys, tmp_path, name, filename, content, fragment):
    code, out, err = run(capsys, "validate", _write(tmp_path, filename, content))
    assert code == 1 and out == ""
    assert fragment in err and err.count("\n") == 1
    assert "Traceback" not in err and "Error" not in err


def test_validate_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, "validate", str(tmp_path / "weg.json"))
    assert (code, out) == (1, "") and "bestaat niet" in err and "weg.json" in err


def test_validate_directory(capsys, tmp_path):
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert (code, out) == (1, "") and "is een map" in err


def test_validate_from_stdin(monkeypatch, capsys, small_case):
    import io
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(dumps_case(small_case).encode())))
    code, out, _ = run(capsys, "validate", "-")
    assert code == 0 and "Geldig dossier van Ik" in out


def test_unexpected_error_exits_2_without_traceback(monkeypatch, capsys, demo_file):
    def boom(*_args, **_kw):
        raise RuntimeError("kapot")
    monkeypatch.setattr(cli, "read_case_file", boom)
    code, out, err = run(capsys, "validate", str(demo_file))
    assert (code, out) == (2, "")
    assert err.startswith("Er ging iets mis: ") and "kapot" in err and "Traceback" not in err


def test_demo_writes_a_valid_file(capsys, tmp_path, demo_case):
    target = tmp_path / "demo.json"
    code, out, err = run(capsys, "demo", "-o", str(target))
    assert (code, err) == (0, "") and out == f"Opgeslagen in {target}.\n"
    assert read_case_file(target.name, target.read_bytes()) == demo_case


def test_demo_to_stdout(capsys, demo_case):
    code, out, _ = run(capsys, "demo")
    assert code == 0 and out == dumps_case(demo_case)


def test_demo_to_unwritable_place(capsys, tmp_path):
    code, out, err = run(capsys, "demo", "-o", str(tmp_path / "bestaat-niet" / "demo.json"))
    assert (code, out) == (1, "") and "kan niet worden geschreven" in err


def test_figures(capsys, demo_file, demo_case):
    figures = pytest.importorskip("snv.analysis.figures")
    code, out, err = run(capsys, "figures", str(demo_file))
    assert (code, err) == (0, "")
    assert json.loads(out) == json.loads(json.dumps(figures.compute_figures(demo_case)))


def test_figures_of_a_bad_file(capsys, tmp_path):
    pytest.importorskip("snv.analysis.figures")
    code, out, err = run(capsys, "figures", _write(tmp_path, "x.json", "{kapot"))
    assert (code, out) == (1, "") and "kunnen we niet lezen" in err


@pytest.mark.parametrize("flags, notes, pseudo", [
    ([], False, False), (["--met-notities"], True, False), (["--zonder-namen"], False, True),
    (["--zonder-namen", "--met-notities"], True, True),
])
def test_render_relatiekaart(capsys, tmp_path, demo_file, demo_case, flags, notes, pseudo):
    pytest.importorskip("snv.render.relatiekaart_svg")
    target = tmp_path / "kaart.svg"
    code, out, err = run(capsys, "render", "relatiekaart", str(demo_file), "-o", str(target), *flags)
    assert (code, err) == (0, "") and str(target) in out
    svg = target.read_bytes()
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    embedded = read_case_file(target.name, svg)  # the export opens again as the full case
    assert embedded == for_export(demo_case, notes=notes, pseudonymise=pseudo)
    assert (b"Anna" in svg) is (not pseudo)
    assert (b"Niet in de groep bespreken" in svg) is (notes and not pseudo)  # a private note


def test_render_to_stdout(capsys, demo_file):
    pytest.importorskip("snv.render.relatiekaart_svg")
    code, out, _ = run(capsys, "render", "relatiekaart", str(demo_file))
    assert code == 0 and out.lstrip().startswith("<?xml") and 'id="snv-case"' in out


def test_module_entry_point(demo_file, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "py") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    ok = subprocess.run([sys.executable, "-m", "snv", "validate", str(demo_file)], capture_output=True,
                        text=True, env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("Geldig dossier van Sam: 33 personen")
    bad = tmp_path / "kapot.json"
    bad.write_text("{kapot")
    fail = subprocess.run([sys.executable, "-m", "snv", "validate", str(bad)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert fail.returncode == 1 and fail.stdout == ""
    assert "kunnen we niet lezen" in fail.stderr and "Traceback" not in fail.stderr
    usage = subprocess.run([sys.executable, "-m", "snv", "--help"], capture_output=True, text=True, env=env, timeout=120)
    assert usage.returncode == 0 and usage.stdout.startswith("gebruik: python -m snv")
