"""Browser wiring: render regions into #app, delegate DOM events to App.dispatch, files, autosave.

Browser-only (imports js/pyodide); everything that can be tested under CPython lives in app.py,
actions.py, person_sheet.py and the render package. Design notes:
- One skeleton of region containers is built once; a region's innerHTML is replaced only when its
  HTML string changed. If the focused element is a text field inside a changed region, only the
  nodes around it are swapped (`_patch`), so typing, caret and a tablet's keyboard are not disturbed.
- A change caused by pressing a button (blur of a text field) renders only after that click has been
  handled, so the button under the finger is not replaced between pointerdown and click.
- Edits are saved ≤ 1 s after the last change (debounced) and at once when the page is hidden.
  Text typed in a field with a data-action is committed through that action after DRAFT_IDLE_MS of
  quiet (one undo step per field, see App.coalesce), so typing reaches storage too. When the page
  goes away with something unsaved, a synchronous rescue copy goes to localStorage (IndexedDB is
  async and may not finish) and the browser asks before closing (beforeunload, only then).
"""
from __future__ import annotations

import asyncio
import json
import traceback
from typing import Any, Callable, Optional

import js
from pyodide.ffi import create_proxy, to_js

from ..messages import t
from ..model import CaseError
from ..render import frame
from ..storage.jsonio import loads_json
from . import packages, printing, screens, update, view
from .dom import nn as _nn
from .app import App, Host

TEXT_INPUT_TYPES = {"text", "search", "number", "email", "tel", "url", "password", ""}
DATA_SKIP = {"data-action", "data-live", "data-include"}
DRAFT_IDLE_MS = 1000  # typed text is committed after this quiet time
UPDATE_WAIT_STEPS = 100  # *Herladen* waits at most 10 s (steps of 0.1 s) for the save before the reload
KEY_ATTRS = ("data-pid", "data-field", "data-value", "data-index", "data-soort", "data-screen", "data-filter",
             "data-fase", "data-key", "data-id", "data-name")




def _attr(el: Any, name: str) -> Optional[str]:
    value = _nn(el.getAttribute(name))
    return None if value is None else str(value)


def _is_text_field(el: Any) -> bool:
    if el is None or not hasattr(el, "tagName"):
        return False
    tag = str(el.tagName)
    if tag == "TEXTAREA":
        return True
    if tag == "INPUT":
        return str(el.type or "").lower() in TEXT_INPUT_TYPES
    return bool(getattr(el, "isContentEditable", False))


def _data(el: Any) -> dict:
    """The element's data-* attributes (without data-action) as a dict."""
    out: dict = {}
    attrs = el.attributes
    for i in range(attrs.length):
        attr = attrs.item(i)
        name = str(attr.name)
        if name.startswith("data-") and name not in DATA_SKIP:
            out[name[5:]] = str(attr.value)
    return out


