"""Text pasted into the editor's fields is cleaned on its way in (issue 14's editor side): escape
sequences, control characters, DEL, C1 controls and bidirectional overrides never reach the
model, so what the field shows is what the plan holds and what a save writes."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from planwright.plan import store
from planwright.tui.widgets.plan_tree import ROOT

SIZE = (140, 40)


async def test_a_paste_into_a_title_a_text_and_the_plan_form_is_cleaned_before_the_model_gets_it(write_sample, make_app, settle, select, paste, tmp_path):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "tk1aaa")
        form = app.editor.form
        title = form.query_one("#title", Input)
        title.focus()
        await settle(pilot, app)
        await paste(pilot, "\x1b[31m（修订\x07稿）\x1b[0m\u202e\x7f\x9b2J\tA")
        await settle(pilot, app)
        task = app.session.plan.find("tk1aaa")
        assert task.title == "抓好财政预决算公开（修订稿）2J A"
        assert title.value == task.title  # what the field shows is what the plan holds

        text = form.query_one("#text", TextArea)
        text.focus()
        await settle(pilot, app)
        text.move_cursor(text.document.end)
        await paste(pilot, "\r\n第二段\x1b]0;pwned\x07内容\x85第三段\u2066。")
        await settle(pilot, app)
        assert task.text.endswith("……\n第二段内容\n第三段。")
        assert text.text == task.text

        app.editor.jump_to(ROOT, "issuer")
        await settle(pilot, app)
        await paste(pilot, "\x1bc（\x00盖章\x08）")
        await settle(pilot, app)
        assert app.session.plan.meta.issuer == "示例区人民政府办公室（盖章）"

        # typed keys: Textual inserts only printable characters, a control never gets in that way
        app.editor.jump_to(ROOT, "issuer")
        await settle(pilot, app)
        app.post_message(events.Key("end", None))
        app.post_message(events.Key("u202e", "\u202e"))
        await settle(pilot, app)
        assert app.session.plan.meta.issuer == "示例区人民政府办公室（盖章）"

        await pilot.press("ctrl+s")
        for _ in range(50):
            if not app.session.dirty:
                break
            await pilot.pause(0.05)
    saved = store.load(path).plan
    assert saved.find("tk1aaa").title == "抓好财政预决算公开（修订稿）2J A"
    assert saved.meta.issuer == "示例区人民政府办公室（盖章）"


async def test_a_replacement_pasted_into_find_and_replace_reaches_the_plan_cleaned(write_sample, make_app, settle, type_text, paste, tmp_path):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+f")
        await settle(pilot, app)
        await type_text(pilot, "区政务公开办")
        await settle(pilot, app)
        app.screen.query_one("#replace").focus()
        await settle(pilot, app)
        await paste(pilot, "区政务\x1b[2J服务\u202e中心")
        await pilot.press("enter")
        await settle(pilot, app)
        plan = app.session.plan
        assert plan.find("tk2aaa").lead == ["区政务服务中心"] and plan.find("tk3aaa").support == ["区政务服务中心"]
