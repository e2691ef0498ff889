"""The editor at the default terminal size (80×24) and its keys on terminals that keep F-keys.

Every field the form shows has room to type in (the form scrolls instead of
squeezing a field to nothing), a field filled for another node shows its value
from the first character, tree rows cut with …, and every F-key command is
also on a Ctrl key — in the bindings, the help and the README.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from planwright.tui import commands

SMALL = (80, 24)
README = Path(__file__).resolve().parents[1] / "README.md"


def screen_lines(app, region=None) -> list[str]:
    """The screen (or one region of it, cut by cells) as text, one string per row."""
    from textual.strip import Strip

    strips = [Strip.join(row) for row in app.screen._compositor.render_update(full=True).strips]
    if region is not None:
        strips = [strip.crop(region.x, region.right) for strip in strips[region.y:region.bottom]]
    return [strip.text for strip in strips]


def visible(app, widget) -> bool:
    """The widget's whole box is inside the form's scrolled view."""
    form = app.editor.query_one("#node-fields")
    return widget.region.height > 0 and form.region.contains_region(widget.region)


async def test_at_80x24_every_field_has_room_and_the_form_scrolls_to_the_focused_one(write_sample, make_app, settle, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SMALL) as pilot:
        app.editor.jump_to("tk1aaa", "text")
        await settle(pilot, app)
        text = app.editor.form.query_one("#text", TextArea)
        assert text.region.height >= 3 and visible(app, text)
        await pilot.press("end")
        await type_text(pilot, "新增一句。")
        await settle(pilot, app)
        box = text.region  # typed where it is seen: the field's rows on screen hold it
        shown = "".join(line.strip() for line in screen_lines(app, box))
        assert "新增一句。" in shown
        for name in ("title", "lead", "support", "deadline"):
            app.editor.form.focus_field(name)
            await settle(pilot, app)
            field = app.editor.form.query_one(f"#{name}", Input)
            assert field.region.height == 1 and visible(app, field), name


async def test_a_short_unit_list_shows_from_its_first_character_after_a_long_one(sample, make_app, settle, type_text, tmp_path):
    long_lead = 'lead = ["区财政局", "区发展改革局", "区市场监管局", "区人力资源社会保障局", "区住房城乡建设局"]'
    path = tmp_path / "plan.toml"
    path.write_text(sample.replace('lead = ["区财政局"]', long_lead)
                    .replace('lead = ["区数据局"]', 'lead = ["区发展改革局"]'), encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=SMALL) as pilot:
        app.editor.jump_to("tk1aaa", "lead")
        await settle(pilot, app)
        lead = app.editor.form.query_one("#lead", Input)
        await pilot.press("end")
        await type_text(pilot, "、区统计局")
        await settle(pilot, app)
        assert lead.scroll_x > 0  # the long list is scrolled to its end
        app.editor.tree.focus()
        app.editor.tree.select_id("tk3aaa")
        await settle(pilot, app)
        assert lead.value == "区发展改革局"
        assert lead.scroll_x == 0
        assert any("区发展改革局" in line for line in screen_lines(app))


async def test_tree_rows_cut_with_an_ellipsis_and_the_tree_narrows_and_widens(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        tree = app.editor.tree
        rows = [tree.render_line(y).text for y in range(5)]
        assert any("（一）抓好财政预决算…" in row for row in rows)  # cut, and showing it
        wide = tree.region.width
        tree.focus()
        await pilot.press("ctrl+left")
        await settle(pilot, app)
        assert tree.region.width < wide
        assert app.editor.form.region.width > 80 - wide
        await pilot.press("ctrl+right", "ctrl+right")
        await settle(pilot, app)
        assert tree.region.width > wide


def test_every_f_key_command_is_also_on_a_ctrl_key_in_bindings_help_and_readme():
    readme = README.read_text(encoding="utf-8")
    for command in commands.COMMANDS:
        keys = [k for k in f"{command.keys},{command.tree_keys}".split(",") if k]
        if any(k.startswith("f") and k[1:].isdigit() for k in keys):
            assert any(k.startswith("ctrl+") for k in keys), command.id
        if command.id not in ("move_up", "move_down"):  # Alt+↑/↓: a second way, not in the table
            for key in keys:
                assert commands.key_name(key) in readme, (command.id, key)
    bound = {key for binding in commands.bindings() for key in binding.key.split(",")}
    assert {"ctrl+t", "ctrl+b", "ctrl+u", "ctrl+underscore", "ctrl+a", "ctrl+j", "ctrl+l", "ctrl+d",
            "ctrl+w", "ctrl+delete"} <= bound


async def test_ctrl_keys_open_the_views_and_help_from_a_text_field(write_sample, make_app, settle, tmp_path):
    from planwright.tui.screens.help import HelpScreen
    from planwright.tui.screens.notice import NoticeScreen
    from planwright.tui.screens.table import TableScreen

    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SMALL) as pilot:
        app.editor.jump_to("tk1aaa", "title")
        await settle(pilot, app)
        for key, screen in (("ctrl+t", NoticeScreen), ("ctrl+b", TableScreen), ("ctrl+underscore", HelpScreen)):
            await pilot.press(key)
            await settle(pilot, app)
            assert isinstance(app.screen, screen), key
            await pilot.press("escape")
            await settle(pilot, app)
        help_keys = []
        await pilot.press("f1")
        await settle(pilot, app)
        table = app.screen.query_one("#keys")
        help_keys = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert "F9 / Ctrl+T" in help_keys and "F1 / Ctrl+/" in help_keys
        await pilot.press("escape")
        await settle(pilot, app)
        app.editor.tree.focus()
        app.editor.tree.select_id("tk3aaa")
        await settle(pilot, app)
        await pilot.press("ctrl+delete")  # in the tree: deletes the task (undoable)
        await settle(pilot, app)
        assert app.session.plan.find("tk3aaa") is None
