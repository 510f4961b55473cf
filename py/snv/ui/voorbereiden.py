"""Voorbereiden screen, the events: invite by a tap on the map or in the list, a status per invitee,
date/hour/place, *Afspraken die vastliggen* (piketpaaltjes), copying the invitation text.

The HTML comes from render/voorbereiden.py. Copying needs the browser's clipboard inside the tap
itself, so ui/voorbereiden_dom.py (mounted with the screen) does it and reports back through
"voorbereiden.copied"; the keyboard on the map picker (Enter/space) is wired there too.
"""
from __future__ import annotations


from typing import Any, Callable

from ..messages import t
from ..model import ops
from ..render.format import name_of
from ..render import voorbereiden
from ..render.voorbereiden import ICON, KADERS, KEY, TABS, VoorbereidenView, status_word
from .screens import Screen, register


def render(app) -> str:
    return voorbereiden.render(app.case, app.view_state(VoorbereidenView), today=app.now().date())


def toggle(app, pid: str, from_map: bool = False) -> None:
    """A tap on a person (map or list): on the guest list with "nog vragen", or off it again. Focus
    stays where it was after a tap on the map (pointer only); from the list it returns to the row."""
    if pid not in {p.id for p in app.case.personen} or pid == app.case.klant_id:
        return
    naam = name_of(app.case, pid)
    if pid in voorbereiden.invitations(app.case):
        app.apply(ops.set_invitation, pid, None, label=t(f"{KEY}.toast.uninvited", naam=naam))
    else:
        app.apply(ops.set_invitation, pid, "nog_vragen", label=t(f"{KEY}.toast.invited", naam=naam))
    if not from_map:
        app.focus_request = f'.vb-invitees [data-action="{KEY}.toggle"][data-pid="{pid}"], #vb-add-open'


def set_when(app, data: dict, label: Callable[[str], str]) -> None:
    """The meeting's date, hour or place from its field (data: field, value), as one undoable edit
    toasted `label(field)` when the value changed; an empty date or hour clears it. Voorbereiden and step 1
    of the Bijeenkomst edit the same fields."""
    field = data.get("field")
    value = str(data.get("value", "")).strip()
    if field not in ("datum", "tijd", "plaats"):
        return
    bk = app.case.bijeenkomst
    current = {"datum": bk.datum.isoformat() if bk.datum else "", "tijd": bk.tijd.strftime("%H:%M") if bk.tijd else "",
               "plaats": bk.plaats}[field]
    if value == current:
        return
    app.apply(ops.set_meeting, label=label(field), **{field: value or (None if field != "plaats" else "")})


def _when(app, data: dict) -> None:
    set_when(app, data, lambda field: t(f"{KEY}.toast.{field}"))


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    v = app.view_state(VoorbereidenView)
    if verb == "toggle":
        toggle(app, str(data.get("pid", "")), from_map=data.get("from") == "map")
    elif verb == "status":
        pid, status = str(data.get("pid", "")), str(data.get("value", ""))
        if pid in voorbereiden.invitations(app.case):
            word = status_word(status) if status in ops.UITNODIGING_STATUSES else status
            app.apply(ops.set_invitation, pid, status, label=t(f"{KEY}.toast.status", naam=name_of(app.case, pid), status=word))
    elif verb == "when":
        _when(app, data)
    elif verb == "tab":
        tab = str(data.get("value", ""))
        if tab in TABS:
            v.tab = tab
            app.focus_request = f"#vb-tab-{tab}"
    elif verb == "more":
        v.shown += voorbereiden.LIST_PAGE
        app.focus_request = "#vb-more, #vb-add-open"
    elif verb == "add_open":
        v.add_open = not v.add_open
        app.focus_request = "#vb-add-open"
    elif verb == "add_more":
        v.add_shown += voorbereiden.LIST_PAGE
        app.focus_request = "#vb-add-more, #vb-add-open"
    elif verb == "piket_who":
        pid = str(data.get("value", ""))
        v.piket_who = None if pid == v.piket_who else pid
    elif verb == "piket_kader":
        kader = str(data.get("value", ""))
        if kader in KADERS:
            v.piket_kader = kader
    elif verb == "piket_add":
        tekst = str(data.get("tekst", ""))
        if not v.piket_who:
            app.alert(t("bijeenkomst.err.piket_who"))
            return None
        new = app.apply(ops.add_piketpaaltje, v.piket_who, tekst, v.piket_kader,
                        label=t(f"{KEY}.toast.piket_added"))
        if new is not None:
            v.piket_who, v.piket_kader = None, "anders"
        app.focus_request = "#vb-piket-new"
    elif verb == "piket_text":
        kid, tekst = str(data.get("kid", "")), str(data.get("value", ""))
        current = next((k for k in app.case.bijeenkomst.piketpaaltjes if k.id == kid), None)
        if current is not None and tekst.strip() != current.tekst:
            app.apply(ops.update_piketpaaltje, kid, tekst=tekst, label=t(f"{KEY}.toast.piket_changed"))
    elif verb == "piket_remove":
        kid = str(data.get("kid", ""))
        current = next((k for k in app.case.bijeenkomst.piketpaaltjes if k.id == kid), None)
        if current is None:
            return None
        naam = name_of(app.case, current.gesteld_door)
        app.confirm(t(f"{KEY}.piket.confirm_title"), t(f"{KEY}.piket.confirm_text", naam=naam),
                    t(f"{KEY}.piket.confirm_yes"),
                    lambda: app.apply(ops.remove_piketpaaltje, kid, label=t(f"{KEY}.toast.piket_removed")))
    elif verb == "copied":  # from voorbereiden_dom after the clipboard answered
        app.notice(t(f"{KEY}.inv.copied") if data.get("ok") == "1" else t(f"{KEY}.inv.copy_failed"))
    else:
        raise KeyError(action)
    return None


def _mount(app, root) -> None:
    from . import voorbereiden_dom  # noqa: PLC0415 (browser only)

    voorbereiden_dom.mount(app, root)




register(Screen(key=KEY, label_key=f"{KEY}.title", icon=ICON, phases=("meedenkbijeenkomst",), render=render,
                handle=handle, mount=_mount, order=50, desc_key=f"{KEY}.desc", stylesheet="voorbereiden.css"))
