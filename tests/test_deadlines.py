"""planwright.zh.deadlines: what a clerk sees for each deadline phrase they write."""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from planwright.zh.deadlines import Deadline, DeadlinePhrase, Kind, extract, parse, shift, shiftable

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# --- parse: phrases from the corpus and the brief ---------------------------------------------

# (phrase, plan year, kind, due, label)
DATED = [
    ("2020年12月31日前", None, Kind.DATE, date(2020, 12, 31), "日期"),
    ("2020年6月24日前", None, Kind.DATE, date(2020, 6, 24), "日期"),
    ("2020年6月30日前", None, Kind.DATE, date(2020, 6, 30), "日期"),
    ("2021年12月31日前", None, Kind.DATE, date(2021, 12, 31), "日期"),
    ("2022年12月31日前", None, Kind.DATE, date(2022, 12, 31), "日期"),
    ("2021年6月24日", None, Kind.DATE, date(2021, 6, 24), "日期"),
    ("6月30日前", 2023, Kind.DATE, date(2023, 6, 30), "日期"),
    ("2021年10月31日以前", None, Kind.DATE, date(2021, 10, 31), "日期"),
    ("2021年10月31号之前", None, Kind.DATE, date(2021, 10, 31), "日期"),
    ("2021.6.30", None, Kind.DATE, date(2021, 6, 30), "日期"),
    ("2021-06-30前", None, Kind.DATE, date(2021, 6, 30), "日期"),
    ("2024年2月29日", None, Kind.DATE, date(2024, 2, 29), "日期"),
    ("2021年10月底", None, Kind.MONTH_END, date(2021, 10, 31), "月底"),
    ("2021年11月底", None, Kind.MONTH_END, date(2021, 11, 30), "月底"),
    ("2021年12月底", None, Kind.MONTH_END, date(2021, 12, 31), "月底"),
    ("2021年10月底前", None, Kind.MONTH_END, date(2021, 10, 31), "月底"),
    ("2021年10月", None, Kind.MONTH_END, date(2021, 10, 31), "月底"),
    ("2021年9月份", None, Kind.MONTH_END, date(2021, 9, 30), "月底"),
    ("2024年2月底", None, Kind.MONTH_END, date(2024, 2, 29), "月底"),
    ("2023年2月末", None, Kind.MONTH_END, date(2023, 2, 28), "月底"),
    ("10月底前", 2022, Kind.MONTH_END, date(2022, 10, 31), "月底"),
    ("年底前", 2022, Kind.MONTH_END, date(2022, 12, 31), "年底"),
    ("2021年年底前", None, Kind.MONTH_END, date(2021, 12, 31), "年底"),
    ("2021年底", None, Kind.MONTH_END, date(2021, 12, 31), "年底"),
    ("2021年", None, Kind.MONTH_END, date(2021, 12, 31), "年底"),
    ("2021年度", None, Kind.MONTH_END, date(2021, 12, 31), "年底"),
    ("本年度内", 2025, Kind.MONTH_END, date(2025, 12, 31), "年底"),
    ("2020-2022年", None, Kind.MONTH_END, date(2022, 12, 31), "年底"),
    ("2021年—2022年", None, Kind.MONTH_END, date(2022, 12, 31), "年底"),
    ("2021年至2023年", None, Kind.MONTH_END, date(2023, 12, 31), "年底"),
    ("2021年10月-12月", None, Kind.MONTH_END, date(2021, 12, 31), "月底"),
    ("2021年10月下旬", None, Kind.MONTH_END, date(2021, 10, 31), "下旬"),
    ("2021年10月中旬", None, Kind.DATE, date(2021, 10, 20), "中旬"),
    ("2021年3月上旬", None, Kind.DATE, date(2021, 3, 10), "上旬"),
    ("第三季度", 2021, Kind.QUARTER, date(2021, 9, 30), "季度"),
    ("2021年第一季度", None, Kind.QUARTER, date(2021, 3, 31), "季度"),
    ("2021年第一季度末", None, Kind.QUARTER, date(2021, 3, 31), "季度"),
    ("2021年第二季度前", None, Kind.QUARTER, date(2021, 6, 30), "季度"),
    ("一季度", 2022, Kind.QUARTER, date(2022, 3, 31), "季度"),
    ("第4季度", 2022, Kind.QUARTER, date(2022, 12, 31), "季度"),
    ("上半年", 2021, Kind.HALF_YEAR, date(2021, 6, 30), "半年"),
    ("下半年", 2021, Kind.HALF_YEAR, date(2021, 12, 31), "半年"),
    ("2021年上半年", 2030, Kind.HALF_YEAR, date(2021, 6, 30), "半年"),
    ("年中", 2021, Kind.HALF_YEAR, date(2021, 6, 30), "半年"),
]


