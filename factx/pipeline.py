"""The extraction pipeline, top to bottom: read -> normalise -> segment -> match -> build -> write.

`extract_text` is the whole of it for one decoded text; `extract_documents` runs it over
the inputs of a command line and reports what it had to skip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from factx.build import build_facts
from factx.build.context import Context
from factx.match import ArticleText, RuleTimeout, find_matches
from factx.normalise import fold_text, fold_texts
from factx.patterns import compile_pattern
from factx.read import Document, Skipped
from factx.records import Article, Byline, Fact
from factx.repeats import merge_repeats
from factx.rules import RuleSet
from factx.segment import DATELINE, PRINTED_ON, publication_stamp, segment, years_named
from factx.segment import Article as Segment
from factx.values.dates import MONTHS_AHEAD
from factx.words import use_userdicts

# A year-end review names the year it looks back on in its headline or subtitle
# (——呼和浩特市政协2023年工作回顾, ——2020年呼和浩特市政协工作综述), an annual report
# included (…县人民政府2025年政府信息公开工作年度报告, …活动组2025年度履职报告) ...
_REVIEW_OF_YEAR = compile_pattern(
    r"((?:19|20)\d{2})(?:年度?[^年]{0,30}(?:回顾|回眸|回望|盘点|综述|总结|巡礼|年度报告|大事记)|年度[^年]{0,20}报告)")
# ... or calls itself a review (——…工作综述) and looks back on a year in its text (回首过去一年).
_REVIEW = compile_pattern(r"(?:回顾|回眸|回望|盘点|综述|总结|巡礼)$")
_LOOKS_BACK = compile_pattern(r"过去(?:的)?一年|回首过去|回望过去|一年来")
# A plan for a year names it in its headline (…常务委员会2026年工作要点, 2026年度监督工作计划):
# printed at the end of the year before, it speaks from the year it plans (its 今年 is 2026).
_PLAN_OF_YEAR = compile_pattern(r"((?:19|20)\d{2})年度?[^年]{0,20}(?:工作要点|工作计划|工作安排|计划)$")
# ... or is a work report given at the year's session, in its first quarter (——2024年1月15日
# 在…第三次会议上): it looks back on the year before.
_REPORT_AT_SESSION = compile_pattern(r"^(?:——|--|—)((?:19|20)\d{2})年0?[1-3]月.{0,60}?(?:会议|大会)上$")


@dataclass
class Options:
    types: set[str] | None = None       # fact types to emit (None: all)
    year: int | None = None             # publication year, when the user knows it
    articles: bool = True               # emit `article` records too


def publication_year(text: str, given: int | None = None, articles: list[Segment] | None = None,
                     reviewed: list[int | None] | None = None) -> int | None:
    """The year the page was published: `given` (--year), else the masthead's dateline
    (`2024年1月5日 星期五`, `崇溪报 2023年11月24日 星期五` on a line of the page head), else an estimate.

    The estimate is the latest year any article of the page speaks of, except that a
    year-end review is printed after the year it reviews: an article whose headline or
    subtitle names a reviewed year (`2023年工作回顾`) counts as that year plus one, and one
    that calls itself a review (`…工作综述`) and looks back on a year (`回首过去一年`) as the
    latest year it speaks of plus one. On the samples this gives the gold publication
    years (000/001: 2024, 002: 2021, 003: 2022, 004: 2026) where the latest year alone is
    one short for the four reviews. A page that names no year has none. `reviewed`, when
    given, holds `reviewed_year` of each of `articles` (the caller needs them too).

    >>> publication_year("2023年工作回顾……2024年")
    2024
    >>> publication_year("凝心聚力 奋楫笃行\\n\\n——市政协2023年工作回顾\\n\\n□张三\\n\\n2023年,市政协提交提案87件。")
    2024
    """
    if given:
        return given
    masthead = masthead_date(text)
    if masthead:
        return masthead[0]
    if articles is None:
        articles = segment(text)
    if reviewed is None:
        reviewed = [reviewed_year(text, art) for art in articles]
    estimates = [year for art, looked_back in zip(articles, reviewed)
                 if (year := _article_year(art, looked_back)) is not None]
    if estimates:
        return max(estimates)
    years = years_named(text)  # outside the articles too: a page of chrome and captions only
    return max(years) if years else None


# A portal prints when it published the page: 发布时间：2025-01-06 16:32 (folded, the clock
# runs on into the day: the day is the two digits after the month).
_PUBLISHED_AT = compile_pattern(
    r"^[【\[]?(?:发布|发表|更新)?(?:时间|日期)(?::|[】\]])((?:19|20)[0-9]{2})(?:[-./](?P<month>[0-9]{1,2})[-./][0-9]{1,2}|年(?P<month>[0-9]{1,2})月[0-9]{1,2}日)"
)
# …and a document's own date among other fields of the line (`发布机构：…　发文日期：2026-02-25`,
# an information-disclosure catalogue's `【生成日期】2026-01-23　【公开方式】…`).
_ISSUED_AT = compile_pattern(
    r"(?:发布|发文|成文|印发|生成)日期(?::|[】\]])((?:19|20)[0-9]{2})(?:[-./](?P<month>[0-9]{1,2})[-./][0-9]{1,2}|年(?P<month>[0-9]{1,2})月[0-9]{1,2}日)"
)
# A news item's lead: where it comes from, then the day (`本网讯（记者…）12月26日，`).
_LEAD_REACH = 4  # sentences of an article that may hold its lead
_LEAD_DATE = compile_pattern(r"[^,。]{0,12}?讯(?:\([^()]{0,30}\))?(?P<month>1[0-2]|[1-9])月[0-9]{1,2}日")
# A portal's clock (`今天是：2026年2月26日　星期四`): the day of the visit, when the page names no
# date of its own; a page is never published after it.
_CLOCK = compile_pattern(r"^(?:今天是|今日是|今天|今日):?((?:19|20)[0-9]{2})年(?P<month>[0-9]{1,2})月[0-9]{1,2}日")


@lru_cache(maxsize=2)  # asked for the year and then for the month of the same page
def masthead_date(text: str) -> tuple[int, int] | None:
    """(year, month) of the masthead's dateline on a line of the page head
    (`塔尔拉报  2025年1月16日  星期四` gives (2025, 1)), or of a portal's publishing line
    (`发布时间：2025-01-06 16:32`, `…　发文日期：2026-02-25`), or of a post's stamp
    (`岱溪人大　2024年11月15日 18:06　福建`), else of a portal's clock (`今天是：2026年2月26日`),
    or None."""
    clock = None
    for line in fold_texts(text[:2000].splitlines()):
        head = (DATELINE.match(line) or _PUBLISHED_AT.match(line) or publication_stamp(line) or _ISSUED_AT.search(line)
                or PRINTED_ON.search(line))  # …and a gazette's printing line (`…编印　2025年12月26日出版`)
        if head:
            return int(head.group(1)), int(head.group("month"))
        clock = clock or _CLOCK.match(line)
    return (int(clock.group(1)), int(clock.group("month"))) if clock else None


def publication_month(text: str, year: int | None) -> int | None:
    """The month the masthead dates the page in, if it dates it in `year` (a --year the
    user gave may differ)."""
    masthead = masthead_date(text)
    return masthead[1] if masthead and masthead[0] == year else None


def _article_year(art: Segment, reviewed: int | None) -> int | None:
    """The publication year one article suggests (see `publication_year`), given the year it reviews."""
    latest = max(art.years) if art.years else None
    return latest if reviewed is None else max(reviewed + 1, latest or 0)


def reviewed_year(text: str, art: Segment) -> int | None:
    """The year a year-end review looks back on, None for any other article.

    Named in its headline or subtitle (`——呼和浩特市政协2023年工作回顾` gives 2023); for a
    work report given at the session of the first quarter (`…工作报告` / `——2024年1月15日
    在…会议上`), the year before; for a review that names none (`——…工作综述`) but looks
    back on a year in its text (`回首过去一年`), the latest year it speaks of.
    """
    named = _headline_review_year(text, art)
    if named:
        return named
    heads = [fold_text(text[span[0]:span[1]]) for span in (art.title, art.subtitle) if span]
    if art.title and art.subtitle and "工作报告" in heads[0]:
        given = _REPORT_AT_SESSION.match(heads[-1])
        if given:
            return int(given.group(1)) - 1
    if art.years and any(_REVIEW.search(head.rstrip("”》)")) for head in heads) and _LOOKS_BACK.search(
            "\n".join(fold_texts([text[s:e] for s, e in art.sentences]))):  # no match crosses the \n
        return max(art.years)
    return None


def _headline_review_year(text: str, art: Segment) -> int | None:
    """The year a headline or subtitle calls the article a review of (`——…2024年工作回眸`)."""
    for span in (art.title, art.subtitle):
        named = _REVIEW_OF_YEAR.search(fold_text(text[span[0]:span[1]])) if span else None
        if named:
            return int(named.group(1))
    return None


def planned_year(title: str | None, year: int | None) -> int | None:
    """The year a plan its (folded) headline names looks ahead to (`…2026年工作要点`), when
    it is the year after the page's: None for any other article."""
    if title is None or year is None:
        return None
    named = _PLAN_OF_YEAR.search(title)
    return year + 1 if named and int(named.group(1)) == year + 1 else None


