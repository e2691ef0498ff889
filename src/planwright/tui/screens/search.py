"""Ctrl+F: find text in the 前言 and every field, each occurrence listed and highlighted; jump
to one, or replace them all (one undo step)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from planwright.plan import editing
from planwright.plan.model import Plan
from planwright.zh.numbering import path_label
from planwright.tui.widgets.clean_paste import CleanInput


@dataclass(frozen=True)
class Replace:
    """Replace every ``query`` with ``replacement`` (the dialog's answer when Enter is pressed in 替换为)."""

    query: str
    replacement: str


class SearchDialog(ModalScreen[editing.Hit | Replace | None]):
    """Type to search; ↓ goes to the hits, Enter jumps to one; Enter in 替换为 replaces all; Escape closes."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "关闭", show=False),
        Binding("down", "to_hits", show=False),
    ]

    def __init__(self, plan: Plan, query: str = "") -> None:
        super().__init__()
        self.plan = plan
        self.query_text = query
        self.hits: list[editing.Hit] = []
        self._places = {node.id: indices for indices, node in editing.walk(plan)}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("查找替换（前言、标题、正文、单位、时限及计划信息各栏）", classes="dialog-title", markup=False)
            yield CleanInput(value=self.query_text, placeholder="输入要查找的文字", id="query",
                        select_on_focus=False)
            yield CleanInput(placeholder="替换为（在此按 Enter 全部替换，可撤销）", id="replace", select_on_focus=False)
            yield Static("", id="count", markup=False)
            yield OptionList(id="hits", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._search(self.query_text)

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        if self.hits:
            self.dismiss(self.hits[0])

    @on(Input.Submitted, "#replace")
    def _replace(self, event: Input.Submitted) -> None:
        query = self.query_one("#query", Input).value.strip()
        if query and self.hits:
            self.dismiss(Replace(query, event.value))

    def _search(self, query: str) -> None:
        self.hits = editing.search(self.plan, query)
        hits = self.query_one(OptionList)
        hits.set_options(Option(self._line(hit), id=str(n)) for n, hit in enumerate(self.hits))
        count = self.query_one("#count", Static)
        places = len({(h.node_id, h.field) for h in self.hits})
        count.update(f"找到 {len(self.hits)} 处（{places} 栏）" if query.strip() else "")

    def _line(self, hit: editing.Hit) -> Text:
        line = Text()
        line.append(path_label(self._places.get(hit.node_id, ())) if hit.node_id else "计划信息", "bold")
        line.append(f"  {editing.field_label(hit.field, meta=not hit.node_id)}  ", "dim")
        snippet = Text(hit.snippet)
        needle = self.query_one(Input).value.strip()
        if needle:
            snippet.highlight_words([needle], "bold reverse", case_sensitive=False)
        line.append_text(snippet)
        return line

    def action_to_hits(self) -> None:
        hits = self.query_one(OptionList)
        if self.hits and not hits.has_focus:
            hits.focus()
            hits.highlighted = 0

    @on(OptionList.OptionSelected, "#hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[int(event.option_id or 0)])
