"""The notice as text, the 分工 table rows, the per-unit view, Markdown, JSON, .ics and the command.

Each output is read back the way its reader would: the text line by line, the
JSON with json, the calendar by unfolding and splitting its lines.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sample_plans import YEAR, dalian_plan, jiangshan_plan, jinan_plan, ningguo_plan, township_plan

from planwright.plan import store
from planwright.exporting import (ExportError, export_all, export_plan, notice_text, sheet_names, table_rows,
                               unit_view)
from planwright.exporting.table import table_text
from planwright.exporting.calendar import fold
from planwright.exporting.wording import display_width, join_units
from planwright.plan.model import Item, Meta, Plan, Point, Task
from planwright.zh.units import Registry



def lines_of(text: str) -> list[str]:
    return [line.strip("\u3000 ") for line in text.splitlines() if line.strip()]


# --- the notice text -----------------------------------------------------------


def test_notice_parts_in_order(host):
    plan = jinan_plan()
    layout = host.layout("jinan")
    lines = lines_of(notice_text(plan, host))
    opening = layout.opening.format(title=plan.meta.title, issuer=plan.meta.issuer)
    expected = [
        f"样政办字〔{YEAR}〕7号",
        f"样例区人民政府办公室关于印发{YEAR}年样例区政务公开工作要点的通知",
        "各街道办事处，区政府各部门：",
        opening,
        "样例区人民政府办公室",
        f"{YEAR}年3月9日",
        "（此件公开发布）",
        plan.meta.title,
        plan.meta.preamble,
    ]
    assert lines[: len(expected)] == expected
    assert lines[-3] == plan.meta.closing
    assert lines[-2] == "抄送：区委办公室，区人大常委会办公室。"
    assert re.fullmatch(rf"样例区人民政府办公室\s+{YEAR}年3月10日印发", lines[-1])


def test_numbering_is_derived_from_order(host):
    lines = lines_of(notice_text(jinan_plan(), host))
    headings = [line for line in lines if re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)", line)]
    assert [re.match(r"^(\S+?[、）.])", h).group(1) for h in headings] == [
        "一、", "（一）", "（二）", "1.", "2.", "二、", "（一）"]


def test_responsible_units_close_each_task_with_missing_deadlines(host):
    text = notice_text(jinan_plan(), host)
    # lead and support together; the deadline the text does not state goes into the bracket
    assert "（一）公开财政预决算信息。预算和决算在批复后按时向社会公开。（责任单位：区财政局，各街道办事处；" \
           f"完成时限：{YEAR}年6月底）" in text
    assert f"1.低保对象名单按月公示。（责任单位：区民政局；完成时限：{YEAR}年10月底）" in text
    assert "2.临时救助情况按季度汇总公开。（完成时限：每季度）" in text
    # a deadline the text already states is not repeated
    assert f"前组织一次全区培训。（责任单位：区政府办公室）" in text


def test_lead_support_one_paragraph_per_item(host):
    layout = host.layout("dalian")
    lines = lines_of(notice_text(dalian_plan(), host))
    first = next(line for line in lines if line.startswith("（一）"))
    assert first == (f"（一）做好决策草案公开。重要改革方案在决策前公开征求意见。"
                     f"（区司法局{layout.lead_word}，区政府各部门{layout.support_word}）")
    second = lines[lines.index(first) + 1]
    assert second == f"意见采纳情况在征求结束后反馈。（区政府各部门{layout.lead_word}）"
    assert f"（二）做好执行情况公开。重点工作的进展按季度公开。（区政府办公室{layout.lead_word}）" in lines


def test_table_style_prints_body_and_attaches_the_table(host):
    plan = ningguo_plan()
    lines = lines_of(notice_text(plan, host))
    assert "（一）做好规划信息公开。各类规划及调整情况及时上网。" in lines  # the body, no units
    assert not any("责任单位：" in line for line in lines)
    title = f"{YEAR}年样例区政务公开重点工作任务分工"
    note = lines.index(f"附件：{title}")
    label = lines.index("附件")
    assert note < label and lines[label + 1] == title
    assert lines[label + 2].split("\t") == ["序号", "工作任务", "具体要求", "责任单位", "时限要求"]
    assert lines[label + 3] == "一、进一步加强重点领域公开"
    assert lines[label + 4].split("\t") == ["", "（一）做好规划信息公开"]  # in the 工作任务 column
    assert lines[label + 5].split("\t") == ["1", "", "公开国土空间规划和各类专项规划。", "发改委、自然资源局",
                                             f"{YEAR}年10月底"]
    assert lines[-1].split("\t") == ["3", "", "政府预算和决算按时公开。", "财政局", "在人代会召开后20日内"]


def test_list_style_units_line_and_deadline_in_text(host):
    lines = lines_of(notice_text(jiangshan_plan(), host))
    area = lines.index("（一）义务教育。主要包括招生、资助和督导信息。")
    assert lines[area + 1] == "责任单位：市教育局、各乡镇（街道）。"
    # the milestone states its deadline already: no second mention, no units line
    milestone = next(line for line in lines if line.startswith("1.成立工作专班"))
    assert milestone.count(f"{YEAR}年4月30日前") == 1
    assert not lines[lines.index(milestone) + 1].startswith("责任单位")


def test_untitled_plan_prints_itself_signed_at_the_end(host):
    lines = lines_of(notice_text(township_plan(), host))
    assert not any("通知" in line for line in lines)
    assert lines[:2] == ["一、指导思想", "以服务群众为宗旨，把公开贯穿工作全过程。"]
    assert lines[2:5] == ["二、主要任务", "（一）抓好公开解读", "1.做好政策解读。重要文件同步解读。"]
    assert lines[-2:] == ["样例乡人民政府", f"{YEAR}年5月6日"]


def test_unknown_style_falls_back_to_neutral_wording(host):
    plan = jinan_plan()
    plan.meta.style = "no-such-style"
    text = notice_text(plan, host)
    assert "（责任单位：区财政局，各街道办事处；" in text
    assert notice_text(plan, None) == text  # no host at all: the same neutral layout


def test_join_units_comma_between_kinds():
    assert join_units(["区财政局", "区民政局", "各街道办事处"], by_kind=True) == "区财政局、区民政局，各街道办事处"
    assert join_units(["区财政局", "各街道办事处"]) == "区财政局、各街道办事处"


def test_display_width_counts_wide_characters_twice():
    assert display_width("abc") == 3
    assert display_width("责任单位") == 8
    assert display_width("（一）２０") == 10
    assert display_width("A、B") == 4


# --- table rows and units ---------------------------------------------------------


def test_table_rows_group_and_number():
    rows = table_rows(jinan_plan())
    kinds = [(r.kind, r.seq) for r in rows]
    assert kinds == [("point", 0), ("row", 1), ("row", 2), ("row", 3), ("point", 0), ("row", 4)]
    first, item_a, item_b = rows[1], rows[2], rows[3]
    assert first.task == "（一）公开财政预决算信息" and first.task_span == 1
    assert (item_a.task_start, item_a.task_span, item_b.task_start) == (True, 2, False)
    # an item without units of its own falls under its task's units and deadline
    assert item_b.lead == ("区民政局",) and item_b.deadline == "每季度"
    assert first.units == "区财政局牵头，各街道办事处配合"


def test_a_notice_whose_plan_was_not_in_the_text_ends_with_its_signature(host):
    """A notice-only import (its plan an attachment not imported): no page with the plan's
    title over nothing after the letter."""
    meta = Meta(title="2024年某某县政务公开重点任务分工", issuer="某某县人民政府办公室", date="2024-05-06",
                recipients=["各乡镇人民政府"], letter="现将《{title}》印发给你们，请抓好落实。")
    lines = lines_of(notice_text(Plan(meta=meta), host))
    assert lines[-3:] == ["现将《2024年某某县政务公开重点任务分工》印发给你们，请抓好落实。",
                          "某某县人民政府办公室", "2024年5月6日"]
    assert "2024年某某县政务公开重点任务分工" not in lines


def test_a_notice_that_is_itself_the_plan_keeps_its_number_and_recipients(host):
    """关于做好…的通知 with its own 一、二、: no plan title to send, so no 印发 frame, but its 文号
    and 主送 still head it and its signature closes it."""
    meta = Meta(title="", issuer="某某县人民政府办公室", date="2024-05-06", doc_number="某政办函〔2024〕5号",
                recipients=["各乡镇人民政府", "县直各部门"], preamble="为做好今年的公开工作，现就有关事项通知如下。")
    plan = Plan(meta=meta, points=[Point(title="加强组织领导", text="各单位年内至少研究一次公开工作。")])
    lines = lines_of(notice_text(plan, host))
    assert lines == ["某政办函〔2024〕5号", "各乡镇人民政府，县直各部门：", "为做好今年的公开工作，现就有关事项通知如下。",
                     "一、加强组织领导", "各单位年内至少研究一次公开工作。", "某某县人民政府办公室", "2024年5月6日"]


def test_a_table_with_no_task_level_gets_no_task_label_invented():
    """Rows printed straight under 一、 (the task untitled): no bare （一） cell or line."""
    plan = Plan(points=[Point(title="做好政策公开", tasks=[Task(title="", items=[
        Item(text="按月发布政策文件。", lead=["区司法局"], deadline="持续推进"),
        Item(text="每季度更新解读专栏。", lead=["区政府办公室"], deadline="持续推进")])])])
    rows = table_rows(plan)
    assert [r.task for r in rows if r.kind == "row"] == ["", ""]
    lines = table_text(rows)
    assert lines[1:] == ["一、做好政策公开", "1\t\t按月发布政策文件。\t区司法局\t持续推进",
                         "2\t\t每季度更新解读专栏。\t区政府办公室\t持续推进"]


def test_unit_view_groups_aliases_and_roles():
    plan = jinan_plan()
    plan.points[0].tasks[1].items[1].lead = ["财政局"]  # alias of 区财政局
    views = {v.unit: v for v in unit_view(plan, Registry(plan.units))}
    finance = views["区财政局"]
    assert (finance.led, finance.supported) == (2, 0)
    assert finance.written == ["财政局"]
    assert finance.earliest.deadline == f"{YEAR}年6月底"
    streets = views["各街道办事处"]
    assert (streets.led, streets.supported) == (0, 1)


def test_unit_view_entries_are_the_table_rows_of_each_unit():
    plan = jinan_plan()
    rows = {row.seq: row for row in table_rows(plan) if row.kind == "row"}
    for view in unit_view(plan, Registry(plan.units)):
        assert (view.led, view.supported) == (sum(e.role == "lead" for e in view.entries),
                                               sum(e.role == "support" for e in view.entries))
        for entry in view.entries:
            row = rows[entry.seq]
            assert (entry.point, entry.task, entry.requirement, entry.deadline, entry.node_id) == (
                row.point, row.task, row.requirement, row.deadline, row.node_id)


def test_unit_view_entries_made_later_show_the_plan_as_it_was():
    # the entries are made when first read: an edit in between must not show in them
    plan = jinan_plan()
    read_now = [view.entries for view in unit_view(plan, Registry(plan.units))]
    unread = unit_view(plan, Registry(plan.units))
    for point in plan.points:
        for task in point.tasks:
            task.text = "改过的要求"
            for item in task.items:
                item.text = "改过的要求"
    assert [view.entries for view in unread] == read_now
    assert all(entry.requirement != "改过的要求" for entries in read_now for entry in entries)


def test_sheet_names_safe_unique_and_explained():
    long = "某某市某某区人民政府办公室政务公开和政府信息公开工作领导小组办公室（一）"
    names = sheet_names(["区财政局", "A/B:C*?[1]", long, long[:31] + "（二）", "history", "区财政局"],
                        taken=["汇总"])
    sheets = [n.sheet for n in names]
    assert sheets[0] == "区财政局" and names[0].note == ""
    assert not re.search(r"[\[\]:*?/\\]", sheets[1]) and "替换" in names[1].note
    assert len(sheets[2]) <= 31 and "截短" in names[2].note
    assert len(sheets[3]) <= 31 and sheets[3] != sheets[2] and "重名" in names[3].note
    assert sheets[4].lower() != "history"
    assert sheets[5] != "区财政局" and "重名" in names[5].note
    assert len({s.lower() for s in sheets}) == len(sheets)


# --- Markdown, JSON, calendar -------------------------------------------------------


def test_markdown_has_headings_and_table(host):
    md = export_plan(ningguo_plan(), "md", host).decode()
    assert f"# 样例区人民政府办公室关于印发{YEAR}年样例区政务公开工作要点的通知" in md
    assert "### 一、以规划为引领，加强重点领域公开" in md
    assert "| 序号 | 工作任务 | 具体要求 | 责任单位 | 时限要求 |" in md
    assert f"| 1 | （一）做好规划信息公开 | 公开国土空间规划和各类专项规划。 | 发改委、自然资源局 | {YEAR}年10月底 |" in md


def test_json_is_the_plan(host):
    plan = jinan_plan()
    data = json.loads(export_plan(plan, "json", host))
    assert data == store.plan_to_dict(plan)


def unfold(ics: str) -> list[str]:
    assert "\n" not in ics.replace("\r\n", "")
    return ics.replace("\r\n ", "").split("\r\n")


def test_ics_one_event_per_dated_deadline(host):
    raw = export_plan(jinan_plan(), "ics", host)
    text = raw.decode("utf-8")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    starts = sorted(line.split(":")[1] for line in lines if line.startswith("DTSTART"))
    # 6月底, 10月底 (item), 9月底前; 每季度 has no day
    assert starts == [f"{YEAR}0630", f"{YEAR}0930", f"{YEAR}1031"]
    description = next(line for line in lines if line.startswith("DESCRIPTION") and "6月底" in line)
    assert "区财政局" in description and "配合单位：各街道办事处" in description
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == 3


def test_fold_never_splits_a_character():
    line = "DESCRIPTION:" + "政务公开" * 40
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert all(len(p.encode()) <= 75 for p in parts)
    assert "".join(parts) == line


def test_export_all_checks_once_and_renders_every_format(host):
    out = export_all(jinan_plan(), host)
    assert set(out) == {"notice-txt", "notice-docx", "table-xlsx", "table-docx", "units", "md", "json", "ics"}
    assert out["notice-docx"][:2] == b"PK" and out["table-xlsx"][:2] == b"PK"


# --- errors and the command -----------------------------------------------------------


def broken_plan() -> Plan:
    plan = jinan_plan()
    plan.points[0].tasks[0].lead = []  # a task without units: PW-LEAD-001
    plan.points[0].tasks[0].support = []
    return plan


def test_export_plan_refuses_errors_unless_allowed(host):
    with pytest.raises(ExportError, match="错误"):
        export_plan(broken_plan(), "notice-txt", host)
    text = export_plan(broken_plan(), "notice-txt", host, allow_errors=True).decode()
    assert re.match(r"【未通过检查：计划有 \d+ 个错误", text)


def test_unknown_format(host):
    with pytest.raises(ExportError, match="未知的导出格式"):
        export_plan(jinan_plan(), "pdf", host)


def save(plan: Plan, path: Path) -> Path:
    store.save(store.new_document(plan), path)
    return path


def test_cli_refuses_errors_and_leaves_existing_file(planwright_process, tmp_path):
    plan = save(broken_plan(), tmp_path / "plan.toml")
    out = tmp_path / "notice.txt"
    out.write_text("old", encoding="utf-8")
    result = planwright_process("export", str(plan), "--format", "notice-txt", "-o", str(out), "--force")
    assert result.returncode != 0
    assert "错误" in result.stderr and "--allow-errors" in result.stderr
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.txt", "plan.toml"]  # no temp left


def test_cli_allow_errors_says_so_in_every_format(planwright_process, tmp_path):
    from openpyxl import load_workbook
    import docx

    plan = save(broken_plan(), tmp_path / "plan.toml")
    for fmt, name in (("notice-txt", "a.txt"), ("notice-docx", "a.docx"), ("table-xlsx", "a.xlsx"),
                      ("units", "u.xlsx"), ("json", "a.json"), ("md", "a.md"), ("ics", "a.ics")):
        result = planwright_process("export", str(plan), "--format", fmt, "-o", str(tmp_path / name), "--allow-errors")
        assert result.returncode == 0, result.stderr
        assert "--allow-errors" in result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("【未通过检查")
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("> **【未通过检查")
    errors = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["export"]["errors"]
    assert "PW-LEAD-001" in {e["rule"] for e in errors}
    assert "X-WR-CALDESC:未通过检查" in (tmp_path / "a.ics").read_text(encoding="utf-8")
    document = docx.Document(str(tmp_path / "a.docx"))
    assert "未通过检查" in document.sections[0].header.paragraphs[0].text
    assert document.paragraphs[0].text.startswith("【未通过检查")
    for book in ("a.xlsx", "u.xlsx"):
        wb = load_workbook(tmp_path / book)
        assert "检查结果" in wb.sheetnames
        rules = {row[0] for row in wb["检查结果"].iter_rows(min_row=3, values_only=True)}
        assert "PW-LEAD-001" in rules


def test_cli_replaces_existing_output_only_with_force_and_writes_stdout(planwright_process, tmp_path):
    """A notice touched up in Word after the export must not be lost to a second export."""
    plan = save(jinan_plan(), tmp_path / "plan.toml")
    out = tmp_path / "notice.txt"
    out.write_text("old", encoding="utf-8")
    refused = planwright_process("export", str(plan), "--format", "notice-txt", "-o", str(out))
    assert refused.returncode == 2 and f"{out}: 文件已存在" in refused.stderr and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "old"
    assert planwright_process("export", str(plan), "--format", "notice-txt", "-o", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8").startswith(f"样政办字〔{YEAR}〕7号")
    printed = planwright_process("export", str(plan), "--format", "notice-txt")
    assert printed.returncode == 0 and printed.stdout == out.read_text(encoding="utf-8")


def test_cli_says_when_the_calendar_has_no_events(planwright_process, tmp_path):
    plan = jinan_plan()
    dated = save(plan, tmp_path / "dated.toml")
    for _, task in plan.tasks():
        task.deadline = "持续推进"
        for item in task.items:
            item.deadline = ""
    undated = save(plan, tmp_path / "undated.toml")
    empty = planwright_process("export", str(undated), "--format", "ics")
    assert empty.returncode == 0 and "BEGIN:VEVENT" not in empty.stdout
    assert f"{undated} 没有落到具体日期的时限" in empty.stderr
    full = planwright_process("export", str(dated), "--format", "ics")
    assert "BEGIN:VEVENT" in full.stdout and full.stderr == ""


def test_cli_says_when_no_unit_has_a_list(planwright_process, tmp_path):
    township = township_plan()  # a township plan names no units
    township.meta.title = f"样例乡{YEAR}年政务公开工作实施方案"
    plan = save(township, tmp_path / "township.toml")
    result = planwright_process("export", str(plan), "--format", "units", "-o", str(tmp_path / "u.xlsx"))
    assert result.returncode == 0 and "没有写责任单位" in result.stderr
    with_units = save(jinan_plan(), tmp_path / "jinan.toml")
    result = planwright_process("export", str(with_units), "--format", "units", "-o", str(tmp_path / "j.xlsx"))
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.parametrize("args, message", [
    (["--format", "notice-docx"], "-o"),
    (["--format", "table-xlsx", "-o", "{tmp}/no/such/dir/t.xlsx"], "不存在"),
    (["--format", "table-xlsx", "-o", "{tmp}"], "directory"),  # refused by the option itself
])
def test_cli_bad_output(planwright_process, tmp_path, args, message):
    plan = save(jinan_plan(), tmp_path / "plan.toml")
    result = planwright_process("export", str(plan), *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 2
    assert message in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]
    assert "Traceback" not in result.stderr


def test_cli_bad_plan_file(planwright_process, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = \n", encoding="utf-8")
    result = planwright_process("export", str(bad), "--format", "json", "-o", str(tmp_path / "x.json"))
    assert result.returncode == 2 and "bad.toml" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_item_text_with_own_number_is_not_renumbered_twice(host):
    """Numbering is generated; the plan's items carry none (the rule PW-HEAD-001 warns otherwise)."""
    plan = Plan(meta=jinan_plan().meta, points=[Point(id="p", title="要点", tasks=[
        Task(id="t", title="任务", lead=["区财政局"], items=[Item(id="i", text="事项内容。")])])])
    assert "1.事项内容。" in notice_text(plan, host)
