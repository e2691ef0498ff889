"""大连式：市级政务公开工作要点，各段以（A牵头落实，B配合落实）收尾，保障措施不列单位。

A built-in style, registered through the ``planwright`` entry-point group
exactly as a third-party style would be. The import-side hooks (sniffer,
attribution patterns, deadline phrases) live in ``importing.py``.
"""

from planwright.api import NoticeLayout, Rule, Style, Template, UnitRegistry, hookimpl

from .importing import *  # noqa: F401,F403  (import-side hooks)
from .registry import REGISTRY
from .rules import RULES, SAFEGUARD_WORDS

STYLE = "dalian"


@hookimpl
def planwright_styles() -> list[Style]:
    return [Style(name=STYLE, title="大连式（市级）",
                  description="市级工作要点：各段以（…牵头落实，…配合落实）收尾，保障措施不列单位",
                  level="市", attributes_units=True, multi_year=False,
                  unattributed_points=SAFEGUARD_WORDS)]


@hookimpl
def planwright_templates() -> list[Template]:
    return [Template(name=STYLE, style=STYLE, description="市级政务公开工作要点（分段注明牵头、配合单位）",
                     resource=("planwright", "templates/dalian.toml"))]


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
        unit_format="lead-support",
        opening="经市政府同意，现将《{title}》印发给你们，请各地区、各部门对照分工抓好落实。",
        default_recipients=("各区市县人民政府", "各开发区管委会", "市政府各委办局、各直属机构"),
        default_publicity="此件公开发布",
        lead_word="牵头落实",
        support_word="配合落实",
    )]
