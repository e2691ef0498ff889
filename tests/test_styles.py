"""The five built-in styles: conformance, templates through the CLI, each style's own rules,
registries against the corpus, and the demo plan."""

from __future__ import annotations

import json
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from corpus import SEEDS, TRUTH, corpus_available
import planwright
from planwright.plan import store
from planwright.rules.engine import registry_for
from planwright.plan.model import Item, Point, Task
from planwright.host import Host
from planwright.plan.resources import read_template
from planwright.plan.rollover import roll_over
from planwright.conformance import (
    STYLE_CHECKS, StyleCheckError, check_layout, check_registry, check_rules, check_sniffer,
    check_template, template_plan,
)

BUILTINS = ("jinan", "dalian", "ningguo", "jiangshan", "township")
# corpus document → the style it is written in
CORPUS_STYLE = {
    "huaiyin-2021-yaodian": "jinan",
    "dalian-2016-yaodian": "dalian",
    "ningguo-2021-yaodian": "ningguo",
    "jiangshan-2020-2022-xingdong": "jiangshan",
    "huangbu-2018-fangan": "township",
}


@pytest.fixture(scope="module")
def corpus_texts() -> dict[str, list[str]]:
    if not corpus_available():
        pytest.skip("../shared/seeds is not beside the checkout")
    texts: dict[str, list[str]] = {}
    for stem, style in CORPUS_STYLE.items():
        texts.setdefault(style, []).append((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))
    return texts


def findings_of(plan, host, rule_prefix: str = "") -> list:
    return [f for f in planwright.check(plan, host=host) if f.rule.startswith(rule_prefix)]


def rule_ids(findings) -> list[str]:
    return [f.rule for f in findings]


# ---------------------------------------------------------------------------
# Conformance (planwright.conformance) for every built-in style


