"""如意县's own checks, on top of planwright's core rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from planwright.api import Finding, Plan, rule, strip_level_prefix

if TYPE_CHECKING:
    from planwright.api import CheckContext


@rule("RY-001", "error", "每项任务都写明时限要求")
def check_deadline(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    """The county office tracks every task by its date, so each one needs a 时限."""
    for _, task in plan.tasks():
        has_own = bool(task.deadline.strip())
        if not has_own and not (task.items and all(i.deadline.strip() for i in task.items)):
            yield ctx.report(task, f"任务“{task.title}”没有时限要求；如意县每项任务都要写明时限，"
                                   f"如“2027年10月底前”“持续推进”", field="deadline")


@rule("RY-002", "warning", "责任单位为县直部门或乡镇")
def check_county_units(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    """A county plan tasks county offices: 市… or 区… units belong to other governments."""
    for node in plan.nodes():
        for field in ("lead", "support"):
            for name in getattr(node, field, ()):
                if name[:1] in "市区" and strip_level_prefix(name) != name:
                    yield ctx.report(node, f"“{name}”不是县级单位；如意县的工作要点只给县直部门和乡镇分工",
                                     field=field)


RULES = (check_deadline, check_county_units)
