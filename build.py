#!/usr/bin/env python3
"""Build, serve and test Netwerkatlas (standard library only, Python 3.11+).

    python3 build.py            build dist/ (same as `build`)
    python3 build.py build      build dist/ (skipped when nothing changed; --force rebuilds)
    python3 build.py serve      build if stale, then serve dist/ on 127.0.0.1 (--port N)
    python3 build.py test       install/repair test dependencies, lint (ruff), type-check (mypy), build,
                                run the whole test suite
    python3 build.py bench      build if stale, time the app in headless Chromium, print the figures

Everything the browser needs is fetched once with the ordinary package clients (`npm pack`,
`pip download`) into .cache/, checked against the sha256 values pinned below and copied into
dist/. After the first build nothing is downloaded again, and the built site never contacts
another host.

Adding a command: write `def cmd_x(args) -> int`, and register it with
`COMMANDS["x"] = Command(cmd_x, "help text", arguments=[...])` (see the bottom of this file).
"""

from __future__ import annotations

import argparse
import ast
import base64
import contextlib
import dataclasses
import email.utils
import functools
import gzip
import hashlib
import http.server
import importlib.metadata
import importlib.util
import inspect
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import tomllib
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
SITE = ROOT / "site"
PY = ROOT / "py"
DIST = ROOT / "dist"
CACHE = ROOT / ".cache"
STAMP_FILE = "build.json"  # inside dist/

# --------------------------------------------------------------------------------------------
# Pinned inputs. Change a version only together with its sha256 (run a build: the error shows
# the new value). Nothing else is ever fetched.
# --------------------------------------------------------------------------------------------

NPM_PACKAGES: dict[str, dict[str, Any]] = {
    "pyodide": {
        "version": "314.0.7",
        "file": "pyodide-314.0.7.tgz",
        "sha256": "66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0",
    },
    "@pyscript/core": {
        "version": "0.7.31",
        "file": "pyscript-core-0.7.31.tgz",
        "sha256": "b2ca1a0c0956aebd990a7c8524cca1eb061444a8319a7264d2f31ef30bea276a",
    },
}

# Test-only npm packages: fetched into .cache/ by the tests that need them (same pin-and-hash rule),
# never copied into dist/ and never loaded by the app. axe-core is injected by Playwright in
# tests/e2e/test_a11y.py.
TEST_NPM_PACKAGES: dict[str, dict[str, Any]] = {
    "axe-core": {
        "version": "4.14.1",
        "file": "axe-core-4.14.1.tgz",
        "sha256": "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745",
    },
}

# Keys are canonical project names (PEP 503); `imports` and `depends` go into our pyodide-lock.json.
WHEELS: dict[str, dict[str, Any]] = {
    "pydantic": {
        "version": "2.14.4",
        "file": "pydantic-2.14.4-py3-none-any.whl",
        "sha256": "653a2ad9f6d8858529c77c72717d0ea991d6c6837fe683246b2f4b2bbfc3fadc",
        "imports": ["pydantic"],
        "depends": ["typing-extensions", "pydantic-core", "annotated-types", "typing-inspection"],
    },
    "pydantic-core": {
        "version": "2.50.5",
        "file": "pydantic_core-2.50.5-cp314-cp314-pyemscripten_2026_0_wasm32.whl",
        "sha256": "b2910ec0fa5aeb9bef70156f2b79f4783978fdcfaa7b2f1b5d1814458d2e79a1",
        "imports": ["pydantic_core"],
        "depends": ["typing-extensions"],
        "compiled": True,  # must match Pyodide's ABI
    },
    "annotated-types": {
        "version": "0.8.0",
        "file": "annotated_types-0.8.0-py3-none-any.whl",
        "sha256": "f072f4d804ea359e4eaf198b1af7a8b0943881a87f31bb764f8bf219bb9419e0",
        "imports": ["annotated_types"],
        "depends": [],
    },
    "typing-extensions": {
        "version": "4.16.0",
        "file": "typing_extensions-4.16.0-py3-none-any.whl",
        "sha256": "481caa481374e813c1b176ada14e97f1f67a4539ce9cfeb3f350d78d6370c2e8",
        "imports": ["typing_extensions"],
        "depends": [],
    },
    "typing-inspection": {
        "version": "0.4.5",
        "file": "typing_inspection-0.4.5-py3-none-any.whl",
        "sha256": "bc210535442b39e1bf2805e0c7a17dfd6a4ace760c84c7f7d16245d23a6b1c39",
        "imports": ["typing_inspection"],
        "depends": [],
    },
    "networkx": {
        "version": "3.6.1",
        "file": "networkx-3.6.1-py3-none-any.whl",
        "sha256": "d47fbf302e7d9cbbb9e2555a0d267983d2aa476bac30e90dfbe5669bd57f3762",
        "imports": ["networkx"],
        "depends": [],  # Pyodide's own entry lists numpy/matplotlib; we use none of them
    },
    "defusedxml": {  # SVG import: refuses DTDs and entities outright (pure Python)
        "version": "0.7.1",
        "file": "defusedxml-0.7.1-py2.py3-none-any.whl",
        "sha256": "a352e7e428770286cc899e2542b6cdaedb2b4953ff269a210103ec58f6198a61",
        "imports": ["defusedxml"],
        "depends": [],
    },
}

PYTHON_TAG = "3.14"  # CPython inside Pyodide 314.x
PYODIDE_RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]

# Where Python finds each part inside Pyodide (for the file names in compiled code, i.e. in tracebacks).
STDLIB_IN_BROWSER = "/lib/python314.zip"
SITE_PACKAGES_IN_BROWSER = "/lib/python3.14/site-packages"
HOME_IN_BROWSER = "/home/pyodide"  # PyScript unpacks snv.zip here (index.html "files")

# PyScript's dist/ holds chunks the app never loads (a cold start lists what it loads: see
# tests/bench/bench_start.py --requests): source maps, the editor (codemirror), the terminal (xterm),
# TOML config, MicroPython, PyScript's own service worker and storage. They are left out of dist/.
PYSCRIPT_UNUSED = re.compile(r"(\.map$|^codemirror|^xterm|^toml|^zip-|^mpy-|^service-worker\.js$|^storage\.js$|^core\.css$)")
# PyScript loads every plugin in its table (core-*.js: name -> chunk) before it starts Python, unless the
# config turns it off with "!name". The app needs only "error" (it puts a Python error in the page as
# <div class="py-error">, which boot.js takes over), so index.html turns the others off, for both script
# types PyScript knows: py (the main script's config) and mpy (a hidden <mpy-config>; a type without a
# config loads them all). Measured: Pyodide was asked for 50 ms sooner, 5 requests fewer. The build checks
# both configs against the table and leaves out the chunks of the plugins turned off and whatever only
# they import.
PYSCRIPT_PLUGIN_KEPT = {"error"}
# Directories of the wheels that nothing imports at run time (networkx ships 3 MB of tests).
WHEEL_UNUSED_DIRS = {"tests"}
# Parts of Python's standard library an app in a browser tab never uses: developer tools, processes,
# servers, mail and terminal programs (2 MB of source). Left out of python_stdlib.zip; the build fails
# if the app's traced imports need one of them (see trace_imports).
STDLIB_UNUSED = ("_pyrepl/", "pydoc.py", "pydoc_data/", "pdb.py", "bdb.py", "doctest.py", "unittest/", "idlelib/",
                 "tkinter/", "turtle.py", "turtledemo/", "ensurepip/", "venv/", "lib2to3/", "multiprocessing/",
                 "xmlrpc/", "http/server.py", "wsgiref/", "smtplib.py", "imaplib.py", "poplib.py", "ftplib.py",
                 "mailbox.py", "curses/", "dbm/", "profile.py", "cProfile.py", "pstats.py", "trace.py",
                 "tabnanny.py", "pickletools.py", "zipapp.py", "webbrowser.py", "timeit.py", "sqlite3/", "pyclbr.py",
                 "__phello__/", "__hello__.py", "antigravity.py", "this.py", "compileall.py", "test/")
