"""Import side of the Jinan style: its sniffer, attribution patterns and deadline phrases.

Jinan-style plans close every task with a labelled bracket: （责任单位：A，B）, in
neighbouring districts also （牵头单位：A；责任单位：B；完成时限：C）.
"""

from __future__ import annotations

from planwright.api import AttributionPattern, DeadlineKind, DeadlinePhrase
from planwright.zh.lazyre import lazy_compile

# a bracket that opens with a unit label (traditional characters too)
_LABELLED_RE = lazy_compile(r"[（(【〔\[]\s*(?:责任单位|責任單位|牵头单位|牽頭單位)\s*[：:]")
_UNITS = r"(?P<{}>[^：]+?)"


def sniff(text: str) -> float:
    """Several tasks closed by （责任单位：…）: the more, the surer."""
    count = len(_LABELLED_RE.findall(text))
    return 0.0 if count == 0 else min(0.95, 0.3 + 0.15 * count)


PATTERNS = (
    # （责任单位：A，B按职责分工负责） — the closing words are not part of the last name
    AttributionPattern(
        name="jinan-responsible-by-duty",
        regex=rf"责任单位：{_UNITS.format('lead')}(?:按职责分工|按照职责分工|按职责)(?:分别)?(?:负责|落实|负责落实)",
        support=None, priority=20),
    # （责任单位：A牵头，B配合） — the label, then the verbs
    AttributionPattern(
        name="jinan-responsible-lead-and-support",
        regex=rf"责任单位：{_UNITS.format('lead')}牵头(?:落实|负责)?[，；]{_UNITS.format('support')}"
              r"(?:配合|协助|参与|负责)(?:落实|实施)?",
        priority=10),
    # （牵头：A；配合：B） — labels shortened to one word
    AttributionPattern(
        name="jinan-short-labels",
        regex=rf"牵头：{_UNITS.format('lead')}[，；]配合：{_UNITS.format('support')}",
        priority=30),
)

DEADLINE_PHRASES = (
    # 一季度内 / 第三季度内: the quarter's end
    DeadlinePhrase(name="jinan-within-quarter", pattern=r"第?(?P<quarter>[1-4])季度(?:以)?内(?:完成)?",
                   kind=DeadlineKind.QUARTER),
)
