"""The notice (通知) as a list of blocks, and its plain-text form.

One structure feeds every rendering of the notice — plain text, Markdown and
the GB/T 9704 .docx — so that they say the same thing. A block is a paragraph
of a known kind (文号, 标题, 主送, 正文, 署名, …) made of runs; a run's `face`
tells the .docx which typeface the standard wants for it (一、 in 黑体,
（一） in 楷体, the rest in 仿宋).

Order (GB/T 9704 §7, and how offices publish on the web):
the forwarding office's letter, when another office forwards the notice (转发); 文号; 标题; 主送; opening sentence; 署名; 成文日期; 附注; the plan (title,
preamble, points and tasks, closing, 附件说明); 附件 (the 分工 table) where the
style attaches one; 版记 (抄送, 印发) when present.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal, Sequence

from planwright.api import Finding, NoticeLayout
from planwright.plan.model import Item, Plan, Point, Task
from planwright.zh.numbering import Level
from planwright.exporting import wording as w
from planwright.exporting.wording import marker
from planwright.exporting.table import TableRow, table_rows, table_text
from planwright.zh.clean import clean_text

Face = Literal["body", "h1", "h2"]
Kind = Literal[
    "warning", "doc_number", "title", "recipients", "para", "heading", "signature", "date", "note",
    "page_break", "plan_title", "attachment_note", "attachment_label", "attachment_title", "table",
    "cc", "imprint",
]


@dataclass(frozen=True)
class Run:
    text: str
    face: Face = "body"


@dataclass(frozen=True)
class Block:
    kind: Kind
    runs: tuple[Run, ...] = ()
    rows: tuple[TableRow, ...] = field(default=(), repr=False)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def _block(kind: Kind, text: str = "", face: Face = "body") -> Block:
    return Block(kind, (Run(text, face),) if text else ())


def draft_warning(errors: Sequence[Finding]) -> str:
    """The line an export with --allow-errors carries, so nobody sends it out unawares.

    One short line: the notice is not the place for the findings (``planwright
    check`` lists them, and the command says so when it exports), and a long
    line would push the notice's own first lines down the page.
    """
    return f"【未通过检查：计划有 {len(errors)} 个错误，不宜印发】"


def build_notice(plan: Plan, layout: NoticeLayout, errors: Sequence[Finding] = ()) -> list[Block]:
    """Every block of the notice, in order."""
    meta = plan.meta
    blocks: list[Block] = []
    if errors:
        blocks.append(_block("warning", draft_warning(errors)))
    blocks.extend(_forwarding(plan))
    framed = is_notice(plan)
    # a notice whose plan was not in the text imported (an attachment): the notice is all
    # there is, and no page with the plan's title over nothing follows it
    has_plan = bool(plan.points or plan.body or meta.preamble.strip() or meta.closing.strip())
    if framed:
        blocks.extend(_frame(plan, layout))
        if has_plan:
            blocks.append(_block("page_break"))
    else:  # a plan issued as itself (a 通知 whose own text is the plan): its 文号 and 主送 head it
        blocks.extend(b for b in (_block("doc_number", meta.doc_number),
                                  _block("recipients", w.recipients_line(meta.recipients))) if b.runs)
    if meta.title.strip() and (has_plan or not framed):  # a plan printed as itself keeps its own title
        blocks.append(_block("plan_title", meta.title))
    blocks.extend(_paras(meta.preamble))
    blocks.extend(_outline(plan, layout))
    blocks.extend(_paras(meta.closing))
    attach = layout.attach_table or layout.unit_format == "table"
    rows = table_rows(plan) if attach else []
    if rows and not framed and not plan.body and layout.unit_format == "table":
        blocks.append(Block("table", rows=tuple(rows)))  # a bare task table is the plan itself
        rows = []
    # the 分工 table first, then what else the office attached (市级有关单位名单 …)
    attached = ([(w.table_title(layout, meta), rows)] if rows else []) + \
        [(a.title, a.text) for a in plan.attachments if a.title.strip()]
    blocks.extend(_attachment_notes([title for title, _ in attached]))
    if not framed:
        blocks.extend(_signature(plan))
    for n, (title, content) in enumerate(attached, 1):
        if not content:
            continue  # named in the 附件说明 only: its text was not in the notice
        blocks.append(_block("page_break"))
        blocks.append(_block("attachment_label", f"附件{n}" if len(attached) > 1 else "附件"))
        blocks.append(_block("attachment_title", title))
        blocks.extend([Block("table", rows=tuple(content))] if isinstance(content, list) else _paras(content))
    if meta.cc or meta.printer or meta.print_date:
        blocks.extend(b for b in (_block("cc", w.cc_line(meta.cc)), _block("imprint", w.imprint_line(meta)))
                      if b.runs)
    return blocks


def _attachment_notes(titles: list[str]) -> list[Block]:
    """附件说明 (GB/T 9704 §7.3.4): 附件：X, or 附件：1.X and 2.Y … when there are several."""
    if len(titles) == 1:
        return [_block("attachment_note", "附件：" + titles[0])]
    return [_block("attachment_note", ("附件：" if n == 1 else "\u3000\u3000\u3000") + f"{n}.{title}")
            for n, title in enumerate(titles, 1)]


def is_notice(plan: Plan) -> bool:
    """Whether the plan goes out inside a 印发 notice (title, 主送, letter, signature).

    A plan with a title and either its own letter or its recipients does; a
    方案 published as itself (no letter, no 主送) is printed as itself, with
    no letter or recipients made up for it; without a title there is nothing
    to name in a 关于印发…的通知.
    """
    meta = plan.meta
    return bool(meta.title.strip()) and bool(meta.letter.strip() or meta.recipients)


def _frame(plan: Plan, layout: NoticeLayout) -> Iterable[Block]:
    meta = plan.meta
    if meta.doc_number:
        yield _block("doc_number", meta.doc_number)
    yield _block("title", w.notice_title(meta))
    if meta.recipients:  # the office's own 主送; none is made up
        yield _block("recipients", w.recipients_line(meta.recipients))
    for text in w.letter(layout, meta):
        yield _block("para", text)
    yield from _signature(plan)


def _forwarding(plan: Plan) -> list[Block]:
    """The letter of the office that forwards the notice (转发), over the notice it forwards:
    its 文号 and title, its 主送, its paragraphs, its signature and date, then the notice on a
    page of its own."""
    meta = plan.meta
    if not (meta.forward_letter.strip() or meta.forward_recipients or meta.forward_title.strip()):
        return []
    blocks = [b for b in (_block("doc_number", meta.forward_doc_number), _block("title", meta.forward_title),
                          _block("recipients", w.recipients_line(meta.forward_recipients))) if b.runs]
    blocks.extend(_paras(meta.forward_letter))
    if meta.forward_issuer:
        blocks.append(_block("signature", meta.forward_issuer))
    if meta.forward_date:
        blocks.append(_block("date", w.cn_date(meta.forward_date)))
    return blocks + [_block("page_break")]


def _signature(plan: Plan) -> Iterable[Block]:
    if plan.meta.issuer:
        yield _block("signature", plan.meta.issuer)
    if plan.meta.date:
        yield _block("date", w.cn_date(plan.meta.date))
    if plan.meta.publicity:
        yield _block("note", f"（{plan.meta.publicity.strip('（）()')}）")


def _paras(text: str) -> list[Block]:
    return [_block("para", p) for p in w.paragraphs(text)]


# --- the plan's outline -------------------------------------------------------


def _outline(plan: Plan, layout: NoticeLayout) -> list[Block]:
    if layout.unit_format == "table":
        # The main text is the body outline; units and deadlines live in the table.
        return [b for p, point in enumerate(plan.body, 1) for b in _point(point, p, None)]
    return [b for p, point in enumerate(plan.points, 1) for b in _point(point, p, layout)]


def _point(point: Point, index: int, layout: NoticeLayout | None) -> list[Block]:
    # a point with no title and no text (tasks printed under no 一、): no bare 一、 line
    untitled = not point.title.strip() and not point.text.strip()
    blocks = [] if untitled else [_block("heading", marker(Level.POINT, index) + point.title, "h1")]
    blocks.extend(_paras(point.text))
    for t, task in enumerate(point.tasks, 1):
        blocks.extend(_task(task, t, layout))
    return blocks


def _task(task: Task, index: int, layout: NoticeLayout | None) -> list[Block]:
    """The task's paragraphs: heading sentence + text, its items, its units."""
    fmt = layout.unit_format if layout is not None else "none"
    texts = w.paragraphs(task.text)
    # 大连's way: items that carry units are plain paragraphs, each closed by
    # its own attribution; the first continues the heading sentence.
    by_paragraph = fmt == "lead-support" and any(i.lead or i.support for i in task.items)
    head_text = task.title
    if (texts or by_paragraph) and not w.ends_with_stop(head_text):
        head_text += "。"
    own_text = " ".join([task.title, task.text])
    units = _units(task, layout, task.text, own_text)
    body, closing = units.into(task.text)
    texts = w.paragraphs(body)
    # a task with no title and no text of its own (entries printed straight under a 一、):
    # no （一） line, its items follow the point as printed
    untitled = not task.title.strip() and not texts and not closing
    paras: list[list[Run]] = [] if untitled else [[Run(marker(Level.TASK, index) + head_text, "h2")]]
    for i, text in enumerate(texts):
        if i:
            paras.append([])
        paras[-1].append(Run(text))
    if closing:
        paras[-1].append(Run(closing))
    items = _items(task, layout, by_paragraph)
    if by_paragraph and paras and not texts and not closing and items and items[0][0]:
        paras[0].extend(items.pop(0)[1].runs)
    blocks = [Block("para", tuple(runs)) for runs in paras]
    blocks.extend(block for _, block in items)
    if units.line:
        blocks.append(_block("para", units.phrase))
    return blocks


