"""The notice around the plan: 文号, issuer, recipients, 成文日期, 附注, title, 抄送/印发.

A published notice puts these in a fixed order (GB/T 9704): 文号, the notice's
title (…关于印发《X》的通知), 主送, the notice's own sentences, the issuing
office's signature over the date, （此件公开发布）, then the plan: its title,
a preamble, the outline. At the foot: 抄送 and the 印发 line. Web copies keep
the order but lose the layout, so each item is recognised by its form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from planwright.plan.model import Meta
from planwright.zh.numbering import from_chinese
from planwright.importing.common import Doubt, Line, squeeze

_DATE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$")
# 二〇二二年 is also typed 二O二二年 / 二0二二年 (a latin O or a digit zero for 〇)
_CN_DATE_RE = re.compile(r"^([〇○零OoＯｏ0０一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                         r"\s*([一二三四五六七八九十]{1,3})\s*日$")
_ZERO_LIKE = str.maketrans("○零OoＯｏ0０", "〇〇〇〇〇〇〇〇")
# the signature and the date on one line (web pages): 示例区人民政府办公室　2022年3月1日
_SIGNED_DATE_RE = re.compile(r"^(?P<organ>[^\d，。：；,:;、《》“”]{2,40}?)\s*(?P<date>(?:\d{4}|[〇○零OoＯｏ0０一二三四五六七八九]{4})"
                             r"\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*[日号])$")
_MASTHEAD_RE = re.compile(r"^(?P<organ>.{2,40}?)文件$")
_ISO_RE = re.compile(r"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?")
_DOCNO_RE = re.compile(r"^[\u4e00-\u9fff]{1,15}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号$")
_NOTICE_TITLE_RE = re.compile(r"^(?P<issuer>.*?)关于(?:印发|转发|下发|公布|印送|发布)?(?P<title>.+?)的(?:通知|函)$")
_BOOK_TITLE_RE = re.compile(r"《([^《》]{4,100})》")
_NOTICE_BODY_RE = re.compile(r"印发|转发|下发|现将|予以印发|现印发|请认真|请结合|遵照执行|贯彻落实|贯彻执行")
_PUBLICITY_RE = re.compile(r"^[（(]\s*(此件[^）)]{2,12}?)\s*[）)]$")
_CC_RE = re.compile(r"^抄\s*送\s*[：:]\s*(?P<list>.+)$")
_PRINTER_RE = re.compile(r"^(?P<printer>\S.*?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$")
_ORGAN_RE = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|领导小组|工作小组|局|委|办|厅|处|中心|公司)"
    r"(?:（[^）]{1,10}）|\([^)]{1,10}\))?$"
)
_PLAN_NOUN_RE = re.compile(r"(?:要点|方案|计划|安排|意见|任务分工|清单|细则|办法|重点|规划|措施)$")
_YEAR_RANGE_RE = re.compile(r"(\d{4})\s*(?:年)?\s*[-—–－~～至到]\s*(\d{4})")
_YEAR_RE = re.compile(r"(\d{4})\s*年")
_ANY_YEAR_RE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")
_DOCNO_YEAR_RE = re.compile(r"[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]")
_NOT_RECIPIENTS_RE = re.compile(r"如下|现将|为了|为进一步|根据|按照|结合|通知")
_RECIPIENT_HINT_RE = re.compile(r"各|有关|所属|单位|部门|政府|局|委|办|街道|乡|镇|区|县|市")


def iso_date(text: str) -> str:
    """2021年6月23日 / 二〇二一年六月二十三日 / 2021-06-23 → 2021-06-23; "" otherwise."""
    s = squeeze(text)
    signed = _SIGNED_DATE_RE.match(s)
    if signed and _ORGAN_RE.search(signed.group("organ")):
        s = signed.group("date")
    m = _DATE_RE.match(s) or _ISO_RE.match(s)
    try:
        if m:
            y, mo, d = (int(g) for g in m.groups())
        else:
            m = _CN_DATE_RE.match(s)
            if not m:
                return ""
            y = from_chinese(m.group(1).translate(_ZERO_LIKE))
            mo, d = from_chinese(m.group(2)), from_chinese(m.group(3))
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return ""


def is_date_line(line: Line) -> bool:
    """A 成文日期 on its own line, or under the signature on the same line."""
    s = squeeze(line.sim)
    return bool(_DATE_RE.match(s) or _CN_DATE_RE.match(s)) or bool(signed_organ(line))


def signed_organ(line: Line) -> str:
    """The issuing office of a line that holds signature and date together, else ""."""
    s = squeeze(line.sim)
    if len(s) > 60 or not s.endswith(("日", "号")):
        return ""
    m = _SIGNED_DATE_RE.match(s)
    if not m or not _ORGAN_RE.search(m.group("organ")):
        return ""
    date = m.group("date")
    if not (_DATE_RE.match(date) or _CN_DATE_RE.match(date)):
        return ""
    return squeeze(line.text)[: m.end("organ")]


def is_organ(line: Line) -> bool:
    s = squeeze(line.sim)
    return 2 <= len(s) <= 40 and not re.search(r"[，。：；,:;、《》“”]", s) and bool(_ORGAN_RE.search(s))


def is_footer_line(line: Line) -> bool:
    """抄送 / 印发 / 附注 lines: the foot of a notice, wherever they stand."""
    s = line.sim.strip()
    return bool(_CC_RE.match(s) or _PRINTER_RE.match(squeeze(s)) or _PUBLICITY_RE.match(squeeze(s)))


@dataclass
class NoticeParts:
    """What the notice's head and foot told, and what of them could not be placed."""

    meta: Meta
    preamble: list[Line] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)


