"""The ``planwright`` command. The bare command opens the editor on the demo plan.

Every command is a thin shell over the library's front door (``planwright.load``,
``check``, ``import_notice``, ``compare``, ``export``, ``save``); the editor calls
the same functions. User mistakes end with a clear message naming the file and
place and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

import planwright
from planwright import __version__
from planwright.cli.output import EXIT_FINDINGS, UserError, check_output, emit, friendly, say, warn, write
from planwright.formats import DIFF_FORMATS, EXPORT_FORMATS, OutputFormat
from planwright.zh.clean import clean_line, json_dumps


def host_of(ctx: click.Context):
    from planwright.host import get_host

    opts = ctx.find_root().obj or {}
    host = get_host(no_plugins=opts.get("no_plugins", False), disabled=opts.get("disable", ()))
    return host


def _warn_plugins(host) -> None:
    for warning in host.unshown_warnings():  # get_host may have printed some already
        warn(warning)


def save_plan(doc, output: Path) -> None:
    """Write a plan file atomically; a failed write is one line naming the file."""
    try:
        planwright.save(doc, output)
    except OSError as exc:
        raise UserError(f"{output}: 无法写入 (cannot write): {exc.strerror or exc}") from None


def _four_digit_year(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None and not 1000 <= value <= 9999:
        raise click.BadParameter(f"{value}：请写四位年份，如 2027 (a four-digit year)")
    return value


def _diff_help(formats: dict[str, OutputFormat]) -> str:
    """``text 终端；md / html / docx 给领导看的比对报告；json 供程序读取.``: formats that say the same
    thing are named together."""
    groups: list[tuple[list[str], str]] = []
    for f in formats.values():
        if groups and groups[-1][1] == f.summary:
            groups[-1][0].append(f.name)
        else:
            groups.append(([f.name], f.summary))
    return "；".join(f"{' / '.join(names)} {summary}" for names, summary in groups) + "."


def _export_help(formats: dict[str, OutputFormat]) -> str:
    """The export command's help: what it does, then one line per format."""
    width = max(len(name) for name in formats) + 2
    table = "\n".join(f"{name:<{width}}{f.summary}" for name, f in formats.items())
    return ("Export the notice, the task-division table, unit lists, JSON or a calendar (导出).\n\n"
            "\b\nOnly a plan without errors is exported (see planwright check);\n"
            "--allow-errors writes a draft that says it has them.\n\n"
            f"\b\n{table}\n\n"
            "\b\n例：planwright export 2027.toml --format notice-docx -o 通知.docx")


_DIFF_HELP = _diff_help(DIFF_FORMATS)
_EXPORT_HELP = _export_help(EXPORT_FORMATS)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planwright")
@click.option("--no-plugins", is_flag=True, help="只加载内置样式，不导入第三方插件 (built-in styles only).")
@click.option("--disable", multiple=True, metavar="NAME",
              help="不加载某个插件（可多次使用；也可用 PLANWRIGHT_DISABLE_PLUGINS=a,b）.")
@click.pass_context
def main(ctx: click.Context, no_plugins: bool, disable: tuple[str, ...]) -> None:
    """planwright：政务公开工作要点的起草、检查、比对与导出。

    Without a command, opens the editor on a copy of the demo plan.
    """
    ctx.obj = {"no_plugins": no_plugins, "disable": disable}
    if ctx.invoked_subcommand is None:
        from planwright.cli.demo import demo_copy

        _open_editor(ctx, demo_copy())


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@friendly
def edit(ctx: click.Context, plan: Path) -> None:
    """Open PLAN in the editor (编辑计划); a notice (.docx/.txt/.html) is imported first.

    \b
    例：planwright edit 2027.toml
        planwright edit 2026年通知.docx    （导入后询问保存位置，再打开）
    """
    if not plan.exists() and not plan.is_symlink():  # a link that leads nowhere: load says which way
        raise UserError(f"{plan}: 文件不存在 (file not found)；新建计划请用 planwright new")
    if plan.suffix.lower() in NOTICE_SUFFIXES:
        plan = _import_for_editing(ctx, plan)
    _open_editor(ctx, plan)


