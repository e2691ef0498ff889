"""A non-editable install works: the wheel carries the built-in styles and the templates."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from corpus import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, text=True)
    (found,) = out.glob("planwright-*.whl")
    return found


def test_wheel_holds_plugins_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for style in ("jinan", "dalian", "ningguo", "jiangshan", "township"):
        assert f"planwright_{style}/__init__.py" in names
        assert f"planwright/templates/{style}.toml" in names
        assert {f"planwright_{style}/style.toml", f"planwright_{style}/registry.toml"} <= set(names)
    assert "planwright/templates/demo.toml" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[planwright]" in text and "jinan = planwright_jinan" in text


def test_installed_wheel_runs_plugins_and_new(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
                   check=True, capture_output=True, text=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # run outside the checkout so that nothing is imported from the source tree
    listing = subprocess.run([str(bin_dir / "planwright"), "plugins", "--json"], cwd=tmp_path,
                             env=env, check=True, capture_output=True, text=True)
    import json

    data = json.loads(listing.stdout)
    assert {s["name"] for s in data["styles"]} >= {"jinan", "dalian", "ningguo", "jiangshan", "township"}
    assert all(p["status"] == "active" for p in data["plugins"])
    plan = tmp_path / "plan.toml"
    subprocess.run([str(bin_dir / "planwright"), "new", "--style", "dalian", "--year", "2031", "-o", str(plan)],
                   cwd=tmp_path, env=env, check=True, capture_output=True, text=True)
    data = tomllib.loads(plan.read_text(encoding="utf-8"))
    assert data["plan"]["year"] == 2031 and data["plan"]["style"] == "dalian"
    assert "2031" in data["plan"]["title"]
    check = subprocess.run([str(bin_dir / "planwright"), "check", str(plan)], cwd=tmp_path, env=env,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