@pytest.mark.parametrize("check", STYLE_CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("style", BUILTINS)
def test_conformance(style: str, check, host, corpus_texts) -> None:
    if check is check_sniffer:
        check(style, host, documents=corpus_texts)
    elif check is check_template:
        check(style, host, years=(2027, 2030), strict=True)  # built-ins: not even a warning
    else:
        check(style, host)


@pytest.mark.parametrize("style", BUILTINS)
def test_each_builtin_has_at_least_three_rules_of_its_own(style: str, host) -> None:
    check_rules(style, host, minimum=3)


def test_styles_declare_their_level_and_shape(host) -> None:
    shape = {s.name: (s.level, s.attributes_units, s.multi_year) for s in host.styles if s.name in BUILTINS}
    assert shape == {
        "jinan": ("区", True, False),
        "dalian": ("市", True, False),
        "ningguo": ("县", True, False),
        "jiangshan": ("县", True, True),
        "township": ("乡镇", False, False),
    }


def test_notice_layouts_say_how_each_style_prints_units(host) -> None:
    formats = {style: host.layout(style).unit_format for style in BUILTINS}
    assert formats == {"jinan": "responsible", "dalian": "lead-support", "ningguo": "table",
                       "jiangshan": "list", "township": "none"}
    assert host.layout("ningguo").attach_table and host.layout("ningguo").table_title == "重点工作任务分工"
    assert not any(host.layout(s).attach_table for s in BUILTINS if s != "ningguo")
    assert host.layout("dalian").lead_word == "牵头落实" and host.layout("dalian").support_word == "配合落实"
    assert host.layout("jinan").default_recipients == ("各街道办事处", "区政府各部门")
    opening = host.layout("jinan").opening.format(title="2027年示例区政务公开工作要点", issuer="")
    assert "《2027年示例区政务公开工作要点》" in opening


# ---------------------------------------------------------------------------
# What a clerk sees: `planwright new` then `planwright check`


@pytest.mark.parametrize("year", [2027, 2030])
@pytest.mark.parametrize("style", BUILTINS)
def test_new_from_template_checks_clean(cli, style: str, year: int, tmp_path: Path) -> None:
    out = tmp_path / "x.toml"
    made = cli("new", "--style", style, "--year", year, "-o", out)
    assert made.exit_code == 0, made.output
    assert f"样式 {style}，{year} 年" in made.output
    checked = cli("check", out, "--format", "json")
    assert checked.exit_code == 0, checked.output
    report = json.loads(checked.output)
    assert report["errors"] == 0 and report["warnings"] == 0, report["findings"]


def test_templates_are_written_for_2027_and_roll_to_the_asked_year(host) -> None:
    for style in BUILTINS:
        assert 'year = 2027' in read_template(f"{style}.toml")
        plan = template_plan(style, 2031, host).plan
        assert "2031" in plan.meta.title and "2027" not in plan.meta.title
        dated = [n.deadline for _, t in plan.tasks() for n in (t, *t.items) if "20" in n.deadline]
        assert all("2027" not in d for d in dated), dated


def test_template_sizes_fit_their_level(host) -> None:
    for style in BUILTINS:
        plan = template_plan(style, 2027, host).plan
        assert 5 <= len(plan.points) <= 6, style
        assert sum(len(p.tasks) for p in plan.points) >= 9, style


def test_jiangshan_template_is_a_three_year_plan(host) -> None:
    plan = template_plan("jiangshan", 2030, host).plan
    assert (plan.meta.year, plan.meta.end_year) == (2030, 2032)
    assert "2030—2032" in plan.meta.title


def test_ningguo_template_has_a_body_outline_matching_its_table(host) -> None:
    plan = template_plan("ningguo", 2027, host).plan
    assert len(plan.body) == len(plan.points) == 5
    assert all(not t.lead for p in plan.body for t in p.tasks)
    rows = [i for _, t in plan.tasks() for i in t.items]
    assert rows and all(r.lead and r.deadline for r in rows)


# ---------------------------------------------------------------------------
# Jinan


def test_jinan_task_without_units_is_an_error_naming_the_task(host) -> None:
    plan = template_plan("jinan", 2027, host).plan
    task = plan.points[0].tasks[0]
    task.lead, task.support = [], []
    found = findings_of(plan, host, "JN-001")
    assert len(found) == 1 and found[0].severity == "error" and found[0].where == "一/（一）"
    assert task.title in found[0].message and "（责任单位：…）" in found[0].message


def test_jinan_task_whose_items_carry_units_is_attributed(host) -> None:
    plan = template_plan("jinan", 2027, host).plan
    task = plan.points[0].tasks[0]
    task.lead, task.support = [], []
    task.items = [Item(id="aaaaaa", text="第一段", lead=["区财政局"]), Item(id="bbbbbb", text="第二段", lead=["区审计局"])]
    assert findings_of(plan, host, "JN-001") == []


def test_jinan_warns_about_city_and_county_units(host) -> None:
    plan = template_plan("jinan", 2027, host).plan
    plan.points[0].tasks[0].lead = ["市财政局"]
    plan.points[0].tasks[1].lead = ["区市场监管局"]  # 市场 is a word, not a level
    plan.points[0].tasks[2].support = ["县教育局"]
    found = findings_of(plan, host, "JN-002")
    assert [(f.where, f.severity) for f in found] == [("一/（一）", "warning"), ("一/（三）", "warning")]
    assert "“市财政局”是市级单位" in found[0].message and "区财政局" in found[0].message
    assert "县级" in found[1].message


def test_jinan_lists_departments_before_collective_names(host) -> None:
    plan = template_plan("jinan", 2027, host).plan
    plan.points[0].tasks[0].lead = ["各街道办事处", "区民政局"]
    plan.points[0].tasks[0].support = []
    found = findings_of(plan, host, "JN-003")
    assert len(found) == 1 and "“各街道办事处”排在具体部门“区民政局”之前" in found[0].message


# ---------------------------------------------------------------------------
# Dalian


def _dalian(host):
    return template_plan("dalian", 2027, host).plan


def test_dalian_safeguards_need_no_units(host) -> None:
    plan = _dalian(host)
    safeguards = plan.points[-1]
    assert safeguards.title == "保障措施" and all(not t.lead for t in safeguards.tasks)
    assert planwright.check(plan, host=host) == []
    # the same point under another title is an ordinary point: its tasks need units
    safeguards.title = "工作要求"
    assert "PW-LEAD-001" in rule_ids(planwright.check(plan, host=host))


def test_dalian_units_on_safeguards_are_pointed_out(host) -> None:
    plan = _dalian(host)
    plan.points[-1].tasks[0].lead = ["市政府办公厅"]
    found = findings_of(plan, host, "DL-004")
    assert len(found) == 1 and found[0].severity == "info" and "保障措施" in found[0].message


def test_dalian_plan_without_safeguards_gets_a_hint(host) -> None:
    plan = _dalian(host)
    del plan.points[-1]
    found = findings_of(plan, host, "DL-004")
    assert len(found) == 1 and found[0].where == "plan"


def test_dalian_support_without_lead_is_an_error(host) -> None:
    plan = _dalian(host)
    item = plan.points[0].tasks[1].items[0]
    item.lead = []
    found = findings_of(plan, host, "DL-001")
    assert [(f.where, f.severity) for f in found] == [("一/（二）/1", "error")]
    assert "配合单位" in found[0].message and "牵头" in found[0].message


def test_dalian_names_the_lead_department_first(host) -> None:
    plan = _dalian(host)
    plan.points[0].tasks[0].lead = ["各区市县政府", "市发展改革委"]
    plan.points[0].tasks[0].support = ["市商务局"]
    found = findings_of(plan, host, "DL-002")
    assert len(found) == 1 and "“各区市县政府”排在具体部门“市发展改革委”之前" in found[0].message


def test_dalian_every_paragraph_of_a_split_task_is_attributed(host) -> None:
    plan = _dalian(host)
    task = plan.points[0].tasks[1]
    task.lead = ["市财政局"]  # the core is satisfied by the task's own lead …
    task.items[1].lead, task.items[1].support = [], []
    found = planwright.check(plan, host=host)
    # … but the Dalian notice would print one paragraph without its attribution
    assert rule_ids(found) == ["DL-003"] and found[0].where == "一/（二）/2"


# ---------------------------------------------------------------------------
# Ningguo


def test_ningguo_table_rows_need_their_own_unit_and_deadline(host) -> None:
    plan = template_plan("ningguo", 2027, host).plan
    task = plan.points[0].tasks[0]
    task.lead, task.deadline = ["发改委"], "2027年10月底"
    task.items[0].lead = []
    task.items[1].deadline = ""
    found = findings_of(plan, host, "NG-")
    assert [(f.rule, f.where, f.severity) for f in found] == [
        ("NG-001", "一/（一）/1", "error"), ("NG-002", "一/（一）/2", "error")]
    assert "分工表第1行没有填写责任单位" in found[0].message and "不印在表中" in found[0].message
    assert "分工表第2行没有时限要求" in found[1].message


def test_ningguo_rows_are_numbered_through_the_whole_table(host) -> None:
    plan = template_plan("ningguo", 2027, host).plan
    plan.points[1].tasks[0].items[0].deadline = ""
    rows_before = sum(len(t.items) for t in plan.points[0].tasks)
    (found,) = findings_of(plan, host, "NG-002")
    assert f"分工表第{rows_before + 1}行" in found.message


def test_ningguo_body_and_table_must_agree(host) -> None:
    plan = template_plan("ningguo", 2027, host).plan
    del plan.body[-1]
    (found,) = findings_of(plan, host, "NG-004")
    assert found.severity == "warning" and "正文有4个要点，分工表有5个要点" in found.message
    plan.body = []
    (found,) = findings_of(plan, host, "NG-004")
    assert "缺少正文提纲" in found.message


def test_ningguo_body_carries_no_units_and_tasks_have_rows(host) -> None:
    doc = template_plan("ningguo", 2027, host)
    plan = doc.plan
    plan.body[1].tasks[0].lead = ["政府办"]
    plan.points[2].tasks[0].items = []
    found = planwright.check(doc, host=host)
    assert ("NG-005", "正文 二/（一）") in [(f.rule, f.where) for f in found]
    assert ("NG-003", "三/（一）") in [(f.rule, f.where) for f in found]


# ---------------------------------------------------------------------------
# Jiangshan


def _schedule(plan) -> Point:
    return next(p for p in plan.points if p.title == "进度安排")


def test_jiangshan_needs_an_end_year_after_the_start(host) -> None:
    plan = template_plan("jiangshan", 2027, host).plan
    plan.meta.end_year = 0
    found = findings_of(plan, host, "JS-001")
    assert len(found) == 1 and found[0].severity == "error" and "end_year = 2029" in found[0].message


def test_jiangshan_milestones_are_dated_inside_the_period_and_ascend(host) -> None:
    plan = template_plan("jiangshan", 2027, host).plan
    schedule = _schedule(plan)
    schedule.tasks[0].items[2].deadline = "2027年2月1日前"  # before the step above it
    schedule.tasks[2].items[0].deadline = "持续推进"  # not a date
    schedule.tasks[3].items[1].deadline = "2030年12月31日前"  # after 2029
    found = findings_of(plan, host, "JS-")
    got = [(f.rule, f.where) for f in found]
    assert ("JS-002", "四/（三）/1") in got and ("JS-002", "四/（四）/2") in got
    assert ("JS-003", "四/（一）/3") in got
    late = next(f for f in found if f.where == "四/（四）/2")
    assert "超出计划期（2027—2029年）" in late.message


def test_jiangshan_schedule_covers_every_year(host) -> None:
    plan = template_plan("jiangshan", 2027, host).plan
    del _schedule(plan).tasks[2]  # the only 2028 phase
    found = findings_of(plan, host, "JS-004")
    assert len(found) == 1 and "没有2028年的时间节点" in found[0].message


def test_jiangshan_aims_schedule_and_safeguards_need_no_units(host) -> None:
    plan = template_plan("jiangshan", 2027, host).plan
    titles = {p.title for p in plan.points for t in p.tasks if not t.lead}
    assert titles == {"总体要求", "进度安排", "保障措施"}
    assert planwright.check(plan, host=host) == []


# ---------------------------------------------------------------------------
# Township


def test_township_plan_has_no_unit_duty(host) -> None:
    plan = template_plan("township", 2027, host).plan
    assert plan.unit_names() == [] and planwright.check(plan, host=host) == []


def test_township_rules(host) -> None:
    plan = template_plan("township", 2027, host).plan
    plan.meta.title = "2027年政务公开工作实施方案"
    plan.points.append(Point(id="eeeeee", title="其他事项"))
    tasks = plan.points[3].tasks
    tasks[1].items = tasks[1].items[:1]
    tasks[0].lead = ["党政综合办公室"]
    found = {f.rule: f for f in findings_of(plan, host, "TS-")}
    assert set(found) == {"TS-001", "TS-002", "TS-003", "TS-004"}
    assert found["TS-001"].where == "六" and found["TS-001"].severity == "error"
    assert "没有写明乡镇名称" in found["TS-002"].message
    assert found["TS-003"].where == "四/（二）/1" and "编号“1.”后面没有接续" in found["TS-003"].message
    assert found["TS-004"].severity == "info"


# ---------------------------------------------------------------------------
# Registries


@pytest.mark.parametrize("style, written, canonical", [
    ("jinan", "区政府办", "区政府办公室"),
    ("jinan", "政府办", "区政府办公室"),
    ("jinan", "区发改局", "区发展改革局"),
    ("jinan", "发改局", "区发展改革局"),
    ("jinan", "财政局", "区财政局"),
    ("dalian", "市政府办", "市政府办公厅"),
    ("dalian", "发改委", "市发展改革委"),
    ("dalian", "市卫生计生委", "市卫生健康委"),
    ("dalian", "市工商局", "市市场监管局"),
    ("ningguo", "市政府办", "政府办"),
    ("ningguo", "市政府办公室", "政府办"),
    ("ningguo", "市发改委", "发改委"),
    ("ningguo", "各乡镇(街道)", "各乡镇（街道）"),
    ("jiangshan", "市政府办公室", "市府办"),
    ("jiangshan", "市自然资源和规划局", "市资规局"),
    ("township", "党政办", "党政综合办公室"),
])
def test_registry_aliases(style: str, written: str, canonical: str, host) -> None:
    registry = registry_for(_plan_of(style), host)
    assert registry.canonical(written) == canonical


@pytest.mark.parametrize("style, collective", [
    ("jinan", "各街道办事处"), ("jinan", "区政府各部门"), ("jinan", "有关部门"),
    ("dalian", "各区市县政府"), ("dalian", "市政府各部门"),
    ("ningguo", "各乡镇（街道）"), ("ningguo", "市直各单位"),
    ("jiangshan", "各乡镇（街道）"), ("jiangshan", "市级有关单位"),
    ("township", "各村（社区）"),
])
def test_collective_names_are_kind_collective(style: str, collective: str, host) -> None:
    assert registry_for(_plan_of(style), host).unit(collective).kind == "统称"


def _plan_of(style: str):
    from planwright.plan.model import Meta, Plan

    return Plan(meta=Meta(style=style))


@pytest.mark.skipif(not corpus_available(), reason="../shared/truth is not beside the checkout")
@pytest.mark.parametrize("stem", sorted(CORPUS_STYLE))
def test_registry_knows_the_units_its_published_notice_names(stem: str, host) -> None:
    truth = json.loads((TRUTH / f"{stem}.json").read_text(encoding="utf-8"))
    names = {n for p in truth["points"] for t in p["tasks"]
             for node in (t, *t.get("items", [])) for n in (*node["lead"], *node["support"])}
    registry = registry_for(_plan_of(CORPUS_STYLE[stem]), host)
    unknown = sorted(n for n in names if registry.canonical(n) is None)
    # a notice may name a few one-off bodies (a named street office, a typo running two names together)
    assert len(unknown) <= max(1, len(names) // 10), unknown


def _plan_from_truth(stem: str):
    """The published notice as the importer must recover it (../shared/truth), as a Plan."""
    from planwright.plan.model import Meta, Plan

    truth = json.loads((TRUTH / f"{stem}.json").read_text(encoding="utf-8"))
    head = truth["plan"]
    meta = Meta(title=head["title"], style=CORPUS_STYLE[stem], year=head["year"], issuer=head["issuer"],
                end_year=head["end_year"] if head["end_year"] != head["year"] else 0)

    def task(t: dict) -> Task:
        items = [Item(text=i["text_head"], lead=i["lead"], support=i["support"], deadline=i["deadline"])
                 for i in t.get("items", [])]
        return Task(title=t["title"], text="……", lead=t["lead"], support=t["support"],
                    deadline=t["deadline"], items=items)

    points = [Point(title=p["title"], text="" if p["tasks"] else "……", tasks=[task(t) for t in p["tasks"]])
              for p in truth["points"]]
    body = [Point(title=b["title"], tasks=[Task(title=t) for t in b["tasks"]])
            for b in truth.get("body_outline", [])]
    plan = Plan(meta=meta, points=points, body=body)
    plan.ensure_ids()
    return plan


@pytest.mark.skipif(not corpus_available(), reason="../shared/truth is not beside the checkout")
@pytest.mark.parametrize("stem", sorted(CORPUS_STYLE))
def test_published_notices_break_no_rule_of_their_own_style(stem: str, host) -> None:
    """A style's rules describe how its region really writes: its own published notice passes them."""
    plan = _plan_from_truth(stem)
    own = [f for f in planwright.check(plan, host=host) if not f.rule.startswith("PW-")]
    assert [f for f in own if f.severity != "info"] == [], own
    # and the core's unit duty knows each style's unit-free parts (保障措施, 进度安排 …)
    assert [f for f in planwright.check(plan, host=host) if f.rule == "PW-LEAD-001"] == []


# ---------------------------------------------------------------------------
# The demo plan


def test_demo_checks_with_two_deliberate_warnings_and_no_error(cli) -> None:
    demo = Path(__file__).resolve().parents[1] / "templates" / "demo.toml"
    result = cli("check", demo, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["errors"] == 0
    assert sorted(f["rule"] for f in report["findings"]) == ["JN-003", "PW-UNIT-001"]
    typo = next(f for f in report["findings"] if f["rule"] == "PW-UNIT-001")
    assert "区财政居" in typo["message"] and "区财政局" in typo["message"]


def test_demo_is_a_rich_jinan_plan(host) -> None:
    text = read_template("demo.toml")
    doc = store.loads(text)
    plan, meta = doc.plan, doc.plan.meta
    assert (meta.style, meta.year, meta.doc_number) == ("jinan", 2027, "示政办字〔2027〕3号")
    assert meta.date and meta.recipients and meta.cc and meta.preamble and meta.closing
    assert len(plan.points) == 6 and sum(len(p.tasks) for p in plan.points) >= 20
    assert any(t.items for _, t in plan.tasks())
    assert plan.units and plan.units[0].name == "区政务服务中心"
    assert doc.given_ids == {}  # every node already has its id
    assert text.count("\n# ") >= 2  # comments a person wrote
    assert store.dumps(doc) == text


def test_demo_rolls_into_next_year_without_errors(host) -> None:
    doc = store.loads(read_template("demo.toml"))
    roll_over(doc.plan, 2028)
    errors = [f for f in planwright.check(doc.plan, host=host) if f.severity == "error"]
    assert errors == []


# ---------------------------------------------------------------------------
# planwright.conformance catches a broken style


BROKEN_PLUGIN = '''
from planwright.api import NoticeLayout, RegistryUnit, Rule, Sniffer, Style, UnitRegistry, hookimpl

@hookimpl
def planwright_styles():
    return [Style(name="broken", title="Broken", description="no Chinese here", level="县")]

@hookimpl
def planwright_notice_layouts():
    return [NoticeLayout(style="broken", unit_format="table", opening="Please read it")]

def _crash(plan, ctx):
    return [plan.points[0].title]

@hookimpl
def planwright_validators():
    return [Rule(id="bad1", severity="fatal", summary="english", check=_crash, style="broken"),
            Rule(id="BR-002", severity="error", summary="全局规则", check=lambda p, c: [], style=None)]

@hookimpl
def planwright_unit_registries():
    return [UnitRegistry(name="broken", style="broken",
                         units=(RegistryUnit("甲局", ("办",)), RegistryUnit("乙局", ("办",))))]

@hookimpl
def planwright_import_sniffers():
    return [Sniffer(name="greedy", style="broken", sniff=lambda text: 1.0)]
'''


@pytest.fixture()
def broken_host(tmp_path: Path, monkeypatch) -> Host:
    (tmp_path / "pw_broken_style.py").write_text(textwrap.dedent(BROKEN_PLUGIN), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    builtin = [ep for ep in Host().plugins if ep.builtin and ep.name in BUILTINS]
    eps = [EntryPoint(name=p.name, value=p.module, group="planwright") for p in builtin]
    eps.append(EntryPoint(name="broken", value="pw_broken_style", group="planwright"))
    return Host(entry_points=eps)


def test_conformance_reports_what_is_wrong(broken_host: Host) -> None:
    from planwright.conformance import check_declared

    with pytest.raises(StyleCheckError, match="should be Chinese"):
        check_declared("broken", broken_host)
    with pytest.raises(StyleCheckError, match="no template|没有提供模板"):
        check_template("broken", broken_host)
    with pytest.raises(StyleCheckError) as layout:
        check_layout("broken", broken_host)
    assert "{title}" in str(layout.value) and "attach_table" in str(layout.value)
    with pytest.raises(StyleCheckError) as rules:
        check_rules("broken", broken_host)
    message = str(rules.value)
    assert "bad1: id should look like" in message and "severity 'fatal'" in message
    assert "raised on an empty plan: IndexError" in message
    assert "BR-002: the plugin gives it with style=None" in message
    with pytest.raises(StyleCheckError, match="'办' names both"):
        check_registry("broken", broken_host)
    with pytest.raises(StyleCheckError, match="sniffer 'greedy' claims jinan text"):
        check_sniffer("broken", broken_host)


def test_a_style_that_is_not_installed_is_reported(host) -> None:
    from planwright.conformance import check_style

    with pytest.raises(StyleCheckError, match="没有被任何插件声明"):
        check_style("nowhere", host)
