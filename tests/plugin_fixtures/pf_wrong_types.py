"""A plugin whose hooks return the wrong things: strings, empty dicts, a rule that yields
something other than a Finding, and a severity the host does not know."""

from planwright.api import Finding, Rule, hookimpl


def _yields_junk(plan, ctx):
    yield "不是发现"
    yield {"rule": "WT-001"}
    yield Finding(rule="WT-001", severity="error", message="一条真正的发现")


def _odd_severity(plan, ctx):
    yield Finding(rule="WT-002", severity="fatal", message="级别写错的发现")


@hookimpl
def planwright_styles():
    return ["x"]


@hookimpl
def planwright_templates():
    return [{}]


@hookimpl
def planwright_validators():
    return [Rule(id="WT-001", severity="error", summary="测试用：产出杂物", check=_yields_junk),
            Rule(id="WT-002", severity="error", summary="测试用：级别写错", check=_odd_severity),
            "not a rule"]
