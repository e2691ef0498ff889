"""江山式：县级市政务公开多年行动计划（三年行动计划），按领域列责任单位，附分年度进度安排。

A built-in style registered through the ``planwright`` entry-point group like
any other; the import-side hooks live in ``importing.py``.
"""

from planwright.api import NoticeLayout, Rule, Style, Template, UnitRegistry, hookimpl

from .importing import *  # noqa: F401,F403  (import-side hooks)
from .registry import REGISTRY
from .rules import RULES

STYLE = "jiangshan"

# Parts of an action plan that set out aims, common tasks, timing and safeguards:
# Jiangshan prints no units there (units may still be given).
UNATTRIBUTED = ("总体要求", "工作任务", "进度安排", "实施步骤", "保障措施")


@hookimpl
def planwright_styles() -> list[Style]:
    return [Style(name=STYLE, title="江山式（三年行动计划）",
                  description="县级市多年行动计划：各领域列“责任单位：…”，进度安排按年度列出时间节点",
                  level="县", attributes_units=True, multi_year=True, unattributed_points=UNATTRIBUTED)]


@hookimpl
def planwright_templates() -> list[Template]:
    return [Template(name=STYLE, style=STYLE, description="政务公开标准化规范化三年行动计划（分领域责任单位、分年度进度）",
                     resource=("planwright", "templates/jiangshan.toml"))]


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
        unit_format="list",
        opening="经市政府同意，现将《{title}》印发给你们，请认真组织实施。",
        default_recipients=("各乡镇人民政府、街道办事处", "市级有关单位"),
        default_publicity="此件公开发布",
    )]
