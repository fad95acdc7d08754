"""What a builder knows about the article it builds in, and the fields every fact shares."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

import regex

from factx.match import ArticleText, Match
from factx.patterns import compile_pattern
from factx.rules import RuleSet
from factx.values.dates import RELATIVE_YEARS, YearContext, month_number, resolve_year_word, year_number

_TRAILING = frozenset(",.;:!?。、，；：！？")
_ARCHIVE_PHOTO = compile_pattern(r"资料(?:图片|照片|图)")  # a caption's credit: the photo is an old one
_EDITORS_NOTE = compile_pattern(r"[\[【]?(?:编者按|编者的话|编前|编后)")  # a paragraph in the paper's own voice
# The wall between the cells of a table drawn with | (folding makes │ and ｜ this too).
CELL_MARK = "|"
# The marks that open a short news item or a caption (■县人大常委会…, ▲图为…).
MARKS = "▲△●■◆□★"
# Every year the text names: 2023年, 二〇二三年, and the relative words (同年, 次年, 今年...).
_YEAR_MENTION = compile_pattern(
    r"(?<![\d.])(?P<year>(?:19|20)\d{2})年"
    r"|(?<![〇零○一二三四五六七八九])(?P<year>[一二][〇零○一二三四五六七八九]{3})年"
    rf"|(?P<word>{RELATIVE_YEARS})"
)
# A year that sets the time line of what follows: it opens a clause (2023年,市政协…) or a
# full date (2023年9月21日 / 2023年10月) anywhere.
_CLAUSE_OPENS_BEFORE = compile_pattern(r"(?:^|[\n,;:。!?)\]】”’」』▲■●]|讯)$")
# A relative year word sets it only where it opens a sentence (去年,全县…): inside one it
# is mostly a figure someone quotes (…负责人介绍,去年服务群众1100多人次), and the dates
# that follow go on with the article's own time line.
_SENTENCE_OPENS_BEFORE = compile_pattern(r"(?:^|[\n;。!?▲■●]|讯)$")
# A numbered section heading that names a year (`二、2026年主要目标任务`): the year of the
# yearless dates in its section, as a paragraph's opening year is of the paragraph's.
# A heading of the same or a higher level that names none ends that section.
_SECTION_HEADING = compile_pattern(
    r"(?:(?P<part>第[一二三四五六七八九十]{1,3}部分)|(?P<chapter>[一二三四五六七八九十]{1,3}、)|\([一二三四五六七八九十]{1,3}\))"
    r"(?:[^。!?;,]{0,12}?(?<![\d.])(?P<year>(?:19|20)\d{2})年)?[^。!?;,]{0,24}"
)
# The heading of a box set after an article's sections (■相关链接, 【延伸阅读】).
_BOX_HEADING = compile_pattern(r"^[ \u3000]*(?:[■□◆●]|【)(?:相关|延伸|背景)(?:链接|阅读|新闻|报道)】?[ \u3000]*$", regex.M)
# A date that describes the title after it (…12月1日起施行的《…》, 今年7月修订的《…》).
_DESCRIBES_TITLE = compile_pattern(r"(?:[0-9]{1,2}日)?起?(?:施行|实施|生效|修订|修正|修改|通过|颁布|发布|印发|公布)的(?:新修订的)?《")
# A law's name right before the date it was made or amended on (代表法于2025年3月11日经…).
_LAW_DATED = compile_pattern(r"(?:法|条例)》?(?:于|在)$")
_MONTH_FOLLOWS = compile_pattern(r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|元)月")


_CAPTION_MARKS = "▲■●"  # a year right after one of these still opens its paragraph (▲1985年春,…)
# A year, its month and day or season, then the clause: the time of what the paragraph tells.
_TIME_OPENS = compile_pattern(
    r"(?:(?:19|20)\d{2}|[一二][〇零○一二三四五六七八九]{3})年"
    r"(?:[\d〇零○一二三四五六七八九十]{1,3}月(?:[\d〇零○一二三四五六七八九十]{1,3}[日号])?|[春夏秋冬]天?|初|底|末)?(?:,|是)"
)
# A time line of a year this many years or more before the page's goes on past its paragraph,
# into the next PAST_PARAGRAPHS paragraphs (a memoir, a history: see YearLine._told_of_the_past).
PAST_YEARS = 3
PAST_PARAGRAPHS = 2


def _opens_paragraph(text: str, pos: int, start: int) -> bool:
    """Whether the year at `pos`, in the paragraph starting at `start`, opens it as its time
    (`1983年3月,…`, `1985年是…`; not `2022年10月至今,…`), after a caption's mark at most."""
    opens = pos == start or pos == start + 1 and text[start] in _CAPTION_MARKS
    return opens and _TIME_OPENS.match(text, pos) is not None


