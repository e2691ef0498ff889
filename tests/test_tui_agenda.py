"""The agenda (Ctrl+\\): dated tasks by month, overdue and due-soon marked, filtered by unit."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, OptionList

from planwright.tui.screens.agenda import AgendaScreen

TODAY = dt.date(2027, 6, 15)  # the sample's deadlines: 2027-06-30 (item), 2027-10-31, 下半年 → 2027-12-31


def rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def test_agenda_by_month_marks_due_soon_and_filters_by_unit(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        app.push_screen(AgendaScreen(app.session.plan, app.editor.tree.deadline_parser, today=TODAY),
                        app.editor._jump_back)
        await settle(pilot, app)
        table = app.screen.query_one("#agenda", DataTable)
        shown = rows(table)
        months = [r[0] for r in shown if r[0].endswith("月")]
        assert months == ["2027年6月", "2027年10月", "2027年12月"]
        june = shown[1]
        assert june[0] == "06-30" and june[1] == "即将到期" and june[2] == "一/（二）/1"
        assert [r[1] for r in shown if r[0] == "10-31"] == [""]
        assert "已逾期 0" in app.screen.sub_title and "30 天内到期 1" in app.screen.sub_title

        units = app.screen.query_one("#agenda-units", OptionList)
        units.highlighted = [str(units.get_option_at_index(n).prompt) for n in range(units.option_count)].index("区数据局")
        await settle(pilot, app)
        shown = rows(table)
        assert [r[0] for r in shown] == ["2027年12月", "12-31"]  # only what 区数据局 leads or supports

        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.editor.tree.cursor_id == "tk3aaa"


async def test_overdue_is_marked_and_the_key_opens_the_agenda(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+backslash")
        await settle(pilot, app)
        assert isinstance(app.screen, AgendaScreen)
        screen = app.screen
        screen.today = dt.date(2027, 11, 1)
        screen.show(None)
        statuses = {r[0]: r[1] for r in rows(screen.query_one("#agenda", DataTable))}
        assert statuses["06-30"] == "已逾期" and statuses["10-31"] == "已逾期" and statuses["12-31"] == ""
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is app.editor
