"""F1: every command with its keys and Chinese name (the same table as the palette)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from planwright.tui.commands import COMMANDS, keys_text


class HelpScreen(ModalScreen[None]):
    """A table of keys; Escape or F1 closes it."""

    BINDINGS = [Binding("escape,f1,ctrl+q", "dismiss", "关闭", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("快捷键一览", classes="dialog-title", markup=False)
            yield DataTable(id="keys", cursor_type="row", zebra_stripes=True)
            yield Static("输入法处于中文状态时，Ctrl 与 F 键照常可用。Ctrl+P 打开命令面板，"
                         "可输入中文名称或拼音首字母（如 dc = 导出）。Esc 关闭本窗口。",
                         classes="dialog-message", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("按键", "命令", "说明")
        for command in COMMANDS:
            table.add_row(Text(keys_text(command)), Text(command.title), Text(command.help))
        table.add_row(Text("Ctrl+P"), Text("命令面板"), Text("按名称查找并运行任何命令"))
        table.add_row(Text("空格"), Text("展开/收起"), Text("在目录中展开或收起当前要点、任务"))
        table.add_row(Text("Enter"), Text("编辑"), Text("在目录中按 Enter 进入右侧表单"))
        table.add_row(Text("Tab"), Text("下一栏"), Text("在表单各栏之间移动"))
        table.focus()
