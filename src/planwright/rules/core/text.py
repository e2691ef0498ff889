"""Core rules on the printed text: punctuation and numbers (GB/T 15834, GB/T 15835), pairs that close."""

from __future__ import annotations

import re
from typing import Callable, Iterable

from planwright.plan.model import Node, Plan
from planwright.rules.core.walk import FIELD_WORD, Findings, label, printed, prose, snippet
from planwright.rules.engine import CheckContext
from planwright.zh.lazyre import lazy_compile


def _each_text(ctx: CheckContext, texts: Iterable[tuple[Node | None, str, str]],
               problem: Callable[[str], str | None]) -> Findings:
    """A finding “要点正文中…” for every text in which ``problem`` finds something to say."""
    for node, key, text in texts:
        found = problem(text) if text else None
        if found:
            yield ctx.report(node, f"{label(node)}{FIELD_WORD[key]}中{found}", field=key)


_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_HALF_PUNCT = lazy_compile(rf"(?<=[{_CJK}])[,;:?!()]|[,;:?!()](?=[{_CJK}])")
_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# URLs and e-mail addresses keep their ASCII punctuation.
_URL = lazy_compile(r"(?:https?://|www\.)[\x21-\x7e]+|[\w.+-]+@[\w-]+\.[\w.]+", re.ASCII)


def _blank_urls(text: str) -> str:
    if "." not in text:
        return text
    return _URL.sub(lambda m: " " * len(m.group()), text)


_ANY_HALF_PUNCT = lazy_compile(r"[,;:?!()]")  # a cheap first look: most texts have none


def check_half_width_punct(plan: Plan, ctx: CheckContext) -> Findings:
    return _each_text(ctx, prose(plan), _half_width_punct)


def _half_width_punct(text: str) -> str | None:
    if not _ANY_HALF_PUNCT.search(text):
        return None
    hits = list(_HALF_PUNCT.finditer(_blank_urls(text)))
    if not hits:
        return None
    first = hits[0]
    more = f"（共{len(hits)}处）" if len(hits) > 1 else ""
    return (f"文字旁用了半角标点{more}：“{snippet(text, first.start(), first.end())}”中的"
            f"“{first.group()}”应为全角“{_TO_FULL[first.group()]}”")


_FULLWIDTH_ALNUM = lazy_compile(r"[０-９Ａ-Ｚａ-ｚ]+")
_FULL_TO_HALF = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)})


def check_full_width_alnum(plan: Plan, ctx: CheckContext) -> Findings:
    return _each_text(ctx, printed(plan), _full_width_alnum)


def _full_width_alnum(text: str) -> str | None:
    m = _FULLWIDTH_ALNUM.search(text)
    return f"的全角字符“{m.group()}”应写作半角“{m.group().translate(_FULL_TO_HALF)}”" if m else None


_PAIRS = {"“": "”", "《": "》", "（": "）", "〔": "〕", "【": "】"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_PAIR_CHARS = lazy_compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


def check_pairs(plan: Plan, ctx: CheckContext) -> Findings:
    return _each_text(ctx, prose(plan), _unbalanced)


def _unbalanced(text: str) -> str | None:
    """The first pairing mistake of “” 《》 （） 〔〕 【】 in a text, described; None when fine."""
    stack: list[tuple[str, int]] = []
    for m in _PAIR_CHARS.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in _PAIRS:
            stack.append((ch, pos))
        elif stack and stack[-1][0] == _CLOSERS[ch]:
            stack.pop()
        elif stack:
            return (f"{_MARK[stack[-1][0]]}还未闭合就出现了{_MARK[ch]}（成对的符号不能交错）："
                    f"“{snippet(text, pos, pos + 1)}”")
        else:
            return f"{_MARK[ch]}前面没有对应的{_MARK[_CLOSERS[ch]]}：“{snippet(text, pos, pos + 1)}”"
    if stack:
        ch, pos = stack[-1]
        return f"{_MARK[ch]}没有配对的{_MARK[_PAIRS[ch]]}：“{snippet(text, pos, pos + 1)}”"
    return None


# Marks named in words: “““” would be unreadable in a message.
_MARK = {"“": "左引号“", "”": "右引号”", "《": "左书名号《", "》": "右书名号》", "（": "左括号（",
         "）": "右括号）", "〔": "左六角括号〔", "〕": "右六角括号〕", "【": "左方头括号【", "】": "右方头括号】"}


# 21年底前: a two-digit year where a date is meant. Found from the 年 (re skips to a
# literal quickly), then the digits before it are looked at.
_YEAR_WORD = lazy_compile(r"年(?=底|末|初|内|度|前|上半年|下半年|第|[0-9]{1,2}月)")
# 2021-2025年: a year range joined by a hyphen or tilde instead of 一字线 —.
_DASH = lazy_compile(r"[-~～－–]")
_YEAR_RANGE = lazy_compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*[-~～－–]\s*((?:19|20)[0-9]{2})(?![0-9])")


def check_number_usage(plan: Plan, ctx: CheckContext) -> Findings:
    return _each_text(ctx, printed(plan), _number_problem)


def _number_problem(text: str) -> str | None:
    for m in _YEAR_WORD.finditer(text):
        i = m.start()
        digits = text[max(0, i - 3):i]
        if len(digits) >= 2 and digits[-2:].isdecimal() and digits[-2:].isascii() and not (
                len(digits) == 3 and digits[0].isdecimal()):
            return f"年份“{digits[-2:]}年”应写全四位（如“20{digits[-2:]}年”）"
    m = _YEAR_RANGE.search(text) if _DASH.search(text) else None
    if m and int(m.group(2)) > int(m.group(1)):
        return f"年份起止“{m.group()}”应用一字线连接：“{m.group(1)}—{m.group(2)}”"
    return None