def written_when(text: str, art: Segment, atext: ArticleText, year: int | None, month: int | None,
                 reviewed: int | None) -> tuple[int | None, int | None]:
    """The year and month an article's own 今年, 明年 and 本月 speak from: the page's, except
    for a review that its headline names (`——县人大常委会2024年工作回眸`) printed in January
    of the year after. It was written at the end of the year it reviews: its 明年 is the
    page's year (明年是"十四五"规划收官之年, on a page of 2 January 2025, is 2025). So was a
    news item whose lead (in `atext`, the article's folded sentences) dates it in a month far
    ahead of the page's."""
    if reviewed is not None and year == reviewed + 1 and month == 1 and _headline_review_year(text, art) == reviewed:
        return reviewed, 12
    if year is not None and month is not None:
        # a news item whose lead dates it in a month far ahead of the page's (`本网讯（…）12月26日，`
        # on a page of January) was written last year, and its 今年 is last year; the lead is
        # the first sentence after the headline and bylines (read in the article's folded text)
        for k in range(min(_LEAD_REACH, len(atext.sentence_starts))):
            lead = _LEAD_DATE.match(atext.text, *atext.sentence_bounds(k))
            if lead:
                return (year - 1, int(lead.group("month"))) if int(lead.group("month")) - month > MONTHS_AHEAD else (year, month)
    return year, month


