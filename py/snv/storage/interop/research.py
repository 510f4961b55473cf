"""Exports for research: the relatiekaart now and every snapshot as GraphML and as CSV tables.

Pseudonymised by default (storage/privacy.py: names → role + number, free text dropped, ids
renumbered, dates to the month, birth years to age bands); `names=True` is the deliberate switch that
keeps names and the roles as written. Notes never go into these files.

GraphML: ONE file with one `<graph>` per map, "nu" (the map now) first, then each snapshot in the
case's order; a graph carries its id, title and date. Tools that read only the first graph (Gephi,
networkx.read_graphml) get the map now; igraph (`read_graph(..., index=k)`) and networkx's
GraphMLReader read them all. Nodes: every person (the client with klant=true) with sector, ring,
op_kaart, professioneel, soort, overleden. Edges: every tie with its quality; an edge client–person
carries the kinds of support (steun_<kind> = krijgt|geeft|wederzijds), also when support exists
without a line (lijn=false).

CSV: a zip with four tables in long format (one row per map and person, tie, support or map), so R
(`read.csv(unz(...))`), pandas, SPSS and Excel read each file directly and one column (`kaart`) tells
the maps apart: personen.csv, banden.csv, steun.csv, kengetallen.csv (figures per map, one row each),
and LEESMIJ.txt explaining the columns. UTF-8 without BOM, comma-separated, a header line, booleans as
0/1, empty cells for unknown. One file is one download in the browser (several files would each ask).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from typing import Any, Iterable, Optional
from xml.sax.saxutils import escape, quoteattr

from ...messages import t
from ...model import Case
from ...model.case import KWALITEITEN, NABIJHEDEN, SECTORS, STEUNSOORTEN, Momentopname, client_ties
from ...model.ops import map_state
from ..privacy import for_export

NOW = "nu"


def research_case(case: Case, *, names: bool = False, today: Optional[dt.date] = None) -> Case:
    """The case as it may go into a research file: pseudonymised unless `names`, never any notes."""
    return for_export(case, notes=False, pseudonymise=not names, today=today)


def maps(case: Case, today: dt.date) -> list[tuple[str, str, str, Momentopname]]:
    """(id, title, date, state) of the map now and of each snapshot, in that order. The map now is
    dated today (to the month when the case was pseudonymised, like every other date in it)."""
    now = map_state(case, dt.datetime.combine(today, dt.time(0, 0)), t("interop.research.now"), NOW)
    return [(NOW, now.titel, today.isoformat(), now)] + [
        (m.id, m.titel, m.gemaakt.date().isoformat(), m) for m in case.momentopnamen]


def _support(state: Momentopname) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for s in state.steun:
        out.setdefault(s.persoon, {})[s.soort] = s.richting
    return out


# ----- GraphML -----

_NODE_KEYS = (("naam", "string"), ("rol", "string"), ("klant", "boolean"), ("sector", "string"), ("ring", "string"),
              ("op_kaart", "boolean"), ("professioneel", "boolean"), ("soort", "string"), ("overleden", "boolean"))
_EDGE_KEYS = (("met_klant", "boolean"), ("lijn", "boolean"), ("kwaliteit", "string"),
              *((f"steun_{s}", "string") for s in STEUNSOORTEN))


def _data(key: str, value: Any) -> str:
    if isinstance(value, bool):
        value = "true" if value else "false"
    return f'<data key={quoteattr(key)}>{escape(str(value))}</data>'


def export_graphml(case: Case, *, names: bool = False, today: Optional[dt.date] = None) -> str:
    """GraphML text (see the module's docstring); privacy as research_case."""
    today = today or dt.date.today()
    case = research_case(case, names=names, today=today)
    if not names:
        today = today.replace(day=1)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             # the namespace is an identifier (readers compare it); no schemaLocation: nothing to fetch
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '  <key id="titel" for="graph" attr.name="titel" attr.type="string"/>',
             '  <key id="datum" for="graph" attr.name="datum" attr.type="string"/>']
    lines += [f'  <key id="{k}" for="node" attr.name="{k}" attr.type="{kind}"/>' for k, kind in _NODE_KEYS]
    lines += [f'  <key id="{k}" for="edge" attr.name="{k}" attr.type="{kind}"/>' for k, kind in _EDGE_KEYS]
    for gid, titel, datum, state in maps(case, today):
        lines.append(f'  <graph id={quoteattr(gid)} edgedefault="undirected">')
        lines.append(f"    {_data('titel', titel)}{_data('datum', datum)}")
        for p in state.personen:
            values = {"naam": p.naam, "rol": p.rol, "klant": p.id == state.klant_id, "sector": p.sector or "",
                      "ring": p.nabijheid or "", "op_kaart": p.op_kaart, "professioneel": p.professioneel,
                      "soort": p.soort, "overleden": p.overleden}
            lines.append(f"    <node id={quoteattr(gid + ':' + p.id)}>"
                         + "".join(_data(k, values[k]) for k, _ in _NODE_KEYS) + "</node>")
        support = _support(state)
        edges = 0
        with_line = set()
        for b in state.banden:
            other = b.b if b.a == state.klant_id else b.a if b.b == state.klant_id else None
            with_line.add(other)
            lines.append(_edge(gid, edges, b.a, b.b, other is not None, True, b.kwaliteit,
                               support.get(other, {}) if other else {}))
            edges += 1
        for pid in sorted(set(support) - with_line):
            lines.append(_edge(gid, edges, state.klant_id, pid, True, False, None, support[pid]))
            edges += 1
        lines.append("  </graph>")
    lines.append("</graphml>")
    return "\n".join(lines) + "\n"


