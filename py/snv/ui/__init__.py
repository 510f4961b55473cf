"""Layer 6: the app in the browser. Only this package may import pyscript, js or pyodide, and only
lazily (in browser.py / localstore.py), so `import snv.ui.app` works under CPython for tests."""


def start() -> None:
    """Entry point called by site/main.py once Pyodide has loaded our package."""
    from .browser import start as browser_start  # noqa: PLC0415 (imports js)

    browser_start()
