"""Web-page debris: what a copied page brings besides the notice.

Whole lines go when they are site furniture — navigation and breadcrumbs,
the 索引号/发布机构 block, view counters, share/print/close buttons,
"扫一扫…", copyright footers, a PDF viewer's apology. Inside sentences, a
spam phrase that a hacked site injected (a latin brand glued to gambling
words, set off by spaces) is cut out.

The index block is read before it goes: its 文号 and 成文日期 serve as a
fallback when the notice itself prints none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwright.importing.common import Line, Para, tidy
from planwright.zh.hanzi import simplify

_FIELD_LABELS = (
    "索引号|组配分类|发布机构|主题分类|体裁分类|服务对象|名称|标题|文号|发文字号|发文机关|生成日期|成文日期|"
    "发布日期|发布时间|公开日期|印发日期|信息来源|来源|浏览次数|浏览量|浏览|点击数|点击量|访问量|阅读量|"
    "阅读次数|作者|责任编辑|编辑|审核|字体大小|字体|字号|文字大小|分享到|分享|关键词|主题词|有效性|"
    "是否有效|失效日期|废止日期|信息分类|公开方式|公开范围|公开时限|公开形式|所属机构|所属主题|统一编码|"
    "内容概述|信息名称|效力状态|时效|文章来源|稿件来源|供稿单位"
)
_FIELD_LINE_RE = re.compile(rf"^[【\[]?\s*(?:{_FIELD_LABELS})\s*[:：]")
# Labels a plan may also use for a line of its own (公开形式：…): such a line is
# page furniture only when it holds more than one label or no sentence.
_PLAIN_WORD_LABELS = re.compile(r"^[【\[]?\s*(?:公开方式|公开范围|公开时限|公开形式|名称|标题|关键词|主题词|作者|编辑|"
                                r"审核|有效性|时效|内容概述|信息分类|所属机构|服务对象)\s*[:：]")
_SENTENCE_RE = re.compile(r"[，。；]")
_FIELD_RE = re.compile(rf"(?P<label>{_FIELD_LABELS})\s*[:：]\s*")
_BREADCRUMB_RE = re.compile(
    r"^(?:您?当前(?:所在)?的?位置|您的位置|你的位置|您所在的位置|所在位置|现在的位置)\s*[:：]?"
    r"|首页\s*[>»›＞/]|[>»›＞]\s*(?:正文|详情|详细信息)\s*$"
)
_BUTTON_WORDS_RE = re.compile(
    r"打印本页|打印此页|打印文章|打印|关闭本页|关闭窗口|关闭|返回顶部|返回|顶部|加入收藏|收藏|分享到|分享|"
    r"字体|字号|默认|保存|我要纠错|纠错|复制链接|微信|微博|QQ空间|上一篇|下一篇|视力保护色|背景色|放大|"
    r"缩小|朗读|听全文|全文下载|下载|[大中小]|[【】\[\]|/｜:：\s·•]"
)
_JUNK_RES = tuple(re.compile(p) for p in (
    r"^(?:上一篇|下一篇|上一条|下一条)",
    r"^欢迎(?:访问|来到|光临|您访问)",
    r"浏览器不支持|下载该文档|请使用.{0,10}浏览器|建议使用.{0,20}浏览",
    r"版权所有|ICP备|ICP证|网站标识码|公网安备|技术支持[:：]|网站地图|联系我们|网站声明|最佳分辨率",
    r"^主办(?:单位)?[:：].*(?:承办|协办|标识|备案|地址|电话|维护)",
    r"^(?:地址|联系电话|电话|邮编|传真|联系方式)[:：].{0,40}(?:电话|邮编|传真|[0-9-]{7,})",
    r"^[-—－]\s*\d+\s*[-—－]$",  # page numbers — 3 —
    r"^[.。·•|/\\\-_=*]+$",
    r"^(?:相关(?:链接|文件|稿件|阅读|新闻|解读|政策|附件)|附件下载|图片解读|文字解读|图解)\s*[:：]?\s*$",
))
_SHORT_JUNK_RES = (re.compile(r"扫一扫|手机(?:上)?(?:查看|打开|浏览)|二维码"), )
_LATIN_ONLY_RE = re.compile(r"^[A-Za-z][A-Za-z .\-_]{0,24}$")

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
_SPAM_RES = (
    re.compile(rf"[ \u3000]*[A-Za-z][A-Za-z0-9]*[\u4e00-\u9fff]{{0,10}}(?:{_SPAM_WORDS})[\u4e00-\u9fff]{{0,10}}"
               r"[ \u3000]*"),
    re.compile(rf"[ \u3000]+[A-Za-z][A-Za-z0-9]*[\u4e00-\u9fff]{{0,6}}(?:{_SPAM_WEAK})[\u4e00-\u9fff]{{0,6}}"
               r"[ \u3000]+"),
    re.compile(rf"(?:(?<=[ \u3000])[\u4e00-\u9fff]{{0,8}}(?:{_SPAM_WORDS})[\u4e00-\u9fff]{{0,8}}[ \u3000]*"
               rf"|[ \u3000]*[\u4e00-\u9fff]{{0,8}}(?:{_SPAM_WORDS})[\u4e00-\u9fff]{{0,8}}(?=[ \u3000]))"),
    re.compile(rf"[ \u3000]*(?:{_SPAM_BRANDS})(?:[（(][\u4e00-\u9fff]{{1,4}}[）)])?(?:{_SPAM_AD_WORDS})"
               rf"(?:[\u4e00-\u9fffA-Za-z（）()]{{0,10}}?(?:{_SPAM_AD_WORDS}))*[ \u3000]*"),
)
_SPAM_HINT_RE = re.compile(rf"[A-Za-z \u3000]|{_SPAM_BRANDS}")
_STRAY_DOT_RE = re.compile(r"(?<=[。；！？”])\s*[.．·]+\s*$")


@dataclass
class Cleaned:
    lines: list[Line]
    fields: dict[str, str] = field(default_factory=dict)  # from the page's index block
    dropped: int = 0  # whole lines of furniture
    spam: list[str] = field(default_factory=list)  # phrases cut out of sentences


def clean(paras: list[Para]) -> Cleaned:
    out = Cleaned(lines=[])
    for para in paras:
        raw = para.text
        if not raw.strip():
            continue
        sim = simplify(raw).strip()
        if _is_furniture(sim, out.fields):
            out.dropped += 1
            continue
        text = _cut_spam(raw, out.spam)
        text = _STRAY_DOT_RE.sub("", tidy(text))
        if text:
            out.lines.append(Line(text=text, sim=simplify(text), line=para.line))
    return out


def _is_furniture(sim: str, fields: dict[str, str]) -> bool:
    if _FIELD_LINE_RE.match(sim):
        if _PLAIN_WORD_LABELS.match(sim) and len(_FIELD_RE.findall(sim)) < 2 and _SENTENCE_RE.search(sim):
            return False  # index values are names, codes and dates, not sentences
        _harvest(sim, fields)
        return True
    if _BREADCRUMB_RE.search(sim) and len(sim) < 200:
        return True
    if len(sim) <= 60 and not _BUTTON_WORDS_RE.sub("", sim):
        return True
    if any(r.search(sim) for r in _JUNK_RES) and len(sim) < 120:
        return True
    if len(sim) <= 40 and any(r.search(sim) for r in _SHORT_JUNK_RES):
        return True
    return _LATIN_ONLY_RE.match(sim) is not None


def _harvest(sim: str, fields: dict[str, str]) -> None:
    """Labels and values of an index-block line: 索引号: … 文号: … 成文日期: …"""
    found = list(_FIELD_RE.finditer(sim))
    for here, nxt in zip(found, found[1:] + [None]):
        value = sim[here.end(): nxt.start() if nxt else len(sim)].strip(" 　】]")
        if value:
            fields.setdefault(here.group("label"), value)


def _cut_spam(text: str, found: list[str]) -> str:
    if not _SPAM_HINT_RE.search(text):
        return text  # the common case: no latin letters, no gaps
    for regex in _SPAM_RES:
        for m in regex.finditer(text):
            found.append(m.group().strip())
        text = regex.sub("", text)
    return text
