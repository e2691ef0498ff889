"""F10 / Ctrl+B: the task-division table (重点工作任务分工) as the exports print it.

Rows come from ``planwright.exporting.table_rows`` — the same rows as the .xlsx
and .docx tables: one per item, or per task without items, numbered 1..N.
Sort by number (F2), by lead unit (F3) or by deadline (F4); Enter on a row
goes back to the editor with that task or item selected. Cells are folded to
their column (cjkwrap) and rows are as tall as their longest cell, so no unit
name is cut; the requirement shows its first lines (Enter opens the whole).
A big plan's table shows its first screenful at once and takes in the rest a
chunk at a time (``LazyRows``): folding and measuring 2,000 rows took half a
second before anything showed. The plan is walked as the rows are wanted
(``exporting.iter_table_rows``), so the first screenful does not wait for the
last point either; a sort by unit or deadline takes the rest first. The rows go
into a ``FoldedTable``, which takes them in batches with the heights the folding
found and measures nothing.
"""

from __future__ import annotations

from datetime import date
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer

from planwright.zh import deadlines
from planwright.exporting.table import iter_table_rows
from planwright.plan.model import Plan
from planwright.tui.cjkwrap import cell_lines, unit_lines
from planwright.tui.widgets.folded_table import Folded, FoldedRow, FoldedTable
from planwright.tui.widgets.header import Header

_FAR = date.max  # undated deadlines sort last
# column: (title, width, most lines shown; 0 = all)
COLUMNS = {"seq": ("序号", 4, 0), "task": ("工作任务", 22, 0), "requirement": ("具体要求", 34, 4),
           "lead": ("牵头单位", 16, 0), "support": ("配合单位", 16, 0), "deadline": ("时限要求", 14, 0),
           "meaning": ("解析", 20, 0)}


def wrapped_row(values: dict[str, tuple[str | list[str], str]],
                columns: dict[str, tuple[str, int, int]]) -> tuple[list[Folded], int]:
    """Cells folded to their columns ({key: (text or unit names, style)}), and the row's height."""
    cells, height = [], 1
    for key, (_, width, most) in columns.items():
        text, style = values[key]
        lines = unit_lines(text, width) if isinstance(text, list) else cell_lines(text, width, most)
        height = max(height, len(lines))
        cells.append(Folded(lines, style, "right" if key == "seq" else "left"))
    return cells, height


CHUNK = 120  # rows added per turn of the event loop after that (keys are answered in between)


class LazyRows:
    """Fills a FoldedTable with ``fold(row)``: a screenful now, the rest after the first paint.

    A new ``fill`` (a sort, another unit) stops the chunks of the one before.
    """

    def __init__(self, table: FoldedTable, fold: Callable[[Any], FoldedRow]) -> None:
        self.table, self.fold = table, fold
        self.rows: Iterator[Any] = iter(())
        self.more = False  # rows may be left to take
        self.generation = 0

    def fill(self, rows: Iterable[Any]) -> None:
        """Show ``rows`` (a list, or an iterator that makes them as they are taken)."""
        self.rows, self.more = iter(rows), True
        self.generation += 1
        self.table.set_rows(self._screenful())
        if self.more:
            generation = self.generation
            self.table.call_after_refresh(self._more, generation)

    def _screenful(self) -> list[FoldedRow]:
        """The rows added before the view is first drawn: as many lines as the terminal has
        (a row is at least a line), so that the first frame is full whatever the rows' heights."""
        rows, lines, room = [], 0, self.table.app.size.height
        for row in self.rows:
            rows.append(self.fold(row))
            lines += rows[-1][2]
            if lines >= room:
                return rows
        self.more = False
        return rows

    def _next(self, count: int | None) -> list[FoldedRow]:
        rows = [self.fold(row) for row in islice(self.rows, count)]
        self.more = count is not None and len(rows) == count
        return rows

    def _more(self, generation: int) -> None:
        if generation != self.generation:
            return  # refilled meanwhile
        self.table.append_rows(self._next(CHUNK))
        if self.more:
            self.table.call_later(self._more, generation)

    def stop(self) -> None:
        """No more rows: the chunks still to come are dropped (the view is closing)."""
        self.rows, self.more = iter(()), False
        self.generation += 1

    def finish(self) -> None:
        """Every row now (a test, or a caller that reads them all)."""
        self.table.append_rows(self._next(None))
        self.more = False


