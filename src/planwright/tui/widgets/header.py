"""The title bar: Textual's Header, whose title changes repaint one line, not the screen.

Textual's Header shows a new title through ``Static.update``, which lays the whole
screen out again in case the title's size changed. Its size cannot change (the
title fills the header's width, the header is docked with a fixed height), and
the editor's title changes at every first edit and at every undo back to the saved
plan (``plan.toml *`` / 有未保存的修改 ↔ 已保存): each of those paid for a layout of
every widget and a full repaint, half the time an add or an undo took. This one
watches the same four titles and repaints the title alone.
"""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header as TextualHeader
from textual.widgets._header import HeaderTitle


class Header(TextualHeader):
    """A Header that repaints its title in place when the app's or screen's title changes."""

    def _on_mount(self, event: Mount) -> None:
        # replaces Header._on_mount, whose watchers would lay the screen out: the handlers of
        # the classes above are not called (Widget's is, by hand)
        event.prevent_default()
        Widget._on_mount(self, event)
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._show_title)
            self.watch(owner, "sub_title", self._show_title)

    def _show_title(self) -> None:
        try:
            title = self.query_one(HeaderTitle)
        except NoMatches:
            return
        title.update(self.format_title(), layout=False)  # same box, new words
