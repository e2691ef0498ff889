"""A text field that does not lay the whole screen out when its text changes.

TextArea recomputes its ``virtual_size`` (``layout=True``) on every edit and on
``load_text``: a layout of the whole screen and a repaint of every widget, per
keystroke and per cursor move in the tree. The field's own box never changes
size, so the virtual size is set without the layout; the scrollbars are updated
as Textual does after a layout (``_scroll_update``), and a scrollbar that comes
or goes still lays out (that reactive has its own ``layout=True``).

Overrides ``_refresh_size`` of Textual 8.2.8 (pinned); the editor's tests
scroll a long text, which would show a change.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import TextArea

from planwright.tui.widgets.clean_paste import CleanPaste
from planwright.tui.widgets.in_order import InOrderKeys


class FieldTextArea(CleanPaste, InOrderKeys, TextArea):
    """TextArea for a fixed-size form row; bound keys run in order with typed ones; a paste is cleaned."""

    def _refresh_size(self) -> None:
        if self.soft_wrap:
            size = Size(0, self.wrapped_document.height)
        else:
            width, height = self.document.get_size(self.indent_width)
            size = Size(width + self.gutter_width + 1, height)
        self.set_reactive(Widget.virtual_size, size)
        if self.is_scrollable and self.container_size:
            self._scroll_update(size)
        self.refresh()
