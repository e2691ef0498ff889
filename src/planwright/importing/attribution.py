"""Who carries a task out, and by when: attributions and deadlines inside paragraphs.

The parsing itself is ``planwright.zh.units`` (with the style's patterns first)
and ``planwright.zh.deadlines``; this module decides *where* they sit in a
notice's paragraphs:

* every attribution bracket — at the end of a paragraph, after 。, or in the
  middle of a paragraph with text running on — ends one segment of text, and
  says where it stood (its span) so that the phrase can be kept as printed;
* a line such as ``责任单位：A、B。`` attributes the node above it;
* a bracket that closes a segment and only holds a deadline （2021年6月底前）
  gives that segment its deadline;
* on the last line of a page cut short, a bracket opened and never closed is
  read as far as it goes, the name it was printing left out;
* a standing instruction (以下均需各单位落实，不再列出) names no unit.

Patterns are matched on the simplified form of the text (see ``hanzi``); the
names stored are cut from the printed text, so a traditional-character
notice keeps its own characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from planwright.zh import deadlines
from planwright.zh import roles
from planwright.zh import units
from planwright.zh.brackets import bracket_groups, group_start, top_level, unclosed_opener
from planwright.zh.hanzi import has_traditional, simplify
from planwright.zh.lazyre import lazy_compile

# What an attribution bracket that the patterns did not understand looks like.
_ATTRIBUTION_WORDS_RE = lazy_compile(rf"{roles.alternation(roles.hint_words())}|单位[：:]|部门[：:]")
_SENTENCE_CLOSERS = "。；;！？!?"
_TRAILING_PUNCT = "。；;，,.．、 \u3000"
_DEADLINE_LABEL = roles.alternation(roles.DEADLINE_LABELS)
_LABEL_LINE_RE = lazy_compile(
    rf"^\s*(?:{roles.alternation(roles.LEAD_LABELS + roles.RESPONSIBLE_LABELS + roles.SUPPORT_LABELS)}"
    rf"|{_DEADLINE_LABEL})\s*[：:]"
)
_SUPPORT_LABEL_RE = lazy_compile(rf"^\s*{roles.alternation(roles.SUPPORT_LABELS)}\s*[：:]\s*(.+)$")
_DEADLINE_LABEL_RE = lazy_compile(rf"^\s*{_DEADLINE_LABEL}\s*[：:]\s*(.+)$")
_WS_RE = lazy_compile(r"[\s\u3000\ufeff]+")
# Labelled fields in any order and with any separator (a web copy may have lost the ；):
# （完成时限：6月底前；牵头单位：A；责任单位：B） / （牵头单位：A 配合单位：B 时间节点：C）.
# A bare 牵头： / 配合： is a label too. Read when no attribution pattern matched the bracket.
_FIELD_RE = lazy_compile(
    rf"(?:(?P<lead>{roles.alternation(roles.LEAD_LABELS + ('牵头',))})"
    rf"|(?P<resp>{roles.alternation(roles.RESPONSIBLE_LABELS)})"
    rf"|(?P<support>{roles.alternation(roles.SUPPORT_LABELS + ('配合',))})"
    rf"|(?P<deadline>{_DEADLINE_LABEL})"
    r"|(?P<person>责任领导|分管领导|包保领导|责任人|联系人))"
    r"[ \t\u3000]*[：:][ \t\u3000]*"
)
_CLAUSE_RE = lazy_compile(
    rf"^(?:由)?(?P<units>.+?){roles.alternation(roles.DIVIDING)}?(?:分别|共同)?"
    rf"(?P<verb>{roles.alternation(roles.LEAD_VERBS + roles.SUPPORT_VERBS + roles.SOLE_VERBS)})$"
)
_FIELD_TRIM = " \t\u3000，,；;。、"
_LIST_MARKS = "、，,；;"
# A 牵头 clause run on into the next without a comma: （A牵头B负责） is （A牵头，B负责）.
_LEAD_CLAUSE_END_RE = lazy_compile(rf"{roles.alternation(roles.LEAD_VERBS)}(?![，,；;]|$)(?!{roles.alternation(roles.LEAD_VERBS + roles.SUPPORT_VERBS + roles.SOLE_VERBS)})")

_MARKED_LEAD_RE = lazy_compile(r"（牵头(?:单位)?）$")
_NAME_BRACKETS = str.maketrans({"(": "（", ")": "）"})


# written inline before; kept compiled like the module's other patterns (zh/lazyre)
_CLAUSE_MARKS_RE = lazy_compile(r"[，,；;]")
_DONE_WORD_RE = lazy_compile(r"(?:完成|办结|到位)$")


@dataclass
class Attributed:
    """Lead and support units and a deadline found for one piece of text."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str = ""

    def __bool__(self) -> bool:
        return bool(self.lead or self.support)

    def merge(self, other: "Attributed") -> None:
        """Add another attribution's units (no repeats) and a missing deadline."""
        self.lead += [u for u in other.lead if u not in self.lead]
        self.support += [u for u in other.support if u not in self.support]
        self.deadline = self.deadline or other.deadline


