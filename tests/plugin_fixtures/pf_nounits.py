"""A township-like style whose plans carry no responsible units."""

from planwright.api import Style, hookimpl


@hookimpl
def planwright_styles():
    return [Style(name="nounits", title="无单位式", description="测试用：任务不标责任单位", attributes_units=False)]
