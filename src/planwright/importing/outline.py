"""The plan's outline: points 一、 → tasks （一） → items 1., with units and deadlines.

Levels are read per point: the highest marker found under a point makes its
tasks and the next one its items, so "1. 2." directly under a point are tasks
when they open with a heading sentence of their own (1.加强培训。…), and （1）
under 1. are items. Prose entries 1. 2. straight under a point (按照…要求,结合…)
are items of one task with no title (../shared/corpus/README.md). A point headed
基本原则, or principles listed after “…基本原则：”, holds no tasks. Plain
paragraphs belong to the heading above them.

One attribution per segment: a task whose sentence groups each close with their
own attribution （…（A牵头落实）…（B负责落实））gets one item per group, its own
units staying empty (../shared/truth/SCHEMA.md), and text after the last
attribution is an item of its own; a single attribution in mid-paragraph closes
its own segment only. A task with a single attribution closing it keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planwright.zh import deadlines
from planwright.plan.model import Item, Point, Task, Wording
from planwright.zh.numbering import Level
from planwright.importing.attribution import Attributed, Attributor, Segment, cut_label_line
from planwright.importing.common import Doubt, Line
from planwright.zh.hanzi import simplify
from planwright.importing.textutil import heading, split_heading_sentence, strip_end
from planwright.zh.lazyre import lazy_compile

_CLOSING_RE = lazy_compile(r"本(?:工作)?(?:要点|实施方案|行动计划|方案|计划|意见|细则|办法|通知)")
_OPENING_WORDS = ("于", "在", "力争", "确保", "争取")
_IMPLICIT_POINT = ""  # tasks under no 一、: the point's title is not invented (class 6), the clerk may add one
_UNTITLED_TASK = "要点下没有“（一）”级标题，各条作为一项无标题任务的事项导入（可填写任务标题）"
_PARAGRAPH_ENDS = tuple("。！？!?；;：:）)”’》」』…")


# written inline before; kept compiled like the module's other patterns (zh/lazyre)
_SHORT_BRACKET_RE = lazy_compile(r"[（(]([^（）()]{2,30})[）)]")


@dataclass
class _Node:
    """A heading being read: its first line's text after the heading sentence, then paragraphs."""

    title: str
    line: int
    lines: list[Line] = field(default_factory=list)
    children: list["_Node"] = field(default_factory=list)
    heading_sentence: str = ""  # items: the sentence whose bracket may hold a deadline
    implicit: bool = False  # a point made up for tasks that stand under no 一、
    units: Attributed | None = None  # an attribution closing the heading itself


@dataclass
class Outline:
    points: list[Point]
    closing: str = ""


