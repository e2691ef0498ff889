"""Patterns of the importer rewritten for speed behave exactly as the ones they replaced.

Each pattern below was rewritten so that the regex engine can skip through a line in C
(the character a match is about comes first; a lookbehind checks what stands before it),
or split in two, or turned from "delete and see if anything is left" into one match. A
line would import differently if any of them matched differently, so each is compared
with the form it replaced, on lines built from the pieces that matter to it.
"""

from __future__ import annotations

import itertools
import re

from planwright.importing import common, debris




def every_line(pieces: list[str], longest: int) -> list[str]:
    """Every line of up to *longest* of *pieces*: all of them, not a sample."""
    return ["".join(combo) for size in range(longest + 1) for combo in itertools.product(pieces, repeat=size)]


OLD_BUTTONS = re.compile(debris._BUTTON_WORDS)
OLD_JUNK = [re.compile(p) for p in (
    r"^(?:上一篇|下一篇|上一条|下一条)",
    r"^欢迎(?:访问|来到|光临|您访问)",
    r"浏览器不支持|下载该文档|请使用.{0,10}浏览器|建议使用.{0,20}浏览",
    r"版权所有|ICP备|ICP证|网站标识码|公网安备|技术支持[:：]|网站地图|联系我们|网站声明|最佳分辨率",
    r"^主办(?:单位)?[:：].*(?:承办|协办|标识|备案|地址|电话|维护)",
    r"^(?:地址|联系电话|电话|邮编|传真|联系方式)[:：].{0,40}(?:电话|邮编|传真|[0-9-]{7,})",
    r"^[-—－]\s*\d+\s*[-—－]$",
    r"^[.。·•|/\\\-_=*]+$",
    r"^(?:相关(?:链接|文件|稿件|阅读|新闻|解读|政策|附件)|附件下载|图片解读|文字解读|图解)\s*[:：]?\s*$",
)]
OLD_MEND = {
    debris._RUBY: re.compile(r"(?<=[\u4e00-\u9fff])[(（](?=[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
                             r"[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,7}[)）]"),
    debris._TAG: re.compile(r"</?[a-z]{1,6}>|(?<![<A-Za-z])/[a-z]{1,6}>"),
    debris._DATE_PAD: re.compile(r"(?<=[日号])[?？\ufffd]+"),
}
OLD_GAP = re.compile(r"[\u4e00-\u9fff][ \u3000\u00a0]+[\u4e00-\u9fff]")
OLD_CJK_GAP = re.compile(rf"(?<=[{common._CJK}])[ \t\u00a0\u3000\u2002\u2003\u2009]+(?=[{common._CJK}])")
OLD_SPAM_HINT = re.compile(rf"[A-Za-z \u3000]|{debris._SPAM_BRANDS}")
OLD_STRAY_DOT = re.compile(r"(?<=[。；！？”])\s*[.．·]+\s*$")


def test_a_line_of_buttons_is_what_deleting_button_words_leaves_empty() -> None:
    for line in every_line(["打印", "打印本页", "本页", "关闭", "顶部", "返回顶部", "】", " ", "小", "文"], 4):
        assert bool(debris._BUTTON_LINE_RE.fullmatch(line)) == (not OLD_BUTTONS.sub("", line)), line


def test_frame_lines_are_found_as_by_the_nine_patterns() -> None:
    for line in every_line(["上一篇", "欢迎访问", "主办：", "承办", "电话：", "12345678", "—", "3", "版权所有", "请使用",
                            "浏览器", "相关链接", ".", "=", "公", " "], 3):
        found = bool(debris._JUNK_START_RE.match(line) or debris._JUNK_ANYWHERE_RE.search(line))
        assert found == any(r.search(line) for r in OLD_JUNK), line


def test_mending_removes_what_it_removed() -> None:
    for line in every_line(["公", "(", "（", ")", "kāi", "a", "<", "/", "p", ">", "A", "日", "?", "\ufffd"], 5):
        for new, old in OLD_MEND.items():
            assert re.sub(new, "", line) == old.sub("", line), line


