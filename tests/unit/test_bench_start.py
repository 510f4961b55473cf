"""The start benchmark's floor page (tests/bench/bench_start.py) is the app's own PyScript start without
the app: the same interpreter, packages and plugins, no snv.zip, main.py replaced."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "bench"))

import bench_start  # noqa: E402


def test_the_floor_page_starts_pyscript_like_the_app_without_the_app(build):
    index = (ROOT / "site" / "index.html").read_text("utf-8")
    app = build.pyscript_configs(index)
    floor = bench_start.floor_page(app)
    mine = build.pyscript_configs(floor)  # the floor page is read the way the app's index.html is
    assert mine["py"]["interpreter"] == "../pyodide/pyodide.mjs"  # served one folder down, at /__floor/
    assert "files" not in mine["py"]  # no snv.zip
    assert {k: v for k, v in app["py"].items() if k not in ("files", "interpreter")} == \
        {k: v for k, v in mine["py"].items() if k != "interpreter"}
    assert mine["mpy"] == app["mpy"] and mine["mpy"]
    assert '<script type="module" src="../pyscript/core.js">' in floor and 'src="./floor.py"' in floor
    assert "import pydantic" in bench_start.FLOOR_MAIN and "data-app-state" in bench_start.FLOOR_MAIN
