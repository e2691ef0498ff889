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
from planwright.zh.hanzi import simplify
from planwright.zh.lazyre import lazy_compile

_DATE_RE = lazy_compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$")
# 二〇二二年 is also typed 二O二二年 / 二0二二年 (a latin O or a digit zero for 〇)
_CN_DATE_RE = lazy_compile(r"^([〇○零OoＯｏ0０一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                           r"\s*([一二三四五六七八九十]{1,3})\s*日$")
_ZERO_LIKE = str.maketrans("○零OoＯｏ0０", "〇〇〇〇〇〇〇〇")
# the signature and the date on one line (web pages): 示例区人民政府办公室　2022年3月1日
_SIGNED_DATE_RE = lazy_compile(r"^(?P<organ>[^\d，。：；,:;、《》“”]{2,40}?)\s*(?P<date>(?:\d{4}|[〇○零OoＯｏ0０一二三四五六七八九]{4})"
                               r"\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*[日号])$")
_MASTHEAD_RE = lazy_compile(r"^(?P<organ>.{2,40}?)文件$")
_ISO_RE = lazy_compile(r"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?")
_DOCNO_PART = r"[\u4e00-\u9fff]{1,15}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号"
_DOCNO_RE = lazy_compile(rf"^{_DOCNO_PART}$")
# 文号 on the notice's title line: before it (某政办发〔2022〕3号 某某关于…) or after it in brackets.
_DOCNO_BEFORE_RE = lazy_compile(rf"^(?P<docno>{_DOCNO_PART})\s*(?P<rest>\S.*关于.+)$")
_DOCNO_AFTER_RE = lazy_compile(rf"^(?P<rest>.+关于.+的(?:通知|函))\s*[（(](?P<docno>{_DOCNO_PART})[）)]$")
_NOTICE_TITLE_RE = lazy_compile(r"^(?P<issuer>.*?)关于(?P<verb>印发|转发|下发|公布|印送|发布)?(?P<title>.+?)的(?:通知|函)$")
_BOOK_TITLE_RE = lazy_compile(r"《([^《》]{4,100})》")
_NOTICE_BODY_RE = lazy_compile(r"印发|转发|下发|现将|予以印发|现印发|请认真|请结合|遵照执行|贯彻落实|贯彻执行")
_LETTER_RE = lazy_compile(r"现将|现印发|予以印发|印发给你们|转发给你们|下发给你们|请认真|请结合|请遵照|遵照执行|照此执行")
_PUBLICITY_RE = lazy_compile(r"^[（(]\s*(此件[^）)]{2,12}?)\s*[）)]$")
_CC_RE = lazy_compile(r"^抄\s*送\s*[：:]\s*(?P<list>.+)$")
_PRINTER_RE = lazy_compile(r"^(?P<printer>\S.*?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$")
_ORGAN_RE = lazy_compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|领导小组|工作小组|局|委|办|厅|处|中心|公司)"
    r"(?:（[^）]{1,10}）|\([^)]{1,10}\))?$"
)
_PLAN_NOUN_RE = lazy_compile(r"(?:要点|方案|计划|安排|意见|任务分工|分工|清单|细则|办法|重点|规划|措施|分解表|任务表)$")
_YEAR_RANGE_RE = lazy_compile(r"(\d{4})\s*(?:年)?\s*[-—–－~～至到]\s*(\d{4})")
_YEAR_RE = lazy_compile(r"(\d{4})\s*年")
_ANY_YEAR_RE = lazy_compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")
_DOCNO_YEAR_RE = lazy_compile(r"[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]")
# A sent plan's name: 现将《X》印发 / 《X》已经…同意，现印发 / 现将X印发 (without brackets).
_SENT_BOOK_RE = lazy_compile(r"现将《(?P<a>[^《》]{4,100})》|《(?P<b>[^《》]{4,100})》[^。《]{0,24}?(?:已经|现予|现印发|印发给|印发你们)")
_SENT_PLAIN_RE = lazy_compile(r"现将(?P<c>[^《》，。,]{4,60}?)印发")
_CITED_RE = lazy_compile(r"的(?:通知|函|决定|意见)$|^关于|关于.+的")  # a notice cited, not the plan sent
_CONTACT_RE = lazy_compile(r"联系电话|联系人|电话[:：]|传真|邮箱|\d{7,}")
# Sanity of fields: what an organ, a unit list or a 文号 can never hold.
_URL_RE = lazy_compile(r"https?://|www\.|\.(?:com|cn|net|org|gov|html?|shtml)\b", re.I)
# A time, a date or a run of eight digits. Every branch opens with the same digit, written once
# so that a search skips to the next digit in C instead of trying four branches at every character.
_STAMP_RE = lazy_compile(r"\d(?:\d?:\d{2}|\d{3}[-/.]\d{1,2}[-/.]\d{1,2}|\d{3}\s*年\s*\d{1,2}\s*月|\d{7})")
_DOCNO_INSIDE_RE = lazy_compile(r"[〔\[［【]\s*\d{4}\s*[〕\]］】]\s*\d{1,4}\s*号")
_FIELD_LABEL_RE = lazy_compile(r"索引号|发布机构|发布机关|发文机关|文件名称|成文日期|发布日期|发布时间|发文字号|来源[:：]|"
                               r"信息来源|浏览|点击|主题分类|有效性|^名称|^标题|^文号")
