"""Responsible units (责任单位): attribution text → lead/support, and the registry.

Pure functions, no I/O. Two jobs:

* read how a notice attributes a task to units — ``（责任单位：A，B）``,
  ``（A牵头落实，B配合落实）``, ``〔牵头单位：A；责任单位：B〕`` … — into an
  :class:`Attribution` (lead units, support units, an optional deadline);
* map the names people write (``政府办``, ``财政局``) to one canonical unit
  through a :class:`Registry`, so per-unit views and validators can group them.

Unit names are kept as printed (typos included) except that whitespace is
removed and half-width brackets become full-width: ``各乡镇(街道)`` →
``各乡镇（街道）`` (see ``../shared/truth/SCHEMA.md``, "Conventions").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

from planwright.zh import roles
from planwright.zh.brackets import CLOSERS, bracket_groups, group_start, top_level_at, unwrap
from planwright.zh.lazyre import compile_pattern, lazy_compile

__all__ = [
    "Attribution",
    "AttributionPattern",
    "BUILTIN_PATTERNS",
    "Registry",
    "Unit",
    "find_attributions",
    "looks_like_unit",
    "normalize_name",
    "parse_attribution",
    "parse_unit_cell",
    "split_trailing_attribution",
    "split_units",
    "strip_level_prefix",
]


# ---------------------------------------------------------------------------
# Data


# written inline before; kept compiled like the module's other patterns (zh/lazyre)
_NOT_A_NAME_RE = lazy_compile(r"[。！？“”《》0-9０-９]")


@dataclass(frozen=True)
class Attribution:
    """Who carries a task out: lead (牵头/责任) and support (配合) units."""

    lead: tuple[str, ...]
    support: tuple[str, ...]
    deadline: str = ""  # a 完成时限/时限 given inside the attribution, else ""
    pattern: str = ""  # name of the pattern that matched (provenance/debug)


@dataclass(frozen=True)
class AttributionPattern:
    """One way of writing an attribution; style plugins contribute more of these.

    ``regex`` is ``re.fullmatch``-ed against the *matching form* of the bracket's
    inner text: whitespace removed, trailing 。/； dropped, ``:,;()`` made
    full-width and a few traditional characters simplified (責任單位 → 责任单位).
    Group spans are then cut from the printed text, so names keep their
    printed characters.
    """

    name: str  # slug, e.g. "jinan-responsible"
    regex: str
    lead: str | None = "lead"  # group with the lead units
    support: str | None = "support"  # group with the support units (or None)
    deadline: str | None = None  # group with the deadline phrase
    support_default: tuple[str, ...] = ()  # used when the support group is absent/empty
    style: str | None = None
    priority: int = 100  # lower tried first
    # Unlabelled forms (``A负责落实``) also match ordinary remarks; with strict
    # set every unit found must look like a unit name (see looks_like_unit).
    strict: bool = False

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compile(self.regex)


# Patterns are plain data (plugins may list or serialise them); compiled forms
# are cached here rather than stored on the frozen instances.
_compile = functools.lru_cache(maxsize=None)(compile_pattern)


# ---------------------------------------------------------------------------
# Character tables

# Half-width → full-width brackets inside unit names (SCHEMA convention).
_NAME_MAP = str.maketrans({"(": "（", ")": "）"})

# Matching form only (one char → one char so regex spans line up with the
# printed text). Traditional characters seen in HK/TW-converted pages.
_MATCH_MAP = str.maketrans(
    {
        ":": "：", ",": "，", ";": "；", "(": "（", ")": "）",
        "責": "责", "單": "单", "牽": "牵", "頭": "头", "實": "实", "時": "时",
        "負": "负", "會": "会", "關": "关", "門": "门", "別": "别", "協": "协",
        "辦": "办", "題": "题", "間": "间", "籌": "筹", "體": "体", "務": "务",
        "級": "级", "縣": "县", "區": "区", "鄉": "乡", "鎮": "镇", "參": "参",
        "與": "与", "組": "组", "織": "织", "內": "内", "點": "点",
    }
)

_WS_RE = lazy_compile(r"[\s\u3000\ufeff]+")
_TRAIL_PUNCT = "。；;，,.、"

# Endings that mark a unit name. Used to decide whether 和/及 joins two units
# and whether an unlabelled attribution really names units.
_UNIT_SUFFIXES = (
    "局", "委", "办", "室", "中心", "部门", "单位", "政府", "处", "街道", "乡镇", "镇街", "街镇",
    "镇", "乡", "公司", "院", "所", "会", "队", "站", "馆", "行", "团", "社",
    "厅", "部", "校", "机构", "机关", "联", "协", "台", "组", "科", "庭", "关",
    "署", "司", "集团", "企业", "社区", "村", "园区", "开发区", "新区", "区", "县",
    "市", "系统",
)
# Endings that are words, not units, though they end like one.
_NOT_UNIT_ENDINGS = (
    "社会", "机会", "大会", "城乡", "内部", "全部", "外部", "局部", "场所", "执行",
    "运行", "进行", "实行", "关联", "互联", "城市", "地区", "辖区", "片区",
    "全市", "全区", "全县", "本市", "本区", "本县", "我市", "我区", "我县",
)
# Names with 和/及 inside them: never split there (人力资源和社会保障局 …).
_KNOWN_COMPOUNDS = (
    "人力资源和社会保障", "住房和城乡建设", "工业和信息化", "文化和旅游", "教育和体育",
    "自然资源和规划", "发展和改革", "卫生和计划生育", "经济和信息化", "科学技术和",
    "民族和宗教", "商务和", "交通运输和", "新闻出版和", "广播电视和", "农业和农村",
    "国土资源和", "科技和", "统计和", "审计和", "退役军人和", "港澳和", "外事和",
    "民族宗教和", "机构编制和", "水利和", "林业和", "应急管理和", "城乡建设和",
)
# Collectives that do not end like a unit (各地区、各部门 …). Most collectives
# do (各街道办事处, 市直有关单位), so they need no entry here.
_COLLECTIVE_RE = lazy_compile(r"(?:各|有关|相关)(?:地|地区|级|级政府各部门|县区|县市区|区县|区市县|州|盟|旗|州市|市州|地州)")
# A role word inside a name means two clauses ran together (A牵头B负责), not one unit; 责任 is
# left out, for it stands in names (有限责任公司).
_ROLE_VERB_RE = lazy_compile(roles.alternation(tuple(w for w in roles.hint_words() if "责任" not in w)))

# Trailing qualifier dropped from a name: 等, 等有关部门, 等市直有关单位, 等20个部门 …
_QUALIFIER_RE = lazy_compile(
    r"等(?:"
    r"(?:有关|相关|其他|其它)?"  # 等相关区直部门: the qualifier may come before the level
    r"(?:[市区县乡镇]直|[市区县]级|[市区县]政府|[市区县])?"
    r"(?:各|其他|其它)?(?:有关|相关)?"
    r"(?:[0-9一二三四五六七八九十]+个)?"
    r"(?:职能|责任|成员)?(?:部门|单位|机构|乡镇（街道）|乡镇|街道)"
    r"(?:(?:和|及|、)(?:有关|相关)?(?:部门|单位|机构))?"
    r")?$"
)


def normalize_name(name: str) -> str:
    """A unit name as stored: no whitespace, full-width brackets, no end punctuation."""
    return _WS_RE.sub("", name).translate(_NAME_MAP).strip(_TRAIL_PUNCT)


def _core(name: str) -> str:
    """The name without a trailing bracket group: 各乡镇（街道） → 各乡镇, 市府办〔市大数据局〕 → 市府办."""
    while name and name[-1] in CLOSERS and group_start(name) > 0:
        name = name[: group_start(name)]
    return name


def _has_unit_suffix(name: str) -> bool:
    core = _core(name).translate(_MATCH_MAP)  # 各鄉鎮 ends like 各乡镇
    return bool(core) and core.endswith(_UNIT_SUFFIXES) and not core.endswith(_NOT_UNIT_ENDINGS)


def looks_like_unit(name: str) -> bool:
    """Whether a name reads like a unit (ends in 局/委/办…, or is collective)."""
    if not name or len(name) > 40 or _NOT_A_NAME_RE.search(name) or _ROLE_VERB_RE.search(name):
        return False
    return _has_unit_suffix(name) or bool(_COLLECTIVE_RE.fullmatch(_core(name)))


# ---------------------------------------------------------------------------
# Splitting unit lists


_LIST_SEPARATORS = "、，,；;"


def _split_top(text: str, seps: str) -> list[str]:
    """Split on any char of *seps* outside brackets (各乡镇（街道、社区） stays whole)."""
    parts: list[str] = []
    start = 0
    for i in top_level_at(text, seps):
        parts.append(text[start:i])
        start = i + 1
    parts.append(text[start:])
    return parts


def _inside_compound(text: str, pos: int) -> bool:
    """Whether the 和/及 at *pos* belongs to a known compound name."""
    for compound in _KNOWN_COMPOUNDS:
        j = compound.find(text[pos])
        if j >= 0 and text.startswith(compound, pos - j):
            return True
    return False


def _split_conjunction(name: str) -> list[str]:
    """Split 'A和B' / 'A及B' only where both sides end like unit names."""
    for i in top_level_at(name, "和及"):
        if 0 < i < len(name) - 1:
            left, right = name[:i], name[i + 1 :]
            if _has_unit_suffix(left) and _has_unit_suffix(right) and not _inside_compound(name, i):
                return [left, *_split_conjunction(right)]
    return [name]


def _drop_qualifier(name: str) -> str:
    return _QUALIFIER_RE.sub("", name, count=1)


def split_units(text: str) -> list[str]:
    """Split a printed unit list into names.

    Separators are 、，,；; and 和/及 where they join two unit names; a
    trailing qualifier (等, 等有关部门 …) is dropped; brackets become full-width.
    Never returns empty strings.
    """
    names: list[str] = []
    for piece in _split_top(normalize_name(text), _LIST_SEPARATORS):
        piece = _drop_qualifier(piece.strip(_TRAIL_PUNCT))
        for name in _split_conjunction(piece):
            name = _drop_qualifier(name)
            if name:
                names.append(name)
    return names


# ---------------------------------------------------------------------------
# Built-in attribution patterns

_U = r"(?P<{}>[^：]+?)"  # a unit list; never contains a label colon
_BY = r"(?:由)?"  # （由A负责落实）: the 由 is not part of the name
_DEADLINE_LABEL = roles.alternation(roles.DEADLINE_LABELS)
_DEADLINE = rf"(?:[，；]{_DEADLINE_LABEL}：(?P<deadline>.+?))?"
_DIVIDE = rf"{roles.alternation(roles.DIVIDING)}?(?:分别|共同)?"
_LEAD_LABEL = roles.alternation(roles.LEAD_LABELS)
_RESP_LABEL = roles.alternation(roles.RESPONSIBLE_LABELS)
_SUPPORT_ONLY_LABEL = roles.alternation(roles.SUPPORT_LABELS)
# After a 牵头 label, a 责任单位 label names the support (SCHEMA: 牵头单位：A；责任单位：B).
_SUPPORT_LABEL = roles.alternation(roles.SUPPORT_LABELS + roles.RESPONSIBLE_LABELS)
_LEAD_VERB = roles.alternation(roles.LEAD_VERBS)
# After a 牵头 clause, 负责落实 and the like name the support (（A牵头，B负责落实）).
_SUPPORT_VERB = roles.alternation(roles.SUPPORT_VERBS + roles.SOLE_VERBS)
_SOLE_VERB = roles.alternation(roles.SOLE_VERBS)


def _p(name: str, regex: str, priority: int, **kw: Any) -> AttributionPattern:
    return AttributionPattern(name=name, regex=regex, priority=priority, **kw)


BUILTIN_PATTERNS: tuple[AttributionPattern, ...] = (
    # （牵头单位：A；责任单位/配合单位：B；完成时限：C）
    _p("lead-and-support-labels",
       rf"{_LEAD_LABEL}：{_U.format('lead')}[，；]{_SUPPORT_LABEL}：{_U.format('support')}{_DEADLINE}",
       10, deadline="deadline"),
    # （责任单位：A；配合单位：B；完成时限：C）
    _p("responsible-and-support-labels",
       rf"{_RESP_LABEL}：{_U.format('lead')}[，；]{_SUPPORT_ONLY_LABEL}："
       rf"{_U.format('support')}{_DEADLINE}",
       11, deadline="deadline"),
    # （责任单位：A，B） / （责任单位：A；完成时限：C） / （牵头单位：A）
    _p("responsible-label", rf"(?:{_RESP_LABEL}|{_LEAD_LABEL})：{_U.format('lead')}{_DEADLINE}",
       20, support=None, deadline="deadline"),
    # （A牵头落实，B配合落实） / （A牵头，B负责落实） / （A牵头落实，B分别落实）
    _p("lead-verb-support-verb",
       rf"{_BY}{_U.format('lead')}{_DIVIDE}{_LEAD_VERB}[，；]{_U.format('support')}{_DIVIDE}{_SUPPORT_VERB}{_DEADLINE}",
       30, deadline="deadline", strict=True),
    # （A、B分别牵头落实） / （A、B按职责分工分别牵头落实）
    _p("lead-verb", rf"{_BY}{_U.format('lead')}{_DIVIDE}{_LEAD_VERB}{_DEADLINE}",
       40, support=None, deadline="deadline", strict=True),
    # （A会同有关部门落实）
    _p("lead-with-others",
       rf"{_BY}{_U.format('lead')}会同{_U.format('support')}(?:共同)?(?:负责)?(?:落实|实施|推进|办理)?{_DEADLINE}",
       50, deadline="deadline", strict=True),
    # （A负责落实） / （A分别落实） / （A负责） / （A落实） / （A负责落实，完成时限：C）
    _p("sole-verb", rf"{_BY}{_U.format('lead')}{_DIVIDE}{_SOLE_VERB}{_DEADLINE}",
       60, support=None, deadline="deadline", strict=True),
)


# ---------------------------------------------------------------------------
# Parsing attributions


def _ordered(patterns: Sequence[AttributionPattern]) -> list[AttributionPattern]:
    # A style's patterns (by priority) all go before the built-ins: the style
    # knows its own wording better than the generic forms do.
    return sorted(patterns, key=lambda p: p.priority) + list(BUILTIN_PATTERNS)


def _apply(pattern: AttributionPattern, printed: str, matching: str) -> Attribution | None:
    compiled = pattern.compiled
    m = compiled.fullmatch(matching)
    if m is None:
        return None

    def group(name: str | None) -> str:
        if not name or name not in compiled.groupindex or m.start(name) < 0:
            return ""
        return printed[m.start(name) : m.end(name)]

    lead = tuple(split_units(group(pattern.lead)))
    support = tuple(split_units(group(pattern.support))) or pattern.support_default
    if not lead and not support:
        return None
    if pattern.strict and not all(looks_like_unit(u) for u in (*lead, *support)):
        return None
    deadline = group(pattern.deadline).strip(_TRAIL_PUNCT)
    return Attribution(lead=lead, support=support, deadline=deadline, pattern=pattern.name)


def parse_attribution(text: str, patterns: Sequence[AttributionPattern] = ()) -> Attribution | None:
    """Read an attribution: bracket content or the whole bracket.

    Extra *patterns* are tried by priority before the built-ins. Returns None
    when the text is not an attribution (（计划）, （2020年6月24日前）…).
    """
    printed = unwrap(_WS_RE.sub("", text)).strip(_TRAIL_PUNCT)
    if not printed:
        return None
    matching = printed.translate(_MATCH_MAP)
    for pattern in _ordered(patterns):
        found = _apply(pattern, printed, matching)
        if found is not None:
            return found
    return None


def parse_unit_cell(text: str) -> Attribution:
    """A 责任单位 table cell ("A、B"): every unit leads.

    A cell may also carry a full attribution (A牵头，B配合); that is honoured.
    """
    found = parse_attribution(text)
    if found is not None:
        return found
    return Attribution(lead=tuple(split_units(text)), support=(), pattern="table-cell")


def find_attributions(
    paragraph: str, patterns: Sequence[AttributionPattern] = ()
) -> list[tuple[int, int, Attribution]]:
    """Every attribution bracket in a paragraph, with its span (end exclusive)."""
    found: list[tuple[int, int, Attribution]] = []
    for start, end in bracket_groups(paragraph):
        attribution = parse_attribution(paragraph[start:end], patterns)
        if attribution is not None:
            found.append((start, end, attribution))
    return found


def split_trailing_attribution(
    paragraph: str, patterns: Sequence[AttributionPattern] = ()
) -> tuple[str, Attribution | None]:
    """Detach the attribution bracket that closes a paragraph.

    The bracket may be followed by 。/；/whitespace. Only the last bracket
    group is considered. The text before it is returned right-stripped; the
    punctuation after the bracket is kept when that text has none of its own
    (…落实到位（责任单位：A）。 → …落实到位。).
    """
    body = paragraph.rstrip()
    tail_start = len(body)
    while tail_start > 0 and body[tail_start - 1] in "。；;.，,":
        tail_start -= 1
    core, tail = body[:tail_start].rstrip(), body[tail_start:]
    if not core or core[-1] not in CLOSERS:
        return paragraph, None
    start = group_start(core)
    if start < 0:
        return paragraph, None
    attribution = parse_attribution(core[start:], patterns)
    if attribution is None:
        return paragraph, None
    head = core[:start].rstrip()
    if tail and not head.endswith(("。", "；", ";", "！", "？", ".")):
        head += tail[0]
    return head, attribution


# ---------------------------------------------------------------------------
# Registry

_LEVEL_PREFIX_RE = lazy_compile(r"^[市区县乡镇](?!场|民|容|政(?!府)|域|村|镇|街|级|县|区|市县|市区|直|属)")


def strip_level_prefix(name: str) -> str:
    """Drop a leading level prefix: 市财政局 → 财政局, 区财政局 → 财政局.

    Words that merely start with such a character are left alone (市场监管局,
    乡镇…, 市级各部门, 区县…).
    """
    if len(name) > 2 and _LEVEL_PREFIX_RE.match(name):
        return name[1:]
    return name


@dataclass(frozen=True)
class Unit:
    """A registered unit. kind e.g. "部门", "乡镇", "统称" (collective such as 各街道办事处)."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""


