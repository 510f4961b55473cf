"""GEDCOM family trees in and out of the familiekaart.

Import reads GEDCOM 5.5.1 and 5.5.5 (and 7.0, which uses the same records for what we read):
`INDI` (NAME, SEX, BIRT/DEAT with dates, FAMC with PEDI) and `FAM` (HUSB, WIFE, CHIL, MARR, DIV).
Fuzzy dates (ABT, CAL, EST, BEF, AFT, BET … AND, FROM … TO, INT) give a year and "ongeveer": the year
becomes the birth year, and a short note says it is approximate (a person has a birth year, not a
date). A death date becomes a note; the person is marked overleden. `FAMC` with `PEDI adopted|foster`
(or the common `_FREL`/`_MREL` under `FAM.CHIL`) makes the parent link adoptie or pleeg. Records we do
not use (SOUR, REPO, SUBM, OBJE, NOTE, …) are skipped and counted; so are lines that are not GEDCOM,
and links to records that do not exist. CONC/CONT, levels and @xrefs@ follow the standard; the text
may be UTF-8 (with or without BOM), UTF-16, ANSI (Windows-1252) or ANSEL.

Everything hostile ends in a Dutch CaseError: too big, nested too deep, too many persons, someone who
is their own ancestor, no persons at all.

Export writes GEDCOM 5.5.1 (UTF-8, CRLF) that family-tree programs open: the client first (so that an
import takes them as the client again), then every relative (sector familie or a family link; pets and
the rest of the network are no family tree), families built from the parent and partner links. What
5.5.1 cannot say is written with "_" tags that other programs ignore and our import reads back:
`_FREL`/`_MREL Step` (a step-parent), `_STAT samenwonend|uit_elkaar` and `_STAT geen` (two parents of a
child who are not partners). Gender "anders" becomes U (5.5.1 has no X) and comes back as onbekend.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, Iterator, Mapping, Optional

from ...messages import t
from ...model import SCHEMA_VERSION, Case, CaseError, parse_case
from ...model.case import ancestry_cycle
from ...model.limits import MAX_FILE_BYTES, MAX_NAME, MAX_PERSONS
from ...model.load import new_id
from ..jsonio import check_size
from .imported import Imported

MAX_GEDCOM_BYTES = 4 * MAX_FILE_BYTES  # sources and notes make real trees big; we read persons only
MAX_LEVEL = 40  # real files nest fewer than 10 levels
MIN_YEAR, MAX_YEAR = 1850, 2200  # the years a birth year may have (model.case.Year)

_BOM8 = b"\xef\xbb\xbf"
_HEAD = re.compile(r"\A[\s\ufeff]*0[ \t]+HEAD\b")
_LINE = re.compile(r"[ \t]*(\d{1,3})[ \t]+(?:(@[^@\s]{1,64}@)[ \t]+)?([A-Za-z0-9_]{1,40})(?:[ \t](.*))?\Z", re.S)
_CHAR = re.compile(rb"\n[ \t]*1[ \t]+CHAR[ \t]+([A-Za-z0-9_-]+)")
_POINTER = re.compile(r"\A@[^@\s]{1,64}@\Z")

#: top-level records we skip, by the catalogue key that names them (interop.skipped.<key>)
_SKIP_KEYS = {"SOUR": "SOUR", "REPO": "REPO", "SUBM": "SUBM", "SUBN": "SUBM", "OBJE": "OBJE", "NOTE": "NOTE",
              "SNOTE": "NOTE"}
_SEX_IN = {"M": "man", "F": "vrouw", "X": "anders", "U": "onbekend"}
_SEX_OUT = {"man": "M", "vrouw": "F"}  # anders and onbekend: U (5.5.1 has no X)
_PEDI_IN = {"ADOPTED": "adoptie", "FOSTER": "pleeg", "BIRTH": "biologisch", "SEALING": "biologisch",
            "STEP": "stief", "NATURAL": "biologisch"}
_PEDI_OUT = {"biologisch": "birth", "adoptie": "adopted", "pleeg": "foster"}
_REL_OUT = {"biologisch": "Natural", "adoptie": "Adopted", "pleeg": "Foster", "stief": "Step"}
#: our own family status (a "_" tag, allowed in 5.5.1; other programs ignore it): two parents of a child
#: who are not partners in the case. Without it, an import makes every couple of parents partners.
_NOT_PARTNERS = "geen"
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


# ----- recognising and decoding -----

def _text_head(data: bytes, size: int = 256) -> str:
    head = data[:size]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) > 1 and (head[0] == 0) != (head[1] == 0)):
        for codec in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                text = head[: len(head) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                continue
            if _HEAD.match(text):
                return text
        return ""
    return head.removeprefix(_BOM8).decode("latin-1")


def looks_like_gedcom(data: bytes) -> bool:
    """The file starts with "0 HEAD" (after a BOM and blank space), in UTF-8, ANSI or UTF-16."""
    return bool(_HEAD.match(_text_head(data)))


# ANSEL (the default character set of GEDCOM 5.5.1): ASCII plus letters and combining marks that come
# BEFORE the letter they belong to.
_ANSEL_LETTERS = {
    0xA1: "Ł", 0xA2: "Ø", 0xA3: "Đ", 0xA4: "Þ", 0xA5: "Æ", 0xA6: "Œ", 0xA7: "ʹ", 0xA8: "·", 0xA9: "♭",
    0xAA: "®", 0xAB: "±", 0xAC: "Ơ", 0xAD: "Ư", 0xAE: "ʼ", 0xB0: "ʻ", 0xB1: "ł", 0xB2: "ø", 0xB3: "đ",
    0xB4: "þ", 0xB5: "æ", 0xB6: "œ", 0xB7: "ʺ", 0xB8: "ı", 0xB9: "£", 0xBA: "ð", 0xBC: "ơ", 0xBD: "ư",
    0xC0: "°", 0xC1: "ℓ", 0xC2: "℗", 0xC3: "©", 0xC4: "♯", 0xC5: "¿", 0xC6: "¡", 0xC7: "ß", 0xC8: "€",
}
_ANSEL_MARKS = {
    0xE0: "\u0309", 0xE1: "\u0300", 0xE2: "\u0301", 0xE3: "\u0302", 0xE4: "\u0303", 0xE5: "\u0304",
    0xE6: "\u0306", 0xE7: "\u0307", 0xE8: "\u0308", 0xE9: "\u030C", 0xEA: "\u030A", 0xEB: "\uFE20",
    0xEC: "\uFE21", 0xED: "\u0315", 0xEE: "\u030B", 0xEF: "\u0310", 0xF0: "\u0327", 0xF1: "\u0328",
    0xF2: "\u0323", 0xF3: "\u0324", 0xF4: "\u0325", 0xF5: "\u0333", 0xF6: "\u0332", 0xF7: "\u0326",
    0xF8: "\u031C", 0xF9: "\u032E", 0xFA: "\uFE22", 0xFB: "\uFE23", 0xFE: "\u0313",
}


def decode_ansel(data: bytes) -> str:
    out: list[str] = []
    marks: list[str] = []
    for byte in data:
        if byte < 0x80:
            out.append(chr(byte))
            out.extend(marks)
            marks.clear()
        elif byte in _ANSEL_MARKS:
            marks.append(_ANSEL_MARKS[byte])
        else:
            out.append(_ANSEL_LETTERS.get(byte, "\ufffd"))
            out.extend(marks)
            marks.clear()
    return unicodedata.normalize("NFC", "".join(out))


def decode(data: bytes) -> str:
    """The text of a GEDCOM file: BOM first, then the CHAR of the header, then UTF-8, then ANSI."""
    if data.startswith(_BOM8):
        return _utf8_or_ansi(data[3:])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and (data[0] == 0) != (data[1] == 0)):
        for codec in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _HEAD.match(text):
                return text.lstrip("\ufeff")
        raise CaseError(t("interop.ged.err.encoding"))
    found = _CHAR.search(data[:8192])
    char = found.group(1).decode("ascii").upper() if found else "UTF-8"
    if char == "ANSEL":
        try:  # many programs write UTF-8 and still say ANSEL
            text = data.decode("utf-8")
            return text
        except UnicodeDecodeError:
            return decode_ansel(data)
    if char in ("ANSI", "WINDOWS-1252", "CP1252", "IBMPC", "MACINTOSH", "LATIN1", "ISO-8859-1"):
        codec = {"IBMPC": "cp437", "MACINTOSH": "mac_roman"}.get(char, "cp1252")
        return data.decode(codec, errors="replace")
    return _utf8_or_ansi(data)  # UTF-8, ASCII, or nothing said


def _utf8_or_ansi(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# ----- lines into a tree -----

class Node:
    """One GEDCOM line with the lines under it (CONC/CONT are folded into `value`)."""
    __slots__ = ("children", "tag", "value", "xref")

    def __init__(self, tag: str, xref: str, value: str):
        self.tag = tag
        self.xref = xref
        self.value = value
        self.children: list[Node] = []

    def first(self, tag: str) -> Optional["Node"]:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def all(self, tag: str) -> Iterator["Node"]:
        return (c for c in self.children if c.tag == tag)


def parse_tree(text: str) -> tuple[list[Node], int]:
    """The level-0 records and the number of lines that were skipped (not GEDCOM, or a level that
    jumps). Iterative (a stack of open nodes): nesting costs no recursion."""
    records: list[Node] = []
    stack: list[Node] = []
    bad = 0
    for raw in text.splitlines():
        if not raw.strip():
            continue
        m = _LINE.match(raw)
        if m is None:
            bad += 1
            continue
        level = int(m.group(1))
        if level > MAX_LEVEL:
            raise CaseError(t("interop.ged.err.too_deep"))
        tag = m.group(3).upper()
        value = (m.group(4) or "").replace("@@", "@")
        if tag in ("CONC", "CONT"):
            if stack and level == len(stack):
                owner = stack[-1]
                owner.value += ("\n" if tag == "CONT" else "") + value
            else:
                bad += 1
            continue
        if level > len(stack):  # a level that jumps (1 then 3): the line has no parent
            bad += 1
            continue
        del stack[level:]
        node = Node(tag, (m.group(2) or "")[1:-1], value)
        if level == 0:
            records.append(node)
        else:
            stack[-1].children.append(node)
        stack.append(node)
    return records, bad


# ----- dates -----

_CALENDAR = re.compile(r"\A(?:@#D[A-Z ]+@|GREGORIAN|JULIAN|FRENCH_R|HEBREW)\s*")
_ONE_DATE = re.compile(r"\A(?:(\d{1,2})\s+)?(?:([A-Z]{3,5})\s+)?(\d{1,4})(?:/\d{1,2})?(\s*(?:B\.C\.|BC|BCE))?\Z")


def _one_date(text: str) -> Optional[int]:
    text = _CALENDAR.sub("", text.strip())
    m = _ONE_DATE.match(text)
    if m is None or m.group(4):
        return None  # a phrase, or a year before the common era
    year = int(m.group(3))
    return year if year > 0 else None


def parse_date(value: str) -> Optional[tuple[int, bool]]:
    """(year, approximate) of a GEDCOM date, or None when it has no year we can use.
    "12 MAR 1950" → (1950, False); "ABT 1950", "BEF 1950", "AFT 1950", "EST 1950" → (1950, True);
    "BET 1948 AND 1952" → (1950, True); "FROM 1948 TO 1952" → (1948, True); "INT 1950 (zo'n jaar)" → (1950, True)."""
    text = " ".join(value.upper().split())
    if not text or text.startswith("("):
        return None
    m = re.match(r"\A(?:BET|FROM)\s+(.+?)\s+(?:AND|TO)\s+(.+)\Z", text)
    if m:
        a, b = _one_date(m.group(1)), _one_date(m.group(2))
        if a is not None and b is not None:
            return ((a + b) // 2 if text.startswith("BET") else a), True
        year = a if a is not None else b
        return (year, True) if year is not None else None
    m = re.match(r"\A(ABT|CAL|EST|BEF|AFT|FROM|TO|INT)\s+(.+)\Z", text)
    if m:
        rest = re.sub(r"\s*\(.*\Z", "", m.group(2)) if m.group(1) == "INT" else m.group(2)
        year = _one_date(rest)
        return (year, m.group(1) != "FROM") if year is not None else None
    year = _one_date(text)
    return (year, False) if year is not None else None


# ----- reading -----

def read_gedcom(data: bytes, *, klant: Optional[str] = None) -> Imported:
    """A GEDCOM file as an Imported: a case whose client is the person with xref `klant` (default: the
    first person in the file) and the relatives around them. CaseError in Dutch when it cannot be read."""
    check_size(len(data), MAX_GEDCOM_BYTES)
    if not looks_like_gedcom(data):
        raise CaseError(t("interop.ged.err.not_gedcom"))
    records, bad = parse_tree(decode(data))
    return _build(records, bad, klant)


def _pointer(node: Optional[Node]) -> Optional[str]:
    if node is None:
        return None
    value = node.value.strip()
    return value[1:-1] if _POINTER.match(value) and value != "@VOID@" else None


def _name(indi: Node) -> str:
    name = indi.first("NAME")
    if name is None:
        return ""
    text = name.value.replace("/", " ")
    if not text.strip():
        text = " ".join(n.value for n in (name.first("GIVN"), name.first("SURN")) if n is not None)
    return " ".join(text.split())[:MAX_NAME]


def _skip_key(tag: str) -> str:
    return _SKIP_KEYS.get(tag, "other")


def _count(counter: dict[str, int], key: str, n: int = 1) -> None:
    if n:
        counter[key] = counter.get(key, 0) + n


def _build(records: list[Node], bad: int, klant: Optional[str]) -> Imported:
    skipped: dict[str, int] = {}
    _count(skipped, "lines", bad)
    if not records or records[0].tag != "HEAD":
        raise CaseError(t("interop.ged.err.not_gedcom"))
    people: dict[str, Node] = {}
    anonymous: list[Node] = []
    families: dict[str, Node] = {}
    for rec in records[1:]:
        if rec.tag == "TRLR":
            break
        if rec.tag == "INDI":
            if rec.xref in people:
                _count(skipped, "duplicates")
            elif rec.xref:
                people[rec.xref] = rec
            else:
                anonymous.append(rec)
        elif rec.tag == "FAM":
            if rec.xref and rec.xref not in families:
                families[rec.xref] = rec
            else:
                _count(skipped, "duplicates")
        else:
            _count(skipped, _skip_key(rec.tag))
    total = len(people) + len(anonymous)
    if total == 0:
        raise CaseError(t("interop.ged.err.no_people"))
    if total > MAX_PERSONS:
        raise CaseError(t("err.too_many_persons", count=total, max=MAX_PERSONS))

    ids: dict[str, str] = {}
    personen: list[dict[str, Any]] = []
    for n, rec in enumerate([*people.values(), *anonymous], 1):
        pid = f"g{n}"
        if rec.xref:
            ids[rec.xref] = pid
        personen.append(_person(rec, pid))

    ouder_kind, partners = _links(people, families, ids, skipped)
    _refuse_cycles(ouder_kind, {p["id"]: p["naam"] for p in personen})
    data = {"schema_version": SCHEMA_VERSION, "id": new_id("c"), "klant_id": personen[0]["id"], "fase": "netwerkatlas",
            "aangemaakt": dt.datetime.now().replace(microsecond=0).isoformat(),
            "personen": personen, "ouder_kind": ouder_kind, "partners": partners}
    case = parse_case(data)
    chosen = ids.get(klant or "", case.klant_id) if klant else case.klant_id
    return Imported(kind="gedcom", case=with_client(case, chosen), skipped=skipped, xrefs=ids)


def _date_note(kind: str, parsed: Optional[tuple[int, bool]]) -> list[dict]:
    if parsed is None:
        return []
    year, about = parsed
    key = f"interop.ged.note.{kind}_{'about' if about else 'exact'}"
    return [{"tekst": t(key, jaar=year), "zichtbaar": "iedereen"}]


def _person(rec: Node, pid: str) -> dict[str, Any]:
    sex = rec.first("SEX")
    p: dict[str, Any] = {"id": pid, "naam": _name(rec), "rol": "",
                         "geslacht": _SEX_IN.get((sex.value.strip()[:1].upper() if sex else "U"), "onbekend"),
                         "sector": "familie", "notities": []}
    birth = rec.first("BIRT")
    date = birth.first("DATE") if birth is not None else None
    parsed = parse_date(date.value) if date is not None else None
    if parsed is not None:
        year, about = parsed
        if MIN_YEAR <= year <= MAX_YEAR:
            p["geboortejaar"] = year
        if about or not MIN_YEAR <= year <= MAX_YEAR:  # the note keeps what the birth year cannot say
            p["notities"] += _date_note("birth", parsed)
    death = rec.first("DEAT")
    if death is not None and death.value.strip().upper() != "N":
        p["overleden"] = True
        date = death.first("DATE")
        p["notities"] += _date_note("death", parse_date(date.value) if date is not None else None)
    return p


def _kind(value: str) -> Optional[str]:
    return _PEDI_IN.get(value.strip().upper())


def _links(people: dict[str, Node], families: dict[str, Node], ids: dict[str, str],
           skipped: dict[str, int]) -> tuple[list[dict], list[dict]]:
    """ouder_kind and partners from the families, with PEDI from each child's FAMC."""
    pedi: dict[tuple[str, str], str] = {}  # (family xref, child xref) → kind of the link
    extra: dict[str, list[str]] = {}  # family xref → children that name it in their FAMC
    for xref, rec in people.items():
        for famc in rec.all("FAMC"):
            fam_ref = _pointer(famc)
            if fam_ref is None or fam_ref not in families:
                _count(skipped, "links")
                continue
            pedi_node = famc.first("PEDI")
            kind = _kind(pedi_node.value) if pedi_node is not None else None
            if kind:
                pedi[(fam_ref, xref)] = kind
            extra.setdefault(fam_ref, []).append(xref)
    links: dict[tuple[str, str], str] = {}
    partners: dict[frozenset, dict] = {}
    for fxref, fam in families.items():
        parents: list[tuple[str, str]] = []  # (role tag, person id)
        for tag in ("HUSB", "WIFE"):
            node = fam.first(tag)
            if node is None:
                continue
            target = _pointer(node)
            if target is not None and target in ids:
                parents.append((tag, ids[target]))
            elif node.value.strip() != "@VOID@":  # 7.0's explicit "nobody"
                _count(skipped, "links")
        children: dict[str, Node] = {}
        for chil in fam.all("CHIL"):
            target = _pointer(chil)
            if target is not None and target in people:
                children.setdefault(target, chil)
            else:
                _count(skipped, "links")
        for child in extra.get(fxref, ()):
            if child not in children:  # named only in the child's own FAMC
                children[child] = Node("CHIL", "", f"@{child}@")
        for child_xref, chil in children.items():
            base = pedi.get((fxref, child_xref), "biologisch")
            kid = ids[child_xref]
            for tag, parent in parents:
                rel = chil.first("_FREL" if tag == "HUSB" else "_MREL")
                kind = (_kind(rel.value) if rel is not None else None) or base
                if parent == kid:
                    _count(skipped, "links")
                else:
                    links.setdefault((parent, kid), kind)
        if len(parents) == 2 and parents[0][1] != parents[1][1]:
            status = "relatie"
            if fam.first("DIV") is not None:
                status = "gescheiden"
            elif fam.first("MARR") is not None:
                status = "getrouwd"
            stat = fam.first("_STAT")
            said = stat.value.strip().lower() if stat is not None else ""
            if said in ("samenwonend", "uit_elkaar", "relatie"):
                status = said
            a, b = parents[0][1], parents[1][1]
            if said != _NOT_PARTNERS:
                partners[frozenset((a, b))] = {"a": a, "b": b, "status": status}
    ouder_kind = [{"ouder": p, "kind": k, "soort": s} for (p, k), s in links.items()]
    return ouder_kind, list(partners.values())


