"""Guards the architecture: lower layers never import higher ones, and only snv.ui touches the browser.

Imports are read with `ast` (not by importing), so a violation hidden inside a function body counts too.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "py" / "snv"

# Rank of each layer; a module may import only layers of equal or lower rank.
LAYERS = {"messages": 0, "model": 1, "analysis": 2, "render": 3, "storage": 4, "cli": 5, "__main__": 5, "ui": 6}
BROWSER_MODULES = {"js", "pyodide", "pyscript"}


def layer_of(module: str) -> str | None:
    """'snv.model.case' -> 'model'; 'snv' itself has no layer."""
    parts = module.split(".")
    if parts[0] != "snv" or len(parts) < 2:
        return None
    return parts[1]


def module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path) -> list[tuple[str, int]]:
    """Absolute module names imported by a file, with line numbers (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(path, root).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:  # `from . import x` imports submodules x
                    found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names]
                    continue
                found.append((target, node.lineno))
            else:
                found.append((node.module or "", node.lineno))
    return found


def violations(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        mine = layer_of(module_name(path, root))
        for target, line in imports_of(path, root):
            top = target.split(".")[0]
            where = f"{path.relative_to(root.parent)}:{line} imports {target}"
            if top in BROWSER_MODULES and mine != "ui":
                problems.append(f"{where} (browser module outside snv.ui)")
            theirs = layer_of(target)
            if mine in LAYERS and theirs in LAYERS and LAYERS[theirs] > LAYERS[mine]:
                problems.append(f"{where} (layer {mine} may not import higher layer {theirs})")
    return problems


def test_every_package_has_a_layer():
    for child in PKG.iterdir():
        if child.name.startswith("__pycache__"):
            continue
        name = child.stem if child.suffix == ".py" else child.name
        if child.is_dir() or child.suffix == ".py":
            assert name in LAYERS or name == "__init__", f"{child.name} has no layer in LAYERS"


def test_no_upward_or_browser_imports():
    assert violations(PKG) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"model/bad.py": "from ..render import svg\n"}, "layer model may not import higher layer render"),
        ({"model/bad.py": "def f():\n    import snv.ui.app\n"}, "layer model may not import higher layer ui"),
        ({"analysis/bad.py": "from snv.storage import store\n"}, "layer analysis may not import higher layer storage"),
        ({"render/bad.py": "import js\n"}, "browser module outside snv.ui"),
        ({"storage/bad.py": "from pyodide.ffi import create_proxy\n"}, "browser module outside snv.ui"),
        ({"messages/bad.py": "from ..model import case\n"}, "layer messages may not import higher layer model"),
    ],
)
def test_guard_catches_violations(tmp_path, files, expected):
    """The guard itself must fail on a violating tree (otherwise the test above proves nothing)."""
    root = tmp_path / "snv"
    for rel, text in {"__init__.py": "", **files}.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        (target.parent / "__init__.py").touch()
        target.write_text(text, encoding="utf-8")
    found = violations(root)
    assert any(expected in v for v in found), found


def test_guard_allows_downward_and_ui_browser_imports(tmp_path):
    root = tmp_path / "snv"
    files = {
        "__init__.py": "",
        "ui/__init__.py": "def start():\n    import js\n",
        "ui/app.py": "from ..storage import store\nfrom ..model import case\n",
        "storage/__init__.py": "from ..render import x\nfrom ..analysis import y\n",
        "render/__init__.py": "from ..analysis import layout\nfrom ..messages import t\n",
    }
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assert violations(root) == []


# ----- no import cycles -----

def import_graph(root: Path) -> dict[str, set[str]]:
    """{module: modules of the package it imports}, function-level imports included (`ast.walk` sees
    them) and TYPE_CHECKING-only imports left out (they never run). `from pkg import name` counts as
    an import of pkg.name when that is a module, else of pkg."""
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        skip = _type_checking_lines(path)
        edges = set()
        for target, line in imports_of(path, root):
            if line in skip:
                continue
            while target and target not in modules:
                target = target.rpartition(".")[0]  # "snv.render.html.esc" -> "snv.render.html"
            if target and target != name:
                edges.add(target)
        graph[name] = edges
    return graph


def _type_checking_lines(path: Path) -> set[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, each reported once as the path of modules that closes it."""
    found: list[list[str]] = []
    seen: set[frozenset] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                loop = path[path.index(nxt):] + [nxt]
                if frozenset(loop) not in seen:
                    seen.add(frozenset(loop))
                    found.append(loop)
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def test_import_graph_has_no_cycles():
    """Module-level and function-level imports alike: a cycle hidden in a function is still a cycle."""
    assert cycles(import_graph(PKG)) == []


def test_cycle_finder_sees_a_cycle_through_a_function_level_import(tmp_path):
    root = tmp_path / "snv"
    files = {"__init__.py": "", "ui/__init__.py": "", "ui/a.py": "from . import b\n",
             "ui/b.py": "def f():\n    from .a import g\n", "ui/c.py": "from .a import x\n"}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    assert cycles(import_graph(root)) == [["snv.ui.a", "snv.ui.b", "snv.ui.a"]]


BROWSER_ONLY = {"snv.ui.browser", "snv.ui.bench", "snv.ui.webcrypto", "snv.ui.dom"} | {  # import js at module level
    f"snv.ui.{key}_dom" for key in ("relatiekaart", "basisposter", "gebeurteniskaart", "familiekaart", "voorbereiden",
                                    "speech")}


def test_only_the_browser_only_modules_need_a_browser():
    """Every other module (each screen's ui module too) imports under CPython, so tests can drive it."""
    import importlib

    graph = import_graph(PKG)
    for name in sorted(graph):
        if name not in BROWSER_ONLY:
            importlib.import_module(name)
    browser = {n for n, path in ((n, PKG.parent / (n.replace(".", "/") + ".py")) for n in graph)
               if path.exists() and any(t.split(".")[0] in BROWSER_MODULES and line not in _function_lines(path)
                                        for t, line in imports_of(path, PKG))}
    assert browser == BROWSER_ONLY


def _function_lines(path: Path) -> set[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {line for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)}
