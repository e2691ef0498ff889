"""The work an edit starts away from the keyboard waits for a pause in the keys.

The validators and the recovery file each begin with a copy of the plan on the
editor's thread; in the middle of a burst of keys that copy would delay the
next key's frame. So they run once the keys stop for a moment, and the
recovery file is also written during a long burst, at the latest a few seconds
after an edit. The delays are set large or small here so that what is asserted
never depends on how fast the machine is.
"""

from __future__ import annotations

from planwright.tui.screens import editor as editor_module

SIZE = (140, 40)


async def _first_check(pilot, app) -> None:
    """Wait for the findings of the plan as opened."""
    for _ in range(100):
        if app.editor.checks_shown:
            return
        await pilot.pause(0.05)


async def _into_deadline(pilot, app, select) -> None:
    await select(pilot, app, "tk1aaa")
    app.editor.form.focus_field("deadline")
    await pilot.pause()
    await pilot.press("home", "delete", "delete", "delete", "delete")


async def test_findings_refresh_once_the_keys_stop(write_sample, make_app, settle, select, type_text, tmp_path, monkeypatch):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await _first_check(pilot, app)
        assert app.session.findings == []
        monkeypatch.setattr(editor_module, "CHECK_DELAY", 3600.0)  # the keys never stop
        await _into_deadline(pilot, app, select)
        await type_text(pilot, "2026")
        await pilot.pause(1.2)
        await settle(pilot, app)
        assert app.session.plan.find("tk1aaa").deadline == "2026年10月底"
        assert app.session.findings == []  # not checked while the keys go on
        monkeypatch.setattr(editor_module, "CHECK_DELAY", 0.4)  # now they have stopped
        for _ in range(100):
            await pilot.pause(0.05)
            if app.session.findings:
                break
        assert any(f.node_id == "tk1aaa" and f.field == "deadline" for f in app.session.findings)
        await settle(pilot, app)
        shown = app.editor.query_one("#findings")
        assert shown.option_count == len(app.session.findings) and shown.border_title != "检查：没有发现问题"


async def test_the_recovery_file_is_written_once_the_keys_stop(sample, write_sample, make_app, settle, select, type_text,
                                                              tmp_path, monkeypatch):
    path = write_sample(tmp_path)
    recover = tmp_path / ".plan.toml.recover"
    monkeypatch.setattr(editor_module, "RECOVERY_QUIET", 3600.0)
    monkeypatch.setattr(editor_module, "RECOVERY_LATEST", 3600.0)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await select(pilot, app, "tk1aaa")
        await pilot.press("enter", "end")
        await type_text(pilot, "（未保存）")
        await pilot.pause(1.2)
        await settle(pilot, app)
        assert not recover.exists()  # the keys have not stopped yet
        monkeypatch.setattr(editor_module, "RECOVERY_QUIET", 0.5)
        await pilot.pause(1.2)
        await settle(pilot, app)
        assert "抓好财政预决算公开（未保存）" in recover.read_text(encoding="utf-8")
        app.exit()  # no save: the process ends here
    assert path.read_text(encoding="utf-8") == sample


async def test_a_long_burst_of_typing_still_reaches_the_recovery_file(write_sample, make_app, settle, select, type_text,
                                                                     tmp_path, monkeypatch):
    path = write_sample(tmp_path)
    recover = tmp_path / ".plan.toml.recover"
    monkeypatch.setattr(editor_module, "RECOVERY_QUIET", 3600.0)  # the keys never stop …
    monkeypatch.setattr(editor_module, "RECOVERY_LATEST", 1.0)  # … yet an edit is written a second later
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await select(pilot, app, "tk1aaa")
        await pilot.press("enter", "end")
        for ch in "一二三四五六七八九十":
            await type_text(pilot, ch)
            await pilot.pause(0.25)
        await app.workers.wait_for_complete()
        assert recover.exists()
        assert "抓好财政预决算公开一" in recover.read_text(encoding="utf-8")
        app.exit()


async def test_after_the_findings_change_a_chosen_finding_still_jumps_to_its_own_node(sample, write_sample, make_app,
                                                                                      settle, select, type_text, tmp_path):
    """The list keeps the lines of findings that stay and is read by place: choosing the
    finding left after another was fixed opens that finding's node."""
    path = write_sample(tmp_path)
    path.write_text(sample.replace('lead = ["区数据局"]', "lead = []").replace('lead = ["区财政局"]', "lead = []", 1),
                    encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await _first_check(pilot, app)
        shown = app.editor.query_one("#findings")
        assert [(f.rule, f.node_id) for f in app.session.findings] == [("PW-LEAD-001", "tk1aaa"),
                                                                       ("PW-LEAD-001", "tk3aaa")]
        kept = shown.get_option_at_index(1)
        await select(pilot, app, "tk1aaa")
        app.editor.form.focus_field("lead")
        await pilot.pause()
        await type_text(pilot, "区财政局")
        for _ in range(100):
            await pilot.pause(0.05)
            if len(app.session.findings) == 1:
                break
        await settle(pilot, app)
        assert shown.option_count == 1 and shown.get_option_at_index(0) is kept
        assert "tk3aaa" not in str(kept.prompt) and "PW-LEAD-001" in str(kept.prompt)
        shown.focus()
        await pilot.press("home", "enter")
        await settle(pilot, app)
        assert app.editor.tree.cursor_id == "tk3aaa" and app.focused.id == "lead"