class OutlineReader:
    def __init__(self, attributor: Attributor, doubts: list[Doubt], year: int | None) -> None:
        self.attributor = attributor
        self.doubts = doubts
        self.year = year
        self._end_text: str | None = None

    # -- reading the tree ------------------------------------------------------
    def read(self, lines: list[Line], cut_at_end: bool = False) -> Outline:
        """The outline of *lines*; *cut_at_end*: they end the page, which may be cut short."""
        self._end_text = lines[-1].text if cut_at_end and lines else None
        chunks = self._chunks(lines)
        tree = [self._point_tree(head, body) for head, body in chunks]
        closing = self._closing(tree)
        return Outline(points=[self._point(node) for node in tree], closing=closing)

    def _chunks(self, lines: list[Line]) -> list[tuple[Line | None, list[Line]]]:
        chunks: list[tuple[Line | None, list[Line]]] = []
        for line in lines:
            found = heading(line.text)
            if found is not None and found.level is Level.POINT:
                chunks.append((line, []))
            elif chunks:
                chunks[-1][1].append(line)
            else:
                chunks.append((None, [line]))
        return chunks

    def _point_tree(self, head: Line | None, body: list[Line]) -> _Node:
        if head is None:
            point = _Node(_IMPLICIT_POINT, body[0].line if body else 0, implicit=True)
        else:
            title, rest = split_heading_sentence(heading(head.text).rest)
            point = _Node(title, head.line)
            if rest:
                point.lines.append(Line(rest, simplify(rest), head.line))
        found_at = _headings(body)
        if _names_principles(point.title):  # 二、基本原则 (一)坚持… (二)坚持…: no work to divide
            for line in body:
                self._add_line(point, line)
            return point
        levels = sorted({h.level for h in found_at if h is not None and h.level is not Level.POINT})
        task_level = levels[0] if levels else None
        untitled = task_level is not None and task_level > Level.TASK and not _headed(found_at, task_level)
        item_levels = _item_levels(found_at, task_level)
        task: _Node | None = None
        item: _Node | None = None
        item_level = None
        principles = False  # numbered entries after “…基本原则：” in the point's text
        for line, found in zip(body, found_at):
            level = found.level if found is not None else None
            if task is None and found is None and _opens_principles(line.sim):
                principles = True
            if principles and task is None and (found is None or level > Level.TASK):
                self._add_line(point, line)
                continue
            if found is not None and level == task_level and untitled:
                # prose entries 1. 2. straight under a point: items of one task with no title
                if task is None:
                    task = _Node("", line.line)
                    point.children.append(task)
                item = _Node(found.rest, line.line, heading_sentence=split_heading_sentence(found.rest)[0])
                item.lines.append(Line(found.rest, simplify(found.rest), line.line))
                task.children.append(item)
            elif found is not None and level == task_level:
                title, rest = split_heading_sentence(found.rest)
                title, units = self._title_attribution(title)
                task, item = _Node(title, line.line, heading_sentence=title, units=units), None
                item_level = item_levels.get(len(point.children))
                if rest:
                    task.lines.append(Line(rest, simplify(rest), line.line))
                point.children.append(task)
            elif found is not None and level == item_level and task is not None:
                item = _Node(found.rest, line.line, heading_sentence=split_heading_sentence(found.rest)[0])
                item.lines.append(Line(found.rest, simplify(found.rest), line.line))
                task.children.append(item)
            else:
                if found is not None and task is None and level is not None and level > (task_level or 0):
                    self.doubts.append(Doubt(f"编号段落“{line.text[:20]}”不在任何任务之下，已并入要点正文",
                                             None, line.line))
                self._add_line(item or task or point, line)
        return point

    def _title_attribution(self, title: str) -> tuple[str, Attributed | None]:
        """（一）做好财政公开（责任单位：区财政局）。 — the bracket names units, not the task."""
        if not title.endswith(("）", ")")):
            return title, None
        segments = self.attributor.segments(title)
        if len(segments) == 1 and segments[0].units:
            return strip_end(segments[0].text), segments[0].units
        return title, None

    def _add_line(self, node: _Node, line: Line) -> None:
        """A paragraph of a node; a line that runs on from a broken one joins it.

        Web pages and PDF copies break paragraphs inside a sentence (a <br>, a
        hard wrap): a line without closing punctuation is continued by the next,
        unless either is a 责任单位： line of its own.
        """
        if node.lines:
            last = node.lines[-1]
            label_last = self.attributor.label_line(last.text) is not None
            label_line = self.attributor.label_line(line.text) is not None
            if label_last and label_line:  # 牵头单位：A / 配合单位：B / 完成时限：C, a line each: one attribution
                joined = last.text.rstrip("。；;， ") + "；" + line.text
                node.lines[-1] = Line(joined, simplify(joined), last.line)
                return
            if not last.sim.rstrip().endswith(_PARAGRAPH_ENDS) and not label_last and not label_line:
                node.lines[-1] = Line(last.text + line.text, last.sim + line.sim, last.line)
                return
        node.lines.append(line)

    def _closing(self, tree: list[_Node]) -> str:
        """Text after the last task that speaks of the plan itself (各单位要根据本要点…)."""
        if not tree:
            return ""
        node = tree[-1]
        while node.children:
            node = node.children[-1]
        first = 1 if node is not tree[-1] else 0  # never a task's own first paragraph
        for k in range(first, len(node.lines)):
            line = node.lines[k]
            if _CLOSING_RE.search(line.sim) and not self.attributor.segments(line.text)[0].units:
                closing = "\n".join(x.text for x in node.lines[k:])
                del node.lines[k:]
                return closing
        return ""

    # -- building the model ------------------------------------------------------
    def _point(self, node: _Node) -> Point:
        point = Point(title=strip_end(node.title))
        if node.implicit:
            self.doubts.append(Doubt("原文没有“一、”级标题，任务放在一个没有标题的要点下（可填写标题）",
                                     point, node.line))
        groups = self._groups(node.lines)
        point.text = _joined(groups)
        if any(g.units for g in groups) and not node.children:
            if sum(1 for g in groups if g.units) >= 2 or _closes_mid_paragraph(groups):
                # paragraphs straight under a point, each closed by its own units: items of one
                # task with no title, as prose entries are
                task = Task(title="")
                task.items = self._items_from_groups(groups, task)
                self.doubts.append(Doubt(_UNTITLED_TASK, task, node.line))
                point.text, point.tasks = "", [task]
                return point
            # units at point level have no place in the model: the point becomes one task
            task = Task(title=point.title, text=point.text)
            self._apply_single(task, groups)
            task.wording = _wording(groups, task)
            point.text, point.tasks = "", [task]
            self.doubts.append(Doubt("要点下没有分项任务但写有责任单位，已作为一项任务导入", task, node.line))
            return point
        for group in groups:
            if group.units:
                self.doubts.append(Doubt("要点正文中的责任单位无法存放在要点上，已略去", point, node.line))
        point.tasks = [self._task(child) for child in node.children]
        return point

    def _task(self, node: _Node) -> Task:
        task = Task(title=strip_end(node.title))
        if not node.title and node.children:
            self.doubts.append(Doubt(_UNTITLED_TASK, task, node.line))
        self._lift_closing_attribution(node)
        groups = self._groups(node.lines, task)
        attributed = [g for g in groups if g.units]
        if node.children:
            task.text = _joined(groups)
            self._apply_single(task, groups)
            task.items = [self._item(child) for child in node.children]
        elif len(attributed) >= 2 or _closes_mid_paragraph(groups):
            task.items = self._items_from_groups(groups, task)
        else:
            task.text = _joined(groups)
            self._apply_single(task, groups)
            task.deadline = task.deadline or self._opening_deadline(task.text)
        if node.units:  # units named in the heading add to those found below it
            found = Attributed(list(task.lead), list(task.support), task.deadline)
            found.merge(node.units)
            task.lead, task.support, task.deadline = found.lead, found.support, found.deadline
        task.deadline = task.deadline or self._bracket_deadline(node.heading_sentence)
        if not task.items or node.children:
            task.wording = _wording(groups, task)
        self._deadline_doubt(task, task.deadline, node.line)
        return task

    def _lift_closing_attribution(self, node: _Node) -> None:
        """（责任单位：…） on a line of its own after the last of several items names the task's units.

        Only when no item names units of its own: items that each carry a line of
        units keep theirs.
        """
        if len(node.children) < 2:
            return
        last = node.children[-1]
        k = len(last.lines)
        while k > 1 and self._only_attribution(last.lines[k - 1]):
            k -= 1
        if k == len(last.lines):
            return
        closing, kept = last.lines[k:], last.lines[:k]
        others = [line for child in node.children[:-1] for line in child.lines] + kept
        if any(self._names_units(line) for line in others) or not any(self._names_units(x) for x in closing):
            return
        last.lines = kept
        node.lines.extend(closing)

    def _only_attribution(self, line: Line) -> bool:
        """A line that is nothing but an attribution or a deadline: a label line or a bracket alone."""
        if self.attributor.label_line(line.text) is not None:
            return True
        segments = self.attributor.segments(line.text)
        return all(not seg.text and (seg.units or seg.deadline) for seg in segments)

    def _names_units(self, line: Line) -> bool:
        label = self.attributor.label_line(line.text)
        if label is not None:
            return bool(label)
        return any(seg.units for seg in self.attributor.segments(line.text))

    def _item(self, node: _Node) -> Item:
        item = Item()
        groups = self._groups(node.lines, item)
        item.text = _joined(groups)
        found = _merged(groups)
        item.lead, item.support = found.lead, found.support
        item.deadline = found.deadline or self._bracket_deadline(node.heading_sentence) \
            or self._opening_deadline(item.text)
        item.wording = _wording(groups, item)
        self._deadline_doubt(item, item.deadline, node.line)
        return item

    def _items_from_groups(self, groups: list["_Group"], task: Task) -> list[Item]:
        items: list[Item] = []
        for group in groups:
            if group.units or not items:
                text = _joined([group]) or task.title
                items.append(Item(text=text, lead=group.units.lead if group.units else [],
                                  support=group.units.support if group.units else [],
                                  deadline=group.deadline))
                items[-1].wording = _wording([group], items[-1]) if _joined([group]) else None
                if items[-1].wording is not None and _runs_on(groups, group):
                    items[-1].wording.at = len(items[-1].text)  # the next item goes on in its paragraph
            elif group.texts:  # text after the last attribution is an item of its own, with no units
                items.append(Item(text=_joined([group]), deadline=group.deadline))
        for item in items:
            self._deadline_doubt(item, item.deadline, 0)
        return items

    def _apply_single(self, node: Task, groups: list["_Group"]) -> None:
        found = _merged(groups)
        node.lead, node.support, node.deadline = found.lead, found.support, found.deadline

    # -- segments and groups -----------------------------------------------------------
    def _groups(self, lines: list[Line], node: object | None = None) -> list["_Group"]:
        """Paragraphs cut into groups, each closed by an attribution (the last maybe not)."""
        groups: list[_Group] = []
        current = _Group()
        for number, line in enumerate(lines):
            label = self.attributor.label_line(line.text)
            cut = number == len(lines) - 1 and self._ends_text(line)
            if cut and label is not None and cut_label_line(line.text) != line.text:
                label = self.attributor.label_line(cut_label_line(line.text))
                self.doubts.append(Doubt(f"“{line.text.strip()}”在原文末尾被截断，只读取了其中完整的单位名称",
                                         node, line.line))
            segments = [Segment("", label, label.deadline, printed=line.text.strip(), at=0)] \
                if label is not None else self.attributor.segments(line.text, cut=cut)
            for segment in segments:
                if segment.doubt:
                    self.doubts.append(Doubt(segment.doubt, node, line.line))
                if segment.text:
                    current.texts.append((number, segment.text))
                current.deadline = current.deadline or segment.deadline
                if segment.units is not None:
                    if segment.units:
                        current.units = segment.units
                        current.printed, current.tail = segment.printed, len(segment.text) - segment.at
                        groups.append(current)
                        current = _Group()
                    elif groups and not current.texts:
                        groups[-1].deadline = groups[-1].deadline or segment.units.deadline
                    else:
                        current.deadline = current.deadline or segment.units.deadline
        if current.texts or current.deadline or not groups:
            if not current.texts and groups:  # a lone deadline line after an attribution
                groups[-1].deadline = groups[-1].deadline or current.deadline
            else:
                groups.append(current)
        return groups

    def _ends_text(self, line: Line) -> bool:
        """Whether *line* is (or was joined with) the last line of a page that may be cut short."""
        end = self._end_text
        return end is not None and bool(line.text) and (line.text.endswith(end) or end.endswith(line.text))

    # -- deadlines ------------------------------------------------------------------------
    def _bracket_deadline(self, sentence: str) -> str:
        """（2020年6月24日前） inside a heading sentence is the node's deadline."""
        if "（" not in sentence and "(" not in sentence:
            return ""
        sim = simplify(sentence)
        for m in _SHORT_BRACKET_RE.finditer(sim):
            if self.attributor.is_deadline(m.group(1)):
                return sentence[m.start(1) : m.end(1)].strip()
        return ""

    def _opening_deadline(self, text: str) -> str:
        """A text that opens with its one deadline (2021年12月31日前，完成…)."""
        if not text:
            return ""
        sim = simplify(text)
        phrases = deadlines.extract(sim)
        if len(phrases) != 1 or _sentences(sim) > 1:  # a date opening one sentence of several is prose
            return ""
        at = sim.find(phrases[0])
        lead = sim[:at].strip()
        if at < 0 or (lead and lead not in _OPENING_WORDS):
            return ""
        return text[at : at + len(phrases[0])]

    def _deadline_doubt(self, node: object, phrase: str, line: int) -> None:
        note = self.attributor.deadline_doubt(phrase, self.year)
        if note:
            self.doubts.append(Doubt(note, node, line))


