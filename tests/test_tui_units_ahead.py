"""The per-unit lists (F11) made ahead, between keys, and used only for the plan they show.

After a pause the editor makes the unit view's lists in steps (tui/ahead); F11 then opens
on them. An edit since makes them stale: F11 must show the plan as it is now.
"""

from __future__ import annotations

from planwright.exporting import unit_view
from planwright.exporting.units import unit_view_steps
from planwright.plan import store
from planwright.tui.screens import editor as editor_module
from sample_plans import big_plan


def _shown(units) -> list[tuple]:
    """What the view lists: each unit with its other names and its rows."""
    return [(u.unit, tuple(u.written), tuple(u.entries)) for u in units]


def test_the_lists_made_in_steps_are_the_lists_made_at_once():
    plan = big_plan(60)
    steps = list(unit_view_steps(plan, rows=7))
    assert steps[-1] is not None and all(step is None for step in steps[:-1])
    assert len(steps) > 5  # it did stop between rows
    assert _shown(steps[-1]) == _shown(unit_view(plan))


async def test_f11_opens_on_the_lists_made_during_a_pause_and_never_on_stale_ones(
        tmp_path, make_app, settle, select, type_text, monkeypatch):
    monkeypatch.setattr(editor_module, "UNITS_AHEAD_AFTER", 0.0)
    monkeypatch.setattr(editor_module, "CHECK_DELAY", 0.0)
    path = tmp_path / "plan.toml"
    store.save(store.new_document(big_plan(40)), path)
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, app)
        editor = app.editor
        for _ in range(40):  # the ticks: the first check, then the lists
            await pilot.pause(0.05)
            made = editor._units_ahead.lists(editor._plan_state())
            if made is not None:
                break
        assert made is not None, "no lists were made during the pause"
        await pilot.press("ctrl+u")
        await settle(pilot, app)
        assert app.screen.units is made
        assert _shown(app.screen.units) == _shown(unit_view(app.session.plan, editor.form.registry))
        await pilot.press("escape")
        await settle(pilot, app)

        task = app.session.plan.points[0].tasks[0]
        await select(pilot, app, task.id)
        editor.form.query_one("#lead").focus()
        await pilot.press("end")
        await type_text(pilot, "、区新设单位")  # an edit: the lists made before are stale
        await pilot.press("ctrl+u")  # at once, before any pause
        await settle(pilot, app)
        assert app.screen.units is not made
        assert "区新设单位" in [u.unit for u in app.screen.units]
        assert _shown(app.screen.units) == _shown(unit_view(app.session.plan, editor.form.registry))
