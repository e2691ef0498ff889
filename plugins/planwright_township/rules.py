"""Township checks: a 乡镇 plan of points, tasks and numbered items, usually without units."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from planwright.api import Plan, rule

if TYPE_CHECKING:
    from planwright.api import CheckContext, Finding

_PLACE_WORDS = ("乡", "镇", "街道")


@rule("TS-001", "error", "每个要点、任务下都有内容，不留空标题")
def check_empty_sections(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    """A heading followed by nothing prints as a bare line in the notice."""
    for point in plan.points:
        if not point.text.strip() and not point.tasks:
            yield ctx.report(point, f"要点“{point.title}”下面没有内容；请写上正文或添加任务，或删去这一要点",
                             field="text")
        for task in point.tasks:
            if not task.text.strip() and not task.items:
                yield ctx.report(task, f"任务“{task.title}”只有标题，没有正文也没有条目；请补写内容",
                                 field="text")


@rule("TS-002", "warning", "标题和发文机关写明乡镇名称")
def check_title_names_township(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    meta = plan.meta
    if meta.title and not any(word in meta.title for word in _PLACE_WORDS):
        yield ctx.report(None, f"标题“{meta.title}”没有写明乡镇名称；乡镇方案的标题应写作“某某乡（镇）……”",
                         field="title")
    if meta.issuer and not any(word in meta.issuer for word in _PLACE_WORDS):
        yield ctx.report(None, f"发文机关“{meta.issuer}”不像乡镇机关；应写作“某某乡（镇）人民政府”",
                         field="issuer")


@rule("TS-003", "warning", "编号条目连续：只有一项时不编号")
def check_single_item(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    """A list numbered 1. with no 2.: the numbering does not continue, so fold it into the task."""
    for _, task in plan.tasks():
        if len(task.items) == 1:
            yield ctx.report(task.items[0], f"任务“{task.title}”下只有一个条目，编号“1.”后面没有接续；"
                                            f"只有一项时不编号，请把它并入任务正文", field="text")


@rule("TS-004", "info", "乡镇方案一般不列责任单位，写了也不印在通知中")
def check_units_not_printed(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for _, task in plan.tasks():
        for node in (task, *task.items):
            if node.lead or node.support:
                yield ctx.report(node, "乡镇方案的通知不印责任单位；这里写的单位只用于分工统计，不会出现在正文中",
                                 field="lead")


RULES = (check_empty_sections, check_title_names_township, check_single_item, check_units_not_printed)
