"""Small plans in each style's shape, written for the export tests (the project's own words).

A plain module, not a test module: the test_export* modules import these builders
(each call gives a fresh plan to change at will), never one another.
"""

from __future__ import annotations

from planwright.plan.model import Item, Meta, Plan, Point, Task, Unit

YEAR = 2027


def meta(style: str, **kw) -> Meta:
    base = dict(title=f"{YEAR}年样例区政务公开工作要点", style=style, year=YEAR, issuer="样例区人民政府办公室",
                doc_number=f"样政办字〔{YEAR}〕7号", date=f"{YEAR}-03-09", recipients=["各街道办事处", "区政府各部门"],
                publicity="此件公开发布", preamble="今年的政务公开工作，要紧扣全区中心任务，让公开更好服务群众。",
                closing="各单位要把任务分解到科室和个人，年底前报送落实情况。")
    base.update(kw)
    return Meta(**base)


def jinan_plan() -> Plan:
    """Points → tasks closed by （责任单位：…）, one task with numbered items."""
    return Plan(
        meta=meta("jinan", cc=["区委办公室", "区人大常委会办公室"], printer="样例区人民政府办公室",
                  print_date=f"{YEAR}-03-10"),
        units=[Unit("区财政局", ["财政局"]), Unit("区民政局"), Unit("各街道办事处")],
        points=[
            Point(id="p1", title="围绕发展大局，做好重点信息公开", tasks=[
                Task(id="t1", title="公开财政预决算信息", text="预算和决算在批复后按时向社会公开。",
                     lead=["区财政局"], support=["各街道办事处"], deadline=f"{YEAR}年6月底"),
                Task(id="t2", title="公开社会救助信息", text="救助标准和办理流程在网站长期公开。",
                     lead=["区民政局"], items=[
                         Item(id="i1", text="低保对象名单按月公示。", lead=["区民政局"], deadline=f"{YEAR}年10月底"),
                         Item(id="i2", text="临时救助情况按季度汇总公开。", deadline="每季度"),
                     ]),
            ]),
            Point(id="p2", title="强化保障，抓好任务落实", tasks=[
                Task(id="t3", title="开展业务培训", text=f"{YEAR}年9月底前组织一次全区培训。",
                     lead=["区政府办公室"], deadline=f"{YEAR}年9月底前"),
            ]),
        ],
    )


def dalian_plan() -> Plan:
    """Tasks whose paragraphs (items) each end in （A牵头落实，B配合落实）."""
    return Plan(
        meta=meta("dalian"),
        points=[Point(id="p1", title="推进决策公开", tasks=[
            Task(id="t1", title="做好决策草案公开", items=[
                Item(id="i1", text="重要改革方案在决策前公开征求意见。", lead=["区司法局"], support=["区政府各部门"]),
                Item(id="i2", text="意见采纳情况在征求结束后反馈。", lead=["区政府各部门"]),
            ]),
            Task(id="t2", title="做好执行情况公开", text="重点工作的进展按季度公开。", lead=["区政府办公室"]),
        ])],
    )


def ningguo_plan() -> Plan:
    """A main text (body, no units) and an attached table (points → tasks → rows)."""
    return Plan(
        meta=meta("ningguo"),
        body=[Point(id="b1", title="以规划为引领，加强重点领域公开", tasks=[
            Task(id="bt1", title="做好规划信息公开", text="各类规划及调整情况及时上网。"),
        ])],
        points=[Point(id="p1", title="进一步加强重点领域公开", tasks=[
            Task(id="t1", title="做好规划信息公开", items=[
                Item(id="i1", text="公开国土空间规划和各类专项规划。", lead=["发改委", "自然资源局"],
                     deadline=f"{YEAR}年10月底"),
                Item(id="i2", text="归集历年规划文本并集中公开。", lead=["自然资源局"], deadline="持续推进"),
            ]),
            Task(id="t2", title="做好预算信息公开", items=[
                Item(id="i3", text="政府预算和决算按时公开。", lead=["财政局"], deadline="在人代会召开后20日内"),
            ]),
        ])],
    )


def jiangshan_plan() -> Plan:
    """Areas with a 责任单位：line, and milestones whose deadline is in their text."""
    return Plan(
        meta=meta("jiangshan", year=YEAR, end_year=YEAR + 2,
                  title=f"样例市政务公开三年行动计划（{YEAR}—{YEAR + 2}年）"),
        points=[
            Point(id="p1", title="试点领域及责任单位", tasks=[
                Task(id="t1", title="义务教育", text="主要包括招生、资助和督导信息。", lead=["市教育局", "各乡镇（街道）"]),
            ]),
            Point(id="p2", title="进度安排", tasks=[
                Task(id="t2", title="前期准备", items=[
                    Item(id="i1", text=f"成立工作专班（{YEAR}年4月30日前）。抽调骨干组成专班。",
                         deadline=f"{YEAR}年4月30日前"),
                ]),
            ]),
        ],
    )


def township_plan() -> Plan:
    """No title, no units: a township's plan printed as itself, signed at the end."""
    return Plan(
        meta=Meta(title="", style="township", year=YEAR, issuer="样例乡人民政府", date=f"{YEAR}-05-06"),
        points=[
            Point(id="p1", title="指导思想", text="以服务群众为宗旨，把公开贯穿工作全过程。"),
            Point(id="p2", title="主要任务", tasks=[
                Task(id="t1", title="抓好公开解读", items=[
                    Item(id="i1", text="做好政策解读。重要文件同步解读。"),
                    Item(id="i2", text="做好舆情回应。热点问题及时回应。"),
                ]),
            ]),
        ],
    )


def big_plan(n_tasks: int) -> Plan:
    """A long jinan-style plan: enough text for many full pages."""
    sentence = "各单位要按照职责分工细化工作措施，明确责任人和完成时限，确保各项任务按期保质完成。"
    tasks = [Task(id=f"t{i}", title=f"落实第{i}项公开任务", text=sentence * 3, lead=["区政府各部门"])
             for i in range(1, n_tasks + 1)]
    return Plan(meta=meta("jinan"), points=[Point(id="p1", title="全面落实各项任务", tasks=tasks)])
