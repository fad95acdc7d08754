"""Tests for factx.values.numbers: number expressions and stated quantities."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factx.values.numbers import Quantity, parse_number, parse_quantity

NUMBERS = [
    ("244", 244),
    ("1,183", 1183),
    ("12,345,678", 12345678),
    ("１，１８３", 1183),
    ("９９．５", 99.5),
    ("99.5", 99.5),
    ("0.7", 0.7),
    ("1.0", 1),
    ("2500万", 25000000),
    ("1.2万亿", 1200000000000),
    ("1.5万", 15000),
    ("3千", 3000),
    ("两千", 2000),
    ("两千余", 2000),
    ("十万", 100000),
    ("一百二十三", 123),
    ("一百零五", 105),
    ("十五", 15),
    ("二十", 20),
    ("百", 100),
    ("一亿二千万", 120000000),
    ("五万三千亿", 5300000000000),
    ("一万亿", 1000000000000),
    ("一千二百三十四万五千六百七十八", 12345678),
    ("两千五", 2500),
    ("一万五", 15000),
    ("壹佰贰拾叁", 123),
    ("二〇二三", 2023),
    ("百分之十五", 15),
    ("九十九点五", 99.5),
    ("百分之九十九点五", 99.5),
    ("三点五万", 35000),
    ("一点二亿", 120000000),
    ("2500余万", 25000000),
    ("两千多万", 20000000),
    ("第二", 2),  # ordinals still parse; callers decide exclusions
    ("0", 0),
]


@pytest.mark.parametrize("text,expected", NUMBERS, ids=[t for t, _ in NUMBERS])
def test_parse_number(text, expected):
    got = parse_number(text)
    assert got == expected
    assert type(got) is type(expected)


@pytest.mark.parametrize("text", ["", "abc", "人次", "，", "   "])
def test_parse_number_none(text):
    assert parse_number(text) is None


def test_comma_not_thousands_separator_unless_three_digits():
    assert parse_number("1,2") == 1
    assert parse_number("1,2345") == 1


def Q(value, value_max=None, unit=None, approx=None, change=None):
    return Quantity(value, value_max, unit, approx, change)


QUANTITIES = [
    ("244件", Q(244, unit="件")),
    ("2500余万元", Q(25000000, unit="元", approx="over")),
    ("1亿3600万元", Q(136000000, unit="元")),  # 亿 and 万 in one number
    ("2亿零500万元", Q(205000000, unit="元")),
    ("99.5%", Q(99.5, unit="%")),
    ("９９．５％", Q(99.5, unit="%")),
    ("69万+", Q(690000, approx="over")),
    ("83人(次)", Q(83, unit="人次")),
    ("83人（次）", Q(83, unit="人次")),
    ("1183件次", Q(1183, unit="件次")),
    ("1,183件次", Q(1183, unit="件次")),
    ("35万人次", Q(350000, unit="人次")),
    ("0.7个百分点", Q(0.7, unit="百分点")),
    ("1.2万亿元", Q(1200000000000, unit="元")),
    ("约30个", Q(30, unit="个", approx="about")),
    ("近20项", Q(20, unit="项", approx="about")),
    ("30个左右", Q(30, unit="个", approx="about")),
    ("50余位", Q(50, unit="位", approx="over")),
    ("40多件", Q(40, unit="件", approx="over")),
    ("逾百", Q(100, approx="over")),
    ("超过100人", Q(100, unit="人", approx="over")),
    ("突破1500亿元", Q(150000000000, unit="元", approx="over")),  # 突破 reads as over (gold of pages 06, 09, 11, 13)
    ("超过了350万元", Q(3500000, unit="元", approx="over")),  # a 了 after the word (gold of pages 09, 17)
    ("100人以上", Q(100, unit="人", approx="over")),
    ("最高1500元", Q(1500, unit="元", approx="at_most")),
    ("不超过6000元", Q(6000, unit="元", approx="at_most")),
    ("200字以内", Q(200, unit="字", approx="at_most")),
    ("沿江1公里范围内", Q(1, unit="公里", approx="at_most")),
    ("至少3次", Q(3, unit="次", approx="at_least")),
    ("不少于5人", Q(5, unit="人", approx="at_least")),
    ("3至5次", Q(3, 5, "次")),
    ("3-5次", Q(3, 5, "次")),
    ("3~5次", Q(3, 5, "次")),
    ("3～5次", Q(3, 5, "次")),
    ("3到5次", Q(3, 5, "次")),
    ("3至5万元", Q(30000, 50000, "元")),
    ("3%至5%", Q(3, 5, "%")),
    ("3次至5次", Q(3, 5, "次")),
    ("20—30人", Q(20, 30, "人")),
    ("5000至3万元", Q(5000, 30000, "元")),
    ("增长5%", Q(5, unit="%", change="increase")),
    ("同比减少21%", Q(21, unit="%", change="decrease")),
    ("下降3.2个百分点", Q(3.2, unit="百分点", change="decrease")),
    ("提高15%", Q(15, unit="%", change="increase")),
    ("同比增长近20%", Q(20, unit="%", approx="about", change="increase")),
    ("提高到15%", Q(15, unit="%")),  # a level reached, not a change
    ("百分之十五", Q(15, unit="%")),
    ("两千余件", Q(2000, unit="件", approx="over")),
    ("一百二十三人", Q(123, unit="人")),
    ("捐款捐物共计达2500余万元", Q(25000000, unit="元", approx="over")),  # 达 is not approx
    ("30万千瓦", Q(300000, unit="千瓦")),
    ("100千瓦", Q(100, unit="千瓦")),
    ("12平方米", Q(12, unit="平方米")),
    ("5公里", Q(5, unit="公里")),
    ("2500万余元", Q(25000000, unit="元", approx="over")),
    ("第二", Q(2)),
    ("244 件", Q(244, unit="件")),
    ("增幅达5%", Q(5, unit="%", change="increase")),
    ("增长了1.5倍", Q(1.5, unit="倍", change="increase")),
    ("下滑3.2个百分点", Q(3.2, unit="百分点", change="decrease")),
    ("回落0.5个百分点", Q(0.5, unit="百分点", change="decrease")),
    ("降至3.5%", Q(3.5, unit="%")),  # a level reached, not a change
    ("不足10人", Q(10, unit="人", approx="at_most")),
    ("不到10%", Q(10, unit="%", approx="at_most")),
    ("低于40岁", Q(40, unit="岁", approx="at_most")),
    ("高于全国平均5%", Q(5, unit="%")),  # approx only right before the number
    ("高于5%", Q(5, unit="%", approx="over")),
    ("最低500元", Q(500, unit="元", approx="at_least")),
    ("约为30%", Q(30, unit="%", approx="about")),
    ("约有2000人", Q(2000, unit="人", approx="about")),
    ("满意率达到百分之九十九点五", Q(99.5, unit="%")),
]


@pytest.mark.parametrize("text,expected", QUANTITIES, ids=[t for t, _ in QUANTITIES])
def test_parse_quantity(text, expected):
    got = parse_quantity(text)
    assert got == expected
    assert type(got.value) is type(expected.value)
    assert type(got.value_max) is type(expected.value_max)


@pytest.mark.parametrize("text", ["", "abc", "件", "余", "个百分点"])
def test_parse_quantity_none(text):
    assert parse_quantity(text) is None


def test_approx_and_change_words_are_exported_for_builders():
    from factx.values.numbers import APPROX_WORDS, CHANGE_WORDS

    assert {"约", "近", "超过", "不超过", "至少", "以上", "左右"} <= APPROX_WORDS
    assert {"增长", "减少", "下降", "提高"} <= CHANGE_WORDS
    for word in APPROX_WORDS:
        before, after = parse_quantity(f"{word}5人"), parse_quantity(f"5人{word}")
        assert before.approx or after.approx, word
    for word in CHANGE_WORDS:
        assert parse_quantity(f"{word}5%").change is not None, word


def test_quantity_is_frozen():
    with pytest.raises(AttributeError):
        parse_quantity("244件").value = 1


@given(st.integers(min_value=0, max_value=10**9))
def test_plain_and_grouped_integers_roundtrip(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
