"""The rule engine: runs every rule that applies to a plan's style.

Rules come from plugins (``planwright_validators``); the core rules live in
``planwright.rules.core`` and load the same way. A rule yields Findings
through ``ctx.report(...)``; a rule that raises is reported as a finding of
its own (rule ``PW-PLUGIN``) so that one broken plugin never hides the rest.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from planwright.api import SEVERITIES, CheckContext, Finding, Rule
from planwright.plan.model import Item, Node, Plan, Point, Task
from planwright.zh.units import Registry, Unit as RegistryUnit

if TYPE_CHECKING:
    from planwright.host import Host
    from planwright.plan.store import PlanDocument

_ORDER = {severity: rank for rank, severity in enumerate(SEVERITIES)}  # errors first


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
            found = list(rule.check(plan, ctx) or ())
        except Exception as exc:  # a broken rule is a plugin bug, not the user's mistake
            plugin = host.source("planwright_validators", rule.id) or "?"
            findings.append(Finding(rule="PW-PLUGIN", severity="warning", where="plan",
                                    message=f"规则 {rule.id}（插件 {plugin}）运行出错，已跳过：{type(exc).__name__}: {exc}"))
            continue
        findings.extend(_checked(found, rule, host.source("planwright_validators", rule.id) or "?"))
    ctx.rule = None
    return sort_findings(findings, ctx)


def _checked(found: list, rule: Rule, plugin: str) -> list[Finding]:
    """A rule's findings as the host can count them: what is not a Finding is reported and
    skipped; a severity the host does not know counts as a warning and says so (never as nothing)."""
    out: list[Finding] = []
    for f in found:
        if not isinstance(f, Finding):
            out.append(Finding(rule="PW-PLUGIN", severity="warning", where="plan",
                               message=f"规则 {rule.id}（插件 {plugin}）给出的不是 Finding（{type(f).__name__}），已跳过"))
        elif f.severity not in SEVERITIES:
            out.append(replace(f, severity="warning",
                               message=f"{f.message}（规则 {rule.id}、插件 {plugin} 给出的级别 {f.severity!r} 无法识别，按警告计）"))
        else:
            out.append(f)
    return out


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
