"""Normalise a Chinese date expression to a `DateValue` (the `date` of an `event` fact).

A rule finds a date in the text; this module says what that date *is*:
`2020年5月14日—20日` becomes start `2020-05-14`, end `2020-05-20`, precision `day`.
Only day- and month-precision dates count (see FACTS.md, `event`); a year alone is not a date.

Dates without a year (`2月8日`) or with a relative one (`同年7月`, `次年3月`, `去年`) are
resolved from a `YearContext` supplied by the caller, who knows the article.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass, replace

import regex

from factx.patterns import compile_pattern


@dataclass(frozen=True)
class DateValue:
    start: str  # "2023-09-21" (day precision) or "2023-10" (month precision)
    end: str  # same form; equals start for a single date
    precision: str  # "day" | "month"
    year_inferred: bool  # True when the text itself gave no year number


@dataclass(frozen=True)
class YearContext:
    publication: int | None = None  # the article's publication year: 今年, 去年, 明年
    previous: int | None = None  # last explicit year before this date: 同年, 当年, 次年
    default: int | None = None  # the year for a date written without any year: 2月8日
    # The month of publication, when the masthead prints it: a date without any year more
    # than half a year after it (12月28日 on a page of 4 January) was the year before.
    published_month: int | None = None
    # The month of the full date that gave `default` (11 for 2023年11月,…): a date without
    # any year in an earlier month goes on into the next year (…。9月下旬,…), as a story
    # told forward does, when that is still before the page was published.
    default_month: int | None = None
    # A date of the past only (an archive photo's caption, 资料图片): a month after the month of
    # publication was last year's, however close.
    past: bool = False
    # `default` was named by the text (`二、2026年主要任务` over the section): a month far
    # ahead of the page's is no sign of last year there.
    stated: bool = False
    # The date is one a law takes effect on (…自5月1日起施行): it may lie ahead of the page,
    # so a time line may go on into the next year past the page's date.
    ahead: bool = False


# A news page reports what happened and announces what is planned within months; a date
# without a year more months than this after the page's own month lies in the year before.
MONTHS_AHEAD = 6
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_MONTH_WORDS = {"元": 1}  # 元月 is January
_CN = "〇零○一二三四五六七八九"

# Parts of a day keep day precision; parts of a month need a month-only date.
_DAY_PARTS = "上午|下午|中午|晚上|晚间|夜间|夜里|傍晚|早上|早晨|清晨|凌晨|白天|一早|晚|早|夜"
_MONTH_PARTS = "上中旬|中下旬|上旬|中旬|下旬|初|中|底|末"
_MONTH_PART_SET = frozenset(_MONTH_PARTS.split("|"))

# The words that name a year relative to the text (rules/dates.toml YEAR_RELATIVE is the rules' copy).
RELATIVE_YEARS = "同年|当年|这一?年(?!头)|那一?年|次年|翌年|今年|本年|上年|去年|前年|明年"

# Range separators: dashes of every width, tildes, 至 and 到 (after NFKC, ～ is ~ and － is -).
_SEP = r"(?:[-—–―〜~]+|起?至|到|、)"  # (、 only as the rules let it: 9月16日、17日两天)


def _single(p: str) -> str:
    """The grammar of one date; `p` prefixes the group names so a range can hold two."""
    # Numeric form 2023.9.21 / 2023-09-21 / 2023/9/21: the same separator twice, always a day.
    numeric = (
        rf"(?P<{p}year>[0-9]{{4}})(?P<{p}sep>[./-])(?P<{p}month>[0-9]{{1,2}})"
        rf"(?P={p}sep)(?P<{p}day>[0-9]{{1,2}})[日号]?"
    )
    # Chinese form: every part optional here; parse_date checks which combinations make sense
    # (a range end may be just `20日`). 日 may be missing before a range separator: 5月14-20日.
    chinese = (
        rf"(?:(?P<{p}year>[0-9]{{4}}|[{_CN}]{{4}})年|(?P<{p}rel>{RELATIVE_YEARS}))?"
        rf"(?:(?P<{p}month>[0-9]{{1,2}}|[{_CN}十]{{1,3}}|元)月份?|(?P<{p}relmonth>本月|上月|下月))?"
        rf"(?:(?P<{p}day>[0-9]{{1,2}}|[{_CN}十]{{1,3}})[日号]?)?"
        rf"(?P<{p}part>{_MONTH_PARTS}|{_DAY_PARTS})?"
    )
    return rf"(?:{numeric}|{chinese})"


_WEEKDAY = compile_pattern(r"\((?:星期|周)[一二三四五六日天]\)")
_DATE = compile_pattern(rf"{_single('s_')}(?P<range>{_SEP}{_single('e_')})?")
# Two months sharing one 月 (9—10月, 2025年3-5月): the first number is a month; written out
# (9月—10月) before the grammar reads it, since alone it would read as a day.
_MONTH_NUMBER = rf"(?:[0-9]{{1,2}}|[{_CN}十]{{1,3}}|元)"
_SHARED_MONTH = compile_pattern(rf"^((?:[0-9]{{4}}年|[{_CN}]{{4}}年|{RELATIVE_YEARS})?{_MONTH_NUMBER})(?={_SEP}{_MONTH_NUMBER}月(?:{_MONTH_PARTS})?$)")


@dataclass(frozen=True)
class _Parts:
    """The raw pieces of one side of a match, numbers already converted."""

    year: int | None
    rel: str | None
    month: int | None
    day: int | None
    part: str | None
    relmonth: str | None = None  # 本月, 上月, 下月: counted from the month of publication


def _to_int(s: str) -> int | None:
    """`"21"`, `"二十一"`, `"二〇二三"` -> int; None when the numeral is malformed (`十十`)."""
    if s.isascii():
        return int(s)
    if s in _MONTH_WORDS:
        return _MONTH_WORDS[s]
    if "十" not in s:  # years are written digit by digit: 二〇二三
        digits = [_CN_DIGITS.get(c) for c in s]
        return None if None in digits else int("".join(map(str, digits)))
    tens, _, ones = s.partition("十")
    t = _CN_DIGITS.get(tens) if tens else 1  # 十一 is 11, 二十一 is 21
    o = _CN_DIGITS.get(ones) if ones else 0
    if t is None or o is None or len(tens) > 1 or len(ones) > 1:
        return None
    return t * 10 + o


def _parts(m: regex.Match, p: str) -> _Parts | None:
    nums = {}
    for name in ("year", "month", "day"):
        raw = m.group(p + name)
        nums[name] = None if raw is None else _to_int(raw)
        if raw is not None and nums[name] is None:
            return None
    return _Parts(nums["year"], m.group(p + "rel"), nums["month"], nums["day"], m.group(p + "part"), m.group(p + "relmonth"))


_MONTH_WORD_OFFSET = {"上月": -1, "本月": 0, "下月": 1}


def _month_word(parts: _Parts | None, ctx: YearContext) -> tuple[_Parts | None, int | None]:
    """(parts with the month a 本月/上月/下月 names, the year it falls in), counted from the
    page's month; (None, None) when the page has no month; parts unchanged otherwise."""
    if parts is None or parts.relmonth is None:
        return parts, None
    if parts.year is not None or parts.rel is not None or ctx.publication is None or not ctx.published_month:
        return None, None
    index = ctx.publication * 12 + ctx.published_month - 1 + _MONTH_WORD_OFFSET[parts.relmonth]
    return replace(parts, month=index % 12 + 1), index // 12


