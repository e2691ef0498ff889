"""The default units of a district (区) government in the Jinan manner.

Canonical names are the ones a 区政府办公室 prints in （责任单位：…）; the aliases
are the short forms clerks type. Collective names (各街道办事处, 区政府各部门 …)
have kind "统称": the rules treat them as groups, not as one office.
"""

from __future__ import annotations

from planwright.api import RegistryUnit, UnitRegistry, collective, department

STYLE = "jinan"


UNITS: tuple[RegistryUnit, ...] = (
    department("区政府办公室", "区政府办", "政府办", "区府办"),
    department("区委编办", "编办", "区编办"),
    department("区发展改革局", "区发改局", "发改局", "区发展和改革局"),
    department("区教育和体育局", "区教体局", "教体局"),
    department("区工业和信息化局", "区工信局", "工信局"),
    department("区公安分局", "公安分局"),
    department("区民政局", "民政局"),
    department("区司法局", "司法局"),
    department("区财政局", "财政局"),
    department("区人力资源社会保障局", "区人社局", "人社局", "区人力资源和社会保障局"),
    department("区自然资源局", "自然资源局"),
    department("区生态环境分局", "生态环境分局"),
    department("区住房城乡建设局", "区住建局", "住建局", "区住房和城乡建设局"),
    department("区城市管理局", "区城管局", "城管局"),
    department("区交通运输局", "交通运输局"),
    department("区水务局", "水务局"),
    department("区农业农村局", "农业农村局"),
    department("区商务局", "商务局"),
    department("区文化和旅游局", "区文旅局", "文旅局"),
    department("区卫生健康局", "区卫健局", "卫健局"),
    department("区退役军人事务局", "区退役军人局"),
    department("区应急管理局", "区应急局", "应急局"),
    department("区审计局", "审计局"),
    department("区市场监管局", "区市场监督管理局", "市场监管局"),
    department("区统计局", "统计局"),
    department("区医疗保障局", "区医保局", "医保局"),
    department("区行政审批服务局", "区审批服务局", "审批服务局", "区审批局"),
    department("区大数据局", "大数据局"),
    department("区信访局", "信访局"),
    department("区融媒体中心", "融媒体中心"),
    department("区税务局", "税务局"),
    collective("各街道办事处", "各街道", "各街道办"),
    collective("区政府各部门", "区直各部门", "各部门"),
    collective("区政府有关部门", "区直有关部门", "区政府相关部门"),
    collective("有关部门", "相关部门"),
    collective("各有关单位", "有关单位", "相关单位"),
    collective("区属公共企事业单位", "各公共企事业单位"),
)

REGISTRY = UnitRegistry(name="jinan-district", style=STYLE, units=UNITS)
