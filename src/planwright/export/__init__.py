"""Exports: the notice, the task-division table, unit lists, Markdown, JSON, a calendar.

``run_export`` is what ``planwright export`` and the editor's export dialog call.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .. import store, validate

if TYPE_CHECKING:
    from ..plugins import Host


class ExportError(Exception):
    """An export that cannot be made (validation errors, a bad output path)."""


def to_json(plan) -> str:
    return json.dumps(store.plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


TEXT_FORMATS = {"json": to_json}


def run_export(plan_path: Path, fmt: str, output: Path | None, *, allow_errors: bool, host: "Host") -> None:
    doc = store.load(plan_path)
    findings = validate.run(doc.plan, host, doc)
    if validate.has_errors(findings) and not allow_errors:
        errors = [f for f in findings if f.severity == "error"]
        first = errors[0]
        raise ExportError(f"{plan_path}: 计划有 {len(errors)} 个错误，未导出（先运行 planwright check；"
                          f"或加 --allow-errors 强制导出）。第一个：{first.where} {first.message}")
    if fmt not in TEXT_FORMATS:
        raise ExportError(f"导出格式 {fmt} 尚未实现 (not implemented yet)")
    text = TEXT_FORMATS[fmt](doc.plan)
    if output is None:
        sys.stdout.write(text)
    else:
        store.atomic_write(output, text.encode("utf-8"))
