"""Ctrl+\\ : the agenda — every dated task and item by month, overdue and due-soon marked,
filtered by unit. Enter on a row goes back to the editor with it selected.

Dates are the deadline parser's (the same reading the checker and the 分工 table
use); a deadline without a date (持续推进) is not on the agenda.

The rows go into a ``FoldedTable`` through ``LazyRows``, as in the 分工 table:
a screenful before the first frame, the rest a chunk at a time. Added one by
one to a DataTable, which then measured every cell, a 1,000-task plan's agenda
took about half a second of CPU to open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterator

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, OptionList
from textual.widgets.option_list import Option

from planwright.plan import editing
from planwright.plan.model import Item, Plan, Task
from planwright.tui.cjkwrap import cell_lines
from planwright.tui.screens.table import LazyRows
from planwright.tui.widgets.folded_table import Folded, FoldedRow, FoldedTable
from planwright.tui.widgets.footer import Footer
from planwright.tui.widgets.header import Header
from planwright.zh import deadlines
from planwright.zh.numbering import path_label

SOON = 30  # days ahead that count as 即将到期
ALL = "（全部单位）"


@dataclass(frozen=True)
class Entry:
    due: dt.date
    node_id: str
    where: str
    title: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    deadline: str

    def status(self, today: dt.date) -> str:
        if self.due < today:
            return "已逾期"
        return "即将到期" if (self.due - today).days <= SOON else ""


def agenda(plan: Plan, parse: Callable[[str], deadlines.Deadline], unit: str | None = None) -> list[Entry]:
    """Dated tasks and items in date order; with ``unit``, only those it leads or supports."""
    out = []
    for indices, node in editing.walk(plan):
        if not isinstance(node, (Task, Item)) or not node.deadline:
            continue
        due = parse(node.deadline).due
        if due is None or (unit and unit not in (*node.lead, *node.support)):
            continue
        title = node.title if isinstance(node, Task) else node.text.splitlines()[0] if node.text else ""
        out.append(Entry(due, node.id, path_label(indices), title, tuple(node.lead), tuple(node.support),
                         node.deadline))
    return sorted(out, key=lambda e: (e.due, e.where))


class AgendaScreen(Screen[str | None]):
    """Units left (filter), the months right; dismisses with the id of the row chosen."""

    BINDINGS = [Binding("escape,ctrl+backslash", "dismiss(None)", "返回编辑", key_display="Esc")]

    def __init__(self, plan: Plan, parse: Callable[[str], deadlines.Deadline], today: dt.date | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.parse = parse
        self.today = today or dt.date.today()
        self.units = [ALL] + plan.unit_names()
        self.entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Horizontal():
            yield OptionList(*[Option(Text(u), id=str(n)) for n, u in enumerate(self.units)], id="agenda-units")
            yield FoldedTable(id="agenda", cursor_type="row", zebra_stripes=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "日程"
        table = self.query_one(FoldedTable)
        for key, title, width in (("due", "日期", 10), ("status", "状态", 8), ("where", "位置", 10),
                                  ("title", "任务", 36), ("lead", "牵头", 16)):
            table.add_column(title, key=key, width=width)
        self.lazy = LazyRows(table, self._fold)  # a screenful first, the rest a chunk at a time
        units = self.query_one(OptionList)
        units.highlighted = 0
        self.show(None)
        table.focus()

    @on(OptionList.OptionHighlighted, "#agenda-units")
    def _unit(self, event: OptionList.OptionHighlighted) -> None:
        n = int(event.option_id or 0)
        self.show(None if n == 0 else self.units[n])

    def show(self, unit: str | None) -> None:
        self.entries = agenda(self.plan, self.parse, unit)
        self.lazy.fill(self._rows())
        overdue = sum(e.status(self.today) == "已逾期" for e in self.entries)
        soon = sum(e.status(self.today) == "即将到期" for e in self.entries)
        self.sub_title = (f"{unit or '全部单位'}：{len(self.entries)} 项有日期，已逾期 {overdue}，"
                          f"{SOON} 天内到期 {soon}（以 {self.today.isoformat()} 计）")

    def _rows(self) -> Iterator[tuple[bool, int, Entry]]:
        """(opens a month, n, entry): a month's heading row, then its entries."""
        month = None
        for n, entry in enumerate(self.entries):
            if (entry.due.year, entry.due.month) != month:
                month = (entry.due.year, entry.due.month)
                yield True, n, entry
            yield False, n, entry

    def _fold(self, row: tuple[bool, int, Entry]) -> FoldedRow:
        heading, n, entry = row
        if heading:
            return f"month:{n}", [Folded([f"{entry.due.year}年{entry.due.month}月"], "bold"),
                                  *[Folded([""]) for _ in range(4)]], 1
        status = entry.status(self.today)
        style = {"已逾期": "bold red", "即将到期": "bold yellow"}.get(status, "")
        title = cell_lines(entry.title, 36)
        lead = cell_lines("、".join(entry.lead), 16)
        cells = [Folded([entry.due.strftime("%m-%d")]), Folded([status], style), Folded([entry.where]),
                 Folded(title), Folded(lead)]
        return f"{n}:{entry.node_id}", cells, max(len(title), len(lead))

    def on_unmount(self) -> None:
        self.entries = []  # the rows go now, not with the closed screen's cycle (FoldedTable.on_unmount)
        self.lazy.stop()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        key = str(event.row_key.value)
        if not key.startswith("month:"):
            self.dismiss(key.split(":", 1)[1])
