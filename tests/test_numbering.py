"""Chinese numerals and outline markers (planwright.zh.numbering)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwright.zh.numbering import (
    Heading,
    Level,
    from_chinese,
    marker,
    parse_heading,
    path_label,
    strip_heading,
    to_chinese,
)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "零"),
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (111, "一百一十一"),
        (999, "九百九十九"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (2021, "二千零二十一"),
        (9999, "九千九百九十九"),
        (10000, "一万"),
        (10010, "一万零一十"),
        (100000, "十万"),
        (100001, "十万零一"),
        (120000, "十二万"),
        (100000000, "一亿"),
        (100010000, "一亿零一万"),
    ],
)
def test_to_chinese_and_back(n: int, text: str) -> None:
    assert to_chinese(n) == text
    assert from_chinese(text) == n


@pytest.mark.parametrize("bad", [-1, 10**12, 1.5, True])
def test_to_chinese_rejects(bad: object) -> None:
    with pytest.raises(ValueError):
        to_chinese(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("〇", 0),
        ("一〇一", 101),
        ("二〇二一", 2021),
        ("一百〇一", 101),
        ("两百", 200),
        ("两千零二", 2002),
        ("十", 10),
        ("一十", 10),
        ("一十五", 15),
        ("廿", 20),
        ("廿三", 23),
        ("卅", 30),
        ("一百一", 110),
        ("三千五", 3500),
        ("三万五", 35000),
        ("壹佰贰拾叁", 123),
        ("  七  ", 7),
    ],
)
def test_from_chinese_tolerant(text: str, n: int) -> None:
    assert from_chinese(text) == n


@pytest.mark.parametrize("bad", ["", "abc", "12", "一是", "十四五", "十十", "百千", "一二三四五x", "万"])
def test_from_chinese_rejects_non_numerals(bad: str) -> None:
    with pytest.raises(ValueError, match="numeral"):
        from_chinese(bad)


@given(st.integers(min_value=0, max_value=10**8))
def test_roundtrip_large(n: int) -> None:
    assert from_chinese(to_chinese(n)) == n


def test_roundtrip_exhaustive_to_9999() -> None:
    seen = set()
    for n in range(1, 10000):
        text = to_chinese(n)
        assert from_chinese(text) == n
        seen.add(text)
    assert len(seen) == 9999


@pytest.mark.parametrize(
    ("level", "index", "expected"),
    [
        (Level.POINT, 1, "一、"),
        (Level.POINT, 12, "十二、"),
        (Level.TASK, 3, "（三）"),
        (Level.TASK, 10, "（十）"),
        (Level.ITEM, 4, "4."),
        (Level.SUBITEM, 5, "（5）"),
    ],
)
def test_marker(level: Level, index: int, expected: str) -> None:
    assert marker(level, index) == expected


def test_marker_rejects_zero() -> None:
    with pytest.raises(ValueError):
        marker(Level.ITEM, 0)


@pytest.mark.parametrize(
    ("indices", "label"),
    [
        ([], ""),
        ([1], "一"),
        ([2, 3], "二/（三）"),
        ([2, 3, 4], "二/（三）/4"),
        ([1, 11, 2, 7], "一/（十一）/2/（7）"),
        ([1, 1, 1, 1, 9], "一/（一）/1/（1）/9"),
    ],
)
def test_path_label(indices: list[int], label: str) -> None:
    assert path_label(indices) == label


@given(st.sampled_from(list(Level)), st.integers(min_value=1, max_value=99))
def test_marker_parse_roundtrip(level: Level, index: int) -> None:
    heading = parse_heading(marker(level, index) + "做好公开工作")
    assert heading == Heading(level, index, marker(level, index), "做好公开工作")


@pytest.mark.parametrize(
    ("line", "level", "number", "rest"),
    [
        ("一、总体要求", Level.POINT, 1, "总体要求"),
        ("　　二、工作任务", Level.POINT, 2, "工作任务"),
        ("  三、保障", Level.POINT, 3, "保障"),
        ("\ufeff四、保障", Level.POINT, 4, "保障"),
        ("一.总体", Level.POINT, 1, "总体"),
        ("一．总体", Level.POINT, 1, "总体"),
        ("—、总体", Level.POINT, 1, "总体"),
        ("一 、总体", Level.POINT, 1, "总体"),
        ("十二、其他", Level.POINT, 12, "其他"),
        ("一、", Level.POINT, 1, ""),
        ("（一）推进决策公开", Level.TASK, 1, "推进决策公开"),
        ("(二)推进决策公开", Level.TASK, 2, "推进决策公开"),
        ("（三)推进", Level.TASK, 3, "推进"),
        ("(四）推进", Level.TASK, 4, "推进"),
        ("( 五 )推进", Level.TASK, 5, "推进"),
        ("（十一）推进", Level.TASK, 11, "推进"),
        ("1.公开规划", Level.ITEM, 1, "公开规划"),
        ("2、公开规划", Level.ITEM, 2, "公开规划"),
        ("3．公开规划", Level.ITEM, 3, "公开规划"),
        ("４．公开规划", Level.ITEM, 4, "公开规划"),
        ("１２．公开规划", Level.ITEM, 12, "公开规划"),
        ("5 .公开规划", Level.ITEM, 5, "公开规划"),
        ("43.最后一行", Level.ITEM, 43, "最后一行"),
        ("（1）细项", Level.SUBITEM, 1, "细项"),
        ("(2)细项", Level.SUBITEM, 2, "细项"),
        ("（3)细项", Level.SUBITEM, 3, "细项"),
        ("①细项", Level.SUBITEM, 1, "细项"),
        ("⑩细项", Level.SUBITEM, 10, "细项"),
        ("⑳细项", Level.SUBITEM, 20, "细项"),
        ("㉑细项", Level.SUBITEM, 21, "细项"),
        ("㊿细项", Level.SUBITEM, 50, "细项"),
    ],
)
def test_parse_heading(line: str, level: Level, number: int, rest: str) -> None:
    heading = parse_heading(line)
    assert heading is not None
    assert (heading.level, heading.number, heading.rest) == (level, number, rest)


def test_heading_keeps_printed_marker() -> None:
    heading = parse_heading("(一）推进")
    assert heading is not None and heading.marker == "(一）"


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "2021年政务公开工作要点",
        "1.5亿元用于补助",
        "3.2%的增长",
        "6.30前完成",
        "12",
        "1.",
        "（1）",
        "“十四五”规划纲要",
        "十四五规划",
        "一是加强组织领导",
        "二是强化考核",
        "第一，加强领导",
        "第一条 总则",
        "（十四五）",
        "（2020年6月24日前）",
        "(计划)",
        "0.开头",
        "（0）开头",
        "12345市民服务热线",
        "5G等新技术",
        "2021.6.30前",
        "一.5倍",
        "政务公开",
    ],
)
def test_not_a_heading(line: str) -> None:
    assert parse_heading(line) is None


@pytest.mark.parametrize(
    ("line", "stripped"),
    [
        ("　一、总体要求", "总体要求"),
        ("（二）公开 ", "公开"),
        ("3.事项", "事项"),
        ("　一是加强", "一是加强"),
        ("普通段落", "普通段落"),
    ],
)
def test_strip_heading(line: str, stripped: str) -> None:
    assert strip_heading(line) == stripped


@given(st.text(max_size=30))
def test_parse_heading_never_crashes(line: str) -> None:
    heading = parse_heading(line)
    if heading is not None:
        assert heading.number >= 1
        assert heading.marker in line
