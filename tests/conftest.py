"""Shared test fixtures. The corpus lives in ../shared beside the checkout and is read at run time.

Commands are run through two fixtures, so every test drives the CLI the same way:
``cli`` runs ``planwright ARGS`` in process (click's CliRunner) and ``planwright_process``
runs the installed console script in a real process, for what only a process shows
(exit status to a shell, stderr kept apart, no traceback, plugins found through entry points).

The editor tests get their sample plan, the app and the Pilot helpers (settle, select,
type_text, paste) from fixtures here too. Textual is imported only inside them: the core's
tests must be able to check that importing planwright never loads it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpus import CORPUS, ROOT, SEEDS, SHARED, TRUTH, corpus_available  # noqa: F401  (older imports)

EDITOR_SAMPLE = Path(__file__).resolve().parent / "data" / "editor-sample.toml"


@pytest.fixture(scope="session")
def host():
    """The plugin host as a user gets it (built-in styles through entry points)."""
    from planwright.host import Host

    return Host()


@pytest.fixture
def core_rules_only(monkeypatch) -> None:
    """Only the core rules: no installed style is loaded (for tests about a command, not a style)."""
    from planwright import host as plugins

    monkeypatch.setattr(plugins, "_entry_points", lambda: [])
    monkeypatch.setattr(plugins, "_HOSTS", {})


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


# -- the editor (Pilot) ------------------------------------------------------------------


@pytest.fixture(scope="session")
def sample() -> str:
    """A small plan in the project's own words, with a comment that a save must keep, text that
    markup would eat ([50%], [b]) and punctuation of every width (tests/data/editor-sample.toml)."""
    return EDITOR_SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def write_sample(sample: str) -> Callable[..., Path]:
    """``write_sample(folder, name="plan.toml")`` writes the sample plan there and returns its path."""

    def write(folder: Path, name: str = "plan.toml") -> Path:
        path = folder / name
        path.write_text(sample, encoding="utf-8")
        return path

    return write


def _make_app(path: Path, host=None, checker: str = "thread"):
    """The editor on ``path``; validators in a thread unless ``checker="process"``."""
    from planwright.host import Host
    from planwright.tui.app import PlanwrightApp

    return PlanwrightApp(path, host or Host(), checker=checker)


@pytest.fixture(scope="session")
def make_app() -> Callable[..., object]:
    """``make_app(path, host=None, checker="thread")``: the editor, to drive with ``app.run_test()``."""
    return _make_app


async def _settle(pilot, app) -> None:
    """Let timers, workers and after-refresh callbacks finish."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _select(pilot, app, node_id: str) -> None:
    """Put the tree's cursor on ``node_id`` (its form opens) and settle."""
    app.editor.tree.select_id(node_id)
    await _settle(pilot, app)


async def _type_text(pilot, text: str) -> None:
    """Type like a person with an input method: one key per character, punctuation intact.

    ``pilot.press`` loses full-width punctuation (it rebuilds the character from
    the key name); a Key event with the character itself is what a terminal sends.
    """
    from textual import events
    from textual.keys import _character_to_key

    for ch in text:
        # to the app, as the terminal driver does: it routes keys to the focused widget
        pilot.app.post_message(events.Key(_character_to_key(ch), ch))
        await pilot.pause()


async def _paste(pilot, text: str) -> None:
    """A bracketed paste, delivered as the driver delivers it."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


@pytest.fixture(scope="session")
def settle() -> Callable[..., Awaitable[None]]:
    """``await settle(pilot, app)``: timers, workers and after-refresh callbacks done."""
    return _settle


@pytest.fixture(scope="session")
def select() -> Callable[..., Awaitable[None]]:
    """``await select(pilot, app, node_id)``: that node selected in the tree, its form shown."""
    return _select


@pytest.fixture(scope="session")
def type_text() -> Callable[..., Awaitable[None]]:
    """``await type_text(pilot, text)``: Chinese text typed key by key, as an input method sends it."""
    return _type_text


@pytest.fixture(scope="session")
def paste() -> Callable[..., Awaitable[None]]:
    """``await paste(pilot, text)``: a bracketed paste."""
    return _paste


# -- titles of the notice ----------------------------------------------------------------

# Words a clerk would never see cut, in titles written for these tests.
TITLE_WORDS = ["示例区", "样例市", "人民政府", "办公室", "政务公开", "工作要点", "标准化", "规范化", "实施方案",
               "行动计划", "（2027—2029年）", "2027年", "的通知", "重点工作", "任务分工"]


def _cut_inside(lines: list[str]) -> list[str]:
    """The kept words that a line break falls inside of."""
    text = "".join(lines)
    breaks, at = set(), 0
    for line in lines[:-1]:
        at += len(line)
        breaks.add(at)
    bad = []
    for word in TITLE_WORDS:
        start = text.find(word)
        while start >= 0:
            if any(start < b < start + len(word) for b in breaks):
                bad.append(word)
            start = text.find(word, start + 1)
    return bad


@pytest.fixture(scope="session")
def cut_inside() -> Callable[[list[str]], list[str]]:
    """``cut_inside(lines)``: the words a reader keeps whole that a title's line break falls inside of."""
    return _cut_inside
