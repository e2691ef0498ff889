"""A style declared as one StyleSpec, with one hook of its own beside it (the host collects both)."""

from planwright.api import (
    DeadlineKind, DeadlinePhrase, NoticeLayout, Rule, StyleSpec, collective, department, hookimpl, rule,
)


@rule("DC-001", "warning", "标题不出现“草稿”")
def check_no_draft(plan, ctx):
    for node in plan.nodes():
        if "草稿" in getattr(node, "title", ""):
            yield ctx.report(node, "标题不应出现“草稿”", field="title")


style = StyleSpec(
    name="declared", title="声明式", description="测试用：整个样式是一个对象", level="县",
    units=(department("县财政局", "财政局"), collective("有关部门")),
    layout=NoticeLayout(unit_format="list", opening="现将《{title}》印发给你们。", default_recipients=("各部门",)),
    sniff=lambda text: 0.9 if "声明式" in text else 0.0, sniff_description="正文写明“声明式”",
    deadline_phrases=(DeadlinePhrase(name="declared-budget", pattern="随预算公开", kind=DeadlineKind.CONTINUOUS),),
    rules=(check_no_draft,),
)


def _everywhere(plan, ctx):
    return []


@hookimpl
def planwright_validators():
    return [Rule(id="DC-002", severity="info", summary="通用规则", check=_everywhere, style=None)]
