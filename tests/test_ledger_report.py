"""planwright ledger report: the roll-up per unit and point, late tasks and a 落实情况 text, in md/docx/xlsx."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

pytestmark = pytest.mark.usefixtures("core_rules_only")

PLAN = """schema = "planwright/1"

[plan]
title = "2025年样例镇政务公开工作要点"
style = "jinan"
year = 2025

[[points]]
id = "pa1aaa"
title = "把决策公开做实"

[[points.tasks]]
id = "tk1aaa"
title = "公开重大行政决策事项目录"
lead = ["镇党政办"]
deadline = "2025年3月31日"

[[points.tasks]]
id = "tk2aaa"
title = "做好政策解读"
lead = ["镇党政办"]
support = ["镇财政所"]
deadline = "2025年12月31日"

[[points]]
id = "pb1aaa"
title = "把平台管好"

[[points.tasks]]
id = "tb1aaa"
title = "清理过期栏目"
lead = ["镇财政所"]
deadline = "2025年9月30日"
"""

LEDGER = """schema = "planwright-ledger/1"
plan = ""

[reports.tk1aaa."镇党政办"]
state = "已完成"
percent = 100
updated = "2025-03-20T09:00:00"
source = "镇党政办.xlsx"

[reports.tk2aaa."镇党政办"]
state = "推进中"
percent = 80
updated = "2025-11-01T09:00:00"
source = "镇党政办.xlsx"

[reports.tb1aaa."镇财政所"]
state = "推进中"
percent = 50
updated = "2025-09-01T09:00:00"
source = "镇财政所.xlsx"
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "2025.toml"
    path.write_text(PLAN, encoding="utf-8")
    (tmp_path / "2025.ledger.toml").write_text(LEDGER, encoding="utf-8")
    return path


def test_md_report_rolls_up_units_and_points_and_lists_late_tasks(cli, plan):
    result = cli("ledger", "report", str(plan), "--format", "md", "--as-of", "2025-11-15")
    assert result.exit_code == 0, result.output
    md = result.stdout
    # 镇党政办: one done by its deadline (达), one at 80 % against 91.7 % (欠); 镇财政所: one overdue,
    # one it supports and has not reported on
    assert "| 镇党政办 | 2 | 1 | 50.0% | 0（0.0%） | 1（50.0%） | 1（50.0%） | 0 | 90.0% |" in md
    assert "| 镇财政所 | 2 | 0 | 0.0% | 0（0.0%） | 0（0.0%） | 2（100.0%） | 1 | 25.0% |" in md
    assert "| 二、把平台管好 | 1 | 0 | 0.0% | 0（0.0%） | 0（0.0%） | 1（100.0%） | 1 | 50.0% |" in md
    late = md.split("## 逾期未完成的任务")[1].split("## 落实情况")[0]
    assert "（一）清理过期栏目 | 镇财政所 |  | 2025-09-30 | 推进中 | 50 |" in late
    assert "公开重大行政决策事项目录" not in late
    prose = md.split("## 落实情况")[1]
    assert "截至2025年11月15日" in prose and "分解的3项任务中，已完成1项（占33.3%）" in prose
    assert "逾期未完成1项，涉及镇财政所" in prose
    # in May the same 80 % is well ahead of the pace (5/12 = 41.7 %): 超进度
    may = cli("ledger", "report", str(plan), "--format", "md", "--as-of", "2025-05-15").stdout
    assert "| 镇党政办 | 2 | 1 | 50.0% | 1（50.0%） | 1（50.0%） | 0（0.0%） | 0 | 90.0% |" in may


def test_docx_and_xlsx_reports_are_readable(cli, plan, tmp_path):
    out = tmp_path / "r.docx"
    assert cli("ledger", "report", str(plan), "--format", "docx", "-o", str(out), "--as-of", "2025-11-15").exit_code == 0
    document = docx.Document(out)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "落实情况" in text and "逾期未完成1项，涉及镇财政所" in text
    assert document.tables[0].rows[0].cells[0].text == "责任单位"
    assert [c.text for c in document.tables[0].rows[1].cells][:3] == ["镇党政办", "2", "1"]
    out = tmp_path / "r.xlsx"
    assert cli("ledger", "report", str(plan), "--format", "xlsx", "-o", str(out), "--as-of", "2025-11-15").exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["按责任单位", "按工作要点", "逾期任务", "落实情况"]
    assert wb["逾期任务"]["B2"].value == "（一）清理过期栏目"
    assert wb["落实情况"]["A2"].value.startswith("截至2025年11月15日")


def test_a_binary_report_needs_an_output_file(cli, plan):
    result = cli("ledger", "report", str(plan), "--format", "docx")
    assert result.exit_code == 2 and "请用 -o 指定输出文件" in result.stderr


def test_new_from_last_year_looks_back_at_unfinished_tasks(cli, plan, tmp_path):
    out = tmp_path / "2026.toml"
    result = cli("new", "--from", str(plan), "-o", str(out))
    assert result.exit_code == 0, result.output
    said = result.output
    assert "上年台账中 2 项任务未完成（回头看）" in said
    assert "一/（二） 回头看：上年台账中未完成（推进中，80%），请决定继续推进或删去" in said
    assert "二/（一） 回头看：上年台账中未完成（推进中，50%）" in said
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    # the comment sits with its task in the new plan, and the completed task has none
    at = lines.index('id = "tb1aaa"')
    assert any("回头看" in line and line.lstrip().startswith("#") for line in lines[at - 3:at + 8])
    assert text.count("回头看") == 2


def test_new_from_last_year_without_a_ledger_says_nothing_of_it(cli, plan, tmp_path):
    (tmp_path / "2025.ledger.toml").unlink()
    result = cli("new", "--from", str(plan), "-o", str(tmp_path / "2026.toml"))
    assert result.exit_code == 0 and "回头看" not in result.output
