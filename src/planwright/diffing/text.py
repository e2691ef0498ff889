"""Chinese text for comparison: a normal form for matching, bigrams, and the redline.

Matching works on a *normal form* (NFKC, no whitespace, no punctuation, years
blinded), so that a full-width comma or the yearly 2021 → 2022 does not count
against a match. The redline works on the text as written.

The redline follows ../shared/research/diff-anchors.md §1.3: each CJK
character is a token, but numbers (``500``, ``3.5``, ``95%``) and Latin words
(``PM2.5``, ``5G``) are single tokens, so a target reads 500 → 600 and never
5 → 6. Tokens are mapped to private-use code points, aligned with rapidfuzz's
C++ LCS (fast on any length, unlike pure-Python diff-match-patch, which takes
~50 s on a whole plan), then diff-match-patch's ``cleanupMerge`` and
``cleanupSemantic`` turn the minimal edit into phrases a person reads.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

Op = tuple[int, str]  # (-1 delete | 0 equal | 1 insert, text)
DELETE, EQUAL, INSERT = -1, 0, 1

_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2}|21[0-9]{2})(?![0-9])")
# Dropped from the normal form: everything but letters and digits (whitespace,
# punctuation, symbols such as ★ or ※). One C-level pass each: this runs on
# every node of both plans.
_NOT_WORD = re.compile(r"[\W_]+")


def shift_years(text: str, years: Iterable[int], delta: int) -> str:
    """Move the given years (only those) written in ``text`` by ``delta``."""
    wanted = set(years)
    if not delta or not wanted:
        return text
    return _YEAR.sub(lambda m: str(int(m.group()) + delta) if int(m.group()) in wanted else m.group(), text)


# Full-width letters and digits (ＡＢＣ１２３) are the only NFKC folding that matters
# once punctuation is gone; NFKC itself costs ~70 µs per task on Chinese text.
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B)}


def normal_form(text: str) -> str:
    """The form two texts are matched on: full-width folded, lower case, only letters and digits."""
    if _FULL_WIDTH.search(text):
        text = text.translate(_HALF_WIDTH)
    return _NOT_WORD.sub("", text).lower()


_YEAR_IN_NORM = re.compile(r"(?<![0-9])(?:19|20|21)[0-9]{2}(?![0-9])")
YEAR_MARK = "\ue000"


def year_blind(norm: str) -> str:
    """A normal form with every year (1900–2199) as one mark: matching ignores years.

    Whether 2021 became 2022 (the roll-over) or stayed (a past year cited) is
    settled later, on the texts as written.
    """
    return _YEAR_IN_NORM.sub(YEAR_MARK, norm)


def bigrams(norm: str) -> frozenset[int]:
    """Character bigrams of a normal form, each as one 64-bit number.

    Two UTF-32 code units read as one unsigned 64-bit integer: the even and
    the odd bigrams come from two C-level casts of the encoded text, several
    times faster than slicing strings (this runs on thousands of tasks).
    """
    if len(norm) < 2:
        return frozenset([ord(norm)]) if norm else frozenset()
    data = norm.encode("utf-32-le")
    even = data[: len(data) // 8 * 8]
    odd = data[4:4 + (len(data) - 4) // 8 * 8]
    return frozenset(memoryview(even).cast("Q")).union(memoryview(odd).cast("Q"))


# ---------------------------------------------------------------------------
# Redline

# Numbers with decimals and a percent sign, and Latin/digit words, stay whole.
_TOKEN = re.compile(
    r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ]+(?:[.．][0-9０-９]+)*[%％‰]?"
    r"|[\s\u3000]+"
    r"|.", re.S)
_PUA_START = 0xF0000  # plane-15 private use; never a surrogate, never in real text


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _encode(token_lists: tuple[list[str], ...]) -> tuple[list[str], dict[str, str]]:
    """Each distinct multi-character token → one private-use character."""
    codes: dict[str, str] = {}
    decode: dict[str, str] = {}
    encoded = []
    for toks in token_lists:
        out = []
        for tok in toks:
            if len(tok) == 1 and ord(tok) < _PUA_START:
                out.append(tok)
                continue
            code = codes.get(tok)
            if code is None:
                code = chr(_PUA_START + len(codes))
                codes[tok] = code
                decode[code] = tok
            out.append(code)
        encoded.append("".join(out))
    return encoded, decode


_DMP = diff_match_patch()


def redline(old: str, new: str) -> list[Op]:
    """A readable redline of ``old`` → ``new``: list of (op, text), op −1/0/1."""
    if old == new:
        return [(EQUAL, old)] if old else []
    (a, b), decode = _encode((tokens(old), tokens(new)))
    diffs: list = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            diffs.append((EQUAL, a[op.src_start:op.src_end]))
        else:
            if op.src_end > op.src_start:
                diffs.append((DELETE, a[op.src_start:op.src_end]))
            if op.dest_end > op.dest_start:
                diffs.append((INSERT, b[op.dest_start:op.dest_end]))
    _DMP.diff_cleanupMerge(diffs)
    _DMP.diff_cleanupSemantic(diffs)
    _absorb_chaff(diffs)
    return [(op, "".join(decode.get(c, c) for c in text)) for op, text in diffs if text]


def marked_up(ops: list[Op], escape: Callable[[str], str], deleted: str, inserted: str) -> str:
    """A redline as one string: every chunk escaped, deletions and insertions put into
    their templates (``"<del>{}</del>"``); the text both sides share stays as it is."""
    template = {DELETE: deleted, INSERT: inserted}
    return "".join(template.get(op, "{}").format(escape(chunk)) for op, chunk in ops)


def _absorb_chaff(diffs: list) -> None:
    """Fold a 1-character equality standing between two edits into them.

    cleanupSemantic keeps such a character when the edits around it are as
    short as it is; in Chinese that leaves redlines like 新[-建-]改[+造+]建
    where a reader wants one phrase replaced by another.
    """
    i = 0
    while i < len(diffs):
        if diffs[i][0] != EQUAL or len(diffs[i][1]) != 1:
            i += 1
            continue
        start = i
        while start > 0 and diffs[start - 1][0] != EQUAL:
            start -= 1
        end = i + 1
        while end < len(diffs) and diffs[end][0] != EQUAL:
            end += 1
        if start == i or end == i + 1:
            i += 1
            continue
        char = diffs[i][1]
        around = diffs[start:i] + [(DELETE, char), (INSERT, char)] + diffs[i + 1:end]
        deleted = "".join(t for o, t in around if o == DELETE)
        inserted = "".join(t for o, t in around if o == INSERT)
        diffs[start:end] = [(DELETE, deleted), (INSERT, inserted)]
        i = start + 2
    _DMP.diff_cleanupMerge(diffs)
