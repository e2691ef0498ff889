"""Ctrl+F: find text in titles, text, units and deadlines, and jump to a hit."""

from __future__ import annotations

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

_FIELD = {"title": "标题", "text": "正文", "lead": "牵头", "support": "配合", "deadline": "时限"}


class SearchDialog(ModalScreen[editing.Hit | None]):
    """Type to search; ↓ goes to the hits, Enter jumps to one, Escape closes."""

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
            yield Static("查找（标题、正文、单位、时限）", classes="dialog-title", markup=False)
            yield Input(value=self.query_text, placeholder="输入要查找的文字", id="query",
                        select_on_focus=False)
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

    def _search(self, query: str) -> None:
        self.hits = editing.search(self.plan, query)
        hits = self.query_one(OptionList)
        hits.set_options(Option(self._line(hit), id=str(n)) for n, hit in enumerate(self.hits))
        count = self.query_one("#count", Static)
        count.update(f"找到 {len(self.hits)} 处" if query.strip() else "")

    def _line(self, hit: editing.Hit) -> Text:
        line = Text()
        line.append(path_label(self._places.get(hit.node_id, ())), "bold")
        line.append(f"  {_FIELD.get(hit.field, hit.field)}  ", "dim")
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
