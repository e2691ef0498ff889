"""The floor for the editor's first screen: a hello-world Textual app, started the same way.

    .venv/bin/python benchmarks/hello_app.py      (Ctrl+Q quits)

bench_tui.py launches it in the same pseudo-terminal set-up as the editor and
times exec → "Hello, world" on the screen; the editor's start is reported as a
multiple of this.
"""

from textual.app import App, ComposeResult
from textual.widgets import Label


class HelloApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Hello, world")


if __name__ == "__main__":
    HelloApp().run()
