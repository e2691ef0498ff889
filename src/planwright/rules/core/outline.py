"""Core rules on the plan's shape: titles and text present, ids unique, no typed numbering, a real year."""

from __future__ import annotations

from planwright.api import Finding
from planwright.plan.model import Item, Node, Plan
from planwright.rules.core.walk import FIELD_WORD, Findings, label
from planwright.rules.engine import CheckContext
from planwright.zh.numbering import parse_heading, strip_heading


def check_empty_text(plan: Plan, ctx: CheckContext) -> Findings:
    if not plan.meta.title.strip():
        yield _untitled(plan, ctx)
    for point in plan.points:
        if not point.title.strip():
            yield ctx.report(point, "要点没有标题", field="title")
        for task in point.tasks:
            if not task.title.strip():
                yield ctx.report(task, "任务没有标题", field="title")
            for item in task.items:
                if not item.text.strip():
                    yield ctx.report(item, "事项没有内容", field="text")


def _untitled(plan: Plan, ctx: CheckContext) -> Finding:
    """A plan with no title: an error while there is nothing else to print; a
    warning once it has text, because some offices publish a 方案 under no title
    of its own (the web page's heading names it) and the export then prints what
    the office printed, inventing no title."""
    meta = plan.meta
    if plan.points or plan.body or meta.preamble.strip() or meta.closing.strip():
        return ctx.report(None, "计划没有标题：导出的文本不印标题（原文有标题的，请填写 title）", field="title",
                          severity="warning")
    return ctx.report(None, "计划没有标题", field="title")


def check_duplicate_ids(plan: Plan, ctx: CheckContext) -> Findings:
    first: dict[str, Node] = {}
    for node in plan.nodes():
        if not node.id:
            continue  # loading and new_document give ids; an empty one is not a clash
        seen = first.setdefault(node.id, node)
        if seen is not node:
            where, _ = ctx.where(seen)
            yield ctx.report(node, f"编号 id “{node.id}”与{where}重复：每个要点、任务、事项的 id 必须唯一",
                             field="id")


def check_typed_markers(plan: Plan, ctx: CheckContext) -> Findings:
    """一、 （一） 1. are derived from order; typed into a title they print twice."""
    for node in plan.nodes():
        key = "text" if isinstance(node, Item) else "title"
        text = getattr(node, key)
        heading = parse_heading(text) if text else None
        if heading is not None:
            yield ctx.report(node, f"{label(node)}{FIELD_WORD[key]}以序号“{heading.marker}”开头；序号由位置自动生成，"
                                   f"请删去，写作“{_short(strip_heading(text))}”", field=key)


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def check_plan_year(plan: Plan, ctx: CheckContext) -> Findings:
    meta = plan.meta
    if not 1949 <= meta.year <= 2200:
        what = "没有填写" if not meta.year else f"“{meta.year}”不是四位年份"
        yield ctx.report(None, f"计划年度{what}：请填写 year，如 year = 2027", field="year")
    elif meta.end_year and meta.end_year < meta.year:
        yield ctx.report(None, f"结束年度 end_year = {meta.end_year} 早于计划年度 year = {meta.year}",
                         field="end_year")
