"""Tests for factx.values.dates: normalising Chinese date expressions to DateValue."""

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factx.values import dates
from factx.values.dates import DateValue, YearContext, parse_date, resolve_year_word, year_number


def day(start, end=None, inferred=False):
    return DateValue(start, end or start, "day", inferred)


def month(start, end=None, inferred=False):
    return DateValue(start, end or start, "month", inferred)


# A context where every source of a year differs, so a test shows which one was used.
CTX = YearContext(publication=2024, previous=2020, default=2023)

EXPLICIT = [
    ("2023年12月27日", day("2023-12-27")),
    ("2023年10月", month("2023-10")),
    ("二〇二三年九月二十一日", day("2023-09-21")),
    ("二○二三年十月一日", day("2023-10-01")),  # ○ (white circle) is often typed for 〇
    ("二〇二〇年十二月三十一日", day("2020-12-31")),
    ("2023.9.21", day("2023-09-21")),
    ("2023-09-21", day("2023-09-21")),
    ("2023/9/21", day("2023-09-21")),
    ("2023年9月21号", day("2023-09-21")),
    ("2023年10月份", month("2023-10")),
    ("２０２３年９月２１日", day("2023-09-21")),
    ("2023 年 9 月 21 日", day("2023-09-21")),
    ("2024年2月29日", day("2024-02-29")),
    ("2024年元月5日", day("2024-01-05")),  # 元月 is January
    ("二〇二四年元月", month("2024-01")),
]


@pytest.mark.parametrize("text, expected", EXPLICIT, ids=[t for t, _ in EXPLICIT])
def test_explicit_single_dates(text, expected):
    assert parse_date(text) == expected
    assert parse_date(text, CTX) == expected  # an explicit year ignores the context


RANGES = [
    ("2020年5月14日—20日", day("2020-05-14", "2020-05-20")),
    ("2020年8月24日—25日", day("2020-08-24", "2020-08-25")),
    ("2023年12月28日至2024年1月3日", day("2023-12-28", "2024-01-03")),
    ("2023年9月至11月", month("2023-09", "2023-11")),
    ("2023年9月21日–9月25日", day("2023-09-21", "2023-09-25")),
    ("2023年9月21日-25日", day("2023-09-21", "2023-09-25")),
    ("2023年9月21日~25日", day("2023-09-21", "2023-09-25")),
    ("2023年9月21日～25日", day("2023-09-21", "2023-09-25")),
    ("2023年9月21日——25日", day("2023-09-21", "2023-09-25")),
    ("2023年9月21日到25日", day("2023-09-21", "2023-09-25")),
    ("2023年9月21日 至 25日", day("2023-09-21", "2023-09-25")),
    ("2023.9.21-25", day("2023-09-21", "2023-09-25")),
    ("2023-09-21~2023-09-25", day("2023-09-21", "2023-09-25")),
    ("2023年12月28日至1月3日", day("2023-12-28", "2024-01-03")),  # rolls into the next year
    ("2023年12月至次年2月", month("2023-12", "2024-02")),  # 次年 counts from the start's year
    ("2023年9月21日至9月21日", day("2023-09-21")),
    ("2025年9—10月", month("2025-09", "2025-10")),  # two months sharing one 月
    ("2025年3-5月底", month("2025-03", "2025-05")),
    ("2025年5月14-20日", day("2025-05-14", "2025-05-20")),  # a day range dropping its first 日 stays one
]


@pytest.mark.parametrize("text, expected", RANGES, ids=[t for t, _ in RANGES])
def test_explicit_ranges(text, expected):
    assert parse_date(text, CTX) == expected


PARTIAL = [
    ("2月8日", day("2023-02-08", inferred=True)),
    ("九月二十一日", day("2023-09-21", inferred=True)),
    ("10月", month("2023-10", inferred=True)),
    ("5月14日至20日", day("2023-05-14", "2023-05-20", inferred=True)),
    ("5月14-20日", day("2023-05-14", "2023-05-20", inferred=True)),
    ("8月24日—25日", day("2023-08-24", "2023-08-25", inferred=True)),
    ("9月16日、17日", day("2023-09-16", "2023-09-17", inferred=True)),  # the rules take it before 两天 only
    ("5月14日-6月2日", day("2023-05-14", "2023-06-02", inferred=True)),
    ("12月28日至1月3日", day("2023-12-28", "2024-01-03", inferred=True)),
    ("11月至2月", month("2023-11", "2024-02", inferred=True)),
    # The end's year is written, so the text gave a year and the start is resolved from it.
    ("12月28日至2024年1月3日", day("2023-12-28", "2024-01-03")),
]


@pytest.mark.parametrize("text, expected", PARTIAL, ids=[t for t, _ in PARTIAL])
def test_dates_without_year_take_the_default(text, expected):
    assert parse_date(text, CTX) == expected


