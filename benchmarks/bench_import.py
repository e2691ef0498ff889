"""Time `planwright import` on a generated 20,000-character notice; prints medians.

    .venv/bin/python benchmarks/bench_import.py [--chars 20000] [--runs 15]

Measures, each as the median of --runs:
- import_text on the generated notice (the importer itself: debris, layout,
  meta, outline, attributions, deadlines, doubts) with the plugin host loaded;
- the same notice saved as .txt (GB18030), .html and .docx through import_file
  (file reading and decoding included);
- each corpus notice in ../shared/seeds, when present;
- `planwright import` as a whole process (interpreter start, imports, plugins,
  import, save).
The issue asks for under 0.2 s for a 20,000-character notice.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from planwright.importing import import_file, import_text
from planwright.host import Host

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

_UNITS = ["区财政局", "区发展改革局", "区教育和体育局", "区民政局", "区司法局", "区卫生健康局", "区住建局",
          "区市场监管局", "区数据资源局", "区人社局"]
_VERBS = ["公开", "发布", "更新", "解读", "梳理", "核对", "汇总", "报送"]
_THINGS = ["预算执行情况", "重大项目进展", "办事指南", "惠企政策", "招生信息", "救助标准", "行政处罚结果",
           "规范性文件", "统计数据", "建议提案办理结果"]


def generate(chars: int) -> str:
    """A notice in the Jinan form (task closed by （责任单位：…）), with Dalian-form
    paragraphs, numbered items, deadlines and web debris mixed in, about *chars* long."""
    head = ("欢迎访问示例区人民政府网站！\n当前位置：首页 > 政务公开 > 通知\n索引号：000/2024-1 发布机构：示例区政府办\n"
            "示例区人民政府办公室关于印发2024年示例区政务公开工作要点的通知\n示政办字〔2024〕1号\n"
            "各街道办事处，区政府各部门：\n现将《2024年示例区政务公开工作要点》印发给你们，请认真落实。\n"
            "示例区人民政府办公室\n2024年2月1日\n（此件公开发布）\n2024年示例区政务公开工作要点\n"
            "今年的工作围绕全区中心任务推进公开，提升透明度。\n")
    parts = [head]
    size, point, n = len(head), 0, 0
    while size < chars:
        point += 1
        block = [f"{_cn(point)}、围绕第{point}方面重点工作做好公开"]
        for task in range(1, 7):
            n += 1
            unit, other = _UNITS[n % 10], _UNITS[(n + 3) % 10]
            verb, thing = _VERBS[n % 8], _THINGS[n % 10]
            sentence = f"按季度{verb}{thing}，说明变化原因并接受监督，做到及时准确。"
            if task % 3 == 0:  # a task with a paragraph per attribution
                block.append(f"（{_cn(task)}）{verb}{thing}。{sentence}（{unit}牵头落实，{other}配合落实）")
                block.append(f"在网站设立专栏集中{verb}{thing}，每月更新一次。（{other}负责落实）")
            elif task % 3 == 1:
                block.append(f"（{_cn(task)}）{verb}{thing}。{sentence}{sentence}"
                             f"（责任单位：{unit}，各街道办事处；完成时限：2024年{task + 4}月底前）")
            else:
                block.append(f"（{_cn(task)}）{verb}{thing}")
                block += [f"{i}.{verb}第{i}类{thing}。{sentence}（责任单位：{unit}）" for i in range(1, 4)]
        text = "\n".join(block) + "\n"
        parts.append(text)
        size += len(text)
    parts.append("扫一扫在手机打开当前页\n抄送：区委办公室，区人大常委会办公室。\n")
    return "".join(parts)


def _cn(n: int) -> str:
    from planwright.zh.numbering import to_chinese

    return to_chinese(n)


def median_of(runs: int, func) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    host = Host()
    text = generate(args.chars)
    result = import_text(text, host=host)
    tasks = sum(len(p.tasks) for p in result.doc.plan.points)
    print(f"generated notice: {len(text)} characters, {len(result.doc.plan.points)} points, {tasks} tasks, "
          f"style {result.style}, {len(result.warnings)} doubts")
    print(f"import_text                 median {median_of(args.runs, lambda: import_text(text, host=host)):.4f} s")
    with tempfile.TemporaryDirectory() as tmp:
        files = _write_forms(Path(tmp), text)
        for label, path in files:
            print(f"import_file {label:<15} median {median_of(args.runs, lambda: import_file(path, host=host)):.4f} s")
        for seed in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
            print(f"corpus {seed.stem:<34} median {median_of(args.runs, lambda: import_file(seed, host=host)):.4f} s")
        out = Path(tmp) / "out.toml"
        command = [str(Path(sys.executable).parent / "planwright"), "import", str(files[0][1]), "-o", str(out), "--force"]
        whole = median_of(max(3, args.runs // 3), lambda: subprocess.run(command, capture_output=True, check=True))
        print(f"planwright import (process) median {whole:.4f} s")


def _write_forms(tmp: Path, text: str) -> list[tuple[str, Path]]:
    import docx

    tmp.mkdir(parents=True, exist_ok=True)
    txt = tmp / "notice.txt"
    txt.write_bytes(text.encode("gb18030"))
    html = tmp / "notice.html"
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
    html.write_text(f"<html><head><meta charset='utf-8'></head><body><div id='nav'><a href='/'>首页</a></div>"
                    f"<div class='article'>{body}</div></body></html>", encoding="utf-8")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    word = tmp / "notice.docx"
    document.save(word)
    return [("(.txt GB18030)", txt), ("(.html)", html), ("(.docx)", word)]


if __name__ == "__main__":
    main()
