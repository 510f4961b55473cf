"""Layer 5: browser wiring. The only package that may import pyscript, js or pyodide (lazily, in start)."""


def start() -> None:
    # Temporary minimal start so the build and boot can be tested; replaced by the real app.
    import js  # noqa: PLC0415

    js.document.documentElement.setAttribute("data-app-state", "ready")
