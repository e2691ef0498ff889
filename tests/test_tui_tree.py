"""The plan tree after structural edits: updated in place, and always what a fresh build shows.

Each random sequence of adds, deletes, moves, duplicates, task⇄item turns, expands and
folds, undos and redos is applied through the editor; after every step the tree's rows
(depth, label with its 一、（一）1. number, finding mark, unit count and deadline, fold
state) must equal those of a second tree built afresh from the same plan.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rich.style import Style

from planwright.plan import editing, store
from planwright.plan.model import Item, Meta, Plan, Point, Task
from planwright.tui.widgets.plan_tree import ROOT, PlanTree
from planwright.zh.numbering import Level, marker
from sample_plans import big_plan, jinan_plan, ningguo_plan, township_plan

STEPS = 24  # edits per plan shape
WIDE = 120  # both trees draw their labels this wide, whatever their size on screen


def _items_plan() -> Plan:
    """Three points: one empty, one of tasks with items, one of plain tasks."""
    def task(n: int, items: int) -> Task:
        return Task(id=f"t{n}", title=f"第{n}项任务", text="按期完成。", lead=["区财政局"] if n % 2 else [],
                    deadline="2027年6月底" if n % 3 else "持续推进",
                    items=[Item(id=f"t{n}i{k}", text=f"事项{k}", deadline="2027年9月底") for k in range(items)])
    return Plan(Meta(title="2027年样例区政务公开工作要点", style="jinan", year=2027), [], [
        Point(id="p0", title="空的要点"),
        Point(id="p1", title="有事项的任务", tasks=[task(n, n % 3) for n in range(1, 8)]),
        Point(id="p2", title="普通任务", tasks=[task(n, 0) for n in range(8, 20)]),
    ])


SHAPES = {"jinan": jinan_plan, "ningguo": ningguo_plan, "township": township_plan,
          "items": _items_plan, "long": lambda: big_plan(40)}


def _write(plan: Plan, folder: Path) -> Path:
    path = folder / "plan.toml"
    store.save(store.new_document(plan), path)
    return path


def rows(tree: PlanTree) -> list[tuple[int, str, bool, bool]]:
    """What the tree shows: per line its depth, label, and whether it is open / can open."""
    return [(len(line.path), tree.render_label(line.node, Style(), Style()).plain,
             line.node.is_expanded, line.node.allow_expand) for line in tree._tree_lines]


def index(tree: PlanTree) -> dict[str, tuple[int, tuple[int, ...]]]:
    """Every model node the tree knows (by object) with the number it would draw it with."""
    return {key: (id(node), tree.indices_of(key)) for key, node in tree._models.items()}


def attached(tree: PlanTree) -> bool:
    """Every id the tree knows is a node reachable from the root, under its model parent."""
    reachable = {id(line.node) for line in tree._tree_lines}
    for node_id, tree_node in tree._by_id.items():
        if node_id == ROOT:
            continue
        parent = tree_node.parent
        if parent is None or tree_node not in parent.children:
            return False
        if parent.is_expanded and all(p.is_expanded for p in _ancestors(parent)) and id(tree_node) not in reachable:
            return False
    return True


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def _all_ids(plan: Plan) -> list[str]:
    return [node.id for _, node in editing.walk(plan)]


async def _fresh_tree(app) -> PlanTree:
    fresh = PlanTree(id="fresh")
    fresh.styles.display = "none"
    await app.editor.mount(fresh)
    return fresh


def _wide(monkeypatch) -> None:
    monkeypatch.setattr(PlanTree, "_label_width", lambda self, node: WIDE - self._depth(node) * 3)


async def _step(rng: random.Random, pilot, app) -> str:
    """One random edit through the editor (the cursor first put on a random node)."""
    editor, tree = app.editor, app.editor.tree
    ids = _all_ids(editor.plan)
    if ids and rng.random() < 0.8:
        tree.select_id(rng.choice(ids))
        await pilot.pause()
    task_nodes = [n for n in tree._by_id.values() if n.allow_expand and isinstance(tree.node_of(n.data or ""), Task)]
    op = rng.choice(["add_point", "add_task", "add_task", "add_item", "delete", "up", "down", "toggle",
                     "duplicate", "move_to", "undo", "undo", "redo", "fold"])
    if op == "fold" and task_nodes:
        tree._toggle_node(rng.choice(task_nodes))  # what a click on a row's arrow does
    elif op == "up" or op == "down":
        editor.action_move(-1 if op == "up" else 1)
    elif op == "toggle":
        editor.action_toggle_kind()
    elif op == "move_to":
        node_id = editor.current
        if node_id and isinstance(tree.node_of(node_id), Task) and editor.plan.points:
            editor.edit("移到其他要点", editing.move_to_point, node_id, rng.choice(editor.plan.points).id)
    elif op != "fold":
        getattr(editor, f"action_{op}")()
    await pilot.pause()
    return op


@pytest.mark.parametrize("shape", sorted(SHAPES))
async def test_random_edits_leave_the_tree_as_a_fresh_build_shows_it(shape, tmp_path, make_app, settle, monkeypatch):
    _wide(monkeypatch)
    app = make_app(_write(SHAPES[shape](), tmp_path))
    rng = random.Random(shape)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, app)
        fresh = await _fresh_tree(app)
        tree = app.editor.tree
        for n in range(STEPS):
            op = await _step(rng, pilot, app)
            fresh._folded = dict(tree._folded)
            fresh.deadline_parser = tree.deadline_parser
            fresh.marks, fresh.inner_marks = tree.marks, tree.inner_marks
            fresh.rebuild(app.editor.plan, keep_cursor=tree.cursor_id)
            fresh._finish_loading()
            assert rows(tree) == rows(fresh), f"step {n}: {op}"
            assert attached(tree), f"step {n}: {op}"
            assert index(tree) == index(fresh), f"step {n}: {op}"  # items of folded tasks too
            cursor = tree.cursor_id
            assert cursor is not None and tree.cursor_node is tree._by_id[cursor]
            assert tree._tree_lines[tree.cursor_line].node is tree.cursor_node
            if cursor != ROOT:
                assert app.editor.form.node is tree.node_of(cursor), f"step {n}: {op}"


async def test_an_added_task_renumbers_the_siblings_after_it_and_touches_no_other_row(tmp_path, make_app, settle,
                                                                                  select):
    app = make_app(_write(_items_plan(), tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, app)
        tree = app.editor.tree
        tree._by_id["t2"].expand()  # opened by the clerk: stays open
        await select(pilot, app, "t1")
        before = dict(tree._by_id)
        app.editor.action_add_task()
        await settle(pilot, app)
        new = tree.cursor_id
        assert app.editor.plan.points[1].tasks[1].id == new
        labels = {line.node.data: tree.render_label(line.node, Style(), Style()).plain for line in tree._tree_lines}
        assert "（二）（未填写）" in labels[new]
        assert "（三）第2项任务" in labels["t2"] and "（八）第7项任务" in labels["t7"]
        assert "1.事项0" in labels["t2i0"]  # the open task's items are still shown
        assert all(tree._by_id[k] is v for k, v in before.items())  # every other row kept its node
        assert tree._by_id["t2"].is_expanded
        app.editor.action_undo()
        await settle(pilot, app)
        assert new not in tree._by_id and tree.cursor_id == "t1"
        assert all(tree._by_id[k] is v for k, v in before.items())


async def test_a_big_plan_draws_its_first_screen_before_all_rows_are_made(tmp_path, make_app, settle):
    app = make_app(_write(big_plan(2000), tmp_path))
    made_at_first_frame: list[int] = []
    display = app._display  # Textual 8.2.8: every frame for the terminal passes here

    def first_frame(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None and screen.id == "editor" and not made_at_first_frame:
            made_at_first_frame.append(len(screen.tree._by_id))

    app._display = first_frame
    async with app.run_test(size=(140, 40)) as pilot:
        tree = app.editor.tree
        await settle(pilot, app)
        for _ in range(100):
            if tree._loading is None:
                break
            await pilot.pause(0.05)
        assert 40 < made_at_first_frame[0] < 500  # a screenful, not 2,000 rows
        assert len(tree._tree_lines) == 2002
        assert f"{marker(Level.TASK, 2000)}落实第2000项公开任务" in rows(tree)[-1][1]
        tree.select_id("t1999")
        assert tree.cursor_id == "t1999"


async def _all_rows(pilot, table, expected: int) -> None:
    for _ in range(100):
        if table.row_count >= expected:
            break
        await pilot.pause(0.05)
    await pilot.pause(0.1)


async def test_the_division_table_and_unit_view_of_a_big_plan_fill_in_chunks_to_every_row(tmp_path, make_app,
                                                                                          settle):
    from textual.widgets import DataTable

    from planwright.tui.screens import table as table_screen

    app = make_app(_write(big_plan(300), tmp_path))
    first_frame: list[int] = []
    display = app._display  # Textual 8.2.8: every frame for the terminal passes here

    def frame(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None and isinstance(screen, table_screen.TableScreen) and not first_frame:
            table = screen.query_one(DataTable)
            first_frame.append((table.row_count, sum(row.height for row in table.rows.values())))

    app._display = frame
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("f10")
        table = app.screen.query_one("#division", DataTable)
        await pilot.press("f3")  # sorted again while filling: the older chunks stop
        await _all_rows(pilot, table, 300)
        keys = [table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(table.row_count)]
        assert len(keys) == 300 and len(set(keys)) == 300
        await pilot.press("f2")
        await _all_rows(pilot, table, 300)
        assert [str(table.get_cell_at((r, 0))) for r in (0, 1, 299)] == ["1", "2", "300"]
        (drawn, lines), = first_frame
        assert drawn < 300 and lines >= 40  # drawn with a screenful (40 lines), the rest came after
        view = app.screen
        await pilot.press("escape")
        await settle(pilot, app)
        # closed, the view lets go of its rows at once (not with its widgets' cycle, at the next full collection)
        assert table.row_count == 0 and view.rows == [] and not table._data
        app.editor.action_units()
        await settle(pilot, app)
        tasks = app.screen.query_one("#unit-tasks", DataTable)
        await _all_rows(pilot, tasks, 300)
        assert tasks.row_count == 300  # 区政府各部门 leads every task
        view = app.screen
        await pilot.press("escape")
        await settle(pilot, app)
        assert tasks.row_count == 0 and view.units == []


async def test_rows_added_below_the_screen_scroll_into_view_and_the_scrollbar_follows(tmp_path, make_app, settle,
                                                                                      select):
    """An add or undo changes the tree's height without laying the screen out again: the
    scrollbar still measures every row (and shows once the rows no longer fit), and the new
    row at the bottom is scrolled to."""
    app = make_app(_write(big_plan(24), tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, app)
        tree = app.editor.tree
        await select(pilot, app, "t24")
        assert not tree.show_vertical_scrollbar  # 26 rows fit
        for n in range(1, 13):
            app.editor.action_add_task()
            await settle(pilot, app)
            rows = len(tree._tree_lines)
            assert rows == 26 + n  # the plan's row, the point's, its 24 tasks and the new ones
            assert tree.virtual_size.height == rows
            assert tree.show_vertical_scrollbar == (rows > tree.scrollable_content_region.height)
            if tree.show_vertical_scrollbar:
                assert tree.vertical_scrollbar.window_virtual_size == rows
            assert tree.scroll_y <= tree.cursor_line < tree.scroll_y + tree.scrollable_content_region.height
            assert tree.cursor_line == rows - 1
            assert tree.max_scroll_y == max(0, rows - tree.scrollable_content_region.height)
        assert tree.show_vertical_scrollbar and tree.scroll_y > 0
        for _ in range(12):
            app.editor.action_undo()
            await settle(pilot, app)
        assert len(tree._tree_lines) == 26 and tree.virtual_size.height == 26
        assert tree.cursor_id == "t24" and tree.scroll_y <= tree.cursor_line < tree.scroll_y + tree.size.height


def _cells(strip) -> list[tuple]:
    """A drawn row cell by cell: the character and everything its style says (metadata too)."""
    return [(ch, s._color, s._bgcolor, s._attributes, s._set_attributes, s._link, s.meta)
            for segment in strip for ch, s in ((c, segment.style) for c in segment.text)]


async def test_rows_are_drawn_cell_for_cell_as_textuals_tree_draws_them(tmp_path, make_app, settle, select):
    """PlanTree draws its rows as segments directly; Textual's Tree._render_line, drawing the
    same labels through Text, is the reference: guides, fold icons, marks, the cursor, the
    mouse's hover, focus and blur, and the mouse metadata of every cell."""
    from textual.widgets import Tree

    app = make_app(_write(_items_plan(), tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        tree = app.editor.tree
        tree.set_marks([])
        tree.marks, tree.inner_marks = {"t1": "error", "t3": "warning"}, {"p1": "info"}
        tree._by_id["t2"].expand()
        await select(pilot, app, "t2i1")

        def compare(state: str) -> None:
            tree._line_cache.clear()
            style, width = tree.rich_style, tree.size.width
            for y in range(len(tree._tree_lines) + 1):
                ours = tree._render_line(y, 0, width, style)
                tree._line_cache.clear()
                theirs = Tree._render_line(tree, y, 0, width, style)
                tree._line_cache.clear()
                assert _cells(ours) == _cells(theirs), f"{state}, row {y}"
                assert ours.cell_length == theirs.cell_length

        tree.focus()
        await settle(pilot, app)
        compare("focused, cursor on an item")
        tree.hover_line = 4
        tree._tree_lines[4].node._hover = True
        compare("hover")
        app.editor.form.query_one("#title").focus()
        await settle(pilot, app)
        compare("blurred")


async def test_a_deadline_no_rule_reads_stands_out_in_red_on_its_row(tmp_path, make_app, settle):
    plan = _items_plan()
    plan.points[2].tasks[0].deadline = "择机开展"  # no rule reads it: the row shows ?择机开展
    app = make_app(_write(plan, tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, app)
        tree = app.editor.tree
        shown = {}
        for y, line in enumerate(tree._tree_lines):
            if line.node.data in ("t8", "t10"):
                strip = tree._render_line(y, 0, tree.size.width, tree.rich_style)
                shown[line.node.data] = {seg.text.strip(): seg.style for seg in strip if seg.text.strip()}
        unread = next(style for text, style in shown["t8"].items() if text.startswith("?择机"))
        read = next(style for text, style in shown["t10"].items() if text == "06-30")
        assert unread.color is not None and unread.color.name == "red" and unread.dim
        assert read.color != unread.color and read.dim
