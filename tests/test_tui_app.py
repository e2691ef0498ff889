"""Pilot tests of the editor's workflows: each asserts the model and the saved file.

Each test is a coroutine run by pytest-asyncio; the sample plan, the app and the Pilot
helpers (settle, select, type_text, paste) are fixtures from conftest.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from planwright.plan import store
from planwright.plan.model import Item, Task

SIZE = (140, 40)


def saved(path: Path):
    return store.load(path).plan


# -- editing fields ---------------------------------------------------------------


async def test_typing_a_title_with_chinese_punctuation_saves_it_and_keeps_the_rest(sample, write_sample, make_app, settle, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "enter")  # 一、 → （一）, into the form
        await settle(pilot, app)
        assert isinstance(app.focused, Input) and app.focused.id == "title"
        await pilot.press("end")
        await type_text(pilot, "，确保“应公开尽公开”……——！")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.session.dirty is False
        assert app.title == "plan.toml"
    text = path.read_text(encoding="utf-8")
    assert 'title = "抓好财政预决算公开，确保“应公开尽公开”……——！"' in text
    # only that line changed: comment, other tasks and their ids are as they were
    changed = [(a, b) for a, b in zip(sample.splitlines(), text.splitlines()) if a != b]
    assert len(changed) == 1 and len(text.splitlines()) == len(sample.splitlines())
    assert text.startswith("# 编辑器测试用计划")


async def test_pasted_text_arrives_intact_in_the_text_area(write_sample, make_app, settle, select, paste, tmp_path):
    path = write_sample(tmp_path)
    pasted = "第一段：公开“三张清单”；\n第二段（试行）……完成率[50%]。"

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk3aaa")
        area = app.editor.form.query_one("#text", TextArea)
        area.focus()
        area.load_text("")
        await settle(pilot, app)
        await paste(pilot, pasted)
        await settle(pilot, app)
        assert app.session.plan.find("tk3aaa").text == pasted
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    assert saved(path).find("tk3aaa").text == pasted


async def test_units_complete_from_the_registry_and_unknown_names_are_flagged(write_sample, make_app, settle, select, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk3aaa")
        form = app.editor.form
        lead = form.query_one("#lead", Input)
        lead.focus()
        lead.value = ""
        await settle(pilot, app)
        await type_text(pilot, "区财")
        await settle(pilot, app)
        await pilot.press("right")  # accept the suggestion
        await settle(pilot, app)
        assert lead.value == "区财政局"
        await type_text(pilot, "、区财政居")
        await settle(pilot, app)
        assert app.session.plan.find("tk3aaa").lead == ["区财政局", "区财政居"]
        hint = str(form.query_one("#lead-hint").render())
        assert "“区财政居”未登记" in hint and "区财政局" in hint


async def test_deadline_meaning_is_shown_live(write_sample, make_app, settle, select, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk1aaa")
        form = app.editor.form
        meaning = form.query_one("#deadline-meaning")
        assert str(meaning.render()) == "→ 2027-10-31 月底"
        deadline = form.query_one("#deadline", Input)
        deadline.focus()
        deadline.value = ""
        await settle(pilot, app)
        await type_text(pilot, "三季度末")
        await settle(pilot, app)
        assert str(meaning.render()).startswith("→ 2027-09-30")
        deadline.value = ""
        await type_text(pilot, "尽快吧")
        await settle(pilot, app)
        assert str(meaning.render()).startswith("无法解析：尽快吧")
        assert app.session.plan.find("tk1aaa").deadline == "尽快吧"


async def test_user_text_is_never_read_as_markup(write_sample, make_app, select, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk2aaa")
        tree = app.editor.tree
        label = tree.render_label(tree.cursor_node, tree.rich_style, tree.rich_style).plain
        assert "（二）做好[b]政策解读[/b]" in label
        assert app.editor.form.query_one("#title", Input).value == "做好[b]政策解读[/b]"
        await select(pilot, app, "tk1aaa")
        area = app.editor.form.query_one("#text", TextArea)
        assert "完成率[50%]以上" in area.text
        lines = [tree.render_line(y).text for y in range(tree.size.height)]
        assert any("做好[b]政策解读[/b]" in line for line in lines)


async def test_tree_rows_align_the_unit_and_deadline_columns(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        tree = app.editor.tree
        from rich.cells import cell_len

        rows = [tree.render_line(y).text for y in range(4)]
        task_rows = [r for r in rows if "单位" in r]
        assert len(task_rows) == 2
        columns = {cell_len(r[: r.index("单位")]) for r in task_rows}
        assert len(columns) == 1, task_rows  # same cell column despite wide characters


# -- structure --------------------------------------------------------------------


async def test_add_point_task_item_with_function_keys(write_sample, make_app, settle, select, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk3aaa")
        app.editor.tree.focus()
        await pilot.press("f4")  # item under 二/（一）
        await settle(pilot, app)
        await type_text(pilot, "新事项：清理僵尸栏目。")
        app.editor.tree.focus()
        await pilot.press("f2")  # point after 二
        await settle(pilot, app)
        await type_text(pilot, "加强组织保障")
        await pilot.press("f3")  # a task in the new point
        await settle(pilot, app)
        await type_text(pilot, "明确责任分工")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    plan = saved(path)
    assert plan.find("tk3aaa").items[0].text == "新事项：清理僵尸栏目。"
    assert plan.points[2].title == "加强组织保障"
    assert [t.title for t in plan.points[2].tasks] == ["明确责任分工"]
    assert all(n.id for n in plan.nodes())


async def test_delete_then_undo_redo_and_the_file_follows(sample, write_sample, make_app, settle, select, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "pt1aaa")
        await pilot.press("f8")
        await settle(pilot, app)
        assert app.session.plan.find("pt1aaa") is None
        assert app.editor.tree.cursor_id == "pt2aaa"
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert app.session.plan.find("tk1aaa").title == "抓好财政预决算公开"
        assert app.editor.tree.cursor_id == "pt1aaa"
        assert any(n.message.startswith("已撤销：") for n in app._notifications)  # named, a frame after
        await pilot.press("ctrl+y")
        await settle(pilot, app)
        assert app.session.plan.find("pt1aaa") is None
        assert any(n.message.startswith("已重做：") for n in app._notifications)
        await pilot.press("ctrl+z", "ctrl+s")
        await settle(pilot, app)
    assert path.read_text(encoding="utf-8") == sample  # undone and saved: byte-identical


async def test_undo_takes_back_a_burst_of_typing_at_once(write_sample, make_app, settle, select, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "pt2aaa")
        await pilot.press("enter", "end")
        await type_text(pilot, "和数据支撑")
        await settle(pilot, app)
        assert app.session.plan.find("pt2aaa").title == "夯实平台基础和数据支撑"
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert app.session.plan.find("pt2aaa").title == "夯实平台基础"
        assert app.editor.form.query_one("#title", Input).value == "夯实平台基础"


async def test_the_header_says_when_the_plan_has_unsaved_changes_and_repaints_only_itself(
        write_sample, make_app, settle, select, type_text, tmp_path, monkeypatch):
    """有未保存的修改 shows at the first edit and 已保存 at the undo back to the saved plan; the
    title changing is a repaint of the header's line, not a layout and repaint of the screen."""
    from textual._compositor import Compositor
    from textual.screen import Screen

    app = make_app(write_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "pt2aaa")

        def header() -> str:
            return app.screen._compositor.render_strips()[0].text

        await pilot.press("enter", "end")  # into the title (the focus moving lays out)
        await settle(pilot, app)
        assert "已保存" in header() and "*" not in header()
        laid_out: list[Screen] = []
        real = Screen._refresh_layout
        monkeypatch.setattr(Screen, "_refresh_layout",
                            lambda self, *a, **k: (laid_out.append(self), real(self, *a, **k))[1])
        whole: list[bool] = []  # frames that repainted every cell of the screen
        real_full = Compositor.render_full_update
        monkeypatch.setattr(Compositor, "render_full_update",
                            lambda self, *a, **k: (whole.append(True), real_full(self, *a, **k))[1])
        await type_text(pilot, "和")
        await settle(pilot, app)
        assert "有未保存的修改" in header() and "plan.toml *" in header()
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert "已保存" in header() and "*" not in header()
        assert laid_out == [] and whole == []


