"""Encrypted export: a versioned JSON envelope around the bytes of an exported file.

    {"netwerkatlas": "versleuteld", "versie": 1,
     "kdf": {"naam": "PBKDF2", "hash": "SHA-256", "iteraties": 600000, "zout": "<base64, 16 bytes>"},
     "cipher": {"naam": "AES-GCM", "lengte": 256, "iv": "<base64, 12 bytes>"},
     "naam": "netwerkatlas-2026-12-02.json", "type": "application/json",
     "data": "<base64 of the AES-GCM ciphertext with its 16-byte tag>"}

The key is derived from the passphrase with PBKDF2-SHA256 (OWASP 2023: >= 600,000 iterations) and the
file is sealed with AES-GCM-256; the header (everything but "data") is the additional authenticated
data, so changing the name, type or parameters makes decryption fail like a wrong passphrase.
The crypto itself runs in the browser (WebCrypto, ui/webcrypto.py); this module only builds and checks
the envelope, so it is pure Python and tested under CPython. The plain header never carries anything
from the case: "naam" is a neutral file name (no client name), and the passphrase is never stored.
"""
from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
from dataclasses import dataclass

from ..messages import t
from ..model import CaseError
from .jsonio import loads_json

MARK_KEY, MARK = "netwerkatlas", "versleuteld"
VERSION = 1
ITERATIONS = 600_000
MIN_ITERATIONS = 600_000  # weaker files are refused: they were not made by this app
MAX_ITERATIONS = 5_000_000  # a hostile file must not keep a tablet busy for long (~8x our cost)
SALT_BYTES, IV_BYTES, KEY_BITS, TAG_BYTES = 16, 12, 256, 16
MIN_PASSPHRASE = 8
MIME_TYPES = ("application/json", "image/svg+xml", "application/zip", "application/graphml+xml", "text/plain")

_HEAD = re.compile(rb'^\s*\{\s*"netwerkatlas"\s*:\s*"versleuteld"')
_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{0,79}$")


class EncryptedFile(CaseError):
    """The file is an encrypted Netwerkatlas file: it opens only with its passphrase."""

    def __init__(self, envelope: "Envelope"):
        super().__init__(t("store.crypt.needs_passphrase"))
        self.envelope = envelope


@dataclass(frozen=True)
class Envelope:
    naam: str
    type: str
    salt: bytes
    iv: bytes
    iterations: int
    data: bytes  # ciphertext + tag

    def header(self) -> dict:
        return {
            MARK_KEY: MARK, "versie": VERSION,
            "kdf": {"naam": "PBKDF2", "hash": "SHA-256", "iteraties": self.iterations, "zout": _b64(self.salt)},
            "cipher": {"naam": "AES-GCM", "lengte": KEY_BITS, "iv": _b64(self.iv)},
            "naam": self.naam, "type": self.type,
        }

    def aad(self) -> bytes:
        """The header as canonical JSON: authenticated together with the ciphertext."""
        return json.dumps(self.header(), sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")

    def to_json(self) -> str:
        return json.dumps({**self.header(), "data": _b64(self.data)}, indent=1) + "\n"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def new_parameters() -> tuple[bytes, bytes]:
    """A fresh random salt and IV (never reused: each export gets its own)."""
    return secrets.token_bytes(SALT_BYTES), secrets.token_bytes(IV_BYTES)


def neutral_name(filename: str, date_text: str) -> str:
    """The name inside the envelope: "netwerkatlas-<date>.<ext>", nothing from the case."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "json"
    ext = ext if ext in ("json", "svg", "zip", "graphml", "ged") else "json"
    return f"netwerkatlas-{date_text}.{ext}"


def outer_name(date_text: str) -> str:
    """The downloaded file's name; .json so the app's file picker offers it."""
    return f"netwerkatlas-{date_text}-versleuteld.json"


def check_passphrase(passphrase: str, again: str | None = None) -> None:
    """Raise CaseError (Dutch) for a passphrase that is too short or not typed the same twice."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise CaseError(t("store.crypt.too_short", n=MIN_PASSPHRASE))
    if again is not None and again != passphrase:
        raise CaseError(t("store.crypt.mismatch"))


def looks_like_envelope(data: bytes) -> bool:
    """Cheap sniff on the head of a file: this app writes the mark as the first key."""
    return bool(_HEAD.match(data[:256].removeprefix(b"\xef\xbb\xbf")))


def max_envelope_bytes(max_inner: int) -> int:
    """Room for base64 of the largest inner file (4/3) plus the header."""
    return 4 * ((max_inner + TAG_BYTES + 2) // 3) + 4096


def _bytes(value: object, length: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise ValueError
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError from None
    if length is not None and len(raw) != length:
        raise ValueError
    return raw


def parse_envelope(data: bytes, *, limit: int) -> Envelope:
    """The envelope in `data`, checked field by field; anything else raises CaseError (Dutch)."""
    doc = loads_json(data, limit=limit)
    if not isinstance(doc, dict) or doc.get(MARK_KEY) != MARK:
        raise CaseError(t("store.crypt.broken"))
    version = doc.get("versie")
    if type(version) is int and version > VERSION:
        raise CaseError(t("store.crypt.newer", found=version))
    try:
        kdf, cipher = doc["kdf"], doc["cipher"]
        if type(version) is not int or version != VERSION or not isinstance(kdf, dict) or not isinstance(cipher, dict):
            raise ValueError
        if (kdf.get("naam"), kdf.get("hash"), cipher.get("naam"), cipher.get("lengte")) != (
                "PBKDF2", "SHA-256", "AES-GCM", KEY_BITS):
            raise ValueError
        iterations = kdf.get("iteraties")
        if type(iterations) is not int or not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
            raise ValueError
        naam, mime = doc.get("naam"), doc.get("type")
        if not isinstance(naam, str) or not _SAFE_NAME.match(naam) or mime not in MIME_TYPES:
            raise ValueError
        env = Envelope(naam=naam, type=mime, salt=_bytes(kdf.get("zout"), SALT_BYTES),
                       iv=_bytes(cipher.get("iv"), IV_BYTES), iterations=iterations, data=_bytes(doc.get("data")))
        if len(env.data) <= TAG_BYTES or set(doc) - {*env.header(), "data"}:
            raise ValueError
    except (KeyError, ValueError):
        raise CaseError(t("store.crypt.broken")) from None
    return env


def passphrase_bytes(passphrase: str) -> bytes:
    """UTF-8 of the NFC form: "é" typed as one key or as e + accent gives the same key."""
    import unicodedata  # noqa: PLC0415

    return unicodedata.normalize("NFC", passphrase).encode("utf-8")
