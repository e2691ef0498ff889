"""Two editors on one plan: a lock beside it that survives a crash, a recovery file per editor,
and the "文件已被修改" dialog that never crashes (an invalid file, a full disk)."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planwright.host import Host
from planwright.plan import store
from planwright.tui import lock
from planwright.tui.recovery import plan_text
from planwright.tui.session import Session, recovery_path

SIZE = (120, 36)


@pytest.fixture(scope="module")
def host():
    return Host()


@pytest.fixture
def other_editor(tmp_path):
    """A live process of another editor: its pid, as a real lock would hold it."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield proc.pid
    proc.kill()
    proc.wait()


def _lock_for(path: Path, pid: int) -> None:
    lock.lock_path(path).write_text(json.dumps({"pid": pid, "host": socket.gethostname(), "started": time.time()}),
                                    encoding="utf-8")


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


def test_a_lock_taken_by_a_process_killed_9_is_stale_and_taken_over(write_sample, tmp_path, host):
    path = write_sample(tmp_path)
    for _ in range(3):  # a crash at any moment after the lock is written
        holder = subprocess.Popen([sys.executable, "-c",
                                   "import sys, time; from pathlib import Path; from planwright.tui import lock;"
                                   "lock.take(Path(sys.argv[1])); print('locked', flush=True); time.sleep(60)",
                                   str(path)], stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline().strip() == "locked"
        live = Session.open(path, host)
        assert live.elsewhere is not None and live.elsewhere.pid == holder.pid
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert lock.lock_path(path).exists(), "a crash leaves the lock behind"
        after = Session.open(path, host)
        assert after.elsewhere is None, "a dead editor's lock does not warn"
        assert lock.read_holder(path).pid == os.getpid()
        after.release()
        assert not lock.lock_path(path).exists()


def test_a_second_editor_writes_its_own_recovery_file(write_sample, tmp_path, host, other_editor):
    path = write_sample(tmp_path)
    _lock_for(path, other_editor)
    theirs = recovery_path(path)
    theirs.write_text("# the first editor's unsaved work\n", encoding="utf-8")
    second = Session.open(path, host)
    assert second.elsewhere is not None
    second.set_field("pt2aaa", "title", "第二个编辑器的修改")
    assert second.write_recovery()
    assert theirs.read_text(encoding="utf-8") == "# the first editor's unsaved work\n"
    assert second.recovery_file == recovery_path(path, os.getpid())
    assert "第二个编辑器的修改" in second.recovery_file.read_text(encoding="utf-8")
    assert second.pending_recovery() is None, "a live editor's recovery file is not offered"
    second.close()
    assert lock.read_holder(path).pid == other_editor, "closing never removes another editor's lock"


def test_a_dead_second_editors_recovery_is_offered_and_a_live_ones_is_not(sample, write_sample, tmp_path, host,
                                                                          other_editor):
    path = write_sample(tmp_path)
    plan = store.loads(sample).plan
    plan.find("pt2aaa").title = "死去的编辑器留下的"
    recovery_path(path, _dead_pid()).write_text(plan_text(plan), encoding="utf-8")
    plan.find("pt2aaa").title = "还在运行的编辑器的"
    recovery_path(path, other_editor).write_text(plan_text(plan), encoding="utf-8")
    session = Session.open(path, host)
    found = session.pending_recovery()
    assert found is not None and found.plan.find("pt2aaa").title == "死去的编辑器留下的"
    session.apply_recovery(found)
    assert not found.path.exists()
    assert session.pending_recovery() is None
    assert recovery_path(path, other_editor).exists()


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644])
def test_the_recovery_file_keeps_the_plans_mode(write_sample, tmp_path, host, mode):
    path = write_sample(tmp_path)
    path.chmod(mode)
    old = os.umask(0o022)
    try:
        session = Session.open(path, host)
        session.set_field("pt2aaa", "title", "私密的修改")
        assert session.write_recovery()
    finally:
        os.umask(old)
    assert stat.S_IMODE(session.recovery_file.stat().st_mode) == mode


async def test_the_second_editor_warns_and_read_only_saves_nothing(sample, write_sample, make_app, settle, select,
                                                                   type_text, tmp_path, other_editor):
    path = write_sample(tmp_path)
    _lock_for(path, other_editor)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "ChoiceDialog"
        assert "正由另一个编辑器打开" in app.screen.message and str(other_editor) in app.screen.message
        await pilot.press("enter")  # 只读查看 is the first answer
        await settle(pilot, app)
        await select(pilot, app, "pt2aaa")
        await pilot.press("enter", "end")
        await type_text(pilot, "（不应保存）")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert any("只读" in n.message for n in app._notifications)
    assert path.read_text(encoding="utf-8") == sample


@pytest.mark.parametrize("trouble", ["invalid", "full"])
async def test_changed_on_disk_dialog_reports_instead_of_crashing(sample, write_sample, make_app, settle, select,
                                                                  type_text, tmp_path, monkeypatch, trouble):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "pt2aaa")
        await pilot.press("enter", "end")
        await type_text(pilot, "（我的）")
        if trouble == "invalid":
            path.write_text("schema = \n[[[", encoding="utf-8")
            keys = ["right", "right"]  # 重新载入
        else:
            path.write_text(sample.replace("夯实平台基础", "夯实平台基础（他们的）"), encoding="utf-8")
            keys = ["right"]  # 覆盖

            def full(*args, **kwargs):
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(store, "atomic_write", full)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "ChoiceDialog"
        await pilot.press(*keys, "enter")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "EditorScreen"
        assert app.session.plan.find("pt2aaa").title == "夯实平台基础（我的）"
        assert app.session.dirty
        words = "无法重新载入" if trouble == "invalid" else "保存失败"
        assert any(words in n.message for n in app._notifications)
