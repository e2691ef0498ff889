"""Import-side contributions of the Dalian style: sniffer, attribution patterns, deadline phrases.

Owned by the importer; ``__init__`` re-exports the hook functions listed in ``__all__``.
Dalian-style plans close each paragraph with （A牵头落实，B配合落实） /
（A负责落实）; the built-in patterns read most of them.
"""

from __future__ import annotations

import re

from planwright.api import AttributionPattern, DeadlineKind, DeadlinePhrase, Sniffer, hookimpl

__all__ = ["planwright_import_sniffers", "planwright_attribution_patterns", "planwright_deadline_phrases"]

STYLE = "dalian"
_VERB_CLOSE_RE = re.compile(r"(?:牵头落实|配合落实|负责落实|分别落实|牽頭落實|配合落實|負責落實|分別落實)\s*[）)]")


def sniff(text: str) -> float:
    """Paragraphs closed by （…牵头落实…） / （…负责落实）."""
    count = len(_VERB_CLOSE_RE.findall(text))
    return 0.0 if count == 0 else min(0.95, 0.3 + 0.12 * count)


@hookimpl
def planwright_import_sniffers() -> list[Sniffer]:
    return [Sniffer(name="dalian-verb-brackets", style=STYLE, sniff=sniff,
                    description="各段以（…牵头落实，…配合落实）或（…负责落实）收尾")]


_UNITS = r"(?P<{}>[^：]+?)"
_DIVIDE = r"(?:按职责分工|按照职责分工|按职责)?(?:分别|共同)?"


@hookimpl
def planwright_attribution_patterns() -> list[AttributionPattern]:
    return [
        # （A负责，B配合） — 负责 for the lead, 配合/协助/参与 for the others
        AttributionPattern(
            name="dalian-responsible-and-helpers",
            regex=rf"{_UNITS.format('lead')}{_DIVIDE}负责(?:落实)?[，；]{_UNITS.format('support')}"
                  rf"{_DIVIDE}(?:配合|协助|参与)(?:落实|实施)?",
            style=STYLE, priority=20, strict=True),
    ]


@hookimpl
def planwright_deadline_phrases() -> list[DeadlinePhrase]:
    return [
        # 24小时内 (a press conference after a major event)
        DeadlinePhrase(name="dalian-within-hours", pattern=r"(?P<count>\d+)个?小时(?:以)?内",
                       kind=DeadlineKind.RELATIVE, style=STYLE),
    ]
