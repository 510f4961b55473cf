"""Case <-> JSON text. Size and nesting depth are checked before parsing, so a huge or deeply nested
file can neither exhaust a tablet's memory nor overflow Pyodide's small stack (which kills the Python
runtime for good, not just the call). Every kind of bad input ends as a CaseError in Dutch."""
from __future__ import annotations

import json
import re
from itertools import accumulate

from ..messages import t
from ..model import Case, CaseError, parse_case
from ..model.limits import MAX_FILE_BYTES

_BOM = "\ufeff"

# A real case nests fewer than 15 levels; Pyodide's json parser dies somewhere above ~1,000.
MAX_DEPTH = 64

# A JSON string, escapes included; an unclosed one runs to the end of the text (as for the parser).
# Possessive and never failing once started, so the scan stays linear even for '"\\"\\"\\…' (a
# pattern that backtracks, or can fail and restart at the next quote, is quadratic there).
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def format_mb(n: int) -> str:
    """Megabytes with one decimal and a Dutch decimal comma ("10,5"; "60" for 60.0)."""
    return f"{n / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0")


def check_size(size: int, limit: int = MAX_FILE_BYTES) -> None:
    if size > limit:
        raise CaseError(t("err.too_large", size=format_mb(size), max=format_mb(limit)))


def json_depth(text: str) -> int:
    """The deepest nesting of arrays/objects in JSON text, found without parsing it.

    Linear and iterative (regular expressions and `accumulate` run in C, no recursion): strings are
    removed first, so brackets inside them do not count; an unclosed "[[[[" counts as deep too."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def check_depth(text: str, limit: int = MAX_DEPTH) -> None:
    if json_depth(text) > limit:
        raise CaseError(t("store.too_deep"))


def _no_constant(name: str):
    # NaN and Infinity are not JSON; Python would accept them silently
    raise ValueError(name)


def loads_json(text: str | bytes, *, limit: int = MAX_FILE_BYTES) -> object:
    """Decoded JSON (str, or UTF-8 bytes with optional BOM) after the size and depth checks.

    The one way into json.loads for anything that did not come from this process."""
    if isinstance(text, str):
        if len(text) > limit:  # cheap early exit: every character is at least one byte
            check_size(len(text), limit)
        check_size(len(text.encode("utf-8", "surrogatepass")), limit)
    else:
        check_size(len(text), limit)
    try:
        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode("utf-8")
    except ValueError:
        raise CaseError(t("err.not_json")) from None
    text = text.removeprefix(_BOM)
    check_depth(text)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        # JSONDecodeError is a ValueError; so is a 5,000-digit number.
        raise CaseError(t("err.not_json")) from None


def loads_case(text: str | bytes, *, limit: int = MAX_FILE_BYTES) -> Case:
    """Parse, migrate and validate a case from JSON text (str, or UTF-8 bytes with optional BOM)."""
    return parse_case(loads_json(text, limit=limit))


def dumps_case(case: Case) -> str:
    """Pretty, stable JSON (same case -> same text), readable by people and by `loads_case`."""
    return json.dumps(case.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
