"""What the core rules share: the nodes and fields they read, and how their messages quote them."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from planwright.api import Finding
from planwright.plan.model import Item, Node, Plan, Task
from planwright.rules.engine import node_label
from planwright.zh.lazyre import lazy_compile

Findings = Iterator[Finding]


def attributed(plan: Plan) -> Iterator[Task | Item]:
    """Every task and item (the nodes that carry units and deadlines)."""
    for _, task in plan.tasks():
        yield task
        yield from task.items


def prose(plan: Plan) -> Iterator[tuple[Node | None, str, str]]:
    """(node, field, text) of every free-text field; node None is the [plan] table."""
    meta = plan.meta
    for name in ("title", "preamble", "closing"):
        yield None, name, getattr(meta, name)
    for point in plan.points:
        yield point, "title", point.title
        yield point, "text", point.text
        for task in point.tasks:
            yield task, "title", task.title
            yield task, "text", task.text
            for item in task.items:
                yield item, "text", item.text


def printed(plan: Plan) -> Iterator[tuple[Node | None, str, str]]:
    """Prose plus the deadlines, which are printed in the notice and the table too."""
    yield from prose(plan)
    for node in attributed(plan):
        yield node, "deadline", node.deadline


def snippet(text: str, start: int, end: int, around: int = 6) -> str:
    """A few characters either side of a match, on one line, for messages."""
    left = max(0, start - around)
    piece = text[left:end + around].replace("\n", " ")
    return ("…" if left else "") + piece + ("…" if end + around < len(text) else "")


def label(node: Node | None) -> str:
    """要点 / 任务 / 事项, or 计划 for the [plan] table: how a message names what it is about."""
    return "计划" if node is None else node_label(node)


FIELD_WORD = {"title": "标题", "text": "正文", "preamble": "导语", "closing": "结尾", "deadline": "时限"}


def cn_date(day: dt.date) -> str:
    """2027年3月1日: a date as the messages write it."""
    return f"{day.year}年{day.month}月{day.day}日"


_ISO = lazy_compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(value: str) -> dt.date | None:
    """A [plan] date written as TOML writes it (2027-03-01), or None when it is not a real one."""
    if not _ISO.fullmatch(value or ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