class BrowserHost(Host):
    def __init__(self) -> None:
        self.app: App  # set by mount(): no event reaches the host before that
        self.tasks: set = set()  # running coroutines: asyncio keeps only weak references to them
        self.document = js.document
        self.root = js.document.getElementById("app")
        self.els: dict[str, Any] = {}
        self.last: dict[str, str] = {}
        self.batch = 0  # >0 while an action runs: renders are collected into one
        self.dirty = False
        self.pointer_down = False
        self.deferred = False
        self.save_timer: Any = None
        self.draft_timer: Any = None
        self.draft_el: Any = None  # the text field typed in since its last commit
        self.backend: Any = None  # the store's backend (localstore.*Backend or MemoryBackend)
        self.rescued: Any = None  # (case, revision) of the rescue copy written since the last save
        self.last_screen = ""
        self.proxies: list = []  # event handler proxies must stay alive as long as the page
        # ?bench (tests/bench): mark the phases of each render, so the benchmark can say where time goes
        self.marks = "bench" in str(js.location.search)

    # ----- setup -----

    def mount(self, app: App) -> None:
        self.app = app
        self._link_stylesheets()
        if self.marks:  # ?bench: timing hooks for tests/bench
            from .bench import install  # noqa: PLC0415

            install(app)
        self.root.innerHTML = frame.skeleton()
        for rid in frame.REGIONS:
            self.els[rid] = self.document.getElementById(rid)
        self.frame_el = self.document.getElementById("frame")
        self.scroller = self.document.getElementById("scroller")
        self.file_input = self.document.getElementById("file-input")
        on = self._listen
        on(self.root, "click", self.on_click)
        on(self.root, "change", self.on_change)
        on(self.root, "input", self.on_input)
        on(self.root, "submit", self.on_submit)
        on(self.document, "keydown", self.on_keydown)
        on(self.document, "pointerdown", self.on_pointerdown, capture=True)
        on(self.document, "pointerup", self.on_pointerup, capture=True)
        on(self.document, "pointercancel", self.on_pointerup, capture=True)
        on(self.document, "dragover", self.on_dragover)
        on(self.document, "dragleave", self.on_dragleave)
        on(self.document, "drop", self.on_drop)
        on(self.document, "visibilitychange", self.on_visibility)
        on(js.window, "pagehide", self.on_pagehide)
        on(js.window, "beforeunload", self.on_beforeunload)
        on(js.window, "beforeprint", self.on_beforeprint)
        on(js.window, "afterprint", self.on_afterprint)
        self._save_cb = create_proxy(self.on_save_timer)
        self._deferred_cb = create_proxy(self.on_deferred_timer)
        self._draft_cb = create_proxy(self.on_draft_timer)
        self.proxies += [self._save_cb, self._deferred_cb, self._draft_cb]
        store_js = getattr(js, "snvStore", None)
        if store_js is not None:
            message = create_proxy(self.on_other_tab)
            self.proxies.append(message)
            store_js.listen(message)
        on(js.window, "snv:update", self.on_update)  # site/offline.js: a new version waits
        if self.document.documentElement.getAttribute("data-update") == "ready":
            update.available(app)

    def _link_stylesheets(self) -> None:
        """A screen's own CSS (Screen.stylesheet) is linked here, so index.html needs no line per screen."""
        head = self.document.head
        for href in screens.stylesheets():
            if _nn(head.querySelector(f'link[data-screen-css="{href}"]')) is None:
                link = self.document.createElement("link")
                link.rel = "stylesheet"
                link.href = f"./{href}"
                link.setAttribute("data-screen-css", href)
                head.appendChild(link)

    def _listen(self, target: Any, event: str, fn, capture: bool = False) -> None:
        proxy = create_proxy(fn)
        self.proxies.append(proxy)
        target.addEventListener(event, proxy, capture)

    # ----- Host interface -----

    def request_render(self) -> None:
        if self.batch > 0:
            self.dirty = True
        elif self.pointer_down:
            self.deferred = True
        else:
            self.render_now()

    def schedule_save(self, delay_ms: int) -> None:
        if self.save_timer is not None:
            js.clearTimeout(self.save_timer)
        self.save_timer = js.setTimeout(self._save_cb, delay_ms)

    def download(self, filename: str, text: str | bytes, mime: str) -> None:
        if isinstance(text, bytes):  # a zip: the bytes as they are
            part: Any = js.Uint8Array.new(len(text))
            part.assign(text)
        else:
            part = text
        blob = js.Blob.new(to_js([part]), to_js({"type": mime}, dict_converter=js.Object.fromEntries))
        url = js.URL.createObjectURL(blob)
        link = self.document.createElement("a")
        link.href = url
        link.download = filename
        link.hidden = True
        self.document.body.appendChild(link)
        link.click()
        link.remove()
        revoke = create_proxy(lambda: js.URL.revokeObjectURL(url))
        js.setTimeout(revoke, 30000)
        self.proxies.append(revoke)

    def download_encrypted(self, filename: str, inner_name: str, data: bytes, mime: str, passphrase: str) -> None:
        self.run_task(self._download_encrypted(filename, inner_name, data, mime, passphrase))

    async def _download_encrypted(self, filename: str, inner_name: str, data: bytes, mime: str,
                                  passphrase: str) -> None:
        from . import webcrypto  # noqa: PLC0415

        try:
            sealed = await webcrypto.encrypt(data, passphrase, naam=inner_name, mime=mime)
            self.download(filename, sealed.to_json(), "application/json")
        except webcrypto.Unsupported:
            self.app.toast = None
            self.app.alert(t("store.crypt.unsupported"))
        except Exception:  # noqa: BLE001 - any failure: logged, the user told calmly, the case kept
            js.console.error(f"snv: encrypting an export failed\n{traceback.format_exc()}")
            self.app.toast = None  # the "downloaded" toast would be untrue
            self.app.alert(t("store.crypt.failed"))
        self.render_now()

    def decrypt(self, envelope: Any, passphrase: str, done) -> None:
        self.run_task(self._decrypt(envelope, passphrase, done))

    async def _decrypt(self, envelope: Any, passphrase: str, done) -> None:
        from . import webcrypto  # noqa: PLC0415

        self.render_now()  # show "Bezig met openen…" while the key is derived
        try:
            plain = await webcrypto.decrypt(envelope, passphrase)
        except webcrypto.Unsupported:
            self.app.sheet = None
            self.app.alert(t("store.crypt.unsupported"))
            self.render_now()
            return
        except Exception:  # noqa: BLE001 - any failure counts as 'could not decrypt' (logged)
            js.console.error(f"snv: decrypting a file failed\n{traceback.format_exc()}")
            plain = None
        self.batch += 1
        try:
            done(plain)
        except Exception:  # noqa: BLE001 - a bug after decrypting: logged, the user told, the case kept
            js.console.error(f"snv: opening a decrypted file failed\n{traceback.format_exc()}")
            self.app.alert(t("ui.err.file_read"))
        finally:
            self.batch -= 1
        self.last_screen = ""
        self.render_now()

    def spawn(self, coro: Any) -> None:
        self.run_task(self._guarded(coro))

    def run_task(self, coro: Any) -> None:
        """Start a coroutine and hold on to it until it ends (else it may be garbage-collected)."""
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _guarded(self, coro: Any) -> None:
        try:
            await coro
        except Exception:  # noqa: BLE001 - a bug: tell the user calmly, keep the data, log for developers
            js.console.error(f"snv: storage task failed\n{traceback.format_exc()}")
            self.app.alert(t("ui.err.bug"))
        self.request_render()

    def broadcast(self, message: dict) -> None:
        store_js = getattr(js, "snvStore", None)
        if store_js is not None:
            store_js.post(json.dumps(message))

    def after_save(self) -> None:
        from .localstore import drop_rescue  # noqa: PLC0415

        drop_rescue()
        self.rescued = None

    async def wipe_device(self) -> None:
        from .localstore import IndexedDBBackend, LocalStorageBackend  # noqa: PLC0415

        api = js.snvStore
        await api.wipeCaches()  # every cache but the app's own files (they hold no case data)
        offline = getattr(js, "snvOffline", None)
        if offline is not None:
            await offline.tidy()  # and in those, nothing but the files of this build
        try:
            ls = LocalStorageBackend()
            ls.delete_now([k for k in await ls.keys() if k.startswith("snv:")])
        except Exception:  # noqa: BLE001 - localStorage refused: nothing of ours is there
            pass
        await api.idbDrop()
        if isinstance(self.backend, IndexedDBBackend):
            await api.idbOpen()  # an empty database for the next case in this tab

    def reload(self) -> None:
        js.location.reload()

    def on_update(self, _evt: Any) -> None:
        update.available(self.app)

    def apply_update(self) -> None:
        """Commit typed text and save, then let the new version take over once all is stored."""
        self.flush()
        self.run_task(self._apply_update())

    async def _apply_update(self) -> None:
        app = self.app
        for _ in range(UPDATE_WAIT_STEPS):
            if not app.unsaved:
                js.snvOffline.apply()  # the waiting worker takes over; the page reloads
                return
            if app.save_state in ("failed", "conflict"):
                break
            await asyncio.sleep(0.1)
        update.not_applied(app)  # not stored: stay (the alert says why)

    def language_changed(self, code: str) -> None:
        """Remember the language in this browser, tell the page (lang), and build the frame anew: the
        skeleton's labels were rendered once, in the old language (event listeners sit on #app)."""
        from . import language  # noqa: PLC0415

        try:
            language.remember(js.localStorage, code)
        except Exception:  # noqa: BLE001 - no localStorage: the choice holds for this visit only
            pass
        self.document.documentElement.lang = code
        self.root.innerHTML = frame.skeleton()
        for rid in frame.REGIONS:
            self.els[rid] = self.document.getElementById(rid)
        self.frame_el = self.document.getElementById("frame")
        self.scroller = self.document.getElementById("scroller")
        self.file_input = self.document.getElementById("file-input")
        self.last.clear()
        self.last_screen = ""
        self.request_render()

    def prefs_changed(self, prefs: Any) -> None:
        """Remember the display preferences in this browser and apply them to <html> (ui/prefs.py)."""
        from . import prefs as prefs_mod  # noqa: PLC0415

        prefs_mod.remember(js.localStorage, prefs)
        apply_prefs(prefs)

    def speak(self, lines: list[str], lang: str, done: Callable[..., None]) -> None:
        from . import speech_dom  # noqa: PLC0415

        speech_dom.speak(lines, lang, done)

    def stop_speaking(self) -> None:
        from . import speech_dom  # noqa: PLC0415

        speech_dom.stop()

    def on_other_tab(self, text: Any) -> None:
        try:
            message = loads_json(str(text))  # another tab's message: depth-checked like any input
        except ValueError:
            return
        if isinstance(message, dict):
            self.app.on_other_tab(message)
            self.render_now()

    def pick_file(self) -> None:
        self.file_input.value = ""
        self.file_input.click()

    def print_page(self, document: Optional[str] = None) -> None:
        if document is not None:
            self._show_print(document)
        js.window.print()

    def _show_print(self, document: str) -> None:
        """Put print pages in #print-root; the print stylesheet then prints only them."""
        root = _nn(self.document.getElementById("print-root"))
        if root is not None:
            root.innerHTML = document
            self.document.documentElement.dataset.print = "doc"

    def on_beforeprint(self, _evt: Any) -> None:
        # Ctrl+P or the browser's menu: an instrument prints its own page (a print button filled it already)
        if self.document.documentElement.dataset.print != "doc":
            document = printing.for_screen(self.app)
            if document is not None:
                self._show_print(document)

    def on_afterprint(self, _evt: Any) -> None:
        root = _nn(self.document.getElementById("print-root"))
        if root is not None:
            root.innerHTML = ""
        self.document.documentElement.removeAttribute("data-print")

    # ----- running actions -----

    def run(self, action: str, data: dict, *, render: bool = True) -> None:
        app = self.app
        self.batch += 1
        try:
            app.dispatch(action, data)
        except Exception:  # noqa: BLE001 - a bug: tell the user calmly, keep the data, log for developers
            js.console.error(f"snv: action {action} failed\n{traceback.format_exc()}")
            app.alert(t("ui.err.bug"))
        finally:
            self.batch -= 1
        if render and data.get("event") == "change":
            # A change fires in the middle of a focus move (Tab, or a tap on another control). Render
            # after it: on a timer once focus has landed, or after the click if a finger is down, so
            # neither the newly focused field nor the pressed button is replaced under the user.
            self.deferred = True
            if not self.pointer_down:
                js.setTimeout(self._deferred_cb, 0)
            return
        if render:
            self.render_now()

    def on_click(self, evt: Any) -> None:
        target = _nn(evt.target)
        el = _nn(target.closest("[data-action]")) if target is not None and hasattr(target, "closest") else None
        if el is None or not self.root.contains(el):
            return
        if str(el.tagName) in ("INPUT", "TEXTAREA", "SELECT", "FORM", "OPTION"):
            return  # those speak through change/input/submit
        if el.hasAttribute("disabled") or _attr(el, "aria-disabled") == "true":
            return
        evt.preventDefault()
        data = _data(el)
        data["event"] = "click"
        for field_id in str(_attr(el, "data-include") or "").split():
            # values of fields that are deliberately not app state (a passphrase), for this action only
            field = _nn(self.document.getElementById(field_id))
            if field is not None:
                data[field_id] = str(field.value)
        self.app.trigger = self.focus_key(el)
        self.run(str(_attr(el, "data-action")), data)

    def on_change(self, evt: Any) -> None:
        el = _nn(evt.target)
        if el is None or not hasattr(el, "getAttribute"):
            return
        action = _attr(el, "data-action")
        if not action:
            return
        if action == "file.picked":
            files = _nn(el.files)
            file = files.item(0) if files is not None and files.length else None
            # Ready for the next choice at once, whatever happens to this read (the same file again
            # fires a change only after the value was cleared).
            el.value = ""
            if file is not None:
                self.read_file(file)
            return
        self._run_field(el, str(action), "change")

    def _run_field(self, el: Any, action: str, event: str) -> None:
        if event == "change":
            self._forget_region_of(el)
        data = _data(el)
        data["event"] = event
        if str(el.type or "") == "checkbox":
            data["checked"] = "true" if el.checked else "false"
        data["value"] = str(el.value)
        key = self.focus_key(el)
        self.app.trigger = key
        text = event == "change" and _is_text_field(el)
        if text:
            if el == self.draft_el:
                self._end_draft()
            self.app.coalesce = key  # commits of one field while typing are one undo step
        try:
            self.run(action, data)
        finally:
            self.app.coalesce = None

    def _forget_region_of(self, el: Any) -> None:
        """What the user typed or ticked makes the page differ from the HTML last rendered for its
        region: forget that HTML, so the next render writes the region even when the app's HTML is
        the same as before (an undo right after typing must put the old value back in the field)."""
        for rid, region in self.els.items():
            if region is not None and region.contains(el):
                self.last.pop(rid, None)
                return

    def on_input(self, evt: Any) -> None:
        el = _nn(evt.target)
        live = _attr(el, "data-live") if el is not None and hasattr(el, "getAttribute") else None
        if live:
            self._run_field(el, str(live), "input")
        elif el is not None and _is_text_field(el) and _attr(el, "data-action") not in (None, "file.picked"):
            # typed text must reach storage: note the draft, commit it after a quiet moment
            if self.draft_el is not None and self.draft_el != el:
                self.commit_draft()
            self.draft_el = el
            self.app.set_drafting(True)
            if self.draft_timer is not None:
                js.clearTimeout(self.draft_timer)
            self.draft_timer = js.setTimeout(self._draft_cb, DRAFT_IDLE_MS)

    def on_draft_timer(self) -> None:
        self.draft_timer = None
        self.commit_draft(idle=True)

    def commit_draft(self, idle: bool = False) -> None:
        """Commit the field typed in through its own action (as if it was left). An empty field is
        not committed while typing goes on (it may be retyped); it is when the page goes away."""
        el = self.draft_el
        if el is None:
            return
        if not el.isConnected:
            self._end_draft()
            return
        if idle and (not str(el.value).strip() or str(el.type or "") == "number"):
            return  # an empty field may be retyped; a number half typed ("19") is not yet meant
        self._run_field(el, str(_attr(el, "data-action")), "change")
        self._end_draft()

    def _end_draft(self) -> None:
        if self.draft_timer is not None:
            js.clearTimeout(self.draft_timer)
            self.draft_timer = None
        self.draft_el = None
        self.app.set_drafting(False)

    def on_submit(self, evt: Any) -> None:
        form = evt.target
        evt.preventDefault()
        action = _attr(form, "data-action")
        if not action:
            return
        data = _data(form)
        entries = js.Array.from_(js.FormData.new(form).entries())
        for i in range(entries.length):
            pair = entries[i]
            data[str(pair[0])] = str(pair[1])
        data["event"] = "submit"
        self.app.trigger = self.focus_key(form)
        self.run(str(action), data)
        if form.isConnected:
            form.reset()  # the form added its item; a kept (focused) field must not show the old text

    def on_keydown(self, evt: Any) -> None:
        app = self.app
        key = str(evt.key or "")
        target = _nn(evt.target)
        in_text = _is_text_field(target)
        if (evt.ctrlKey or evt.metaKey) and not evt.altKey and key.lower() in ("z", "y"):
            if in_text or app.onboarding:
                return  # the text field's own undo
            evt.preventDefault()
            redo = key.lower() == "y" or evt.shiftKey
            self.run("app.redo" if redo else "app.undo", {"event": "key"})
            return
        if key == "Escape":
            screen = screens.get(app.screen)
            if app.sheet:
                evt.preventDefault()
                self._commit_field(target)
                self.run("sheet.close", {"event": "key"})
            elif screen is not None and screen.escape:  # the screen's own panel (Screen.escape)
                self._commit_field(target)
                self.run(screen.escape, {"event": "key"})
            return
        if key == "Enter" and in_text and str(target.tagName) == "INPUT" and _nn(target.form) is None:
            action = _attr(target, "data-action")
            if action and action != "file.picked":
                evt.preventDefault()
                self._run_field(target, str(action), "change")

    def _commit_field(self, el: Any) -> None:
        """Before a sheet closes, keep what was typed in the focused field (no change event comes)."""
        if _is_text_field(el) and _attr(el, "data-action") and str(el.value) != str(el.defaultValue):
            self.batch += 1
            try:
                self._run_field(el, str(_attr(el, "data-action")), "change")
            finally:
                self.batch -= 1

    def on_pointerdown(self, evt: Any) -> None:
        self.pointer_down = True

    def on_pointerup(self, evt: Any) -> None:
        self.pointer_down = False
        if self.deferred:
            # normally the click renders; if no click follows (tap beside a button), render soon anyway
            js.setTimeout(self._deferred_cb, 350)

    def on_deferred_timer(self) -> None:
        if self.deferred and not self.pointer_down:
            self.render_now()

    # ----- files -----

    def on_dragover(self, evt: Any) -> None:
        if self._has_files(evt):
            evt.preventDefault()
            evt.dataTransfer.dropEffect = "copy"
            self.frame_el.setAttribute("data-drop", "true")

    def on_dragleave(self, evt: Any) -> None:
        if _nn(evt.relatedTarget) is None:
            self.frame_el.removeAttribute("data-drop")

    def on_drop(self, evt: Any) -> None:
        self.frame_el.removeAttribute("data-drop")
        if not self._has_files(evt):
            return
        evt.preventDefault()
        files = _nn(evt.dataTransfer.files)
        if files is not None and files.length:
            self.read_file(files.item(0))

    @staticmethod
    def _has_files(evt: Any) -> bool:
        dt = _nn(evt.dataTransfer)
        if dt is None:
            return False
        types = dt.types
        return any(str(types[i]) == "Files" for i in range(types.length))

    def read_file(self, file: Any) -> None:
        self.run_task(self._read_file(file))

    async def _read_file(self, file: Any) -> None:
        from ..storage.files import check_file_size  # noqa: PLC0415 (the same limits as the CLI)

        app = self.app
        try:
            check_file_size(int(file.size))  # before reading: a huge file never reaches memory
            buffer = await file.arrayBuffer()
            data = buffer.to_bytes()
            if app.open_file(str(file.name), data):
                self.last_screen = ""  # scroll to top like a screen change
        except CaseError as exc:
            app.alert(exc.message)
        except Exception:  # noqa: BLE001 - any failure reading a file: logged, a Dutch alert, the case kept
            js.console.error(f"snv: reading a file failed\n{traceback.format_exc()}")
            app.alert(t("ui.err.file_read"))
        finally:
            self.file_input.value = ""
        self.render_now()

    # ----- saving -----

    def on_save_timer(self) -> None:
        self.save_timer = None
        self.app.save_now()

    def flush(self, leaving: bool = False) -> None:
        """Commit typed text and save now. When the page goes away, also keep a synchronous rescue
        copy (the async save may not finish); the next boot uses it (storage/store.py)."""
        app = self.app
        if self.draft_el is not None:
            self.batch += 1
            try:
                self.commit_draft()
            finally:
                self.batch -= 1
        if self.save_timer is not None:
            js.clearTimeout(self.save_timer)
            self.save_timer = None
        if leaving and app.unsaved and app.store is not None and not app.memory and not app.ended:
            # beforeunload, visibilitychange and pagehide all come when a page goes away: serialise and
            # write a (possibly large) case once, not three times, unless it changed in between
            rescue = (app.case, app.store.revision)
            if self.rescued != rescue:
                from .localstore import write_rescue  # noqa: PLC0415

                write_rescue(app.store.rescue_text(app.case))
                self.rescued = rescue
        app.save_now()

    def on_visibility(self, evt: Any) -> None:
        if str(self.document.visibilityState) == "hidden":
            self.flush(leaving=True)

    def on_pagehide(self, evt: Any) -> None:
        self.flush(leaving=True)

    def on_beforeunload(self, evt: Any) -> None:
        self.flush(leaving=True)
        if self.app.unsaved:  # only then: the browser asks "Leave site?"
            evt.preventDefault()
            evt.returnValue = ""

    # ----- rendering -----

    def focus_key(self, el: Any) -> Optional[str]:
        """A selector that finds 'the same' element after a re-render."""
        el = _nn(el)
        if el is None or not hasattr(el, "getAttribute"):
            return None
        if el.id:
            return "#" + str(js.CSS.escape(el.id))
        action = _attr(el, "data-action")
        keys = "".join(f'[{name}="{js.CSS.escape(value)}"]' for name in KEY_ATTRS
                       if (value := _attr(el, name)) is not None)
        if action:
            return f'[data-action="{js.CSS.escape(action)}"]' + keys
        # a focusable element without an action (a map marker: its own pointer and key handlers) is
        # found again by its first class and its keys; the other classes change with state (hl, dim)
        if keys and _attr(el, "tabindex") is not None and el.classList.length:
            return "." + str(js.CSS.escape(el.classList.item(0))) + keys
        return None

    def render_now(self) -> None:
        app = self.app
        self.dirty = False
        self.deferred = False
        self._mark("snv-render")
        out = view.regions(app)
        self._mark("snv-regions")
        doc = self.document
        active = _nn(doc.activeElement)
        active_key = self.focus_key(active) if active is not None and self.root.contains(active) else None
        keep_text = active if _is_text_field(active) and self.root.contains(active) else None
        scrolls = self._scroll_positions()
        content_changed = False
        for rid in frame.REGIONS:
            html = out[rid]
            if self.last.get(rid) == html:
                continue
            self.last[rid] = html
            el = self.els[rid]
            kept = self._kept_values(el)
            if keep_text is not None and el.contains(keep_text):
                self._patch(el, html, keep_text)
            else:
                el.innerHTML = html
            for field_id, value in kept:
                field = _nn(self.document.getElementById(field_id))
                if field is not None and el.contains(field) and not str(field.value):
                    field.value = value
            if rid == "content":
                content_changed = True
        self.frame_el.setAttribute("data-sheet", out["@sheet"])
        self.frame_el.setAttribute("data-screen", out["@screen"])
        self._restore_scroll(scrolls)
        screen_changed = out["@screen"] != self.last_screen
        if screen_changed:
            self.last_screen = out["@screen"]
            js.window.scrollTo(0, 0)
            self.scroller.scrollTop = 0  # the app shell's scrolling part (render/frame.py)
        self._place_focus(active, active_key)
        self._mark("snv-dom")
        if content_changed and app.prefs.client and not (app.onboarding or app.ended):
            _centre_client_map()
        elif content_changed and not app.onboarding:
            screen = view.current_screen(app)
            if screen.mount is not None:
                try:
                    screen.mount(app, self.els["content"])
                except Exception:  # noqa: BLE001 - a screen's mount failing must not break the frame (logged)
                    js.console.error(f"snv: mount of {screen.key} failed\n{traceback.format_exc()}")
        self._mark("snv-mounted")

    @staticmethod
    def _kept_values(region: Any) -> list:
        """What was typed in fields marked data-keep-value (not app state, e.g. a passphrase)."""
        nodes = region.querySelectorAll("input[data-keep-value]")
        return [(str(n.id), str(n.value)) for n in (nodes.item(i) for i in range(nodes.length))
                if n.id and str(n.value)]

    def _mark(self, name: str) -> None:
        if self.marks:
            js.performance.mark(name)

    def _q(self, selector: str) -> Any:
        try:
            return _nn(self.root.querySelector(selector))
        except Exception:  # noqa: BLE001 - an invalid selector from a screen's focus_request: ignore it
            return None

    def _place_focus(self, active: Any, active_key: Optional[str]) -> None:
        app = self.app
        doc = self.document
        request, app.focus_request = app.focus_request, None
        target = None
        if request:
            target = self._q(request)
            if target is None and request.startswith("#sheet"):
                target = self._q("#sheet-title")
            if target is None:
                target = self._q("#content")
        elif active_key and (active is None or not active.isConnected):
            target = self._q(active_key)
        if target is not None and target != _nn(doc.activeElement):
            target.focus(to_js({"preventScroll": request is None or request == "#content"},
                               dict_converter=js.Object.fromEntries))

    def _scroll_positions(self) -> list:
        found = []
        nodes = self.root.querySelectorAll(".sheet-body, [data-keep-scroll]")
        for i in range(nodes.length):
            node = nodes.item(i)
            key = self.focus_key(node) or (".sheet-body" if node.classList.contains("sheet-body") else None)
            if key:
                found.append((key, node.scrollTop))
        return found

    def _restore_scroll(self, found: list) -> None:
        for key, top in found:
            node = self._q(key)
            if node is not None and node.scrollTop != top:
                node.scrollTop = top

    def _patch(self, region: Any, html: str, keep: Any) -> None:
        """Replace the region's content but keep the focused text field node itself."""
        template = self.document.createElement("template")
        template.innerHTML = html
        path = []
        node = keep
        while node is not None and node != region:
            path.append(node)
            node = _nn(node.parentNode)
        path.reverse()
        if not self._morph(region, template.content, path):
            region.innerHTML = html  # structure changed too much: fall back, focus restore by key

    def _morph(self, old_parent: Any, new_parent: Any, path: list) -> bool:
        anchor = path[0]
        old_nodes = old_parent.childNodes
        index = next((i for i in range(old_nodes.length) if old_nodes[i] == anchor), -1)
        new_nodes = [new_parent.childNodes[i] for i in range(new_parent.childNodes.length)]
        if index < 0 or index >= len(new_nodes):
            return False
        twin = new_nodes[index]
        if getattr(twin, "tagName", None) != anchor.tagName or str(twin.id or "") != str(anchor.id or ""):
            return False
        if len(path) > 1 and not self._morph(anchor, twin, path[1:]):
            return False
        # swap the siblings around the kept node; the kept node itself is never detached
        for i in range(old_nodes.length - 1, -1, -1):
            if old_nodes[i] != anchor:
                old_nodes[i].remove()
        for node in new_nodes[:index]:
            old_parent.insertBefore(node, anchor)
        for node in new_nodes[index + 1:]:
            old_parent.appendChild(node)
        self._sync_attributes(anchor, twin, keep_value=len(path) == 1)
        return True

    @staticmethod
    def _sync_attributes(old: Any, new: Any, keep_value: bool) -> None:
        wanted = {}
        attrs = new.attributes
        for i in range(attrs.length):
            wanted[str(attrs.item(i).name)] = str(attrs.item(i).value)
        present = [str(old.attributes.item(i).name) for i in range(old.attributes.length)]
        for name in present:
            if name not in wanted:
                old.removeAttribute(name)
        for name, value in wanted.items():
            if keep_value and name == "value":
                continue
            if old.getAttribute(name) != value:
                old.setAttribute(name, value)


