"""planwright ledger send / collect: workbooks out to units, returns back into the ledger."""

from __future__ import annotations

import tomllib
from pathlib import Path

import openpyxl
import pytest

PLAN = """schema = "planwright/1"

[plan]
title = "2025年样例县政务公开工作要点"
style = "jinan"
year = 2025
issuer = "样例县人民政府办公室"

[[units]]
name = "县财政局"

[[units]]
name = "县数据局"

[[points]]
id = "pa1aaa"
title = "把预算公开做细"

[[points.tasks]]
id = "ta1aaa"
title = "细化部门预算公开"
text = "各部门预算批复后二十日内在门户网站公开，说明到项目。"
lead = ["县财政局"]
support = ["各乡镇人民政府"]
deadline = "2025年10月底"

[[points.tasks]]
id = "ta2aaa"
title = "公开政府债务信息"
text = "=HYPERLINK(\\"http://example.invalid\\") 按月更新限额与余额。"
lead = ["县财政局"]
deadline = "2025年6月30日前"

[[points]]
id = "pb1aaa"
title = "把平台建好"

[[points.tasks]]
id = "tb1aaa"
title = "整合政务新媒体"
text = "关停更新不及时的账号，统一备案。"
lead = ["县数据局"]
support = ["县财政局"]
deadline = "2025年12月31日"
"""

pytestmark = pytest.mark.usefixtures("core_rules_only")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "2025.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _header(ws) -> dict[str, int]:
    """Column number (1-based) of each header word, found as a reader would find it."""
    for row in ws.iter_rows(min_row=1, max_row=5):
        names = {c.value: c.column for c in row if c.value}
        if "任务编号" in names:
            return names
    raise AssertionError("no header row")


def _row_of(ws, node_id: str) -> int:
    col = _header(ws)["任务编号"]
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, col).value == node_id:
            return r
    raise AssertionError(f"{node_id} not in sheet")


def _fill(ws, node_id: str, **values) -> None:
    head, r = _header(ws), _row_of(ws, node_id)
    for name, value in values.items():
        ws.cell(r, head[name]).value = value


