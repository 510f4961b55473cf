"""Cases in and out of other tools: easyNWK Web save files and GEDCOM family trees come in, GEDCOM,
GraphML and CSV go out (storage/interop/*). Pure Python, no browser.

An import never changes a case by itself: it returns an `Imported` (the file's content as a whole,
valid Case plus what was left out), which the app previews and then opens as a new case or merges
into the current one (model/merge.py) after the user confirmed.
"""
from __future__ import annotations

from typing import Optional

from ...messages import t
from .imported import Imported

def _count(key: str, n: int) -> str:
    return t(f"{key}.1") if n == 1 else t(f"{key}.n", n=n)


def found_line(imported: Imported) -> str:
    """"11 personen en 1 bewaarde kaart gevonden in een easyNWK-bestand." """
    personen = _count("interop.count.personen", imported.persons)
    if imported.kind == "easynwk":
        return t("interop.sheet.found.easynwk", personen=personen,
                 kaarten=_count("interop.count.kaarten", imported.snapshots))
    return t("interop.sheet.found.gedcom", personen=personen)


def left_out_lines(imported: Imported) -> list[str]:
    """What the import did not take over, as sentences (none when everything was used)."""
    lines = []
    if imported.skipped:
        parts = [_count(f"interop.skipped.{key}", n) for key, n in imported.skipped.items() if n]
        lines.append(t("interop.sheet.skipped", wat=", ".join(parts)))
    fields = sum(imported.unknown.values())
    if fields:
        lines.append(_count("interop.sheet.unknown", fields))
    return lines


def describe(imported: Imported) -> str:
    """The preview in one text (the command line prints it)."""
    return " ".join([found_line(imported), *left_out_lines(imported)])


def sniff(filename: str, data: bytes) -> Optional[str]:
    """"gedcom" or "easynwk" when the bytes look like such a file, else None (a Netwerkatlas file, or
    something we cannot read: files.read_case_file explains that). Cheap: looks at the start only,
    except for JSON, which the caller parses anyway."""
    from .gedcom import looks_like_gedcom  # noqa: PLC0415 (each format module stays separate)

    if looks_like_gedcom(data):
        return "gedcom"
    return None


def read_import(kind: str, data: bytes, *, filename: str = "") -> Imported:
    """Read a file of `kind` ("easynwk" | "gedcom"). Anything wrong raises CaseError in Dutch."""
    if kind == "easynwk":
        from .easynwk import read_easynwk  # noqa: PLC0415

        return read_easynwk(data)
    if kind == "gedcom":
        from .gedcom import read_gedcom  # noqa: PLC0415

        return read_gedcom(data)
    raise ValueError(kind)
