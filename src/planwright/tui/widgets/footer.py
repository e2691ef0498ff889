"""The key bar: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (every key widget made, mounted and styled again) each
time the screen's bindings are updated, and they are updated at every change of
focus. The editor moves the focus on most structural edits (a new task focuses its
title, Escape goes back to the tree), so every add, undo or delete paid for a new
key bar that showed the same keys: a third of the time to the next frame. This one
compares what it would show — each shown key with its label, action, whether it is
enabled and its tooltip — and lets Footer rebuild only when that differs. The order
is not compared: the focused widget's bindings come first in the screen's list, so
the same keys arrive in another order after each move of the focus, and a key bar
that keeps its order is also one whose keys do not jump about under the clerk's eye.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """A Footer that skips rebuilding when the keys it shows are the same."""

    _shown: frozenset | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            shown = _shown_keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)


def _shown_keys(screen: Screen) -> frozenset:
    """What Footer.compose makes widgets from: the shown bindings (the command palette's
    among them), with their state."""
    return frozenset((binding.key, binding.key_display, binding.description, binding.action, binding.group,
                  enabled, tooltip)
                 for _node, binding, enabled, tooltip in screen.active_bindings.values()
                 if binding.show or binding.key == screen.app.COMMAND_PALETTE_BINDING)
