"""Jiangshan-style checks for a multi-year action plan (三年行动计划).

The plan covers ``year``..``end_year``; its 进度安排 point holds the phases as
tasks and their dated milestones as items (or a phase with one date of its own).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterator

from planwright.api import Item, Plan, Point, Task, excerpt, rule

if TYPE_CHECKING:
    from planwright.api import CheckContext, Finding

SCHEDULE_WORDS = ("进度安排", "实施步骤", "时间安排", "工作步骤", "推进步骤")


def schedule_points(plan: Plan) -> list[Point]:
    return [p for p in plan.points if any(w in p.title for w in SCHEDULE_WORDS)]


def milestones(task: Task) -> list[Task | Item]:
    """A phase's dated steps: its items, or the phase itself when it has none."""
    return list(task.items) if task.items else [task]


def _due(node: Task | Item, ctx: CheckContext) -> dt.date | None:
    if not node.deadline.strip():
        return None
    return ctx.deadline(node.deadline).due


def _period(plan: Plan) -> str:
    year, last = plan.meta.year, plan.meta.last_year
    return f"{year}年" if last == year else f"{year}—{last}年"


@rule("JS-001", "error", "多年行动计划写明结束年度，且晚于起始年度")
def check_period(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    meta = plan.meta
    if not meta.year:
        return  # PW-YEAR-001 says so
    if not meta.end_year or meta.end_year <= meta.year:
        yield ctx.report(None, f"多年行动计划须写明结束年度且晚于起始年度：现为 year = {meta.year}，"
                               f"end_year = {meta.end_year or '（未填）'}；三年计划应写 end_year = {meta.year + 2}",
                         field="end_year")


@rule("JS-002", "error", "进度安排的每个节点都写明日期，且不超出计划期")
def check_milestones_dated(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    last = plan.meta.last_year
    for point in schedule_points(plan):
        for task in point.tasks:
            for node in milestones(task):
                due = _due(node, ctx)
                if due is None:
                    yield ctx.report(node, f"进度安排中的“{excerpt(node)}”没有写明日期；节点须写成如"
                                           f"“{plan.meta.year}年6月30日前”", field="deadline")
                elif due.year > last:
                    yield ctx.report(node, f"节点“{excerpt(node)}”的时限“{node.deadline}”超出计划期（{_period(plan)}）",
                                     field="deadline")


@rule("JS-003", "warning", "同一阶段的时间节点按先后顺序排列")
def check_milestones_ascend(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for point in schedule_points(plan):
        for task in point.tasks:
            previous: tuple[dt.date, Task | Item] | None = None
            for node in milestones(task):
                due = _due(node, ctx)
                if due is None:
                    continue
                if previous is not None and due < previous[0]:
                    yield ctx.report(node, f"节点“{excerpt(node)}”（{node.deadline}）早于前一节点“{excerpt(previous[1])}”"
                                           f"（{previous[1].deadline}）；同一阶段的节点应按时间先后排列",
                                     field="deadline")
                previous = (due, node)


@rule("JS-004", "warning", "进度安排覆盖计划期的每一年")
def check_years_covered(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    meta = plan.meta
    points = schedule_points(plan)
    if not points:
        if meta.end_year > meta.year:
            yield ctx.report(None, "多年行动计划应有“进度安排”一部分，按年度列出时间节点", field="title")
        return
    if not meta.year or meta.last_year - meta.year > 20:
        return  # no period to cover (PW-YEAR-001 and JS-001 say what is wrong)
    years = {due.year for p in points for t in p.tasks for n in milestones(t)
             if (due := _due(n, ctx)) is not None}
    missing = [y for y in range(meta.year, meta.last_year + 1) if y not in years]
    if missing:
        yield ctx.report(points[0], f"进度安排没有{'、'.join(f'{y}年' for y in missing)}的时间节点；"
                                    f"计划期（{_period(plan)}）的每一年都应有节点", field="title")


RULES = (check_period, check_milestones_dated, check_milestones_ascend, check_years_covered)
