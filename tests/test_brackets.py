"""The bracket scanners (zh/brackets.py) visit only the brackets; each must find what a walk
over every character finds — the plain definitions below — for any mix of bracket kinds,
stray closers, unclosed openers and quotes."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from planwright.zh import brackets
from planwright.zh.brackets import CLOSERS, OPENERS, QUOTE_CLOSERS, QUOTE_OPENERS

TEXT = st.text(alphabet=OPENERS + CLOSERS + QUOTE_OPENERS + QUOTE_CLOSERS + "甲乙和及、，a", max_size=24)


def walk(text: str, order: range, inward: str, outward: str) -> int:
    depth = 0
    for i in order:
        if text[i] in inward:
            depth += 1
        elif text[i] in outward:
            depth -= 1
            if depth == 0:
                return i
    return -1


def groups_by_walking(text: str) -> list[tuple[int, int]]:
    found, i = [], 0
    while i < len(text):
        if text[i] in OPENERS:
            close = walk(text, range(i, len(text)), OPENERS, CLOSERS)
            if close < 0:
                break
            found.append((i, close + 1))
            i = close + 1
        else:
            i += 1
    return found


def unclosed_by_walking(text: str, start: int) -> int:
    depth, opened = 0, -1
    for i in range(start, len(text)):
        if text[i] in OPENERS:
            opened = i if depth == 0 else opened
            depth += 1
        elif text[i] in CLOSERS and depth:
            depth -= 1
    return opened if depth else -1


@settings(max_examples=400)
@given(TEXT)
def test_the_scanners_find_what_a_walk_over_every_character_finds(text: str) -> None:
    assert brackets.bracket_groups(text) == groups_by_walking(text)
    assert brackets.group_start(text) == walk(text, range(len(text) - 1, -1, -1), CLOSERS, OPENERS)
    for start in range(len(text) + 1):
        assert brackets.unclosed_opener(text, start) == unclosed_by_walking(text, start)
        if start < len(text):
            assert brackets.matching_close(text, start) == walk(text, range(start, len(text)), OPENERS, CLOSERS)


@settings(max_examples=400)
@given(TEXT, st.sampled_from(["和及", "、，", "甲", "“a", "（"]), st.booleans())
def test_top_level_at_is_where_top_level_sees_those_characters(text: str, chars: str, quotes: bool) -> None:
    assert brackets.top_level_at(text, chars, quotes) == [i for i, ch in brackets.top_level(text, quotes) if ch in chars]


def test_a_clerks_mixed_brackets() -> None:
    text = "加强公开（责任单位：县财政局、县审计局〔县统计局〕）。(牵头：A)【注】"
    assert [text[a:b] for a, b in brackets.bracket_groups(text)] == [
        "（责任单位：县财政局、县审计局〔县统计局〕）", "(牵头：A)", "【注】"]
    assert brackets.top_level_at("县财政局、各乡镇（街道、社区）、县审计局", "、") == [4, 15]