RELATIVE = [
    ("同年7月", month("2020-07", inferred=True)),  # previous
    ("当年12月", month("2020-12", inferred=True)),  # previous
    ("次年3月", month("2021-03", inferred=True)),  # previous + 1
    ("今年3月", month("2024-03", inferred=True)),  # publication
    ("上年5月", month("2023-05", inferred=True)),  # publication - 1
    ("去年11月20日", day("2023-11-20", inferred=True)),  # publication - 1
    ("明年1月", month("2025-01", inferred=True)),  # publication + 1
    ("前年6月", month("2022-06", inferred=True)),  # publication - 2
    ("同年5月14日至20日", day("2020-05-14", "2020-05-20", inferred=True)),
    ("今年12月至明年1月", month("2024-12", "2025-01", inferred=True)),
]


@pytest.mark.parametrize("text, expected", RELATIVE, ids=[t for t, _ in RELATIVE])
def test_relative_years(text, expected):
    assert parse_date(text, CTX) == expected


PARTS = [
    ("2月26日上午", day("2023-02-26", inferred=True)),
    ("9月21日晚", day("2023-09-21", inferred=True)),
    ("2月6日一早", day("2023-02-06", inferred=True)),
    ("2023年9月21日下午", day("2023-09-21")),
    ("9月上旬", month("2023-09", inferred=True)),
    ("9月中下旬", month("2023-09", inferred=True)),
    ("10月底", month("2023-10", inferred=True)),
    ("2023年11月底", month("2023-11")),
    ("2023年11月末", month("2023-11")),
    ("2023年3月初", month("2023-03")),
]


@pytest.mark.parametrize("text, expected", PARTS, ids=[t for t, _ in PARTS])
def test_part_of_day_or_month_keeps_the_date(text, expected):
    assert parse_date(text, CTX) == expected


def test_int_context_is_publication_and_default():
    assert parse_date("2月8日", 2023) == day("2023-02-08", inferred=True)
    assert parse_date("今年3月", 2023) == month("2023-03", inferred=True)
    assert parse_date("去年3月", 2023) == month("2022-03", inferred=True)
    assert parse_date("同年3月", 2023) is None  # an int says nothing about the previous year


def test_each_context_field_serves_its_own_words():
    only_previous = YearContext(previous=2019)
    assert parse_date("同年7月", only_previous) == month("2019-07", inferred=True)
    assert parse_date("上年7月", only_previous) == month("2018-07", inferred=True)  # no publication
    assert parse_date("今年7月", only_previous) is None
    assert parse_date("2月8日", only_previous) is None  # a bare date uses only `default`
    only_publication = YearContext(publication=2024)
    assert parse_date("次年3月", only_publication) is None
    assert parse_date("2月8日", only_publication) is None
    assert parse_date("2月8日", YearContext(default=2021)) == day("2021-02-08", inferred=True)


NONE = [
    ("2月30日", CTX),
    ("2023年2月29日", CTX),
    ("2023年4月31日", CTX),
    ("13月", CTX),
    ("2023年13月5日", CTX),
    ("2023.13.1", CTX),
    ("2023年", CTX),
    ("2023年底", CTX),
    ("去年", CTX),
    ("2月8日", None),  # no year anywhere
    ("同年7月", YearContext(publication=2024)),
    ("8时30分", CTX),
    ("第二", CTX),
    ("", CTX),
    ("二十二月", CTX),
    ("9月三十二日", CTX),
    ("9月十十日", CTX),
    ("2023年9月21日-", CTX),  # a separator with nothing after it
    ("2023年9月21日至2024年", CTX),  # the end has no month or day
    ("2023年9月至20日", CTX),  # month start, day end
    ("2023年5月14日至6月", CTX),  # day start, month end
    ("2023年5月20日至14日", CTX),  # ends before it starts
    ("9月晚", CTX),  # a part of the day needs a day
    ("9月21日上旬", CTX),  # a part of the month needs no day
    ("2023-10", CTX),  # numeric forms are day precision only (2023.10 may be a decimal)
    ("2023.9.21-9.25", CTX),
    ("截至2023年11月底", CTX),  # the caller passes the date alone
]


@pytest.mark.parametrize("text, ctx", NONE, ids=[t or "empty" for t, _ in NONE])
def test_not_a_date(text, ctx):
    assert parse_date(text, ctx) is None


def test_docstring_example():
    assert doctest.testmod(dates).failed == 0


@given(st.dates(), st.integers(0, 40))
def test_any_calendar_range_round_trips(start, length):
    end = start.fromordinal(min(start.toordinal() + length, 3652059))
    text = f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
    if start.year < 1000 or end.year < 1000:  # the grammar wants four-digit years
        assert parse_date(text) is None
    else:
        assert parse_date(text) == day(start.isoformat(), end.isoformat())


def test_year_numbers_in_digits_or_numerals():
    assert year_number("2023") == 2023
    assert year_number("二〇二三") == 2023
    assert year_number("二○二三") == 2023
    assert year_number("２０２３") == 2023


