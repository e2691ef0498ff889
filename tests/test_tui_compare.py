"""The year-over-year comparison and the new-year dialog, driven as a clerk would."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

SIZE = (150, 44)


async def test_compare_against_last_year_shows_rows_redline_and_jumps_back(sample, write_sample, make_app, settle, tmp_path):
    # last year's file: same ids, one task worded differently, one with another unit
    last = sample.replace("2027", "2026").replace("统一检索入口", "合并重复的检索入口")
    last = last.replace('support = ["区政府各部门"]', 'support = ["区审计局"]')
    old = tmp_path / "2026.toml"
    old.write_text(last, encoding="utf-8")
    path = write_sample(tmp_path, "2027.toml")

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("f12")
        await settle(pilot, app)
        box = app.screen.query_one("#path", Input)
        box.value = str(old)
        await pilot.press("enter")
        for _ in range(50):  # the comparison runs in a thread
            await pilot.pause(0.1)
            if app.screen.query("#changes") and app.screen.comparison is not None:
                break
        screen = app.screen
        summary = str(screen.query_one("#compare-summary", Static).content)
        assert "2026.toml" in summary
        table = screen.query_one(DataTable)
        labels = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        # the reworded task is a change; the task whose only change is a unit says so
        assert "改写" in labels and "单位调整" in labels
        row = labels.index("改写")
        table.move_cursor(row=row)
        await settle(pilot, app)
        redline = str(screen.query_one("#redline", Static).content)
        assert "合并重复的" in redline and "统一" in redline
        await pilot.press("enter")  # back to the editor on that task
        await settle(pilot, app)
        assert type(app.screen).__name__ == "EditorScreen"
        assert app.editor.tree.cursor_id == "tk3aaa"


async def test_new_year_of_a_three_year_plan_proposes_the_next_period(sample, make_app, settle, tmp_path):
    three = sample.replace("year = 2027", "year = 2027\nend_year = 2029")
    path = tmp_path / "2027-2029.toml"
    path.write_text(three, encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert app.screen.query_one("#year", Input).value == "2030"
