"""``planwright serve`` answers a browser; ``planwright edit NOTICE`` imports, asks where to save, opens.

The server is started as a user starts it (the console script, a real process)
on a free loopback port, asked for its page over HTTP, and stopped.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

NOTICE = """关于印发2027年示例县政务公开工作要点的通知

各乡镇人民政府，县政府各部门：
现将《2027年示例县政务公开工作要点》印发给你们，请认真贯彻落实。

2027年示例县政务公开工作要点

一、深化重点领域公开
（一）做好预算决算公开。各部门按时公开预算决算及说明。（牵头单位：县财政局）
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_http_on_localhost_and_stops(planwright_exe: Path, write_sample, tmp_path):
    plan = write_sample(tmp_path)
    port = free_port()
    server = subprocess.Popen([str(planwright_exe), "serve", str(plan), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        page = ""
        for _ in range(150):  # up to 30 s on a busy machine
            if server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"http://localhost:{port}/", timeout=2) as response:
                    assert response.status == 200
                    page = response.read().decode("utf-8", "replace")
                    break
            except OSError:
                time.sleep(0.2)
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        assert "plan.toml" in page  # the page is titled with the plan it serves
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode is not None


def test_serve_warns_and_refuses_another_address_without_yes(planwright_process, write_sample, tmp_path):
    plan = write_sample(tmp_path)
    done = planwright_process("serve", plan, "--host", "0.0.0.0", "--port", free_port())
    assert done.returncode != 0
    assert "警告" in done.stderr and "0.0.0.0" in done.stderr and "--yes" in done.stderr
    assert "Traceback" not in done.stderr


def test_edit_a_notice_imports_it_asks_where_to_save_and_opens_the_plan(cli, tmp_path, monkeypatch):
    import planwright.tui.app as tui_app

    notice = tmp_path / "通知.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    opened: list[Path] = []
    monkeypatch.setattr(tui_app, "run_editor", lambda path, host, doc=None: opened.append(Path(path)) or 0)
    target = tmp_path / "2027.toml"
    result = cli("edit", notice, input=f"{target}\n")
    assert result.exit_code == 0, result.output
    assert opened == [target] and target.exists()
    assert "保存为" in result.output
    from planwright.plan import store

    plan = store.load(target).plan
    assert plan.points and plan.points[0].tasks[0].lead == ["县财政局"]


def test_the_server_collects_its_garbage_though_short_commands_do_not(monkeypatch, tmp_path):
    """A short command runs with the collector off (cli/entry.py); a server runs for hours and
    must collect what its connections leave behind."""
    import gc
    import sys

    from planwright.cli import entry
    from planwright.cli import serve as serve_module

    seen: list[bool] = []
    monkeypatch.setattr(serve_module, "serve", lambda *args: seen.append(gc.isenabled()))
    monkeypatch.setattr(sys, "argv", ["planwright", "serve"])
    was = gc.isenabled()
    try:
        with pytest.raises(SystemExit):
            entry.run()
        assert seen == [True]
        monkeypatch.setattr(sys, "argv", ["planwright", "plugins"])
        with pytest.raises(SystemExit):
            entry.run()
        assert not gc.isenabled()  # what `plugins` left: the collector off while it ran
    finally:
        gc.enable() if was else gc.disable()
        gc.unfreeze()
