"""The real excerpts of ../shared/corpus (read at run time): the header half of issue 11.

Every excerpt imports (none that holds a plan, nor a notice whose plan is an attachment,
is refused); each labelled one scores at least 0.95 as a whole; and no imported field holds
a value that fails the check of its own kind — written here independently of the importer's.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import SHARED
from planwright.importing import import_file
from planwright.plan import store
from planwright.zh.hanzi import simplify

REAL = SHARED / "corpus"
RAW = sorted(p.stem for p in (REAL / "raw").glob("*.txt")) if (REAL / "raw").is_dir() else []
LABELLED = sorted(p.stem for p in (REAL / "truth").glob("*.json")) if (REAL / "truth").is_dir() else []
SCORER = SHARED / "tools" / "score-import"

pytestmark = pytest.mark.skipif(not RAW, reason="../shared/corpus is not beside the checkout")

_URL = re.compile(r"https?://|www\.|\.(?:com|cn|net|org)\b", re.I)
_STAMP = re.compile(r"\d{1,2}:\d{2}|\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日")
_PAGE_LABEL = re.compile(r"索引号|发布机构|发布机关|文件名称|成文日期|发布日期|发文字号|来源[:：]|浏览|^名称|文号[:：]")
_DOCNO_INSIDE = re.compile(r"〔\d{4}〕\d+号")
_DOCNO = re.compile(r"^[\u4e00-\u9fff]{1,15}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号$")
_NOISE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)|\?{2,}|@@|/p>|[A-Za-z]{2,}(?:体育|官网|娱乐)")


def _source(tmp_path: Path, name: str) -> Path:
    lines = (REAL / "raw" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    source = tmp_path / f"{name}.txt"
    source.write_text("\n".join(x for x in lines if not x.startswith(("# url:", "# issuer:", "# parts:"))) + "\n",
                      encoding="utf-8")
    return source


@pytest.fixture(scope="module")
def imported(tmp_path_factory, host) -> dict[str, tuple[Path, object]]:
    """Each excerpt imported once and saved: (plan file, import result)."""
    tmp = tmp_path_factory.mktemp("real")
    done = {}
    for name in RAW:
        result = import_file(_source(tmp, name), host=host)  # raises (fails) on a refusal
        out = store.save(result.doc, tmp / f"{name}.toml")
        done[name] = (out, result)
    return done


@pytest.mark.parametrize("name", LABELLED)
def test_labelled_excerpt_scores_at_least_095(imported, name: str) -> None:
    out, _ = imported[name]
    proc = subprocess.run([sys.executable, str(SCORER), str(out), str(REAL / "truth" / f"{name}.json"), "--verbose"],
                          capture_output=True, text=True, check=True)
    assert float(proc.stdout.strip().splitlines()[-1].split()[-1]) >= 0.95, proc.stdout


@pytest.mark.parametrize("name", RAW)
def test_no_field_fails_its_own_check(imported, name: str) -> None:
    meta = imported[name][1].doc.plan.meta
    assert meta.year == 0 or 1990 <= meta.year <= 2100
    assert not meta.doc_number or _DOCNO.match(simplify(meta.doc_number)), meta.doc_number
    for organ in [meta.issuer, *meta.recipients, *meta.cc]:
        plain = simplify(organ)
        assert not (_URL.search(plain) or _STAMP.search(plain) or _PAGE_LABEL.search(plain)
                    or _DOCNO_INSIDE.search(plain)), organ
    for value in (meta.title, meta.issuer):
        assert not _NOISE.search(value), value


@pytest.mark.parametrize("name", [n for n in LABELLED
                                  if not json.loads((REAL / "truth" / f"{n}.json").read_text("utf-8"))["points"]])
def test_a_notice_whose_plan_is_an_attachment_says_so(imported, name: str) -> None:
    out, result = imported[name]
    assert result.doc.plan.points == []
    assert any("不在文件中" in w for w in result.warnings)
    assert "# 导入提示: 计划《" in out.read_text(encoding="utf-8")
