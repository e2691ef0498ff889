"""Terminal output of ``check``, ``diff`` and ``plugins`` (rich; Chinese cells fold, never truncate)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from rich.console import Console
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text

from planwright.api import Finding
from planwright.zh.clean import terminal_safe

if TYPE_CHECKING:
    from planwright.diffing.result import Comparison
    from planwright.host import Host

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_WORD = {"error": "错误", "warning": "警告", "info": "提示"}


def console() -> Console:
    # soft wrap: Chinese has no spaces, so let the terminal fold long lines itself
    return Console(highlight=False, soft_wrap=True)


def show(out: Console, renderable) -> None:
    """Print *renderable* with no escape sequence of the user's reaching the terminal: the
    rendered text segments are cleaned (rich's own styling is added after, on output)."""
    segments = [seg if seg.control else Segment(terminal_safe(seg.text), seg.style)
                for seg in out.render(renderable, out.options)]
    out.print(Segments(segments), end="")


def finding_line(f: Finding, path: Path | str) -> Text:
    """``plan.toml:23 错误 PW-LEAD-001 二/（三） 任务没有牵头单位`` as rich Text (never markup)."""
    place = terminal_safe(f"{path}:{f.line}" if f.line else str(path))
    line = Text()
    line.append(place, style="dim")
    line.append("  ")
    line.append(_WORD.get(f.severity, f.severity), style=_STYLE.get(f.severity, ""))
    line.append(f"  {f.rule}  ", style="bold")
    if f.where:
        line.append(terminal_safe(f"{f.where}  "))
    line.append(terminal_safe(f.message))
    return line


def summary_line(findings: Iterable[Finding]) -> str:
    findings = list(findings)
    counts = {s: sum(f.severity == s for f in findings) for s in _WORD}
    if not findings:
        return "检查通过：没有发现问题 (no findings)"
    return f"{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示"


def print_findings(findings: list[Finding], path: Path | str) -> None:
    out = console()
    for f in findings:
        out.print(finding_line(f, path))
    out.print(Text(summary_line(findings), style="bold"))


def print_comparison(comparison: "Comparison") -> None:
    """``planwright diff`` in the terminal: colours, or +/- markers where there are none."""
    from planwright.diffing.render_rich import to_rich

    out = Console(highlight=False)
    markers = out.no_color or out.color_system is None
    show(out, to_rich(comparison, markers=markers))


def plugins_listing(host: "Host") -> dict:
    """Everything ``planwright plugins`` shows, as plain data (also the --json output)."""
    def src(hook: str, name: str) -> str:
        return host.source(hook, name)

    # collect every hook, so that a plugin failing in any of them shows as failed
    styles, templates, rules = host.styles, host.templates, host.rules
    _ = (host.registries, host.deadline_phrases, host.attribution_patterns,
         host.notice_layouts, host.sniffers)
    return {
        "plugins": [p.as_dict() for p in host.plugins],
        "styles": [{"name": s.name, "title": s.title, "description": s.description, "level": s.level,
                    "plugin": src("planwright_styles", s.name), **_dist(host, src("planwright_styles", s.name))}
                   for s in styles],
        "templates": [{"name": t.name, "style": t.style, "description": t.description,
                       "plugin": src("planwright_templates", t.name)} for t in templates],
        "rules": [{"id": r.id, "severity": r.severity, "style": r.style, "summary": r.summary,
                   "plugin": src("planwright_validators", r.id)} for r in rules],
        "warnings": list(host.warnings),
    }


def _dist(host: "Host", plugin: str) -> dict:
    info = host.info(plugin)
    return {"distribution": info.distribution if info else "", "version": info.version if info else ""}


def print_plugins(listing: dict) -> None:
    out = console()
    table = Table(title="插件 (plugins)", title_justify="left",
                  caption="各插件实现了哪些钩子：planwright plugins --json", caption_justify="left")
    for col in ("插件", "模块", "发行包 / 版本", "状态", "钩子数"):  # names stay whole; an error folds
        table.add_column(col, overflow="fold", no_wrap=col != "状态", justify="right" if col == "钩子数" else "left")
    for p in listing["plugins"]:
        status = {"active": "启用", "disabled": "已禁用", "failed": "失败"}.get(p["status"], p["status"])
        if p["error"]:
            status += f"：{p['error']}"
        table.add_row(Text(p["name"]), Text(p["module"]), Text(f"{p['distribution']} {p['version']}".strip()),
                      Text(status), Text(str(len(p["hooks"]))))
    show(out, table)
    styles = Table(title="样式 (styles)", title_justify="left")
    for col in ("样式", "名称", "说明", "来自"):
        styles.add_column(col, overflow="fold")
    for s in listing["styles"]:
        styles.add_row(Text(s["name"]), Text(s["title"]), Text(s["description"]),
                       Text(f"{s['plugin']}（{s['distribution']} {s['version']}）"))
    show(out, styles)
    templates = Table(title="模板 (templates)", title_justify="left")
    for col in ("模板", "样式", "说明", "来自"):
        templates.add_column(col, overflow="fold")
    for t in listing["templates"]:
        templates.add_row(Text(t["name"]), Text(t["style"]), Text(t["description"]), Text(t["plugin"]))
    show(out, templates)
    rules = Table(title="检查规则 (rules)", title_justify="left")
    for col in ("规则", "级别", "样式", "说明", "来自"):
        rules.add_column(col, overflow="fold")
    for r in listing["rules"]:
        rules.add_row(Text(r["id"]), Text(_WORD.get(r["severity"], r["severity"]), style=_STYLE.get(r["severity"], "")),
                      Text(r["style"] or "（通用）"), Text(r["summary"]),
                      Text(r["plugin"]))
    show(out, rules)
