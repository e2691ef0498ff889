"""The ledger view (Ctrl+^): tasks by due date, coloured, filtered by unit; a report recorded by hand."""

from __future__ import annotations

import datetime as dt
import tomllib

from textual.widgets import DataTable, Input, OptionList, Select

from planwright.tui.screens.ledger import LedgerScreen, ReportDialog

TODAY = dt.date(2027, 11, 15)  # the sample: 2027-06-30 (item), 2027-10-31 overdue; 下半年 → 2027-12-31


def rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def test_ledger_view_colours_filters_and_records_a_report(write_sample, make_app, settle, paste, tmp_path):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+circumflex_accent")
        await settle(pilot, app)
        assert isinstance(app.screen, LedgerScreen)
        screen = app.screen
        screen.today = TODAY
        screen.show(None)
        table = screen.query_one("#ledger", DataTable)
        shown = rows(table)
        assert [r[1] for r in shown] == ["2027-06-30", "2027-10-31", "2027-12-31"]  # by due date
        assert [r[0] for r in shown] == ["逾期", "逾期", "滞后"]
        assert table.get_row_at(0)[0].style == "bold white on red"

        units = screen.query_one("#ledger-units", OptionList)
        names = [str(units.get_option_at_index(n).prompt) for n in range(units.option_count)]
        units.highlighted = names.index("区数据局")
        await settle(pilot, app)
        assert [r[2] for r in rows(table)] == ["二/（一）"]

        table.focus()
        await pilot.press("enter")
        await settle(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        dialog.query_one("#state", Select).value = "推进中"
        dialog.query_one("#percent", Input).value = "95"
        dialog.query_one("#progress", Input).focus()
        await paste(pilot, "栏目清理完毕，检索入口已上线。")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen is screen
        assert rows(table)[0][0] == "正常推进" and rows(table)[0][5] == "推进中 95%"

    saved = tomllib.loads((tmp_path / "plan.ledger.toml").read_text(encoding="utf-8"))
    report = saved["reports"]["tk3aaa"]["区数据局"]
    assert report["percent"] == 95 and report["progress"] == "栏目清理完毕，检索入口已上线。"
    assert report["source"] == "手工录入"
    assert "ledger" not in path.read_text(encoding="utf-8")  # the plan file is untouched
