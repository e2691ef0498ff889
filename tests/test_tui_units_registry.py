"""The unit registry edited in the editor: register a name the checker flags, add aliases and a
kind, and rename a unit across every task that uses it — each one undo step, saved to [[units]]."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, OptionList

from planwright.plan import store
from planwright.tui.screens.unit_edit import UnitEditDialog
from planwright.tui.screens.units import UnitsScreen


async def open_unit(pilot, app, settle, name: str) -> None:
    await pilot.press("ctrl+u")
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, UnitsScreen)
    options = screen.query_one(OptionList)
    options.highlighted = [u.unit for u in screen.units].index(name)
    await settle(pilot, app)
    await pilot.press("ctrl+e")
    await settle(pilot, app)
    assert isinstance(app.screen, UnitEditDialog)


async def fill(pilot, app, settle, paste, field: str, value: str) -> None:
    widget = app.screen.query_one(f"#{field}", Input)
    widget.value = ""
    widget.focus()
    await settle(pilot, app)
    await paste(pilot, value)


async def test_register_an_unregistered_unit_with_aliases_and_kind(write_sample, make_app, settle, paste, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot, app)
        assert "区政府各部门" not in [u.name for u in app.session.plan.units]
        await open_unit(pilot, app, settle, "区政府各部门")
        await fill(pilot, app, settle, paste, "unit-aliases", "政府各部门、各部门")
        await fill(pilot, app, settle, paste, "unit-kind", "部门")
        await pilot.press("enter")
        await settle(pilot, app)
        unit = next(u for u in app.session.plan.units if u.name == "区政府各部门")
        assert (unit.aliases, unit.kind) == (["政府各部门", "各部门"], "部门")
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    saved = store.load(path).plan
    assert any(u.name == "区政府各部门" and u.kind == "部门" for u in saved.units)


async def test_a_rename_is_offered_across_every_task_and_undone_in_one_step(write_sample, make_app, settle, paste, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot, app)
        await open_unit(pilot, app, settle, "区政务公开办")
        box = app.screen.query_one("#rename", Checkbox)
        assert box.value and "3 处" in str(box.label)
        await fill(pilot, app, settle, paste, "unit-name", "区政务服务中心")
        await pilot.press("enter")
        await settle(pilot, app)
        plan = app.session.plan
        assert plan.find("tk2aaa").lead == ["区政务服务中心"] and plan.find("tk3aaa").support == ["区政务服务中心"]
        assert "区政务服务中心" in [u.name for u in plan.units] and "区政务公开办" not in [u.name for u in plan.units]
        assert "区政务服务中心" in [u.unit for u in app.screen.units]  # the view shows the new name
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert plan.find("tk2aaa").lead == ["区政务公开办"] and "区政务公开办" in [u.name for u in plan.units]
