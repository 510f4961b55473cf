"""build.py's test tooling: one pin list for the build and the CPython tests, an install that repairs
other versions (not only missing ones), ruff and mypy before pytest, one Chromium path."""
from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def test_the_test_pins_are_the_shipped_wheels(build):
    pins = build.runtime_pins()
    assert pins == {name: pin["version"] for name, pin in build.WHEELS.items()}
    for name in ("pydantic", "pydantic-core", "networkx"):
        assert pins[name] == build.WHEELS[name]["version"]


def test_pyproject_ranges_admit_the_shipped_versions(build):
    """`pip install -e .[test] pydantic==<shipped>` must be solvable: pyproject's ranges allow the pins."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pins = build.runtime_pins()
    for line in project["dependencies"]:
        req = Requirement(line)
        name = build.canonical(req.name)
        if name in pins:
            assert req.specifier.contains(pins[name]), (line, pins[name])


def test_ruff_and_mypy_are_pinned_in_the_test_extra(build):
    pinned = dict(build._pinned(r) for r in build.pyproject_test_extra())
    assert pinned["ruff"] and pinned["mypy"]  # exact versions, so new releases bring no new findings
    assert pinned["pytest"] is None  # a range: any version is accepted


def test_other_installed_version_counts_as_a_problem(build, monkeypatch):
    versions = {"pydantic": "2.13.4", "networkx": "3.6.1"}

    def fake_version(name):
        if name not in versions:
            raise build.importlib.metadata.PackageNotFoundError(name)
        return versions[name]

    monkeypatch.setattr(build.importlib.metadata, "version", fake_version)
    problems = build.version_problems({"pydantic": "2.14.4", "networkx": "3.6.1", "ruff": "0.17.6", "pytest": None})
    assert problems == ["pydantic 2.13.4 is installed, wanted 2.14.4", "ruff is missing (wanted 0.17.6)",
                        "pytest is missing"]


def test_install_repairs_a_different_version_with_exact_pins(build, monkeypatch):
    calls = []
    answers = iter([["pydantic 2.13.4 is installed, wanted 2.14.4"], []])
    monkeypatch.setattr(build, "CHROMIUM", ROOT / "build.py")  # "present": no apt-get
    monkeypatch.setattr(build, "requirement_problems", lambda check_origin=True: next(answers))
    monkeypatch.setattr(build.subprocess, "run",
                        lambda cmd, **kw: calls.append(cmd) or SimpleNamespace(returncode=0, stdout="", stderr=""))
    assert build.install_test_requirements() == ["pydantic 2.13.4 is installed, wanted 2.14.4"]
    (cmd,) = calls
    assert cmd[:6] == [sys.executable, "-m", "pip", "install", "-e", ".[test]"]
    assert set(cmd[6:]) == {f"{n}=={v}" for n, v in build.runtime_pins().items()}


def test_install_does_nothing_when_everything_matches(build, monkeypatch):
    monkeypatch.setattr(build, "CHROMIUM", ROOT / "build.py")
    monkeypatch.setattr(build, "requirement_problems", lambda check_origin=True: [])
    monkeypatch.setattr(build.subprocess, "run", lambda *a, **kw: pytest.fail("nothing to install"))
    assert build.install_test_requirements() == []


def test_dry_run_reports_without_running_anything(build, monkeypatch, capsys):
    monkeypatch.setattr(build, "CHROMIUM", ROOT / "no-such-chromium")
    monkeypatch.setattr(build.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(build, "requirement_problems", lambda check_origin=True: ["networkx is missing"])
    monkeypatch.setattr(build.subprocess, "run", lambda *a, **kw: pytest.fail("dry run must not run"))
    assert build.install_test_requirements(dry_run=True) == ["networkx is missing"]
    out = capsys.readouterr().out
    assert "would run:" in out and "apt-get" in out and "pip install -e .[test]" in out


def test_a_failed_install_is_an_error_with_pips_output(build, monkeypatch):
    monkeypatch.setattr(build, "CHROMIUM", ROOT / "build.py")
    monkeypatch.setattr(build, "requirement_problems", lambda check_origin=True: ["ruff is missing"])
    monkeypatch.setattr(build.subprocess, "run",
                        lambda cmd, **kw: SimpleNamespace(returncode=1, stdout="", stderr="No matching distribution"))
    with pytest.raises(build.BuildError, match="No matching distribution"):
        build.install_test_requirements()


def test_lint_and_types_run_before_pytest_and_stop_the_run(build, monkeypatch):
    ran = []
    monkeypatch.setattr(build, "install_test_requirements", list)
    monkeypatch.setattr(build, "build", lambda: ran.append("build"))
    monkeypatch.setattr(build.subprocess, "run",
                        lambda cmd, **kw: ran.append(cmd[2]) or SimpleNamespace(returncode=1 if cmd[2] == "mypy" else 0))
    assert build.cmd_test(SimpleNamespace(pytest_args=[])) == 1
    assert ran == ["ruff", "mypy"]  # pytest never started
    ran.clear()
    monkeypatch.setattr(build.subprocess, "run", lambda cmd, **kw: ran.append(cmd[2]) or SimpleNamespace(returncode=0))
    assert build.cmd_test(SimpleNamespace(pytest_args=["-q"])) == 0
    assert ran == ["ruff", "mypy", "build", "pytest"]


def test_chromium_path_is_written_only_in_build_py(build):
    path = str(build.CHROMIUM)
    found = [p.relative_to(ROOT) for base in ("py", "tests") for p in (ROOT / base).rglob("*.py")
             if f'"{path}"' in p.read_text("utf-8")]
    assert found == []
