"""The default units of a prefecture-level city (市) government in the Dalian manner.

Canonical names are as a 市政府办公厅 prints them in （…牵头落实，…配合落实）;
aliases are the short forms clerks type and the names of offices merged in the
2018 reform (市卫生计生委 → 市卫生健康委, 市工商局 → 市市场监管局 …), so that last
year's plans still group under today's offices. Collective names
(各区市县政府, 市政府各部门 …) have kind "统称".
"""

from __future__ import annotations

from planwright.api import RegistryUnit, UnitRegistry, collective, department

STYLE = "dalian"


UNITS: tuple[RegistryUnit, ...] = (
    department("市政府办公厅", "市政府办", "政府办", "市政府办公室", "办公厅"),
    department("市委办公厅", "市委办"),
    department("市政府新闻办公室", "市政府新闻办", "新闻办"),
    department("市委编办", "市编委办", "编委办"),
    department("市发展改革委", "市发改委", "发改委", "市发展和改革委员会"),
    department("市教育局", "教育局"),
    department("市科技局", "科技局"),
    department("市工业和信息化局", "市工信局", "工信局"),
    department("市公安局", "公安局"),
    department("市民政局", "民政局"),
    department("市司法局", "司法局", "市政府法制办", "市法制办"),
    department("市财政局", "财政局"),
    department("市人力资源社会保障局", "市人社局", "人社局", "市人力资源和社会保障局"),
    department("市自然资源局", "自然资源局", "市国土房屋局", "市国土资源和房屋局"),
    department("市生态环境局", "生态环境局", "市环保局", "市环境保护局"),
    department("市住房城乡建设局", "市住建局", "住建局", "市住房和城乡建设局", "市建委"),
    department("市住房公积金管理中心", "市公积金管理中心", "公积金中心"),
    department("市交通运输局", "交通运输局"),
    department("市水务局", "水务局"),
    department("市农业农村局", "农业农村局", "市农委"),
    department("市商务局", "商务局"),
    department("市文化和旅游局", "市文旅局", "文旅局"),
    department("市卫生健康委", "市卫健委", "卫健委", "市卫生健康委员会", "市卫生计生委"),
    department("市退役军人事务局", "市退役军人局"),
    department("市应急管理局", "市应急局", "应急局"),
    department("市审计局", "审计局"),
    department("市国资委", "国资委"),
    department("市市场监管局", "市场监管局", "市市场监督管理局", "市工商局", "市食品药品监管局", "市物价局"),
    department("市统计局", "统计局"),
    department("市医疗保障局", "市医保局", "医保局"),
    department("市营商环境建设局", "市营商局", "营商局", "市公共行政服务中心"),
    department("市数据局", "市大数据局", "数据局"),
    department("市信访局", "信访局"),
    department("市税务局", "税务局", "市国税局", "市地税局"),
    collective("各区市县政府", "各区市县人民政府", "各区市县"),
    collective("各开发区管委会", "各先导区管委会", "先导区管委会", "开发区管委会"),
    collective("市政府各部门", "市政府各委办局", "市直各部门", "各部门"),
    collective("市政府有关部门", "市政府相关部门", "市政府各相关部门", "市直有关部门"),
    collective("市属各高校", "各高校"),
    collective("有关部门", "相关部门"),
    collective("各有关单位", "有关单位", "相关单位"),
)

REGISTRY = UnitRegistry(name="dalian-city", style=STYLE, units=UNITS)
