"""The library's front door: ``import planwright`` and the README's example, run as written."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import planwright
from planwright.plan import newplan

ROOT = Path(__file__).resolve().parents[1]


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 用作库 · As a library", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


@pytest.fixture
def two_years(tmp_path: Path, host) -> Path:
    """2026.toml from a style's template and 2027.toml rolled over from it, in a fresh folder."""
    old = newplan.from_template("jinan", 2026, host=host)
    planwright.save(old.doc, tmp_path / "2026.toml")
    new = newplan.from_last_year(tmp_path / "2026.toml", 2027, style=None, host=host)
    planwright.save(new.doc, tmp_path / "2027.toml")
    return tmp_path


def test_the_readme_example_runs_as_written(two_years: Path) -> None:
    code = _readme_example()
    assert len([line for line in code.splitlines() if line.strip()]) <= 6  # import + five lines
    run = subprocess.run([sys.executable, "-c", code], cwd=two_years, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    summary = run.stdout.strip().splitlines()[-1]
    assert "'unchanged':" in summary and "'reworded': 0" in summary  # a roll-over rewords nothing
    with zipfile.ZipFile(two_years / "通知.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "2027" in body


def test_importing_planwright_loads_neither_the_editor_nor_the_command_line() -> None:
    code = ("import sys, planwright; planwright.load; planwright.Plan; "
            "print(sorted(m for m in ('textual', 'click', 'rich') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_the_front_door_documents_every_name_it_gives() -> None:
    for name in ("load", "save", "check", "import_notice", "compare", "export"):
        assert getattr(planwright, name).__doc__, name
    for name in ("Plan", "Point", "Task", "Item", "Unit", "Meta", "Finding", "Comparison", "Exported",
                 "EXPORT_FORMATS", "DIFF_FORMATS"):
        assert getattr(planwright, name) is not None and name in dir(planwright)
    with pytest.raises(AttributeError):
        planwright.no_such_name  # noqa: B018


def test_export_stays_the_function_after_the_exporting_package_is_imported(host) -> None:
    import planwright.exporting.notice  # noqa: F401 — would rebind planwright.export if the names clashed

    assert callable(planwright.export) and planwright.export.__module__ == "planwright"


def test_load_reads_text_and_names_it_in_messages(tmp_path: Path) -> None:
    doc = planwright.load(tmp_path / "x.toml", text='[plan]\ntitle = "某区2027年政务公开工作要点"\nyear = 2027\n')
    assert doc.plan.meta.year == 2027
    with pytest.raises(planwright.PlanFileError, match=r"x\.toml:2"):
        planwright.load(tmp_path / "x.toml", text="[plan]\nyear = \n")


def test_check_export_and_compare_take_a_bare_plan(two_years: Path, host) -> None:
    plan = planwright.load(two_years / "2027.toml").plan
    findings = planwright.check(plan, host=host)
    assert all(f.line is None for f in findings)  # no file: no lines to name
    from_file = planwright.check(two_years / "2027.toml", host=host)
    assert [(f.rule, f.node_id) for f in findings] == [(f.rule, f.node_id) for f in from_file]
    exported = planwright.export(plan, "json", host=host)
    assert exported.format.name == "json" and exported.data.startswith(b"{") and exported.errors == []
    comparison = planwright.compare(two_years / "2026.toml", plan, host=host)
    assert comparison.old_label == "2026.toml" and comparison.new_label == ""
    assert len(comparison.changes) == sum(len(p.tasks) + 1 for p in plan.points) + sum(
        len(t.items) for _, t in plan.tasks())


def test_an_export_with_errors_is_refused_naming_the_file(tmp_path: Path, host) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[plan]\ntitle = "某区2027年政务公开工作要点"\nyear = 2027\n'
                    '[[points]]\ntitle = "一个要点"\n[[points.tasks]]\ntext = "没有牵头单位的任务。"\n',
                    encoding="utf-8")
    with pytest.raises(planwright.ExportError, match=str(path)):
        planwright.export(path, "notice-txt", host=host)
    allowed = planwright.export(path, "notice-txt", host=host, allow_errors=True)
    assert allowed.errors and all(f.severity == "error" for f in allowed.errors)
