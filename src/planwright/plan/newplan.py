"""``planwright new``: a plan from a style's template, or last year's plan rolled over."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planwright.plan import store
from planwright.plan.rollover import next_period, roll_over, title_year

if TYPE_CHECKING:
    from planwright.host import Host


@dataclass
class NewPlan:
    doc: store.PlanDocument
    summary: str
    notes: list[str] = field(default_factory=list)  # places of the plan a person must look at
    warnings: list[str] = field(default_factory=list)  # about the run itself, for stderr at once


def from_template(style: str, year: int, host: "Host") -> NewPlan:
    """The style's template moved to ``year``; every node gets a fresh id."""
    host.style(style)  # a clear error for an unknown style
    template = host.template(style)
    doc = store.loads(template.read_text(), path=f"<模板 {template.name}>")
    doc.path = None
    store.start_afresh(doc)  # written directly unless the template has comments among its tables
    doc.plan.meta.style = style
    layout = host.layout(style)
    if not doc.plan.meta.recipients and layout is not None:
        # the style's usual 主送, written into the new plan where the clerk sees and edits it
        doc.plan.meta.recipients = list(layout.default_recipients)
    if doc.plan.meta.year:
        roll_over(doc.plan, year)
    else:
        doc.plan.meta.year = year
    points = len(doc.plan.points)
    tasks = sum(len(p.tasks) for p in doc.plan.points)
    return NewPlan(doc, f"样式 {style}，{year} 年，{points} 个要点、{tasks} 项任务")


def from_last_year(path: Path, year: int | None, style: str | None, host: "Host") -> NewPlan:
    """Last year's plan rolled into ``year``; ids and units are kept.

    Without ``year`` a plan goes to the year after it ends: a yearly plan to
    the next year, a multi-year plan (end_year after year) to the next period
    of the same span (2020–2022 → 2023–2025), never into years it covers.
    A plan whose style is not installed is still rolled over, with a warning.

    Every place the roll-over could not move is in ``notes`` and is also
    written as a ``# 滚动提示：…`` comment beside its node in the new file, so
    that nothing stays in last year unnoticed.
    """
    doc = store.load(path)
    doc.path = None
    plan = doc.plan
    if style:
        host.style(style)
        plan.meta.style = style
    old_year = plan.meta.year or title_year(plan.meta.title)
    if not old_year:
        raise store.PlanFileError(path, "计划没有年度（[plan] 的 year），无法滚动；请先填写 year (plan has no year)")
    plan.meta.year = old_year
    warnings = []
    if plan.meta.style and host.find_style(plan.meta.style) is None:
        known = "、".join(sorted(s.name for s in host.styles)) or "（无）"
        warnings.append(f"{path.name}：样式“{plan.meta.style}”没有安装（或已停用），新计划照常写出，"
                        f"但该样式的规则、单位名录和通知格式都用不上；已安装的样式：{known}"
                        f"（可用 --style 另选）(style not installed)")
    target = year if year is not None else next_period(plan.meta)
    if target <= old_year:
        raise store.PlanFileError(path, f"新年度 {target} 应晚于原计划的 {old_year} 年 "
                                        f"(the new year must come after the plan's)")
    phrases = host.phrases_for(plan.meta.style or None)
    back = _look_back(path, plan, phrases, warnings)  # last year's dates, before they move
    report = roll_over(plan, target, phrases)
    for note in report:
        doc.annotate(note.node_id, f"滚动提示：{note.message}")
    notes = [n.message for n in report]
    for task in back or ():
        doc.annotate(task.node_id, task.message)
        notes.append(f"{task.path} {task.message}")
    tasks = sum(len(p.tasks) for p in plan.points)
    summary = f"由 {path.name} 滚动到 {target} 年，{tasks} 项任务，{len(notes)} 处需要人工确认"
    if back is not None:
        summary += f"；上年台账中 {len(back)} 项任务未完成（回头看）"
    return NewPlan(doc, summary, notes, warnings)


def _look_back(path: Path, plan, phrases, warnings: list[str]):
    """Last year's unfinished tasks from the ledger beside the plan (None without one)."""
    from planwright.ledger.lookback import look_back
    from planwright.ledger.model import LedgerError

    try:
        return look_back(path, plan, phrases)
    except LedgerError as exc:
        warnings.append(f"{exc}；未做回头看 (ledger unreadable, no look-back)")
        return None