@main.command(short_help="The editor in a web browser (在浏览器中编辑).")
@click.argument("plan", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--host", default="localhost", show_default=True, help="监听地址；非本机地址会先警告 (listen address).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="端口 (port).")
@click.option("--yes", is_flag=True, help="不再询问，接受非本机地址的风险 (accept the warning).")
@click.pass_context
@friendly
def serve(ctx: click.Context, plan: Path | None, host: str, port: int, yes: bool) -> None:
    """Serve the editor to a web browser with textual-serve (localhost by default).

    \b
    例：planwright serve 2027.toml      然后打开 http://localhost:8000/
    """
    from planwright.cli.serve import serve as run_server

    gc.enable()  # a server runs for hours: its cycles must be collected (entry.py turned it off)
    options = ["--no-plugins"] if ctx.obj["no_plugins"] else []
    options += [arg for name in ctx.obj["disable"] for arg in ("--disable", name)]
    run_server(plan, host, port, options, yes)


NOTICE_SUFFIXES = (".docx", ".txt", ".html", ".htm")


def _import_for_editing(ctx: click.Context, source: Path) -> Path:
    """``edit NOTICE.docx``: import the notice, ask where to save the plan, return that path."""
    from planwright.importing import ImportError_

    try:
        result = planwright.import_notice(source, host=host_of(ctx))
    except ImportError_ as exc:
        raise UserError(str(exc)) from None
    for line in result.report_lines():
        say(line, err=True)
    answer = click.prompt("计划文件保存为 (save the plan as)", default=str(source.with_suffix(".toml")), err=True)
    output = Path(answer)
    if output.suffix != ".toml":
        output = output.with_suffix(".toml")
    force = output.exists() and click.confirm(f"{output} 已存在，覆盖？(overwrite?)", default=False, err=True)
    check_output(output, force, source)
    save_plan(result.doc, output)
    say(f"已写入 {output}", err=True)
    return output


def _open_editor(ctx: click.Context, path: Path) -> None:
    # The collector is off until the editor's first screen, which turns it back on: reading a
    # big plan and building the screen allocate a few hundred thousand objects, and the
    # collections they set off walked them all again and again (0.27 s of a 5,000-task start).
    gc.disable()
    try:
        from planwright.cli.readahead import ReadAhead

        reading = ReadAhead(path)  # read in a child process while Textual and the editor load
        from planwright.tui.app import run_editor

        doc = reading.document()  # a broken file is refused here, with the CLI's message
        status = run_editor(path, host=host_of(ctx), doc=doc)  # read once: the editor takes this one
    finally:
        gc.enable()
    if status:
        sys.exit(status)


@main.command(short_help="Start a plan from a template or from last year's (新建计划).")
@click.option("--style", "style", help="样式，如 jinan / dalian / ningguo / jiangshan / township.")
@click.option("--year", type=int, callback=_four_digit_year, help="计划年度，如 2027（用 --from 时默认为原计划结束后的下一年；三年计划顺延一个周期）.")
@click.option("--from", "from_", type=click.Path(dir_okay=False, path_type=Path),
              help="去年的计划文件：在其基础上滚动到新年度 (roll over last year's plan).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="新的计划文件 (.toml).")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件.")