@pytest.mark.parametrize(("phrase", "plan_year", "kind", "due", "label"), DATED)
def test_dated_phrases(
    phrase: str, plan_year: int | None, kind: Kind, due: date, label: str
) -> None:
    d = parse(phrase, plan_year)
    assert (d.kind, d.due, d.label, d.reason) == (kind, due, label, "")
    assert d.phrase == phrase
    assert d.year == due.year


# Phrases that carry no calendar date of their own.
UNDATED = [
    ("每季度", Kind.RECURRING, "周期性"),
    ("每月", Kind.RECURRING, "周期性"),
    ("每半年", Kind.RECURRING, "周期性"),
    ("每年3月底前", Kind.RECURRING, "周期性"),
    ("每月10日前", Kind.RECURRING, "周期性"),
    ("定期", Kind.RECURRING, "周期性"),
    ("按季度", Kind.RECURRING, "周期性"),
    ("持续推进", Kind.CONTINUOUS, "持续"),
    ("长期坚持", Kind.CONTINUOUS, "持续"),
    ("长期", Kind.CONTINUOUS, "持续"),
    ("持续开展", Kind.CONTINUOUS, "持续"),
    ("常态化", Kind.CONTINUOUS, "持续"),
    ("全年", Kind.CONTINUOUS, "持续"),
    ("按要求", Kind.CONTINUOUS, "持续"),
    ("按上级要求", Kind.CONTINUOUS, "持续"),
    ("根据工作需要", Kind.CONTINUOUS, "持续"),
    ("及时", Kind.CONTINUOUS, "持续"),
    ("不定期", Kind.CONTINUOUS, "持续"),
]


@pytest.mark.parametrize(("phrase", "kind", "label"), UNDATED)
def test_undated_phrases_have_no_due(phrase: str, kind: Kind, label: str) -> None:
    d = parse(phrase, 2021)
    assert (d.kind, d.due, d.label) == (kind, None, label)
    assert d.year == 2021  # the plan year is kept so that Deadline.shift can move it


# (phrase, count, unit, event)
RELATIVE = [
    ("在人代会召开后20日内", 20, "日", "人代会召开"),
    ("在人代会或人大常委会召开后20日内", 20, "日", "人代会或人大常委会召开"),
    ("在财政部门预算、决算批复后的20日内", 20, "日", "财政部门预算、决算批复"),
    ("批复后的20日内", 20, "日", "批复"),
    ("20个工作日内", 20, "工作日", ""),
    ("收到申请之日起15个工作日内", 15, "工作日", "收到申请"),
    ("文件印发后30天内", 30, "日", "文件印发"),
    ("会议结束后2个月内", 2, "个月", "会议结束"),
    ("在人代会召开后二十日内", 20, "日", "人代会召开"),
]


@pytest.mark.parametrize(("phrase", "count", "unit", "event"), RELATIVE)
def test_relative_phrases(phrase: str, count: int, unit: str, event: str) -> None:
    d = parse(phrase, 2021)
    assert (d.kind, d.due, d.label) == (Kind.RELATIVE, None, "相对时限")
    assert (d.count, d.unit, d.event) == (count, unit, event)


def test_relative_without_a_number_keeps_the_event() -> None:
    d = parse("文件印发后及时公开")
    assert (d.kind, d.count, d.event) == (Kind.RELATIVE, None, "文件印发")


# --- normalisation -----------------------------------------------------------------------------

SAME_AS_2021_OCT_END = [
    "2021年10月底前完成",
    "于2021年10月底前",
    "确保于2021年10月底前全面完成",
    "  2021年10月底 ",
    "\u30002021年10月底\u3000",
    "2021年 10 月底",
    "２０２１年１０月底",
    "（2021年10月底前）",
    "(2021年10月底)。",
    "〔2021年10月底〕；",
    "2021年十月底",
    "二〇二一年十月底",
    "完成时限：2021年10月底",
]


@pytest.mark.parametrize("phrase", SAME_AS_2021_OCT_END)
def test_written_variants_of_one_month_end(phrase: str) -> None:
    d = parse(phrase)
    assert (d.kind, d.due, d.year) == (Kind.MONTH_END, date(2021, 10, 31), 2021)
    assert d.phrase == phrase.strip()  # the phrase stays as written, only stripped


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("截至2021年底", date(2021, 12, 31)),
        ("十二月底", date(2022, 12, 31)),
        ("三季度", date(2022, 9, 30)),
        ("第二季度", date(2022, 6, 30)),
        ("6月三十日前", date(2022, 6, 30)),
    ],
)
def test_chinese_numerals_and_prefixes(phrase: str, due: date) -> None:
    assert parse(phrase, 2022).due == due


