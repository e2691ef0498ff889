"""Choose a plan file: the .toml files of the plan's folder, or any path typed (with completion)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from planwright.zh.clean import terminal_safe


def not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be opened as a file (one short phrase), or None when it can. A symlink
    loop is named as one (``is_file`` alone answers False, as for a missing file)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "符号链接成环，无法读取"
        if path.is_symlink():
            return "符号链接指向的文件不存在"
        return "文件不存在" if isinstance(exc, FileNotFoundError) else f"无法读取（{exc.strerror}）"
    return None if stat.S_ISREG(mode) else "不是一个文件"


class PathSuggester(Suggester):
    """Completes the last part of a path from the names in its folder."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        path = Path(value).expanduser()
        folder, stem = (path, "") if value.endswith("/") else (path.parent, path.name)
        try:
            names = sorted(p.name + ("/" if p.is_dir() else "") for p in folder.iterdir()
                           if not p.name.startswith("."))
        except OSError:
            return None
        for name in names:
            if name.startswith(stem) and name != stem:
                return value + name[len(stem):]
        return None


class OpenFileDialog(ModalScreen[Path | None]):
    """Dismisses with an existing file's path, or None."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消", show=False)]

    def __init__(self, title: str, folder: Path, exclude: Path | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.folder = folder
        self.exclude = exclude.resolve() if exclude else None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Input(value=f"{self.folder}/", id="path", suggester=PathSuggester(),
                        select_on_focus=False, placeholder="文件路径；→ 接受补全，Enter 打开")
            yield Static("", id="problem", classes="hint", markup=False)
            yield Static(terminal_safe(f"{self.folder} 中的计划文件："), markup=False)
            yield OptionList(*self._options(), id="files", markup=False)

    def _options(self) -> list[Option]:
        files = sorted(p for p in self.folder.glob("*.toml")
                       if p.is_file() and p.resolve() != self.exclude and not p.name.startswith("."))
        return [Option(Text(terminal_safe(p.name)), id=str(p)) for p in files]

    def on_mount(self) -> None:
        files = self.query_one(OptionList)
        if files.option_count:
            files.focus()
            files.highlighted = 0
        else:
            self.query_one(Input).focus()

    @on(OptionList.OptionSelected, "#files")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(event.option_id or ""))

    @on(Input.Submitted, "#path")
    def _typed(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        problem = not_a_file(path)
        if problem is None:
            self.dismiss(path)
        else:
            self.query_one("#problem", Static).update(terminal_safe(f"{problem}：{path}"))
