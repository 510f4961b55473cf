"""Opening case files (JSON, an SVG map exported by this app, or either one encrypted) and naming
exported files.

The kind of file is sniffed from its content, not trusted from its name: people rename files, and
tablets sometimes save downloads without an extension. SVG is parsed by defusedxml with DTDs and
entities refused outright, whatever the encoding (a byte search for "<!ENTITY" misses UTF-16).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
import xml.etree.ElementTree as ET

import defusedxml
import defusedxml.ElementTree as SafeET

from ..messages import t
from ..model import Case, CaseError
from ..model.limits import MAX_FILE_BYTES
from . import envelope as env
from .interop.gedcom import MAX_GEDCOM_BYTES
from .jsonio import check_size, format_mb, loads_case, loads_json

# The one table of size limits, for the app and the command line alike. An exported SVG carries the
# drawing as well as the case, so it may be bigger than the case alone; an encrypted file is base64.
MAX_JSON_BYTES = MAX_FILE_BYTES
MAX_SVG_BYTES = 4 * MAX_FILE_BYTES
MAX_ENVELOPE_BYTES = env.max_envelope_bytes(max(MAX_JSON_BYTES, MAX_SVG_BYTES))
LIMITS = {"json": MAX_JSON_BYTES, "svg": MAX_SVG_BYTES, "versleuteld": MAX_ENVELOPE_BYTES, "gedcom": MAX_GEDCOM_BYTES}
# The largest file any reader accepts: checked before reading (the kind is known only after), and
# readers from disk stop after this many bytes + 1.
MAX_READ_BYTES = max(LIMITS.values())

SVG_NS = "http://www.w3.org/2000/svg"
CASE_ELEMENT_ID = "snv-case"

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def check_file_size(size: int) -> None:
    """Before reading a file of `size` bytes: refuse it if no kind of file may be that big."""
    check_size(size, MAX_READ_BYTES)


def too_large_at_least(size: int) -> CaseError:
    """For a stream whose real size is unknown: we stopped reading after `size` bytes."""
    return CaseError(t("store.too_large_at_least", size=format_mb(size), max=format_mb(MAX_READ_BYTES)))


def _head_text(data: bytes) -> bytes:
    head = data[:1024]
    if head.startswith(_UTF16_BOMS) or (len(head) > 1 and (head[0] == 0) != (head[1] == 0)):
        # UTF-16 (with or without BOM): look at the ASCII it spells
        for codec in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                text = head[: len(head) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                continue
            if text.lstrip("\ufeff \t\r\n").startswith(("<", "{", "[")):
                return text.lstrip("\ufeff").encode("ascii", "replace")
    return head.removeprefix(_BOM)


def _kind(filename: str, data: bytes) -> str:
    head = _head_text(data).lstrip().lower()
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


def read_case_file(filename: str, data: bytes, *, allow_encrypted: bool = True) -> Case:
    """A Case from the bytes of a file the user chose. Anything else raises CaseError (Dutch).

    An encrypted file raises envelope.EncryptedFile (a CaseError carrying the checked envelope), so the
    caller can ask for the passphrase; with allow_encrypted=False (the file inside one) it is refused."""
    if not data.removeprefix(_BOM).strip():
        raise CaseError(t("store.file_empty"))
    kind = _kind(filename, data)
    if kind == "json":
        if env.looks_like_envelope(data):
            if not allow_encrypted:
                raise CaseError(t("store.crypt.nested"))
            raise env.EncryptedFile(env.parse_envelope(data, limit=MAX_ENVELOPE_BYTES))
        return loads_case(data, limit=MAX_JSON_BYTES)
    if kind == "svg":
        return loads_case(_case_text_from_svg(data))
    raise CaseError(t("err.file_unknown_type"))


_GEDCOM_NAMES = (".ged", ".gedcom")


def read_any_file(filename: str, data: bytes, *, allow_encrypted: bool = True):
    """What the app's one file picker opens: a Case (JSON or SVG of this app, see read_case_file), or
    an interop.Imported for a file of another program (an easyNWK save file, a GEDCOM family tree),
    which the app previews before anything changes. Anything else raises CaseError (Dutch)."""
    from . import interop  # noqa: PLC0415 (the formats of other programs load only when needed)
    from .interop.easynwk import from_data, looks_like_easynwk  # noqa: PLC0415

    if not data.removeprefix(_BOM).strip():
        raise CaseError(t("store.file_empty"))
    if interop.sniff(filename, data) == "gedcom":
        return interop.read_import("gedcom", data, filename=filename)
    if (filename or "").lower().endswith(_GEDCOM_NAMES):
        raise CaseError(t("interop.ged.err.not_gedcom"))
    if _kind(filename, data) == "json" and not env.looks_like_envelope(data):
        decoded = loads_json(data, limit=MAX_JSON_BYTES)
        if looks_like_easynwk(decoded):
            return from_data(decoded)
        from ..model import parse_case  # noqa: PLC0415

        return parse_case(decoded)
    return read_case_file(filename, data, allow_encrypted=allow_encrypted)


def _local(tag: object) -> str:
    # "{http://www.w3.org/2000/svg}metadata" -> "metadata"; comments/PIs have non-str tags
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


_ACTIVE = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
MAX_XML_DEPTH = 256  # our maps nest a handful of groups


class _Builder(ET.TreeBuilder):
    """A tree builder that refuses absurd nesting while parsing (expat itself is not recursive)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0

    def start(self, tag, attrs):  # ElementTree's signature
        self.depth += 1
        if self.depth > MAX_XML_DEPTH:
            raise CaseError(t("store.too_deep"))
        return super().start(tag, attrs)

    def end(self, tag):
        self.depth -= 1
        return super().end(tag)


def _case_text_from_svg(data: bytes) -> str:
    check_size(len(data), MAX_SVG_BYTES)
    try:
        # Our exports never have a DTD; refusing DTDs, entities and external references outright rules
        # out entity expansion ("billion laughs"), smuggled text and outside requests, in any encoding.
        parser = SafeET.DefusedXMLParser(target=_Builder(), forbid_dtd=True, forbid_entities=True,
                                         forbid_external=True)
        parser.feed(data)
        root = parser.close()
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden,
            defusedxml.NotSupportedError):
        raise CaseError(t("store.svg_unsafe")) from None
    except CaseError:  # too deep (_Builder): its own message
        raise
    except (ET.ParseError, ValueError, LookupError, RecursionError):
        # LookupError: an unknown encoding name in the XML declaration
        raise CaseError(t("store.svg_broken")) from None
    found = None
    for el in root.iter():  # the depth is capped at MAX_XML_DEPTH while parsing
        local = _local(el.tag)
        if local in _ACTIVE or any(_local(a).lower().startswith("on") for a in el.attrib):
            # Our maps never contain scripts; a file that does was made or changed by someone else.
            raise CaseError(t("store.svg_unsafe"))
        if found is None and local == "metadata" and el.get("id") == CASE_ELEMENT_ID:
            found = el
    if found is None:
        raise CaseError(t("err.svg_no_case"))
    return "".join(found.itertext())


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
