"""Disabled in the tests: importing it at all is the failure they look for."""

from planwright.api import Style, hookimpl

IMPORTED = True  # the tests look for this module in sys.modules


@hookimpl
def planwright_styles():
    return [Style(name="never", title="不应加载", description="测试用")]
