"""Conformance checks that every style plugin runs in its own tests.

One call checks a whole style::

    from planwright.conformance import check_style

    def test_ruyi_conforms():
        check_style("ruyi")

or one test per check, so that a failure names what is wrong::

    import pytest
    from planwright.conformance import STYLE_CHECKS

    @pytest.mark.parametrize("check", STYLE_CHECKS, ids=lambda c: c.__name__)
    def test_ruyi(check):
        check("ruyi")

What is checked: the style is declared with Chinese title and description;
its template loads, rolls to two years and checks without errors; its notice
layout exists and is consistent with the style; its rules have ids,
severities and one-line Chinese summaries, belong to the style and survive an
empty plan; its unit registry is usable; and its import sniffer (if any) does
not claim documents of other styles. Each check raises ``StyleCheckError``
(an ``AssertionError``, so pytest shows it as a test failure) naming the
style and every problem found.

The core never imports pytest or Textual; neither does this module.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping, Sequence, get_args

import planwright
from planwright.plan import newplan
from planwright.plan import store
from planwright.rules.engine import context_for, registry_for
from planwright.api import SEVERITIES, Finding, Rule, UnitFormat
from planwright.plan.model import Item, Meta, Plan, Point, Task
from planwright.host import Host, PluginError

__all__ = [
    "DEFAULT_YEARS", "STYLE_CHECKS", "StyleCheckError", "check_declared", "check_layout",
    "check_registry", "check_rules", "check_sniffer", "check_style", "check_template",
    "template_plan",
]

DEFAULT_YEARS = (2027, 2030)
UNIT_FORMATS: tuple[str, ...] = get_args(UnitFormat)
# JN-001, PW-UNIT-002, RUYI-003: capitals, dash-separated, a three-digit number last.
RULE_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]{3}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A sniffer "claims" a text when it scores at least this and no less than the rightful style.
CLAIM_THRESHOLD = 0.5


class StyleCheckError(AssertionError):
    """A style does not conform; the message lists every problem found."""


def _fail_if(problems: Sequence[str], style: str, what: str) -> None:
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise StyleCheckError(f"样式 {style!r}：{what}不合格 ({len(problems)} problem(s)):\n{lines}")


def _host(host: Host | None) -> Host:
    return host if host is not None else Host()


def _plugin_of(host: Host, style: str) -> str:
    return host.source("planwright_styles", style)


# ---------------------------------------------------------------------------
# The style itself


def check_declared(style: str, host: Host | None = None) -> None:
    """The style is declared once, with a Chinese title, a one-line Chinese description and a level."""
    host = _host(host)
    found = host.find_style(style)
    if found is None:
        known = ", ".join(s.name for s in host.styles) or "(none)"
        raise StyleCheckError(f"样式 {style!r} 没有被任何插件声明 (not declared; installed: {known}); "
                              f"warnings: {host.warnings}")
    problems = []
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", found.name):
        problems.append(f"name {found.name!r} should be a lower-case slug (used in plan files)")
    if not _CJK.search(found.title):
        problems.append(f"title {found.title!r} should be Chinese (shown to users)")
    if not _CJK.search(found.description) or "\n" in found.description:
        problems.append(f"description {found.description!r} should be one line of Chinese")
    if not found.level.strip():
        problems.append("level is empty (区 / 市 / 县 / 乡镇 …)")
    if found.unattributed_points and not found.attributes_units:
        problems.append("unattributed_points only makes sense for a style that attributes units")
    _fail_if(problems, style, "样式声明 (Style)")


# ---------------------------------------------------------------------------
# The template


def template_plan(style: str, year: int, host: Host | None = None) -> store.PlanDocument:
    """The style's template as ``planwright new --style S --year Y`` writes it, read back from text."""
    host = _host(host)
    created = newplan.from_template(style, year, host)
    return store.loads(store.dumps(created.doc), path=f"<{style} {year}>")