# Text encodings: the app reads files as UTF-8/16/32 and old family trees as ANSI (cp1252), IBM PC
# (cp437) or Macintosh (mac_roman) (storage/interop/gedcom.py, storage/files.py); zipfile needs cp437.
# The other 90 code-page and East Asian tables (1.2 MB of source) are left out of python_stdlib.zip.
ENCODINGS_KEPT = frozenset({
    "__init__", "aliases", "_win_cp_codecs", "mbcs", "oem", "charmap", "undefined", "ascii", "latin_1",
    "utf_7", "utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
    "unicode_escape", "raw_unicode_escape", "idna", "punycode", "base64_codec", "hex_codec", "zlib_codec",
    "bz2_codec", "quopri_codec", "uu_codec", "rot_13", "cp1252", "cp437", "mac_roman"})


def stdlib_unused(name: str) -> bool:
    """A member of python_stdlib.zip the build leaves out (STDLIB_UNUSED, encodings not in ENCODINGS_KEPT)."""
    if name.startswith(STDLIB_UNUSED):
        return True
    folder, _, file = name.partition("/")
    return folder == "encodings" and file.endswith(".py") and file[:-3] not in ENCODINGS_KEPT

# Debian's Chromium: the e2e tests (tests/e2e/conftest.py) and the benchmarks (tests/bench/) launch this
# one, and `test` installs it with apt-get when it is missing.
CHROMIUM = Path("/usr/bin/chromium")


def runtime_pins() -> dict[str, str]:
    """{distribution: version} of every wheel the build ships. The CPython tests install and check
    exactly these (install_test_requirements, tests/conftest.py), so they test what the app runs."""
    return {name: pin["version"] for name, pin in WHEELS.items()}


MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".map": "application/json",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".py": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
}


class BuildError(Exception):
    """A build step failed; the message says what to do."""


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


# --------------------------------------------------------------------------------------------
# Fetching and verifying
# --------------------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(path: Path, expected: str, what: str) -> None:
    actual = sha256_of(path)
    if actual != expected:
        raise BuildError(
            f"sha256 mismatch for {what} ({path.name}):\n"
            f"    expected {expected}\n"
            f"    got      {actual}\n"
            f"The file is not the one that was pinned. If you changed the version on purpose, put the "
            f"new sha256 in build.py. Otherwise delete {path.parent} and build again."
        )


def run(cmd: list[str], cwd: Path | None = None) -> None:
    log("$ " + " ".join(cmd))
    try:
        result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BuildError(f"'{cmd[0]}' was not found; install it and build again.") from exc
    if result.returncode != 0:
        raise BuildError(
            f"command failed (exit {result.returncode}): {' '.join(cmd)}\n{result.stdout}{result.stderr}"
        )


def _fetch_into_cache(key: str, filename: str, expected: str, download: Callable[[Path], None]) -> Path:
    """Return .cache/<key>/<filename>, downloading it (into a temporary folder first) if missing."""
    target_dir = CACHE / key
    target = target_dir / filename
    if target.exists():
        verify(target, expected, key)
        return target
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="download-") as tmp:
        tmp_dir = Path(tmp)
        download(tmp_dir)
        got = tmp_dir / filename
        if not got.exists():
            found = ", ".join(p.name for p in tmp_dir.iterdir()) or "nothing"
            raise BuildError(f"expected {filename} after downloading {key}, found {found}")
        verify(got, expected, key)
        target_dir.mkdir(parents=True, exist_ok=True)
        os.replace(got, target)
    return target


def fetch_npm(name: str) -> Path:
    pin = NPM_PACKAGES[name] if name in NPM_PACKAGES else TEST_NPM_PACKAGES[name]
    key = "npm/" + name.replace("@", "").replace("/", "-") + "-" + pin["version"]

    def download(tmp: Path) -> None:
        npm = shutil.which("npm")
        if npm is None:
            raise BuildError("npm was not found; install Node.js (with npm) to fetch the runtime once.")
        run([npm, "pack", f"{name}@{pin['version']}", "--pack-destination", str(tmp), "--silent"])

    return _fetch_into_cache(key, pin["file"], pin["sha256"], download)


def fetch_wheel(name: str, abi: str) -> Path:
    pin = WHEELS[name]
    key = f"wheels/{name}-{pin['version']}"

    def download(tmp: Path) -> None:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
        cmd += ["--python-version", PYTHON_TAG, "--dest", str(tmp)]
        if pin.get("compiled"):
            cp = "cp" + PYTHON_TAG.replace(".", "")
            cmd += ["--platform", f"pyemscripten_{abi}_wasm32", "--implementation", "cp", "--abi", cp]
        cmd.append(f"{name}=={pin['version']}")
        run(cmd)

    return _fetch_into_cache(key, pin["file"], pin["sha256"], download)


def read_test_asset(name: str, member: str) -> str:
    """The text of one file of a test-only npm package (TEST_NPM_PACKAGES), read straight from its
    tarball in .cache/ (fetched and sha256-checked first, so what runs is what was pinned). Never
    part of dist/."""
    tgz = fetch_npm(name)
    with tarfile.open(tgz) as archive:
        data = archive.extractfile(f"package/{member}")
        if data is None:
            raise BuildError(f"{tgz.name} has no package/{member}")
        return data.read().decode("utf-8")


# --------------------------------------------------------------------------------------------
# Checks on what was fetched
# --------------------------------------------------------------------------------------------


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_metadata(path: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1]
        if not names:
            raise BuildError(f"{path.name} has no METADATA")
        text = archive.read(names[0]).decode("utf-8")
    header = text.split("\n\n", 1)[0]
    fields = []
    for line in header.splitlines():
        if ":" in line and not line.startswith((" ", "\t")):
            key, value = line.split(":", 1)
            fields.append((key.strip(), value.strip()))
    return fields


def check_wheel(name: str, path: Path) -> None:
    pin = WHEELS[name]
    fields = wheel_metadata(path)
    meta = dict(fields)
    if canonical(meta.get("Name", "")) != name or meta.get("Version") != pin["version"]:
        raise BuildError(f"{path.name}: METADATA says {meta.get('Name')} {meta.get('Version')}")
    with zipfile.ZipFile(path) as archive:
        tops = {n.split("/", 1)[0] for n in archive.namelist()}
    for module in pin["imports"]:
        if module not in tops and f"{module}.py" not in tops:
            raise BuildError(f"{path.name} does not contain the import '{module}'")
    if name == "pydantic":
        wanted = f"pydantic-core=={WHEELS['pydantic-core']['version']}"
        requires = [v.split(";")[0].replace(" ", "") for k, v in fields if k == "Requires-Dist"]
        core = [r for r in requires if canonical(re.split(r"[<>=!~ ]", r, maxsplit=1)[0]) == "pydantic-core"]
        if [canonical(r.split("==")[0]) + "==" + r.split("==")[-1] for r in core] != [wanted]:
            raise BuildError(
                f"pydantic {pin['version']} requires {core or 'no pydantic-core'}, but build.py pins "
                f"{wanted}. Pin the pydantic-core version that this pydantic asks for."
            )


