"""The notice as Markdown: the same blocks as the text and .docx, with headings and a pipe table."""

from __future__ import annotations

import html
import re
from typing import Sequence

from planwright.exporting.notice import Block
from planwright.exporting.table import HEADER, TableRow
from planwright.zh.clean import clean_text

_SPECIAL = re.compile(r"([\\`*_\[\]#|<>])")


def md_escape(text: str) -> str:
    """Backslash the characters Markdown would read as markup (control characters out)."""
    return _SPECIAL.sub(r"\\\1", clean_text(text))


def render_markdown(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block.kind
        text = md_escape(block.text)
        if kind == "warning":
            out.append(f"> **{text}**")
        elif kind == "title":
            out.append(f"# {text}")
        elif kind in ("plan_title", "attachment_title"):
            out.append(f"## {text}")
        elif kind == "heading":
            out.append(f"### {text}")
        elif kind == "para":
            out.append("".join(_run(r.text, r.face) for r in block.runs))
        elif kind == "attachment_label":
            out.append(f"**{text}**")
        elif kind in ("signature", "date"):
            # inside an HTML block Markdown's backslash escapes do not apply: HTML-escape
            # instead, so that an issuer of <img src=x onerror=…> stays text
            out.append(f'<p align="right">{html.escape(clean_text(block.text))}</p>')
        elif kind == "table":
            out.append(_table(list(block.rows)))
        elif kind == "page_break":
            out.append("---")
        elif kind == "cc":
            out.append(f"---\n\n{text}")
        elif text:
            out.append(text)
    return "\n\n".join(out) + "\n"


def _run(text: str, face: str) -> str:
    escaped = md_escape(text)
    return f"**{escaped}**" if face in ("h1", "h2") else escaped


def _cell(text: str) -> str:
    return md_escape(text).replace("\n", "<br>")


def _table(rows: list[TableRow]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows:
        if row.kind == "point":
            lines.append(f"| | **{_cell(row.point)}** | | | |")
            continue
        seq, task, requirement, units, deadline = row.cells()
        # a merged task cell is shown on its first row only
        lines.append("| " + " | ".join((seq, _cell(task) if row.task_start else "", _cell(requirement),
                                        _cell(units), _cell(deadline))) + " |")
    return "\n".join(lines)
