"""济南式：区级政务公开工作要点，每项任务以（责任单位：…）收尾。

A built-in style, registered through the ``planwright`` entry-point group
exactly as a third-party style would be. The import-side hooks (sniffer,
attribution patterns, deadline phrases) live in ``importing.py``.
"""

from planwright.api import NoticeLayout, Rule, Style, Template, UnitRegistry, hookimpl

from .importing import *  # noqa: F401,F403  (import-side hooks)
from .registry import REGISTRY
from .rules import RULES

STYLE = "jinan"


@hookimpl
def planwright_styles() -> list[Style]:
    return [Style(name=STYLE, title="济南式（区级）",
                  description="区级工作要点：要点下列任务，每项任务以（责任单位：…）收尾",
                  level="区", attributes_units=True, multi_year=False)]


@hookimpl
def planwright_templates() -> list[Template]:
    return [Template(name=STYLE, style=STYLE, description="区级政务公开工作要点（五个要点，区级部门分工）",
                     resource=("planwright", "templates/jinan.toml"))]


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
        unit_format="responsible",
        opening="经区政府同意，现将《{title}》印发给你们，请结合各自职责认真组织实施。",
        default_recipients=("各街道办事处", "区政府各部门"),
        default_publicity="此件公开发布",
        lead_word="牵头落实",
        support_word="配合落实",
    )]
