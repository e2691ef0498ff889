"""The fixed wording of an exported notice: title, dates, unit lists, attributions.

Pure functions. What differs between regions (the opening sentence, how units
are printed, the attached table's title) comes from the style's NoticeLayout;
a plan whose style has none gets the neutral default below, so an export never
fails for want of a plugin.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from planwright.api import NoticeLayout
from planwright.plan.model import Item, Meta, Plan, Task
from planwright.plan.titles import fill_title, notice_title  # noqa: F401  (notice_title: the exporters' name for it)
from planwright.zh.numbering import marker as _marker

# 一、（一）1. for an outline level and index; cached because a 1,000-task
# plan asks for the same few hundred markers thousands of times.
marker = functools.lru_cache(maxsize=4096)(_marker)

if TYPE_CHECKING:
    from planwright.host import Host

# Used when a plan names no style or its style gives no layout: units inline as
# （责任单位：…）, the most common way, and no attached table.
NEUTRAL_LAYOUT = NoticeLayout(style="", unit_format="responsible")


def layout_for(plan: Plan, host: "Host | None") -> NoticeLayout:
    """The notice layout of the plan's style, or the neutral default."""
    if host is not None and plan.meta.style:
        found = host.layout(plan.meta.style)
        if found is not None:
            return found
    return NEUTRAL_LAYOUT


def cn_date(iso: str) -> str:
    """2021-06-23 → 2021年6月23日 (GB/T 9704 §7.3.5.4: Arabic, no zero padding).

    A value that is not an ISO date is printed as written: `check` reports it,
    and an export with --allow-errors should still show what the plan says.
    """
    try:
        day = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return f"{day.year}年{day.month}月{day.day}日"


def opening(layout: NoticeLayout, meta: Meta) -> str:
    """The sentence under 主送 of a plan with no letter of its own: the style's
    wording, with the approval its issuer may claim (see ``fit_approval``)."""
    try:
        text = layout.opening.format(title=meta.title, issuer=meta.issuer)
    except (KeyError, IndexError, ValueError):
        # A plugin's template with an unknown placeholder: print it as written
        # rather than fail the whole export on another package's typo.
        text = layout.opening
    return fit_approval(text, meta.issuer)


def letter(layout: NoticeLayout, meta: Meta) -> list[str]:
    """The 印发 letter's paragraphs: the office's own, as printed (its {title} filled
    with the plan's title of today), else the style's sentence at the issuer's level."""
    if not meta.letter.strip():
        return [opening(layout, meta)]
    return paragraphs(fill_title(meta.letter, meta.title))


# 经区政府同意 / 已经市人民政府同意 / 经市政府研究同意: an approval the letter claims.
_APPROVAL_RE = re.compile(r"(?:已)?经(?P<body>[^，,。；、《》]{1,14}?)(?:研究)?同意[，,]?")
# The general office (办公室 / 办公厅) of a government: it may say its government approved.
_GOVERNMENT_OFFICE_RE = re.compile(r"(?P<level>省|自治区|市|州|盟|县|区|旗)(?:人民)?政府办公[室厅]$")


def approving_body(issuer: str) -> str:
    """The government whose approval an issuer's notice may state: 示例区人民政府办公室 → 区政府.

    Only a government's general office sends a plan out 经…政府同意; a 领导小组,
    a 政务公开办 or a township government itself claims no one's approval ("").
    """
    m = _GOVERNMENT_OFFICE_RE.search(issuer.strip())
    return f"{m.group('level')}政府" if m else ""


def fit_approval(text: str, issuer: str) -> str:
    """A style's sentence with its 经…同意 at the issuer's own level, or without it.

    A style written for a city (经市政府同意) used by a district office says
    经区政府同意; used by a leading group, it says nothing of an approval. 经研究
    同意 (the office's own deliberation) is left as it is.
    """
    body = approving_body(issuer)

    def fit(m: re.Match[str]) -> str:
        if m.group("body") == "研究":
            return m.group()
        return m.group().replace(m.group("body"), body, 1) if body else ""

    return _APPROVAL_RE.sub(fit, text)


def recipients_line(names: Sequence[str]) -> str:
    """主送 line: names joined by 逗号, ending with a full-width colon."""
    return "，".join(names) + "：" if names else ""


def cc_line(names: Sequence[str]) -> str:
    """抄送 line of the 版记: ends with 句号 (GB/T 9704 §7.4.2)."""
    return "抄送：" + "，".join(names) + "。" if names else ""


def imprint_line(meta: Meta) -> str:
    """印发机关 and 印发日期: `XX办公室  2021年4月9日印发`."""
    if not meta.printer and not meta.print_date:
        return ""
    when = f"{cn_date(meta.print_date)}印发" if meta.print_date else ""
    return f"{meta.printer}\u3000\u3000{when}".strip("\u3000")


