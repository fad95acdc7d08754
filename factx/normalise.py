"""Fold text for matching while remembering where every character came from.

Rules match a *folded* copy of the original: full-width ASCII forms become half-width
(`１，１８３` -> `1,183`, `（草案）` -> `(草案)`), and whitespace (spaces, ideographic
spaces, line breaks of every kind, zero-width marks) disappears, so `2023年9 月21日` or a
date broken across two lines still match. Every folded character keeps the offset of the
original character it came from, so a span found in the folded text maps back exactly:
`original[start:end]`. Folding never changes the original: CRLF, BOMs and odd spaces stay
where they are, and spans index them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


# Full-width ASCII block U+FF01..U+FF5E maps to U+0021..U+007E by a fixed offset.
_FULLWIDTH_OFFSET = 0xFEE0
# Whitespace that never carries meaning inside a sentence of Chinese news text: spaces of
# every width, every line break str.splitlines knows (CR, LF, VT, FF, FS/GS/RS, NEL, LS, PS)
# and zero-width marks (ZWSP, ZWNJ, ZWJ, word joiner, BOM).
_DROPPED = frozenset(
    " \t\r\n\f\v\x1c\x1d\x1e\x85\u00a0\u2028\u2029\u3000\u2002\u2003\u2009"
    "\u200b\u200c\u200d\u2060\ufeff"
)
# Look-alikes outside that block, folded to the form rules are written in. Folding is
# strictly one character to one character, so offsets stay a simple list.
_SINGLE = {
    "\u2212": "-",   # minus sign
    "\u2013": "-",   # en dash, as in 5月14日–20日
    "\u2010": "-",   # hyphen
    "\u2011": "-",   # non-breaking hyphen
    "\u2502": "|",   # box drawings light vertical: a table's cell wall (│１│市交通运输局│…)
    "\u2503": "|",   # box drawings heavy vertical
}
# The whole folding as one table for str.translate: dropped -> None, look-alikes -> their form.
FOLD_TABLE: dict[int, int | str | None] = {
    **{code: code - _FULLWIDTH_OFFSET for code in range(0xFF01, 0xFF5F)},
    **{ord(ch): to for ch, to in _SINGLE.items()},
    **{ord(ch): None for ch in _DROPPED},
}
# stdlib re: a plain character class, and it scans faster than the regex module here.
_DROPPED_RUN = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_DROPPED)) + "]+")
# The same folding as strings, for `fold_text`: each character fold changes -> what it becomes.
_FOLDS = {chr(code): "" if to is None else to if isinstance(to, str) else chr(to) for code, to in FOLD_TABLE.items()}
_FOLDABLE = re.compile("[" + "".join(re.escape(ch) for ch in _FOLDS) + "]")


def fold_char(ch: str) -> str:
    """The matching form of one (kept) character: `fold_char('１') == '1'`."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - _FULLWIDTH_OFFSET)
    return _SINGLE.get(ch, ch)


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the offset in the original.

    `origin[i]` is the original index of `text[i]`; `origin[len(text)]` is one past the
    last original character that was read, so half-open spans map with the same list.
    """

    text: str
    origin: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded `text[start:end]` (half-open)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def fold(original: str, start: int = 0, end: int | None = None) -> Folded:
    """Fold `original[start:end]` for matching.

    >>> f = fold("9 月２１日")
    >>> f.text, f.span(2, 5)
    ('9月21日', (3, 6))
    """
    end = len(original) if end is None else end
    text = original[start:end].translate(FOLD_TABLE)
    origin = kept_offsets(original, start, end)
    origin.append(origin[-1] + 1 if origin else start)
    return Folded(text, origin)


def kept_offsets(original: str, start: int, end: int) -> list[int]:
    """Original offsets of the characters of `original[start:end]` that folding keeps.

    >>> kept_offsets("9 月", 0, 3)
    [0, 2]
    """
    origin: list[int] = []
    kept = start
    for gap in _DROPPED_RUN.finditer(original, start, end):
        origin.extend(range(kept, gap.start()))
        kept = gap.end()
    origin.extend(range(kept, end))
    return origin


def fold_text(text: str) -> str:
    """Only the folded string: `fold_text('人（次）') == '人(次)'`.

    Equal to `text.translate(FOLD_TABLE)` (what `fold` does), ~6x faster: translate looks
    every character up in a dict, while a page holds a few distinct foldable characters
    (，（）： and spaces), found in one `re` scan and replaced one by one. No replacement
    makes a character that folds again, so the order does not matter.
    """
    for ch in set(_FOLDABLE.findall(text)):
        text = text.replace(ch, _FOLDS[ch])
    return text


_JOINER = "\x00"  # joins the pieces `fold_texts` folds at once; folding leaves it alone


def fold_texts(pieces: list[str]) -> list[str]:
    """`fold_text` of every piece, in one pass over them all (a page's lines, an article's
    sentences: one scan instead of one call per piece).

    >>> fold_texts(["第１版", "人（次）"])
    ['第1版', '人(次)']
    """
    folded = fold_text(_JOINER.join(pieces)).split(_JOINER)
    if len(folded) != len(pieces):  # a piece holds the joiner itself
        folded = [fold_text(piece) for piece in pieces]
    return folded
