"""Import a published notice (.txt / .html / .docx) into a plan.

    result = import_file("notice.txt")            # style detected
    result = import_file("notice.docx", style="dalian")
    store.save(result.doc, "plan.toml")           # doubts become "# 导入提示: …" comments
    print("\\n".join(result.report_lines()))

The stages, each style-neutral (the style plugins give patterns and sniffers):

    reading   file → paragraphs and tables (encoding, HTML furniture, Word numbering)
    runin     a body printed on one line cut back into paragraphs at its markers
    debris    web-page furniture lines and injected spam out
    layout    head (the notice) / outline / task table / attachments / foot
    meta      文号, issuer, 主送, 成文日期, 附注, title, years, 抄送, 印发
    outline   points → tasks → items, attributions and deadlines
    tables    the task-division table: Word/HTML, tab-separated rows, or one cell per line
    styles    which style's sniffer claims the text (or the user's --style)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planwright.plan.model import Attachment, Plan, Point
from planwright.zh.numbering import path_label
from planwright.plan.store import PlanDocument, new_document
from planwright.importing.attribution import Attributor
from planwright.importing.common import Doubt, ImportError_, Line, Para, Source, Table, squeeze
from planwright.importing.debris import clean
from planwright.importing.layout import is_attachment_marker, lay_out
from planwright.importing.meta import fill_years, is_date_line, looks_like_title, organ_sane, read_notice
from planwright.zh.clean import clean_line, clean_text
from planwright.zh.hanzi import simplify
from planwright.importing.outline import OutlineReader
from planwright.importing.reading import read_source, text_source
from planwright.importing.runin import split_run_in
from planwright.importing.styles import Detection, detect_style
from planwright.importing.tables import TableBuilder, flat_events, table_events, tabbed_tables
from planwright.zh.lazyre import lazy_compile

if TYPE_CHECKING:
    from planwright.host import Host

__all__ = ["ImportError_", "ImportResult", "import_file", "import_text"]


@dataclass
class ImportResult:
    """An imported plan and what the user should be told about the import."""

    doc: PlanDocument
    style: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    source: str = ""
    kind: str = ""
    detection: Detection | None = None
    debris_lines: int = 0
    spam: list[str] = field(default_factory=list)
    repaired: int = 0  # lines mended of mirror damage (pinyin ruby, @@, bare tags, ???? after a date)

    def report_lines(self, written: bool = True) -> list[str]:
        """What the command prints to stderr after an import (``written``: the plan goes to a file)."""
        plan = self.doc.plan
        tasks = [t for _, t in plan.tasks()]
        items = [i for t in tasks for i in t.items]
        dated = sum(1 for node in (*tasks, *items) if node.deadline)
        encoding = f"，编码 {self.encoding}" if self.encoding else ""
        lines = [f"读取：{self.source}（{self.kind}{encoding}）"]
        if self.detection is not None:
            lines.append(f"样式：{self.detection.describe()}")
        counts = f"内容：{len(plan.points)} 个要点，{len(tasks)} 项任务，{len(items)} 个事项；" \
                 f"{len(plan.unit_names())} 个责任单位，{dated} 处时限"
        if plan.body:
            counts += f"；正文提纲 {len(plan.body)} 个要点（任务按分工表导入）"
        lines.append(counts)
        meta = plan.meta
        if meta.forward_letter or meta.forward_title:
            by = meta.forward_issuer or "另一机关"
            lines.append(f"转发：这是{by}转发的通知；转发通知（{'、'.join(_forward_parts(meta))}）另存为 forward_*，"
                         "导出时印在所转发的通知之前")
        if self.debris_lines or self.spam:
            spam = f"，删去夹在句中的广告文字 {len(self.spam)} 处（{'、'.join(dict.fromkeys(self.spam))}）" \
                if self.spam else ""
            lines.append(f"网页杂项：删去 {self.debris_lines} 行{spam}")
        if self.repaired:
            lines.append(f"镜像网页的损坏：{self.repaired} 行中删去了拼音注音、@@、残缺的网页标记或日期后的问号")
        if self.warnings:
            where = "已作为“# 导入提示”注释写在计划文件相应位置" if written else "仅在内存中导入，未写入文件"
            lines.append(f"导入提示 {len(self.warnings)} 条（{where}）：")
            lines.extend(f"  - {w}" for w in self.warnings)
        else:
            lines.append("导入提示：无")
        return lines


def _forward_parts(meta) -> list[str]:
    present = (("文号", meta.forward_doc_number), ("标题", meta.forward_title), ("主送", meta.forward_recipients),
               ("正文", meta.forward_letter), ("落款", meta.forward_issuer), ("日期", meta.forward_date))
    return [name for name, value in present if value]


def import_file(path: str | Path, style: str | None = None, host: Host | None = None) -> ImportResult:
    """Import a notice file; raises ImportError_ (file and reason) when it cannot be used."""
    source = read_source(Path(path))
    return _import(source, style, host)


def import_text(text: str, style: str | None = None, host: Host | None = None,
                name: str = "<text>") -> ImportResult:
    """Import notice text already in memory (tests, benchmarks, the editor's paste)."""
    return _import(text_source(Path(name), text, ""), style, host)


def _import(source: Source, style: str | None, host: Host | None) -> ImportResult:
    if host is None:
        from planwright.host import get_host

        host = get_host()
    source.blocks = [_without_controls(block) for block in source.blocks]
    lines, tables, table_at, cleaned = _lines_and_tables(source)
    if not lines and not tables:
        raise ImportError_(source.path, "没有可导入的文字（只有网页杂项或空白）(no text)")
    detection = detect_style(lines, tables, style, host)
    attributor = Attributor(host.patterns_for(detection.style), host.phrases_for(detection.style))
    layout = lay_out(lines, table_at)
    notice = read_notice(layout.head, layout.foot, cleaned.fields)
    letter_only = _plan_not_in_text(notice, layout, tables)
    if letter_only:
        notice = _letter_only(layout, cleaned.fields)
    doubts: list[Doubt] = list(notice.doubts)
    doubts += [Doubt(f"一行乱码（“{para.text.strip()[:20]}”）无法辨认，未导入", line=para.line) for para in cleaned.mojibake]
    plan = _plan(notice, layout, tables, attributor, doubts)
    plan.meta.style = detection.style
    if not any(point.tasks for point in plan.points) and len(plan.points) < 2 and not letter_only:
        if not (notice.title_printed and plan.meta.title):
            raise ImportError_(source.path, _no_outline(lines))
        # the plan's title and opening are here, its outline is not (a page cut short)
        doubts.append(Doubt(f"计划“{plan.meta.title}”只有标题和开头，原文中没有提纲（一、（一）1.），"
                            "页面可能不完整；只导入了这些"))
    _after_checks(plan, layout, doubts, attributor)
    doc = new_document(plan)
    warnings = _annotate(doc, doubts)
    return ImportResult(doc=doc, style=detection.style, encoding=source.encoding, warnings=warnings,
                        source=str(source.path), kind=source.kind, detection=detection,
                        debris_lines=cleaned.dropped, spam=cleaned.spam, repaired=cleaned.repaired)


def _without_controls(block: Para | Table) -> Para | Table:
    """A block without control characters or terminal escapes (a NUL, an ESC [2J pasted from a
    web page): none belongs in a plan, and each would break a file written from it."""
    if isinstance(block, Table):
        block.rows = [[clean_text(cell) for cell in row] for row in block.rows]
    else:
        block.text = clean_line(block.text)
    return block


def _plan(notice, layout, tables: list[Table], attributor: Attributor, doubts: list[Doubt]) -> Plan:
    """The plan: the notice's facts, the outline, and the task table when there is one."""
    meta = notice.meta
    meta.preamble = "\n".join(line.text for line in notice.preamble)
    end = _page_end(layout, tables)
    outline = OutlineReader(attributor, doubts, meta.year or None).read(
        layout.main, cut_at_end=end is not None and layout.main[-1:] == [end])
    meta.closing = outline.closing
    if not meta.title and layout.table_title:  # a bare task table: its caption names the plan
        meta.title = layout.table_title
        fill_years(meta)
    elif _caption_is_the_heading(notice, layout):  # two title lines over a bare table: the nearer one
        doubts.append(Doubt(f"计划标题之上还有一行标题样的文字（“{meta.title[:30]}”），已略去"))
        meta.title, meta.year, meta.end_year = squeeze(layout.table_title), 0, 0
        fill_years(meta)
    if meta.title and not notice.title_printed and squeeze(layout.table_title) != meta.title:
        doubts.append(Doubt(f"原文没有单独印出计划标题，title 按通知所印发的名称“{meta.title}”填写，请核对"))
    if not meta.title:
        doubts.append(Doubt("原文没有印出计划标题，请填写 title"))
    if not meta.year:
        doubts.append(Doubt("未能确定计划年度（标题、成文日期和文号中都没有年份），请填写 year"))
    plan = Plan(meta=meta)
    table_points = _table_points(layout, tables, attributor, doubts)
    if table_points:  # the table carries units and deadlines; the main text's outline is kept apart
        plan.points, plan.body = table_points, outline.points
    else:
        plan.points = outline.points
    return plan


def _page_end(layout, tables: list[Table]):
    """The line a page ends on, when it is the outline's or a flattened table's last (nothing
    follows it): a page cut short there may have cut an attribution in two."""
    if layout.foot or layout.attachment or tables:
        return None
    return (layout.table_lines or layout.main or [None])[-1]


def _plan_not_in_text(notice, layout, tables: list[Table]) -> bool:
    """A notice only (class 5 of pages): its letter sends a plan by name (现将《X》印发) whose
    title stands nowhere in the text, and no task table follows — the plan is an attachment.
    The letter's own 一、二、三 (并提出如下要求：一、提高认识…) are then not the plan's points."""
    if not notice.sent or notice.title_printed or tables or layout.table_roles is not None:
        return False
    # a letter signed and dated before the outline starts is followed by its plan, title lost or not
    return not layout.main or not any(is_date_line(line) for line in layout.head)


def _letter_only(layout, fields: dict[str, str]):
    """Read the whole notice as the letter: its 一、二、三 up to the signature are the letter's."""
    lines = layout.head + layout.main
    foot = list(layout.foot)
    while foot and not any(is_date_line(x) for x in lines[-1:]):  # the signature and date under it
        lines.append(foot.pop(0))
        if is_date_line(lines[-1]):
            break
    notice = read_notice(lines, foot, fields, letter_only=True)
    notice.doubts.append(Doubt(f"计划《{notice.sent}》不在文件中：这一页只有印发它的通知（计划多半是附件），"
                               "只导入了通知的文头和正文；请另行导入计划本身"))
    layout.main, layout.foot = [], foot
    return notice


def _caption_is_the_heading(notice, layout) -> bool:
    """A bare table under two title-like lines: a page's file name, then the plan's own heading
    (read as the table's caption). The heading nearest the table is the plan's."""
    return bool(layout.table_title) and notice.title_printed and not notice.preamble and not layout.main \
        and looks_like_title(Line(layout.table_title, simplify(layout.table_title))) \
        and squeeze(layout.table_title) != notice.meta.title


def _no_outline(lines: list) -> str:
    marker = next((line.text for line in lines if is_attachment_marker(line)), "")
    hint = f"；正文可能在附件（“{marker[:30]}”）中，请导入附件本身" if marker else ""
    return f"没有找到提纲：文中没有“一、”“（一）”“1.”等编号标题或任务分工表，不像一份工作要点{hint} (no outline found)"


def _lines_and_tables(source: Source):
    """Clean the paragraphs; note where each real table stood among the kept lines."""
    paras: list[Para] = []
    placed: list[tuple[int, Table]] = []  # (number of paragraphs before it, table)
    for block in source.blocks:
        if isinstance(block, Table):
            placed.append((len(paras), block))
        else:
            paras.append(block)
    paras, tabbed = tabbed_tables(split_run_in(paras))  # rows copied as tab-separated text
    placed = sorted(placed + tabbed, key=lambda pair: pair[0])
    tables = [table for _, table in placed]
    positions = [position for position, _ in placed]
    cleaned = clean(paras)
    kept_before = [sum(1 for line in cleaned.lines if line.line < _first_line_after(paras, p)) for p in positions]
    return cleaned.lines, tables, kept_before, cleaned


def _first_line_after(paras: list[Para], count: int) -> int:
    return paras[count].line if count < len(paras) else 10**9


def _table_points(layout, tables: list[Table], attributor: Attributor, doubts: list[Doubt]) -> list[Point]:
    builder = TableBuilder(attributor, doubts)
    if layout.table_roles is not None:
        cut = bool(layout.table_lines) and _page_end(layout, tables) is layout.table_lines[-1]
        builder.feed(layout.table_roles, flat_events(layout.table_lines, layout.table_roles, attributor, doubts, cut))
    for table in tables:
        found = table_events(table)
        if found is not None:
            builder.feed(*found)
    return [p for p in builder.points if p.tasks]


def _after_checks(plan: Plan, layout, doubts: list[Doubt], attributor: Attributor) -> None:
    """Doubts that need the whole plan: units missing beside siblings, a page cut short, attachments."""
    _insane_units(plan, doubts)
    for point in plan.points:
        has_units = [bool(t.lead or t.support or any(i.lead or i.support for i in t.items)) for t in point.tasks]
        if any(has_units):
            for task, ok in zip(point.tasks, has_units):
                if not ok:
                    doubts.append(Doubt("未找到责任单位（同一要点下的其他任务都写有单位）", task))
    # a page cut short: the outline is the last thing and stops in mid-sentence
    last = layout.main[-1] if layout.main and not (layout.foot or layout.attachment or layout.table_lines) \
        else None
    if last is not None and not last.sim.rstrip().endswith(("。", "！", "？", "）", ")", "”", "；", "】", "〕", "]")) \
            and attributor.label_line(last.text) is None:  # 完成时限：长期 ends a task without a full stop
        node = _last_node(plan)
        doubts.append(Doubt(f"原文在“…{last.text[-12:]}”处结束，没有句末标点，页面可能不完整", node, last.line))
    plan.attachments = _attachments(layout)


def _attachments(layout) -> list[Attachment]:
    """The attachments printed besides the task table (a list of units …), kept as printed:
    each starts at an 附件 / 附件2 line; its first line is its title, the rest its text."""
    found: list[list] = []
    for line in layout.attachment:
        if is_attachment_marker(line) and _ATTACHMENT_LABEL_RE.match(line.sim.strip()):
            found.append([])
        elif found:
            found[-1].append(line)
        else:
            found.append([line])
    out = []
    for lines in found:
        if lines and squeeze(lines[0].text) in (squeeze(layout.attachment_name), ""):
            title, rest = squeeze(lines[0].text), lines[1:]
        elif not out and layout.attachment_name:
            title, rest = squeeze(layout.attachment_name), lines
        elif lines:
            title, rest = squeeze(lines[0].text), lines[1:]
        else:
            continue
        if _ATTACHMENT_NOTE_RE.match(title):  # only the 附件说明 (附件：X), its text not printed
            title = _ATTACHMENT_NOTE_RE.sub("", title)
        out.append(Attachment(title=title, text="\n".join(line.text.strip() for line in rest if line.text.strip())))
    return [a for a in out if a.title]


# 附件 / 附件2 / 附件二 alone on a line: an attachment starts; 附件：X names one.
_ATTACHMENT_LABEL_RE = lazy_compile(r"^附\s*件\s*[0-9一二三四五六七八九十]*\s*$")
_ATTACHMENT_NOTE_RE = lazy_compile(r"^附\s*件\s*[0-9一二三四五六七八九十]*\s*[：:]\s*")


def _insane_units(plan: Plan, doubts: list[Doubt]) -> None:
    """A unit name holding a web address, a date or time, a 文号 or a page label is no unit: it is
    left out, and the node says what was left out (never silently wrong)."""
    for node in plan.nodes():
        for role in ("lead", "support"):
            names = getattr(node, role, None) or []
            bad = [name for name in names if not organ_sane(simplify(name), longest=None)]
            if bad:
                setattr(node, role, [name for name in names if name not in bad])
                doubts.append(Doubt(f"责任单位“{'、'.join(bad)[:40]}”含网址、日期、文号或网页栏目名，不像单位名称，未填入，请核对",
                                    node))


def _last_node(plan: Plan):
    if not plan.points:
        return None
    point = plan.points[-1]
    if not point.tasks:
        return point
    task = point.tasks[-1]
    return task.items[-1] if task.items else task


def _annotate(doc: PlanDocument, doubts: list[Doubt]) -> list[str]:
    """Attach each doubt to its node as a comment; return them as report lines."""
    plan = doc.plan
    out = []
    for doubt in doubts:
        node_id = getattr(doubt.node, "id", None) or None  # a node left out of the plan: the plan table
        doc.annotate(node_id, f"导入提示: {doubt.message}")
        where = _where(plan, doubt.node)
        line = f"原文第 {doubt.line} 行" if doubt.line else ""
        place = "，".join(p for p in (where, line) if p)
        out.append(f"{place}：{doubt.message}" if place else doubt.message)
    return out


def _where(plan: Plan, node) -> str:
    if node is None:
        return ""
    found = plan.locate(node.id)
    if found is not None:
        return path_label(found)
    for p, point in enumerate(plan.body, 1):
        if point is node:
            return f"正文 {path_label((p,))}"
        for t, task in enumerate(point.tasks, 1):
            if task is node:
                return f"正文 {path_label((p, t))}"
    return ""
