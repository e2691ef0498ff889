"""Generate realistic large plans for the benchmarks.

    from gen_plan import generate          # benchmarks/ on sys.path
    plan = generate(1000, seed=1)          # a Plan of 1,000 tasks

    python benchmarks/gen_plan.py 1000 -o big.toml [--seed 1] [--year 2027]

A plan looks like a district's: a dozen points, tasks with a heading, a
paragraph of text, lead and support units from the registry (aliases and
collective names included), deadline phrases of every kind, and about a third
of the tasks split into numbered items. Every sentence is assembled from the
fragments below (the project's own words), so a 1,000-task plan is about 1 MB.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

try:
    from planwright.plan.model import Item, Meta, Plan, Point, Task, Unit
except ModuleNotFoundError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from planwright.plan.model import Item, Meta, Plan, Point, Task, Unit

UNITS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("区政府办公室", ("区政府办",), "部门"),
    ("区发展和改革局", ("区发改局",), "部门"),
    ("区教育和体育局", ("区教体局",), "部门"),
    ("区财政局", ("财政局",), "部门"),
    ("区人力资源和社会保障局", ("区人社局",), "部门"),
    ("区住房和城乡建设局", ("区住建局",), "部门"),
    ("区卫生健康局", ("区卫健局",), "部门"),
    ("区市场监督管理局", ("区市场监管局",), "部门"),
    ("区生态环境分局", (), "部门"),
    ("区民政局", (), "部门"),
    ("区司法局", (), "部门"),
    ("区审计局", (), "部门"),
    ("区统计局", (), "部门"),
    ("区应急管理局", (), "部门"),
    ("区行政审批服务局", ("区审批局",), "部门"),
    ("区大数据中心", (), "部门"),
    ("区医保局", (), "部门"),
    ("区退役军人事务局", (), "部门"),
    ("各街道办事处", (), "统称"),
    ("区政府各部门", ("区直各部门",), "统称"),
    ("有关部门", (), "统称"),
)

_VERBS = ("做好", "深化", "加强", "推进", "规范", "完善", "优化", "抓好", "强化", "落实")
_TOPICS = ("财政预决算", "重大建设项目", "公共资源配置", "义务教育", "就业创业", "住房保障",
           "医疗卫生", "市场监管执法", "生态环境保护", "养老服务", "社会救助", "行政执法",
           "审计结果", "统计数据", "安全生产", "政务服务事项", "医保基金", "优抚安置",
           "惠企政策", "规范性文件", "政策解读", "政府网站", "政务新媒体", "依申请公开")
_OBJECTS = ("信息公开", "公开工作", "解读回应", "平台建设", "制度建设", "信息发布")
_CLAUSES = (
    "按照“谁制作、谁公开”的原则明确责任分工",
    "及时更新专栏内容并确保数据准确一致",
    "对公开内容实行发布前审核，防止泄露涉密信息",
    "通过政府网站和政务新媒体同步发布",
    "围绕群众关切梳理公开清单，逐项标注公开时限",
    "细化公开标准，做到应公开尽公开",
    "建立台账，定期对照检查完成情况",
    "在政策出台后同步做好解读，回应社会关切",
    "完善依申请公开答复流程，提高答复质量",
    "加强对基层工作人员的业务培训",
    "把公开情况纳入年度绩效考核",
    "对已公开信息开展清理，及时更正过时内容",
)
_POINT_HEADS = ("聚焦重点领域，做好信息主动公开", "围绕优化营商环境，加大政策公开力度",
                "坚持以人民为中心，深化民生领域公开", "强化政策解读，积极回应社会关切",
                "加强平台建设，提升公开服务水平", "规范依申请公开，保障群众知情权",
                "夯实基础工作，推进标准化规范化", "强化组织保障，确保各项任务落实")
_DEADLINES = ("{y}年10月底前", "{y}年6月30日前", "持续推进", "每季度", "{y}年底前", "长期坚持",
              "在人代会召开后20日内", "{y}年第三季度", "上半年", "9月底前", "按要求及时公开",
              "{y}年12月31日前", "每月", "文件印发后20个工作日内", "")


def _sentence(rng: random.Random, parts: int) -> str:
    return "，".join(rng.sample(_CLAUSES, parts)) + "。"


def _units(rng: random.Random, k: int) -> list[str]:
    """k different units as a clerk writes them: sometimes the alias rather than the full name."""
    picked = rng.sample(UNITS, k)
    return [rng.choice((name, *aliases)) if aliases and rng.random() < 0.2 else name
            for name, aliases, _ in picked]


def _task(rng: random.Random, year: int) -> Task:
    title = f"{rng.choice(_VERBS)}{rng.choice(_TOPICS)}{rng.choice(_OBJECTS)}"
    units = _units(rng, rng.choice((1, 1, 1, 2)) + rng.choice((0, 1, 2)))
    n_lead = 1 if len(units) < 3 else 2
    lead, support = units[:n_lead], units[n_lead:]
    text = "\n".join(_sentence(rng, rng.randint(3, 5)) for _ in range(rng.randint(1, 3)))
    task = Task(title=title, text=text, lead=lead, support=support,
                deadline=rng.choice(_DEADLINES).format(y=year))
    if rng.random() < 0.35:
        # split into items: each item carries its own units and deadline
        task.items = [Item(text=_sentence(rng, rng.randint(2, 3)), lead=_units(rng, 1),
                           deadline=rng.choice(_DEADLINES).format(y=year))
                      for _ in range(rng.randint(2, 5))]
    return task


def generate(n_tasks: int, seed: int = 0, year: int = 2027) -> Plan:
    """A plan of ``n_tasks`` tasks spread over up to eight points (no ids yet)."""
    rng = random.Random(seed)
    meta = Meta(title=f"{year}年示例区政务公开工作要点", style="jinan", year=year,
                issuer="示例区人民政府办公室", doc_number=f"示政办字〔{year}〕3号", date=f"{year}-03-01",
                recipients=["各街道办事处", "区政府各部门"], publicity="此件公开发布",
                preamble=f"{year}年全区政务公开工作要坚持问题导向，" + _sentence(rng, 4))
    points = [Point(title=head) for head in _POINT_HEADS[: max(1, min(8, n_tasks))]]
    for i in range(n_tasks):
        points[i * len(points) // max(1, n_tasks)].tasks.append(_task(rng, year))
    units = [Unit(name=name, aliases=list(aliases), kind=kind) for name, aliases, kind in UNITS]
    return Plan(meta=meta, units=units, points=points)


def write(n_tasks: int, path: Path, seed: int = 0, year: int = 2027) -> Path:
    from planwright.plan import store

    return store.save(store.new_document(generate(n_tasks, seed, year)), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a generated plan file for benchmarks.")
    parser.add_argument("tasks", type=int, help="number of tasks")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--year", type=int, default=2027)
    args = parser.parse_args(argv)
    path = write(args.tasks, args.output, args.seed, args.year)
    print(f"{path}: {args.tasks} tasks, {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
