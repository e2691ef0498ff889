"""Snapshots of the editor's main screens with Chinese content (pytest-textual-snapshot).

Baselines live in tests/__snapshots__/test_tui_snapshots/. They are only valid
for the pinned Textual (8.2.8): a new Textual means reviewing and updating them
(`pytest --snapshot-update`) after looking at the report. CJK text looks
squeezed in the SVGs (rich sizes SVG text by code points); the comparison is
of text, so review them by content.
"""

from __future__ import annotations

import textual
import pytest
from textual.widgets import Input

SIZE = (140, 40)

pytestmark = pytest.mark.skipif(textual.__version__ != "8.2.8",
                                reason="snapshot baselines are for Textual 8.2.8")


@pytest.fixture
def app_with(tmp_path, sample, make_app):
    """``app_with(text=sample, name="plan.toml")``: the editor on that text, written in tmp_path."""

    def build(text: str | None = None, name: str = "plan.toml"):
        path = tmp_path / name
        path.write_text(sample if text is None else text, encoding="utf-8")
        return make_app(path)

    return build


async def ready(pilot) -> None:
    """Findings shown, cursors still: the screen as a user sees it after a moment."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause(0.05)
        if app.editor.checks_shown:
            break
    for widget in app.query("Input, TextArea").results():
        widget.cursor_blink = False
    for screen in app.screen_stack:
        for widget in screen.query("Input, TextArea").results():
            widget.cursor_blink = False
    await pilot.pause()


def no_lead(text: str) -> str:
    """A task without a lead and a misspelt unit: the screen shows findings."""
    return text.replace('lead = ["区数据局"]', "lead = []").replace(
        'support = ["区政府各部门"]', 'support = ["区政府各部门", "区财政居"]')


def test_editor_with_findings(sample, app_with, snap_compare):
    assert snap_compare(app_with(no_lead(sample)), terminal_size=SIZE, run_before=ready)


def test_task_form_with_deadline_meaning_and_unit_hint(sample, app_with, snap_compare):
    async def run_before(pilot):
        await ready(pilot)
        pilot.app.editor.jump_to("tk1aaa", "support")
        await ready(pilot)

    assert snap_compare(app_with(no_lead(sample)), terminal_size=SIZE, run_before=run_before)


def test_item_form_and_opened_task(app_with, snap_compare):
    async def run_before(pilot):
        await ready(pilot)
        pilot.app.editor.jump_to("it1aaa")
        await ready(pilot)

    assert snap_compare(app_with(), terminal_size=SIZE, run_before=run_before)


def test_plan_information_form(app_with, snap_compare):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("up")
        await ready(pilot)

    assert snap_compare(app_with(), terminal_size=SIZE, run_before=run_before)


def test_task_division_table_sorted_by_deadline(app_with, snap_compare):
    assert snap_compare(app_with(), press=["f10", "f4"], terminal_size=SIZE, run_before=ready)


def test_units_view(app_with, snap_compare):
    assert snap_compare(app_with(), press=["ctrl+u"], terminal_size=SIZE, run_before=ready)


def test_search_dialog_with_hits(app_with, snap_compare):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        pilot.app.screen.query_one(Input).value = "公开"
        await ready(pilot)

    assert snap_compare(app_with(), terminal_size=SIZE, run_before=run_before)


def test_quit_dialog_over_chinese_text(app_with, snap_compare):
    async def run_before(pilot):
        await ready(pilot)
        pilot.app.editor.jump_to("tk1aaa", "title")
        pilot.app.editor.form.query_one("#title", Input).value = "抓好财政预决算公开（修改）"
        await pilot.pause()
        await pilot.press("ctrl+q")
        await ready(pilot)

    assert snap_compare(app_with(), terminal_size=SIZE, run_before=run_before)


def test_help_screen(app_with, snap_compare):
    assert snap_compare(app_with(), press=["f1"], terminal_size=SIZE, run_before=ready)


def test_year_over_year_comparison(sample, app_with, snap_compare, tmp_path):
    old = sample.replace("2027", "2026").replace("做好[b]政策解读[/b]", "做好政策解读工作").replace(
        'lead = ["区数据局"]', 'lead = ["区数据局", "区财政局"]')
    (tmp_path / "2026.toml").write_text(old, encoding="utf-8")
    new = sample.replace("统一检索入口。", "统一检索入口，年底前完成适老化改造。")

    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if getattr(pilot.app.screen, "comparison", None) is not None:
                break
        await pilot.press("down")
        await ready(pilot)

    assert snap_compare(app_with(new, "2027.toml"), terminal_size=SIZE, run_before=run_before)


def test_editor_at_80x24_with_the_text_field_in_view(app_with, snap_compare):
    """The default terminal: the form scrolls, the text field has lines, tree rows end in …."""
    async def run_before(pilot):
        await ready(pilot)
        pilot.app.editor.jump_to("tk1aaa", "text")
        await ready(pilot)

    assert snap_compare(app_with(), terminal_size=(80, 24), run_before=run_before)
