"""Checks for the whole test run (unit and e2e): the tests run the versions the app ships.

build.py's WHEELS is the one pin list: the build puts exactly those wheels into dist/, and
`python3 build.py test` installs exactly those versions here. A run on other versions stops before the
first test, with the fix, instead of passing or failing for reasons the app never meets.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _build_script():
    """build.py (repo root, not a package), shared under one name with tests/e2e/conftest.py."""
    name = "_snv_build_script"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "build.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def pytest_configure(config: pytest.Config) -> None:
    build = _build_script()
    problems = build.version_problems(build.runtime_pins())
    if problems:
        pins = " ".join(f"{n}=={v}" for n, v in build.runtime_pins().items())
        raise pytest.UsageError(
            "the tests must run the versions the app ships (build.py WHEELS), but here: "
            + "; ".join(problems)
            + f".\nFix: python3 build.py test   (or: {sys.executable} -m pip install {pins})"
        )


@pytest.fixture(scope="session")
def build():
    """build.py as a module (the tests of the build and its tooling)."""
    return _build_script()
