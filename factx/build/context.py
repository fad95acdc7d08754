"""What a builder knows about the article it builds in, and the fields every fact shares."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from factx.match import ArticleText, Match
from factx.rules import RuleSet
from factx.values.dates import YearContext

_TRAILING = frozenset(",.;:!?。、，；：！？")
_EXPLICIT_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})年")


@dataclass
class Context:
    doc: str
    article: int
    original: str
    atext: ArticleText
    ruleset: RuleSet
    publication_year: int | None
    _year_positions: list[int] = field(default_factory=list)
    _years: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for m in _EXPLICIT_YEAR.finditer(self.atext.text):
            self._year_positions.append(m.start())
            self._years.append(int(m.group(1)))

    def year_context(self, pos: int) -> YearContext:
        """Years a partial date at folded `pos` resolves against: the last explicit year
        written before it in the article, and the publication year."""
        i = bisect.bisect_left(self._year_positions, pos) - 1
        previous = self._years[i] if i >= 0 else None
        return YearContext(publication=self.publication_year, previous=previous, default=self.publication_year)

    def common(self, match: Match, start: int | None = None, end: int | None = None) -> dict:
        """doc, article, span, text, sentence and rule of a fact read from folded [start, end)."""
        start = match.start if start is None else start
        end = match.end if end is None else end
        while end > start + 1 and self.atext.text[end - 1] in _TRAILING:
            end -= 1  # a fact's text never ends on the punctuation that closes its clause
        span = self.atext.span(start, end)
        s_start, s_end = self.atext.sentences[self.atext.sentence_index(start)]
        return {
            "doc": self.doc,
            "article": self.article,
            "span": span,
            "text": self.original[span[0]:span[1]],
            "sentence": self.original[s_start:s_end],
            "rule": match.rule.id,
        }

    def text(self, start: int, end: int) -> str:
        return self.atext.text[start:end]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """Folded bounds of the sentence holding folded `pos`."""
        return self.atext.sentence_bounds(self.atext.sentence_index(pos))
