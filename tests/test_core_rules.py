"""The core rules: for each rule a plan that breaks it (rule id, place, file line, Chinese
message) and plans that do not.

Plans are built as models, saved to a real file and loaded back, so that the line a
finding names is checked against the file a user would open.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import planwright
from planwright.rules import core as core_rules
from planwright.plan import store
from planwright.api import Finding
from planwright.plan.model import Item, Meta, Plan, Point, Task, Unit
from plugin_fixtures import host_with

REGISTRY = [
    Unit("区财政局", ["财政局"], "部门"),
    Unit("区教育局", [], "部门"),
    Unit("区民政局", [], "部门"),
    Unit("区政府办公室", ["区政府办"], "部门"),
    Unit("各街道办事处", [], "统称"),
    Unit("区政府各部门", [], "统称"),
    Unit("有关部门", [], "统称"),
]


def clean_plan() -> Plan:
    """Two points; the second has three tasks; its third task has four items. No findings."""
    def task(p: int, t: int, **kw) -> Task:
        base = dict(id=f"task{p}{t}", title=f"做好第{p}{t}项公开工作", text="按规定时限公开，接受社会监督。",
                    lead=["区财政局"], support=["各街道办事处"], deadline="2027年10月底前")
        return Task(**{**base, **kw})

    items = [Item(id=f"item{i:02d}", text=f"公开第{i}类信息", lead=["区民政局"], deadline="持续推进")
             for i in range(1, 5)]
    meta = Meta(title="2027年示例区政务公开工作要点", style="", year=2027, issuer="示例区人民政府办公室",
                doc_number="示政办字〔2027〕3号", date="2027-03-01",
                recipients=["各街道办事处", "区政府各部门"], publicity="此件公开发布",
                preamble="全区政务公开工作要围绕中心、服务大局。")
    return Plan(meta=meta, units=list(REGISTRY), points=[
        Point(id="point01", title="聚焦重点领域", tasks=[task(1, 1)]),
        Point(id="point02", title="回应社会关切", tasks=[
            task(2, 1), task(2, 2), task(2, 3, lead=[], support=[], items=items)]),
    ])


def target(plan: Plan, path: str):
    """The node at a display-like path: "2" point, "2/3" task, "2/3/4" item (1-based)."""
    indices = [int(x) for x in path.split("/")]
    node = plan.points[indices[0] - 1]
    if len(indices) > 1:
        node = node.tasks[indices[1] - 1]
    if len(indices) > 2:
        node = node.items[indices[2] - 1]
    return node


def check(plan: Plan, tmp_path: Path, host=None) -> tuple[list[Finding], str]:
    """Save, load as a user's file, run the rules; returns the findings and the file text."""
    path = store.save(store.new_document(plan), tmp_path / "plan.toml")
    doc = store.load(path)
    return planwright.check(doc, host=host or host_with()), path.read_text(encoding="utf-8")


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def the_one(findings: list[Finding], rule: str) -> Finding:
    hits = only(findings, rule)
    assert len(hits) == 1, [f.as_dict() for f in findings]
    return hits[0]


# -- where a finding should point in the file ---------------------------------------------

def key_line(text: str, node_id: str, key: str) -> int:
    """Line of ``key = …`` in the table whose id is node_id."""
    lines = text.splitlines()
    start = lines.index(f'id = "{node_id}"')
    for number in range(start, len(lines)):
        if lines[number].startswith(f"{key} ="):
            return number + 1
        if number > start and lines[number].startswith("["):
            break
    raise AssertionError(f"{key} not in table {node_id}")


def header_line(text: str, node_id: str) -> int:
    """Line of the [[…]] header of the table whose id is node_id (ids are written first)."""
    lines = text.splitlines()
    number = lines.index(f'id = "{node_id}"')
    assert lines[number - 1].startswith("[[")
    return number


def plan_line(text: str, key: str) -> int:
    lines = text.splitlines()
    start = lines.index("[plan]")
    return next(n + 1 for n in range(start, len(lines)) if lines[n].startswith(f"{key} ="))


# -----------------------------------------------------------------------------------------


