"""The read-only views show every character: the notice preview, the 分工 table, the per-unit list.

Chinese is folded by cell width here (cjkwrap); these tests read what the
screen shows and compare it with the text the exports print.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from rich.cells import cell_len
from textual.widgets import DataTable, TextArea

from planwright.tui.cjkwrap import NO_LINE_END, NO_LINE_START, cell_lines, wrap_line


@pytest.mark.parametrize("line, width", [
    ("互联网加执法、监管，全面公开。", 8),  # 、 falls at the edge
    ("一二三四（五六）七八", 8),  # an opening mark at the edge
    ("甲乙丙丁”。戊己", 8),  # two closing marks after a full line
    ("，，，，，，，，，，", 6),  # nothing but marks: cut where full
    ("　　各单位要按照“谁公开、谁审查、谁负责”的原则，把好关口。", 12),
])
def test_a_folded_line_keeps_every_character_within_the_width(line, width):
    parts = wrap_line(line, width)
    assert "".join(parts) == line
    assert all(cell_len(part) <= width for part in parts)
    if set(line) - NO_LINE_START:
        assert not any(part[0] in NO_LINE_START for part in parts[1:])
        assert not any(part[-1] in NO_LINE_END for part in parts[:-1])


def walked(line: str, width: int) -> list[str]:
    """The fold done the slow way, character by character: what wrap_line must equal."""
    from planwright.tui.cjkwrap import _carry

    if width < 2 or cell_len(line) <= width:
        return [line]
    out, current, used = [], "", 0
    for ch in line:
        if used + cell_len(ch) > width and current:
            carried = _carry(current, ch)
            out.append(current[:len(current) - len(carried)])
            current, used = carried, sum(cell_len(c) for c in carried)
        current += ch
        used += cell_len(ch)
    return out + [current]


MARKED = st.text(alphabet=st.sampled_from(list("政务公开，。、；：）》”…（《“ab1 　\u200d\ufe0f☺😀")), max_size=90)


@settings(max_examples=400, deadline=None)
@given(MARKED, st.integers(0, 30))
def test_folding_by_running_widths_equals_the_character_walk(line, width):
    assert wrap_line(line, width) == walked(line, width)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("政务公开，。、（“ab\n\u200d")), max_size=200),
       st.integers(0, 12), st.integers(1, 5))
def test_a_cell_cut_to_its_first_lines_folds_only_its_head_and_shows_the_same(text, width, most):
    whole = wrap_line(" ".join(text.split("\n")), width) if text else [""]
    lines = cell_lines(text, width, most)
    if len(whole) <= most:
        assert lines == whole
    else:
        assert lines[:most - 1] == whole[:most - 1] and len(lines) == most and lines[-1].endswith("…")


# the preamble makes the notice long enough for a scrollbar and puts marks at every column
LONG = "、".join(f"第{n}项公开事项按时办结" for n in range(1, 40)) + "。"


def long_preamble(text: str) -> str:
    return text.replace('preamble = "全区政务公开工作要紧扣中心任务，以公开促落实。"', f'preamble = "{LONG}"')


@pytest.mark.parametrize("width", [80, 97, 120])
async def test_the_notice_preview_shows_every_character_of_every_line(sample, make_app, settle, tmp_path, width):
    path = tmp_path / "plan.toml"
    path.write_text(long_preamble(sample), encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("f9")
        await settle(pilot, app)
        area = app.screen.query_one("#notice", TextArea)
        text = app.screen.text
        lines = area.text.split("\n")
        assert "".join(lines) == text.replace("\n", "")  # folding adds line breaks, nothing else
        assert area.max_scroll_y > 0  # long enough for the scrollbar
        room = area.scrollable_content_region.width
        assert all(cell_len(line) < room for line in lines)
        assert not any(line[:1] in NO_LINE_START for line in lines[1:] if line)
        for y in range(area.scrollable_content_region.height):  # what is drawn holds each whole line
            shown = area.render_line(y).text
            assert shown.rstrip().startswith(lines[y].rstrip()), (y, lines[y], shown)
        assert "第39项公开事项按时办结。" in "".join(lines)


MANY = '["区政府各部门", "各街道办事处", "区人力资源社会保障局", "区市场监督管理局"]'


def many_units(text: str) -> str:
    """Long unit lists and a long unit name, for the views that fold them."""
    return (text.replace('support = ["区政府各部门"]', f"support = {MANY}")
            .replace('lead = ["区数据局"]', 'lead = ["区人力资源和社会保障局综合行政执法大队"]'))


def shown_rows(widget, rows: int) -> str:
    return "\n".join(widget.render_line(y).text for y in range(rows))


def shown_column(table: DataTable, key: str, rows: int) -> str:
    """One column's cells as drawn, its lines run together."""
    x = 0
    for column in table.ordered_columns:
        width = column.get_render_width(table)
        if column.key.value == key:
            return "".join(table.render_line(y).crop(x, x + width).text.strip() for y in range(rows))
        x += width
    raise KeyError(key)


