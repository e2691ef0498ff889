"""A symlink loop given as input (issue 14): one line naming the file and the loop, exit 2, no
traceback and no "file not found" — from every command that reads a file and from the
editor's open dialog."""

from __future__ import annotations

import pytest

import planwright


@pytest.fixture
def loops(tmp_path):
    """``loop.toml`` and ``loop.txt``, each a link to a link back to itself."""
    for suffix in ("toml", "txt", "docx"):
        (tmp_path / f"back.{suffix}").symlink_to(f"loop.{suffix}")
        (tmp_path / f"loop.{suffix}").symlink_to(f"back.{suffix}")
    return tmp_path


@pytest.mark.parametrize("command", [
    ("check", "{d}/loop.toml"), ("edit", "{d}/loop.toml"), ("edit", "{d}/loop.docx"),
    ("import", "{d}/loop.txt", "-o", "{d}/out.toml"), ("import", "{d}/loop.docx", "-o", "{d}/out.toml"),
    ("new", "--from", "{d}/loop.toml", "--year", "2028", "-o", "{d}/out.toml"),
    ("diff", "{d}/loop.toml", "{d}/plan.toml"), ("diff", "{d}/plan.toml", "{d}/loop.txt"),
    ("export", "{d}/loop.toml", "--format", "json"), ("ledger", "status", "{d}/loop.toml"),
])
def test_a_symlink_loop_as_input_is_a_one_line_refusal(loops, cli, command):
    from sample_plans import jinan_plan

    planwright.save(jinan_plan(), loops / "plan.toml")
    result = cli(*(part.format(d=loops) for part in command))
    assert result.exit_code == 2, result.output
    said = result.output.strip()
    assert "\n" not in said and "Traceback" not in said
    assert "loop." in said and "符号链接成环" in said
    assert not (loops / "out.toml").exists()


async def test_the_editors_open_dialog_names_a_symlink_loop(loops, write_sample, make_app, settle):
    from textual.widgets import Input, OptionList, Static

    path = write_sample(loops, "2027.toml")
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, app)
        await pilot.press("f12")  # compare: choose last year's plan
        await settle(pilot, app)
        dialog = app.screen
        assert type(dialog).__name__ == "OpenFileDialog"
        listed = dialog.query_one(OptionList)
        assert [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)] == []
        dialog.query_one("#path", Input).value = str(loops / "loop.toml")
        dialog.query_one("#path", Input).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is dialog  # still asking
        assert "符号链接成环" in str(dialog.query_one("#problem", Static).content)
