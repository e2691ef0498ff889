"""Ctrl+R: roll this plan into a new year and save it as a new file (``planwright new --from``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

import planwright
from planwright.plan import newplan
from planwright.plan.rollover import next_period
from planwright.tui.session import STORE_LOCK, ChangedOnDisk

if TYPE_CHECKING:
    from planwright.tui.session import Session


def next_year_path(path: Path, year: int, new_year: int) -> Path:
    """``2027年计划.toml`` → ``2028年计划.toml``; without a year in the name, add one."""
    name = path.name
    if str(year) in name:
        return path.with_name(name.replace(str(year), str(new_year)))
    return path.with_name(f"{path.stem}-{new_year}{path.suffix}")


def show_notes(app, name: str, notes: list[str]) -> None:
    """The places the roll-over could not decide, for the clerk to go through."""
    from planwright.tui.screens.choice import ChoiceDialog

    shown = notes[:12] + ([f"……另有 {len(notes) - 12} 处"] if len(notes) > 12 else [])
    app.push_screen(ChoiceDialog(f"{name}：{len(notes)} 处需要人工确认", "\n".join(shown), [("ok", "知道了")]))


class NewYearDialog(ModalScreen[Path | None]):
    """Year and file of the new plan; dismisses with the file written."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消", show=False)]

    def __init__(self, session: "Session") -> None:
        super().__init__()
        self.session = session
        # a three-year plan rolls into the next three years, not into its own second year
        self.year = next_period(session.plan.meta)

    def compose(self) -> ComposeResult:
        path = self.session.path
        with Vertical(classes="dialog wide"):
            yield Static("由本计划生成新年度计划", classes="dialog-title", markup=False)
            yield Static("时限中的年份、标题中的年份移到新年度；文号与日期清空；每个节点的编号保留，"
                         "便于与本年度对比。本计划有未保存的修改时，会先保存。", classes="dialog-message", markup=False)
            yield Static("新年度：", markup=False)
            yield Input(str(self.year), id="year", type="integer", select_on_focus=False)
            yield Static("保存为：", markup=False)
            yield Input(str(next_year_path(path, self.session.plan.meta.year, self.year)), id="output",
                        select_on_focus=False)
            yield Checkbox("生成后在编辑器中打开新计划", value=True, id="open-new")
            yield Static("", id="problem", classes="hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("生成", id="do-roll", variant="primary")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#year", Input).focus()

    @on(Input.Changed, "#year")
    def _year(self, event: Input.Changed) -> None:
        if not re.fullmatch(r"\d{4}", event.value.strip()):
            return
        old = self.year
        self.year = int(event.value)
        output = self.query_one("#output", Input)
        output.value = output.value.replace(str(old), str(self.year))

    @on(Input.Submitted)
    @on(Button.Pressed, "#do-roll")
    def _roll(self) -> None:
        problem = self.query_one("#problem", Static)
        output = Path(self.query_one("#output", Input).value.strip()).expanduser()
        if output.exists():
            problem.update(f"{output.name} 已存在；请换一个文件名（不会覆盖已有文件）")
            return
        try:
            if self.session.dirty:
                self.session.save()  # the roll-over reads the file: it must hold what is on screen
            result = newplan.from_last_year(self.session.path, self.year, style=None, host=self.session.host)
            with STORE_LOCK:
                planwright.save(result.doc, output)
        except ChangedOnDisk:
            problem.update("本计划在磁盘上已被其他程序修改：请先关闭本窗口，按 Ctrl+S 决定如何保存")
            return
        except Exception as exc:  # PlanFileError, ValueError from a year out of range
            problem.update(str(exc))
            return
        self.app.notify(f"已生成 {output.name}（{result.summary}）", timeout=8, markup=False)
        if self.query_one("#open-new", Checkbox).value:
            self.app.call_later(self.app.open_plan, output, result.notes)  # type: ignore[attr-defined]
        elif result.notes:
            self.app.call_later(show_notes, self.app, output.name, result.notes)
        self.dismiss(output)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
