"""Run-in text: a whole body printed on one line, cut back into paragraphs at its markers.

Some pages lose every line break of a notice (a copy out of a PDF, a page that
joined its <p>s): ``…制定本要点。一、总体要求 …（一）加强… 1、…`` stands on one
line. Such a line is split before each outline marker (一、 （一） 1、 （1）) that
follows a sentence end (。！？, or a closing bracket) or a gap of spacing, when the markers run in
sequence (一 then 二, （一） then （二） or a fresh （一） under a new 一、): a
number out of sequence is a word of the text (二、三季度), not a heading.

A heading that opens such a piece and is followed by a gap (一、总体要求 以…) is
cut there too: on a line of its own it would have been its own paragraph.
"""

from __future__ import annotations

from planwright.importing.common import Para
from planwright.importing.textutil import heading
from planwright.zh.lazyre import lazy_compile
from planwright.zh.numbering import Level

# Where a marker may start inside a line (the end of a match): after a sentence end, after
# spacing, or after a bracket that closes a sentence group (…（区财政局负责落实）2、…). A match
# takes that character (so that a search skips to one in C) and, for a space, only the first
# of a run; the run is taken whole: linear on 20,000 spaces.
_CANDIDATE_RE = lazy_compile(
    r"[。！？!?）) \t\u00a0\u3000](?<![ \t\u00a0\u3000]{2})[ \t\u00a0\u3000]*+"
    r"(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])"
)
_GAP_RE = lazy_compile(r"[ \t\u00a0\u3000]+")
_MIN_SPLITS = 2  # one marker in a line is more often a word than a lost line break
_HEADING_MAX = 25  # a heading cut at its gap is short and holds no sentence punctuation
_HEADING_PUNCT = lazy_compile(r"[。，,；;：:！？!?]")


def split_run_in(paras: list[Para]) -> list[Para]:
    """The paragraphs, each run-in one cut into the paragraphs it lost (same line number)."""
    out: list[Para] = []
    for para in paras:
        starts = _marker_starts(para.text)
        if len(starts) < _MIN_SPLITS:
            out.append(para)
            continue
        bounds = [0, *starts, len(para.text)]
        for begin, end in zip(bounds, bounds[1:]):
            for piece in _heading_and_rest(para.text[begin:end].strip()):
                out.append(Para(piece, para.line))
    return out


def _marker_starts(text: str) -> list[int]:
    """Positions inside *text* where a marker in sequence starts a lost paragraph."""
    last: dict[Level, int] = {}
    opening = heading(text)
    if opening is not None:
        last[opening.level] = opening.number
    starts: list[int] = []
    for m in _CANDIDATE_RE.finditer(text):
        at = m.end()
        found = heading(text[at : at + 40])
        if found is None or not found.rest:
            continue
        if found.number == last.get(found.level, 0) + 1 or (found.number == 1 and found.level not in last):
            last[found.level] = found.number
            for level in [lv for lv in last if lv > found.level]:
                del last[level]  # a new 一、 starts its （一） again
            starts.append(at)
    return starts


def _heading_and_rest(piece: str) -> list[str]:
    """``一、总体要求 以…`` → the heading and its text; anything else stays whole."""
    found = heading(piece)
    if found is None:
        return [piece]
    at = len(piece) - len(found.rest)
    gap = _GAP_RE.search(piece, at)
    if gap is None or gap.start() == at or gap.start() - at > _HEADING_MAX \
            or _HEADING_PUNCT.search(piece, at, gap.start()) or gap.end() == len(piece):
        return [piece]
    return [piece[: gap.start()], piece[gap.end() :]]
