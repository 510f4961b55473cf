"""Command line: check a case file, write the demo case, print figures, render a map, import a file of
easyNWK or a GEDCOM family tree, export for research (GraphML, CSV) or as GEDCOM.

All text is Dutch from the catalogue, argparse's own texts included. A bad file never shows a
traceback: expected problems (CaseError, unreadable paths) exit 1 with one Dutch sentence on stderr;
anything unexpected exits 2 with "Er ging iets mis: …".

Exit codes: 0 valid, 1 bad input, 2 usage error or unexpected failure, 3 an encrypted Netwerkatlas
file (its envelope is well-formed, but the case inside cannot be checked without the passphrase, which
the command line never asks for: it opens in the app). `validate` says so on stdout, the other
commands on stderr.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Iterator, Optional

from .messages import t
from .model import Case, CaseError
from .storage.envelope import EncryptedFile
from .storage.files import MAX_READ_BYTES, check_file_size, read_case_file, too_large_at_least
from .storage.jsonio import dumps_case
from .storage.privacy import for_export

# argparse builds its texts with gettext's `_`; these are the ones a user can meet.
_ARGPARSE = {
    "usage: ": "store.cli.ap.usage",
    "positional arguments": "store.cli.ap.positionals",
    "options": "store.cli.ap.options",
    "show this help message and exit": "store.cli.ap.help",
    "%(prog)s: error: %(message)s\n": "store.cli.ap.error",
    "the following arguments are required: %s": "store.cli.ap.required",
    "invalid choice: %(value)r (choose from %(choices)s)": "store.cli.ap.invalid_choice",
    "unrecognized arguments: %s": "store.cli.ap.unrecognized",
    "expected one argument": "store.cli.ap.expected_one",
    "argument %(argument_name)s: %(message)s": "store.cli.ap.argument",
    "ambiguous option: %(option)s could match %(matches)s": "store.cli.ap.ambiguous",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Fail(Exception):
    """An expected problem with a Dutch message: exit code 1."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _clean(text: str) -> str:
    """No terminal control characters from file content (names, unknown field names) on screen."""
    return _CONTROL.sub("?", text)


@contextlib.contextmanager
def _dutch_argparse() -> Iterator[None]:
    original = argparse._  # type: ignore[attr-defined]

    def translate(message: str) -> str:
        key = _ARGPARSE.get(message)
        return t(key) if key else original(message)

    argparse._ = translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


# ----- reading and writing -----

EXIT_ENCRYPTED = 3


def _read_case(path: str) -> Case:
    name, data = _read_bytes(path)
    return read_case_file(name, data)


