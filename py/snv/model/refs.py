"""The one reference table of the schema: markers on fields, and walkers driven by them.

A field that holds the id of another object carries a `Ref` marker (what it points at, what happens
to it when that object is removed); a text field carries a `Free` marker (how a pseudonymised export
treats it). Integrity, remove-person, references and the pseudonymiser all read these markers, so a
new field is declared once, next to its type. `tests/unit/test_refs_table.py` fails when a field of
type Id or str is left undeclared.
"""
from __future__ import annotations

from operator import attrgetter
import types
import typing
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Literal, Optional, Union

from pydantic import BaseModel

OnRemove = Literal["clear", "entry", "owner", "never"]


@dataclass(frozen=True)
class Ref:
    """This Id field points at an object of kind `target` ("persoon", "vraag", "afspraak").

    on_remove, when that object goes: "clear" sets an optional field to None; "entry" drops the id
    from a list; "owner" drops the object holding the field (a tie cannot exist without both ends);
    "never" means the target cannot be removed this way (the client).
    what: catalogue key naming the place in an error message (may use {owner.<field>}).
    group: catalogue group for "Ze verdwijnt ook uit …" (ops.references); None = not mentioned.
    """
    target: str
    what: str
    on_remove: OnRemove = "clear"
    group: Optional[str] = None
    error: str = "err.unknown_person"


@dataclass(frozen=True)
class Free:
    """A str field written by people. kind: "naam" (a person's name), "rol" (a free-text role),
    "interesse" (a short word that may be shared), "tekst" (story, note, title: dropped when
    pseudonymised; `placeholder` is a catalogue key with {nr} used instead of a non-empty text)."""
    kind: Literal["naam", "rol", "interesse", "tekst"]
    placeholder: Optional[str] = None


@dataclass(frozen=True)
class Sensitive:
    """A coded value that reveals too much in a pseudonymised export: "neutral" replaces it by
    `value`; "birth_year" becomes an age band."""
    kind: Literal["neutral", "birth_year"]
    value: Any = None


# ----- the plan of a model class: which fields hold what (computed once per class) -----

@dataclass(frozen=True)
class FieldPlan:
    name: str
    is_list: bool
    model: Optional[type[BaseModel]]  # a sub-model class (or None)
    leaf: Any  # the leaf type after unwrapping Optional/list/Annotated
    ref: Optional[Ref]
    free: Optional[Free]
    sensitive: Optional[Sensitive]
    own_id: bool  # the object's own `id`


def _unwrap(tp: Any, metadata: tuple = ()) -> tuple[Any, bool, tuple]:
    """(leaf type, is list, markers) of an annotation such as Optional[list[Annotated[str, Ref]]]."""
    is_list = False
    markers = list(metadata)
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            markers.extend(tp.__metadata__)
            tp = tp.__origin__
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                raise TypeError(f"union of several types is not supported by the reference table: {tp}")
            tp = args[0]
        elif origin is list:
            is_list = True
            tp = typing.get_args(tp)[0]
        else:
            return tp, is_list, tuple(markers)


_Marker = typing.TypeVar("_Marker", Ref, Free, Sensitive)


def _first(markers: tuple, cls: type[_Marker]) -> Optional[_Marker]:
    found = [m for m in markers if isinstance(m, cls)]
    return found[0] if found else None


_PLANS: dict[type[BaseModel], tuple[FieldPlan, ...]] = {}


def plan(cls: type[BaseModel]) -> tuple[FieldPlan, ...]:
    if cls not in _PLANS:
        rows = []
        for name, info in cls.model_fields.items():
            leaf, is_list, markers = _unwrap(info.annotation, tuple(info.metadata))
            model = leaf if isinstance(leaf, type) and issubclass(leaf, BaseModel) else None
            rows.append(FieldPlan(name, is_list, model, leaf, _first(markers, Ref), _first(markers, Free),
                                  _first(markers, Sensitive), name == "id"))
        _PLANS[cls] = tuple(rows)
    return _PLANS[cls]


def own_scope(cls: type[BaseModel]) -> bool:
    """A model whose references point inside itself (a snapshot keeps its own persons)."""
    return bool(getattr(cls, "ref_scope", False))


def id_kind(cls: type[BaseModel]) -> str:
    """What kind of object an own `id` names ("persoon" for Persoon and KaartPersoon)."""
    return getattr(cls, "ref_target", cls.__name__.lower())


_HAS_REFS: dict[type[BaseModel], bool] = {}


def _has_refs(cls: type[BaseModel]) -> bool:
    """Whether walking into `cls` can find a Ref (lets walkers skip whole sub-trees, e.g. Contact)."""
    if cls not in _HAS_REFS:
        _HAS_REFS[cls] = False  # cycles are impossible in this schema, but stay safe
        _HAS_REFS[cls] = any(f.ref or (f.model and not own_scope(f.model) and _has_refs(f.model))
                             for f in plan(cls))
    return _HAS_REFS[cls]


# ----- walkers over models -----

_WALK: dict[type[BaseModel], tuple] = {}


