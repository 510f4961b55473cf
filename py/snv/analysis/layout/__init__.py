"""Geometry and automatic placement of persons on the relatiekaart.

Placement is deterministic: the same Momentopname always gives the same picture, whichever order
persons came in. Each person's marker (radius MARKER_R, kept MARKER_MARGIN inside the cell borders) stays
inside its slice and ring; labels are one line of text (plus "(overleden)" when that applies) next to
the marker (below, right, left or above), placed so that labels and markers do not overlap whenever
that is physically possible.

Modules, by concern: geometry (rings, slices, coordinates), shape (slices and rings sized to the people
when equal ones are too crowded), labels (label text and boxes, Placed), inputs (what the layout reads =
its cache key; layout_map), cells (where a marker may go in its cell), spatial (index of taken boxes),
spread / fit / eject (placement steps 1, 2-3, 4), scaling (the whole placement at the largest size that
fits, and its shape: map_geometry).
"""
from .geometry import (CENTRE, CLIENT_R, LABEL_ASCENT, LABEL_CHAR_W, LABEL_DESCENT, LABEL_FONT, LABEL_GAP,
                       LABEL_MAX_CHARS, MAP_SIZE, MARKER_MARGIN, MARKER_R, MAX_SCALE, NOTE_FONT, NOTE_LINE, RIM_W,
                       SECTOR_CHAR_W, SECTOR_FONT, SECTOR_ICON_W,
                       SECTOR_SPAN, TAP_R, Geometry, equal_geometry, geometry, polar, rim,
                       sector_name_width)
from .inputs import cached_layout_map, layout_input, layout_key, layout_map, on_map
from .labels import MapEntry, Placed, label_box, label_text, label_width, marker_box, overlaps
from .scaling import REPAIR_LIMIT, TEXT_SCALES, map_geometry, readable_width, text_scale
from .shape import MIN_DEPTH, MIN_SPAN, roominess

__all__ = [
    "CENTRE", "CLIENT_R", "LABEL_ASCENT", "LABEL_CHAR_W", "LABEL_DESCENT", "LABEL_FONT", "LABEL_GAP",
    "LABEL_MAX_CHARS", "MAP_SIZE", "MARKER_MARGIN", "MARKER_R", "MAX_SCALE", "MIN_DEPTH", "MIN_SPAN", "NOTE_FONT",
    "NOTE_LINE", "REPAIR_LIMIT", "RIM_W", "SECTOR_CHAR_W", "SECTOR_FONT",
    "SECTOR_ICON_W", "SECTOR_SPAN", "TAP_R", "TEXT_SCALES", "Geometry",
    "MapEntry", "Placed", "cached_layout_map", "equal_geometry", "geometry", "label_box", "label_text",
    "label_width", "layout_input", "layout_key", "layout_map", "map_geometry", "marker_box", "on_map", "overlaps",
    "polar", "readable_width", "rim", "roominess", "sector_name_width", "text_scale",
]
