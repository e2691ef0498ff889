"""Dalian-style checks: every paragraph ends in （A牵头落实，B配合落实）; 保障措施 carries no units."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from planwright.api import Plan, Point, attributed_nodes, excerpt, is_collective, rule

if TYPE_CHECKING:
    from planwright.api import CheckContext, Finding

# The closing point of a Dalian plan: general safeguards, printed without units.
SAFEGUARD_WORDS = ("保障措施",)


def is_safeguard(point: Point) -> bool:
    return any(word in point.title for word in SAFEGUARD_WORDS)


@rule("DL-001", "error", "写配合单位的同时须写牵头单位（A牵头落实，B配合落实）")
def check_support_needs_lead(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for node in attributed_nodes(plan):
        if node.support and not node.lead:
            yield ctx.report(node, f"“{excerpt(node)}”只写了配合单位（{'、'.join(node.support)}）；"
                                   f"大连式写作（A牵头落实，B配合落实），须先写牵头单位", field="lead")


@rule("DL-002", "warning", "牵头单位先写具体部门，再写各区市县政府等统称")
def check_lead_named_first(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for node in attributed_nodes(plan):
        if not node.lead or not is_collective(ctx, node.lead[0]):
            continue
        concrete = [n for n in node.lead if not is_collective(ctx, n)]
        if concrete:
            yield ctx.report(node, f"牵头单位中统称“{node.lead[0]}”排在具体部门“{concrete[0]}”之前；"
                                   f"大连式先写具体牵头部门，再写各区市县政府等统称", field="lead")


@rule("DL-003", "warning", "分段落实的任务，每一段都注明牵头单位")
def check_paragraphs_attributed(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    """A task split into paragraphs: either each paragraph names its units, or none does."""
    for point, task in plan.tasks():
        if is_safeguard(point) or not task.items:
            continue
        with_units = [i for i in task.items if i.lead or i.support]
        if not with_units or len(with_units) == len(task.items):
            continue
        for item in task.items:
            if not (item.lead or item.support):
                yield ctx.report(item, f"任务“{task.title}”的其他段落各自注明了单位，这一段（{excerpt(item)}）没有；"
                                       f"大连式通知每段末尾都印（…牵头落实）", field="lead")


@rule("DL-004", "info", "以“保障措施”收尾，保障措施不列责任单位")
def check_safeguards(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    safeguards = [p for p in plan.points if is_safeguard(p)]
    if plan.points and not safeguards:
        yield ctx.report(None, "大连式工作要点通常以“保障措施”一部分收尾（组织领导、考核监督、经费保障等）",
                         field="title")
    for point in safeguards:
        for task in point.tasks:
            if task.lead or task.support or any(i.lead or i.support for i in task.items):
                yield ctx.report(task, f"保障措施“{task.title}”写了责任单位；大连式的保障措施面向各地区各部门，"
                                       f"通常不列单位，确需分工的可移入前面的要点", field="lead")


RULES = (check_support_needs_lead, check_lead_named_first, check_paragraphs_attributed, check_safeguards)
