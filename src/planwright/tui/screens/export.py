"""Ctrl+E: export the plan as it is in the editor (unsaved edits included) through a dialog.

Calls ``planwright.export.export_plan`` — the function behind ``planwright
export`` — and writes the bytes atomically beside the plan by default.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from ... import store

if TYPE_CHECKING:
    from ..session import Session

# format → (Chinese name, file-name ending)
FORMATS: dict[str, tuple[str, str]] = {
    "notice-docx": ("通知（Word，GB/T 9704 版式）", "-通知.docx"),
    "notice-txt": ("通知（纯文本，供网站发布）", "-通知.txt"),
    "table-xlsx": ("任务分工表（Excel）", "-分工表.xlsx"),
    "table-docx": ("任务分工表（Word）", "-分工表.docx"),
    "units": ("各单位任务清单", "-单位清单.docx"),
    "md": ("Markdown", ".md"),
    "json": ("JSON 数据", ".json"),
    "ics": ("时限日历（.ics）", ".ics"),
}
NOT_READY = "导出功能尚未就绪：这个版本的 planwright 还没有 export_plan。"


def default_output(plan_path: Path, fmt: str) -> Path:
    return plan_path.with_name(plan_path.stem + FORMATS[fmt][1])


def export_to(session: "Session", fmt: str, output: Path, allow_errors: bool) -> Path:
    """Export the open plan to ``output``; raises ExportError (or RuntimeError when not built)."""
    try:
        from ...export import export_plan
    except ImportError:
        raise RuntimeError(NOT_READY) from None
    data = export_plan(session.plan, fmt, session.host, allow_errors=allow_errors)
    store.atomic_write(output, data)
    return output


class ExportDialog(ModalScreen[Path | None]):
    """Pick a format and a file; dismisses with the file written (None if cancelled)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消", show=False)]

    def __init__(self, session: "Session") -> None:
        super().__init__()
        self.session = session
        self.fmt = "notice-docx"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("导出（按编辑器中的内容，含未保存的修改）", classes="dialog-title", markup=False)
            yield OptionList(*[Option(Text(f"{name}　{fmt}"), id=fmt) for fmt, (name, _) in FORMATS.items()],
                             id="formats", markup=False)
            yield Static("保存到：", markup=False)
            yield Input(str(default_output(self.session.path, self.fmt)), id="output", select_on_focus=False)
            yield Checkbox("计划有错误时仍然导出（文件中会注明）", id="allow-errors")
            yield Static("", id="problem", classes="hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("导出", id="do-export", variant="primary")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        formats = self.query_one(OptionList)
        formats.highlighted = 0
        formats.focus()

    @on(OptionList.OptionHighlighted, "#formats")
    def _format(self, event: OptionList.OptionHighlighted) -> None:
        self.fmt = event.option_id or self.fmt
        self.query_one("#output", Input).value = str(default_output(self.session.path, self.fmt))

    @on(OptionList.OptionSelected, "#formats")
    def _format_chosen(self) -> None:
        self.query_one("#do-export", Button).focus()

    @on(Input.Submitted, "#output")
    @on(Button.Pressed, "#do-export")
    def _export(self) -> None:
        output = Path(self.query_one("#output", Input).value.strip()).expanduser()
        allow = self.query_one(Checkbox).value
        problem = self.query_one("#problem", Static)
        if not output.parent.is_dir():
            problem.update(f"文件夹不存在：{output.parent}")
            return
        try:
            written = export_to(self.session, self.fmt, output, allow)
        except Exception as exc:  # ExportError: the message is for the user
            problem.update(str(exc))
            return
        self.app.notify(f"已导出 {written}", timeout=5)
        self.dismiss(written)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