def check_abi(pyodide_info: dict) -> str:
    abi = pyodide_info.get("abi_version")
    if not abi:
        raise BuildError("Pyodide's pyodide-lock.json has no info.abi_version")
    platform = f"pyemscripten_{abi}_wasm32"
    core_file = WHEELS["pydantic-core"]["file"]
    if not core_file.endswith(f"-{platform}.whl"):
        raise BuildError(
            f"Pyodide {NPM_PACKAGES['pyodide']['version']} has ABI {abi} (platform {platform}), but the "
            f"pinned pydantic-core wheel is {core_file}. Pin a pydantic-core wheel built for {platform}."
        )
    python = str(pyodide_info.get("python", ""))
    if not python.startswith(PYTHON_TAG + "."):
        raise BuildError(f"Pyodide runs Python {python}, build.py expects {PYTHON_TAG}")
    return abi


# --------------------------------------------------------------------------------------------
# Stamp: a hash of every input, so `serve` and the tests rebuild only when something changed
# --------------------------------------------------------------------------------------------


def _input_files() -> Iterator[Path]:
    yield Path(__file__).resolve()
    yield NODE_HELPER
    for base in (SITE, PY):
        for path in sorted(base.rglob("*")):
            rel_parts = path.relative_to(base).parts
            if any(p == "__pycache__" or p.endswith(".egg-info") or p.startswith(".") for p in rel_parts):
                continue
            if path.is_file() and path.suffix not in {".pyc", ".pyo"}:
                yield path


