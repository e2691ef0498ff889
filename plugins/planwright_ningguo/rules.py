"""Ningguo-style checks: a main text without units, and a task-division table in which
every row states its own 责任单位 and 时限要求.

The table is ``plan.points`` (points → tasks → rows as items); the main text's
outline is ``plan.body``. The table prints a task as a heading row without
units, so a unit or deadline written only on the task never reaches the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from planwright.api import Item, Plan, Task, path_label, rule

if TYPE_CHECKING:
    from planwright.api import CheckContext, Finding


def _rows(plan: Plan) -> Iterator[tuple[int, Task, Item]]:
    """Each table row with its running number (rows are numbered through the whole table)."""
    number = 0
    for _, task in plan.tasks():
        for item in task.items:
            number += 1
            yield number, task, item


@rule("NG-001", "error", "分工表每一行都写明责任单位")
def check_row_units(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for number, task, item in _rows(plan):
        # A row without units under a task without units is already PW-LEAD-001's error.
        if not item.lead and task.lead:
            yield ctx.report(item, f"分工表第{number}行没有填写责任单位；任务“{task.title}”上的单位"
                                   f"（{'、'.join(task.lead)}）不印在表中，请写在本行", field="lead")


@rule("NG-002", "error", "分工表每一行都写明时限要求")
def check_row_deadlines(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for number, task, item in _rows(plan):
        if item.deadline.strip():
            continue
        hint = f"任务上的时限“{task.deadline}”不印在表中，" if task.deadline.strip() else ""
        yield ctx.report(item, f"分工表第{number}行没有时限要求；{hint}请填写如“2027年10月底”“持续推进”",
                         field="deadline")


@rule("NG-003", "warning", "分工表中每项任务至少有一行具体要求")
def check_tasks_have_rows(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for _, task in plan.tasks():
        if not task.items:
            yield ctx.report(task, f"任务“{task.title}”在分工表中没有具体要求行；请至少添加一个事项，"
                                   f"写明具体要求、责任单位和时限", field="title")


@rule("NG-004", "warning", "正文提纲与分工表的要点一一对应")
def check_body_matches_table(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    if not plan.points:
        return
    if not plan.body:
        yield ctx.report(None, "缺少正文提纲（[[body]]）：宁国式通知先印不列单位的正文，再附重点工作任务分工表",
                         field="title")
        return
    if len(plan.body) != len(plan.points):
        yield ctx.report(None, f"正文有{len(plan.body)}个要点，分工表有{len(plan.points)}个要点；"
                               f"两者应一一对应", field="title")
        return
    for index, (body, table) in enumerate(zip(plan.body, plan.points), 1):
        if body.tasks and table.tasks and len(body.tasks) != len(table.tasks):
            yield ctx.report(table, f"第{path_label((index,))}部分：正文列了{len(body.tasks)}项任务，"
                                    f"分工表列了{len(table.tasks)}项；请核对两者是否一致", severity="info")


def _body_finding(ctx: CheckContext, indices: tuple[int, ...], node_id: str, field: str,
                  message: str) -> Finding:
    """A finding about the main text's outline, which the plan's positions do not cover."""
    from planwright.api import Finding  # made when a plan is checked, not when the style loads

    line = ctx.doc.line_of(indices, field, section="body") if ctx.doc is not None else None
    assert ctx.rule is not None
    return Finding(rule=ctx.rule.id, severity=ctx.rule.severity, message=message,
                   where=f"正文 {path_label(indices)}", node_id=node_id, line=line, field=field)


@rule("NG-005", "warning", "正文不列责任单位，单位只写在分工表中")
def check_body_without_units(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for p, point in enumerate(plan.body, 1):
        for t, task in enumerate(point.tasks, 1):
            for node, indices in [(task, (p, t)), *((i, (p, t, n)) for n, i in enumerate(task.items, 1))]:
                if node.lead or node.support:
                    yield _body_finding(ctx, indices, node.id, "lead",
                                        "正文提纲中写了责任单位；宁国式正文不列单位，单位只写在分工表中")


RULES = (check_row_units, check_row_deadlines, check_tasks_have_rows, check_body_matches_table,
         check_body_without_units)