def test_written_year_wins_over_plan_year() -> None:
    d = parse("2021年10月底", 2030)
    assert (d.due, d.year) == (date(2021, 10, 31), 2021)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [("年底前", Kind.MONTH_END), ("6月30日前", Kind.DATE), ("第三季度", Kind.QUARTER),
     ("上半年", Kind.HALF_YEAR), ("10月底", Kind.MONTH_END)],
)
def test_no_year_anywhere_keeps_kind_without_due(phrase: str, kind: Kind) -> None:
    d = parse(phrase)
    assert (d.kind, d.due, d.year, d.reason) == (kind, None, None, "")


@pytest.mark.parametrize("phrase", ["", "   ", "\u3000", "—", "-", "/", "无"])
def test_empty_cells_mean_no_deadline(phrase: str) -> None:
    d = parse(phrase, 2021)
    assert (d.kind, d.due, d.label) == (Kind.NONE, None, "")


# --- unparsed ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("phrase", "year", "reason"),
    [
        ("2021年2月30日", None, "日期不存在：2021年2月30日"),
        ("2021年2月29日前", None, "日期不存在：2021年2月29日"),
        ("2月29日", 2023, "日期不存在：2023年2月29日"),
        ("2月30日前", None, "日期不存在：2月30日"),
        ("2021年4月31日", None, "日期不存在：2021年4月31日"),
        ("2021年13月底", None, "月份不存在：13月"),
        ("13月", 2021, "月份不存在：13月"),
        ("2021年第5季度", None, "季度不存在：第5季度"),
        ("0000年底", None, "年份不存在：0000年"),
        ("2022-2020年", None, "起止颠倒：2022-12-31 晚于 2020-12-31"),
        ("明年", 2021, "无法识别的时限表述"),
        ("尽快吧", 2021, "无法识别的时限表述"),
        ("2021", None, "无法识别的时限表述"),
    ],
)
def test_unparsed_reasons(phrase: str, year: int | None, reason: str) -> None:
    d = parse(phrase, year)
    assert (d.kind, d.due, d.reason) == (Kind.UNPARSED, None, reason)


def test_long_sentence_with_a_keyword_is_not_continuous() -> None:
    sentence = "建立一套日常管理制度并配备查阅设备和资料架供群众使用以及安排专人值守"
    assert parse(sentence).kind is Kind.UNPARSED


# --- describe ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("phrase", "year", "line"),
    [
        ("2027年10月底", None, "→ 2027-10-31 月底"),
        ("2021年6月24日前", None, "→ 2021-06-24 日期"),
        ("年底前", 2024, "→ 2024-12-31 年底"),
        ("年底前", None, "→ 年底前（年底，年份未定）"),
        ("持续推进", 2021, "→ 持续推进（持续）"),
        ("每季度", 2021, "→ 每季度（周期性）"),
        ("在人代会召开后20日内", 2021, "→ 在人代会召开后20日内（相对时限）"),
        ("2021年2月30日", None, "无法解析：2021年2月30日（日期不存在：2021年2月30日）"),
        ("", 2021, "未填写时限"),
    ],
)
def test_describe(phrase: str, year: int | None, line: str) -> None:
    assert parse(phrase, year).describe() == line


# --- plugins -----------------------------------------------------------------------------------

HOUR_DATE = DeadlinePhrase(
    name="test-hour-date",
    pattern=r"(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日24时",
    kind=Kind.DATE,
    label="节点",
)


def test_plugin_phrase_with_named_groups() -> None:
    d = parse("2021年7月15日24时", None, [HOUR_DATE])
    assert (d.kind, d.due, d.year, d.label) == (Kind.DATE, date(2021, 7, 15), 2021, "节点")
    assert parse("2021年7月15日24时").kind is Kind.UNPARSED  # unknown without the plugin


def test_plugin_phrase_overrides_builtin_and_first_wins() -> None:
    ongoing = DeadlinePhrase("test-ongoing", r"2021年10月底", Kind.CONTINUOUS, "常年")
    other = DeadlinePhrase("test-other", r"2021年10月底", Kind.RECURRING)
    assert parse("2021年10月底", None, [ongoing, other]).label == "常年"
    assert parse("2021年10月底", None, [other, ongoing]).kind is Kind.RECURRING


