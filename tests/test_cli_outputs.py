"""Where the commands write: every output is checked before any work is done.

An output in a folder that does not exist, or a file that is already there
(without --force), is one line naming the file, exit 2, and nothing written —
for new, import, diff and export alike. Each runs in process with only the
core rules; the plan is the shipped demo, so no style is needed.
"""

from __future__ import annotations

from pathlib import Path

import pytest


NOTICE = """示例区人民政府办公室关于印发2027年示例区政务公开工作要点的通知

各街道办事处，区政府各部门：
现将《2027年示例区政务公开工作要点》印发给你们，请认真贯彻落实。

2027年示例区政务公开工作要点

一、聚焦重点领域
（一）做好预算公开。预算批复后按时公开。（责任单位：区财政局）
"""

PLAN = """schema = "planwright/1"

[plan]
title = "2027年示例区政务公开工作要点"
year = 2027
issuer = "示例区人民政府办公室"

[[points]]
id = "pt0001"
title = "聚焦重点领域"

[[points.tasks]]
id = "tk0001"
title = "做好预算公开"
lead = ["区财政局"]
deadline = "2027年10月底"
"""


# only the core rules: these tests are about the command, not about any style
pytestmark = pytest.mark.usefixtures("core_rules_only")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "new.toml").write_text(PLAN.replace("做好预算公开", "做好预决算公开"), encoding="utf-8")
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    return tmp_path


def commands(folder: Path, out: Path) -> dict[str, list[str]]:
    return {
        "new": ["new", "--from", str(folder / "plan.toml"), "--year", "2028", "-o", str(out)],
        "import": ["import", str(folder / "notice.txt"), "-o", str(out)],
        "diff": ["diff", str(folder / "plan.toml"), str(folder / "new.toml"), "--format", "md", "-o", str(out)],
        "export": ["export", str(folder / "plan.toml"), "--format", "md", "-o", str(out)],
    }


@pytest.mark.parametrize("command", ["new", "import", "diff", "export"])
def test_output_in_a_missing_folder_is_named_and_nothing_is_written(cli, folder: Path, command: str) -> None:
    out = folder / "no-such-folder" / "out.x"
    before = sorted(p.name for p in folder.iterdir())
    result = cli(*commands(folder, out)[command])
    assert result.exit_code == 2, result.output
    assert f"{out}: 目录" in result.stderr and "不存在" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.parametrize("command", ["new", "import", "diff", "export"])
def test_an_existing_output_is_kept_unless_forced(cli, folder: Path, command: str) -> None:
    out = folder / "out.x"
    out.write_text("kept", encoding="utf-8")
    args = commands(folder, out)[command]
    refused = cli(*args)
    assert refused.exit_code == 2
    assert f"{out}: 文件已存在" in refused.stderr and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "kept"
    replaced = cli(*args, "--force")
    assert replaced.exit_code == 0, replaced.output
    assert out.read_text(encoding="utf-8") != "kept"


@pytest.mark.parametrize("command, given", [("new", "plan.toml"), ("import", "notice.txt"),
                                            ("diff", "new.toml"), ("export", "plan.toml")])
def test_an_input_is_never_the_output_even_with_force(cli, folder: Path, command: str, given: str) -> None:
    """``new --from 2026.toml -o 2026.toml --force`` would lose last year's plan for good."""
    out = folder / given
    before = out.read_bytes()
    result = cli(*commands(folder, out)[command], "--force")
    assert result.exit_code == 2 and f"{out}: 输出文件就是输入文件" in result.stderr
    assert out.read_bytes() == before


@pytest.mark.parametrize("year", ["27", "202", "20270"])
def test_new_wants_a_four_digit_year(cli, tmp_path: Path, year: str) -> None:
    result = cli("new", "--style", "jinan", "--year", year, "-o", str(tmp_path / "p.toml"))
    assert result.exit_code == 2 and "四位年份" in result.stderr
    assert not list(tmp_path.iterdir())