def start() -> None:
    """Boot: report the "dossier" stage, then open the store and the case asynchronously."""
    boot = getattr(js, "snvBoot", None)
    if boot is not None:
        boot.stage("dossier")
    from . import language  # noqa: PLC0415

    try:
        code = language.restore(js.localStorage)  # before anything is rendered
    except Exception:  # noqa: BLE001 - no localStorage at all: the default language
        code = "nl"
    js.document.documentElement.lang = code
    _restore_prefs()
    screens.load_screens()
    _TASKS.add(asyncio.ensure_future(_boot()))  # held until the page goes: asyncio keeps weak references


async def _boot() -> None:
    """Open the best storage (IndexedDB, else localStorage, else memory with a lasting warning), load
    the stored case (or the rescue copy of the last edits), then mount and render."""
    from ..storage.store import CaseStore, MemoryBackend, StoreError  # noqa: PLC0415
    from .localstore import open_backend  # noqa: PLC0415

    host = BrowserHost()
    try:
        backend, problem = await open_backend()
    except Exception as exc:  # noqa: BLE001 - no adapter (site/store.js missing): memory, with the warning
        js.console.warn(f"snv: no storage adapter: {exc}")
        backend, problem = MemoryBackend(), StoreError("denied")
    tab = str(js.crypto.randomUUID()) if hasattr(js.crypto, "randomUUID") else ""
    store = CaseStore(backend, tab=tab)
    app = App(store=store, host=host)
    app.prefs = _PREFS[0]
    host.backend = backend
    host.batch += 1  # no renders before the skeleton exists
    loaded = None
    try:
        loaded = await store.open()
    except StoreError:  # storage opened but cannot be read: work in memory, touch nothing stored
        problem = problem or StoreError("denied")
        store = app.store = CaseStore(MemoryBackend(), tab=tab)
        host.backend = store.backend
    app.memory = problem is not None or isinstance(backend, MemoryBackend)
    if loaded is not None and loaded.problem:
        app.alert(loaded.problem)
    case = loaded.case if loaded is not None else None
    if case is None:
        app.onboarding = "naam"
        app.focus_request = "#onboard-naam"
    else:
        app.case = case
        app.save_state = "saved"
        assert loaded is not None  # a case came from it
        app.saved_at = loaded.info.saved_at if loaded.info else None
        if loaded.rescued:  # the last edits before the page went away: store them properly now
            app.notice(t("ui.store.rescued"))
            app.pending_save = True
    host.batch -= 1
    host.mount(app)
    first_focus = app.focus_request
    host.render_now()
    js.document.documentElement.setAttribute("data-app-state", "ready")
    if first_focus:  # #app was hidden until now, so focusing during the first render could not work
        app.focus_request = first_focus
        host._place_focus(None, None)
    global _HOST
    _HOST = host  # keep the host (and its event proxies) alive
    if app.pending_save:
        app.mark_dirty()
    packages.load_later(host)  # networkx, once the start is over
    if not app.memory:
        try:
            await js.snvStore.persist()  # ask the browser not to evict our data under pressure
        except Exception:  # noqa: BLE001 - a courtesy; nothing depends on it
            pass


_HOST: Optional[BrowserHost] = None
_PREFS: list = []  # the display preferences read at boot (ui/prefs.py), for the App made later


def _centre_client_map() -> None:
    """*Rustig scherm*: a map wider than its box starts with the client in the middle."""
    box = _nn(js.document.getElementById("cv-map"))
    if box is not None:
        box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2
        box.scrollTop = (box.scrollHeight - box.clientHeight) / 2


def apply_prefs(prefs: Any) -> None:
    """Contrast, letter size and the calm view as attributes on <html> (site/client.css)."""
    root = js.document.documentElement
    for name, value in prefs.html_attrs().items():
        if value is None:
            root.removeAttribute(name)
        else:
            root.setAttribute(name, value)


def _restore_prefs() -> None:
    from . import prefs  # noqa: PLC0415

    try:
        found = prefs.remembered(js.localStorage)  # before anything is rendered
    except Exception:  # noqa: BLE001 - no localStorage at all: the defaults
        found = prefs.Prefs()
    _PREFS[:] = [found]
    apply_prefs(found)
_TASKS: set = set()