def _headings(body: list[Line]) -> list:
    """The heading of each line, numbered items read in sequence (1.2022年4月底前… is item 1)."""
    out = []
    count = 0  # arabic-numbered headings seen since the last other heading
    for line in body:
        found = heading(line.text)
        if found is None:
            found = heading(line.text, count + 1)
        if found is not None:
            count = found.number if found.level is Level.ITEM else 0
        out.append(found)
    return out


# A heading sentence that names the entry (加强培训。) is short and has no comma; prose entries
# (按照…要求,结合…,动态调整…。) are items, whatever their number.
_HEADING_SENTENCE_MAX = 30
_PRINCIPLES_RE = lazy_compile(r"(?:基本|工作|总体)?原则$")
_OPENS_PRINCIPLES_RE = lazy_compile(r"原则[是为]?[：:]$")


def _headed(found_at: list, level: Level) -> bool:
    """Whether most numbered entries at *level* open with a heading sentence of their own."""
    entries = [h for h in found_at if h is not None and h.level == level]
    headed = 0
    for entry in entries:
        title, _ = split_heading_sentence(entry.rest)
        headed += len(title) <= _HEADING_SENTENCE_MAX and not any(c in title for c in "，,；;")
    return 2 * headed >= len(entries)


def _names_principles(title: str) -> bool:
    """A point headed 基本原则 lists principles, not tasks."""
    return bool(_PRINCIPLES_RE.search(strip_end(simplify(title))))


