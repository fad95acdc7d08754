"""Counts: a number with its measure word, what was counted and the verb that governs it.

A count rule captures `quantity` (number, range, multiplier, unit, trailing approximation).
The builder reads the rest from the clause the number stands in, with jieba's words of two
short windows: the phrase before the number (back to the clause start or the previous
count) and the words after the unit. Chinese states a count in a handful of shapes:

    V  NP  # unit        办理代表议案建议244件          item 代表议案建议, action 办理
    V  # unit NP         形成87件民生提案                item 民生提案, action 形成
    # unit NP  V         40多件民生实事得到有效解决      item 民生实事, action 得到
    NP 为/达  # unit      委员满意率为99.5%               item 委员满意率, no action
    NP 同比减少 # unit    发文数量同比减少21%             item 发文数量, change decrease
    V NP #、NP #         开展执法检查4次、专题调研53次   two counts sharing 开展
    V A、B、C等NP #      组织召开座谈会、读书会等活动5次  item 活动 (A、B、C are examples)

So the item is the noun phrase right after the unit if there is one, else the noun phrase
that ends the phrase before the number. The action is the verb right before the number when
a noun follows the unit; else the first verb of the lexicons in the phrase (past coverb
phrases 向…/围绕…, and past a pivot such as 推动 when another verb follows), else a verb
that opens the phrase; else the verb after the item. Only these verbs split a phrase: jieba
tags many nouns of this genre as verbs (预算, 收入, 提案), and without its HMM it cuts
unknown words into characters, which are joined again. Words between the phrase and the
number (达, 为, 同比, approximation and change words) are handed to `parse_quantity` with
the number, so that `approx` and `change` have one reading. Word lists live in the rule
pack's lexicons: count_verbs, count_light_verbs, count_pivots, count_coverbs, count_framing,
count_links (and units).

Not counts, though they match a number and a unit: numbers inside a title 《…》, a quoted
slogan that starts with its number (“三个清单”), and ordinal lists (第1、2、3批).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from factx.build.context import Context
from factx.match import Match
from factx.records import Count
from factx.rules import RuleSet
from factx.values.numbers import APPROX_WORDS, CHANGE_WORDS, parse_quantity
from factx.words import words

# Any stated quantity (the union of the count rules' quantities, without their context
# checks): the builder uses it to find the counts next to the one it builds.
QUANTITY_SOURCE = "{COUNT_QUANTITY}"
# Where a clause ends for reading a count. '、' is handled on its own: it joins
# co-ordinated items (市委、市政府主要领导批示) and lists of counts.
_CLAUSE_MARKS = frozenset(",;:。!?()…\n")
_OPENER_OF = {"”": "“", "》": "《", "’": "‘", "」": "「", "』": "『"}
_CLOSER_OF = {v: k for k, v in _OPENER_OF.items()}
# Quoted names, titles and short glosses are one word each: “政协+法院”, 《…》, (室).
_PROTECTED = regex.compile(r"“[^“”\n]{1,30}”|《[^《》\n]{1,60}》|‘[^‘’\n]{1,30}’|「[^「」\n]{1,30}」|\([^()\n]{1,3}\)")
_ORDINAL_LIST = regex.compile(r"第[\d零〇一二两三四五六七八九十百]+(?:[、,和及至到~—-][\d零〇一二两三四五六七八九十百]+)*[、,和及至到~—-]$")
_LEFT_WINDOW = 28   # characters of a clause element before the number that are read
_RIGHT_WINDOW = 20  # characters after the unit
_VERB_TAGS = frozenset({"v", "vd", "vi", "vg"})
_NOUN_TAGS = frozenset({"vn", "an", "j", "l", "i", "b", "eng", "nz", "g", "quote"})
_MODIFIER_TAGS = frozenset({"r", "a", "b", "s"})  # may open an item: 各级, 主要, 年轻, 党内
_FUNCTION_TAGS = frozenset({"d", "p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "x", "m", "q", "f"})
# A verb and one of these make a noun: 点击量, 完成率, 参加人数.
_MEASURE_SUFFIXES = frozenset("量率数额值比度")
# Characters that stand alone as function words, never inside an unknown word.
_FUNCTION_CHARS = frozenset("的了和与及或等在被把将对向从为以于由达约近超逾共均已也都还又再并即每各其该本")
_LIST_LINKS = frozenset({"、", "和", "及", "与", "或"})
_MARKER_RUN = frozenset({"了", "达", "为", "达到", "不", "有"})
_NUMERAL = regex.compile(r"[\d零〇一二两三四五六七八九十百千万亿几数半多余]")
# The readings a Reader remembers. A count re-reads the counts before it in its sentence
# (a list sharing one verb, a change after a count), so the memo must hold one sentence's
# counts, tens at most; beyond that it only serves a sentence repeated in a later page.
# Every entry keeps its sentence alive, so the memo is emptied when it reaches this size:
# about 2 MB whatever the length of the corpus (50,000 grew peak RSS by 45 MB).
_MEMO_SIZE = 2_000
# Distinct windows whose words a Reader keeps (about 1.2 KB each). Windows repeat within a
# page, rarely across pages, so a few thousand keep the hits; 65,536 held 75 MB.
_TOKEN_CACHE_SIZE = 4_096


@dataclass(frozen=True)
class Word:
    text: str
    tag: str
    start: int  # offsets in the sentence
    end: int


Span = tuple[int, int]


@dataclass(frozen=True)
class Phrase:
    """What the words before the number say about the count."""

    kind: str  # object (V NP #), noun (NP #), verb (V #), relative (… 的 #), examples (… 等 #), empty
    action: Span | None = None
    item: Span | None = None
    start: int = 0  # where the words read for this count begin
    markers: str = ""  # approximation and change words right before the number
    change_only: bool = False  # nothing but a change: 增长6% (of what the clause before counted)
    verb: str = ""  # the action's word
    relative_verb: Span | None = None  # 立案交办的|495件提案: the verb of a clause before 的
    change_verb: Span | None = None  # 增长 of 增长6%
    final_verb: Span | None = None  # a verb right before the number: 形成|6个协同式监督机制工作方案


@dataclass(frozen=True)
class Reading:
    item: Span | None
    action: Span | None
    start: int  # the surface phrase the count was read from
    end: int
    markers: str


def build_count(match: Match, ctx: Context) -> list[Count]:
    text = ctx.atext.text
    q_start, q_end = match.groups["quantity"]
    s_start, s_end = ctx.sentence_of(q_start)
    sentence = text[s_start:s_end]
    qs, qe = q_start - s_start, q_end - s_start
    reader = _reader(ctx.ruleset)
    if reader.is_name(sentence, qs, qe):
        return []
    reading = reader.read(sentence, qs, qe)
    quantity = parse_quantity(reading.markers + sentence[qs:qe])
    if quantity is None:
        return []
    item = match.group(text, "item") or _piece(sentence, reading.item)
    action = match.group(text, "action") or _piece(sentence, reading.action)
    return [
        Count(
            **ctx.common(match, s_start + reading.start, s_start + reading.end),
            value=quantity.value,
            value_max=quantity.value_max,
            unit=quantity.unit,
            change=quantity.change,
            approx=quantity.approx,
            item=item,
            action=action,
        )
    ]


def _piece(sentence: str, span: Span | None) -> str | None:
    return sentence[span[0]:span[1]] if span else None


_READERS: dict[int, tuple[RuleSet, "Reader"]] = {}


def _reader(ruleset: RuleSet) -> "Reader":
    entry = _READERS.get(id(ruleset))
    if entry is None or entry[0] is not ruleset:
        entry = (ruleset, Reader(ruleset))
        _READERS[id(ruleset)] = entry
    return entry[1]


class Reader:
    """Reads item, action and markers around a number, with one rule pack's lexicons."""

    def __init__(self, ruleset: RuleSet):
        self.quantity = ruleset.regex(QUANTITY_SOURCE)
        self.verbs = ruleset.lexicon("count_verbs")
        self.light = ruleset.lexicon("count_light_verbs")
        self.pivots = ruleset.lexicon("count_pivots")
        self.coverbs = ruleset.lexicon("count_coverbs")
        self.framing = ruleset.lexicon("count_framing")
        self.units = ruleset.lexicon("units")
        self.known_verbs = self.verbs | self.light | self.pivots
        self.links = ruleset.lexicon("count_links") | APPROX_WORDS | CHANGE_WORDS | _MARKER_RUN
        # Words jieba cuts in two that the reading needs whole: 制定+修改, 高+达, 约+有.
        self.compounds = {w: "v" for w in self.verbs if len(w) > 1}
        self.compounds.update({w: "link" for w in self.links if len(w) > 1 and w not in self.verbs})
        self.compound_prefixes = {w[:k] for w in self.compounds for k in range(1, len(w))}
        self._readings: dict[tuple[str, int, int], Reading] = {}
        self._phrases: dict[tuple[str, int], Phrase] = {}
        self._spans: dict[str, list[Span]] = {}  # the quantities of a sentence

    # --- what is not a count ---------------------------------------------------------

    def is_name(self, s: str, qs: int, qe: int) -> bool:
        """A number inside a title, a quoted slogan that starts with it, or an ordinal list."""
        if s.rfind("《", 0, qs) > s.rfind("》", 0, qs) and s.find("》", qe) > 0:
            return True
        if qs > 0 and s[qs - 1] in _CLOSER_OF:
            close = s.find(_CLOSER_OF[s[qs - 1]], qe)
            if 0 <= close - qe <= 8:
                return True
        return bool(_ORDINAL_LIST.search(s, max(0, qs - 24), qs))

    # --- reading a count -------------------------------------------------------------

    def read(self, s: str, qs: int, qe: int) -> Reading:
        key = (s, qs, qe)
        reading = self._readings.get(key)
        if reading is None:
            if len(self._readings) >= _MEMO_SIZE:
                self._readings.clear()
                self._phrases.clear()
                self._spans.clear()
            reading = self._readings[key] = self._read(s, qs, qe)
        return reading

    def _read(self, s: str, qs: int, qe: int) -> Reading:
        left = self.phrase(s, qs)
        item_after, verb_after, after_next = self.after(s, qe)
        end = qe
        if item_after:
            item, end = item_after, item_after[1]
            if left.kind == "relative":
                action = left.relative_verb or verb_after  # 立案交办的495件提案
                end = verb_after[1] if action and action == verb_after else end
            elif left.final_verb or not verb_after:
                action = left.final_verb or left.action  # 形成87件民生提案
            else:
                action, end = verb_after, verb_after[1]  # 40多件民生实事得到有效解决
        else:
            item, action = left.item, left.action
            if item is None and after_next:
                item = after_next  # 附近447户1100多名居民: both count the same people
            if item is None and left.kind == "verb":
                item = left.action  # 修改15件, 调解成功757件: the act itself is counted
            if verb_after and not action:
                action, end = verb_after, verb_after[1]  # 110人次参与
                item = item or verb_after
        markers = left.markers
        if item is None and left.kind == "empty" and not markers:
            prev = self.previous(s, qs)
            if prev and (prev[1] == qs or s[prev[1]:qs] in _LIST_LINKS):
                # 分别增长5.1%和6.3%: the second number says the same of another thing;
                # 困难群众500余户1200余人: two measures of one thing
                first = self.read(s, *prev)
                item, action, markers = first.item, action or first.action, first.markers
        if item is None and left.change_only:
            item = self.previous_item(s, qs)  # 实现生产总值3000亿元,增长6%
        if action is None:
            action = left.change_verb or self.shared_action(s, qs)  # 发文数量同比减少21%
        start = min([qs - len(left.markers)] + [p[0] for p in (item, action) if p and p[0] >= left.start])
        return Reading(item, action, start, end, markers)

    def previous(self, s: str, qs: int) -> Span | None:
        """The last quantity that ends before `qs` in the sentence."""
        spans = self._spans.get(s)
        if spans is None:
            spans = self._spans[s] = [m.span() for m in self.quantity.finditer(s)]
        i = bisect.bisect_right(spans, (qs, qs)) - 1
        while i >= 0 and spans[i][1] > qs:
            i -= 1
        return spans[i] if i >= 0 else None

    def previous_item(self, s: str, qs: int) -> Span | None:
        prev = self.previous(s, qs)
        return self.read(s, *prev).item if prev else None

    def shared_action(self, s: str, qs: int) -> Span | None:
        """The action of a list of counts: 开展执法检查4次、专题调研53次 gives 53次 开展."""
        prev = self.previous(s, qs)
        if prev is None:
            return None
        first = self.read(s, *prev)
        between = s[max(prev[1], first.end):qs]  # after 7个小区 in 7个小区、12个商铺
        if between and not between.startswith("、") or any(c in _CLAUSE_MARKS for c in between):
            return None  # 447户1100多名 and 4次、专题调研53次 share; 9件,作出决议6项 do not
        return first.action

    # --- the words before the number -------------------------------------------------

    def phrase(self, s: str, qs: int) -> Phrase:
        key = (s, qs)
        phrase = self._phrases.get(key)
        if phrase is None:
            phrase = self._phrases[key] = self._phrase(s, qs)
        return phrase

    def _phrase(self, s: str, qs: int) -> Phrase:
        start = _clause_start(s, qs)
        prev = self.previous(s, qs)
        if prev and prev[1] > start:
            start = prev[1]
        elements = _split_outside(s, start, qs, "、")
        local_start = _window_start(s, elements[-1][0], qs, _LEFT_WINDOW)
        toks, markers = self._strip_markers(self.tokens(s, local_start, qs))
        marker_text = "".join(t.text for t in markers)
        change = [t for t in markers if t.text in CHANGE_WORDS]
        change_only = not toks and bool(change)
        change_verb = _span(change[0]) if change else None
        local = self._analyse(toks, local_start)
        if len(elements) > 1 and elements[0][1] > elements[0][0] and self._coordinated(local):
            # 组织召开A、B、C等活动5次 / 市委、市政府主要领导批示12篇: one item of several
            # parts; the verb, if any, opens the first of them.
            first_start = elements[0][0]
            first = self._analyse(self.tokens(s, first_start, min(elements[0][1], first_start + _LEFT_WINDOW)), first_start)
            item_start = first.item[0] if first.item else first_start
            item_end = local.item[1] if local.item else (toks[-1].end if toks else qs)
            item = self._after_examples(s, toks, (item_start, item_end))
            kind = "examples" if local.kind == "examples" else "noun"
            local = replace(local, kind=kind, action=first.action, item=item, verb=first.verb, relative_verb=None)
            local_start = first_start
        return replace(local, start=local_start, markers=marker_text, change_only=change_only, change_verb=change_verb)

    def _coordinated(self, local: Phrase) -> bool:
        """Whether the last element of a 、 list continues the item of the first one."""
        if local.kind in ("noun", "examples", "empty"):
            return True
        if local.kind == "verb" and local.action == local.final_verb:
            return True  # 跟踪监督、督查7次: a bare verb after 、 is one more activity
        # 带案咨询会, 警示教育: jieba finds a verb, but not one that governs counts.
        return local.kind == "object" and local.verb not in self.known_verbs

    def _strip_markers(self, toks: list[Word]) -> tuple[list[Word], list[Word]]:
        """Split off the link, approximation and change words that stand before the number."""
        toks = self._join_measure_nouns(_split_glued_link(toks))
        end = len(toks)
        while end and (toks[end - 1].text in self.links or toks[end - 1].tag in ("d", "ul", "t", "m", "p")):
            end -= 1
        # Only the run of approximation/change words right before the number is handed
        # on (同比减少 -> 减少, 较2022年增长近 -> 增长近): a number in the run would be read.
        run: list[Word] = []
        for t in reversed(toks[end:]):
            if t.text in APPROX_WORDS or t.text in CHANGE_WORDS or t.text in _MARKER_RUN:
                run.insert(0, t)
            else:
                break
        return toks[:end], run

    def _analyse(self, toks: list[Word], base: int) -> Phrase:
        toks = self._join_measure_nouns(self._strip_framing(toks))
        if not toks:
            return Phrase("empty", start=base)
        toks = self._split_copula(toks)
        if toks[-1].text == "的":
            # The clause describes a noun after the unit. A verb of the lexicon right before
            # 的 acted on what is counted (立案交办的495件提案); 涉及垃圾分类的7件提案 has no
            # action. With no noun after the unit the clause itself says what is counted:
            # 完成年度目标的|108%.
            before = toks[-2] if len(toks) > 1 else None
            inner = self._analyse(toks[:-1], base) if len(toks) > 1 else Phrase("empty", start=base)
            relative_verb = _span(before) if before and before.text in self.known_verbs else None
            return Phrase("relative", inner.action, inner.item, base, verb=inner.verb, relative_verb=relative_verb)
        final_verb = self._final_verb(toks)
        examples = toks[-1].text == "等"
        if examples:
            toks = toks[:-1]
        verb_index = self._governing_verb(toks)
        if verb_index is None:
            item = self._noun_phrase(toks)
            return Phrase("examples" if examples else ("noun" if item else "empty"), None, item, base,
                          final_verb=final_verb)
        verb = toks[verb_index]
        tail = toks[verb_index + 1:]
        if not tail and verb_index > 0:
            subject = self._noun_phrase(toks[:verb_index])  # 一般公共预算收入|完成|280.5亿元
            if subject:
                return Phrase("object", _span(verb), subject, base, verb=verb.text, final_verb=final_verb)
        item = self._noun_phrase(tail)
        if item is None and any(t.text == "的" for t in tail):
            return Phrase("relative", None, None, base)  # 与涉及物业管理内容的其他|10件提案
        if item is None and tail and (verb.text in self.light or all(self.is_verb(t) for t in tail)):
            item = (tail[0].start, tail[-1].end)  # 开展培训30场, 新增就业4.5万人: the activity
        kind = "examples" if examples else ("object" if item else "verb")
        return Phrase(kind, _span(verb), item, base, verb=verb.text, final_verb=final_verb)

    def _final_verb(self, toks: list[Word]) -> Span | None:
        """A verb right before the number governs a noun after the unit (形成|6个…方案,
        召开|3次…会); of several (成功化解涉|1000余户), the last one of the lexicons."""
        run: list[Word] = []
        for t in reversed(toks):
            if not self.is_verb(t) or self.is_noun(t):
                break
            run.insert(0, t)
        for t in reversed(run):
            if t.text in self.known_verbs:
                return _span(t)
        return _span(run[-1]) if run else None

    def _strip_framing(self, toks: list[Word]) -> list[Word]:
        i = 0
        while i < len(toks) and (toks[i].text in self.framing or toks[i].tag in ("t", "c", "m", "d", "x", "ul", "uj", "link")):
            i += 1
        return toks[i:]

    def _join_measure_nouns(self, toks: list[Word]) -> list[Word]:
        """点击+量, 参加+人数: a verb before a measure noun is part of the noun."""
        out: list[Word] = []
        for t in toks:
            if out and out[-1].text == "总" and self.is_verb(t):
                prev = out.pop()  # 总投资, 总支出
                t = Word(prev.text + t.text, "n", prev.start, t.end)
            elif out and self.is_verb(out[-1]) and (len(t.text) == 1 and t.text in _MEASURE_SUFFIXES
                                                  or len(t.text) == 2 and t.text[-1] in _MEASURE_SUFFIXES and not self.is_verb(t)):
                prev = out.pop()
                t = Word(prev.text + t.text, "n", prev.start, t.end)
            out.append(t)
        return out

    def _split_copula(self, toks: list[Word]) -> list[Word]:
        """补贴标准为销售价格的15%: the item is what stands before 为/是/占."""
        if toks[-1].text == "的":
            for i, t in enumerate(toks):
                if t.text in ("为", "是", "占") and i > 0:
                    return toks[:i]
        return toks

    def _governing_verb(self, toks: list[Word]) -> int | None:
        """The verb of the phrase: the first verb of the lexicons, else a verb that opens
        the phrase (or follows a coverb phrase). jieba tags many nouns of this genre as
        verbs (预算, 收入, 率), so a word it calls a verb inside a noun phrase does not
        split it: 一般公共预算收入, 城镇登记失业率."""
        known: list[int] = []
        opening: int | None = None
        i = 0
        initial = True
        while i < len(toks):
            t = toks[i]
            if t.text in self.coverbs or t.tag == "p":
                i = self._coverb_phrase_end(toks, i + 1)  # 向自治区政协|报送
                initial = True
                continue
            if t.text in self.known_verbs:
                known.append(i)
            elif initial and opening is None and self.is_verb(t) and not self.is_noun(t):
                opening = i
            initial = False
            i += 1
        if not known:
            return opening
        chosen = known[0]
        for later in known[1:]:
            if toks[chosen].text in self.pivots and later + 1 < len(toks):
                chosen = later  # 推动市卫健委|培训|基层医疗机构医务人员
        return chosen

    def _coverb_phrase_end(self, toks: list[Word], i: int) -> int:
        """Where a phrase opened by a coverb ends: at the next verb of the lexicons (jieba
        tags nouns such as 提案 as verbs), else at the next word tagged a verb."""
        for k in range(i, len(toks)):
            if toks[k].text in self.known_verbs:
                return k
        for k in range(i, len(toks)):
            if self.is_verb(toks[k]) and toks[k].text not in self.coverbs:
                return k
        return len(toks)

    def _noun_phrase(self, toks: list[Word]) -> Span | None:
        """The item in a run of words: after the last 的, without leading particles."""
        for i in range(len(toks) - 1, -1, -1):
            if toks[i].text == "的" or toks[i].tag == "q" or toks[i].tag == "m" and i + 1 < len(toks) and toks[i + 1].tag in ("m", "q"):
                toks = toks[i + 1:]  # 年满60周岁以上|老人: what is counted follows a number
                break
        while toks and (toks[0].text in self.coverbs or toks[0].text in self.framing or toks[0].tag in _FUNCTION_TAGS):
            toks = toks[1:]  # 建立|涵盖|办文办会办事等: an "including" verb is not part of the item
        if not any(self.is_noun(t) for t in toks):
            return None
        return toks[0].start, toks[-1].end

    def _after_examples(self, s: str, toks: list[Word], item: Span) -> Span:
        """座谈会、读书会、健康讲座等活动: what was counted is 活动; the rest are examples."""
        for k in range(len(toks) - 1, -1, -1):
            if toks[k].text == "等" and toks[k].start >= item[0]:
                if k + 1 < len(toks) and any(self.is_noun(t) for t in toks[k + 1:]):
                    return toks[k + 1].start, item[1]
                break
        return item

    # --- the words after the unit ----------------------------------------------------

    def after(self, s: str, qe: int):
        """(item right after the unit, verb after it, item after a count that follows)."""
        end = _clause_end(s, qe)
        window_end = min(end, qe + _RIGHT_WINDOW)
        nxt = self.quantity.match(s, qe, window_end)
        if nxt:
            after_next, _ = self._item_and_verb(s, nxt.end(), min(end, nxt.end() + _RIGHT_WINDOW))
            return None, None, after_next
        item, verb = self._item_and_verb(s, qe, window_end)
        return item, verb, None

    def _item_and_verb(self, s: str, start: int, end: int):
        """The item that follows a unit and the verb after it (`40多件民生实事得到解决`)."""
        digit = regex.search(r"\d", s[start:end])
        cut = start + digit.start() if digit else end
        toks = self._join_measure_nouns(self.tokens(s, start, cut))
        i = self._item_start(toks)
        j = i
        while j < len(toks) and self._continues_item(toks, j, i):
            j += 1
        while j > i and toks[j - 1].text in ("、", "之"):
            j -= 1
        item = (toks[i].start, toks[j - 1].end) if j > i else None
        if item and j == len(toks) and digit:
            item = None  # 4次专题调研53次: the words belong to the next count
        verb = None
        passive = False
        for k in range(j if item else 0, len(toks)):
            t = toks[k]
            if t.text in ("的", "、") or t.tag == "x":
                break
            if t.text == "被":
                passive = True  # 9条建议被市自然资源局等部门答复落实: the last verb
            elif t.text in self.coverbs:
                continue
            elif self.is_verb(t):
                if k + 1 < len(toks) and toks[k + 1].text == "的":
                    break  # 14个议题相关的79件提案: a clause that describes the next noun
                verb = (t.start, t.end)
                if not passive and t.text not in self.light:
                    break  # 78家单位和部门进行全面考核评价: past a light verb
        return item, verb

    def _item_start(self, toks: list[Word]) -> int:
        """Index of the first word of the item after a unit (len(toks) if there is none).

        After a number and its unit a content word is nominal whatever jieba's tag
        (3件提案: 提案 is tagged v), unless it is a verb of the lexicons (110人次参与). A
        describing clause before 的 is skipped: 2000平方米的荒地, 700多名有代表性的界别群众.
        """
        if not toks:
            return 0
        first = toks[0]
        if first.text == "的":
            return 1
        if self.is_noun(first) or first.text in self.units or first.tag == "m" and not _NUMERAL.search(first.text):
            return 0  # 5个轮次交流, 28个大项 (tagged m): a word after a classifier is a noun
        for k, t in enumerate(toks[:6]):
            if t.text == "的":
                return k + 1
            if t.tag == "x":
                break
        if first.tag in _MODIFIER_TAGS:
            return 0  # 各级人大代表, 党内规范性文件
        if first.tag in _VERB_TAGS and first.text not in self.known_verbs and first.text not in self.coverbs:
            return 0  # 4个在职党支部, 3件提案归并办理
        return len(toks)

    def _continues_item(self, toks: list[Word], j: int, i: int) -> bool:
        t = toks[j]
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if j == i:
            return True
        if t.text in self.known_verbs:
            return False
        if t.text in self.framing:  # 4个在职党支部|全部获评, but 部分全国、自治区人大代表
            return nxt is not None and (self.is_noun(nxt) or nxt.text == "、")
        if self.is_noun(t) or t.tag in ("paren", "t"):
            return True  # 单身青年 (青年 is tagged t)
        if t.text in ("之", "、", "和", "及", "与") or t.tag == "c":
            return nxt is not None and (self.is_noun(nxt) or nxt.tag == "q")  # 人大代表之家, 单位和部门
        if t.tag == "q" and toks[j - 1].text == "之":
            return True
        if t.tag in _MODIFIER_TAGS and nxt is not None and self.is_noun(nxt):
            return True  # 各级人大代表, 年轻干部
        # A word tagged a verb at the end of the item is a noun: 季度工作分析会 (会 is tagged v)
        return t.tag in _VERB_TAGS and (nxt is None or nxt.tag == "x" or nxt.text in self.known_verbs)

    # --- words -----------------------------------------------------------------------

    def is_verb(self, t: Word) -> bool:
        return t.tag in _VERB_TAGS or t.text in self.known_verbs

    def is_noun(self, t: Word) -> bool:
        if t.text in self.known_verbs:
            return False
        return t.tag.startswith("n") or t.tag in _NOUN_TAGS

    def tokens(self, s: str, start: int, end: int) -> list[Word]:
        """jieba's words of s[start:end] with sentence offsets; quotes and titles are one word."""
        return [Word(t.text, t.tag, t.start + start, t.end + start) for t in self._tokens(s[start:end])]

    @lru_cache(maxsize=_TOKEN_CACHE_SIZE)
    def _tokens(self, text: str) -> tuple[Word, ...]:
        out: list[Word] = []
        pos = 0
        for m in _PROTECTED.finditer(text):
            out += self._plain(text[pos:m.start()], pos)
            out.append(Word(m.group(), "paren" if m.group().startswith("(") else "quote", m.start(), m.end()))
            pos = m.end()
        out += self._plain(text[pos:], pos)
        return tuple(out)

    def _plain(self, text: str, base: int) -> list[Word]:
        out: list[Word] = []
        pos = base
        for w, tag in words(text) if text else ():
            if out and tag == "eng" and out[-1].tag == "m":
                code = out.pop()  # 5G, 4K: a code, not a number
                out.append(Word(code.text + w, "nz", code.start, pos + len(w)))
            else:
                out.append(Word(w, tag, pos, pos + len(w)))
            pos += len(w)
        return _join_unknown(self._merge_compounds(self._split_light_verbs(out)))

    def _split_light_verbs(self, toks: list[Word]) -> list[Word]:
        """jieba's dictionary has 开展调研 and 进行检查 as one word: split the light verb off."""
        out: list[Word] = []
        for t in toks:
            head = t.text[:2]
            if len(t.text) >= 4 and head in self.light and t.text not in self.verbs:
                out += [Word(head, "v", t.start, t.start + 2), Word(t.text[2:], "n", t.start + 2, t.end)]
            else:
                out.append(t)
        return out

    def _merge_compounds(self, toks: list[Word]) -> list[Word]:
        """Adjacent words that make one entry of count_verbs (制定+修改) or of the link
        words (高+达) are one word; the longest entry wins."""
        out: list[Word] = []
        i = 0
        while i < len(toks):
            joined, best = toks[i].text, None
            k = i
            while joined in self.compound_prefixes and k + 1 < len(toks):
                k += 1
                joined += toks[k].text
                if joined in self.compounds:
                    best = (k, joined)
            if best:
                k, joined = best
                out.append(Word(joined, self.compounds[joined], toks[i].start, toks[k].end))
                i = k + 1
            else:
                out.append(toks[i])
                i += 1
        return out


