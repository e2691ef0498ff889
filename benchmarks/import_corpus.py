"""Import every notice of ../shared/seeds and ../shared/corpus/raw; score, check and count.

    .venv/bin/python benchmarks/import_corpus.py [--verbose] [NAME ...]

For each document (a corpus file's ``# url:`` / ``# issuer:`` lines stripped, as the
corpus README says) the importer runs in process, the plan is saved and read back,
and the script prints:
- the score against its expected structure when the document is labelled
  (``../shared/tools/score-import``), with the fields it got wrong under --verbose;
- the notice text exported again from the plan, compared with the source
  (``../shared/tools/compare-text``: precision, recall);
- a refusal, with its reason;
- each plan field whose value fails a sanity check of its own kind (a year outside
  1990–2100, a 文号 of the wrong shape, a unit, issuer or recipient holding a web
  address, a date or a timestamp, web-page labels, spam or mirror damage);
- the failure classes of issue 11 that the document shows (see CLASSES).

Last come the means and, per class, how many documents show it. The checks here
are written independently of the importer's own, so that they measure it.
NAME limits the run to documents whose name contains it.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from planwright.exporting import export_plan
from planwright.host import Host
from planwright.importing import ImportError_, import_file
from planwright.plan import store
from planwright.zh.hanzi import simplify

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
HEADER_RE = re.compile(r"^# (?:url|issuer|parts):")

CLASSES = {
    "1 title": "the plan title is wrong, empty although printed, a cited document or a contact line",
    "2 furniture": "a web page's labelled block leaks into a field, or its only 文号/date is ignored",
    "5 notice only": "the plan is an attachment not in the text, but points were made or it was refused",
    "8 文号 on title line": "a 文号 printed on the title line was not read",
    "9 noise in fields": "spam, ruby, ????, @@, markup or mojibake in a field or heading",
    "sanity": "a field holds a value that fails its own sanity check",
    "body": "labelled points/tasks/items/units/deadlines below 1.0 (importbody's classes)",
}

_URL_RE = re.compile(r"https?://|www\.|\.(?:com|cn|net|org|html?|shtml)\b", re.I)
_TIME_RE = re.compile(r"\d{1,2}:\d{2}|\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|\d{4}/\d{1,2}/\d{1,2}")
_DOCNO_RE = re.compile(r"^[\u4e00-\u9fff]{1,15}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*[号號]$")
_LABEL_RE = re.compile(r"索\s*引\s*号|发布机构|发布机关|文件名称|成文日期|发布日期|发布时间|发文字号|来\s*源[:：]|"
                       r"信息来源|浏览|点击|字号|主题分类|有效性|^名\s*称|标\s*题[:：]|文\s*号[:：]|〔\d{4}〕\d+号")
_NOISE_RE = re.compile(r"[A-Za-z]{2,}[\u4e00-\u9fff]{0,4}(?:体育|娱乐|官网|平台)|\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)"
                       r"|\?{2,}|？{2,}|@@|/p>|&[a-z]+;|\?[a-z]{3,}|\ufffd|[ÃÂâ€]")
_CONTACT_RE = re.compile(r"联系电话|联系人|电话[:：]")
_PLAN_TITLE_IN_BODY_RE = re.compile(r"现将《([^《》]{4,80})》|《([^《》]{4,80})》[^。]{0,20}(?:已经|现予以|现印发|现予印发)")


@dataclass
class Outcome:
    name: str
    source: Path
    text: str
    truth: dict | None
    refused: str = ""
    plan: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    score: float | None = None
    measures: dict[str, float] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    precision: float | None = None
    recall: float | None = None
    insane: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)


def documents(shared: Path) -> list[tuple[str, Path, Path | None]]:
    """(name, source file, truth file or None) of the seeds and of the raw corpus."""
    out = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        truth = shared / "truth" / f"{path.stem}.json"
        out.append((path.stem, path, truth if truth.exists() else None))
    for path in sorted((shared / "corpus" / "raw").glob("*.txt")):
        truth = shared / "corpus" / "truth" / f"{path.stem}.json"
        out.append((f"corpus/{path.stem}", path, truth if truth.exists() else None))
    return out


def run_one(name: str, path: Path, truth_path: Path | None, tmp: Path, host: Host) -> Outcome:
    lines = path.read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines if not HEADER_RE.match(line)) + "\n"
    source = tmp / f"{path.stem}.txt"
    source.write_text(text, encoding="utf-8")
    truth = json.loads(truth_path.read_text(encoding="utf-8")) if truth_path else None
    out = Outcome(name, source, text, truth)
    try:
        result = import_file(source, host=host)
    except ImportError_ as exc:
        out.refused = exc.reason
        out.classes = classify(out)
        return out
    plan_file = tmp / f"{path.stem}.toml"
    store.save(result.doc, plan_file)
    out.plan = tomllib.loads(plan_file.read_text(encoding="utf-8"))
    out.warnings = result.warnings
    if truth_path is not None:
        _score(out, plan_file, truth_path)
    exported = tmp / f"{path.stem}.out.txt"
    exported.write_bytes(export_plan(store.load(plan_file).plan, "notice-txt", host, allow_errors=True))
    found = _tool("compare-text", exported, source)
    out.precision, out.recall = found.get("precision"), found.get("recall")
    out.insane = sanity(out.plan)
    out.classes = classify(out)
    return out


def _tool(name: str, *args: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, str(TOOLS / name), *map(str, args)], capture_output=True, text=True)
    values = {}
    for line in proc.stdout.splitlines():
        key, _, value = line.partition(":")
        try:
            values[key.strip()] = float(value)
        except ValueError:
            continue
    return values


def _score(out: Outcome, plan_file: Path, truth_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(TOOLS / "score-import"), str(plan_file), str(truth_path), "--verbose"],
                          capture_output=True, text=True)
    for line in proc.stdout.splitlines():
        if line.startswith("  "):
            out.misses.append(line.strip())
            continue
        key, _, value = line.partition(":")
        try:
            out.measures[key.strip()] = float(value)
        except ValueError:
            continue
    out.score = out.measures.pop("score", 0.0)


# -- sanity of each field, by what it is -----------------------------------------------------


def sanity(plan: dict) -> list[str]:
    """Fields whose value is not the kind of thing the field holds."""
    meta = plan.get("plan", {})
    bad = []
    for key in ("year", "end_year"):
        year = meta.get(key) or 0
        if year and not 1990 <= int(year) <= 2100:
            bad.append(f"{key}={year}")
    number = meta.get("doc_number", "")
    if number and not _DOCNO_RE.match("".join(number.split())):
        bad.append(f"doc_number={number!r}")
    organs = [("issuer", meta.get("issuer", ""))] + [("recipient", r) for r in meta.get("recipients", [])] \
        + [("cc", c) for c in meta.get("cc", [])]
    units = [("unit", u) for _, node in _nodes(plan) for u in (*node.get("lead", []), *node.get("support", []))]
    for key, value in organs + units:
        value = simplify(value)
        if _URL_RE.search(value) or _TIME_RE.search(value) or _LABEL_RE.search(value) or _NOISE_RE.search(value):
            bad.append(f"{key}={value!r}")
    for key in ("title", "publicity"):
        if _NOISE_RE.search(meta.get(key, "")) or _LABEL_RE.search(simplify(meta.get(key, ""))):
            bad.append(f"{key}={meta.get(key)!r}")
    return bad


def _nodes(plan: dict):
    for point in plan.get("points", []):
        yield "point", point
        for task in point.get("tasks", []):
            yield "task", task
            for item in task.get("items", []):
                yield "item", item


# -- which of issue 11's classes a document shows -------------------------------------------


def classify(out: Outcome) -> list[str]:
    found = []
    meta = out.plan.get("plan", {})
    truth = (out.truth or {}).get("plan")
    misses = " ".join(out.misses)
    if out.refused:
        if _plan_elsewhere(out.text) or (out.truth and out.truth.get("points")):
            found.append("5 notice only")
        return found
    if truth is not None and "meta title" in misses:
        found.append("1 title")
    elif truth is None and (_CONTACT_RE.search(meta.get("title", "")) or re.search(r"关于.*的通知$", meta.get("title", ""))
                            or _cited(meta.get("title", ""), out.text)):
        found.append("1 title")
    furniture = _LABEL_RE.search(simplify(" ".join([meta.get("issuer", ""), *meta.get("recipients", [])])))
    if furniture or (truth is not None and re.search(r"meta (?:issuer|doc_number|date):", misses)):
        found.append("2 furniture")
    if out.truth is not None and out.truth.get("points") == [] and out.plan.get("points"):
        found.append("5 notice only")
    elif out.truth is None and _plan_elsewhere(out.text) and out.plan.get("points"):
        found.append("5 notice only")
    if _docno_on_title_line(out.text) and not meta.get("doc_number"):
        found.append("8 文号 on title line")
    headings = [n.get("title", "") for _, n in _nodes(out.plan)]
    if any(_NOISE_RE.search(x) for x in [meta.get("title", ""), meta.get("issuer", ""), *headings]):
        found.append("9 noise in fields")
    if out.insane:
        found.append("sanity")
    if out.measures and any(v < 1.0 for k, v in out.measures.items() if k != "meta"):
        found.append("body")
    return found


def _plan_elsewhere(text: str) -> bool:
    """The notice sends a plan (现将《X》印发, 关于印发X的通知) whose title is printed nowhere else."""
    text = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)|@@", "", simplify(text))
    flat = "".join(text.split())
    names = {"".join((m.group(1) or m.group(2)).split()) for m in _PLAN_TITLE_IN_BODY_RE.finditer(text)}
    own = re.sub(r"《[^《》]*的通知》", "", flat)  # a cited notice is not this one
    names |= set(re.findall(r"关于印发《?([^《》，。]{4,60}?)》?的通知", own))
    names |= set(re.findall(r"现将([^《》，。]{4,60}?)印发", own))
    names = {n for n in names if not n.endswith("的通知")}
    if not names:
        return False
    for name in names:
        rest = re.sub(rf"《{re.escape(name)}》|关于印发《?{re.escape(name)}》?的通知|现将{re.escape(name)}印发", "", flat)
        if name in rest:
            return False  # this plan stands in the text
    return True


def _cited(title: str, text: str) -> bool:
    """The title is a document the preamble cites (《…的通知》 followed by its own 文号)."""
    return bool(title) and re.search(rf"《{re.escape(title)}》\s*[（(][^）)]*〔", text) is not None


def _docno_on_title_line(text: str) -> bool:
    for line in simplify(text).splitlines()[:30]:
        s = "".join(line.split())
        if re.match(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号\S*关于", s) or \
                re.search(r"关于\S+的通知[（(]?[\u4e00-\u9fff]{1,12}[〔\[［]\d{4}[〕\]］]\d{1,4}号[）)]?$", s):
            return True
    return False


# -- the report ---------------------------------------------------------------------------


def report(outcomes: list[Outcome], verbose: bool) -> None:
    print(f"{'document':<40} {'score':>6} {'prec':>6} {'rec':>6}  classes")
    for out in outcomes:
        score = f"{out.score:.3f}" if out.score is not None else "-"
        if out.refused:
            print(f"{out.name:<40} {'REFUSED':>6}                {' '.join(out.classes)}")
            print(f"    {out.refused[:110]}")
            continue
        prec = f"{out.precision:.3f}" if out.precision is not None else "-"
        rec = f"{out.recall:.3f}" if out.recall is not None else "-"
        print(f"{out.name:<40} {score:>6} {prec:>6} {rec:>6}  {', '.join(out.classes)}")
        for bad in out.insane:
            print(f"    sanity: {bad}")
        if verbose:
            meta = out.plan.get("plan", {})
            print("    " + " | ".join(f"{k}={meta.get(k, '')!r}" for k in
                                      ("title", "issuer", "doc_number", "date", "year", "end_year", "recipients")))
            for miss in out.misses:
                print(f"    {miss}")
            for warning in out.warnings:
                print(f"    提示: {warning}")
    labelled = [o for o in outcomes if o.score is not None]
    imported = [o for o in outcomes if not o.refused]
    print()
    if labelled:
        print(f"labelled: {len(labelled)}, mean score {sum(o.score for o in labelled) / len(labelled):.3f}, "
              f"below 0.95: {sum(o.score < 0.95 for o in labelled)} "
              f"(refused labelled: {sum(1 for o in outcomes if o.refused and o.truth)})")
        keys = sorted({k for o in labelled for k in o.measures})
        print("  measure means: " + ", ".join(
            f"{k} {sum(o.measures.get(k, 0) for o in labelled) / len(labelled):.3f}" for k in keys))
    for label, group in (("all", imported), ("labelled", [o for o in imported if o.score is not None])):
        with_text = [o for o in group if o.precision is not None]
        if with_text:
            print(f"re-export ({label}): precision {sum(o.precision for o in with_text) / len(with_text):.3f}, "
                  f"recall {sum(o.recall for o in with_text) / len(with_text):.3f} over {len(with_text)} documents")
    print(f"refused: {len(outcomes) - len(imported)} of {len(outcomes)}: "
          + ", ".join(o.name for o in outcomes if o.refused))
    print(f"fields failing sanity: {sum(len(o.insane) for o in outcomes)} in "
          f"{sum(1 for o in outcomes if o.insane)} documents")
    print("per class (documents showing it):")
    for name, what in CLASSES.items():
        count = sum(1 for o in outcomes if name in o.classes)
        print(f"  {name:<22} {count:>3}   {what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    docs = [d for d in documents(args.shared) if not args.names or any(n in d[0] for n in args.names)]
    if not docs:
        print(f"no documents found under {args.shared}")
        return 2
    host = Host()
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = [run_one(name, path, truth, Path(tmp), host) for name, path, truth in docs]
    report(outcomes, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
