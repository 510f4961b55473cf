"""Small helpers for building SVG as text: escaping, numbers, colours, a few shapes.

SVG is built as strings (joined once) because that is much faster in Pyodide than ElementTree or DOM
calls. Every piece of user text goes through `esc`, which also drops characters XML 1.0 forbids, so
the result always parses.
"""
from __future__ import annotations

import json
import math
from html import escape as _escape

from .format import BAD_XML as _BAD_XML
from .format import esc, initials  # noqa: F401 - re-exported: the map drawing imports its helpers from here

SVG_NS = "http://www.w3.org/2000/svg"
# system fonts only: nothing is fetched, and a file looks alike on every device
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def json_for_xml(text: str) -> str:
    """JSON text made safe for an XML text node: characters XML cannot hold become \\uXXXX escapes
    (valid JSON, since they can only occur inside JSON strings), then &, < and > are escaped."""
    if _BAD_XML.search(text):
        text = _BAD_XML.sub(lambda m: "\\u%04x" % ord(m.group()), text)
    return _escape(text, quote=False)


def file_head(case, width: float, height: float, *, title: str, desc: str, attrs: str = "") -> str:
    """The start of every standalone SVG file of the app, up to the white page: XML declaration, the
    root with its size, `<title>`/`<desc>` for screen readers, and the whole case as JSON in
    `<metadata id="snv-case">`, so the file opens again as the case (storage/files.read_case_file).
    `attrs`: more attributes of the root (e.g. ` font-size="16"`). The caller ends with `</svg>`."""
    data = json.dumps(case.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    w, h = num(width), num(height)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="{SVG_NS}" version="1.1" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            f'font-family="{FONT}"{attrs} role="img" aria-labelledby="snv-title snv-desc">'
            f'<title id="snv-title">{esc(title)}</title><desc id="snv-desc">{esc(desc)}</desc>'
            f'<metadata id="snv-case">{json_for_xml(data)}</metadata>'
            f'<rect width="{w}" height="{h}" fill="#FFFFFF"/>')


def num(v: float) -> str:
    """Short SVG number: one decimal, no trailing .0."""
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    return "0" if s == "-0" else s


def mix(hex_colour: str, f: float, other: str = "#FFFFFF") -> str:
    """`f` of hex_colour mixed with `other` (default white): mix(c, 0.2) is a light tint of c."""
    a = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * f + y * (1 - f)):02X}" for x, y in zip(a, b))


def hexagon(r: float) -> str:
    """Path data of a hexagon with corner radius r around (0, 0), flat top."""
    pts = [(r * math.cos(math.radians(a)), r * math.sin(math.radians(a))) for a in range(0, 360, 60)]
    return "M" + "L".join(f"{num(x)} {num(y)}" for x, y in pts) + "Z"


def zigzag(x1: float, y1: float, x2: float, y2: float, step: float = 12.0, amp: float = 5.0) -> str:
    """Path data of a zig-zag line from (x1, y1) to (x2, y2)."""
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return f"M{num(x1)} {num(y1)}"
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    n = max(2, int(length // step))
    parts = [f"M{num(x1)} {num(y1)}"]
    for i in range(1, n):
        d = length * i / n
        side = amp if i % 2 else -amp
        parts.append(f"L{num(x1 + ux * d + nx * side)} {num(y1 + uy * d + ny * side)}")
    parts.append(f"L{num(x2)} {num(y2)}")
    return "".join(parts)


def wrap(text: str, max_chars: int) -> list[str]:
    """`text` as lines of at most `max_chars` characters for SVG <text> (which does not wrap): words
    are filled greedily, a word longer than a line is broken, a newline starts a new line (an empty
    line stays empty). Whitespace inside a line becomes one space. Empty text gives []."""
    width = max(1, int(max_chars))
    lines: list[str] = []
    for paragraph in str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            while len(word) > width:  # a long word (a link, a name without spaces) is cut, never overflows
                room = width - len(line) - 1 if line else width
                if room <= 0:
                    lines.append(line)
                    line, room = "", width
                head, word = word[:room], word[room:]
                lines.append(f"{line} {head}" if line else head)
                line = ""
            if not word:
                continue
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line = f"{line} {word}"
            else:
                lines.append(line)
                line = word
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def clip_lines(lines: list[str], max_lines: int, max_chars: int) -> list[str]:
    """At most `max_lines` lines; when text was left out the last line ends in "…" (within max_chars)."""
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max(1, max_lines)]
    last = kept[-1]
    kept[-1] = (last[:max(0, max_chars - 1)].rstrip() if len(last) >= max_chars else last) + "…"
    return kept
