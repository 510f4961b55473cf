"""`python -m snv import easynwk|gedcom` and `python -m snv export graphml|csv|gedcom`: Dutch output,
the exit codes of `validate` (0 ok, 1 bad input, 2 usage, 3 encrypted), never a traceback."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from snv.cli import main
from snv.storage import dumps_case, read_case_file
from snv.storage import envelope as env

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "interop"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(tmp_path, demo_case) -> Path:
    path = tmp_path / "sam.json"
    path.write_text(dumps_case(demo_case), encoding="utf-8")
    return path


def test_import_easynwk_writes_a_valid_case_and_says_what_it_found(capsys, tmp_path):
    out = tmp_path / "jonas.json"
    code, stdout, err = run(capsys, "import", "easynwk", str(FIXTURES / "easynwk-jonas.json"), "-o", str(out))
    assert code == 0 and err == ""
    assert f"Opgeslagen in {out}." in stdout
    assert "11 personen en 1 bewaarde kaart gevonden in een easyNWK-bestand." in stdout
    case = read_case_file(out.name, out.read_bytes())
    assert case.klant.naam == "Jonas" and len(case.momentopnamen) == 1


def test_import_to_stdout_keeps_stdout_for_the_case(capsys):
    code, stdout, err = run(capsys, "import", "easynwk", str(FIXTURES / "easynwk-old.json"), "--rollen-vertalen")
    assert code == 0
    case = read_case_file("x.json", stdout.encode("utf-8"))
    assert {p.rol for p in case.personen} == {"ik", "vriendin", "broer"}  # Freundin, Bruder
    assert "3 personen" in err


@pytest.mark.parametrize("klant, expected", [("I4", "Daan Bakker"), ("@I2@", "Karel Bakker"),
                                             ("ellen  de wit", "Ellen de Wit")])
def test_import_gedcom_with_a_chosen_client(capsys, tmp_path, klant, expected):
    out = tmp_path / "boom.json"
    code, stdout, _ = run(capsys, "import", "gedcom", str(FIXTURES / "stamboom-551-ansi.ged"), "-o", str(out),
                          "--klant", klant)
    assert code == 0 and "1 bron" in stdout
    case = read_case_file(out.name, out.read_bytes())
    assert case.klant.naam == expected and case.klant.rol == "ik"


def test_import_gedcom_with_an_unknown_client_is_a_dutch_error(capsys):
    code, stdout, err = run(capsys, "import", "gedcom", str(FIXTURES / "stamboom-70.ged"), "--klant", "Niemand")
    assert code == 1 and stdout == "" and "Persoon 'Niemand' staat niet in deze stamboom." in err


@pytest.mark.parametrize("kind, fixture", [("gedcom", "easynwk-jonas.json"), ("easynwk", "stamboom-70.ged")])
def test_import_of_the_wrong_kind_is_a_dutch_error(capsys, kind, fixture):
    code, stdout, err = run(capsys, "import", kind, str(FIXTURES / fixture))
    assert code == 1 and stdout == ""
    assert f"Dit is geen bestand van het soort '{kind}'" in err


def test_import_of_a_hostile_tree_is_one_dutch_sentence(capsys, tmp_path):
    path = tmp_path / "rond.ged"
    path.write_text("0 HEAD\n0 @I1@ INDI\n1 NAME Anna\n0 @F1@ FAM\n1 HUSB @I1@\n1 CHIL @I2@\n"
                    "0 @I2@ INDI\n0 @F2@ FAM\n1 HUSB @I2@\n1 CHIL @I1@\n0 TRLR\n", encoding="utf-8")
    code, stdout, err = run(capsys, "import", "gedcom", str(path))
    assert code == 1 and "eigen voorouder" in err and "Traceback" not in err


def test_import_of_a_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "import", "easynwk", str(tmp_path / "weg.json"))
    assert code == 1 and "weg.json" in err


def test_export_graphml_is_without_names_unless_asked(capsys, tmp_path, demo_file, demo_case):
    out = tmp_path / "net.graphml"
    assert run(capsys, "export", "graphml", str(demo_file), "-o", str(out))[0] == 0
    assert demo_case.klant.naam not in out.read_text("utf-8")
    assert run(capsys, "export", "graphml", str(demo_file), "-o", str(out), "--met-namen")[0] == 0
    assert demo_case.klant.naam in out.read_text("utf-8")


def test_export_csv_as_a_zip_or_into_a_folder(capsys, tmp_path, demo_file):
    out = tmp_path / "tabellen.zip"
    assert run(capsys, "export", "csv", str(demo_file), "-o", str(out))[0] == 0
    assert "personen.csv" in zipfile.ZipFile(out).namelist()
    folder = tmp_path / "map"
    folder.mkdir()
    assert run(capsys, "export", "csv", str(demo_file), "-o", str(folder))[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["LEESMIJ.txt", "banden.csv", "kengetallen.csv",
                                                        "personen.csv", "steun.csv"]


def test_export_csv_needs_an_output(capsys, demo_file):
    code, stdout, err = run(capsys, "export", "csv", str(demo_file))
    assert code == 1 and "Voor csv is -o nodig" in err


def test_export_gedcom_then_import_gives_the_family_back(capsys, tmp_path, demo_file, demo_case):
    ged = tmp_path / "familie.ged"
    assert run(capsys, "export", "gedcom", str(demo_file), "-o", str(ged))[0] == 0
    assert ged.read_bytes().startswith(b"0 HEAD\r\n")
    back = tmp_path / "terug.json"
    assert run(capsys, "import", "gedcom", str(ged), "-o", str(back))[0] == 0
    case = read_case_file(back.name, back.read_bytes())
    assert case.klant.naam == demo_case.klant.naam and len(case.ouder_kind) == len(demo_case.ouder_kind)


def test_export_of_an_encrypted_case_exits_3(capsys, tmp_path):
    sealed = env.Envelope(naam="x.json", type="application/json", salt=b"s" * 16, iv=b"i" * 12,
                          iterations=env.ITERATIONS, data=b"d" * 40)
    path = tmp_path / "dicht.json"
    path.write_text(sealed.to_json(), encoding="utf-8")
    code, stdout, err = run(capsys, "export", "graphml", str(path))
    assert code == 3 and "versleuteld" in err


def test_help_of_import_and_export_is_dutch(capsys):
    code, stdout, _ = run(capsys, "import", "--help")
    assert code == 0 and "--rollen-vertalen" in stdout and "argumenten" in stdout
    code, stdout, _ = run(capsys, "export", "--help")
    assert code == 0 and "--met-namen" in stdout and "opties" in stdout


def test_no_traceback_for_garbage_through_python_m(tmp_path):
    path = tmp_path / "rommel.ged"
    path.write_bytes(b"0 HEAD\n" + bytes(range(256)) * 50)
    result = subprocess.run([sys.executable, "-m", "snv", "import", "gedcom", str(path)], capture_output=True,
                            text=True, env={"PYTHONPATH": str(ROOT / "py")}, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "geen personen" in result.stderr
