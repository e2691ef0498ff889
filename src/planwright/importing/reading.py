"""Reading a notice file into blocks: text (UTF-8 / GB18030), saved web page, Word.

Every refusal names the file and says why in one line; nothing here guesses
at the notice's structure.
"""

from __future__ import annotations

import errno
from pathlib import Path

from planwright.importing.common import ImportError_, Para, Source
from planwright.zh.lazyre import lazy_compile

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_MHT_SUFFIXES = (".mht", ".mhtml")  # "web page, single file" as browsers save it
_MIME_STARTS = (b"mime-version", b"from:", b"content-type:")
_DOCX_SUFFIXES = (".docx", ".docm")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .doc (and .xls) format
_PDF_MAGIC = b"%PDF-"


def read_source(path: Path) -> Source:
    """Read *path* into a Source, or raise ImportError_ naming it and the reason."""
    raw = _read_bytes(path)
    if not raw.strip():
        raise ImportError_(path, "文件是空的 (empty file)")
    suffix = path.suffix.lower()
    if raw.startswith(_OLE_MAGIC):
        raise ImportError_(path, "这是旧版 Word (.doc) 或其他二进制文件；请在 Word/WPS 中另存为 .docx 再导入 "
                                 "(binary .doc is not supported; save as .docx)")
    if raw[:1024].lstrip().startswith(_PDF_MAGIC):
        raise ImportError_(path, "这是 PDF 文件，无法导入；请改用通知的网页 (.html)、Word (.docx) 版本，"
                                 "或把正文复制存为 .txt (PDF is not supported)")
    if suffix in _DOCX_SUFFIXES or (raw.startswith(_ZIP_MAGIC) and suffix not in _HTML_SUFFIXES):
        from planwright.importing.wordfile import read_docx

        return read_docx(path, raw)
    if suffix in _MHT_SUFFIXES or raw[:200].lstrip().lower().startswith(_MIME_STARTS):
        raw = _html_of_mht(path, raw)
        suffix = ".html"
    if suffix in _HTML_SUFFIXES or _looks_like_html(raw[:2048].decode("latin-1")):
        from planwright.importing.webpage import declared_charset, read_html

        text, encoding = decode(path, raw, declared_charset(raw))
        return read_html(path, text, encoding)
    text, encoding = decode(path, raw)
    return text_source(path, text, encoding)


def text_source(path: Path, text: str, encoding: str) -> Source:
    """Plain text: one paragraph per line, numbered as an editor numbers them."""
    blocks = [Para(line, number) for number, line in enumerate(text.splitlines(), 1)]
    return Source(path=path, kind="文本", encoding=encoding, blocks=blocks)


def _html_of_mht(path: Path, raw: bytes) -> bytes:
    """The page inside a single-file web archive (MIME, usually quoted-printable)."""
    import email

    message = email.message_from_bytes(raw)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset and b"charset" not in payload[:2048].lower():
                payload = f'<meta charset="{charset}">'.encode("ascii") + payload
            return payload
    raise ImportError_(path, "网页存档 (.mht) 中没有找到网页正文 (no text/html part)")


# The longest notice with its tables is a few hundred KB as text and a few MB as a .docx
# with pictures; a file past this bound is refused before any of it is read.
MAX_INPUT_BYTES = 50 * 2**20


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_INPUT_BYTES + 1)
        if len(raw) > MAX_INPUT_BYTES:
            raise ImportError_(path, f"文件过大，超过 {MAX_INPUT_BYTES // 2**20} MB，不像一份通知 (file too large)")
        return raw
    except FileNotFoundError:
        raise ImportError_(path, "文件不存在 (file not found)") from None
    except IsADirectoryError:
        raise ImportError_(path, "这是一个目录，不是通知文件 (is a directory)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ImportError_(path, "符号链接成环，无法读取 (symlink loop)") from None
        raise ImportError_(path, f"无法读取 (cannot read): {exc.strerror}") from None


def decode(path: Path, raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Bytes → text and the encoding as shown to the user.

    UTF-8 (with or without BOM) is tried first: a GB18030 reading of UTF-8
    bytes would "succeed" as mojibake, while UTF-8 rejects nearly every
    GB18030 text. GBK and GB2312 are subsets of GB18030, so one decoder
    serves all three.
    """
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportError_(path, "不是文本文件，看起来是二进制数据 (binary file)")
    candidates = _candidates(raw, declared)
    for codec, shown in candidates:
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _mostly_printable(text):
            return text.lstrip("\ufeff"), shown
        break
    raise ImportError_(path, "无法识别的编码或二进制文件：既不是 UTF-8 也不是 GB18030/GBK 文本 "
                             "(not UTF-8 or GB18030 text)")


def _candidates(raw: bytes, declared: str | None) -> list[tuple[str, str]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return [("utf-8-sig", "UTF-8（带 BOM）")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [("utf-16", "UTF-16")]
    out = [("utf-8", "UTF-8"), ("gb18030", "GB18030/GBK")]
    if declared and declared.lower().replace("_", "-") in ("gbk", "gb2312", "gb18030", "x-gbk", "cp936"):
        out.reverse()  # a page that says it is GBK is believed first
    return out


def _mostly_printable(text: str) -> bool:
    """Refuse binary data that happened to decode (control characters galore)."""
    sample = text[:20000]
    if not sample:
        return False
    bad = len(_UNPRINTABLE_RE.findall(sample))
    return bad / len(sample) < 0.01


# control characters other than \t \n \v \f \r, and the private use area: counted in C, not
# character by character (a 20,000-character notice is read at every import)
_UNPRINTABLE_RE = lazy_compile(r"[\x00-\x08\x0e-\x1f\ue000-\uf8ff]")


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)