def test_plugin_due_callable_gets_match_and_plan_year() -> None:
    def school_year_end(m: re.Match[str], year: int | None) -> date | None:
        return None if year is None else date(year, 7, 15)

    rule = DeadlinePhrase("test-school", r"学年结束前", Kind.DATE, due=school_year_end)
    assert parse("学年结束前", 2022, (rule,)).due == date(2022, 7, 15)
    assert parse("学年结束前", None, (rule,)).due is None


def test_plugin_pattern_sees_normalised_text() -> None:
    # Full-width digits and the surrounding brackets are gone before a plugin pattern runs.
    rule = DeadlinePhrase("test-q", r"Q(?P<quarter>\d)", Kind.QUARTER)
    d = parse("（Q３）", 2021, [rule])
    assert (d.kind, d.due) == (Kind.QUARTER, date(2021, 9, 30))


def test_plugin_impossible_date_is_unparsed() -> None:
    d = parse("2021年2月30日24时", None, [HOUR_DATE])
    assert d.kind is Kind.UNPARSED and d.reason.startswith("日期不存在")


def test_plugin_relative_groups() -> None:
    rule = DeadlinePhrase(
        "test-rel", r"(?P<event>.+?)后(?P<count>\d+)(?P<unit>工作日)办结", Kind.RELATIVE
    )
    d = parse("受理后5工作日办结", None, [rule])
    assert (d.kind, d.count, d.unit, d.event) == (Kind.RELATIVE, 5, "工作日", "受理")


def test_non_matching_plugin_leaves_builtin_result() -> None:
    assert parse("2021年10月底", None, [HOUR_DATE]).due == date(2021, 10, 31)


# --- shift -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("phrase", "years", "shifted"),
    [
        ("2021年10月底", 1, "2022年10月底"),
        ("2021年10月底前完成", 1, "2022年10月底前完成"),
        ("2020年6月24日前", 2, "2022年6月24日前"),
        ("2020-2022年", 1, "2021-2023年"),
        ("2020年—2022年", 3, "2023年—2025年"),
        ("2021至2022年", 1, "2022至2023年"),
        ("2021-06-30", 1, "2022-06-30"),
        ("（2021年12月31日前）", -1, "（2020年12月31日前）"),
        ("２０２１年１０月底", 1, "２０２２年１０月底"),
        ("2021年10月底", 0, "2021年10月底"),
        ("6月30日前", 1, "6月30日前"),
        ("年底前", 1, "年底前"),
        ("持续推进", 1, "持续推进"),
        ("在人代会召开后20日内", 1, "在人代会召开后20日内"),
        ("每年3月底前", 1, "每年3月底前"),
        ("二〇二一年底", 1, "二〇二一年底"),
        ("12345年", 1, "12345年"),
    ],
)
def test_shift_examples(phrase: str, years: int, shifted: str) -> None:
    assert shift(phrase, years) == shifted
    assert shiftable(phrase) == (shift(phrase, 1) != phrase)


def test_shift_beyond_year_9999_is_refused() -> None:
    with pytest.raises(ValueError):
        shift("9999年底", 1)


def test_deadline_shift_month_end_of_february() -> None:
    d = parse("2024年2月底").shift(1)
    assert (d.phrase, d.due, d.year) == ("2025年2月底", date(2025, 2, 28), 2025)


def test_deadline_shift_follows_plan_year_when_phrase_has_none() -> None:
    d = parse("年底前", 2021).shift(1)
    assert (d.phrase, d.due, d.year) == ("年底前", date(2022, 12, 31), 2022)


def test_deadline_shift_of_leap_day_becomes_unparsed() -> None:
    assert parse("2024年2月29日前").shift(1).reason == "日期不存在：2025年2月29日"


# --- extract -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("召开动员会议，部署全年工作（2020年6月24日前）。", ["2020年6月24日前"]),
        ("完成时限：2021年10月底", ["2021年10月底"]),
        ("做好年报工作（完成时限：2021年10月底）。", ["2021年10月底"]),
        ("2021年底前，建成平台；2022年底前，全面推广。", ["2021年底前", "2022年底前"]),
        ("各单位在11月30日前报送总结，12月31日前再次报送。", ["11月30日前", "12月31日前"]),
        ("预算在财政部门预算、决算批复后的20日内公开（持续推进）",
         ["在财政部门预算、决算批复后的20日内", "持续推进"]),
        ("自信息形成之日起20个工作日内予以公开。", ["自信息形成之日起20个工作日内"]),
        ("（2021年10月底）前完成，重申：（2021年10月底）", ["2021年10月底"]),
        ("三年行动计划（2020-2022年）", []),
        ("配齐一套日常管理制度（含值班、登记、借阅等日常管理制度）", []),
        ("本通知于2021年6月23日印发。", []),
        ("（责任单位：区财政局）", []),
        ("", []),
    ],
)
def test_extract(text: str, found: list[str]) -> None:
    assert extract(text) == found


