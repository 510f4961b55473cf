"""The reference table (model/refs.py) is complete: walking the whole schema, every field that holds an
id of another object is declared as a reference, every text field is classified, every whole number
is strict. A new field that is not declared fails here, before integrity, remove-person or the
pseudonymised export can forget it."""
from __future__ import annotations

import typing

from pydantic.fields import FieldInfo
from pydantic.types import Strict

from snv.model import Case
from snv.model.refs import all_classes, plan

# the target kinds a Ref may name, and the classes whose own `id` they point at
TARGETS = {"persoon", "vraag", "afspraak"}


def _fields():
    for cls in all_classes(Case):
        for f in plan(cls):
            yield cls, f


def test_every_model_of_the_case_is_walked():
    names = {cls.__name__ for cls in all_classes(Case)}
    assert {"Persoon", "Notitie", "Basisposter", "Vraag", "Afspraak", "Plan", "Overleg", "Momentopname",
            "KaartPersoon", "Moment", "Voorstelling", "InfoItem", "Piketpaaltje"} <= names


def test_every_id_field_is_a_declared_reference_or_the_own_id():
    undeclared = [f"{cls.__name__}.{f.name}" for cls, f in _fields()
                  if f.leaf is str and f.ref is None and f.free is None and not f.own_id]
    assert undeclared == [], "declare these as Ref (an id of another object) or Free (text): " + ", ".join(undeclared)


def test_every_reference_names_a_known_target_and_a_catalogue_text():
    from snv.messages import has
    for cls, f in _fields():
        if f.ref is not None:
            assert f.ref.target in TARGETS, (cls.__name__, f.name)
            assert has(f.ref.what) and has(f.ref.error), (cls.__name__, f.name)
            assert f.ref.on_remove in ("clear", "entry", "owner", "never")
            if f.ref.on_remove == "entry":
                assert f.is_list, (cls.__name__, f.name)
            if f.ref.on_remove == "clear":
                assert not f.is_list and cls.model_fields[f.name].default is None, (cls.__name__, f.name)


def test_every_target_kind_has_a_class_with_own_id():
    kinds = {getattr(cls, "ref_target", None) for cls in all_classes(Case) if "id" in cls.model_fields}
    assert TARGETS <= kinds


def test_every_text_field_is_classified():
    # a str leaf is either an id (own id or Ref) or a Free text; codes are Literal types, not str
    for cls, f in _fields():
        if f.leaf is str:
            assert f.own_id or f.ref is not None or f.free is not None, f"{cls.__name__}.{f.name}"
        if f.free is not None:
            assert f.leaf is str and f.ref is None, f"{cls.__name__}.{f.name}"


def _strict(cls, name) -> bool:
    info = cls.model_fields[name]
    markers = list(info.metadata)
    tp = info.annotation
    while tp is not None:  # look inside Optional[Annotated[int, Field(strict=True)]]
        if typing.get_origin(tp) is typing.Annotated:
            markers.extend(tp.__metadata__)
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        tp = args[0] if args and typing.get_origin(tp) is not typing.Literal else None
    for m in markers:
        if isinstance(m, Strict) and m.strict:
            return True
        if isinstance(m, FieldInfo) and any(isinstance(x, Strict) and x.strict for x in m.metadata):
            return True
    return False


def test_every_whole_number_is_strict():
    ints = [(cls, f.name) for cls, f in _fields() if f.leaf is int]
    assert {(c.__name__, n) for c, n in ints} >= {("Persoon", "geboortejaar"), ("Plan", "versie"),
                                                  ("Overleg", "plan_versie"), ("Bijeenkomst", "stap")}
    loose = [f"{c.__name__}.{n}" for c, n in ints if not _strict(c, n)]
    assert loose == []


def test_person_references_and_what_removing_a_person_does():
    """The list for the closing note: each person reference and its remove-person semantics."""
    table = {f"{cls.__name__}.{f.name}": f.ref.on_remove for cls, f in _fields()
             if f.ref is not None and f.ref.target == "persoon"}
    assert table == {
        "Case.klant_id": "never",
        "Notitie.door": "clear",
        "Band.a": "owner", "Band.b": "owner",
        "Steun.persoon": "owner",
        "PosterItem.door": "clear",
        "Vraag.eigenaar": "clear",
        "Basisposter.meedenkers": "entry",
        "OuderKind.ouder": "owner", "OuderKind.kind": "owner",
        "Partnerschap.a": "owner", "Partnerschap.b": "owner",
        "Gebeurtenis.personen": "entry",
        "Contact.persoon": "owner",
        "Uitnodiging.persoon": "owner",
        "Voorstelling.persoon": "owner",
        "InfoItem.door": "clear",
        "Piketpaaltje.gesteld_door": "owner",
        "Afspraak.wie": "entry",
        "Bijeenkomst.aanwezig": "entry",
        "Bijeenkomst.genoteerd_door": "clear",
        "Overleg.aanwezig": "entry",
        "Basisteam.leden": "entry",
        "Momentopname.klant_id": "never",  # snapshots keep their own persons (history)
    }
