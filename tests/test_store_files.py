"""What a save does to the files around it: symlinks, outside edits, modes, temporary files."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planwright.plan import store


def test_saving_through_a_symlink_writes_the_real_file_and_keeps_the_link(write_sample, tmp_path):
    (tmp_path / "real").mkdir()
    real = write_sample(tmp_path / "real")
    link = tmp_path / "plan-link.toml"
    link.symlink_to(real)
    doc = store.load(link)
    doc.plan.meta.title = "改过的标题"
    store.save(doc)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert 'title = "改过的标题"' in real.read_text(encoding="utf-8")
    assert not doc.changed_on_disk()


def test_an_outside_edit_that_keeps_the_time_is_seen(write_sample, tmp_path):
    path = write_sample(tmp_path)
    doc = store.load(path)
    theirs = tmp_path / "theirs.toml"
    theirs.write_text(path.read_text(encoding="utf-8").replace("区数据局", "区大数据局"), encoding="utf-8")
    os.utime(theirs, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))  # as cp -p / rsync -t
    shutil.copy2(theirs, path)
    assert path.stat().st_mtime_ns == doc.mtime_ns
    assert doc.changed_on_disk()


def test_touching_the_file_without_changing_it_is_not_an_edit(write_sample, tmp_path):
    path = write_sample(tmp_path)
    doc = store.load(path)
    os.utime(path, ns=(1, 1))
    assert not doc.changed_on_disk()


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o027])
def test_new_files_respect_the_umask_and_old_ones_keep_their_mode(tmp_path, umask):
    old = os.umask(umask)
    try:
        store.atomic_write(tmp_path / "new.txt", b"x")
        kept = tmp_path / "kept.txt"
        kept.write_bytes(b"a")
        kept.chmod(0o640)
        store.atomic_write(kept, b"b")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_a_temporary_file_left_by_a_dead_process_goes_on_the_next_write(tmp_path):
    target = tmp_path / "plan.toml"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".plan.toml.{dead.stdout.strip()}.abc123.tmp"
    left.write_bytes(b"half")
    mine = tmp_path / f".plan.toml.{os.getpid()}.zzz999.tmp"  # a live writer's: not touched
    mine.write_bytes(b"busy")
    someone = tmp_path / ".other.toml.1.abc.tmp"
    someone.write_bytes(b"not ours")
    store.atomic_write(target, b"new")
    assert not left.exists()
    assert mine.exists() and someone.exists()


def test_a_symlink_loop_is_one_line_when_loaded_or_written(tmp_path):
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    with pytest.raises(store.PlanFileError, match="符号链接成环"):
        store.load(tmp_path / "a.toml")
    with pytest.raises(store.OutputRefused, match="符号链接成环"):
        store.check_output_path(tmp_path / "a.toml", replace=True)


def test_check_cli_names_a_symlink_loop_in_one_line(cli, tmp_path):
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    result = cli("check", str(tmp_path / "a.toml"))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "符号链接成环" in lines[0] and "Traceback" not in result.output
