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
import contextlib
import dataclasses
import functools
import hashlib
import http.server
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
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
    pin = NPM_PACKAGES[name]
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


def _zip_package(source: Path, target: Path) -> int:
    """Zip py/snv as snv/... (only .py files), reproducibly (fixed dates, sorted)."""
    files = sorted(
        p for p in source.rglob("*.py") if "__pycache__" not in p.relative_to(source).parts
    )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(str(path.relative_to(source.parent).as_posix()), (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


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

        # PyScript
        pyscript_pkg = _extract(fetch_npm("@pyscript/core"), tmp_dir / "pyscript")
        shutil.copytree(pyscript_pkg / "dist", out / "pyscript")

        # Runtime files + our lock + wheels
        (out / "pyodide").mkdir()
        for filename in PYODIDE_RUNTIME_FILES:
            shutil.copy2(pyodide_pkg / filename, out / "pyodide" / filename)
        packages = {}
        for name, path in wheel_paths.items():
            shutil.copy2(path, out / "pyodide" / path.name)
            packages[name] = _lock_entry(name, out / "pyodide" / path.name)
        lock = {"info": info, "packages": packages}
        (out / "pyodide" / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")

        # Our site and our package
        shutil.copytree(SITE, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        count = _zip_package(PY / "snv", out / "snv.zip")

        versions = {"pyodide": NPM_PACKAGES["pyodide"]["version"], "pyscript": NPM_PACKAGES["@pyscript/core"]["version"]}
        versions.update({name: pin["version"] for name, pin in WHEELS.items()})
        (out / STAMP_FILE).write_text(json.dumps({"stamp": stamp, "versions": versions}, indent=1) + "\n")

        # Swap in atomically enough: a server on dist/ sees either the old or the new tree.
        old = tmp_dir / "old"
        if DIST.exists():
            os.replace(DIST, old)
        os.replace(out, DIST)
    log(f"built dist/ in {time.monotonic() - started:.1f} s ({count} modules in snv.zip, stamp {stamp[:12]})")
    return DIST


# --------------------------------------------------------------------------------------------
# Serving
# --------------------------------------------------------------------------------------------


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012 (base class attribute)
    quiet = True

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

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
        runs.append(["bench_analysis.py"])
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
