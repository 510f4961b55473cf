"""The frame's skeleton (render/frame.py) for keyboard and screen-reader users, and the app shell:
the skip link comes first and jumps over header and route; only #scroller scrolls, so the header, the
toast and the bottom bar are never on top of the screen; the live regions are there from the start."""
from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from snv.messages import t
from snv.model.demo import demo_case
from snv.render import frame, relatiekaart
from snv.render.relatiekaart import RelatiekaartView

VOID = {"input", "br", "img", "meta", "link", "hr"}


class Outline(HTMLParser):
    """(depth, tag, attributes) of every element, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.items: list[tuple[int, str, dict]] = []
        self.depth = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.items.append((self.depth, tag, dict(attrs)))
        if tag not in VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.depth -= 1

    def children(self, element_id: str) -> list[str]:
        start = next(i for i, (_, _, a) in enumerate(self.items) if a.get("id") == element_id)
        level = self.items[start][0] + 1
        out = []
        for depth, tag, attrs in self.items[start + 1:]:
            if depth < level:
                break
            if depth == level:
                out.append(attrs.get("id") or tag)
        return out

    def get(self, element_id: str) -> dict:
        return next(a for _, _, a in self.items if a.get("id") == element_id)


def test_the_skip_link_is_first_and_jumps_to_the_screen():
    page = Outline(frame.skeleton())
    first = page.children("frame")[0]
    assert first == "skip-content" and page.get("skip-content")["href"] == "#content"
    assert t("ui.skip.content") in frame.skeleton()
    assert page.get("content")["tabindex"] == "-1"  # it can take the focus


def test_only_the_scroller_holds_route_alerts_and_screen():
    page = Outline(frame.skeleton())
    assert page.children("frame")[:6] == ["skip-content", "header", "scroller", "bar", "toast", "sheet"]
    assert page.children("scroller") == ["route", "alerts", "content"]


def test_live_regions_exist_before_they_speak():
    page = Outline(frame.skeleton())
    assert page.get("savestatus")["role"] == "status"
    assert page.get("alerts")["role"] == "alert"
    assert page.get("toast")["aria-live"] == "polite"


def test_the_map_has_its_own_skip_link_past_every_marker():
    today = dt.date(2026, 12, 7)
    html = relatiekaart.render(demo_case(), RelatiekaartView(), today=today)
    page = Outline(html)
    assert page.get("rk-skip")["href"] == "#rk-foot" and page.get("rk-foot")["tabindex"] == "-1"
    assert html.index('id="rk-skip"') < html.index('class="rk-svg"') < html.index('id="rk-foot"')
    page = Outline(relatiekaart.render(demo_case(), RelatiekaartView(panel="list"), today=today))
    assert page.get("rk-skip")["href"] == "#rk-panel" and page.get("rk-panel")["tabindex"] == "-1"