def check_template(style: str, host: Host | None = None, years: Iterable[int] = DEFAULT_YEARS,
                   strict: bool = False) -> list[Finding]:
    """The template rolls to each year and checks without errors (with ``strict``, without warnings).

    Returns the findings of the last year, for callers that want to assert more.
    """
    host = _host(host)
    declared = host.find_style(style)
    problems: list[str] = []
    findings: list[Finding] = []
    for year in years:
        try:
            doc = template_plan(style, year, host)
        except (PluginError, store.PlanFileError) as exc:
            raise StyleCheckError(f"样式 {style!r} 的模板无法使用 (template unusable): {exc}") from None
        meta = doc.plan.meta
        problems += _meta_problems(meta, style, year, multi_year=bool(declared and declared.multi_year))
        if not doc.plan.points:
            problems.append(f"{year}: the template has no points")
        findings = planwright.check(doc, host=host)
        bad = [f for f in findings if f.severity == "error" or (strict and f.severity == "warning")
               or f.rule == "PW-PLUGIN"]
        problems += [f"{year}: {f.severity} {f.rule} {f.where} {f.message}" for f in bad]
    _fail_if(problems, style, "模板 (template)")
    return findings


def _meta_problems(meta: Meta, style: str, year: int, multi_year: bool) -> list[str]:
    problems = []
    if meta.style != style:
        problems.append(f"{year}: plan.style is {meta.style!r}")
    if meta.year != year:
        problems.append(f"{year}: plan.year is {meta.year}")
    if str(year) not in meta.title:
        problems.append(f"{year}: the title {meta.title!r} does not name the year (write the template's "
                        f"year in its title so that `planwright new` moves it)")
    if multi_year and not meta.end_year > meta.year:
        problems.append(f"{year}: a multi-year style's template needs end_year > year "
                        f"(year {meta.year}, end_year {meta.end_year})")
    if not meta.issuer:
        problems.append(f"{year}: plan.issuer is empty")
    return problems


# ---------------------------------------------------------------------------
# The notice layout


def check_layout(style: str, host: Host | None = None) -> None:
    """One notice layout for the style, consistent with whether the style prints units."""
    host = _host(host)
    layout = host.layout(style)
    if layout is None:
        raise StyleCheckError(f"样式 {style!r} 没有通知版式 (no NoticeLayout: StyleSpec.layout, or planwright_notice_layouts)")
    declared = host.find_style(style)
    problems = []
    if layout.unit_format not in UNIT_FORMATS:
        problems.append(f"unit_format {layout.unit_format!r} is not one of {', '.join(UNIT_FORMATS)}")
    problems += _opening_problems(layout.opening)
    if not layout.default_recipients:
        problems.append("default_recipients is empty (主送机关 of a new plan)")
    for name in layout.default_recipients:
        if not name.strip() or name.rstrip()[-1] in "：:，,。；;、":
            problems.append(f"recipient {name!r} should be a bare name (the exporter adds the punctuation)")
    if (layout.unit_format == "table") != layout.attach_table:
        problems.append(f"unit_format {layout.unit_format!r} and attach_table={layout.attach_table} disagree")
    if declared is not None and not declared.attributes_units and layout.unit_format != "none":
        problems.append(f"the style prints no units but unit_format is {layout.unit_format!r}")
    if declared is not None and declared.attributes_units and layout.unit_format == "none":
        problems.append("the style attributes units but unit_format is 'none'")
    if layout.unit_format == "lead-support" and not (layout.lead_word and layout.support_word):
        problems.append("lead-support layouts need lead_word and support_word")
    _fail_if(problems, style, "通知版式 (NoticeLayout)")


def _opening_problems(opening: str) -> list[str]:
    problems = []
    if "{title}" not in opening:
        problems.append(f"opening {opening!r} should name the plan with {{title}}")
    try:
        filled = opening.format(title="T", issuer="I")
    except (KeyError, IndexError, ValueError) as exc:
        problems.append(f"opening {opening!r} cannot be filled with title/issuer: {exc!r}")
        return problems
    if not _CJK.search(filled) or not filled.endswith("。"):
        problems.append(f"opening {opening!r} should be a Chinese sentence ending in 。")
    return problems


# ---------------------------------------------------------------------------
# Rules


