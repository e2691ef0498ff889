"""Where planwright writes, under faults (issue 14): an output that is not a regular file is
written through, and a writer killed at any moment leaves no temporary file and a target that
is either the old file or the complete new one.

The kill tests run real processes in a loop and signal them at random moments; each is a
few seconds, so they carry the ``slow`` mark (still run by default and in CI).
"""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import planwright
from planwright.plan import store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and POSIX signals")


def _reading(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    """A reader at the other end of ``fifo`` (a writer's open blocks until one comes)."""
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            got.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, got


@pytest.mark.parametrize("through_link", [False, True])
def test_atomic_write_to_a_fifo_writes_through_and_keeps_the_fifo(tmp_path, through_link):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = fifo
    if through_link:
        target = tmp_path / "out.txt"
        target.symlink_to(fifo)
    reader, got = _reading(fifo)
    store.atomic_write(target, "一、公开预算\n".encode())
    reader.join(5)
    assert got == ["一、公开预算\n".encode()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # not replaced by a regular file
    assert target.is_symlink() == through_link
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"pipe", target.name})  # no temp file


def test_atomic_write_to_a_device_writes_through(tmp_path):
    null = tmp_path / "null"
    try:  # a device of our own beside the test (creating one needs root)
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    store.atomic_write(null, b"x" * 10)
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


@pytest.mark.parametrize("command", [
    ("new", "--style", "jinan", "--year", "2027", "-o", "{out}", "--force"),
    ("export", "{plan}", "--format", "notice-txt", "-o", "{out}", "--force"),
    ("diff", "{plan}", "{plan2}", "--format", "md", "-o", "{out}", "--force"),
])
def test_every_cli_writer_writes_through_a_fifo(tmp_path, cli, command):
    from sample_plans import jinan_plan

    plan, plan2, fifo = tmp_path / "plan.toml", tmp_path / "plan2.toml", tmp_path / "out"
    planwright.save(jinan_plan(), plan)
    planwright.save(jinan_plan(), plan2)
    os.mkfifo(fifo)
    reader, got = _reading(fifo)
    result = cli(*(a.format(out=fifo, plan=plan, plan2=plan2) for a in command))
    reader.join(5)
    assert result.exit_code == 0, result.output
    assert got and got[0].strip()  # the output went down the pipe
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# -- a writer killed while it writes ----------------------------------------------------------

_SIGNALLED_IN_THE_WRITE = """
import os, signal, sys
from planwright.cli.main import main
real_fsync = os.fsync

def fsync(fd):  # the signal comes while the temporary file exists, between write and rename
    real_fsync(fd)
    os.kill(os.getpid(), int(sys.argv[1]))

os.fsync = fsync
main(sys.argv[2:], prog_name="planwright")
"""


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _big_plan_and_its_export(folder: Path, cli) -> tuple[Path, bytes]:
    from sample_plans import big_plan

    plan = folder / "plan.toml"
    planwright.save(big_plan(300), plan)
    reference = folder / "reference.json"
    assert cli("export", plan, "--format", "json", "-o", reference, "--allow-errors").exit_code == 0
    return plan, reference.read_bytes()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_during_the_write_waits_for_it_then_ends_the_export(tmp_path, cli, signum):
    plan, complete = _big_plan_and_its_export(tmp_path, cli)
    out = tmp_path / "out.json"
    out.write_text("去年的导出\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _SIGNALLED_IN_THE_WRITE, str(int(signum)), "export", str(plan),
                           "--format", "json", "-o", str(out), "--force", "--allow-errors"],
                          capture_output=True, text=True, timeout=60)
    # ended by the signal (or, for SIGINT, by its one-line message), after the rename
    assert done.returncode in (-signum, 128 + signum), done.stderr
    assert "Traceback" not in done.stderr
    assert out.read_bytes() == complete
    assert _leftovers(tmp_path) == []


@pytest.mark.slow
def test_export_killed_at_random_moments_leaves_the_old_or_the_complete_file(tmp_path, cli, planwright_exe):
    plan, complete = _big_plan_and_its_export(tmp_path, cli)
    out = tmp_path / "out.json"
    old = "去年的导出\n".encode()
    rng = random.Random(14)
    start = time.monotonic()
    subprocess.run([str(planwright_exe), "export", str(plan), "--format", "json", "-o", str(tmp_path / "timed.json"),
                    "--allow-errors"], check=True, capture_output=True)
    whole = time.monotonic() - start  # how long one export takes here: the kills fall inside it
    for _ in range(12):
        out.write_bytes(old)
        proc = subprocess.Popen([str(planwright_exe), "export", str(plan), "--format", "json", "-o", str(out),
                                 "--force", "--allow-errors"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.3, 1.0) * whole)
        proc.send_signal(rng.choice([signal.SIGTERM, signal.SIGINT]))
        _, err = proc.communicate(timeout=30)
        assert b"Traceback" not in err
        assert _leftovers(tmp_path) == []
        assert out.read_bytes() in (old, complete)


_KILLED_IN_THE_WRITE = """
import os, signal, sys
from planwright.plan import store
real_fsync = os.fsync

def fsync(fd):  # kill -9 between write and rename: nothing of ours can clean up
    real_fsync(fd)
    os.kill(os.getpid(), signal.SIGKILL)

os.fsync = fsync
store.atomic_write(sys.argv[1], b"half")
"""


