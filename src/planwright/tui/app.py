"""The planwright editor app and ``run_editor``, which the CLI calls.

    planwright edit PLAN.toml     run_editor(Path("PLAN.toml"), host)
    planwright                    run_editor(<a fresh copy of the demo plan>, host)
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import Reactive
from textual.screen import Screen

from planwright.tui.checker import Checker, ProcessChecker, ThreadChecker
from planwright.tui.csscache import KeptStylesheet
from planwright.tui.screens.choice import ChoiceDialog
from planwright.tui.screens.editor import EditorScreen
from planwright.tui.session import Recovery, Session
from planwright.tui.terminal import harden

if TYPE_CHECKING:
    from planwright.host import Host
    from planwright.plan.store import PlanDocument


# seconds a terminated editor has to write its recovery file and close cleanly; after a
# hang-up there is no screen left to restore, so it has less
TERMINATE_GRACE = 5.0
HANGUP_GRACE = 2.0
# seconds the last-resort recovery write may take before the process ends without it
LAST_WRITE = 2.0


class PlanwrightApp(App[None]):
    """A full-screen editor for one plan file."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "命令", key_display="^P", priority=True, show=False,
                id="command_palette", tooltip="打开命令面板：输入中文名称或拼音首字母"),
    ]

    # The titles change at the first edit and at an undo back to the saved plan (有未保存的修改 ↔
    # 已保存). Textual's own repaint the whole screen on each change; the header (widgets/header)
    # watches them and repaints its one line, which is all that shows them.
    title: Reactive[str] = Reactive("", compute=False, repaint=False)
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)

    def __init__(self, path: Path, host: "Host", *, checker: str = "process",
                 doc: "PlanDocument | None" = None) -> None:
        """``checker``: "process" (validators in a child process) or "thread" (tests).
        ``doc``: the plan file already read from ``path`` (the CLI reads it first to
        refuse a broken file); reading a big plan again would double the wait."""
        super().__init__()
        # the same (empty) stylesheet, but its pieces are parsed once and kept between runs
        self.stylesheet = KeptStylesheet(variables=self.stylesheet._variables)
        harden()  # no control of a file name or a message reaches the terminal through a widget
        self._terminating = 0  # the exit status once a signal asked the editor to end (128 + its number)
        self.session = Session(doc, host) if doc is not None else Session.open(Path(path), host)
        self.title = self.session.path.name
        # Made before the app runs: multiprocessing needs the real stderr, which
        # Textual replaces with a capture while it runs.
        self.checker = self._make_checker(checker)

    def _make_checker(self, mode: str) -> Checker:
        if mode == "process":
            try:
                return ProcessChecker(self.session.host)
            except (OSError, RuntimeError, ValueError):  # no child processes here: use a thread
                pass
        return ThreadChecker(self.session.host)

    def on_mount(self) -> None:
        self._catch_termination()
        self.push_screen(EditorScreen(self.session, self.checker))
        # asked once the editor has drawn: a dialog pushed before the screen
        # under it has had a frame could stay undrawn on a real terminal
        self.set_timer(0.05, self.offer_pending_recovery)

    def _catch_termination(self) -> None:
        """A kill (SIGTERM) or a closed terminal (SIGHUP) ends the editor cleanly.

        Python's default would stop at once: no last recovery write, and the
        checker's child process left for the resource tracker to complain about.
        The handler is Python's own (not the event loop's), so it runs even when
        the loop is stuck (a terminal closed mid-start left about one editor in
        eight running, deaf to SIGTERM); the clean end then has a few seconds,
        after which, or at a second signal, the process ends regardless.
        """
        import asyncio
        import signal

        loop = asyncio.get_running_loop()

        def handler(signum: int, frame: object) -> None:
            if self._terminating:
                self._end_now()  # a second signal: the clean end did not come
            self._terminating = 128 + signum
            grace = HANGUP_GRACE if signum == getattr(signal, "SIGHUP", None) else TERMINATE_GRACE
            threading.Thread(target=self._end_after, args=(grace,), daemon=True).start()
            loop.call_soon_threadsafe(self._terminated)

        for sig in (signal.SIGTERM, signal.SIGHUP):
            try:
                signal.signal(sig, handler)
            except (AttributeError, ValueError, OSError):  # not on this platform, not the main thread
                pass

    def _terminated(self) -> None:
        # on the app's own thread, so the live plan can be written as it is
        try:
            if self.session.dirty:
                self.session.write_recovery_of(self.session.plan)
        except OSError:
            pass  # a full disk must not keep the editor alive
        self.exit(return_code=self._terminating or 143)

    def _end_after(self, seconds: float) -> None:
        time.sleep(seconds)
        self._end_now()

    def _end_now(self) -> None:
        """The clean end did not come (a terminal that is gone can block the loop on its
        output): the unsaved edits go to the recovery file if that can be done in a moment,
        the lock goes, and the process ends — never left running, whatever is stuck."""
        def last_write() -> None:
            try:
                self.session.write_recovery()
            except Exception:  # noqa: BLE001 — nothing may keep a terminated editor alive
                pass

        writer = threading.Thread(target=last_write, daemon=True)
        writer.start()
        writer.join(LAST_WRITE)  # the store's lock may be held by the stuck thread: wait only so long
        try:
            self.session.release()
        except OSError:
            pass
        os._exit(self._terminating or 143)

    def offer_pending_recovery(self) -> None:
        """At open: say first that another editor has the plan open, then offer what a
        crashed editor left."""
        if self.session.elsewhere is not None:
            self.warn_open_elsewhere(self.session.elsewhere)
        recovery = self.session.pending_recovery()
        if recovery is not None:
            self.offer_recovery(recovery)

    def warn_open_elsewhere(self, holder) -> None:
        """The plan's lock is live: only look, edit at one's own risk, or leave."""

        def answer(choice: str | None) -> None:
            if choice == "continue":
                self.notify("另一个编辑器也在编辑此计划；保存时会提示磁盘上的改动", severity="warning",
                            timeout=8, markup=False)
            elif choice == "quit":
                self.exit()
            else:  # only look (also Esc): nothing this editor does can be saved over the other's
                self.session.read_only = True
                self.editor.update_title()
                self.notify("只读打开：可以查看，不能保存", timeout=5, markup=False)

        self.push_screen(ChoiceDialog(
            "计划已在别处打开",
            f"{self.session.path.name} 正由另一个编辑器打开：{holder.describe()}。\n"
            "只读查看：可以查看，不能保存。\n仍然编辑：风险自负，两边的修改可能互相覆盖。\n退出：不打开。",
            [("readonly", "只读查看"), ("continue", "仍然编辑"), ("quit", "退出")], danger="continue"), answer)

    def offer_recovery(self, recovery: Recovery) -> None:
        """A recovery file from an editor that ended without saving: take it or drop it."""
        import time

        written = time.strftime("%Y-%m-%d %H:%M", time.localtime(recovery.written))

        def answer(choice: str | None) -> None:
            editor = self.editor
            if choice == "restore":
                self.session.apply_recovery(recovery)
                editor.after_reload("已恢复未保存的内容；检查无误后请按 Ctrl+S 保存")
            elif choice == "discard":
                self.session.drop_recovery(recovery)
                self.notify("已丢弃恢复文件", timeout=3, markup=False)

        self.push_screen(ChoiceDialog(
            "发现未保存的内容",
            f"上次编辑 {self.session.path.name} 时有内容没有保存（{written} 自动留存）。\n"
            "恢复：把这些内容放回编辑器（原文件暂不改动，保存后才写入）。\n"
            "丢弃：删除恢复文件，按磁盘上的文件打开。\n稍后再说：这次不处理，恢复文件保留。",
            [("restore", "恢复"), ("discard", "丢弃"), ("cancel", "稍后再说")], danger="discard"), answer)

    def open_plan(self, path: Path, notes: list[str] | None = None) -> None:
        """Switch the editor to another plan file (the current one is saved or clean).

        ``notes``: what the roll-over that made the file wants a person to check.
        """
        fresh = Session.open(Path(path), self.session.host)
        self.session.close()
        self.session = fresh
        self.editor.use_session(fresh)
        recovery = self.session.pending_recovery()
        if recovery is not None:
            self.offer_recovery(recovery)
        if notes:
            from planwright.tui.screens.new_year import show_notes

            show_notes(self, fresh.path.name, notes)

    def action_command_palette(self) -> None:
        """The palette with a Chinese prompt (Textual's own asks in English)."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder="输入命令名称或拼音首字母，如 dc（导出）……"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands, named in Chinese; quitting is the editor's."""
        yield SystemCommand("更换配色主题", "选择界面配色（theme）", self.action_change_theme)
        if screen.query("HelpPanel"):
            yield SystemCommand("隐藏按键面板", "关闭右侧的按键说明", self.action_hide_help_panel)
        else:
            yield SystemCommand("显示按键面板", "在右侧列出当前可用的按键", self.action_show_help_panel)

    @property
    def editor(self) -> EditorScreen:
        return next(s for s in self.screen_stack if isinstance(s, EditorScreen))

    async def action_quit(self) -> None:
        """Ctrl+Q (and the palette's quit) ask first when there are unsaved edits."""
        self.editor.action_quit()


def run_editor(path: Path, host: "Host", doc: "PlanDocument | None" = None) -> int:
    """Open the editor on ``path`` (``doc``: that file, already read); returns the exit
    status when the user quits (143 when killed)."""
    app = PlanwrightApp(Path(path), host, doc=doc)
    try:
        app.run()
    finally:
        app.session.release()  # the lock goes with the editor (a crash leaves it stale, not live)
    return app.return_code or 0
