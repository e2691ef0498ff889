"""A long 公文 title broken into lines as GB/T 9704-2012 §7.3.1 asks.

“回行时，要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形”:
a line ends only between words, the lines are of like length, and their
lengths run one way (梯形 or 倒梯形) or widen in the middle (菱形).

Words come from jieba, a Chinese word segmenter. A phrase rule (break after
the issuer, before 的通知) cannot see the words inside the 事由, and that is
where the bad breaks were (…标准化规范 / 化工作…, …实施方 / 案). A few 公文
habits sit on top of the segmenter: a period such as （2027—2029年） and a
number with its 年 stay whole, 的 goes down with 通知 rather than ending a
line, and a break just before 关于 (after the issuing office) is preferred.
"""

from __future__ import annotations

import itertools
import logging
import re
from functools import lru_cache

from planwright.exporting.wording import display_width

# A period in brackets, a number with its unit, a 文号: never cut.
_WHOLE = re.compile(r"[（(][^（）()]{0,16}[）)]|\d+(?:[—\-－~～]\d+)?[年月日号]?|〔\d+〕\d+号")
_PERIOD = re.compile(r"[(（]\s*(\d{4})\s*[-－–—~～]+\s*(\d{4})\s*(年?)\s*[)）]")
_OPENING = "（《“〔【"
# A name the dictionary does not know falls apart into single characters
# (样例区 → 样 / 例 / 区): such runs are kept together, and a lone 区/市/县…
# goes with the word before it (示例 / 区 → 示例区).
_JOINERS = set("的和及与")
_PLACE = set("省市区县州盟旗镇乡街村")
# The trade's compounds, which the general dictionary holds as two words each.
_TERMS = ("政务公开", "信息公开", "工作要点", "重点工作", "任务分工", "实施方案", "行动计划", "三年行动",
          "标准化", "规范化", "政务服务", "办公室", "人民政府", "领导小组")
_CLOSING = "）》”〕】，、。：；"


def title_marks(title: str) -> str:
    """Full-width brackets and a dash in a period: (2020-2022) → （2020—2022）."""
    return _PERIOD.sub(lambda m: f"（{m.group(1)}—{m.group(2)}{m.group(3)}）", title)


def width(text: str) -> float:
    """Width in characters of the title's face (digits and Latin letters count half)."""
    return display_width(text) / 2


@lru_cache(maxsize=1)
def _segmenter():
    import jieba  # ~1 s to load its dictionary: only when a title is long enough to break

    jieba.setLogLevel(logging.WARNING)  # it reports loading on stderr otherwise
    for word in _TERMS:
        jieba.add_word(word)
    return jieba


def words(title: str) -> list[str]:
    """The title as words, with the 公文 units kept whole."""
    bounds, at = {0, len(title)}, 0
    for word in _segmenter().cut(title, HMM=False):  # unknown names come out as single characters
        at += len(word)
        bounds.add(at)
    locked: set[int] = set()
    for m in _WHOLE.finditer(title):
        bounds.update((m.start(), m.end()))
        locked.update(range(m.start() + 1, m.end()))
    cut = [title[a:b] for a, b in itertools.pairwise(sorted(bounds))]
    out: list[str] = []
    at, run = 0, False  # run: the last word is a run of single characters
    for word in cut:
        single = _single(word)
        if out and (at in locked or word[0] in _CLOSING or out[-1][-1] in _OPENING
                    or (single and (run or word in _PLACE))):
            out[-1] += word
            run = run and single
        else:
            out.append(word)
            run = single
        at += len(word)
    return out


def _single(word: str) -> bool:
    """One Chinese character that is a word only by the dictionary's default."""
    return len(word) == 1 and "\u4e00" <= word <= "\u9fff" and word not in _JOINERS


def break_title(title: str, per_line: float) -> list[str]:
    """The title in as few lines as fit `per_line` characters, broken between
    words, the lines balanced in a 梯形, 倒梯形 or 菱形 shape."""
    if width(title) <= per_line:
        return [title]
    pieces = words(title)
    need = max(2, int(-(-width(title) // per_line)))
    for lines in range(need, len(pieces) + 1):
        best = _best(pieces, lines, per_line)
        if best is not None:
            return best
    return [title]


def _best(pieces: list[str], lines: int, per_line: float) -> list[str] | None:
    best, best_cost = None, float("inf")
    for cuts in itertools.combinations(range(1, len(pieces)), lines - 1):
        bounds = (0, *cuts, len(pieces))
        text = ["".join(pieces[a:b]) for a, b in zip(bounds, bounds[1:])]
        widths = [width(t) for t in text]
        if max(widths) > per_line:
            continue
        cost = _cost(text, widths)
        if cost < best_cost:
            best, best_cost = text, cost
    return best


def _cost(text: list[str], widths: list[float]) -> float:
    """Lower is better: unequal lengths, a shape that is not 梯形/倒梯形/菱形,
    a line ending in 的 or 关于/印发, and not breaking before 关于."""
    cost = (max(widths) - min(widths)) ** 2
    steps = [b - a for a, b in zip(widths, widths[1:])]
    monotone = all(s >= 0 for s in steps) or all(s <= 0 for s in steps)
    diamond = len(widths) == 3 and widths[1] >= max(widths[0], widths[2])
    if not (monotone or diamond):
        cost += 40
    for line, following in zip(text, text[1:]):
        if line.endswith(("的", "关于", "印发", "转发", "和", "及", "与")):
            cost += 60
        if following.startswith("关于"):
            cost -= 20
    return cost
