"""Brackets in Chinese official text: the one scanner every reader of a notice uses.

A notice puts attributions, deadlines and asides in brackets, and a clerk mixes
their kinds: （） and () side by side, 〔〕 from a 文号, [] and 【】 from a web
page, even a full-width opener closed by a half-width closer. So every kind
counts as a bracket and any closer closes any opener (mismatched kinds pair
up). Quotation marks and 《》 are not brackets; a reader that must not look
inside them either (a heading sentence, say) asks for them with ``quotes=True``.

The scanners visit only the brackets (found by one regular expression, in C): an
import walks every paragraph this way, and a loop over each character was a tenth
of its time.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from planwright.zh.lazyre import compile_pattern

__all__ = ["CLOSERS", "OPENERS", "QUOTE_CLOSERS", "QUOTE_OPENERS", "bracket_groups", "group_start",
           "matching_close", "top_level", "top_level_at", "unclosed_opener", "unwrap"]

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


def top_level_at(text: str, chars: str, quotes: bool = False) -> list[int]:
    """Where the characters of *chars* stand outside every bracket: the indices ``top_level``
    gives them, found without visiting the characters in between."""
    openers, closers = (OPENERS + QUOTE_OPENERS, CLOSERS + QUOTE_CLOSERS) if quotes else (OPENERS, CLOSERS)
    depth = 0
    found: list[int] = []
    for m in _scanner(openers + closers + chars).finditer(text):
        ch = m.group()
        if ch in openers:
            depth += 1
        elif ch in closers:
            depth = max(0, depth - 1)
        elif depth == 0:
            found.append(m.start())
    return found


@functools.lru_cache(maxsize=None)
def _scanner(chars: str) -> re.Pattern[str]:
    """One character of *chars*, found by the regex engine."""
    return compile_pattern("[" + re.escape("".join(dict.fromkeys(chars))) + "]")


def _brackets(text: str, start: int = 0) -> Iterator[re.Match[str]]:
    return _scanner(OPENERS + CLOSERS).finditer(text, start)


def matching_close(text: str, start: int) -> int:
    """Index of the bracket closing the opener at *start* (any bracket kind), or -1."""
    depth = 0
    for m in _brackets(text, start):
        if m.group() in OPENERS:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start()
    return -1


def group_start(text: str) -> int:
    """Start of the bracket group that closes *text* (which ends in a closer), or -1."""
    depth = 0
    for i in reversed([m.start() for m in _brackets(text)]):
        if text[i] in CLOSERS:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i
    return -1


def unclosed_opener(text: str, start: int = 0) -> int:
    """Index of a bracket opened at the top level after *start* and never closed, or -1."""
    depth, opened = 0, -1
    for m in _brackets(text, start):
        if m.group() in OPENERS:
            if depth == 0:
                opened = m.start()
            depth += 1
        elif depth:
            depth -= 1
    return opened if depth else -1


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """Top-level bracket groups as (start, end-exclusive), in reading order.

    An opener that is never closed ends the scan: what follows it is inside.
    """
    groups: list[tuple[int, int]] = []
    depth, opened = 0, -1
    for m in _brackets(text):
        if m.group() in OPENERS:
            if depth == 0:
                opened = m.start()
            depth += 1
        elif depth:  # a closer outside every group is passed over
            depth -= 1
            if depth == 0:
                groups.append((opened, m.end()))
    return groups


def unwrap(text: str) -> str:
    """*text* without one enclosing bracket pair, when its first opener closes at its end."""
    if len(text) >= 2 and text[0] in OPENERS and text[-1] in CLOSERS and matching_close(text, 0) == len(text) - 1:
        return text[1:-1]
    return text
