"""The output formats: one list for what ``export`` writes, one for the ``diff`` report.

The commands' ``--format`` choices and help, the editor's export dialog and the
renderers all read these lists; a new format is named here and rendered in
``exporting`` or ``diffing``. This module imports nothing, so that the command
line can build its options without loading the renderers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputFormat:
    """One format: its name on the command line, its usual file suffix, and what it is."""

    name: str
    suffix: str
    text: bool  # UTF-8 text that may go to the terminal; the others need a file
    summary: str  # in Chinese, for help and the editor's export dialog


def _table(*formats: OutputFormat) -> dict[str, OutputFormat]:
    return {f.name: f for f in formats}


EXPORT_FORMATS: dict[str, OutputFormat] = _table(
    OutputFormat("notice-txt", ".txt", True, "通知全文，纯文本（网站发布用）"),
    OutputFormat("notice-docx", ".docx", False, "通知，GB/T 9704-2012 版式 .docx"),
    OutputFormat("table-xlsx", ".xlsx", False, "重点工作任务分工表 .xlsx"),
    OutputFormat("table-docx", ".docx", False, "重点工作任务分工表 .docx"),
    OutputFormat("units", ".xlsx", False, "各责任单位任务清单 .xlsx（每个单位一张工作表）"),
    OutputFormat("md", ".md", True, "通知，Markdown"),
    OutputFormat("json", ".json", True, "计划数据，JSON"),
    OutputFormat("ics", ".ics", True, "时限日历 .ics（可导入日历软件）"),
)

# md, html and docx are one report for people in three forms; the help names them together
_REPORT = "给领导看的比对报告"
DIFF_FORMATS: dict[str, OutputFormat] = _table(
    OutputFormat("text", ".txt", True, "终端"),
    *(OutputFormat(name, f".{name}", name != "docx", _REPORT) for name in ("md", "html", "docx")),
    OutputFormat("json", ".json", True, "供程序读取"),
    OutputFormat("xlsx", ".xlsx", False, "变化清单（可按单位、状态筛选）"),
)
