"""The words every report of a comparison shares (text, Markdown, HTML, docx).

Renderers differ in markup only; what a change is called, which facts are
listed and in which order is decided here once.
"""

from __future__ import annotations

from planwright.diffing.result import LEVEL_LABEL, STATUS_LABEL, STATUSES, Change, Comparison, NodeRef
from planwright.diffing.text import DELETE, INSERT, Op
from planwright.diffing.perunit import KINDS, unit_changes
from planwright.diffing.unitdiff import UnitDelta


def heading(cmp: Comparison) -> str:
    unit = f"（{cmp.unit}）" if cmp.unit else ""
    return f"计划比对{unit}：{cmp.old_title or '（旧计划）'} → {cmp.new_title or '（新计划）'}"


def sources(cmp: Comparison) -> str:
    old = cmp.old_label or "旧计划"
    new = cmp.new_label or "新计划"
    years = f"（{cmp.old_year} → {cmp.new_year} 年）" if cmp.old_year and cmp.new_year else ""
    return f"旧：{old}　新：{new}{years}"


def notes(cmp: Comparison) -> list[str]:
    out = []
    if cmp.year_shift:
        out.append(f"时限只报告年度顺延 {cmp.year_shift:+d} 年以外的变化；重新编号不算变化。")
    if not cmp.ids_trusted:
        out.append("两份计划的节点编号（id）互不对应，已全部按内容比对。")
    review = sum(c.review for c in cmp.changes)
    if review:
        out.append(f"{review} 处按内容匹配的把握不大（相似度 0.30–0.40），已标“请核对”。")
    return out


def summary_header() -> list[str]:
    return ["", *(STATUS_LABEL[s] for s in STATUSES), "合计"]


def _counts(counts: dict[str, int], adjusted: int) -> list[str]:
    cells = [str(counts[s]) for s in STATUSES]
    if adjusted:  # the 未变 cell: text unchanged, but units or deadline changed in some
        cells[STATUSES.index("unchanged")] += f"（其中单位或时限调整 {adjusted}）"
    return [*cells, str(sum(counts.values()))]


def summary_rows(cmp: Comparison) -> list[list[str]]:
    """One row per level present, then the total."""
    adjusted = cmp.adjusted_by_level()
    rows = [[LEVEL_LABEL[level], *_counts(counts, adjusted.get(level, 0))]
            for level, counts in cmp.summary_by_level().items()]
    rows.append(["合计", *_counts(cmp.summary, sum(adjusted.values()))])
    return rows


def unit_header() -> list[str]:
    return ["单位", "增加", "减少", "增加的任务", "减少的任务"]


def unit_rows(cmp: Comparison) -> list[list[str]]:
    return [[t.unit, str(len(t.gained)), str(len(t.lost)), "、".join(t.gained), "、".join(t.lost)]
            for t in cmp.units]


def per_unit_header() -> list[str]:
    return ["单位", *KINDS, "位置"]


def per_unit_rows(cmp: Comparison) -> list[list[str]]:
    """The closing per-unit section: for each unit, its counts and where each change is."""
    rows = []
    for entry in unit_changes(cmp):
        where = "；".join(f"{kind} {'、'.join(entry.paths(kind))}" for kind in KINDS if entry.count(kind))
        rows.append([entry.unit, *(str(entry.count(kind)) for kind in KINDS), where])
    return rows


PER_UNIT_TITLE = "按单位：增加、减少、改写和时限调整"


def change_subject(change: Change) -> str:
    """``任务 二/（三） 标题``: what changed and where it is now (or was, if removed)."""
    refs = change.new or change.old
    title = "；".join(r.title for r in refs)
    return f"{LEVEL_LABEL[change.level]} {change.where} {title}".rstrip()


def change_title(change: Change) -> str:
    """``改写 · 任务 二/（三） 标题`` (``单位调整 · …`` for a text unchanged but for its units)."""
    return f"{change.label} · {change_subject(change)}"


def _paths(refs: list[NodeRef]) -> str:
    return "、".join(r.path for r in refs) or "—"


def change_facts(change: Change) -> list[str]:
    """The lines under a change's title, in reading order."""
    facts = []
    if change.old and change.new:
        facts.append(f"位置：旧 {_paths(change.old)} → 新 {_paths(change.new)}；文字相似度 {change.text_similarity:.2f}")
    if change.review:
        facts.append("请核对：按内容匹配，把握不大")
    if change.hint is not None:
        side = "新计划" if change.status == "removed" else "旧计划"
        facts.append(f"可能对应：{side} {change.hint.path} {change.hint.title}")
    for word, delta in (("牵头单位", change.lead), ("配合单位", change.support)):
        line = units_line(delta)
        if line:
            facts.append(f"{word}：{line}")
    if change.deadline is not None:
        old, new = change.deadline
        facts.append(f"时限：{old or '（无）'} → {new or '（无）'}")
    return facts


def change_ops(change: Change) -> list[Op] | None:
    """The text under a change: all inserted, all deleted, the redline, or None when unchanged."""
    if change.status == "added":
        return [(INSERT, change.new_text)]
    if change.status == "removed":
        return [(DELETE, change.old_text)]
    if change.status == "unchanged":
        return None
    return change.redline


def units_line(delta: UnitDelta) -> str:
    parts = []
    if delta.added:
        parts.append("增加 " + "、".join(delta.added))
    if delta.removed:
        parts.append("减少 " + "、".join(delta.removed))
    if delta.renamed:
        parts.append("更名 " + "、".join(f"{a} → {b}" for a, b in delta.renamed))
    return "；".join(parts)


def unchanged_line(change: Change) -> str:
    return f"{LEVEL_LABEL[change.level]} {change.where} {change.new[0].title if change.new else ''}".rstrip()
