"""No user-facing word is written in ui/ or render/ outside the catalogue: every string literal there
(f-string pieces too) is scanned for words in HTML/SVG text and in the attributes people read
(aria-label, title, placeholder, alt, aria-description, aria-roledescription, value of a button).
Technical strings that only look like words are allowed explicitly in ALLOWED."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "py" / "snv"
DIRS = ("ui", "render")
# a word of three letters or more between tags: >Sluiten<, > Opslaan <, >Kaart van {x}<
TEXT = re.compile(r">\s*([^<>{}]*?[A-Za-zÀ-ÿ]{3,}[^<>{}]*?)\s*<")
# a readable attribute with letters in its literal value
ATTR = re.compile(r'\b(aria-label|aria-description|aria-roledescription|title|placeholder|alt)="([^"{]*[A-Za-zÀ-ÿ]{3,}[^"{]*)"')
# strings that are not words for people (a font name in <text>, CSS in <style>, …)
ALLOWED = {
    "Netwerkatlas",  # the app's name, the same in every language
}
SKIP_BLOCKS = re.compile(r"<style[^>]*>.*?</style>|<script[^>]*>.*?</script>|<!--.*?-->|<metadata[^>]*>.*?</metadata>", re.S)


def _literals(tree: ast.AST):
    """(line, text) of every str constant, with f-strings joined (placeholders become {})."""
    inside_fstring: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for v in node.values:
                if isinstance(v, ast.Constant) and isinstance(v.value, str):
                    parts.append(v.value)
                    inside_fstring.add(id(v))
                else:
                    parts.append("{}")
            yield node.lineno, "".join(parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside_fstring:
            yield node.lineno, node.value


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


# helpers whose label arguments people read: a literal there must come from t()
LABEL_CALLS = {"button", "checkbox", "text_field", "textarea", "segmented", "sheet", "notice", "alert", "confirm",
               "plural_text", "Toast"}
LABEL_KWARGS = {"label", "aria_label", "hint", "title", "legend", "error", "placeholder", "yes_label", "text"}
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")


def _label_literals(tree: ast.AST):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name not in LABEL_CALLS:
            continue
        args = [a for a in node.args[:1]] + [k.value for k in node.keywords if k.arg in LABEL_KWARGS]
        if name in ("sheet", "confirm"):  # (kind, title, …) and (title, text, yes, …)
            args = list(node.args[1:3] if name == "sheet" else node.args[:3]) + args[1:]
        for a in args:
            if isinstance(a, ast.Constant) and isinstance(a.value, str) and WORD.search(a.value):
                yield node.lineno, a.value


def loose_texts() -> list[str]:
    found = []
    for d in DIRS:
        for path in sorted((ROOT / d).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docs = _docstrings(tree)
            doc_lines = {n.lineno for n in ast.walk(tree) if id(n) in docs}
            for line, text in _literals(tree):
                if line in doc_lines or ("<" not in text and "=" not in text):
                    continue
                text = SKIP_BLOCKS.sub("", text)
                hits = [m.group(1).strip() for m in TEXT.finditer(text)]
                hits += [m.group(2).strip() for m in ATTR.finditer(text)]
                for hit in hits:
                    if hit not in ALLOWED:
                        found.append(f"{path.relative_to(ROOT)}:{line}: {hit!r}")
            for line, text in _label_literals(tree):
                if text not in ALLOWED:
                    found.append(f"{path.relative_to(ROOT)}:{line}: {text!r}")
    return found


def test_no_user_facing_text_outside_the_catalogue():
    assert loose_texts() == []


def test_the_scan_finds_a_written_word(tmp_path, monkeypatch):
    """The scanner itself: a Dutch word in HTML text or in an aria-label is found."""
    pkg = tmp_path / "snv"
    (pkg / "ui").mkdir(parents=True)
    (pkg / "render").mkdir()
    (pkg / "ui" / "x.py").write_text(
        "def f(n):\n    return f'<p>Sluiten</p><b aria-label=\"Kaart openen\">{n}</b>' + button('Weghalen', 'x.y')\n", encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, pkg
    try:
        found = loose_texts()
    finally:
        ROOT = saved
    assert any("Sluiten" in f for f in found) and any("Kaart openen" in f for f in found)
    assert any("Weghalen" in f for f in found)
