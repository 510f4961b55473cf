"""Key figures of the network ("Wat zie je?") and the load per person in the plan.

`compute_figures(case)` returns plain JSON data (lists, never sets; persons always ordered by name, id);
`sentences(figs)` turns it into one short B1 sentence per figure, strengths first (tip 6: quality counts
as much as size; tip 7: shared interests; tip 8: an empty slice asks a question).

Direction of support is the client's view: "krijgt" = the client gets it (the person gives),
"geeft" = the client gives, "wederzijds" = both.
"""
from __future__ import annotations

from typing import Any, Iterable

from ..messages import t
from ..model.case import KWALITEITEN, NABIJHEDEN, SECTORS, Case, client_ties
from .layout import on_map

MAX_SHARED = 3  # shared-interest suggestions shown at most
MAX_GIVERS = 3


def _order(case: Case, ids: Iterable[str]) -> list[str]:
    """Ids sorted by name then id, without duplicates: stable output for JSON and sentences."""
    names = {p.id: p.naam for p in case.personen}
    return sorted(set(ids), key=lambda i: (names.get(i, "").casefold(), i))


def _on_map(case: Case) -> list:
    return [p for p in case.personen if on_map(p, case.klant_id)]


def compute_figures(case: Case) -> dict[str, Any]:
    import networkx as nx  # noqa: PLC0415 - only needed here; keeps importing the package cheap

    klant = case.klant_id
    members = _on_map(case)
    member_ids = {p.id for p in members}
    others = [p for p in case.personen if p.id != klant]
    n = len(members)

    per_sector = {s: 0 for s in SECTORS}
    per_ring = {r: 0 for r in NABIJHEDEN}
    for p in members:
        per_sector[p.sector] += 1
        per_ring[p.nabijheid] += 1
    professionals = [p.id for p in members if p.professioneel]
    close = [p.id for p in members if p.nabijheid == "heel_dichtbij"]

    # the client's own line with each person
    quality, other_ties = client_ties(case.banden, klant)
    member_ties = [(b.a, b.b) for b in other_ties if b.a in member_ids and b.b in member_ids]
    quality_counts = {q: 0 for q in KWALITEITEN}
    quality_counts["none"] = 0
    for p in members:
        quality_counts[quality.get(p.id) or "none"] += 1

    def with_quality(q: str) -> list[str]:
        return _order(case, (pid for pid, k in quality.items() if k == q and pid != klant))

    # member-member structure (networkx)
    g = nx.Graph()
    g.add_nodes_from(sorted(member_ids))
    g.add_edges_from(member_ties)
    possible = n * (n - 1) // 2
    components = sorted((_order(case, c) for c in nx.connected_components(g)),
                        key=lambda c: (-len(c), c))
    isolated = _order(case, nx.isolates(g)) if n > 1 else []

    # support, seen from the client
    gives_to: set = set()  # the client helps them
    gets_from: dict[str, int] = {}  # they help the client: number of kinds of support
    mutual: set = set()
    for s in case.steun:
        if s.persoon == klant:
            continue
        if s.richting in ("geeft", "wederzijds"):
            gives_to.add(s.persoon)
        if s.richting in ("krijgt", "wederzijds"):
            gets_from[s.persoon] = gets_from.get(s.persoon, 0) + 1
        if s.richting == "wederzijds":
            mutual.add(s.persoon)
    names = {p.id: p.naam for p in case.personen}
    givers = sorted(gets_from.items(), key=lambda kv: (-kv[1], names.get(kv[0], "").casefold(), kv[0]))

    wishes: dict[str, list[str]] = {"meer": [], "evenveel": [], "minder": []}
    for c in case.contacten:
        if c.wens and c.persoon != klant:
            wishes[c.wens].append(c.persoon)

    return {
        "klant_id": klant,
        "names": {p.id: p.naam for p in case.personen},
        "size": {"on_map": n, "in_list": len(others), "not_on_map": len(others) - n},
        "per_sector": per_sector,
        "per_ring": per_ring,
        "close": {"count": len(close), "persons": _order(case, close),
                  "professionals": _order(case, set(close) & set(professionals))},
        "professionals": {"count": len(professionals), "share": round(len(professionals) / n, 2) if n else 0.0,
                          "persons": _order(case, professionals)},
        "density": {"members": n, "ties": len(member_ties), "possible": possible,
                    "value": round(len(member_ties) / possible, 3) if possible else None},
        "isolated": isolated,
        "components": {"count": len(components) if n else 0, "sizes": [len(c) for c in components],
                       "groups": components},
        "givers": [{"id": pid, "count": k} for pid, k in givers],
        "reciprocity": {"client_gives": len(gives_to), "client_gets": len(gets_from), "mutual": len(mutual),
                        "gives_persons": _order(case, gives_to), "gets_persons": _order(case, gets_from),
                        "mutual_persons": _order(case, mutual)},
        "quality": quality_counts,
        "good": with_quality("goed"),
        "hard": with_quality("moeizaam"),
        "conflict": with_quality("conflict"),
        "broken": with_quality("verbroken"),
        "wishes": {k: _order(case, v) for k, v in wishes.items()},
        "empty_sectors": [s for s in SECTORS if per_sector[s] == 0] if n else [],
        "shared_interests": _shared_interests(case, member_ties),
        "not_on_map": _order(case, (p.id for p in others
                                    if p.id not in member_ids and p.naam.strip())),
        **_plan_load(case),
    }


