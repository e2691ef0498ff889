"""Keys reach the model in the order they were typed, even in one burst on a freshly opened plan.

An input method commits a phrase as a burst of keys; Backspace and End are
bindings (they used to travel up to the app and arrive after the characters
behind them). Each test sends its keys without waiting between them.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, TextArea


SIZE = (140, 40)


def keys(*parts: str | tuple[str, int]) -> list[events.Event]:
    """("end", 1), ("backspace", 6), "加强" → the events a terminal sends for them."""
    out: list[events.Event] = []
    for part in parts:
        if isinstance(part, tuple):
            out += [events.Key(part[0], None) for _ in range(part[1])]
        else:
            out += [events.Key(_character_to_key(ch), ch) for ch in part]
    return out


@pytest.fixture
def burst(settle):
    """``await burst(pilot, app, events)``: the events posted all at once, as from a terminal, then settled."""

    async def send(pilot, app, sent: list[events.Event]) -> None:
        for event in sent:
            app.post_message(event)
        await settle(pilot, app)

    return send


async def saved(pilot, app) -> None:
    """Until the save (a worker thread) is done, for at most 2.5 s."""
    for _ in range(50):
        if not app.session.dirty:
            return
        await pilot.pause(0.05)


async def test_a_burst_into_a_title_on_a_fresh_plan_keeps_its_order(burst, write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "enter")  # first task, into its title: the session's first edit
        await settle(pilot, app)
        assert isinstance(app.focused, Input) and app.focused.id == "title"
        await burst(pilot, app, keys(("end", 1), ("backspace", 6), "加强业务培训和考核"))
        assert app.session.plan.find("tk1aaa").title == "抓好财加强业务培训和考核"
        # again, mixed: Home, a phrase, End, Backspaces, punctuation, a paste
        await burst(pilot, app, keys(("home", 1), "全面", ("end", 1), ("backspace", 2), "，确保实效。")
                    + [events.Paste("（试行）")])
        assert app.session.plan.find("tk1aaa").title == "全面抓好财加强业务培训和，确保实效。（试行）"
        assert app.focused.value == app.session.plan.find("tk1aaa").title


async def test_a_burst_with_backspaces_and_arrows_in_the_text_keeps_its_order(burst, write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        app.editor.tree.select_id("tk3aaa")
        await settle(pilot, app)
        area = app.editor.form.query_one("#text", TextArea)
        area.focus()
        await settle(pilot, app)
        # 清理无效栏目，统一检索入口。 → cursor at the end of the text
        await burst(pilot, app, keys(("end", 1), ("backspace", 3), "办事入口", ("left", 4), ("backspace", 2),
                                     "规范"))
        assert app.session.plan.find("tk3aaa").text == "清理无效栏目，统一规范办事入口"
        assert area.text == app.session.plan.find("tk3aaa").text


async def test_a_command_right_after_typing_runs_after_the_characters(burst, write_sample, make_app, settle, tmp_path):
    """A character's edit reaches the model through the form's messages; a command bound to a key
    (add a task, undo, save) sent right behind it must not overtake it or drop it."""
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "enter")  # first task, into its title
        await settle(pilot, app)
        before = app.session.plan.find("tk1aaa").title
        tasks = len(app.session.plan.points[0].tasks)
        # typed, then at once: a new task (F3-style command key), undo of that, save
        await burst(pilot, app, keys("考核") + [events.Key("ctrl+n", None)])
        assert app.session.plan.find("tk1aaa").title == before + "考核"  # not in the new task's title
        assert len(app.session.plan.points[0].tasks) == tasks + 1
        await burst(pilot, app, [events.Key("ctrl+z", None)])
        assert app.session.plan.find("tk1aaa").title == before + "考核"  # the characters kept, in the model
        assert len(app.session.plan.points[0].tasks) == tasks  # the undo took back the new task, not the typing
        await burst(pilot, app, keys("。") + [events.Key("ctrl+s", None)])
        await saved(pilot, app)
        assert not app.session.dirty  # what was saved included the 。 typed just before Ctrl+S
    assert (before + "考核。") in path.read_text(encoding="utf-8")


async def test_a_save_right_after_typing_in_the_plan_form_keeps_the_characters(burst, write_sample, make_app, settle, tmp_path):
    """The [plan] table's fields reach the model the same way: a Ctrl+S (or a date typed as a clerk
    writes it) sent right behind the characters must not overtake them."""
    from planwright.tui.widgets.plan_tree import ROOT

    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        app.editor.jump_to(ROOT, "date")
        await settle(pilot, app)
        await burst(pilot, app, keys("2027年3月1日") + [events.Key("ctrl+s", None)])
        await saved(pilot, app)
        assert not app.session.dirty
        app.editor.form.focus_field("recipients")
        await settle(pilot, app)
        await burst(pilot, app, keys(("end", 1), "、区委办公室") + [events.Key("ctrl+s", None)])
        await saved(pilot, app)
        assert not app.session.dirty
    text = path.read_text(encoding="utf-8")
    assert "date = 2027-03-01" in text
    assert 'recipients = ["各街道办事处", "区政府各部门", "区委办公室"]' in text
