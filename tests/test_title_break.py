"""Title lines of the .docx notice (GB/T 9704 §7.3.1): broken between words, balanced, marks full-width."""

from __future__ import annotations

import pytest

from planwright.exporting.title_break import break_title, title_marks, width

TITLES = [
    "示例区人民政府办公室关于印发2027年示例区政务公开工作要点的通知",
    "样例市人民政府办公室关于印发样例市基层政务公开标准化规范化工作实施方案的通知",
    "样例市人民政府办公室关于印发样例市政务公开三年行动计划(2027-2029年)的通知",
    "关于印发2027年示例区政务公开重点工作任务分工的通知",
    "中共样例市委办公室 样例市人民政府办公室关于印发样例市全面推进基层政务公开标准化规范化工作实施方案的通知",
]


@pytest.mark.parametrize("title", TITLES)
def test_long_titles_break_between_words_into_balanced_lines(cut_inside, title: str) -> None:
    lines = break_title(title_marks(title), 20)
    assert "".join(lines) == title_marks(title)
    assert len(lines) >= 2 and all(width(line) <= 20 for line in lines)
    assert not cut_inside(lines), lines
    widths = [width(line) for line in lines]
    assert max(widths) - min(widths) <= 6, lines  # like lengths
    steps = [b - a for a, b in zip(widths, widths[1:])]
    diamond = len(widths) == 3 and widths[1] >= max(widths[0], widths[2])
    assert all(s >= 0 for s in steps) or all(s <= 0 for s in steps) or diamond, lines  # 梯形, 倒梯形 or 菱形
    assert not any(line.endswith("的") for line in lines) and not lines[-1] == "通知"


def test_a_short_title_stays_on_one_line() -> None:
    assert break_title("2027年示例区政务公开工作要点", 20) == ["2027年示例区政务公开工作要点"]


@pytest.mark.parametrize(("given", "printed"), [
    ("行动计划(2020-2022年)", "行动计划（2020—2022年）"),
    ("行动计划（2020－2022）", "行动计划（2020—2022）"),
    ("行动计划(2020~2022年)", "行动计划（2020—2022年）"),
    ("关于印发2021年工作要点的通知", "关于印发2021年工作要点的通知"),
])
def test_the_period_gets_full_width_brackets_and_a_dash(given: str, printed: str) -> None:
    assert title_marks(given) == printed