def extract_text(
    text: str,
    ruleset: RuleSet,
    doc: str = "-",
    options: Options | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Article | Fact]:
    """Every record of one decoded text: per article its `article` record, then its facts.

    >>> from factx.rules import load_rules
    >>> [r.type for r in extract_text("2023年9月21日,市政协组织委员赴武川县调研。", load_rules())]
    ['article', 'event']
    """
    options = options or Options()
    use_userdicts(ruleset.userdicts)  # before any builder asks jieba for words
    rules = ruleset.of_type(options.types)
    articles = segment(text)
    reviewed = [reviewed_year(text, art) for art in articles]
    year = publication_year(text, options.year, articles, reviewed)
    month = publication_month(text, year)

    def on_timeout(exc: RuleTimeout) -> None:
        if warn:
            warn(f"{doc}: {exc}")

    for art, looked_back in zip(articles, reviewed):
        atext = ArticleText.build(text, art.sentences)
        now_year, now_month = written_when(text, art, atext, year, month, looked_back)
        title = fold_text(text[art.title[0]:art.title[1]]) if art.title else None
        if (planned := planned_year(title, year)) is not None:
            # a plan for next year speaks from it: 今年, 去年 and its yearless months are its year's
            now_year, now_month, looked_back = planned, None, planned
        ctx = Context(doc, art.index, text, atext, ruleset, now_year, looked_back, now_month, title, page_year=year)
        facts = merge_repeats(build_facts(find_matches(rules, atext, on_timeout), ctx), art.sentences,
                              ruleset.lexicon("secondary_titles"))
        if options.articles:
            yield _article_record(text, doc, art, facts)
        yield from facts


def _article_record(text: str, doc: str, art, facts: list[Fact]) -> Article:
    def piece(span):
        return text[span[0]:span[1]] if span else None

    subtitle = piece(art.subtitle)
    return Article(
        doc=doc,
        article=art.index,
        span=(art.start, art.end),
        title=piece(art.title),
        subtitle=fold_text(subtitle).lstrip("—-") if subtitle else None,
        bylines=[Byline(role=role, name=name) for role, name in art.bylines],
        continues=art.continues,
        facts=dict(Counter(f.type for f in facts)),
    )


@dataclass
class Report:
    """What a batch did: documents read, records written, inputs skipped."""

    documents: int = 0
    records: int = 0
    skipped: int = 0
    rule_timeouts: int = 0


def report_skipped(item: Skipped, warn: Callable[[str], None], report: Report) -> None:
    """Count an input that could not be read and say why (every way of running does this)."""
    report.skipped += 1
    warn(f"{item.name}: skipped: {item.reason}")


def extract_documents(
    inputs: Iterable[Document | Skipped],
    ruleset: RuleSet,
    options: Options,
    warn: Callable[[str], None],
    report: Report,
) -> Iterator[Article | Fact]:
    """Records of every readable input, in input order; skipped inputs are warned about and counted."""
    for item in inputs:
        if isinstance(item, Skipped):
            report_skipped(item, warn, report)
            continue
        report.documents += 1

        def warn_timeout(message: str) -> None:
            report.rule_timeouts += 1
            warn(message)

        records = extract_or_skip(item, ruleset, options, warn_timeout)
        if isinstance(records, Skipped):
            report.documents -= 1
            report_skipped(records, warn, report)
            continue
        report.records += len(records)
        yield from records


def extract_or_skip(doc: Document, ruleset: RuleSet, options: Options,
                    warn: Callable[[str], None] | None = None) -> list[Article | Fact] | Skipped:
    """All records of one document, or, when extraction fails on it, a Skipped naming the error.

    A page that trips a bug in factx must not stop the batch: its records are dropped
    whole (never half a document), the error is named, and the other inputs go on.
    """
    try:
        return list(extract_text(doc.text, ruleset, doc.name, options, warn))
    except Exception as exc:  # noqa: BLE001 - any failure of one page is reported, not raised
        return Skipped(doc.name, f"factx failed on this page ({type(exc).__name__}: {exc}); its facts are left out, please report it")

