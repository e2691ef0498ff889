"""Ctrl+]: the main text's own outline (``plan.body``) — where a notice prints its body apart
from the 分工 table (宁国 style) — edited as text: 一、 and （一） lines are headings, the lines
under them their text. Ctrl+S takes it into the plan (one undo step); Escape leaves it unchanged.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from planwright.plan import editing
from planwright.plan.model import Plan
from planwright.tui.widgets.field_text_area import FieldTextArea
from planwright.tui.widgets.footer import Footer
from planwright.tui.widgets.header import Header


class BodyScreen(Screen[str | None]):
    """Dismisses with the new outline text, or None when left unchanged."""

    BINDINGS = [Binding("ctrl+s", "take", "收入计划", key_display="^S", priority=True),
                Binding("escape,ctrl+right_square_bracket", "dismiss(None)", "放弃返回", key_display="Esc")]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.original = editing.body_text(plan)

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield FieldTextArea(self.original, id="body-text", soft_wrap=True, tab_behavior="focus")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "正文提纲"
        self.sub_title = "“一、”“（一）”开头的行是标题，其下各行是正文；Ctrl+S 收入计划"
        self.query_one(FieldTextArea).focus()

    def action_take(self) -> None:
        text = self.query_one(FieldTextArea).text
        self.dismiss(None if text == self.original else text)
