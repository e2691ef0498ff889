"""The editor's start: the plan file is read once, and its text decides whether it needs cleaning."""

from __future__ import annotations

import pytest

from planwright.plan import store
from planwright.plan.model import Item, Meta, Plan, Point, Task
from planwright.zh.clean import clean_in_place, toml_may_hold_controls


def test_edit_reads_the_plan_file_once_and_hands_it_to_the_editor(cli, write_sample, tmp_path, monkeypatch):
    import planwright.tui.app as tui_app

    plan = write_sample(tmp_path)
    log = tmp_path / "reads.log"  # a file: a read in the read-ahead child is counted too
    real_load = store.load

    def load(path):
        with log.open("a", encoding="utf-8") as f:
            f.write(f"{path}\n")
        return real_load(path)

    monkeypatch.setattr(store, "load", load)
    handed: list[object] = []
    monkeypatch.setattr(tui_app, "run_editor", lambda path, host, doc=None: handed.append(doc) or 0)
    result = cli("edit", plan)
    assert result.exit_code == 0, result.output
    assert log.read_text(encoding="utf-8").splitlines() == [str(plan)]
    assert isinstance(handed[0], store.PlanDocument) and handed[0].path == plan
    assert handed[0] == real_load(plan)


def _plan_with(text: str) -> Plan:
    task = Task("t1", "做好公开", text, ["区财政局"], [], "2027年6月底", [Item("i1", "第一项", [], [], "")])
    return Plan(Meta(title="2027年示例区政务公开工作要点", year=2027), [], [Point("p1", "一个要点", "", [task])])


@pytest.mark.parametrize("char", ["\x1b[2J", "\x07", "\r", "\x7f", "\x85", "\u2028", "\x00", "\x1b]0;标题\x07"])
def test_a_plan_file_holding_a_control_character_is_always_cleaned(char: str) -> None:
    text = store.dumps(store.new_document(_plan_with(f"公开{char}目录")))
    assert toml_may_hold_controls(text)


@pytest.mark.parametrize(("value", "skipped"), [
    ("公开目录", True), ("第一行\n第二行\t缩进", True), ('引号"和反斜杠', True), ("C:\\new\\table", True),
    ("反斜杠\\在汉字前", False),  # read as a possible escape: a false alarm costs only the full clean
])
def test_a_plan_file_without_control_characters_is_not_walked(value: str, skipped: bool) -> None:
    text = store.dumps(store.new_document(_plan_with(value)))
    read = store.loads(text).plan
    assert read.points[0].tasks[0].text == value
    assert not clean_in_place(read)
    assert toml_may_hold_controls(text) is not skipped


def test_edit_holds_the_collector_off_only_while_the_editor_starts(cli, write_sample, tmp_path, monkeypatch):
    import gc

    import planwright.tui.app as tui_app

    plan = write_sample(tmp_path)
    during: list[bool] = []
    monkeypatch.setattr(tui_app, "run_editor", lambda path, host, doc=None: during.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    result = cli("edit", plan)
    assert result.exit_code == 0, result.output
    assert during == [False]  # reading the plan and building the screen: no collections
    assert gc.isenabled()  # and back on once the editor is done


async def test_the_editor_turns_the_collector_back_on_after_its_first_screen(make_app, settle, write_sample, tmp_path):
    import gc

    app = make_app(write_sample(tmp_path))
    gc.disable()  # as `planwright edit` leaves it for the start
    try:
        async with app.run_test() as pilot:
            await settle(pilot, app)
            assert app.editor.tree.cursor_id is not None  # the first screen is up
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


async def test_the_tree_opens_at_its_top_row_when_the_plan_is_taller_than_the_tree(make_app, settle, tmp_path):
    """The demo plan at 120×36 has a few more rows than the tree shows: the cursor starts on
    要点 一 and the plan's title row above it (which opens 计划信息) stays in view."""
    from planwright.cli.demo import demo_copy

    app = make_app(demo_copy(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, app)
        tree = app.editor.tree
        assert tree.virtual_size.height > tree.scrollable_content_region.height  # taller than the view
        assert tree.scroll_y == 0
        assert tree.cursor_id == app.editor.plan.points[0].id
        top = tree.get_node_at_line(int(tree.scroll_y))
        assert top is tree.root  # drawn as the plan's title


async def test_the_editor_renders_no_frame_that_its_start_would_throw_away(make_app, settle, write_sample, tmp_path,
                                                                         monkeypatch):
    """Textual holds every frame while the app starts, and the start lasts until the editor's
    screen is laid out: its first frame was rendered whole and thrown away. The first frame
    the editor renders is one that is shown, and it shows the plan."""
    from textual._compositor import Compositor

    app = make_app(write_sample(tmp_path))
    held: list[bool] = []  # per render of the editor's screen: were frames being held then?
    real = Compositor.render_update

    def render_update(self, *args, **kwargs):
        held.append(bool(app._batch_count))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "render_update", render_update)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, app)
        assert held and held[0] is False
        assert app.editor.tree.cursor_id is not None
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        assert any("一、" in line for line in lines)


async def test_a_dialog_up_before_the_first_frame_does_not_hold_the_editors_start(make_app, settle, write_sample,
                                                                                 tmp_path, host, monkeypatch):
    """What waits for the editor's first frame (the first check, the collector back on) runs
    even when a dialog (here the recovery offer) comes up before the editor has drawn."""
    import gc

    from planwright.tui.screens.editor import EditorScreen
    from planwright.tui.session import Session

    path = write_sample(tmp_path)
    crashed = Session.open(path, host)
    crashed.set_field("pt2aaa", "title", "未保存的修改")
    assert crashed.write_recovery()
    crashed.release()
    invoke = EditorScreen._invoke_and_clear_callbacks
    held_then: list[bool] = []

    async def offer_while_held(self) -> None:
        # the moment the editor keeps its callbacks for its first frame: the dialog comes now
        if self._callbacks and not held_then:
            held_then.append(self._first_frame_held)
            self.app.offer_pending_recovery()
        await invoke(self)

    monkeypatch.setattr(EditorScreen, "_invoke_and_clear_callbacks", offer_while_held)
    app = make_app(path)
    gc.disable()  # as `planwright edit` leaves it for the start
    try:
        async with app.run_test() as pilot:
            await settle(pilot, app)
            assert type(app.screen).__name__ == "ChoiceDialog"
            assert held_then == [True]  # the dialog came before the editor's first frame
            assert app.editor.checks_shown >= 1
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
