"""Every sheet gives the focus back to what opened it (UX.md §6), also when it was opened from inside
another sheet (a menu item is gone once its sheet closes: then the Menu button gets the focus)."""
from __future__ import annotations

import pytest

from snv.model.demo import demo_case
from snv.ui.app import App


def tap(app: App, selector: str, action: str, **data) -> None:
    """What the browser does on a tap: the element's selector becomes the trigger, then its action."""
    app.trigger = selector
    app.dispatch(action, data)


@pytest.mark.parametrize("item", ["menu.save", "menu.export", "menu.versions", "menu.new", "about.access"])
def test_a_sheet_from_the_menu_returns_the_focus_to_the_menu_button(item):
    app = App(demo_case())
    tap(app, "#btn-menu", "app.menu")
    tap(app, f'[data-action="{item}"]', item)
    assert app.sheet is not None and app.sheet.kind != "menu"
    app.dispatch("confirm.no" if app.sheet.kind == "confirm" else "sheet.close", {})
    assert app.sheet is None and app.focus_request == "#btn-menu"


def test_the_menu_and_the_statement_return_the_focus_to_their_own_button():
    app = App(demo_case())
    tap(app, "#btn-menu", "app.menu")
    app.dispatch("sheet.close", {})
    assert app.focus_request == "#btn-menu"
    tap(app, "#start-access", "about.access")
    app.dispatch("sheet.close", {})
    assert app.focus_request == "#start-access"


def test_a_person_sheet_returns_to_the_row_it_came_from_even_when_another_was_open():
    app = App(demo_case())
    tap(app, "#row-p-anna", "personen.open", pid="p-anna")
    tap(app, "#row-p-daan", "personen.open", pid="p-daan")  # the sheet is not modal: another row
    app.dispatch("sheet.close", {})
    assert app.focus_request == "#row-p-daan"
