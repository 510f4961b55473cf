"""`python -m snv render basisposter|ontmoeten FILE -o OUT.svg` (test_cli.py style): the same SVG as
export_svg, `validate` accepts it, the case reads back, hostile text stays text."""
from __future__ import annotations

import datetime as dt

import defusedxml.ElementTree as SafeET
import pytest

from snv.cli import main
from snv.model import new_case, ops
from snv.render import basisposter_svg, ontmoeten_svg
from snv.storage import dumps_case, for_export, read_case_file

HOSTILE = "<script>alert(1)</script>]]>"
MODULES = {"basisposter": basisposter_svg, "ontmoeten": ontmoeten_svg}


class _Today(dt.date):
    @classmethod
    def today(cls):
        return cls(2026, 3, 14)


@pytest.fixture
def hostile_file(tmp_path):
    case = new_case(HOSTILE)
    case, pid = ops.add_person(case, HOSTILE)
    case, _ = ops.add_card(case, "sterke_punten", HOSTILE, pid)
    case, _ = ops.add_card(case, "zorgen", HOSTILE, pid)
    case, _ = ops.add_question(case, HOSTILE, eigenaar=pid, naar_bijeenkomst=True)
    case = ops.update_ontmoeten(ops.set_meedenkers(case, [pid]), verhaal=HOSTILE)
    path = tmp_path / "hostile.json"
    path.write_text(dumps_case(case), encoding="utf-8")
    return path, case


@pytest.mark.parametrize("kind", sorted(MODULES))
def test_cli_writes_the_export_and_validate_accepts_it(capsys, tmp_path, demo_case, monkeypatch, kind):
    monkeypatch.setattr(MODULES[kind].dt, "date", _Today)  # the CLI uses today: pin it
    source = tmp_path / "sam.json"
    source.write_text(dumps_case(demo_case), encoding="utf-8")
    target = tmp_path / f"{kind}.svg"
    assert main(["render", kind, str(source), "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and str(target) in out
    expected_case = for_export(demo_case, notes=False, pseudonymise=False)
    assert target.read_text("utf-8") == MODULES[kind].export_svg(expected_case, today=_Today.today())
    assert main(["validate", str(target)]) == 0
    assert "Geldig dossier van Sam" in capsys.readouterr().out
    assert read_case_file(target.name, target.read_bytes()) == expected_case


@pytest.mark.parametrize("kind", sorted(MODULES))
def test_cli_keeps_hostile_text_as_text(capsys, tmp_path, hostile_file, kind):
    path, case = hostile_file
    target = tmp_path / "out.svg"
    assert main(["render", kind, str(path), "-o", str(target)]) == 0
    capsys.readouterr()
    root = SafeET.fromstring(target.read_bytes())
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert "script" not in tags and not any(k.startswith("on") for el in root.iter() for k in el.attrib)
    assert any(HOSTILE in "".join(el.itertext()) for el in root.iter())  # shown as text
    assert read_case_file("out.svg", target.read_bytes()) == for_export(case, notes=False, pseudonymise=False)


def test_cli_without_names_leaves_names_out(capsys, tmp_path, demo_case):
    source = tmp_path / "sam.json"
    source.write_text(dumps_case(demo_case), encoding="utf-8")
    target = tmp_path / "anon.svg"
    assert main(["render", "basisposter", str(source), "-o", str(target), "--zonder-namen"]) == 0
    text = target.read_text("utf-8")
    assert "Anna" not in text and "lasagne" not in text