def line_end(text: str, pos: int) -> int:
    """Where the line holding `pos` ends in `text` (its line break, or the text's end)."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


@dataclass
class YearLine:
    """The years an article names, in order, as a partial date needs them.

    `previous` answers 同年/当年/次年: the last year named before a position, relative words
    resolved as they come. `default` answers a date without any year (2月8日): the year that
    opened the time line of the same paragraph (2023年,… 3月,…), else the year the article
    reviews, else the publication year.
    """

    publication: int | None
    fallback: int | None = None  # the year of a yearless date with no time line in its paragraph
    published_month: int | None = None  # the month the masthead dates the page in, if it does
    positions: list[int] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    topic_positions: list[int] = field(default_factory=list)
    topic_years: list[int] = field(default_factory=list)
    topic_paragraphs: list[int] = field(default_factory=list)
    topic_months: list[int | None] = field(default_factory=list)  # 11 of 2023年11月, None of 2023年,
    topic_written: list[bool] = field(default_factory=list)  # the year in figures (2026年), not a word (今年)
    topic_opens_paragraph: list[bool] = field(default_factory=list)  # the year opens its paragraph (1983年3月,…)
    section_positions: list[int] = field(default_factory=list)  # where a heading's section starts
    section_years: list[int | None] = field(default_factory=list)  # the year its heading names, if any
    # whether that year was named by the heading; a box after the sections (■相关链接) is
    # news of the page's own year, unnamed
    section_stated: list[bool] = field(default_factory=list)

    @classmethod
    def read(cls, text: str, publication: int | None, paragraph_of, paragraph_start, reviewed: int | None = None,
             published_month: int | None = None) -> "YearLine":
        line = cls(publication, reviewed or publication, published_month)
        previous: int | None = None
        for m in _YEAR_MENTION.finditer(text):
            if m.group("year"):
                year = year_number(m.group("year"))
            else:
                year = resolve_year_word(m.group("word"), YearContext(publication, previous, publication))
            if year is None:
                continue
            previous = year
            line.positions.append(m.start())
            line.years.append(year)
            opens = _CLAUSE_OPENS_BEFORE if m.group("year") else _SENTENCE_OPENS_BEFORE
            month = _MONTH_FOLLOWS.match(text, m.end())
            if month and _DESCRIBES_TITLE.match(text, month.end()):
                continue  # 2021年12月1日起施行的《…条例》: a law's date, no time line of the story
            if _LAW_DATED.search(text, max(0, m.start() - 4), m.start()):
                continue  # 代表法于2025年3月11日经…修正: the law's date, no time line of the story either
            if month or opens.search(text, max(0, m.start() - 3), m.start()):
                line.topic_positions.append(m.start())
                line.topic_years.append(year)
                line.topic_paragraphs.append(paragraph_of(m.start()))
                line.topic_months.append(month_number(month.group()[:-1]) if month else None)
                line.topic_written.append(bool(m.group("year")))
                line.topic_opens_paragraph.append(_opens_paragraph(text, m.start(), paragraph_start(m.start())))
        return line

    def context(self, pos: int, paragraph: int) -> YearContext:
        i = bisect.bisect_left(self.positions, pos) - 1
        previous = self.years[i] if i >= 0 else None
        j = bisect.bisect_left(self.topic_positions, pos) - 1
        default, default_month, stated = self.fallback, None, False
        if j >= 0 and self.topic_paragraphs[j] == paragraph:
            default, default_month = self.topic_years[j], self.topic_months[j]
            # a time line already ahead of the page (今年6月底前…。9月,…, on a page of January:
            # a plan) goes on ahead: its later months are no last year's; and so does one that
            # names the page's year in figures alone (2026年是…开局之年。…11月中旬,…)
            stated = default == self.publication and self.published_month is not None and (
                default_month > self.published_month if default_month is not None else self.topic_written[j])
        elif (k := bisect.bisect_right(self.section_positions, pos) - 1) >= 0 and self.section_years[k]:
            default, stated = self.section_years[k], self.section_stated[k]
        elif j >= 0 and self._told_of_the_past(j, paragraph):
            default, default_month = self.topic_years[j], self.topic_months[j]
        return YearContext(publication=self.publication, previous=previous, default=default,
                           published_month=self.published_month, default_month=default_month, stated=stated)

    def _told_of_the_past(self, j: int, paragraph: int) -> bool:
        """Whether the time line `j` opened in a paragraph just before goes on into `paragraph`:
        a story of years well before the page's (a memoir: `1983年3月,…会议召开。`⏎`3月19日大会
        闭幕那天,…`) is told paragraph by paragraph, each opening on its time, while news of a
        recent year gives way to the page's own (`2025年,全市…。`⏎`3月5日,…`), and a year inside
        a paragraph (`…。2023年以来,…`) is a look back from it."""
        return (self.topic_opens_paragraph[j] and self.publication is not None
                and self.topic_years[j] <= self.publication - PAST_YEARS
                and paragraph - self.topic_paragraphs[j] <= PAST_PARAGRAPHS)


@dataclass
class Context:
    doc: str
    article: int
    original: str
    atext: ArticleText
    ruleset: RuleSet
    publication_year: int | None
    # The year the article looks back on, when its headline says so (`2023年工作回顾`): a
    # date written without a year in such an article falls in that year, not the next.
    reviewed_year: int | None = None
    # The month of the masthead's dateline (1 for `2025年1月4日 星期六`), None without one.
    published_month: int | None = None
    # The article's headline, folded: the document an article is (`关于加强…的决定`), which
    # its own text names as 本决定.
    title: str | None = None
    # The page's own publication year: `publication_year` is the year the article speaks from,
    # which for a review printed in January is the year it reviews.
    page_year: int | None = None
    _year_line: YearLine | None = field(default=None, repr=False)
    _paragraph_starts: list[int] | None = field(default=None, repr=False)

    def year_context(self, pos: int) -> YearContext:
        """Years a partial date at folded `pos` resolves against (read once per article).

        `previous` is the last year named before `pos` (同年7月, 次年); `default`, for a date
        with no year at all, is the year that opened the time line of the same paragraph
        (`2023年,市政协…。9月21日,…`), else the year the article reviews, else the
        publication year. Never the clock.
        """
        if self._year_line is None:
            self._year_line = YearLine.read(self.atext.text, self.publication_year, self.paragraph_of,
                                            self.paragraph_start, self.reviewed_year, self.published_month)
            self._read_sections(self._year_line)
        paragraph = self.paragraph_of(pos)
        years = self._year_line.context(pos, paragraph)
        if self.reviewed_year and years.default == self.reviewed_year and self._is_editors_note(paragraph):
            # 编者按：1月7日上午，…会议开幕: the paper's own note on the report, dated as the page
            years = replace(years, default=self.page_year or self.publication_year)
        if self._is_archive_photo(pos):
            years = replace(years, past=True)  # 7月2日，…察看…。（资料图片） on a January page: last July
        return years

    def _read_sections(self, line: YearLine) -> None:
        """The sections whose numbered heading, a paragraph of its own, names a year, each
        up to the next heading of the same or a higher level."""
        self.paragraph_of(0)  # reads the paragraph starts
        starts = self._paragraph_starts
        level: int | None = None  # of the heading that named the current section's year
        for n, k in enumerate(starts):
            start, end = self.atext.sentence_bounds(k)
            if level is not None and k > 0 and _BOX_HEADING.search(
                    self.original, self.atext.sentences[k - 1][1], self.atext.sentences[k][0]):
                # ■相关链接 on a line of its own (the segmenter keeps it out of the sentences):
                # a box after the sections, no part of the last one: news of the page's year
                level = None
                line.section_positions.append(start)
                line.section_years.append(line.publication)
                line.section_stated.append(False)
            if n + 1 < len(starts) and starts[n + 1] != k + 1:
                continue  # a heading is a paragraph of one sentence
            heading = _SECTION_HEADING.fullmatch(self.atext.text, start, end)
            if heading is None:
                continue
            depth = 0 if heading.group("part") else 1 if heading.group("chapter") else 2
            if heading.group("year"):
                level = depth
                line.section_positions.append(start)
                line.section_years.append(int(heading.group("year")))
                line.section_stated.append(True)
            elif level is not None and depth <= level:
                level = None
                line.section_positions.append(start)
                line.section_years.append(None)
                line.section_stated.append(False)

    def _is_archive_photo(self, pos: int) -> bool:
        """Whether the line of folded `pos` is the caption of an archive photo (资料图片)."""
        start, end = self.atext.sentences[self.atext.sentence_index(pos)]
        return _ARCHIVE_PHOTO.search(self.original, start, line_end(self.original, end)) is not None

    def _is_editors_note(self, paragraph: int) -> bool:
        return _EDITORS_NOTE.match(self.atext.text, self._first_of(paragraph)) is not None

    def paragraph_start(self, pos: int) -> int:
        """Folded offset where the paragraph holding folded `pos` starts."""
        return self._first_of(self.paragraph_of(pos))  # (paragraph_of reads the paragraph starts first)

    def _first_of(self, paragraph: int) -> int:
        """Folded offset of the first sentence of paragraph number `paragraph`."""
        return self.atext.sentence_starts[self._paragraph_starts[paragraph]]

    def paragraph_of(self, pos: int) -> int:
        """Index of the paragraph holding folded `pos`: sentences split by a line break in
        the original are in different paragraphs (segment.py already joins lines that a
        page broke in the middle of a sentence)."""
        if self._paragraph_starts is None:
            starts = [0]
            spans = self.atext.sentences
            for k in range(1, len(spans)):
                if "\n" in self.original[spans[k - 1][1]:spans[k][0]]:
                    starts.append(k)
            self._paragraph_starts = starts
        return bisect.bisect_right(self._paragraph_starts, self.atext.sentence_index(pos)) - 1

    def common(self, match: Match, start: int | None = None, end: int | None = None) -> dict:
        """doc, article, span, text, sentence and rule of a fact read from folded [start, end)."""
        start = match.start if start is None else start
        end = match.end if end is None else end
        while end > start + 1 and self.atext.text[end - 1] in _TRAILING:
            end -= 1  # a fact's text never ends on the punctuation that closes its clause
        while start < end - 1 and self.atext.text[start] in MARKS:
            start += 1  # nor starts on the mark of a short news item (■县人大常委会…)
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
