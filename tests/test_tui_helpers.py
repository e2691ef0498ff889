"""Shared pieces of the editor tests: a sample plan, an app factory, CJK typing helpers.

Named test_tui_*.py so that it sits with the editor tests; it holds no tests itself.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

# A small plan in the project's own words, with text that markup would eat
# ([50%], [b]) and punctuation of every width.
SAMPLE = '''\
# 编辑器测试用计划：注释要在保存后保留。
schema = "planwright/1"

[plan]
title = "2027年示例区政务公开工作要点"
style = "jinan"
year = 2027
issuer = "示例区人民政府办公室"
recipients = ["各街道办事处", "区政府各部门"]
preamble = "全区政务公开工作要紧扣中心任务，以公开促落实。"

[[units]]
name = "区财政局"
aliases = ["财政局"]

[[units]]
name = "区数据局"

[[units]]
name = "区政务公开办"

[[points]]
id = "pt1aaa"
title = "围绕重点领域，抓好主动公开"

[[points.tasks]]
id = "tk1aaa"
title = "抓好财政预决算公开"
text = "预算、决算批复后按规定时限公开，完成率[50%]以上的部门要“逐项说明”……"
lead = ["区财政局"]
support = ["区政府各部门"]
deadline = "2027年10月底"

[[points.tasks]]
id = "tk2aaa"
title = "做好[b]政策解读[/b]"
text = "重要政策文件与解读材料同步起草、同步审签、同步发布。"
lead = ["区政务公开办"]
deadline = "持续推进"

[[points.tasks.items]]
id = "it1aaa"
text = "解读材料随文件一并报送。"
lead = ["区政务公开办"]
deadline = "2027年6月30日前"

[[points]]
id = "pt2aaa"
title = "夯实平台基础"

[[points.tasks]]
id = "tk3aaa"
title = "优化政府网站集约化平台"
text = "清理无效栏目，统一检索入口。"
lead = ["区数据局"]
support = ["区政务公开办"]
deadline = "下半年"
'''


def write_sample(folder: Path, name: str = "plan.toml") -> Path:
    path = folder / name
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def make_app(path: Path, host=None, checker: str = "thread"):
    """The editor on ``path``; validators in a thread unless ``checker="process"``."""
    from planwright.host import Host
    from planwright.tui.app import PlanwrightApp

    return PlanwrightApp(path, host or Host(), checker=checker)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type like a person with an input method: one key per character, punctuation intact.

    ``pilot.press`` loses full-width punctuation (it rebuilds the character from
    the key name); a Key event with the character itself is what a terminal sends.
    """
    from textual.keys import _character_to_key

    for ch in text:
        # to the app, as the terminal driver does: it routes keys to the focused widget
        pilot.app.post_message(events.Key(_character_to_key(ch), ch))
        await pilot.pause()


async def paste(pilot: Pilot, text: str) -> None:
    """A bracketed paste, delivered as the driver delivers it."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def settle(pilot: Pilot, app) -> None:
    """Let timers, workers and after-refresh callbacks finish."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