YEAR_MIN, YEAR_MAX = 1990, 2100
_NOT_RECIPIENTS_RE = lazy_compile(r"如下|现将|为了|为进一步|根据|按照|结合|通知")
_RECIPIENT_HINT_RE = lazy_compile(r"各|有关|所属|单位|部门|政府|局|委|办|街道|乡|镇|区|县|市")


# written inline before; kept compiled like the module's other patterns (zh/lazyre)
_NOT_ORGAN_RE = lazy_compile(r"[，。：；,:;、《》“”]")
_ORGAN_PUNCT_RE = lazy_compile(r"[，。：；,:;、《》]")
_COMMA_RE = lazy_compile(r"[，,]")
_TRAILING_BRACKET_RE = lazy_compile(r"[（(][^）)]*[）)]$")
_SENTENCE_MARK_RE = lazy_compile(r"[。：:；;《]")
_LIST_SPLIT_RE = lazy_compile(r"[，,；;]")
_CLAUSE_PUNCT_RE = lazy_compile(r"[，。；：]")


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


# A 成文日期 whose 年/月/日 were lost when the page was copied: 2021520, 20210520.
_BARE_DATE_RE = lazy_compile(r"^(\d{4})(\d{2,4})$")


def bare_date(text: str) -> str:
    """2021520 → 2021-05-20 when its digits read as one date only (2021112 is 1/12 or 11/2: "")."""
    m = _BARE_DATE_RE.match(squeeze(text))
    if not m or not YEAR_MIN <= int(m.group(1)) <= YEAR_MAX:
        return ""
    rest, found = m.group(2), set()
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if 1 <= len(day) <= 2:
            try:
                found.add(dt.date(int(m.group(1)), int(month), int(day)).isoformat())
            except ValueError:
                pass
    return found.pop() if len(found) == 1 else ""


def is_date_line(line: Line) -> bool:
    """A 成文日期 on its own line, or under the signature on the same line."""
    s = squeeze(line.sim)
    if not s.endswith(("日", "号")):  # every date form below ends so: most lines stop here
        return False
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
    return 2 <= len(s) <= 40 and not _NOT_ORGAN_RE.search(s) and bool(_ORGAN_RE.search(s))


def is_footer_line(line: Line) -> bool:
    """抄送 / 印发 / 附注 lines: the foot of a notice, wherever they stand."""
    s = line.sim.strip()
    if _CC_RE.match(s):
        return True
    s = squeeze(s)  # a 印发 line ends in 发, a 此件… note in its bracket: most lines are neither
    return bool((s.endswith("发") and _PRINTER_RE.match(s)) or (s.endswith(("）", ")")) and _PUBLICITY_RE.match(s)))


@dataclass
class NoticeParts:
    """What the notice's head and foot told, and what of them could not be placed."""

    meta: Meta
    preamble: list[Line] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)
    sent: str = ""  # the name of the plan the letter sends (现将《X》印发), as printed
    title_printed: bool = False  # the plan's own title stands on a line of its own