def _opens_principles(sim: str) -> bool:
    """A paragraph ending “…坚持以下基本原则：” introduces a list of principles."""
    return bool(_OPENS_PRINCIPLES_RE.search(sim.rstrip()))


def _sentences(sim: str) -> int:
    """Sentences of a text, counted by their end marks (a final one without its mark counts too)."""
    body = sim.rstrip().rstrip("。！？!?")
    return sum(body.count(mark) for mark in "。！？!?") + 1


def _item_levels(found_at: list, task_level) -> dict[int, Level]:
    """The items' level under each task (by index): the highest level found below the task.

    A point may number one task's items 1. 2. and another's （1）（2） or ①②.
    """
    levels: dict[int, Level] = {}
    index = -1
    for found in found_at:
        if found is None:
            continue
        if found.level == task_level:
            index += 1
        elif index >= 0 and task_level is not None and found.level > task_level:
            levels[index] = min(levels.get(index, found.level), found.level)
    return levels


@dataclass
class _Group:
    texts: list[tuple[int, str]] = field(default_factory=list)  # (paragraph number, text)
    units: Attributed | None = None
    deadline: str = ""
    printed: str = ""  # the attribution closing the group, as printed
    tail: int = 0  # characters of the group's text printed after it (a full stop)


def _wording(groups: list[_Group], node: Task | Item) -> Wording | None:
    """The node's attribution as printed, when one phrase named all its units.

    Where it stood is kept when that is inside the text (a sentence follows it,
    or it came before the full stop); a phrase after the text needs no place.
    """
    attributed = [k for k, g in enumerate(groups) if g.units]
    if len(attributed) != 1 or not groups[attributed[0]].printed:
        return None
    k = attributed[0]
    group = groups[k]
    if group.units.lead != node.lead or group.units.support != node.support:
        return None  # merged with units named elsewhere (the heading): no one phrase says them all
    at = len(_joined(groups[: k + 1])) - group.tail
    whole = _joined(groups)
    return Wording(text=group.printed, lead=list(node.lead), support=list(node.support),
                   deadline=group.units.deadline, at=-1 if at >= len(whole) else at)