def _plan_load(case: Case) -> dict[str, Any]:
    """`belasting` (load per person in the plan, heaviest first) and `waarschuwingen` (kind sentences)."""
    from .load import figures  # noqa: PLC0415

    return figures(case)


def _shared_interests(case: Case, member_ties: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Pairs in the network who like the same thing (tip 7: "Anna en Tom houden allebei van vissen").

    Both are people in the client's list (not the client, not deceased, named); interests match
    case-insensitively and ignoring extra spaces. People who have no line with each other yet come first
    (a suggestion to bring them together), then pairs who know each other; within that by interest
    and name. At most MAX_SHARED, one per interest, each person in one suggestion at most."""
    last = _SHARED_CACHE.get("last")
    if last is not None and last[0] is case.personen and last[1] is case.banden and last[2] == case.klant_id:
        return [dict(x, persons=list(x["persons"])) for x in last[3]]
    tied = {frozenset(t_) for t_ in member_ties}
    for b in case.banden:
        tied.add(frozenset((b.a, b.b)))
    by_interest: dict[str, list] = {}
    shown: dict[str, str] = {}
    people = [p for p in case.personen if p.id != case.klant_id and p.naam.strip() and not p.overleden]
    for p in people:
        for raw in p.interesses:
            key = " ".join(raw.split()).casefold()
            if key:
                text = " ".join(raw.split())
                if key not in shown or text == key:  # "vissen" reads better than "Vissen"; "Ajax" stays
                    shown[key] = text
                group = by_interest.setdefault(key, [])
                if not group or group[-1] is not p:  # the same person once per interest
                    group.append(p)
    candidates = []
    for key in sorted(by_interest):
        group = sorted(by_interest[key], key=lambda p: (p.naam.casefold(), p.id))
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                known = frozenset((a.id, b.id)) in tied
                candidates.append((known, key, a, b))
    out: list[dict[str, Any]] = []
    used_people: set = set()
    used_keys: set = set()
    for known, key, a, b in sorted(candidates, key=lambda c: (c[0], c[1], c[2].naam.casefold(), c[3].naam.casefold())):
        if key in used_keys or a.id in used_people or b.id in used_people:
            continue
        out.append({"interest": shown[key], "persons": [a.id, b.id], "know_each_other": known})
        used_keys.add(key)
        used_people.update((a.id, b.id))
        if len(out) == MAX_SHARED:
            break
    # edits share unchanged lists (model/ops.py): a contact edit keeps personen and banden, so the
    # contactschema asks again for the same lists (one entry; it holds the two lists, nothing more)
    _SHARED_CACHE["last"] = (case.personen, case.banden, case.klant_id, out)
    return [dict(x, persons=list(x["persons"])) for x in out]


_SHARED_CACHE: dict[str, Any] = {}


# ----- sentences -----

def _n(key: str, n: int, **values: Any) -> str:
    return t(f"{key}.{'one' if n == 1 else 'many'}", n=n, **values)


def join_names(names: list[str]) -> str:
    """"Anna", "Anna en Piet", "Anna, Piet en Els"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('fig.and')} {names[-1]}"


