"""Build the table notices of the family set: each as a .docx (python-docx) and flattened to text.

    .venv/bin/python tests/data/family/build_tables.py

Writes f06/f07 (columns 序号/重点任务/责任科室/完成时限, categories as rows spanning the table)
and f08/f09 (columns 类别/序号/重点任务/牵头单位/配合单位/完成时间, the category a cell merged down
the rows). The .txt files are the same notices as a web page copied into a text file: a table
cell per line, blank lines between, a merged cell printed once. The texts are written for the
tests; no sentence is taken from a real notice.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------
# f06 / f07: a county health commission's plan, the table's rows are tasks

HEAD_06 = [
    "长宁县卫生健康委员会关于印发2022年全县卫生健康系统政务公开工作要点的通知",
    "长卫发〔2022〕11号",
    "委机关各科室，各乡镇卫生院，县直各医疗卫生单位：",
    "现将《2022年全县卫生健康系统政务公开工作要点》印发给你们，请各单位对照分工认真落实。",
    "长宁县卫生健康委员会",
    "2022年3月15日",
    "（此件公开发布）",
    "2022年全县卫生健康系统政务公开工作要点",
    "今年全县卫生健康系统政务公开工作要围绕群众看病就医的关切，把公开贯穿到医疗服务和公共卫生管理的各个环节。",
    "一、突出重点领域公开",
    "（一）公开医疗服务信息。各医疗卫生单位要在醒目位置公开服务项目、收费标准和就医流程。",
    "（二）公开公共卫生信息。及时发布传染病疫情、预防接种和健康教育信息。",
    "二、提升公开工作水平",
    "（一）加强平台建设。用好委门户网站信息公开专栏和政务新媒体。",
    "（二）加强督促检查。委办公室每季度对各单位公开情况进行抽查。",
    "附件：2022年全县卫生健康系统政务公开重点任务分工表",
]
CAPTION_06 = "2022年全县卫生健康系统政务公开重点任务分工表"
COLUMNS_06 = ["序号", "重点任务", "责任科室", "完成时限"]
ROWS_06: list[tuple[str, ...]] = [
    ("一、重点领域信息公开",),
    ("1", "公开医疗服务价格。在门诊大厅电子屏和医院网站公开常用医疗服务项目及药品价格，价格调整后五个工作日内更新。",
     "医政医管科、规划财务科", "2022年6月底前"),
    ("2", "公开医疗机构执业信息，包括机构名称、执业地址、诊疗科目和床位数。", "医政医管科", "2022年5月底前"),
    ("3", "发布传染病疫情信息。按规定及时发布法定传染病疫情和突发公共卫生事件信息。", "疾病预防控制科", "长期"),
    ("4", "公开基本公共卫生服务项目的服务内容、服务对象和经费补助标准。", "基层卫生科和妇幼健康科", "三季度末"),
    ("二、政务公开基础工作",),
    ("5", "更新主动公开目录。对照上级卫生健康领域标准目录，调整本系统主动公开事项。", "办公室", "2022年上半年"),
    ("6", "维护信息公开专栏。每月检查委网站信息公开专栏，栏目内容做到准确、完整、及时。", "办公室", "每月"),
    ("7", "开展业务培训。组织各医疗卫生单位信息公开工作人员集中培训一次。", "办公室、人事科", "年内"),
]
FOOT_06 = ["长宁县卫生健康委员会办公室        2022年3月16日印发"]

# ---------------------------------------------------------------------------
# f08 / f09: a county government's plan, lead and support columns, the category merged down

HEAD_08 = [
    "清源县人民政府办公室关于印发清源县2023年政务公开重点工作任务分工的通知",
    "清政办函〔2023〕4号",
    "各乡镇人民政府，县政府各部门，县直各单位：",
    "为扎实推进全县政务公开工作，经县政府同意，现将《清源县2023年政务公开重点工作任务分工》印发给你们，请认真抓好落实。",
    "清源县人民政府办公室",
    "2023年2月27日",
    "（此件公开发布）",
    "清源县2023年政务公开重点工作任务分工",
]
COLUMNS_08 = ["类别", "序号", "重点任务", "牵头单位", "配合单位", "完成时间"]
ROWS_08: list[tuple[str, ...]] = [
    ("政策发布解读", "1", "集中公开县政府及部门制发的现行有效规范性文件，标注文件有效性。", "县司法局", "县政府各部门", "2023年6月底前"),
    ("政策发布解读", "2", "涉企政策出台时同步发布解读材料和申报指南，重要政策由部门负责同志解读。", "县政府办公室",
     "县发展改革局、县工业和信息化局", "长期"),
    ("政策发布解读", "3", "开展政策进乡村活动，组织工作人员到村（社区）宣讲惠民政策。", "县政府办公室", "各乡镇人民政府", "三季度末"),
    ("重点领域公开", "4", "公开县级预决算和部门预决算，专项资金分配结果在下达后及时公开。", "县财政局", "县政府各部门",
     "2023年9月底前"),
    ("重点领域公开", "5", "公开征地补偿标准、安置方案和补偿费用发放情况。", "县自然资源局", "各乡镇人民政府", "每季度末"),
    ("重点领域公开", "6", "公开生态环境行政处罚结果和重点排污单位环境信息。", "县生态环境分局", "", "年内"),
    ("平台建设", "7", "规范政府网站和政务新媒体内容发布，落实信息发布审核制度。", "县政府办公室", "县大数据中心及各乡镇人民政府",
     "长期"),
    ("平台建设", "8", "在县政务服务中心设置政务公开专区，配备查阅设备和咨询人员。", "县行政审批服务局", "", "2023年上半年"),
]
FOOT_08 = ["抄送：县委办公室，县人大常委会办公室，县政协办公室。", "清源县人民政府办公室        2023年2月28日印发"]


def _docx(path: Path, head: list[str], caption: str, columns: list[str], rows, foot: list[str],
          merged_first: bool = False) -> None:
    import docx

    document = docx.Document()
    for text in head:
        document.add_paragraph(text)
    if caption:
        document.add_paragraph(caption)
    table = document.add_table(rows=1, cols=len(columns))
    for cell, text in zip(table.rows[0].cells, columns):
        cell.text = text
    first_of_group: dict[str, int] = {}
    for row in rows:
        cells = table.add_row().cells
        index = len(table.rows) - 1
        if len(row) == 1:  # a category row spanning the table
            merged = cells[0].merge(cells[-1])
            merged.text = row[0]
            continue
        for cell, text in zip(cells, row):
            cell.text = text
        if merged_first:
            start = first_of_group.setdefault(row[0], index)
            if start != index:  # merge the (emptied) category cell into the one above it
                cells[0].text = ""
                table.cell(start, 0).merge(cells[0])
    for text in foot:
        document.add_paragraph(text)
    document.save(str(path))


def _flat(path: Path, head: list[str], caption: str, columns: list[str], rows, foot: list[str],
          merged_first: bool = False) -> None:
    """A web page copied as text: one cell per line, blank lines between, merged cells once."""
    lines = ["首页 > 政务公开 > 通知公告", ""] + [x for text in head for x in (text, "")]
    if caption:
        lines += [caption, ""]
    lines += [x for text in columns for x in (text, "")]
    seen: set[str] = set()
    for row in rows:
        cells = list(row)
        if merged_first and len(row) > 1:
            if row[0] in seen:
                cells = cells[1:]
            seen.add(row[0])
        lines += [x for text in cells if text for x in (text, "")]
    lines += [x for text in foot for x in (text, "")]
    lines += ["打印本页 关闭窗口", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    _docx(HERE / "f06-changning-wsj-2022.docx", HEAD_06, CAPTION_06, COLUMNS_06, ROWS_06, FOOT_06)
    _flat(HERE / "f07-changning-wsj-2022-flat.txt", HEAD_06, CAPTION_06, COLUMNS_06, ROWS_06, FOOT_06)
    _docx(HERE / "f08-qingyuan-xian-2023.docx", HEAD_08, "", COLUMNS_08, ROWS_08, FOOT_08, merged_first=True)
    _flat(HERE / "f09-qingyuan-xian-2023-flat.txt", HEAD_08, "", COLUMNS_08, ROWS_08, FOOT_08, merged_first=True)


if __name__ == "__main__":
    main()