def style_rules(style: str, host: Host) -> list[Rule]:
    return [r for r in host.rules if r.style == style]


def check_rules(style: str, host: Host | None = None, minimum: int = 1) -> None:
    """The style's rules: well-formed, given by the style's plugin, robust on an empty plan."""
    host = _host(host)
    rules = style_rules(style, host)
    plugin = _plugin_of(host, style)
    problems = []
    if len(rules) < minimum:
        problems.append(f"{len(rules)} rule(s) with style={style!r}; at least {minimum} expected")
    for rule in rules:
        problems += [f"{rule.id}: {p}" for p in _rule_problems(rule)]
        source = host.source("planwright_validators", rule.id)
        if plugin and source != plugin:
            problems.append(f"{rule.id}: given by plugin {source!r}, but the style comes from {plugin!r}")
    own_styles = {s.name for s in host.styles if _plugin_of(host, s.name) == plugin}
    for rule in host.rules:
        if plugin and host.source("planwright_validators", rule.id) == plugin and rule.style not in own_styles:
            problems.append(f"{rule.id}: the plugin gives it with style={rule.style!r}; a style plugin's "
                            f"rules should name the style they belong to")
    problems += _crash_problems(style, rules, host)
    _fail_if(problems, style, "检查规则 (rules)")


def _rule_problems(rule: Rule) -> list[str]:
    problems = []
    if not RULE_ID.fullmatch(rule.id):
        problems.append("id should look like XX-001 (capitals, dashes, three digits)")
    if rule.severity not in SEVERITIES:
        problems.append(f"severity {rule.severity!r} is not one of {', '.join(SEVERITIES)}")
    if not _CJK.search(rule.summary) or "\n" in rule.summary:
        problems.append(f"summary {rule.summary!r} should be one line of Chinese")
    if not callable(rule.check):
        problems.append("check is not callable")
    return problems


def _crash_problems(style: str, rules: list[Rule], host: Host) -> list[str]:
    """Run the rules on plans a user really has: empty, and half-filled."""
    problems = []
    for label, plan in (("an empty plan", _empty_plan(style)), ("a half-filled plan", _sparse_plan(style))):
        ctx = context_for(plan, host)
        for rule in rules:
            ctx.rule = rule
            try:
                found = list(rule.check(plan, ctx) or ())
            except Exception as exc:  # the very thing this check looks for
                problems.append(f"{rule.id} raised on {label}: {type(exc).__name__}: {exc}")
                continue
            problems += [f"{rule.id} on {label}: yields {type(f).__name__}, not Finding"
                         for f in found if not isinstance(f, Finding)]
            problems += [f"{rule.id} on {label}: finding has rule {f.rule!r}" for f in found
                         if isinstance(f, Finding) and f.rule != rule.id]
    return problems


def _empty_plan(style: str) -> Plan:
    plan = Plan(meta=Meta(style=style))
    plan.ensure_ids()
    return plan


def _sparse_plan(style: str) -> Plan:
    task = Task(title="任务", items=[Item(text=""), Item(text="事项", lead=["某单位"], deadline="不详")])
    plan = Plan(meta=Meta(title="计划", style=style, year=2027),
                points=[Point(title=""), Point(title="要点", tasks=[task, Task()])],
                body=[Point(title="正文", tasks=[Task(title="正文任务", lead=["某单位"])])])
    plan.ensure_ids()
    return plan


# ---------------------------------------------------------------------------
# Unit registry


