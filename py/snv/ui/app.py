"""The app controller: the case, undo/redo, navigation, sheets, messages and save state.

Pure Python (no `js`): the browser layer (ui/browser.py) implements `Host` and calls `dispatch`;
unit tests drive the same object with the no-op Host. Edits go through `apply`, which runs one of the
pure functions from model/ops.py and keeps the old Case for undo (ops share unchanged parts, so a
version costs little).
"""
from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Optional, TypeVar

from ..messages import t
from ..model import Case, CaseError, new_case, ops
from . import screens
from .prefs import Prefs
from .sheets import ConfirmSheet, PassphraseSheet, PersonSheet, Sheet

V = TypeVar("V")

HISTORY_CAP = 200
SAVE_DELAY_MS = 700  # autosave after this quiet time (≤ 1 s)


@dataclass
class Toast:
    text: str
    undo: bool = False  # show *Ongedaan maken*
    redo: bool = False  # show *Opnieuw*


def _store_messages() -> set:
    return {t(f"err.store.{k}") for k in ("full", "denied", "broken", "verify")}


class Host:
    """What the app needs from its surroundings. The browser implements it; this one does nothing,
    so the controller can be tested under CPython (tests subclass it to record calls)."""

    def request_render(self) -> None: ...

    def schedule_save(self, delay_ms: int) -> None: ...

    def download(self, filename: str, text: str | bytes, mime: str) -> None:
        """Offer a file to save: text (UTF-8) or bytes (a zip)."""

    def download_encrypted(self, filename: str, inner_name: str, data: bytes, mime: str, passphrase: str) -> None:
        """Encrypt `data` with `passphrase` (storage/envelope.py) and download the envelope as `filename`.
        The browser does it asynchronously with WebCrypto (ui/webcrypto.py)."""

    def decrypt(self, envelope: Any, passphrase: str, done: Callable[[Optional[bytes]], None]) -> None:
        """Decrypt an envelope; call done(plain bytes), or done(None) for a wrong passphrase."""
        done(None)

    def pick_file(self) -> None: ...

    def print_page(self, document: Optional[str] = None) -> None:
        """Open the print dialog: for `document` (print pages, ui/printing.py), or for the page as it is."""

    # persistence (the browser runs these on its event loop; here a store's coroutine runs to its end)
    def spawn(self, coro: Any) -> Any:
        from ..storage.store import drive  # noqa: PLC0415

        return drive(coro)

    def broadcast(self, message: dict) -> None:
        """Tell other open tabs of this app (BroadcastChannel in the browser)."""

    def after_save(self) -> None:
        """A save was verified: the browser drops its page-hide rescue copy."""

    def reload(self) -> None:
        """Start this page over (after the session ended in another tab)."""

    async def wipe_device(self) -> None:
        """Sessie beëindigen: remove everything else of this app on the device (databases, caches)."""

    def apply_update(self) -> None:
        """A new version of the app waits (ui/update.py): save everything, then reload into it."""

    def language_changed(self, code: str) -> None:
        """The language is now `code` (ui/language.py): remember it and render everything anew."""
        self.request_render()

    def prefs_changed(self, prefs: Any) -> None:
        """The display preferences (ui/prefs.Prefs) changed: remember them and apply them to the page."""

    def speak(self, lines: list[str], lang: str, done: Callable[..., None]) -> None:
        """*Lees voor*: speak `lines` in the app language `lang` with a voice on the device, then call
        done(), or done(problem) with "none" (no speech here) or "no_voice" (no voice for `lang`).
        There is no speech outside a browser."""
        done("none")

    def stop_speaking(self) -> None:
        """Stop *Lees voor* (nothing more is said; `done` is not called)."""


