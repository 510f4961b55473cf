"""Bijeenkomst screen, the events: steps, who is present and their line, the client's questions
(reword, reorder), information items, *Tijd zonder begeleider* (start, who writes, the deliberate way
back with a confirm), the basisteam of step 7.

The HTML comes from render/bijeenkomst.py. The plan buttons of steps 5 and 6 carry "plan.show" (the
Plan screen handles it). This screen declares `privetijd=True`: it stays reachable during the time
without the begeleider (App.privetijd), when the frame hides every screen that does not.
"""
from __future__ import annotations

from typing import Any

from ..messages import t
from ..model import ops
from ..render.format import name_of
from ..render import bijeenkomst
from ..render.bijeenkomst import ICON, KEY, BijeenkomstView
from .app import Toast
from .screens import Screen, register
from .voorbereiden import set_when


def render(app) -> str:
    return bijeenkomst.render(app.case, app.view_state(BijeenkomstView), now=app.now())


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def go_step(app, nr: int) -> None:
    if not 1 <= nr <= 7 or nr == app.case.bijeenkomst.stap or app.privetijd:
        return
    app.apply(ops.set_step, nr, label=t(f"{KEY}.toast.step", nr=nr, naam=t(f"{KEY}.step.{nr}")))
    app.view_state(BijeenkomstView).edit_q = None
    app.focus_request = "#screen-title"


def stop_privetijd(app) -> None:
    """*De begeleider komt terug*: ask first; yes ends the stretch (its end time is kept) and goes on
    to step 6, the presentation of the plan (one undo step)."""
    if not app.privetijd:
        return

    def back() -> None:
        when = app.now()
        app.apply(lambda case: ops.set_step(ops.stop_privetijd(case, when), 6), label=t(f"{KEY}.priv.stopped"))
        app.go(KEY)
    app.confirm(t(f"{KEY}.priv.confirm_title"), t(f"{KEY}.priv.confirm_text"), t(f"{KEY}.priv.confirm_yes"), back)


def _when(app, data: dict) -> None:
    set_when(app, data, lambda _field: t(f"{KEY}.toast.when"))


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    v = app.view_state(BijeenkomstView)
    case = app.case
    if verb == "step":
        go_step(app, _int(data.get("value")))
    elif verb == "when":
        _when(app, data)
    elif verb == "present":
        pid = str(data.get("pid", ""))
        if pid in {p.id for p in case.personen}:
            on = pid not in case.bijeenkomst.aanwezig
            app.apply(ops.set_present, pid, on,
                      label=t(f"{KEY}.toast.present" if on else f"{KEY}.toast.absent", naam=name_of(app.case, pid)))
            app.focus_request = f'[data-action="{KEY}.present"][data-pid="{pid}"]'
    elif verb == "intro":
        pid, tekst = str(data.get("pid", "")), str(data.get("value", ""))
        old = {x.persoon: x.tekst for x in case.bijeenkomst.voorstelrondje}.get(pid, "")
        if tekst.strip() != old:
            app.apply(ops.set_intro, pid, tekst, label=t(f"{KEY}.toast.intro", naam=name_of(app.case, pid)))
    elif verb == "q_edit":
        edit = str(data.get("vid", "")) or None
        v.edit_q = edit
        app.focus_request = f"#bk-q-{edit}" if edit else "#screen-title"
    elif verb == "q_text":
        vid, tekst = str(data.get("vid", "")), str(data.get("value", ""))
        qs = ops.meeting_questions(case)
        q = next((x for x in qs if x.id == vid), None)
        if q is not None and tekst.strip() != q.tekst:
            app.apply(ops.update_question, vid, tekst=tekst, label=t(f"{KEY}.toast.q_text", nr=qs.index(q) + 1))
    elif verb == "q_move":
        vid = str(data.get("vid", ""))
        app.apply(ops.move_meeting_question, vid, _int(data.get("step")), label=t(f"{KEY}.toast.q_move"))
        app.focus_request = f'[data-action="{KEY}.q_move"][data-vid="{vid}"][data-step="{_int(data.get("step"))}"]'
    elif verb == "info_door":
        door = str(data.get("value", "")) or None
        v.info_door = None if door == v.info_door else door
    elif verb == "info_add":
        new = app.apply(ops.add_info, str(data.get("vraag", "")), str(data.get("antwoord", "")), v.info_door,
                        label=t(f"{KEY}.toast.info_added"))
        if new is not None:
            v.info_door = None
        app.focus_request = "#bk-info-vraag"
    elif verb == "info_remove":
        app.apply(ops.remove_info, str(data.get("iid", "")), label=t(f"{KEY}.toast.info_removed"))
    elif verb == "priv_start":
        if not app.privetijd:
            app.apply(ops.start_privetijd, app.now(), label=t(f"{KEY}.priv.started"))
            if app.privetijd:  # no *Ongedaan maken* in the toast: only the deliberate button ends it
                app.toast = Toast(t(f"{KEY}.priv.started"))
            app.focus_request = "#screen-title"
    elif verb == "priv_stop":
        stop_privetijd(app)
    elif verb == "writer":
        writer = str(data.get("value", "")) or None
        app.apply(ops.set_genoteerd_door, writer, label=t(f"{KEY}.priv.writer_toast", naam=name_of(app.case, writer or "")))
    elif verb == "team":
        pid = str(data.get("pid", ""))
        if pid and pid != case.klant_id:
            on = pid not in case.basisteam.leden
            app.apply(ops.set_team_member, pid, on,
                      label=t(f"{KEY}.toast.team_in" if on else f"{KEY}.toast.team_out", naam=name_of(app.case, pid)))
            app.focus_request = f'[data-action="{KEY}.team"][data-pid="{pid}"]'
    elif verb == "first":
        value = str(data.get("value", "")).strip() or None
        old = case.basisteam.eerste_overleg
        if value != (old.isoformat() if old else None):
            app.apply(ops.set_first_meeting, value, label=t(f"{KEY}.toast.team_date"))
    else:
        raise KeyError(action)
    return None


register(Screen(key=KEY, label_key=f"{KEY}.title", icon=ICON, phases=("meedenkbijeenkomst",), render=render,
                handle=handle, order=55, desc_key=f"{KEY}.term_b1", term_key=f"{KEY}.term", stylesheet="bijeenkomst.css", privetijd=True))
