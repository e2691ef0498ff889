"""The export dialog never writes over the open plan, and asks before replacing any other file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

SIZE = (120, 36)


async def _open_export(pilot, app, settle, fmt: str, output: Path):
    await settle(pilot, app)
    await pilot.press("ctrl+e")
    await settle(pilot, app)
    dialog = app.screen
    dialog.fmt = fmt
    dialog.query_one("#output", Input).value = str(output)
    dialog.query_one("#do-export").press()
    await settle(pilot, app)
    return dialog


async def test_export_refuses_the_open_plan_even_through_a_symlink(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    link = tmp_path / "link.toml"
    link.symlink_to(path)
    before = path.read_bytes()
    for output in (path, link):
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:
            dialog = await _open_export(pilot, app, settle, "json", output)
            assert app.screen is dialog, "no question is asked: the open plan is never replaced"
            assert "输出文件就是输入文件" in str(dialog.query_one("#problem").render())
            await pilot.pause(0.2)
        assert path.read_bytes() == before
        assert link.is_symlink()


async def test_export_asks_before_replacing_a_file_and_keeps_it_when_told_no(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    other = tmp_path / "somebody-else.json"
    other.write_text("keep me", encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_export(pilot, app, settle, "json", other)
        assert type(app.screen).__name__ == "ChoiceDialog"
        assert "已经存在" in app.screen.message
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is dialog
        assert "未导出" in str(dialog.query_one("#problem").render())
    assert other.read_text(encoding="utf-8") == "keep me"


async def test_export_replaces_a_file_when_told_to(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    other = tmp_path / "old-export.json"
    other.write_text("old", encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_export(pilot, app, settle, "json", other)
        app.screen.query_one("#choice-replace").press()
        for _ in range(50):
            await pilot.pause(0.05)
            if type(app.screen).__name__ == "EditorScreen":
                break
    assert other.read_text(encoding="utf-8").lstrip().startswith("{")


async def test_export_to_a_symlink_loop_is_a_message(write_sample, make_app, settle, tmp_path):
    path = write_sample(tmp_path)
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_export(pilot, app, settle, "json", tmp_path / "a.json")
        assert app.screen is dialog
        assert "符号链接成环" in str(dialog.query_one("#problem").render())