def sentences(figs: dict[str, Any]) -> list[dict[str, Any]]:
    """One B1 sentence per figure: {key, text, persons (ids to highlight)}. Strengths come first,
    then neutral facts, then what may need attention."""
    names: dict[str, str] = figs["names"]
    klant_id = figs["klant_id"]
    out: list[dict[str, Any]] = []

    def add(key: str, text: str, persons: Iterable[str] = ()) -> None:
        out.append({"key": key, "text": text, "persons": list(persons)})

    n = figs["size"]["on_map"]
    if n == 0:
        add("empty", t("fig.empty"))
        out.extend(_contact_sentences(figs))
        if figs["not_on_map"]:
            k = len(figs["not_on_map"])
            add("not_on_map", _n("fig.not_on_map", k), figs["not_on_map"])
        return out

    def who(pid: str) -> str:
        return t("fig.you") if pid == klant_id else names.get(pid, "?")

    # strengths
    add("size", _n("fig.size", n))
    close = figs["close"]
    if close["count"]:
        text = _n("fig.close", close["count"])
        if close["professionals"]:
            text += " " + _n("fig.close_prof", len(close["professionals"]))
        add("close", text, close["persons"])
    givers = figs["givers"]
    rec = figs["reciprocity"]
    if rec["client_gets"] == 1:
        add("helpers", t("fig.helpers.one", names=who(rec["gets_persons"][0])), rec["gets_persons"])
    elif rec["client_gets"]:
        add("helpers", _n("fig.helpers", rec["client_gets"]), rec["gets_persons"])
        top = givers[0]["count"]
        best = [g["id"] for g in givers if g["count"] == top]
        if len(best) < len(givers) and len(best) <= MAX_GIVERS:  # only when someone stands out
            key = "fig.givers.one" if len(best) == 1 else "fig.givers.many"
            add("givers", t(key, names=join_names([who(i) for i in best])), best)
    if rec["client_gives"]:
        add("you_give", _n("fig.you_give", rec["client_gives"]), rec["gives_persons"])
    if rec["mutual"]:
        add("mutual", _n("fig.mutual", rec["mutual"]), rec["mutual_persons"])
    if figs["good"]:
        add("good", _n("fig.good", len(figs["good"])), figs["good"])
    dens = figs["density"]
    if dens["ties"]:
        members = [p for c in figs["components"]["groups"] for p in c]
        linked = [p for p in members if p not in set(figs["isolated"])]
        v = dens["value"] or 0.0
        if v >= 0.5:
            add("density", t("fig.dense"), linked)
        elif v >= 0.2:
            add("density", t("fig.some_know"), linked)
        else:
            add("density", t("fig.few_know"), linked)
    out.extend(s for s in _contact_sentences(figs) if s["key"].startswith("shared."))

    # neutral facts
    prof = figs["professionals"]
    if prof["count"]:
        if prof["count"] == n and n > 1:
            add("professionals", t("fig.professionals.all"), prof["persons"])
        else:
            add("professionals", _n("fig.professionals", prof["count"]), prof["persons"])
    groups = [c for c in figs["components"]["groups"] if len(c) > 1]
    if dens["ties"] and len(groups) > 1:
        add("groups", t("fig.groups", n=len(groups)), [p for c in groups for p in c])
    out.extend(s for s in _contact_sentences(figs) if s["key"].startswith("wish_"))

    # what may need attention
    if not close["count"]:
        add("close_none", t("fig.close.none"))
    for key in ("hard", "conflict", "broken"):
        if figs[key]:
            add(key, _n(f"fig.{key}", len(figs[key])), figs[key])
    if dens["ties"] and figs["isolated"]:
        add("isolated", _n("fig.isolated", len(figs["isolated"])), figs["isolated"])
    for s in figs["empty_sectors"]:
        if s != "hulpverlening":  # no professionals is not something to fix
            add(f"empty_sector.{s}", t(f"fig.empty_sector.{s}"))
    if figs["not_on_map"]:
        add("not_on_map", _n("fig.not_on_map", len(figs["not_on_map"])), figs["not_on_map"])
    return out


def _contact_sentences(figs: dict[str, Any]) -> list[dict[str, Any]]:
    """The sentences from the contactschema and the interests: shared interests (tip 7), then "Met 2
    mensen wil je meer contact." and the same for minder."""
    names: dict[str, str] = figs["names"]
    out = []
    for i, s in enumerate(figs["shared_interests"]):
        a, b = s["persons"]
        out.append({"key": f"shared.{i}", "persons": [a, b],
                    "text": t("fig.shared", a=names.get(a, "?"), b=names.get(b, "?"), interest=s["interest"])})
    wishes = figs["wishes"]
    for key, code in (("wish_more", "meer"), ("wish_less", "minder")):
        if wishes[code]:
            out.append({"key": key, "text": _n(f"fig.{key}", len(wishes[code])), "persons": list(wishes[code])})
    return out


def contact_figures(case: Case) -> dict[str, Any]:
    """The part of compute_figures that the contactschema needs (no network analysis: cheap per edit)."""
    wishes: dict[str, list[str]] = {"meer": [], "evenveel": [], "minder": []}
    for c in case.contacten:
        if c.wens and c.persoon != case.klant_id:
            wishes[c.wens].append(c.persoon)
    return {"names": {p.id: p.naam for p in case.personen}, "wishes": {k: _order(case, v) for k, v in wishes.items()},
            "shared_interests": _shared_interests(case, [])}


def contact_sentences(case: Case) -> list[dict[str, Any]]:
    """The same sentences as in "Wat zie je?" (same keys), for the contactschema screen."""
    return _contact_sentences(contact_figures(case))


# ----- load per person in the plan (DOMAIN §6): analysis/load.py -----

def load_per_person(case: Case) -> dict[str, Any]:
    """Monthly load of each person over the active agreements of the current plan (analysis/load.py
    holds the rules): per person, number of tasks, total, median, who carries too much (`heavy`, with
    a kind sentence each), close people without a task (`idle_close`) and the client's own load."""
    from .load import compute_load  # noqa: PLC0415

    load = compute_load(case)
    heavy = [w.persoon for w in load.warnings if w.kind == "veel"]
    return {
        "per_person": {pid: round(load.weights[pid], 3) for pid in _order(case, load.weights)},
        "tasks": {pid: load.tasks[pid] for pid in _order(case, load.tasks)},
        "total": round(load.total, 3),
        "median": round(load.median, 3),
        "heavy": _order(case, heavy),
        "warnings": [{"persoon": w.persoon, "text": w.text} for w in load.warnings if w.kind == "veel"],
        "idle_close": load.suggestions,
        "client": round(load.weights.get(case.klant_id, 0.0), 3),
    }
