"""Start: strengths first, the next step, and a tile for every screen that exists."""
from __future__ import annotations

from ..messages import t
from ..model import FASEN, ops
from ..model.case import client_ties
from ..model.limits import MAX_TEXT
from ..render import icons, start
from ..render.html import plural
from ..render.start import StartView
from . import screens
from .screens import Screen, register


def next_step(app) -> tuple[str, str, str, dict]:
    """One suggestion from the state of the case: (text, button label, action, data)."""
    case = app.case
    others = [p for p in case.personen if p.id != case.klant_id]
    has_map = screens.get("relatiekaart") is not None
    if case.fase == "ontmoeten" and not case.basisposter.sterke_punten:
        return t("ui.next.strengths"), t("ui.next.strengths_btn"), "start.focus_strength", {}
    if not others:
        return t("ui.next.first_people"), t("ui.personen.add_first"), "start.first_person", {}
    placed = [p for p in others if p.op_kaart]
    if not placed:
        if has_map:
            return t("ui.next.first_map"), t("ui.next.to_map"), "app.go", {"screen": "relatiekaart"}
        return t("ui.next.place"), t("ui.next.to_people"), "app.go", {"screen": "personen"}
    quality, _ = client_ties(case.banden, case.klant_id)
    if not any(quality.get(p.id) for p in others):
        return t("ui.next.lines"), t("ui.next.to_people"), "app.go", {"screen": "personen"}
    if not case.steun:
        return t("ui.next.support"), t("ui.next.to_people"), "app.go", {"screen": "personen"}
    if case.fase == "basisteam" and screens.get("overleg") is not None:
        return _basisteam_step(case)
    if case.fase in ("ontmoeten", "netwerkatlas"):
        return t("ui.next.atlas_more"), "", "", {}
    return t("ui.next.route"), "", "", {}


def _basisteam_step(case) -> tuple[str, str, str, dict]:
    """In the basisteam: first a vaste groep, then the next meeting (render/team.next_meeting)."""
    from ..render.plan import date_long  # noqa: PLC0415 (only this phase needs it)
    from ..render.team import next_meeting  # noqa: PLC0415

    if not [pid for pid in case.basisteam.leden if pid != case.klant_id]:
        return t("team.empty"), t("overleg.to_team"), "app.go", {"screen": "team"}
    nxt = next_meeting(case)
    text = t("team.next_step_date", datum=date_long(nxt)) if nxt else t("team.next_step")
    return text, t("team.to_overleg"), "app.go", {"screen": "overleg"}


def _count(key: str, app) -> str:
    if key == "personen":
        n = len(app.case.personen) - 1
        return plural(n, "ui.personen.count_one", "ui.personen.count_many")
    return ""


def render(app) -> str:
    tiles = [(s.key, t(s.term_key or s.label_key), s.icon, t(s.desc_key) if s.desc_key else "", _count(s.key, app))
             for s in screens.all_screens() if s.tile and s.key != "start"]
    return start.render(app.case, app.view_state(StartView), next_step=next_step(app), tiles=tiles)


def handle(app, action: str, data: dict) -> None:
    verb = action.partition(".")[2]
    view = app.view_state(StartView)
    if verb == "add_strength":
        tekst = str(data.get("tekst", data.get("value", ""))).strip()
        app.focus_request = "#strength-new"
        if not tekst:
            view.error = t("ui.start.strength_empty")
            return
        if len(tekst) > MAX_TEXT:
            view.error = t("ui.text_long", max=MAX_TEXT)
            return
        view.error = ""
        app.apply(ops.add_poster_item, "sterke_punten", tekst, label=t("ui.toast.strength_added", tekst=tekst))
    elif verb == "remove_strength":
        item = next((i for i in app.case.basisposter.sterke_punten if i.id == data.get("id")), None)
        if item is not None:
            app.apply(ops.remove_poster_item, "sterke_punten", item.id, label=t("ui.toast.strength_removed", tekst=item.tekst))
        app.focus_request = "#strength-new"
    elif verb == "focus_strength":
        app.focus_request = "#strength-new"
    elif verb == "first_person":
        app.go("personen")
        app.new_person()
    else:
        raise KeyError(action)


register(Screen(key="start", label_key="ui.screen.start", icon=icons.HOME, phases=FASEN, render=render,
                handle=handle, order=0, tile=False))