def read_notice(header: list[Line], footer: list[Line], fields: dict[str, str],
                letter_only: bool = False) -> NoticeParts:
    """The notice's facts from its head and foot. *letter_only*: the head is a letter whose plan
    is not in the text, so everything under 主送 up to the signature (or the end) is the letter."""
    header = _split_number_from_title(header)
    meta = Meta()
    parts = NoticeParts(meta=meta)
    used: set[int] = set()
    notice_issuer, notice_title, title_end, sends, printed_title = _notice_title(header, used)
    title_at = min(used) if used else -1
    forward_title = ""
    if _FORWARD_TITLE_RE.match(simplify(printed_title)):  # 关于转发《…的通知》的通知 over the notice it forwards
        inner_used = set(used)
        inner = _notice_title(header, inner_used, title_end)
        if inner[1]:
            forward_title, title_at = printed_title, min(inner_used - used)
            used = inner_used
            notice_issuer, notice_title, title_end, sends, printed_title = inner
    if used:
        _forwarding(header[:title_at], used, meta, forward_title)
    recipients_at = _recipients(header, used, title_end, meta)
    signature_issuer, date_at = _signature(header, used, recipients_at + 1)
    meta.date = _date_at(header, date_at, parts)
    meta.doc_number = _doc_number(header, used, fields, parts)
    if 0 <= title_at < _printed_at(header, used, meta.doc_number):
        meta.doc_number_at = "below"  # as the page printed it
    meta.doc_number = meta.doc_number or _forwarded_number(header, notice_issuer, notice_title)
    letter = _notice_body(header, used, recipients_at, date_at if date_at >= 0 or not letter_only else len(header))
    masthead = _masthead(header, used)
    for i, line in enumerate(header):
        if _PUBLICITY_RE.match(squeeze(line.sim)):
            meta.publicity = _PUBLICITY_RE.match(squeeze(line.text)).group(1)
            used.add(i)
    for line in _footer(footer, meta):
        parts.doubts.append(Doubt(f"落款之后未能归类的文字，已略去：“{line.text[:40]}”", line=line.line))
    meta.issuer = signature_issuer or _fuller(notice_issuer, fields) or masthead or meta.issuer
    if not meta.issuer:
        meta.issuer = _issuer_field(fields, parts)
    last = max(used) if used else -1
    parts.sent = _sent_name(header[: last + 1]) or (notice_title if sends else "")
    _title_and_preamble(header, last, notice_title, meta, parts, used)
    for i, line in enumerate(header[: last + 1]):
        if i not in used:
            parts.doubts.append(Doubt(f"通知开头未能归类的文字，已略去：“{line.text[:40]}”", line=line.line))
    if not meta.date:
        meta.date = iso_date(fields.get("成文日期", ""))
        if meta.date:
            parts.doubts.append(Doubt(f"通知没有印出成文日期，date 取自网页信息栏的成文日期 {meta.date}，请核对"))
    meta.letter = letter_template(letter, meta.title)
    meta.notice_title = _own_notice_title(printed_title, meta)
    fill_years(meta)
    _check_fields(meta, parts)
    return parts


def letter_template(lines: list[str], title: str) -> str:
    """The 印发 letter as printed, with {title} where it names the plan (so that a new
    year's title, or an edited one, reads in it); braces of its own are doubled."""
    text = "\n".join(squeeze(line) for line in lines if squeeze(line))
    if not text:
        return ""
    text = text.replace("{", "{{").replace("}", "}}")
    if not title:
        return text
    if f"《{title}》" not in text and f"{title}》" in text:  # a web copy lost the opening 《
        text = text.replace(f"{title}》", f"《{title}》", 1)
    return text.replace(f"《{title}》", "《{title}》")


def _own_notice_title(printed: str, meta: Meta) -> str:
    """The notice's title as printed, when it is not the one an export builds from issuer and
    plan title (关於印發 in traditional script, the issuer shortened, 《》 around the plan, two
    plans sent, a name the plan's heading does not repeat): {title} where it names the plan."""
    if not printed or printed == f"{meta.issuer}关于印发{meta.title}的通知":
        return ""
    text = printed.replace("{", "{{").replace("}", "}}")
    title = meta.title.replace("{", "{{").replace("}", "}}")
    return text.replace(title, "{title}", 1) if title else text


