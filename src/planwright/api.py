"""What a style plugin works with: the hook marker and the typed contributions.

A plugin module implements hooks from ``planwright.hookspecs`` and returns lists
of the small frozen objects below. Every object carries a ``name`` (or ``id``)
that is unique across all plugins; the host sorts them by name, refuses a clash
naming both plugins, and remembers which plugin gave what.

    from planwright.api import hookimpl, Style

    @hookimpl
    def planwright_styles():
        return [Style(name="ruyi", title="如意县", description="…")]
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Literal

import pluggy

from planwright.zh.deadlines import DeadlinePhrase, Kind as DeadlineKind # noqa: F401  (re-exported)
from planwright.zh.units import AttributionPattern, Unit as RegistryUnit # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from planwright.plan.model import Plan
    from planwright.rules.engine import CheckContext

PROJECT = "planwright"
HOOK_API_VERSION = "1.0"

hookimpl = pluggy.HookimplMarker(PROJECT)

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# How a style prints 责任单位 in its notice:
#   responsible  （责任单位：A，B） closing each task (Jinan)
#   lead-support （A牵头落实，B配合落实） closing each paragraph (Dalian)
#   table        no units in the text; an attached 分工 table (Ningguo)
#   list         a 责任单位：A、B line under each task (Jiangshan's areas)
#   none         units are not printed (township)
UnitFormat = Literal["responsible", "lead-support", "table", "list", "none"]


@dataclass(frozen=True)
class Style:
    """A regional style: how a region's plans are written, checked and printed."""

    name: str  # slug used in plan files: plan.style = "jinan"
    title: str  # Chinese name shown to users, e.g. 济南式（区级）
    description: str  # one line in Chinese
    level: str = "区"  # 区 / 市 / 县 / 乡镇: the level of government it is written for
    attributes_units: bool = True  # tasks carry 责任单位 (False for township plans)
    multi_year: bool = False  # plan covers year..end_year (Jiangshan's three-year plan)
    # Points whose tasks carry no units in this style, matched as words in the
    # point's title: Dalian prints 保障措施 without units. The lead rule skips them.
    unattributed_points: tuple[str, ...] = ()

    def needs_units(self, point_title: str) -> bool:
        """Whether tasks under a point of this title must name their units."""
        return self.attributes_units and not any(w in point_title for w in self.unattributed_points)


@dataclass(frozen=True)
class Template:
    """A skeleton plan offered to ``planwright new --style``.

    ``resource`` is (package, relative path), read with importlib.resources so
    that it works from a wheel, a zip or a source checkout alike.
    """

    name: str
    style: str
    description: str
    resource: tuple[str, str]

    def read_text(self) -> str:
        package, relative = self.resource
        if package == "planwright" and relative.startswith("templates/"):
            # planwright's own templates: packaged in a wheel, top-level in a checkout
            from planwright.plan.resources import read_template

            return read_template(relative.split("/", 1)[1])
        return importlib.resources.files(package).joinpath(relative).read_text(encoding="utf-8")


def department(name: str, *aliases: str) -> RegistryUnit:
    """A single office (部门) of a registry, with the short names clerks type for it."""
    return RegistryUnit(name=name, aliases=aliases, kind="部门")


def collective(name: str, *aliases: str) -> RegistryUnit:
    """A collective name (统称) such as 各街道办事处: rules treat it as a group, not one office."""
    return RegistryUnit(name=name, aliases=aliases, kind="统称")


@dataclass(frozen=True)
class UnitRegistry:
    """A default registry of units (with aliases) for a style's level of government."""

    name: str
    style: str | None
    units: tuple[RegistryUnit, ...]


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


@dataclass(frozen=True)
class Rule:
    """A validator. ``check`` yields Findings; one that raises is reported as a plugin bug."""

    id: str  # stable, e.g. PW-UNIT-001 or JN-ATTR-001
    severity: Severity
    summary: str  # one line in Chinese: what the rule wants
    check: Callable[["Plan", "CheckContext"], Iterable[Finding]] = field(compare=False, repr=False)
    style: str | None = None  # None: applies to every style

    @property
    def name(self) -> str:
        return self.id


@dataclass(frozen=True)
class NoticeLayout:
    """How a style words and lays out its 通知 (notice)."""

    style: str
    unit_format: UnitFormat
    # The sentence under 主送, with {title} for the plan's title in 《》 and
    # {issuer} for the issuing office; written in the plugin's own words.
    opening: str = "现将《{title}》印发给你们，请结合实际认真抓好落实。"
    default_recipients: tuple[str, ...] = ()
    default_publicity: str = "此件公开发布"
    table_title: str = "重点工作任务分工"  # heading of an attached table
    attach_table: bool = False
    # the words of an attribution, for styles that print one:
    lead_word: str = "牵头落实"
    support_word: str = "配合落实"

    @property
    def name(self) -> str:
        return self.style


@dataclass(frozen=True)
class Sniffer:
    """A cheap guess of whether an imported text is in a style: 0.0 (no) to 1.0 (surely)."""

    name: str
    style: str
    sniff: Callable[[str], float] = field(compare=False, repr=False)
    # What the sniffer looks for, in Chinese, for the import report: "…（责任单位：…）收尾"
    description: str = ""


__all__ = [
    "AttributionPattern", "DeadlineKind", "DeadlinePhrase", "Finding", "HOOK_API_VERSION",
    "NoticeLayout", "PROJECT", "RegistryUnit", "Rule", "SEVERITIES", "Severity", "Sniffer",
    "Style", "Template", "UnitFormat", "UnitRegistry", "collective", "department", "hookimpl",
]
