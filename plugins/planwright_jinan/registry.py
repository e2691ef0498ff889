"""The default units of a district (区) government in the Jinan manner.

Canonical names are the ones a 区政府办公室 prints in （责任单位：…）; the aliases
are the short forms clerks type. Collective names (各街道办事处, 区政府各部门 …)
have kind "统称": the rules treat them as groups, not as one office.
"""

from __future__ import annotations

from planwright.api import RegistryUnit, UnitRegistry

STYLE = "jinan"


def _dept(name: str, *aliases: str) -> RegistryUnit:
    return RegistryUnit(name=name, aliases=aliases, kind="部门")


def _group(name: str, *aliases: str) -> RegistryUnit:
    return RegistryUnit(name=name, aliases=aliases, kind="统称")


UNITS: tuple[RegistryUnit, ...] = (
    _dept("区政府办公室", "区政府办", "政府办", "区府办"),
    _dept("区委编办", "编办", "区编办"),
    _dept("区发展改革局", "区发改局", "发改局", "区发展和改革局"),
    _dept("区教育和体育局", "区教体局", "教体局"),
    _dept("区工业和信息化局", "区工信局", "工信局"),
    _dept("区公安分局", "公安分局"),
    _dept("区民政局", "民政局"),
    _dept("区司法局", "司法局"),
    _dept("区财政局", "财政局"),
    _dept("区人力资源社会保障局", "区人社局", "人社局", "区人力资源和社会保障局"),
    _dept("区自然资源局", "自然资源局"),
    _dept("区生态环境分局", "生态环境分局"),
    _dept("区住房城乡建设局", "区住建局", "住建局", "区住房和城乡建设局"),
    _dept("区城市管理局", "区城管局", "城管局"),
    _dept("区交通运输局", "交通运输局"),
    _dept("区水务局", "水务局"),
    _dept("区农业农村局", "农业农村局"),
    _dept("区商务局", "商务局"),
    _dept("区文化和旅游局", "区文旅局", "文旅局"),
    _dept("区卫生健康局", "区卫健局", "卫健局"),
    _dept("区退役军人事务局", "区退役军人局"),
    _dept("区应急管理局", "区应急局", "应急局"),
    _dept("区审计局", "审计局"),
    _dept("区市场监管局", "区市场监督管理局", "市场监管局"),
    _dept("区统计局", "统计局"),
    _dept("区医疗保障局", "区医保局", "医保局"),
    _dept("区行政审批服务局", "区审批服务局", "审批服务局", "区审批局"),
    _dept("区大数据局", "大数据局"),
    _dept("区信访局", "信访局"),
    _dept("区融媒体中心", "融媒体中心"),
    _dept("区税务局", "税务局"),
    _group("各街道办事处", "各街道", "各街道办"),
    _group("区政府各部门", "区直各部门", "各部门"),
    _group("区政府有关部门", "区直有关部门", "区政府相关部门"),
    _group("有关部门", "相关部门"),
    _group("各有关单位", "有关单位", "相关单位"),
    _group("区属公共企事业单位", "各公共企事业单位"),
)

REGISTRY = UnitRegistry(name="jinan-district", style=STYLE, units=UNITS)
