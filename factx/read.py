"""Turn command-line inputs (files, directories, '-') into decoded documents.

Every later stage reports character offsets into ``Document.text``, so the text
is exactly the decoded bytes: newlines and everything else are left alone and
only a byte-order mark is dropped. One bad input never stops a batch: it
becomes a ``Skipped`` with a one-sentence reason instead.

    >>> decode("呼和浩特".encode("gb18030"))
    ('呼和浩特', 'gb18030')
"""
from __future__ import annotations

import codecs
import fnmatch
import os
import sys
from dataclasses import dataclass
from typing import BinaryIO, Iterator

SAMPLE = 4096        # bytes looked at to choose between GB18030 and Big5
BINARY_WINDOW = 8192  # a NUL byte in this many leading bytes means "binary"
GB2312_SHARE = 0.9   # share of Han characters in GB2312 that means "simplified, so GB"
DAMAGED_UTF8 = 8     # non-ASCII chars decoded as UTF-8 before a bad byte that mean "damaged UTF-8"
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE prefix
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_BIG5 = ("big5", "cp950")  # cp950 adds the common ETEN extensions (碁, €) that strict big5 rejects


@dataclass(frozen=True)
class Document:
    name: str      # input as given; files in a directory: os.path.join(dir_arg, relative)
    text: str      # decoded content, exactly (offsets index this)
    encoding: str  # codec used, e.g. "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str    # one clear sentence


class InputError(Exception):
    """A usage error (e.g. an unknown --encoding name); the message names the problem."""


def check_encoding(name: str) -> str:
    """Return the canonical codec name for ``name`` or raise InputError.

    >>> check_encoding("GBK")
    'gbk'
    """
    try:
        canonical = codecs.lookup(name).name
        "".encode(canonical)  # rejects non-text codecs such as base64 or rot13 (b"".decode does not)
    except LookupError:
        raise InputError(f"unknown encoding {name!r}") from None
    return canonical


def _fail(codec: str, data: bytes, start: int, message: str) -> UnicodeDecodeError:
    # The reason field carries the user-facing sentence, so callers need not rebuild it.
    return UnicodeDecodeError(codec, data, start, min(start + 1, len(data)), message)


def _decode_prefix(sample: bytes, codec: str) -> str | None:
    # The sample may end inside a multi-byte character (up to 4 bytes in GB18030),
    # so drop up to 3 trailing bytes before concluding the codec does not fit.
    for cut in range(4):
        try:
            return sample[: len(sample) - cut].decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _gb2312_share(text: str) -> float:
    """Share of Han-like characters that GB2312 can encode (0.0 if there are none)."""
    # Ideographs (ext. A, compatibility, astral) plus the Private Use Area: Big5 bytes read as
    # GBK often land in GBK's user-defined rows, which decode to PUA, so PUA counts as a miss.
    han = [c for c in text if 0x3400 <= ord(c) <= 0x9FFF or 0xE000 <= ord(c) <= 0xFAFF or ord(c) >= 0x20000]
    hits = sum(c.encode("gb2312", "replace") != b"?" for c in han)
    return hits / len(han) if han else 0.0