def _refuse_cycles(ouder_kind: list[dict], names: dict[str, str]) -> None:
    """Someone who is their own ancestor: a clear Dutch error naming them."""
    found = ancestry_cycle((link["ouder"], link["kind"]) for link in ouder_kind)
    if found is not None:
        raise CaseError(t("interop.ged.err.cycle", naam=names.get(found) or t("familiekaart.unknown_name")))


def with_client(case: Case, pid: str) -> Case:
    """The imported tree with `pid` as the client: the client's role is "ik", the roles of their
    parents, partners, children and brothers and sisters say what they are to the client, everyone
    else has no role (a tree knows relations, not roles)."""
    from ...model.ops import relative_role  # noqa: PLC0415

    if pid not in {p.id for p in case.personen}:
        pid = case.klant_id
    parents = {o.ouder for o in case.ouder_kind if o.kind == pid}
    children = {o.kind for o in case.ouder_kind if o.ouder == pid}
    siblings = {o.kind for o in case.ouder_kind if o.ouder in parents} - {pid}
    partners = {p.b if p.a == pid else p.a for p in case.partners if pid in (p.a, p.b)}
    relation = {**{s: "broer_zus" for s in siblings}, **{c: "kind" for c in children},
                **{p: "partner" for p in partners}, **{p: "ouder" for p in parents}}
    personen = []
    for p in case.personen:
        if p.id == pid:
            rol, sector = "ik", None
        else:
            rol = relative_role(relation[p.id], p.geslacht) if p.id in relation else ""
            sector = "familie"
        personen.append(p.model_copy(update={"rol": rol, "sector": sector}))
    return case.model_copy(update={"personen": personen, "klant_id": pid})