@pytest.mark.skipif(not SEEDS.is_dir(), reason="corpus not present")
def test_extract_finds_the_milestones_of_the_three_year_plan() -> None:
    text = (SEEDS / "jiangshan-2020-2022-xingdong.txt").read_text(encoding="utf-8")
    found = extract(text)
    milestones = ["2020年6月24日前", "2020年6月26日前", "2020年6月30日前", "2020年7月31日前",
                  "2020年8月31日前", "2020年9月30日前", "2020年12月31日前"]
    assert [p for p in found if p in milestones] == milestones
    assert all(parse(p).kind is not Kind.UNPARSED for p in found)


# --- properties --------------------------------------------------------------------------------

@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
       st.sampled_from(["{y}年{m}月{d}日前", "{y}年{m}月{d}日", "于{y}年{m}月{d}日以前"]))
def test_any_real_date_parses_to_itself(day: date, template: str) -> None:
    phrase = template.format(y=day.year, m=day.month, d=day.day)
    d = parse(phrase)
    assert (d.kind, d.due, d.year) == (Kind.DATE, day, day.year)


TEMPLATES = ["{y}年{m}月底", "{y}年{m}月{d}日前", "{y}年第{q}季度", "{y}年上半年", "{y}年年底前",
             "{y}-{z}年", "截至{y}年{m}月底完成", "持续推进", "6月30日前"]


def _phrase(template: str, y: int, m: int, d: int, q: int) -> str:
    return template.format(y=y, z=y + 2, m=m, d=d, q=q)


years = st.integers(min_value=1000, max_value=8997)
offsets = st.integers(min_value=-999, max_value=999)


@given(st.sampled_from(TEMPLATES), years, st.integers(1, 12), st.integers(1, 28),
       st.integers(1, 4), offsets)
def test_shift_there_and_back(template: str, y: int, m: int, d: int, q: int, n: int) -> None:
    p = _phrase(template, y, m, d, q)
    assert shift(shift(p, n), -n) == p


_ALPHABET = "0123456789０２年月日底前至-—.季度第上下半持续（）每 "


@given(st.text(alphabet=_ALPHABET, max_size=30), st.integers(-50, 50))
def test_shift_only_rewrites_digits(text: str, n: int) -> None:
    try:
        out = shift(text, n)
    except ValueError:  # a year pushed past 9999 or below 1
        assume(False)
    # Same length, and identical once every digit is masked: nothing but year digits moved.
    assert len(out) == len(text)
    mask = re.compile(r"[0-9０-９]")
    assert mask.sub("#", out) == mask.sub("#", text)


@given(years, st.integers(1, 12), offsets)
def test_shifted_month_end_is_the_month_end_of_the_new_year(y: int, m: int, n: int) -> None:
    shifted = parse(shift(f"{y}年{m}月底", n))
    assert shifted.due == _month_end(y + n, m)


@given(years, st.integers(1, 12), st.integers(1, 28), offsets)
def test_shifted_date_moves_by_whole_years(y: int, m: int, d: int, n: int) -> None:
    original = parse(f"{y}年{m}月{d}日前")
    assert original.due is not None
    assert parse(shift(original.phrase, n)).due == original.due.replace(year=y + n)


@given(years, st.integers(1, 4), offsets)
def test_shifted_quarter_ends_in_the_new_year(y: int, q: int, n: int) -> None:
    assert parse(shift(f"{y}年第{q}季度", n)).due == _month_end(y + n, q * 3)


@given(st.sampled_from(["持续推进", "每季度", "在人代会召开后20日内", "年底前", "第三季度"]),
       years, offsets)
def test_phrases_without_a_year_follow_the_plan_year(phrase: str, y: int, n: int) -> None:
    assert not shiftable(phrase)
    before = parse(phrase, y)
    after = before.shift(n)
    assert after.phrase == phrase and after.kind is before.kind and after.year == y + n


def test_parse_returns_equal_values_for_equal_input() -> None:
    # Cached or not, a list of plugin phrases (unhashable container) is accepted.
    assert parse("2021年10月底", 2021, [HOUR_DATE]) == parse("2021年10月底", 2021, (HOUR_DATE,))
    assert isinstance(parse("持续推进"), Deadline)
