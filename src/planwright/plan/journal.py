"""Undo steps that hold what an edit changed, not a copy of the plan.

An edit of ``plan.editing`` runs inside ``recording``: before it changes a list
of the plan (a point's tasks, a task's items, the registry …) it calls
``keep(list)``, and it sets an attribute with ``assign(obj, name, value)``.
The ``Change`` collects those "before" values, sharing the node objects
themselves: adding a task to a 1,000-task plan keeps one list of a point's
tasks, not a copy of every task. Undoing puts the kept values back *into the
same objects* and keeps what it replaced, so that redoing is the same swap the
other way; a step's cost is the size of what the edit touched.

Nothing is copied or re-created by an undo, so every node keeps its identity
and its id (``plan.editing``'s promise); later and earlier steps, which point
at those same objects, stay valid. ``Whole`` is the fallback for a change made
by hand (``History.record``): it keeps every object's fields, and also puts
them back in place.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from typing import Any, Iterator

from planwright.plan.model import Plan

_CURRENT: ContextVar["Change | None"] = ContextVar("planwright_change", default=None)


@dataclass(eq=False)
class Change:
    """An undo step of a structural edit: the lists and attributes it changed, as they were.

    Each record is ``[target, name, value]``: ``name`` None for a list whose
    contents were ``value``; else the attribute ``name`` of ``target`` was ``value``.
    After an undo the records hold the values the edit had set (the redo).
    """

    label: str
    selected: str | None
    records: list[list[Any]] = field(default_factory=list, repr=False)
    serial: int = 0  # which edit this is, across undo and redo (see History.serial)
    _kept: set[int] | None = field(default_factory=set, repr=False)

    def keep(self, items: list) -> None:
        if self._kept is not None and id(items) not in self._kept:
            self._kept.add(id(items))  # the list lives in the record: its id is not reused meanwhile
            self.records.append([items, None, list(items)])

    def assign(self, obj: object, name: str) -> None:
        self.records.append([obj, name, getattr(obj, name)])

    def swap(self, back: bool) -> None:
        """Put the kept values in place and keep the ones they replace: undo with ``back``
        (last change first), redo without."""
        for record in reversed(self.records) if back else self.records:
            target, name, value = record
            if name is None:
                record[2] = list(target)
                target[:] = value
            else:
                record[2] = getattr(target, name)
                setattr(target, name, value)

    def closed(self) -> "Change":
        self._kept = None  # the edit is over: no more records
        return self


@contextmanager
def recording(label: str, selected: str | None) -> Iterator[Change]:
    """Record the edit made inside into a Change; an exception takes back what it changed."""
    change = Change(label, selected)
    token = _CURRENT.set(change)
    try:
        yield change
    except BaseException:
        change.swap(back=True)
        raise
    finally:
        _CURRENT.reset(token)
        change.closed()


def keep(items: list) -> list:
    """Call before changing ``items`` (a list inside the plan); returns it."""
    change = _CURRENT.get()
    if change is not None:
        change.keep(items)
    return items


def assign(obj: object, name: str, value: object) -> None:
    """``setattr(obj, name, value)``, recorded when an edit is being recorded."""
    change = _CURRENT.get()
    if change is not None:
        change.assign(obj, name)
    setattr(obj, name, value)


# ---------------------------------------------------------------------------
# The fallback: every object's fields


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(kind: type) -> tuple[str, ...]:
    names = _NAMES.get(kind)
    if names is None:
        names = _NAMES[kind] = tuple(f.name for f in fields(kind))
    return names


def _state(obj: object, out: list[tuple[object, tuple]]) -> None:
    """``obj``'s fields (lists with their contents) into ``out``, then the objects it holds."""
    values = []
    inner: list[object] = []
    for name in _names(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, list):
            values.append((name, value, list(value)))
            inner += [v for v in value if hasattr(v, "__dataclass_fields__")]
        else:
            values.append((name, value, None))
            if hasattr(value, "__dataclass_fields__"):
                inner.append(value)
    out.append((obj, tuple(values)))
    for child in inner:
        _state(child, out)


@dataclass(eq=False)
class Whole:
    """Every object of a plan with its fields, put back in place by ``restore``."""

    label: str
    selected: str | None
    states: list[tuple[object, tuple]] = field(repr=False, default_factory=list)
    serial: int = 0

    @classmethod
    def of(cls, plan: Plan, label: str, selected: str | None, serial: int = 0) -> "Whole":
        states: list[tuple[object, tuple]] = []
        _state(plan, states)
        return cls(label, selected, states, serial)

    def restore(self) -> None:
        for obj, values in self.states:
            for name, value, contents in values:
                setattr(obj, name, value)
                if contents is not None:
                    value[:] = contents