async def test_the_forms_title_names_the_node_it_shows_and_repaints_only_its_border(
        write_sample, make_app, settle, select, tmp_path, monkeypatch):
    """内容 · 任务 一/（二）: moving to another node rewrites the form's top border; the fields
    under it are repainted only when their own values change."""
    app = make_app(write_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk1aaa")
        form = app.editor.form

        def border() -> str:
            top = form.region.y
            return app.screen._compositor.render_strips()[top].text

        assert "内容 · 任务 一/（一）" in border()
        asked: list[tuple] = []  # the regions each repaint of the form asked for (none: all of it)
        real = type(form).refresh
        monkeypatch.setattr(type(form), "refresh", lambda self, *regions, **kw: (
            asked.append(regions) if self is form else None, real(self, *regions, **kw))[1])
        await select(pilot, app, "tk2aaa")
        assert "内容 · 任务 一/（二）" in border() and "（一）" not in border()
        assert asked and all(len(regions) == 1 and regions[0].height == 1 for regions in asked)


async def test_move_convert_duplicate(write_sample, make_app, settle, select, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk1aaa")
        await pilot.press("ctrl+down")  # below 做好政策解读
        await settle(pilot, app)
        assert [t.id for t in app.session.plan.points[0].tasks] == ["tk2aaa", "tk1aaa"]
        await pilot.press("f5")  # becomes an item of the task above
        await settle(pilot, app)
        assert isinstance(app.session.plan.find("tk1aaa"), Item)
        assert [i.id for i in app.session.plan.find("tk2aaa").items] == ["it1aaa", "tk1aaa"]
        await pilot.press("f5")  # and back
        await settle(pilot, app)
        assert isinstance(app.session.plan.find("tk1aaa"), Task)
        await pilot.press("f6")
        await settle(pilot, app)
        copy_id = app.editor.tree.cursor_id
        assert copy_id != "tk1aaa" and app.session.plan.find(copy_id).title == "抓好财政预决算公开"
        await pilot.press("f7")  # move the copy to point 二
        await settle(pilot, app)
        await pilot.press("down", "enter")
        await settle(pilot, app)
        assert [t.id for t in app.session.plan.points[1].tasks] == ["tk3aaa", copy_id]
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    plan = saved(path)
    assert [t.id for t in plan.points[0].tasks] == ["tk2aaa", "tk1aaa"]
    assert plan.find("tk1aaa").lead == ["区财政局"] and plan.find("tk1aaa").deadline == "2027年10月底"
    assert len(plan.points[1].tasks) == 2


async def test_search_jumps_to_the_hit(write_sample, make_app, settle, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+f")
        await settle(pilot, app)
        await type_text(pilot, "统一检索")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.editor.tree.cursor_id == "tk3aaa"
        assert app.focused.id == "text"


async def test_command_palette_finds_commands_by_pinyin_initials(write_sample, make_app, settle, select, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk3aaa")
        tasks_before = len(app.session.plan.points[1].tasks)
        await pilot.press("ctrl+p")
        await settle(pilot, app)
        await type_text(pilot, "xzrw")  # 新增任务
        await pilot.pause(0.3)
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert len(app.session.plan.points[1].tasks) == tasks_before + 1


def test_every_command_is_bound_and_in_the_palette():
    from planwright.tui.commands import COMMANDS, bindings
    from planwright.tui.screens.editor import EditorScreen

    ids = {b.id for b in bindings()}
    assert {c.id for c in COMMANDS if c.keys} <= ids
    for binding in bindings():  # the extra bindings (tree-only keys) run editor actions too
        action = binding.action.removeprefix("in_order(").strip("')")  # a command's key runs in order
        assert hasattr(EditorScreen, f"action_{action.split('(')[0]}"), binding
    for command in COMMANDS:
        action = command.action.split("(")[0]
        assert hasattr(EditorScreen, f"action_{action}"), command
        # ctrl or function keys (or Esc) only: single letters are swallowed by an input method
        keys = [k for k in f"{command.keys},{command.tree_keys}".split(",") if k]
        assert keys and all(k.startswith(("ctrl+", "alt+")) or k == "escape" or k[0] == "f" and k[1:].isdigit()
                            for k in keys), command


# -- findings -------------------------------------------------------------------------


async def test_findings_mark_the_tree_and_jump_to_the_field(sample, write_sample, make_app, settle, type_text, tmp_path):
    path = write_sample(tmp_path)
    path.write_text(sample.replace('lead = ["区数据局"]', "lead = []"), encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.pause(0.2)
        await settle(pilot, app)
        findings = app.session.findings
        assert [f.rule for f in findings] == ["PW-LEAD-001"]
        assert app.editor.tree.marks == {"tk3aaa": "error"}
        await pilot.press("ctrl+g", "enter")
        await settle(pilot, app)
        assert app.editor.tree.cursor_id == "tk3aaa"
        assert app.focused.id == "lead"
        await type_text(pilot, "区数据局")
        await pilot.pause(1.2)  # the validators run after a short pause in typing
        await settle(pilot, app)
        assert app.session.findings == [] and app.editor.tree.marks == {}


# -- safety --------------------------------------------------------------------------------


async def test_quit_with_unsaved_changes_asks(write_sample, make_app, settle, select, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "pt2aaa")
        await pilot.press("enter", "end")
        await type_text(pilot, "建设")
        assert app.title == "plan.toml *"
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "ChoiceDialog"
        await pilot.press("escape")  # cancel: still editing
        await settle(pilot, app)
        assert app.is_running and app.session.dirty
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        await pilot.press("enter")  # the default answer: save and quit
        await settle(pilot, app)
        assert not app.is_running
    assert saved(path).find("pt2aaa").title == "夯实平台基础建设"


async def test_quit_without_saving_leaves_the_file_and_no_recovery(sample, write_sample, make_app, settle, select, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "pt2aaa")
        await pilot.press("f8")
        await settle(pilot, app)
        app.session.write_recovery()
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        await pilot.press("right", "enter")  # 不保存
        await settle(pilot, app)
    assert path.read_text(encoding="utf-8") == sample
    assert not (tmp_path / ".plan.toml.recover").exists()


@pytest.mark.parametrize("answer, expect", [("overwrite", "mine"), ("reload", "theirs"), ("copy", "both")])
async def test_file_changed_on_disk_is_detected_before_saving(sample, write_sample, make_app, settle, select, type_text, tmp_path, answer, expect):
    path = write_sample(tmp_path)
    keys = {"copy": [], "overwrite": ["right"], "reload": ["right", "right"]}[answer]

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "pt2aaa")
        await pilot.press("enter", "end")
        await type_text(pilot, "（我的）")
        theirs = sample.replace("夯实平台基础", "夯实平台基础（他们的）")
        path.write_text(theirs, encoding="utf-8")
        os.utime(path, ns=(1, 1))  # make sure the mtime differs even on coarse clocks
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "ChoiceDialog"
        await pilot.press(*keys, "enter")
        await settle(pilot, app)
        if expect == "theirs":
            assert app.session.plan.find("pt2aaa").title == "夯实平台基础（他们的）"
            assert not app.session.dirty
    title = saved(path).find("pt2aaa").title
    if expect == "mine":
        assert title == "夯实平台基础（我的）"
    else:
        assert title == "夯实平台基础（他们的）"
    if expect == "both":
        copy = tmp_path / "plan（我的修改）.toml"
        assert saved(copy).find("pt2aaa").title == "夯实平台基础（我的）"


async def test_recovery_file_survives_a_crash_and_is_offered_on_next_open(sample, write_sample, make_app, settle, select, type_text, tmp_path):
    path = write_sample(tmp_path)
    recover = tmp_path / ".plan.toml.recover"

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk1aaa")
        await pilot.press("enter", "end")
        await type_text(pilot, "（未保存）")
        await pilot.pause(2.6)  # the recovery file is refreshed every two seconds
        await settle(pilot, app)
        assert recover.exists()
        # the process dies here: no save, no quit dialog
        app.exit()
    assert path.read_text(encoding="utf-8") == sample  # the file itself was never touched
    assert "（未保存）" in recover.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert type(app.screen).__name__ == "ChoiceDialog"
        await pilot.press("enter")  # 恢复
        await settle(pilot, app)
        assert app.session.plan.find("tk1aaa").title == "抓好财政预决算公开（未保存）"
        assert app.session.dirty and app.title == "plan.toml *"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    text = path.read_text(encoding="utf-8")
    assert "抓好财政预决算公开（未保存）" in text and text.startswith("# 编辑器测试用计划")
    assert not recover.exists()


async def test_recovery_can_be_discarded(sample, write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    recover = tmp_path / ".plan.toml.recover"
    recover.write_text(sample.replace("夯实平台基础", "旧的未保存内容"), encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("right", "enter")  # 丢弃
        await settle(pilot, app)
        assert app.session.plan.find("pt2aaa").title == "夯实平台基础"
        assert not app.session.dirty
    assert not recover.exists()


# -- views ------------------------------------------------------------------------------


async def test_task_table_sorts_by_unit_and_deadline_and_jumps(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("f10")
        await settle(pilot, app)
        table = app.screen.query_one("DataTable")

        def order():
            return [table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(table.row_count)]

        # the export's rows: a task with items stands as its items
        assert order() == ["tk1aaa", "it1aaa", "tk3aaa"]
        await pilot.press("f4")  # by deadline: 6-30, 10-31, 12-31 (下半年)
        await settle(pilot, app)
        assert order() == ["it1aaa", "tk1aaa", "tk3aaa"]
        await pilot.press("f3")  # by lead unit
        await settle(pilot, app)
        leads = [str(table.get_cell_at((r, 3))) for r in range(table.row_count)]
        assert leads == sorted(leads)
        table.move_cursor(row=order().index("tk3aaa"))
        await pilot.press("enter")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "EditorScreen"
        assert app.editor.tree.cursor_id == "tk3aaa"


async def test_units_view_groups_aliases_and_shows_roles(sample, write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    path.write_text(sample.replace('support = ["区政务公开办"]', 'support = ["区政务公开办", "财政局"]'),
                    encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+u")
        await settle(pilot, app)
        screen = app.screen
        names = [u.unit for u in screen.units]
        assert "财政局" not in names  # an alias: counted under 区财政局
        finance = next(u for u in screen.units if u.unit == "区财政局")
        assert [(e.node_id, e.role) for e in finance.entries] == [("tk1aaa", "lead"), ("tk3aaa", "support")]
        assert finance.written == ["财政局"]
        office = next(u for u in screen.units if u.unit == "区政务公开办")
        assert (office.led, office.supported) == (1, 1)
        screen.query_one("OptionList").highlighted = screen.units.index(office)
        await settle(pilot, app)
        await pilot.press("enter")  # into the unit's tasks
        await pilot.press("enter")  # first task: edit it
        await settle(pilot, app)
        assert app.editor.tree.cursor_id == office.entries[0].node_id


async def test_notice_preview_shows_the_styles_notice_text(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("f9")
        await settle(pilot, app)
        from planwright.exporting import notice_text

        shown = app.screen.query_one(TextArea).text
        expected = notice_text(app.session.plan, app.session.host)
        # the same text, folded to the window (no characters added or lost)
        assert shown.replace("\n", "") == expected.replace("\n", "")
        assert "（一）抓好财政预决算公开" in expected
        assert all(not line.startswith(("，", "。", "）")) for line in shown.splitlines())
        await pilot.press("escape")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "EditorScreen"


async def test_new_year_from_inside_the_editor(sample, write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path, "2027年计划.toml")

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert app.screen.query_one("#output", Input).value.endswith("2028年计划.toml")
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.pause(0.1)
        await settle(pilot, app)
        assert app.session.path.name == "2028年计划.toml"
        assert app.session.plan.meta.year == 2028
    new = saved(tmp_path / "2028年计划.toml")
    assert new.meta.title == "2028年示例区政务公开工作要点"
    assert new.find("tk1aaa").deadline == "2028年10月底"  # ids kept, deadlines moved
    assert path.read_text(encoding="utf-8") == sample


async def test_validators_run_in_a_child_process(sample, write_sample, make_app, tmp_path):
    from planwright.tui.checker import ProcessChecker

    path = write_sample(tmp_path)
    path.write_text(sample.replace('lead = ["区数据局"]', "lead = []"), encoding="utf-8")

    app = make_app(path, checker="process")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.checker, ProcessChecker)
        for _ in range(150):  # the child starts and loads its plugins first
            await pilot.pause(0.1)
            if app.session.findings:
                break
        assert [f.rule for f in app.session.findings] == ["PW-LEAD-001"]
        assert app.editor.tree.marks == {"tk3aaa": "error"}


async def test_export_dialog_writes_what_export_plan_renders(write_sample, make_app, settle, select, type_text, tmp_path):
    from planwright.exporting import export_plan

    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "pt2aaa")
        await pilot.press("enter", "end")
        await type_text(pilot, "（未保存也导出）")
        await pilot.press("ctrl+e")
        await settle(pilot, app)
        formats = app.screen.query_one("#formats")
        formats.highlighted = formats.get_option_index("notice-txt")
        await settle(pilot, app)
        output = app.screen.query_one("#output", Input).value
        assert output.endswith("plan-通知.txt")
        app.screen.query_one("#do-export").press()
        for _ in range(50):
            await pilot.pause(0.05)
            if type(app.screen).__name__ == "EditorScreen":
                break
        assert Path(output).read_bytes() == export_plan(app.session.plan, "notice-txt", app.session.host)
        assert "夯实平台基础（未保存也导出）" in Path(output).read_text(encoding="utf-8")


async def test_export_refuses_a_plan_with_errors_unless_asked(sample, write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    path.write_text(sample.replace('lead = ["区数据局"]', "lead = []"), encoding="utf-8")
    output = tmp_path / "plan.json"

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+e")
        await settle(pilot, app)
        dialog = app.screen
        dialog.fmt = "json"
        dialog.query_one("#output", Input).value = str(output)
        dialog.query_one("#do-export").press()
        for _ in range(50):
            await pilot.pause(0.05)
            if "错误" in str(dialog.query_one("#problem").render()):
                break
        assert "错误" in str(dialog.query_one("#problem").render())
        assert not output.exists()
        dialog.query_one("#allow-errors").value = True
        dialog.query_one("#do-export").press()
        for _ in range(50):
            await pilot.pause(0.05)
            if output.exists():
                break
        await settle(pilot, app)
    assert '"lead": []' in output.read_text(encoding="utf-8")


async def test_long_values_still_scroll_in_their_fields(write_sample, make_app, settle, select, type_text, paste, tmp_path):
    """The form's fields skip Textual's per-keystroke layout; scrolling must still work."""
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk1aaa")
        title = app.editor.form.query_one("#title", Input)
        title.focus()
        await pilot.press("end")
        await type_text(pilot, "，" + "并按季度更新完成情况" * 8)
        await settle(pilot, app)
        assert title.scroll_x > 0 and title.scroll_x == title.max_scroll_x  # the end in view
        assert title.virtual_size.width == title.content_width
        area = app.editor.form.query_one("#text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await paste(pilot, "\n" + "\n".join(f"第{n}段，公开内容。" for n in range(40)))
        await settle(pilot, app)
        assert area.show_vertical_scrollbar and area.scroll_y > 0
        assert app.session.plan.find("tk1aaa").text.endswith("第39段，公开内容。")
        await select(pilot, app, "tk3aaa")  # a short text: the scrollbar goes again
        assert not area.show_vertical_scrollbar and area.scroll_y == 0


async def test_checks_in_a_child_process_never_block_the_editor(write_sample, make_app, tmp_path):
    """Many checks submitted while results come back (this once deadlocked the UI)."""
    path = write_sample(tmp_path)

    app = make_app(path, checker="process")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(150):
            await pilot.pause(0.1)
            if app.editor.checks_shown:
                break
        shown = app.editor.checks_shown
        app.editor.tree.focus()
        for n in range(40):
            app.editor._start_check()
            await pilot.press("down" if n % 2 else "up")
            await pilot.pause(0.03)
        before = app.editor.tree.cursor_line
        await pilot.press("down")
        assert app.editor.tree.cursor_line == before + 1  # still answering keys
        for _ in range(100):
            await pilot.pause(0.05)
            if app.editor.checks_shown > shown + 1:
                break
        assert app.editor.checks_shown > shown + 1


async def test_messages_quoting_user_text_are_not_markup(sample, write_sample, make_app, settle, select, tmp_path):
    """A deleted title such as 完成率[50%] is shown as typed in the notification."""
    path = write_sample(tmp_path)
    path.write_text(sample.replace('title = "夯实平台基础"', 'title = "完成率[50%]与[b]加粗[/b]"'), encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "pt2aaa")
        tree = app.editor.tree
        line = tree.render_label(tree.cursor_node, tree.rich_style, tree.rich_style).plain
        assert "二、完成率[50%]与[b]加粗[/b]" in line
        await pilot.press("f8")  # the deletion's notice names the place, never the title
        await settle(pilot, app)
        notes = [n.message for n in app._notifications]
        assert notes and all(n.markup is False for n in app._notifications), notes


async def test_a_finding_on_the_plan_table_opens_its_field(sample, write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    path.write_text(sample.replace('year = 2027\n', 'year = 2027\ndoc_number = "示政办字[2027]3号"\n'),
                    encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.pause(0.2)
        await settle(pilot, app)
        plan_findings = [f for f in app.session.findings if f.node_id is None and f.field == "doc_number"]
        assert plan_findings, app.session.findings  # 〔〕, not [], around the year of a 文号
        app.editor.jump_to("__plan__", "doc_number")
        await settle(pilot, app)
        assert app.focused.id == "meta-doc_number"
        assert app.focused.value == "示政办字[2027]3号"  # brackets shown as typed


async def test_find_lists_each_hit_highlighted_and_replace_all_is_one_undo_step(write_sample, make_app, settle, type_text, paste, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+f")
        await settle(pilot, app)
        await type_text(pilot, "区政务公开办")
        await settle(pilot, app)
        dialog = app.screen
        assert len(dialog.hits) == 3
        assert "找到 3 处" in str(dialog.query_one("#count").render())
        line = dialog._line(dialog.hits[0])
        assert any("reverse" in str(span.style) and line.plain[span.start:span.end] == "区政务公开办"
                   for span in line.spans)  # the hit itself is highlighted
        await type_text(pilot, "")
        dialog.query_one("#replace").focus()
        await settle(pilot, app)
        await paste(pilot, "区政务服务中心")
        await pilot.press("enter")
        await settle(pilot, app)
        plan = app.session.plan
        assert plan.find("tk2aaa").lead == ["区政务服务中心"] and plan.find("tk3aaa").support == ["区政务服务中心"]
        assert app.session.dirty
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert plan.find("tk2aaa").lead == ["区政务公开办"] and plan.find("tk3aaa").support == ["区政务公开办"]


async def test_find_reaches_the_preamble_and_jumps_to_the_plan_form(write_sample, make_app, settle, type_text, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+f")
        await settle(pilot, app)
        await type_text(pilot, "中心任务")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.focused.id == "meta-preamble"
