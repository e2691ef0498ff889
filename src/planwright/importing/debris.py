"""Web-page debris: what a copied page brings besides the notice.

Whole lines go when they are site furniture — navigation and breadcrumbs,
the 索引号/发布机构 block, view counters, share/print/close buttons,
"扫一扫…", copyright footers, a PDF viewer's apology. Inside sentences, a
spam phrase that a hacked site injected (a latin brand glued to gambling
words, set off by spaces) is cut out.

The index block is read before it goes: its 文号, 成文日期 and 发文机关 serve
as a fallback when the notice itself prints none. Pages print that block three
ways — ``文号：X``, ``文号 X 成文日期 Y`` (labels without colons) and a label on
a line of its own with its value on the next line — and all three are read.

Mirror damage is repaired where it is unambiguous: pinyin ruby after characters
(``公开(kāi)``), ``@@`` between characters, an HTML tag or entity that lost its
brackets (``/p>``, ``?ldquo;``), ``????`` padding after a date. A line that is
mostly replacement marks is mojibake: it is dropped and reported, never read
as a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from planwright.importing.common import Line, Para, tidy
from planwright.zh.hanzi import simplify
from planwright.zh.lazyre import compile_pattern, lazy_compile

_FIELD_LABELS = (
    "索引号|组配分类|发布机构|主题分类|体裁分类|服务对象|名称|标题|文号|发文字号|发文机关|生成日期|成文日期|"
    "发布日期|发布时间|公开日期|印发日期|信息来源|来源|浏览次数|浏览量|浏览|点击数|点击量|访问量|阅读量|"
    "阅读次数|作者|责任编辑|编辑|审核|字体大小|字体|字号|文字大小|分享到|分享|关键词|主题词|有效性|"
    "是否有效|失效日期|废止日期|信息分类|公开方式|公开范围|公开时限|公开形式|所属机构|所属主题|统一编码|"
    "内容概述|信息名称|效力状态|时效|文章来源|稿件来源|供稿单位|发文单位|发文日期|发布者|分类|统一编号|"
    "统一登记号|信息状态|生效日期|文件名称|文档编号|上传时间|时间|日期|格式|页数|大小"
)
# Bullets a page puts before each label (• 索引号：…, - 文档编号：…).
_BULLET = r"[【\[•·\-*]?"
_FIELD_LINE_RE = lazy_compile(rf"^{_BULLET}\s*(?:{_FIELD_LABELS})\s*[:：]")
# Labels that only a page's index block starts a line with: read also without a
# colon (索引号 000/2020-1 信息分类 …) and alone on a line (value on the next line).
_PAGE_LABELS = (
    "索引号|发布机构|发布机关|发文机关|发文单位|成文日期|发布日期|发文日期|发文字号|文号|名称|标题|内容概述|"
    "信息分类|主题分类|体裁分类|组配分类|有效性|是否有效|统一编号|统一登记号|文件名称|来源|信息来源|生效日期|失效日期"
)
_BARE_FIELD_RE = lazy_compile(rf"^{_BULLET}\s*(?:{_PAGE_LABELS})(?:\s+\S|$)")
_LABEL_ALONE_RE = lazy_compile(rf"^{_BULLET}\s*(?P<label>{_PAGE_LABELS})\s*[:：]?$")
_BARE_SPLIT_RE = lazy_compile(rf"(?:^|(?<=\s))(?P<label>{_PAGE_LABELS})(?:\s*[:：]\s*|\s+|$)")
# A page's date stamp: a line of dates and times only, or one opening a byline.
_STAMP = r"(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}(?:[-./]\d{4})?|\d{4}|\d{1,2}:\d{2}(?::\d{2})?)"
# Eight bare digits are left to the notice: under a signature they are its date (20230412).
_STAMP_LINE_RE = lazy_compile(rf"^(?!\d{{8}}$)(?:{_STAMP}\s*)+$")
_STAMP_BYLINE_RE = lazy_compile(rf"^(?:{_STAMP}\s+)+(?:{_FIELD_LABELS})\s*[:：]")
# "05.24 某某关于…的通知": a stamp glued before a line by a mirror.
_LEADING_STAMP_RE = lazy_compile(r"^\d{2}[./]\d{2}\s+(?=[\u4e00-\u9fff])")
# Labels a plan may also use for a line of its own (公开形式：…): such a line is
# page furniture only when it holds more than one label or no sentence.
_PLAIN_WORD_LABELS = lazy_compile(r"^[【\[]?\s*(?:公开方式|公开范围|公开时限|公开形式|名称|标题|关键词|主题词|作者|编辑|"
                                  r"审核|有效性|时效|内容概述|信息分类|所属机构|服务对象)\s*[:：]")
_SENTENCE_RE = lazy_compile(r"[，。；]")
_FIELD_RE = lazy_compile(rf"(?P<label>{_FIELD_LABELS})\s*[:：]\s*")
_BREADCRUMB_RE = lazy_compile(
    r"^(?:您?当前(?:所在)?的?位置|您的位置|你的位置|您所在的位置|所在位置|现在的位置)\s*[:：]?"
    r"|首页\s*[>»›＞/]|[>»›＞]\s*(?:正文|详情|详细信息)\s*$"
)
_BUTTON_WORDS = (
    r"打印本页|打印此页|打印文章|打印|关闭本页|关闭窗口|关闭|返回顶部|返回|顶部|加入收藏|收藏|分享到|分享|"
    r"字体|字号|默认|保存|我要纠错|纠错|复制链接|微信|微博|QQ空间|上一篇|下一篇|视力保护色|背景色|放大|"
    r"缩小|朗读|听全文|全文下载|下载|[大中小]|[【】\[\]|/｜:：\s·•]"
)
# A line made only of buttons: read word by word from the left, each time the first word
# that fits (what deleting every button word left to right would leave empty). A line of
# text fails at its first character; deleting scanned all of it.
_BUTTON_LINE_RE = lazy_compile(rf"(?>{_BUTTON_WORDS})*+")
# Lines of a site's frame: what such a line starts with (tried once, at its start), and what
# it holds anywhere.
_JUNK_START_RE = lazy_compile("|".join(f"(?:{p})" for p in (
    r"(?:上一篇|下一篇|上一条|下一条)",
    r"欢迎(?:访问|来到|光临|您访问)",
    r"主办(?:单位)?[:：].*(?:承办|协办|标识|备案|地址|电话|维护)",
    r"(?:地址|联系电话|电话|邮编|传真|联系方式)[:：].{0,40}(?:电话|邮编|传真|[0-9-]{7,})",
    r"[-—－]\s*\d+\s*[-—－]$",  # page numbers — 3 —
    r"[.。·•|/\\\-_=*]+$",
    r"(?:相关(?:链接|文件|稿件|阅读|新闻|解读|政策|附件)|附件下载|图片解读|文字解读|图解)\s*[:：]?\s*$",
)))
_JUNK_ANYWHERE_RE = lazy_compile(
    r"浏览器不支持|下载该文档|请使用.{0,10}浏览器|建议使用.{0,20}浏览"
    r"|版权所有|ICP备|ICP证|网站标识码|公网安备|技术支持[:：]|网站地图|联系我们|网站声明|最佳分辨率"
)
_SHORT_JUNK_RE = lazy_compile(r"扫一扫|手机(?:上)?(?:查看|打开|浏览)|二维码|^今天是|^文章正文$|^微信公众号$")
_LATIN_ONLY_RE = lazy_compile(r"^[A-Za-z][A-Za-z .\-_]{0,24}$")
_URL_ONLY_RE = lazy_compile(r"^(?:https?://|www\.)\S*$", re.I)
# A document-sharing site's frame: the uploaded file's name, "…由会员分享，可在线阅读".
_SHARED_FILE_RE = lazy_compile(r"\.(?:docx?|wps|pdf|xlsx?)》?$|由会员分享|可在线阅读|请在\S{1,8}上搜索", re.I)

# Mirror damage (see the module's docstring).
# Each opens with the character it is about (the Chinese character before a ruby's bracket is
# looked back at from the bracket), so that a search skips through a line to that character in C.
_RUBY = (r"[(（](?<=[\u4e00-\u9fff][(（])(?=[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
         r"[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,7}[)）]")
_AT = r"@{2,}"
_TAG = r"</?[a-z]{1,6}>|/(?<![<A-Za-z]/)[a-z]{1,6}>"
_ENTITIES = {"ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "mdash": "—", "hellip": "…", "middot": "·",
             "nbsp": " ", "quot": "“", "amp": "&", "lt": "<", "gt": ">"}
_ENTITY = rf"[&?]({'|'.join(_ENTITIES)});"
_DATE_PAD = r"[?？\ufffd](?<=[日号][?？\ufffd])[?？\ufffd]*"
_MOJIBAKE_RE = lazy_compile(r"[?？\ufffd]")

# Injected spam: a latin brand glued to gambling words (beplay体育赢钱…), or such
# words set off by spaces in the middle of a Chinese sentence. Words that
# honest text also uses next to a latin name (APP平台, 体育) count only when the
# whole token stands between spaces.
_SPAM_WORDS = r"赢钱|封号|博彩|赌场|赌博|百家乐|老虎机|彩金|六合彩|时时彩|葡京|网投|下注|投注|棋牌|真人娱乐"
_SPAM_WEAK = r"体育|娱乐|官网|平台|注册|开户|app|APP"
# Brands of gambling sites, glued to the words their ads use (开云体育官方网站, 亚博体育官网入口).
_SPAM_BRANDS = (r"开云|亚博|华体会|九游|乐鱼|米乐|必威|威尼斯人|太阳城|永利|新葡京|葡京|银河娱乐|爱游戏|星空体育|"
                r"宝博|凯发|尊龙|沙巴体育|皇冠体育|威廉希尔|博天堂|金宝博|万博|bet365|BET365|KOK|kok")
_SPAM_AD_WORDS = r"体育|娱乐|官网|官方网站|官方|平台|入口|登录|登陆|注册|下载|app|APP|App|网页版|手机版|在线"
# A match may begin only where a run of spaces (or of latin letters) begins, and takes the
# run whole: tried at each of 20,000 spaces, each attempt reading the rest of the run, the
# patterns were quadratic (35–46 s on one line). A later start in a run would reach the same
# next character, so no match is lost.
_RUN_START = r"(?<![ \u3000])"
_WORD_START = r"(?<![A-Za-z])"


@cache  # compiled on the first line that may hold spam: most notices have none (start-up time)
def _spam_res() -> tuple[re.Pattern, ...]:
    return (
        compile_pattern(rf"{_RUN_START}[ \u3000]*+{_WORD_START}[A-Za-z][A-Za-z0-9]*+[\u4e00-\u9fff]{{0,10}}(?:{_SPAM_WORDS})[\u4e00-\u9fff]{{0,10}}"
                   r"[ \u3000]*"),
        compile_pattern(rf"{_RUN_START}[ \u3000]++[A-Za-z][A-Za-z0-9]*+[\u4e00-\u9fff]{{0,6}}(?:{_SPAM_WEAK})[\u4e00-\u9fff]{{0,6}}"
                   r"[ \u3000]+"),
        compile_pattern(rf"(?:(?<=[ \u3000])[\u4e00-\u9fff]{{0,8}}(?:{_SPAM_WORDS})[\u4e00-\u9fff]{{0,8}}[ \u3000]*"
                   rf"|{_RUN_START}[ \u3000]*+[\u4e00-\u9fff]{{0,8}}(?:{_SPAM_WORDS})[\u4e00-\u9fff]{{0,8}}(?=[ \u3000]))"),
        # a latin brand glued to an ad word and a colon, standing in for a place name (bbin体育:办公室)
        compile_pattern(r"[A-Za-z][A-Za-z0-9]{1,15}(?:体育|娱乐|官网|官方网站|平台|app|APP)[:：]"),
        compile_pattern(rf"{_RUN_START}[ \u3000]*+(?:{_SPAM_BRANDS})(?:[（(][\u4e00-\u9fff]{{1,4}}[）)])?(?:{_SPAM_AD_WORDS})"
                   rf"(?:[\u4e00-\u9fffA-Za-z（）()]{{0,10}}?(?:{_SPAM_AD_WORDS}))*[ \u3000]*"),
    )
_SPAM_HINT_RE = lazy_compile(r"[A-Za-z \u3000]")  # a class alone: searched for in C
_SPAM_BRANDS_RE = lazy_compile(_SPAM_BRANDS)
_STRAY_DOT_RE = lazy_compile(r"(?<=[。；！？”])\s*[.．·]+\s*$")


@dataclass
class Cleaned:
    lines: list[Line]
    fields: dict[str, str] = field(default_factory=dict)  # from the page's index block
    dropped: int = 0  # whole lines of furniture
    spam: list[str] = field(default_factory=list)  # phrases cut out of sentences
    repaired: int = 0  # mirror damage mended inside lines (ruby, @@, tags, padding)
    mojibake: list[Para] = field(default_factory=list)  # lines of replacement marks, dropped


def clean(paras: list[Para]) -> Cleaned:
    out = Cleaned(lines=[])
    label = ""  # a page label standing alone on the line before: this line is its value
    for para in paras:
        raw = para.text
        if not raw.strip():
            continue
        raw = _mend(raw, out)
        raw, sim = _close_labels(raw.strip(), simplify(raw.strip()))
        if label:
            if not _LABEL_ALONE_RE.match(sim):
                out.fields.setdefault(label, raw)
                out.dropped += 1
                label = ""
                continue
        alone = _LABEL_ALONE_RE.match(sim)
        if alone:
            label = _canonical(alone.group("label"))
            out.dropped += 1
            continue
        if _is_mojibake(sim):
            out.mojibake.append(para)
            continue
        if _is_furniture(sim, raw, out.fields):
            out.dropped += 1
            continue
        text = _cut_spam(raw, out.spam)
        text = tidy(_LEADING_STAMP_RE.sub("", text.strip()))
        if "." in text or "．" in text or "·" in text:  # a stray dot is one of these
            text = _STRAY_DOT_RE.sub("", text)
        if text:
            out.lines.append(Line(text=text, sim=simplify(text), line=para.line))
    return out


def _mend(text: str, out: Cleaned) -> str:
    """Mirror damage out of a line: ruby, @@, bare tags and entities, padding after a date."""
    if not _MEND_HINT_RE.search(text):
        return text  # the common case
    ruby, at, entity, tag, pad = _mend_res()
    mended = ruby.sub("", text)
    mended = at.sub("", mended)
    mended = entity.sub(lambda m: _ENTITIES[m.group(1)], mended)
    mended = tag.sub("", mended)
    mended = pad.sub("", mended)
    if mended != text:
        out.repaired += 1
    return mended


@cache  # compiled on the first line that may need mending
def _mend_res() -> tuple[re.Pattern, ...]:
    return tuple(compile_pattern(p) for p in (_RUBY, _AT, _ENTITY, _TAG, _DATE_PAD))


_MEND_HINT_RE = lazy_compile(r"[(（@>;?？\ufffd]")


def _is_mojibake(sim: str) -> bool:
    """A line mostly of ? and replacement marks: text lost in a wrong encoding."""
    marks = len(_MOJIBAKE_RE.findall(sim))
    return marks >= 3 and marks * 3 >= len(sim.replace(" ", ""))


def _close_labels(raw: str, sim: str) -> tuple[str, str]:
    """索 引 号 / 名  称: a label's letters spread out by the page, closed up in the printed
    and the simplified line alike (simplify maps one character to one); the spaces
    between a label and its value (名称 某某通知) stay, they separate the two."""
    if len(sim) > 300 or not _GAP_RE.search(sim):
        return raw, sim
    gaps = {i for m in _SPREAD_RE.finditer(sim) for i in _label_gaps(sim, m)}
    if not gaps:
        return raw, sim
    return ("".join(ch for i, ch in enumerate(raw) if i not in gaps),
            "".join(ch for i, ch in enumerate(sim) if i not in gaps))


# a space between two Chinese characters (the space first, looked back from: searched for in C)
_GAP_RE = lazy_compile(r"[ \u3000\u00a0](?<=[\u4e00-\u9fff][ \u3000\u00a0])[ \u3000\u00a0]*[\u4e00-\u9fff]")
# Runs of single characters set apart by spaces (索 引 号); a run that spells a label is closed up.
_SPREAD_RE = lazy_compile(r"[\u4e00-\u9fff](?:[ \u3000\u00a0]+[\u4e00-\u9fff]){1,5}")
_LABELS = frozenset((_FIELD_LABELS + "|" + _PAGE_LABELS).split("|"))


def _label_gaps(sim: str, run: re.Match) -> list[int]:
    """Positions of the spaces inside the part of a spread run that spells a label (号 主 题 词:
    the 主题词 of it)."""
    chars = [i for i in range(run.start(), run.end()) if not sim[i].isspace()]
    for size in range(len(chars), 1, -1):
        for first in range(len(chars) - size + 1):
            part = chars[first: first + size]
            if "".join(sim[i] for i in part) in _LABELS:
                return [i for i in range(part[0], part[-1]) if sim[i].isspace()]
    return []


def _canonical(label: str) -> str:
    return "".join(label.split())


def _is_furniture(sim: str, raw: str, fields: dict[str, str]) -> bool:
    if _FIELD_LINE_RE.match(sim):
        if _PLAIN_WORD_LABELS.match(sim) and len(_FIELD_RE.findall(sim)) < 2 and _SENTENCE_RE.search(sim):
            return False  # index values are names, codes and dates, not sentences
        _harvest(_FIELD_RE, sim, raw, fields)
        return True
    if _BARE_FIELD_RE.match(sim) and not _SENTENCE_RE.search(sim[:40]):
        _harvest(_BARE_SPLIT_RE, sim, raw, fields)
        return True
    if _STAMP_LINE_RE.match(sim) or _STAMP_BYLINE_RE.match(sim) or _URL_ONLY_RE.match(sim):
        return True
    if _SHARED_FILE_RE.search(sim) and len(sim) < 200 and not sim.startswith("附"):  # 附件：要点.docx stays
        return True
    if _BREADCRUMB_RE.search(sim) and len(sim) < 200:
        return True
    if len(sim) <= 60 and _BUTTON_LINE_RE.fullmatch(sim):
        return True
    if len(sim) < 120 and (_JUNK_START_RE.match(sim) or _JUNK_ANYWHERE_RE.search(sim)):
        return True
    if len(sim) <= 40 and _SHORT_JUNK_RE.search(sim):
        return True
    return _LATIN_ONLY_RE.match(sim) is not None


def _harvest(labels: re.Pattern, sim: str, raw: str, fields: dict[str, str]) -> None:
    """Labels and values of an index-block line (索引号: … 文号: …, or 索引号 … 文号 …);
    the labels found in the simplified line, the values kept as printed."""
    found = list(labels.finditer(sim))
    for here, nxt in zip(found, found[1:] + [None]):
        value = raw[here.end(): nxt.start() if nxt else len(raw)].strip(" 　】]")
        if value:
            fields.setdefault(here.group("label"), value)


def _cut_spam(text: str, found: list[str]) -> str:
    if not (_SPAM_HINT_RE.search(text) or _SPAM_BRANDS_RE.search(text)):
        return text  # the common case: no latin letters, no gaps
    for regex in _spam_res():
        for m in regex.finditer(text):
            found.append(m.group().strip())
        text = regex.sub("", text)
    return text