def table_title(layout: NoticeLayout, meta: Meta) -> str:
    """Title of the attached 分工 table: the plan's title with 工作要点 → the style's table title.

    `2022年示例区政务公开工作要点` → `2022年示例区政务公开重点工作任务分工`; a title
    without 工作要点 gets the table title appended. A layout may also write
    `{title}` itself.
    """
    if "{" in layout.table_title:
        try:
            return layout.table_title.format(title=meta.title, year=meta.year)
        except (KeyError, IndexError, ValueError):
            return layout.table_title
    title = meta.title
    for tail in ("工作要点", "要点"):
        if title.endswith(tail):
            return title[: -len(tail)] + layout.table_title
    return title + layout.table_title


# --- units ------------------------------------------------------------------


def is_collective(name: str) -> bool:
    """各街道办事处, 各乡镇（街道）: a group of units rather than one office."""
    return name.startswith("各")


def join_units(names: Sequence[str], *, by_kind: bool = False) -> str:
    """Units joined by 顿号; with by_kind a 逗号 where named offices give way to a group.

    The convention (顿号 within one kind of unit, 逗号 between kinds) reads
    `区财政局、区民政局，各街道办事处`.
    """
    out: list[str] = []
    for i, name in enumerate(names):
        if i:
            changed = by_kind and is_collective(name) != is_collective(names[i - 1])
            out.append("，" if changed else "、")
        out.append(name)
    return "".join(out)


def table_units(lead: Sequence[str], support: Sequence[str]) -> str:
    """The 责任单位 cell: lead units, and the support ones marked as such."""
    if not support:
        return "、".join(lead)
    if not lead:
        return "、".join(support) + "配合"
    return "、".join(lead) + "牵头，" + "、".join(support) + "配合"


_SQUEEZE = str.maketrans({"(": "（", ")": "）", " ": None, "\u3000": None, "\n": None})


def deadline_in_text(deadline: str, *texts: str) -> bool:
    """Whether the text already states the deadline (江山's 成立领导小组（2020年6月24日前）)."""
    if not deadline:
        return False
    if any(deadline in t for t in texts):
        return True
    want = deadline.translate(_SQUEEZE)
    return bool(want) and any(want in t.translate(_SQUEEZE) for t in texts)


def attribution(node: Task | Item, layout: NoticeLayout, own_text: str) -> str:
    """What closes a task or item inline: （责任单位：…） / （…牵头落实，…配合落实）.

    Also carries the deadline when the text does not state it yet, so that a
    deadline set in the editor reaches the published notice. Empty for the
    list / table / none formats, except a deadline-only bracket for `none`.
    """
    fmt = layout.unit_format
    deadline = node.deadline if not deadline_in_text(node.deadline, own_text) else ""
    due = f"完成时限：{deadline}" if deadline else ""
    if fmt == "responsible" and (node.lead or node.support):
        units = join_units([*node.lead, *node.support], by_kind=True)
        return f"（责任单位：{units}{'；' + due if due else ''}）"
    if fmt == "lead-support" and (node.lead or node.support):
        parts = []
        if node.lead:
            parts.append(join_units(node.lead) + layout.lead_word)
        if node.support:
            parts.append(join_units(node.support) + layout.support_word)
        return f"（{'，'.join(parts)}{'；' + due if due else ''}）"
    if fmt in ("responsible", "lead-support", "none") and due:
        return f"（{due}）"
    return ""


@dataclass(frozen=True)
class Placed:
    """A node's attribution and where it goes: inside the text at ``at`` (else after
    it), or as a paragraph of its own (``line``: 责任单位：A、B。)."""

    phrase: str = ""
    at: int = -1
    line: bool = False
    runs_on: bool = False  # printed mid-paragraph: what follows goes on in the same paragraph

    def into(self, text: str) -> tuple[str, str]:
        """(the text with the phrase inside it, the phrase left to close the text)."""
        if not self.phrase or self.line:
            return text, ""
        if 0 <= self.at < len(text):
            return text[: self.at] + self.phrase + text[self.at :], ""
        return text, self.phrase


_CLOSERS = "。；;！？!?"


