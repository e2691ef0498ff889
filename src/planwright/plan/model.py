"""The plan as data: points → tasks → items, with units and deadlines.

No I/O here. Display numbering (一、（一）1.) is derived from order by
`planwright.zh.numbering`; only the `id` of a node is stored, and it stays with
the node through edits, moves and the roll-over into the next year.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Iterator, Literal

SCHEMA = "planwright/1"

# Ids are short so that people can read them in diffs and findings, and random
# so that two offices editing copies of one plan never mint the same one.
_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no l/1/o/0: read aloud safely
ID_LENGTH = 6


def new_id() -> str:
    """A fresh node id such as ``k3m9qa``."""
    # 32 letters, so the low five bits of a random byte pick one uniformly;
    # one urandom call is far cheaper than six secrets.choice calls (and secrets.token_bytes
    # is os.urandom, without importing hmac and hashlib for it). The bytes become letters
    # through a table, in C: an import mints an id for each of hundreds of nodes.
    return os.urandom(ID_LENGTH).translate(_ID_BYTES).decode("ascii")


_ID_BYTES = bytes(ord(_ID_ALPHABET[b & 31]) for b in range(256))  # random byte → its letter


@dataclass
class Unit:
    """A registered responsible unit (责任单位) and the other names it goes by."""

    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = ""


@dataclass
class Wording:
    """An attribution as the notice printed it, and the units and deadline it names.

    ``（责任单位：区财政局等有关部门，各街道办事处）``, ``（市审计局和市财政局分别负责落实）``,
    a ``责任单位：…。`` line, a 责任单位 cell: the office's own words, kept so that an
    export prints them unchanged while the node still has these units. Once a
    clerk edits the node's units the phrase is written anew in the style's form
    (``exporting.wording.attribution``); a changed deadline is put in its place.
    ``at`` is where in the node's text the phrase stood, when it stood inside
    the text rather than after it (-1); at the text's very end, it says that the
    paragraph went on with the next node (an attribution printed mid-paragraph).
    """

    text: str = ""
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str = ""
    at: int = -1

    def names(self, lead: list[str], support: list[str]) -> bool:
        """Whether the phrase names exactly these units (so it may be printed as it is)."""
        return self.lead == list(lead) and self.support == list(support)

    def copy(self) -> "Wording":
        return Wording(self.text, list(self.lead), list(self.support), self.deadline, self.at)


@dataclass
class Item:
    """A numbered item (1.) or a table row under a task."""

    id: str = ""
    text: str = ""
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str = ""
    wording: Wording | None = None  # the attribution as printed, when imported

    @property
    def title(self) -> str:
        # Items have no heading of their own; their first words stand in.
        return self.text[:20]


@dataclass
class Task:
    """A task （一）: heading sentence, the rest of its text, units, deadline."""

    id: str = ""
    title: str = ""
    text: str = ""
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str = ""
    items: list[Item] = field(default_factory=list)
    wording: Wording | None = None  # the attribution as printed, when imported


@dataclass
class Point:
    """A point 一、 of the plan."""

    id: str = ""
    title: str = ""
    text: str = ""
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Meta:
    """The ``[plan]`` table: what the notice says about the plan."""

    title: str = ""
    style: str = ""
    year: int = 0
    end_year: int = 0  # 0: same as year
    issuer: str = ""
    doc_number: str = ""  # 文号, e.g. 示政办字〔2022〕3号
    date: str = ""  # 成文日期, ISO yyyy-mm-dd ("" when not yet signed)
    recipients: list[str] = field(default_factory=list)  # 主送机关
    # The notice's own title as printed, when it is not 发文机关 + 关于印发 + title + 的通知
    # (關於印發, 《》 around the plan, two plans sent …), with {title} where it names the
    # plan: "" = built from issuer and title.
    notice_title: str = ""
    # The 印发 letter under 主送 as the office wrote it (paragraphs one a line),
    # with {title} where it names the plan: "" = no letter kept; then a notice
    # gets the style's sentence, and a plan with no recipients and no letter is
    # printed as itself, without a letter around it.
    letter: str = ""
    # A notice forwarded by another office (转发) is printed under that office's own
    # letter: its 文号 and title (关于转发…的通知) where printed, its 主送, its paragraphs
    # (one a line, as printed), its signature and date. "" / [] = the notice goes out as itself.
    forward_doc_number: str = ""
    forward_title: str = ""
    forward_recipients: list[str] = field(default_factory=list)
    forward_letter: str = ""
    forward_issuer: str = ""
    forward_date: str = ""  # ISO yyyy-mm-dd
    publicity: str = ""  # 附注, e.g. 此件公开发布
    cc: list[str] = field(default_factory=list)  # 抄送
    printer: str = ""  # 印发机关
    print_date: str = ""  # 印发日期, ISO
    preamble: str = ""
    closing: str = ""
    # How the .docx prints: the red 版头 (or the space for pre-printed paper,
    # or none), and the standard's fonts or the ones Windows ships.
    masthead: str = ""  # one of MASTHEADS; "" = "red"
    # Where the plain-text notice prints the 文号: "" = above the title (GB/T 9704, as the
    # .docx always does), "below" = under it, where most web pages print it.
    doc_number_at: str = ""  # one of DOC_NUMBER_PLACES
    fonts: str = ""  # one of FONT_PROFILES; "" = "gbt9704"

    @property
    def last_year(self) -> int:
        return self.end_year or self.year


DOC_NUMBER_PLACES = ("above", "below")
MASTHEADS = ("red", "preprinted", "none")  # 红头 printed / space kept for 套红 paper / no 版头
FONT_PROFILES = ("gbt9704", "windows")  # 方正小标宋简体, 仿宋_GB2312… / 方正小标宋, 仿宋, 楷体…


@dataclass
class Attachment:
    """An attachment the notice printed besides the 分工 table (市级有关单位名单 …): its
    title and its text as printed, one paragraph a line."""

    title: str = ""
    text: str = ""


@dataclass
class Plan:
    meta: Meta = field(default_factory=Meta)
    units: list[Unit] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    # The main text's own outline, where a notice carries one apart from its
    # task-division table (宁国 style): points and tasks with text, no units.
    body: list[Point] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)

    # -- walking -----------------------------------------------------------
    def tasks(self) -> Iterator[tuple[Point, Task]]:
        for point in self.points:
            for task in point.tasks:
                yield point, task

    def nodes(self) -> Iterator[Node]:
        """Every point, task and item in reading order."""
        return _walk(self.points)

    def find(self, node_id: str) -> Node | None:
        for node in self.nodes():
            if node.id == node_id:
                return node
        return None

    def locate(self, node_id: str) -> tuple[int, ...] | None:
        """1-based indices of a node: (point,), (point, task) or (point, task, item)."""
        for p, point in enumerate(self.points, 1):
            if point.id == node_id:
                return (p,)
            for t, task in enumerate(point.tasks, 1):
                if task.id == node_id:
                    return (p, t)
                for i, item in enumerate(task.items, 1):
                    if item.id == node_id:
                        return (p, t, i)
        return None

    def ensure_ids(self) -> int:
        """Give every node without an id a fresh one; returns how many were given."""
        seen = {n.id for n in self.all_nodes() if n.id}
        given = 0
        for node in self.all_nodes():
            if not node.id:
                node.id = _unique_id(seen)
                given += 1
        return given

    def all_nodes(self) -> Iterator[Node]:
        """Plan nodes and the body outline's nodes."""
        yield from _walk(self.points)
        yield from _walk(self.body)

    def unit_names(self) -> list[str]:
        """Every unit named on a task or item, in order of first mention."""
        seen: dict[str, None] = {}
        for node in self.nodes():
            if isinstance(node, (Task, Item)):
                for name in (*node.lead, *node.support):
                    seen.setdefault(name, None)
        return list(seen)


Node = Point | Task | Item
Level = Literal["point", "task", "item"]


def level_of(node: Node) -> Level:
    if isinstance(node, Point):
        return "point"
    if isinstance(node, Task):
        return "task"
    return "item"


def _walk(points: list[Point]) -> Iterator[Node]:
    for point in points:
        yield point
        for task in point.tasks:
            yield task
            yield from task.items


def _unique_id(seen: set[str]) -> str:
    while True:
        candidate = new_id()
        if candidate not in seen:
            seen.add(candidate)
            return candidate


def field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]
