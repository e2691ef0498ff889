"""济南式：（责任单位：…）收尾的区级工作要点。"""

from planwright.api import NoticeLayout, Style, Template, hookimpl

from .importing import *  # noqa: F401,F403  (import-side hooks)

STYLE = "jinan"


@hookimpl
def planwright_styles():
    return [Style(name=STYLE, title="济南式（区级）", description="每项任务以（责任单位：…）收尾的区级工作要点", level="区")]


@hookimpl
def planwright_templates():
    return [Template(name=STYLE, style=STYLE, description="区级政务公开工作要点", resource=("planwright", "templates/jinan.toml"))]


@hookimpl
def planwright_notice_layouts():
    return [NoticeLayout(style=STYLE, unit_format="responsible", default_recipients=("各街道办事处", "区政府各部门"))]
