"""What a rule is given (:class:`CheckContext`) and what it finds (:class:`Finding`).

Both are part of ``planwright.api`` (``from planwright.api import Finding`` is how a style
imports them); they are defined here and made when first asked for, so that a command
that checks no plan (``planwright import``) does not build them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planwright.zh import deadlines
from planwright.zh.deadlines import Deadline
from planwright.zh.numbering import path_label

if TYPE_CHECKING:
    from planwright.api import Rule, Severity, Style
    from planwright.plan.model import Node, Plan
    from planwright.plan.store import PlanDocument
    from planwright.zh.units import Registry


@dataclass(frozen=True)
class Finding:
    """One thing a rule found: where it is and what is wrong, in Chinese."""

    rule: str
    severity: Severity
    message: str
    where: str = ""  # display path such as 二/（三）/4, or "plan" for the [plan] table
    node_id: str | None = None
    line: int | None = None  # line in the plan file, where known
    field: str | None = None  # the field concerned (title, lead, deadline …)

    def as_dict(self) -> dict:
        return {
            "rule": self.rule, "severity": self.severity, "where": self.where,
            "line": self.line, "field": self.field, "node_id": self.node_id,
            "message": self.message,
        }


@dataclass
class CheckContext:
    """What a rule needs besides the plan: its style, registry, and where things are."""

    plan: Plan
    style: Style | None
    registry: Registry
    deadline_phrases: list = field(default_factory=list)
    doc: "PlanDocument | None" = None
    rule: Rule | None = None  # the rule now running; set by the engine
    _positions: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # by object identity too: two nodes sharing an id (or none yet) keep their own places
    _node_positions: dict[int, tuple[int, ...]] = field(default_factory=dict)
    _deadlines: dict[str, Deadline] = field(default_factory=dict)  # phrase → meaning, for this check

    def __post_init__(self) -> None:
        for p, point in enumerate(self.plan.points, 1):
            self._place(point, (p,))
            for t, task in enumerate(point.tasks, 1):
                self._place(task, (p, t))
                for i, item in enumerate(task.items, 1):
                    self._place(item, (p, t, i))

    def _place(self, node: Node, indices: tuple[int, ...]) -> None:
        self._positions.setdefault(node.id, indices)
        self._node_positions[id(node)] = indices

    @property
    def attributes_units(self) -> bool:
        return self.style.attributes_units if self.style else True

    def position(self, node: Node) -> tuple[int, ...]:
        return self._node_positions.get(id(node)) or self._positions.get(node.id, ())

    def deadline(self, phrase: str) -> Deadline:
        """What a deadline phrase means in this plan (its year, the style's phrases); each
        phrase is parsed once per check, however many rules ask."""
        meaning = self._deadlines.get(phrase)
        if meaning is None:
            meaning = deadlines.parse(phrase, self.plan.meta.year or None, self.deadline_phrases)
            self._deadlines[phrase] = meaning
        return meaning

    def where(self, node: Node | None) -> tuple[str, int | None]:
        """Display path (二/（三）/4) and file line of a node; None means the [plan] table."""
        if node is None:
            line = self.doc.lines.line_of("plan", ()) if self.doc else None
            return "plan", line
        indices = self.position(node)
        line = self.doc.line_of(indices) if self.doc and indices else None
        return path_label(indices) if indices else "", line

    def report(self, node: Node | None, message: str, field: str | None = None,
               severity: Severity | None = None) -> Finding:
        """A finding of the running rule about ``node`` (None: the plan's own fields)."""
        assert self.rule is not None, "report() is for rules run by the rule engine"
        where, line = self.where(node)
        if self.doc is not None and field is not None:
            key_line = (self.doc.lines.line_of("plan", (), field) if node is None
                        else self.doc.line_of(self.position(node), field) if self.position(node) else None)
            line = key_line or line
        return Finding(rule=self.rule.id, severity=severity or self.rule.severity, message=message,
                       where=where, node_id=node.id if node is not None else None, line=line, field=field)
