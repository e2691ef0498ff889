"""One self-contained HTML file: inline CSS, no scripts, no outside resources.

Every string from a plan goes through ``html.escape`` (quotes included); the
only markup is the report's own.
"""

from __future__ import annotations

from html import escape

from planwright.diffing import wording
from planwright.diffing.result import Change, Comparison
from planwright.diffing.text import Op, marked_up

_CSS = """
body{font-family:"Source Han Serif SC","Noto Serif CJK SC","SimSun",serif;max-width:60em;margin:2em auto;
 padding:0 1em;line-height:1.7;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}
h3{font-size:1.05em;margin:1.4em 0 .3em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:.2em .6em;vertical-align:top}
td.n{text-align:right}.src,.note,.facts{color:#555}.facts{margin:.2em 0 .4em 1.2em;padding:0}
del{color:#b00;background:#fdd;text-decoration:line-through}ins{color:#060;background:#dfd;text-decoration:underline}
.tag{display:inline-block;padding:0 .4em;border-radius:.2em;margin-right:.4em;font-size:.9em;color:#fff}
.s-unchanged{background:#888}.s-adjusted{background:#36a}.s-reworded{background:#b80}.s-moved{background:#83a}.s-added{background:#080}
.s-removed{background:#b00}.s-merged,.s-split{background:#078}.text{margin-left:1.2em;white-space:pre-wrap}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def html_redline(ops: list[Op]) -> str:
    return marked_up(ops, _e, "<del>{}</del>", "<ins>{}</ins>")


def _table(header: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{_e(c)}</td>' if i in numeric else f"<td>{_e(c)}</td>"
                         for i, c in enumerate(row)) + "</tr>"
        for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _change(change: Change, number: int) -> str:
    title = wording.change_subject(change)
    kind = "adjusted" if change.adjusted else change.status
    parts = [f'<section id="c{number}"><h3><span class="tag s-{kind}">'
             f"{_e(change.label)}</span>{_e(title)}</h3>"]
    facts = wording.change_facts(change)
    if facts:
        parts.append('<ul class="facts">' + "".join(f"<li>{_e(f)}</li>" for f in facts) + "</ul>")
    ops = wording.change_ops(change)
    if ops is not None:
        parts.append(f'<div class="text">{html_redline(ops)}</div>')
    parts.append("</section>")
    return "".join(parts)


def to_html(cmp: Comparison) -> str:
    summary_cols = set(range(1, len(wording.summary_header())))
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{_e(wording.heading(cmp))}</title><style>{_CSS}</style></head><body>",
             f"<h1>{_e(wording.heading(cmp))}</h1>", f'<p class="src">{_e(wording.sources(cmp))}</p>']
    parts += [f'<p class="note">{_e(n)}</p>' for n in wording.notes(cmp)]
    parts += ["<h2>概要</h2>", _table(wording.summary_header(), wording.summary_rows(cmp), summary_cols)]
    if cmp.units:
        parts += ["<h2>各单位任务增减</h2>", _table(wording.unit_header(), wording.unit_rows(cmp), {1, 2})]
    notable = cmp.notable()
    parts.append(f"<h2>变化明细（{len(notable)} 处）</h2>")
    parts += [_change(c, i) for i, c in enumerate(notable, 1)]
    quiet = [c for c in cmp.changes if c.status == "unchanged" and not c.has_field_changes]
    if quiet:
        items = "".join(f"<li>{_e(wording.unchanged_line(c))}</li>" for c in quiet)
        parts.append(f"<details><summary>未变（{len(quiet)} 处）</summary><ul>{items}</ul></details>")
    per_unit = wording.per_unit_rows(cmp)
    if per_unit:
        parts += [f"<h2>{_e(wording.PER_UNIT_TITLE)}</h2>",
                  _table(wording.per_unit_header(), per_unit, {1, 2, 3, 4})]
    parts.append("</body></html>\n")
    return "\n".join(parts)
