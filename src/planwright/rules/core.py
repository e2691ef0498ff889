"""The core rules: style-neutral checks every plan gets (GB/T 9704-2012 and plain sense).

Registered as an essential built-in plugin through the same hook a style uses.
Each rule is one short generator ``check(plan, ctx)`` yielding ``ctx.report(...)``
findings; messages are in Chinese and say what to write instead where that is
known. Rules run on every ``check`` and editor refresh of plans with thousands
of tasks, so patterns are compiled once here and each rule makes one pass.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Iterator

from planwright.zh import deadlines
from planwright.api import Finding, Rule, hookimpl
from planwright.plan.model import Item, Node, Plan, Task
from planwright.zh.numbering import parse_heading, strip_heading
from planwright.zh.units import normalize_name
from planwright.rules.engine import CheckContext, node_label

Findings = Iterator[Finding]


@hookimpl
def planwright_validators() -> list[Rule]:
    return list(RULES)


# ---------------------------------------------------------------------------
# Walking the plan


def _attributed(plan: Plan) -> Iterator[Task | Item]:
    """Every task and item (the nodes that carry units and deadlines)."""
    for _, task in plan.tasks():
        yield task
        yield from task.items


def _prose(plan: Plan) -> Iterator[tuple[Node | None, str, str]]:
    """(node, field, text) of every free-text field; node None is the [plan] table."""
    meta = plan.meta
    for name in ("title", "preamble", "closing"):
        yield None, name, getattr(meta, name)
    for point in plan.points:
        yield point, "title", point.title
        yield point, "text", point.text
        for task in point.tasks:
            yield task, "title", task.title
            yield task, "text", task.text
            for item in task.items:
                yield item, "text", item.text


def _printed(plan: Plan) -> Iterator[tuple[Node | None, str, str]]:
    """Prose plus the deadlines, which are printed in the notice and the table too."""
    yield from _prose(plan)
    for node in _attributed(plan):
        yield node, "deadline", node.deadline


def _snippet(text: str, start: int, end: int, around: int = 6) -> str:
    """A few characters either side of a match, on one line, for messages."""
    left = max(0, start - around)
    piece = text[left:end + around].replace("\n", " ")
    return ("…" if left else "") + piece + ("…" if end + around < len(text) else "")


def _label(node: Node | None) -> str:
    return "计划" if node is None else node_label(node)


_FIELD_WORD = {"title": "标题", "text": "正文", "preamble": "导语", "closing": "结尾",
               "deadline": "时限"}


# ---------------------------------------------------------------------------
# Units


def check_lead(plan: Plan, ctx: CheckContext) -> Findings:
    """Every task needs a lead unit; a task without one passes the duty to all its items."""
    if not ctx.attributes_units:
        return
    for point, task in plan.tasks():
        if task.lead or (ctx.style and not ctx.style.needs_units(point.title)):
            continue  # items inherit the task's lead; a style may exempt 保障措施 and the like
        if not task.items:
            yield ctx.report(task, "任务没有牵头（责任）单位：请填写 lead", field="lead")
            continue
        for item in task.items:
            if not item.lead:
                yield ctx.report(item, "事项没有牵头（责任）单位，所属任务也没有：请为事项或任务填写 lead",
                                 field="lead")


# Suggest a registered name only when it is reasonably close (rapidfuzz WRatio).
_NEAREST_MIN_SCORE = 60.0


def check_unit_registered(plan: Plan, ctx: CheckContext) -> Findings:
    """A unit name that is neither a registered name nor an alias (only with a registry)."""
    if not len(ctx.registry):
        return
    known: dict[str, bool] = {}  # a plan names the same few units thousands of times
    hints: dict[str, str] = {}
    for node in _attributed(plan):
        for key in ("lead", "support"):
            for name in getattr(node, key):
                if name not in known:
                    known[name] = name in ctx.registry
                if known[name]:
                    continue
                if name not in hints:
                    hints[name] = _nearest_hint(ctx, name)
                yield ctx.report(node, f"单位“{name}”不在单位名录中；{hints[name]}", field=key)


def _nearest_hint(ctx: CheckContext, name: str) -> str:
    best = ctx.registry.nearest(name, limit=1)
    if best and best[0][1] >= _NEAREST_MIN_SCORE:
        return f"最接近的登记名称是“{best[0][0]}”"
    return "请改用名录中的名称，或在 [[units]] 中登记"


def check_unit_repeated(plan: Plan, ctx: CheckContext) -> Findings:
    """A unit listed twice in one list, or the lead also listed as support.

    A name written twice is a warning. Two *different* names in one list that
    the registry files under one unit are only noted (info): the registry may
    join what the plan means as two bodies (Dalian's 市地税局 and 市国税局, both
    aliases of today's 市税务局). Across lead and support the same holds for two
    such sibling aliases; a unit written once by its registered name and once
    by an alias (区财政局 / 财政局) is still the lead repeated as support.
    """
    canonical: dict[str, str] = {}

    def unit_of(name: str) -> str:  # registry look-ups are memoised: same names recur
        if name not in canonical:
            canonical[name] = ctx.registry.unit_key(name)
        return canonical[name]

    for node in _attributed(plan):
        for key in ("lead", "support"):
            written: set[str] = set()
            by_unit: dict[str, list[str]] = {}
            for name in getattr(node, key):
                literal = normalize_name(name)
                if literal in written:
                    yield ctx.report(node, f"单位“{name}”在{_KEY_WORD[key]}中重复出现", field=key)
                    continue
                written.add(literal)
                by_unit.setdefault(unit_of(name), []).append(name)
            for unit, names in by_unit.items():
                if len(names) > 1:
                    quoted = "".join(f"“{n}”" for n in names)
                    yield ctx.report(node, f"{_KEY_WORD[key]}{quoted}在单位名录中同属“{unit}”；"
                                           "若指同一单位，写一次即可", field=key, severity="info")
        for name in node.support:
            lead = next((x for x in node.lead if unit_of(x) == unit_of(name)), None)
            if lead is None:
                continue
            unit = unit_of(name)
            if unit not in (normalize_name(lead), normalize_name(name)) and normalize_name(lead) != normalize_name(name):
                yield ctx.report(node, f"牵头单位“{lead}”与配合单位“{name}”在单位名录中同属“{unit}”；"
                                       "若指同一单位，不必再列为配合单位", field="support", severity="info")
            else:
                yield ctx.report(node, f"“{name}”已是牵头单位（“{lead}”），不应再列为配合单位",
                                 field="support")


_KEY_WORD = {"lead": "牵头单位", "support": "配合单位"}


# ---------------------------------------------------------------------------
# Deadlines


def _deadlines(plan: Plan, ctx: CheckContext) -> Iterator[tuple[Task | Item, deadlines.Deadline]]:
    """Each non-empty deadline with its meaning; year-less ones resolve to the plan year."""
    for node in _attributed(plan):
        if node.deadline.strip():
            yield node, ctx.deadline(node.deadline)


def check_deadline_parses(plan: Plan, ctx: CheckContext) -> Findings:
    for node, meaning in _deadlines(plan, ctx):
        if meaning.kind is deadlines.Kind.UNPARSED:
            yield ctx.report(node, f"时限“{node.deadline}”无法识别：{meaning.reason}。"
                                   "请写成如“2027年10月底前”“持续推进”“每季度”", field="deadline")


def check_deadline_before_year(plan: Plan, ctx: CheckContext) -> Findings:
    year = plan.meta.year
    if not year:
        return
    for node, meaning in _deadlines(plan, ctx):
        if meaning.due is not None and meaning.due.year < year:
            yield ctx.report(node, f"时限“{node.deadline}”（{_cn_date(meaning.due)}）早于计划年度{year}年",
                             field="deadline")


def check_deadline_after_year(plan: Plan, ctx: CheckContext) -> Findings:
    year, last = plan.meta.year, plan.meta.last_year
    if not year:
        return
    period = f"{year}年" if last == year else f"{year}—{last}年"
    for node, meaning in _deadlines(plan, ctx):
        if meaning.due is not None and meaning.due.year > last:
            yield ctx.report(node, f"时限“{node.deadline}”（{_cn_date(meaning.due)}）超出计划期（{period}）",
                             field="deadline")


def check_deadline_before_date(plan: Plan, ctx: CheckContext) -> Findings:
    signed = _iso_date(plan.meta.date)
    if signed is None:
        return
    for node, meaning in _deadlines(plan, ctx):
        due = meaning.due
        # a deadline in an earlier year is already an error of its own (PW-DL-002)
        if due is not None and due < signed and due.year >= (plan.meta.year or 0):
            yield ctx.report(node, f"时限“{node.deadline}”（{_cn_date(due)}）早于成文日期{_cn_date(signed)}",
                             field="deadline")


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# ---------------------------------------------------------------------------
# Required text and ids


def check_empty_text(plan: Plan, ctx: CheckContext) -> Findings:
    if not plan.meta.title.strip():
        yield ctx.report(None, "计划没有标题", field="title")
    for point in plan.points:
        if not point.title.strip():
            yield ctx.report(point, "要点没有标题", field="title")
        for task in point.tasks:
            if not task.title.strip():
                yield ctx.report(task, "任务没有标题", field="title")
            for item in task.items:
                if not item.text.strip():
                    yield ctx.report(item, "事项没有内容", field="text")


def check_duplicate_ids(plan: Plan, ctx: CheckContext) -> Findings:
    first: dict[str, Node] = {}
    for node in plan.nodes():
        if not node.id:
            continue  # loading and new_document give ids; an empty one is not a clash
        seen = first.setdefault(node.id, node)
        if seen is not node:
            where, _ = ctx.where(seen)
            yield ctx.report(node, f"编号 id “{node.id}”与{where}重复：每个要点、任务、事项的 id 必须唯一",
                             field="id")


# ---------------------------------------------------------------------------
# 文号, 成文日期, 附注, 主送/抄送

_DOCNO_OK = re.compile(r"[\u4e00-\u9fffA-Za-z]+〔(?P<year>[0-9]{4})〕[1-9][0-9]*号")
# A loose reading of what people type, to say what is wrong and how it should read.
_DOCNO_LOOSE = re.compile(
    r"(?P<code>[^\s〔\[(（【［{0-9]+?)\s*(?P<open>[〔\[(（【［{]?)\s*(?P<year>[0-9]{2,4})\s*"
    r"(?P<close>[〕\])）】］}]?)\s*(?P<di>第?)\s*(?P<num>[0-9]+)\s*(?P<hao>号?)")
_FULL_TO_HALF_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def check_doc_number(plan: Plan, ctx: CheckContext) -> Findings:
    number = plan.meta.doc_number
    if not number or _DOCNO_OK.fullmatch(number):
        return
    problems, fixed = _docno_problems(number)
    hint = f"；应为“{fixed}”" if fixed else "；应形如“某政办发〔2021〕5号”"
    yield ctx.report(None, f"文号“{number}”格式有误：{'；'.join(problems)}{hint}", field="doc_number")


def _docno_problems(number: str) -> tuple[list[str], str | None]:
    """What is wrong with a 文号 and its corrected form (None when it cannot be guessed)."""
    text = number.translate(_FULL_TO_HALF_DIGITS).strip()
    m = _DOCNO_LOOSE.fullmatch(text)
    if m is None:
        return ["无法识别机关代字、年份和序号"], None
    problems = []
    if text != number:
        problems.append("数字应为半角")
    if (m["open"], m["close"]) != ("〔", "〕"):
        problems.append(f"年份应用六角括号〔〕，不用{m['open'] or '（无）'}{m['close']}")
    year = m["year"]
    if len(year) != 4:
        problems.append("年份应写全四位")
        year = f"20{year[-2:]}" if len(year) == 2 else None
    if m["di"]:
        problems.append("序号前不加“第”")
    if m["num"].startswith("0"):
        problems.append("序号不编虚位（不写前导0）")
    if not m["hao"]:
        problems.append("序号后应有“号”")
    num = m["num"].lstrip("0")
    if not problems:
        problems.append("不符合“机关代字〔年份〕序号号”的格式")
    if year is None or not num:
        return problems, None
    return problems, f"{m['code']}〔{year}〕{num}号"


def check_doc_number_year(plan: Plan, ctx: CheckContext) -> Findings:
    m = _DOCNO_OK.fullmatch(plan.meta.doc_number)
    signed = _iso_date(plan.meta.date)
    if m is None or signed is None:
        return
    year = int(m["year"])
    if year != signed.year:
        yield ctx.report(None, f"文号年份{year}与成文日期（{_cn_date(signed)}）的年份不一致", field="doc_number")


_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CN_DATE = re.compile(r"([0-9]{4})\s*[年.\-/]\s*([0-9]{1,2})\s*[月.\-/]\s*([0-9]{1,2})\s*日?")


def _iso_date(value: str) -> dt.date | None:
    if not _ISO.fullmatch(value or ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_dates(plan: Plan, ctx: CheckContext) -> Findings:
    """成文日期 and 印发日期 must be real dates, written as TOML dates (2027-03-01)."""
    for key, word in (("date", "成文日期"), ("print_date", "印发日期")):
        value = getattr(plan.meta, key)
        if value and _iso_date(value) is None:
            yield ctx.report(None, f"{word}“{value}”不是有效日期：{_date_fix(value)}", field=key)


def _date_fix(value: str) -> str:
    """What to write instead: the ISO form when the date is real, else what does not exist."""
    m = _CN_DATE.fullmatch(value.translate(_FULL_TO_HALF_DIGITS).strip())
    if m is None:
        return "请写成 2027-03-01 的形式"
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return f"没有{month}月"
    try:
        fixed = dt.date(year, month, day)
    except ValueError:
        return f"{year}年{month}月没有{day}日"
    return f"请写成 {fixed.isoformat()}（不加引号）"


def check_print_date_order(plan: Plan, ctx: CheckContext) -> Findings:
    signed, printed = _iso_date(plan.meta.date), _iso_date(plan.meta.print_date)
    if signed and printed and printed < signed:
        yield ctx.report(None, f"印发日期{_cn_date(printed)}早于成文日期{_cn_date(signed)}", field="print_date")


# 附注 values seen in 政务公开 practice; the exporter adds the （）.
KNOWN_PUBLICITY = ("此件公开发布", "此件主动公开", "此件依申请公开", "此件不予公开", "此件不公开")


def check_publicity(plan: Plan, ctx: CheckContext) -> Findings:
    value = plan.meta.publicity.strip()
    if not value or value in KNOWN_PUBLICITY:
        return
    inner = value.strip("（）()")
    if inner in KNOWN_PUBLICITY:
        yield ctx.report(None, f"附注“{value}”不必加括号，导出时会自动加上；写作“{inner}”", field="publicity")
    else:
        yield ctx.report(None, f"附注“{value}”不是常见写法（{'、'.join(KNOWN_PUBLICITY)}）", field="publicity")


_LIST_END_PUNCT = "：:，,。.；;、"


def check_recipient_lists(plan: Plan, ctx: CheckContext) -> Findings:
    """主送/抄送 entries are bare names: the exporter adds the separators, ：and 。."""
    for key, word, mark in (("recipients", "主送机关", "："), ("cc", "抄送机关", "。")):
        for entry in getattr(plan.meta, key):
            if not entry.strip():
                yield ctx.report(None, f"{word}中有空项", field=key)
            elif entry.rstrip()[-1] in _LIST_END_PUNCT:
                yield ctx.report(None, f"{word}“{entry}”末尾不应带标点：名单之间的分隔符和最后的“{mark}”"
                                       f"由导出时加上；写作“{entry.rstrip().rstrip(_LIST_END_PUNCT)}”", field=key)


# ---------------------------------------------------------------------------
# Headings typed into titles


def check_typed_markers(plan: Plan, ctx: CheckContext) -> Findings:
    """一、 （一） 1. are derived from order; typed into a title they print twice."""
    for node in plan.nodes():
        key = "text" if isinstance(node, Item) else "title"
        text = getattr(node, key)
        heading = parse_heading(text) if text else None
        if heading is not None:
            yield ctx.report(node, f"{_label(node)}{_FIELD_WORD[key]}以序号“{heading.marker}”开头；序号由位置自动生成，"
                                   f"请删去，写作“{_short(strip_heading(text))}”", field=key)


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# ---------------------------------------------------------------------------
# Punctuation and numbers (GB/T 15834, GB/T 15835)

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_HALF_PUNCT = re.compile(rf"(?<=[{_CJK}])[,;:?!()]|[,;:?!()](?=[{_CJK}])")
_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# URLs and e-mail addresses keep their ASCII punctuation.
_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+|[\w.+-]+@[\w-]+\.[\w.]+", re.ASCII)


def _blank_urls(text: str) -> str:
    if "." not in text:
        return text
    return _URL.sub(lambda m: " " * len(m.group()), text)


_ANY_HALF_PUNCT = re.compile(r"[,;:?!()]")  # a cheap first look: most texts have none


def check_half_width_punct(plan: Plan, ctx: CheckContext) -> Findings:
    for node, key, text in _prose(plan):
        if not text or not _ANY_HALF_PUNCT.search(text):
            continue
        hits = list(_HALF_PUNCT.finditer(_blank_urls(text)))
        if hits:
            yield ctx.report(node, _punct_message(node, key, text, hits), field=key)


def _punct_message(node, key: str, text: str, hits: list[re.Match]) -> str:
    first = hits[0]
    where = f"{_label(node)}{_FIELD_WORD[key]}"
    more = f"（共{len(hits)}处）" if len(hits) > 1 else ""
    return (f"{where}中文字旁用了半角标点{more}：“{_snippet(text, first.start(), first.end())}”中的"
            f"“{first.group()}”应为全角“{_TO_FULL[first.group()]}”")


_FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
_FULL_TO_HALF = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)})


def check_full_width_alnum(plan: Plan, ctx: CheckContext) -> Findings:
    for node, key, text in _printed(plan):
        m = _FULLWIDTH_ALNUM.search(text) if text else None
        if m:
            yield ctx.report(node, f"{_label(node)}{_FIELD_WORD[key]}中的全角字符“{m.group()}”应写作半角"
                                   f"“{m.group().translate(_FULL_TO_HALF)}”", field=key)


_PAIRS = {"“": "”", "《": "》", "（": "）", "〔": "〕", "【": "】"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_PAIR_CHARS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


def check_pairs(plan: Plan, ctx: CheckContext) -> Findings:
    for node, key, text in _prose(plan):
        problem = _unbalanced(text) if text else None
        if problem:
            yield ctx.report(node, f"{_label(node)}{_FIELD_WORD[key]}中{problem}", field=key)


def _unbalanced(text: str) -> str | None:
    """The first pairing mistake of “” 《》 （） 〔〕 【】 in a text, described; None when fine."""
    stack: list[tuple[str, int]] = []
    for m in _PAIR_CHARS.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in _PAIRS:
            stack.append((ch, pos))
        elif stack and stack[-1][0] == _CLOSERS[ch]:
            stack.pop()
        elif stack:
            return (f"{_MARK[stack[-1][0]]}还未闭合就出现了{_MARK[ch]}（成对的符号不能交错）："
                    f"“{_snippet(text, pos, pos + 1)}”")
        else:
            return f"{_MARK[ch]}前面没有对应的{_MARK[_CLOSERS[ch]]}：“{_snippet(text, pos, pos + 1)}”"
    if stack:
        ch, pos = stack[-1]
        return f"{_MARK[ch]}没有配对的{_MARK[_PAIRS[ch]]}：“{_snippet(text, pos, pos + 1)}”"
    return None


# Marks named in words: “““” would be unreadable in a message.
_MARK = {"“": "左引号“", "”": "右引号”", "《": "左书名号《", "》": "右书名号》", "（": "左括号（",
         "）": "右括号）", "〔": "左六角括号〔", "〕": "右六角括号〕", "【": "左方头括号【", "】": "右方头括号】"}


# 21年底前: a two-digit year where a date is meant. Found from the 年 (re skips to a
# literal quickly), then the digits before it are looked at.
_YEAR_WORD = re.compile(r"年(?=底|末|初|内|度|前|上半年|下半年|第|[0-9]{1,2}月)")
# 2021-2025年: a year range joined by a hyphen or tilde instead of 一字线 —.
_DASH = re.compile(r"[-~～－–]")
_YEAR_RANGE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*[-~～－–]\s*((?:19|20)[0-9]{2})(?![0-9])")


def check_number_usage(plan: Plan, ctx: CheckContext) -> Findings:
    for node, key, text in _printed(plan):
        message = _number_problem(text) if text else None
        if message:
            yield ctx.report(node, f"{_label(node)}{_FIELD_WORD[key]}中{message}", field=key)


def _number_problem(text: str) -> str | None:
    for m in _YEAR_WORD.finditer(text):
        i = m.start()
        digits = text[max(0, i - 3):i]
        if len(digits) >= 2 and digits[-2:].isdecimal() and digits[-2:].isascii() and not (
                len(digits) == 3 and digits[0].isdecimal()):
            return f"年份“{digits[-2:]}年”应写全四位（如“20{digits[-2:]}年”）"
    m = _YEAR_RANGE.search(text) if _DASH.search(text) else None
    if m and int(m.group(2)) > int(m.group(1)):
        return f"年份起止“{m.group()}”应用一字线连接：“{m.group(1)}—{m.group(2)}”"
    return None


# ---------------------------------------------------------------------------
# The plan year


def check_plan_year(plan: Plan, ctx: CheckContext) -> Findings:
    meta = plan.meta
    if not 1949 <= meta.year <= 2200:
        what = "没有填写" if not meta.year else f"“{meta.year}”不是四位年份"
        yield ctx.report(None, f"计划年度{what}：请填写 year，如 year = 2027", field="year")
    elif meta.end_year and meta.end_year < meta.year:
        yield ctx.report(None, f"结束年度 end_year = {meta.end_year} 早于计划年度 year = {meta.year}",
                         field="end_year")


# ---------------------------------------------------------------------------


def _rule(id_: str, severity: str, summary: str, check) -> Rule:
    return Rule(id=id_, severity=severity, summary=summary, check=check)  # type: ignore[arg-type]


RULES: tuple[Rule, ...] = (
    _rule("PW-LEAD-001", "error", "每项任务（或其全部事项）都要有牵头（责任）单位", check_lead),
    _rule("PW-UNIT-001", "warning", "责任单位应使用单位名录中的名称或别名", check_unit_registered),
    _rule("PW-UNIT-002", "warning", "同一单位不重复列出，牵头单位不再列为配合单位", check_unit_repeated),
    _rule("PW-DL-001", "warning", "时限应是可识别的表述", check_deadline_parses),
    _rule("PW-DL-002", "error", "时限不早于计划年度", check_deadline_before_year),
    _rule("PW-DL-003", "warning", "时限不晚于计划期末", check_deadline_after_year),
    _rule("PW-DL-004", "warning", "时限不早于成文日期", check_deadline_before_date),
    _rule("PW-TEXT-001", "error", "计划、要点、任务要有标题，事项要有内容", check_empty_text),
    _rule("PW-ID-001", "error", "要点、任务、事项的 id 各不相同", check_duplicate_ids),
    _rule("PW-DOCNO-001", "error", "文号写作“机关代字〔年份〕序号号”：六角括号、四位年份、无虚位、无“第”",
          check_doc_number),
    _rule("PW-DOCNO-002", "warning", "文号年份与成文日期年份一致", check_doc_number_year),
    _rule("PW-DATE-001", "error", "成文日期、印发日期是真实存在的日期", check_dates),
    _rule("PW-DATE-002", "warning", "印发日期不早于成文日期", check_print_date_order),
    _rule("PW-NOTE-001", "info", "附注使用常见写法（如“此件公开发布”）", check_publicity),
    _rule("PW-RECIP-001", "warning", "主送、抄送名单中每项只写单位名称，不带标点", check_recipient_lists),
    _rule("PW-HEAD-001", "warning", "标题和事项不自带序号（一、（一）1. 由位置生成）", check_typed_markers),
    _rule("PW-PUNCT-001", "warning", "中文文字旁使用全角标点", check_half_width_punct),
    _rule("PW-CHAR-001", "warning", "数字和字母使用半角字符", check_full_width_alnum),
    _rule("PW-PAIR-001", "error", "引号、书名号、括号成对出现", check_pairs),
    _rule("PW-NUM-001", "warning", "年份写全四位，年份起止用一字线“—”", check_number_usage),
    _rule("PW-YEAR-001", "error", "计划年度为四位年份，结束年度不早于计划年度", check_plan_year),
)


def rule(rule_id: str) -> Rule:
    """A core rule by id (tests and the editor's rule help)."""
    return next(r for r in RULES if r.id == rule_id)


def ids() -> Iterable[str]:
    return (r.id for r in RULES)
