"""F10: the task-division table (重点工作任务分工) as the exports print it.

Rows come from ``planwright.exporting.table_rows`` — the same rows as the .xlsx
and .docx tables: one per item, or per task without items, numbered 1..N.
Sort by number (F2), by lead unit (F3) or by deadline (F4); Enter on a row
goes back to the editor with that task or item selected.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from planwright.zh import deadlines
from planwright.exporting import table_rows
from planwright.plan.model import Plan

_FAR = date.max  # undated deadlines sort last


def division_rows(plan: Plan, parse: Callable[[str], deadlines.Deadline]) -> list[dict]:
    """The table's numbered rows with what sorting needs: lead text and due date."""
    rows = []
    for row in table_rows(plan):
        if row.kind != "row":
            continue
        parsed = parse(row.deadline)
        rows.append({
            "id": row.node_id, "seq": row.seq, "task": row.task, "requirement": row.requirement,
            "lead": "、".join(row.lead), "support": "、".join(row.support), "deadline": row.deadline,
            "due": parsed.due or _FAR,
            "meaning": "" if parsed.kind is deadlines.Kind.NONE else parsed.describe(),
        })
    return rows


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
        self.rows = division_rows(plan, parse)
        self.sorted_by = "seq"

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield DataTable(id="division", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "任务分工表"
        table = self.query_one(DataTable)
        table.add_column("序号", key="seq")
        table.add_column("工作任务", key="task", width=22)
        table.add_column("具体要求", key="requirement", width=34)
        table.add_column("牵头单位", key="lead", width=16)
        table.add_column("配合单位", key="support", width=16)
        table.add_column("时限要求", key="deadline", width=14)
        table.add_column("解析", key="meaning", width=20)
        self._fill()
        table.focus()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        key = {"seq": lambda r: r["seq"], "lead": lambda r: (r["lead"] == "", r["lead"], r["seq"]),
               "due": lambda r: (r["due"], r["seq"])}[self.sorted_by]
        for row in sorted(self.rows, key=key):
            meaning = Text(row["meaning"], "red" if row["meaning"].startswith("无法") else "dim")
            table.add_row(Text(str(row["seq"]), justify="right"), Text(row["task"]),
                          Text(row["requirement"].replace("\n", " ")), Text(row["lead"] or "（无）"),
                          Text(row["support"]), Text(row["deadline"]), meaning, key=row["id"])
        self.sub_title = {"seq": "按序号", "lead": "按牵头单位排序", "due": "按时限排序"}[self.sorted_by]

    def action_sort(self, by: str) -> None:
        self.sorted_by = by
        self._fill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        by = {"seq": "seq", "lead": "lead", "deadline": "due", "meaning": "due"}.get(str(event.column_key.value))
        if by:
            self.action_sort(by)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)
