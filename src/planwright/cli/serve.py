"""``planwright serve [PLAN]``: the editor in a web browser, through textual-serve.

For offices whose clerks work on a Windows desktop without a terminal: the
machine that holds the plans runs ``planwright serve``, a clerk opens the page
and gets the same editor (each browser tab starts its own editor process).
Localhost by default: the editor reads and writes files as the user who runs
it, and textual-serve has no log-in, so any other address is refused unless the
person starting it says yes to a warning that says so.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from planwright.cli.output import UserError

LOCAL = {"localhost", "127.0.0.1", "::1"}


def editor_command(plan: Path | None, options: list[str]) -> str:
    """The shell command textual-serve runs per browser tab: this Python, this planwright."""
    args = [sys.executable, "-c", "from planwright_start import run; run()", *options]
    args += ["edit", str(plan.resolve())] if plan is not None else []
    return shlex.join(args)


def confirm_address(host: str, port: int, yes: bool) -> None:
    """Ask before listening anywhere but this machine; refuse when nobody can answer."""
    if host in LOCAL:
        return
    warning = (f"警告：将在 {host}:{port} 上提供编辑器。能访问这个地址的任何人都能打开、修改并保存本机上"
               f"你有权限的计划文件（没有登录和密码）。只在可信的内部网络上这样做。\n"
               f"Warning: anyone who can reach {host}:{port} can open, edit and save plan files as you "
               f"(no log-in).")
    click.echo(warning, err=True)
    if yes:
        return
    if not sys.stdin.isatty():
        raise UserError(f"{host}: 不是本机地址；确认风险后加 --yes 再运行 (not localhost: add --yes)")
    if not click.confirm("继续？(continue?)", default=False, err=True):
        raise UserError("已取消 (cancelled)")


def serve(plan: Path | None, host: str, port: int, options: list[str], yes: bool) -> None:
    """Serve the editor until interrupted (Ctrl+C)."""
    if plan is not None and not plan.exists() and not plan.is_symlink():  # a loop: the editor's load says so
        raise UserError(f"{plan}: 文件不存在 (file not found)；新建计划请用 planwright new")
    confirm_address(host, port, yes)
    from textual_serve.server import Server

    title = f"planwright — {plan.name}" if plan is not None else "planwright"
    click.echo(f"在浏览器中打开 http://{host}:{port}/ （Ctrl+C 停止）", err=True)
    Server(editor_command(plan, options), host=host, port=port, title=title).serve()
