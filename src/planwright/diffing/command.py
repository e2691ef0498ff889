"""The body of ``planwright diff OLD NEW [--format …] [-o FILE]``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planwright.plan import store
from planwright.plan.model import Plan
from planwright.zh.units import Registry
from planwright.diffing.compare import compare
from planwright.diffing.result import Comparison

if TYPE_CHECKING:
    from planwright.host import Host

FORMATS = ("text", "md", "html", "docx", "json")


def registry_of(old, new, host: "Host | None") -> Registry | None:
    """The new plan's registry (its style's defaults and its own [[units]]) over the old one's."""
    if host is None:
        return Registry([*old.units, *new.units])
    from planwright.rules.engine import registry_for

    return registry_for(old, host).merged(registry_for(new, host))


def compare_plans(old: Plan, new: Plan, host: "Host | None", old_label: str = "",
                  new_label: str = "") -> Comparison:
    """``compare`` with the new plan's deadline phrases and both plans' registries, labelled."""
    phrases = host.phrases_for(new.meta.style or None) if host is not None else ()
    cmp = compare(old, new, registry_of(old, new, host), phrases)
    cmp.old_label, cmp.new_label = old_label, new_label
    return cmp


def comparison_of(old_path: Path, new_path: Path, host: "Host | None" = None) -> Comparison:
    """Load both files (a bad one raises PlanFileError naming it) and compare them."""
    old, new = load_pair(Path(old_path), Path(new_path))
    return compare_plans(old, new, host, Path(old_path).name, Path(new_path).name)


def load_pair(old_path: Path, new_path: Path) -> tuple[Plan, Plan]:
    """Both plans (a bad file raises PlanFileError naming it).

    Reading them side by side in a forked child was tried: on a loaded
    two-core machine it was slower (copy-on-write of the parent's heap), so
    the two files are read one after the other.
    """
    return store.load(old_path).plan, store.load(new_path).plan


def render(cmp: Comparison, fmt: str) -> bytes:
    """The report in one of FORMATS, as the bytes a file would hold."""
    if fmt == "json":
        from planwright.diffing.render_json import to_json
        return to_json(cmp).encode("utf-8")
    if fmt == "md":
        from planwright.diffing.render_md import to_markdown
        return to_markdown(cmp).encode("utf-8")
    if fmt == "html":
        from planwright.diffing.render_html import to_html
        return to_html(cmp).encode("utf-8")
    if fmt == "docx":
        from planwright.diffing.render_docx import to_docx
        return to_docx(cmp)
    if fmt == "text":
        from planwright.diffing.render_rich import to_text
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
        data = render(cmp, fmt)
        try:
            store.atomic_write(output, data)
        except OSError as exc:
            _fail(f"{output}: 无法写入 (cannot write): {exc.strerror or exc}")
        return
    if fmt == "text":
        _print_terminal(cmp)
    else:
        sys.stdout.write(render(cmp, fmt).decode("utf-8"))
        sys.stdout.flush()


def _print_terminal(cmp: Comparison) -> None:
    from rich.console import Console

    from planwright.diffing.render_rich import to_rich

    console = Console(highlight=False)
    markers = console.no_color or console.color_system is None
    console.print(to_rich(cmp, markers=markers))


def _fail(message: str) -> None:
    from planwright.cli.main import UserError # the CLI's one-line message and exit status 2

    raise UserError(message)