def _split_number_from_title(header: list[Line]) -> list[Line]:
    """某政办发〔2022〕3号 某某关于印发…的通知 (or the 文号 in brackets after it): two lines.
    A title a reposting page wraps whole in 《》 is the title without them."""
    out: list[Line] = []
    for line in header:
        s = line.sim.strip()
        m = _DOCNO_BEFORE_RE.match(s) or _DOCNO_AFTER_RE.match(s)
        if m is None:
            out.append(_unwrapped(line))
            continue
        text = line.text.strip()
        for part in sorted(("docno", "rest"), key=m.start):
            piece = Line(text[m.start(part): m.end(part)].strip(), s[m.start(part): m.end(part)].strip(), line.line)
            out.append(_unwrapped(piece))
    return out


# 《某某关于…的通知》 alone on its line: a mirror or a reposting page printing the notice's title
_WRAPPED_TITLE_RE = lazy_compile(r"^《(?=[^《》]*关于)(?:[^《》]|《[^《》]*》)+的(?:通知|函)》$")


def _unwrapped(line: Line) -> Line:
    s, text = line.sim.strip(), line.text.strip()
    if not _WRAPPED_TITLE_RE.match(s) or len(s) != len(text):
        return line
    return Line(text[1:-1], s[1:-1], line.line)


def _printed_at(header: list[Line], used: set[int], doc_number: str) -> int:
    """The line the 文号 was read from (-1: not printed in the notice, e.g. a page's field)."""
    return next((i for i, line in enumerate(header) if i in used and doc_number
                 and squeeze(line.text) == doc_number), -1)


def _forwarding(above: list[Line], used: set[int], meta: Meta, title: str = "") -> None:
    """A notice forwarded by another office (转发): above its title stand that office's 主送,
    its letter (现将《…的通知》转发给你们…), its signature and date, and where the page printed
    them, its own title (*title*: 关于转发…的通知) and 文号. They are the forwarding letter,
    kept apart from the notice's own (which follow the notice's title)."""
    outer = Meta()
    taken: set[int] = set()
    if title:
        meta.forward_title = title
        for i, line in enumerate(above):
            if i not in used and _DOCNO_RE.match(squeeze(line.sim)):
                meta.forward_doc_number = squeeze(line.text)
                used.add(i)
                break
    at = _recipients(above, taken, 0, outer)
    if at < 0:
        return
    issuer, date_at = _signature(above, taken, at + 1)
    stop = date_at if date_at >= 0 else len(above)
    if date_at < 0 and stop - 1 > at and is_organ(above[stop - 1]):  # signed, the date lost
        issuer, stop = squeeze(above[stop - 1].text), stop - 1
        taken.add(stop)
    letter = [i for i in range(at + 1, stop) if i not in taken]
    said = "".join(above[i].sim for i in letter)
    if not letter or not (title or (_FORWARD_RE.search(said) and _BOOK_TITLE_RE.search(said))):
        return  # it forwards a document it names (现将《…》转发), not a page's "转发" button
    used.update(taken, letter)
    meta.forward_recipients = outer.recipients
    meta.forward_letter = "\n".join(_wrapped_paragraphs([above[i] for i in letter]))
    meta.forward_issuer = issuer
    meta.forward_date = iso_date(above[date_at].sim) if date_at >= 0 else ""


_FORWARD_RE = lazy_compile(r"转发|批转|转送")
_FORWARD_TITLE_RE = lazy_compile(r".*?关于(?:转发|批转|转送)")
_PARAGRAPH_ENDS = ("。", "！", "？", "；", "：", ":", ";")


def _wrapped_paragraphs(lines: list[Line]) -> list[str]:
    """Paragraphs of a letter copied with its lines broken (a PDF's page width): a line that
    ends in no stop runs on into the next."""
    out: list[str] = []
    open_ = False
    for line in lines:
        text = squeeze(line.text)
        if not text:
            continue
        if open_ and out:
            out[-1] += text
        else:
            out.append(text)
        open_ = not line.sim.rstrip().endswith(_PARAGRAPH_ENDS)
    return out