def test_send_writes_one_locked_printable_workbook_per_unit(cli, plan, tmp_path):
    out = tmp_path / "out"
    result = cli("ledger", "send", str(plan), "-o", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    # a collective named on a task gets its own sheet, as the plan names it
    assert set(names) == {"县数据局.xlsx", "县财政局.xlsx", "各乡镇人民政府.xlsx"}
    wb = openpyxl.load_workbook(out / "县财政局.xlsx")
    ws = wb.worksheets[0]
    head = _header(ws)
    assert list(head) == ["任务编号", "工作任务", "责任单位", "完成时限", "完成状态", "完成进度（%）", "进展情况",
                          "存在问题", "下步打算", "佐证材料"]
    ids = [ws.cell(r, head["任务编号"]).value for r in range(3, ws.max_row + 1)]
    assert ids == ["ta1aaa", "ta2aaa", "tb1aaa"]  # its own tasks only, lead and support
    roles = [ws.cell(r, head["责任单位"]).value.splitlines()[0] for r in range(3, 6)]
    assert roles == ["本单位牵头", "本单位牵头", "本单位配合"]
    r = _row_of(ws, "ta2aaa")
    task_cell = ws.cell(r, head["工作任务"])
    assert task_cell.data_type == "s" and task_cell.value.splitlines()[1].startswith("=HYPERLINK")
    assert ws.protection.sheet  # the task columns are locked
    assert task_cell.protection.locked and not ws.cell(r, head["完成状态"]).protection.locked
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and "未开始" in lists[0].formula1 and "无法按期完成" in lists[0].formula1
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$2:$2"
    assert wb["planwright"].sheet_state == "hidden"


def test_collect_takes_two_units_returns_and_reports_a_changed_task(cli, plan, tmp_path):
    out = tmp_path / "out"
    assert cli("ledger", "send", str(plan), "-o", str(out)).exit_code == 0
    # 县财政局 fills in both of its own tasks and its supporting one
    wb = openpyxl.load_workbook(out / "县财政局.xlsx")
    ws = wb.worksheets[0]
    _fill(ws, "ta1aaa", 完成状态="推进中", **{"完成进度（%）": 60, "进展情况": "已公开 12 个部门预算。",
                                           "佐证材料": "县财预〔2025〕3号"})
    _fill(ws, "ta2aaa", 完成状态="已完成", **{"完成进度（%）": "100%"})
    _fill(ws, "tb1aaa", 完成状态="推进中", **{"完成进度（%）": 30})
    wb.save(tmp_path / "财政局-回.xlsx")
    # 县数据局 edits the locked task text of its task (and fills it in)
    wb = openpyxl.load_workbook(out / "县数据局.xlsx")
    ws = wb.worksheets[0]
    ws.protection.sheet = False
    _fill(ws, "tb1aaa", 工作任务="整合政务新媒体（已改为只整合县级账号）", 完成状态="推进中",
          **{"完成进度（%）": 50})
    wb.save(tmp_path / "数据局-回.xlsx")

    result = cli("ledger", "collect", str(plan), str(tmp_path / "财政局-回.xlsx"), str(tmp_path / "数据局-回.xlsx"))
    assert result.exit_code == 1, result.output
    assert "已汇入 3 条报送" in result.stdout
    assert "数据局-回.xlsx 第 3 行" in result.stderr and "工作任务文字与计划不一致" in result.stderr
    ledger = tomllib.loads((tmp_path / "2025.ledger.toml").read_text(encoding="utf-8"))
    reports = ledger["reports"]
    assert reports["ta1aaa"]["县财政局"]["state"] == "推进中"
    assert reports["ta1aaa"]["县财政局"]["percent"] == 60
    assert reports["ta1aaa"]["县财政局"]["evidence"] == "县财预〔2025〕3号"
    assert reports["ta1aaa"]["县财政局"]["source"] == "财政局-回.xlsx"
    assert reports["ta2aaa"]["县财政局"]["percent"] == 100
    assert list(reports["tb1aaa"]) == ["县财政局"]  # the changed return was not taken
    assert reports["tb1aaa"]["县财政局"]["percent"] == 30
    # the plan's own text is untouched by progress
    assert plan.read_text(encoding="utf-8") == PLAN

    # collecting the same return again takes nothing new and needs nobody
    again = cli("ledger", "collect", str(plan), str(tmp_path / "财政局-回.xlsx"))
    assert again.exit_code == 0 and "已汇入 0 条报送，3 条与台账相同" in again.stdout


def test_collect_reports_what_it_cannot_take(cli, plan, tmp_path):
    out = tmp_path / "out"
    assert cli("ledger", "send", str(plan), "-o", str(out)).exit_code == 0
    wb = openpyxl.load_workbook(out / "县财政局.xlsx")
    ws = wb.worksheets[0]
    ws.protection.sheet = False
    # re-saved with columns reordered: 完成状态 moved to the far right
    ws.move_range("E1:E10", cols=7)
    _fill(ws, "ta1aaa", 完成状态="推进中", **{"完成进度（%）": 40})
    _fill(ws, "ta2aaa", 完成状态="差不多了")  # not a state
    ws.cell(ws.max_row + 1, 1).value = "zz9zzz"  # an id the plan does not have
    ws.cell(ws.max_row, 12).value = "已完成"
    ws.cell(ws.max_row + 1, 7).value = "另外开展了培训。"  # a row added without a task id
    wb.save(tmp_path / "a.xlsx")
    first = openpyxl.load_workbook(out / "县财政局.xlsx")
    _fill(first.worksheets[0], "ta1aaa", 完成状态="推进中", **{"完成进度（%）": 45})
    first.save(tmp_path / "b.xlsx")
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")

    result = cli("ledger", "collect", str(plan), str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx"),
                 str(tmp_path / "broken.xlsx"))
    assert result.exit_code == 2, result.output
    err = result.stderr
    assert "broken.xlsx：不是可读的 .xlsx 工作簿" in err
    assert "完成状态“差不多了”不是" in err
    assert "任务编号 zz9zzz 在计划中已不存在" in err
    assert "新增的行没有任务编号" in err
    assert "县财政局对任务 ta1aaa 的两份报送不一致" in err
    assert not (tmp_path / "2025.ledger.toml").exists()  # nothing could be taken, nothing written


def test_collect_keeps_a_newer_report_and_flags_another_units_or_plans_sheet(cli, plan, tmp_path):
    out = tmp_path / "out"
    assert cli("ledger", "send", str(plan), "-o", str(out)).exit_code == 0
    wb = openpyxl.load_workbook(out / "县财政局.xlsx")
    _fill(wb.worksheets[0], "ta1aaa", 完成状态="推进中", **{"完成进度（%）": 20})
    wb.save(tmp_path / "old.xlsx")
    ledger = tmp_path / "2025.ledger.toml"
    ledger.write_text('schema = "planwright-ledger/1"\nplan = ""\n\n[reports.ta1aaa."县财政局"]\nstate = "推进中"\n'
                      'percent = 70\nupdated = "2999-01-01T00:00:00"\nsource = "later.xlsx"\n', encoding="utf-8")
    # a sheet sent for a unit the plan no longer names
    other = openpyxl.load_workbook(out / "县数据局.xlsx")
    other["planwright"]["B2"].value = "县统计局"
    _fill(other.worksheets[0], "tb1aaa", 完成状态="推进中")
    other.save(tmp_path / "other.xlsx")

    result = cli("ledger", "collect", str(plan), str(tmp_path / "old.xlsx"), str(tmp_path / "other.xlsx"))
    assert result.exit_code == 1
    assert "早于台账中已有的" in result.stderr and "未覆盖" in result.stderr
    assert "计划中没有单位“县统计局”的任务" in result.stderr
    held = tomllib.loads(ledger.read_text(encoding="utf-8"))["reports"]["ta1aaa"]["县财政局"]
    assert held["percent"] == 70
