"""F10: the task-division table: every task and item with its units and deadline.

Sort by place (F2), by lead unit (F3) or by deadline (F4); Enter on a row goes
back to the editor with that task selected.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from ... import deadlines, editing
from ...model import Item, Plan, Task
from ...numbering import path_label

_FAR = date.max  # undated deadlines sort last


def task_rows(plan: Plan, parse: Callable[[str], deadlines.Deadline]) -> list[dict]:
    """One row per task and item: place, title, units, deadline and its meaning."""
    rows = []
    for indices, node in editing.walk(plan):
        if not isinstance(node, (Task, Item)):
            continue
        parsed = parse(node.deadline)
        rows.append({
            "id": node.id, "order": indices, "where": path_label(indices),
            "title": node.title if isinstance(node, Task) else node.text,
            "lead": "、".join(node.lead), "support": "、".join(node.support),
            "deadline": node.deadline, "due": parsed.due or _FAR,
            "meaning": "" if parsed.kind is deadlines.Kind.NONE else parsed.describe(),
            "item": isinstance(node, Item),
        })
    return rows


class TableScreen(Screen[str | None]):
    """The 分工 table; dismisses with the id of the row chosen (or None)."""

    BINDINGS = [
        Binding("escape,f10", "dismiss(None)", "返回编辑", key_display="Esc"),
        Binding("f2", "sort('order')", "按序号", key_display="F2"),
        Binding("f3", "sort('lead')", "按牵头单位", key_display="F3"),
        Binding("f4", "sort('due')", "按时限", key_display="F4"),
    ]

    def __init__(self, plan: Plan, parse: Callable[[str], deadlines.Deadline]) -> None:
        super().__init__()
        self.plan = plan
        self.rows = task_rows(plan, parse)
        self.sorted_by = "order"

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield DataTable(id="division", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "任务分工表"
        table = self.query_one(DataTable)
        table.add_column("序号", key="where")
        table.add_column("工作任务", key="title", width=36)
        table.add_column("牵头单位", key="lead", width=18)
        table.add_column("配合单位", key="support", width=18)
        table.add_column("时限要求", key="deadline", width=16)
        table.add_column("解析", key="meaning", width=22)
        self._fill()
        table.focus()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        key = {"order": lambda r: r["order"], "lead": lambda r: (r["lead"] == "", r["lead"], r["order"]),
               "due": lambda r: (r["due"], r["order"])}[self.sorted_by]
        for row in sorted(self.rows, key=key):
            title = ("  " if row["item"] else "") + row["title"].replace("\n", " ")
            meaning = Text(row["meaning"], "red" if row["meaning"].startswith("无法") else "dim")
            table.add_row(Text(row["where"]), Text(title), Text(row["lead"] or "（无）"),
                          Text(row["support"]), Text(row["deadline"]), meaning, key=row["id"])
        self.sub_title = {"order": "按序号", "lead": "按牵头单位排序", "due": "按时限排序"}[self.sorted_by]

    def action_sort(self, by: str) -> None:
        self.sorted_by = by
        self._fill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        by = {"where": "order", "lead": "lead", "deadline": "due", "meaning": "due"}.get(str(event.column_key.value))
        if by:
            self.action_sort(by)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)