def _forwarded_number(header: list[Line], issuer: str, title: str) -> str:
    """A notice forwarded by another office (现将《某某关于印发X的通知》（某政办〔2021〕26号）转发给你们)
    has its 文号 in the forwarding letter: that is the 文号 of the notice read here."""
    if not issuer or not title:
        return ""
    text = "".join(line.text for line in header)  # the letter may break the citation over lines
    sim = "".join(line.sim for line in header)  # one character for one: positions agree
    for m in _CITED_NUMBER_RE.finditer(sim):
        cited = squeeze(m.group("cited"))
        if cited.startswith(simplify(issuer)) and squeeze(simplify(title)) in cited:
            return squeeze(text[m.start("docno"): m.end("docno")])
    return ""


_CITED_NUMBER_RE = lazy_compile(rf"《(?P<cited>[^《》]+的通知)》\s*[（(]\s*(?P<docno>{_DOCNO_PART})\s*[）)]")


def _fuller(issuer: str, fields: dict[str, str]) -> str:
    """The notice title's issuer, or the page's fuller name for it (省人民政府办公厅 → 某省人民政府办公厅)."""
    for key in ("发文机关", "发文单位"):
        value = squeeze(fields.get(key, ""))
        if issuer and value != issuer and value.endswith(issuer) and organ_sane(value):
            return value
    return issuer


def _issuer_field(fields: dict[str, str], parts: NoticeParts) -> str:
    """No signature and no notice title: the page's 发文机关 field, said to be so."""
    for key in ("发文机关", "发文单位"):
        value = squeeze(fields.get(key, ""))
        if value and organ_sane(value) and _ORGAN_RE.search(value):
            parts.doubts.append(Doubt(f"原文没有落款，发文机关“{value}”取自网页的信息栏，请核对 issuer"))
            return value
    return ""


def organ_sane(value: str, longest: int | None = 60) -> bool:
    """An organ's name never holds a web address, a date or time, a 文号 or a page label (nor,
    for a signature or 主送, runs past *longest* characters)."""
    return (longest is None or len(value) <= longest) and not (
        _URL_RE.search(value) or _STAMP_RE.search(value) or _DOCNO_INSIDE_RE.search(value)
        or _FIELD_LABEL_RE.search(value))


def _check_fields(meta: Meta, parts: NoticeParts) -> None:
    """A value that fails its own sanity check is left empty, with a note saying what it was."""
    def drop(what: str, value: str, why: str) -> None:
        parts.doubts.append(Doubt(f"{what}“{value[:40]}”{why}，未填入，请核对"))

    if meta.issuer and not organ_sane(simplify(meta.issuer)):
        drop("发文机关", meta.issuer, "含网址、日期、文号或网页栏目名，不像机关名称")
        meta.issuer = ""
    bad = [r for r in meta.recipients if not organ_sane(simplify(r))]
    if bad:
        drop("主送机关", "，".join(bad), "含网址、日期、文号或网页栏目名")
        meta.recipients = [r for r in meta.recipients if r not in bad]
    bad = [c for c in meta.cc if not organ_sane(simplify(c))]
    if bad:
        drop("抄送机关", "，".join(bad), "含网址、日期、文号或网页栏目名")
        meta.cc = [c for c in meta.cc if c not in bad]
    if meta.title and (_URL_RE.search(meta.title) or _FIELD_LABEL_RE.search(simplify(meta.title))
                       or _CONTACT_RE.search(meta.title)):
        drop("计划标题", meta.title, "含网址、网页栏目名或联系方式")
        meta.title = ""
    if meta.doc_number and not _DOCNO_RE.match(simplify(squeeze(meta.doc_number))):
        drop("文号", meta.doc_number, "不成文号的样子")
        meta.doc_number = ""
    if meta.date and not YEAR_MIN <= int(meta.date[:4]) <= YEAR_MAX:
        drop("成文日期", meta.date, f"的年份不在 {YEAR_MIN}—{YEAR_MAX} 之间")
        meta.date = ""


