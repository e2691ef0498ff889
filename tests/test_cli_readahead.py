"""``planwright edit`` reads the plan in a child process while the editor loads (cli/readahead.py).

The document the editor gets is the one ``load`` gives, read once; a plan the child cannot
read is refused by the parent with the usual one line, file and place, exit 2.
Each check runs in a fresh interpreter: a fork is made only by a process with one thread,
which a test runner's process need not be.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="reading ahead needs fork")

# Reads through ReadAhead as `edit` does, and says which process read the file and what came back.
_SCRIPT = textwrap.dedent("""
    import json, os, sys
    from planwright.plan import store

    real_load = store.load
    log = sys.argv[2]

    def load(path):
        with open(log, "a") as f:  # a file: the child's read is seen here too
            f.write(f"{os.getpid()}\\n")
        return real_load(path)

    store.load = load
    from planwright.cli.readahead import ReadAhead

    reading = ReadAhead(sys.argv[1])
    forked = reading._pid is not None
    doc = reading.document()
    fresh = real_load(sys.argv[1])
    readers = [int(line) for line in open(log)]
    print(json.dumps({"forked": forked, "same": doc == fresh, "path": str(doc.path),
                      "titles": [p.title for p in doc.plan.points],
                      "readers": [r != os.getpid() for r in readers]}))
""")


def _read_ahead(plan: Path, tmp_path: Path) -> dict:
    script = tmp_path / "read_ahead.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(plan), str(tmp_path / "reads.log")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_plan_is_read_once_in_a_child_and_arrives_as_load_gives_it(write_sample, tmp_path):
    plan = write_sample(tmp_path)
    seen = _read_ahead(plan, tmp_path)
    assert seen["forked"]
    assert seen["readers"] == [True]  # one read, by the child: the parent only took the result
    assert seen["same"] and seen["path"] == str(plan)
    assert seen["titles"] and all(seen["titles"])


def test_a_plan_the_child_cannot_read_is_read_and_refused_by_the_parent(tmp_path):
    plan = tmp_path / "broken.toml"
    plan.write_text('schema = "planwright/1"\n\n[plan]\ntitle = "未闭合\n', encoding="utf-8")
    script = tmp_path / "read_ahead.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(plan), str(tmp_path / "reads.log")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "PlanFileError" in err and "broken.toml" in err
    readers = [int(line) for line in (tmp_path / "reads.log").read_text().split()]
    assert len(readers) == 2 and readers[0] != proc.pid and readers[1] == proc.pid  # the child tried, then
    # the parent read it itself, to say what is wrong as load says it


def test_edit_of_a_broken_plan_is_one_line_naming_file_and_line(planwright_process, tmp_path):
    plan = tmp_path / "broken.toml"
    plan.write_text('schema = "planwright/1"\n\n[plan]\ntitle = "未闭合\nyear = 2027\n', encoding="utf-8")
    done = planwright_process("edit", plan)
    assert done.returncode == 2
    said = done.stderr.strip()
    assert "\n" not in said and "Traceback" not in said
    assert str(plan) in said and "4" in said and "TOML" in said
    assert done.stdout == ""


def test_edit_of_a_plan_that_is_not_utf8_says_so_once(planwright_process, tmp_path):
    plan = tmp_path / "gbk.toml"
    plan.write_bytes('schema = "planwright/1"\n[plan]\ntitle = "示例区政务公开工作要点"\n'.encode("gb18030"))
    done = planwright_process("edit", plan)
    assert done.returncode == 2
    said = done.stderr.strip()
    assert said.count("UTF-8") >= 1 and said.count("\n") == 0  # the parent's message only, not the child's too
    assert str(plan) in said and "GBK" in said