# ----- writing (GEDCOM 5.5.1) -----

def _esc(text: str) -> str:
    """A value on one line: no line breaks, @ doubled (5.5.1), at most 200 characters."""
    return " ".join(text.split()).replace("@", "@@")[:200]


def family_members(case: Case) -> list[str]:
    """Who goes into the family tree: the client, everyone with a family link or in the family sector;
    pets never (they have no place in a genogram)."""
    linked = {o.ouder for o in case.ouder_kind} | {o.kind for o in case.ouder_kind} \
        | {p.a for p in case.partners} | {p.b for p in case.partners}
    others = [p.id for p in case.personen if p.id != case.klant_id and p.soort == "mens"
              and (p.id in linked or p.sector == "familie")]
    return [case.klant_id, *others]  # the client first: an import takes the first person as the client


def _families(case: Case, members: set) -> list[dict]:
    """GEDCOM families from our links: each child's parents in pairs (partners together, else the same
    kind of link together), and every partnership; each family once, by its parents."""
    partner_of = {frozenset((p.a, p.b)): p for p in case.partners}
    fams: dict[frozenset, dict] = {}

    def family(parents: frozenset) -> dict:
        if parents not in fams:
            fams[parents] = {"parents": parents, "children": [], "partner": partner_of.get(parents)}
        return fams[parents]

    order = {"biologisch": 0, "adoptie": 1, "pleeg": 2, "stief": 3}
    per_child: dict[str, list[tuple[str, str]]] = {}
    for link in case.ouder_kind:
        if link.ouder in members and link.kind in members:
            per_child.setdefault(link.kind, []).append((link.ouder, link.soort))
    for child, parents in per_child.items():
        rest = sorted(parents, key=lambda ps: (order[ps[1]], ps[0]))
        while rest:
            first = rest.pop(0)
            mate = next((q for q in rest if frozenset((first[0], q[0])) in partner_of), None) \
                or next((q for q in rest if q[1] == first[1]), None)
            pair = [first]
            if mate is not None:
                rest.remove(mate)
                pair.append(mate)
            family(frozenset(p for p, _ in pair))["children"].append((child, dict(pair)))
    for key in partner_of:
        if key <= members:
            family(key)
    return list(fams.values())


