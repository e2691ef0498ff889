"""The key bar at the bottom of the editor keeps its keys in one order while the focus moves.

Textual lists the focused widget's bindings first, so its Footer rebuilt itself at
every move of the focus and put F2 加要点 and ^E 导出 in front while a field was
focused: the keys jumped about under the clerk's eye, and every add or undo (which
moves the focus) paid for a new key bar. The editor's Footer rebuilds only when
the keys it shows change.
"""

from __future__ import annotations

from textual.widgets import Input
from textual.widgets._footer import FooterKey

SIZE = (160, 40)


def key_bar(app) -> list[str]:
    return [f"{key.key_display} {key.description}" for key in app.screen.query(FooterKey)]


async def test_the_key_bar_keeps_its_order_from_the_tree_to_a_field_and_back(write_sample, make_app, settle, select,
                                                                               tmp_path):
    app = make_app(write_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk1aaa")
        await settle(pilot, app)
        in_tree = key_bar(app)
        app.editor.form.query_one("#title", Input).focus()
        await settle(pilot, app)
        in_field = key_bar(app)
        await pilot.press("escape")
        await settle(pilot, app)
        back = key_bar(app)
    assert in_tree[:3] == ["^S 保存", "^Z 撤销", "^F 查找"]
    assert in_field == in_tree == back


async def test_the_key_bar_follows_a_key_that_comes_or_goes(write_sample, make_app, settle, tmp_path):
    app = make_app(write_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        editor = key_bar(app)
        await pilot.press("f10")  # the 分工 table: a screen with keys of its own
        await settle(pilot, app)
        table = key_bar(app)
        await pilot.press("escape")
        await settle(pilot, app)
        again = key_bar(app)
    assert "F3 加任务" in editor and "F3 加任务" not in table
    assert again == editor
