# Entry point run by PyScript (see index.html). snv.ui.start() sets data-app-state="ready" on <html>.
# If boot.js already reported a failure (e.g. a package that did not load), do not start over it.
import js

if js.document.documentElement.getAttribute("data-app-state") != "error":
    import snv.ui

    snv.ui.start()
