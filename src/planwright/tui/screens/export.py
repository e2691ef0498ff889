"""Ctrl+E: export the plan as it is in the editor (unsaved edits included) through a dialog.

Calls ``planwright.export`` — what ``planwright export`` renders with — on a
copy of the plan, in a thread, and writes the bytes atomically
(beside the plan file by default). A plan with errors is refused unless the
box is ticked; the message says which error comes first. The file is checked by
the CLI's rule (``store.check_output_path``): never the open plan, never a
folder; an existing file is replaced only after the user says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

import planwright
from planwright.plan import editing, store
from planwright.formats import EXPORT_FORMATS
from planwright.plan.model import Plan
from planwright.tui.screens.choice import ChoiceDialog

if TYPE_CHECKING:
    from planwright.tui.session import Session

# what the default file name says after the plan's name, per format
_NAME_PART = {"notice-txt": "-通知", "notice-docx": "-通知", "table-xlsx": "-分工表", "table-docx": "-分工表",
              "units": "-各单位任务"}


def formats() -> dict[str, tuple[str, str]]:
    """format → (what it is, in Chinese; file suffix), from the one list of export formats."""
    return {name: (spec.summary, spec.suffix) for name, spec in EXPORT_FORMATS.items()}


def default_output(plan_path: Path, fmt: str) -> Path:
    suffix = formats()[fmt][1]
    return plan_path.with_name(plan_path.stem + _NAME_PART.get(fmt, "") + suffix)


def export_to(session: "Session", plan: Plan, fmt: str, output: Path, allow_errors: bool) -> Path:
    """``planwright.export`` (what ``planwright export`` calls), written atomically to ``output``."""
    return planwright.export(plan, fmt, host=session.host, allow_errors=allow_errors).write(output)


class ExportDialog(ModalScreen[Path | None]):
    """Pick a format and a file; dismisses with the file written (None if cancelled)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消", show=False)]

    def __init__(self, session: "Session") -> None:
        super().__init__()
        self.session = session
        self.fmt = "notice-docx"
        self.plan = editing.copy_plan(session.plan)  # what is on screen now, unsaved edits included

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("导出（按编辑器中的内容，含未保存的修改）", classes="dialog-title", markup=False)
            yield OptionList(*[Option(Text(f"{name}　{fmt}"), id=fmt) for fmt, (name, _) in formats().items()],
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
        problem = self.query_one("#problem", Static)
        try:
            store.check_output_path(output, self.session.path)
        except store.OutputExists:
            self._ask_replace(output)
            return
        except store.OutputRefused as exc:
            problem.update(str(exc))
            return
        self._start(output)

    def _ask_replace(self, output: Path) -> None:
        def answer(choice: str | None) -> None:
            if choice == "replace":
                self._start(output)
            else:
                self.query_one("#problem", Static).update(f"未导出：{output.name} 已存在，请另起文件名")

        self.app.push_screen(ChoiceDialog(
            "文件已存在", f"{output} 已经存在。\n替换：用这次导出的内容覆盖它（原内容不能找回）。",
            [("cancel", "不替换"), ("replace", "替换")], danger="replace"), answer)

    def _start(self, output: Path) -> None:
        self.query_one("#problem", Static).update("正在导出……")
        self.query_one("#do-export", Button).disabled = True
        self._run(self.fmt, output, self.query_one(Checkbox).value)

    @work(thread=True, exclusive=True, group="export")
    def _run(self, fmt: str, output: Path, allow: bool) -> None:
        # checking and rendering a big plan takes a moment: not on the keyboard's thread
        try:
            written = export_to(self.session, self.plan, fmt, output, allow)
        except Exception as exc:  # ExportError and OSError: the message is for the user
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._done, written)

    def _failed(self, message: str) -> None:
        self.query_one("#problem", Static).update(message)
        self.query_one("#do-export", Button).disabled = False

    def _done(self, written: Path) -> None:
        self.app.notify(f"已导出 {written}", timeout=5, markup=False)
        self.dismiss(written)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