def input_stamp() -> str:
    digest = hashlib.sha256()
    for path in _input_files():
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def is_fresh() -> bool:
    try:
        stamp = json.loads((DIST / STAMP_FILE).read_text("utf-8"))["stamp"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return stamp == input_stamp()


# --------------------------------------------------------------------------------------------
# Writing dist/
# --------------------------------------------------------------------------------------------


def _extract(tgz: Path, dest: Path) -> Path:
    with tarfile.open(tgz) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4+
            archive.extractall(dest, filter="data")
        else:
            archive.extractall(dest)  # noqa: S202 (pinned, sha256-checked archive)
    return dest / "package"


def package_sources(source: Path) -> list[PySource]:
    """py/snv as it lands in the browser (PyScript unpacks snv.zip into the home folder)."""
    files = sorted(p for p in source.rglob("*.py") if "__pycache__" not in p.relative_to(source).parts)
    return [PySource(p.read_bytes(), f"{HOME_IN_BROWSER}/{p.relative_to(source.parent).as_posix()}", strip=True) for p in files]


def _zip_package(sources: list[PySource], compiled: dict[str, bytes], target: Path) -> int:
    """Zip py/snv as snv/... reproducibly (fixed dates, sorted), as bytecode where it compiled (like the
    stdlib and the wheels; a traceback still names the file and line)."""
    members = [(s.dfile[len(HOME_IN_BROWSER) + 1:], s.data) for s in sources]
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in _sourceless(members, compiled, HOME_IN_BROWSER):
            archive.writestr(_zip_info(name), data)
    return len(sources)


def _lock_entry(name: str, path: Path) -> dict:
    pin = WHEELS[name]
    return {
        "name": name,
        "version": pin["version"],
        "file_name": path.name,
        "install_dir": "site",
        "sha256": sha256_of(path),
        "package_type": "package",
        "imports": list(pin["imports"]),
        "depends": list(pin["depends"]),
        "unvendored_tests": False,
    }


def build(force: bool = False) -> Path:
    """Build dist/ unless it is already up to date. Returns the dist path."""
    stamp = input_stamp()
    if not force and is_fresh():
        log(f"dist/ is up to date ({stamp[:12]})")
        return DIST
    started = time.monotonic()
    if not (SITE / "index.html").exists():
        raise BuildError("site/index.html is missing")
    if not (PY / "snv" / "__init__.py").exists():
        raise BuildError("py/snv/__init__.py is missing")

    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="build-") as tmp:
        tmp_dir = Path(tmp)
        out = tmp_dir / "dist"
        out.mkdir()

        # Pyodide runtime and its lock (for info/ABI only; its package list is not shipped)
        pyodide_pkg = _extract(fetch_npm("pyodide"), tmp_dir / "pyodide")
        upstream_lock = json.loads((pyodide_pkg / "pyodide-lock.json").read_text("utf-8"))
        info = upstream_lock["info"]
        abi = check_abi(info)

        # Wheels
        wheel_paths = {}
        for name in WHEELS:
            path = fetch_wheel(name, abi)
            check_wheel(name, path)
            wheel_paths[name] = path

        # PyScript: only the chunks the app loads
        pyscript_pkg = _extract(fetch_npm("@pyscript/core"), tmp_dir / "pyscript")
        shutil.copytree(pyscript_pkg / "dist", out / "pyscript",
                        ignore=lambda _dir, names: [n for n in names if PYSCRIPT_UNUSED.search(n)])
        drop_pyscript_plugins(out / "pyscript", (SITE / "index.html").read_text("utf-8"))

        # Bytecode of what Python imports in the browser (see compile_python and trace_imports)
        stdlib = pyodide_pkg / "python_stdlib.zip"
        ours = package_sources(PY / "snv")
        theirs = stdlib_sources(stdlib) + [s for path in wheel_paths.values() for s in wheel_sources(path)]
        traced = trace_imports(pyodide_pkg, wheel_paths, app_imports(PY / "snv"))
        check_trimmed(traced)
        compiled = compile_python(ours + [s for s in theirs if traced is None or s.dfile in traced], pyodide_pkg)

        # Runtime files + our lock + wheels
        (out / "pyodide").mkdir()
        for filename in PYODIDE_RUNTIME_FILES:
            if filename == stdlib.name:
                write_compiled_stdlib(stdlib, out / "pyodide" / filename, compiled)
            else:
                shutil.copy2(pyodide_pkg / filename, out / "pyodide" / filename)
        packages = {}
        for name, path in wheel_paths.items():
            write_compiled_wheel(path, out / "pyodide" / path.name, compiled)
            packages[name] = _lock_entry(name, out / "pyodide" / path.name)
        lock = {"info": info, "packages": packages}
        (out / "pyodide" / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")

        # Our site and our package
        shutil.copytree(SITE, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        count = _zip_package(ours, compiled, out / "snv.zip")

        # Installable and offline
        write_icons(out)
        write_manifest(out)
        write_service_worker(out, stamp)

        versions = {"pyodide": NPM_PACKAGES["pyodide"]["version"], "pyscript": NPM_PACKAGES["@pyscript/core"]["version"]}
        versions.update({name: pin["version"] for name, pin in WHEELS.items()})
        (out / STAMP_FILE).write_text(json.dumps({"stamp": stamp, "versions": versions}, indent=1) + "\n")
        before, after_gz, after_br = compress_dist(out)

        # Swap in atomically enough: a server on dist/ sees either the old or the new tree.
        old = tmp_dir / "old"
        if DIST.exists():
            os.replace(DIST, old)
        os.replace(out, DIST)
    log(f"built dist/ in {time.monotonic() - started:.1f} s ({count} modules in snv.zip, stamp {stamp[:12]}; "
        f"{before / 1e6:.1f} MB, {after_gz / 1e6:.1f} MB with gzip, {after_br / 1e6:.1f} MB with Brotli)")
    return DIST


# --------------------------------------------------------------------------------------------
# Bytecode: every Python file the browser imports is compiled here, once, by Pyodide's own CPython
# (run in Node by build_helper.mjs). Otherwise the browser compiles each module from source on every
# start: measured, `import networkx` took 3.5 s from source and 0.4–0.8 s from bytecode, pydantic
# 0.5–0.9 s and 0.15–0.25 s (headless Chromium on this machine kind, under load).
# --------------------------------------------------------------------------------------------

PYC_CACHE = CACHE / "pyc"
NODE_HELPER = ROOT / "build_helper.mjs"


# Wheels whose bytecode leaves out the docstrings: networkx's are a third of its transfer (1.1 MB with
# Brotli, 0.74 MB without), and it reads none at run time (checked: a function without one keeps working,
# networkx/utils/backends.py handles a missing doc).
STRIP_DOCSTRINGS = {"networkx"}


def pyscript_plugins(folder: Path) -> dict[str, str | None]:
    """PyScript's plugin table from its core chunk: name -> the chunk it imports (None: built in)."""
    cores = sorted(folder.glob("core-*.js"))
    if len(cores) != 1:
        raise BuildError(f"expected one PyScript core chunk in {folder}, found {len(cores)}")
    table = re.search(r"=\{((?:\"?[\w-]+\"?:\(\)=>(?:import\(\"\./[\w.-]+\"\)|Promise[^,]*?\}\)),?)+)\}",
                      cores[0].read_text("utf-8"))
    if not table:
        raise BuildError("PyScript's plugin table was not found in its core chunk (a new PyScript version?)")
    plugins: dict[str, str | None] = {}
    for name, chunk in re.findall(r"\"?([\w-]+)\"?:\(\)=>(?:import\(\"\./([\w.-]+)\"\)|Promise)", table.group(1)):
        plugins[name] = chunk or None
    return plugins


def pyscript_configs(index_html: str) -> dict[str, dict]:
    """The PyScript config of each script type in index.html: py (main.py's config attribute) and mpy
    (the <mpy-config> element); {} where there is none."""
    py = re.search(r"<script type=\"py\"[^>]*\sconfig='([^']*)'", index_html)
    mpy = re.search(r"<mpy-config[^>]*>([^<]*)</mpy-config>", index_html)
    return {kind: json.loads(match.group(1)) if match else {} for kind, match in (("py", py), ("mpy", mpy))}


def _plugins_off(index_html: str) -> dict[str, set[str]]:
    """The plugins each PyScript config in index.html turns off ("!name"), per script type."""
    return {kind: {p[1:] for p in config.get("plugins", []) if p.startswith("!")}
            for kind, config in pyscript_configs(index_html).items()}


def drop_pyscript_plugins(folder: Path, index_html: str) -> list[str]:
    """Check that index.html turns off every PyScript plugin but PYSCRIPT_PLUGIN_KEPT for py and mpy,
    then remove their chunks and the chunks nothing left refers to. Returns the removed names."""
    plugins = pyscript_plugins(folder)
    unused = set(plugins) - PYSCRIPT_PLUGIN_KEPT
    for kind, off in _plugins_off(index_html).items():
        if off != unused:
            raise BuildError(f"site/index.html must turn off exactly these PyScript plugins for {kind}: "
                             f"{', '.join('!' + p for p in sorted(unused))}; it turns off {sorted(off)}")
    removed = [c for name, c in plugins.items() if c and name in unused]
    for chunk in removed:
        (folder / chunk).unlink()
    while True:  # chunks only the removed ones imported (or nothing at all)
        chunks = {p.name: p.read_text("utf-8") for p in folder.glob("*.js")}
        named = {ref for name, text in chunks.items() for ref in re.findall(r"\./([\w.-]+\.js)", text)
                 if ref != name}
        orphans = [n for n in chunks if n not in named and n != "core.js"]
        if not orphans:
            return removed
        for name in orphans:
            (folder / name).unlink()
        removed += orphans


@dataclasses.dataclass(frozen=True)
class PySource:
    data: bytes
    dfile: str  # where the module lives in the browser (shown in tracebacks)
    strip: bool = False  # compile without docstrings (STRIP_DOCSTRINGS)


def _pyc_path(source: PySource) -> Path:
    digest = hashlib.sha256(f"{NPM_PACKAGES['pyodide']['version']}\0{source.dfile}\0{source.strip}\0".encode()
                            + source.data)
    key = digest.hexdigest()
    return PYC_CACHE / key[:2] / f"{key}.pyc"


def compile_python(sources: list[PySource], pyodide_dir: Path) -> dict[str, bytes]:
    """{dfile: bytecode} of the sources that compile. Each result is cached in .cache/pyc (keyed by
    Pyodide's version, the path and the source), so a build compiles only what changed, in one Node
    run. A source that does not compile, or a machine without Node, ships as source (it still works:
    the browser compiles it, more slowly); the build says so."""
    missing = [s for s in sources if not _pyc_path(s).exists() and not _pyc_path(s).with_suffix(".fail").exists()]
    if missing:
        node = shutil.which("node")
        if node is None:
            log(f"node was not found: {len(missing)} Python files ship as source (slower start)")
        else:
            _compile_in_node(node, missing, pyodide_dir)
    compiled = {}
    for source in sources:
        path = _pyc_path(source)
        if path.exists():
            compiled[source.dfile] = path.read_bytes()
    return compiled


def _compile_in_node(node: str, sources: list[PySource], pyodide_dir: Path) -> None:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="pyc-") as tmp:
        jobs = []
        for i, source in enumerate(sources):
            src = Path(tmp).resolve() / f"{i}.py"  # real paths: Pyodide's view of the disk follows no symlink
            src.write_bytes(source.data)
            out = _pyc_path(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            jobs.append({"src": str(src), "out": str(out.resolve()), "dfile": source.dfile, "strip": source.strip})
        jobs_file = Path(tmp) / "jobs.json"
        jobs_file.write_text(json.dumps(jobs), "utf-8")
        result = subprocess.run([node, str(NODE_HELPER), "compile", str(pyodide_dir), str(jobs_file)],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            log(f"compiling to bytecode failed; the files ship as source:\n{result.stderr[-2000:]}")
            return
        failed = set(json.loads(result.stdout.strip().splitlines()[-1]))
        for job, source in zip(jobs, sources):
            if job["src"] in failed:
                _pyc_path(source).with_suffix(".fail").write_bytes(b"")
    log(f"compiled {len(sources) - len(failed)} Python files to bytecode in {time.monotonic() - started:.1f} s"
        + (f" ({len(failed)} ship as source)" if failed else ""))


TRACE_CACHE = CACHE / "trace"


def app_imports(package: Path) -> list[str]:
    """Every module py/snv may import: its own modules and each absolute import written anywhere in
    them (inside functions too). The trace below imports all of them."""
    names = set()
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        names.add(module.removesuffix(".__init__"))
        for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*")
    return sorted(names)


def trace_imports(pyodide_dir: Path, wheels: dict[str, Path], roots: list[str]) -> set[str] | None:
    """The files (paths in the browser) of every module loaded when Pyodide starts and the app's
    imports run: these are compiled; the rest of the stdlib and the wheels ships as source (smaller;
    compiled in the browser should anything ever import it). Cached by Pyodide's version, the wheels
    and the import names; None without Node."""
    node = shutil.which("node")
    if node is None:
        return None
    key_parts = [NPM_PACKAGES["pyodide"]["version"], *(WHEELS[n]["sha256"] for n in sorted(wheels)), *roots]
    key = hashlib.sha256("\0".join(key_parts).encode()).hexdigest()[:24]
    cached = TRACE_CACHE / f"{key}.json"
    if cached.exists():
        return set(json.loads(cached.read_text("utf-8")))
    started = time.monotonic()
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="trace-") as tmp:
        folder = Path(tmp).resolve()
        for path in wheels.values():
            shutil.copyfile(path, folder / path.name)
        lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text("utf-8"))
        lock["packages"] = {name: _lock_entry(name, folder / path.name) for name, path in wheels.items()}
        (folder / "pyodide-lock.json").write_text(json.dumps(lock), "utf-8")
        (folder / "roots.json").write_text(json.dumps(roots), "utf-8")
        result = subprocess.run([node, str(NODE_HELPER), "trace", str(pyodide_dir), str(folder), str(PY.resolve()),
                                 str(folder / "roots.json")], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        log(f"tracing the imports failed; everything is compiled:\n{result.stderr[-2000:]}")
        return None
    files = json.loads(result.stdout.strip().splitlines()[-1])
    TRACE_CACHE.mkdir(parents=True, exist_ok=True)
    tmp_file = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp_file.write_text(json.dumps(files), "utf-8")
    os.replace(tmp_file, cached)
    log(f"traced the app's imports in {time.monotonic() - started:.1f} s ({len(files)} modules)")
    return set(files)


def _zip_info(name: str) -> zipfile.ZipInfo:
    """A member of a zip or wheel we write: reproducible, and stored, not deflated: the whole file is
    then compressed for the transfer (.br/.gz, below), which packs bytecode across files far better than
    deflate does file by file (python_stdlib.zip with bytecode: 4.5 MB deflated, 2.9 MB stored + Brotli)."""
    info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _members(archive: Path, drop_dirs: set[str]) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(archive) as source:
        return [(info.filename, source.read(info)) for info in source.infolist()
                if not info.is_dir() and not drop_dirs & set(info.filename.split("/")[:-1])]


def _sourceless(members: list[tuple[str, bytes]], compiled: dict[str, bytes], prefix: str) -> list[tuple[str, bytes]]:
    """Each X.py with bytecode becomes X.pyc in the same place (a 'sourceless' module, as Pyodide's own
    package builds ship them); files without bytecode stay as they are."""
    out = []
    for name, data in members:
        pyc = compiled.get(f"{prefix}/{name}") if name.endswith(".py") else None
        out.append((name + "c", pyc) if pyc is not None else (name, data))
    return out


def write_compiled_wheel(wheel: Path, target: Path, compiled: dict[str, bytes]) -> None:
    """The wheel with bytecode instead of sources, without WHEEL_UNUSED_DIRS, and a RECORD that lists
    what it holds now (Pyodide unpacks wheels without reading RECORD; pip would check it)."""
    members = _sourceless(_members(wheel, WHEEL_UNUSED_DIRS), compiled, SITE_PACKAGES_IN_BROWSER)
    record = next(name for name, _ in members if name.endswith(".dist-info/RECORD"))
    lines = [_record_line(name, data) for name, data in members if name != record] + [f"{record},,"]
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members:
            archive.writestr(_zip_info(name), "\n".join(lines) + "\n" if name == record else data)


def wheel_sources(wheel: Path) -> list[PySource]:
    strip = canonical(wheel.name.split("-", 1)[0]) in STRIP_DOCSTRINGS
    return [PySource(data, f"{SITE_PACKAGES_IN_BROWSER}/{name}", strip)
            for name, data in _members(wheel, WHEEL_UNUSED_DIRS) if name.endswith(".py")]


def _stdlib_members(stdlib: Path) -> list[tuple[str, bytes]]:
    return [(name, data) for name, data in _members(stdlib, set()) if not stdlib_unused(name)]


def stdlib_sources(stdlib: Path) -> list[PySource]:
    return [PySource(data, f"{STDLIB_IN_BROWSER}/{name}") for name, data in _stdlib_members(stdlib) if name.endswith(".py")]


def check_trimmed(traced: set[str] | None) -> None:
    needed = sorted(f for f in traced or () if f.startswith(STDLIB_IN_BROWSER + "/")
                    and stdlib_unused(f[len(STDLIB_IN_BROWSER) + 1:]))
    if needed:
        raise BuildError(f"the app imports parts of the standard library that build.py leaves out: {needed}. "
                         "Take them out of STDLIB_UNUSED (or add the encoding to ENCODINGS_KEPT).")


def write_compiled_stdlib(stdlib: Path, target: Path, compiled: dict[str, bytes]) -> None:
    """Pyodide's python_stdlib.zip without STDLIB_UNUSED, with bytecode for what the app imports."""
    members = _sourceless(_stdlib_members(stdlib), compiled, STDLIB_IN_BROWSER)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members:
            archive.writestr(_zip_info(name), data)


# --------------------------------------------------------------------------------------------
# Installable and offline: icons, web app manifest, service worker (site/sw.js, filled in here)
# --------------------------------------------------------------------------------------------

APP_NAME = "Netwerkatlas"
THEME_COLOUR = "#1f4e8c"  # --color-accent in site/app.css
BACKGROUND_COLOUR = "#ffffff"
ICON_SIZES = (192, 512)
CACHE_PREFIX = "netwerkatlas-"  # + the build stamp: one Cache Storage cache per build (site/sw.js)
SW_MAX_AGE = 86400  # s: how long a browser may keep sw.js without asking (see Handler.end_headers)
NOT_PRECACHED = {"sw.js", STAMP_FILE}  # the worker itself; the stamp is for build.py only


def _png(size: int, pixels: bytearray) -> bytes:
    """An RGBA PNG from size*size*4 bytes (pure Python: zlib and struct)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    stride = size * 4
    raw = b"".join(b"\0" + bytes(pixels[y * stride:(y + 1) * stride]) for y in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def draw_icon(size: int, maskable: bool) -> bytes:
    """The app icon: a small relatiekaart (rings, the client in the middle, five people in the sector
    colours, lines to them) in white on the theme colour. `maskable`: the background fills the square
    and the drawing keeps inside the safe circle (40 % of the size), as launchers cut their own shape;
    otherwise a rounded square on transparent. Anti-aliased by pixel coverage (distance to each shape)."""
    s = float(size)
    c = s / 2
    big = 0.36 * s  # outer ring; inside the maskable safe zone (0.40 * size) with the dots' margin
    white = (255, 255, 255)
    rings = [(big * f, 0.018 * s, 0.5) for f in (1 / 3, 2 / 3, 1.0)]
    people = [("#e69f00", 200, 2 / 3), ("#56b4e9", 305, 1.0), ("#009e73", 25, 2 / 3), ("#cc79a7", 120, 1.0),
              ("#f0e442", 80, 2 / 3)]
    dots = []
    for colour, angle, ring in people:
        a = math.radians(angle)
        dots.append((c + math.cos(a) * big * ring, c + math.sin(a) * big * ring, _rgb(colour)))
    dot_r, rim, line_w, client_r = 0.062 * s, 0.016 * s, 0.022 * s, 0.085 * s
    corner = 0.0 if maskable else 0.2 * s
    bg = _rgb(THEME_COLOUR)
    pixels = bytearray(size * size * 4)

    def clamp(v: float) -> float:
        return 0.0 if v < 0 else 1.0 if v > 1 else v

    for y in range(size):
        py = y + 0.5
        for x in range(size):
            px = x + 0.5
            # background (rounded square): coverage from the distance to the rounded rectangle
            qx = max(abs(px - c) - (c - corner), 0.0)
            qy = max(abs(py - c) - (c - corner), 0.0)
            alpha = clamp(corner - math.hypot(qx, qy) + 0.5) if corner else 1.0
            if alpha == 0.0:
                continue
            r, g, b = float(bg[0]), float(bg[1]), float(bg[2])
            d = math.hypot(px - c, py - c)

            def over(colour: tuple[int, int, int], cover: float) -> None:
                nonlocal r, g, b
                if cover > 0:
                    r += (colour[0] - r) * cover
                    g += (colour[1] - g) * cover
                    b += (colour[2] - b) * cover

            for radius, width, strength in rings:
                over(white, clamp(width / 2 - abs(d - radius) + 0.5) * strength)
            for dx, dy, _ in dots:  # lines from the client to each person
                vx, vy = dx - c, dy - c
                t = clamp(((px - c) * vx + (py - c) * vy) / (vx * vx + vy * vy))
                over(white, clamp(line_w / 2 - math.hypot(px - c - t * vx, py - c - t * vy) + 0.5) * 0.9)
            over(white, clamp(client_r - d + 0.5))
            for dx, dy, fill in dots:
                e = math.hypot(px - dx, py - dy)
                over(white, clamp(dot_r + rim - e + 0.5))
                over(fill, clamp(dot_r - e + 0.5))
            i = (y * size + x) * 4
            pixels[i:i + 4] = bytes((round(r), round(g), round(b), round(alpha * 255)))
    return _png(size, pixels)


def icon_files() -> dict[str, tuple[int, bool]]:
    """{path in dist/: (size, maskable)}."""
    files = {}
    for size in ICON_SIZES:
        files[f"icons/icon-{size}.png"] = (size, False)
        files[f"icons/maskable-{size}.png"] = (size, True)
    return files


def write_icons(out: Path) -> None:
    """Drawn in pure Python (a few seconds), so kept in .cache/icons keyed by the drawing code."""
    key = hashlib.sha256((inspect.getsource(draw_icon) + THEME_COLOUR).encode()).hexdigest()[:16]
    for name, (size, maskable) in icon_files().items():
        cached = CACHE / "icons" / key / Path(name).name
        if not cached.exists():
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(draw_icon(size, maskable))
            os.replace(tmp, cached)
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, out / name)


def _catalogue_text(key: str, language: str = "nl") -> str:
    """A text from the app's own catalogue (py/snv/messages): the manifest speaks like the app."""
    sys.path.insert(0, str(PY))
    try:
        from snv import messages  # noqa: PLC0415 (only the leaf catalogue; nothing else of snv)
    finally:
        sys.path.remove(str(PY))
    return messages.catalogue(language)[key]


def write_manifest(out: Path) -> None:
    icons = [{"src": f"./{name}", "sizes": f"{size}x{size}", "type": "image/png",
              "purpose": "maskable" if maskable else "any"} for name, (size, maskable) in icon_files().items()]
    manifest = {
        "name": APP_NAME, "short_name": APP_NAME, "description": _catalogue_text("offline.manifest.description"),
        "lang": "nl", "dir": "ltr", "id": "./", "start_url": "./", "scope": "./", "display": "standalone",
        "theme_color": THEME_COLOUR, "background_color": BACKGROUND_COLOUR, "icons": icons,
    }
    (out / "manifest.webmanifest").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")


def precache_list(out: Path) -> list[str]:
    """Every file of dist/ the worker keeps (not the .br/.gz twins: the browser asks for the plain name)."""
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    return [n for n in names if n not in NOT_PRECACHED and not n.endswith((".br", ".gz"))]


def write_service_worker(out: Path, stamp: str) -> None:
    """site/sw.js with this build's cache name and file list filled in (their lines must exist as
    written, so a change to sw.js cannot silently ship an empty list)."""
    path = out / "sw.js"
    text = path.read_text("utf-8")
    fills = {'const CACHE = "netwerkatlas-dev";': f"const CACHE = {json.dumps(CACHE_PREFIX + stamp[:16])};",
             "const FILES = [];": f"const FILES = {json.dumps(['./' + n for n in precache_list(out)], indent=0)};"}
    for line, value in fills.items():
        if text.count(line) != 1:
            raise BuildError(f"site/sw.js must contain the line {line!r} exactly once (build.py fills it in)")
        text = text.replace(line, value)
    path.write_text(text, "utf-8")


# --------------------------------------------------------------------------------------------
# Small transfer: .br and .gz beside every file that shrinks (build.py serve and any static host
# send them with Content-Encoding; README "Hosting"). gzip comes from zlib; Brotli from Node's zlib
# (quality 11) through build_helper.mjs, as the Python standard library has no Brotli. Both are cached
# in .cache/compressed by content, so the large runtime files are compressed once.
# --------------------------------------------------------------------------------------------

COMPRESSED_CACHE = CACHE / "compressed"
COMPRESS_MIN_BYTES = 1024
COMPRESS_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".whl", ".zip", ".py", ".webmanifest", ".txt",
                     ".svg"}
COMPRESS_GAIN = 0.95  # a variant is kept only when at most this share of the original


def _brotli_in_node(node: str, jobs: list[dict[str, str]]) -> None:
    """Brotli at quality 11 is slow (the 10 MB runtime files take a minute each, once): the jobs are
    shared out by size over one Node process per core."""
    started = time.monotonic()
    buckets: list[list[dict[str, str]]] = [[] for _ in range(max(1, min(os.cpu_count() or 1, 4, len(jobs))))]
    loads = [0] * len(buckets)
    for job in sorted(jobs, key=lambda j: -Path(j["src"]).stat().st_size):
        emptiest = loads.index(min(loads))
        buckets[emptiest].append(job)
        loads[emptiest] += Path(job["src"]).stat().st_size
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="br-") as folder:
        runs = []
        for i, bucket in enumerate(buckets):
            jobs_file = Path(folder) / f"jobs-{i}.json"
            jobs_file.write_text(json.dumps(bucket), "utf-8")
            runs.append(subprocess.Popen([node, str(NODE_HELPER), "brotli", str(jobs_file)],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
        stderrs = [run.communicate()[1] for run in runs]
        errors = [err for run, err in zip(runs, stderrs) if run.returncode != 0]
    if errors:
        log(f"Brotli failed for some files (they go with gzip): {errors[0][-1000:]}")
    else:
        log(f"compressed {len(jobs)} files with Brotli in {time.monotonic() - started:.1f} s")


def compress_dist(out: Path) -> tuple[int, int, int]:
    """Write X.br and X.gz beside each file worth it. Returns (bytes before, after gzip, after Brotli)."""
    todo: list[tuple[Path, Path, Path]] = []  # (file, cached gz, cached br)
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        if path.suffix in COMPRESS_SUFFIXES and path.stat().st_size >= COMPRESS_MIN_BYTES:
            key = sha256_of(path)
            todo.append((path, COMPRESSED_CACHE / key[:2] / f"{key}.gz", COMPRESSED_CACHE / key[:2] / f"{key}.br"))
    need_br = []
    for path, gz, br in todo:
        gz.parent.mkdir(parents=True, exist_ok=True)
        if not gz.exists():
            tmp = gz.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))
            os.replace(tmp, gz)
        if not br.exists():
            need_br.append({"src": str(path), "out": str(br)})
    node = shutil.which("node")
    if need_br and node is None:
        log("node was not found: no .br files (gzip only)")
    elif need_br and node is not None:
        _brotli_in_node(node, need_br)
    before = after_gz = after_br = 0
    for path, gz, br in todo:
        size = path.stat().st_size
        before += size
        best_gz = best_br = size
        for cached, suffix in ((gz, ".gz"), (br, ".br")):
            if cached.exists() and cached.stat().st_size <= size * COMPRESS_GAIN:
                shutil.copyfile(cached, path.with_name(path.name + suffix))
                if suffix == ".gz":
                    best_gz = cached.stat().st_size
                else:
                    best_br = cached.stat().st_size
        after_gz += best_gz
        after_br += min(best_br, best_gz)
    return before, after_gz, after_br


