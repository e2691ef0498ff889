"""F9 / Ctrl+T: the notice as the plan's style prints it (the text ``export --format notice-txt`` writes).

The text is folded to the window's width by ``cjkwrap`` (on each resize), so
the full-width paragraph indent stays with its paragraph. The width is what is
left beside the scrollbar's gutter (kept even while no scrollbar shows) and the
cursor's cell: a line one cell too long lost its last character — the screen
clerks proofread on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, TextArea

from planwright.plan.model import Plan
from planwright.tui.cjkwrap import wrap
from planwright.tui.widgets.header import Header

if TYPE_CHECKING:
    from planwright.host import Host

def notice_or_reason(plan: Plan, host: "Host") -> str:
    """The notice text (``planwright.exporting.notice_text``), or why it cannot be shown."""
    from planwright.exporting import notice_text

    try:
        return notice_text(plan, host)
    except Exception as exc:  # a style plugin's bug must not close the editor
        return f"无法生成通知预览：{type(exc).__name__}: {exc}"


class NoticeScreen(Screen[None]):
    """Read-only, scrollable, selectable text; Escape goes back to the editor."""

    BINDINGS = [Binding("escape,f9,ctrl+t", "app.pop_screen", "返回编辑", key_display="Esc")]

    def __init__(self, plan: Plan, host: "Host") -> None:
        super().__init__()
        self.plan = plan
        self.host = host
        self.text = notice_or_reason(plan, host)
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        # folded here, not by the TextArea: see cjkwrap for why
        yield TextArea("", read_only=True, soft_wrap=False, id="notice", show_cursor=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "通知预览"
        self.sub_title = self.plan.meta.title
        self.query_one(TextArea).focus()

    def on_resize(self) -> None:
        area = self.query_one(TextArea)
        width = area.scrollable_content_region.width - 1  # the gutter is left out (CSS); 1 for the cursor
        if width > 10 and width != self._width:
            self._width = width
            area.load_text(wrap(self.text, width))
