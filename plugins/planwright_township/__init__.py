"""乡镇式：乡镇政务公开工作方案，要点下分任务和编号条目，一般不列责任单位。

A built-in style registered through the ``planwright`` entry-point group like
any other; the import-side hooks live in ``importing.py``.
"""

from planwright.api import NoticeLayout, Rule, Style, Template, UnitRegistry, hookimpl

from .importing import *  # noqa: F401,F403  (import-side hooks)
from .registry import REGISTRY
from .rules import RULES

STYLE = "township"


@hookimpl
def planwright_styles() -> list[Style]:
    return [Style(name=STYLE, title="乡镇式",
                  description="乡镇工作方案：要点下分任务和编号条目，一般不列责任单位和时限",
                  level="乡镇", attributes_units=False, multi_year=False)]


@hookimpl
def planwright_templates() -> list[Template]:
    return [Template(name=STYLE, style=STYLE, description="乡镇政务公开工作实施方案（要点、任务、编号条目）",
                     resource=("planwright", "templates/township.toml"))]


@hookimpl
def planwright_unit_registries() -> list[UnitRegistry]:
    return [REGISTRY]


@hookimpl
def planwright_validators() -> list[Rule]:
    return list(RULES)


@hookimpl
def planwright_notice_layouts() -> list[NoticeLayout]:
    return [NoticeLayout(
        style=STYLE,
        unit_format="none",
        opening="经研究，现将《{title}》印发给你们，请结合工作实际认真抓好落实。",
        default_recipients=("各村（社区）", "乡镇直各单位"),
        default_publicity="此件公开发布",
    )]
