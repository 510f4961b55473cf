"""What an import of another program's file found (shared by the format modules and the preview)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...model import Case


@dataclass(frozen=True)
class Imported:
    """What an import found. `case` is a complete, valid case (client = easyNWK's ego, or the chosen
    person of a family tree); `skipped` counts what was left out by catalogue key
    (interop.skipped.<key>, e.g. {"SOUR": 3}); `unknown` names fields we do not know, with their count."""
    kind: str
    case: Case
    skipped: dict[str, int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)
    #: easyNWK: German role words in the file that the role table can translate (offered, never forced)
    translations: dict[str, str] = field(default_factory=dict)
    #: GEDCOM: the file's own numbers of persons (xref without @) → person id in `case`
    xrefs: dict[str, str] = field(default_factory=dict)

    @property
    def persons(self) -> int:
        return len(self.case.personen)

    @property
    def snapshots(self) -> int:
        return len(self.case.momentopnamen)

    def with_case(self, case: Case) -> "Imported":
        return replace(self, case=case)
