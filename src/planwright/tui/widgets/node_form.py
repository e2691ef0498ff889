"""The form of the selected node: title, text, lead and support units, deadline.

The form never writes the model itself: it posts ``FieldEdited`` and the screen
applies it through the session (so every keystroke lands in the undo history).
Values shown are compared with the model before posting, so filling the form
for another node never counts as an edit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any, Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from planwright.zh import deadlines
from planwright.plan import titles
from planwright.plan.editing import EDITABLE, field_label
from planwright.plan.model import Item, Meta, Node, Point, Task
from planwright.zh.units import Registry
from planwright.tui.widgets.field_input import FieldInput
from planwright.tui.widgets.field_text_area import FieldTextArea
from planwright.tui.widgets.units_input import UnitsInput, join_units, split_units

# Which rows each kind of node shows: the fields an edit may set.
_ROWS = EDITABLE
META_FIELDS = ("title", "year", "style", "issuer", "doc_number", "date", "recipients", "preamble", "closing",
               "publicity", "cc", "printer", "print_date",
               # the notice as the office printed it, kept by the importer (the office's wording is data)
               "notice_title", "letter", "end_year", "doc_number_at", "masthead", "fonts",
               "forward_title", "forward_doc_number", "forward_recipients", "forward_letter", "forward_issuer",
               "forward_date")
_LISTS = ("recipients", "cc", "forward_recipients")  # 、-separated in the field, lists in the model
_DATES = ("date", "print_date", "forward_date")  # typed as 2027年3月1日, stored as 2027-03-01
_TEXTS = ("preamble", "closing", "letter", "forward_letter")  # several lines
# Fields with a few allowed words: picked from a list (a typed word the store refuses would make
# the saved file unreadable); the first choice is what "" means.
_CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "doc_number_at": (("above", "标题上方（GB/T 9704）"), ("below", "标题下方（网页常见）")),
    "masthead": (("red", "红色版头"), ("preprinted", "套红纸：留出版头位置，不印"), ("none", "不要版头")),
    "fonts": (("gbt9704", "标准字体（方正小标宋简体、仿宋_GB2312…）"), ("windows", "Windows 字体（仿宋、楷体…）")),
}


_WRITTEN_DATE = re.compile(r"\s*([0-9]{4})\s*[年.\-/]\s*([0-9]{1,2})\s*[月.\-/]\s*([0-9]{1,2})\s*日?\s*")


def date_as_stored(typed: str) -> str:
    """``2022年3月1日`` (or 2022.3.1, 2022/3/1, 2022-3-1) → ``2022-03-01`` when it is a real date.

    Anything else is kept as typed: the checker says what is wrong with it.
    """
    m = _WRITTEN_DATE.fullmatch(typed.translate(_FULL_WIDTH_DIGITS))
    if m is None:
        return typed
    try:
        return dt.date(*(int(g) for g in m.groups())).isoformat()
    except ValueError:
        return typed


def date_as_written(stored: str) -> str:
    """``2022-03-01`` → ``2022年3月1日``, as a clerk writes it; anything else as it is."""
    try:
        day = dt.date.fromisoformat(stored)
    except ValueError:
        return stored
    return f"{day.year}年{day.month}月{day.day}日"


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _label(text: str, **kw: Any) -> Label:
    return Label(text, markup=False, **kw)


class NodeForm(Vertical):
    """Fields of one point, task or item, or of the plan's own [plan] table."""

    @dataclass
    class FieldEdited(Message):
        """The user changed a field; ``node_id`` is None for the [plan] table."""

        node_id: str | None
        field: str
        value: Any

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.node_id: str | None = None
        self.node: Node | Meta | None = None
        self.registry: Registry | None = None
        self.deadline_parser: Callable[[str], deadlines.Deadline] = deadlines.parse
        self._meta_asked = self._meta_ready = False  # the [plan] fields: asked for, made
        self._meta_waiting: list[Callable[[], None]] = []  # what waits for them to be made
        self._title_shown: str | None = None  # the border title (see _set_border_title)

    def compose(self) -> ComposeResult:
        # both groups scroll: at 80×24 the fields do not fit, and a field must never be zero-high
        with VerticalScroll(id="node-fields"):
            with Vertical(classes="row", id="row-title"):
                yield _label(field_label("title", meta=False))
                yield FieldInput(id="title", select_on_focus=False, compact=True)
            with Vertical(classes="row", id="row-text"):
                yield _label(field_label("text", meta=False), id="text-label")
                yield FieldTextArea(id="text", soft_wrap=True, tab_behavior="focus", compact=True)
            with Vertical(classes="row", id="row-lead"):
                yield _label(field_label("lead", meta=False, hint=True, also="→ 接受补全"))
                yield UnitsInput(id="lead")
                yield Static("", id="lead-hint", classes="hint", markup=False)
            with Vertical(classes="row", id="row-support"):
                yield _label(field_label("support", meta=False))
                yield UnitsInput(id="support")
                yield Static("", id="support-hint", classes="hint", markup=False)
            with Vertical(classes="row", id="row-deadline"):
                yield _label(field_label("deadline", meta=False, hint=True))
                yield FieldInput(id="deadline", select_on_focus=False, compact=True)
                yield Static("", id="deadline-meaning", classes="hint", markup=False)
        # The [plan] table's rows are two thirds of the form's widgets and no first screen
        # shows them: they are made after the first paint (``build_meta``) or when first needed.
        yield VerticalScroll(id="meta-fields")

    def _meta_rows(self) -> list[Vertical]:
        rows = []
        for name in META_FIELDS:
            field: Widget
            if name in _TEXTS:
                field = FieldTextArea(id=f"meta-{name}", soft_wrap=True, tab_behavior="focus", classes="meta-text",
                                      compact=True)
            elif name in _CHOICES:
                field = Select([(label, value) for value, label in _CHOICES[name]], id=f"meta-{name}",
                               allow_blank=False, compact=True)
            else:
                field = FieldInput(id=f"meta-{name}", select_on_focus=False, compact=True,
                                   type="integer" if name in ("year", "end_year") else "text")
            row = [_label(field_label(name, meta=True, hint=True)), field]
            if name == "title":  # which title the notice prints, under the one being edited
                row.append(Static("", id="notice-title-hint", classes="hint", markup=False))
            rows.append(Vertical(*row, classes="row"))
        return rows

    def build_meta(self) -> None:
        """Make the [plan] table's fields, once (the editor asks right after its first paint)."""
        if not self._meta_asked:
            self._meta_asked = True
            self.call_later(self._mount_meta)

    async def _mount_meta(self) -> None:
        await self.query_one("#meta-fields", VerticalScroll).mount_all(self._meta_rows())
        self._meta_ready = True
        waiting, self._meta_waiting = self._meta_waiting, []
        for then in waiting:
            then()

    def _with_meta(self, then: Callable[[], None]) -> None:
        """Run ``then`` now if the [plan] fields exist, else as soon as they are made."""
        if self._meta_ready:
            then()
        else:
            self._meta_waiting.append(then)
            self.build_meta()

    # -- filling -------------------------------------------------------------
    def show_node(self, node_id: str, node: Node, where: str) -> None:
        """Fill the form with a node's fields (no FieldEdited results from this)."""
        self.node_id, self.node = node_id, node
        self._set_border_title(f"内容 · {where}")
        self._show_group(meta=False)
        rows = _ROWS[type(node)]
        for name in ("title", "text", "lead", "support", "deadline"):
            self._set_display(f"#row-{name}", name in rows)
        label = "事项内容" if isinstance(node, Item) else field_label("text", meta=False)
        text_label = self.query_one("#text-label", Label)
        if str(text_label.render()) != label:
            text_label.update(label, layout=False)
        if "title" in rows:
            self._set_input("#title", node.title)  # type: ignore[union-attr]
        self._set_text("#text", node.text)
        if isinstance(node, (Task, Item)):
            self._set_input("#lead", self._as_shown("lead", node.lead))
            self._set_input("#support", self._as_shown("support", node.support))
            self._set_input("#deadline", node.deadline)
            self.update_hints()

    def show_meta(self, meta: Meta) -> None:
        """Fill the form with the [plan] table: what the notice says about the plan."""
        self.node_id, self.node = None, meta
        self._set_border_title("内容 · 计划信息")
        self._show_group(meta=True)
        self._with_meta(lambda: self._fill_meta(meta))

    def _fill_meta(self, meta: Meta) -> None:
        if self.node is not meta:
            return  # the form moved on while the fields were being made
        for name in META_FIELDS:
            shown = self._as_shown(name, getattr(meta, name))
            if name in _TEXTS:
                self._set_text(f"#meta-{name}", shown)
            elif name in _CHOICES:
                select = self.query_one(f"#meta-{name}", Select)
                if select.value != shown:
                    select.value = shown
            else:
                self._set_input(f"#meta-{name}", shown)
        self._notice_title_hint(meta)

    def _set_border_title(self, title: str) -> None:
        """The form's title (which node it shows), repainting the top border only: Textual's
        border_title repaints the whole form, every field under it, at every cursor move."""
        if title == self._title_shown:
            return
        first = self._title_shown is None
        self._title_shown = title
        if first or not self.size.width:
            self.border_title = title
            return
        self._border_title = self.render_str(title).expand_tabs(4).split()[0]  # as border_title sets it
        border = self.content_offset  # refresh takes regions of the content: the border is above it
        self.refresh(Region(-border.x, -border.y, self.outer_size.width, 1))

    # Showing another node must not lay the screen out again: a layout pass of
    # the whole screen costs more than everything else a cursor move does. So
    # displays change only when the kind of node changes, and hints are fixed
    # in height and updated with layout=False.
    def _show_group(self, meta: bool) -> None:
        self._set_display("#node-fields", not meta)
        self._set_display("#meta-fields", meta)

    def _set_display(self, selector: str, shown: bool) -> None:
        widget = self.query_one(selector)
        if widget.display != shown:
            widget.display = shown

    def _hint(self, selector: str, text: str) -> None:
        widget = self.query_one(selector, Static)
        if str(widget.render()) != text:
            widget.update(text, layout=False)

    def _set_input(self, selector: str, value: str) -> None:
        widget = self.query_one(selector, FieldInput)
        if widget.value != value:
            widget.fill(value)

    def _set_text(self, selector: str, value: str) -> None:
        widget = self.query_one(selector, TextArea)
        if widget.text != value:
            widget.load_text(value)

    def focus_field(self, name: str | None) -> None:
        """Put the cursor in a field (a finding's field), or the first one shown."""
        if self.node_id is None:
            # a finding on the [plan] table names the key: doc_number, date …
            wanted = f"#meta-{name}" if name in META_FIELDS else "#meta-title"

            def focus() -> None:
                if self.node_id is None:  # still the [plan] table once its fields are made
                    self.query_one(wanted).focus()
            self._with_meta(focus)
            return
        candidates = [name] if name else []
        candidates += ["title", "text"]
        for candidate in candidates:
            if candidate in ("title", "text", "lead", "support", "deadline"):
                row = self.query_one(f"#row-{candidate}")
                if row.display:
                    self.query_one(f"#{candidate}").focus()
                    return

    # -- live hints ------------------------------------------------------------
    def _notice_title_hint(self, meta: Meta) -> None:
        """The notice title as it will be printed; said plainly when it does not follow the plan title."""
        printed = titles.notice_title(meta)
        follows = titles.follows_title(meta)
        self._hint("#notice-title-hint", f"通知标题{'' if follows else '（按原文写法，不随计划标题改动）'}：{printed}")
        self.query_one("#notice-title-hint").set_class(not follows, "kept")

    def update_hints(self) -> None:
        node = self.node
        if not isinstance(node, (Task, Item)):
            return
        self._hint("#deadline-meaning", self.deadline_meaning(node.deadline))
        self._hint("#lead-hint", self.unit_hint(node.lead))
        self._hint("#support-hint", self.unit_hint(node.support))

    def deadline_meaning(self, phrase: str) -> str:
        parsed = self.deadline_parser(phrase)
        return parsed.describe()

    def unit_hint(self, units: list[str]) -> str:
        """Names the registry does not know, each with its nearest registered name."""
        if self.registry is None or not units:
            return ""
        notes = []
        for n, name in enumerate(units):
            if name in self.registry:
                continue
            if n == len(units) - 1 and self._completes(name):
                notes.append(f"“{name}”：按 → 补全为登记名称")  # still being typed
                continue
            near = self.registry.nearest(name)
            guess = f"（是否指 {near[0][0]}？）" if near and near[0][1] >= 60 else ""
            notes.append(f"“{name}”未登记{guess}")
        return "；".join(notes)

    def _completes(self, prefix: str) -> bool:
        assert self.registry is not None
        return any(name.startswith(prefix) for name in self.registry.names())

    # -- edits -------------------------------------------------------------------
    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != event.input.value:
            return  # a stale event from before the form was refilled
        field = event.input.id or ""
        if field.startswith("meta-"):
            self._meta_changed(field[5:], event.value)
            return
        if self.node_id is None or not isinstance(self.node, (Point, Task, Item)):
            return
        if field not in _ROWS[type(self.node)]:
            return  # a hidden field, changed while the form held another kind of node
        value = self._as_model(field, event.value)
        if field == "deadline":
            self._hint("#deadline-meaning", self.deadline_meaning(event.value))
        if field in ("lead", "support"):
            self._hint(f"#{field}-hint", self.unit_hint(value))
        if getattr(self.node, field, None) != value:
            self.post_message(self.FieldEdited(self.node_id, field, value))

    def unapplied(self) -> list[tuple[str | None, str, Any]]:
        """(node id or None for the [plan] table, field, value) of what the fields show and the model
        does not hold yet.

        A field's edit reaches the model a few message queues later than its key
        reaches the field, so a command run in order with the keys (F3 or Ctrl+S right
        after a character) would otherwise overtake the character, or find the form
        already showing another node and the character's edit dropped as stale.
        """
        node = self.node
        if isinstance(node, Meta):
            if not self._meta_ready:
                return []  # its fields are still being made: nothing typed into them yet
            names, prefix = META_FIELDS, "meta-"
        elif self.node_id is not None and isinstance(node, (Point, Task, Item)):
            names, prefix = _ROWS[type(node)], ""
        else:
            return []
        out: list[tuple[str | None, str, Any]] = []
        for name in names:
            shown = self._shown(f"#{prefix}{name}")
            # compared as shown: a value the field cannot show exactly (a unit name holding a
            # space) is not an edit until the clerk changes the field
            if shown != self._as_shown(name, getattr(node, name)):
                out.append((self.node_id, name, self._as_model(name, shown)))
        return out

    def _shown(self, selector: str) -> str:
        widget = self.query_one(selector)
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Select):
            return str(widget.value)
        assert isinstance(widget, Input)
        return widget.value

    # One pair of conversions between what a field shows and what the model holds, for
    # filling the form, for each edit, and for what is not applied yet.
    def _as_shown(self, name: str, value: Any) -> str:
        """The text a field shows for the model's ``value`` of field ``name`` of the form's node."""
        meta = isinstance(self.node, Meta)
        if name in (_LISTS if meta else ("lead", "support")):
            return join_units(value)
        if not meta or name in _TEXTS:
            return value
        if name in _CHOICES:
            return value or _CHOICES[name][0][0]
        if name in _DATES:
            return date_as_written(value)
        return str(value) if value else ""

    def _as_model(self, name: str, shown: str) -> Any:
        """The model's value for the text ``shown`` in field ``name`` of the form's node."""
        meta = isinstance(self.node, Meta)
        if name in (_LISTS if meta else ("lead", "support")):
            return split_units(shown)
        if not meta:
            return shown
        if name in ("year", "end_year"):
            return int(shown) if shown.strip().isdigit() else 0
        if name in _CHOICES and shown == _CHOICES[name][0][0] and not getattr(self.node, name):
            return ""  # the default, as the model's "" already means
        if name in _DATES:
            return date_as_stored(shown)
        return shown

    @on(Select.Changed)
    def _choice_changed(self, event: Select.Changed) -> None:
        event.stop()
        name = (event.select.id or "")[5:]
        if name in _CHOICES and isinstance(event.value, str):
            self._meta_changed(name, event.value)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        field = event.text_area.id or ""
        value = event.text_area.text
        if field.startswith("meta-"):
            self._meta_changed(field[5:], value)
        elif self.node_id is not None and getattr(self.node, "text", None) != value:
            self.post_message(self.FieldEdited(self.node_id, "text", value))

    def _meta_changed(self, name: str, raw: str) -> None:
        if not isinstance(self.node, Meta):
            return
        value = self._as_model(name, raw)
        if name in ("title", "notice_title", "issuer"):
            self._notice_title_hint(replace(self.node, **{name: value}))
        if getattr(self.node, name) != value:
            self.post_message(self.FieldEdited(None, name, value))
