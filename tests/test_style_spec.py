"""A style as one declarative object: the host reads a StyleSpec as it reads hooks, collects both,
and skips a StyleSpec of the wrong types with a warning naming the plugin."""

from __future__ import annotations

import sys

import pytest

import planwright
from planwright import host as plugins
from planwright.api import Rule, StyleError, StyleSpec, rule
from planwright.host import DISABLE_ENV
from planwright.plan.model import Meta, Plan, Point, Task
from plugin_fixtures import host_with


@pytest.fixture(autouse=True)
def fresh_modules(monkeypatch):
    """Each test imports the fixture plugins afresh and builds its own host."""
    for name in [m for m in sys.modules if m.startswith("plugin_fixtures.pf_")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    monkeypatch.setattr(plugins, "_HOSTS", {})


def test_a_declared_style_gives_every_hook_it_fills_and_its_own_hooks_too() -> None:
    host = host_with("pf_declared")
    assert host.warnings == []
    assert [s.name for s in host.styles] == ["declared"]
    assert host.find_style("declared").title == "声明式"
    assert host.layout("declared").unit_format == "list" and host.layout("declared").style == "declared"
    assert [u.name for u in host.registry_units("declared")] == ["县财政局", "有关部门"]
    assert [p.name for p in host.phrases_for("declared")] == ["declared-budget"]
    assert [(s.style, s.sniff("这是声明式的通知")) for s in host.sniffers] == [("declared", 0.9)]
    rules = {r.id: r for r in host.rules}
    assert rules["DC-001"].style == "declared"  # the style's own rule belongs to it
    assert rules["DC-002"].style is None  # the module's hook is collected as it is
    assert host.source("planwright_validators", "DC-001") == host.source("planwright_validators", "DC-002") \
        == host.source("planwright_styles", "declared") == "pf_declared"
    hooks = set(host.info("pf_declared").hooks)
    assert hooks == {"planwright_styles", "planwright_unit_registries", "planwright_notice_layouts",
                     "planwright_import_sniffers", "planwright_deadline_phrases", "planwright_validators"}


def test_a_declared_rule_runs_on_plans_of_its_style_only() -> None:
    host = host_with("pf_declared")
    plan = Plan(meta=Meta(title="计划", year=2027, style="declared"),
                points=[Point(title="要点", tasks=[Task(title="草稿任务", lead=["县财政局"])])])
    plan.ensure_ids()
    assert [f.where for f in planwright.check(plan, host=host) if f.rule == "DC-001"] == ["一/（一）"]
    plan.meta.style = ""
    assert not [f for f in planwright.check(plan, host=host) if f.rule == "DC-001"]


@pytest.mark.parametrize(("module", "words"), [
    ("pf_bad_spec", ["level 应为 str", "rules 第 1 项应为 Rule"]),
    ("pf_not_a_spec", ["style 应为 planwright.api.StyleSpec", "dict"]),
    ("pf_bad_style_file", ["pf_bad_style.toml", "colour"]),
])
def test_a_style_of_the_wrong_types_is_skipped_naming_the_plugin(module: str, words: list[str]) -> None:
    host = host_with(module, "pf_declared")
    assert host.info(module).status == "failed"
    warning = next(w for w in host.warnings if module in w)
    assert "已跳过" in warning and all(w in warning for w in words), warning
    assert [s.name for s in host.styles] == ["declared"]  # the others still load


def test_a_spec_refuses_wrong_types_when_it_is_made() -> None:
    with pytest.raises(StyleError, match="attributes_units 应为 bool"):
        StyleSpec(name="x", title="甲", description="乙", attributes_units="yes")
    with pytest.raises(StyleError, match="unit_format"):
        from planwright.api import NoticeLayout

        StyleSpec(name="x", title="甲", description="乙", layout=NoticeLayout(unit_format="sideways"))


def test_a_rule_made_with_the_decorator_is_still_its_check() -> None:
    @rule("XX-001", "info", "测试")
    def check(plan, ctx):
        return ["called"]

    assert isinstance(check, Rule) and (check.id, check.severity, check.summary) == ("XX-001", "info", "测试")
    assert check(None, None) == ["called"]
