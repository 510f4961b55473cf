"""Forms speak the app's own Dutch messages, never the browser's validation bubble (issue 12).

A native `required` (or a form without `novalidate`) makes the browser stop the submit and show its own
bubble, in the browser's language, before the app can say anything. So every form is `novalidate`,
required fields say so with aria-required only, and the handlers give the message.
"""
from __future__ import annotations

import re
from pathlib import Path

from snv.messages import t
from snv.model.demo import demo_case
from snv.render import person_sheet
from snv.render.html import text_field
from snv.render.start import OnboardView, onboarding
from snv.ui.app import App

PKG = Path(__file__).resolve().parents[2] / "py" / "snv"
NATIVE_REQUIRED = re.compile(r"<(?:input|textarea|select)\b[^>]*(?<![-\w])required(?=[\s>=/])")


def test_every_form_in_the_sources_is_novalidate():
    missing = []
    for path in sorted(PKG.rglob("*.py")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            for tag in re.findall(r"""(?<=['"])<form\b[^>]*""", line):  # in a string literal
                if "novalidate" not in tag:
                    missing.append(f"{path.relative_to(PKG)}:{number}")
    assert not missing, f"<form> without novalidate (the browser would show its own bubble): {missing}"


def test_no_native_required_attribute_in_the_sources():
    found = [f"{p.relative_to(PKG)}" for p in sorted(PKG.rglob("*.py")) if NATIVE_REQUIRED.search(p.read_text("utf-8"))]
    assert not found, f"native required attribute (browser bubble) in: {found}"


def test_a_required_text_field_is_announced_but_not_browser_validated():
    html = text_field("Naam", id="x", required=True)
    assert 'aria-required="true"' in html
    assert not NATIVE_REQUIRED.search(html)


def test_onboarding_and_person_sheet_render_without_native_validation():
    html = onboarding("naam", OnboardView()) + person_sheet.render(demo_case(), None, {}, {})
    assert "<form" in html and "novalidate" in html
    assert not NATIVE_REQUIRED.search(html)


def test_an_empty_name_gets_the_apps_dutch_message():
    app = App()
    app.onboarding = "naam"
    app.dispatch("onboard.naam", {"onboard-naam": "   "})
    html = onboarding("naam", app.view_state(OnboardView))
    assert t("ui.onboard.name_needed") in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="onboard-naam-hint onboard-naam-err"' in html


def test_every_field_error_is_announced():
    """A field's message is role="alert": read out when it appears, not only when the field is reached."""
    missing = [f"{p.relative_to(PKG)}" for p in sorted((PKG / "render").rglob("*.py"))
               for tag in re.findall(r"<p class=\"field-error\"[^>]*>", p.read_text("utf-8")) if 'role="alert"' not in tag]
    assert not missing, f"field-error without role=alert in: {missing}"