def check_registry(style: str, host: Host | None = None, years: Iterable[int] = DEFAULT_YEARS[:1]) -> None:
    """A default registry for the style: Chinese names, no alias claimed twice, collective names,
    and every unit the template names."""
    host = _host(host)
    registries = [r for r in host.registries if r.style == style]
    if not registries:
        raise StyleCheckError(f"样式 {style!r} 没有单位名录 (no UnitRegistry with style={style!r}: StyleSpec.units, or planwright_unit_registries)")
    units = [u for r in registries for u in r.units]
    problems = []
    claimed: dict[str, str] = {}
    for unit in units:
        if not _CJK.search(unit.name):
            problems.append(f"unit name {unit.name!r} is not Chinese")
        for alias in (unit.name, *unit.aliases):
            owner = claimed.setdefault(alias, unit.name)
            if owner != unit.name:
                problems.append(f"{alias!r} names both {owner!r} and {unit.name!r}")
    if not any(u.kind == "统称" for u in units):
        problems.append("no collective name (kind '统称', e.g. 各街道办事处, 有关部门)")
    registry = registry_for(Plan(meta=Meta(style=style)), host)
    for year in years:
        try:
            plan = template_plan(style, year, host).plan
        except (PluginError, store.PlanFileError):
            break  # check_template reports an unusable template
        for name in plan.unit_names():
            if registry.canonical(name) is None:
                problems.append(f"the template names {name!r}, which the registry does not know")
    _fail_if(problems, style, "单位名录 (UnitRegistry)")


# ---------------------------------------------------------------------------
# Import sniffer


def check_sniffer(style: str, host: Host | None = None,
                  documents: Mapping[str, Iterable[str]] | None = None) -> None:
    """The style's sniffers score texts in 0..1 and do not claim other styles' texts.

    ``documents`` maps a style name to texts written in that style (published
    notices, for instance). Every installed style's template, printed as the
    notice text its layout gives, is always added. A sniffer claims a text when it scores at least 0.5 and no less than
    the rightful style's own sniffers. A style without a sniffer passes.
    """
    host = _host(host)
    mine = [s for s in host.sniffers if s.style == style]
    if not mine:
        return
    texts = _texts_by_style(host, documents)
    problems = []
    for other, samples in texts.items():
        for n, text in enumerate(samples, 1):
            rightful = max((s.sniff(text) for s in host.sniffers if s.style == other), default=0.0)
            for sniffer in mine:
                score = sniffer.sniff(text)
                if not 0.0 <= score <= 1.0:
                    problems.append(f"sniffer {sniffer.name!r} scored {score!r} (outside 0..1) on a {other} text")
                elif other != style and score >= CLAIM_THRESHOLD and score >= rightful:
                    problems.append(f"sniffer {sniffer.name!r} claims {other} text #{n} "
                                    f"(scores {score:.2f}, the {other} sniffers {rightful:.2f})")
    _fail_if(problems, style, "导入识别 (sniffer)")


def _texts_by_style(host: Host, documents: Mapping[str, Iterable[str]] | None) -> dict[str, list[str]]:
    """The given documents plus each installed style's template, printed as its notice text."""
    from planwright.exporting.notice import build_notice, render_text

    texts: dict[str, list[str]] = {k: list(v) for k, v in (documents or {}).items()}
    for template in host.templates:
        layout = host.layout(template.style)
        if layout is None or host.find_style(template.style) is None:
            continue  # check_layout / check_declared report these
        try:
            plan = template_plan(template.style, DEFAULT_YEARS[0], host).plan
        except (PluginError, store.PlanFileError):
            continue  # that style's own check_template reports it
        texts.setdefault(template.style, []).append(render_text(build_notice(plan, layout)))
    return texts


# ---------------------------------------------------------------------------
# Everything at once

StyleCheck = Callable[..., object]
STYLE_CHECKS: tuple[StyleCheck, ...] = (
    check_declared, check_template, check_layout, check_rules, check_registry, check_sniffer,
)


def check_style(style: str, host: Host | None = None, years: Iterable[int] = DEFAULT_YEARS,
                documents: Mapping[str, Iterable[str]] | None = None, strict: bool = False) -> None:
    """Every conformance check for one style; raises StyleCheckError listing all failures."""
    host = _host(host)
    years = tuple(years)
    check_declared(style, host)  # the other checks need the style to exist
    failures = []
    for check in STYLE_CHECKS[1:]:
        kwargs: dict = {}
        if check is check_template:
            kwargs = {"years": years, "strict": strict}
        elif check is check_sniffer:
            kwargs = {"documents": documents}
        try:
            check(style, host, **kwargs)
        except StyleCheckError as exc:
            failures.append(str(exc))
    if failures:
        raise StyleCheckError("\n".join(failures))