def read_notice(header: list[Line], footer: list[Line], fields: dict[str, str]) -> NoticeParts:
    meta = Meta()
    parts = NoticeParts(meta=meta)
    used: set[int] = set()
    signature_issuer, date_at = _signature(header, used)
    meta.date = iso_date(header[date_at].sim) if date_at >= 0 else ""
    notice_issuer, notice_title, title_end = _notice_title(header, used)
    meta.doc_number = _doc_number(header, used, fields)
    recipients_at = _recipients(header, used, title_end, meta)
    letter = _notice_body(header, used, recipients_at, date_at)
    masthead = _masthead(header, used)
    for i, line in enumerate(header):
        if _PUBLICITY_RE.match(squeeze(line.sim)):
            meta.publicity = _PUBLICITY_RE.match(squeeze(line.text)).group(1)
            used.add(i)
    for line in _footer(footer, meta):
        parts.doubts.append(Doubt(f"落款之后未能归类的文字，已略去：“{line.text[:40]}”", line=line.line))
    meta.issuer = signature_issuer or notice_issuer or masthead or meta.issuer
    last = max(used) if used else -1
    _title_and_preamble(header, last, notice_title, meta, parts, used)
    for i, line in enumerate(header[: last + 1]):
        if i not in used:
            parts.doubts.append(Doubt(f"通知开头未能归类的文字，已略去：“{line.text[:40]}”", line=line.line))
    if not meta.date:
        meta.date = iso_date(fields.get("成文日期", ""))
    meta.letter = letter_template(letter, meta.title)
    fill_years(meta)
    return parts


def letter_template(lines: list[str], title: str) -> str:
    """The 印发 letter as printed, with {title} where it names the plan (so that a new
    year's title, or an edited one, reads in it); braces of its own are doubled."""
    text = "\n".join(squeeze(line) for line in lines if squeeze(line))
    if not text:
        return ""
    text = text.replace("{", "{{").replace("}", "}}")
    return text.replace(f"《{title}》", "《{title}》") if title else text


def _signature(header: list[Line], used: set[int]) -> tuple[str, int]:
    """The issuing office's signature over the 成文日期."""
    for i, line in enumerate(header):
        if is_date_line(line):
            used.add(i)
            organ = signed_organ(line)
            if organ:
                return organ, i
            if i > 0 and is_organ(header[i - 1]):
                used.add(i - 1)
                return squeeze(header[i - 1].text), i
            return "", i
    return "", -1