def month_number(s: str) -> int | None:
    """The month of `11`, `十一` or `元` (元月 is January); None if it is none.

    >>> month_number("十一"), month_number("元"), month_number("13")
    (11, 1, None)
    """
    n = _to_int(s)
    return n if n is not None and 1 <= n <= 12 else None


def year_number(s: str) -> int | None:
    """The year a numeral names: `"2023"` or `"二〇二三"` -> 2023 (None if malformed)."""
    return _to_int(unicodedata.normalize("NFKC", s))


def resolve_year_word(word: str, ctx: YearContext) -> int | None:
    """The year a relative word names in this context, or None if the context lacks it.

    >>> resolve_year_word("次年", YearContext(previous=2020))
    2021
    """
    pub, prev = ctx.publication, ctx.previous
    if word in ("同年", "当年") or word.startswith(("这", "那")):  # 这一年10月, 那年冬天
        return prev
    if word in ("次年", "翌年"):
        return None if prev is None else prev + 1
    if word in ("今年", "本年"):
        return pub
    if word == "明年":
        return None if pub is None else pub + 1
    back = 2 if word == "前年" else 1
    # 上年 / 去年 / 前年: counted back from publication; failing that, from the year last named.
    if pub is not None:
        return pub - back
    return None if prev is None else prev - back


