"""Role words: how a notice says which unit leads a task and which supports it.

One vocabulary for every reader of attributions — the attribution patterns
(``zh.units``), label lines and bracket fields (``importing.attribution``) and
table captions (``importing.tables``) — so that a word learnt once is known to
all of them:

* a **stem** names a role: 牵头 leads, 配合/协助/参与 support, and 负责/责任/承办
  are *responsible*: the lead, or the support when another clause or field
  names a 牵头 unit (``../shared/truth/SCHEMA.md``: （A牵头，B负责落实）);
* a **label** is a stem and a unit noun followed by a colon: 牵头单位：, 配合科室：;
* a **verb** closes a clause of unit names: A牵头落实, B配合, C负责落实.
"""

from __future__ import annotations

import re

__all__ = ["DEADLINE_LABELS", "DIVIDING", "LEAD", "LEAD_LABELS", "LEAD_VERBS", "PRINTED", "RESPONSIBLE",
           "RESPONSIBLE_LABELS", "ROLE_STEMS", "SOLE_VERBS", "SUPPORT", "SUPPORT_LABELS",
           "SUPPORT_VERBS", "UNIT_NOUNS", "alternation", "hint_words", "stems", "verb_role"]

LEAD = "lead"
SUPPORT = "support"
RESPONSIBLE = "responsible"  # lead, unless a 牵头 unit is named beside it

# The stems, longest first where one contains another (主体责任 before 责任).
ROLE_STEMS: dict[str, str] = {
    "牵头": LEAD, "主责": LEAD,
    "主体责任": RESPONSIBLE, "责任": RESPONSIBLE, "负责": RESPONSIBLE, "主办": RESPONSIBLE,
    "承办": RESPONSIBLE, "实施": RESPONSIBLE,
    "配合": SUPPORT, "协办": SUPPORT, "协助": SUPPORT, "参与": SUPPORT, "协同": SUPPORT,
}
# Stems that are also everyday words (实施方案, 参与率): alone they do not mark an attribution.
_EVERYDAY = frozenset({"实施", "参与", "协同"})

# What a label names after its stem: 牵头单位, 责任科室, 配合股室 …
UNIT_NOUNS = ("单位", "部门", "科室", "股室", "处室", "站所")

# How the word for each role is printed in a summary (export, editor).
PRINTED = {LEAD: "牵头", SUPPORT: "配合"}


def stems(*roles: str) -> tuple[str, ...]:
    """The stems of the given roles, in vocabulary order."""
    return tuple(stem for stem, role in ROLE_STEMS.items() if role in roles)


def _labels(role: str) -> tuple[str, ...]:
    return tuple(stem + noun for stem in stems(role) for noun in UNIT_NOUNS)


LEAD_LABELS = ("牵头责任单位", *_labels(LEAD))
RESPONSIBLE_LABELS = (*_labels(RESPONSIBLE), "责任主体")
SUPPORT_LABELS = _labels(SUPPORT)
DEADLINE_LABELS = ("完成时限", "时限要求", "完成时间", "完成期限", "时间节点", "时间要求", "办结时限", "时限")

# How a clause says that each unit does its own part (A、B按职能分工落实): read apart from the
# names and the verb.
DIVIDING = ("按职责分工", "按照职责分工", "根据职责分工", "按职责", "按照职责", "根据职责", "按各自职责",
            "按照各自职责", "按职能分工", "按照职能分工", "根据职能分工", "按职能", "按照职能", "根据职能")

# Verbs that close a clause of unit names. 分别/共同 and 按职责分工 before them are read apart.
LEAD_VERBS = ("牵头落实", "牵头负责", "牵头实施", "牵头推进", "牵头办理", "牵头")
SUPPORT_VERBS = ("配合落实", "配合实施", "配合", "协助落实", "协助", "参与落实", "参与", "协同落实", "协同")
SOLE_VERBS = ("负责落实", "负责实施", "负责推进", "组织实施", "负责", "分别落实", "落实", "承办", "实施")


def verb_role(verb: str) -> str:
    """The role a clause's verb gives its units: LEAD, SUPPORT or RESPONSIBLE."""
    for stem, role in ROLE_STEMS.items():
        if verb.startswith(stem) and role != RESPONSIBLE:
            return role
    return RESPONSIBLE


def hint_words() -> tuple[str, ...]:
    """Words that show a bracket meant to attribute, even when no pattern read it."""
    return (*(s for s in ROLE_STEMS if s not in _EVERYDAY), "落实")


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex group matching any of *words*, longest first so that none is cut short."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(dict.fromkeys(words), key=len, reverse=True)) + ")"
