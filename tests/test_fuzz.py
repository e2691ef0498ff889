"""Every parser on random and adversarial text, each input within a time bound.

The parsers (deadlines.parse, numbering, units.split_units / parse_attribution, the importer on
.txt, .html and .docx bytes, store.loads) either answer or refuse with their own error; nothing
else may escape, and none may take long on one input. The bound is enforced inside the test by
SIGALRM: an input that runs past it fails with the parser's name, whatever the machine's speed
(it is far above what a linear parser needs on these sizes, and far below the tens of seconds
the quadratic ones took).
"""

from __future__ import annotations

import io
import signal
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwright.importing import ImportError_, import_file, import_text
from planwright.plan import store
from planwright.zh import deadlines, numbering, units
from planwright.zh.clean import clean_text

BOUND_SECONDS = 10

# Runs that made parsers quadratic or recursive, and characters every stage treats specially.
ADVERSARIAL = [
    " " * 20000, "\u3000" * 20000, "十" * 1000, "十" * 1000 + "月底前", "一" * 5000 + "月", "二〇" * 3000 + "年",
    "（" * 5000, "）" * 5000, "（一）" * 3000, "一、" * 3000, "1." * 5000, "、" * 20000, "a" * 20000,
    "a" * 20000 + "赢钱", " a" * 10000 + "体育", "责任单位：" + "县财政局、" * 3000, "。" * 20000,
    "\x1b[" * 5000, "\x00\x01\x7f" * 1000, "\r" * 5000, "<span>" * 2000, "<div>" * 5000, "&#" * 5000,
    "2027年" * 3000, "20" * 10000 + "年", "月底前" * 5000, "牵头单位：" * 3000, "[" * 5000, "{" * 5000,
    "《" * 5000, "“" * 5000, "——" * 5000, "\t" * 20000, "\n" * 20000,
]
_PIECES = ["一、", "（一）", "1.", "（1）", "十", "月", "底前", "年", "责任单位：", "牵头", "配合", "县财政局", "、",
           "，", "。", "（", "）", " ", "\u3000", "\t", "\n", "\r", "\x1b[2J", "\x00", "<p>", "</div>", "赢钱", "beplay",
           "2027", "第一季度", "长期坚持", "附件", "抄送："]
texts = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(_PIECES), max_size=200).map("".join))


class _TooLong(Exception):
    pass


@contextmanager
def bounded(what: str):
    """Fail *what* if it runs past BOUND_SECONDS (SIGALRM interrupts the parser itself)."""
    def expire(signum, frame):
        raise _TooLong(what)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(BOUND_SECONDS)
    try:
        yield
    except _TooLong:
        pytest.fail(f"{what} ran past {BOUND_SECONDS} s on one input")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _parsers(text: str):
    """(name, call) for every parser of loose text; each may raise only its own refusal."""
    return [
        ("deadlines.parse", lambda: deadlines.parse(text, 2027)),
        ("numbering.parse_heading", lambda: numbering.parse_heading(text)),
        ("numbering.from_chinese", lambda: _value_error_ok(numbering.from_chinese, text)),
        ("units.split_units", lambda: units.split_units(text)),
        ("units.parse_attribution", lambda: units.parse_attribution(text)),
        ("store.loads", lambda: _refusal_ok(store.PlanFileError, store.loads, text, "fuzz.toml")),
        ("import_text", lambda: _refusal_ok(ImportError_, import_text, text, name="fuzz.txt")),
    ]


def _value_error_ok(func, *args):
    try:
        return func(*args)
    except ValueError:
        return None


def _refusal_ok(error, func, *args, **kwargs):
    try:
        return func(*args, **kwargs)
    except error as exc:
        assert "\n" not in str(exc).strip(), "a refusal is one line"
        return None


def _run_all(text: str) -> None:
    for name, call in _parsers(text):
        with bounded(name):
            call()


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: f"{t[:6]!r}x{len(t)}")
def test_every_parser_answers_adversarial_text_in_time(text):
    _run_all(text)


@pytest.mark.parametrize("text", ADVERSARIAL[:12], ids=lambda t: f"{t[:6]!r}x{len(t)}")
def test_adversarial_text_inside_a_notice_imports_in_time(text):
    notice = ("样例县2027年政务公开工作要点\n一、做好信息公开\n（一）公开预算决算。" + text
              + "（责任单位：县财政局）\n（二）办好开放日活动。（责任单位：县政府办公室）\n")
    with bounded("import_text (notice)"):
        _refusal_ok(ImportError_, import_text, notice, name="notice.txt")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_parser_answers_random_text_in_time(text):
    _run_all(text)


def _html(body: str) -> bytes:
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()


def _docx(body: str) -> bytes:
    import docx

    document = docx.Document()
    for line in body.split("\n"):
        document.add_paragraph(clean_text(line))  # a Word file cannot hold control characters
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(texts, st.sampled_from(["txt", "html", "docx"]))
def test_the_importer_answers_random_files_in_time(tmp_path, text, kind):
    data = {"txt": lambda: text.encode("utf-8"), "html": lambda: _html(text), "docx": lambda: _docx(text)}[kind]()
    path = tmp_path / f"notice.{kind}"
    path.write_bytes(data)
    with bounded(f"import_file (.{kind})"):
        _refusal_ok(ImportError_, import_file, path)


@pytest.mark.parametrize("junk", [b"", b"PK\x03\x04" + b"\x00" * 100, b"PK\x03\x04garbage", bytes(range(256)) * 50,
                                  b"\xff\xfe" + "一、".encode("utf-16-le") * 1000])
def test_the_importer_refuses_junk_docx_bytes_in_one_line(tmp_path, junk):
    path = tmp_path / "notice.docx"
    path.write_bytes(junk)
    with bounded("import_file (junk .docx)"), pytest.raises(ImportError_) as refused:
        import_file(path)
    assert "notice.docx" in str(refused.value) and "\n" not in str(refused.value)


def test_a_zip_whose_member_lies_about_its_size_is_refused(tmp_path):
    """The declared size bounds what is decompressed; a member larger than it says fails its check."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", " " * 10_000_000)
    raw = bytearray(buf.getvalue())
    # shrink the declared (uncompressed) size of word/document.xml in the central directory
    at = raw.rfind(b"PK\x01\x02")
    raw[at + 24: at + 28] = (100).to_bytes(4, "little")
    path = tmp_path / "notice.docx"
    path.write_bytes(bytes(raw))
    with bounded("import_file (lying zip)"), pytest.raises(ImportError_):
        import_file(path)