@click.pass_context
@friendly
def new(ctx: click.Context, style: str | None, year: int | None, from_: Path | None,
        output: Path, force: bool) -> None:
    """Start a plan from a style's template, or roll last year's into a new year (新建计划).

    With --from, every task keeps its id, deadlines move to the new year, and
    places that mention last year are marked in the file as 滚动提示 comments.

    \b
    例：planwright new --style jinan --year 2027 -o 2027.toml
        planwright new --from 2026.toml --year 2027 -o 2027.toml
    样式列表：planwright plugins
    """
    from planwright.plan import newplan

    check_output(output, force, from_)
    host = host_of(ctx)
    if from_ is None and not style:
        raise UserError("请用 --style 选择样式，或用 --from 给出去年的计划 (need --style or --from)")
    if from_ is None and year is None:
        raise UserError("请用 --year 给出计划年度 (need --year)")
    if from_ is not None:
        result = newplan.from_last_year(from_, year, style=style, host=host)
        for warning in result.warnings:
            warn(warning)
    else:
        result = newplan.from_template(style, year, host=host)
    save_plan(result.doc, output)
    _warn_plugins(host)
    say(f"已写入 {output}（{result.summary}）")
    for note in result.notes:
        say(f"  提示：{note}")


@main.command(name="check")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
@friendly
def check_cmd(ctx: click.Context, plan: Path, fmt: str) -> None:
    """Check PLAN against the core rules and its style's rules (检查计划).

    Each finding names the file line, the place (二/（三）/4), the rule and what
    to change. Exit 0 without errors, 1 with errors, 2 when the file cannot be used.
    The rules: planwright plugins.
    """
    doc = planwright.load(plan)
    host = host_of(ctx)
    findings = planwright.check(doc, host=host)
    _warn_plugins(host)
    if fmt == "json":
        out = {"file": str(plan), "errors": sum(f.severity == "error" for f in findings),
               "warnings": sum(f.severity == "warning" for f in findings),
               "findings": [f.as_dict() for f in findings]}
        click.echo(json_dumps(out, indent=2))
    else:
        from planwright.cli.report import print_findings

        print_findings(findings, plan)
    if any(f.severity == "error" for f in findings):
        sys.exit(EXIT_FINDINGS)


@main.command(name="import", short_help="Import a published notice .txt/.html/.docx (导入通知).")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--style", help="指定样式（默认自动识别）.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="计划文件（默认：与来源同名的 .toml）.")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件.")
@click.pass_context
@friendly
def import_cmd(ctx: click.Context, source: Path, style: str | None, output: Path | None, force: bool) -> None:
    """Import a published notice (.txt/.html/.docx) into a plan file (导入通知).

    Web-page debris (navigation, 扫一扫, injected ads) is dropped; the style is
    recognised from how the notice writes its units. What could not be read
    with certainty is written into the plan file as 导入提示 comments.

    \b
    例：planwright import 2026年通知.docx -o 2026.toml
    """
    from planwright.importing import ImportError_

    output = output or source.with_suffix(".toml")
    check_output(output, force, source)
    host = host_of(ctx)
    try:
        result = planwright.import_notice(source, style=style, host=host)
    except ImportError_ as exc:
        raise UserError(str(exc)) from None
    save_plan(result.doc, output)
    _warn_plugins(host)
    for line in result.report_lines():
        say(line, err=True)
    say(f"已写入 {output}")


@main.command(short_help="Compare two years' plans task by task (比对两年计划).")
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new_", metavar="NEW", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(DIFF_FORMATS)), default="text", show_default=True,
              help=_DIFF_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="写入文件（docx 必须；其他格式省略时打印到屏幕）.")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件.")
