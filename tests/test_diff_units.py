"""``planwright diff --unit`` and ``--format xlsx``: what changed for one unit, and a change list to filter.

The plans are written here in this project's own words. The registry says
财政局 is 区财政局's other name, so a task the new plan attributes to 财政局 is
still 区财政局's task.
"""

from __future__ import annotations

import json

import openpyxl
import pytest

import planwright
from planwright.plan.model import Meta, Plan, Point, Task, Unit

FINANCE = "区财政局"


def _plans() -> tuple[Plan, Plan]:
    units = [Unit(name=FINANCE, aliases=["财政局"])]
    old = Plan(meta=Meta(title="2025年示范区政务公开工作要点", year=2025), units=list(units), points=[
        Point(title="做好重点领域信息公开", tasks=[
            Task(title="做好预算信息公开", lead=[FINANCE],
                 text="部门预算和决算在批复后二十日内公开，三公经费说明增减原因。"),
            Task(title="做好债务信息公开", lead=[FINANCE], support=["区审计局"], deadline="2025年6月底前",
                 text="政府债务限额和余额情况按年度公布，专项债券的使用情况定期更新。"),
            Task(title="做好教育信息公开", lead=["区教育局"],
                 text="公布义务教育学校的招生范围和报名流程，学生资助名单按规定公示。"),
            Task(title="做好国有资产信息公开", lead=[FINANCE],
                 text="行政事业单位国有资产的年度报告向人大报告后公开。"),
            Task(title="做好生态环境信息公开", lead=["区生态环境分局"],
                 text="按季度公布空气和水环境质量排名，重点排污单位的排放数据实时公开。"),
        ])])
    new = Plan(meta=Meta(title="2026年示范区政务公开工作要点", year=2026), units=list(units), points=[
        Point(title="做好重点领域信息公开", tasks=[
            Task(title="做好预算信息公开", lead=["财政局"],
                 text="部门预算和决算在批复后二十日内公开，三公经费说明增减原因，绩效目标一并公开。"),
            Task(title="做好债务信息公开", lead=[FINANCE], support=["区审计局"], deadline="2026年9月底前",
                 text="政府债务限额和余额情况按年度公布，专项债券的使用情况定期更新。"),
            Task(title="做好教育信息公开", lead=["区教育局"], support=[FINANCE],
                 text="公布义务教育学校的招生范围和报名流程，学生资助名单按规定公示。"),
            Task(title="做好生态环境信息公开", lead=["区生态环境分局"],
                 text="按季度公布空气和水环境质量排名，重点排污单位的排放数据实时公开。"),
            Task(title="做好政府采购信息公开", lead=[FINANCE],
                 text="政府采购意向在采购活动开始前三十日发布，中标结果同步公开。"),
        ])])
    old.ensure_ids()
    new.ensure_ids()
    return old, new


@pytest.fixture
def two_plans(tmp_path):
    old, new = _plans()
    return planwright.save(old, tmp_path / "2025.toml"), planwright.save(new, tmp_path / "2026.toml")


def _titles(data: dict) -> dict[str, str]:
    return {(c["new"] or c["old"])[0]["title"]: c["status"] for c in data["changes"]}


@pytest.mark.parametrize("name", [FINANCE, "财政局"])
def test_unit_shows_its_tasks_gained_lost_reworded_and_deadlines(cli, two_plans, name) -> None:
    result = cli("diff", *two_plans, "--unit", name, "--format", "json")
    assert result.exit_code == 0, result.output
    assert _titles(json.loads(result.stdout)) == {
        "做好预算信息公开": "reworded",  # written 财政局 this year: the same unit, reworded
        "做好债务信息公开": "unchanged",  # its deadline moved beyond the year shift
        "做好教育信息公开": "unchanged",  # 区财政局 joined as a support unit: gained
        "做好国有资产信息公开": "removed",
        "做好政府采购信息公开": "added",
    }


def test_unit_text_report_names_the_unit_and_its_changes(cli, two_plans) -> None:
    result = cli("diff", *two_plans, "--unit", FINANCE)
    assert result.exit_code == 0, result.output
    assert f"（{FINANCE}）" in result.stdout
    assert "做好国有资产信息公开" in result.stdout and "2026年9月底前" in result.stdout
    assert "做好生态环境信息公开" not in result.stdout


def test_an_unknown_unit_is_one_line_and_a_failure(cli, two_plans) -> None:
    result = cli("diff", *two_plans, "--unit", "区水务局")
    assert result.exit_code != 0
    assert "区水务局" in result.output and "Traceback" not in result.output


def test_md_report_ends_with_the_per_unit_section(cli, two_plans) -> None:
    result = cli("diff", *two_plans, "--format", "md")
    assert result.exit_code == 0, result.output
    last = [line for line in result.stdout.splitlines() if line.startswith("## ")][-1]
    assert last.startswith("## 按单位")
    section = result.stdout[result.stdout.rindex("## 按单位"):]
    finance = next(line for line in section.splitlines() if line.startswith(f"| {FINANCE} |"))
    cells = [c.strip() for c in finance.strip("|").split("|")]
    assert cells[1:5] == ["2", "1", "1", "1"]  # gained, lost, reworded, deadline changed


def test_html_and_docx_reports_end_with_the_per_unit_section(cli, two_plans, tmp_path) -> None:
    html = cli("diff", *two_plans, "--format", "html").stdout
    assert html.rindex("<h2>") == html.index("<h2>按单位")
    out = tmp_path / "report.docx"
    assert cli("diff", *two_plans, "--format", "docx", "-o", out).exit_code == 0
    import docx

    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name.startswith("Heading")]
    assert headings[-1].startswith("按单位")


def test_xlsx_change_list_can_be_filtered_by_unit(cli, two_plans, tmp_path) -> None:
    out = tmp_path / "changes.xlsx"
    result = cli("diff", *two_plans, "--format", "xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out).active
    rows = [[c.value or "" for c in row] for row in ws.iter_rows()]
    assert rows[0] == ["状态", "单位", "位置", "旧文字", "新文字", "变化内容"]
    assert ws.auto_filter.ref == f"A1:F{len(rows)}"
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width  # texts get the room
    finance = [r for r in rows[1:] if r[1] == FINANCE]
    assert {r[0] for r in finance} == {"改写", "时限调整", "单位调整", "删除", "新增"}
    removed = next(r for r in finance if r[0] == "删除")
    assert "国有资产" in removed[3] and removed[4] == "" and "减少" in removed[5]
    deadline = next(r for r in finance if r[0] == "时限调整")
    assert "2026年9月底前" in deadline[5]
    assert not any(r[0] == "未变" for r in rows[1:])  # only changes are listed


def test_xlsx_needs_an_output_file(cli, two_plans) -> None:
    result = cli("diff", *two_plans, "--format", "xlsx")
    assert result.exit_code != 0 and "-o" in result.output


def test_text_to_a_pipe_is_plain_text_with_redline_marks(cli, two_plans) -> None:
    result = cli("diff", *two_plans)  # not a terminal: no rich layout
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b[" not in out and "┃" not in out and "│" not in out
    assert out.index("概要") < out.index("变化明细") < out.index("按单位")
    assert "{+，绩效目标一并公开+}" in out
    header = next(line for line in out.splitlines() if "未变" in line and "合计" in line)
    assert header.split() == ["未变", "改写", "移动", "新增", "删除", "合并", "拆分", "合计"]
