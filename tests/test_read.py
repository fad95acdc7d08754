"""Tests for factx.read: decoding (BOMs, UTF-8, GB18030/GBK vs Big5) and input iteration."""
import io
import os
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from factx.read import Document, InputError, Skipped, decode, iter_documents

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))

# Traditional Chinese written for these tests (Big5 cannot encode simplified-only characters).
TRADITIONAL = [
    "呼和浩特市人大常委會召開會議，審議《條例》草案。",
    "會議聽取了市政府關於國民經濟和社會發展計劃執行情況的報告，委員們認為，過去一年全市經濟運行總體平穩。",
    "臺灣經濟發展報告指出，對外貿易與關稅問題仍是各界關注的焦點，專家建議加強區域協調。",
    "各族群眾攜手並進，鄉村振興戰略穩步實施，農牧民收入持續增長，生態環境明顯改善。",
    "常委會組織執法檢查組赴旗縣區開展調研，聽取彙報、實地察看，並就存在問題提出審議意見。",
]


def paragraphs(codec="gbk"):
    """Non-empty lines of the real samples that ``codec`` can encode."""
    out = []
    for path in SAMPLES:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                line.encode(codec)
            except UnicodeEncodeError:
                continue
            if line.strip():
                out.append(line)
    return out


def write(tmp_path, name, data):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return str(p)


def one(path, **kw):
    (item,) = list(iter_documents([path], **kw))
    return item


# --- decode -----------------------------------------------------------------

def test_samples_available():
    assert len(SAMPLES) >= 3 and len(paragraphs()) >= 20


