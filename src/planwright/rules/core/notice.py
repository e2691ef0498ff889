"""Core rules on the notice's facts in [plan]: 文号, 成文日期 and 印发日期, 附注, 主送 and 抄送."""

from __future__ import annotations

import datetime as dt
from planwright.plan.model import Plan
from planwright.plan.titles import follows_title, notice_title
from planwright.rules.core.walk import Findings, cn_date, iso_date
from planwright.rules.engine import CheckContext
from planwright.zh.lazyre import lazy_compile


# 號: the same 文号 printed in traditional script (寧政辦發〔2018〕61號) is not a wrong one
_DOCNO_OK = lazy_compile(r"[\u4e00-\u9fffA-Za-z]+〔(?P<year>[0-9]{4})〕[1-9][0-9]*[号號]")
# A loose reading of what people type, to say what is wrong and how it should read.
_DOCNO_LOOSE = lazy_compile(
    r"(?P<code>[^\s〔\[(（【［{0-9]+?)\s*(?P<open>[〔\[(（【［{]?)\s*(?P<year>[0-9]{2,4})\s*"
    r"(?P<close>[〕\])）】］}]?)\s*(?P<di>第?)\s*(?P<num>[0-9]+)\s*(?P<hao>[号號]?)")
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
    return problems, f"{m['code']}〔{year}〕{num}{m['hao'] or '号'}"


def check_doc_number_year(plan: Plan, ctx: CheckContext) -> Findings:
    m = _DOCNO_OK.fullmatch(plan.meta.doc_number)
    signed = iso_date(plan.meta.date)
    if m is None or signed is None:
        return
    year = int(m["year"])
    if year != signed.year:
        yield ctx.report(None, f"文号年份{year}与成文日期（{cn_date(signed)}）的年份不一致", field="doc_number")


_CN_DATE = lazy_compile(r"([0-9]{4})\s*[年.\-/]\s*([0-9]{1,2})\s*[月.\-/]\s*([0-9]{1,2})\s*日?")


def check_dates(plan: Plan, ctx: CheckContext) -> Findings:
    """成文日期 and 印发日期 must be real dates, written as TOML dates (2027-03-01)."""
    for key, word in (("date", "成文日期"), ("print_date", "印发日期")):
        value = getattr(plan.meta, key)
        if value and iso_date(value) is None:
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
    signed, printed = iso_date(plan.meta.date), iso_date(plan.meta.print_date)
    if signed and printed and printed < signed:
        yield ctx.report(None, f"印发日期{cn_date(printed)}早于成文日期{cn_date(signed)}", field="print_date")


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


# 经市政府同意 / 已经区人民政府研究同意: the approval a letter states, and the level of its government
_LETTER_APPROVAL = lazy_compile(r"经(?P<level>省|自治区|市|州|盟|县|区|旗)(?:人民)?政府(?:研究)?同意")
_ISSUER_LEVEL = lazy_compile(r"(?P<level>省|自治区|市|州|盟|县|区|旗)(?:人民)?政府办公[室厅]$")


def check_letter(plan: Plan, ctx: CheckContext) -> Findings:
    """The 印发 letter speaks for its own issuer, and names the plan by its title."""
    meta = plan.meta
    letter = meta.letter
    if not letter.strip():
        return
    issuer = _ISSUER_LEVEL.search(meta.issuer.strip())
    for m in _LETTER_APPROVAL.finditer(letter):
        if issuer is not None and m["level"] != issuer["level"]:
            yield ctx.report(None, f"印发通知写“{m.group()}”，而发文机关是{meta.issuer}："
                                   f"应为“经{issuer['level']}政府同意”，或核对发文机关", field="letter")
    handed = _HANDED_OUT.search(letter)  # 现将《X》印发 / 《X》已经…同意，现印发: X is the plan
    if handed and handed["name"] != "{title}" and meta.title and handed["name"] != meta.title:
        yield ctx.report(None, f"印发通知中的文件名《{handed['name']}》与计划标题“{meta.title}”不一致；"
                               f"可写作《{{title}}》，导出时填入标题", field="letter")


def check_notice_title(plan: Plan, ctx: CheckContext) -> Findings:
    """A notice title kept word for word that does not name the plan by its title: an edit of the
    title (or its year) does not reach it, so the checker says which of the two the notice prints."""
    meta = plan.meta
    if follows_title(meta) or not meta.title.strip() or meta.title in meta.notice_title:
        return
    yield ctx.report(None, f"通知标题按原文写法印为“{notice_title(meta)}”，其中没有计划标题“{meta.title}”，"
                           f"改动计划标题不会改动它：如应一致，在通知标题中把计划名称改为 {{title}}（导出时填入计划标题），"
                           f"或清空通知标题（由发文机关和计划标题生成）", field="notice_title")


_HANDED_OUT = lazy_compile(r"(?:将|^)《(?P<name>[^《》]+)》")
