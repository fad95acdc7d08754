"""Numbers and stated quantities in Chinese government news text.

`parse_number` reads a number expression ('1,183', '2500万', '一百二十三', '二〇二三')
as an int or float with multipliers folded in. `parse_quantity` reads a whole stated
quantity ('同比减少21%', '2500余万元', '3至5次') into a `Quantity`: value, range end,
unit, approximation and change. Both are pure and cheap, since the count rules call
them on every candidate match. Deciding whether a number is a count at all (dates,
ages, ordinals such as '第二') is the caller's job: these functions only read values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from math import prod

__all__ = ["APPROX_WORDS", "CHANGE_WORDS", "Quantity", "parse_number", "parse_quantity"]


@dataclass(frozen=True)
class Quantity:
    value: int | float  # multipliers folded in; int when integral
    value_max: int | float | None  # high end of a range ('3至5次'), else None
    unit: str | None  # measure word without 万/千/亿; None when there is none
    approx: str | None  # None | "over" | "about" | "at_most" | "at_least"
    change: str | None  # None | "increase" | "decrease"


# Full-width ASCII (U+FF01-FF5E) folds onto ASCII so '１，１８３' and '９９．５％' read like
# their half-width forms; whitespace is dropped afterwards. A ',' only acts as a thousands
# separator when followed by exactly three digits (see _ARABIC), so folding '，' is safe.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x301C] = ord("~")  # wave dash, a common range sign

_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
    "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_UNITS = {
    "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
    "万": 10**4, "亿": 10**8,
}  # fmt: skip

# One multiplier character. 千 before 瓦/克/米/伏 starts a unit (千瓦, 千克, 千米, 千伏安),
# and 百 before 分 starts 百分之/百分点, so those are not multipliers.
_MULT = r"(?:[十拾万亿]|[百佰](?!分)|[千仟](?![瓦克米伏]))"
# Digits with ',' thousands groups (only groups of exactly three) or plain digits.
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_CN_DIGIT = "[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖]"
_WAN_AFTER_YI = re.compile(r"零?(?P<wan>\d+)万")
_NUMBER = re.compile(
    r"(?P<pct>百分之)?"
    rf"(?:(?P<arabic>{_ARABIC})(?P<amult>{_MULT}+)?"
    # '九十九点五': 点 is the decimal point of a Chinese numeral.
    rf"|(?P<cn>(?:{_CN_DIGIT}|{_MULT})+)(?:点(?P<cnfrac>{_CN_DIGIT}+)(?P<cnmult>{_MULT}+)?)?)"
    # '2500余万', '两千多万': 余/多 between the number and its multiplier.
    rf"(?:(?P<mid>[余多])(?P<mult>{_MULT}+))?"
)

# Change and approximation words sit right before the number ('同比增长近20%'), so the
# pattern is anchored at the end of the prefix: a '近' earlier in the text does not count.
# Longer words come first so '不超过' is not read as '超过'. '达' is not approximate. A 了
# may follow the word ('超过了600万元').
# 偏多/偏高 compare with the usual (降雨量较常年同期偏多31.6%).
_INCREASE = ("增长", "增加", "提高", "上升", "提升", "上涨", "增多", "攀升", "增幅", "涨幅", "增速", "偏多", "偏高", "高出", "多出")
_DECREASE = ("减少", "下降", "降低", "缩减", "下跌", "下滑", "回落", "压减", "压缩", "降幅", "偏少", "偏低")
# A rule's bound negates a comparison: 绿地率不得低于30% is at least 30%, 不得超过5万元 at most.
_MODAL_NEGATIONS = ("不得", "不应", "不能", "不宜")
_NEGATED = {"超过": "at_most", "高于": "at_most", "多于": "at_most", "低于": "at_least", "少于": "at_least"}
# A change verb may be followed by 了/达/为 ('增长了5%', '增幅达5%'), not by 到/至: '提高到15%'
# is a level reached.
_PREFIX = re.compile(
    rf"(?:(?P<chg>{'|'.join(_INCREASE + _DECREASE)})(?:了|达到|达|为)?)?"
    rf"(?:(?P<apx>(?:{'|'.join(_MODAL_NEGATIONS)})(?:{'|'.join(_NEGATED)})|不超过|不少于|不低于|不高于|不足|不到|不下|超过|突破|高于|多于|低于|最高|最多|最低|至少|最少|大约|约为|约有|将近|接近|约|近|逾|超)了?)?$"
)
_SUFFIX = re.compile(r"(?:以上|左右|上下|以内|之内|范围内|以下|\+)$")
_APPROX = {
    "超过": "over", "突破": "over", "逾": "over", "超": "over", "+": "over", "高于": "over", "多于": "over",
    "以上": "over",
    "约": "about", "大约": "about", "约为": "about", "约有": "about", "近": "about",
    "将近": "about", "接近": "about", "左右": "about", "上下": "about",
    "最高": "at_most", "最多": "at_most", "不超过": "at_most", "以内": "at_most",
    "之内": "at_most", "范围内": "at_most", "以下": "at_most", "不足": "at_most", "不到": "at_most", "低于": "at_most",
    "至少": "at_least", "最少": "at_least", "最低": "at_least", "不少于": "at_least",
    "不低于": "at_least", "不高于": "at_most", "不下": "at_least",  # 跑了不下10趟: no fewer than
}  # fmt: skip
_APPROX.update({neg + word: bound for neg in _MODAL_NEGATIONS for word, bound in _NEGATED.items()})
# The words a count builder may find right before a number and hand on to parse_quantity.
APPROX_WORDS = frozenset(w for w in _APPROX if w != "+")
CHANGE_WORDS = frozenset(_INCREASE + _DECREASE)
_RANGE_SIGNS = "至到~-—–"


def _normalise(text: str) -> str:
    return "".join(text.translate(_FOLD).split())


def _arabic_value(digits: str, mult: int) -> int | float:
    # Integer arithmetic keeps '1.2万亿' exact: 12 * 10**12 / 10, not 1.2 * 1e12.
    whole, _, frac = digits.replace(",", "").partition(".")
    scale = 10 ** len(frac)
    v = int(whole + frac) * mult
    return v // scale if v % scale == 0 else v / scale


def _cn_value(s: str) -> int:
    if not any(c in _UNITS for c in s):
        return int("".join(str(_DIGITS[c]) for c in s))  # digit by digit: 二〇二三
    total = section = digit = 0
    top = 1  # largest of 万/亿 applied to total so far
    for c in s:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif (u := _UNITS[c]) < 10**4:
            section += (digit or 1) * u  # '十五': a bare 十 means 一十
            digit = 0
        else:
            part = section + digit
            if u > top:  # '五万三千亿', '一万亿': the bigger unit scales everything before it
                total = ((total + part) or 1) * u
                top = u
            else:  # '一亿二千万': a smaller unit scales only its own section
                total += part * u
            section = digit = 0
    # Colloquial '一万五' is 15000 and '两千五' is 2500: a final bare digit right after
    # 百 or a bigger unit counts in the next-lower place (after 十, '十五' is just 15).
    if len(s) > 1 and s[-1] in _DIGITS and _UNITS.get(s[-2], 0) >= 100:
        digit *= _UNITS[s[-2]] // 10
    return total + section + digit


def _mult(m: re.Match[str]) -> int:
    return prod(_UNITS[c] for c in (m["amult"] or "") + (m["cnmult"] or "") + (m["mult"] or ""))


def _value(m: re.Match[str], extra: int = 1) -> int | float:
    mult = _mult(m) * extra
    if m["arabic"]:
        return _arabic_value(m["arabic"], mult)
    if m["cnfrac"]:  # read as Arabic digits so that the arithmetic stays exact
        digits = "".join(str(_DIGITS[c]) for c in m["cnfrac"])
        return _arabic_value(f"{_cn_value(m['cn'])}.{digits}", mult)
    return _cn_value(m["cn"]) * mult


def _range_end(rest: str) -> re.Match[str] | None:
    """The second number of a range ('至5次' after '3', or '%至5%' after '3'), if any."""
    # The unit may be written on both ends ('3%至5%', '3次至5次'); then it must repeat.
    for i, c in enumerate(rest[:4]):
        if c in _RANGE_SIGNS:
            m2 = _NUMBER.match(rest, i + 1)
            if m2 and rest.startswith(rest[:i], m2.end()):
                return m2
            return None
    return None


def parse_number(text: str) -> int | float | None:
    """The value of the first number expression in `text`, multipliers folded in.

    >>> parse_number('2500余万')
    25000000
    """
    m = _NUMBER.search(_normalise(text))
    return None if m is None else _value(m)


def parse_quantity(text: str) -> Quantity | None:
    """Read a stated quantity (number, range, unit, approx and change markers).

    >>> parse_quantity('2500余万元')
    Quantity(value=25000000, value_max=None, unit='元', approx='over', change=None)
    """
    s = _normalise(text)
    m = _NUMBER.search(s)
    if m is None:
        return None
    pre = _PREFIX.search(s, 0, m.start())
    approx = _APPROX.get(pre["apx"] or "") if pre else None
    change = None
    if pre and pre["chg"]:
        change = "decrease" if pre["chg"] in _DECREASE else "increase"
    if m["mid"]:
        approx = approx or "over"

    value, value_max = _value(m), None
    rest = s[m.end() :]
    if m["amult"] == "亿" and (tail := _WAN_AFTER_YI.match(rest)):  # '1亿3600万元': 亿 and 万 in one number
        value += _arabic_value(tail["wan"], _UNITS["万"])
        rest = rest[tail.end() :]
    if m2 := _range_end(rest):
        value_max = _value(m2)
        # '3至5万元' means 3万 to 5万: the shared multiplier is written only once.
        if _mult(m) == 1 and (extra := _mult(m2)) > 1 and _value(m) <= value_max / extra:
            value = _value(m, extra)
        rest = rest[m2.end() :]
    if rest and rest[0] in "余多+":  # '50余位', '40多件', '69万+'
        approx = approx or "over"
        rest = rest[1:]
    elif rest and rest[0] == "来":  # '20来户': about twenty
        approx = approx or "about"
        rest = rest[1:]
    if suffix := _SUFFIX.search(rest):  # '100人以上', '30个左右', '200字以内'
        approx = approx or _APPROX[suffix.group()]
        rest = rest[: suffix.start()]

    unit = rest.replace("(次)", "次")  # '83人(次)' is counted in 人次
    if "(" in unit:  # '57户(家)': the unit and its alternative, in the brackets a page prints
        unit = unit.replace("(", "（").replace(")", "）")
    if unit.startswith("个百分点"):
        unit = unit[1:]
    if m["pct"]:
        unit = "%"  # '百分之十五' is 15 %
    return Quantity(value, value_max, unit or None, approx, change)
