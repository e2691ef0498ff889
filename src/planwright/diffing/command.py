"""The body of ``planwright diff OLD NEW [--format …] [-o FILE]``."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .. import store
from ..model import Plan
from ..units import Registry
from .compare import compare
from .result import Comparison

if TYPE_CHECKING:
    from ..plugins import Host

FORMATS = ("text", "md", "html", "docx", "json")


def registry_of(old, new, host: "Host | None") -> Registry | None:
    """The new plan's registry (its style's defaults and its own [[units]]) over the old one's."""
    if host is None:
        return Registry([*old.units, *new.units])
    from ..validate import registry_for

    return registry_for(old, host).merged(registry_for(new, host))


def comparison_of(old_path: Path, new_path: Path, host: "Host | None" = None) -> Comparison:
    """Load both files (a bad one raises PlanFileError naming it) and compare them."""
    old, new = load_pair(Path(old_path), Path(new_path))
    phrases = host.phrases_for(new.meta.style or None) if host is not None else ()
    cmp = compare(old, new, registry_of(old, new, host), phrases)
    cmp.old_label, cmp.new_label = Path(old_path).name, Path(new_path).name
    return cmp


# Below this size (both files) a second process costs more than it saves.
PARALLEL_BYTES = 400_000


def load_pair(old_path: Path, new_path: Path) -> tuple[Plan, Plan]:
    """Both plans; large files are read side by side, the new one in a forked child.

    Reading TOML is pure Python (tomllib): two 1,000-task plans take half a
    second, which is half the time `diff` may take. On a machine with two
    cores the child reads one file while this process reads the other.
    """
    if not _parallel_worth_it(old_path, new_path):
        return store.load(old_path).plan, store.load(new_path).plan
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: read the new plan, send it back, leave at once
        os.close(read_end)
        _send_plan(new_path, write_end)
        os._exit(0)
    os.close(write_end)
    try:
        old = store.load(old_path).plan
    finally:
        payload = _read_all(read_end)
        os.waitpid(pid, 0)
    return old, _received_plan(payload, new_path)


def _parallel_worth_it(old_path: Path, new_path: Path) -> bool:
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return False
    try:
        return old_path.stat().st_size + new_path.stat().st_size >= PARALLEL_BYTES
    except OSError:
        return False  # the sequential load reports the missing file properly


def _send_plan(path: Path, fd: int) -> None:
    try:
        message = ("plan", store.load(path).plan)
    except store.PlanFileError as exc:
        message = ("error", (exc.path, exc.message, exc.line))
    except BaseException as exc:  # noqa: BLE001 - whatever it is, the parent reports it
        message = ("crash", f"{type(exc).__name__}: {exc}")
    try:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001
        data = pickle.dumps(("crash", f"{type(exc).__name__}: {exc}"))
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(data)


def _read_all(fd: int) -> bytes:
    with os.fdopen(fd, "rb") as pipe:
        return pipe.read()


def _received_plan(payload: bytes, path: Path) -> Plan:
    if not payload:  # the child died before it could answer: read here instead
        return store.load(path).plan
    kind, value = pickle.loads(payload)
    if kind == "plan":
        return value
    if kind == "error":
        raise store.PlanFileError(*value)
    return store.load(path).plan  # an unexpected failure: let it show here, with its traceback


def render(cmp: Comparison, fmt: str) -> bytes:
    """The report in one of FORMATS, as the bytes a file would hold."""
    if fmt == "json":
        from .render_json import to_json
        return to_json(cmp).encode("utf-8")
    if fmt == "md":
        from .render_md import to_markdown
        return to_markdown(cmp).encode("utf-8")
    if fmt == "html":
        from .render_html import to_html
        return to_html(cmp).encode("utf-8")
    if fmt == "docx":
        from .render_docx import to_docx
        return to_docx(cmp)
    if fmt == "text":
        from .render_rich import to_text
        return to_text(cmp).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")


def run_diff_command(old_path: Path, new_path: Path, fmt: str, output: Path | None,
                     host: "Host | None" = None) -> None:
    """Compare, then write the report to ``output`` (atomically) or to the terminal."""
    if fmt not in FORMATS:
        _fail(f"未知的格式 (unknown format) “{fmt}”；可用：{'、'.join(FORMATS)}")
    if fmt == "docx" and output is None:
        _fail("docx 格式需要用 -o 指定输出文件 (docx needs -o FILE)")
    for path in (old_path, new_path):
        if output is not None and Path(output).resolve() == Path(path).resolve():
            _fail(f"{output}: 输出文件不能是被比对的计划文件 (output would overwrite an input)")
    cmp = comparison_of(old_path, new_path, host)
    if output is not None:
        store.atomic_write(output, render(cmp, fmt))
        return
    if fmt == "text":
        _print_terminal(cmp)
    else:
        sys.stdout.write(render(cmp, fmt).decode("utf-8"))
        sys.stdout.flush()


def _print_terminal(cmp: Comparison) -> None:
    from rich.console import Console

    from .render_rich import to_rich

    console = Console(highlight=False)
    markers = console.no_color or console.color_system is None
    console.print(to_rich(cmp, markers=markers))


def _fail(message: str) -> None:
    from ..cli import UserError  # the CLI's one-line message and exit status 2

    raise UserError(message)
