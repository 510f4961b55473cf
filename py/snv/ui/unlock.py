"""Passphrases: the fields of the save/export sheet and the sheet that opens an encrypted file.

Pure Python (the crypto is the host's: WebCrypto in the browser). The passphrase arrives in the data of
one action and is handed straight to the host; it is never put in app.view, app.sheet or any store,
and the browser clears the fields (the sheet closes, or the form resets after submit).
"""
from __future__ import annotations

from typing import Any, Callable

from ..messages import t
from ..model import CaseError
from ..render import frame
from .sheets import FileSheet, PassphraseSheet

# ids of the passphrase fields in the save/export sheet; its export buttons send their values
# (data-include, added by ui/browser.py) with the one action, so they never become app state
FIELD, FIELD_AGAIN = frame.PASSPHRASE_FIELDS.split()


def export_with_passphrase(app, data: dict, run: Callable[[], Any]) -> bool:
    """Run one export, encrypted if a passphrase was typed. A bad passphrase shows in the sheet and
    nothing is downloaded. Returns whether the export ran."""
    passphrase = str(data.get(FIELD, ""))
    if passphrase:
        from ..storage.envelope import check_passphrase  # noqa: PLC0415

        try:
            check_passphrase(passphrase, str(data.get(FIELD_AGAIN, "")))
        except CaseError as exc:
            if isinstance(app.sheet, FileSheet):
                app.sheet.error = exc.message
            app.focus_request = f"#{FIELD}"
            return False
    with app.encrypting(passphrase):
        run()
    return True


def handle(app, action: str, data: dict) -> None:
    """`unlock.submit` from the passphrase sheet (a form with the field "passphrase")."""
    if action != "unlock.submit":
        raise KeyError(action)
    sheet = app.sheet
    if not isinstance(sheet, PassphraseSheet) or sheet.busy:
        return
    passphrase = str(data.get("passphrase", ""))
    if not passphrase:
        sheet.error = t("store.crypt.open_empty")
        app.focus_request = "#unlock-passphrase"
        return
    envelope = sheet.envelope
    sheet.busy, sheet.error = True, ""

    def done(plain: bytes | None) -> None:
        if app.sheet is not sheet:  # closed meanwhile: the user changed their mind
            return
        if plain is None:
            sheet.busy, sheet.error = False, t("store.crypt.wrong")
            app.focus_request = "#unlock-passphrase"
            app.request_render()
            return
        app.sheet = None
        app.open_file(envelope.naam, plain, encrypted_ok=False)
        app.request_render()

    app.host.decrypt(envelope, passphrase, done)
