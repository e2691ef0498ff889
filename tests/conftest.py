"""Shared test fixtures. The corpus lives in ../shared beside the checkout and is read at run time.

Commands are run through two fixtures, so every test drives the CLI the same way:
``cli`` runs ``planwright ARGS`` in process (click's CliRunner) and ``planwright_process``
runs the installed console script in a real process, for what only a process shows
(exit status to a shell, stderr kept apart, no traceback, plugins found through entry points).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
TRUTH = SHARED / "truth"
CORPUS = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def host():
    """The plugin host as a user gets it (built-in styles through entry points)."""
    from planwright.host import Host

    return Host()


def corpus_available() -> bool:
    return SEEDS.is_dir() and TRUTH.is_dir()


def _invoke(*args: object, columns: int = 300, input: str | None = None, catch_exceptions: bool = False) -> Result:
    """``planwright ARGS`` in process: the Result has exit_code, stdout, stderr, output (both) and exception.

    Wide columns by default so that rich never folds a long finding; a test about
    what an ordinary terminal shows asks for ``columns=80``. An exception the
    command did not turn into a message is raised, not folded into exit code 1.
    """
    from planwright.cli.main import main

    runner = CliRunner(env={"COLUMNS": str(columns)})
    return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=catch_exceptions)


@pytest.fixture(scope="session")
def cli() -> Callable[..., Result]:
    """Run the command line in process: ``cli("check", path)`` → click Result (exit_code, stdout, stderr)."""
    return _invoke


def _console_script() -> Path:
    beside = Path(sys.executable).with_name("planwright")
    if beside.exists():
        return beside
    found = shutil.which("planwright")
    if found is None:
        pytest.fail("the planwright console script is not installed (pip install -e '.[test]')")
    return Path(found)


@pytest.fixture(scope="session")
def planwright_exe() -> Path:
    """The installed ``planwright`` console script (for tests that drive it through a terminal)."""
    return _console_script()


@pytest.fixture(scope="session")
def planwright_process(planwright_exe: Path) -> Callable[..., subprocess.CompletedProcess]:
    """Run ``planwright ARGS`` in a real process: → CompletedProcess (returncode, stdout, stderr as text)."""

    def run(*args: object, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(planwright_exe), *map(str, args)], cwd=cwd, env=env,
                              capture_output=True, text=True)

    return run
