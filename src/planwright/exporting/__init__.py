"""Exports: the notice, the task-division table, unit lists, Markdown, JSON, a calendar.

``export_document`` checks a plan and renders one format in memory; it is what
``planwright.export`` (the library's front door, the command and the editor's
export dialog) calls. The previews call ``notice_text``, ``table_rows`` and
``unit_view``. Nothing here prints or writes a file unasked: ``Exported.write``
writes with ``store.atomic_write`` (an existing file is replaced whole or not
at all), so a failed export leaves nothing behind. The formats' names are
``planwright.formats.EXPORT_FORMATS``.

A plan with validation errors is exported only when asked (``allow_errors``),
and then the output itself says so: a warning line in the text formats, a
header on every .docx page, a 检查结果 sheet in the workbooks, a key in the
JSON, a calendar description.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from planwright.plan import store
from planwright.api import Finding, NoticeLayout
from planwright.formats import EXPORT_FORMATS, OutputFormat
from planwright.plan.model import Plan
from planwright.zh.units import Registry
from planwright.exporting import calendar
from planwright.exporting.markdown import render_markdown
from planwright.exporting.notice import Block, build_notice, draft_warning, render_text
from planwright.exporting.table import HEADER, TableRow, table_rows, table_text
from planwright.exporting.units import SheetName, UnitEntry, UnitTasks, sheet_names, unit_view
from planwright.exporting.wording import layout_for, table_title
from planwright.zh.clean import clean_deep, json_dumps
from planwright.rules.engine import registry_for, run as run_rules

if TYPE_CHECKING:
    from planwright.host import Host

__all__ = [
    "ExportError", "Exported", "HEADER", "TableRow", "UnitEntry", "UnitTasks", "SheetName", "export_all",
    "export_document", "export_plan",
    "notice_blocks", "notice_text", "sheet_names", "table_rows", "table_text", "unit_view",
]


class ExportError(Exception):
    """An export that cannot be made (validation errors, a bad output path)."""


@dataclass(frozen=True)
class _Job:
    """What a renderer gets: the plan, its style's wording, the host, and the errors to declare."""

    plan: Plan
    layout: NoticeLayout
    host: "Host | None"
    errors: Sequence[Finding]

    @property
    def phrases(self) -> list:
        return self.host.phrases_for(self.plan.meta.style or None) if self.host is not None else []

    @property
    def warning(self) -> str:
        return draft_warning(self.errors) if self.errors else ""


# --- the pure functions the editor calls ----------------------------------------------


def notice_blocks(plan: Plan, host: "Host | None", errors: Sequence[Finding] = ()) -> list[Block]:
    """The notice as blocks (for a preview that wants the structure)."""
    return build_notice(plan, layout_for(plan, host), errors)


def notice_text(plan: Plan, host: "Host | None") -> str:
    """The full notice as plain text, as published on a web site."""
    return render_text(notice_blocks(plan, host), number_below=plan.meta.doc_number_at == "below")


def export_plan(plan: Plan, fmt: str, host: "Host | None", allow_errors: bool = False) -> bytes:
    """The bytes of one export format. Raises ExportError for an unknown format, or
    for a plan with validation errors unless allow_errors (then the output says so)."""
    return export_all(plan, host, [fmt], allow_errors)[fmt]


def export_all(plan: Plan, host: "Host | None", formats: Sequence[str] | None = None,
               allow_errors: bool = False) -> dict[str, bytes]:
    """Several formats at once, checked once: {format: bytes}."""
    specs = [_format(name) for name in (formats if formats is not None else EXPORT_FORMATS)]
    findings = run_rules(plan, host) if host is not None else []
    errors = _refuse_errors(findings, allow_errors, "计划")
    return {spec.name: _render(spec, plan, host, errors) for spec in specs}


# --- one export, for the front door and the command ---------------------------------------


@dataclass
class Exported:
    """One export made in memory: its bytes, and what the user should be told about it."""

    format: OutputFormat
    data: bytes
    errors: list[Finding] = field(default_factory=list)  # declared in the output (allow_errors)
    empty: str = ""  # why a calendar or a unit workbook has nothing in it ("" when it has)

    def write(self, path: str | os.PathLike) -> Path:
        """Write the bytes atomically: an existing file is replaced whole or not at all."""
        store.atomic_write(path, self.data)
        return Path(path)


def export_document(plan: Plan, fmt: str, host: "Host | None", *, allow_errors: bool = False,
                    doc: "store.PlanDocument | None" = None, what: str = "计划") -> Exported:
    """Check the plan (with ``doc``, findings name its file lines), then render ``fmt``.

    Raises ExportError for an unknown format, or for a plan with errors unless
    ``allow_errors``; ``what`` names the plan in that message (its file, usually).
    """
    spec = _format(fmt)
    findings = run_rules(plan, host, doc) if host is not None else []
    errors = _refuse_errors(findings, allow_errors, what)
    try:
        data = _render(spec, plan, host, errors)
    except ExportError as exc:
        raise ExportError(f"{what}: {exc}") from None
    return Exported(spec, data, errors, _nothing_to_list(spec.name, plan, data))


