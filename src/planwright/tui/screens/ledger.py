"""Ctrl+^ : the ledger (台账) view — every task by due date, coloured as ``planwright ledger
status`` colours it, filtered by unit; Enter records a unit's report by hand.

The reports live in the ledger file beside the plan (``2027.ledger.toml``), not
in the plan: a report typed here is written to that file at once (atomically),
with 手工录入 as its source, and is not part of the plan's undo history.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from planwright.ledger.model import STATES, Ledger, LedgerError, Report, ledger_path, load_ledger, save_ledger
from planwright.ledger.status import LABELS, TaskStatus, status
from planwright.plan.model import Plan
from planwright.tui.cjkwrap import cell_lines
from planwright.tui.widgets.clean_paste import CleanInput
from planwright.tui.widgets.footer import Footer
from planwright.tui.widgets.header import Header
from planwright.zh import deadlines

ALL = "（全部单位）"
STYLES = {"red": "bold white on red", "yellow": "bold black on yellow", "blue": "bold white on blue",
          "green": "bold white on green", "none": ""}
MANUAL = "手工录入"
FIELDS = (("progress", "进展情况"), ("problems", "存在问题"), ("next_steps", "下步打算"), ("evidence", "佐证材料"))


class ReportDialog(ModalScreen[Report | None]):
    """One unit's report on one task: state, percent and the four texts."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消"), Binding("ctrl+s", "save", "保存", priority=True)]

    def __init__(self, title: str, units: Sequence[str], unit: str, held: Report | None) -> None:
        super().__init__()
        self.task_title, self.units, self.unit, self.held = title, list(units), unit, held

    def compose(self) -> ComposeResult:
        held = self.held or Report(self.unit)
        with Vertical(id="ledger-report"):
            yield Label(Text(f"录入报送：{self.task_title}"))
            yield Select([(u, u) for u in self.units], value=self.unit, allow_blank=False, id="unit")
            yield Select([(s, s) for s in STATES], value=held.state, allow_blank=False, id="state")
            yield CleanInput(str(held.percent), placeholder="完成进度（%）0–100", id="percent", select_on_focus=False)
            for name, caption in FIELDS:
                yield CleanInput(getattr(held, name), placeholder=caption, id=name, select_on_focus=False)
            yield Button("保存 (Ctrl+S)", id="save", variant="primary")

    @on(Select.Changed, "#unit")
    def _unit(self, event: Select.Changed) -> None:
        self.unit = str(event.value)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        text = self.query_one("#percent", Input).value.strip().rstrip("%％")
        try:
            percent = round(float(text or 0))
        except ValueError:
            percent = -1
        if not 0 <= percent <= 100:
            self.notify(f"完成进度“{text}”应为 0 到 100 之间的数字", severity="error", markup=False)
            return
        values = {name: self.query_one(f"#{name}", Input).value.strip() for name, _ in FIELDS}
        state = str(self.query_one("#state", Select).value)
        self.dismiss(Report(unit=self.unit, state=state, percent=percent, source=MANUAL,
                            updated=dt.datetime.now().replace(microsecond=0).isoformat(), **values))


class LedgerScreen(Screen[str | None]):
    """Units left (filter), tasks right by due date, coloured; Enter records a report."""

    BINDINGS = [Binding("escape,ctrl+circumflex_accent", "dismiss(None)", "返回编辑", key_display="Esc"),
                Binding("ctrl+g", "jump", "到任务", key_display="^G")]

    def __init__(self, plan: Plan, plan_path: Path, phrases: Sequence[deadlines.DeadlinePhrase] = (),
                 today: dt.date | None = None) -> None:
        super().__init__()
        self.plan, self.path, self.phrases = plan, ledger_path(plan_path), tuple(phrases)
        self.today = today or dt.date.today()
        self.units = [ALL] + plan.unit_names()
        self.unit: str | None = None
        self.rows: list[TaskStatus] = []
        try:
            self.ledger = load_ledger(self.path)
            self.error = ""
        except LedgerError as exc:
            self.ledger, self.error = Ledger(), str(exc)

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Horizontal():
            yield OptionList(*[Option(Text(u), id=str(n)) for n, u in enumerate(self.units)], id="ledger-units")
            yield DataTable(id="ledger", cursor_type="row", zebra_stripes=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "台账"
        table = self.query_one(DataTable)
        for key, title, width in (("mark", "标识", 8), ("due", "时限", 10), ("where", "位置", 10),
                                  ("title", "任务", 34), ("lead", "牵头", 14), ("state", "状态", 12)):
            table.add_column(title, key=key, width=width)
        self.query_one(OptionList).highlighted = 0
        if self.error:
            self.notify(self.error, severity="error", markup=False, timeout=8)
        self.show(None)
        table.focus()

    @on(OptionList.OptionHighlighted, "#ledger-units")
    def _unit(self, event: OptionList.OptionHighlighted) -> None:
        n = int(event.option_id or 0)
        self.show(None if n == 0 else self.units[n])

    def show(self, unit: str | None) -> None:
        self.unit = unit
        result = status(self.plan, self.ledger, self.today, self.phrases)
        self.rows = [t for t in result.tasks if unit is None or unit in t.task.units]
        table = self.query_one(DataTable)
        table.clear()
        for n, t in enumerate(self.rows):
            title = cell_lines(t.task.title, 34)
            lead = cell_lines("、".join(t.task.lead), 14)
            due = t.task.due.isoformat() if t.task.due else t.task.deadline or "未定"
            table.add_row(Text(LABELS[t.state], STYLES[t.colour]), Text(due), Text(t.task.path),
                          Text("\n".join(title)), Text("\n".join(lead)), Text(f"{t.reported} {t.percent}%"),
                          height=max(len(title), len(lead)), key=f"{n}:{t.task.id}")
        counts = {k: sum(t.state == k for t in self.rows) for k in ("overdue", "behind", "due_soon", "completed")}
        self.sub_title = (f"{unit or '全部单位'}：{len(self.rows)} 项，" +
                          "，".join(f"{LABELS[k]} {n}" for k, n in counts.items()) +
                          f"（以 {self.today.isoformat()} 计；Enter 录入报送）")

    def _current(self) -> TaskStatus | None:
        table = self.query_one(DataTable)
        return self.rows[table.cursor_row] if self.rows and 0 <= table.cursor_row < len(self.rows) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        current = self._current()
        if current is None:
            return
        task = current.task
        units = list(task.units)
        unit = self.unit if self.unit in units else units[0]
        self.app.push_screen(ReportDialog(task.title, units, unit, self.ledger.held(task.id, unit)),
                             lambda report: self._record(task.id, report))

    def _record(self, node_id: str, report: Report | None) -> None:
        if report is None:
            return
        self.ledger.plan_title = self.plan.meta.title
        self.ledger.put(node_id, report)
        try:
            save_ledger(self.ledger, self.path)
        except OSError as exc:
            self.notify(f"{self.path}: 无法写入台账：{exc.strerror or exc}", severity="error", markup=False)
            return
        self.notify(f"已记入台账：{report.unit} {report.state} {report.percent}%（{self.path.name}）", markup=False)
        self.show(self.unit)

    def action_jump(self) -> None:
        current = self._current()
        if current is not None:
            self.dismiss(current.task.id)
