"""Rendered HTML of the frame, screens and sheets: user text stays text, controls are labelled."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from snv.model import new_case, ops
from snv.render import frame
from snv.render import format as text_format
from snv.render import html as html_helpers
from snv.render import overmij, person_sheet, personen, svg
from snv.render.format import date_nl
from snv.render.html import attrs, esc, initials, marker
from snv.render.personen import PAGE, PersonenView
from snv.render.start import OnboardView, onboarding
from snv.ui import screens, view
from snv.ui.app import App

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", "&lt;b&gt;"]


class Doc(HTMLParser):
    """Collects elements, label targets and the text inside each button."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.labels_for: set[str] = set()
        self.buttons: list[dict] = []
        self._button: dict | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs_):
        a = dict(attrs_)
        self.tags.append((tag, a))
        if tag == "label" and a.get("for"):
            self.labels_for.add(a["for"])
        if tag == "button":
            self._button = {"attrs": a, "text": ""}
            self.buttons.append(self._button)

    def handle_endtag(self, tag):
        if tag == "button":
            self._button = None

    def handle_data(self, data):
        self.text.append(data)
        if self._button is not None:
            self._button["text"] += data


def parse(html: str) -> Doc:
    doc = Doc()
    doc.feed(html)
    doc.close()
    return doc


def assert_safe(html: str) -> Doc:
    doc = parse(html)
    for tag, a in doc.tags:
        assert tag not in ("script", "img", "iframe", "object"), (tag, a)
        assert not any(name.startswith("on") for name in a), (tag, a)
    return doc


def assert_accessible(doc: Doc) -> None:
    for tag, a in doc.tags:
        if tag in ("input", "textarea", "select") and a.get("type") not in ("hidden", "file"):
            assert a.get("id") in doc.labels_for or a.get("aria-label"), f"{tag} without label: {a}"
    for b in doc.buttons:
        assert b["text"].strip() or b["attrs"].get("aria-label"), f"button without text: {b['attrs']}"
        assert b["attrs"].get("type") in ("button", "submit"), b["attrs"]


@pytest.fixture
def hostile_case():
    case = new_case(HOSTILE[0])
    for i, name in enumerate(HOSTILE):
        case, pid = ops.add_person(case, name, rol=HOSTILE[(i + 1) % 4], sector="familie" if i % 2 else None,
                                   nabijheid="dichtbij", interesses=[HOSTILE[i]],
                                   notities=[{"tekst": HOSTILE[i], "zichtbaar": "klant_en_begeleider"}])
        case = ops.set_support(case, pid, "zorg", "krijgt")
        case = ops.set_quality(case, pid, "goed")
        case, _ = ops.add_poster_item(case, "sterke_punten", name)
    return case


def all_regions(app: App) -> list[str]:
    """Every region of every registered screen, and each side panel of the relatiekaart."""
    out = []
    for key in [s.key for s in screens.all_screens()]:
        app.go(key)
        regions = view.regions(app)
        out += [v for k, v in regions.items() if not k.startswith("@")]
    app.go("relatiekaart")
    app.apply(ops.take_snapshot, "<i>moment</i>", label="m")
    for panel in ("figures", "snapshot", "compare", "list"):
        app.dispatch("relatiekaart.panel", {"panel": panel})
        out.append(view.regions(app)["content"])
        app.dispatch("relatiekaart.panel", {"panel": panel})
    return out


def test_hostile_names_stay_text_everywhere(hostile_case):
    app = App(hostile_case)
    htmls = all_regions(app)
    pid = hostile_case.personen[1].id
    app.open_person(pid)
    htmls.append(view.regions(app)["sheet"])
    app.open_person(hostile_case.klant_id)
    htmls.append(view.regions(app)["sheet"])
    app.dispatch("person.delete", {})  # the client has no delete; nothing happens
    app.open_person(pid)
    app.dispatch("person.delete", {})
    htmls.append(view.regions(app)["sheet"])
    for html in htmls:
        doc = assert_safe(html)
        assert_accessible(doc)
    assert {"start", "personen", "overmij", "relatiekaart"} <= {s.key for s in screens.all_screens()}
    joined = "".join("".join(parse(h).text) for h in htmls)
    for name in HOSTILE:
        assert name in joined  # shown literally, as text


