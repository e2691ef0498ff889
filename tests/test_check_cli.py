"""`planwright check` and `planwright export --format json` as a user runs them.

Exit codes: 0 no errors, 1 errors found, 2 the file cannot be used (one line naming
file:line, never a traceback). Most tests run the command in process (CliRunner)
with only the core rules loaded; one runs the installed console script.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest


CLEAN = '''\
schema = "planwright/1"

[plan]
title = "2027年示例区政务公开工作要点"
year = 2027
issuer = "示例区人民政府办公室"
doc_number = "示政办字〔2027〕3号"
date = 2027-03-01
recipients = ["各街道办事处", "区政府各部门"]
publicity = "此件公开发布"

[[units]]
name = "区财政局"
aliases = ["财政局"]

[[points]]
id = "pt0001"
title = "聚焦重点领域"

[[points.tasks]]
id = "tk0001"
title = "做好预决算公开"
text = """
预算、决算批复后20日内公开。
细化到功能分类项级科目。"""
lead = ["区财政局"]
deadline = "2027年10月底前"

[[points.tasks.items]]
id = "it0001"
text = "公开部门预算"
deadline = "持续推进"
'''

# Two errors (a deadline in the past year, an item without text) and a warning.
WITH_ERRORS = (CLEAN.replace('deadline = "2027年10月底前"', 'deadline = "2026年10月底前"')
                    .replace('text = "公开部门预算"', 'text = ""')
                    .replace('title = "聚焦重点领域"', 'title = "聚焦重点领域,抓好落实"'))

BROKEN = CLEAN.replace('lead = ["区财政局"]', 'lead = "区财政局"')


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# only the core rules: these tests are about the command, not about any style
pytestmark = pytest.mark.usefixtures("core_rules_only")


def write(tmp_path: Path, text: str, name: str = "plan.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_plan_exits_0(cli, tmp_path: Path) -> None:
    result = cli("check", str(write(tmp_path, CLEAN)))
    assert result.exit_code == 0, result.output
    assert "检查通过" in result.stdout


def test_errors_exit_1_and_each_finding_names_file_line_place(cli, tmp_path: Path) -> None:
    path = write(tmp_path, WITH_ERRORS)
    result = cli("check", str(path))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    deadline = next(line for line in lines if "PW-DL-002" in line)
    assert deadline.startswith(f"{path}:{line_of(WITH_ERRORS, '2026年10月底前')}")
    assert "错误" in deadline and "一/（一）" in deadline and "早于计划年度2027年" in deadline
    empty = next(line for line in lines if "PW-TEXT-001" in line)
    empty_text = WITH_ERRORS.splitlines().index('text = ""') + 1
    assert empty.startswith(f"{path}:{empty_text}") and "一/（一）/1" in empty
    punct = next(line for line in lines if "PW-PUNCT-001" in line)
    assert "警告" in punct and punct.startswith(f"{path}:{line_of(WITH_ERRORS, '聚焦重点领域,')}")
    # errors are listed before warnings, and the summary counts them
    assert lines.index(deadline) < lines.index(punct)
    assert lines[-1] == "2 个错误，1 个警告，0 个提示"


def test_broken_file_exits_2_with_file_and_line(cli, tmp_path: Path) -> None:
    path = write(tmp_path, BROKEN)
    result = cli("check", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"planwright: {path}:{line_of(BROKEN, 'lead = ')}: ")
    assert "“lead” 应为文本列表" in result.stderr
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an exception escaping


@pytest.mark.parametrize("text", ["[plan\ntitle = 1\n", 'schema = "planwright/9"\n'])
def test_unusable_files_exit_2(cli, tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    result = cli("check", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"planwright: {path}:1: ")


@pytest.mark.parametrize("text", ["", "  \n\t\n", "\ufeff\n"], ids=["empty", "blank", "bom-only"])
def test_an_empty_file_is_refused_not_checked(cli, tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    result = cli("check", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == f"planwright: {path}: 文件是空的 (empty file)"


def test_a_key_written_twice_is_named_with_its_line(cli, tmp_path: Path) -> None:
    text = CLEAN.replace('year = 2027\n', 'year = 2027\ntitle = "又一个标题"\n', 1)
    result = cli("check", str(write(tmp_path, text)))
    assert result.exit_code == 2
    second, first = line_of(text, "又一个标题"), line_of(text, "title = \"2027年")
    assert f":{second}: 键 “title” 重复 (key written twice)；第 {first} 行已写过" in result.stderr
    assert "Cannot overwrite" not in result.stderr


def test_missing_file_exits_2(cli, tmp_path: Path) -> None:
    result = cli("check", str(tmp_path / "nowhere.toml"))
    assert result.exit_code == 2 and "文件不存在" in result.stderr and "Traceback" not in result.output


def test_a_style_that_is_not_installed_is_an_error_at_its_line(cli, tmp_path: Path) -> None:
    """Its rules, wording and registry are missing: a silent pass would mislead."""
    text = CLEAN.replace('year = 2027\n', 'year = 2027\nstyle = "no-such-style"\n')
    path = write(tmp_path, text)
    result = cli("check", str(path))
    assert result.exit_code == 1, result.output
    finding = next(line for line in result.stdout.splitlines() if "PW-STYLE" in line)
    assert finding.startswith(f"{path}:{line_of(text, 'style = ')}") and "no-such-style" in finding
    refused = cli("export", str(path), "--format", "json")
    assert refused.exit_code == 2 and "no-such-style" in refused.stderr and refused.stdout == ""


def test_json_format(cli, tmp_path: Path) -> None:
    path = write(tmp_path, WITH_ERRORS)
    result = cli("check", str(path), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"file", "errors", "warnings", "findings"}
    assert (data["file"], data["errors"], data["warnings"]) == (str(path), 2, 1)
    for finding in data["findings"]:
        assert set(finding) == {"rule", "severity", "where", "line", "field", "node_id", "message"}
    first = data["findings"][0]
    assert first == {"rule": "PW-DL-002", "severity": "error", "where": "一/（一）",
                     "line": line_of(WITH_ERRORS, 'deadline = "2026'), "field": "deadline",
                     "node_id": "tk0001", "message": first["message"]}
    assert "早于计划年度2027年" in first["message"]


def test_json_of_a_clean_plan(cli, tmp_path: Path) -> None:
    result = cli("check", str(write(tmp_path, CLEAN)), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == []


def keys_of(value, path=()):
    """Every (path, key) of nested tables and arrays of tables."""
    out = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            out.add((path, key))
            out |= keys_of(inner, path + (key,))
    elif isinstance(value, list):
        for inner in value:
            out |= keys_of(inner, path)
    return out


def test_export_json_has_the_plan_files_keys(cli, tmp_path: Path) -> None:
    path = write(tmp_path, CLEAN)
    result = cli("export", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    written = tomllib.loads(CLEAN)
    # every key the file has is in the JSON at the same place, with the same value
    assert keys_of(written) <= keys_of(data)
    assert data["plan"]["date"] == "2027-03-01"
    assert data["plan"]["recipients"] == ["各街道办事处", "区政府各部门"]
    task = data["points"][0]["tasks"][0]
    assert (task["id"], task["lead"], task["deadline"]) == ("tk0001", ["区财政局"], "2027年10月底前")
    assert task["text"] == "预算、决算批复后20日内公开。\n细化到功能分类项级科目。"
    assert task["items"][0] == {"id": "it0001", "text": "公开部门预算", "lead": [], "support": [],
                                "deadline": "持续推进"}
    # and nothing that is not a plan-file key
    assert set(data) <= {"schema", "plan", "units", "points", "body"}


def test_export_refuses_a_plan_with_errors_unless_allowed(cli, tmp_path: Path) -> None:
    path = write(tmp_path, WITH_ERRORS)
    refused = cli("export", str(path), "--format", "json")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "2 个错误" in refused.stderr and "--allow-errors" in refused.stderr
    allowed = cli("export", str(path), "--format", "json", "--allow-errors")
    assert allowed.exit_code == 0
    assert json.loads(allowed.stdout)["points"][0]["tasks"][0]["deadline"] == "2026年10月底前"


def test_the_installed_command(planwright_process, tmp_path: Path) -> None:
    """The console script in a real process: exit codes, stdout/stderr, no traceback."""
    clean, errors, broken = (write(tmp_path, t, n) for t, n in
                             ((CLEAN, "clean.toml"), (WITH_ERRORS, "errors.toml"), (BROKEN, "broken.toml")))
    ok = planwright_process("check", str(clean))
    assert ok.returncode == 0, ok.stderr
    bad = planwright_process("check", str(errors), "--format", "json")
    assert bad.returncode == 1 and json.loads(bad.stdout)["errors"] == 2
    unusable = planwright_process("check", str(broken))
    assert unusable.returncode == 2 and unusable.stdout == ""
    assert unusable.stderr.strip() == (f"planwright: {broken}:{line_of(BROKEN, 'lead = ')}: "
                                       "[points.tasks] 的 “lead” 应为文本列表 (list of strings)，实为 文本 '区财政局'")
