"""Nothing hostile reaches the terminal (issue 14): whatever a plan, a notice or a file name
holds — escape sequences (ESC [2J clears the screen, ESC ] 0 ; … sets the window title), C0
and C1 controls (U+009B is an 8-bit CSI), DEL, bidirectional overrides (U+202E shows the rest
of a line reversed) — every command's output, on stdout and stderr or in a text file it writes,
carries none of them raw.
JSON output keeps such characters as \\uXXXX escapes, which read back as the same value.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planwright
from planwright.plan.model import Unit

# what must never be printed raw (tab and newline are text; CRLF ends an .ics line)
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PIECES = ["\x1b[2J", "\x1b]0;pwned\x07", "\x1b[31m", "\x1bc", "\x1b", "\x07", "\x08", "\r", "\x7f", "\x85",
          "\x9b2J", "\x9d0;t\x9c", "\u202e", "\u202d", "\u2066", "\u2069", "\x00", "\x1bP1|x\x1b\\"]
HOSTILE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join)


def _assert_clean(what: str, text: str) -> None:
    found = RAW.search(text.replace("\r\n", "\n"))
    assert found is None, f"{what}: {found.group()!r} reached the terminal in {text[max(0, found.start() - 40):found.end() + 40]!r}"


def _plans(folder: Path, hostile: str) -> tuple[Path, Path, str]:
    """Last year's plan and this year's, with the hostile text in a unit's name, titles, a task's
    text, the issuer and a deadline, and in the file names themselves."""
    from sample_plans import jinan_plan

    unit = f"区{hostile}财政局"
    old, new = jinan_plan(), jinan_plan()
    for plan in (old, new):
        plan.units.append(Unit(unit))
        plan.meta.issuer += hostile
        plan.points[0].title += hostile
        task = plan.points[0].tasks[0]
        task.lead = [unit]
        task.deadline = f"2027年6月底{hostile}"
    new.points[0].tasks[0].text = f"预算和决算{hostile}在批复后二十日内公开。"
    new.points[1].tasks[0].title = f"开展全员{hostile}培训"
    name = hostile.replace("\x00", "").replace("/", "")
    old_path, new_path = folder / f"去年{name}.toml", folder / f"今年{name}.toml"
    planwright.save(old, old_path)
    planwright.save(new, new_path)
    return old_path, new_path, unit


def _commands(old: Path, new: Path, unit: str, folder: Path) -> list[tuple]:
    return [
        ("check", new), ("check", new, "--format", "json"),
        ("diff", old, new), ("diff", old, new, "--unit", unit), ("diff", old, new, "--format", "md"),
        ("diff", old, new, "--format", "json"), ("diff", old, new, "--format", "html"),
        *(("export", new, "--format", fmt, "--allow-errors") for fmt in ("notice-txt", "md", "json", "ics")),
        ("new", "--from", new, "--year", "2028", "-o", folder / "next.toml", "--force"),
        ("ledger", "status", new, "--as-of", "2027-07-01"), ("ledger", "status", new, "--format", "json"),
        ("ledger", "report", new, "--format", "md", "--as-of", "2027-07-01"),
        ("ledger", "send", new, "-o", folder / "sheets", "--force"),
        # reports written to a file are read with cat and less too
        *(("diff", old, new, "--format", fmt, "-o", folder / f"diff.{fmt}", "--force") for fmt in ("text", "md", "html")),
        *(("export", new, "--format", fmt, "-o", folder / f"export.{fmt}", "--force", "--allow-errors")
          for fmt in ("notice-txt", "md", "ics")),
    ]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_no_command_prints_a_control_character_or_escape_of_the_plan(cli, hostile):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old, new, unit = _plans(folder, hostile)
        for command in _commands(old, new, unit, folder):
            result = cli(*command)
            assert result.exit_code in (0, 1), (command, result.output)
            _assert_clean(" ".join(map(str, command[:4])), result.stdout + result.stderr)
            if "json" in command:
                json.loads(result.stdout)  # the escapes read back
            written = command[command.index("-o") + 1] if "-o" in command else None
            if written is not None and written.is_file() and written.suffix != ".toml":
                _assert_clean(f"{written.name} of {command[0]}", written.read_bytes().decode("utf-8"))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_import_and_its_report_print_nothing_hostile_of_the_notice(cli, hostile):
    notice_text = (f"样例县人民政府办公室关于印发2027年政务公开工作要点的通知\n\n各乡镇人民政府：\n现将要点印发给你们。\n\n"
                   f"样例县人民政府办公室\n2027年3月9日\n\n一、做好{hostile}信息公开\n"
                   f"（一）公开预算{hostile}。（责任单位：县财政局{hostile}）\n（二）公开政策解读。（责任单位：{hostile}）\n")
    with tempfile.TemporaryDirectory() as tmp:
        notice = Path(tmp) / f"通知{hostile.replace(chr(0), '').replace('/', '')}.txt"
        notice.write_text("说明。" * 1500 + "\n" + notice_text, encoding="utf-8")  # no NUL in the first 4 KB
        for command in (("import", notice, "-o", Path(tmp) / "plan.toml", "--force"),
                        ("diff", notice, notice)):
            result = cli(*command)
            assert result.exit_code == 0, result.output
            _assert_clean(command[0], result.stdout + result.stderr)


@settings(max_examples=8, deadline=None)
@given(HOSTILE)
def test_a_refusal_that_quotes_the_file_prints_nothing_hostile(cli, hostile):
    key = json.dumps(hostile)  # a TOML basic string is a JSON string
    broken = {
        "unknown key": f'schema = "planwright/1"\n[plan]\ntitle = "要点"\nyear = 2027\n{key} = 1\n',
        "bad value": f'schema = "planwright/1"\n[plan]\ntitle = "要点"\nyear = {key}\n',
        "bad line": f'schema = "planwright/1"\n[plan]\ntitle = "要点{hostile}\n',
    }
    with tempfile.TemporaryDirectory() as tmp:
        for what, text in broken.items():
            plan = Path(tmp) / "plan.toml"
            plan.write_text(text, encoding="utf-8")
            for command in (("check", plan), ("export", plan, "--format", "json")):
                result = cli(*command)
                assert result.exit_code == 2, (what, result.output)
                _assert_clean(f"{what}: {command[0]}", result.stdout + result.stderr)


def test_json_writers_escape_del_c1_and_bidi_controls_and_read_back():
    from planwright.zh.clean import json_dumps

    value = {"单位": "区\x7f财政\x9b2J局\u202e", "列": ["\u2028", "\x85"]}
    text = json_dumps(value, indent=2)
    assert RAW.search(text) is None and "\u2028" not in text
    assert "\\u009b" in text and "\\u202e" in text
    assert json.loads(text) == value


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(HOSTILE)
def test_what_a_terminal_shows_of_a_diff_and_findings_carries_nothing_hostile(monkeypatch, capsys, hostile):
    # the layout a person at a terminal gets (rich): a terminal without colours, so that any
    # escape sequence in the output could only have come from the plan
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TERM", "dumb")
    from planwright.cli.report import print_comparison, print_findings

    with tempfile.TemporaryDirectory() as tmp:
        old, new, _ = _plans(Path(tmp), hostile)
        comparison = planwright.compare(planwright.load(old), planwright.load(new))
        findings = planwright.check(planwright.load(new))
    capsys.readouterr()
    print_comparison(comparison)
    print_findings(findings, new)
    _assert_clean("the terminal's diff and findings", capsys.readouterr().out)


def _screen_of(command: list[str], seconds: float) -> bytes:
    """What ``command`` writes to a terminal (a pty, 100×30) in its first ``seconds``."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import subprocess
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    out, end = b"", time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    out += os.read(master, 65536)
                except OSError:
                    break
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        os.close(master)
    return out


def test_the_editor_shows_a_hostile_file_name_without_its_controls(write_sample, planwright_exe, tmp_path):
    # the header shows the file's name: Textual itself drops only BEL, BS, VT, FF and CR
    plan = write_sample(tmp_path, "计划\x1b[2J乙\x1b]0;pwned\x1b\\丙\x9b7m丁\u202e戊.toml")
    screen = _screen_of([str(planwright_exe), "edit", str(plan)], 8)
    assert "戊".encode() in screen, "the editor did not draw its header"
    for raw in ("\x1b[2J乙", "\x1b]0;pwned", "\x9b", "\u202e"):
        assert raw.encode() not in screen, f"{raw!r} of the file name reached the terminal"
