"""The menu's last part (Taal / Language, Toegankelijkheid) and the accessibility statement.

The statement's results live in one place, RESULTS below (with CHECKED, the date of the last
check): update them there after a test run; the sentences are in messages/nl_toegankelijkheid.py
and en_toegankelijkheid.py.
"""
from __future__ import annotations

from ..messages import LANGUAGES, language, t
from . import icons
from .html import button, esc, icon_html

# ----- the results: the one place to update after a test run -----
CHECKED = "2026-12-07"  # yyyy-mm-dd of the last check of RESULTS
# (test, status): status "pass" = no problems found, "open" = problems found that are being fixed.
# Each is a test in tests/e2e/test_a11y.py; if one fails, set it to "open" until it is fixed.
RESULTS: tuple[tuple[str, str], ...] = (
    ("axe", "pass"),       # axe-core 4.14.1, tags wcag2a wcag2aa wcag21a wcag21aa wcag22aa, every screen/sheet/mode
    ("touch", "pass"),     # every control ≥ 44 × 44 CSS px, measured on every screen
    ("keyboard", "pass"),  # the whole journey without a pointer; focus returns where it came from
    ("zoom", "pass"),      # 200 % text size without loss
    ("reflow", "pass"),    # 320 CSS px wide without sideways scrolling
)
LIMITS = ("screenreader", "ipad", "automatic", "maps", "big_map", "boot", "own_text", "speech")


def _date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}-{int(m)}-{y}"


def language_choice() -> str:
    """Nederlands | English as segmented buttons; each name is written in its own language."""
    current = language()
    buttons = "".join(
        button(t(f"ui.lang.{code}"), "lang.set", cls="seg", data={"value": code}, pressed=code == current,
               id=f"lang-{code}", extra=f' lang="{code}"')
        for code in LANGUAGES)
    return (f'<fieldset class="segmented menu-lang"><legend class="visually-hidden">{esc(t("ui.lang.legend"))}</legend>'
            f'<div class="seg-row">{buttons}</div></fieldset>')


def menu_part() -> str:
    """The end of the menu: the language choice and the way to the accessibility statement."""
    return (f'<h3 class="menu-head">{esc(t("ui.lang.legend"))}</h3>{language_choice()}'
            f'<h3 class="menu-head">{esc(t("a11y.menu_head"))}</h3><ul class="menu-list">'
            f'<li><button type="button" class="menu-item" data-action="about.access" id="menu-access">'
            f'{icon_html(icons.INFO)}<span class="menu-text"><span class="menu-label">{esc(t("a11y.title"))}</span>'
            f'<span class="menu-desc">{esc(t("a11y.menu_desc"))}</span></span></button></li></ul>')


def footer_link() -> str:
    """A quiet link to the statement for the foot of Start."""
    return ('<footer class="start-foot">'
            + button(t("a11y.title"), "about.access", icon=icons.INFO, cls="btn btn-link", id="start-access")
            + "</footer>")


def statement() -> str:
    """The body of the accessibility statement: what we test, the results, what we know is missing."""
    tests = "".join(
        f'<li class="a11y-test a11y-{esc(status)}"><p class="a11y-test-name"><strong>{esc(t(f"a11y.test.{key}.name"))}</strong></p>'
        f'<p>{esc(t(f"a11y.test.{key}.what"))}</p>'
        f'<p class="a11y-result">{icon_html(icons.CHECK if status == "pass" else icons.WARN)}'
        f'<span>{esc(t(f"a11y.status.{status}"))}</span></p></li>'
        for key, status in RESULTS)
    limits = "".join(f"<li>{esc(t(f'a11y.limit.{key}'))}</li>" for key in LIMITS)
    return (f'<div class="a11y-statement">'
            f'<p class="a11y-b1">{esc(t("a11y.b1"))}</p>'
            f'<p>{esc(t("a11y.aim"))}</p>'
            f'<h3>{esc(t("a11y.tests_title"))}</h3>'
            f'<p>{esc(t("a11y.tests_lead", datum=_date(CHECKED)))}</p>'
            f'<ul class="a11y-tests">{tests}</ul>'
            f'<h3>{esc(t("a11y.limits_title"))}</h3><ul class="a11y-limits">{limits}</ul>'
            f'<h3>{esc(t("a11y.contact_title"))}</h3><p>{esc(t("a11y.contact"))}</p>'
            "</div>")
