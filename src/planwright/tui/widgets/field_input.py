"""A one-line form field that does not lay the whole screen out on every keystroke.

Textual's Input sets its ``virtual_size`` (a reactive declared with
``layout=True``) whenever its value changes, so each character typed — and
each value filled in when the cursor moves to another task — makes the whole
screen lay out and repaint every widget on it. Our fields have a fixed size;
the virtual size only matters to the field's own horizontal scrolling. So it
is set first without a layout, which makes Input's own assignment a no-op,
and only the field repaints.

Relies on Textual 8.2.8 (pinned) setting ``virtual_size`` in ``_watch_value``;
the editor's tests type past the field's width, which would show a change.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

from planwright.tui.widgets.clean_paste import CleanPaste
from planwright.tui.widgets.in_order import InOrderKeys


class FieldInput(CleanPaste, InOrderKeys, Input):
    """Input for fixed-size form rows; bound keys run in order with typed ones; a paste is cleaned."""

    def _watch_value(self, value: str) -> None:
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
        self.refresh()

    def fill(self, value: str) -> None:
        """Show a value from the model (another node selected), cursor at its end.

        A value that fits is shown from its first character: the scroll left by
        a longer value must not cut the head off a short one (区发展改革局 read
        as 发展改革局).
        """
        self.value = value
        self.cursor_position = len(value)
        if self.content_width <= self.scrollable_content_region.width:
            self.scroll_to(x=0, animate=False, immediate=True)

    def _on_resize(self) -> None:
        if self.content_width <= self.scrollable_content_region.width:
            self.scroll_to(x=0, animate=False, immediate=True)