def _join_unknown(toks: list[Word]) -> list[Word]:
    """A run of single content characters is one unknown word: without its HMM, jieba
    cuts 城市绿道 into 城市|绿|道 and 市卫健委 into 市|卫|健|委."""
    out: list[Word] = []
    run: list[Word] = []
    for t in [*toks, None]:
        if t is not None and len(t.text) == 1 and (t.tag == "q" or t.tag not in _FUNCTION_TAGS and t.tag[0] != "v") \
                and t.text not in _FUNCTION_CHARS:
            run.append(t)
            continue
        if len(run) > 1 and any(w.tag != "q" for w in run):
            out.append(Word("".join(w.text for w in run), "n", run[0].start, run[-1].end))
        else:
            out += run
        run = []
        if t is not None:
            out.append(t)
    return out


def _split_glued_link(toks: list[Word]) -> list[Word]:
    """纠错率为 comes as 纠错|率为: split the link off a measure noun."""
    if toks and len(toks[-1].text) >= 2 and toks[-1].text[-1] in "为达是占" and toks[-1].text[-2] in _MEASURE_SUFFIXES:
        t = toks[-1]
        return toks[:-1] + [Word(t.text[:-1], "n", t.start, t.end - 1), Word(t.text[-1], "v", t.end - 1, t.end)]
    return toks


