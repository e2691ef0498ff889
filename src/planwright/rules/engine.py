"""The rule engine: runs every rule that applies to a plan's style.

Rules come from plugins (``planwright_validators``); the core rules live in
``planwright.rules.core`` and load the same way. A rule yields Findings
through ``ctx.report(...)``; a rule that raises is reported as a finding of
its own (rule ``PW-PLUGIN``) so that one broken plugin never hides the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from planwright.zh import deadlines
from planwright.api import SEVERITIES, Finding, Rule, Severity, Style
from planwright.zh.deadlines import Deadline
from planwright.plan.model import Item, Node, Plan, Point, Task
from planwright.zh.numbering import path_label
from planwright.zh.units import Registry, Unit as RegistryUnit

if TYPE_CHECKING:
    from planwright.host import Host
    from planwright.plan.store import PlanDocument

_ORDER = {severity: rank for rank, severity in enumerate(SEVERITIES)}  # errors first


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
        assert self.rule is not None, "report() is for rules run by validate.run()"
        where, line = self.where(node)
        if self.doc is not None and field is not None:
            key_line = (self.doc.lines.line_of("plan", (), field) if node is None
                        else self.doc.line_of(self.position(node), field) if self.position(node) else None)
            line = key_line or line
        return Finding(rule=self.rule.id, severity=severity or self.rule.severity, message=message,
                       where=where, node_id=node.id if node is not None else None, line=line, field=field)


def registry_for(plan: Plan, host: "Host") -> Registry:
    """The style's default registry extended and overridden by the plan's own [[units]]."""
    base = Registry(host.registry_units(plan.meta.style or None))
    own = Registry(RegistryUnit(name=u.name, aliases=tuple(u.aliases), kind=u.kind) for u in plan.units)
    return base.merged(own)


def context_for(plan: Plan, host: "Host", doc: "PlanDocument | None" = None) -> CheckContext:
    style = host.find_style(plan.meta.style) if plan.meta.style else None
    return CheckContext(plan=plan, style=style, registry=registry_for(plan, host),
                        deadline_phrases=host.phrases_for(plan.meta.style or None), doc=doc)


def run(plan: Plan, host: "Host", doc: "PlanDocument | None" = None,
        rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Every finding of the rules for the plan's style, errors first, then by place."""
    ctx = context_for(plan, host, doc)
    findings: list[Finding] = [] if rules is not None else _unknown_style(ctx, host)
    for rule in rules if rules is not None else host.rules_for(plan.meta.style or None):
        ctx.rule = rule
        try:
            findings.extend(rule.check(plan, ctx) or ())
        except Exception as exc:  # a broken rule is a plugin bug, not the user's mistake
            plugin = host.source("planwright_validators", rule.id) or "?"
            findings.append(Finding(rule="PW-PLUGIN", severity="warning", where="plan",
                                    message=f"规则 {rule.id}（插件 {plugin}）运行出错，已跳过：{type(exc).__name__}: {exc}"))
    ctx.rule = None
    return sort_findings(findings, ctx)


def _unknown_style(ctx: CheckContext, host: "Host") -> list[Finding]:
    """A plan whose style is not installed: its own rules, wording and registry are missing."""
    name = ctx.plan.meta.style
    if not name or ctx.style is not None:
        return []
    known = "、".join(sorted(s.name for s in host.styles)) or "（无）"
    line = ctx.doc.lines.line_of("plan", (), "style") if ctx.doc is not None else None
    return [Finding(rule="PW-STYLE", severity="error", where="plan", field="style", line=line,
                    message=f"样式“{name}”没有安装（或已停用），该样式的规则和通知格式都用不上；"
                            f"请改正 style，或安装提供它的插件。已安装的样式：{known}")]


def sort_findings(findings: list[Finding], ctx: CheckContext) -> list[Finding]:
    def key(f: Finding):
        pos = ctx._positions.get(f.node_id or "", ())
        return (_ORDER.get(f.severity, 3), pos, f.rule)

    return sorted(findings, key=key)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


_LEVEL_WORD = {Point: "要点", Task: "任务", Item: "事项"}


def node_label(node: Node) -> str:
    """Short Chinese name of a node's level, for messages."""
    return _LEVEL_WORD[type(node)]
