"""Attribution parsing, unit-list splitting and the unit registry (planwright.zh.units)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwright.zh import units as units_mod
from planwright.zh.units import (
    BUILTIN_PATTERNS,
    Attribution,
    AttributionPattern,
    Registry,
    Unit,
    find_attributions,
    looks_like_unit,
    parse_attribution,
    parse_unit_cell,
    split_trailing_attribution,
    split_units,
    strip_level_prefix,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"


# ---------------------------------------------------------------------------
# split_units


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("区财政局", ["区财政局"]),
        ("区财政局、区民政局", ["区财政局", "区民政局"]),
        ("区财政局，各街道办事处", ["区财政局", "各街道办事处"]),
        ("区财政局,各街道办事处", ["区财政局", "各街道办事处"]),
        ("区财政局；各街道办事处", ["区财政局", "各街道办事处"]),
        ("区财政局;各街道办事处", ["区财政局", "各街道办事处"]),
        (" 区财政局 、 区民政局 ", ["区财政局", "区民政局"]),
        ("区财政局\u3000、区民政局", ["区财政局", "区民政局"]),
        # 和 / 及 between two units
        ("各县区政府和开发区管委会", ["各县区政府", "开发区管委会"]),
        ("市委办和市政府办", ["市委办", "市政府办"]),
        ("市直各部门及各乡镇", ["市直各部门", "各乡镇"]),
        ("甲局、乙局和丙中心", ["甲局", "乙局", "丙中心"]),
        # 和 inside one name
        ("市人力资源和社会保障局", ["市人力资源和社会保障局"]),
        ("区住房和城乡建设局", ["区住房和城乡建设局"]),
        ("区教育和体育局", ["区教育和体育局"]),
        ("市工业和信息化局、市文化和旅游局", ["市工业和信息化局", "市文化和旅游局"]),
        ("市场监督管理局", ["市场监督管理局"]),
        ("市人力资源和社会保障局和市住房和城乡建设局", ["市人力资源和社会保障局", "市住房和城乡建设局"]),
        # trailing qualifiers
        ("区财政局、区民政局等有关部门", ["区财政局", "区民政局"]),
        ("区财政局等", ["区财政局"]),
        ("区财政局等相关部门", ["区财政局"]),
        ("区财政局等有关单位", ["区财政局"]),
        ("甲局、乙局等市直有关单位", ["甲局", "乙局"]),
        ("甲局等部门，各街道办事处", ["甲局", "各街道办事处"]),
        ("甲局等10个部门", ["甲局"]),
        ("市属高等院校", ["市属高等院校"]),
        # brackets
        ("各乡镇(街道)", ["各乡镇（街道）"]),
        ("市直各单位、各乡镇(街道)", ["市直各单位", "各乡镇（街道）"]),
        ("各村（社区、小区）", ["各村（社区、小区）"]),
        ("各乡镇（街道)", ["各乡镇（街道）"]),
        # kept as printed, even a run-together typo
        ("生态环境分局市场监管局", ["生态环境分局市场监管局"]),
        ("", []),
        ("、，", []),
        ("等有关部门", []),
    ],
)
def test_split_units(text: str, names: list[str]) -> None:
    assert split_units(text) == names


_PREFIX = st.sampled_from(["市", "区", "县", "", "各", "市政府"])
_CORE = st.text(alphabet="财政民卫健农业水利交通审计统计信访档案", min_size=1, max_size=6)
_SUFFIX = st.sampled_from(["局", "委", "办", "中心", "办公室", "街道办事处", "管委会", "公司"])
_UNIT = st.builds(lambda p, c, s: p + c + s, _PREFIX, _CORE, _SUFFIX)


@given(
    st.lists(_UNIT, min_size=1, max_size=8),
    st.lists(st.sampled_from(["、", "，", ",", "；", ";", "和", "及"]), min_size=8, max_size=8),
    st.sampled_from(["", "等", "等有关部门", "等相关单位", "等市直有关单位"]),
)
def test_split_units_recovers_generated_lists(names: list[str], seps: list[str], qualifier: str) -> None:
    text = "".join(name + sep for name, sep in zip(names, seps))[:-1] + qualifier
    assert split_units(text) == names


@given(st.text(max_size=40))
def test_split_units_never_empty_never_invents(text: str) -> None:
    out = split_units(text)
    assert all(out)
    normalised = text.replace("(", "（").replace(")", "）")
    pool = list(normalised)
    for ch in "".join(out):
        assert ch in pool, ch  # every character comes from the input, used at most once
        pool.remove(ch)


# ---------------------------------------------------------------------------
# parse_attribution: every built-in form


@pytest.mark.parametrize(
    ("text", "lead", "support", "deadline"),
    [
        ("（责任单位：甲局，乙局）", ["甲局", "乙局"], [], ""),
        ("责任单位：甲局、乙局", ["甲局", "乙局"], [], ""),
        ("(责任单位:甲局,各乡镇(街道))", ["甲局", "各乡镇（街道）"], [], ""),
        ("（责任单位： 甲局 ， 乙局 ）", ["甲局", "乙局"], [], ""),
        ("责任单位：甲局、各乡镇（街道）。", ["甲局", "各乡镇（街道）"], [], ""),
        ("（甲局牵头落实，乙局配合落实）", ["甲局"], ["乙局"], ""),
        ("(甲局牵头落实,乙局、丙委配合落实)", ["甲局"], ["乙局", "丙委"], ""),
        ("（甲局牵头，乙局配合）", ["甲局"], ["乙局"], ""),
        ("（甲局牵头负责，乙局配合）", ["甲局"], ["乙局"], ""),
        ("（甲局、乙委分别牵头落实）", ["甲局", "乙委"], [], ""),
        ("（甲局、乙委按职责分工分别牵头落实）", ["甲局", "乙委"], [], ""),
        ("（甲局、乙委牵头落实）", ["甲局", "乙委"], [], ""),
        ("（甲局牵头落实）", ["甲局"], [], ""),
        ("（甲局牵头，市政府各相关部门负责落实）", ["甲局"], ["市政府各相关部门"], ""),
        ("（甲局牵头落实，乙局、丙委分别落实）", ["甲局"], ["乙局", "丙委"], ""),
        ("（甲局、乙委分别牵头落实，各县区政府和开发区管委会配合落实）",
         ["甲局", "乙委"], ["各县区政府", "开发区管委会"], ""),
        ("（甲局会同有关部门落实）", ["甲局"], ["有关部门"], ""),
        ("（甲局会同乙局落实）", ["甲局"], ["乙局"], ""),
        ("（甲局负责落实）", ["甲局"], [], ""),
        ("（甲局、乙委分别落实）", ["甲局", "乙委"], [], ""),
        ("（甲局负责）", ["甲局"], [], ""),
        ("（甲局落实）", ["甲局"], [], ""),
        ("（由各单位负责落实）", ["各单位"], [], ""),
        ("（各县区政府和开发区管委会、市政府各部门负责落实）",
         ["各县区政府", "开发区管委会", "市政府各部门"], [], ""),
        ("（甲局负责落实，完成时限：2022年6月底）", ["甲局"], [], "2022年6月底"),
        ("（牵头单位：甲局；责任单位：乙局、丙委；完成时限：2022年10月底）",
         ["甲局"], ["乙局", "丙委"], "2022年10月底"),
        ("（牵头单位：甲局；配合单位：乙局）", ["甲局"], ["乙局"], ""),
        ("〔牵头单位：甲局；责任单位：乙局〕", ["甲局"], ["乙局"], ""),
        ("（牵头单位:甲局;配合单位:乙局;完成时限:持续推进）", ["甲局"], ["乙局"], "持续推进"),
        ("（牵头单位：甲局）", ["甲局"], [], ""),
        ("（责任单位：甲局；完成时限：2022年12月底前）", ["甲局"], [], "2022年12月底前"),
        ("（责任单位：甲局，时限：6月底前）", ["甲局"], [], "6月底前"),
        ("（责任单位：甲局、乙局，时限要求：持续推进）", ["甲局", "乙局"], [], "持续推进"),
        ("（责任单位：甲局；配合单位：乙局）", ["甲局"], ["乙局"], ""),
        ("（甲局牵头，乙局配合，完成时限：2022年底）", ["甲局"], ["乙局"], "2022年底"),
        ("（责任单位：区财政局等有关部门，各街道办事处）", ["区财政局", "各街道办事处"], [], ""),
        # traditional characters: labels recognised, names kept as printed
        ("（責任單位：區財政局、各鄉鎮(街道)）", ["區財政局", "各鄉鎮（街道）"], [], ""),
        ("（甲局牽頭落實，乙局配合落實）", ["甲局"], ["乙局"], ""),
        ("（牽頭單位：甲局；責任單位：乙局；完成時限：年底）", ["甲局"], ["乙局"], "年底"),
        ("（甲局負責落實）", ["甲局"], [], ""),
    ],
)
def test_parse_attribution(text: str, lead: list[str], support: list[str], deadline: str) -> None:
    found = parse_attribution(text)
    assert found is not None, text
    assert (list(found.lead), list(found.support), found.deadline) == (lead, support, deadline)
    assert found.pattern


@pytest.mark.parametrize(
    "text",
    [
        "（计划）",
        "(计划)",
        "（2020年6月24日前）",
        "（虚拟现实）",
        "(PPP)",
        "（国务院令第1号）",
        "(某办发〔2016〕19号)",
        "（此件公开发布）",
        "（单位）",
        "（街道）",
        "（2016年以后制定的）",
        "（财政）",
        "（落实）",
        "（负责）",
        "（责任单位：）",
        "（",
        "",
        "（按要求抓好落实）",
        "（确保各项任务落实）",
        "（具体工作要认真落实）",
        "（全市落实）",
        "（本区负责）",
    ],
)
def test_not_an_attribution(text: str) -> None:
    assert parse_attribution(text) is None


def test_extra_patterns_come_first() -> None:
    custom = AttributionPattern(
        name="test-host",
        regex=r"主办：(?P<lead>.+?)(?:；协办：(?P<support>.+))?",
        style="test",
        priority=5,
    )
    found = parse_attribution("（主办：甲局；协办：乙局、丙局）", [custom])
    assert found == Attribution(("甲局",), ("乙局", "丙局"), "", "test-host")
    assert parse_attribution("（主办：甲局）") is None  # not a built-in form


def test_pattern_support_default() -> None:
    custom = AttributionPattern(
        name="with-all", regex=r"(?P<lead>.+?)联合各方推进", support=None,
        support_default=("各有关单位",),
    )
    found = parse_attribution("（甲局联合各方推进）", [custom])
    assert found is not None and found.support == ("各有关单位",)


def test_custom_pattern_overrides_builtin_by_order() -> None:
    custom = AttributionPattern(name="all-lead", regex=r"(?P<lead>[^：]+?)牵头落实，(?P<x>.+)配合落实",
                                support=None, priority=1)
    found = parse_attribution("（甲局牵头落实，乙局配合落实）", [custom])
    assert found is not None and found.pattern == "all-lead" and found.support == ()


def test_builtin_patterns_are_well_formed() -> None:
    names = [p.name for p in BUILTIN_PATTERNS]
    assert len(names) == len(set(names))
    for pattern in BUILTIN_PATTERNS:
        groups = pattern.compiled.groupindex
        for group in (pattern.lead, pattern.support, pattern.deadline):
            assert group is None or group in groups, (pattern.name, group)


@pytest.mark.parametrize(
    ("name", "ok"),
    [("区财政局", True), ("各街道办事处", True), ("市直有关单位", True), ("各乡镇（街道）", True),
     ("团市委", True), ("市妇联", True), ("社会", False), ("按要求抓好", False), ("", False),
     ("甲局牵头落实", False)],
)
def test_looks_like_unit(name: str, ok: bool) -> None:
    assert looks_like_unit(name) is ok


# ---------------------------------------------------------------------------
# Table cells


def test_parse_unit_cell_all_lead() -> None:
    cell = parse_unit_cell("政府办、市直各单位、各乡镇(街道)")
    assert cell.lead == ("政府办", "市直各单位", "各乡镇（街道）")
    assert cell.support == ()
    assert parse_unit_cell("甲局、乙局等").lead == ("甲局", "乙局")
    assert parse_unit_cell("").lead == ()


def test_parse_unit_cell_honours_roles() -> None:
    cell = parse_unit_cell("甲局牵头，乙局配合")
    assert (cell.lead, cell.support) == (("甲局",), ("乙局",))


# ---------------------------------------------------------------------------
# Attributions inside paragraphs


@pytest.mark.parametrize(
    ("paragraph", "head", "lead"),
    [
        ("做好公开工作。（责任单位：甲局）", "做好公开工作。", ("甲局",)),
        ("做好公开工作。（责任单位：甲局）。", "做好公开工作。", ("甲局",)),
        ("做好公开工作（责任单位：甲局）。", "做好公开工作。", ("甲局",)),
        ("做好公开工作（甲局牵头落实）；", "做好公开工作；", ("甲局",)),
        ("做好公开工作。(甲局牵头落实)  ", "做好公开工作。", ("甲局",)),
        ("做好公开工作。（甲局牵头落实)", "做好公开工作。", ("甲局",)),
        ("做好公开工作。(甲局牵头落实）", "做好公开工作。", ("甲局",)),
        ("做好公开工作。（责任单位：甲局、各乡镇(街道)）", "做好公开工作。", ("甲局", "各乡镇（街道）")),
        ("（一）标题。公开（计划）内容。（责任单位：甲局）", "（一）标题。公开（计划）内容。", ("甲局",)),
    ],
)
def test_split_trailing_attribution(paragraph: str, head: str, lead: tuple[str, ...]) -> None:
    rest, found = split_trailing_attribution(paragraph)
    assert found is not None
    assert rest == head
    assert found.lead == lead


@pytest.mark.parametrize(
    "paragraph",
    [
        "做好历史规划（计划）的整理。",
        "成立领导小组（2020年6月24日前）。",
        "（责任单位：甲局）之后还有正文。",
        "普通的一段话",
        "",
        "运用VR（虚拟现实）",
        "落实（甲局牵头落实）后又（计划）",
    ],
)
def test_split_trailing_attribution_none(paragraph: str) -> None:
    assert split_trailing_attribution(paragraph) == (paragraph, None)


def test_find_attributions_each_sentence_group() -> None:
    text = "第一件事。（甲局牵头落实）第二件事（计划）。（乙局、丙委负责落实）"
    found = find_attributions(text)
    assert [(text[s:e], a.lead) for s, e, a in found] == [
        ("（甲局牵头落实）", ("甲局",)),
        ("（乙局、丙委负责落实）", ("乙局", "丙委")),
    ]
    assert find_attributions("没有括号") == []


# ---------------------------------------------------------------------------
# Corpus: the published notices


_ROLE_WORDS = re.compile(r"责任单位|牵头|落实|负责|配合")


def _paragraphs(doc: str) -> list[str]:
    text = (SHARED / "seeds" / doc).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _ends_with_attribution_bracket(paragraph: str) -> bool:
    # Independent, loose detection: closes with a bracket whose content names a role.
    core = paragraph.rstrip("。；; ")
    if not core or core[-1] not in "）)":
        return False
    opener = max(core.rfind("（"), core.rfind("("))
    return opener >= 0 and bool(_ROLE_WORDS.search(core[opener:]))


def _truth_units(doc: str) -> tuple[set[str], set[str]]:
    truth = json.loads((SHARED / "truth" / doc.replace(".txt", ".json")).read_text(encoding="utf-8"))
    lead: set[str] = set()
    support: set[str] = set()
    for point in truth["points"]:
        for node in [t for t in point["tasks"]] + [i for t in point["tasks"] for i in t["items"]]:
            lead.update(node["lead"])
            support.update(node["support"])
    return lead, support


@pytest.mark.parametrize("doc", ["huaiyin-2021-yaodian.txt", "dalian-2016-yaodian.txt"])
def test_corpus_attributions(doc: str) -> None:
    if not (SHARED / "seeds" / doc).exists():
        pytest.skip("corpus not available")
    lead: set[str] = set()
    support: set[str] = set()
    seen = 0
    for paragraph in _paragraphs(doc):
        rest, found = split_trailing_attribution(paragraph)
        if _ends_with_attribution_bracket(paragraph):
            assert found is not None, paragraph[-40:]
        if found is not None:
            seen += 1
            assert rest and not rest.endswith(("）)"))
            lead.update(found.lead)
            support.update(found.support)
    assert seen > 15
    assert (lead, support) == _truth_units(doc)


@pytest.mark.parametrize("doc", ["ningguo-2021-yaodian.txt", "jiangshan-2020-2022-xingdong.txt"])
def test_corpus_cells_look_like_units(doc: str) -> None:
    # Every lead unit the truth files give for table/labelled documents reads as a unit.
    if not (SHARED / "truth" / doc.replace(".txt", ".json")).exists():
        pytest.skip("corpus not available")
    lead, support = _truth_units(doc)
    assert lead and all(looks_like_unit(name) for name in lead | support)
    for name in lead:
        assert split_units(name) == [name]


# ---------------------------------------------------------------------------
# Registry


@pytest.mark.parametrize(
    ("name", "stripped"),
    [
        ("市财政局", "财政局"),
        ("区财政局", "财政局"),
        ("县财政局", "财政局"),
        ("乡财政所", "财政所"),
        ("财政局", "财政局"),
        ("市场监管局", "市场监管局"),
        ("市市场监管局", "市场监管局"),
        ("市政府办", "政府办"),
        ("市政管理处", "市政管理处"),
        ("乡镇卫生院", "乡镇卫生院"),
        ("市直各单位", "市直各单位"),
        ("市级各部门", "市级各部门"),
        ("区县政府", "区县政府"),
        ("区委", "区委"),
        ("县域经济办", "县域经济办"),
    ],
)
def test_strip_level_prefix(name: str, stripped: str) -> None:
    assert strip_level_prefix(name) == stripped


@pytest.fixture
def registry() -> Registry:
    return Registry(
        [
            Unit("市政府办公室", ("市政府办", "政府办"), "部门"),
            Unit("区财政局", (), "部门"),
            Unit("市民政局", ("民政局",), "部门"),
            Unit("各乡镇（街道）", ("各乡镇(街道)",), "统称"),
            Unit("市教育局", (), "部门"),
            Unit("县教育局", (), "部门"),
            Unit("公安局", (), "部门"),
        ]
    )


def test_registry_canonical(registry: Registry) -> None:
    assert registry.canonical("市政府办公室") == "市政府办公室"
    assert registry.canonical("政府办") == "市政府办公室"
    assert registry.canonical(" 市政府办 ") == "市政府办公室"
    assert registry.canonical("各乡镇(街道)") == "各乡镇（街道）"
    assert registry.canonical("各乡镇 （街道）") == "各乡镇（街道）"
    assert registry.canonical("无此单位") is None


def test_registry_level_prefix_fallback(registry: Registry) -> None:
    assert registry.canonical("财政局") == "区财政局"  # one registered unit strips to it
    assert registry.canonical("教育局") is None  # 市教育局 and 县教育局: ambiguous
    assert registry.canonical("区公安局") == "公安局"  # registered bare name
    assert registry.canonical("市财政局") is None  # a different level is a different unit


def test_registry_contains_names_same(registry: Registry) -> None:
    assert "政府办" in registry
    assert "财政局" in registry
    assert "无此单位" not in registry
    assert 3 not in registry
    assert registry.names()[:2] == ["市政府办公室", "区财政局"]
    assert len(registry) == 7
    assert registry.same_unit("政府办", "市政府办公室")
    assert registry.same_unit("财政局", "区财政局")
    assert not registry.same_unit("市教育局", "县教育局")
    assert registry.same_unit("未登记局", "未登记局")
    assert not registry.same_unit("未登记局", "另一个局")
    unit = registry.unit("政府办")
    assert unit is not None and unit.kind == "部门"


def test_registry_nearest(registry: Registry) -> None:
    best = registry.nearest("市政府办公厅")
    assert best[0][0] == "市政府办公室"
    assert 0 <= best[0][1] <= 100
    top = registry.nearest("市教育", limit=2)
    assert {n for n, _ in top} == {"市教育局", "县教育局"}
    assert len(registry.nearest("局", limit=100)) == len(registry)
    assert Registry([]).nearest("甲") == []


def test_registry_merged(registry: Registry) -> None:
    plan = Registry([Unit("区财政局", ("财政", "财政局"), "部门"), Unit("区审计局"), Unit("民政所", ("民政局",))])
    merged = registry.merged(plan)
    assert merged.canonical("财政") == "区财政局"
    assert merged.canonical("区审计局") == "区审计局"
    assert merged.canonical("民政局") == "民政所"  # the plan's alias wins over the base's
    assert merged.canonical("政府办") == "市政府办公室"  # base entries stay
    assert "区审计局" in merged.names() and "市政府办公室" in merged.names()
    assert registry.canonical("财政") is None  # merged() does not mutate


def test_registry_base_name_claimed_by_plan_alias() -> None:
    base = Registry([Unit("财政局"), Unit("民政局")])
    plan = Registry([Unit("区财政局", ("财政局",))])
    merged = base.merged(plan)
    assert merged.canonical("财政局") == "区财政局"
    assert merged.names() == ["民政局", "区财政局"]


def test_registry_accepts_model_units() -> None:
    class Loose:  # like model.Unit: aliases as a list
        name = "区财政局"
        aliases = ["财政局"]
        kind = "部门"

    registry = Registry([Loose()])  # type: ignore[list-item]
    assert registry.canonical("财政局") == "区财政局"
    assert registry.unit("财政局") == Unit("区财政局", ("财政局",), "部门")


def test_registry_canonical_is_fast() -> None:
    import time

    big = Registry(Unit(f"区第{i}局", (f"第{i}局简称",)) for i in range(500))
    queries = [f"第{i % 500}局简称" for i in range(20000)]
    started = time.perf_counter()
    for q in queries:
        assert big.canonical(q) is not None
    assert time.perf_counter() - started < 1.0


def test_module_has_no_io_imports() -> None:
    source = Path(units_mod.__file__).read_text(encoding="utf-8")
    assert "textual" not in source and "open(" not in source