@click.option("--unit", help="只看这个单位的变化（别名、更名算同一单位），如 区财政局.")
@click.pass_context
@friendly
def diff(ctx: click.Context, old: Path, new_: Path, fmt: str, output: Path | None, force: bool,
         unit: str | None) -> None:
    """Compare two years' plans task by task (比对两年计划).

    Tasks are matched by id first, then by wording: the report lists what was
    reworded, moved, added, removed, merged or split, and each unit's gains and
    losses. Renumbering and a deadline moved by whole years are not changes.
    OLD and NEW may be plan files or published notices (.txt/.html/.docx),
    imported in memory as planwright import would; what the import doubted
    is printed on stderr.

    \b
    例：planwright diff 2026.toml 2027.toml
        planwright diff 2026.toml 2027.toml --format html -o 变化.html
        planwright diff 2026年通知.docx 2027年通知.docx
        planwright diff 2026.toml 2027.toml --unit 区财政局
        planwright diff 2026.toml 2027.toml --format xlsx -o 变化清单.xlsx
    """
    from planwright.diffing.plans import render

    check_output(output, force, old, new_, fmt=DIFF_FORMATS[fmt])
    host = host_of(ctx)
    old_doc, new_doc = _plan_or_notice(old, host), _plan_or_notice(new_, host)
    comparison = planwright.compare(old_doc, new_doc, host=host)
    comparison.old_label, comparison.new_label = clean_line(old.name), clean_line(new_.name)  # printed in every report
    if unit:
        from planwright.diffing.perunit import for_unit, known_unit

        if not known_unit(comparison, unit):
            raise UserError(f"两份计划都没有单位“{unit}” (no such unit in either plan)")
        comparison = for_unit(comparison, unit)
    if output is not None:
        write(output, render(comparison, fmt))
    elif fmt == "text" and sys.stdout.isatty():
        from planwright.cli.report import print_comparison

        print_comparison(comparison)  # colours and folding for a person at a terminal
    elif fmt == "text":  # a pipe or a file: plain text, without rich's layout (40 % of a large diff)
        from planwright.diffing.render_text import to_plain

        emit(to_plain(comparison))
    else:
        emit(render(comparison, fmt).decode("utf-8"))


def _plan_or_notice(path: Path, host):
    """A plan file as it is; a notice (.txt/.html/.docx) imported in memory, its doubts on stderr."""
    if path.suffix.lower() not in NOTICE_SUFFIXES:
        return planwright.load(path)
    from planwright.importing import ImportError_

    try:
        result = planwright.import_notice(path, host=host)
    except ImportError_ as exc:
        raise UserError(str(exc)) from None
    for line in result.report_lines(written=False):  # compared in memory: no plan file to hold the notes
        say(line, err=True)
    return result.doc


@main.command(short_help="Export the notice, the 分工 table, unit lists… (导出).", help=_EXPORT_HELP)
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), required=True, help="导出格式，见上表.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="输出文件（notice-txt、md、json、ics 可省略，打印到屏幕）.")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件.")
@click.option("--allow-errors", is_flag=True, help="计划有错误时仍然导出核对稿（输出中会注明）.")
@click.pass_context
@friendly
def export(ctx: click.Context, plan: Path, fmt: str, output: Path | None, force: bool,
           allow_errors: bool) -> None:
    from planwright.exporting import ExportError

    check_output(output, force, plan, fmt=EXPORT_FORMATS[fmt])
    doc = planwright.load(plan)
    try:
        exported = planwright.export(doc, fmt, host=host_of(ctx), allow_errors=allow_errors)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    if exported.empty:
        warn(f"提示：{plan} {exported.empty}")
    if exported.errors:
        warn(f"注意：{plan} 有 {len(exported.errors)} 个错误，已按 --allow-errors 导出，导出文件中已注明。")
    if output is None:
        emit(exported.data.decode("utf-8"))
    else:
        write(output, exported.data)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出.")
@click.pass_context
@friendly
def plugins(ctx: click.Context, as_json: bool) -> None:
    """List plugins, their styles, templates and rules (插件列表)."""
    from planwright.cli.report import plugins_listing, print_plugins

    host = host_of(ctx)
    listing = plugins_listing(host)
    if as_json:
        click.echo(json_dumps(listing, indent=2))
    else:
        print_plugins(listing)
    _warn_plugins(host)


from planwright.cli.ledger import ledger as _ledger  # noqa: E402  (a group of its own module)

main.add_command(_ledger)


if __name__ == "__main__":  # pragma: no cover
    main()