@pytest.mark.parametrize("word, expected", [
    ("同年", 2020), ("当年", 2020), ("次年", 2021), ("翌年", 2021),
    ("今年", 2024), ("本年", 2024), ("上年", 2023), ("去年", 2023), ("前年", 2022), ("明年", 2025),
])
def test_each_year_word_names_one_year(word, expected):
    assert resolve_year_word(word, CTX) == expected


# A page of 4 January 2025: its masthead month is 1.
JANUARY = YearContext(publication=2025, default=2025, published_month=1)


@pytest.mark.parametrize("text, expected", [
    ("12月28日", day("2024-12-28", inferred=True)),  # eleven months ahead: last December
    ("11月", month("2024-11", inferred=True)),
    ("12月28日至1月3日", day("2024-12-28", "2025-01-03", inferred=True)),
    ("12月26日至28日", day("2024-12-26", "2024-12-28", inferred=True)),
    ("1月2日", day("2025-01-02", inferred=True)),
    ("3月5日", day("2025-03-05", inferred=True)),  # a session announced for March
    ("7月1日", day("2025-07-01", inferred=True)),  # six months ahead: a law taking effect
    ("今年12月", month("2025-12", inferred=True)),  # 今年 names the year
    ("2025年12月28日", day("2025-12-28")),
])
def test_a_yearless_date_long_after_the_page_month_is_of_the_year_before(text, expected):
    assert parse_date(text, JANUARY) == expected


@pytest.mark.parametrize("text, expected", [
    ("9月下旬", month("2024-09", inferred=True)),  # after 2023年11月, before the page
    ("12月5日", day("2023-12-05", inferred=True)),  # after 2023年11月 in that year
    ("11月20日", day("2023-11-20", inferred=True)),  # the same month
    ("2023年9月", month("2023-09")),  # a written year stands
])
def test_a_yearless_date_before_the_month_that_opened_the_paragraph_is_of_the_next_year(text, expected):
    # 2023年11月,… on a page of October 2024
    ctx = YearContext(publication=2024, default=2023, published_month=10, default_month=11)
    assert parse_date(text, ctx) == expected


def test_the_story_goes_forward_only_up_to_the_page():
    # on a page of August 2024, 9月 after 2023年11月 would be after the page: it stays in 2023
    ctx = YearContext(publication=2024, default=2023, published_month=8, default_month=11)
    assert parse_date("9月下旬", ctx) == month("2023-09", inferred=True)
    # in the page's own year there is no next year to go on into
    assert parse_date("3月", YearContext(publication=2024, default=2024, default_month=11)) == month("2024-03", inferred=True)


def test_only_the_publication_year_rolls_back_not_a_year_the_paragraph_set():
    # 2023年,…12月28日… on a January 2025 page: the paragraph's own year stands
    assert parse_date("12月28日", YearContext(publication=2025, default=2023, published_month=1)) == day("2023-12-28", inferred=True)
    # without the masthead's month nothing is known of where in the year the page stands
    assert parse_date("12月28日", YearContext(publication=2025, default=2025)) == day("2025-12-28", inferred=True)


# 本月/上月/下月 count from the month the masthead prints; across the turn of a year too.
MONTH_WORDS = [
    (YearContext(publication=2023, default=2023, published_month=5), "本月10日", day("2023-05-10", inferred=True)),
    (YearContext(publication=2023, default=2023, published_month=5), "上月27日", day("2023-04-27", inferred=True)),
    (YearContext(publication=2024, default=2024, published_month=1), "上月27日至本月3日", day("2023-12-27", "2024-01-03", inferred=True)),
    (YearContext(publication=2024, default=2024, published_month=12), "下月5日", day("2025-01-05", inferred=True)),
    (YearContext(publication=2024, default=2024, published_month=6), "本月10日至15日", day("2024-06-10", "2024-06-15", inferred=True)),
    (YearContext(publication=2024, default=2024), "本月10日", None),  # no month on the page: no date
]


@pytest.mark.parametrize("ctx, text, expected", MONTH_WORDS, ids=[t for _, t, _ in MONTH_WORDS])
def test_month_words_count_from_the_page_month(ctx, text, expected):
    assert parse_date(text, ctx) == expected


def test_a_month_ahead_of_the_page_before_next_years_time_line_is_this_year():
    # 明年1月,…会议拟召开。…将于12月上旬… on a page of November 2025: this December
    ctx = YearContext(publication=2025, default=2026, published_month=11, default_month=1)
    assert parse_date("12月上旬", ctx) == month("2025-12", inferred=True)
    # a month already past on the page's date goes on into next year's time line
    assert parse_date("6月", ctx) == month("2026-06", inferred=True)


def test_a_year_a_heading_names_is_not_rolled_back():
    # under `二、2026年主要任务` on a page of January 2026, 10月 is this October
    stated = YearContext(publication=2026, default=2026, published_month=1, stated=True)
    assert parse_date("10月18日", stated) == day("2026-10-18", inferred=True)
    assert parse_date("10月18日", YearContext(publication=2026, default=2026, published_month=1)) == day("2025-10-18", inferred=True)
