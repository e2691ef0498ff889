"""The plan's own facts are edited in the form without a text editor: dates as a clerk
writes them, 抄送, 附注, 印发机关 and the style."""

from __future__ import annotations


from textual.widgets import Input, Label, Select

from planwright.plan import store
from planwright.tui.widgets.plan_tree import ROOT


async def test_the_plan_form_takes_a_written_date_cc_and_publicity_and_saves_them(make_app, settle, type_text, write_sample, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.editor.jump_to(ROOT, "date")  # the [plan] table's form
        await settle(pilot, app)
        date = app.editor.form.query_one("#meta-date", Input)
        assert app.focused is date
        await type_text(pilot, "2027年3月1日")
        await settle(pilot, app)
        assert app.session.plan.meta.date == "2027-03-01"
        assert date.value == "2027年3月1日"  # what was typed stays in the field
        for name, typed in (("cc", "区委办公室、区人大常委会办公室"), ("publicity", "此件公开发布"),
                            ("printer", "示例区人民政府办公室"), ("print_date", "2027.3.2")):
            app.editor.form.focus_field(name)
            await settle(pilot, app)
            await type_text(pilot, typed)
            await settle(pilot, app)
        meta = app.session.plan.meta
        assert meta.cc == ["区委办公室", "区人大常委会办公室"]
        assert (meta.publicity, meta.printer, meta.print_date) == ("此件公开发布", "示例区人民政府办公室",
                                                                   "2027-03-02")
        app.editor.form.focus_field("date")
        await settle(pilot, app)
        await pilot.press("ctrl+s")
        await settle(pilot, app)

    meta = store.load(path).plan.meta
    assert (meta.date, meta.print_date, meta.cc) == ("2027-03-01", "2027-03-02", ["区委办公室", "区人大常委会办公室"])
    assert "date = 2027-03-01" in path.read_text(encoding="utf-8")


async def test_an_impossible_written_date_is_kept_as_typed_and_reported(make_app, settle, type_text, write_sample, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.editor.jump_to(ROOT, "date")
        await settle(pilot, app)
        await type_text(pilot, "2027年2月30日")
        await settle(pilot, app)
        assert app.session.plan.meta.date == "2027年2月30日"
        app.editor.action_check()
        for _ in range(50):
            await pilot.pause(0.05)
            if any(f.rule == "PW-DATE-001" for f in app.session.findings):
                break
        assert any(f.rule == "PW-DATE-001" and "2月没有30日" in f.message for f in app.session.findings)



async def wait_check(pilot, app, seen: int) -> None:
    for _ in range(100):
        await pilot.pause(0.05)
        if app.editor.checks_shown > seen:
            return


async def test_roll_over_findings_are_listed_jump_to_their_field_and_go_when_fixed(sample, make_app, settle, type_text, tmp_path):
    rolled = sample.replace('preamble = "', 'printer = "示例区人民政府办公室"\npreamble = "').replace(
        "清理无效栏目，统一检索入口。", "2026年年底前清理无效栏目。")
    path = tmp_path / "plan.toml"
    path.write_text(rolled, encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=(120, 34)) as pilot:
        await wait_check(pilot, app, 0)
        found = {(f.rule, f.field) for f in app.session.findings if f.rule.startswith("PW-ROLL")}
        assert found == {("PW-ROLL-001", "text"), ("PW-ROLL-003", "doc_number"), ("PW-ROLL-003", "date")}
        listed = app.editor.query_one("#findings")
        shown = "\n".join(str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count))
        assert "2026年年底" in shown and "文号未填写" in shown and "成文日期未填写" in shown
        stale = next(f for f in app.session.findings if f.rule == "PW-ROLL-001")
        app.editor.jump_to(stale.node_id, stale.field)
        await settle(pilot, app)
        assert app.focused.id == "text" and app.editor.tree.cursor_id == "tk3aaa"
        app.focused.load_text("")
        await type_text(pilot, "2027年年底前清理无效栏目。")
        app.editor.jump_to("__plan__", "date")
        await settle(pilot, app)
        await type_text(pilot, "2027年3月1日")
        seen = app.editor.checks_shown
        app.editor.action_check()
        await wait_check(pilot, app, seen)
        left = {(f.rule, f.field) for f in app.session.findings if f.rule.startswith("PW-ROLL")}
        assert left == {("PW-ROLL-003", "doc_number")}  # stays until the 文号 is written too


async def test_the_notice_as_printed_is_edited_in_the_plan_form(make_app, settle, type_text, write_sample, tmp_path):
    """The 印发语, the forwarding letter and the page choices kept by the importer are the clerk's to edit."""
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.editor.jump_to(ROOT, "letter")
        await settle(pilot, app)
        assert app.focused is app.editor.form.query_one("#meta-letter")
        await type_text(pilot, "现将{title}印发给你们，请抓好落实。")
        for name, typed in (("forward_issuer", "示例市人民政府办公室"), ("forward_date", "2027年3月5日"),
                            ("forward_recipients", "各县区政府、市直各部门")):
            app.editor.form.focus_field(name)
            await settle(pilot, app)
            await type_text(pilot, typed)
        masthead = app.editor.form.query_one("#meta-masthead", Select)
        assert masthead.value == "red"  # what "" means, shown as the first choice
        assert app.session.plan.meta.masthead == ""  # showing the default did not write it
        masthead.value = "preprinted"
        await settle(pilot, app)
        meta = app.session.plan.meta
        assert meta.letter == "现将{title}印发给你们，请抓好落实。" and meta.masthead == "preprinted"
        assert (meta.forward_date, meta.forward_recipients) == ("2027-03-05", ["各县区政府", "市直各部门"])
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        for _ in range(50):  # the save runs in a worker thread
            if not app.session.dirty:
                break
            await pilot.pause(0.05)

    meta = store.load(path).plan.meta
    assert (meta.letter, meta.masthead, meta.forward_issuer) == ("现将{title}印发给你们，请抓好落实。", "preprinted",
                                                                 "示例市人民政府办公室")
    assert meta.forward_date == "2027-03-05"


async def test_a_search_hit_names_its_field_as_the_form_labels_it(sample, make_app, settle, type_text, tmp_path):
    # the word stands in the plan's 主送, 抄送 and 转发主送, and in a task's 配合 units
    plan_text = sample.replace('preamble = "', 'cc = ["区委办公室"]\nforward_recipients = ["区委办公室"]\npreamble = "')
    plan_text = plan_text.replace('recipients = ["各街道办事处"', 'recipients = ["区委办公室", "各街道办事处"')
    plan_text = plan_text.replace('support = ["区政府各部门"]', 'support = ["区委办公室"]')
    path = tmp_path / "plan.toml"
    path.write_text(plan_text, encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot, app)
        form = app.editor.form
        await pilot.press("ctrl+f")
        await settle(pilot, app)
        await type_text(pilot, "区委办公室")
        await settle(pilot, app)
        dialog = app.screen
        shown = {(hit.node_id, dialog._line(hit).plain.split()[1]) for hit in dialog.hits}

        def label_over(selector: str) -> str:  # the label above a field, without its hint in brackets
            return str(form.query_one(selector).parent.query_one(Label).render()).split("（")[0]

        assert shown == {("", label_over("#meta-recipients")), ("", label_over("#meta-cc")),
                         ("", label_over("#meta-forward_recipients")), ("tk1aaa", label_over("#support"))}
        assert shown == {("", "主送机关"), ("", "抄送机关"), ("", "转发通知主送"), ("tk1aaa", "配合单位")}


async def test_the_plan_form_shows_the_notice_title_that_will_be_printed_under_the_plan_title(sample, make_app, settle, type_text, tmp_path):
    # the office's notice called the plan by a shorter name than its heading: kept word for word
    kept = "示例区政府办公室关于印发2027年政务公开工作要点的通知"
    path = tmp_path / "plan.toml"
    path.write_text(sample.replace('preamble = "', f'notice_title = "{kept}"\npreamble = "'), encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=(120, 34)) as pilot:
        app.editor.jump_to(ROOT, "title")
        await settle(pilot, app)
        form = app.editor.form
        hint = form.query_one("#notice-title-hint")
        assert str(hint.render()).replace("\n", "") == f"通知标题（按原文写法，不随计划标题改动）：{kept}"
        await type_text(pilot, "（修订）")
        await settle(pilot, app)
        assert app.session.plan.meta.title == "2027年示例区政务公开工作要点（修订）"
        assert str(hint.render()).replace("\n", "").endswith(f"：{kept}")  # still the one printed
        # the clerk writes {title} where the notice names the plan: the printed title follows
        form.focus_field("notice_title")
        await settle(pilot, app)
        field = form.query_one("#meta-notice_title", Input)
        field.value = "示例区政府办公室关于印发{title}的通知"
        await settle(pilot, app)
        assert str(hint.render()).replace("\n", "") == \
            "通知标题：示例区政府办公室关于印发2027年示例区政务公开工作要点（修订）的通知"
