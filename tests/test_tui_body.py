"""The main text's own outline (plan.body, 宁国 style) is edited in the editor (Ctrl+]) as text."""

from __future__ import annotations

from planwright.plan import editing, store
from planwright.tui.screens.body import BodyScreen

OUTLINE = "一、总体要求\n坚持以公开促落实。\n（一）明确责任\n各单位主要负责人亲自抓。\n（二）强化督办\n二、保障措施\n加强培训。"


def test_body_text_round_trips_and_keeps_ids_by_position(sample):
    plan = store.loads(sample).plan
    editing.set_body_text(plan, OUTLINE)
    assert [p.title for p in plan.body] == ["总体要求", "保障措施"]
    assert [t.title for t in plan.body[0].tasks] == ["明确责任", "强化督办"]
    assert plan.body[0].text == "坚持以公开促落实。" and plan.body[0].tasks[0].text == "各单位主要负责人亲自抓。"
    assert editing.body_text(plan) == OUTLINE
    ids = [n.id for n in plan.all_nodes()]
    editing.set_body_text(plan, OUTLINE.replace("强化督办", "强化督查"))
    assert [n.id for n in plan.all_nodes()] == ids and plan.body[0].tasks[1].title == "强化督查"


async def test_the_outline_is_edited_taken_saved_and_undone(write_sample, make_app, settle, paste, tmp_path):
    path = write_sample(tmp_path)

    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+right_square_bracket")
        await settle(pilot, app)
        assert isinstance(app.screen, BodyScreen)
        await paste(pilot, OUTLINE)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen is app.editor
        assert [p.title for p in app.session.plan.body] == ["总体要求", "保障措施"]
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert [p.title for p in store.load(path).plan.body] == ["总体要求", "保障措施"]
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert app.session.plan.body == []
