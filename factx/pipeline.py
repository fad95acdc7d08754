"""The extraction pipeline, top to bottom: read -> normalise -> segment -> match -> build -> write.

`extract_text` is the whole of it for one decoded text; `extract_documents` runs it over
the inputs of a command line and reports what it had to skip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from factx.build import build_facts
from factx.build.context import Context
from factx.match import ArticleText, RuleTimeout, find_matches
from factx.normalise import fold_text
from factx.read import Document, Skipped
from factx.records import Article, Byline, Fact
from factx.repeats import merge_repeats
from factx.rules import RuleSet
from factx.segment import segment

_YEAR = regex.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年")
# A dateline in the page head: 2024年1月5日 星期五 / 2024年01月05日
_DATELINE = regex.compile(r"^\s*((?:19|20)\d{2})年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]", regex.M)


@dataclass
class Options:
    types: set[str] | None = None       # fact types to emit (None: all)
    year: int | None = None             # publication year, when the user knows it
    articles: bool = True               # emit `article` records too


def publication_year(text: str, given: int | None = None) -> int | None:
    """The year the page was published: as given, from a dateline, else the latest year it speaks of.

    >>> publication_year("2023年工作回顾……2024年")
    2024
    """
    if given:
        return given
    head = _DATELINE.search(text[:2000])
    if head:
        return int(head.group(1))
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


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
    rules = ruleset.of_type(options.types)
    year = publication_year(text, options.year)

    def on_timeout(exc: RuleTimeout) -> None:
        if warn:
            warn(f"{doc}: {exc}")

    for art in segment(text):
        atext = ArticleText.build(text, art.sentences)
        ctx = Context(doc, art.index, text, atext, ruleset, year)
        facts = merge_repeats(build_facts(find_matches(rules, atext, on_timeout), ctx))
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
        facts=dict(Counter(f.type for f in facts)),
    )


@dataclass
class Report:
    """What a batch did: documents read, records written, inputs skipped."""

    documents: int = 0
    records: int = 0
    skipped: int = 0
    rule_timeouts: int = 0


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
            report.skipped += 1
            warn(f"{item.name}: skipped: {item.reason}")
            continue
        report.documents += 1

        def warn_timeout(message: str) -> None:
            report.rule_timeouts += 1
            warn(message)

        for record in extract_text(item.text, ruleset, item.name, options, warn_timeout):
            report.records += 1
            yield record