def _spouses(parents: frozenset, gender: Mapping[str, str]) -> tuple[Optional[str], Optional[str]]:
    """(HUSB, WIFE): a man as HUSB and a woman as WIFE where that fits, otherwise in a stable order."""
    ps = sorted(parents)
    if len(ps) == 1:
        return (None, ps[0]) if gender[ps[0]] == "vrouw" else (ps[0], None)
    a, b = ps
    if gender[a] == "vrouw" or gender[b] == "man":
        a, b = b, a
    return a, b


def export_gedcom(case: Case, *, today: Optional[dt.date] = None) -> str:
    """The familiekaart as GEDCOM 5.5.1 text (CRLF line ends). Apply privacy (storage.privacy.for_export)
    first: what is in `case` is what goes into the file."""
    today = today or dt.date.today()
    members = family_members(case)
    member_set = set(members)
    xref = {pid: f"I{n}" for n, pid in enumerate(members, 1)}
    gender = {p.id: p.geslacht for p in case.personen}
    fams = _families(case, member_set)
    fxref = {id(f): f"F{n}" for n, f in enumerate(fams, 1)}
    famc: dict[str, list[tuple[dict, dict]]] = {}
    fams_of: dict[str, list[dict]] = {}
    for f in fams:
        for parent in f["parents"]:
            fams_of.setdefault(parent, []).append(f)
        for child, kinds in f["children"]:
            famc.setdefault(child, []).append((f, kinds))

    lines = ["0 HEAD", "1 SOUR NETWERKATLAS", "2 NAME Netwerkatlas", "1 DEST ANY",
             f"1 DATE {today.day} {_MONTHS[today.month - 1]} {today.year}", "1 SUBM @U1@",
             "1 GEDC", "2 VERS 5.5.1", "2 FORM LINEAGE-LINKED", "1 CHAR UTF-8", "0 @U1@ SUBM", "1 NAME Netwerkatlas"]
    people = {p.id: p for p in case.personen}
    for pid in members:
        p = people[pid]
        lines.append(f"0 @{xref[pid]}@ INDI")
        if p.naam.strip():
            lines.append(f"1 NAME {_esc(p.naam)}")
        lines.append(f"1 SEX {_SEX_OUT.get(p.geslacht, 'U')}")
        if p.geboortejaar is not None:
            lines += ["1 BIRT", f"2 DATE {p.geboortejaar}"]
        if p.overleden:
            lines.append("1 DEAT Y")
        for f, kinds in famc.get(pid, []):
            lines.append(f"1 FAMC @{fxref[id(f)]}@")
            soorten = set(kinds.values())
            if len(soorten) == 1 and next(iter(soorten)) in _PEDI_OUT:
                lines.append(f"2 PEDI {_PEDI_OUT[next(iter(soorten))]}")
        for f in fams_of.get(pid, []):
            lines.append(f"1 FAMS @{fxref[id(f)]}@")
    for f in fams:
        lines.append(f"0 @{fxref[id(f)]}@ FAM")
        husb, wife = _spouses(f["parents"], gender)
        if husb:
            lines.append(f"1 HUSB @{xref[husb]}@")
        if wife:
            lines.append(f"1 WIFE @{xref[wife]}@")
        partnership = f["partner"]
        if partnership is None and husb and wife:
            lines.append(f"1 _STAT {_NOT_PARTNERS}")  # parents of a child, not partners in the case
        if partnership is not None:
            status = partnership.status
            if status in ("getrouwd", "gescheiden"):
                lines.append("1 MARR Y")
            if status == "gescheiden":
                lines.append("1 DIV Y")
            if status in ("samenwonend", "uit_elkaar"):
                lines.append(f"1 _STAT {status}")  # our own tag (5.5.1 allows them with "_"): read back on import
        for child, kinds in f["children"]:
            lines.append(f"1 CHIL @{xref[child]}@")
            if len(set(kinds.values())) > 1 or "stief" in kinds.values():
                # parents of one family with different links (a stepfather with the mother): say per parent
                for parent, tag in ((husb, "_FREL"), (wife, "_MREL")):
                    if parent is not None:
                        lines.append(f"2 {tag} {_REL_OUT[kinds[parent]]}")
    lines.append("0 TRLR")
    return "\r\n".join(lines) + "\r\n"
