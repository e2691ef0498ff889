"""The default offices of a township (乡镇) government.

Township plans rarely print units, but the editor's per-unit views and a
clerk who does assign work still need the names: the 办/所/站/中心 of a
乡镇 and its collective names (各村（社区）, 镇直各单位 …, kind "统称").
"""

from __future__ import annotations

from planwright.api import RegistryUnit, UnitRegistry, collective, department

STYLE = "township"


UNITS: tuple[RegistryUnit, ...] = (
    department("党政综合办公室", "党政办", "综合办", "党政办公室"),
    department("经济发展办公室", "经发办", "经济发展办"),
    department("社会事务办公室", "社会事务办", "社事办"),
    department("农业农村办公室", "农业农村办", "农办"),
    department("规划建设办公室", "规建办", "村镇建设办"),
    department("平安建设办公室", "平安办", "综治办"),
    department("应急管理办公室", "应急办"),
    department("便民服务中心", "为民服务中心", "便民中心"),
    department("财政所", "财政分局"),
    department("司法所"),
    department("自然资源所", "国土所"),
    department("农业服务中心", "农技站"),
    department("退役军人服务站"),
    department("综合文化站", "文化站"),
    department("卫生院", "乡镇卫生院"),
    department("中心学校", "中心小学"),
    department("派出所"),
    department("市场监管所", "市场监督管理所"),
    collective("各村（社区）", "各村民委员会", "各村（居）委会", "各村"),
    collective("乡镇直各单位", "镇直各单位", "乡直各单位", "各办站所", "各所站"),
    collective("有关单位", "相关单位", "有关部门"),
)

REGISTRY = UnitRegistry(name="township", style=STYLE, units=UNITS)