def _signature(header: list[Line], used: set[int], start: int = 0) -> tuple[str, int]:
    """The issuing office's signature over the 成文日期: the first one after the 主送 line,
    so that a byline or stamp above the letter never passes for it."""
    for first in ((start, 0) if start > 0 else (0,)):
        for i in range(first, len(header)):
            line = header[i]
            if i in used:
                continue  # a forwarding letter's date is its own
            if is_date_line(line) or (i > 0 and bare_date(line.sim) and is_organ(header[i - 1])):
                used.add(i)
                organ = signed_organ(line)
                if organ:
                    return organ, i
                if i > 0 and is_organ(header[i - 1]):
                    used.add(i - 1)
                    return squeeze(header[i - 1].text), i
                return "", i
    return "", -1


def _date_at(header: list[Line], at: int, parts: NoticeParts) -> str:
    """The 成文日期 under the signature; one printed without 年月日 is read with a note."""
    if at < 0:
        return ""
    line = header[at]
    date = iso_date(line.sim)
    if not date and (date := bare_date(line.sim)):
        parts.doubts.append(Doubt(f"成文日期印作“{squeeze(line.text)}”（没有年月日），读作 {date}，请核对 date",
                                  line=line.line))
    return date


def _notice_title(header: list[Line], used: set[int], first: int = 0) -> tuple[str, str, int, bool, str]:
    """(issuer, plan title, index after it, whether it 印发s the plan, the title as printed) from
    "…关于印发X的通知", which may span lines. The same title printed again (a page's title over
    the notice's own, maybe broken over lines) is the same title; printed again in other words
    (the issuer shortened or left out, another script), the notice's own is the one nearer 主送."""
    found = _title_at(header, first, len(header), used)
    if found is None:
        return "", "", 0, False, ""
    start, end, m, joined = found
    used.update(range(start, end))
    stop = next((k for k in range(end, min(end + 8, len(header))) if header[k].sim.rstrip().endswith(("：", ":"))),
                min(end + 8, len(header)))
    again = _title_at(header, end, stop, used)
    if again is not None and _sent_in(again[2]) == _sent_in(m):
        used.update(range(again[0], again[1]))
        if again[2].group("issuer"):
            start, end, m, joined = again
        else:
            end, joined = again[1], again[3]
    _repeats(header, used, end, joined)
    title = joined[m.start("title") : m.end("title")].strip("《》")  # sim and text agree char for char
    sends = m.group("verb") in ("印发", "印送", "下发")
    return joined[: m.end("issuer")], title, end, sends, joined


def _sent_in(m: re.Match) -> str:
    return squeeze(m.group("title")).strip("《》")


def _title_at(header: list[Line], first: int, stop: int, used: set[int]):
    """The first notice title (…关于印发X的通知, maybe over lines) from line *first* on, before
    *stop*, on lines not yet placed: (start, end, match on its simplified text, printed text)."""
    for i in range(first, stop):
        line = header[i]
        if i in used or "关于" not in line.sim:
            continue
        for j in range(i, min(i + 4, stop)):
            if j in used or (header[j - 1].sim.rstrip().endswith(_LINE_ENDS) and j > i):
                break  # a title does not run on past the end of a sentence
            start = i - 1 if i > first and line.sim.lstrip().startswith("关于") and is_organ(header[i - 1]) \
                and i - 1 not in used else i
            joined_sim = squeeze("".join(x.sim for x in header[start : j + 1]))
            m = _NOTICE_TITLE_RE.match(joined_sim)
            if m:
                return start, j + 1, m, squeeze("".join(x.text for x in header[start : j + 1]))
    return None


_LINE_ENDS = ("。", "：", ":", "；", "！", "？")


def _repeats(header: list[Line], used: set[int], start: int, title: str) -> None:
    for i in range(start, min(start + 12, len(header))):
        for size in (1, 2, 3, 4):
            if squeeze("".join(x.text for x in header[i : i + size])) == title:
                used.update(range(i, i + size))
                return


def _masthead(header: list[Line], used: set[int]) -> str:
    """The red header over a notice (示例市人民政府办公室文件): the issuer, printed as a banner."""
    for i, line in enumerate(header[:3]):
        m = _MASTHEAD_RE.match(squeeze(line.sim))
        if m and i not in used and _ORGAN_RE.search(m.group("organ")) and not _ORGAN_PUNCT_RE.search(m.group("organ")):
            used.add(i)
            return squeeze(line.text)[: m.end("organ")]
    return ""