class Registry:
    """Canonical unit names and the aliases that map to them.

    Lookups are dictionary hits on precomputed keys (canonical() runs once per
    unit per task on plans with thousands of tasks). A unit's own name always
    maps to itself; among aliases, a later unit overrides an earlier one.
    """

    def __init__(self, units: Iterable[Unit]) -> None:
        self._units: dict[str, Unit] = {}
        for unit in units:
            # Accept model.Unit too (aliases as a list): duck-typed, frozen here.
            name = normalize_name(unit.name)
            aliases = tuple(a for a in (normalize_name(x) for x in unit.aliases) if a and a != name)
            self._units[name] = Unit(name, aliases, getattr(unit, "kind", ""))
        self._exact: dict[str, str] = {}
        for unit in self._units.values():
            for alias in unit.aliases:
                self._exact[alias] = unit.name
        for name in self._units:
            self._exact[name] = name
        # stripped form → canonical names, for the level-prefix fallback.
        self._stripped: dict[str, set[str]] = {}
        for key, canon in self._exact.items():
            self._stripped.setdefault(strip_level_prefix(key), set()).add(canon)
        self._choices = list(self._exact)

    def canonical(self, name: str) -> str | None:
        """Exact name or alias → canonical name; else the level-prefix fallback; else None.

        Fallback: a bare query (财政局) finds the one registered unit whose
        name/alias strips to it (区财政局); a prefixed query (市财政局) finds a
        registered bare name (财政局). 市财政局 never finds 区财政局.
        """
        key = normalize_name(name)
        hit = self._exact.get(key)
        if hit is not None:
            return hit
        stripped = strip_level_prefix(key)
        if stripped != key:
            return self._exact.get(stripped)
        candidates = self._stripped.get(key)
        if candidates is not None and len(candidates) == 1:
            return next(iter(candidates))
        return None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.canonical(name) is not None

    def __len__(self) -> int:
        return len(self._units)

    def __iter__(self) -> Iterator[Unit]:
        return iter(self._units.values())

    def unit(self, name: str) -> Unit | None:
        """The registered Unit a name refers to, if any."""
        canon = self.canonical(name)
        return None if canon is None else self._units[canon]

    def nearest(self, name: str, limit: int = 1) -> list[tuple[str, float]]:
        """Closest canonical names with rapidfuzz scores (0..100), best first."""
        if not self._choices or limit <= 0:
            return []
        from rapidfuzz import fuzz, process  # here: a command that never asks does not load it

        hits = process.extract(normalize_name(name), self._choices, scorer=fuzz.WRatio,
                               limit=len(self._choices))
        best: dict[str, float] = {}
        for key, score, _ in hits:
            canon = self._exact[key]
            best[canon] = max(best.get(canon, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        return ranked[:limit]

    def merged(self, other: Registry) -> Registry:
        """This registry with *other*'s entries overriding or extending it.

        A unit of this registry whose name is an alias in *other* is dropped,
        so the plan's own declaration (区财政局 aka 财政局) wins over a style's
        bare 财政局.
        """
        claimed = {alias for unit in other for alias in unit.aliases}
        kept = [u for u in self if u.name not in claimed and u.name not in other._units]
        return Registry([*kept, *other])

    def names(self) -> list[str]:
        """Canonical names in declaration order."""
        return list(self._units)

    def unit_key(self, name: str) -> str:
        """What a written name groups under: its canonical name, else the name as stored."""
        return self.canonical(name) or normalize_name(name)

    def same_unit(self, a: str, b: str) -> bool:
        """Whether two written names denote the same unit (unknown names: equal as written)."""
        return self.unit_key(a) == self.unit_key(b)
