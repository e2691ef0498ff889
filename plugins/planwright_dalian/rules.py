"""Dalian-style checks: every paragraph ends in （A牵头落实，B配合落实）; 保障措施 carries no units."""

from __future__ import annotations

from typing import Iterator

from planwright.api import Finding, Rule
from planwright.plan.model import Item, Plan, Point, Task
from planwright.rules.engine import CheckContext

STYLE = "dalian"
# The closing point of a Dalian plan: general safeguards, printed without units.
SAFEGUARD_WORDS = ("保障措施",)


def is_safeguard(point: Point) -> bool:
    return any(word in point.title for word in SAFEGUARD_WORDS)


def is_collective(ctx: CheckContext, name: str) -> bool:
    """各区市县政府, 市政府各部门, 有关部门 …: a group of units rather than one office."""
    unit = ctx.registry.unit(name)
    if unit is not None and unit.kind:
        return unit.kind == "统称"
    return name.startswith(("各", "有关", "相关")) or "各部门" in name or "有关部门" in name


def _excerpt(node: Task | Item) -> str:
    text = node.title if isinstance(node, Task) else node.text
    return text if len(text) <= 16 else text[:16] + "…"


def _attributed_nodes(plan: Plan) -> Iterator[Task | Item]:
    for _, task in plan.tasks():
        yield task
        yield from task.items


def check_support_needs_lead(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for node in _attributed_nodes(plan):
        if node.support and not node.lead:
            yield ctx.report(node, f"“{_excerpt(node)}”只写了配合单位（{'、'.join(node.support)}）；"
                                   f"大连式写作（A牵头落实，B配合落实），须先写牵头单位", field="lead")


def check_lead_named_first(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for node in _attributed_nodes(plan):
        if not node.lead or not is_collective(ctx, node.lead[0]):
            continue
        concrete = [n for n in node.lead if not is_collective(ctx, n)]
        if concrete:
            yield ctx.report(node, f"牵头单位中统称“{node.lead[0]}”排在具体部门“{concrete[0]}”之前；"
                                   f"大连式先写具体牵头部门，再写各区市县政府等统称", field="lead")


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
                yield ctx.report(item, f"任务“{task.title}”的其他段落各自注明了单位，这一段（{_excerpt(item)}）没有；"
                                       f"大连式通知每段末尾都印（…牵头落实）", field="lead")


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


RULES: tuple[Rule, ...] = (
    Rule(id="DL-001", severity="error", summary="写配合单位的同时须写牵头单位（A牵头落实，B配合落实）",
         check=check_support_needs_lead, style=STYLE),
    Rule(id="DL-002", severity="warning", summary="牵头单位先写具体部门，再写各区市县政府等统称",
         check=check_lead_named_first, style=STYLE),
    Rule(id="DL-003", severity="warning", summary="分段落实的任务，每一段都注明牵头单位",
         check=check_paragraphs_attributed, style=STYLE),
    Rule(id="DL-004", severity="info", summary="以“保障措施”收尾，保障措施不列责任单位",
         check=check_safeguards, style=STYLE),
)