def placed(node: Task | Item, layout: NoticeLayout, text: str, own_text: str) -> Placed:
    """The attribution of a node as the notice prints it.

    The office's own phrase (``node.wording``) while the node still has the
    units it names, with a changed deadline put in the deadline's place; else
    the phrase in the style's form, at the place the old one stood.
    """
    kept = node.wording
    at = kept.at if kept is not None and _fits(text, kept.at) else -1
    form = _form(kept.text) if kept is not None else ""
    if kept is not None and form != "cell" and kept.names(node.lead, node.support):
        phrase = kept.text.strip()
        if kept.deadline and node.deadline != kept.deadline and kept.deadline in phrase:
            phrase = phrase.replace(kept.deadline, node.deadline, 1)
        line = form == "line"
        if node.deadline and not deadline_in_text(node.deadline, own_text, phrase):
            phrase += f"完成时限：{node.deadline}。" if line else f"（完成时限：{node.deadline}）"
        runs_on = not line and 0 < kept.at == len(text)
        return Placed(phrase, -1 if line else at, line, runs_on)
    if kept is not None and form == "cell" and kept.text.strip() and kept.names(node.lead, node.support):
        cell = _cell_in_text(kept.text.strip(), node, layout, own_text)
        if cell is not None:
            return cell
    if layout.unit_format == "list":
        return Placed(units_line(node, own_text), -1, True)
    return Placed(attribution(node, layout, own_text), at)


# A cell that says who does what in words of its own: 市发改委牵头落实 / 甲局负责，乙局配合
_ROLE_WORDS = re.compile(r"牵头|负责|配合|协助|落实|参与")


def _cell_in_text(cell: str, node: Task | Item, layout: NoticeLayout, own_text: str) -> Placed | None:
    """A 责任单位 cell (a plan read from a task table) printed in the text: the cell's own
    words in the style's frame — （市发改委牵头落实）, （责任单位：发改委、财政局等）, a
    责任单位：… line. None where the style's form has no room for them (units not printed)."""
    deadline = node.deadline if not deadline_in_text(node.deadline, own_text, cell) else ""
    worded = bool(_ROLE_WORDS.search(cell))
    if layout.unit_format == "list" and not worded:
        due = f"；完成时限：{deadline}" if deadline else ""
        return Placed(f"责任单位：{cell}{due}。", -1, True)
    if layout.unit_format not in ("responsible", "lead-support", "list") or (
            layout.unit_format == "lead-support" and not worded):
        return None
    inner = cell if worded else f"责任单位：{cell}"
    due = f"；完成时限：{deadline}" if deadline else ""
    return Placed(f"（{inner}{due}）")


def kept_cell(node: Task | Item) -> str:
    """The 责任单位 cell as printed (发改委、财政局等), while the node still has its units;
    "" for a phrase printed in the text (a bracket or a 责任单位：… line) or edited units."""
    kept = node.wording
    if kept is None or _form(kept.text) != "cell" or not kept.names(node.lead, node.support):
        return ""
    return kept.text.strip()


# 责任单位：… / 牵头单位：… opening a phrase printed as a line of its own
_LABEL_RE = re.compile(r"^[^：:（(，,。]{2,8}[：:]")


def _form(phrase: str) -> str:
    """How a kept phrase was printed: "bracket" in the text, a "line" of its own, a table "cell"."""
    text = phrase.strip()
    if not text:
        return "cell"  # nothing to print: treated as no phrase in the text
    if text.startswith(("（", "(")):
        return "bracket"
    return "line" if _LABEL_RE.match(text) else "cell"


def _fits(text: str, at: int) -> bool:
    """Whether a kept place is still between sentences of the text (it was edited, maybe)."""
    if not 0 < at < len(text):
        return False
    return text[at - 1] in _CLOSERS or text[at] in "。；"


def units_line(node: Task | Item, own_text: str) -> str:
    """The `list` format: a line 责任单位：A、B。 under the task (江山's 26 areas)."""
    deadline = node.deadline if not deadline_in_text(node.deadline, own_text) else ""
    units = join_units([*node.lead, *node.support])
    parts = [f"责任单位：{units}"] if units else []
    if deadline:
        parts.append(f"完成时限：{deadline}")
    return "；".join(parts) + "。" if parts else ""


# --- widths -------------------------------------------------------------------


@functools.cache
def _narrow() -> re.Pattern[str]:
    """Every character that is not East Asian wide or full-width, as one character class.

    Built once from unicodedata over the BMP (the planes above it are wide
    where they hold CJK): counting with one C-level re.sub is ~20× faster than
    calling east_asian_width per character on a 1,000-task plan.
    """
    ranges: list[tuple[int, int]] = []
    for cp in range(0x10000):
        if unicodedata.east_asian_width(chr(cp)) not in "WF":
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    ranges += [(0x10000, 0x1F2FF), (0x3FFFE, 0x10FFFF)]
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{body}]+")


def display_width(text: str) -> int:
    """Columns a text takes: East Asian wide and full-width characters count 2."""
    if text.isascii():
        return len(text)
    return 2 * len(text) - sum(len(m) for m in _narrow().findall(text))


_STOPS = "。；：！？…，、.;:!?"


def ends_with_stop(text: str) -> bool:
    return bool(text) and text[-1] in _STOPS


def paragraphs(text: str) -> list[str]:
    """A stored text's paragraphs (one per non-empty line)."""
    return [p.strip() for p in re.split(r"\n+", text or "") if p.strip()]
