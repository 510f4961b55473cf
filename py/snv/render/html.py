"""Small helpers to build HTML strings safely. Every piece of user text goes through `esc`.

Renderers build one string per region (the browser sets innerHTML once), so these helpers are plain
string functions without a DOM. Attribute values are always quoted and escaped.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Optional, Sequence

from ..messages import t
from .format import esc, initials  # re-exported: screens import all their HTML helpers from here


def attrs(**kw: Any) -> str:
    """' name="value"' pairs. `cls` → class, `data_x` → data-x, `aria_x` → aria-x; True → bare
    attribute, False/None → left out."""
    out = []
    for key, value in kw.items():
        if value is None or value is False:
            continue
        name = "class" if key == "cls" else ("for" if key == "for_" else key.replace("_", "-"))
        if value is True:
            out.append(f" {name}")
        else:
            out.append(f' {name}="{esc(value)}"')
    return "".join(out)


def data_attrs(data: Optional[dict]) -> str:
    return "".join(f' data-{esc(k)}="{esc(v)}"' for k, v in (data or {}).items() if v is not None)


def join(parts: Iterable[str]) -> str:
    return "".join(parts)


def button(label: str, action: Optional[str] = None, *, icon: str = "", cls: str = "btn", data: Optional[dict] = None,
           pressed: Optional[bool] = None, disabled: bool = False, id: Optional[str] = None,
           aria_label: Optional[str] = None, autofocus: bool = False, extra: str = "", kind: str = "button") -> str:
    """A real <button> with visible text (and an optional decorative icon)."""
    a = attrs(type=kind, cls=cls, id=id, data_action=action, aria_pressed=None if pressed is None else
              ("true" if pressed else "false"), disabled=disabled, aria_label=aria_label,
              data_autofocus=autofocus)
    return f"<button{a}{data_attrs(data)}{extra}>{icon_html(icon)}<span class=\"btn-text\">{esc(label)}</span></button>"


def icon_html(svg: str) -> str:
    """Icons are decorative: the text next to them carries the meaning."""
    if not svg:
        return ""
    return f'<span class="icon" aria-hidden="true">{svg}</span>'


def segmented(legend: str, options: Sequence[tuple[Any, str]], current: Any, action: str, *,
              data: Optional[dict] = None, disabled: bool = False, cls: str = "", hint: str = "",
              group_id: Optional[str] = None) -> str:
    """A group of toggle buttons (not a dropdown): one is pressed. Values go in data-value."""
    buttons = []
    for value, label in options:
        d = {**(data or {}), "value": "" if value is None else _dataval(value)}
        buttons.append(button(label, action, cls="seg", data=d, pressed=(value == current), disabled=disabled))
    hint_html = f'<p class="hint">{esc(hint)}</p>' if hint else ""
    return (f'<fieldset class="segmented {esc(cls)}"{attrs(id=group_id)}><legend>{esc(legend)}</legend>'
            f'{hint_html}<div class="seg-row">{"".join(buttons)}</div></fieldset>')


def _dataval(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def text_field(label: str, *, id: str, value: str = "", action: Optional[str] = None, data: Optional[dict] = None,
               hint: str = "", error: str = "", kind: str = "text", required: bool = False,
               autofocus: bool = False, maxlength: Optional[int] = None, inputmode: Optional[str] = None,
               live: Optional[str] = None, disabled: bool = False, placeholder: Optional[str] = None,
               autocomplete: str = "off") -> str:
    """<label> + <input> with hint and error tied by aria-describedby. `required` is said to assistive
    technology only (aria-required): the app checks the value and shows its own Dutch message, never
    the browser's validation bubble (every <form> is novalidate too; tests/unit/test_forms.py)."""
    described = " ".join(x for x in (f"{id}-hint" if hint else "", f"{id}-err" if error else "") if x) or None
    a = attrs(type=kind, id=id, name=id, value=value, data_action=action, data_live=live,
              aria_required="true" if required else None,
              aria_invalid="true" if error else None, aria_describedby=described, data_autofocus=autofocus,
              maxlength=maxlength, inputmode=inputmode, disabled=disabled, placeholder=placeholder,
              autocomplete=autocomplete, spellcheck="false" if kind != "text" else None)
    parts = [f'<div class="field"><label{attrs(for_=id)}>{esc(label)}</label>']
    if hint:
        parts.append(f'<p class="hint" id="{esc(id)}-hint">{esc(hint)}</p>')
    parts.append(f"<input{a}{data_attrs(data)}>")
    if error:
        parts.append(f'<p class="field-error" role="alert" id="{esc(id)}-err">{esc(error)}</p>')
    parts.append("</div>")
    return "".join(parts)


