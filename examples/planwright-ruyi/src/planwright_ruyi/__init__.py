"""如意县式：a third-party planwright style, installed from its own distribution.

planwright finds this module through the entry point declared in pyproject.toml
(group ``planwright``, name ``ruyi``) and reads the ``style`` declared below: the
whole style as one object from ``planwright.api``, the only module a style needs.
"""

from __future__ import annotations

from planwright.api import NoticeLayout, StyleSpec, registry_file

from .rules import RULES

style = StyleSpec(
    name="ruyi",
    title="如意县式（县级）",
    description="县级工作要点：每项任务以（A牵头，B配合）收尾并写明时限",
    level="县",
    # package data, read with importlib.resources: works from a wheel or a zip alike
    template=("planwright_ruyi", "templates/ruyi.toml"),
    template_description="如意县政务公开工作要点",
    units=registry_file(__name__),  # registry.toml beside this file
    layout=NoticeLayout(
        unit_format="lead-support",
        opening="经县政府同意，现将《{title}》印发给你们，请按照分工认真组织实施。",
        default_recipients=("各乡镇人民政府", "县政府各部门"),
        lead_word="牵头",
        support_word="配合",
    ),
    rules=RULES,
)
