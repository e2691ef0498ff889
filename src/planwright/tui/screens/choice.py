"""A modal question with a few answers (save / discard / cancel, overwrite / reload …).

Dismisses with the id of the chosen answer; Escape gives "cancel". Arrow keys
move between the buttons, so the dialog works without a mouse and with an
input method switched on (no single-letter keys).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ChoiceDialog(ModalScreen[str]):
    """Ask one question; ``choices`` are (id, label) pairs, the first is the default."""

    BINDINGS = [
        Binding("escape", "choose('cancel')", "取消", show=False),
        Binding("left,up", "app.focus_previous", show=False),
        Binding("right,down", "app.focus_next", show=False),
    ]

    def __init__(self, title: str, message: str, choices: list[tuple[str, str]],
                 *, danger: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.message = message
        self.choices = choices
        self.danger = danger  # the id of a destructive answer, shown in red

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.message, classes="dialog-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for n, (choice_id, label) in enumerate(self.choices):
                    variant = "error" if choice_id == self.danger else ("primary" if n == 0 else "default")
                    yield Button(label, id=f"choice-{choice_id}", variant=variant)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "choice-cancel").removeprefix("choice-"))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
