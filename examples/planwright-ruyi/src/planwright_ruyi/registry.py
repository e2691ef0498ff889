"""The offices of 如意县 (a fictional county) and the short names its clerks write."""

from __future__ import annotations

from planwright.api import RegistryUnit, UnitRegistry, collective, department

STYLE = "ruyi"


UNITS: tuple[RegistryUnit, ...] = (
    department("县政府办公室", "县政府办", "政府办"),
    department("县发展改革局", "县发改局", "发改局"),
    department("县财政局", "财政局"),
    department("县教育局", "教育局"),
    department("县民政局", "民政局"),
    department("县司法局", "司法局"),
    department("县人社局", "县人力资源和社会保障局", "人社局"),
    department("县卫健局", "县卫生健康局", "卫健局"),
    department("县农业农村局", "农业农村局"),
    department("县市场监管局", "市场监管局"),
    department("县数据资源局", "数据资源局"),
    department("县政务服务中心", "政务服务中心"),
    collective("各乡镇人民政府", "各乡镇"),
    collective("县直各部门", "县直各单位", "县政府各部门"),
    collective("有关部门", "相关部门"),
)

REGISTRY = UnitRegistry(name="ruyi-county", style=STYLE, units=UNITS)
