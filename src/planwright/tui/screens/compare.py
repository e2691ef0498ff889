"""F12 / Ctrl+O: this plan against another year's file (placeholder until diffing lands)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ...model import Plan

if TYPE_CHECKING:
    from ...plugins import Host

NOT_READY = "对比功能尚未就绪：这个版本的 planwright 还没有 planwright.diffing.compare。"


class CompareScreen(Screen[str | None]):
    BINDINGS = [Binding("escape,f12", "dismiss(None)", "返回编辑", key_display="Esc")]

    def __init__(self, old_path: Path, plan: Plan, host: "Host") -> None:
        super().__init__()
        self.old_path, self.plan, self.host = old_path, plan, host

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static(NOT_READY, markup=False)
        yield Footer()
