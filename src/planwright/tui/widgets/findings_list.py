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
        self._option_of: dict[Finding, Option] = {}  # the option shown for each finding

    def show_findings(self, findings: list[Finding]) -> None:
        self.border_title = summary(findings)
        if findings == self.findings and self.option_count == len(findings):
            return  # nothing new: keep the highlight where the user left it
        self.findings = list(findings)
        highlighted = self.highlighted
        # An edit changes a few findings of hundreds: the others keep their option, whose
        # drawing the list has already worked out (a third of a new list's cost). Options
        # carry no id, so that one can move; a choice is read by its place.
        known, self._option_of = self._option_of, {}
        options = []
        for finding in findings:
            # popped: a second equal finding gets an option of its own
            option = self._option_of[finding] = known.pop(finding, None) or Option(finding_text(finding))
            options.append(option)
        self.set_options(options)
        if findings:
            self.highlighted = min(highlighted or 0, len(findings) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.findings):
            self.post_message(self.JumpTo(self.findings[event.option_index]))


def summary(findings: list[Finding]) -> str:
    if not findings:
        return "检查：没有发现问题"
    counts = {s: sum(f.severity == s for f in findings) for s in _WORD}
    return f"检查：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示"