# --------------------------------------------------------------------------------------------
# Serving
# --------------------------------------------------------------------------------------------


class Handler(http.server.SimpleHTTPRequestHandler):
    """dist/ as a static host should serve it: every response revalidated (Cache-Control: no-cache; the
    service worker keeps the app offline) but sw.js, which may be kept a day (a repeat visit then sends
    nothing), and X.br or X.gz instead of X when the browser accepts that encoding (Content-Encoding,
    Vary: Accept-Encoding). Browsers offer br only over HTTPS, so on 127.0.0.1 they get gzip."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012 (base class attribute)
    quiet = True
    ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # preferred first

    def end_headers(self) -> None:
        # sw.js may be kept a day: the browser's check for a new worker when the page opens then needs no
        # network (site/offline.js looks for a new build itself, 30 s later, with "no-cache")
        worker = self.path.split("?", 1)[0].endswith("/sw.js")
        self.send_header("Cache-Control", f"max-age={SW_MAX_AGE}" if worker else "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        if getattr(self, "_varies", False):
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def _accepted(self) -> set[str]:
        accepted = set()
        for part in self.headers.get("Accept-Encoding", "").split(","):
            name, _, params = part.strip().partition(";")
            if name and params.replace(" ", "") not in {"q=0", "q=0.0", "q=0.00", "q=0.000"}:
                accepted.add(name.lower())
        return accepted

    def send_head(self):  # the base class returns the open file, or None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # directory redirects, 404
        variants = [(name, path.with_name(path.name + suffix)) for name, suffix in self.ENCODINGS]
        variants = [(name, file) for name, file in variants if file.is_file()]
        self._varies = bool(variants)
        accepted = self._accepted()
        chosen = next(((name, file) for name, file in variants if name in accepted), None)
        if chosen is None:
            return super().send_head()
        encoding, file = chosen
        handle = file.open("rb")
        try:
            stat = os.fstat(handle.fileno())
            if self._not_modified(stat.st_mtime):
                handle.close()
                self.send_response(http.HTTPStatus.NOT_MODIFIED)
                self.end_headers()
                return None
            self.send_response(http.HTTPStatus.OK)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(stat.st_size))
            self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
            self.end_headers()
            return handle
        except Exception:
            handle.close()
            raise

    def _not_modified(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            when = email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        if when.tzinfo is None:
            return False
        return int(mtime) <= when.timestamp()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (name from the base class)
        if not self.quiet:
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        scheme = "http"  # spelled apart: tests/e2e/test_boot.py refuses URLs written in the sources
        return f"{scheme}://{name}:{port}/"


def make_server(directory: Path = DIST, port: int = 0, host: str = "127.0.0.1", quiet: bool = True,
                handler: type[Handler] = Handler) -> Server:
    """A threaded static server for `directory` (port 0 = a free port). Call serve_forever().
    `handler`: a subclass of Handler (the start benchmark counts what is sent)."""
    bound = functools.partial(type("BoundHandler", (handler,), {"quiet": quiet}), directory=str(directory))
    return Server((host, port), bound)


class StoppableSite:
    """`directory` served on one port, in a thread, that can stop() and start() again: the origin stays
    the same (its storage and service worker too), so a test or benchmark can take the server away."""

    def __init__(self, directory: Path, handler: type[Handler] = Handler) -> None:
        self.directory, self.handler, self.port = directory, handler, 0
        self.start()

    def start(self) -> None:
        self.server = make_server(self.directory, port=self.port, handler=self.handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return self.server.url


# --------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    build(force=args.force)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    build()
    try:
        server = make_server(DIST, port=args.port, quiet=not args.verbose)
    except OSError as exc:
        raise BuildError(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror}. Try --port N.") from exc
    print(f"Netwerkatlas: {server.url}  (Ctrl+C stops)", flush=True)
    with contextlib.suppress(KeyboardInterrupt), server:
        server.serve_forever()
    return 0


def _pinned(requirement: str) -> tuple[str, str | None]:
    """'ruff==0.17.6' -> ('ruff', '0.17.6'); 'pytest>=8' -> ('pytest', None): only exact pins are checked."""
    name = re.split(r"[<>=!~ \[;]", requirement, maxsplit=1)[0]
    match = re.fullmatch(r"[^=<>!~]+==([^;\s]+)", requirement.split(";")[0].strip())
    return canonical(name), match.group(1) if match else None


def pyproject_test_extra() -> list[str]:
    """The `test` extra of pyproject.toml (pytest, playwright, ruff, mypy)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return list(project["optional-dependencies"]["test"])


