"""``planwright new``: a plan from a style's template, or last year's plan rolled over."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import store
from .rollover import roll_over

if TYPE_CHECKING:
    from .plugins import Host


@dataclass
class NewPlan:
    doc: store.PlanDocument
    summary: str
    notes: list[str] = field(default_factory=list)


def from_template(style: str, year: int, host: "Host") -> NewPlan:
    """The style's template moved to ``year``; every node gets a fresh id."""
    host.style(style)  # a clear error for an unknown style
    template = host.template(style)
    doc = store.loads(template.read_text(), path=f"<模板 {template.name}>")
    doc.path = None
    doc.plan.meta.style = style
    if doc.plan.meta.year:
        roll_over(doc.plan, year)
    else:
        doc.plan.meta.year = year
    points = len(doc.plan.points)
    tasks = sum(len(p.tasks) for p in doc.plan.points)
    return NewPlan(doc, f"样式 {style}，{year} 年，{points} 个要点、{tasks} 项任务")


def from_last_year(path: Path, year: int | None, style: str | None, host: "Host") -> NewPlan:
    """Last year's plan rolled into ``year`` (default: the next year); ids are kept."""
    doc = store.load(path)
    doc.path = None
    plan = doc.plan
    if style:
        host.style(style)
        plan.meta.style = style
    target = year if year is not None else plan.meta.year + 1
    report = roll_over(plan, target)
    notes = [n.message for n in report]
    return NewPlan(doc, f"由 {path.name} 滚动到 {target} 年，{len(notes)} 处需要人工确认", notes)
