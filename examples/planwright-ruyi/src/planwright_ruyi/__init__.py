"""如意县式：a third-party planwright style, installed from its own distribution.

planwright finds this module through the entry point declared in
pyproject.toml (group ``planwright``, name ``ruyi``) and calls the hooks below;
each returns a list of the typed objects from ``planwright.api``.
"""

from __future__ import annotations

from planwright.api import NoticeLayout, Rule, Style, Template, UnitRegistry, hookimpl

from .registry import REGISTRY
from .rules import RULES

STYLE = "ruyi"


@hookimpl
def planwright_styles() -> list[Style]:
    return [Style(name=STYLE, title="如意县式（县级）",
                  description="县级工作要点：每项任务以（A牵头，B配合）收尾并写明时限",
                  level="县")]


@hookimpl
def planwright_templates() -> list[Template]:
    # Package data, read with importlib.resources: works from a wheel or a zip alike.
    return [Template(name=STYLE, style=STYLE, description="如意县政务公开工作要点",
                     resource=("planwright_ruyi", "templates/ruyi.toml"))]


@hookimpl
def planwright_unit_registries() -> list[UnitRegistry]:
    return [REGISTRY]


@hookimpl
def planwright_notice_layouts() -> list[NoticeLayout]:
    return [NoticeLayout(
        style=STYLE,
        unit_format="lead-support",
        opening="经县政府同意，现将《{title}》印发给你们，请按照分工认真组织实施。",
        default_recipients=("各乡镇人民政府", "县政府各部门"),
        lead_word="牵头",
        support_word="配合",
    )]


@hookimpl
def planwright_validators() -> list[Rule]:
    return list(RULES)
