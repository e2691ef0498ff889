"""``planwright ledger``: the task ledger (台账) through the year — send, collect, status, report.

A thin shell over ``planwright.ledger``: it reads the plan and the ledger file
beside it, calls the core, writes files atomically and prints what the clerk
must look at. Exit codes: 0 all done, 1 something needs the clerk, 2 unusable
input.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

import planwright
from planwright.cli.output import UserError, emit, friendly, say, warn, write
from planwright.zh import numbering
from planwright.zh.clean import terminal_safe


def _load(ctx: click.Context, plan: Path):
    """The plan document, its deadline phrases and its ledger (with the ledger's path)."""
    from planwright.host import PluginError, get_host
    from planwright.ledger import LedgerError, ledger_path, load_ledger
    from planwright.plan.store import PlanFileError

    opts = ctx.find_root().obj or {}
    try:
        doc = planwright.load(plan)
        host = get_host(no_plugins=opts.get("no_plugins", False), disabled=opts.get("disable", ()))
    except (PlanFileError, PluginError) as exc:
        raise UserError(str(exc)) from None
    phrases = host.phrases_for(doc.plan.meta.style or None)
    path = ledger_path(plan)
    try:
        ledger = load_ledger(path)
    except LedgerError as exc:
        raise UserError(str(exc)) from None
    ledger.plan_title = doc.plan.meta.title
    return doc, phrases, ledger, path


@click.group(short_help="The task ledger through the year: send, collect, status, report (任务台账).")
def ledger() -> None:
    """任务台账：下发各单位填报表、汇总回收、按日着色、生成落实情况报告。

    \b
    The ledger is kept beside the plan (2027.toml → 2027.ledger.toml); the plan's
    text never changes because of progress.
    """


@ledger.command(short_help="One .xlsx per responsible unit to fill in (下发填报表).")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="输出目录（不存在则新建）.")
@click.option("--force", is_flag=True, help="覆盖目录中已有的同名文件.")
@click.pass_context
@friendly
def send(ctx: click.Context, plan: Path, out_dir: Path, force: bool) -> None:
    """每个责任单位一份 .xlsx：本单位牵头、配合的任务，待填列已解锁。"""
    from planwright.ledger.sheets import send as send_sheets

    doc, phrases, _, _ = _load(ctx, plan)
    sheets = send_sheets(doc.plan, phrases)
    if not sheets:
        raise UserError(f"{plan}: 计划中没有写明责任单位的任务，无表可发 (no task names a unit)")
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir}: 不是目录 (not a directory)")
    clashes = [s.filename for s in sheets if (out_dir / s.filename).exists()]
    if clashes and not force:
        raise UserError(f"{out_dir / clashes[0]}: 文件已存在，未覆盖；加 --force 可覆盖 (exists; use --force)")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{out_dir}: 无法创建目录 (cannot create): {exc.strerror or exc}") from None
    for sheet in sheets:
        write(out_dir / sheet.filename, sheet.data)
        say(f"{out_dir / sheet.filename}  {sheet.unit}  {sheet.tasks} 项任务")
    click.echo(f"已为 {len(sheets)} 个单位生成填报表。")


@ledger.command(short_help="Read returned workbooks into the ledger (汇总回收).")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@friendly
def collect(ctx: click.Context, plan: Path, files: tuple[Path, ...]) -> None:
    """汇入各单位交回的表；不能汇入的逐条列出（退出码 1），无法读取的文件退出码 2。"""
    from planwright.ledger import save_ledger
    from planwright.ledger.collect import Issue, UNUSABLE, collect as collect_returns

    doc, phrases, ledger_, path = _load(ctx, plan)
    inputs, unreadable = [], []
    for f in files:
        try:
            inputs.append((f.name, f.read_bytes()))
        except OSError as exc:
            unreadable.append(Issue(f.name, "", f"无法读取 (cannot read): {exc.strerror or exc}", UNUSABLE))
    result = collect_returns(doc.plan, ledger_, inputs, phrases)
    result.issues[:0] = unreadable
    if result.taken:
        try:
            save_ledger(result.ledger, path)
        except OSError as exc:
            raise UserError(f"{path}: 无法写入台账 (cannot write): {exc.strerror or exc}") from None
    say(f"已汇入 {len(result.taken)} 条报送，{result.unchanged} 条与台账相同；台账：{path}")
    for issue in result.issues:
        say(f"需要核对：{issue.line()}", err=True)
    sys.exit(max([result.exit_code] + [2 for _ in unreadable]))


