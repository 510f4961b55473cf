"""The sheets the frame can show (UX.md §2-4): one typed value each; `App.sheet` holds one or None.

A sheet's `kind` is what the frame writes into data-sheet="…" (the CSS lays the page out around it).
view.sheet_html turns each kind into HTML with the render layer; handlers change the fields.
To add a sheet: a dataclass here, one branch in view.sheet_html, open it with app.open_sheet(TheSheet()).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Optional


@dataclass(kw_only=True)
class Sheet:
    kind: ClassVar[str] = ""
    return_to: Optional[str] = None  # selector of what opened it: closing puts the focus back there


@dataclass(kw_only=True)
class PersonSheet(Sheet):
    """The shared person sheet. pid None: someone new, created only once a name is typed."""
    kind: ClassVar[str] = "person"
    pid: Optional[str] = None
    prefill: dict[str, Any] = field(default_factory=dict)  # choices made before the name exists
    errors: dict[str, str] = field(default_factory=dict)  # field -> Dutch message under it


@dataclass(kw_only=True)
class MenuSheet(Sheet):
    kind: ClassVar[str] = "menu"


@dataclass(kw_only=True)
class AccessibilitySheet(Sheet):
    """*Toegankelijkheid*: the accessibility statement (render/about.py), from the menu and Start."""
    kind: ClassVar[str] = "access"


@dataclass(kw_only=True)
class VersionsSheet(Sheet):
    """*Eerdere versies*: kept-aside copies and recent autosaves (the list itself is app.versions)."""
    kind: ClassVar[str] = "versions"


@dataclass(kw_only=True)
class FileSheet(Sheet):
    """A sheet that writes a file; `error` is a Dutch message under the passphrase fields."""
    error: str = ""


@dataclass(kw_only=True)
class SaveSheet(FileSheet):
    """*Opslaan als bestand*: the dossier as JSON, with the privacy choices of FileOptions."""
    kind: ClassVar[str] = "save"


@dataclass(kw_only=True)
class ExportSheet(FileSheet):
    """*Exporteren*: JSON, every registered export, print; same FileOptions as SaveSheet."""
    kind: ClassVar[str] = "export"


@dataclass(kw_only=True)
class PassphraseSheet(Sheet):
    """*Wachtwoord nodig*: an encrypted file was chosen. The passphrase itself is never kept here."""
    kind: ClassVar[str] = "passphrase"
    envelope: Any  # storage.envelope.Envelope of the chosen file
    error: str = ""
    busy: bool = False  # decrypting: the button waits


@dataclass(kw_only=True)
class ConfirmSheet(Sheet):
    """"Marieke verwijderen?" with *Nee, houden* / *Ja, …* (never window.confirm).

    `on_yes` is a callable, not an action name: what "Ja" does is decided where the question is asked
    (remove this person, wipe the device, open the file picker) and closes over values of that moment.
    Naming each as an action would only move the same closures into a lookup table. The sheet lives in
    memory only (never saved), so holding a function is harmless.
    """
    kind: ClassVar[str] = "confirm"
    title: str
    text: str
    yes: str  # label of the yes button, naming the effect
    on_yes: Callable[[], Any]
    offer_save: bool = False  # offer *Opslaan als bestand* first
    back: Optional[PersonSheet] = None  # *Nee, houden* from the person sheet returns to it


@dataclass(kw_only=True)
class ImportSheet(Sheet):
    """The preview of a file of another program (easyNWK, GEDCOM): nothing changes until the user
    confirms a new case or adding to this one (ui/interop.py). `imported` is storage.interop.Imported
    as read; the choices below are applied to it when the sheet is shown and when it is confirmed."""
    kind: ClassVar[str] = "import"
    imported: Any
    mode: str = "new"  # "new": a new case · "add": add to the current case (merge)
    translate: bool = False  # easyNWK: German roles in Dutch
    klant: Optional[str] = None  # GEDCOM: the person (id in imported.case) who is the client
    leave_out: set = field(default_factory=set)  # ids of imported persons not to add
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # derived case and rows


@dataclass
class FileOptions:
    """Privacy choices of the save and export sheets; kept for the session (app.view_state)."""
    notes: bool = False  # *Notities van de begeleider meenemen*
    pseudonymise: bool = False  # *Zonder namen*
    research_names: bool = False  # *Namen in bestanden voor onderzoek* (GraphML, CSV): off = rol + nummer
