"""Ctrl+E in the unit view: register a unit or edit its [[units]] entry — name, aliases, kind —
and, when the name changes, offer to rename it in every task and item that uses it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from planwright.tui.widgets.units_input import join_units, split_units
from planwright.tui.widgets.clean_paste import CleanInput


@dataclass(frozen=True)
class UnitEdit:
    old: str
    name: str
    aliases: list[str]
    kind: str
    rename_in_tasks: bool


class UnitEditDialog(ModalScreen[UnitEdit | None]):
    """Name, aliases (、-separated), kind; the rename box says how many entries it changes."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消", show=False)]

    def __init__(self, name: str, aliases: list[str], kind: str, registered: bool, uses: int) -> None:
        super().__init__()
        self.old, self.aliases, self.kind = name, aliases, kind
        self.registered, self.uses = registered, uses

    def compose(self) -> ComposeResult:
        title = "编辑登记的单位" if self.registered else "登记单位（写入计划的 [[units]]）"
        with Vertical(classes="dialog"):
            yield Static(title, classes="dialog-title", markup=False)
            yield Label("名称", markup=False)
            yield CleanInput(self.old, id="unit-name", select_on_focus=False)
            yield Label("别名（用、分隔：任务中这样写也算这个单位）", markup=False)
            yield CleanInput(join_units(self.aliases), id="unit-aliases", select_on_focus=False)
            yield Label("类别（如 部门、街道、乡镇）", markup=False)
            yield CleanInput(self.kind, id="unit-kind", select_on_focus=False)
            yield Checkbox(f"同时把 {self.uses} 处任务中的“{self.old}”改为新名称", value=True, id="rename",
                           disabled=not self.uses)
            with Horizontal(classes="dialog-buttons"):
                yield Button("保存", id="ok", variant="primary")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#unit-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        name = self.query_one("#unit-name", Input).value.strip()
        if not name:
            self.notify("单位名称不能为空", severity="warning", markup=False)
            return
        self.dismiss(UnitEdit(self.old, name, split_units(self.query_one("#unit-aliases", Input).value),
                              self.query_one("#unit-kind", Input).value.strip(),
                              self.query_one("#rename", Checkbox).value and self.uses > 0))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