def _notice_title(header: list[Line], used: set[int]) -> tuple[str, str, int]:
    """(issuer, plan title, index after it) from "…关于印发X的通知", which may span lines."""
    for i, line in enumerate(header):
        if "关于" not in line.sim:
            continue
        for j in range(i, min(i + 4, len(header))):
            start = i - 1 if i > 0 and line.sim.lstrip().startswith("关于") and is_organ(header[i - 1]) else i
            joined_sim = squeeze("".join(x.sim for x in header[start : j + 1]))
            m = _NOTICE_TITLE_RE.match(joined_sim)
            if m:
                joined = squeeze("".join(x.text for x in header[start : j + 1]))
                used.update(range(start, j + 1))
                title = joined[m.start("title") : m.end("title")].strip("《》")
                return joined[: m.end("issuer")], title, j + 1
    return "", "", 0


def _masthead(header: list[Line], used: set[int]) -> str:
    """The red header over a notice (示例市人民政府办公室文件): the issuer, printed as a banner."""
    for i, line in enumerate(header[:3]):
        m = _MASTHEAD_RE.match(squeeze(line.sim))
        if m and i not in used and _ORGAN_RE.search(m.group("organ")) and not re.search(r"[，。：；,:;、《》]", m.group("organ")):
            used.add(i)
            return squeeze(line.text)[: m.end("organ")]
    return ""


def _doc_number(header: list[Line], used: set[int], fields: dict[str, str]) -> str:
    for i, line in enumerate(header):
        if _DOCNO_RE.match(squeeze(line.sim)):
            used.add(i)
            return squeeze(line.text)
    for key in ("发文字号", "文号"):
        value = squeeze(fields.get(key, ""))
        if _DOCNO_RE.match(value):
            return value
    return ""


def _recipients(header: list[Line], used: set[int], after: int, meta: Meta) -> int:
    for i in range(after, len(header)):
        s = header[i].sim.strip()
        if s.endswith(("：", ":")) and len(s) <= 300 and "。" not in s and _RECIPIENT_HINT_RE.search(s) \
                and not _NOT_RECIPIENTS_RE.search(s):
            first = i
            while first - 1 >= after and first - 1 not in used and _wrapped_list(header[first - 1].sim):
                first -= 1  # the list wrapped onto a second line (after a comma, or inside a name)
            used.update(range(first, i + 1))
            text = "".join(x.text.strip() for x in header[first : i + 1]).rstrip("：:")
            meta.recipients = [squeeze(p) for p in re.split(r"[，,]", text) if squeeze(p)]
            return i
    return -1


def _wrapped_list(sim: str) -> bool:
    """A line that a 主送 list continues from: it ends in a comma, or it is itself a list cut short."""
    s = sim.strip()
    if s.endswith(("，", ",", "、")):
        return True
    return bool(s) and len(s) <= 200 and s[-1] not in "。：:；;！？）)" and bool(re.search(r"[，,]", s)) \
        and bool(_RECIPIENT_HINT_RE.search(s)) and not _NOT_RECIPIENTS_RE.search(s) and "《" not in s


def _notice_body(header: list[Line], used: set[int], recipients_at: int, date_at: int) -> list[str]:
    """The notice's own sentences (现将《…》印发给你们…), as printed: the 印发 letter."""
    if recipients_at >= 0 and date_at > recipients_at:
        lines = [i for i in range(recipients_at + 1, date_at) if i not in used]
        used.update(range(recipients_at + 1, date_at))
        # the signature line over the date is not part of the letter
        return [header[i].text for i in lines if not (i == date_at - 1 and is_organ(header[i]))]
    found = []
    for i, line in enumerate(header):
        if _BOOK_TITLE_RE.search(line.sim) and _NOTICE_BODY_RE.search(line.sim):
            used.add(i)
            found.append(line.text)
    return found