_TEXT_COLOURS = {"red": "red", "yellow": "yellow", "blue": "blue", "green": "green", "none": None}


@ledger.command(short_help="Each task's state and colour on a day (完成情况).")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), help="截至日期 YYYY-MM-DD（默认今天）.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "xlsx"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="输出文件（xlsx 必须）.")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件.")
@click.pass_context
@friendly
def status(ctx: click.Context, plan: Path, as_of, fmt: str, output: Path | None, force: bool) -> None:
    """每项任务在某日的状态与颜色：绿 已完成，红 逾期，蓝 临期（5 个工作日内），黄 低于时间进度。"""
    import datetime as dt
    from planwright.zh.clean import json_dumps

    from planwright.cli.output import check_output
    from planwright.ledger.status import LABELS, status as task_status, status_xlsx

    if fmt == "xlsx" and output is None:
        raise UserError("xlsx 是二进制格式，请用 -o 指定输出文件 (needs -o FILE)")
    check_output(output, force, plan)
    doc, phrases, ledger_, _ = _load(ctx, plan)
    day = as_of.date() if as_of else dt.date.today()
    result = task_status(doc.plan, ledger_, day, phrases)
    for warning in result.warnings:
        warn(warning)
    if fmt == "json":
        data = (json_dumps(result.to_json(), indent=2) + "\n").encode("utf-8")
    elif fmt == "xlsx":
        data = status_xlsx(result, doc.plan.meta.title)
    else:
        data = b""
    if fmt != "text":
        if output is None:
            emit(data.decode("utf-8"))
        else:
            write(output, data)
        return
    summary = result.summary()
    click.echo(f"截至 {day.isoformat()}：" + "，".join(f"{LABELS[k]} {n}" for k, n in summary.items()))
    for t in result.tasks:
        due = t.task.due.isoformat() if t.task.due else (t.task.deadline or "未定")
        title = numbering.strip_heading(t.task.title)  # the path already names （三）
        line = (f"[{LABELS[t.state]}] {t.task.path} {title}  牵头：{'、'.join(t.task.lead) or '—'}  "
                f"时限：{due}  {t.reported} {t.percent}%" + (f"（应达 {t.expected:g}%）" if t.task.due else ""))
        click.echo(click.style(terminal_safe(line), fg=_TEXT_COLOURS[t.colour]))


@ledger.command(short_help="Roll-up per unit and point, late tasks, 落实情况 text (落实情况报告).")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["md", "docx", "xlsx"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="输出文件（md 可省略，打印到屏幕）.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), help="截至日期 YYYY-MM-DD（默认今天）.")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件.")
@click.pass_context
@friendly
def report(ctx: click.Context, plan: Path, fmt: str, output: Path | None, as_of, force: bool) -> None:
    """按单位、按要点汇总（超/达/欠进度及比例），列出逾期任务，并生成可粘贴进年度报告的落实情况段落。"""
    import datetime as dt

    from planwright.cli.output import check_output
    from planwright.ledger.report import build, render

    if fmt != "md" and output is None:
        raise UserError(f"{fmt} 是二进制格式，请用 -o 指定输出文件 (needs -o FILE)")
    check_output(output, force, plan)
    doc, phrases, ledger_, _ = _load(ctx, plan)
    rep = build(doc.plan, ledger_, as_of.date() if as_of else dt.date.today(), phrases)
    for warning in rep.status.warnings:
        warn(warning)
    data = render(rep, fmt)
    if output is None:
        emit(data.decode("utf-8"))
    else:
        write(output, data)
