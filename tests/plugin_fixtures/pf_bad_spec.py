"""A StyleSpec given values of the wrong type: the plugin is skipped, named, and the rest loads."""

from planwright.api import StyleSpec

style = StyleSpec(name="badspec", title="坏样式", description="测试用", level=3, rules=("PW-001",))
