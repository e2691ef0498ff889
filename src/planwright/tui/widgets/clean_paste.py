"""Pasted text cleaned on its way into the editor's fields, before it reaches the model.

A paste from a web page, a Word file or another terminal may carry escape sequences
(``ESC [ 31 m``, ``ESC ] 0 ; … BEL``), control characters, DEL, C1 controls and
bidirectional overrides. Every way out of planwright already cleans them, but a field
that keeps them holds something else than what the clerk sees, and the plan keeps it
until the next save. So the fields clean a paste with ``zh.clean.clean_text`` — the
same cleaning the importer gives a notice — before inserting it. Typed keys need
nothing: Textual inserts only printable characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input

from planwright.zh.clean import clean_text

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:
    _Base = object


class CleanPaste(_Base):
    """Mixin (before the widget class): a paste is cleaned, then the field's own handler inserts it."""

    def _on_paste(self, event: events.Paste) -> None:
        # runs before the widget class's _on_paste (Textual calls each class's handler in MRO order)
        text = clean_text(event.text)
        if isinstance(self, Input):
            text = text.replace("\t", " ")  # a one-line field: a tab is a space
        event.text = text


class CleanInput(CleanPaste, Input):
    """An Input of a dialog whose value goes into the plan (search and replace, a unit's names)."""