async def test_the_division_table_wraps_unit_cells_instead_of_cutting_them(sample, make_app, settle, tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(many_units(sample), encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+b")
        await settle(pilot, app)
        table = app.screen.query_one("#division", DataTable)
        shown = shown_rows(table, 20)
        for name in ("区政府各部门、", "各街道办事处、", "区市场监督管理局"):
            assert name in shown, name  # a name that fits the column stays whole on its line
        assert "区人力资源社会保障局" in shown_column(table, "support", 20)  # longer: folded, all there
        assert "区人力资源和社会保障局综合行政执法大队" in shown_column(table, "lead", 20)
        assert not any(line.lstrip("│ ").startswith("、") for line in shown.splitlines())


async def test_the_unit_view_folds_long_names_and_keeps_the_counts(sample, make_app, settle, tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(many_units(sample), encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+u")
        await settle(pilot, app)
        units = app.screen.query_one("#unit-list")
        shown = shown_rows(units, 30)
        compact = shown.replace(" ", "").replace("\n", "")
        assert "区人力资源和社会保障局综合行政执法大队" in compact.replace("牵头1配合0", "")
        assert "区人力资源和社会保障局综合行政执法大队"[:9] in shown  # the first line holds the head
        assert "牵头1 配合0" in shown and "区财政局" in shown


def _drawn(lines) -> list[list[tuple[str, object]]]:
    """A cell's lines as (character, style) pairs: equal however the segments are split."""
    return [[(ch, segment.style) for segment in line for ch in segment.text] for line in lines]


async def test_the_division_table_draws_its_cells_exactly_as_datatable_would(sample, make_app, settle, tmp_path):
    """FoldedTable draws folded cells itself, without rich: every cell, plain or under the
    cursor or the mouse, on odd and even rows, must come out as DataTable's own drawing."""
    from rich.style import Style

    path = tmp_path / "plan.toml"
    # a tab is left to rich; a full-width space ends a deadline
    path.write_text(many_units(sample).replace('"持续推进"', '"持续\\t推进　"'), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+b")
        await settle(pilot, app)
        table = app.screen.query_one("#division", DataTable)
        compared = 0
        for cursor_type in ("row", "cell"):
            table.cursor_type = cursor_type
            for row in range(table.row_count):
                style = table._get_row_style(row, table.rich_style)
                for column, spec in enumerate(table.ordered_columns):
                    width = spec.get_render_width(table)
                    for cursor, hover in ((False, False), (True, False), (False, True), (True, True)):
                        table._cell_render_cache.clear()
                        ours = table._render_cell(row, column, style, width, cursor, hover)
                        table._cell_render_cache.clear()
                        theirs = DataTable._render_cell(table, row, column, style + Style(), width, cursor, hover)
                        assert _drawn(ours) == _drawn(theirs), (row, spec.key.value, cursor, hover)
                        compared += 1
        assert compared == 2 * 4 * table.row_count * len(table.ordered_columns) > 0
        shown = shown_rows(table, 20)
        assert "区政府各部门、" in shown and "（一）" in shown  # and the table is drawn with them


def test_the_views_modules_are_imported_in_a_thread():
    import subprocess
    import sys

    code = ("import sys\nfrom planwright.tui.warm import VIEWS, warm_views\n"
            "assert not any(name in sys.modules for name in VIEWS)\n"
            "warm_views().join(60)\nprint(all(name in sys.modules for name in VIEWS))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "True"


async def test_the_editor_imports_the_views_once_its_first_screen_is_up(write_sample, make_app, settle, tmp_path,
                                                                       monkeypatch):
    from planwright.tui.screens import editor

    started: list[bool] = []
    monkeypatch.setattr(editor, "warm_views", lambda: started.append(True))
    app = make_app(write_sample(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, app)
        assert started == [True]