@pytest.mark.parametrize("text", ["呼和浩特市人大常委会\r\n第二行\r\n", "plain ascii\n", "a\rb\r\n\nc"])
def test_utf8_exact(text):
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_utf8_bom_dropped_and_crlf_kept():
    assert decode(b"\xef\xbb\xbf" + "第一行\r\n第二行\r\n".encode()) == ("第一行\r\n第二行\r\n", "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    text = "呼和浩特 2023年\r\nline two"
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    assert decode(bom + text.encode(codec)) == (text, "utf-16")


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_simplified_samples_whole_files(codec):
    for path in SAMPLES:
        text = "\r\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                           if codec == "gb18030" or "\xa0" not in line)
        assert decode(text.encode(codec)) == (text, "gb18030"), path.name


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_simplified_single_paragraphs_and_short_lines(codec):
    paras = paragraphs("gb2312" if codec == "gb2312" else "gbk")
    for para in paras:
        assert decode(para.encode(codec)) == (para, "gb18030"), para
        short = "".join(c for c in para if ord(c) > 0x2E80)[:20]  # a 20-character CJK-only line
        if len(short) >= 8:
            assert decode(short.encode(codec)) == (short, "gb18030"), short


def test_big5_paragraphs_and_short_lines():
    for i in range(len(TRADITIONAL)):
        text = "\r\n".join(TRADITIONAL[i:] + TRADITIONAL[:i]) * 3  # several paragraphs, varied order
        assert decode(text.encode("big5")) == (text, "big5")
    for line in TRADITIONAL:
        for short in (line, line[:20], line[-12:]):
            assert decode(short.encode("big5")) == (short, "big5"), short


def test_big5_after_long_ascii_header():
    text = "Header: x\n" * 600 + TRADITIONAL[1]  # the first non-ASCII byte is past the sample size
    assert decode(text.encode("big5")) == (text, "big5")


def test_cp950_extension_characters():
    text = TRADITIONAL[0] + "碁" + TRADITIONAL[2]
    assert decode(text.encode("cp950")) == (text, "cp950")


def test_traditional_text_in_gbk_is_not_mistaken_for_big5():
    text = "\n".join(TRADITIONAL) * 2
    assert decode(text.encode("gbk")) == (text, "gb18030")


def test_forced_encoding():
    text = "審議條例"
    assert decode(text.encode("big5"), "BIG5") == (text, "big5")
    assert decode(b"\xef\xbb\xbfab", "utf-8") == ("\ufeffab", "utf-8")  # forced means exactly that codec
    with pytest.raises(UnicodeDecodeError) as e:
        decode("呼和".encode("gbk"), "utf-8")
    assert "offset 0" in e.value.reason


def test_unknown_encoding():
    with pytest.raises(InputError, match="unknown encoding 'xyz'"):
        decode(b"a", "xyz")
    with pytest.raises(InputError, match="base64"):
        decode(b"a", "base64")
    with pytest.raises(InputError, match="xyz"):
        iter_documents(["whatever.txt"], encoding="xyz")  # raised at call time, before any output


def test_undecodable_names_offset():
    data = "呼和浩特".encode("gb18030") + b"\x80\xff\xff"  # 0x80 / 0xFF never start a GB or Big5 char
    with pytest.raises(UnicodeDecodeError) as e:
        decode(data)
    assert e.value.reason.startswith("cannot decode as UTF-8, UTF-16, GB18030 or Big5")
    assert "offset 8" in e.value.reason and "--encoding" in e.value.reason


def test_damaged_utf8_is_reported_not_misread():
    good = "呼和浩特市人大常委会召开会议".encode()
    with pytest.raises(UnicodeDecodeError) as e:
        decode(good + b"\xff" + "审议".encode())
    assert f"offset {len(good)}" in e.value.reason and "UTF-8" in e.value.reason


@given(st.text())
def test_utf8_roundtrip_property(text):
    if not text.startswith("\ufeff"):  # a leading U+FEFF is read as a BOM, by design
        assert decode(text.encode("utf-8")) == (text, "utf-8")


# --- iter_documents ---------------------------------------------------------

def test_documents_from_files(tmp_path):
    text = "第一行\r\n第二行\n"
    assert one(write(tmp_path, "a.txt", text.encode("gbk"))) == Document(str(tmp_path / "a.txt"), text, "gb18030")
    p = write(tmp_path, "b.txt", b"\xff\xfe" + text.encode("utf-16-le"))  # NULs are fine in UTF-16
    assert one(p) == Document(p, text, "utf-16")


def test_binary_empty_bom_only_missing(tmp_path):
    binary = one(write(tmp_path, "x.txt", b"abc\x00def"))
    assert isinstance(binary, Skipped) and "binary" in binary.reason
    for data in (b"", b"\xef\xbb\xbf", b" \r\n\t\n", "\u3000\n".encode()):
        item = one(write(tmp_path, "e.txt", data))
        assert isinstance(item, Skipped) and "empty" in item.reason, data
    assert one(str(tmp_path / "nope.txt")) == Skipped(str(tmp_path / "nope.txt"), "no such file or directory")
    under_file = os.path.join(write(tmp_path, "f.txt", b"x"), "y.txt")
    assert one(under_file) == Skipped(under_file, "not a directory")


def test_undecodable_file_skipped(tmp_path):
    item = one(write(tmp_path, "u.txt", b"abc\x80\xff"))
    assert isinstance(item, Skipped) and "offset 3" in item.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file(tmp_path):
    p = write(tmp_path, "locked.txt", b"x")
    os.chmod(p, 0)
    assert one(p) == Skipped(p, "permission denied")


def test_directory_recursion_glob_and_order(tmp_path):
    for rel in ["b.txt", "a/z.txt", "a/c.txt", "a-b/x.txt", "a/skip.md", "a/deep/d.txt"]:
        write(tmp_path, rel, rel.encode())
    root = str(tmp_path)
    names = [d.name for d in iter_documents([root])]
    rels = ["a/c.txt", "a/deep/d.txt", "a/z.txt", "a-b/x.txt", "b.txt"]
    assert names == [os.path.join(root, r.replace("/", os.sep)) for r in rels]
    assert [d.text for d in iter_documents([root])] == rels
    assert [d.text for d in iter_documents([root], glob="*.md")] == ["a/skip.md"]
    assert list(iter_documents([root], glob="*.csv")) == [Skipped(root, "directory has no files matching '*.csv'")]


def test_mixed_batch_in_order(tmp_path):
    good1 = write(tmp_path, "1.txt", "甲\r\n".encode())
    binary = write(tmp_path, "2.bin", b"\x00\x01\x02")
    empty = write(tmp_path, "3.txt", b"")
    good2 = write(tmp_path, "4.txt", TRADITIONAL[1].encode("big5"))
    items = list(iter_documents([good1, binary, str(tmp_path / "missing"), empty, good2]))
    assert [i.name for i in items] == [good1, binary, str(tmp_path / "missing"), empty, good2]
    assert [type(i) for i in items] == [Document, Skipped, Skipped, Skipped, Document]
    assert items[0] == Document(good1, "甲\r\n", "utf-8")
    assert items[4] == Document(good2, TRADITIONAL[1], "big5")


def test_stdin_and_forced_encoding(tmp_path):
    text = "呼和浩特\r\n"
    items = list(iter_documents(["-"], stdin=io.BytesIO(text.encode("gb18030"))))
    assert items == [Document("-", text, "gb18030")]
    assert list(iter_documents(["-"], stdin=io.BytesIO(b""))) == [Skipped("-", "empty file")]
    p = write(tmp_path, "f.txt", "審議".encode("big5"))
    assert one(p, encoding="big5") == Document(p, "審議", "big5")
    forced_bad = one(p, encoding="utf-8")
    assert isinstance(forced_bad, Skipped) and forced_bad.reason == "cannot decode as utf-8 (first bad byte at offset 0)"
    p16 = write(tmp_path, "w.txt", "ab".encode("utf-16-le"))  # no BOM: only a forced codec reads it
    assert one(p16, encoding="utf-16-le") == Document(p16, "ab", "utf-16-le")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_skipped_with_the_codec_to_force(tmp_path, codec):
    p = write(tmp_path, "w.txt", "2023年9月21日,市政协组织委员调研。\n".encode(codec))
    item = one(p)
    assert item == Skipped(p, "binary file (NUL bytes in the first 8 KB); not text; "
                              f"if it is UTF-16 without a byte-order mark, use --encoding {codec}")
    assert one(p, encoding=codec).text == "2023年9月21日,市政协组织委员调研。\n"


def test_binary_data_gets_no_utf16_hint(tmp_path):
    for data in (b"abc\x00def", b"\x00\x01\x02", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"):
        item = one(write(tmp_path, "x.bin", data))
        assert item.reason == "binary file (NUL bytes in the first 8 KB); not text", data
