"""From raw data (already decoded JSON) to a valid Case, or a CaseError with a Dutch message."""
from __future__ import annotations

import datetime as dt
import secrets

from pydantic import ValidationError

from ..messages import t
from .case import Case, Persoon
from .errors import CaseError, from_validation_error
from .limits import MAX_PERSONS
from .migrate import migrate


def new_id(prefix: str = "") -> str:
    """A short random id; stable once stored. The prefix only helps a human reading a file."""
    return f"{prefix}{secrets.token_hex(5)}"


def parse_case(data: object) -> Case:
    if not isinstance(data, dict) or not ("personen" in data or "klant" in data):
        raise CaseError(t("err.not_case"))
    data = migrate(data)
    persons = data.get("personen")
    if isinstance(persons, list) and len(persons) > MAX_PERSONS:
        raise CaseError(t("err.too_many_persons", count=len(persons), max=MAX_PERSONS))
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc) from None


def new_case(naam: str = "Ik") -> Case:
    """An empty case with only the client."""
    klant = Persoon(id=new_id("p"), naam=naam or "Ik", rol="ik")
    return Case(id=new_id("c"), klant_id=klant.id, personen=[klant],
                aangemaakt=dt.datetime.now().replace(microsecond=0))