def _units(node: Task | Item, layout: NoticeLayout | None, text: str, own_text: str) -> w.Placed:
    """The node's attribution in the main text (none where a table carries the units)."""
    if layout is None:
        return w.Placed()
    return w.placed(node, layout, text, own_text)


def _items(task: Task, layout: NoticeLayout | None, by_paragraph: bool) -> list[tuple[bool, Block]]:
    """(is a plain paragraph, block) for each item and its units line: 1. 2. … or,
    in the by-paragraph form, unnumbered paragraphs for items with units."""
    out: list[tuple[bool, Block]] = []
    runs_on = False
    for n, item in enumerate(task.items, 1):
        units = _units(item, layout, item.text.strip(), item.text)
        body, closing = units.into(item.text.strip())
        plain = by_paragraph and bool(item.lead or item.support)
        text = body if plain else f"{marker(Level.ITEM, n)}{body}"
        runs = (Run(text),) + ((Run(closing),) if closing else ())
        if runs_on and plain and out and out[-1][0]:  # the office printed it in the paragraph before
            out[-1] = (True, Block("para", out[-1][1].runs + runs))
        else:
            out.append((plain, Block("para", runs)))
        runs_on = units.runs_on
        if units.line and units.phrase:
            out.append((False, _block("para", units.phrase)))
    return out


