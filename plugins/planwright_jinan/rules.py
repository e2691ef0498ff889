"""Jinan-style checks: every task closes with （责任单位：…） naming district units."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from planwright.api import Plan, Task, is_collective, rule, strip_level_prefix

if TYPE_CHECKING:
    from planwright.api import CheckContext, Finding

# Prefixes of offices above (or beside) a district: a 区 plan assigns work to
# the district's own offices, and cannot task 市 or 县 bureaus.
_FOREIGN_LEVELS = {"市": "市级", "县": "县级", "省": "省级"}


def _attributed(task: Task) -> bool:
    """A task carries its units itself, or every one of its items does."""
    if task.lead or task.support:
        return True
    return bool(task.items) and all(item.lead or item.support for item in task.items)


@rule("JN-001", "error", "每项任务都以（责任单位：…）收尾，须写明责任单位")
def check_responsible(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for _, task in plan.tasks():
        if not _attributed(task):
            yield ctx.report(task, f"任务“{task.title}”没有写责任单位；济南式通知在每项任务末尾印"
                                   f"（责任单位：…），请在“牵头”中填写承办的区级部门", field="lead")


def _level_of(name: str) -> str | None:
    """"市级" for 市财政局, None for 区财政局 or 市场监管局 (市场 is a word, not a level)."""
    if name[:1] == "省" and len(name) > 2:
        return _FOREIGN_LEVELS["省"]
    if strip_level_prefix(name) == name:
        return None
    return _FOREIGN_LEVELS.get(name[0])


@rule("JN-002", "warning", "区级工作要点的责任单位应为区级部门，不写市级、县级单位")
def check_district_units(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for node in plan.nodes():
        for field in ("lead", "support"):
            for name in getattr(node, field, ()):
                level = _level_of(name)
                if level:
                    yield ctx.report(node, f"“{name}”是{level}单位；区级工作要点的责任单位应为区级部门"
                                           f"（如“区{strip_level_prefix(name)}”）或街道", field=field)


@rule("JN-003", "warning", "责任单位先列具体部门，后列各街道办事处等统称")
def check_collectives_last(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for node in plan.nodes():
        names = [*getattr(node, "lead", ()), *getattr(node, "support", ())]
        first_group = next((i for i, n in enumerate(names) if is_collective(ctx, n)), None)
        if first_group is None:
            continue
        later = [n for n in names[first_group + 1:] if not is_collective(ctx, n)]
        if later:
            yield ctx.report(node, f"（责任单位：…）中统称“{names[first_group]}”排在具体部门“{later[0]}”之前；"
                                   f"济南式先列具体部门，再列“有关部门”“各街道办事处”等统称", field="lead")


RULES = (check_responsible, check_district_units, check_collectives_last)
