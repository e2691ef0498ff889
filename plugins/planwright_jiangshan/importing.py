"""Import side of the Jiangshan style: its sniffer and deadline phrases.

Jiangshan-style (Zhejiang) action plans list areas each followed by a line
``责任单位：A、B。`` and end with a 进度安排 of dated milestones. Such lines,
and a unit marked （牵头） in them, are read by the core, so no patterns are needed.
"""

from __future__ import annotations

import re

from planwright.api import DeadlineKind, DeadlinePhrase
from planwright.zh.lazyre import lazy_compile

_SCHEDULE_RE = lazy_compile(r"^[ \t\u3000]*[一二三四五六七八九十]+[、.．][ \t\u3000]*(?:进度安排|進度安排|时间安排|實施步驟|实施步骤)",
                            re.M)
_UNIT_LINE_RE = lazy_compile(r"^[ \t\u3000]*(?:责任单位|責任單位|牵头单位|牽頭單位)[ \t\u3000]*[：:]", re.M)
_MULTI_YEAR_RE = lazy_compile(r"(?:三年|行动计划|行動計劃)[^\n]{0,20}[（(]\s*\d{4}\s*[-—–－至]\s*\d{4}\s*[）)]")


def sniff(text: str) -> float:
    """A 进度安排 section, 责任单位： (or 牵头单位：) lines under each area, a multi-year title."""
    score = 0.0
    if _SCHEDULE_RE.search(text):
        score += 0.45
    if len(_UNIT_LINE_RE.findall(text)) >= 3:
        score += 0.35
    if _MULTI_YEAR_RE.search(text):
        score += 0.15
    return min(score, 0.95)


DEADLINE_PHRASES = (
    # 自7月1日开始 / 7月1日起: a start that recurring work runs from
    DeadlinePhrase(name="jiangshan-from-date", pattern=r"(?:自|从)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:起|开始)",
                   kind=DeadlineKind.RECURRING, label="自…起", due=lambda m, year: None),
)
