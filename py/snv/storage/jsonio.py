"""Case <-> JSON text. The size limit is checked before parsing, so a huge file cannot exhaust a
tablet's memory, and every kind of bad input ends as a CaseError with a Dutch message."""
from __future__ import annotations

import json

from ..messages import t
from ..model import Case, CaseError, parse_case
from ..model.limits import MAX_FILE_BYTES

_BOM = "\ufeff"


def _mb(n: int) -> str:
    """Megabytes with one decimal and a Dutch decimal comma ("10,5")."""
    return f"{n / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0")


def check_size(size: int, limit: int = MAX_FILE_BYTES) -> None:
    if size > limit:
        raise CaseError(t("err.too_large", size=_mb(size), max=_mb(limit)))


def _no_constant(name: str):
    # NaN and Infinity are not JSON; Python would accept them silently
    raise ValueError(name)


def loads_case(text: str | bytes, *, limit: int = MAX_FILE_BYTES) -> Case:
    """Parse, migrate and validate a case from JSON text (str, or UTF-8 bytes with optional BOM)."""
    if isinstance(text, str):
        if len(text) > limit:  # cheap early exit: every character is at least one byte
            check_size(len(text), limit)
        check_size(len(text.encode("utf-8", "surrogatepass")), limit)
    else:
        check_size(len(text), limit)
    try:
        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode("utf-8")
        data = json.loads(text.removeprefix(_BOM), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        # JSONDecodeError and UnicodeDecodeError are ValueErrors; so is a 5,000-digit number.
        # Very deep nesting ([[[[…) raises RecursionError.
        raise CaseError(t("err.not_json")) from None
    return parse_case(data)


def dumps_case(case: Case) -> str:
    """Pretty, stable JSON (same case -> same text), readable by people and by `loads_case`."""
    return json.dumps(case.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