def test_the_clean_plan_has_no_findings(tmp_path: Path) -> None:
    findings, _ = check(clean_plan(), tmp_path)
    assert findings == []


def test_core_rules_are_registered_as_the_essential_plugin() -> None:
    host = host_with()
    ids = [r.id for r in host.rules]
    assert set(core_rules.ids()) <= set(ids)
    for rule in core_rules.RULES:
        assert re.fullmatch(r"PW-[A-Z]+-\d{3}", rule.id)
        assert rule.severity in ("error", "warning", "info")
        assert re.search(r"[\u4e00-\u9fff]", rule.summary)
        assert rule.style is None
        assert host.source("planwright_validators", rule.id) == "core_rules"
    assert host.info("core_rules").builtin


# -- PW-LEAD-001 --------------------------------------------------------------------------

def test_task_without_lead_or_items(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/2").lead = []
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-LEAD-001")
    assert (f.severity, f.where, f.field) == ("error", "二/（二）", "lead")
    assert f.line == header_line(text, "task22")  # no lead key: the table's header
    assert "没有牵头" in f.message


def test_item_without_lead_when_the_task_has_none(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/3/4").lead = []
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-LEAD-001")
    assert (f.where, f.line) == ("二/（三）/4", header_line(text, "item04"))
    assert "事项没有牵头" in f.message


def test_items_inherit_the_task_lead(tmp_path: Path) -> None:
    plan = clean_plan()
    task = target(plan, "2/3")
    task.lead = ["区教育局"]
    for item in task.items:
        item.lead = []
    findings, _ = check(plan, tmp_path)
    assert only(findings, "PW-LEAD-001") == []


def test_no_lead_needed_where_the_style_prints_no_units(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.style = "nounits"
    target(plan, "2/2").lead = []
    findings, _ = check(plan, tmp_path, host_with("pf_nounits"))
    assert only(findings, "PW-LEAD-001") == []


def test_a_style_may_exempt_points_from_the_lead_rule(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.style = "ruyi"
    target(plan, "2").title = "强化保障措施"
    target(plan, "2/1").lead = []
    target(plan, "1/1").lead = []
    findings, _ = check(plan, tmp_path, host_with("pf_ruyi"))
    assert [f.where for f in only(findings, "PW-LEAD-001")] == ["一/（一）"]


# -- PW-UNIT-001 / PW-UNIT-002 ------------------------------------------------------------

def test_unknown_unit_names_the_nearest_registered_one(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/3/4").lead = ["区财政厅"]
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-UNIT-001")
    assert (f.severity, f.where, f.field) == ("warning", "二/（三）/4", "lead")
    assert f.line == key_line(text, "item04", "lead")
    assert "“区财政厅”不在单位名录中" in f.message and "“区财政局”" in f.message


def test_aliases_and_collective_names_are_known(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "1/1").support = ["财政局", "区政府办", "区政府各部门", "有关部门"]
    target(plan, "1/1").lead = ["区教育局"]
    findings, _ = check(plan, tmp_path)
    assert only(findings, "PW-UNIT-001") == []


def test_no_unit_check_without_a_registry(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.units = []
    target(plan, "1/1").lead = ["随便写的单位"]
    findings, _ = check(plan, tmp_path)
    assert only(findings, "PW-UNIT-001") == []


def test_a_style_registry_covers_collective_names(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.units, plan.meta.style = [], "ruyi"
    for node in (target(plan, "1/1"), target(plan, "2/1"), target(plan, "2/2")):
        node.lead, node.support = ["财政局"], ["各街道办事处", "区政府各部门", "有关部门"]
    for item in target(plan, "2/3").items:
        item.lead = ["县教育局"]
    target(plan, "2/3/2").lead = ["县教育厅"]
    findings, _ = check(plan, tmp_path, host_with("pf_ruyi"))
    f = the_one(findings, "PW-UNIT-001")
    assert f.where == "二/（三）/2" and "“县教育局”" in f.message


def test_unit_repeated_in_a_list(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/2").support = ["各街道办事处", "区教育局", "各街道办事处"]
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-UNIT-002")
    assert (f.where, f.field, f.line) == ("二/（二）", "support", key_line(text, "task22", "support"))
    assert "“各街道办事处”在配合单位中重复出现" in f.message


def test_lead_repeated_as_support_even_under_an_alias(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "1/1").support = ["财政局"]
    findings, _ = check(plan, tmp_path)
    f = the_one(findings, "PW-UNIT-002")
    assert f.where == "一/（一）" and "已是牵头单位" in f.message and "“区财政局”" in f.message


def test_two_names_the_registry_files_under_one_unit_are_noted_not_repeated(tmp_path: Path) -> None:
    from planwright.host import Host # the installed styles: Dalian's registry joins 地税 and 国税

    plan = clean_plan()
    plan.units, plan.meta.style = [], "dalian"
    target(plan, "1/1").lead = ["市财政局", "市地税局", "市国税局"]
    findings, text = check(plan, tmp_path, Host())
    f = the_one(findings, "PW-UNIT-002")
    assert (f.severity, f.where, f.field) == ("info", "一/（一）", "lead")
    assert f.line == key_line(text, "task11", "lead")
    assert "“市地税局”“市国税局”在单位名录中同属“市税务局”" in f.message
    assert "重复" not in f.message


def test_a_name_written_twice_stays_a_warning_beside_the_note(tmp_path: Path) -> None:
    from planwright.host import Host

    plan = clean_plan()
    plan.units, plan.meta.style = [], "dalian"
    target(plan, "1/1").lead = ["市国税局", "市地税局", "市国税局"]
    findings, _ = check(plan, tmp_path, Host())
    hits = {(f.severity, f.message.split("；")[0]) for f in only(findings, "PW-UNIT-002")}
    assert hits == {("warning", "单位“市国税局”在牵头单位中重复出现"),
                    ("info", "牵头单位“市国税局”“市地税局”在单位名录中同属“市税务局”")}


def test_sibling_aliases_across_lead_and_support_are_noted(tmp_path: Path) -> None:
    from planwright.host import Host

    plan = clean_plan()
    plan.units, plan.meta.style = [], "dalian"
    target(plan, "1/1").lead, target(plan, "1/1").support = ["市地税局"], ["市国税局"]
    findings, _ = check(plan, tmp_path, Host())
    f = the_one(findings, "PW-UNIT-002")
    assert f.severity == "info" and "牵头单位“市地税局”与配合单位“市国税局”在单位名录中同属“市税务局”" in f.message


# -- deadlines ----------------------------------------------------------------------------

def test_deadline_that_does_not_parse(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/3/4").deadline = "尽快"
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-DL-001")
    assert (f.severity, f.where, f.line) == ("warning", "二/（三）/4", key_line(text, "item04", "deadline"))
    assert "“尽快”无法识别" in f.message


@pytest.mark.parametrize("phrase", ["持续推进", "每季度", "在人代会召开后20日内", "10月底前", "上半年", "年底前"])
def test_deadlines_that_parse(tmp_path: Path, phrase: str) -> None:
    plan = clean_plan()
    target(plan, "2/2").deadline = phrase
    findings, _ = check(plan, tmp_path)
    assert [f for f in findings if f.rule.startswith("PW-DL")] == []


def test_a_style_deadline_phrase_is_understood(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.style = "ruyi"
    plan.units = [*REGISTRY, Unit("县财政局")]
    target(plan, "2/2").deadline = "随预算批复公开"
    findings, _ = check(plan, tmp_path, host_with("pf_ruyi"))
    assert only(findings, "PW-DL-001") == []
    plan.meta.style = ""  # the phrase belongs to the ruyi style only
    findings, _ = check(plan, tmp_path, host_with("pf_ruyi"))
    assert the_one(findings, "PW-DL-001").where == "二/（二）"


def test_deadline_before_the_plan_year(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/2").deadline = "2026年底前"
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-DL-002")
    assert (f.severity, f.where, f.line) == ("error", "二/（二）", key_line(text, "task22", "deadline"))
    assert "早于计划年度2027年" in f.message and "2026年12月31日" in f.message
    assert only(findings, "PW-DL-004") == []  # one problem, one finding


def test_deadline_after_the_end_year(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/3/1").deadline = "2028年3月底前"
    findings, _ = check(plan, tmp_path)
    f = the_one(findings, "PW-DL-003")
    assert (f.severity, f.where) == ("warning", "二/（三）/1")
    assert "超出计划期（2027年）" in f.message
    plan.meta.end_year = 2029  # a three-year plan may end later
    findings, _ = check(plan, tmp_path)
    assert only(findings, "PW-DL-003") == []


def test_deadline_before_the_date_of_issue(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "1/1").deadline = "2月底前"  # no year: the plan's year
    findings, _ = check(plan, tmp_path)
    f = the_one(findings, "PW-DL-004")
    assert (f.severity, f.where) == ("warning", "一/（一）")
    assert "2027年2月28日" in f.message and "早于成文日期2027年3月1日" in f.message


def test_yearless_deadlines_resolve_to_the_plan_year(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.year, plan.meta.date, plan.meta.doc_number = 2030, "", ""
    for _, task in plan.tasks():
        task.deadline = "10月底前"  # no year: 2030-10-31
    target(plan, "2/2").deadline = "2027年10月底前"
    findings, _ = check(plan, tmp_path)
    assert the_one(findings, "PW-DL-002").where == "二/（二）"


# -- text and ids --------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "field", "where", "words"), [
    ("2", "title", "二", "要点没有标题"),
    ("2/3", "title", "二/（三）", "任务没有标题"),
    ("2/3/4", "text", "二/（三）/4", "事项没有内容"),
])
def test_empty_titles_and_text(tmp_path: Path, path: str, field: str, where: str, words: str) -> None:
    plan = clean_plan()
    setattr(target(plan, path), field, "  ")
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-TEXT-001")
    node_id = target(plan, path).id
    assert (f.severity, f.where, f.line, f.message) == ("error", where, key_line(text, node_id, field), words)


def test_plan_without_a_title(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.title, plan.meta.preamble, plan.points = "", "", []  # nothing to print
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-TEXT-001")
    assert (f.severity, f.where, f.line, f.message) == ("error", "plan", plan_line(text, "title"), "计划没有标题")


def test_plan_with_text_but_no_title_is_a_warning_that_says_what_export_prints(tmp_path: Path) -> None:
    # a 方案 published under the web page's heading prints no title of its own:
    # the export prints what the office printed, so this does not block it
    plan = clean_plan()
    plan.meta.title = ""
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-TEXT-001")
    assert (f.severity, f.where, f.line) == ("warning", "plan", plan_line(text, "title"))
    assert f.message.startswith("计划没有标题") and "不印标题" in f.message


def test_duplicate_ids(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/3/4").id = "task22"
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-ID-001")
    lines = text.splitlines()
    second = [n + 1 for n, line in enumerate(lines) if line == 'id = "task22"'][1]
    assert (f.severity, f.where, f.line) == ("error", "二/（三）/4", second)
    assert "“task22”与二/（二）重复" in f.message


# -- 文号, dates, 附注, 主送 ----------------------------------------------------------------

@pytest.mark.parametrize(("written", "complaint", "fixed"), [
    ("示政办字[2027]3号", "六角括号〔〕，不用[]", "示政办字〔2027〕3号"),
    ("示政办字(2027)3号", "不用()", "示政办字〔2027〕3号"),
    ("示政办字（2027）3号", "不用（）", "示政办字〔2027〕3号"),
    ("示政办字【2027】3号", "不用【】", "示政办字〔2027〕3号"),
    ("示政办字［2027］3号", "不用［］", "示政办字〔2027〕3号"),
    ("示政办字〔27〕3号", "年份应写全四位", "示政办字〔2027〕3号"),
    ("示政办字〔2027〕03号", "不编虚位", "示政办字〔2027〕3号"),
    ("示政办字〔2027〕第3号", "不加“第”", "示政办字〔2027〕3号"),
    ("示政办字〔２０２７〕3号", "数字应为半角", "示政办字〔2027〕3号"),
    ("示政办字〔2027〕3", "应有“号”", "示政办字〔2027〕3号"),
    ("示政辦字(2027)3號", "不用()", "示政辦字〔2027〕3號"),  # traditional script keeps its 號
])
def test_doc_number_form(tmp_path: Path, written: str, complaint: str, fixed: str) -> None:
    plan = clean_plan()
    plan.meta.doc_number = written
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-DOCNO-001")
    assert (f.severity, f.where, f.line) == ("error", "plan", plan_line(text, "doc_number"))
    assert f"文号“{written}”格式有误" in f.message
    assert complaint in f.message
    assert f"应为“{fixed}”" in f.message


def test_doc_number_that_cannot_be_read(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.doc_number = "三号文件"
    findings, _ = check(plan, tmp_path)
    assert "应形如“某政办发〔2021〕5号”" in the_one(findings, "PW-DOCNO-001").message


@pytest.mark.parametrize("good", ["示政办字〔2027〕3号", "国办发〔2027〕12号", "示政办发〔2027〕105号",
                                  "示政辦發〔2027〕3號"])
def test_good_doc_numbers(tmp_path: Path, good: str) -> None:
    plan = clean_plan()
    plan.meta.doc_number = good
    findings, _ = check(plan, tmp_path)
    assert findings == []


def test_doc_number_year_differs_from_the_date(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.doc_number = "示政办字〔2026〕3号"
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-DOCNO-002")
    assert (f.severity, f.line) == ("warning", plan_line(text, "doc_number"))
    assert "文号年份2026与成文日期（2027年3月1日）的年份不一致" in f.message


@pytest.mark.parametrize(("written", "advice"), [
    ("2027-02-30", "2027年2月没有30日"),
    ("2027-13-01", "没有13月"),
    ("2027年3月1日", "请写成 2027-03-01"),
    ("下个月", "请写成 2027-03-01 的形式"),
])
def test_date_of_issue_must_be_a_real_date(tmp_path: Path, written: str, advice: str) -> None:
    plan = clean_plan()
    plan.meta.date = written
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-DATE-001")
    assert (f.severity, f.line) == ("error", plan_line(text, "date"))
    assert f"成文日期“{written}”不是有效日期" in f.message and advice in f.message


def test_printing_before_signing(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.print_date = "2027-02-20"
    findings, _ = check(plan, tmp_path)
    assert "印发日期2027年2月20日早于成文日期2027年3月1日" in the_one(findings, "PW-DATE-002").message


@pytest.mark.parametrize(("written", "words"), [
    ("（此件公开发布）", "不必加括号"),
    ("此件内部传阅", "不是常见写法"),
])
def test_publicity_note(tmp_path: Path, written: str, words: str) -> None:
    plan = clean_plan()
    plan.meta.publicity = written
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-NOTE-001")
    assert (f.severity, f.line) == ("info", plan_line(text, "publicity"))
    assert words in f.message


@pytest.mark.parametrize("good", ["", "此件公开发布", "此件依申请公开", "此件不予公开"])
def test_known_publicity_notes(tmp_path: Path, good: str) -> None:
    plan = clean_plan()
    plan.meta.publicity = good
    findings, _ = check(plan, tmp_path)
    assert findings == []


def test_recipient_entries_carry_no_punctuation(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.recipients = ["各街道办事处，", "区政府各部门："]
    plan.meta.cc = ["区委办公室。"]
    findings, text = check(plan, tmp_path)
    hits = only(findings, "PW-RECIP-001")
    assert [f.line for f in hits] == [plan_line(text, "recipients")] * 2 + [plan_line(text, "cc")]
    assert "主送机关“区政府各部门：”末尾不应带标点" in hits[1].message and "写作“区政府各部门”" in hits[1].message
    assert "抄送机关“区委办公室。”" in hits[2].message


# -- typed numbering -------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "field", "written", "marker", "rest", "where"), [
    ("2", "title", "二、回应社会关切", "二、", "回应社会关切", "二"),
    ("2/3", "title", "（三）做好公开", "（三）", "做好公开", "二/（三）"),
    ("2/3/4", "text", "4.公开第四类信息", "4.", "公开第四类信息", "二/（三）/4"),
])
def test_markers_typed_into_titles(tmp_path: Path, path, field, written, marker, rest, where) -> None:
    plan = clean_plan()
    setattr(target(plan, path), field, written)
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-HEAD-001")
    assert (f.severity, f.where, f.line) == ("warning", where, key_line(text, target(plan, path).id, field))
    assert f"以序号“{marker}”开头" in f.message and f"写作“{rest}”" in f.message


@pytest.mark.parametrize("title", ["2027年度公开目录更新", "3.5%的增长目标公开", "一是加强领导", "十四五规划公开"])
def test_titles_that_only_look_numbered(tmp_path: Path, title: str) -> None:
    plan = clean_plan()
    target(plan, "2/2").title = title
    findings, _ = check(plan, tmp_path)
    assert only(findings, "PW-HEAD-001") == []


# -- punctuation, characters, numbers ------------------------------------------------------

def test_half_width_punctuation_next_to_chinese(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/3").text = "各单位要高度重视,确保(按时)完成。"
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-PUNCT-001")
    assert (f.severity, f.where, f.line) == ("warning", "二/（三）", key_line(text, "task23", "text"))
    assert "（共3处）" in f.message and "“,”应为全角“，”" in f.message


def test_half_width_punctuation_in_the_preamble(tmp_path: Path) -> None:
    plan = clean_plan()
    plan.meta.preamble = "第一段。\n第二段要点:做好公开。"
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-PUNCT-001")
    assert (f.where, f.line) == ("plan", plan_line(text, "preamble"))
    assert "“:”应为全角“：”" in f.message


@pytest.mark.parametrize("fine", [
    "财政收入增长3.5%，惠及1,000户。",
    "详见网站http://www.example.gov.cn/a,b(c)。",
    "按照示政办字〔2021〕5号文件执行。",
    "按照GB/T 9704—2012排版。",
    "上午9:00前报送。",
    "来信请寄gongkai@example.gov.cn，注明单位。",
])
def test_half_width_punctuation_exemptions(tmp_path: Path, fine: str) -> None:
    plan = clean_plan()
    target(plan, "2/3").text = fine
    findings, _ = check(plan, tmp_path)
    assert only(findings, "PW-PUNCT-001") == []


def test_full_width_digits_and_letters(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/3/4").text = "公开２０２７年ＡＩ应用情况"
    target(plan, "1/1").deadline = "２０２７年10月底前"
    findings, text = check(plan, tmp_path)
    hits = only(findings, "PW-CHAR-001")
    assert [(f.where, f.field) for f in hits] == [("一/（一）", "deadline"), ("二/（三）/4", "text")]
    assert hits[1].line == key_line(text, "item04", "text")
    assert "“２０２７”应写作半角“2027”" in hits[1].message


@pytest.mark.parametrize(("written", "words"), [
    ("学习《条例", "左书名号《没有配对的右书名号》：“学习《条例”"),
    ("学习条例》", "右书名号》前面没有对应的左书名号《"),
    ("（一“二）”", "左引号“还未闭合就出现了右括号）"),
    ("开展“回头看", "左引号“没有配对的右引号”"),
])
def test_unbalanced_pairs(tmp_path: Path, written: str, words: str) -> None:
    plan = clean_plan()
    target(plan, "2/2").title = written
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-PAIR-001")
    assert (f.severity, f.where, f.line) == ("error", "二/（二）", key_line(text, "task22", "title"))
    assert words in f.message


def test_balanced_pairs_pass(tmp_path: Path) -> None:
    plan = clean_plan()
    target(plan, "2/2").title = "落实“《条例》（修订）”要求"
    findings, _ = check(plan, tmp_path)
    assert only(findings, "PW-PAIR-001") == []


@pytest.mark.parametrize(("written", "words"), [
    ("27年底前完成清理", "年份“27年”应写全四位（如“2027年”）"),
    ("落实2026-2028年规划", "“2026-2028”应用一字线连接：“2026—2028”"),
    ("落实2026~2028年规划", "“2026~2028”应用一字线连接"),
])
def test_number_usage(tmp_path: Path, written: str, words: str) -> None:
    plan = clean_plan()
    target(plan, "2/3/4").text = written
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-NUM-001")
    assert (f.severity, f.where, f.line) == ("warning", "二/（三）/4", key_line(text, "item04", "text"))
    assert words in f.message


@pytest.mark.parametrize("fine", ["落实2026—2028年规划", "按照GB/T 9704-2012排版", "连续10年开展评议",
                                  "2027-03-01前报送"])
def test_number_usage_that_is_fine(tmp_path: Path, fine: str) -> None:
    plan = clean_plan()
    target(plan, "2/3/4").text = fine
    findings, _ = check(plan, tmp_path)
    assert only(findings, "PW-NUM-001") == []


# -- the plan year ----------------------------------------------------------------------------

@pytest.mark.parametrize(("year", "end_year", "words", "key"), [
    (0, 0, "计划年度没有填写", "year"),
    (27, 0, "“27”不是四位年份", "year"),
    (2027, 2025, "end_year = 2025 早于计划年度", "end_year"),
])
def test_plan_year(tmp_path: Path, year: int, end_year: int, words: str, key: str) -> None:
    plan = clean_plan()
    plan.meta.year, plan.meta.end_year = year, end_year
    findings, text = check(plan, tmp_path)
    f = the_one(findings, "PW-YEAR-001")
    assert f.severity == "error" and words in f.message
    assert f.line == plan_line(text, key)


def test_rules_for_a_plan_without_a_file() -> None:
    """The editor checks plans not yet saved: places are given, lines are not."""
    plan = clean_plan()
    target(plan, "2/3/4").lead = ["区财政厅"]
    findings = planwright.check(plan, host=host_with())
    f = the_one(findings, "PW-UNIT-001")
    assert (f.where, f.line) == ("二/（三）/4", None)


# -- the corpus: published plans, read at run time ------------------------------------------

def truth_plan(name: str) -> Plan:
    """A plan from a corpus document's expected structure (../shared/truth), items cut to their heads."""
    import json

    from corpus import TRUTH

    data = json.loads((TRUTH / f"{name}.json").read_text(encoding="utf-8"))
    m = data["plan"]
    meta = Meta(title=m["title"], year=m["year"], end_year=m["end_year"] if m["end_year"] != m["year"] else 0,
                issuer=m["issuer"], doc_number=m["doc_number"], date=m["date"],
                recipients=m["recipients"], publicity=m["publicity"])
    points = [Point(title=p["title"], tasks=[
        Task(title=t["title"], lead=t["lead"], support=t["support"], deadline=t["deadline"],
             items=[Item(text=i["text_head"], lead=i["lead"], support=i["support"], deadline=i["deadline"])
                    for i in t["items"]])
        for t in p["tasks"]]) for p in data["points"]]
    plan = Plan(meta=meta, points=points)
    plan.ensure_ids()
    return plan


def corpus_names() -> list[str]:
    from corpus import CORPUS, corpus_available

    return CORPUS if corpus_available() else []


@pytest.mark.parametrize("name", corpus_names())
def test_published_metadata_raises_no_false_alarms(name: str) -> None:
    """Issued notices have correct 文号, dates, 主送 and 附注: the rules must not object."""
    findings = planwright.check(truth_plan(name), host=host_with())
    quiet = ("PW-DOCNO-", "PW-DATE-", "PW-RECIP-", "PW-NOTE-", "PW-HEAD-", "PW-YEAR-", "PW-ID-", "PW-UNIT-")
    assert [f.as_dict() for f in findings if f.rule.startswith(quiet)] == []


@pytest.mark.skipif(not corpus_names(), reason="corpus not available")
def test_corpus_findings_are_the_real_ones() -> None:
    assert planwright.check(truth_plan("huaiyin-2021-yaodian"), host=host_with()) == []
    # 江山: milestones of the first month fall before the notice was signed
    jiangshan = planwright.check(truth_plan("jiangshan-2020-2022-xingdong"), host=host_with())
    early = [f.where for f in only(jiangshan, "PW-DL-004")]
    assert early and all(where.startswith("四/（一）/") for where in early)
    # 大连: the page prints half-width commas inside its headings
    dalian = planwright.check(truth_plan("dalian-2016-yaodian"), host=host_with())
    assert "一" in [f.where for f in only(dalian, "PW-PUNCT-001")]