def _edge(gid: str, n: int, a: str, b: str, met_klant: bool, lijn: bool, kwaliteit: Optional[str],
          support: dict[str, str]) -> str:
    values = {"met_klant": met_klant, "lijn": lijn, "kwaliteit": kwaliteit or "",
              **{f"steun_{s}": support.get(s, "") for s in STEUNSOORTEN}}
    return (f"    <edge id={quoteattr(f'{gid}:e{n}')} source={quoteattr(gid + ':' + a)}"
            f" target={quoteattr(gid + ':' + b)}>" + "".join(_data(k, values[k]) for k, _ in _EDGE_KEYS) + "</edge>")


# ----- CSV -----

PERSON_COLUMNS = ("kaart", "datum", "persoon", "naam", "rol", "klant", "geslacht", "geboortejaar", "sector", "ring",
                  "op_kaart", "professioneel", "soort", "overleden", "lijn_met_klant", "kwaliteit_met_klant")
TIE_COLUMNS = ("kaart", "datum", "a", "b", "met_klant", "kwaliteit")
SUPPORT_COLUMNS = ("kaart", "datum", "persoon", "soort", "richting")
FIGURE_COLUMNS = ("kaart", "datum", "titel", "op_kaart", "in_lijst",
                  *(f"sector_{s}" for s in SECTORS), *(f"ring_{r}" for r in NABIJHEDEN),
                  "professionals", "aandeel_professionals", "banden_tussen_leden", "mogelijke_banden", "dichtheid",
                  "geisoleerd", "groepen", "grootste_groep", "klant_geeft", "klant_krijgt", "wederzijds",
                  *(f"kwaliteit_{q}" for q in KWALITEITEN), "kwaliteit_geen")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    text = str(value)
    # a cell that starts like a formula would run in a spreadsheet: make it plain text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _table(columns: Iterable[str], rows: Iterable[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = list(columns)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()


def _as_case(case: Case, state: Momentopname) -> Case:
    """A snapshot as a case of its own (its persons, ties and support), for the figures."""
    from ...model.case import Persoon  # noqa: PLC0415

    personen = [Persoon(id=p.id, naam=p.naam, rol=p.rol, sector=p.sector, nabijheid=p.nabijheid,
                        professioneel=p.professioneel, soort=p.soort, overleden=p.overleden) for p in state.personen]
    return Case(id=case.id, klant_id=state.klant_id, personen=personen, banden=list(state.banden),
                steun=list(state.steun))


