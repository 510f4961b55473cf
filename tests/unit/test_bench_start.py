"""The start benchmark's floor page (tests/bench/bench_start.py) is the app's own PyScript start without
the app: the same interpreter, packages and plugins, no snv.zip, main.py replaced."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "bench"))

import bench_start  # noqa: E402


def _config(page: str, src: str) -> dict:
    return json.loads(re.search(rf"<script type=\"py\" src=\"\./{src}\" config='([^']*)'", page).group(1))


def test_the_floor_page_starts_pyscript_like_the_app_without_the_app(build):
    index = (ROOT / "site" / "index.html").read_text("utf-8")
    floor = bench_start.floor_page(build.pyscript_configs(index))
    app, mine = _config(index, "main.py"), _config(floor, "floor.py")
    assert mine["interpreter"] == "../pyodide/pyodide.mjs"  # served one folder down, at /__floor/
    assert "files" not in mine  # no snv.zip
    assert {k: v for k, v in app.items() if k not in ("files", "interpreter")} == \
        {k: v for k, v in mine.items() if k != "interpreter"}
    mpy = json.loads(re.search(r"<mpy-config[^>]*>([^<]*)</mpy-config>", floor).group(1))
    assert mpy == json.loads(re.search(r"<mpy-config[^>]*>([^<]*)</mpy-config>", index).group(1))
    assert '<script type="module" src="../pyscript/core.js">' in floor
    assert "import pydantic" in bench_start.FLOOR_MAIN and "data-app-state" in bench_start.FLOOR_MAIN