def _doc_number(header: list[Line], used: set[int], fields: dict[str, str], parts: NoticeParts) -> str:
    for i, line in enumerate(header):
        if i not in used and _DOCNO_RE.match(squeeze(line.sim)):  # not a forwarding letter's
            used.add(i)
            number = squeeze(line.text)
            # the same 文号 printed again (a page's heading line, then the notice's own)
            used.update(k for k in range(i + 1, len(header)) if k not in used and squeeze(header[k].text) == number)
            return number
    for i, line in enumerate(header):  # 某政办发〔20212: a 文号 the page mangled
        if i not in used and _BROKEN_DOCNO_RE.match(squeeze(line.sim)):
            used.add(i)
            parts.doubts.append(Doubt(f"文号印作“{squeeze(line.text)}”，不成文号的样子，未填入，请核对 doc_number",
                                      line=line.line))
            break
    for key in ("发文字号", "文号"):
        value = squeeze(fields.get(key, ""))
        if _DOCNO_RE.match(simplify(value)):
            return value
    return ""


_BROKEN_DOCNO_RE = lazy_compile(r"^[\u4e00-\u9fff]{1,15}[〔\[［【]\s*\d[\d〕\]］】号]{0,12}$")


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
            meta.recipients = [squeeze(p) for p in _COMMA_RE.split(text) if squeeze(p)]
            return i
    for i in range(after, min(after + 2, len(header))) if after > 0 else ():
        if _bare_list(header[i].sim):  # a 主送 line without its colon, under the title (and 文号)
            used.add(i)
            meta.recipients = [squeeze(p) for p in _COMMA_RE.split(header[i].text) if squeeze(p)]
            return i
    return -1


_LIST_ITEM_END_RE = lazy_compile(r"(?:政府|管委会|部门|单位|院校|学校|机构|办|局|委|厅|处|室|公司|街道|乡镇|企业|办事处)$")


def _bare_list(sim: str) -> bool:
    """The line under the notice title that lists organs, but lost its closing colon."""
    s = squeeze(sim)
    parts = [_TRAILING_BRACKET_RE.sub("", p) for p in _COMMA_RE.split(s) if p]
    return len(parts) >= 2 and len(s) <= 300 and not _SENTENCE_MARK_RE.search(s) \
        and all(_LIST_ITEM_END_RE.search(p) for p in parts)


def _wrapped_list(sim: str) -> bool:
    """A line that a 主送 list continues from: it ends in a comma, or it is itself a list cut short."""
    s = sim.strip()
    if s.endswith(("，", ",", "、")):
        return True
    return bool(s) and len(s) <= 200 and s[-1] not in "。：:；;！？）)" and bool(_COMMA_RE.search(s)) \
        and bool(_RECIPIENT_HINT_RE.search(s)) and not _NOT_RECIPIENTS_RE.search(s) and "《" not in s


