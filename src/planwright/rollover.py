"""Roll a plan into another year: move every dated deadline, the title's year, and say what could not move."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import deadlines
from .model import Item, Plan, Task
from .numbering import path_label

_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2}|21\d{2})(?!\d)")


@dataclass(frozen=True)
class RollNote:
    """A place the roll-over left for a person to look at."""

    where: str  # display path, or "plan"
    field: str
    message: str


def shift_years_in(text: str, years: set[int], delta: int) -> str:
    """Move the given years (and only those) written in a text by ``delta``."""
    return _YEAR.sub(lambda m: str(int(m.group()) + delta) if int(m.group()) in years else m.group(), text)


def roll_over(plan: Plan, year: int) -> list[RollNote]:
    """Move ``plan`` to ``year`` in place; returns the places a person must look at."""
    meta = plan.meta
    delta = year - meta.year
    old_years = set(range(meta.year, meta.last_year + 1))
    notes: list[RollNote] = []
    meta.title = shift_years_in(meta.title, old_years, delta)
    meta.preamble = shift_years_in(meta.preamble, old_years, delta)
    meta.year = year
    if meta.end_year:
        meta.end_year += delta
    meta.doc_number = ""
    meta.date = ""
    meta.print_date = ""
    for p, point in enumerate(plan.points, 1):
        for t, task in enumerate(point.tasks, 1):
            notes += _roll_node(task, (p, t), delta)
            for i, item in enumerate(task.items, 1):
                notes += _roll_node(item, (p, t, i), delta)
    return notes


def _roll_node(node: Task | Item, indices: tuple[int, ...], delta: int) -> list[RollNote]:
    where = path_label(indices)
    notes = []
    if node.deadline:
        parsed = deadlines.parse(node.deadline)
        if parsed.kind is deadlines.Kind.UNPARSED:
            notes.append(RollNote(where, "deadline", f"{where} 的时限“{node.deadline}”无法识别，未改动"))
        node.deadline = deadlines.shift(node.deadline, delta)
    text = node.text if isinstance(node, Item) else f"{node.title}{node.text}"
    if delta and _YEAR.search(text):
        years = sorted({m.group() for m in _YEAR.finditer(text)})
        notes.append(RollNote(where, "text", f"{where} 的正文提到年份 {'、'.join(years)}，请确认是否需要改为新年度"))
    return notes
