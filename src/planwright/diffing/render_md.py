"""Markdown report: summary tables, then each change with ~~删除~~ and <ins>插入</ins>.

Every string from a plan is escaped: Markdown's own characters get a
backslash, ``< > &`` become entities (Markdown passes raw HTML through).
"""

from __future__ import annotations

import html
import re

from planwright.diffing import wording
from planwright.diffing.result import Change, Comparison
from planwright.diffing.text import Op, marked_up

# Characters with a meaning anywhere in a line; < > & become entities instead.
_MD_SPECIAL = re.compile(r"([\\`*_~|\[\]#])")
# …and what only means something at the start of a line (a list, a quote).
_MD_LINE_START = re.compile(r"^([-+>]|[0-9]+[.)])")


def md_escape(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    escaped = _MD_LINE_START.sub(r"\\\1", escaped)
    return escaped.replace("\n", "<br>")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(md_escape(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    return lines


def md_redline(ops: list[Op]) -> str:
    return marked_up(ops, md_escape, "~~{}~~", "<ins>{}</ins>")


def _change(change: Change) -> list[str]:
    lines = [f"### {md_escape(wording.change_title(change))}", ""]
    lines += [f"- {md_escape(fact)}" for fact in wording.change_facts(change)]
    ops = wording.change_ops(change)
    body = md_redline(ops) if ops is not None else ""
    if body:
        lines += ["", body]
    return lines + [""]


def to_markdown(cmp: Comparison) -> str:
    lines = [f"# {md_escape(wording.heading(cmp))}", "", md_escape(wording.sources(cmp)), ""]
    for note in wording.notes(cmp):
        lines += [f"> {md_escape(note)}", ""]
    lines += ["## 概要", ""] + _table(wording.summary_header(), wording.summary_rows(cmp)) + [""]
    if cmp.units:
        lines += ["## 各单位任务增减", ""] + _table(wording.unit_header(), wording.unit_rows(cmp)) + [""]
    notable = cmp.notable()
    lines += [f"## 变化明细（{len(notable)} 处）", ""]
    for change in notable:
        lines += _change(change)
    quiet = [c for c in cmp.changes if c.status == "unchanged" and not c.has_field_changes]
    if quiet:
        lines += [f"## 未变（{len(quiet)} 处）", ""]
        lines += [f"- {md_escape(wording.unchanged_line(c))}" for c in quiet]
        lines.append("")
    per_unit = wording.per_unit_rows(cmp)
    if per_unit:
        lines += [f"## {wording.PER_UNIT_TITLE}", ""] + _table(wording.per_unit_header(), per_unit) + [""]
    return "\n".join(lines)
