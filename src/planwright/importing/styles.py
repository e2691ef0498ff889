"""Which style a notice is written in: the plugins' sniffers, or the user's --style."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwright.api import Sniffer
from planwright.host import Host, PluginError
from planwright.importing.common import Line, Table
from planwright.zh.hanzi import simplify

_MIN_SCORE = 0.3  # below this no style is claimed


@dataclass
class Detection:
    style: str
    chosen_by_user: bool = False
    scores: list[tuple[float, str, str]] = field(default_factory=list)  # (score, style, description)

    def describe(self) -> str:
        if self.chosen_by_user:
            return f"{self.style}（由 --style 指定）"
        if not self.style:
            return "未能识别（没有样式特征；可用 --style 指定）"
        score, _, why = self.scores[0]
        runner = next((f"；其次 {s}（{v:.2f}）" for v, s, _ in self.scores[1:] if v > 0), "")
        return f"{self.style}（依据：{why or '样式识别'}，得分 {score:.2f}{runner}；可用 --style 改变）"


def detect_style(lines: list[Line], tables: list[Table], style: str | None, host: Host) -> Detection:
    known = {s.name for s in host.styles} | {s.style for s in host.sniffers}
    if style:
        if style not in known:
            names = "、".join(sorted(known)) or "（无）"
            raise PluginError(f"未知的样式 (unknown style) “{style}”；已安装的样式：{names}")
        return Detection(style=style, chosen_by_user=True)
    # Sniffers read plain simplified text; a real table shows them its cells one per line.
    cells = [simplify(cell) for table in tables for row in table.rows[:3] for cell in row]
    text = "\n".join([line.sim for line in lines] + cells)
    scores = sorted(((_score(s, text), s.style, s.description) for s in host.sniffers), reverse=True)
    best = scores[0] if scores and scores[0][0] >= _MIN_SCORE else None
    return Detection(style=best[1] if best else "", scores=scores)


def _score(sniffer: Sniffer, text: str) -> float:
    try:
        return max(0.0, min(1.0, float(sniffer.sniff(text))))
    except Exception:  # a plugin's bug must not stop an import
        return 0.0
