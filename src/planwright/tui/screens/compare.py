"""F12 / Ctrl+O: this plan (as on screen) against another year's plan file.

The summary on top, the aligned rows in the middle (one per change, coloured by
status), the redline of the selected pair below. The comparison is
``planwright.compare`` — what ``planwright diff`` prints — run in a
thread on a copy of the plan. Enter on a row goes back to edit that node.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

import planwright
from planwright.plan import editing
from planwright.plan.model import Plan
from planwright.tui.widgets.footer import Footer
from planwright.tui.widgets.header import Header

if TYPE_CHECKING:
    from planwright.diffing import Change, Comparison
    from planwright.host import Host

def compare_with(old_path: Path, plan: Plan, host: "Host", new_label: str) -> "Comparison":
    """The comparison the CLI's ``diff`` makes (``planwright.compare``), with the open plan as the new side."""
    comparison = planwright.compare(old_path, plan, host=host)
    comparison.new_label = new_label
    return comparison


class CompareScreen(Screen[str | None]):
    """Aligned changes between two plans; dismisses with a node id to edit, or None."""

    BINDINGS = [
        Binding("escape,f12", "dismiss(None)", "返回编辑", key_display="Esc"),
        Binding("f2", "toggle_quiet", "显示/隐藏未变项", key_display="F2"),
    ]

    def __init__(self, old_path: Path, plan: Plan, host: "Host", new_label: str = "") -> None:
        super().__init__()
        self.plan = editing.copy_plan(plan)  # the editor may change the plan while we compare
        self.old_path, self.host = old_path, host
        self.new_label = new_label or "（编辑中的计划）"
        self.comparison: "Comparison | None" = None
        self.show_quiet = False
        self.rows: list["Change"] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static("正在对比……", id="compare-summary", markup=False)
        yield DataTable(id="changes", cursor_type="row")
        with VerticalScroll(id="redline-box"):
            yield Static("", id="redline", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "年度对比"
        self.sub_title = f"{self.old_path.name} → {self.new_label}"
        table = self.query_one(DataTable)
        table.add_column("状态", key="status")
        table.add_column("层级", key="level")
        table.add_column(f"旧：{self.old_path.name}", key="old", width=40)
        table.add_column("新：本计划", key="new", width=40)
        table.add_column("单位/时限", key="fields", width=24)
        self.query_one("#redline-box").border_title = "所选一项的修订"
        self._run()

    @work(thread=True, exclusive=True, group="compare")
    def _run(self) -> None:
        try:
            cmp = compare_with(self.old_path, self.plan, self.host, self.new_label)
        except Exception as exc:  # a broken old file: say which and why, stay open
            self.app.call_from_thread(self._failed, f"无法对比：{exc}")
            return
        self.app.call_from_thread(self._show, cmp)

    def _failed(self, message: str) -> None:
        self.query_one("#compare-summary", Static).update(message)

    def _show(self, cmp: "Comparison") -> None:
        from planwright.diffing import wording

        self.comparison = cmp
        summary = Text(wording.heading(cmp), "bold")
        summary.append("\n")
        summary.append(wording.sources(cmp), "dim")
        summary.append("\n")
        summary.append_text(status_counts(cmp))
        for note in wording.notes(cmp):
            summary.append(f"\n{note}", "dim")
        self.query_one("#compare-summary", Static).update(summary)
        self._fill()

    def _fill(self) -> None:
        from planwright.diffing.render_rich import ADJUSTED_STYLE, STATUS_STYLE
        from planwright.diffing.result import LEVEL_LABEL
        from planwright.diffing.wording import units_line

        assert self.comparison is not None
        table = self.query_one(DataTable)
        table.clear()
        self.rows = list(self.comparison.changes) if self.show_quiet else self.comparison.notable()
        for n, change in enumerate(self.rows):
            # an unchanged text whose units or deadline moved reads 单位调整 / 时限调整
            style = ADJUSTED_STYLE if change.adjusted else STATUS_STYLE.get(change.status, "")
            fields = [line for line in (units_line(change.lead), units_line(change.support)) if line]
            if change.deadline is not None:
                fields.append(f"时限 {change.deadline[0] or '（无）'}→{change.deadline[1] or '（无）'}")
            table.add_row(Text(change.label, style), Text(LEVEL_LABEL.get(change.level, "")),
                          _refs(change.old, style), _refs(change.new, style), Text("；".join(fields), "dim"),
                          key=str(n))
        if self.rows:
            table.move_cursor(row=0)
            self.show_change(0)
        else:
            self.query_one("#redline", Static).update("两份计划没有实质变化（按 F2 显示未变的各项）。")
        table.focus()

    @on(DataTable.RowHighlighted, "#changes")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_change(int(event.row_key.value or 0))

    def show_change(self, index: int) -> None:
        from planwright.diffing.render_rich import redline_text
        from planwright.diffing.wording import change_facts, change_ops

        if not 0 <= index < len(self.rows):
            return
        change = self.rows[index]
        out = Text()
        for fact in change_facts(change):
            out.append(fact + "\n", "dim")
        ops = change_ops(change)
        if ops is None and change.old_text != change.new_text:
            ops = change.redline  # unchanged but for spacing or the year shift: show where
        if ops is not None:
            out.append_text(redline_text(ops))
        else:
            out.append(change.new_text)
        self.query_one("#redline", Static).update(out)

    @on(DataTable.RowSelected, "#changes")
    def _selected(self, event: DataTable.RowSelected) -> None:
        change = self.rows[int(event.row_key.value or 0)]
        if change.new:
            self.dismiss(change.new[0].id)
        else:
            self.notify("这一项在本计划中已删除，无处可跳", timeout=3, markup=False)

    def action_toggle_quiet(self) -> None:
        self.show_quiet = not self.show_quiet
        if self.comparison is not None:
            self._fill()


def _refs(refs: list, style: str) -> Text:
    return Text("；".join(f"{r.path} {r.title}" for r in refs), style if refs else "dim")


def status_counts(cmp: "Comparison") -> Text:
    """改写 3　新增 2 … each in its status colour; zero counts left out."""
    from planwright.diffing.render_rich import STATUS_STYLE
    from planwright.diffing.result import STATUS_LABEL

    out = Text()
    for status, count in cmp.summary.items():
        if count:
            if out:
                out.append("　")
            out.append(f"{STATUS_LABEL[status]} {count}", STATUS_STYLE.get(status, ""))
    return out
