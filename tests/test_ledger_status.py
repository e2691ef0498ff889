"""planwright ledger status: colours on a day, counted in China's working days."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

pytestmark = pytest.mark.usefixtures("core_rules_only")

PLAN = """schema = "planwright/1"

[plan]
title = "2025年样例县政务公开工作要点"
style = "jinan"
year = {year}

[[points]]
id = "pa1aaa"
title = "把公开做实"

[[points.tasks]]
id = "tk1aaa"
title = "公布第三季度财政数据"
lead = ["县财政局"]
deadline = "{year}年10月10日"

[[points.tasks]]
id = "tk2aaa"
title = "更新惠企政策清单"
lead = ["县发改局"]
deadline = "{year}年10月5日"

[[points.tasks]]
id = "tk3aaa"
title = "全年更新政务公开专栏"
lead = ["县数据局"]
support = ["县财政局"]
deadline = "{year}年12月31日"

[[points.tasks]]
id = "tk4aaa"
title = "编制年度报告"
lead = ["县政务公开办"]
deadline = "{year}年1月31日"
"""


def _ledger(percent: int) -> str:
    return f"""schema = "planwright-ledger/1"
plan = ""

[reports.tk3aaa."县数据局"]
state = "推进中"
percent = {percent}
updated = "2025-11-10T09:00:00"
source = "县数据局.xlsx"

[reports.tk3aaa."县财政局"]
state = "推进中"
percent = 10
updated = "2025-11-10T09:00:00"
source = "县财政局.xlsx"

[reports.tk4aaa."县政务公开办"]
state = "已完成"
percent = 100
updated = "2025-01-20T09:00:00"
source = "县政务公开办.xlsx"
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "2025.toml"
    path.write_text(PLAN.format(year=2025), encoding="utf-8")
    (tmp_path / "2025.ledger.toml").write_text(_ledger(90), encoding="utf-8")
    return path


def _colours(cli, plan: Path, day: str) -> dict[str, tuple[str, str]]:
    result = cli("ledger", "status", str(plan), "--as-of", day, "--format", "json")
    assert result.exit_code == 0, result.output
    return {t["id"]: (t["state"], t["colour"]) for t in json.loads(result.stdout)["tasks"]}


def test_due_soon_counts_working_days_across_national_day(cli, plan):
    # 30 Sep 2025: 1–8 Oct are days off, so 10 Oct is only two working days away (9, 10 Oct)
    colours = _colours(cli, plan, "2025-09-30")
    assert colours["tk1aaa"] == ("due_soon", "blue")
    assert colours["tk4aaa"] == ("completed", "green")


def test_a_deadline_on_a_day_off_moves_to_the_next_working_day(cli, plan):
    # due 5 Oct, inside the holiday: still not overdue on 8 Oct (it moves to 9 Oct) …
    assert _colours(cli, plan, "2025-10-08")["tk2aaa"] == ("due_soon", "blue")
    assert _colours(cli, plan, "2025-10-09")["tk2aaa"] == ("due_soon", "blue")
    # … and overdue the day after
    assert _colours(cli, plan, "2025-10-10")["tk2aaa"] == ("overdue", "red")
    assert _colours(cli, plan, "2025-10-13")["tk1aaa"] == ("overdue", "red")


def test_behind_under_91_7_percent_in_november_for_a_year_long_task(cli, plan, tmp_path):
    # the lead unit's 90 % decides (the supporting unit's 10 % does not pull it down)
    assert _colours(cli, plan, "2025-11-15")["tk3aaa"] == ("behind", "yellow")
    assert _colours(cli, plan, "2025-10-15")["tk3aaa"] == ("on_track", "none")  # 83.3 % due in October
    (tmp_path / "2025.ledger.toml").write_text(_ledger(92), encoding="utf-8")
    assert _colours(cli, plan, "2025-11-15")["tk3aaa"] == ("on_track", "none")


def test_json_shape_and_summary_count_each_task_once(cli, plan):
    result = cli("ledger", "status", str(plan), "--as-of", "2025-11-15", "--format", "json")
    data = json.loads(result.stdout)
    assert list(data) == ["as_of", "summary", "tasks"] and data["as_of"] == "2025-11-15"
    assert data["summary"] == {"completed": 1, "overdue": 2, "behind": 1, "due_soon": 0, "on_track": 0,
                               "not_started": 0}
    assert sum(data["summary"].values()) == len(data["tasks"]) == 4
    task = next(t for t in data["tasks"] if t["id"] == "tk3aaa")
    assert list(task) == ["id", "path", "title", "lead", "support", "due", "state", "percent", "colour"]
    assert task["path"] == "一/（三）" and task["lead"] == ["县数据局"] and task["support"] == ["县财政局"]
    assert task["due"] == "2025-12-31" and task["percent"] == 90
    assert {t["colour"] for t in data["tasks"]} <= {"red", "yellow", "blue", "green", "none"}
    assert [t["due"] for t in data["tasks"]] == sorted(t["due"] for t in data["tasks"])  # by due date


def test_text_and_xlsx_views(cli, plan, tmp_path):
    text = cli("ledger", "status", str(plan), "--as-of", "2025-11-15")
    assert text.exit_code == 0
    assert "截至 2025-11-15：已完成 1，逾期 2，滞后 1" in text.stdout
    assert "[滞后] 一/（三） 全年更新政务公开专栏" in text.stdout and "90%（应达 91.7%）" in text.stdout
    out = tmp_path / "status.xlsx"
    assert cli("ledger", "status", str(plan), "--as-of", "2025-11-15", "--format", "xlsx", "-o", str(out)).exit_code == 0
    ws = openpyxl.load_workbook(out).active
    rows = {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1)}
    assert ws.cell(rows["tk3aaa"], 10).value == "滞后"
    assert ws.cell(rows["tk3aaa"], 1).fill.fgColor.rgb.endswith("FFE699")  # yellow
    assert ws.cell(rows["tk4aaa"], 1).fill.fgColor.rgb.endswith("C6E0B4")  # green


def test_a_year_the_holiday_calendar_does_not_know_is_warned_about(cli, tmp_path):
    path = tmp_path / "2099.toml"
    path.write_text(PLAN.format(year=2099), encoding="utf-8")
    result = cli("ledger", "status", str(path), "--as-of", "2099-06-01")
    assert result.exit_code == 0
    assert "chinese-calendar 不知道 2099 年的法定节假日安排" in result.stderr


def test_an_undated_task_has_no_expected_percent(cli, tmp_path):
    path = tmp_path / "undated.toml"
    path.write_text(PLAN.format(year=2025).replace('deadline = "2025年12月31日"\n', ""), encoding="utf-8")
    text = cli("ledger", "status", str(path), "--as-of", "2025-11-15").stdout
    line = next(line for line in text.splitlines() if "全年更新政务公开专栏" in line)
    assert "时限：未定" in line and "应达" not in line
