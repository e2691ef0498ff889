"""The default units of a county-level city (县级市) in the Ningguo manner.

The task-division table names offices without the 市 prefix (发改委, 财政局),
so those short forms are canonical and the prefixed ones are aliases.
Collective names (市直各单位, 各乡镇（街道） …) have kind "统称".
"""

from __future__ import annotations

from planwright.api import RegistryUnit, UnitRegistry, collective, department

STYLE = "ningguo"


UNITS: tuple[RegistryUnit, ...] = (
    department("政府办", "市政府办", "市政府办公室", "政府办公室"),
    department("发改委", "市发改委", "市发展改革委", "市发展和改革委员会"),
    department("经信局", "市经信局", "市经济和信息化局"),
    department("科技局", "市科技局"),
    department("教体局", "市教体局", "市教育体育局"),
    department("公安局", "市公安局"),
    department("民政局", "市民政局"),
    department("司法局", "市司法局"),
    department("财政局", "市财政局"),
    department("人社局", "市人社局", "市人力资源和社会保障局"),
    department("自然资源规划局", "市自然资源规划局", "市自然资源和规划局"),
    department("生态环境分局", "市生态环境分局"),
    department("住建局", "市住建局", "市住房和城乡建设局"),
    department("交运局", "市交运局", "市交通运输局"),
    department("农业农村局", "市农业农村局"),
    department("商务局", "市商务局"),
    department("文旅局", "市文旅局", "市文化旅游体育局"),
    department("卫健委", "市卫健委", "市卫生健康委员会"),
    department("应急局", "市应急局", "市应急管理局"),
    department("审计局", "市审计局"),
    department("市场监管局", "市市场监管局", "市市场监督管理局"),
    department("统计局", "市统计局"),
    department("医保局", "市医保局", "市医疗保障局"),
    department("数据资源局", "市数据资源局", "市数据资源管理局"),
    department("信访局", "市信访局"),
    department("融媒体中心", "市融媒体中心"),
    department("经开区管委会", "经济开发区管委会"),
    department("供电公司", "市供电公司"),
    collective("市直各单位", "市直各部门", "市政府各部门"),
    collective("市直有关单位", "市直相关单位", "市直有关部门"),
    collective("各乡镇（街道）", "各乡镇、街道", "各乡镇街道"),
    collective("有关乡镇（街道）", "相关乡镇（街道）"),
    collective("有关部门", "相关部门"),
)

REGISTRY = UnitRegistry(name="ningguo-county-city", style=STYLE, units=UNITS)
