"""What a style plugin works with, and only that: the style as one object, the typed contributions.

The short way: a module declares its whole style as one :class:`StyleSpec` in a
variable named ``style``, and the ``planwright`` entry point names the module::

    from planwright.api import NoticeLayout, StyleSpec

    style = StyleSpec(name="ruyi", title="如意县式", description="…", level="县",
                      layout=NoticeLayout(unit_format="lead-support", opening="…"))

The long way, for whoever needs it: functions marked ``@hookimpl`` implement hooks
from ``planwright.hookspecs`` and return lists of the small frozen objects below.
A module may do both; the host collects both. Every contribution carries a
``name`` (or ``id``) that is unique across all plugins; the host sorts them by
name, refuses a clash naming both plugins, and remembers which plugin gave what.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Literal, get_args

import pluggy

from planwright.plan import tomlread
from planwright.plan.model import Item, Node, Plan, Point, Task
from planwright.zh.deadlines import DeadlinePhrase, Kind as DeadlineKind
from planwright.zh.numbering import path_label
from planwright.zh.units import AttributionPattern, Registry, Unit as RegistryUnit, strip_level_prefix

if TYPE_CHECKING:
    from planwright.plan.store import PlanDocument
    from planwright.rules.context import CheckContext, Finding

PROJECT = "planwright"

# What a rule is given and what it finds live with the rule engine, and are made when first
# asked for (``from planwright.api import Finding`` works as ever): a command that checks no
# plan (import) need not build them.
_CHECKING = ("CheckContext", "Finding")


def __getattr__(name: str) -> Any:
    if name in _CHECKING:
        from planwright.rules import context

        value = getattr(context, name)
        globals()[name] = value  # the next look-up is an ordinary one
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
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
        return _package_text(package, relative)


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

    def __call__(self, plan: Plan, ctx: CheckContext) -> Iterable[Finding]:
        """A rule made with ``@rule`` is still its check function when called."""
        return self.check(plan, ctx)


def rule(id: str, severity: Severity, summary: str) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
    """Make a check function a :class:`Rule`; a :class:`StyleSpec` gives it its style::

        @rule("RY-001", "error", "每项任务都写明时限要求")
        def check_deadline(plan, ctx): ...
    """
    def make(check: Callable[..., Iterable[Finding]]) -> Rule:
        return Rule(id=id, severity=severity, summary=summary, check=check)
    return make


@dataclass(frozen=True)
class NoticeLayout:
    """How a style words and lays out its 通知 (notice). In a StyleSpec, ``style`` is filled in."""

    style: str = ""
    unit_format: UnitFormat = "responsible"
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


# ---------------------------------------------------------------------------
# Helpers the rules of several styles share


def is_collective(ctx: CheckContext, name: str) -> bool:
    """各街道办事处, 市政府各部门, 有关部门 …: a group of units rather than one office.

    The registry's kind decides where it knows the name; else the wording does.
    """
    unit = ctx.registry.unit(name)
    if unit is not None and unit.kind:
        return unit.kind == "统称"
    return name.startswith(("各", "有关", "相关")) or "各部门" in name or "有关部门" in name


def excerpt(node: Node, width: int = 16) -> str:
    """A task's title or an item's text, cut to *width* characters with …, to name it in a message."""
    text = node.text if isinstance(node, Item) else node.title
    return text if len(text) <= width else text[:width] + "…"


def attributed_nodes(plan: Plan) -> Iterator[Task | Item]:
    """Every task and every item, in reading order: the nodes that can carry units."""
    for _, task in plan.tasks():
        yield task
        yield from task.items


# ---------------------------------------------------------------------------
# A style as one declarative object


@dataclass(frozen=True)
class RegistryFile:
    """A unit registry kept as a TOML file in a package, read when it is first needed.

    Each table is a kind of unit (``["部门"]``, ``["统称"]``); each key a canonical name,
    its value the aliases clerks write::

        ["部门"]
        "县政府办公室" = ["县政府办", "政府办"]
        ["统称"]
        "各乡镇人民政府" = ["各乡镇"]
    """

    package: str
    path: str

    def units(self) -> tuple[RegistryUnit, ...]:
        text = _package_text(self.package, self.path)
        try:
            data = tomlread.loads(text)
        except tomlread.TOMLDecodeError as exc:
            raise ValueError(f"{self.package}/{self.path}: {exc}") from None
        return tuple(RegistryUnit(name=name, aliases=tuple(aliases), kind=kind)
                     for kind, table in data.items() for name, aliases in table.items())


def _package_text(package: str, path: str) -> str:
    """The text of a file shipped inside *package*, as ``importlib.resources`` reads it.

    A package imported from a folder (the usual case: every installed style) has its files
    beside its ``__init__.py`` and they are read from there; anything else (a zip, a
    namespace package, a package not imported yet) goes through ``importlib.resources``,
    whose import alone was a tenth of a short command's start.
    """
    spec = getattr(sys.modules.get(package), "__spec__", None)
    loader = getattr(spec, "loader", None)
    if spec is not None and spec.submodule_search_locations is not None and _is_file_loader(loader):
        with open(os.path.join(os.path.dirname(loader.path), *path.split("/")), encoding="utf-8") as fh:
            return fh.read()
    import importlib.resources

    return importlib.resources.files(package).joinpath(path).read_text(encoding="utf-8")


def _is_file_loader(loader: Any) -> bool:
    from importlib.machinery import SourceFileLoader, SourcelessFileLoader

    return type(loader) in (SourceFileLoader, SourcelessFileLoader)


def registry_file(package: str, path: str = "registry.toml") -> RegistryFile:
    """The registry a style keeps in ``path`` inside ``package`` (pass the module's ``__name__``)."""
    return RegistryFile(package, path)


class StyleError(TypeError):
    """A StyleSpec given values of the wrong type; the host skips the plugin, naming it."""


@dataclass(frozen=True)
class StyleSpec:
    """A whole style as data: what the eight hooks would return, in one object.

    Put it in a module variable named ``style`` and point the ``planwright`` entry
    point at the module. Contributions without a style (rules made with ``@rule``,
    patterns, deadline phrases) are given this one: a style's rules are for its plans.
    """

    name: str  # slug used in plan files: plan.style = "ruyi"
    title: str  # Chinese name shown to users
    description: str  # one line in Chinese
    level: str = "区"
    attributes_units: bool = True
    multi_year: bool = False
    unattributed_points: tuple[str, ...] = ()
    template: tuple[str, str] | None = None  # (package, path) of the skeleton plan
    template_description: str = ""
    units: RegistryFile | tuple[RegistryUnit, ...] = ()  # the registry of the style's offices
    layout: NoticeLayout | None = None
    sniff: Callable[[str], float] | None = field(default=None, compare=False, repr=False)
    sniff_description: str = ""  # what the sniffer looks for, in Chinese
    patterns: tuple[AttributionPattern, ...] = ()
    deadline_phrases: tuple[DeadlinePhrase, ...] = ()
    rules: tuple[Rule, ...] = ()

    def __post_init__(self) -> None:
        problems = _spec_problems(self)
        if problems:
            raise StyleError(f"样式 {self.name!r} 的 StyleSpec 有误 (bad StyleSpec): {'；'.join(problems)}")

    def contributions(self) -> dict[str, Callable[[], list]]:
        """What this style gives each hook it fills, as functions called when the hook is."""
        made: dict[str, Callable[[], list]] = {
            "planwright_styles": lambda: [Style(
                name=self.name, title=self.title, description=self.description, level=self.level,
                attributes_units=self.attributes_units, multi_year=self.multi_year,
                unattributed_points=tuple(self.unattributed_points))],
        }
        if self.template is not None:
            made["planwright_templates"] = lambda: [Template(
                name=self.name, style=self.name, description=self.template_description, resource=self.template)]
        if self.units:
            made["planwright_unit_registries"] = lambda: [UnitRegistry(
                name=self.name, style=self.name,
                units=self.units.units() if isinstance(self.units, RegistryFile) else self.units)]
        if self.layout is not None:
            made["planwright_notice_layouts"] = lambda: [dataclasses.replace(self.layout, style=self.name)]
        if self.sniff is not None:
            made["planwright_import_sniffers"] = lambda: [Sniffer(
                name=self.name, style=self.name, sniff=self.sniff, description=self.sniff_description)]
        for hook, items in (("planwright_attribution_patterns", self.patterns),
                            ("planwright_deadline_phrases", self.deadline_phrases),
                            ("planwright_validators", self.rules)):
            if items:
                made[hook] = lambda items=items: [self._own(x) for x in items]
        return made

    def _own(self, contribution: Any) -> Any:
        return contribution if contribution.style else dataclasses.replace(contribution, style=self.name)


# StyleSpec fields and the types their values must have (tuples: every member's type).
_SPEC_TYPES: dict[str, tuple[type, ...]] = {
    "name": (str,), "title": (str,), "description": (str,), "level": (str,),
    "attributes_units": (bool,), "multi_year": (bool,), "template_description": (str,),
    "sniff_description": (str,), "layout": (NoticeLayout, type(None)),
}
_SPEC_MEMBERS: dict[str, type] = {
    "unattributed_points": str, "patterns": AttributionPattern, "deadline_phrases": DeadlinePhrase,
    "rules": Rule,
}


def _spec_problems(spec: StyleSpec) -> list[str]:
    """What in a StyleSpec has the wrong type, in words (empty when all is well)."""
    problems = [f"{name} 应为 {' 或 '.join(t.__name__ for t in types)}，而不是 {type(getattr(spec, name)).__name__}"
                for name, types in _SPEC_TYPES.items() if not isinstance(getattr(spec, name), types)]
    for name, kind in _SPEC_MEMBERS.items():
        value = getattr(spec, name)
        if not isinstance(value, (tuple, list)):
            problems.append(f"{name} 应为 {kind.__name__} 的元组，而不是 {type(value).__name__}")
        else:
            problems += [f"{name} 第 {i} 项应为 {kind.__name__}，而不是 {type(x).__name__}"
                         for i, x in enumerate(value, 1) if not isinstance(x, kind)]
    if not isinstance(spec.units, RegistryFile) and not (
            isinstance(spec.units, (tuple, list)) and all(isinstance(u, RegistryUnit) for u in spec.units)):
        problems.append("units 应为 registry_file(...) 或 RegistryUnit 的元组")
    if spec.template is not None and not (isinstance(spec.template, tuple) and len(spec.template) == 2
                                          and all(isinstance(x, str) for x in spec.template)):
        problems.append("template 应为 (包名, 路径)")
    if spec.sniff is not None and not callable(spec.sniff):
        problems.append("sniff 应为函数 text -> float")
    if spec.layout is not None and spec.layout.unit_format not in get_args(UnitFormat):
        problems.append(f"layout.unit_format {spec.layout.unit_format!r} 不是 {'、'.join(get_args(UnitFormat))} 之一")
    return problems


def style_file(package: str, path: str = "style.toml", **code: Any) -> StyleSpec:
    """A StyleSpec whose data is a TOML file in ``package``; what is code (``sniff``, ``patterns``,
    ``deadline_phrases``, ``rules``) comes as keywords. Tables ``[template]`` (package, path,
    description) and ``[layout]`` (NoticeLayout's fields) sit beside the StyleSpec's own keys;
    ``registry = "registry.toml"`` names the registry file, read when first needed.
    """
    where = f"{package}/{path}"
    try:
        data = tomlread.loads(_package_text(package, path))
    except (OSError, tomlread.TOMLDecodeError) as exc:
        raise StyleError(f"{where}: {exc}") from None
    fields = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()
              if k not in ("template", "layout", "registry")}
    template = data.get("template")
    if isinstance(template, dict):
        fields["template"] = (template.get("package", package), template.get("path", ""))
        fields["template_description"] = template.get("description", "")
    if isinstance(data.get("registry"), str):
        fields["units"] = registry_file(package, data["registry"])
    try:
        if isinstance(data.get("layout"), dict):
            fields["layout"] = NoticeLayout(**{k: tuple(v) if isinstance(v, list) else v
                                               for k, v in data["layout"].items()})
        return StyleSpec(**fields, **code)
    except TypeError as exc:  # an unknown key, or a value of the wrong type
        raise StyleError(f"{where}: {exc}") from None


__all__ = [
    "AttributionPattern", "CheckContext", "DeadlineKind", "DeadlinePhrase", "Finding", "HOOK_API_VERSION",
    "Item", "Node", "NoticeLayout", "PROJECT", "Plan", "Point", "RegistryFile", "RegistryUnit", "Rule",
    "SEVERITIES", "Severity", "Sniffer", "Style", "StyleError", "StyleSpec", "Task", "Template",
    "UnitFormat", "UnitRegistry", "attributed_nodes", "collective", "department", "excerpt", "hookimpl",
    "is_collective", "path_label", "registry_file", "rule", "strip_level_prefix", "style_file",
]
