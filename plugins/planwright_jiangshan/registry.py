"""The default units of a county-level city in Zhejiang, in the Jiangshan manner.

Zhejiang offices print short forms such as 市发改局, 市资规局 and 市府办; those
are canonical here and the long official names are aliases. Collective names
(各乡镇（街道）, 市级有关单位 …) have kind "统称".
"""

from __future__ import annotations

from planwright.api import RegistryUnit, UnitRegistry, collective, department

STYLE = "jiangshan"


UNITS: tuple[RegistryUnit, ...] = (
    department("市府办", "市政府办", "政府办", "市政府办公室"),
    department("市委编办", "编办"),
    department("市发改局", "市发展改革局", "发改局", "市发展和改革局"),
    department("市经信局", "市经济和信息化局", "经信局"),
    department("市教育局", "教育局"),
    department("市公安局", "公安局"),
    department("市民政局", "民政局"),
    department("市司法局", "司法局"),
    department("市财政局", "财政局"),
    department("市人社局", "市人力资源和社会保障局", "人社局"),
    department("市资规局", "市自然资源和规划局", "资规局"),
    department("生态环境分局", "市生态环境分局"),
    department("市住建局", "市住房和城乡建设局", "住建局"),
    department("市交通运输局", "交通运输局", "市交通局"),
    department("市水利局", "水利局"),
    department("市农业农村局", "农业农村局"),
    department("市商务局", "商务局"),
    department("市文旅局", "市文化和广电旅游体育局", "文旅局"),
    department("市卫健局", "市卫生健康局", "卫健局"),
    department("市应急管理局", "市应急局", "应急管理局"),
    department("市审计局", "审计局"),
    department("市市场监管局", "市场监管局", "市市场监督管理局"),
    department("市统计局", "统计局"),
    department("市医保分局", "医保分局"),
    department("市综合执法局", "市综合行政执法局", "综合执法局"),
    department("市监管办", "市公共资源交易监管办", "监管办"),
    department("市数据局", "市大数据发展中心", "数据局"),
    department("市税务局", "税务局"),
    department("市档案馆", "档案馆"),
    collective("各乡镇（街道）", "各乡镇、街道", "各乡镇街道"),
    collective("市级有关单位", "市级相关单位", "市级有关部门"),
    collective("市级各部门", "市级各单位", "市直各部门"),
    collective("有关部门", "相关部门"),
)

REGISTRY = UnitRegistry(name="jiangshan-county-city", style=STYLE, units=UNITS)
