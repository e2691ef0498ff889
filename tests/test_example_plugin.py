"""The example third-party style (examples/planwright-ruyi) works when installed like a user would.

A fresh virtual environment (not sharing this one's site-packages) gets planwright
and the example installed from their source folders, non-editable, so that the
plugin is found only through its distribution's entry point. Dependencies come
from the package index (or pip's cache and configured wheel folders).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

from corpus import ROOT

pytestmark = pytest.mark.slow

EXAMPLE = ROOT / "examples" / "planwright-ruyi"


def _run(args: list, cwd: Path, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=900)
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict, Path]:
    """(bin folder, environment, a scratch folder outside the checkout)."""
    base = tmp_path_factory.mktemp("ruyi")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=True)  # its own site-packages: no --system-site-packages
    bin_dir = env_dir / "bin"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    _run([bin_dir / "python", "-m", "pip", "install", "-q", ROOT, f"{EXAMPLE}[test]"], cwd=base, env=env)
    work = base / "work"
    work.mkdir()
    return bin_dir, env, work


def test_the_fresh_environment_does_not_see_this_checkout(installed) -> None:
    bin_dir, env, work = installed
    where = _run([bin_dir / "python", "-c", "import planwright, planwright_ruyi; "
                  "print(planwright.__file__); print(planwright_ruyi.__file__)"], cwd=work, env=env)
    for line in where.stdout.split():
        assert not line.startswith(str(ROOT)), line


def test_plugins_lists_the_example_with_its_distribution(installed) -> None:
    bin_dir, env, work = installed
    listing = json.loads(_run([bin_dir / "planwright", "plugins", "--json"], cwd=work, env=env).stdout)
    ruyi = next(p for p in listing["plugins"] if p["name"] == "ruyi")
    assert (ruyi["distribution"], ruyi["version"], ruyi["status"]) == ("planwright-ruyi", "0.1.0", "active")
    assert ruyi["module"] == "planwright_ruyi" and not ruyi["builtin"]
    assert "planwright_styles" in ruyi["hooks"] and "planwright_validators" in ruyi["hooks"]
    style = next(s for s in listing["styles"] if s["name"] == "ruyi")
    assert (style["title"], style["distribution"], style["version"]) == ("如意县式（县级）", "planwright-ruyi", "0.1.0")
    assert {r["id"] for r in listing["rules"] if r["plugin"] == "ruyi"} == {"RY-001", "RY-002"}
    assert {s["name"] for s in listing["styles"]} >= {"jinan", "dalian", "ningguo", "jiangshan", "township"}
    text = _run([bin_dir / "planwright", "plugins"], cwd=work, env=env).stdout
    assert "planwright_ruyi" in text and "如意县式" in text


def test_new_and_check_with_the_example_style(installed) -> None:
    bin_dir, env, work = installed
    plan = work / "x.toml"
    made = _run([bin_dir / "planwright", "new", "--style", "ruyi", "--year", "2027", "-o", plan], cwd=work, env=env)
    assert "样式 ruyi，2027 年" in made.stdout
    data = tomllib.loads(plan.read_text(encoding="utf-8"))
    assert data["plan"]["style"] == "ruyi" and data["plan"]["title"] == "2027年如意县政务公开工作要点"
    checked = _run([bin_dir / "planwright", "check", plan], cwd=work, env=env, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "检查通过" in checked.stdout


def test_the_example_rule_fires_in_the_installed_command(installed) -> None:
    bin_dir, env, work = installed
    plan = work / "late.toml"
    _run([bin_dir / "planwright", "new", "--style", "ruyi", "--year", "2028", "-o", plan], cwd=work, env=env)
    text = plan.read_text(encoding="utf-8").replace('deadline = "每季度"', 'deadline = ""', 1)
    plan.write_text(text, encoding="utf-8")
    checked = _run([bin_dir / "planwright", "check", plan, "--format", "json"], cwd=work, env=env, check=False)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert [f["rule"] for f in report["findings"] if f["severity"] == "error"] == ["RY-001"]


def test_disabling_the_example_leaves_the_built_ins(installed) -> None:
    bin_dir, env, work = installed
    env = {**env, "PLANWRIGHT_DISABLE_PLUGINS": "planwright-ruyi"}
    listing = json.loads(_run([bin_dir / "planwright", "plugins", "--json"], cwd=work, env=env).stdout)
    assert next(p for p in listing["plugins"] if p["name"] == "ruyi")["status"] == "disabled"
    assert "ruyi" not in {s["name"] for s in listing["styles"]}


def test_the_example_passes_its_own_conformance_tests(installed) -> None:
    bin_dir, env, _ = installed
    result = _run([bin_dir / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=EXAMPLE, env=env,
                  check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_example_metadata_declares_the_entry_point() -> None:
    meta = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["entry-points"]["planwright"] == {"ruyi": "planwright_ruyi"}
    assert meta["build-system"]["build-backend"] == "hatchling.build"
    assert (EXAMPLE / "src" / "planwright_ruyi" / "templates" / "ruyi.toml").is_file()
    assert sys.version_info >= (3, 11)