def _precision(parts: _Parts) -> str | None:
    """The precision, `day` or `month`; None when a part of day or month contradicts it (`9月21日上旬`)."""
    precision = "day" if parts.day is not None else "month"
    if parts.part is not None and (parts.part in _MONTH_PART_SET) != (precision == "month"):
        return None
    return precision


def _iso(year: int, month: int, day: int | None) -> str | None:
    """`2023-09-21` / `2023-09`, or None for a date the calendar lacks (2月30日, 13月)."""
    try:
        datetime.date(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" + ("" if day is None else f"-{day:02d}")


def parse_date(text: str, year_context: YearContext | int | None = None) -> DateValue | None:
    """Normalise one date expression (as a rule matched it) to a DateValue.

    An int `year_context` means `YearContext(publication=y, default=y)`. Returns None when the
    text is not a day- or month-precision date (or range), or when a year is needed and the
    context has none.

    >>> parse_date("2020年5月14日—20日")
    DateValue(start='2020-05-14', end='2020-05-20', precision='day', year_inferred=False)
    """
    if isinstance(year_context, int):
        ctx = YearContext(publication=year_context, default=year_context)
    else:
        ctx = year_context or YearContext()
    # NFKC folds full-width digits and punctuation; spaces carry no meaning inside a date.
    s = "".join(unicodedata.normalize("NFKC", text).split())
    s = _SHARED_MONTH.sub(r"\1月", s)
    s = _WEEKDAY.sub("", s)  # 6月24日(星期三)至25日
    m = _DATE.fullmatch(s)
    if m is None:
        return None
    start, start_named = _month_word(_parts(m, "s_"), ctx)
    if start is None or start.month is None:  # a date needs at least a month: 2023年 is not one
        return None
    is_range = m.group("range") is not None
    end, end_named = _month_word(_parts(m, "e_"), ctx) if is_range else (start, start_named)
    if end is None or (end.month is None and end.day is None):
        return None  # a separator followed by no month or day: `9月21日至2024年`

    precision = _precision(start)
    if precision is None or _precision(end) != precision:
        return None  # `9月至20日` or `5月14日至6月` mix precisions: not a range we can state
    end_month = end.month if end.month is not None else start.month

    # The end's year: written, relative (to the start's year, so 2023年12月至次年1月 works),
    # or taken from the start, rolling over when the month goes backwards (12月28日至1月3日).
    def start_year() -> int | None:
        if start.year is not None:
            return start.year
        if start_named is not None:
            return start_named
        if start.rel is not None:
            return resolve_year_word(start.rel, ctx)
        if is_range and end.year is not None:  # 12月28日至2024年1月3日: the start is in 2023
            return end.year - (1 if start.month > end_month else 0)
        if (ctx.default is not None and ctx.default == ctx.publication and ctx.published_month and not ctx.stated
                and start.month - ctx.published_month > (0 if ctx.past else MONTHS_AHEAD)):
            return ctx.default - 1  # reported on 4 January, 12月28日 is last December
        if (ctx.default is not None and ctx.default_month and start.month < ctx.default_month
                and ctx.publication is not None and ctx.default < ctx.publication
                and (ctx.ahead or (ctx.default + 1, start.month) <= (ctx.publication, ctx.published_month or 12))):
            return ctx.default + 1  # 2023年11月,…。9月下旬,… on a page of October 2024
        if (ctx.default is not None and ctx.publication is not None and ctx.default == ctx.publication + 1
                and ctx.default_month and start.month > ctx.default_month
                and ctx.published_month and start.month >= ctx.published_month):
            # 明年1月,…会议拟召开。…将于12月上旬…, on a page of November: the nearer December,
            # still ahead of the page and before the time line's month, not the one after it
            return ctx.publication
        return ctx.default

    y_start = start_year()
    if y_start is None:
        return None
    if not is_range:
        y_end = y_start
    elif end.year is not None:
        y_end = end.year
    elif end_named is not None:
        y_end = end_named
    elif end.rel is not None:
        y_end = resolve_year_word(end.rel, replace(ctx, previous=y_start))
    else:
        y_end = y_start + (1 if end_month < start.month else 0)
    if y_end is None:
        return None

    iso_start = _iso(y_start, start.month, start.day)
    iso_end = _iso(y_end, end_month, end.day)
    if iso_start is None or iso_end is None or iso_end < iso_start:
        return None
    # "The text gave no year" means no year number anywhere in the expression.
    year_inferred = start.year is None and (not is_range or end.year is None)
    return DateValue(iso_start, iso_end, precision, year_inferred)
