"""The browser's WebCrypto for encrypted exports (browser only: imports js/pyodide).

PBKDF2-SHA256 derives an AES-GCM-256 key from the passphrase; the envelope's header is the additional
authenticated data (storage/envelope.py has the format and all checks). The key is not extractable and
lives only inside one call; nothing here keeps the passphrase.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Optional

import js
from pyodide.ffi import JsException, to_js

from ..storage import envelope as env


class Unsupported(Exception):
    """No crypto.subtle (an old browser, or a page not served over https/localhost)."""


def _obj(d: dict) -> Any:
    return to_js(d, dict_converter=js.Object.fromEntries)


def _u8(data: bytes) -> Any:
    arr = js.Uint8Array.new(len(data))
    arr.assign(data)
    return arr


def _subtle() -> Any:
    crypto = getattr(js, "crypto", None)
    subtle = getattr(crypto, "subtle", None) if crypto is not None else None
    if subtle is None:
        raise Unsupported()
    return subtle


async def _key(subtle: Any, passphrase: str, e: env.Envelope, usage: str) -> Any:
    base = await subtle.importKey("raw", _u8(env.passphrase_bytes(passphrase)), "PBKDF2", False,
                                  to_js(["deriveKey"]))
    params = _obj({"name": "PBKDF2", "salt": _u8(e.salt), "iterations": e.iterations, "hash": "SHA-256"})
    return await subtle.deriveKey(params, base, _obj({"name": "AES-GCM", "length": env.KEY_BITS}), False,
                                  to_js([usage]))


def _gcm(e: env.Envelope) -> Any:
    return _obj({"name": "AES-GCM", "iv": _u8(e.iv), "additionalData": _u8(e.aad()), "tagLength": 8 * env.TAG_BYTES})


async def encrypt(data: bytes, passphrase: str, *, naam: str, mime: str) -> env.Envelope:
    subtle = _subtle()
    salt, iv = env.new_parameters()
    e = env.Envelope(naam=naam, type=mime, salt=salt, iv=iv, iterations=env.ITERATIONS, data=b"")
    key = await _key(subtle, passphrase, e, "encrypt")
    sealed = await subtle.encrypt(_gcm(e), key, _u8(data))
    return dataclasses.replace(e, data=js.Uint8Array.new(sealed).to_bytes())


async def decrypt(e: env.Envelope, passphrase: str) -> Optional[bytes]:
    """The plain bytes, or None when the passphrase (or the file) is wrong: AES-GCM cannot tell which."""
    subtle = _subtle()
    key = await _key(subtle, passphrase, e, "decrypt")
    try:
        plain = await subtle.decrypt(_gcm(e), key, _u8(e.data))
    except JsException as exc:
        if str(getattr(exc, "name", "")) == "OperationError" or "OperationError" in str(exc):
            return None
        raise
    return js.Uint8Array.new(plain).to_bytes()
