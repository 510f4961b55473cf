"""The one error type for bad case data: it carries a Dutch (B1) message for people."""
from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..messages import t


class CaseError(ValueError):
    """A case file or edit is not acceptable. `message` is ready to show to a user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _where(loc: tuple) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"nr. {item + 1}")
        else:
            parts.append(str(item)[:60])  # an unknown field name comes from the file: keep it short
    return " › ".join(parts) or "dossier"


def _what(err: ErrorDetails) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind == "value_error":
        # our own validators raise ValueError with a finished Dutch sentence
        msg = str(ctx.get("error") or err.get("msg", ""))
        return msg.removeprefix("Value error, ")
    key = f"err.v.{kind}"
    try:
        return t(key,
                 max=ctx.get("max_length", ctx.get("le", "")),
                 min=ctx.get("min_length", ctx.get("ge", "")),
                 expected=str(ctx.get("expected", "")).replace(" or ", " of "))
    except KeyError:
        return t("err.v.other")


def from_validation_error(exc: ValidationError, limit: int = 3) -> CaseError:
    """Turn pydantic's (English) errors into one short Dutch message naming where it is wrong."""
    errors = exc.errors(include_url=False)
    lines = []
    for err in errors[:limit]:
        what = _what(err)
        loc = tuple(err.get("loc", ()))
        if err.get("type") == "value_error" and not loc:
            lines.append(what)
        else:
            lines.append(t("err.field", where=_where(loc), what=what))
    detail = "; ".join(lines)
    if len(errors) > limit:
        detail += " " + t("err.invalid_more", count=len(errors) - limit)
    return CaseError(t("err.invalid_case", detail=detail))
