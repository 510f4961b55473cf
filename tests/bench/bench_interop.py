"""Benchmark of files of other programs under CPython: reading easyNWK and GEDCOM, the merge into a
case, the preview sheet, and the research and GEDCOM exports.

    python3 tests/bench/bench_interop.py     (also run by `python3 build.py bench`)

Prints best-of-N CPU milliseconds; the browser (Pyodide) is a few times slower, see the "import" rows of
bench_screens.py. Not part of the app; numbers are printed, never asserted.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "py"))

from snv.model import new_case
from snv.model.demo import big_case
from snv.model.merge import merge_cases, merge_plan
from snv.storage.interop.easynwk import read_easynwk
from snv.storage.interop.gedcom import export_gedcom, read_gedcom
from snv.storage.interop.research import export_csv_zip, export_graphml
from snv.storage.interop.samples import easynwk_sample, gedcom_sample
from snv.ui import interop, screens
from snv.ui.app import App
from snv.ui.sheets import ImportSheet

from bench_analysis import best_ms  # the same timing for both CPython benchmarks


def main() -> None:
    screens.load_screens()
    nwk, ged = easynwk_sample(500), gedcom_sample(2000)
    print(f"\nInterop benchmark (CPython; easyNWK file {len(nwk) // 1024} KB, GEDCOM file {len(ged) // 1024} KB)")
    print(f"read easyNWK, 500 people:            {best_ms(lambda: read_easynwk(nwk)):7.1f} ms")
    print(f"read GEDCOM, 2,000 individuals:      {best_ms(lambda: read_gedcom(ged)):7.1f} ms")
    case = big_case(500)
    people = read_easynwk(nwk).case
    print(f"merge 500 people into a case of 500: {best_ms(lambda: merge_cases(case, people, merge_plan(case, people))):7.1f} ms")
    tree = read_gedcom(ged).case
    small = new_case("Sam")
    print(f"merge a tree of 2,000 into a new case: {best_ms(lambda: merge_cases(small, tree, merge_plan(small, tree))):5.1f} ms")
    app = App(big_case(100))
    sheet = ImportSheet(imported=read_gedcom(ged), mode="add")
    print(f"preview sheet, 2,000 rows (add):     {best_ms(lambda: (sheet.cache.clear(), interop.render(app, sheet))):7.1f} ms")
    print(f"GraphML export, 500 people:          {best_ms(lambda: export_graphml(case)):7.1f} ms")
    print(f"CSV zip export, 500 people:          {best_ms(lambda: export_csv_zip(case)):7.1f} ms")
    print(f"GEDCOM export, tree of 2,000:        {best_ms(lambda: export_gedcom(tree)):7.1f} ms")


if __name__ == "__main__":
    main()
