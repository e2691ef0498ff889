"""Import side of the Ningguo style: its sniffer and deadline phrases.

Ningguo-style plans carry their units in an attached 重点工作任务分工 table
(工作任务 / 具体要求 / 责任单位 / 时限要求). Its cells are read by the core's
table reader (a cell's （牵头） mark included), so no attribution patterns are needed.
"""

from __future__ import annotations

import re

from planwright.api import DeadlineKind, DeadlinePhrase
from planwright.zh.lazyre import lazy_compile

_CAPTIONS = ("工作任务", "具体要求", "责任单位", "时限要求", "牵头单位", "配合单位", "完成时限", "责任科室",
             "序号", "具体任务", "完成时间", "重点任务", "主要任务", "工作内容", "任务内容", "责任部门", "牵头部门",
             "配合部门", "完成期限", "时间节点", "重点工作", "具体措施", "工作措施", "具体工作措施", "主要内容",
             "具体内容", "任务分解", "责任主体", "牵头责任部门", "配合责任单位", "完成时间节点",
             "工作任務", "具體要求", "責任單位", "時限要求")
_CAPTION_LINE_RE = lazy_compile(rf"^[ \t\u3000]*(?:{'|'.join(_CAPTIONS)})[ \t\u3000]*$", re.M)
_CAPTION_ROW_RE = lazy_compile(r"(?:工作任务|具体要求|工作任務|具體要求).{0,12}(?:责任单位|責任單位).{0,12}(?:时限|時限)")


def sniff(text: str) -> float:
    """An attached task table: its column captions, one per line or in one row."""
    captions = len(set(m.strip() for m in _CAPTION_LINE_RE.findall(text)))
    if captions >= 3 or _CAPTION_ROW_RE.search(text):
        return 0.9
    return 0.2 if captions == 2 else 0.0


DEADLINE_PHRASES = (
    DeadlinePhrase(name="ningguo-by-stages", pattern=r"分(?:阶段|步骤|批次?)(?:推进|实施|完成)",
                   kind=DeadlineKind.CONTINUOUS, label="分阶段"),
    DeadlinePhrase(name="ningguo-by-milestones", pattern=r"按(?:时间)?节点(?:推进|完成)",
                   kind=DeadlineKind.CONTINUOUS, label="按节点"),
)
