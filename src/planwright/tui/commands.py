"""Every editor command once: its keys, its Chinese name, and the words that find it.

The key bindings of the editor screen and the command palette (Ctrl+P) are both
made from this table, so a command can never be reachable one way and not the
other. Keys are Ctrl or F keys: with a Chinese input method on, single letters
go to the input method and never reach the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True)
class Command:
    id: str  # binding id, also for user keymaps
    keys: str
    action: str  # action name on the editor screen
    title: str  # Chinese name in the palette and footer
    search: str  # pinyin initials, pinyin and English: found without an IME
    help: str = ""
    footer: bool = False
    key_display: str | None = None
    short: str = ""  # the footer's word, where the title is too long for a narrow terminal
    tree_keys: str = ""  # keys that act only outside text fields (there they edit words)


COMMANDS: tuple[Command, ...] = (
    Command("save", "ctrl+s", "save", "保存", "bc baocun save", "写回计划文件（保留注释与格式）", True, "^S"),
    Command("quit", "ctrl+q", "quit", "退出", "tc tuichu quit exit", "有未保存的修改时会先询问"),
    Command("undo", "ctrl+z", "undo", "撤销", "cx chexiao undo", "撤销上一步编辑", True, "^Z"),
    Command("redo", "ctrl+y", "redo", "重做", "cz chongzuo redo", "重做刚撤销的编辑", False, "^Y"),
    Command("search", "ctrl+f", "search", "查找替换", "cz chazhao th tihuan find search replace",
            "在前言和各栏中查找，逐处列出；可全部替换（可撤销）", True, "^F", short="查找"),
    Command("add_point", "f2,ctrl+a", "add_point", "新增要点", "xzyd xinzeng yaodian add point",
            "在当前要点之后新增一个要点", True, "F2", short="加要点"),
    Command("add_task", "f3,ctrl+n", "add_task", "新增任务", "xzrw xinzeng renwu add task new",
            "在当前任务之后（或当前要点末尾）新增任务", True, "F3", short="加任务"),
    Command("add_item", "f4,ctrl+j", "add_item", "新增事项", "xzsx xinzeng shixiang add item", "在当前任务下新增事项",
            True, "F4", short="加事项"),
    Command("toggle_kind", "f5,ctrl+l", "toggle_kind", "任务⇄事项转换", "zh zhuanhuan convert task item",
            "任务归入上一项任务成为事项；事项升为任务"),
    Command("duplicate", "f6,ctrl+d", "duplicate", "复制任务", "fz fuzhi duplicate copy", "在下方复制当前任务或事项"),
    Command("move_to", "f7,ctrl+w", "move_to", "移到其他要点", "yd yidong move point", "把当前任务移到另一个要点下"),
    Command("delete", "f8", "delete", "删除", "sc shanchu delete remove", "删除当前节点（可撤销）", True, "F8",
            tree_keys="ctrl+delete"),
    Command("move_up", "ctrl+up,alt+up", "move(-1)", "上移", "sy shangyi move up", "与上一个同级节点交换位置"),
    Command("move_down", "ctrl+down,alt+down", "move(1)", "下移", "xy xiayi move down", "与下一个同级节点交换位置"),
    Command("notice", "f9,ctrl+t", "notice", "通知预览", "tzyl tongzhi yulan notice preview", "按样式排版的通知正文", True,
            "F9", short="预览"),
    Command("table", "f10,ctrl+b", "table", "任务分工表", "fgb fengong biao table", "单位与时限一览，可按单位或时限排序",
            True, "F10", short="分工表"),
    Command("units", "f11,ctrl+u", "units", "单位（查看与登记）", "dw danwei dj dengji unit registry",
            "选一个单位，看它牵头和配合的任务；Ctrl+E 登记、改名（可同时改各任务）、别名与类别"),
    Command("agenda", "ctrl+backslash", "agenda", "日程", "rc richeng agenda calendar due",
            "按月列出有日期的任务，标出已逾期和即将到期的，可按单位筛选"),
    Command("ledger", "ctrl+circumflex_accent", "ledger", "任务台账", "tz taizhang ledger progress jindu",
            "按时限列出任务与完成情况（红逾期、黄滞后、蓝临期、绿完成），可按单位筛选，Enter 手工录入报送"),
    Command("body", "ctrl+right_square_bracket", "body", "正文提纲", "zwtg zhengwen tigang body outline",
            "编辑通知正文自带的提纲（宁国式：正文一套、分工表一套），以文字编辑"),
    Command("compare", "f12,ctrl+o", "compare", "与其他年度对比", "db duibi compare diff",
            "选一个计划文件，逐项对比增删改"),
    Command("export", "ctrl+e", "export", "导出", "dc daochu export", "导出通知、分工表、单位清单等", True, "^E"),
    Command("new_year", "ctrl+r", "new_year", "由本计划生成新年度计划", "xnd xin niandu rollover new year",
            "把本计划滚动到下一年度，另存为新文件"),
    Command("check", "ctrl+k", "check", "立即检查", "jc jiancha check validate", "重新运行检查规则"),
    Command("focus_tree", "escape", "focus_tree", "回到目录树", "mls mulu tree", "把光标移回左侧目录"),
    Command("focus_findings", "ctrl+g", "focus_findings", "查看检查结果", "jcjg jiancha jieguo findings",
            "把光标移到下方的检查结果"),
    Command("tree_width", "", "tree_width", "目录加宽/变窄", "mlkd mulu kuandu tree width",
            "在目录中按 Ctrl+← 变窄、Ctrl+→ 加宽", tree_keys="ctrl+left,ctrl+right"),
    Command("help", "f1,ctrl+underscore", "help", "快捷键一览", "bz bangzhu help keys", "列出全部命令与按键", True,
            "F1", short="帮助"),
)

# Keys a text field has its own use for (Esc leaves a dialog, Ctrl+Delete and
# Ctrl+←/→ work on words): bound without priority, so they act only where no
# field claims them.
_FIELD_KEYS = {"escape"}


def bindings() -> list[Binding]:
    """The editor screen's bindings; priority so that they work inside text fields too.

    A priority key is acted on when the app reads it, ahead of the characters typed
    before it that still wait in the field's queue; so the action goes through
    ``in_order``, which runs it in the focused field's queue, behind them.
    """
    out = [
        Binding(c.keys, f"in_order({c.action!r})", c.short or c.title, show=c.footer,
                key_display=c.key_display, priority=c.keys not in _FIELD_KEYS, id=c.id, tooltip=c.help)
        for c in COMMANDS if c.keys
    ]
    out += [Binding(c.tree_keys, c.action, c.title, show=False, id=f"{c.id}_tree")
            for c in COMMANDS if c.tree_keys and c.id != "tree_width"]
    out += [Binding("ctrl+left", "tree_width(-1)", "目录变窄", show=False, id="tree_narrower"),
            Binding("ctrl+right", "tree_width(1)", "目录加宽", show=False, id="tree_wider")]
    return out


def keys_text(command: Command) -> str:
    """``f3,ctrl+n`` → ``F3 / Ctrl+N`` for help and palette lines."""
    keys = ",".join(k for k in (command.keys, command.tree_keys) if k)
    return " / ".join(key_name(k) for k in keys.split(","))


_KEY_WORDS = {"underscore": "/", "backslash": "\\", "circumflex_accent": "^", "right_square_bracket": "]",
              "left": "←", "right": "→", "up": "↑", "down": "↓", "escape": "Esc", "delete": "Delete"}


def key_name(key: str) -> str:
    """``ctrl+underscore`` → ``Ctrl+/`` (what the keyboard shows; a terminal sends Ctrl+/ as Ctrl+_)."""
    return "+".join(_KEY_WORDS.get(part) or (part.capitalize() if len(part) > 1 else part.upper())
                    for part in key.split("+"))


class PlanCommands(Provider):
    """The palette's editor commands, found by Chinese name, pinyin or English.

    The editor screen offers them (its ``COMMANDS``), so the palette lists them
    when it is opened over the editor, not over a view or a dialog.
    """

    async def discover(self) -> Hits:
        editor = self.screen
        for command in COMMANDS:
            yield DiscoveryHit(command.title, self._runner(editor, command),
                               help=f"{keys_text(command)}　{command.help}")

    async def search(self, query: str) -> Hits:
        editor = self.screen
        matcher = self.matcher(query)
        for command in COMMANDS:
            score = max(matcher.match(command.title), matcher.match(command.search))
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), self._runner(editor, command),
                          text=command.title, help=f"{keys_text(command)}　{command.help}")

    @staticmethod
    def _runner(editor: "Screen", command: Command):
        async def run() -> None:
            await editor.run_action(command.action)

        return run