def _figure_row(figs: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"op_kaart": figs["size"]["on_map"], "in_lijst": figs["size"]["in_list"],
                           "professionals": figs["professionals"]["count"],
                           "aandeel_professionals": figs["professionals"]["share"],
                           "banden_tussen_leden": figs["density"]["ties"], "mogelijke_banden": figs["density"]["possible"],
                           "dichtheid": figs["density"]["value"], "geisoleerd": len(figs["isolated"]),
                           "groepen": figs["components"]["count"],
                           "grootste_groep": max(figs["components"]["sizes"], default=0),
                           "klant_geeft": figs["reciprocity"]["client_gives"],
                           "klant_krijgt": figs["reciprocity"]["client_gets"],
                           "wederzijds": figs["reciprocity"]["mutual"]}
    row.update({f"sector_{s}": n for s, n in figs["per_sector"].items()})
    row.update({f"ring_{r}": n for r, n in figs["per_ring"].items()})
    row.update({f"kwaliteit_{q}": n for q, n in figs["quality"].items() if q != "none"})
    row["kwaliteit_geen"] = figs["quality"]["none"]
    return row


def csv_tables(case: Case, *, names: bool = False, today: Optional[dt.date] = None) -> dict[str, str]:
    """{file name: CSV text} of the four tables and LEESMIJ.txt; privacy as research_case."""
    from ...analysis.figures import compute_figures  # noqa: PLC0415 (networkx: only when exporting)

    today = today or dt.date.today()
    case = research_case(case, names=names, today=today)
    if not names:
        today = today.replace(day=1)
    live = {p.id: p for p in case.personen}
    persons, ties, support, figures = [], [], [], []
    for gid, titel, datum, state in maps(case, today):
        quality, _others = client_ties(state.banden, state.klant_id)
        for p in state.personen:
            full = live.get(p.id) if gid == NOW else None  # gender and birth year: only the map now has them
            persons.append({"kaart": gid, "datum": datum, "persoon": p.id, "naam": p.naam, "rol": p.rol,
                            "klant": p.id == state.klant_id, "geslacht": full.geslacht if full else None,
                            "geboortejaar": full.geboortejaar if full else None, "sector": p.sector,
                            "ring": p.nabijheid, "op_kaart": p.op_kaart, "professioneel": p.professioneel,
                            "soort": p.soort, "overleden": p.overleden,
                            "lijn_met_klant": None if p.id == state.klant_id else p.id in quality,
                            "kwaliteit_met_klant": quality.get(p.id)})
        for b in state.banden:
            ties.append({"kaart": gid, "datum": datum, "a": b.a, "b": b.b,
                         "met_klant": state.klant_id in (b.a, b.b), "kwaliteit": b.kwaliteit})
        for s in state.steun:
            support.append({"kaart": gid, "datum": datum, "persoon": s.persoon, "soort": s.soort, "richting": s.richting})
        figs = compute_figures(case if gid == NOW else _as_case(case, state))
        figures.append({"kaart": gid, "datum": datum, "titel": titel, **_figure_row(figs)})
    return {"personen.csv": _table(PERSON_COLUMNS, persons), "banden.csv": _table(TIE_COLUMNS, ties),
            "steun.csv": _table(SUPPORT_COLUMNS, support), "kengetallen.csv": _table(FIGURE_COLUMNS, figures),
            "LEESMIJ.txt": readme(names=names)}


def readme(*, names: bool) -> str:
    """The codebook that goes into the zip (catalogue text, in the language of the app)."""
    parts = [t("interop.research.readme.title"), "", t("interop.research.readme.names" if names else
                                                       "interop.research.readme.pseudo"), ""]
    for key in ("files", "personen", "banden", "steun", "kengetallen", "codes"):
        parts += [t(f"interop.research.readme.{key}"), ""]
    return "\r\n".join(parts)


def export_csv_zip(case: Case, *, names: bool = False, today: Optional[dt.date] = None) -> bytes:
    """The zip of csv_tables; the same case and day give the same bytes."""
    today = today or dt.date.today()
    tables = csv_tables(case, names=names, today=today)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in tables.items():
            info = zipfile.ZipInfo(name, date_time=(today.year, today.month, today.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return out.getvalue()