def _walk_plan(cls: type[BaseModel]):
    """Only what a reference walk needs of `cls`: its Ref fields and the children that can hold refs
    (keeps the whole-case check cheap: a person's 13 fields become one, `notities`)."""
    if cls not in _WALK:
        fields = plan(cls)
        _WALK[cls] = (tuple((f.name, f.is_list, f.ref) for f in fields if f.ref is not None),
                      tuple((f.name, f.is_list) for f in fields
                            if f.ref is None and f.model is not None and not own_scope(f.model)
                            and _has_refs(f.model)))
    return _WALK[cls]


def iter_refs(model: BaseModel) -> Iterator[tuple[BaseModel, Ref, str]]:
    """(owner, ref, id) for every reference in `model`, not entering objects with their own scope
    (snapshots) below the root."""
    stack = [model]
    while stack:
        obj = stack.pop()
        refs, children = _walk_plan(type(obj))
        for name, is_list, ref in refs:
            value = getattr(obj, name)
            if is_list:
                for v in value:
                    yield obj, ref, v
            elif value is not None:
                yield obj, ref, value
        for name, is_list in children:
            value = getattr(obj, name)
            if is_list:
                stack.extend(reversed(value))
            elif value is not None:
                stack.append(value)


def find_dangling(model: BaseModel, targets: dict[str, set]) -> Optional[tuple[BaseModel, Ref, str]]:
    """The first reference in `model` whose id is not in targets[ref.target], or None.

    Same walk as iter_refs, but batched per field over all objects of a class (set operations
    instead of one Python step per id), because it runs on every edit of a 2,000-person case."""
    batches: list[tuple[type[BaseModel], list]] = [(type(model), [model])]
    while batches:
        cls, objs = batches.pop()
        refs, children = _walk_plan(cls)
        for name, is_list, ref in refs:
            known = targets[ref.target]
            get = attrgetter(name)
            if is_list:
                values = {v for o in objs for v in get(o)}
            else:
                values = set(map(get, objs))
                values.discard(None)
            if not values <= known:
                for o in objs:  # rare: find the owner to name it in the message
                    for v in (get(o) if is_list else (get(o),)):
                        if v is not None and v not in known:
                            return o, ref, v
        for name, is_list in children:
            get = attrgetter(name)
            kids = [k for o in objs for k in get(o)] if is_list else [k for k in map(get, objs) if k is not None]
            if kids:
                batches.append((type(kids[0]), kids))
    return None


DROP = object()  # returned by `without` for an object that cannot exist without the removed one


def without(model: BaseModel, target: str, value: str) -> Any:
    """`model` with every reference to (target, value) removed as its Ref says, or DROP. Unchanged
    objects are returned as they are (shared with the old case, as the undo history expects)."""
    changes: dict[str, Any] = {}
    for f in plan(type(model)):
        if f.ref is not None and f.ref.target == target:
            current = getattr(model, f.name)
            if f.is_list:
                if value in current:
                    if f.ref.on_remove == "owner":
                        return DROP
                    changes[f.name] = [v for v in current if v != value]
            elif current == value:
                if f.ref.on_remove == "never":
                    raise ValueError(f"{type(model).__name__}.{f.name} cannot lose its {target}")
                if f.ref.on_remove == "owner":
                    return DROP
                changes[f.name] = None
        elif f.model is not None and not own_scope(f.model) and _has_refs(f.model):
            current = getattr(model, f.name)
            if f.is_list:
                new_items, changed = [], False
                for item in current:
                    new = without(item, target, value)
                    changed = changed or new is not item
                    if new is not DROP:
                        new_items.append(new)
                if changed:
                    changes[f.name] = new_items
            elif current is not None:
                new = without(current, target, value)
                if new is DROP:
                    raise ValueError(f"{type(model).__name__}.{f.name} cannot be dropped")
                if new is not current:
                    changes[f.name] = new
    return model.model_copy(update=changes) if changes else model


# ----- walker over dumped data (the pseudonymiser works on JSON-ready dicts) -----

def each_object(cls: type[BaseModel], data: dict, visit: Callable[[type[BaseModel], dict, int], None],
                index: int = 0) -> None:
    """Call visit(cls, obj, index) for `data` and every object dict below it (parents first), where
    index is the object's 0-based place in its list."""
    visit(cls, data, index)
    for f in plan(cls):
        if f.model is None:
            continue
        value = data.get(f.name)
        if f.is_list:
            for i, item in enumerate(value or ()):
                each_object(f.model, item, visit, i)
        elif value is not None:
            each_object(f.model, value, visit, 0)


def ref_groups(root: type[BaseModel]) -> list[str]:
    """The Ref groups in schema order (fields in declaration order, depth first): the order in which
    "Ze verdwijnt ook uit …" lists them."""
    out: list[str] = []

    def visit(cls: type[BaseModel]) -> None:
        for f in plan(cls):
            if f.ref is not None and f.ref.group and f.ref.group not in out:
                out.append(f.ref.group)
            elif f.model is not None and not own_scope(f.model):
                visit(f.model)
    visit(root)
    return out


def all_classes(root: type[BaseModel]) -> list[type[BaseModel]]:
    """Every model class reachable from `root` (for the schema walk test)."""
    seen: list[type[BaseModel]] = []
    todo = [root]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.append(cls)
        todo.extend(f.model for f in plan(cls) if f.model is not None)
    return seen

