"""Team screen (Basisteam, "Je vaste groep"), the events: a member in or out (the client always stays),
the people to choose from, the date of the first meeting, and an owner for a question without one.

Every change of the case is one `app.apply` (one undo step, a toast, autosave). Not shown during
*Tijd zonder begeleider* (Screen.privetijd stays False).
"""
from __future__ import annotations

from typing import Any

from ..messages import t
from ..model import ops
from ..render.format import name_of
from ..render import team
from ..render.team import ICON, KEY, TeamView
from .screens import Screen, register


def render(app) -> str:
    return team.render(app.case, app.view_state(TeamView), today=app.now().date())


def toggle_owner_picker(app, cls: type, data: dict) -> None:
    """*Kies wie* on a question without an owner: open (or close) its choice of the vaste groep.
    Shared with the meeting walk (ui/overleg.py), whose view class has the same `owner_q`."""
    v = app.view_state(cls)
    vid = str(data.get("vid", "")) or None
    v.owner_q = None if vid == v.owner_q else vid
    app.focus_request = f"#bt-owner-{vid} button" if v.owner_q else f"#bt-pick-{vid}"


def set_owner(app, cls: type, data: dict) -> None:
    """Someone of the vaste groep takes a question on (Vraag.eigenaar): one undo step."""
    vid, pid = str(data.get("vid", "")), str(data.get("pid", ""))
    if pid not in {p.id for p in app.case.personen}:
        return
    app.apply(ops.update_question, vid, eigenaar=pid, label=t("team.toast.owner", naam=name_of(app.case, pid)))
    if any(q.id == vid and q.eigenaar == pid for q in app.case.basisposter.vragen):
        app.view_state(cls).owner_q = None  # taken on: it leaves the list
    app.focus_request = "#screen-title"


def handle(app, action: str, data: dict) -> Any:
    verb = action.partition(".")[2]
    v = app.view_state(TeamView)
    case = app.case
    if verb == "member":
        pid = str(data.get("pid", ""))
        if pid and pid != case.klant_id and pid in {p.id for p in case.personen}:
            on = pid not in case.basisteam.leden
            app.apply(ops.set_team_member, pid, on,
                      label=t("team.toast.in" if on else "team.toast.out", naam=name_of(app.case, pid)))
            app.focus_request = f"#bt-m-{pid} .bt-out" if on else "#bt-members-title"
    elif verb == "others":
        v.others = not v.others
        v.everyone = False
        app.focus_request = "#bt-others"
    elif verb == "everyone":
        v.everyone = not v.everyone
        app.focus_request = "#bt-everyone"
    elif verb == "first":
        value = str(data.get("value", "")).strip() or None
        old = case.basisteam.eerste_overleg
        if value != (old.isoformat() if old else None):
            app.apply(ops.set_first_meeting, value, label=t("team.toast.first"))
    elif verb == "owner_open":
        toggle_owner_picker(app, TeamView, data)
    elif verb == "owner":
        set_owner(app, TeamView, data)
    else:
        raise KeyError(action)
    return None


register(Screen(key=KEY, label_key="team.screen", icon=ICON, phases=("basisteam",), render=render, handle=handle,
                order=56, desc_key="team.term_b1", term_key="team.term", stylesheet="basisteam.css"))
