"""The validators' findings under the editor; choosing one jumps to its place."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from planwright.api import Finding

_WORD = {"error": ("错误", "bold red"), "warning": ("警告", "yellow"), "info": ("提示", "cyan")}


def finding_text(f: Finding) -> Text:
    """One finding as Text (never markup: messages quote user text such as [50%])."""
    word, style = _WORD.get(f.severity, (f.severity, ""))
    line = Text()
    line.append(word, style)
    line.append(f"  {f.where or '计划'}  ", "bold")
    line.append(f.message)
    line.append(f"  {f.rule}", "dim")
    return line


class FindingsList(OptionList):
    """One line per finding, errors first; Enter or a click posts ``JumpTo``."""

    @dataclass
    class JumpTo(Message):
        finding: Finding

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.findings: list[Finding] = []

    def show_findings(self, findings: list[Finding]) -> None:
        self.border_title = summary(findings)
        if findings == self.findings and self.option_count == len(findings):
            return  # nothing new: keep the highlight where the user left it
        self.findings = list(findings)
        highlighted = self.highlighted
        self.set_options(Option(finding_text(f), id=str(i)) for i, f in enumerate(findings))
        if findings:
            self.highlighted = min(highlighted or 0, len(findings) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.JumpTo(self.findings[int(event.option_id)]))


def summary(findings: list[Finding]) -> str:
    if not findings:
        return "检查：没有发现问题"
    counts = {s: sum(f.severity == s for f in findings) for s in _WORD}
    return f"检查：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示"