def version_problems(wanted: dict[str, str | None]) -> list[str]:
    """What differs from `wanted` ({distribution: exact version, or None for any}) in this Python."""
    problems = []
    for name, version in wanted.items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            problems.append(f"{name} is missing" + (f" (wanted {version})" if version else ""))
            continue
        if version is not None and installed != version:
            problems.append(f"{name} {installed} is installed, wanted {version}")
    return problems


def requirement_problems(check_origin: bool = True) -> list[str]:
    """Why the test run cannot start as it is: runtime versions other than the build ships, a missing or
    other-version test tool, or (check_origin) snv not installed from this checkout. A fresh editable
    install becomes importable only in a new interpreter, so the check right after installing skips it."""
    wanted: dict[str, str | None] = dict(_pinned(r) for r in pyproject_test_extra())
    wanted.update(runtime_pins())
    problems = version_problems(wanted)
    if not check_origin:
        return problems
    spec = importlib.util.find_spec("snv")
    origin = Path(spec.origin).resolve() if spec and spec.origin else None
    if origin is None or PY not in origin.parents:
        problems.append(f"snv is not imported from this checkout ({PY})")
    return problems


def requirements_install_command() -> list[str]:
    """One pip call: this checkout (editable) with the test extra, at exactly the shipped runtime versions."""
    pins = [f"{name}=={version}" for name, version in runtime_pins().items()]
    return [sys.executable, "-m", "pip", "install", "-e", ".[test]", *pins]


