"""A complete little style: registry with collective names, a deadline phrase, a style rule."""

from planwright.api import DeadlinePhrase, DeadlineKind, RegistryUnit, Rule, Style, UnitRegistry, hookimpl

STYLE = "ruyi"


@hookimpl
def planwright_styles():
    return [Style(name=STYLE, title="如意县式", description="测试用样式", level="县",
                  unattributed_points=("保障措施",))]


@hookimpl
def planwright_unit_registries():
    units = (
        RegistryUnit("县财政局", ("财政局",), "部门"),
        RegistryUnit("县教育局", (), "部门"),
        RegistryUnit("各街道办事处", (), "统称"),
        RegistryUnit("区政府各部门", (), "统称"),
        RegistryUnit("有关部门", (), "统称"),
    )
    return [UnitRegistry(name="ruyi-units", style=STYLE, units=units)]


@hookimpl
def planwright_deadline_phrases():
    return [DeadlinePhrase(name="ruyi-budget", pattern="随预算批复公开", kind=DeadlineKind.CONTINUOUS, style=STYLE)]


def _no_secret(plan, ctx):
    for node in plan.nodes():
        if "秘密" in getattr(node, "title", ""):
            yield ctx.report(node, "标题不应出现“秘密”", field="title")


@hookimpl
def planwright_validators():
    return [Rule(id="RY-001", severity="warning", summary="标题不出现“秘密”", check=_no_secret, style=STYLE)]
