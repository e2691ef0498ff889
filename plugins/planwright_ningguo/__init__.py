"""宁国式：县级市政务公开工作要点，正文不列单位，另附重点工作任务分工表。

The plan's ``points`` are the attached table (工作任务 / 具体要求 / 责任单位 /
时限要求, one item per row); ``body`` is the main text's outline. A built-in
style registered through the ``planwright`` entry-point group like any other;
the import-side hooks live in ``importing.py``.
"""

from planwright.api import NoticeLayout, Rule, Style, Template, UnitRegistry, hookimpl

from .importing import *  # noqa: F401,F403  (import-side hooks)
from .registry import REGISTRY
from .rules import RULES

STYLE = "ningguo"


@hookimpl
def planwright_styles() -> list[Style]:
    return [Style(name=STYLE, title="宁国式（县级市）",
                  description="县级市工作要点：正文不列单位，附件为列明责任单位和时限的重点工作任务分工表",
                  level="县", attributes_units=True, multi_year=False)]


@hookimpl
def planwright_templates() -> list[Template]:
    return [Template(name=STYLE, style=STYLE, description="县级市政务公开工作要点及重点工作任务分工表",
                     resource=("planwright", "templates/ningguo.toml"))]


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
        unit_format="table",
        opening="经市政府同意，现将《{title}》印发给你们，请按照任务分工抓好落实。",
        default_recipients=("各乡镇人民政府、街道办事处", "市政府各部门、各直属机构"),
        default_publicity="此件公开发布",
        table_title="重点工作任务分工",
        attach_table=True,
    )]
