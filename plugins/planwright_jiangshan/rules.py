"""Jiangshan-style checks for a multi-year action plan (三年行动计划).

The plan covers ``year``..``end_year``; its 进度安排 point holds the phases as
tasks and their dated milestones as items (or a phase with one date of its own).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from planwright.zh import deadlines
from planwright.api import Finding, Rule
from planwright.plan.model import Item, Plan, Point, Task
from planwright.rules.engine import CheckContext

STYLE = "jiangshan"
SCHEDULE_WORDS = ("进度安排", "实施步骤", "时间安排", "工作步骤", "推进步骤")


def schedule_points(plan: Plan) -> list[Point]:
    return [p for p in plan.points if any(w in p.title for w in SCHEDULE_WORDS)]


def milestones(task: Task) -> list[Task | Item]:
    """A phase's dated steps: its items, or the phase itself when it has none."""
    return list(task.items) if task.items else [task]


def _due(node: Task | Item, plan: Plan, ctx: CheckContext) -> dt.date | None:
    if not node.deadline.strip():
        return None
    return deadlines.parse(node.deadline, plan.meta.year or None, ctx.deadline_phrases).due


def _name(node: Task | Item) -> str:
    text = node.title if isinstance(node, Task) else node.text
    return text if len(text) <= 16 else text[:16] + "…"


def _period(plan: Plan) -> str:
    year, last = plan.meta.year, plan.meta.last_year
    return f"{year}年" if last == year else f"{year}—{last}年"


def check_period(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    meta = plan.meta
    if not meta.year:
        return  # PW-YEAR-001 says so
    if not meta.end_year or meta.end_year <= meta.year:
        yield ctx.report(None, f"多年行动计划须写明结束年度且晚于起始年度：现为 year = {meta.year}，"
                               f"end_year = {meta.end_year or '（未填）'}；三年计划应写 end_year = {meta.year + 2}",
                         field="end_year")


def check_milestones_dated(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    last = plan.meta.last_year
    for point in schedule_points(plan):
        for task in point.tasks:
            for node in milestones(task):
                due = _due(node, plan, ctx)
                if due is None:
                    yield ctx.report(node, f"进度安排中的“{_name(node)}”没有写明日期；节点须写成如"
                                           f"“{plan.meta.year}年6月30日前”", field="deadline")
                elif due.year > last:
                    yield ctx.report(node, f"节点“{_name(node)}”的时限“{node.deadline}”超出计划期（{_period(plan)}）",
                                     field="deadline")


def check_milestones_ascend(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for point in schedule_points(plan):
        for task in point.tasks:
            previous: tuple[dt.date, Task | Item] | None = None
            for node in milestones(task):
                due = _due(node, plan, ctx)
                if due is None:
                    continue
                if previous is not None and due < previous[0]:
                    yield ctx.report(node, f"节点“{_name(node)}”（{node.deadline}）早于前一节点“{_name(previous[1])}”"
                                           f"（{previous[1].deadline}）；同一阶段的节点应按时间先后排列",
                                     field="deadline")
                previous = (due, node)


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
             if (due := _due(n, plan, ctx)) is not None}
    missing = [y for y in range(meta.year, meta.last_year + 1) if y not in years]
    if missing:
        yield ctx.report(points[0], f"进度安排没有{'、'.join(f'{y}年' for y in missing)}的时间节点；"
                                    f"计划期（{_period(plan)}）的每一年都应有节点", field="title")


RULES: tuple[Rule, ...] = (
    Rule(id="JS-001", severity="error", summary="多年行动计划写明结束年度，且晚于起始年度",
         check=check_period, style=STYLE),
    Rule(id="JS-002", severity="error", summary="进度安排的每个节点都写明日期，且不超出计划期",
         check=check_milestones_dated, style=STYLE),
    Rule(id="JS-003", severity="warning", summary="同一阶段的时间节点按先后顺序排列",
         check=check_milestones_ascend, style=STYLE),
    Rule(id="JS-004", severity="warning", summary="进度安排覆盖计划期的每一年",
         check=check_years_covered, style=STYLE),
)
