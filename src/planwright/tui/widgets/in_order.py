"""Keys applied in the order they were typed, in the editor's text fields.

Textual hands a printable key to the focused field, which inserts it at once,
while a key bound to an action (End, Backspace, Delete, ←) is not handled
there: it bubbles up through every container to the app, one message queue
per level, and only then runs the field's action. In a burst — an input
method committing a phrase, a fast typist, the first edit of a session while
the screen is busy taking its copy of the plan — the characters behind a
Backspace overtake it: End, 6×Backspace, 加强业务培训和考核 became
加加强业务培和考核. So these fields run the bindings of their focus chain
themselves, in their own queue, in order with the characters.

Relies on Textual 8.2.8 (pinned): ``Screen._modal_binding_chain`` is what
``App._check_bindings`` walks for a non-priority key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:
    _Base = object


class InOrderKeys(_Base):
    """Mixin (before the widget class) for a text field: bound keys run where the characters do.

    A plain class at run time: a Widget base here would put Widget's class
    settings (COMPONENT_CLASSES, DEFAULT_CSS) ahead of the field's own.
    """

    class Run(Message):
        """Run an action of ``screen`` here, in order with the keys typed before its key."""

        def __init__(self, screen: "Widget", action: str) -> None:
            super().__init__()
            self.target, self.action = screen, action

    async def on_in_order_keys_run(self, message: "InOrderKeys.Run") -> None:
        message.stop()
        await message.target.run_action(message.action)

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable or not self.has_focus:
            return  # the field's own handler (next in the MRO) inserts it
        for namespace, bindings in self.screen._modal_binding_chain:
            for binding in bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, namespace):
                    event.stop()
                    event.prevent_default()
                    return