def _runs_on(groups: list[_Group], group: _Group) -> bool:
    """Whether the paragraph goes on after this group's attribution (…（甲负责落实）B做法…)."""
    k = next(i for i, g in enumerate(groups) if g is group)
    after = groups[k + 1] if k + 1 < len(groups) else None
    return bool(after and group.texts and after.texts) and group.texts[-1][0] == after.texts[0][0]


def _closes_mid_paragraph(groups: list[_Group]) -> bool:
    """A single attribution followed by more of its own paragraph: it closes the text before it
    only (A做法…（甲负责落实）。B做法…), and is never taken as the whole task's."""
    attributed = [k for k, group in enumerate(groups) if group.units]
    if len(attributed) != 1 or attributed[0] + 1 >= len(groups):
        return False
    before, after = groups[attributed[0]], groups[attributed[0] + 1]
    return bool(before.texts and after.texts) and before.texts[-1][0] == after.texts[0][0]


def _joined(groups: list[_Group]) -> str:
    """Texts of the same paragraph run on; paragraphs are separated by a newline."""
    out: list[str] = []
    last = None
    for group in groups:
        for number, text in group.texts:
            if out and number == last:
                out[-1] += text
            else:
                out.append(text)
            last = number
    return "\n".join(out)


def _merged(groups: list[_Group]) -> Attributed:
    found = Attributed()
    for group in groups:
        if group.units:
            found.merge(group.units)
        found.deadline = found.deadline or group.deadline
    return found