def test_person_sheet_labels_and_segmented_buttons(hostile_case):
    pid = hostile_case.personen[2].id
    html = person_sheet.render(hostile_case, pid, {}, {})
    doc = assert_safe(html)
    assert_accessible(doc)
    pressed = [b for b in doc.buttons if b["attrs"].get("aria-pressed") == "true"]
    legends = {b["attrs"].get("data-field") or b["attrs"].get("data-soort") or "lijn" for b in pressed}
    assert {"nabijheid", "zorg", "lijn", "professioneel", "soort", "geslacht", "overleden"} <= legends
    assert not any(tag == "select" for tag, _ in doc.tags)  # segmented buttons, not dropdowns
    ids = [a.get("id") for _, a in doc.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_new_person_sheet_shows_staged_choices_only():
    case = new_case("Sam")
    html = person_sheet.render(case, None, {"sector": "buren_buurt", "nabijheid": "verder_weg"}, {})
    doc = assert_safe(html)
    assert_accessible(doc)
    pressed = {(b["attrs"].get("data-field"), b["attrs"].get("data-value")) for b in doc.buttons
               if b["attrs"].get("aria-pressed") == "true"}
    assert ("sector", "buren_buurt") in pressed and ("nabijheid", "verder_weg") in pressed
    assert 'data-action="person.quality"' not in html and 'data-action="person.delete"' not in html


def test_personen_filters_search_and_paging():
    case = new_case("Sam")
    for i in range(PAGE + 5):
        case, _ = ops.add_person(case, f"Persoon {i:03d}", sector="vrienden_kennissen", nabijheid="dichtbij")
    case, _ = ops.add_person(case, "René", rol="buurman", sector="buren_buurt", nabijheid="verder_weg")
    case, _ = ops.add_person(case, "Dokter Ali", professioneel=True)
    html = personen.render(case, PersonenView())
    assert html.count('class="person-row') == PAGE and "Meer tonen (nog 7)" in html
    assert personen.render(case, PersonenView(limit=2 * PAGE)).count('class="person-row') == PAGE + 7
    only = personen.render(case, PersonenView(query="rene"))
    assert only.count('class="person-row') == 1 and "René" in only
    assert personen.render(case, PersonenView(query="BUURMAN")).count('class="person-row') == 1
    assert personen.render(case, PersonenView(filter="hulpverleners")).count('class="person-row') == 1
    assert personen.render(case, PersonenView(filter="niet_op_kaart")).count('class="person-row') == 1
    assert personen.render(case, PersonenView(filter="buren_buurt")).count('class="person-row') == 1
    none = personen.render(case, PersonenView(query="zzz"))
    assert "Niemand gevonden bij &#x27;zzz&#x27;." in none
    doc = assert_safe(html)
    assert_accessible(doc)
    heads = [a.get("id") for tag, a in doc.tags if tag == "h2"]
    assert heads == ["group-vrienden_kennissen"]  # the first page only shows the first group


def test_personen_empty_state():
    html = personen.render(new_case("Sam"), PersonenView())
    assert "Nog niemand in je lijst. Wie zie je vaak? Begin met één persoon." in html
    assert_accessible(assert_safe(html))


def test_frame_parts_are_accessible():
    htmls = [frame.skeleton(), frame.route("netwerkatlas", full=True), frame.route("basisteam", full=False),
             frame.tools(can_undo=True, can_redo=False, undo_label="<x>", redo_label="", editing=True, menu_open=False),
             frame.menu_sheet(), frame.confirm_sheet("<t>", "<b>", "Ja", offer_save=True),
             frame.file_sheet("save", notes=False, pseudonymise=True, exports=[]),
             frame.file_sheet("export", notes=True, pseudonymise=False, exports=[("svg", "Kaart als SVG", "")]),
             frame.alerts(["<script>x</script>"]), frame.toast("<img src=x>", undo=True, redo=True),
             onboarding("naam", OnboardView(error="<fout>")), onboarding("kaart", OnboardView())]
    for html in htmls:
        assert_accessible(assert_safe(html))
    route = parse(frame.route("netwerkatlas", full=True))
    current = [a for tag, a in route.tags if a.get("aria-current") == "step"]
    assert len(current) == 1 and current[0]["data-fase"] == "netwerkatlas"
    tools = parse(frame.tools(can_undo=False, can_redo=True, undo_label="", redo_label="x", editing=True, menu_open=False))
    by_id = {b["attrs"].get("id"): b for b in tools.buttons}
    assert "disabled" in by_id["btn-undo"]["attrs"] and "disabled" not in by_id["btn-redo"]["attrs"]


def test_overmij_shows_private_notes_too(hostile_case):
    html = overmij.render(hostile_case)
    assert_accessible(assert_safe(html))
    assert html.count("Alleen jij en de begeleider") == len(HOSTILE)


def test_html_helpers():
    assert esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert attrs(cls="a", data_pid='"x', hidden=True, disabled=False, aria_label=None) == ' class="a" data-pid="&quot;x" hidden'
    assert initials("Marieke de Vries") == "MV" and initials("  ") == "?" and initials("anna") == "A"
    assert initials("(opa) <Jan>") == "OJ" and initials("<>") == "?"
    svg = marker("<b>", professioneel=True)
    assert "<polygon" in svg and ">B</text>" in svg and "<b>" not in svg
    assert ">?</text>" in marker("<>")
    assert 'class="paw"' in marker("Bello", soort="huisdier")


def test_html_and_svg_share_one_esc_and_one_initials():
    """One meaning, one function: the screens and the map escape and abbreviate names alike."""
    assert html_helpers.esc is svg.esc is text_format.esc
    assert html_helpers.initials is svg.initials is text_format.initials
    assert esc(None) == "" and esc("a\x01b\x0b<") == "ab&lt;"  # XML-forbidden characters dropped
    assert initials("Tante Marieke") == "TM" and initials("Jan-Willem") == "JW" and initials("Sam") == "S"


def test_date_nl_is_day_month_year_without_leading_zeros():
    import datetime as dt

    assert date_nl(dt.date(2026, 3, 4)) == "4-3-2026"


def test_overmij_print_leaves_private_notes_out_unless_chosen(hostile_case):
    """On screen every note shows; on paper the locked ones only when asked (print CSS reads the flag)."""
    html = overmij.render(hostile_case)
    assert 'data-print-notes="nee"' in html
    assert html.count('class="note-read note-private"') == len(HOSTILE)
    assert 'data-print-notes="ja"' in overmij.render(hostile_case, print_notes=True)
    css = (Path(__file__).resolve().parents[2] / "site" / "styles.css").read_text("utf-8")
    print_block = css[css.index("print: content only"):]
    assert '[data-print-notes="nee"] .note-private' in print_block.split("}")[1]


def test_personen_shows_a_nameless_placeholder_as_a_question_mark():
    from snv.model import new_case, ops
    from snv.render import personen

    case, _ = ops.add_person(new_case("Sam"), "", rol="onbekende ouder", sector="familie")
    html = personen.render(case, personen.PersonenView())
    assert '<span class="pr-name">?</span><span class="pr-rol">onbekende ouder</span>' in html
