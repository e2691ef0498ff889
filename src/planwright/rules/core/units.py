"""Core rules on units: a lead for every task, names from the registry, no unit listed twice."""

from __future__ import annotations

from planwright.plan.model import Plan
from planwright.rules.core.walk import Findings, attributed
from planwright.rules.engine import CheckContext
from planwright.zh.units import normalize_name


def check_lead(plan: Plan, ctx: CheckContext) -> Findings:
    """Every task needs a lead unit; a task without one passes the duty to all its items."""
    if not ctx.attributes_units:
        return
    for point, task in plan.tasks():
        if task.lead or (ctx.style and not ctx.style.needs_units(point.title)):
            continue  # items inherit the task's lead; a style may exempt 保障措施 and the like
        if not task.items:
            yield ctx.report(task, "任务没有牵头（责任）单位：请填写 lead", field="lead")
            continue
        for item in task.items:
            if not item.lead:
                yield ctx.report(item, "事项没有牵头（责任）单位，所属任务也没有：请为事项或任务填写 lead",
                                 field="lead")


# Suggest a registered name only when it is reasonably close (rapidfuzz WRatio).
_NEAREST_MIN_SCORE = 60.0


def check_unit_registered(plan: Plan, ctx: CheckContext) -> Findings:
    """A unit name that is neither a registered name nor an alias (only with a registry)."""
    if not len(ctx.registry):
        return
    known: dict[str, bool] = {}  # a plan names the same few units thousands of times
    hints: dict[str, str] = {}
    for node in attributed(plan):
        for key in ("lead", "support"):
            for name in getattr(node, key):
                if name not in known:
                    known[name] = name in ctx.registry
                if known[name]:
                    continue
                if name not in hints:
                    hints[name] = _nearest_hint(ctx, name)
                yield ctx.report(node, f"单位“{name}”不在单位名录中；{hints[name]}", field=key)


def _nearest_hint(ctx: CheckContext, name: str) -> str:
    best = ctx.registry.nearest(name, limit=1)
    if best and best[0][1] >= _NEAREST_MIN_SCORE:
        return f"最接近的登记名称是“{best[0][0]}”"
    return "请改用名录中的名称，或在 [[units]] 中登记"


def check_unit_repeated(plan: Plan, ctx: CheckContext) -> Findings:
    """A unit listed twice in one list, or the lead also listed as support.

    A name written twice is a warning. Two *different* names in one list that
    the registry files under one unit are only noted (info): the registry may
    join what the plan means as two bodies (Dalian's 市地税局 and 市国税局, both
    aliases of today's 市税务局). Across lead and support the same holds for two
    such sibling aliases; a unit written once by its registered name and once
    by an alias (区财政局 / 财政局) is still the lead repeated as support.
    """
    canonical: dict[str, str] = {}

    def unit_of(name: str) -> str:  # registry look-ups are memoised: same names recur
        if name not in canonical:
            canonical[name] = ctx.registry.unit_key(name)
        return canonical[name]

    for node in attributed(plan):
        for key in ("lead", "support"):
            written: set[str] = set()
            by_unit: dict[str, list[str]] = {}
            for name in getattr(node, key):
                literal = normalize_name(name)
                if literal in written:
                    yield ctx.report(node, f"单位“{name}”在{_KEY_WORD[key]}中重复出现", field=key)
                    continue
                written.add(literal)
                by_unit.setdefault(unit_of(name), []).append(name)
            for unit, names in by_unit.items():
                if len(names) > 1:
                    quoted = "".join(f"“{n}”" for n in names)
                    yield ctx.report(node, f"{_KEY_WORD[key]}{quoted}在单位名录中同属“{unit}”；"
                                           "若指同一单位，写一次即可", field=key, severity="info")
        for name in node.support:
            lead = next((x for x in node.lead if unit_of(x) == unit_of(name)), None)
            if lead is None:
                continue
            unit = unit_of(name)
            if unit not in (normalize_name(lead), normalize_name(name)) and normalize_name(lead) != normalize_name(name):
                yield ctx.report(node, f"牵头单位“{lead}”与配合单位“{name}”在单位名录中同属“{unit}”；"
                                       "若指同一单位，不必再列为配合单位", field="support", severity="info")
            else:
                yield ctx.report(node, f"“{name}”已是牵头单位（“{lead}”），不应再列为配合单位",
                                 field="support")


_KEY_WORD = {"lead": "牵头单位", "support": "配合单位"}
