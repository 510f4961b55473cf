"""Encrypted export: the envelope format (pure Python), and the app's export and open flows.

The browser encrypts with WebCrypto; here the same algorithm (PBKDF2-SHA256 + AES-GCM-256 with the
header as additional data) is done with the `cryptography` package, so a file made here opens in the
app and the other way round (the e2e test checks the browser side).
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json

import pytest

from snv import cli
from snv.model import CaseError, new_case
from snv.storage import dumps_case, envelope as env, read_case_file
from snv.storage.files import MAX_ENVELOPE_BYTES
from snv.ui import screens, view
from snv.ui.app import App, Host

crypto = pytest.importorskip("cryptography.hazmat.primitives.ciphers.aead")
from cryptography.exceptions import InvalidTag  # noqa: E402
from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC  # noqa: E402

NOW = dt.datetime(2026, 12, 2, 14, 0)
PASS = "lange zin van Sam"


def _key(passphrase: str, e: env.Envelope) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=e.salt, iterations=e.iterations)
    return kdf.derive(env.passphrase_bytes(passphrase))


def seal(data: bytes, passphrase: str, *, naam="netwerkatlas-2026-12-02.json", mime="application/json",
         iterations=env.ITERATIONS) -> env.Envelope:
    salt, iv = env.new_parameters()
    e = env.Envelope(naam=naam, type=mime, salt=salt, iv=iv, iterations=iterations, data=b"")
    return dataclasses.replace(e, data=crypto.AESGCM(_key(passphrase, e)).encrypt(e.iv, data, e.aad()))


def unseal(e: env.Envelope, passphrase: str) -> bytes | None:
    try:
        return crypto.AESGCM(_key(passphrase, e)).decrypt(e.iv, e.data, e.aad())
    except InvalidTag:  # wrong passphrase or a changed header
        return None


class CryptoHost(Host):
    def __init__(self):
        self.downloads: list[tuple[str, str, str]] = []
        self.decrypts = 0

    def download(self, filename, text, mime):
        self.downloads.append((filename, text, mime))

    def download_encrypted(self, filename, inner_name, data, mime, passphrase):
        self.downloads.append((filename, seal(data, passphrase, naam=inner_name, mime=mime).to_json(),
                               "application/json"))

    def decrypt(self, envelope, passphrase, done):
        self.decrypts += 1
        done(unseal(envelope, passphrase))


@pytest.fixture(autouse=True, scope="module")
def _screens():
    screens.load_screens()


@pytest.fixture(scope="module")
def sealed_demo():
    from snv.model.demo import demo_case
    case = demo_case()
    return case, seal(dumps_case(case).encode(), PASS).to_json().encode()


# ----- the envelope -----

def test_envelope_round_trip_and_header(sealed_demo):
    case, data = sealed_demo
    doc = json.loads(data)
    assert list(doc)[:2] == ["netwerkatlas", "versie"] and doc["netwerkatlas"] == "versleuteld"
    assert doc["kdf"]["iteraties"] >= 600_000 and doc["cipher"] == {"naam": "AES-GCM", "lengte": 256,
                                                                    "iv": doc["cipher"]["iv"]}
    assert len(base64.b64decode(doc["kdf"]["zout"])) == 16 and len(base64.b64decode(doc["cipher"]["iv"])) == 12
    header = json.dumps({k: v for k, v in doc.items() if k != "data"})
    assert case.klant.naam not in header and "sam" not in header  # nothing of the case in the clear
    with pytest.raises(env.EncryptedFile) as info:
        read_case_file("x.json", data)
    assert read_case_file("in.json", unseal(info.value.envelope, PASS)) == case


def test_each_export_gets_a_fresh_salt_and_iv():
    a, b = seal(b"{}", PASS), seal(b"{}", PASS)
    assert a.salt != b.salt and a.iv != b.iv and a.data != b.data


def test_changed_header_fails_like_a_wrong_passphrase(sealed_demo):
    _, data = sealed_demo
    e = env.parse_envelope(data, limit=MAX_ENVELOPE_BYTES)
    assert unseal(e, PASS) is not None
    assert unseal(e, PASS + "x") is None
    assert unseal(dataclasses.replace(e, type="image/svg+xml"), PASS) is None


def _doc(raw: bytes, changes: dict) -> bytes:
    doc = json.loads(raw)
    for path, value in changes.items():
        target = doc
        *parents, last = path.split("__")
        for p in parents:
            target = target[p]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value
    return json.dumps(doc).encode()


BROKEN = [
    ("old iterations", {"kdf__iteraties": 1000}, "kapot"),
    ("absurd iterations", {"kdf__iteraties": 10**12}, "kapot"),
    ("iterations as text", {"kdf__iteraties": "600000"}, "kapot"),
    ("short salt", {"kdf__zout": base64.b64encode(b"x").decode()}, "kapot"),
    ("iv not base64", {"cipher__iv": "!!!"}, "kapot"),
    ("other cipher", {"cipher__naam": "AES-CBC"}, "kapot"),
    ("no data", {"data": KeyError}, "kapot"),
    ("empty data", {"data": ""}, "kapot"),
    ("path in name", {"naam": "../../etc/passwd"}, "kapot"),
    ("html type", {"type": "text/html"}, "kapot"),
    ("version true", {"versie": True}, "kapot"),
    ("future version", {"versie": 2}, "nieuwere versie"),
    ("extra field", {"geheim": "x"}, "kapot"),
]


@pytest.mark.parametrize("name, changes, fragment", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_envelopes_get_a_dutch_message(sealed_demo, name, changes, fragment):
    with pytest.raises(CaseError) as info:
        read_case_file("x.json", _doc(sealed_demo[1], changes))
    assert not isinstance(info.value, env.EncryptedFile)
    assert fragment in info.value.message


def test_an_envelope_inside_an_envelope_is_refused(sealed_demo):
    with pytest.raises(CaseError, match="nog een versleuteld"):
        read_case_file("x.json", sealed_demo[1], allow_encrypted=False)


@pytest.mark.parametrize("passphrase, again, ok", [
    ("kort", "kort", False), ("lang genoeg", "lang genoeg", True), ("lang genoeg", "lang genoeh", False)])
def test_passphrase_rules(passphrase, again, ok):
    if ok:
        env.check_passphrase(passphrase, again)
    else:
        with pytest.raises(CaseError):
            env.check_passphrase(passphrase, again)


def test_passphrase_is_normalised():
    assert env.passphrase_bytes("cafe\u0301") == env.passphrase_bytes("caf\u00e9")


# ----- validate -----

def test_validate_recognises_an_encrypted_file(capsys, tmp_path, sealed_demo):
    path = tmp_path / "x.json"
    path.write_bytes(sealed_demo[1])
    assert cli.main(["validate", str(path)]) == cli.EXIT_ENCRYPTED == 3
    out, err = capsys.readouterr()
    assert "versleuteld bestand van Netwerkatlas" in out and "wachtwoord" in out and err == ""
    assert cli.main(["figures", str(path)]) == 3
    assert "versleuteld" in capsys.readouterr().err


# ----- the app: export with a passphrase -----

def make_app():
    host = CryptoHost()
    app = App(new_case("Sam"), host=host, now=lambda: NOW)
    return app, host


@pytest.mark.parametrize("action, key", [("export.json", None), ("export.run", "kaart_svg")])
def test_every_export_can_be_encrypted(action, key):
    app, host = make_app()
    app.dispatch("menu.export")
    data = {"export-passphrase": PASS, "export-passphrase2": PASS}
    if key:
        data["key"] = key
    app.dispatch(action, data)
    (name, text, mime), = host.downloads
    assert name == "netwerkatlas-2026-12-02-versleuteld.json" and mime == "application/json"
    assert "sam" not in name.lower()
    assert "Sam" not in json.dumps({k: v for k, v in json.loads(text).items() if k != "data"})
    e = env.parse_envelope(text.encode(), limit=MAX_ENVELOPE_BYTES)
    assert e.naam == f"netwerkatlas-2026-12-02.{'svg' if key else 'json'}"
    assert read_case_file(e.naam, unseal(e, PASS)).klant.naam == "Sam"
    assert app.sheet is None and app._passphrase == ""
    assert PASS not in repr(app.view) and PASS not in repr(app.sheet)


def test_export_without_passphrase_is_plain():
    app, host = make_app()
    app.dispatch("menu.save")
    app.dispatch("export.json", {"export-passphrase": "", "export-passphrase2": ""})
    assert host.downloads[0][0] == "netwerkatlas-sam-2026-12-02.json"


@pytest.mark.parametrize("again, fragment", [("andere zin!", "niet hetzelfde"), (None, "niet hetzelfde")])
def test_mismatched_passphrase_downloads_nothing(again, fragment):
    app, host = make_app()
    app.dispatch("menu.save")
    data = {"export-passphrase": PASS}
    if again is not None:
        data["export-passphrase2"] = again
    app.dispatch("export.json", data)
    assert host.downloads == []
    assert app.sheet.kind == "save" and fragment in app.sheet.error
    assert fragment in view.regions(app)["sheet"]
    assert PASS not in view.regions(app)["sheet"]


def test_export_sheet_has_passphrase_fields_sent_with_each_export_but_not_print():
    app, _ = make_app()
    app.dispatch("menu.export")
    html = view.regions(app)["sheet"]
    assert 'type="password" id="export-passphrase"' in html and 'id="export-passphrase2"' in html
    assert html.count('data-include="export-passphrase export-passphrase2"') == len(screens.exports()) + 1
    assert "Dit bestand bevat persoonlijke gegevens" in html  # the B1 warning stays


# ----- the app: opening an encrypted file -----

def test_open_encrypted_asks_passphrase_wrong_then_right(sealed_demo):
    case, data = sealed_demo
    app, host = make_app()
    before = app.case
    assert app.open_file("x.json", data) is False
    assert app.sheet.kind == "passphrase" and app.case is before and app.alerts == []
    html = view.regions(app)["sheet"]
    assert 'type="password" id="unlock-passphrase" name="passphrase"' in html

    app.dispatch("unlock.submit", {"passphrase": "niet goed"})
    assert app.case is before and app.sheet.kind == "passphrase"
    assert "wachtwoord klopt niet" in app.sheet.error and "klopt niet" in view.regions(app)["sheet"]

    app.dispatch("unlock.submit", {"passphrase": PASS})
    assert app.sheet is None and app.case == case and app.can_undo
    assert PASS not in repr(vars(app))
    assert host.decrypts == 2


def test_closing_the_passphrase_sheet_while_busy_ignores_the_result(sealed_demo):
    class SlowHost(CryptoHost):
        def decrypt(self, envelope, passphrase, done):
            self.later = lambda: done(unseal(envelope, passphrase))

    app = App(new_case("Sam"), host=SlowHost(), now=lambda: NOW)
    before = app.case
    app.open_file("x.json", sealed_demo[1])
    app.dispatch("unlock.submit", {"passphrase": PASS})
    assert "Bezig" in view.regions(app)["sheet"]
    app.dispatch("sheet.close")
    app.host.later()
    assert app.case is before and app.sheet is None


def test_empty_passphrase_is_asked_again(sealed_demo):
    app, host = make_app()
    app.open_file("x.json", sealed_demo[1])
    app.dispatch("unlock.submit", {"passphrase": ""})
    assert host.decrypts == 0 and "Typ eerst" in app.sheet.error
