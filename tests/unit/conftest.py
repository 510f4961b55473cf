"""Shared fixtures for unit tests. Run with `pip install -e .` or PYTHONPATH=py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

try:  # normally installed with `pip install -e .`; fall back to the source tree
    import snv  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "py"))

from snv.model import SCHEMA_VERSION, Case
from snv.model.demo import demo_case as _demo_case


@pytest.fixture
def demo_case() -> Case:
    """The full demo case (Sam). Models are frozen: change it with model.ops or model_copy."""
    return _demo_case()


@pytest.fixture(autouse=True)
def _screen_registry():
    """Screens and exports a test registers are gone after it: the app's screens are loaded once,
    then each test gets the registry as it was before the test and the same back afterwards."""
    from snv.ui import screens

    screens.load_screens()
    saved = dict(screens._SCREENS), dict(screens._EXPORTS)
    yield
    for registry, before in zip((screens._SCREENS, screens._EXPORTS), saved):
        registry.clear()
        registry.update(before)


def small_case_dict() -> dict:
    """A small valid case as raw data (client + 3 persons, one plan): handy to break in one place."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": "c-klein",
        "klant_id": "p-ik",
        "personen": [
            {"id": "p-ik", "naam": "Ik", "rol": "ik"},
            {"id": "p-moeder", "naam": "Ma", "rol": "moeder", "sector": "familie", "nabijheid": "heel_dichtbij",
             "geslacht": "vrouw", "geboortejaar": 1970},
            {"id": "p-buur", "naam": "Bert", "rol": "buurman", "sector": "buren_buurt", "nabijheid": "dichtbij",
             "notities": [{"tekst": "privé", "door": "p-coach", "zichtbaar": "klant_en_begeleider"},
                          {"tekst": "openbaar", "door": "p-ik"}]},
            {"id": "p-coach", "naam": "Coach", "rol": "begeleider", "sector": "hulpverlening",
             "nabijheid": "verder_weg", "professioneel": True},
        ],
        "banden": [{"a": "p-ik", "b": "p-moeder", "kwaliteit": "goed"}, {"a": "p-moeder", "b": "p-buur"}],
        "steun": [{"persoon": "p-moeder", "soort": "zorg", "richting": "krijgt"}],
        "basisposter": {"vragen": [{"id": "v1", "tekst": "Hoe kom ik aan werk?", "eigenaar": "p-moeder"}]},
        "plannen": [{"versie": 1, "datum": "2025-06-01", "afspraken": [
            {"id": "a1", "vraag_id": "v1", "wat": "Vacatures zoeken", "wie": ["p-moeder"]}]}],
    }


@pytest.fixture
def small_case() -> Case:
    return Case.model_validate(small_case_dict())


@pytest.fixture
def small_dict() -> dict:
    return small_case_dict()
