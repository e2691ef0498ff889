"""Import side of the Dalian style: its sniffer, attribution patterns and deadline phrases.

Dalian-style plans close each paragraph with （A牵头落实，B配合落实） /
（A负责落实）; the built-in patterns read most of them.
"""

from __future__ import annotations

from planwright.api import AttributionPattern, DeadlineKind, DeadlinePhrase
from planwright.zh.lazyre import lazy_compile

_VERB_CLOSE_RE = lazy_compile(r"(?:牵头落实|配合落实|负责落实|分别落实|牽頭落實|配合落實|負責落實|分別落實)\s*[）)]")
_UNITS = r"(?P<{}>[^：]+?)"
_DIVIDE = r"(?:按职责分工|按照职责分工|按职责)?(?:分别|共同)?"


def sniff(text: str) -> float:
    """Paragraphs closed by （…牵头落实…） / （…负责落实）."""
    count = len(_VERB_CLOSE_RE.findall(text))
    return 0.0 if count == 0 else min(0.95, 0.3 + 0.12 * count)


PATTERNS = (
    # （A负责，B配合） — 负责 for the lead, 配合/协助/参与 for the others
    AttributionPattern(
        name="dalian-responsible-and-helpers",
        regex=rf"{_UNITS.format('lead')}{_DIVIDE}负责(?:落实)?[，；]{_UNITS.format('support')}"
              rf"{_DIVIDE}(?:配合|协助|参与)(?:落实|实施)?",
        priority=20, strict=True),
)

DEADLINE_PHRASES = (
    # 24小时内 (a press conference after a major event)
    DeadlinePhrase(name="dalian-within-hours", pattern=r"(?P<count>\d+)个?小时(?:以)?内",
                   kind=DeadlineKind.RELATIVE),
)