def _nothing_to_list(fmt: str, plan: Plan, data: bytes) -> str:
    """Why a calendar or a unit workbook came out empty ("" when it did not)."""
    if fmt == "ics" and b"BEGIN:VEVENT" not in data:
        return (f"没有落到具体日期的时限（如“{plan.meta.year or 2027}年10月底”），日历中没有事件 "
                "(no dated deadlines: the calendar is empty)")
    if fmt == "units" and not any(getattr(node, "lead", None) or getattr(node, "support", None)
                                  for node in plan.nodes()):
        return "没有写责任单位，各单位任务清单中只有表头 (no responsible units: the unit lists are empty)"
    return ""


def _refuse_errors(findings: Sequence[Finding], allow_errors: bool, what: str) -> list[Finding]:
    errors = [f for f in findings if f.severity == "error"]
    if errors and not allow_errors:
        first = errors[0]
        where = f"{first.where} " if first.where else ""
        line = f"（第 {first.line} 行）" if first.line else ""
        raise ExportError(f"{what}: 计划有 {len(errors)} 个错误，未导出（先运行 planwright check 改正；"
                          f"或加 --allow-errors 导出核对稿）。第一个：{where}{first.message}{line}")
    return errors


def _render(spec: OutputFormat, plan: Plan, host: "Host | None", errors: Sequence[Finding]) -> bytes:
    # no control character or terminal escape reaches a written file (XML forbids them, a
    # CR ends an .ics line, ESC [2J clears the screen a text export is printed on); the
    # plan itself keeps what it was given
    plan, errors = clean_deep(plan), clean_deep(list(errors))
    job = _Job(plan=plan, layout=layout_for(plan, host), host=host, errors=errors)
    try:
        return _RENDERERS[spec.name](job)
    except ExportError:
        raise
    except Exception as exc:  # a renderer bug must not look like success, nor leave a file
        raise ExportError(f"导出 {spec.name} 失败 (export failed): {type(exc).__name__}: {exc}") from exc


def _format(fmt: str) -> OutputFormat:
    try:
        return EXPORT_FORMATS[fmt]
    except KeyError:
        known = "、".join(EXPORT_FORMATS)
        raise ExportError(f"未知的导出格式 (unknown format) “{fmt}”；可用：{known}") from None


# --- the renderers ---------------------------------------------------------------------


def _notice(job: _Job) -> list[Block]:
    """The notice's blocks; a plan with neither a title nor any text has no notice to print
    (an export with --allow-errors would otherwise be a warning over a blank page)."""
    meta = job.plan.meta
    if not meta.title.strip() and not (meta.preamble.strip() or meta.closing.strip() or job.plan.points
                                       or job.plan.body):
        raise ExportError("计划没有标题，也没有正文，没有可以导出的通知；请先填写 title 和要点 "
                          "(no title and no text: nothing to print)")
    return build_notice(job.plan, job.layout, job.errors)


def _notice_txt(job: _Job) -> bytes:
    return render_text(_notice(job), number_below=job.plan.meta.doc_number_at == "below").encode("utf-8")


# The .docx and .xlsx renderers pull in python-docx/lxml and XlsxWriter (~0.1 s):
# they are imported by the formats that need them, not by every export or editor start.


def _notice_docx(job: _Job) -> bytes:
    from planwright.exporting import docx_render

    blocks = _notice(job)
    title = next((b.text for b in blocks if b.kind in ("title", "plan_title")), job.plan.meta.title)
    return docx_render.notice_docx(blocks, job.warning, docx_render.setup_for(job.plan.meta, title))


def _title(job: _Job) -> str:
    return table_title(job.layout, job.plan.meta) if job.plan.meta.title else "重点工作任务分工"


def _table_xlsx(job: _Job) -> bytes:
    from planwright.exporting import xlsx_render

    return xlsx_render.table_xlsx(table_rows(job.plan), _title(job), job.errors)


def _table_docx(job: _Job) -> bytes:
    from planwright.exporting import docx_render

    return docx_render.table_docx(table_rows(job.plan), _title(job), job.warning,
                                  docx_render.setup_for(job.plan.meta))


def _units(job: _Job) -> bytes:
    from planwright.exporting import xlsx_render

    registry = registry_for(job.plan, job.host) if job.host is not None else Registry(job.plan.units)
    views = unit_view(job.plan, registry, job.phrases)
    return xlsx_render.units_xlsx(views, job.plan.meta.title or "工作要点", job.errors)


def _markdown(job: _Job) -> bytes:
    return render_markdown(_notice(job)).encode("utf-8")


def _json(job: _Job) -> bytes:
    data = store.plan_to_dict(job.plan)
    if job.errors:
        data["export"] = {"allow_errors": True, "errors": [f.as_dict() for f in job.errors]}
    return (json_dumps(data, indent=2) + "\n").encode("utf-8")


def _ics(job: _Job) -> bytes:
    return calendar.ics(job.plan, job.phrases, job.errors)


_RENDERERS: dict[str, Callable[[_Job], bytes]] = {
    "notice-txt": _notice_txt, "notice-docx": _notice_docx, "table-xlsx": _table_xlsx,
    "table-docx": _table_docx, "units": _units, "md": _markdown, "json": _json, "ics": _ics,
}