def _guess_legacy(data: bytes) -> list[str]:
    """Order GB18030 and Big5 codecs by how likely they are for ``data``.

    Both are double-byte codecs over overlapping byte ranges, so Big5 bytes nearly
    always decode as GB18030 (into nonsense) and often vice versa. What tells them
    apart is the *result*: real simplified Chinese uses the ~6,800 common GB2312
    characters almost exclusively, whereas Big5 read as GBK scatters into the GBK
    extension rows (trail bytes 0x40-0x7E) and the PUA. So: >= 90% GB2312 -> GB18030;
    else Big5 if it decodes; else GB18030 (e.g. GBK-encoded traditional text).
    """
    first_high = next((i for i, b in enumerate(data) if b >= 0x80), 0)
    sample = data[first_high: first_high + SAMPLE]  # a byte < 0x80 never leads a pair: safe start
    gb = _decode_prefix(sample, "gb18030")
    if gb is not None and _gb2312_share(gb) >= GB2312_SHARE:
        return ["gb18030", *_BIG5]
    if any(_decode_prefix(sample, c) is not None for c in _BIG5):
        return [*_BIG5, "gb18030"]
    return ["gb18030", *_BIG5]


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes to ``(text, codec)``; raise UnicodeDecodeError if nothing fits.

    With ``encoding`` use that codec strictly. Otherwise: a BOM decides (and is
    dropped), then strict UTF-8, then GB18030 vs Big5 (see ``_guess_legacy``).
    A file that is valid UTF-8 for a while (>= 8 non-ASCII chars) and then breaks
    is reported as damaged UTF-8 rather than re-read as GB18030 mojibake.

    >>> decode(b"\\xef\\xbb\\xbfa\\r\\nb")
    ('a\\r\\nb', 'utf-8-sig')
    >>> decode("臺灣經濟發展報告".encode("big5"))
    ('臺灣經濟發展報告', 'big5')
    """
    if encoding is not None:
        codec = check_encoding(encoding)
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as e:
            raise _fail(codec, data, e.start, f"cannot decode as {codec} (first bad byte at offset {e.start})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as e:
                raise _fail(codec, data, e.start, f"starts with a {codec} byte-order mark but cannot "
                            f"decode as {codec} (first bad byte at offset {e.start})") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        head = data[: e.start].decode("utf-8")
        if sum(ord(c) >= 0x80 for c in head) >= DAMAGED_UTF8:
            raise _fail("utf-8", data, e.start, f"looks like UTF-8 but has an invalid byte at offset "
                        f"{e.start}; fix the file or use --encoding") from None
    candidates = _guess_legacy(data)
    errors = []
    for codec in candidates:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as e:
            errors.append(e.start)
    raise _fail(candidates[0], data, errors[0], "cannot decode as UTF-8, UTF-16, GB18030 or Big5 "
                f"(first bad byte at offset {errors[0]}); use --encoding")


def _load(name: str, data: bytes, encoding: str | None) -> Document | Skipped:
    if not data:
        return Skipped(name, "empty file")
    # UTF-16/32 text is full of NUL bytes, so the binary test only applies to other codecs.
    wide = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        encoding is not None and encoding.startswith(("utf-16", "utf-32")))
    if not wide and b"\x00" in data[:BINARY_WINDOW]:
        return Skipped(name, "binary file (NUL bytes in the first 8 KB); not text" + _utf16_hint(data))
    try:
        text, codec = decode(data, encoding)
    except UnicodeDecodeError as e:
        return Skipped(name, e.reason)
    if not text.strip().strip("\ufeff"):  # a forced utf-8 keeps the BOM as U+FEFF
        return Skipped(name, "empty file (only whitespace or a byte-order mark)")
    return Document(name, text, codec)


def _utf16_hint(data: bytes) -> str:
    """What to do when NUL-laden bytes are really UTF-16 without a byte-order mark.

    Detection does not guess such files (a BOM decides UTF-16), but their NUL bytes all
    fall on one side of each pair (the high byte of ASCII characters), and the reason can
    say which codec reads them.
    """
    sample = data[:BINARY_WINDOW]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    codec = "utf-16-le" if odd and not even else "utf-16-be" if even and not odd else None
    if codec is None or len(data) % 2:
        return ""
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return ""
    return f"; if it is UTF-16 without a byte-order mark, use --encoding {codec}"


def _read(name: str, encoding: str | None) -> Document | Skipped:
    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError as e:
        return Skipped(name, (e.strerror or str(e)).lower())
    return _load(name, data, encoding)


def _walk(root: str, glob: str, encoding: str | None) -> Iterator[Document | Skipped]:
    problems: list[OSError] = []
    found = []
    for dirpath, _dirs, files in os.walk(root, onerror=problems.append):
        for f in files:
            if fnmatch.fnmatch(f, glob):
                found.append(os.path.relpath(os.path.join(dirpath, f), root))
    for e in problems:  # e.g. an unreadable subdirectory: say so instead of silently missing files
        yield Skipped(e.filename or root, (e.strerror or str(e)).lower())
    if not found and not problems:
        yield Skipped(root, f"directory has no files matching {glob!r}")
    # Sort by path components so a file's siblings stay together ('a/b' before 'a-b/c').
    for rel in sorted(found, key=lambda r: r.split(os.sep)):
        yield _read(os.path.join(root, rel), encoding)


def iter_documents(paths: list[str], glob: str = "*.txt", encoding: str | None = None,
                   stdin: BinaryIO | None = None) -> Iterator[Document | Skipped]:
    """Yield a Document or Skipped for each input, in order, one file in memory at a time.

    A directory is searched recursively for files whose name matches ``glob``,
    in sorted relative-path order; '-' reads ``stdin`` (default sys.stdin.buffer).
    Raises InputError at call time for an unknown ``encoding``; never for one bad input.

    >>> [d.reason for d in iter_documents(["/no/such.txt"])]
    ['no such file or directory']
    """
    codec = check_encoding(encoding) if encoding is not None else None  # fail before any output

    def generate() -> Iterator[Document | Skipped]:
        for p in paths:
            if p == "-":
                yield _load("-", (stdin if stdin is not None else sys.stdin.buffer).read(), codec)
            elif os.path.isdir(p):
                yield from _walk(p, glob, codec)
            else:
                yield _read(p, codec)
    return generate()
