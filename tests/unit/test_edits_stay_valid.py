"""Every edit keeps the case valid (issue 8): an edit that would make a case the app refuses on
reload is refused at once with a Dutch message, and nothing changes. Checked in the model (every
new Case from model.ops passes the whole-case check) and again in App.apply (screens may pass any
function, e.g. a lambda)."""
from __future__ import annotations

import datetime as dt

import pytest

from snv.model import Case, CaseError, check_integrity, ops
from snv.model import case as case_module
from snv.storage.jsonio import dumps_case, loads_case
from snv.ui.app import App, Host

NOW = dt.datetime(2026, 3, 15, 10, 0)


def test_turning_professioneel_off_for_whoever_set_a_piketpaaltje_is_refused(demo_case):
    assert any(p.gesteld_door == "p-devries" for p in demo_case.bijeenkomst.piketpaaltjes)
    with pytest.raises(CaseError) as info:
        ops.update_person(demo_case, "p-devries", professioneel=False)
    assert "geen hulpverlener" in info.value.message and "Er is niets veranderd" in info.value.message
    assert demo_case.persoon("p-devries").professioneel


def test_ops_with_runs_the_whole_case_check(small_case):
    # the one door every edit goes through: a change that breaks a reference elsewhere is refused
    with pytest.raises(CaseError) as info:
        ops._with(small_case, klant_id="p-niemand")
    assert "p-niemand" in info.value.message


def test_every_op_result_reads_back(demo_case):
    case = ops.move_person(demo_case, "p-anna", "vrienden_kennissen", "verder_weg")
    case = ops.remove_person(case, "p-devries")
    case, _ = ops.add_person(case, "Nieuw", sector="familie", nabijheid="dichtbij")
    assert loads_case(dumps_case(case)) == case


def _app(case: Case) -> App:
    return App(case, host=Host(), now=lambda: NOW)


def test_app_refuses_an_invalid_edit_from_ops_and_keeps_the_case(demo_case):
    app = _app(demo_case)
    before = app.case
    assert app.apply(ops.update_person, "p-devries", professioneel=False, label="Geen hulpverlener") is None
    assert app.case is before and not app.can_undo
    assert app.alerts and "geen hulpverlener" in app.alerts[-1]


def test_app_refuses_an_invalid_case_from_any_function(demo_case):
    app = _app(demo_case)
    before = app.case
    # a screen handler that bypasses ops (model_copy does not validate)
    app.apply(lambda c: c.model_copy(update={"banden": [*c.banden, c.banden[0]]}), label="Dubbel")
    assert app.case is before and not app.can_undo and app.toast is None
    assert "twee lijnen" in app.alerts[-1] and "Er is niets veranderd" in app.alerts[-1]
    app.apply(lambda c: c.model_copy(update={"klant_id": "p-weg"}), label="Weg")
    assert app.case is before and "p-weg" in app.alerts[-1]


def test_app_still_applies_a_valid_edit_after_a_refused_one(demo_case):
    app = _app(demo_case)
    app.apply(ops.update_person, "p-devries", professioneel=False, label="x")
    app.apply(ops.update_person, "p-anna", naam="Anneke", label="Naam")
    assert app.case.persoon("p-anna").naam == "Anneke" and app.can_undo and app.alerts == []


def test_an_edit_through_app_apply_checks_the_new_case_once(demo_case, monkeypatch):
    calls = []
    real = case_module._check_integrity
    monkeypatch.setattr(case_module, "_check_integrity", lambda c: calls.append(c) or real(c))
    app = _app(demo_case)
    app.apply(ops.update_person, "p-anna", naam="Anneke", label="Naam")
    assert calls == [app.case]  # ops._with checked it; App.apply's own check found it already checked
    broken = app.case.model_copy(update={"klant_id": "p-weg"})
    assert check_integrity_raises(broken) and check_integrity_raises(broken)  # a failed case stays unchecked


def check_integrity_raises(case) -> bool:
    try:
        check_integrity(case)
    except ValueError:
        return True
    return False


def test_a_year_as_text_is_refused_by_the_model_but_the_person_sheet_converts_typed_digits(demo_case):
    from snv.messages import t
    with pytest.raises(CaseError) as info:
        ops.update_person(demo_case, "p-anna", geboortejaar="1971")
    assert "heel getal" in info.value.message
    app = _app(demo_case)
    app.open_person("p-anna")
    app.dispatch("person.field", {"field": "geboortejaar", "value": " 1972 "})
    assert app.case.persoon("p-anna").geboortejaar == 1972
    for typed in ("19a2", "¹⁹⁷²", "١٩٧٢", "-197"):
        before = app.case
        app.dispatch("person.field", {"field": "geboortejaar", "value": typed})
        assert app.case is before and app.sheet.errors["geboortejaar"] == t("ui.person.jaar_bad"), typed
