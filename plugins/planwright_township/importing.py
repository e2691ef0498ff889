"""Import side of the township style: its sniffer, attribution patterns and deadline phrases.

Township (乡镇) plans are signed by a 乡/镇人民政府 and usually name no units;
when they do, they name 站所 or 股室, sometimes after the responsible leader.
"""

from __future__ import annotations

import re

from planwright.api import AttributionPattern, DeadlineKind, DeadlinePhrase
from planwright.zh.lazyre import lazy_compile

_SIGNATURE_RE = lazy_compile(r"^[ \t\u3000]*\S{1,12}[乡镇鄉鎮](?:人民政府|政府)[ \t\u3000]*$", re.M)
_TITLE_RE = lazy_compile(r"\S{1,12}[乡镇鄉鎮]\S{0,20}(?:工作要点|工作方案|实施方案|要點|方案)")
_ATTRIBUTION_RE = lazy_compile(r"责任单位|責任單位|牵头落实|負責落實|负责落实|时限要求|時限要求")


def sniff(text: str) -> float:
    """Signed by a township government (or titled so), and no units named."""
    signed = _SIGNATURE_RE.search(text) is not None or _TITLE_RE.search(text[:600]) is not None
    if not signed:
        return 0.0
    return 0.2 if _ATTRIBUTION_RE.search(text) else 0.75


_UNITS = r"(?P<{}>[^：]+?)"
_OFFICE_LABEL = r"(?:责任站所|责任股室|责任办站|责任所站|责任科室)"

PATTERNS = (
    # （责任领导：张三；责任站所：党政办） — the leader is a person, not a unit
    AttributionPattern(
        name="township-leader-and-office",
        regex=rf"(?:责任领导|分管领导|责任人)：[^：]+?[，；](?:责任单位|{_OFFICE_LABEL})：{_UNITS.format('lead')}",
        support=None, priority=20),
    # （责任站所：党政办、财政所）
    AttributionPattern(name="township-office", regex=rf"{_OFFICE_LABEL}：{_UNITS.format('lead')}",
                       support=None, priority=30),
)

DEADLINE_PHRASES = (
    # 逐段公开 / 随时公开 / 定期公开 in a township's own words
    DeadlinePhrase(name="township-stage-by-stage", pattern=r"逐(?:段|项|阶段)(?:公开|推进|完成)",
                   kind=DeadlineKind.CONTINUOUS, label="逐段"),
)