def test_the_next_editor_removes_what_an_editor_killed_mid_write_left(tmp_path, write_sample, host):
    from planwright.tui.session import Session, recovery_path

    plan = write_sample(tmp_path)
    for target in (plan, recovery_path(plan), recovery_path(plan, pid=4242)):  # a save, both recovery files
        done = subprocess.run([sys.executable, "-c", _KILLED_IN_THE_WRITE, str(target)], timeout=60)
        assert done.returncode == -signal.SIGKILL
    assert len(_leftovers(tmp_path)) == 3
    live = tmp_path / f".{plan.name}.{os.getpid()}.abc123.tmp"  # a write still under way (this process)
    live.write_bytes(b"")
    session = Session.open(plan, host)
    try:
        assert _leftovers(tmp_path) == [live.name]
        assert plan.read_text(encoding="utf-8") != "half"
    finally:
        session.release()


@pytest.mark.slow
def test_a_save_killed_9_at_random_moments_leaves_the_old_or_the_complete_plan(tmp_path, cli, planwright_exe):
    """kill -9 cannot be caught: what holds is the rename — the plan is the old file or the whole
    new one, never half; the temporary file left is removed by the next write beside it."""
    from sample_plans import big_plan

    last = tmp_path / "2027.toml"
    planwright.save(big_plan(120), last)
    reference = tmp_path / "reference.toml"
    assert cli("new", "--from", last, "--year", "2028", "-o", reference).exit_code == 0
    complete = reference.read_bytes()
    target = tmp_path / "2028.toml"
    old = "# 上一次保存的计划\n".encode() + complete
    command = [str(planwright_exe), "new", "--from", str(last), "--year", "2028", "-o", str(target), "--force"]
    start = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    whole = time.monotonic() - start
    rng = random.Random(9)
    for _ in range(6):
        target.write_bytes(old)
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 1.0) * whole)
        proc.kill()
        proc.wait(timeout=30)
        assert target.read_bytes() in (old, complete)
    store.atomic_write(target, complete)  # the next write beside it
    assert _leftovers(tmp_path) == []



# Ctrl+C lands as a module is imported: {module} (click: the command line is still loading;
# planwright: the package itself, before the console script's entry point has handed over).
_INTERRUPTED_AT_IMPORT = """
import os, signal, sys
import importlib.abc

class Interrupt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["planwright", "--version"]
from {entry} import run
run()
"""


def _interrupted_at_import(module: str, entry: str) -> subprocess.CompletedProcess:
    script = _INTERRUPTED_AT_IMPORT.format(module=module, entry=entry)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)


def test_ctrl_c_while_the_command_line_is_still_loading_prints_no_traceback():
    done = _interrupted_at_import("click", "planwright.cli.entry")
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr, done.stderr
    assert done.returncode == 130 and "已中断" in done.stderr


def test_ctrl_c_before_the_package_itself_has_loaded_prints_no_traceback():
    """The console script's entry point (planwright_start) sets the quiet handler before
    ``import planwright``, which alone takes a few tens of milliseconds."""
    done = _interrupted_at_import("planwright", "planwright_start")
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr, done.stderr
    assert done.returncode == 130 and "已中断" in done.stderr


# The command line with its command replaced by a stand-in that meets an interrupt the way a
# real command can: the stand-in's body is filled in below, then entry.run runs it.
_STAND_IN = """
import sys, weakref
sys.argv = ["planwright", "--version"]
import planwright.cli.main as cli_main

def stand_in(*args, **kwargs):
{body}

cli_main.main = stand_in
from planwright.cli.entry import run
run()
"""

# A module loading mid-command makes a class: Python 3.11 wraps the KeyboardInterrupt raised in
# a descriptor's __set_name__ (a dataclass field) in a RuntimeError.
_IN_A_CLASS = """
    class Field:
        def __set_name__(self, owner, name):
            raise KeyboardInterrupt
    class Loaded:
        sniff = Field()
"""

# Ctrl+C lands in a callback (importlib's module-lock callback): Python ignores it and goes on.
_IN_A_CALLBACK = """
    class Loaded:
        pass
    def callback(_):
        raise KeyboardInterrupt
    loaded = Loaded()
    watch = weakref.ref(loaded, callback)
    del loaded
    print("命令照常完成")
"""


def _stand_in(body: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _STAND_IN.format(body=body)], capture_output=True, text=True,
                          timeout=60)


def test_ctrl_c_while_a_command_loads_a_class_prints_no_traceback():
    done = _stand_in(_IN_A_CLASS)
    assert "Traceback" not in done.stderr and "RuntimeError" not in done.stderr, done.stderr
    assert done.returncode == 130 and "已中断" in done.stderr


def test_ctrl_c_that_python_ignores_in_a_callback_prints_no_traceback():
    done = _stand_in(_IN_A_CALLBACK)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert done.returncode == 0 and "命令照常完成" in done.stdout


def test_the_console_script_starts_at_planwright_start():
    import tomllib

    from corpus import ROOT

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["planwright"] == "planwright_start:run"