def _read_bytes(path: str) -> tuple[str, bytes]:
    """(file name, content) of a path or of stdin ("-"), within the size limit of every file we read."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_READ_BYTES + 1)  # one byte more than allowed is enough to refuse it
        if len(data) > MAX_READ_BYTES:
            raise too_large_at_least(MAX_READ_BYTES)  # the real size of a stream is unknown
        return "", data
    p = Path(path)
    if p.is_dir():
        raise _Fail(t("store.cli.is_dir", path=path))
    try:
        with p.open("rb") as f:
            check_file_size(os.fstat(f.fileno()).st_size)  # the same limit and message as the app
            data = f.read(MAX_READ_BYTES + 1)
            if len(data) > MAX_READ_BYTES:  # grew while we read
                raise too_large_at_least(MAX_READ_BYTES)
    except IsADirectoryError:
        raise _Fail(t("store.cli.is_dir", path=path)) from None
    except OSError:
        raise _Fail(t("err.cli_no_file", path=path)) from None
    return p.name, data


def _write(path: Optional[str], text: str | bytes) -> None:
    if path is None or path == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            return
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        if isinstance(text, bytes):
            Path(path).write_bytes(text)
        else:
            Path(path).write_text(text, encoding="utf-8", newline="")
    except OSError:
        raise _Fail(t("store.cli.cannot_write", path=path)) from None
    print(t("store.cli.written", path=path))


# ----- commands -----

def summary(case: Case) -> str:
    """One line about a valid case, e.g. "Geldig dossier van Sam: 27 personen, 2 momentopnamen, …"."""
    def count(key: str, n: int) -> str:
        return t(f"store.cli.{key}.1") if n == 1 else t(f"store.cli.{key}.n", n=n)

    plan = case.huidig_plan
    return t("store.cli.valid", naam=" ".join(case.klant.naam.split()) or "?",
             personen=count("personen", len(case.personen)),
             momentopnamen=count("momentopnamen", len(case.momentopnamen)),
             plan=t("store.cli.plan", versie=plan.versie) if plan else t("store.cli.geen_plan"))


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        case = _read_case(args.file)
    except EncryptedFile as exc:
        print(_clean(t("store.crypt.cli_encrypted", naam=exc.envelope.naam)))
        return EXIT_ENCRYPTED
    print(_clean(summary(case)))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .model.demo import demo_case  # noqa: PLC0415 (lazy: only this command needs the demo)
    _write(args.output, dumps_case(demo_case()))
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    case = _read_case(args.file)
    from .analysis.figures import compute_figures  # noqa: PLC0415 (lazy: the analysis layer is optional for the CLI)
    _write(None, json.dumps(compute_figures(case), ensure_ascii=False, indent=2))
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    case = _read_case(args.file)
    from .render import instruments  # noqa: PLC0415 (lazy, like figures)
    # render is pure: privacy choices are applied first, so the drawing and the embedded case match
    case = for_export(case, notes=args.met_notities, pseudonymise=args.zonder_namen)
    _write(args.output, instruments.export_svg(args.kaart, case))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """easyNWK or GEDCOM → a case file; what was found and left out goes to stderr when the case
    itself goes to stdout."""
    from .storage import interop  # noqa: PLC0415 (lazy, like figures)
    from .storage.interop import easynwk, gedcom  # noqa: PLC0415

    name, data = _read_bytes(args.file)
    if args.kind == "gedcom":
        if not gedcom.looks_like_gedcom(data):
            raise _Fail(t("store.cli.not_this_kind", kind=args.kind))
        imported = interop.read_import("gedcom", data, filename=name)
        if args.klant:
            imported = imported.with_case(gedcom.with_client(imported.case, _klant(imported, args.klant)))
    else:
        from .storage.files import MAX_JSON_BYTES  # noqa: PLC0415
        from .storage.jsonio import loads_json  # noqa: PLC0415

        if not data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
            raise _Fail(t("store.cli.not_this_kind", kind=args.kind))  # not JSON at all
        decoded = loads_json(data, limit=MAX_JSON_BYTES)
        if not easynwk.looks_like_easynwk(decoded):
            raise _Fail(t("store.cli.not_this_kind", kind=args.kind))
        imported = easynwk.from_data(decoded)
        if args.rollen_vertalen:
            imported = imported.with_case(easynwk.translate_roles(imported.case))
    _write(args.output, dumps_case(imported.case))
    print(_clean(interop.describe(imported)), file=sys.stdout if args.output not in (None, "-") else sys.stderr)
    return 0


def _klant(imported, wanted: str) -> str:
    """The id of the person named by --klant: a GEDCOM number (I12, @I12@) or a name."""
    ids = {p.id for p in imported.case.personen}
    xref = wanted.strip().strip("@")
    pid = imported.xrefs.get(xref)
    if pid in ids:
        return pid
    key = " ".join(wanted.split()).casefold()
    for p in imported.case.personen:
        if " ".join(p.naam.split()).casefold() == key:
            return p.id
    raise _Fail(t("store.cli.klant_unknown", klant=wanted))


def cmd_export(args: argparse.Namespace) -> int:
    case = _read_case(args.file)
    from .storage.interop import research  # noqa: PLC0415 (lazy, like figures)

    if args.kind == "gedcom":
        from .storage.interop.gedcom import export_gedcom  # noqa: PLC0415

        _write(args.output, export_gedcom(for_export(case, pseudonymise=args.zonder_namen)))
    elif args.kind == "graphml":
        _write(args.output, research.export_graphml(case, names=args.met_namen))
    else:
        if args.output in (None, "-"):
            raise _Fail(t("store.cli.csv_needs_output"))
        out = Path(args.output)
        if out.is_dir():  # separate files in a folder: what some tools read most easily
            for filename, text in research.csv_tables(case, names=args.met_namen).items():
                _write(str(out / filename), text)
        else:
            _write(args.output, research.export_csv_zip(case, names=args.met_namen))
    return 0


def build_parser(prog: Optional[str] = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog or "snv", description=t("store.cli.description"),
                                     epilog=t("store.cli.epilog"))
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", title=t("store.cli.commands"),
                                required=True)

    p = sub.add_parser("validate", help=t("store.cli.help.validate"), description=t("store.cli.help.validate"))
    p.add_argument("file", metavar="BESTAND", help=t("store.cli.help.file"))
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("demo", help=t("store.cli.help.demo"), description=t("store.cli.help.demo"))
    p.add_argument("-o", "--output", metavar="BESTAND", help=t("store.cli.help.out_demo"))
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("figures", help=t("store.cli.help.figures"), description=t("store.cli.help.figures"))
    p.add_argument("file", metavar="BESTAND", help=t("store.cli.help.file"))
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("render", help=t("store.cli.help.render"), description=t("store.cli.help.render"))
    from .render.instruments import keys  # noqa: PLC0415 (a light module: it imports the drawings lazily)
    p.add_argument("kaart", choices=keys(), help=t("store.cli.help.kaart"))
    p.add_argument("file", metavar="BESTAND", help=t("store.cli.help.file"))
    p.add_argument("-o", "--output", metavar="BESTAND", help=t("store.cli.help.out_svg"))
    p.add_argument("--zonder-namen", action="store_true", help=t("store.cli.help.zonder_namen"))
    p.add_argument("--met-notities", action="store_true", help=t("store.cli.help.met_notities"))
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("import", help=t("store.cli.help.import"), description=t("store.cli.help.import"))
    p.add_argument("kind", choices=("easynwk", "gedcom"), help=t("store.cli.help.import_kind"))
    p.add_argument("file", metavar="BESTAND", help=t("store.cli.help.import_file"))
    p.add_argument("-o", "--output", metavar="BESTAND", help=t("store.cli.help.out_case"))
    p.add_argument("--klant", metavar="WIE", help=t("store.cli.help.klant"))
    p.add_argument("--rollen-vertalen", action="store_true", help=t("store.cli.help.vertalen"))
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help=t("store.cli.help.export"), description=t("store.cli.help.export"))
    p.add_argument("kind", choices=("graphml", "csv", "gedcom"), help=t("store.cli.help.export_kind"))
    p.add_argument("file", metavar="BESTAND", help=t("store.cli.help.file"))
    p.add_argument("-o", "--output", metavar="BESTAND", help=t("store.cli.help.out_export"))
    p.add_argument("--met-namen", action="store_true", help=t("store.cli.help.met_namen"))
    p.add_argument("--zonder-namen", action="store_true", help=t("store.cli.help.zonder_namen"))
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: Optional[list[str]] = None, prog: Optional[str] = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 bad input, 2 usage error or unexpected failure,
    3 an encrypted file that opens only in the app)."""
    try:
        with _dutch_argparse():
            try:
                args = build_parser(prog).parse_args(argv)
            except SystemExit as exc:  # --help (0) or a usage error (2): argparse already printed
                return exc.code if isinstance(exc.code, int) else 2
        return args.func(args)
    except EncryptedFile as exc:
        print(_clean(t("store.crypt.cli_encrypted", naam=exc.envelope.naam)), file=sys.stderr)
        return EXIT_ENCRYPTED
    except CaseError as exc:
        print(_clean(exc.message), file=sys.stderr)
    except _Fail as exc:
        print(_clean(exc.message), file=sys.stderr)
    except OSError as exc:
        print(_clean(t("store.cli.crash", error=exc.strerror or exc)), file=sys.stderr)
    except Exception as exc:  # noqa: BLE001 - last resort: never a traceback for a person
        print(_clean(t("store.cli.crash", error=f"{type(exc).__name__}: {exc}")), file=sys.stderr)
        return 2
    return 1