def _span(t: Word) -> Span:
    return t.start, t.end


def _clause_start(s: str, pos: int) -> int:
    """Start of the clause holding `pos`, skipping quoted and titled stretches."""
    i = pos - 1
    while i >= 0:
        c = s[i]
        if c in _OPENER_OF:
            opener = s.rfind(_OPENER_OF[c], 0, i)
            if opener >= 0:
                i = opener - 1
                continue
        if c == ")":
            opener = s.rfind("(", max(0, i - 4), i)
            if opener >= 0:
                i = opener - 1  # 委员工作站(室)
                continue
        if c in _CLAUSE_MARKS or c in _CLOSER_OF:
            return i + 1
        i -= 1
    return 0


def _clause_end(s: str, pos: int) -> int:
    i = pos
    while i < len(s):
        c = s[i]
        if c in _CLOSER_OF:
            close = s.find(_CLOSER_OF[c], i + 1)
            if close >= 0:
                i = close + 1
                continue
        if c == "(":
            close = s.find(")", i + 1, i + 5)
            if close >= 0:
                i = close + 1
                continue
        if c in _CLAUSE_MARKS or c in _OPENER_OF:
            return i
        i += 1
    return len(s)


def _window_start(s: str, start: int, end: int, size: int) -> int:
    """`start`, or later if [start, end) is longer than `size`, but never inside quotes."""
    if end - start <= size:
        return start
    cut = end - size
    for i in range(cut, end):
        if s[i] in _OPENER_OF:
            return i + 1  # the cut fell inside “…”: start after it
        if s[i] in _CLOSER_OF:
            break
    return cut


def _split_outside(s: str, start: int, end: int, sep: str) -> list[Span]:
    """[start, end) cut at `sep` where it is not inside quotes or a title."""
    parts: list[Span] = []
    depth = 0
    begin = start
    for i in range(start, end):
        c = s[i]
        if c in _CLOSER_OF:
            depth += 1
        elif c in _OPENER_OF and depth:
            depth -= 1
        elif c == sep and not depth:
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return parts
