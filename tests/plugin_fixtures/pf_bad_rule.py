"""A plugin whose rule raises while checking: reported as PW-PLUGIN, other rules still run."""

from planwright.api import Rule, hookimpl


def _boom(plan, ctx):
    raise ZeroDivisionError("division by zero in a style rule")
    yield  # pragma: no cover


@hookimpl
def planwright_validators():
    return [Rule(id="BAD-001", severity="error", summary="测试用：运行时出错", check=_boom)]
