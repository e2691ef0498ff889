"""F7: choose the point a task should move to."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from planwright.plan.model import Plan
from planwright.zh.numbering import Level, marker


class PickPointDialog(ModalScreen[str | None]):
    """A list of the plan's points; Enter picks one, Escape cancels."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消", show=False)]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("移到哪个要点之下？（移到该要点末尾）", classes="dialog-title", markup=False)
            yield OptionList(*[
                Option(Text(f"{marker(Level.POINT, n)}{p.title or '（未填写）'}"), id=p.id)
                for n, p in enumerate(self.plan.points, 1)
            ], id="points", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)
