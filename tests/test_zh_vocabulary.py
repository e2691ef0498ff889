"""One bracket scanner and one vocabulary of role words, seen through what a notice reader returns."""

from __future__ import annotations

import pytest

from planwright.importing.attribution import Attributor
from planwright.importing.tables import role_of
from planwright.importing.textutil import split_heading_sentence
from planwright.zh import brackets, units


def test_every_bracket_kind_groups_and_mismatched_kinds_pair_up() -> None:
    text = "甲（一）乙(二)丙〔三〕丁[四]戊【五】己［六］庚（七)"
    groups = [text[a:b] for a, b in brackets.bracket_groups(text)]
    assert groups == ["（一）", "(二)", "〔三〕", "[四]", "【五】", "［六］", "（七)"]


def test_nested_groups_are_one_group_and_an_unclosed_opener_ends_the_scan() -> None:
    text = "做好公开（依照《条例》（2019年修订）执行）。再做（未完"
    assert [text[a:b] for a, b in brackets.bracket_groups(text)] == ["（依照《条例》（2019年修订）执行）"]
    assert brackets.group_start("甲（乙【丙】丁）") == 1


def test_a_heading_sentence_does_not_end_inside_quotes_or_brackets() -> None:
    title, rest = split_heading_sentence("推进“放管服。改革”公开（含下属单位。）。其余内容。")
    assert title == "推进“放管服。改革”公开（含下属单位。）"
    assert rest == "其余内容。"


def test_unit_lists_split_only_outside_brackets_of_any_kind() -> None:
    assert units.split_units("各乡镇〔街道、社区〕、区财政局") == ["各乡镇〔街道、社区〕", "区财政局"]


@pytest.mark.parametrize(
    ("bracket", "lead", "support"),
    [
        ("（牵头单位：区政府办；协同单位：区财政局）", ("区政府办",), ("区财政局",)),
        ("（主责单位：区教育局）", ("区教育局",), ()),
        ("〔责任科室：办公室〕", ("办公室",), ()),
        ("（区发展改革局牵头，区统计局协同落实）", ("区发展改革局",), ("区统计局",)),
    ],
)
def test_every_role_word_is_known_to_the_attribution_patterns(bracket: str, lead: tuple, support: tuple) -> None:
    found = units.parse_attribution(bracket)
    assert found is not None and (found.lead, found.support) == (lead, support)


def test_clauses_read_their_role_from_the_same_words() -> None:
    found = Attributor(()).verb_clauses("区政府办牵头，区财政局承办，区审计局协同")
    assert found is not None
    assert (found.lead, found.support) == (("区政府办",), ("区财政局", "区审计局"))


@pytest.mark.parametrize(("caption", "role"), [("主责单位", "lead"), ("协同单位", "support"),
                                                ("牵头责任单位", "lead"), ("时间节点", "deadline")])
def test_table_captions_use_the_same_labels(caption: str, role: str) -> None:
    assert role_of(caption) == role


def test_an_opener_never_closed_is_found_after_the_closed_groups() -> None:
    text = "甲（乙）丙【丁〔戊"
    assert brackets.unclosed_opener(text) == 5
    assert brackets.unclosed_opener("甲（乙）") == -1