def install_test_requirements(dry_run: bool = False) -> list[str]:
    """Chromium from Debian and the Python test requirements; installs or repairs only what differs
    (a missing package or another version than pinned). Returns the problems found; with dry_run
    it only reports them and the commands it would run."""
    if not CHROMIUM.exists():
        apt = shutil.which("apt-get")
        if apt is None:
            raise BuildError(f"{CHROMIUM} is missing and apt-get is not available; install Chromium.")
        prefix = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else [])
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        wait = ["-o", "DPkg::Lock::Timeout=600"]  # another apt may be running
        for step in (["update"], ["install", "-y", "chromium"]):
            if dry_run:
                log("would run: " + " ".join([*prefix, apt, *wait, *step]))
                continue
            log(f"installing Chromium with apt-get ({step[0]})")
            if subprocess.run([*prefix, apt, *wait, *step], check=False, env=env).returncode != 0:
                raise BuildError(f"apt-get {step[0]} failed; install Chromium (apt-get install -y chromium).")
    problems = requirement_problems()
    if not problems:
        return problems
    cmd = requirements_install_command()
    log("test requirements differ: " + "; ".join(problems))
    if dry_run:
        log("would run: " + " ".join(cmd))
        return problems
    result = subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True, text=True)
    if result.returncode != 0 and "externally-managed-environment" in result.stdout + result.stderr:
        log("this Python is managed by the system; installing with --break-system-packages")
        result = subprocess.run([*cmd, "--break-system-packages"], cwd=ROOT, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"{' '.join(cmd)} failed:\n{result.stdout}{result.stderr}")
    importlib.invalidate_caches()
    still = requirement_problems(check_origin=False)
    if still:
        raise BuildError("after installing, the test requirements still differ: " + "; ".join(still))
    return problems


