"""The report as plain text: what ``planwright diff`` writes to a file or a pipe.

The same words as the terminal report (``wording``), without rich: tables are
columns padded to their display width (a Chinese character counts two),
long lines are left for the reader's editor or pager to fold, and the redline
carries [-删除-] {+插入+} marks. Laying out thousands of changes with rich
cost 40 % of a 5,000-task diff; this costs a string join.
"""

from __future__ import annotations

import unicodedata

from planwright.diffing import wording
from planwright.diffing.result import Change, Comparison
from planwright.diffing.text import marked_up


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(title: str, header: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    """An aligned table; its last column may be long and is not padded."""
    widths = [max(_width(r[c]) for r in (header, *rows)) for c in range(len(header))]
    lines = [title]
    for row in (header, *rows):
        cells = []
        for c, cell in enumerate(row):
            pad = " " * (widths[c] - _width(cell))
            last = c == len(row) - 1
            cells.append(pad + cell if c in numeric else cell + ("" if last else pad))
        lines.append("  ".join(cells).rstrip())
    return lines


def text_redline(ops) -> str:
    return marked_up(ops, str, "[-{}-]", "{{+{}+}}")


def _change(change: Change) -> list[str]:
    lines = [wording.change_title(change)]
    lines += [f"  {fact}" for fact in wording.change_facts(change)]
    ops = wording.change_ops(change)
    if ops is not None:
        body = text_redline(ops)
        lines += [f"  {line}" for line in body.split("\n")]
    return lines


def to_plain(cmp: Comparison) -> str:
    """The whole report as plain text, ending with a newline."""
    lines = [wording.heading(cmp), wording.sources(cmp), *wording.notes(cmp), ""]
    header = wording.summary_header()
    lines += _table("概要", header, wording.summary_rows(cmp), set(range(1, len(header))))
    if cmp.units:
        lines += [""] + _table("各单位任务增减", wording.unit_header(), wording.unit_rows(cmp), {1, 2})
    notable = cmp.notable()
    nothing = f"两份计划中{cmp.unit}的任务没有变化。" if cmp.unit else "两份计划没有实质变化。"
    lines += ["", f"变化明细（{len(notable)} 处）" if notable else nothing]
    for change in notable:
        lines.append("")
        lines += _change(change)
    quiet = len(cmp.changes) - len(notable)
    if quiet:
        lines += ["", f"另有 {quiet} 处未变，未逐一列出。"]
    per_unit = wording.per_unit_rows(cmp)
    if per_unit:
        lines += [""] + _table(wording.PER_UNIT_TITLE, wording.per_unit_header(), per_unit, {1, 2, 3, 4})
    return "\n".join(lines) + "\n"