class App:
    def __init__(self, case: Optional[Case] = None, *, store: Any = None, host: Optional[Host] = None,
                 now: Callable[[], dt.datetime] = dt.datetime.now, history_cap: int = HISTORY_CAP):
        self.case: Case = case if case is not None else new_case()
        self.store = store  # storage.store.CaseStore (or None: nothing is persisted)
        self.host: Host = host or Host()
        self.now = now
        self.history_cap = history_cap
        self._undo: list[tuple[Case, str]] = []  # (case before the edit, what the edit was)
        self._redo: list[tuple[Case, str]] = []
        self.screen = "start"
        self.view: dict[type, Any] = {}  # view-state class -> its one instance (see view_state)
        self.toast: Optional[Toast] = None
        self.alerts: list[str] = []
        self.sheet: Optional[Sheet] = None  # the open sheet (ui/sheets.py), if any
        self.onboarding: Optional[str] = None  # None | "naam" | "kaart": the new-case questions
        self.save_state = "idle"  # idle | pending | saved | failed | conflict (see save_now)
        self.saved_at: Optional[dt.datetime] = None
        self.pending_save = False  # the case changed since the last verified save
        self.drafting = False  # text typed in a field is not committed yet (ui/browser.py commits it)
        self.store_problem: Optional[str] = None  # kind of the last StoreError (full, denied, …)
        self.conflict = False  # another tab saved this case: we write nothing until the user chooses
        self.memory = False  # the browser gives no storage: the case lives only in this page
        self.ended = False  # another tab ended the session: show a neutral screen, never save
        self.versions: Optional[list] = None  # the list in the *Eerdere versies* sheet (None: loading)
        self.downloaded: Optional[Case] = None  # the case last downloaded as a file (memory mode)
        self.coalesce: Optional[str] = None  # set by the browser while it commits a typed text field
        self._coalesce_last: Optional[str] = None
        self._saving = False
        self._save_again = False
        self.focus_request: Optional[str] = None  # CSS selector to focus after the next render
        self.trigger: Optional[str] = None  # selector of the element that started this action (set by browser)
        self._passphrase = ""  # set only while one export runs (see `encrypting`); never kept
        self.prefs = Prefs()  # how this device shows the app (ui/prefs.py); never part of the case
        self.speaking = False  # *Lees voor* is reading (ui/client_view.py)

    def stop_speaking(self) -> None:
        if self.speaking:
            self.speaking = False
            self.host.stop_speaking()

    def view_state(self, cls: type[V]) -> V:
        """The UI state of one screen (or sheet) that survives re-renders, e.g. PersonenView: created
        from the class's defaults on first use, so the defaults live in that class only."""
        state = self.view.get(cls)
        if state is None:
            state = self.view[cls] = cls()
        return state

    # ----- edits and history -----

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1][1] if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1][1] if self._redo else ""

    def apply(self, fn: Callable, *args: Any, label: str = "", **kw: Any) -> Any:
        """Run an ops function on the case. Bad input (CaseError), or a result that is not a valid case
        as a whole, becomes an alert and changes nothing (no undo entry, nothing saved).

        Returns the function's extra result (e.g. the new person id of add_person), or None.
        """
        try:
            result = fn(self.case, *args, **kw)
            new, extra = result if isinstance(result, tuple) else (result, None)
            if not isinstance(new, Case):
                raise TypeError(f"{getattr(fn, '__name__', fn)} did not return a Case")
            if new is not self.case:
                ops.checked(new)  # defence in depth: a screen may pass any function, not only ops
        except CaseError as exc:
            self.alert(exc.message)
            return None
        key = self.coalesce
        if key is not None and key == self._coalesce_last and self._undo:
            # the same field committed again while typing: one undo step, named by the last commit
            self._undo[-1] = (self._undo[-1][0], label or self._undo[-1][1])
        else:
            self._push_undo(self.case, label or t("ui.toast.changed"))
        self._coalesce_last = key
        self._redo.clear()
        self._set_case(new)
        self.toast = Toast(label, undo=True) if label else None
        self.alerts.clear()  # an earlier problem is no longer current after a successful edit
        return extra

    def replace_case(self, case: Case, label: str) -> None:
        """Put a whole other case in place (opening a file); undoable like any edit."""
        self.apply(lambda _old: case, label=label)

    def _leaves_privetijd(self, other: Case) -> bool:
        """Going to `other` would end *Tijd zonder begeleider* without its deliberate action."""
        if self.privetijd and not other.bijeenkomst.in_privetijd:
            self.notice(t("bijeenkomst.priv.no_undo"))
            return True
        return False

    def undo(self) -> None:
        if not self._undo or self._leaves_privetijd(self._undo[-1][0]):
            return
        previous, label = self._undo.pop()
        self._coalesce_last = None
        self._redo.append((self.case, label))
        self._set_case(previous)
        self.toast = Toast(t("ui.toast.undone", what=label), redo=True)

    def redo(self) -> None:
        if not self._redo or self._leaves_privetijd(self._redo[-1][0]):
            return
        following, label = self._redo.pop()
        self._coalesce_last = None
        self._push_undo(self.case, label)
        self._set_case(following)
        self.toast = Toast(t("ui.toast.redone", what=label), undo=True)

    def reset(self, case: Case) -> None:
        """Start over with `case` and no history (new case, end of session): nothing to undo into."""
        self._undo.clear()
        self._redo.clear()
        self._coalesce_last = None
        self.case = case
        self.view.clear()
        self.sheet = None
        self.toast = None
        self.screen = "start"

    def _push_undo(self, case: Case, label: str) -> None:
        self._undo.append((case, label))
        if len(self._undo) > self.history_cap:
            del self._undo[: len(self._undo) - self.history_cap]

    def _set_case(self, case: Case) -> None:
        self.case = case
        self._fix_view()
        self.mark_dirty()
        self.request_render()

    def _fix_view(self) -> None:
        """After undo/redo/replace a sheet may point at someone who is gone: close it."""
        sheet = self.sheet
        if isinstance(sheet, PersonSheet) and sheet.pid and sheet.pid not in {p.id for p in self.case.personen}:
            self.sheet = None

    # ----- persistence -----
    # save_state: idle (nothing to save) · pending (a change or typed text waits, or is being written)
    # · saved (verified in storage) · failed (store_problem says why; the change stays on screen and is
    # retried with the next change) · conflict (another tab saved; nothing is written until the user
    # chooses Laden or Mijn versie als kopie bewaren).

    @property
    def unsaved(self) -> bool:
        """Something on screen is not in storage (the browser then asks before the page closes)."""
        if self.ended:
            return False
        if self.memory:
            return self.downloaded is not self.case and not self.onboarding == "naam"
        return self.drafting or self.pending_save or self._saving or self.save_state in ("failed", "conflict")

    def mark_dirty(self) -> None:
        self.pending_save = True
        if self.store is not None and not self.ended:
            if self.save_state != "conflict":
                self.save_state = "pending"
            self.host.schedule_save(SAVE_DELAY_MS)

    def set_drafting(self, on: bool) -> None:
        """Text is being typed in a field (on) or the typing ended (off), committed or not."""
        if on == self.drafting:
            return
        self.drafting = on
        if self.store is None or self.ended or self.save_state in ("failed", "conflict"):
            return
        if on:
            self.save_state = "pending"
        elif not (self.pending_save or self._saving):
            self.save_state = "saved" if self.saved_at else "idle"
        self.request_render()

    def save_now(self) -> bool:
        """Write the case to the store (debounce timer, page hide). False if it could not be saved;
        the reason is in save_state / store_problem and, for the user, in an alert."""
        if self.store is None or self.ended or not self.pending_save:
            return True
        if self.conflict:
            return False
        if self._saving:
            self._save_again = True
            return True
        result = self.host.spawn(self._save())
        return True if result is None else bool(result)

    async def _save(self) -> bool:
        from ..storage.store import ConflictError, StoreError  # noqa: PLC0415 (storage loads with the ui)

        self._saving = True
        case = self.case
        try:
            info = await self.store.save(case, beside=self._preview(case))
        except ConflictError:
            self._saving = False
            self.conflict = True
            self.save_state = "conflict"
            self.request_render()
            return False
        except StoreError as exc:
            self._saving = False
            self._save_failed(exc.kind, exc.message)
            return False
        except Exception:  # noqa: BLE001 - a bug in a storage adapter: say so, keep the case
            self._saving = False
            self._save_failed("broken", t("err.store.broken"))
            return False
        self._saving = False
        if self.case is case:
            self.pending_save = False
        if self.store_problem is not None:
            self.alerts = [a for a in self.alerts if a not in _store_messages()]
            self.store_problem = None
        self.save_state = "pending" if self.pending_save or self.drafting else "saved"
        self.saved_at = self.now()
        self.host.after_save()
        self.host.broadcast({"t": "saved", "rev": info.revision})
        if self.pending_save or self._save_again:
            self._save_again = False
            self.host.schedule_save(SAVE_DELAY_MS)
        self.request_render()
        return True

    def _preview(self, case: Case) -> dict[str, str]:
        """The start preview saved beside the case (render/preview.py). A bug in it never stops a save."""
        from ..render import preview  # noqa: PLC0415 (draws the map: loaded with the first save)
        from ..storage.store import PREVIEW_KEY  # noqa: PLC0415 (storage loads with the ui)
        from .view import bar_items  # noqa: PLC0415 (view imports the screens, which import this module)

        try:
            bar = [(label, icon) for _key, label, icon in bar_items(case, privetijd=self.privetijd)]
            return {PREVIEW_KEY: preview.record(case, bar)}
        except Exception:  # noqa: BLE001 - the preview is a courtesy; the case is what must be saved
            return {}

    def _save_failed(self, kind: str, message: str) -> None:
        self.save_state = "failed"
        self.store_problem = kind
        self.alert(message)

    def on_other_tab(self, message: dict) -> None:
        """A message from another tab of this app (BroadcastChannel or the storage event)."""
        kind = message.get("t")
        if kind == "ended":
            self.end_here()
        elif kind == "saved" and self.store is not None and not self.ended and not self.memory:
            try:
                rev = int(message.get("rev", 0))
            except (TypeError, ValueError):
                rev = 0
            if rev > (self.store.revision or 0):
                self.conflict = True
                self.save_state = "conflict"
                self.request_render()

    def end_here(self) -> None:
        """The session was ended (here or in another tab): drop the case from this page, save nothing."""
        self.ended = True
        self.store = None
        self.reset(new_case())
        self.pending_save = self.drafting = self.conflict = False
        self.onboarding = None
        self.alerts.clear()
        self.save_state = "idle"
        self.request_render()

    def after_load(self, case: Case, label: str) -> None:
        """Another stored case is now current (theirs from another tab, or an earlier version)."""
        self.replace_case(case, label)
        self.onboarding = None
        self.conflict = False
        self.sheet = None
        self.view.clear()
        self.screen = "start"

    # ----- navigation, sheets, messages -----

    @property
    def privetijd(self) -> bool:
        """*Tijd zonder begeleider* is on (stored in the case, so it survives a reload): the frame shows
        only the screens that declare `privetijd`, no begeleider notes, no figures, and exports leave
        those notes out (export_choices). The one switch every part of the app reads."""
        return self.case.bijeenkomst.in_privetijd

    def export_choices(self) -> dict:
        """The privacy choices of files and print ({"notes", "pseudonymise"}, from FileOptions): during
        privétijd the begeleider's notes stay out whatever the checkbox says."""
        from .sheets import FileOptions  # noqa: PLC0415

        opts = self.view_state(FileOptions)
        return {"notes": opts.notes and not self.privetijd, "pseudonymise": opts.pseudonymise}

    def go(self, screen_key: str) -> None:
        if screens.get(screen_key) is None:
            screen_key = "start"
        if not screens.allowed(screen_key, privetijd=self.privetijd):
            screen_key = screens.privetijd_home()
        self.screen = screen_key
        self.toast = None  # the toast stays through sheets and filters; a new screen starts clean
        if self.sheet is not None and not isinstance(self.sheet, PersonSheet):
            self.sheet = None
        self.focus_request = "#content"
        self.request_render()

    def open_sheet(self, sheet: Sheet) -> None:
        if sheet.return_to is None:
            current = self.sheet
            if current is not None and not isinstance(current, PersonSheet) and current.return_to:
                # opened from inside a modal sheet (a menu item): that item is gone when this one
                # closes, so the focus goes back to where the first sheet came from (the Menu button)
                sheet.return_to = current.return_to
            else:
                sheet.return_to = self.trigger
        self.sheet = sheet
        self.focus_request = "#sheet [data-autofocus]"
        self.request_render()

    def close_sheet(self) -> None:
        if self.sheet is None:
            return
        back = self.sheet.return_to
        self.sheet = None
        self.focus_request = back or "#content"
        self.request_render()

    def open_person(self, pid: str) -> None:
        """Open the shared person sheet for an existing person."""
        self.case.persoon(pid)  # KeyError for an unknown id: a bug in the caller
        self.open_sheet(PersonSheet(pid=pid))

    def new_person(self, sector: Optional[str] = None, nabijheid: Optional[str] = None) -> None:
        """Open the person sheet for someone new; nothing is created until a name is typed."""
        prefill = {k: v for k, v in (("sector", sector), ("nabijheid", nabijheid)) if v}
        self.open_sheet(PersonSheet(pid=None, prefill=prefill))

    def confirm(self, title: str, text: str, yes_label: str, on_yes: Callable[[], Any], *,
                offer_save: bool = False) -> None:
        """Ask before something that cannot be taken back easily (a sheet, never window.confirm)."""
        back = self.sheet if isinstance(self.sheet, PersonSheet) else None
        self.open_sheet(ConfirmSheet(title=title, text=text, yes=yes_label, on_yes=on_yes, offer_save=offer_save,
                                     back=back, return_to=back.return_to if back is not None else None))

    def alert(self, message: str) -> None:
        if message not in self.alerts:
            self.alerts.append(message)
        self.request_render()

    def notice(self, message: str) -> None:
        self.toast = Toast(message)
        self.request_render()

    def request_render(self) -> None:
        self.host.request_render()

    # ----- files -----

    def download(self, filename: str, text: str | bytes, mime: str = "application/json") -> str:
        """Download a file; inside `encrypting(passphrase)` as an encrypted envelope. Returns the name
        the file gets (an encrypted one is named without anything from the case)."""
        if not self._passphrase:
            self.host.download(filename, text, mime)
            return filename
        from ..storage import envelope  # noqa: PLC0415

        date = self.now().date().isoformat()
        outer = envelope.outer_name(date)
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        self.host.download_encrypted(outer, envelope.neutral_name(filename, date), data, mime, self._passphrase)
        return outer

    @contextlib.contextmanager
    def encrypting(self, passphrase: str):
        """Every download in this block is encrypted with `passphrase` (empty: not encrypted). The
        passphrase lives only for the block: it is not kept in the app, the view or any store."""
        self._passphrase = passphrase
        try:
            yield
        finally:
            self._passphrase = ""

    def save_file(self, *, notes: bool = False, pseudonymise: bool = False) -> str:
        """Download the case as JSON (privacy choices applied). Returns the file name."""
        from ..storage.files import export_filename  # noqa: PLC0415
        from ..storage.jsonio import dumps_case  # noqa: PLC0415
        from ..storage.privacy import for_export  # noqa: PLC0415

        case = for_export(self.case, notes=notes, pseudonymise=pseudonymise)
        name = export_filename(case, "json", self.now().date())  # the exported case: no real name if pseudonymised
        encrypted = bool(self._passphrase)
        name = self.download(name, dumps_case(case), "application/json")
        self.downloaded = self.case
        self.notice(t("store.crypt.saved", name=name) if encrypted else t("ui.file.saved", name=name))
        return name

    def open_file(self, filename: str, data: bytes, *, encrypted_ok: bool = True) -> bool:
        """Open a file the user chose (the one file picker and the drop zone): JSON/SVG from this app
        opens at once; a file of another program (easyNWK, GEDCOM) opens its preview, which changes
        nothing until confirmed (ui/interop.py). On any problem: a Dutch alert, the case stays as it was.

        An encrypted file opens the passphrase sheet (ui/unlock.py); its content comes back here with
        encrypted_ok=False (an envelope inside an envelope is refused)."""
        from ..storage.envelope import EncryptedFile  # noqa: PLC0415
        from ..storage.files import read_any_file  # noqa: PLC0415

        try:
            found = read_any_file(filename, data, allow_encrypted=encrypted_ok)
        except EncryptedFile as exc:
            self.open_sheet(PassphraseSheet(envelope=exc.envelope))
            self.focus_request = "#unlock-passphrase"
            return False
        except CaseError as exc:
            unchanged = t("ui.file.unchanged")
            self.alert(exc.message if unchanged in exc.message else f"{exc.message} {unchanged}")
            return False
        if not isinstance(found, Case):
            from . import interop  # noqa: PLC0415

            interop.open_preview(self, found)
            return False  # nothing opened yet: the preview asks first
        self.open_case(found, t("ui.toast.opened", naam=found.klant.naam))
        return True

    def open_case(self, case: Case, label: str) -> None:
        """A whole other case is now the current one (a file, or a confirmed import): undoable, saved at once."""
        self.replace_case(case, label)
        self.onboarding = None
        self.sheet = None
        self.view.clear()
        self.screen = "start"
        self.save_now()  # persist at once: the user just chose this file

    # ----- actions from the page -----

    def dispatch(self, action: str, data: Optional[dict] = None) -> Any:
        """Route an action "<prefix>.<verb>" to the framework or to the screen named by its prefix."""
        from . import actions  # noqa: PLC0415 (actions imports this module)

        data = dict(data or {})
        prefix = action.partition(".")[0]
        handler = actions.HANDLERS.get(prefix)
        if handler is not None:
            result = handler(self, action, data)
        else:
            screen = screens.get(prefix)
            if screen is None or screen.handle is None:
                raise KeyError(f"no handler for action {action!r}")
            result = screen.handle(self, action, data)
        self.request_render()
        return result