@dataclass
class Segment:
    """A run of text closed by an attribution (or the text left after the last one).

    ``span`` is where the attribution stands in the paragraph (start, end exclusive; the
    bracket included), so that the phrase can be kept as printed; (0, 0) when there is none.
    """

    text: str
    units: Attributed | None = None
    deadline: str = ""
    doubt: str = ""
    span: tuple[int, int] = (0, 0)
    printed: str = ""  # the attribution bracket as printed, kept as the node's wording
    at: int = -1  # where in ``text`` it stood: before a full stop the segment keeps, else after the text


class Attributor:
    """Attribution and deadline reading for one import (one style's patterns)."""

    def __init__(self, patterns: Sequence[units.AttributionPattern],
                 phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> None:
        self.patterns = tuple(patterns)
        self.phrases = tuple(phrases)
        # what read_units found for a bracket's inside: a notice repeats its attributions
        # (（责任单位：各街道办事处）) dozens of times, and the answer depends on the text alone
        self._read: dict[tuple[str, bool], units.Attribution | None] = {}

    # -- paragraphs -------------------------------------------------------------
    def segments(self, paragraph: str, cut: bool = False) -> list[Segment]:
        """Cut a paragraph after every attribution: each closes the segment of text before it,
        at the end of a sentence group or in the middle of a paragraph alike.

        *cut*: the paragraph is the last of a page cut short, so a bracket opened and never
        closed may be an attribution cut off; it is read as far as it goes.
        """
        sim = simplify(paragraph)
        out: list[Segment] = []
        start = 0
        for begin, end, found in self._attributions(sim):
            text = paragraph[start:begin].rstrip()
            mark = sim[end:end + 1]
            moved = bool(text) and text[-1] not in _SENTENCE_CLOSERS and mark in ("。", "；")
            if moved:
                text += paragraph[end]  # …落实到位（责任单位：A）。 keeps its full stop
            segment = self._segment(text, self._attributed(found, paragraph[begin:end], sim[begin:end]))
            segment.span = (begin, end)
            segment.printed = paragraph[begin:end]
            # the bracket stood before that full stop, if the segment still ends with it
            moved = moved and segment.text.endswith(paragraph[end])
            segment.at = len(segment.text) - 1 if moved else len(segment.text)
            out.append(segment)
            start = _skip_punct(sim, end)
        cut_at = unclosed_opener(sim, start) if cut else -1
        if cut_at >= 0:
            found = self.cut_attribution(sim[cut_at + 1 :])
            if found is not None:
                text = paragraph[start:cut_at].rstrip()
                segment = self._segment(text, self._attributed(found, paragraph[cut_at:], sim[cut_at:]))
                segment.span = (cut_at, len(paragraph))
                # as far as the page printed it: what the notice says, until a clerk edits the units
                segment.printed, segment.at = paragraph[cut_at:].strip(), len(segment.text)
                segment.doubt = f"责任单位“{paragraph[cut_at:].strip()}”在原文末尾被截断，只读取了其中完整的单位名称"
                return out + [segment]
        rest = paragraph[start:].strip()
        if rest or not out:
            out.append(self._segment(rest, None))
        return out

    def cut_attribution(self, inner: str) -> units.Attribution | None:
        """An attribution whose closing bracket the end of the page took away, with the name it
        was printing when cut left out (SCHEMA: a unit cut by the end of the excerpt is left out)."""
        whole = complete_names(inner)
        return self.read_units(whole, cut=True) if whole else None

    def _attributions(self, sim: str) -> list[tuple[int, int, units.Attribution]]:
        """Attribution brackets of a paragraph: the patterns', else labelled fields in any order
        or verb clauses."""
        out = []
        for begin, end in bracket_groups(sim):  # the groups units.find_attributions reads
            found = self.read_units(sim[begin + 1 : end - 1])
            if found is not None:
                out.append((begin, end, found))
        return out

    def read_units(self, text: str, cut: bool = False) -> units.Attribution | None:
        """The units a bracket's inside (or a cell) names: the patterns', else labelled fields in
        any order, else verb clauses. A standing instruction in it (以下均需各单位落实，不再列出)
        names no unit and is left out first."""
        key = (text, cut)
        if key not in self._read:
            self._read[key] = self._read_units(text, cut)
        return self._read[key]

    def _read_units(self, text: str, cut: bool) -> units.Attribution | None:
        text = without_standing(text)
        if not text:
            return None
        found = units.parse_attribution(text, self.patterns)
        if found is None:
            found = labelled_fields(text) if ("：" in text or ":" in text) else self.verb_clauses(text, cut=cut)
        return found

    def verb_clauses(self, text: str, cut: bool = False) -> units.Attribution | None:
        """Clauses of units and a verb, and maybe a deadline, that no pattern knew as a whole:
        （A牵头，B配合，C负责落实） / （A负责，B配合） / （A负责落实，6月底前完成）.

        牵头 names the lead; 配合/协助/参与 the support; 负责/落实 the lead, or the support
        when another clause names a 牵头 unit (SCHEMA: （A牵头，B负责落实）). Every name must
        read like a unit, every clause be units or a deadline; else None. Names without a verb
        share the next clause's (B，C负责); after the last verb they are the support of a 牵头
        unit (（A牵头，B、C）, or *cut*: the page ended before their verb).
        """
        text = _LEAD_CLAUSE_END_RE.sub(r"\g<0>，", text.strip().strip(_FIELD_TRIM))  # A牵头B负责: two clauses
        clauses = [c.strip(_FIELD_TRIM) for c in _CLAUSE_MARKS_RE.split(text)]
        if len(clauses) < 2 or not all(clauses):
            return None
        named: list[tuple[str, list[str]]] = []  # (role, names) in reading order
        waiting: list[str] = []  # names of clauses without a verb: they share the next clause's
        deadline = ""
        for clause in clauses:
            m = _CLAUSE_RE.match(clause)
            names = units.split_units(m.group("units")) if m else []
            if m and names and all(units.looks_like_unit(n) for n in names):
                named.append((roles.verb_role(m.group("verb")), waiting + names))
                waiting = []
                continue
            bare = units.split_units(clause) if not deadline else []
            if bare and all(units.looks_like_unit(n) for n in bare):
                waiting += bare  # （A牵头；B，C按职责分工负责）: B shares C's verb
                continue
            phrase = _DONE_WORD_RE.sub("", clause)
            if not deadline and self.is_deadline(phrase):
                deadline = phrase
                continue
            return None
        has_lead = any(kind == roles.LEAD for kind, _ in named)
        if waiting:  # names after the last verb: the others beside a 牵头 unit, or a verb cut off
            if not (has_lead and (cut or len(named) == 1)):
                return None
            named.append((roles.SUPPORT, waiting))
        lead = [n for kind, names in named
                if kind == roles.LEAD or (kind == roles.RESPONSIBLE and not has_lead) for n in names]
        support = [n for kind, names in named
                   if kind == roles.SUPPORT or (kind == roles.RESPONSIBLE and has_lead) for n in names]
        if not lead and not support:
            return None
        return units.Attribution(lead=tuple(lead), support=tuple(support), deadline=deadline, pattern="verb-clauses")

    def _segment(self, text: str, found: Attributed | None) -> Segment:
        segment = Segment(text=text.strip(), units=found, deadline=found.deadline if found else "")
        self._trailing_deadline(segment)
        if found is None:
            segment.doubt = self._unparsed_bracket(segment.text)
        return segment

    def _trailing_deadline(self, segment: Segment) -> None:
        """（2021年6月底前） closing a segment is its deadline, not part of its text."""
        body = segment.text.rstrip(_TRAILING_PUNCT)
        if not body or body[-1] not in "）)":
            return
        start = group_start(body)
        if start < 0:
            return
        inner = body[start + 1 : -1].strip()
        caption = _DEADLINE_LABEL_RE.match(simplify(inner))
        phrase = inner[caption.start(1):].strip() if caption else inner
        if not phrase or not self.is_deadline(phrase, strict=caption is None):
            return
        segment.deadline = segment.deadline or phrase
        head = body[:start].rstrip()
        tail = segment.text[len(body):].strip()
        segment.text = head + (tail[:1] if tail and head and head[-1] not in _SENTENCE_CLOSERS else "")

    def _unparsed_bracket(self, text: str) -> str:
        """A closing bracket that reads like an attribution but matched no pattern."""
        body = text.rstrip(_TRAILING_PUNCT)
        if not body or body[-1] not in "）)":
            return ""
        start = group_start(body)
        inner = body[start + 1 : -1] if start >= 0 else ""
        if inner and _ATTRIBUTION_WORDS_RE.search(without_standing(simplify(inner))):
            return f"无法解析的责任单位表述“{body[start:]}”，已原样留在正文中"
        return ""

    # -- lines and cells ----------------------------------------------------------
    def label_line(self, line: str) -> Attributed | None:
        """``责任单位：A、B。`` / ``配合单位：C`` / ``完成时限：…`` on a line of its own."""
        if "：" not in line and ":" not in line:  # every label ends in a colon: most lines go here
            return None
        sim = without_standing(simplify(line))
        if not _LABEL_LINE_RE.match(sim):
            return None
        found = units.parse_attribution(sim, self.patterns)
        if found is None:
            found = labelled_fields(sim)
        if found is not None:
            return self._attributed(found, line.strip(), sim.strip())
        support = _SUPPORT_LABEL_RE.match(sim)
        if support:
            names = units.split_units(sim[support.start(1):])
            return Attributed(support=_printed(names, line[support.start(1):], sim[support.start(1):]))
        deadline = _DEADLINE_LABEL_RE.match(sim)
        if deadline:
            return Attributed(deadline=line[deadline.start(1):].strip().rstrip("。；;"))
        return None

    def unit_cell(self, cell: str, support: bool = False, cut: bool = False) -> Attributed:
        """A 责任单位 / 配合单位 table cell: every unit leads (or supports).

        A cell may mark its lead unit — 政府办（牵头）、各乡镇 — or hold a whole
        attribution (A牵头，B配合); both are honoured. *cut*: the page ended inside the
        cell, so its last name (and verb) may be cut off: only the complete names are read.
        """
        if cut:
            cell = cut_names(cell)
        sim = simplify(cell)
        found = self.read_units(sim, cut=cut)
        if found is not None and (found.support or found.pattern != "responsible-label"):
            return self._attributed(found, cell, sim)
        names = _printed(units.split_units(sim), cell, sim)
        return Attributed(support=names) if support else _marked_lead(Attributed(lead=names))

    def is_unit_list(self, text: str) -> bool:
        """Whether a line is nothing but unit names (a 责任单位 cell in flattened tables)."""
        sim = simplify(text).strip()
        if not sim or len(sim) > 200 or sim[-1] in "。；！？" or "：" in sim or ":" in sim:
            return False
        names = units.split_units(sim)
        if names and all(units.looks_like_unit(n) for n in names):
            return True
        # a cell written as clauses: A牵头落实 / A、B牵头，其他单位按职能分工落实
        found = self.read_units(sim)
        return found is not None and found.pattern != "responsible-label"

    def is_deadline(self, text: str, strict: bool = True) -> bool:
        """Whether a short text is a deadline phrase (dated, continuous, relative …).

        A sentence that merely holds a key word (每月公开…。) is not one: a
        phrase recognised by its key word must be short, and no phrase ends in 。.
        """
        sim = simplify(text).strip()
        if not sim or len(sim) > 40 or sim.endswith("。"):
            return False
        kind = deadlines.parse(sim, None, self.phrases).kind
        if kind in (deadlines.Kind.NONE, deadlines.Kind.UNPARSED):
            return False
        if kind in (deadlines.Kind.CONTINUOUS, deadlines.Kind.RECURRING):
            return len(sim) <= (8 if strict else 12)
        return True

    def deadline_doubt(self, phrase: str, year: int | None) -> str:
        """A note when a deadline kept as printed has no meaning the parser knows."""
        if not phrase:
            return ""
        parsed = deadlines.parse(simplify(phrase), year, self.phrases)
        if parsed.kind is deadlines.Kind.UNPARSED:
            return f"时限“{phrase}”无法解析（{parsed.reason}），已原样保留"
        return ""

    # -- names back in printed characters ---------------------------------------------
    def _attributed(self, found: units.Attribution, printed: str, sim: str) -> Attributed:
        result = Attributed(lead=_printed(list(found.lead), printed, sim),
                            support=_printed(list(found.support), printed, sim),
                            deadline=_printed([found.deadline], printed, sim)[0] if found.deadline else "")
        return _marked_lead(result) if not result.support else result


def _marked_lead(found: Attributed) -> Attributed:
    """责任单位：A（牵头）、B — the marked unit leads and the others support it."""
    marks = [_MARKED_LEAD_RE.search(simplify(name)) for name in found.lead]
    if not any(marks):
        return found
    return Attributed(lead=[n[: m.start()] for n, m in zip(found.lead, marks) if m],
                      support=[n for n, m in zip(found.lead, marks) if not m], deadline=found.deadline)


def _printed(names: list[str], printed: str, sim: str) -> list[str]:
    """Names found in the simplified text, in the characters the notice printed."""
    if not names or not has_traditional(printed):
        return names
    flat_sim = _WS_RE.sub("", sim).translate(_NAME_BRACKETS)
    flat_printed = _WS_RE.sub("", printed).translate(_NAME_BRACKETS)
    out, cursor = [], 0
    for name in names:
        at = flat_sim.find(name, cursor)
        if at < 0:
            at = flat_sim.find(name)
        if at < 0:
            out.append(name)  # a default such as 有关部门: not in the text
            continue
        out.append(flat_printed[at : at + len(name)])
        cursor = at + len(name)
    return out


def _skip_punct(sim: str, end: int) -> int:
    while end < len(sim) and sim[end] in "。；;，, \u3000":
        end += 1
    return end


def cut_label_line(line: str) -> str:
    """A label line the end of the page may have cut (责任单位：A、B、C…): without its last
    name when that reads like a fragment (区属国有企), not like a whole unit."""
    colon = min((line.find(c) for c in "：:" if c in line), default=-1)
    value = line[colon + 1 :] if colon >= 0 else ""
    return line[: colon + 1] + cut_names(value) if value else line


def cut_names(text: str) -> str:
    """A list of names that the end of the page may have cut: its last name left out when it
    does not read like a unit, or ends in an opened bracket (the page stopped inside it).
    Text that ends a sentence was not cut."""
    body = text.rstrip()
    if not body or body[-1] in _SENTENCE_CLOSERS + "）)":
        return text
    last = max((i for i, ch in top_level(body) if ch in _LIST_MARKS), default=-1)
    fragment = simplify(body[last + 1 :])
    if last < 0 or (units.looks_like_unit(fragment) and unclosed_opener(fragment) < 0):
        return text
    return complete_names(body)


def complete_names(inner: str) -> str:
    """The inside of a cut attribution without the name it was printing when the page ended:
    “责任单位：A、B、省直管县〔” → “责任单位：A、B”. A list ending in its separator is whole."""
    inner = inner.rstrip()
    if inner.endswith(tuple(_LIST_MARKS)):
        return inner.rstrip(_LIST_MARKS + " ")
    last = max((i for i, ch in top_level(inner) if ch in _LIST_MARKS), default=-1)
    return inner[:last].rstrip(_LIST_MARKS + " ") if last >= 0 else ""


# A standing instruction: it says who carries out every task below, instead of naming units.
_STANDING_RE = lazy_compile(r"以下|以上|不再(?:一一|逐一|单独)?(?:列出|列明|列举|注明|标注|重复)|下同|后同|全文同")
_CLAUSE_SPLIT_RE = lazy_compile(r"([，,；;。])")


def without_standing(text: str) -> str:
    """*text* without its clauses that are standing instructions (以下均需各单位落实，不再列出):
    they are not units. Empty when nothing else is left."""
    if not _STANDING_RE.search(text):
        return text
    parts = _CLAUSE_SPLIT_RE.split(text)
    kept = [clause + mark for clause, mark in zip(parts[::2], parts[1::2] + [""])
            if clause.strip() and not _STANDING_RE.search(clause)]
    return "".join(kept).strip().rstrip("，,；;。")


def labelled_fields(text: str) -> units.Attribution | None:
    """``牵头单位：A；责任单位：B；完成时限：C`` with the fields in any order, any separator.

    责任单位 names the lead, or the support when a 牵头单位 field names the lead
    (../shared/truth/SCHEMA.md). A 责任人 field (a person) is left out. None when the
    text does not open with a label or names no unit.
    """
    text = text.strip().strip(_FIELD_TRIM)
    marks = list(_FIELD_RE.finditer(text))
    if not marks or marks[0].start() != 0:
        return None
    values: dict[str, list[str]] = {"lead": [], "resp": [], "support": [], "deadline": []}
    for here, after in zip(marks, marks[1:] + [None]):
        kind = here.lastgroup
        value = text[here.end() : after.start() if after else len(text)].strip(_FIELD_TRIM)
        if kind == "person" or not value:
            continue
        values[kind].append(value)
    names = {kind: [n for v in values[kind] for n in units.split_units(v)] for kind in ("lead", "resp", "support")}
    if not any(names.values()) or any(len(n) > 40 or "。" in n for ns in names.values() for n in ns):
        return None  # a remark in brackets (（配合：做好宣传工作。）), not a list of units
    has_lead = bool(values["lead"])
    lead = names["lead"] + ([] if has_lead else names["resp"])
    support = names["support"] + (names["resp"] if has_lead else [])
    deadline = values["deadline"][0] if values["deadline"] else ""
    return units.Attribution(lead=tuple(lead), support=tuple(support), deadline=deadline, pattern="labelled-fields")
