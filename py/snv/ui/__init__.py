"""Layer 6: the app in the browser. Only this package may import pyscript, js or pyodide: at module level
only the browser-only modules (browser.py, relatiekaart_dom.py, voorbereiden_dom.py, bench.py), which the rest imports
lazily, so `import snv.ui.app` and every screen's module work under CPython for tests."""


def start() -> None:
    """Entry point called by site/main.py once Pyodide has loaded our package."""
    from .browser import start as browser_start  # noqa: PLC0415 (imports js)

    browser_start()
