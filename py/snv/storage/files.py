"""Opening case files (JSON, or an SVG map exported by this app) and naming exported files.

The kind of file is sniffed from its content, not trusted from its name: people rename files, and
tablets sometimes save downloads without an extension.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
import xml.etree.ElementTree as ET

from ..messages import t
from ..model import Case, CaseError
from ..model.limits import MAX_FILE_BYTES
from .jsonio import check_size, loads_case

# An exported SVG carries the drawing as well as the case, so it may be bigger than the case alone.
MAX_SVG_BYTES = 4 * MAX_FILE_BYTES
# The largest file any reader accepts; callers reading from disk can stop after this many bytes + 1.
MAX_READ_BYTES = max(MAX_FILE_BYTES, MAX_SVG_BYTES)

SVG_NS = "http://www.w3.org/2000/svg"
CASE_ELEMENT_ID = "snv-case"

_BOM = b"\xef\xbb\xbf"


def _kind(filename: str, data: bytes) -> str:
    head = data[:512].removeprefix(_BOM).lstrip().lower()
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith((b"<?xml", b"<svg", b"<!doctype svg", b"<!--")):
        return "svg"
    name = (filename or "").lower()
    if name.endswith(".json"):
        return "json"  # not JSON inside: loads_case explains that in Dutch
    if name.endswith(".svg"):
        return "svg"
    return "unknown"


def read_case_file(filename: str, data: bytes) -> Case:
    """A Case from the bytes of a file the user chose. Anything else raises CaseError (Dutch)."""
    if not data.removeprefix(_BOM).strip():
        raise CaseError(t("store.file_empty"))
    kind = _kind(filename, data)
    if kind == "json":
        return loads_case(data)
    if kind == "svg":
        return loads_case(_case_text_from_svg(data))
    raise CaseError(t("err.file_unknown_type"))


def _local(tag: object) -> str:
    # "{http://www.w3.org/2000/svg}metadata" -> "metadata"; comments/PIs have non-str tags
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _case_text_from_svg(data: bytes) -> str:
    check_size(len(data), MAX_SVG_BYTES)
    # Our exports never declare entities; refusing them rules out entity-expansion attacks.
    if b"<!ENTITY" in data.upper():
        raise CaseError(t("store.svg_unsafe"))
    try:
        root = ET.fromstring(data)
    except (ET.ParseError, ValueError):
        raise CaseError(t("store.svg_broken")) from None
    for el in root.iter():
        if _local(el.tag) == "metadata" and el.get("id") == CASE_ELEMENT_ID:
            return "".join(el.itertext())
    raise CaseError(t("err.svg_no_case"))


def slug(text: str, fallback: str = "dossier", max_length: int = 40) -> str:
    """A safe ASCII file-name part: "Zoë de Vries!" -> "zoe-de-vries"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:max_length].rstrip("-") or fallback


def export_filename(case: Case, ext: str, today: dt.date | None = None) -> str:
    """ "netwerkatlas-sam-2026-11-25.json". Pass a pseudonymised case to keep the name out too."""
    today = today or dt.date.today()
    ext = slug(ext.lstrip("."), fallback="json", max_length=10)
    return f"netwerkatlas-{slug(case.klant.naam)}-{today.isoformat()}.{ext}"
