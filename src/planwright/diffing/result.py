"""The comparison of two plans as data: one change model feeding every renderer.

Statuses (one per change; every point, task and item of either plan is in
exactly one change):

- ``unchanged``: one old node ↔ one new node under the same parent, with the
  same text once whitespace, punctuation, full/half width and the plans' year
  difference are set aside. Units and deadline are reported in their own
  fields, so an unchanged task may still have gained a unit.
- ``reworded``: the same, but the text changed; ``text_similarity`` says how much.
- ``moved``: one ↔ one, but the new parent (point of a task, task of an item)
  is not the old parent's counterpart. Moved wins over reworded: a moved node
  may also be reworded, ``text_similarity`` tells. Points never move: a point
  that changed its place among points was only renumbered, and renumbering
  alone is not a change.
- ``merged``: several old nodes became one new node; ``split``: one old node
  became several new ones.
- ``added`` / ``removed``: no counterpart.

A deadline is reported only when it changed beyond the plans' year shift
(2021年10月底 → 2022年10月底 between a 2021 and a 2022 plan is no change).

Status and what a person reads are two things. ``status`` (and the JSON
``summary``, keyed by status) describes the text alignment only, as agreed
with the tools that read the JSON. The human reports (text, Markdown, HTML,
docx) call a change by ``Change.label`` instead: an ``unchanged`` pair whose
units or deadline changed is "单位调整", "时限调整" or "单位、时限调整", is
listed among the changes with its facts, and the human summary counts it
inside 未变 but separately ("未变 23（其中单位或时限调整 5）"), so the
numbers still add up to the JSON's. A reader is never told "未变" about a
task that gained a unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from planwright.plan.model import Level, Node
from planwright.zh.units import Registry
from planwright.diffing.text import Op, redline
from planwright.diffing.unitdiff import UnitDelta

Status = Literal["unchanged", "reworded", "moved", "added", "removed", "merged", "split"]
STATUSES: tuple[Status, ...] = ("unchanged", "reworded", "moved", "added", "removed", "merged", "split")
STATUS_LABEL: dict[str, str] = {
    "unchanged": "未变", "reworded": "改写", "moved": "移动", "added": "新增",
    "removed": "删除", "merged": "合并", "split": "拆分",
}
# The human label of an unchanged text whose units and/or deadline changed.
ADJUSTED_UNITS, ADJUSTED_DEADLINE, ADJUSTED_BOTH = "单位调整", "时限调整", "单位、时限调整"
LEVEL_LABEL: dict[str, str] = {"point": "要点", "task": "任务", "item": "事项"}


@dataclass(slots=True)
class NodeRef:
    """A node of one plan as a change names it."""

    id: str
    path: str  # displayed numbering, e.g. 二/（三）
    title: str  # a point's or task's title, or the first 20 characters of an item's text
    text: str = ""  # what a reader sees: 标题。正文
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    deadline: str = ""
    node: Node | None = field(default=None, repr=False)

    def as_dict(self) -> dict:
        return {"id": self.id, "path": self.path, "title": self.title}


@dataclass
class Change:
    level: Level
    status: Status
    old: list[NodeRef]
    new: list[NodeRef]
    text_similarity: float
    lead: UnitDelta = field(default_factory=UnitDelta)
    support: UnitDelta = field(default_factory=UnitDelta)
    deadline: tuple[str, str] | None = None
    review: bool = False  # matched with a score in the 0.30–0.40 band: a person should confirm
    hint: NodeRef | None = None  # for an addition/removal: the closest node on the other side
    _redline: list[Op] | None = field(default=None, repr=False)

    @property
    def old_text(self) -> str:
        return "\n".join(r.text for r in self.old)

    @property
    def new_text(self) -> str:
        return "\n".join(r.text for r in self.new)

    @property
    def redline(self) -> list[Op]:
        """The text redline (computed on first use: JSON output never needs it)."""
        if self._redline is None:
            self._redline = redline(self.old_text, self.new_text)
        return self._redline

    @property
    def has_field_changes(self) -> bool:
        return bool(self.lead or self.support or self.deadline)

    @property
    def adjusted(self) -> bool:
        """Same text, but its units or deadline changed."""
        return self.status == "unchanged" and self.has_field_changes

    @property
    def label(self) -> str:
        """What the human reports call this change (see the module docstring)."""
        if self.status == "unchanged":
            units = bool(self.lead or self.support)
            deadline = self.deadline is not None
            if units and deadline:
                return ADJUSTED_BOTH
            if units:
                return ADJUSTED_UNITS
            if deadline:
                return ADJUSTED_DEADLINE
        return STATUS_LABEL[self.status]

    @property
    def where(self) -> str:
        """Where to find it: the new path, or the old one for a removal."""
        refs = self.new or self.old
        return "、".join(r.path for r in refs)

    def as_dict(self) -> dict:
        return {
            "level": self.level,
            "status": self.status,
            "old": [r.as_dict() for r in self.old],
            "new": [r.as_dict() for r in self.new],
            "text_similarity": round(self.text_similarity, 2),
            "lead": self.lead.as_dict(),
            "support": self.support.as_dict(),
            "deadline": None if self.deadline is None else {"old": self.deadline[0], "new": self.deadline[1]},
        }


@dataclass
class UnitTally:
    """A unit's tasks gained and lost between the two plans."""

    unit: str
    gained: list[str] = field(default_factory=list)  # paths in the new plan
    lost: list[str] = field(default_factory=list)  # paths in the old plan


@dataclass
class Comparison:
    old_title: str
    new_title: str
    old_year: int
    new_year: int
    changes: list[Change]
    units: list[UnitTally] = field(default_factory=list)
    old_label: str = ""  # file names, for the report heading
    new_label: str = ""
    ids_trusted: bool = True
    registry: Registry | None = field(default=None, repr=False)  # tells one unit's names apart from another's
    unit: str = ""  # set when the comparison was restricted to one unit's changes (perunit.for_unit)

    @property
    def year_shift(self) -> int:
        return self.new_year - self.old_year if self.old_year and self.new_year else 0

    @property
    def summary(self) -> dict[str, int]:
        """Counts of changes by status, over every level."""
        counts = {s: 0 for s in STATUSES}
        for change in self.changes:
            counts[change.status] += 1
        return counts

    def summary_by_level(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for change in self.changes:
            out.setdefault(change.level, {s: 0 for s in STATUSES})[change.status] += 1
        return {level: out[level] for level in ("point", "task", "item") if level in out}

    def adjusted_by_level(self) -> dict[str, int]:
        """How many unchanged pairs per level had their units or deadline changed."""
        out: dict[str, int] = {}
        for change in self.changes:
            if change.adjusted:
                out[change.level] = out.get(change.level, 0) + 1
        return out

    def notable(self) -> list[Change]:
        """Changes a reader must see: all but unchanged ones without field changes."""
        return [c for c in self.changes if c.status != "unchanged" or c.has_field_changes]

    def as_dict(self) -> dict:
        return {"summary": self.summary, "changes": [c.as_dict() for c in self.changes]}