def division_rows(plan: Plan, parse: Callable[[str], deadlines.Deadline]) -> Iterator[dict]:
    """The table's numbered rows with what sorting needs (lead text and due date), as they are taken."""
    meant: dict[str, tuple[date, str]] = {}  # a plan writes a few dozen deadline phrases thousands of times
    for row in iter_table_rows(plan):
        if row.kind != "row":
            continue
        if row.deadline not in meant:
            parsed = parse(row.deadline)
            meant[row.deadline] = (parsed.due or _FAR,
                                   "" if parsed.kind is deadlines.Kind.NONE else parsed.describe())
        due, meaning = meant[row.deadline]
        yield {
            "id": row.node_id, "seq": row.seq, "task": row.task, "requirement": row.requirement,
            "lead": "、".join(row.lead), "support": "、".join(row.support), "deadline": row.deadline,
            "lead_units": list(row.lead), "support_units": list(row.support), "due": due, "meaning": meaning,
        }


class TableScreen(Screen[str | None]):
    """The 分工 table; dismisses with the id of the row chosen (or None)."""

    BINDINGS = [
        Binding("escape,f10,ctrl+b", "dismiss(None)", "返回编辑", key_display="Esc"),
        Binding("f2", "sort('seq')", "按序号", key_display="F2"),
        Binding("f3", "sort('lead')", "按牵头单位", key_display="F3"),
        Binding("f4", "sort('due')", "按时限", key_display="F4"),
    ]

    def __init__(self, plan: Plan, parse: Callable[[str], deadlines.Deadline]) -> None:
        super().__init__()
        self.plan = plan
        self.rows: list[dict] = []  # the rows made so far; all of them once ``_walk`` has ended
        self._walk = self._kept(division_rows(plan, parse))
        self.sorted_by = "seq"

    def _kept(self, rows: Iterator[dict]) -> Iterator[dict]:
        for row in rows:
            self.rows.append(row)
            yield row

    def all_rows(self) -> list[dict]:
        """Every row of the table (the rest of the plan walked now, if it was not yet)."""
        for _ in self._walk:
            pass
        return self.rows

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield FoldedTable(id="division", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "任务分工表"
        table = self.query_one(FoldedTable)
        for key, (title, width, _) in COLUMNS.items():
            table.add_column(title, key=key, width=width)
        self.lazy = LazyRows(table, self._fold)
        self._fill()
        table.focus()

    def _fill(self) -> None:
        key = {"seq": lambda r: r["seq"], "lead": lambda r: (r["lead"] == "", r["lead"], r["seq"]),
               "due": lambda r: (r["due"], r["seq"])}[self.sorted_by]
        if self.sorted_by == "seq" and not self.rows:
            self.lazy.fill(self._walk)  # in the plan's order: the walk makes the rows as they are shown
        else:
            self.lazy.fill(sorted(self.all_rows(), key=key))
        self.sub_title = {"seq": "按序号", "lead": "按牵头单位排序", "due": "按时限排序"}[self.sorted_by]

    @staticmethod
    def _fold(row: dict) -> FoldedRow:
        """The row's cells folded to their columns, once: a sort shows the same cells again."""
        if "folded" not in row:
            values = {"seq": (str(row["seq"]), ""), "task": (row["task"], ""),
                      "requirement": (row["requirement"], ""), "lead": (row["lead_units"] or ["（无）"], ""),
                      "support": (row["support_units"], ""), "deadline": (row["deadline"], ""),
                      "meaning": (row["meaning"], "red" if row["meaning"].startswith("无法") else "dim")}
            row["folded"] = (row["id"], *wrapped_row(values, COLUMNS))
        return row["folded"]

    def on_unmount(self) -> None:
        # the rows go now, not with the closed screen's cycle (see FoldedTable.on_unmount)
        self.rows, self._walk = [], iter(())
        self.lazy.stop()

    def action_sort(self, by: str) -> None:
        self.sorted_by = by
        self._fill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        by = {"seq": "seq", "lead": "lead", "deadline": "due", "meaning": "due"}.get(str(event.column_key.value))
        if by:
            self.action_sort(by)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)