def _footer(footer: list[Line], meta: Meta) -> list[Line]:
    """Signature, date, 抄送, 印发 and 附注 under the plan; returns the lines that are none of them."""
    unplaced = []
    for i, line in enumerate(footer):
        s = squeeze(line.sim)
        cc = _CC_RE.match(line.sim.strip())
        printer = _PRINTER_RE.match(s)
        publicity = _PUBLICITY_RE.match(s)
        if is_date_line(line):
            meta.date = meta.date or iso_date(line.sim)
            organ = signed_organ(line)
            if organ and not meta.issuer:
                meta.issuer = organ
            elif i > 0 and is_organ(footer[i - 1]) and not meta.issuer:
                meta.issuer = squeeze(footer[i - 1].text)
        elif cc:
            listed = line.text.strip()[cc.start("list"):].rstrip("。.")
            meta.cc = [squeeze(p) for p in re.split(r"[，,；;]", listed) if squeeze(p)]
        elif printer:
            meta.printer = squeeze(line.text)[: printer.end("printer")]
            meta.print_date = iso_date(printer.group("date"))
        elif publicity:
            meta.publicity = meta.publicity or _PUBLICITY_RE.match(squeeze(line.text)).group(1)
        elif not is_organ(line):
            unplaced.append(line)
    return unplaced


def _title_and_preamble(header: list[Line], last: int, notice_title: str, meta: Meta,
                        parts: NoticeParts, used: set[int]) -> None:
    """The plan's own title line (matching the notice's 《…》) and the text before the outline."""
    wanted = {squeeze(t) for t in (notice_title, _book_title(header[: last + 1])) if t}
    rest = header[last + 1 :]
    for i in range(len(header) - 1, last, -1):
        for size in (1, 2, 3):  # the title printed again over the plan, maybe wrapped over lines
            if i + size <= len(header) and squeeze("".join(x.text for x in header[i : i + size])) in wanted:
                meta.title = squeeze("".join(x.text for x in header[i : i + size]))
                parts.preamble = header[i + size :]
                return
    if len(rest) > 1 and not _looks_like_title(rest[0]) and _looks_like_title(_joined_line(rest[:2])) \
            and len(squeeze(rest[0].sim)) <= 40 and not re.search(r"[，。；：]", rest[0].sim):
        rest = [_joined_line(rest[:2])] + rest[2:]  # a title wrapped over two lines
    if rest and _looks_like_title(rest[0]):
        meta.title = squeeze(rest[0].text)
        rest = rest[1:]
    else:
        meta.title = _book_title(header[: last + 1]) or notice_title
    if not meta.title:  # a plan printed without a notice may put its title above everything
        for i in range(last + 1):
            if i not in used and _looks_like_title(header[i]):
                meta.title = squeeze(header[i].text)
                used.add(i)
                break
    parts.preamble = rest


def _joined_line(lines: list[Line]) -> Line:
    return Line("".join(x.text for x in lines), "".join(x.sim for x in lines), lines[0].line)


def _book_title(lines: list[Line]) -> str:
    for line in lines:
        m = _BOOK_TITLE_RE.search(line.text)
        if m and _NOTICE_BODY_RE.search(line.sim):
            return squeeze(m.group(1))
    return ""


def _looks_like_title(line: Line) -> bool:
    s = squeeze(line.sim)
    core = re.sub(r"[（(][^）)]*[）)]$", "", s)
    return len(s) <= 60 and "。" not in s and "，" not in s and bool(_PLAN_NOUN_RE.search(core))


def fill_years(meta: Meta) -> None:
    """year / end_year from the title (2020-2022 → both), else the date, else the 文号."""
    title = meta.title
    m = _YEAR_RANGE_RE.search(title)
    if m and int(m.group(1)) < int(m.group(2)):
        meta.year, meta.end_year = int(m.group(1)), int(m.group(2))
        return
    m = _YEAR_RE.search(title) or _ANY_YEAR_RE.search(title)
    if m:
        meta.year = int(m.group(1))
    elif meta.date:
        meta.year = int(meta.date[:4])
    else:
        m = _DOCNO_YEAR_RE.search(meta.doc_number)
        meta.year = int(m.group(1)) if m else 0