# --- plain text -----------------------------------------------------------------

INDENT = "\u3000\u3000"  # two full-width spaces: the web-page habit for a 2-字 indent


def render_text(blocks: Sequence[Block], number_below: bool = False) -> str:
    """The notice as plain text, the way offices publish it on their web sites (*number_below*:
    the 文号 under the notice's title, where the office's page printed it)."""
    out: list[str] = []
    for block in _number_under_title(blocks) if number_below else blocks:
        kind = block.kind
        if kind == "table":
            out.extend(table_text(list(block.rows)))
        elif kind == "page_break":
            out.extend(["", ""])
        elif kind in ("para", "heading", "note", "attachment_note"):
            out.append(INDENT + block.text)
        elif kind in ("title", "plan_title", "attachment_title", "warning"):
            out.extend(["", block.text, ""])
        elif kind == "signature":
            out.extend(["", block.text])
        elif kind == "doc_number" and number_below:  # under the title: set off from 主送 as a title is
            out.extend([block.text, ""])
        else:
            out.append(block.text)
    # a plan may carry control characters (TOML keeps them, escaped); a web page or a
    # terminal must not
    return clean_text("\n".join(_squeeze_blank(out)).strip("\n")) + "\n"


def _number_under_title(blocks: Sequence[Block]) -> list[Block]:
    out = list(blocks)
    for i in range(len(out) - 1):
        if out[i].kind == "doc_number" and out[i + 1].kind == "title":
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def _squeeze_blank(lines: list[str]) -> list[str]:
    """At most two blank lines in a row."""
    out: list[str] = []
    for line in lines:
        if not line and len(out) >= 2 and not out[-1] and not out[-2]:
            continue
        out.append(line)
    return out
