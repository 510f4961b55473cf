"""The one way a screen downloads its drawing as an SVG file (its toolbar button and the menu's
*Exporteren*): the privacy choices first, so the drawing and the case embedded in it match, then
today's date, a file name that says which instrument it is, the download, and a notice."""
from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from ..messages import t
from ..model import Case
from ..storage.files import export_filename
from ..storage.privacy import for_export

Draw = Callable[[Case, dt.date], str]


def download_svg(app, options: dict, draw: Draw, *, suffix: Optional[str], done_key: str) -> str:
    """Download `draw(case, today)` of the case as it may leave (options: notes, pseudonymise);
    `suffix` names the instrument in the file name (None: the plain name). Returns the file's name."""
    case = for_export(app.case, notes=bool(options.get("notes")), pseudonymise=bool(options.get("pseudonymise")))
    today = app.now().date()
    name = export_filename(case, "svg", today)
    if suffix:
        name = name.removesuffix(".svg") + f"-{suffix}.svg"
    name = app.download(name, draw(case, today), "image/svg+xml")
    app.notice(t(done_key))
    return name
