"""build.py for issue 13: pre-compressed files served with Content-Encoding, icons drawn in pure Python,
the manifest, the service worker's file list, bytecode archives, the trimmed standard library."""
from __future__ import annotations

import gzip
import json
import random
import struct
import threading
import urllib.request
import zipfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def served(build, tmp_path):
    """tmp_path served by build.py's server; yields its address."""
    server = build.make_server(tmp_path, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()


def get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (local test server)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (local test server)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


# ----- serving -----

def test_server_sends_the_br_or_gz_twin_with_its_encoding_and_the_original_type(build, tmp_path, served):
    text = b"console.log('netwerkatlas');\n" * 200
    (tmp_path / "app.js").write_bytes(text)
    (tmp_path / "app.js.br").write_bytes(b"brotli bytes")
    (tmp_path / "app.js.gz").write_bytes(gzip.compress(text))
    status, headers, body = get(served + "app.js", **{"Accept-Encoding": "gzip, deflate, br"})
    assert (status, headers["Content-Encoding"], body) == (200, "br", b"brotli bytes")
    assert headers["Content-Type"].startswith("text/javascript") and headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Length"] == str(len(b"brotli bytes"))
    status, headers, body = get(served + "app.js", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == text
    status, headers, body = get(served + "app.js", **{"Accept-Encoding": "br;q=0, identity"})
    assert "Content-Encoding" not in headers and body == text and headers["Vary"] == "Accept-Encoding"
    status, headers, _ = get(served + "app.js", **{"Accept-Encoding": "gzip", "If-Modified-Since": headers["Last-Modified"]})
    assert status == 304


def test_server_sends_index_html_compressed_for_the_folder_address(build, tmp_path, served):
    (tmp_path / "index.html").write_text("<!doctype html><p>Netwerkatlas</p>")
    (tmp_path / "index.html.gz").write_bytes(gzip.compress(b"<!doctype html><p>Netwerkatlas</p>"))
    status, headers, body = get(served, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Content-Type"].startswith("text/html")
    status, headers, _ = get(served + "missing.js", **{"Accept-Encoding": "gzip"})
    assert status == 404


def test_server_lets_the_browser_keep_sw_js_a_day_and_asks_it_to_revalidate_everything_else(build, tmp_path, served):
    for name in ("sw.js", "index.html"):
        (tmp_path / name).write_text("x")
    assert get(served + "sw.js")[1]["Cache-Control"] == f"max-age={build.SW_MAX_AGE}"
    assert get(served + "sw.js?check")[1]["Cache-Control"] == f"max-age={build.SW_MAX_AGE}"
    assert get(served + "index.html")[1]["Cache-Control"] == "no-cache"
    assert get(served)[1]["Cache-Control"] == "no-cache"


def test_compress_writes_twins_only_for_files_that_shrink(build, tmp_path, monkeypatch):
    monkeypatch.setattr(build, "COMPRESSED_CACHE", tmp_path / "cache")
    monkeypatch.setattr(build.shutil, "which", lambda name: None)  # no Node here: gzip only
    out = tmp_path / "dist"
    out.mkdir()
    (out / "big.css").write_text("body { color: #1a1a1a; }\n" * 500)
    (out / "small.js").write_text("x = 1;\n")  # under COMPRESS_MIN_BYTES
    (out / "icon.png").write_bytes(b"\x89PNG" + bytes(5000))  # images are compressed already
    (out / "random.zip").write_bytes(random.Random(13).randbytes(8000))  # does not shrink
    before, after_gz, _ = build.compress_dist(out)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["big.css", "big.css.gz", "icon.png", "random.zip", "small.js"]
    assert gzip.decompress((out / "big.css.gz").read_bytes()) == (out / "big.css").read_bytes()
    assert after_gz < before


# ----- installable -----

def _png_info(data: bytes) -> tuple[int, int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        assert struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0] == zlib.crc32(kind + chunk)
        if kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return width, height, colour, zlib.decompress(idat)


def _pixel(raw: bytes, size: int, x: int, y: int) -> tuple[int, ...]:
    start = y * (size * 4 + 1) + 1 + x * 4
    return tuple(raw[start:start + 4])


def test_icons_are_valid_rgba_pngs_maskable_ones_fill_the_square(build):
    size = 64
    width, height, colour, raw = _png_info(build.draw_icon(size, maskable=False))
    assert (width, height, colour) == (size, size, 6) and len(raw) == size * (size * 4 + 1)
    assert _pixel(raw, size, 0, 0)[3] == 0  # rounded corner: transparent
    theme = tuple(int(build.THEME_COLOUR[i:i + 2], 16) for i in (1, 3, 5))
    assert _pixel(raw, size, size // 2, 3)[:3] == theme
    _, _, _, raw = _png_info(build.draw_icon(size, maskable=True))
    assert _pixel(raw, size, 0, 0) == (*theme, 255)  # launchers cut their own shape out of a full square
    assert _pixel(raw, size, size // 2, size // 2) == (255, 255, 255, 255)  # the client, in the middle


def test_manifest_is_standalone_dutch_with_the_icons_the_build_writes(build, tmp_path):
    build.write_manifest(tmp_path)
    manifest = json.loads((tmp_path / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["name"] == "Netwerkatlas" and manifest["lang"] == "nl" and manifest["display"] == "standalone"
    assert manifest["start_url"] == manifest["scope"] == "./" and manifest["theme_color"] == build.THEME_COLOUR
    assert manifest["description"] == "Breng samen je netwerk in kaart en maak een plan. Alles blijft op dit apparaat."
    icons = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert icons == {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")}
    assert {i["src"][2:] for i in manifest["icons"]} == set(build.icon_files())


def test_service_worker_gets_the_build_cache_and_every_file_but_itself_and_the_twins(build, tmp_path):
    (tmp_path / "pyodide").mkdir()
    for name in ("index.html", "index.html.br", "index.html.gz", "app.css", "pyodide/pyodide.asm.wasm",
                 build.STAMP_FILE):
        (tmp_path / name).write_text("x")
    (tmp_path / "sw.js").write_text((ROOT / "site" / "sw.js").read_text("utf-8"))
    build.write_service_worker(tmp_path, "0123456789abcdef0123")
    text = (tmp_path / "sw.js").read_text("utf-8")
    assert 'const CACHE = "netwerkatlas-0123456789abcdef";' in text
    files = json.loads(text.split("const FILES = ", 1)[1].split(";", 1)[0])
    assert files == ["./app.css", "./index.html", "./pyodide/pyodide.asm.wasm"]


def test_service_worker_lines_the_build_fills_must_exist(build, tmp_path):
    (tmp_path / "sw.js").write_text("const CACHE = 'other';\nconst FILES = [];\n")
    with pytest.raises(build.BuildError, match=r"site/sw\.js must contain"):
        build.write_service_worker(tmp_path, "0" * 20)


# ----- bytecode and what is left out -----

def _wheel(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pkg/__init__.py", "X = 1\n")
        archive.writestr("pkg/data.txt", "keep me\n")
        archive.writestr("pkg/tests/test_pkg.py", "def test(): pass\n")
        archive.writestr("pkg-1.0.dist-info/METADATA", "Name: pkg\nVersion: 1.0\n")
        archive.writestr("pkg-1.0.dist-info/RECORD", "stale\n")
    return path


def test_wheel_ships_bytecode_without_its_tests_and_a_record_of_what_it_holds(build, tmp_path):
    wheel = _wheel(tmp_path / "pkg-1.0-py3-none-any.whl")
    sources = build.wheel_sources(wheel)
    assert [s.dfile for s in sources] == [f"{build.SITE_PACKAGES_IN_BROWSER}/pkg/__init__.py"]
    target = tmp_path / "out.whl"
    build.write_compiled_wheel(wheel, target, {sources[0].dfile: b"BYTECODE"})
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        record = archive.read("pkg-1.0.dist-info/RECORD").decode().splitlines()
        assert archive.getinfo("pkg/__init__.pyc").compress_type == zipfile.ZIP_STORED
        assert archive.read("pkg/__init__.pyc") == b"BYTECODE"
    assert names == ["pkg/__init__.pyc", "pkg/data.txt", "pkg-1.0.dist-info/METADATA", "pkg-1.0.dist-info/RECORD"]
    assert [line.split(",")[0] for line in record] == names
    assert record[0] == build._record_line("pkg/__init__.pyc", b"BYTECODE") and record[-1].endswith(",,")


def test_a_module_without_bytecode_ships_as_source(build):
    members = [("a.py", b"A"), ("b.py", b"B"), ("c.txt", b"C")]
    out = build._sourceless(members, {"/x/a.py": b"pyc"}, "/x")
    assert out == [("a.pyc", b"pyc"), ("b.py", b"B"), ("c.txt", b"C")]


def test_the_app_imports_are_found_also_inside_functions(build, tmp_path):
    package = tmp_path / "snv"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "mod.py").write_text("import json\nfrom . import other\n\ndef f():\n    import csv\n"
                                    "    from xml.etree import ElementTree\n")
    names = build.app_imports(package)
    assert {"snv", "snv.mod", "json", "csv", "xml.etree", "xml.etree.ElementTree"} <= set(names)
    assert not any(n.startswith(".") or n == "other" for n in names)


def test_the_build_fails_when_the_app_needs_a_left_out_part_of_the_stdlib(build):
    build.check_trimmed({f"{build.STDLIB_IN_BROWSER}/json/__init__.py", "/home/pyodide/snv/__init__.py"})
    with pytest.raises(build.BuildError, match="unittest"):
        build.check_trimmed({f"{build.STDLIB_IN_BROWSER}/unittest/__init__.py"})


def test_only_the_wheels_named_in_strip_docstrings_lose_their_docstrings(build, tmp_path):
    plain = build.wheel_sources(_wheel(tmp_path / "pkg-1.0-py3-none-any.whl"))
    stripped = build.wheel_sources(_wheel(tmp_path / "networkx-3.6.1-py3-none-any.whl"))
    assert [s.strip for s in plain] == [False] and [s.strip for s in stripped] == [True]
    assert build._pyc_path(plain[0]) != build._pyc_path(build.PySource(plain[0].data, plain[0].dfile, True))


def _codec_names_in_the_app() -> set[str]:
    """Every string literal in py/snv that names a text encoding (decode/encode calls, the GEDCOM
    CHAR table): what a file the app opens may need."""
    import ast
    import codecs

    found = set()
    for path in (ROOT / "py" / "snv").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and 2 < len(node.value) < 20:
                try:
                    info = codecs.lookup(node.value)
                except (LookupError, UnicodeError):  # not a codec's name (or not even encodable)
                    continue
                if info._is_text_encoding:
                    found.add(node.value)
    return found


def test_the_trimmed_stdlib_keeps_every_encoding_the_app_names(build):
    import encodings
    from encodings import aliases

    names = _codec_names_in_the_app()
    assert {"utf-16-le", "cp1252", "cp437", "mac_roman", "latin-1"} <= names  # the scan sees the real ones
    for codec in names:
        norm = encodings.normalize_encoding(codec).lower()
        module = aliases.aliases.get(norm, norm)
        assert not build.stdlib_unused(f"encodings/{module}.py"), f"{codec} ({module}) is left out of the stdlib"
    assert build.stdlib_unused("encodings/shift_jis.py") and build.stdlib_unused("pydoc.py")


# ----- PyScript's plugins -----

PLUGIN_TABLE = ('const x=1,Ns={codemirror:()=>Promise.resolve().then(function(){return Do}),'
                '"py-editor":()=>import("./py-editor-AAA.js"),error:()=>import("./error-BBB.js"),'
                'donkey:()=>import("./donkey-CCC.js")};import("./pyodide_graph-DDD.js");')


def _pyscript(tmp_path: Path) -> Path:
    folder = tmp_path / "pyscript"
    folder.mkdir()
    (folder / "core.js").write_text('export{a}from"./core-XYZ.js";')
    (folder / "core-XYZ.js").write_text(PLUGIN_TABLE)
    (folder / "py-editor-AAA.js").write_text('import{e}from"./core-XYZ.js";import("./index-EEE.js");')
    (folder / "index-EEE.js").write_text('import{e}from"./index-EEE.js";')  # only the editor needs it
    (folder / "error-BBB.js").write_text('import{e}from"./core-XYZ.js";')
    (folder / "donkey-CCC.js").write_text('import{e}from"./error-BBB.js";')
    (folder / "pyodide_graph-DDD.js").write_text("")
    return folder


def _index(py_off: list[str], mpy_off: list[str]) -> str:
    py = json.dumps({"packages": [], "plugins": ["!" + p for p in py_off]})
    return (f"<mpy-config hidden>{json.dumps({'plugins': ['!' + p for p in mpy_off]})}</mpy-config>"
            f"<script type=\"py\" src=\"./main.py\" config='{py}'></script>")


def test_pyscript_plugins_are_read_from_the_core_chunk(build, tmp_path):
    assert build.pyscript_plugins(_pyscript(tmp_path)) == {
        "codemirror": None, "py-editor": "py-editor-AAA.js", "error": "error-BBB.js", "donkey": "donkey-CCC.js"}


def test_plugins_turned_off_lose_their_chunks_and_what_only_they_import_but_error_stays(build, tmp_path):
    folder = _pyscript(tmp_path)
    off = ["codemirror", "py-editor", "donkey"]  # all but error, which boot.js needs
    removed = build.drop_pyscript_plugins(folder, _index(off, off))
    assert sorted(removed) == ["donkey-CCC.js", "index-EEE.js", "py-editor-AAA.js"]
    assert sorted(p.name for p in folder.iterdir()) == ["core-XYZ.js", "core.js", "error-BBB.js",
                                                        "pyodide_graph-DDD.js"]


@pytest.mark.parametrize("py_off,mpy_off", [(["codemirror", "py-editor"], None), (None, []),
                                             (["codemirror", "py-editor", "donkey", "error"], None)])
def test_the_build_stops_when_a_config_leaves_a_plugin_on_or_turns_error_off(build, tmp_path, py_off, mpy_off):
    off = ["codemirror", "py-editor", "donkey"]
    folder = _pyscript(tmp_path)
    with pytest.raises(build.BuildError, match="turn off exactly"):
        build.drop_pyscript_plugins(folder, _index(py_off if py_off is not None else off,
                                                   mpy_off if mpy_off is not None else off))
    assert (folder / "py-editor-AAA.js").exists()  # nothing removed


def test_the_site_turns_off_the_same_plugins_for_both_script_types(build):
    off = build._plugins_off((ROOT / "site" / "index.html").read_text("utf-8"))
    assert off["py"] == off["mpy"] and {"py-editor", "py-terminal", "py-game"} <= off["py"]
    assert "error" not in off["py"]  # boot.js takes over the Python errors it shows
