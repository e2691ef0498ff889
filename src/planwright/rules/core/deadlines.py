"""Core rules on deadlines: each one readable, and inside the plan's period and after its 成文日期."""

from __future__ import annotations

from typing import Iterator

from planwright.plan.model import Item, Plan, Task
from planwright.rules.core.walk import Findings, attributed, cn_date, iso_date
from planwright.rules.engine import CheckContext
from planwright.zh import deadlines


def _deadlines(plan: Plan, ctx: CheckContext) -> Iterator[tuple[Task | Item, deadlines.Deadline]]:
    """Each non-empty deadline with its meaning; year-less ones resolve to the plan year."""
    for node in attributed(plan):
        if node.deadline.strip():
            yield node, ctx.deadline(node.deadline)


def check_deadline_parses(plan: Plan, ctx: CheckContext) -> Findings:
    for node, meaning in _deadlines(plan, ctx):
        if meaning.kind is deadlines.Kind.UNPARSED:
            yield ctx.report(node, f"时限“{node.deadline}”无法识别：{meaning.reason}。"
                                   "请写成如“2027年10月底前”“持续推进”“每季度”", field="deadline")


def check_deadline_before_year(plan: Plan, ctx: CheckContext) -> Findings:
    year = plan.meta.year
    if not year:
        return
    for node, meaning in _deadlines(plan, ctx):
        if meaning.due is not None and meaning.due.year < year:
            yield ctx.report(node, f"时限“{node.deadline}”（{cn_date(meaning.due)}）早于计划年度{year}年",
                             field="deadline")


def check_deadline_after_year(plan: Plan, ctx: CheckContext) -> Findings:
    year, last = plan.meta.year, plan.meta.last_year
    if not year:
        return
    period = f"{year}年" if last == year else f"{year}—{last}年"
    for node, meaning in _deadlines(plan, ctx):
        if meaning.due is not None and meaning.due.year > last:
            yield ctx.report(node, f"时限“{node.deadline}”（{cn_date(meaning.due)}）超出计划期（{period}）",
                             field="deadline")


def check_deadline_before_date(plan: Plan, ctx: CheckContext) -> Findings:
    signed = iso_date(plan.meta.date)
    if signed is None:
        return
    for node, meaning in _deadlines(plan, ctx):
        due = meaning.due
        # a deadline in an earlier year is already an error of its own (PW-DL-002)
        if due is not None and due < signed and due.year >= (plan.meta.year or 0):
            yield ctx.report(node, f"时限“{node.deadline}”（{cn_date(due)}）早于成文日期{cn_date(signed)}",
                             field="deadline")