# Lint and type check, before the tests: both are configured in pyproject.toml ([tool.ruff], [tool.mypy]).
LINT_PATHS = ["py", "build.py", "tests"]


def check_code() -> int:
    """ruff, then mypy; prints the findings. Returns 0 when both are clean."""
    failed = 0
    ruff = [sys.executable, "-m", "ruff", "check", "--output-format", "concise", *LINT_PATHS]
    for cmd in (ruff, [sys.executable, "-m", "mypy"]):
        log("$ " + " ".join(cmd[2:]))
        failed |= subprocess.run(cmd, cwd=ROOT, check=False).returncode != 0
    return int(failed)


def cmd_test(args: argparse.Namespace) -> int:
    install_test_requirements()
    if check_code() != 0:
        log("ruff or mypy found problems (above); fix them before the tests run")
        return 1
    build()
    extra = [a for a in args.pytest_args if a != "--"]
    cmd = [sys.executable, "-m", "pytest", "tests", *RERUN_CRASHED, *extra]
    log("$ " + " ".join(cmd))
    return subprocess.run(cmd, cwd=ROOT, check=False).returncode


# A Chromium tab whose renderer dies ("Target crashed", seen once in ~1,200 tests on CI while booting
# Pyodide) says nothing about the app; such a test runs again, at most twice, and the summary counts it
# as a rerun. Every other failure fails at once.
RERUN_CRASHED = ["--reruns", "2", "--only-rerun", "Target crashed"]


BENCH = ROOT / "tests" / "bench"


def cmd_bench(args: argparse.Namespace) -> int:
    # Timing is printed, never asserted, so the exit code only says whether the benchmark ran.
    install_test_requirements()
    build()
    sizes = ["--sizes", *map(str, args.sizes), "--reps", str(args.reps)]
    runs = [] if args.no_start else [["bench_start.py", "--rounds", str(args.start_rounds)]]
    runs += [["bench_relatiekaart.py", *sizes], ["bench_screens.py", *sizes]]
    if not args.no_analysis:
        runs += [["bench_analysis.py"], ["bench_interop.py"]]
    for script, *options in runs:
        cmd = [sys.executable, str(BENCH / script), *options]
        log("$ " + " ".join(cmd))
        code = subprocess.run(cmd, cwd=ROOT, check=False).returncode
        if code != 0:
            return code
    return 0


@dataclasses.dataclass
class Command:
    run: Callable[[argparse.Namespace], int]
    help: str
    arguments: list[tuple[tuple, dict]] = dataclasses.field(default_factory=list)


COMMANDS: dict[str, Command] = {
    "build": Command(
        cmd_build,
        "build dist/ (skipped when up to date)",
        [(("--force",), {"action": "store_true", "help": "rebuild even when up to date"})],
    ),
    "serve": Command(
        cmd_serve,
        "build if stale, then serve dist/ on 127.0.0.1",
        [
            (("--port",), {"type": int, "default": 8000, "help": "port (default 8000, 0 = any free port)"}),
            (("--verbose", "-v"), {"action": "store_true", "help": "log every request"}),
        ],
    ),
    "test": Command(
        cmd_test,
        "install/repair test dependencies, ruff + mypy, build, run the whole test suite (unit + e2e)",
        [(("pytest_args",), {"nargs": argparse.REMAINDER, "help": "extra arguments for pytest"})],
    ),
    "bench": Command(
        cmd_bench,
        "build if stale, time the start (bare Pyodide page vs the app), the Relatiekaart and every screen in headless Chromium and the analysis in CPython; prints, never asserts",
        [
            (("--sizes",), {"type": int, "nargs": "+", "default": [100, 500], "metavar": "N",
                            "help": "case sizes in persons (default 100 500)"}),
            (("--reps",), {"type": int, "default": 20, "help": "repetitions per measure (default 20)"}),
            (("--no-analysis",), {"action": "store_true", "help": "skip the CPython analysis benchmark"}),
            (("--start-rounds",), {"type": int, "default": 3, "metavar": "N",
                                   "help": "rounds of the start benchmark (bare page vs app; default 3)"}),
            (("--no-start",), {"action": "store_true", "help": "skip the start benchmark"}),
        ],
    ),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Build, serve and test Netwerkatlas.")
    sub = parser.add_subparsers(dest="command", metavar="command")
    for name, command in COMMANDS.items():
        p = sub.add_parser(name, help=command.help, description=command.help)
        for flags, options in command.arguments:
            p.add_argument(*flags, **options)
        p.set_defaults(handler=command.run)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["build", *(argv or [])])
    try:
        return args.handler(args)
    except BuildError as exc:
        print(f"build.py: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
