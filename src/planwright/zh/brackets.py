"""Brackets in Chinese official text: the one scanner every reader of a notice uses.

A notice puts attributions, deadlines and asides in brackets, and a clerk mixes
their kinds: （） and () side by side, 〔〕 from a 文号, [] and 【】 from a web
page, even a full-width opener closed by a half-width closer. So every kind
counts as a bracket and any closer closes any opener (mismatched kinds pair
up). Quotation marks and 《》 are not brackets; a reader that must not look
inside them either (a heading sentence, say) asks for them with ``quotes=True``.
"""

from __future__ import annotations

from typing import Iterator

__all__ = ["CLOSERS", "OPENERS", "QUOTE_CLOSERS", "QUOTE_OPENERS", "bracket_groups", "group_start",
           "matching_close", "top_level", "unclosed_opener", "unwrap"]

# （） () 〔〕 [] 【】 ［］, in the same order so that OPENERS[i] pairs with CLOSERS[i].
OPENERS = "（(〔[【［"
CLOSERS = "）)〕]】］"
# “” ‘’ 《》 「」 『』: quoted words and titles, skipped over like brackets where asked.
QUOTE_OPENERS = "“‘《「『"
QUOTE_CLOSERS = "”’》」』"


def top_level(text: str, quotes: bool = False) -> Iterator[tuple[int, str]]:
    """(index, character) of each character outside every bracket, brackets themselves left out.

    A stray closer does not go below the top level, so text after it is still seen.
    """
    openers, closers = (OPENERS + QUOTE_OPENERS, CLOSERS + QUOTE_CLOSERS) if quotes else (OPENERS, CLOSERS)
    depth = 0
    for i, ch in enumerate(text):
        if ch in openers:
            depth += 1
        elif ch in closers:
            depth = max(0, depth - 1)
        elif depth == 0:
            yield i, ch


def matching_close(text: str, start: int) -> int:
    """Index of the bracket closing the opener at *start* (any bracket kind), or -1."""
    return _balanced(text, range(start, len(text)), OPENERS, CLOSERS)


def group_start(text: str) -> int:
    """Start of the bracket group that closes *text* (which ends in a closer), or -1."""
    return _balanced(text, range(len(text) - 1, -1, -1), CLOSERS, OPENERS)


def _balanced(text: str, order: range, inward: str, outward: str) -> int:
    """Walking *text* in *order*, where the bracket first met is balanced again, or -1."""
    depth = 0
    for i in order:
        if text[i] in inward:
            depth += 1
        elif text[i] in outward:
            depth -= 1
            if depth == 0:
                return i
    return -1


def unclosed_opener(text: str, start: int = 0) -> int:
    """Index of a bracket opened at the top level after *start* and never closed, or -1."""
    depth, opened = 0, -1
    for i in range(start, len(text)):
        if text[i] in OPENERS:
            if depth == 0:
                opened = i
            depth += 1
        elif text[i] in CLOSERS and depth:
            depth -= 1
    return opened if depth else -1


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """Top-level bracket groups as (start, end-exclusive), in reading order.

    An opener that is never closed ends the scan: what follows it is inside.
    """
    groups: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        if text[i] in OPENERS:
            close = matching_close(text, i)
            if close < 0:
                break
            groups.append((i, close + 1))
            i = close + 1
        else:
            i += 1
    return groups


def unwrap(text: str) -> str:
    """*text* without one enclosing bracket pair, when its first opener closes at its end."""
    if len(text) >= 2 and text[0] in OPENERS and text[-1] in CLOSERS and matching_close(text, 0) == len(text) - 1:
        return text[1:-1]
    return text