def _notice_body(header: list[Line], used: set[int], recipients_at: int, date_at: int) -> list[str]:
    """The notice's own sentences (现将《…》印发给你们…), as printed: the 印发 letter."""
    if recipients_at >= 0 and date_at > recipients_at:
        lines = [i for i in range(recipients_at + 1, date_at) if i not in used]
        used.update(range(recipients_at + 1, date_at))
        # the signature line over the date is not part of the letter
        return [header[i].text for i in lines if not (i == date_at - 1 and is_organ(header[i]))]
    found = []
    if recipients_at >= 0:  # no date under it (lost, or garbled): the letter's lines right after 主送
        for i in range(recipients_at + 1, len(header)):
            if i in used or not _LETTER_RE.search(header[i].sim):
                break
            used.add(i)
            found.append(header[i].text)
        if found:
            return found
    for i, line in enumerate(header):
        # a letter hands the plan out (现将《…》印发给你们); a preamble that cites a
        # document (为贯彻落实《…》…) is the plan's own text
        if _BOOK_TITLE_RE.search(line.sim) and _LETTER_RE.search(line.sim):
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
            meta.cc = [squeeze(p) for p in _LIST_SPLIT_RE.split(listed) if squeeze(p)]
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
    """The plan's own title line and the text before the outline.

    In order: a line printing the name the letter sends (现将《X》印发) or the notice
    title's X; else the standalone heading under the letter (the last of a run of
    title-like lines: a page's file name may stand above it); else the sent name,
    then the notice title's X, as the letter gives them. A document the letter
    cites (《…的通知》) is never the title.
    """
    wanted = {squeeze(t) for t in (notice_title, parts.sent) if t}
    rest = header[last + 1 :]
    for i in range(len(header) - 1, last, -1):
        for size in (1, 2, 3):  # the title printed again over the plan, maybe wrapped over lines
            if i + size <= len(header) and squeeze("".join(x.text for x in header[i : i + size])) in wanted:
                meta.title = squeeze("".join(x.text for x in header[i : i + size]))
                parts.preamble = header[i + size :]
                parts.title_printed = True
                return
    if len(rest) > 1 and not looks_like_title(rest[0]) and looks_like_title(_joined_line(rest[:2])) \
            and len(squeeze(rest[0].sim)) <= 40 and not _CLAUSE_PUNCT_RE.search(rest[0].sim):
        rest = [_joined_line(rest[:2])] + rest[2:]  # a title wrapped over two lines
    if rest and looks_like_title(rest[0]):
        while len(rest) > 1 and looks_like_title(rest[1]):
            parts.doubts.append(Doubt(f"计划标题之上还有一行标题样的文字（“{rest[0].text[:30]}”），已略去",
                                      line=rest[0].line))
            rest = rest[1:]
        meta.title = squeeze(rest[0].text)
        parts.title_printed = True
        rest = rest[1:]
    else:
        meta.title = squeeze(parts.sent) or notice_title
    if not meta.title:  # a plan printed without a notice may put its title above everything
        for i in range(last + 1):
            if i not in used and looks_like_title(header[i]):
                meta.title = squeeze(header[i].text)
                parts.title_printed = True
                used.add(i)
                break
    parts.preamble = rest


def _sent_name(lines: list[Line]) -> str:
    """The plan the letter sends: 现将《X》印发 / 《X》已经…同意，现印发 / 现将X印发, never a
    document it cites (《某某关于…的通知》)."""
    for line in lines:
        for regex in (_SENT_BOOK_RE, _SENT_PLAIN_RE):
            for m in regex.finditer(line.sim):
                group = next(g for g, v in m.groupdict().items() if v)
                name = squeeze(line.text[m.start(group): m.end(group)])
                if not _CITED_RE.search(simplify(name)):
                    return name
    return ""


def _joined_line(lines: list[Line]) -> Line:
    return Line("".join(x.text for x in lines), "".join(x.sim for x in lines), lines[0].line)


def looks_like_title(line: Line) -> bool:
    """A plan's title: short, no sentence, ending in a plan noun (要点, 方案, 分工 …)."""
    s = squeeze(line.sim)
    core = _TRAILING_BRACKET_RE.sub("", s)
    return len(s) <= 60 and "。" not in s and "，" not in s and bool(_PLAN_NOUN_RE.search(core)) \
        and not _CONTACT_RE.search(s) and not _CITED_RE.search(s)


def fill_years(meta: Meta) -> None:
    """year / end_year from the title (2020-2022 → both), else the date, else the 文号;
    a number outside 1990–2100 is never a year."""
    title = meta.title
    m = _YEAR_RANGE_RE.search(title)
    if m and int(m.group(1)) < int(m.group(2)) and _is_year(int(m.group(1))) and _is_year(int(m.group(2))):
        meta.year, meta.end_year = int(m.group(1)), int(m.group(2))
        return
    years = [int(y) for y in _YEAR_RE.findall(title) + _ANY_YEAR_RE.findall(title) if _is_year(int(y))]
    if years:
        meta.year = years[0]
    elif meta.date and _is_year(int(meta.date[:4])):
        meta.year = int(meta.date[:4])
    else:
        m = _DOCNO_YEAR_RE.search(meta.doc_number)
        meta.year = int(m.group(1)) if m and _is_year(int(m.group(1))) else 0


def _is_year(number: int) -> bool:
    return YEAR_MIN <= number <= YEAR_MAX