def textarea(label: str, *, id: str, value: str = "", action: Optional[str] = None, data: Optional[dict] = None,
             rows: int = 3, maxlength: Optional[int] = None, disabled: bool = False, label_hidden: bool = False) -> str:
    a = attrs(id=id, name=id, data_action=action, rows=rows, maxlength=maxlength, disabled=disabled)
    lab_cls = ' class="visually-hidden"' if label_hidden else ""
    return (f'<div class="field"><label{attrs(for_=id)}{lab_cls}>{esc(label)}</label>'
            f"<textarea{a}{data_attrs(data)}>{esc(value)}</textarea></div>")


def checkbox(label: str, *, id: str, checked: bool, action: Optional[str] = None, data: Optional[dict] = None,
             hint: str = "", name: Optional[str] = None) -> str:
    """A checkbox inside its <label>: the whole row (≥ 44 px high, site/styles.css .check) is what a
    finger can tap, not only the box."""
    a = attrs(type="checkbox", id=id, name=name or id, checked=checked, data_action=action,
              aria_describedby=f"{id}-hint" if hint else None)
    hint_html = f'<span class="hint" id="{esc(id)}-hint">{esc(hint)}</span>' if hint else ""
    return (f'<label class="check"{attrs(for_=id)}><input{a}{data_attrs(data)}>'
            f'<span class="check-text">{esc(label)}{hint_html}</span></label>')


def plural(count: int, one_key: str, many_key: str, **values: Any) -> str:
    return t(one_key if count == 1 else many_key, count=count, **values)


# ----- person markers (UX.md §5: circle with initials; hexagon for professionals; paw for pets) -----

_HEXAGON = "20,2 35.6,11 35.6,29 20,38 4.4,29 4.4,11"


def marker(naam: str, *, sector: Optional[str] = None, professioneel: bool = False, soort: str = "mens",
           overleden: bool = False, klant: bool = False, size: int = 40) -> str:
    """A small decorative SVG marker; the name next to it carries the meaning (aria-hidden)."""
    from .icons import PAW  # noqa: PLC0415 (icons imports nothing from here)

    cls = f"marker sec-{sector or 'geen'}" + (" is-overleden" if overleden else "") + (" is-klant" if klant else "")
    if soort == "huisdier":
        shape = '<circle class="m-shape" cx="20" cy="20" r="18"/>'
        inner = f'<g transform="translate(6 6) scale(1.17)" class="m-paw">{PAW}</g>'
    else:
        shape = (f'<polygon class="m-shape" points="{_HEXAGON}"/>' if professioneel
                 else '<circle class="m-shape" cx="20" cy="20" r="18"/>')
        if klant:
            shape += '<circle class="m-outer" cx="20" cy="20" r="14.5"/>'
        inner = f'<text class="m-text" x="20" y="25.5" text-anchor="middle">{esc(initials(naam))}</text>'
    return (f'<svg class="{cls}" viewBox="0 0 40 40" width="{size}" height="{size}" aria-hidden="true"'
            f' focusable="false">{shape}{inner}</svg>')


def step_dots(key: str, steps: Sequence[int], nr: int, *, label: str, go: Callable[[int], str]) -> str:
    """The row of numbered step buttons of a guided walk (bijeenkomst, overleg): `nr` is the step shown
    (aria-current), steps before it are done; each button's name is `go(n)`; action `<key>.step`."""
    dots = []
    for n in steps:
        here = n == nr
        current = ' aria-current="step"' if here else ""
        dots.append(f'<li><button type="button" class="bk-dot{" is-here" if here else ""}{" is-done" if n < nr else ""}" '
                    f'data-action="{key}.step" data-value="{n}" aria-label="{esc(go(n))}"{current}>{n}</button></li>')
    return f'<ol class="bk-dots" aria-label="{esc(label)}">{"".join(dots)}</ol>'
