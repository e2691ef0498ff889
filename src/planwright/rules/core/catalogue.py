"""The core rules, one table: each rule's id, severity, summary and check (see the package's docstring)."""

from __future__ import annotations

from planwright.api import Rule
from planwright.rules.core.deadlines import (check_deadline_after_year, check_deadline_before_date,
                                             check_deadline_before_year, check_deadline_parses)
from planwright.rules.core.notice import (check_dates, check_doc_number, check_doc_number_year, check_letter,
                                          check_notice_title, check_print_date_order, check_publicity,
                                          check_recipient_lists)
from planwright.rules.core.rollover import check_notice_facts_present, check_stale_dated_phrase, check_title_year
from planwright.rules.core.outline import check_duplicate_ids, check_empty_text, check_plan_year, check_typed_markers
from planwright.rules.core.text import check_full_width_alnum, check_half_width_punct, check_number_usage, check_pairs
from planwright.rules.core.units import check_lead, check_unit_registered, check_unit_repeated


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
    _rule("PW-LETTER-001", "warning", "印发通知只替本发文机关说话（经本级政府同意），并以计划标题称呼计划", check_letter),
    _rule("PW-LETTER-002", "info", "通知标题以计划标题称呼计划，改动标题时随之改动", check_notice_title),
    _rule("PW-HEAD-001", "warning", "标题和事项不自带序号（一、（一）1. 由位置生成）", check_typed_markers),
    _rule("PW-PUNCT-001", "warning", "中文文字旁使用全角标点", check_half_width_punct),
    _rule("PW-CHAR-001", "warning", "数字和字母使用半角字符", check_full_width_alnum),
    _rule("PW-PAIR-001", "error", "引号、书名号、括号成对出现", check_pairs),
    _rule("PW-NUM-001", "warning", "年份写全四位，年份起止用一字线“—”", check_number_usage),
    _rule("PW-YEAR-001", "error", "计划年度为四位年份，结束年度不早于计划年度", check_plan_year),
    _rule("PW-ROLL-001", "warning", "文字中的时限不早于计划年度（滚动时未能改动的年份）", check_stale_dated_phrase),
    _rule("PW-ROLL-002", "warning", "标题中的年度与计划年度一致", check_title_year),
    _rule("PW-ROLL-003", "warning", "有印发机关的通知要填写文号和成文日期", check_notice_facts_present),
)