def test_gaps_spam_and_stray_dots_are_found_as_before() -> None:
    for line in every_line(["政", " ", "\u3000", "\u00a0", "\t", "A", "1", "。", "“", "开云", "x", ".", "·", "”"], 5):
        assert bool(debris._GAP_RE.search(line)) == bool(OLD_GAP.search(line)), line
        assert common._CJK_GAP_RE.sub("", line) == OLD_CJK_GAP.sub("", line), line
        hint = debris._SPAM_HINT_RE.search(line) or debris._SPAM_BRANDS_RE.search(line)
        assert bool(hint) == bool(OLD_SPAM_HINT.search(line)), line
        if not any(dot in line for dot in ".．·"):  # the cheap test that now guards the pattern
            assert OLD_STRAY_DOT.sub("", line) == line


def test_the_pieces_reach_every_pattern() -> None:
    """The lines above do exercise each pattern (a test of nothing would pass too)."""
    assert debris._BUTTON_LINE_RE.fullmatch("打印本页 【关闭】")
    assert not debris._BUTTON_LINE_RE.fullmatch("打印本页关闭文件")
    assert debris._JUNK_START_RE.match("主办：示例区政府 承办：区政府办")
    assert re.sub(debris._RUBY, "", "公开(kāi)") == "公开"
    assert re.sub(debris._TAG, "", "公开</span>政务") == "公开政务"
    assert re.sub(debris._DATE_PAD, "", "2024年2月1日???") == "2024年2月1日"
    assert common._CJK_GAP_RE.sub("", "政务 公开") == "政务公开"


OLD_CANDIDATE = re.compile(
    r"(?:(?<=[。！？!?）)])|(?<=[ \t\u00a0\u3000])(?<![ \t\u00a0\u3000]{2}))[ \t\u00a0\u3000]*+"
    r"(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])"
)


def test_run_in_markers_are_found_where_they_were(monkeypatch) -> None:
    from planwright.importing import runin

    lines = [f"总体要求{line}" for line in every_line(["。", "）", ")", " ", "\u3000", "一、", "二、", "（一）", "1、", "2.", "x"], 4)]
    new = [runin._marker_starts(line) for line in lines]
    monkeypatch.setattr(runin, "_CANDIDATE_RE", OLD_CANDIDATE)
    assert [runin._marker_starts(line) for line in lines] == new
    assert runin._marker_starts("总体要求。一、加强公开 二、做好解读") == [5, 12]


def _old_candidates(text: str) -> list[tuple[int, int]]:
    """deadlines._candidates before each pattern was guarded by the words its matches hold."""
    from planwright.zh import deadlines as d

    spans: list[tuple[int, int]] = []
    for m in d._INLINE_BRACKET_RE.finditer(text):  # the bracketed part is unchanged
        inner = m.group(1).strip()
        if d._PERIOD_ONLY_RE.fullmatch(inner) or "：" in inner or ":" in inner:
            continue
        kind = d.parse(inner).kind
        if kind in d._DATED_KINDS or kind is d.Kind.RELATIVE or (
            kind in (d.Kind.CONTINUOUS, d.Kind.RECURRING) and len(inner) <= d._BRACKET_KEYWORD_MAX
        ):
            spans.append(m.span(1))
    spans += [m.span(1) for m in d._INLINE_CAPTION_RE.finditer(text)]
    spans += [m.span() for m in d._INLINE_DATED_RE.finditer(text) if d._is_inline_dated(m.group())]
    spans += [m.span() for m in d._INLINE_RELATIVE_RE.finditer(text)]
    return spans


def test_deadline_phrases_are_found_where_they_were() -> None:
    from planwright.zh import deadlines

    pieces = ["2024年", "6月", "底", "前", "年", "末", "三", "季度", "上", "半年", "在", "后", "5个工作日", "内", "自",
              "之日起", "完成时限：", "度", "，"]
    for text in every_line(pieces, 3):
        assert deadlines._candidates(text) == _old_candidates(text), text
    assert deadlines.extract("在收到通知后5个工作日内完成，2024年6月底前报送") == ["在收到通知后5个工作日内", "2024年6月底前"]
