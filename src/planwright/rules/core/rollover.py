"""Core rules on what a roll-over into the next year leaves for a person: stale dated
phrases in the text, a title of another year, and the 文号 and 成文日期 that a new
year's notice has not been given yet.

The roll-over lists these places once when it runs; as rules they stay in the
findings (and in ``planwright check``) until the text is fixed, however the
plan is edited in between.
"""

from __future__ import annotations

from planwright.plan.model import Plan
from planwright.rules.core.walk import FIELD_WORD, Findings, label, prose, snippet
from planwright.rules.engine import CheckContext
from planwright.zh.lazyre import lazy_compile

# a year with a time after it: a deadline written into the prose (2021年年底前, 2021年6月底, 2021年上半年)
_DATED = lazy_compile(r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})\s*年\s*"
                      r"(?P<when>年底|年末|年内|底|末|上半年|下半年|[一二三四1-4]季度|第[一二三四1-4]季度|"
                      r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月)")
_YEAR = lazy_compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*(?=年|—|-|－|至)")


def check_stale_dated_phrase(plan: Plan, ctx: CheckContext) -> Findings:
    """A 2021年年底前 left in the text of a 2022 plan: the roll-over could not move it."""
    year = plan.meta.year
    if not year:
        return
    for node, key, text in prose(plan):
        if node is None and key == "title":
            continue  # the title's year is check_title_year's
        for m in _DATED.finditer(text or ""):
            if int(m["year"]) < year:
                yield ctx.report(node, f"{label(node)}{FIELD_WORD.get(key, key)}写有“{snippet(text, m.start(), m.end(), 0)}”，"
                                       f"早于计划年度 {year} 年：请改为 {year} 年的时限，或确认仍应保留",
                                 field=key)


def check_title_year(plan: Plan, ctx: CheckContext) -> Findings:
    """A title that names years, none of them the plan's: the year was not moved with the plan."""
    meta = plan.meta
    years = {int(y) for y in _YEAR.findall(meta.title)}
    if meta.year and years and not any(meta.year <= y <= meta.last_year for y in years):
        named = "、".join(str(y) for y in sorted(years))
        yield ctx.report(None, f"标题写的是 {named} 年，计划年度是 {meta.year} 年：请改正标题的年度", field="title")


def check_notice_facts_present(plan: Plan, ctx: CheckContext) -> Findings:
    """A notice with its 版记 (印发机关) but no 文号 or 成文日期 would go out without them.

    A roll-over keeps the 印发机关 and clears both; a plan still being drafted from
    a template has no 印发机关 yet and is not asked for them.
    """
    if not plan.meta.printer.strip():
        return
    if not plan.meta.doc_number.strip():
        yield ctx.report(None, "文号未填写：印发前请填写，如“某政办发〔2027〕5号”", field="doc_number")
    if not plan.meta.date.strip():
        yield ctx.report(None, "成文日期未填写：印发前请填写，如“2027年3月1日”", field="date")
