"""Counts: a number with its measure word, what was counted and the verb that governs it.

A count rule captures `quantity` (number, range, multiplier, unit, trailing approximation).
The builder reads the rest from the clause the number stands in, with the words of two
short windows (factx.build.clauses): the phrase before the number (back to the clause start
or the previous count) and the words after the unit. Chinese states a count in a handful of
shapes:

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
tags many nouns of this genre as verbs (预算, 收入, 提案). Words between the phrase and the
number (达, 为, 同比, approximation and change words) are handed to `parse_quantity` with
the number, so that `approx` and `change` have one reading. Word lists live in the rule
pack's lexicons: count_verbs, count_light_verbs, count_pivots, count_coverbs, count_means,
count_framing, count_links (and units). An item that points back to a works (该工程总投资)
names it: the works of that kind the article named last, after a visit or a verb of
building (视察农村供水保障工程建设情况 … 该工程总投资412万元).

Not counts, though they match a number and a unit: numbers inside a title 《…》, a quoted
slogan that starts with its number (“三个清单”), and ordinal lists (第1、2、3批).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import NamedTuple

from factx.build.clauses import (
    CLAUSE_MARKS, CLOSER_OF, COMPARISON_WORDS, MODIFIER_TAGS, VERB_TAGS, ClauseGrammar, Span, Word, clause_end, clause_start, span,
    split_glued_link, split_outside, window_start,
)
from factx.build.context import CELL_MARK, Context, line_end
from factx.match import Match
from factx.patterns import compile_pattern
from factx.records import Count
from factx.rules import RuleSet
from factx.values.numbers import APPROX_WORDS, CHANGE_WORDS, Quantity, parse_quantity
from factx.words import MORPHEME_TAGS, frequency

# Any stated quantity (the union of the count rules' quantities, without their context
# checks): the builder uses it to find the counts next to the one it builds.
QUANTITY_SOURCE = "{COUNT_QUANTITY}"
# A subject that is a body or people (各专门委员会|对口督办|38件, 代表|提出) acted; it is not
# what was counted, as 一般公共预算收入|完成|280.5亿元 is. (?r): see events._ACTOR_END.
_AGENT_END = r"(?r)(?:{lex:event_actor_heads}|{lex:titles}|会议|大会)们?$"
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
_KIND_WORDS = compile_pattern(r"涉及|关于|属于|有关")  # …的31条 of a kind: 涉及道路、排水等基础设施的
_PEOPLE_UNITS = frozenset({"人", "人次", "名", "位", "名次"})  # 委员参与1280人次 counts the 委员
_PERSONS = frozenset({"人", "名", "位"})  # units that count the same people (43名…中39人)
# Words jieba tags verbs that describe the noun after them: 提出的18件|相关|提案 is a noun.
_DESCRIBING_VERBS = frozenset({"相关", "有关", "类似", "对应"})
_CONJOINING = "和及与或"  # a conjunction jieba glues to the approximation after it (和约)
_GLUED_APPROX = frozenset("约近逾")
_RARE_WORD = 100  # jieba's count below which a word that ends on 约 is a glued pair (费约)
# 由9个压缩至3个, 从3.2次降到0.6次: a measure that goes from one level to another.
# A level said with its time: 由2020年的|3.1万亩增加到|去年的|6.4万亩, 由最初的|12户, 由2023年底的|14家.
_LEVEL_TIME = r"(?:(?:(?:19|20)\d{2}年|去年|上年|前年|今年|当年)(?:底|末|初)?|最初|起初|年初|目前|过去|以往|以前)的"
# 由2020年的不足|5%, 由每个每年|1.2万元 (what it is a rate per)
_FROM_BEFORE = compile_pattern(rf"[由从](?:平均|原来|原|{_LEVEL_TIME})?(?:平均)?(?:每[个人户年月天亩])*(?:不足|不到|近|约|超过)?$")
_FROM_WINDOW = 12  # characters before a number that may hold 由 and the level's time (由2023年底的)
_LEVEL_APPROX = r"(?:不足|不到|近|约|超过|逾)?"  # 降至|不足|12%: an approximation of the level reached
_TO_LEVEL = compile_pattern(rf"(?P<verb>\p{{Han}}{{1,4}}?)[至到](?:{_LEVEL_TIME})?{_LEVEL_APPROX}(?=[\d零一二两三四五六七八九十])")
_REACHED_BEFORE = compile_pattern(rf"[至到](?:{_LEVEL_TIME})?{_LEVEL_APPROX}$")
_TO_LEVEL_BETWEEN = compile_pattern(rf"\p{{Han}}{{1,4}}[至到](?:{_LEVEL_TIME})?{_LEVEL_APPROX}")
# 提高1.2个|和0.9个百分点: one unit said for two numbers.
_SHARED_POINTS = compile_pattern(r"[和、及与][\d.]+个百分点")
_RESPECTIVELY = "分别"
_MONEY_WORD = "钱"  # spoken after a sum (1角钱, 5块钱)
_MONEY_UNITS = "元角分块"
_CLASSIFIER = "个"  # the measure word that stands before its noun, not after it
# A cap said before the verb (每户至少|安排|2人): the caps of parse_quantity's bounds that read before a verb.
_CAPS = "最高|最多|最低|至少|最少|不超过|不少于|不低于|不高于"
_CAP_BEFORE_VERB = compile_pattern(rf"(?:{_CAPS})$")
# …or before the coverb's phrase that opens the verb (至少|向原选区选民|述职1次)
_CAP_BEFORE_ACT = compile_pattern(rf"(?P<cap>{_CAPS})(?:[向对为给在与跟同][^,;:。]{{1,12}})?$")
_THING_UNITS = frozenset("个家所座处栋套台辆")  # classifiers of things, not of acts (次, 场) or people
_PART_OF = "其中"  # a count of part of what the count before counted
# What two groups paired by 和 or 、 share (城镇和农村|居民人均可支配收入): see _one_of_pair.
_PAIR_LINKS = ("和", "、")
_SHARED_HEADS = ("居民", "常住", "人均", "户籍", "人口", "家庭")
_PER = compile_pattern(r"每\p{Han}{0,3}")  # 每个, 每年, 每人, 每平方米: the measure a number is given per
_COMPARED_TO = ("低于", "高于", "超出")  # a difference in points from a base: 低于全县平均水平6.4个百分点
# The ways a vote is cast, before the votes counted: a ballot (赞成, 反对, 弃权) or a rating
# of a body's work (满意19票,基本满意3票,不满意0票).
_VOTES = compile_pattern(r"(?:赞成|反对|弃权|(?:非常|比较|基本|不)?满意)$")
_VOTE_WORD_MAX = 4
_VOTE_UNITS = ("票", "人")  # votes, or the members who cast them
_SHARE_VERB = "占"
_BASE_COPULAS = frozenset({"是", "为", "相当于"})
_SHARE_UNITS = frozenset({"%", "‰", "倍", "成", "百分点"})  # …的108%: a share of what the clause names
_ORDINAL_LIST = compile_pattern(r"第[\d零〇一二两三四五六七八九十百]+(?:[、,和及至到~—-][\d零〇一二两三四五六七八九十百]+)*[、,和及至到~—-]$")
# A works referred back to (该工程总投资386万元) is the one the article named last, after a visit
# or a verb of building (视察农村供水保障工程建设情况).
_REFERRED_WORKS = r"^(?:该|此|这一?|本)(?P<head>{lex:works_heads})"
_NAMED_WORKS = r"(?:{lex:visit_verbs}|实施|建设|推进|启动|开工|建成)(?P<name>[^,;:。!?、“”《》()\d]{2,24}?(?:{lex:works_heads}))"
_ROW_CELLS = 2  # marks a row has at least
_HEADER_REACH = 20  # rows above a cell that may hold its column's header
_ROW_NUMBER = compile_pattern(r"\d{1,3}\t")  # a line that opens on a number and a tab: a table's row
_DIMENSIONS = ("海拔", "面积", "全长", "总长", "长度", "高度", "深度", "宽度", "厚度", "直径", "水深", "埋深")
_LABEL_MARKS = frozenset("▶►▷●■◆▲★·•○□◇")  # marks that open a line of a data box
_LABEL_MAX = 12  # characters of a figure's label before its colon
_HAN_RUN = compile_pattern(r"\p{Han}+")
# A number in brackets after words in its own cell (`|…农村道路提档升级(12.8公里)|`): a gloss on them
_GLOSS_IN_CELL = compile_pattern(r"\p{Han}{2,}\((?:约|近|共)?$")
_CONVERSION_OPEN = compile_pattern(r"\((?:约|近|合|折合|即)?$")  # a quantity right after this glosses the one before it
_GLOSS_MAX = 24  # characters of a gloss in brackets between an item and its number
_LEFT_WINDOW = 28   # characters of a clause element before the number that are read
_RIGHT_WINDOW = 20  # characters after the unit
_LIST_LINKS = frozenset({"、", "和", "及", "与", "或"})
_MARKER_RUN = frozenset({"了", "达", "为", "达到", "不", "有"})
# Close the link words of a level reached (降至, 增至, 压缩到; not 达到): see PhraseBefore.level
_LEVEL_REACHED = compile_pattern(r"(?<!达)[至到]$")
_DIGIT = compile_pattern(r"\d")
_NUMERAL = compile_pattern(r"[\d零〇一二两三四五六七八九十百千万亿几数半多余]")
# The readings a CountReader remembers. A count re-reads the counts before it in its
# sentence (a list sharing one verb, a change after a count), so the memo must hold one
# sentence's counts, tens at most; beyond that it only serves a sentence repeated in a later
# page. Every entry keeps its sentence alive, so the memo is emptied when it reaches this
# size: about 2 MB whatever the length of the corpus (50,000 grew peak RSS by 45 MB).
_MEMO_SIZE = 2_000


@dataclass(frozen=True)
class PhraseBefore:
    """What the words before the number say about the count."""

    kind: str  # object (V NP #), noun (NP #), verb (V #), relative (… 的 #), examples (… 等 #), empty
    action: Span | None = None
    item: Span | None = None
    start: int = 0  # where the words read for this count begin
    markers: str = ""  # approximation and change words right before the number
    change_only: bool = False  # nothing but a change or a level: 增长6%, 降至4天 (of what the clause before counted)
    level: bool = False  # nothing but the level reached: 降至4天 (its text keeps 降至)
    verb: str = ""  # the action's word
    relative_verb: Span | None = None  # 立案交办的|495件提案: the verb of a clause before 的
    clause: Span | None = None  # 其中|已办结的|118件: the relative clause itself, 的 included
    change_verb: Span | None = None  # 增长 of 增长6%
    # 占 of 占69.4%, 是 of 是去年同期的1.4倍: nothing else before a share or a multiple (of what
    # the count before counted)
    share_verb: Span | None = None
    final_verb: Span | None = None  # a verb right before the number: 形成|6个协同式监督机制工作方案
    agent: Span | None = None  # 委员|参与|1280人次: who acted, when nothing follows the verb


class WordsAfter(NamedTuple):
    """What the words after the unit say about the count."""

    item: Span | None  # the noun right after the unit: 87件|民生提案
    verb: Span | None  # the verb after that noun: 40多件民生实事|得到
    next_item: Span | None  # when another count follows: the noun after it (447户1100多名|居民)


@dataclass(frozen=True)
class CountReading:
    """Item, action and markers of one count, as spans in its sentence."""

    item: Span | None
    action: Span | None
    start: int  # the surface phrase the count was read from
    end: int
    markers: str
    # …的118件 with no noun: what is counted was named before, by a count in this unit (see
    # build_count); its share, 占59.3%, counts the same thing.
    elided_unit: str | None = None
    # …and the clause that says which of them (已办结的): the item is the clause and the noun.
    clause: Span | None = None


class CountReader:
    """Reads item, action and markers around a number, with one rule pack's lexicons.

    Methods take the sentence `s` and the quantity's span [qs, qe) in it.
    """

    def __init__(self, ruleset: RuleSet):
        self.quantity = ruleset.regex(QUANTITY_SOURCE)
        self.units = ruleset.lexicon("units")
        self.agent_end = ruleset.regex(_AGENT_END)
        self.adverbs = ruleset.lexicon("event_adverbs")  # 计划, 积极: between a subject and its verb
        self.links = ruleset.lexicon("count_links") | APPROX_WORDS | CHANGE_WORDS | _MARKER_RUN
        self.grammar = ClauseGrammar(
            verbs=ruleset.lexicon("count_verbs"),
            light_verbs=ruleset.lexicon("count_light_verbs"),
            pivots=ruleset.lexicon("count_pivots"),
            coverbs=ruleset.lexicon("count_coverbs"),
            framing=ruleset.lexicon("count_framing"),
            links=self.links,
            means=ruleset.lexicon("count_means"),
        )
        self._readings: dict[tuple[str, int, int], CountReading] = {}
        self._phrases: dict[tuple[str, int], PhraseBefore] = {}
        self._spans: dict[str, list[Span]] = {}  # the quantities of a sentence

    # --- the quantity ------------------------------------------------------------------

    def is_in_name(self, s: str, qs: int, qe: int) -> bool:
        """A number inside a title, a quoted slogan that starts with it, or an ordinal list:
        印发《关于加强10项工作的意见》, 落实“3个清单”, 第1、2、3批."""
        if s.rfind("《", 0, qs) > s.rfind("》", 0, qs) and s.find("》", qe) > 0:
            return True
        if qs > 0 and s[qs - 1] in CLOSER_OF:
            close = s.find(CLOSER_OF[s[qs - 1]], qe)
            if 0 <= close - qe <= 8:
                return True
        return bool(_ORDINAL_LIST.search(s, max(0, qs - 24), qs))

    def quantities(self, s: str) -> list[Span]:
        """The spans of the quantities stated in sentence `s`, in order."""
        spans = self._spans.get(s)
        if spans is None:
            spans = self._spans[s] = [m.span() for m in self.quantity.finditer(s)]
        return spans

    def previous_quantity(self, s: str, qs: int) -> Span | None:
        """The last quantity that ends before `qs` in the sentence: in 开展执法检查4次、专题调研53次,
        the one before 53次 is 4次."""
        spans = self.quantities(s)
        i = bisect.bisect_right(spans, (qs, qs)) - 1
        while i >= 0 and spans[i][1] > qs:
            i -= 1
        return spans[i] if i >= 0 else None

    # --- the words before the number ---------------------------------------------------

    def phrase_before(self, s: str, qs: int) -> PhraseBefore:
        """What the words before `qs` say: for 办理代表议案建议244件, an object phrase with the
        action 办理 and the item 代表议案建议."""
        key = (s, qs)
        phrase = self._phrases.get(key)
        if phrase is None:
            phrase = self._phrases[key] = self._phrase_before(s, qs)
        return phrase

    def _phrase_before(self, s: str, qs: int) -> PhraseBefore:
        end = qs
        if s[qs - 1:qs] == ")" and (opener := s.rfind("(", max(0, qs - _GLOSS_MAX), qs - 1)) > 0 and ")" not in s[opener:qs - 1]:
            end = opener  # A类(所提问题已经解决)|97件, “三堆”(柴堆、粪堆、杂物堆)|1200处: the gloss says what the item means
        start = self._words_start(s, end, qs)
        elements = split_outside(s, start, end, "、")
        local_start = window_start(s, elements[-1][0], end, _LEFT_WINDOW)
        words = self.grammar.tokens(s, local_start, end)
        toks, markers = self._strip_markers(words)
        share_verb = None
        if not toks:
            share_verb = next((span(t) for t in words if t.text == _SHARE_VERB), None)  # 占69.4%
        elif (words[0].text in _BASE_COPULAS or words[0].text == _SHARE_VERB) and toks[-1].text == "的":
            share_verb = span(words[0])  # 是去年同期的|1.4倍, 占全县规模以上工业产值的|41.2%: a multiple or share of its base
        marker_text = "".join(t.text for t in markers)
        change = [t for t in markers if t.text in CHANGE_WORDS]
        level = not toks and _LEVEL_REACHED.search(s, max(0, qs - 2), qs) is not None  # 减少7天,降至4天
        change_only = not toks and bool(change) or level
        change_verb = span(change[0]) if change else None
        local = self._analyse_phrase(toks, local_start)
        # 他为困难家庭、助学和防汛救灾|捐款捐物…: the list is the coverb's object; the words
        # before the verb are no subject, and the list is no item
        coverb_list = len(elements) > 1 and local.kind in ("object", "verb") and local.action is not None \
            and self._opens_on_coverb(s, elements[0])
        if coverb_list and local.kind == "object" and local.item and local.item[0] < local.action[0]:
            local = replace(local, kind="verb", item=None)
        if len(elements) > 1 and elements[0][1] > elements[0][0] and toks and not coverb_list and self._coordinated(local):
            # 组织召开A、B、C等活动5次 / 市委、市政府主要领导批示12篇: one item of several
            # parts; the verb, if any, opens the first of them.
            first_start = elements[0][0]
            first = self._analyse_phrase(self.grammar.tokens(s, first_start, min(elements[0][1], first_start + _LEFT_WINDOW)), first_start)
            item_start = first.item[0] if first.item else first_start
            item_end = local.item[1] if local.item else (toks[-1].end if toks else qs)
            item = self._after_examples(s, toks, (item_start, item_end))
            kind = "examples" if local.kind == "examples" else "noun"
            local = replace(local, kind=kind, action=first.action, item=item, verb=first.verb, relative_verb=None)
            local_start = first_start
        return replace(local, start=local_start, markers=marker_text, change_only=change_only, level=level, change_verb=change_verb,
                       share_verb=share_verb)

    @staticmethod
    def _split_glued_approx(toks: list[Word]) -> list[Word]:
        """降费约|3.2亿元 comes as 降|费约: split an approximation character off a rare last
        word (not off 附近 or 将近, words in their own right), or off a conjunction (…坝塘|和约|380公里:
        and about, no treaty)."""
        if toks and len(toks[-1].text) > 1 and toks[-1].text[-1] in _GLUED_APPROX and (
                frequency(toks[-1].text) < _RARE_WORD or len(toks[-1].text) == 2 and toks[-1].text[0] in _CONJOINING):
            t = toks[-1]
            return toks[:-1] + [Word(t.text[:-1], "n", t.start, t.end - 1), Word(t.text[-1], "d", t.end - 1, t.end)]
        return toks

    def _opens_on_coverb(self, s: str, element: Span) -> bool:
        """Whether a coverb stands among the first words of `element` (他|为|…, 向|…)."""
        head = self.grammar.tokens(s, element[0], min(element[1], element[0] + 6))[:3]
        return any(t.text in self.grammar.coverbs and t.tag == "p" for t in head)

    def _split_glued_change(self, toks: list[Word]) -> list[Word]:
        """同比增加 comes as one word (jieba tags it a person): split a last word that is a link
        and a change word (同比|增加) into the two."""
        if toks and toks[-1].text not in self.links:
            t = toks[-1]
            for cut in range(1, len(t.text)):
                if t.text[:cut] in self.links and t.text[cut:] in CHANGE_WORDS:
                    return toks[:-1] + [Word(t.text[:cut], "d", t.start, t.start + cut), Word(t.text[cut:], "v", t.start + cut, t.end)]
        return toks

    def _coordinated(self, local: PhraseBefore) -> bool:
        """Whether the last element of a 、 list continues the item of the first one."""
        if local.kind in ("noun", "examples", "empty"):
            return True
        if local.kind == "verb" and local.action == local.final_verb:
            return True  # 跟踪监督、督查7次: a bare verb after 、 is one more activity
        # 带案咨询会, 警示教育: jieba finds a verb, but not one that governs counts.
        return local.kind == "object" and local.verb not in self.grammar.known_verbs

    def _strip_markers(self, toks: list[Word]) -> tuple[list[Word], list[Word]]:
        """Split off the link, approximation and change words that stand before the number."""
        toks = self.grammar.join_measure_nouns(split_glued_link(self._split_glued_change(self._split_glued_approx(toks))))
        end = len(toks)
        while end and (toks[end - 1].text in self.links or toks[end - 1].tag in ("d", "ul", "t", "m", "p")
                       or _PER.fullmatch(toks[end - 1].text)):
            end -= 1  # …维持|每个每年|1万元: what the number is a rate per is no part of the item
        for k in range(len(toks) - 2, max(len(toks) - 7, -1), -1):  # the five words before the last (较|前|一|榨|季|提高)
            if toks[k].text in COMPARISON_WORDS or toks[k].tag == "link" and toks[k].text[0] in COMPARISON_WORDS:  # 比去年|同类项目|高出
                if any(t.text in CHANGE_WORDS for t in toks[k + 1:]):
                    end = min(end, k)  # 立案率较上届|提高: the comparison and its term are no part of the item
                break
        # Only the run of approximation/change words right before the number is handed
        # on (同比减少 -> 减少, 较2022年增长近 -> 增长近): a number in the run would be read.
        run: list[Word] = []
        for t in reversed(toks[end:]):
            if t.text in APPROX_WORDS or t.text in CHANGE_WORDS or t.text in _MARKER_RUN:
                run.insert(0, t)
            else:
                break
        return toks[:end], run

    def _analyse_phrase(self, toks: list[Word], base: int) -> PhraseBefore:
        grammar = self.grammar
        said = grammar.strip_framing(toks, keep_adverbs=True)  # the clause as said: 其中|已办结的
        toks = grammar.join_measure_nouns(grammar.strip_framing(toks))
        if not toks:
            return PhraseBefore("empty", start=base)
        toks = grammar.split_copula(toks)
        if toks[-1].text == "的":
            # The clause describes a noun after the unit. A verb of the lexicon right before
            # 的 acted on what is counted (立案交办的495件提案); 涉及垃圾分类的7件提案 has no
            # action. With no noun after the unit the clause itself says what is counted:
            # 完成年度目标的|108%.
            before = toks[-2] if len(toks) > 1 else None
            inner = self._analyse_phrase(toks[:-1], base) if len(toks) > 1 else PhraseBefore("empty", start=base)
            relative_verb = span(before) if before and before.text in grammar.known_verbs else None
            return PhraseBefore("relative", inner.action, inner.item, base, verb=inner.verb, relative_verb=relative_verb,
                                clause=(said[0].start, toks[-1].end))
        final_verb = grammar.final_verb(toks)
        examples = toks[-1].text == "等"
        if examples:
            toks = toks[:-1]
        verb_index = grammar.governing_verb(toks)
        if verb_index is None:  # 64个畲族行政村|共有|畲族群众2.3万人: a framing verb inside the phrase governs
            verb_index = next((k for k in range(len(toks) - 2, 0, -1) if grammar.is_framing_verb(toks[k])), None)
        if verb_index is None:
            item = grammar.noun_phrase(toks)
            return PhraseBefore("examples" if examples else ("noun" if item else "empty"), None, item, base,
                                final_verb=final_verb)
        verb = toks[verb_index]
        tail = toks[verb_index + 1:]
        agent = None  # 委员|参与|1280人次: who acted; counted in people, they are what is counted
        if not tail and verb_index > 0:
            before = toks[:verb_index]
            while len(before) > 1 and (before[-1].tag in ("d", "ad") or before[-1].text in self.adverbs
                                       or _CAP_BEFORE_VERB.fullmatch(before[-1].text) or _PER.fullmatch(before[-1].text)):
                # 积水深度|基本|控制在, 财政收入|将|完成, 加工厂|计划|投资: the adverb is the verb's;
                # 鲜叶|每公斤|最高|卖到: the rate and the cap are the count's (approx at_most)
                before = before[:-1]
            subject = grammar.noun_phrase(before)  # 一般公共预算收入|完成|280.5亿元
            # 通过专项债等渠道|再筹集1.5亿元: a phrase a coverb opens says how, not what
            by_means = any(t.text in grammar.means for t in toks[:verb_index])
            if subject and not by_means:
                if not self._is_agent(toks[:verb_index]):
                    return PhraseBefore("object", span(verb), subject, base, verb=verb.text, final_verb=final_verb)
                agent = subject
        item = grammar.noun_phrase(tail)
        if item is None and any(t.text == "的" for t in tail):
            return PhraseBefore("relative", None, None, base)  # 与涉及物业管理内容的其他|10件提案
        if item is None and tail and (verb.text in grammar.light or all(grammar.is_verb(t) for t in tail)):
            item = (tail[0].start, tail[-1].end)  # 开展培训30场, 新增就业4.5万人: the activity
        kind = "examples" if examples else ("object" if item else "verb")
        return PhraseBefore(kind, span(verb), item, base, verb=verb.text, final_verb=final_verb,
                            agent=agent if kind == "verb" else None)

    def _is_agent(self, toks: list[Word]) -> bool:
        """Whether the words before a verb name who acted: a body or people, past the
        adverbs and verbs that modify the verb (各专门委员会|对口, 市领导|领衔), or a person."""
        if toks[0].text in self.grammar.coverbs or toks[0].tag == "p":
            return False  # 为|渔民群众|免费体检: for whom, not who
        end = len(toks)
        while end and (toks[end - 1].tag in VERB_TAGS or toks[end - 1].tag in ("vn", "d", "ad")):
            end -= 1
        if not end:
            return False
        if toks[end - 1].tag in _PERSON_TAGS:
            return True  # 经审查 comes as one word, tagged a name
        return bool(self.agent_end.search("".join(t.text for t in toks[:end])))

    def _after_examples(self, s: str, toks: list[Word], item: Span) -> Span:
        """座谈会、读书会、健康讲座等活动: what was counted is 活动; the rest are examples."""
        for k in range(len(toks) - 1, -1, -1):
            if toks[k].text == "等" and toks[k].start >= item[0]:
                if k + 1 < len(toks) and any(self.grammar.is_noun(t) for t in toks[k + 1:]):
                    return toks[k + 1].start, item[1]
                break
        return item

    # --- the words after the unit ------------------------------------------------------

    def words_after(self, s: str, qe: int) -> WordsAfter:
        """What the words after `qe` say: for 形成87件民生提案, the item 民生提案."""
        if s.startswith(_MONEY_WORD, qe) and s[qe - 1:qe] in _MONEY_UNITS and not s.startswith("钱包", qe):
            qe += 1  # 不到1角|钱, 5元|钱: the money the sum names, no item
        end = clause_end(s, qe)
        window_end = min(end, qe + _RIGHT_WINDOW)
        nxt = self.quantity.match(s, qe, window_end)
        if nxt:
            next_item, _ = self._item_and_verb(s, nxt.end(), min(end, nxt.end() + _RIGHT_WINDOW))
            return WordsAfter(None, None, next_item)
        if s.startswith("、", qe):
            return WordsAfter(None, None, None)  # 食用油86吨|、猪肉约320吨: the next item of a list, not this one's
        item, verb = self._item_and_verb(s, qe, window_end)
        return WordsAfter(item, verb, None)

    def _item_and_verb(self, s: str, start: int, end: int):
        """The item that follows a unit and the verb after it (`40多件民生实事得到解决`)."""
        grammar = self.grammar
        digit = _DIGIT.search(s, start, end)
        cut = digit.start() if digit else end
        toks = grammar.join_measure_nouns(grammar.tokens(s, start, cut))
        if digit:
            toks = self._split_glued_approx(toks)  # 146个坝塘|和约|380公里: and about, before the next count
        verb_cut = bool(digit and toks and grammar.is_verb(toks[-1]) and any(t.tag.startswith("n") for t in toks[:-1]))
        if verb_cut:
            toks = toks[:-1]  # 54名各级人大代表|编成|8个小组: the verb before the next count is no noun
        i = self._item_start(toks)
        j = i
        while j < len(toks) and grammar.continues_noun_phrase(toks, j, i):
            j += 1
        while j > i and (toks[j - 1].text in ("、", "之") or toks[j - 1].text in _CONJOINING):
            j -= 1  # (an item ends on no list mark or conjunction: 坝塘|和|约380公里)
        item = (toks[i].start, toks[j - 1].end) if j > i else None
        if item and (all(t.tag in MODIFIER_TAGS or t.tag == "d" for t in toks[i:j])
                     or j - i == 1 and len(toks[i].text) == 1 and toks[i].tag in VERB_TAGS):
            item = None  # 48万元|新|修排水渠, 9件|转|作…, 50吨的|约|占: a modifier, an adverb or a one-character verb alone is no noun
        if item and j == len(toks) and digit and not verb_cut and s[start - 1:start] != _CLASSIFIER:
            # 4次专题调研53次: the words belong to the next count; but the general classifier
            # stands before its noun (14个村民小组|436户)
            item = None
        return item, grammar.verb_after(toks, j if item else 0)

    def _item_start(self, toks: list[Word]) -> int:
        """Index of the first word of the item after a unit (len(toks) if there is none).

        After a number and its unit a content word is nominal whatever jieba's tag
        (3件提案: 提案 is tagged v), unless it is a verb of the lexicons (110人次参与). A
        describing clause before 的 is skipped: 2000平方米的荒地, 700多名有代表性的界别群众.
        """
        grammar = self.grammar
        if not toks:
            return 0
        first = toks[0]
        if first.text == "的":
            return 1
        if grammar.is_noun(first) or first.text in self.units or first.tag == "m" and not _NUMERAL.search(first.text) \
                or first.tag in MORPHEME_TAGS:
            return 0  # 5个轮次交流, 28个大项 (tagged m), 14个村 (村 alone is tagged zg): a word after a classifier is a noun
        if first.tag == "f" and first.text not in APPROX_WORDS and len(toks) > 1 and grammar.is_noun(toks[1]):
            return 0  # 10个|上游|水库; 1084家|初|制厂, a noun jieba does not know split after a locative
        for k, t in enumerate(toks[:6]):
            if t.text == "的":
                return k + 1
            if t.tag == "x":
                break
        if first.tag in MODIFIER_TAGS:
            return 0  # 各级人大代表, 党内规范性文件
        if first.tag in VERB_TAGS and first.text not in grammar.known_verbs and first.text not in grammar.coverbs:
            return 0  # 4个在职党支部, 3件提案归并办理
        if first.tag in VERB_TAGS and first.text not in grammar.coverbs and len(toks) > 1 and toks[1].tag.startswith("n") \
                and self.agent_end.search(toks[1].text):
            return 0  # 106家承办|单位, 12名执法|人员: a verb before a body or people names them
        if len(toks) > 2 and toks[1].tag == "n" and toks[2].tag == "d":
            return 0  # 318件立案|提案|已全部办复: the verb and noun are the subject of what follows
        return len(toks)

    # --- item and action ---------------------------------------------------------------

    def read(self, s: str, qs: int, qe: int) -> CountReading:
        """Item, action and markers of the count at [qs, qe): for 办理代表议案建议244件, the
        item 代表议案建议 and the action 办理, read from the whole of it."""
        key = (s, qs, qe)
        reading = self._readings.get(key)
        if reading is None:
            if len(self._readings) >= _MEMO_SIZE:
                self._readings.clear()
                self._phrases.clear()
                self._spans.clear()
            reading = self._readings[key] = self._read(s, qs, qe)
        return reading

    def _read(self, s: str, qs: int, qe: int) -> CountReading:
        if s[qe - 1:qe] in _VOTE_UNITS and (way := _VOTES.search(s, max(0, qs - _VOTE_WORD_MAX), qs)):
            # 赞成27票,反对0票,弃权1票 (or by head, 赞成157人): the vote counts itself (jieba tags
            # 反对 an adverb, and reads 不 of 不满意 as a negated verb)
            vote = way.span()
            return CountReading(vote, vote, vote[0], qe, "")
        gloss = _CONVERSION_OPEN.search(s, max(0, qs - 3), qs) if s.find("(", max(0, qs - 3), qs) >= 0 else None
        prev = self.previous_quantity(s, qs) if gloss else None
        if prev and prev[1] == gloss.start():
            # 播种面积286.4万亩(约19万垧): the same amount in another unit, of the same thing
            return CountReading(self.read(s, *prev).item, None, gloss.start() + 1, qe, s[gloss.start() + 1:qs])
        left = self._past_classified_noun(s, qs, self.phrase_before(s, qs))
        before = s[max(0, qs - _FROM_WINDOW):qs]  # the regexes below only where their characters are
        start_of_range = _FROM_BEFORE.search(before) if "由" in before or "从" in before else None
        if start_of_range and _TO_LEVEL.match(s, qe):
            return self._read_from_level(s, qs, qe, left, qs - len(before) + start_of_range.start())
        reached = ("至" in before or "到" in before) and _REACHED_BEFORE.search(before)  # 提高到|38.6%, 提高到去年的|38.6%
        prev = self.previous_quantity(s, qs) if reached else None
        if prev and _TO_LEVEL_BETWEEN.fullmatch(s, prev[1], qs) and _FROM_BEFORE.search(s, max(0, prev[0] - _FROM_WINDOW), prev[0]):
            first = self.read(s, *prev)  # …由12份|精简到|5份: the level reached, of the same thing
            return CountReading(first.item, first.action, prev[1], qe, left.markers)
        quantity = parse_quantity(s[qs:qe])
        unit = quantity.unit if quantity else None
        verb = left.action or left.final_verb
        bei = s.rfind("被", 0, verb[0]) if left.item and verb else -1  # rare: the clause is looked for only then
        if bei >= 0 and bei < left.item[0] < verb[0] and bei >= clause_start(s, qs):
            # 其中被市委、市政府采纳31篇: between 被 and the verb stands who acted, not what is counted
            left = replace(left, kind="verb", item=None, action=verb)
        if left.item and self._by_means(s, qs):
            left = replace(left, kind="empty", item=None, action=None)  # 表决时|以24票赞成: the words before 以 count nothing
        item_after, verb_after, after_next = self.words_after(s, qe)
        label = self._label_before(s, qs) if left.kind == "empty" and not left.markers else None
        if label:
            # ▶已解决或采纳：131件, 办结率：100%　见面沟通率：97.1%: a labelled figure counts its label
            left, item_after, after_next = replace(left, kind="noun", item=label), None, None
        if gloss and left.kind == "empty" and not left.markers and item_after is None and s[gloss.end():qs] == "":
            # 农村道路提档升级(12.8公里), 老旧小区改造(6栋216户): a bracket that opens on the
            # number glosses the works named before it, and counts them
            outer = self.phrase_before(s, gloss.start())
            if outer.item:
                left = replace(left, kind="noun", item=outer.item)
        if item_after and left.kind == "relative":
            after = self.grammar.tokens(s, *item_after)
            if self._is_predicate(after):
                item_after, verb_after = None, span(after[0])  # 不予立案的23件|转为意见建议
        if item_after and (left.kind == "object" and left.item or unit in _PERSONS):
            after = self.grammar.tokens(s, *item_after)  # only for these: most counts need no words after
            if len(after) == 1 and after[0].tag == "v" and (unit not in _PERSONS or left.kind == "object" and left.item
                                                            or self.shared_item(s, qs, quantity)):
                # 带动周边农户420余户|增收, 43名居民代表中39人|赞成: what the people counted
                # (before, or by the count before) then do
                item_after, verb_after = None, item_after
        if item_after and left.kind == "noun" and left.item and s.startswith("的", qe):
            dimension = next((d for d in _DIMENSIONS if s.endswith(d, left.item[0], left.item[1])), None)
            if dimension:
                # 坐落在海拔|1600多米|的山腰上: the count measures the dimension, not the noun after
                item_after, left = None, replace(left, item=(left.item[1] - len(dimension), left.item[1]))
            elif self._listed_after_count(s, left.start):
                item_after = None  # 门店37家、员工460余人|的食品企业: a list of counts describes the noun after
        end = qe
        elided_unit = clause = None
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
            if left.kind == "object" and self._is_act(s, item):
                # 排查易涝点42处,今年已完成整治35处: the object is itself an act; the count
                # before in the same unit names what was acted on, unless it counts an act
                # too (组织视察5次,开展调研12次 keeps 调研; 开展培训30场 has none before it).
                shared = self.shared_item(s, qs, quantity)
                if shared is not None and not self._is_act(s, shared):
                    item, action = shared, (action[0], item[1])
            if item is None and after_next:
                item = after_next  # 附近447户1100多名居民: both count the same people
            if item is None and left.kind == "verb" and left.agent and unit in _PEOPLE_UNITS:
                item = left.agent  # 委员参与1280人次: the people who acted are counted
            if item is None and left.kind == "verb":
                # 应到委员35人,实到33人: the count before in the same unit says what is counted;
                # alone, 修改15件: the act itself is counted.
                item = self.shared_item(s, qs, quantity) or left.action
            if item is None and left.kind == "empty" and verb_after and (s.startswith("被", qe) or _PART_OF in s[clause_start(s, qs):qs]):
                # 收集意见建议846条,其中139条被采纳 / 其中12条已现场协调解决: a part of what the count before counted
                item = self.shared_item(s, qs, quantity)
            if left.kind == "relative" and item and "等" in s[item[0]:item[1] - 1]:
                item = (s.rindex("等", item[0], item[1] - 1) + 1, item[1])  # 涉及养老、医疗等|民生保障的27条
            if left.kind == "relative" and left.action and unit not in _SHARE_UNITS \
                    and not _KIND_WORDS.search(s, clause_start(s, qs), qs):
                # 收到建议132件,其中已办结的118件: the clause says which of them and the noun
                # is left out (its own object, 列入计划|解决的, is not what is counted); the
                # count before in the same unit names it (else build_count looks in the
                # sentences before). A clause that names a kind (涉及道路、排水等基础设施的|31条,
                # 涉及生态环境的|38件) says what is counted, and 完成年度目标的|108% is a share
                # of what the clause names.
                item = self.shared_item(s, qs, quantity) or self._whole_named(s, qs)
                elided_unit = unit if item is None else None
                clause = left.clause
            if item is None and verb_after and unit in _PERSONS:
                item = self.shared_item(s, qs, quantity)  # 43名居民代表中39人赞成、3人反对: some of them
            if verb_after and not action:
                action, end = verb_after, verb_after[1]  # 110人次参与
                if item is None and s[verb_after[0]:verb_after[1]] in self.grammar.known_verbs:
                    item = verb_after  # … the act is counted (not 全村436户都|吃上了…)
        if item and s.endswith(_PART_OF, item[0], item[1]):
            # 形成协商建议28条。县政府将其中|19条吸纳进…: a part of what the count before counted
            item = self.shared_item(s, qs, quantity)
            elided_unit = unit if item is None else None
        markers = left.markers
        # 分别较去年同期提高1.2个和0.9个百分点, 分别占立案总数的14.5%和85.5%: each of the
        # counts before, in turn (not the base of a share)
        respective = self._respective_item(s, qs) if item is None or unit in _SHARE_UNITS and left.kind == "relative" else None
        if respective:
            item = respective
        if (item is None or respective) and left.kind == "empty" and not markers:
            prev = self.previous_quantity(s, qs)
            if prev and (prev[1] == qs or s[prev[1]:qs] in _LIST_LINKS):
                # 分别增长5.1%和6.3%: the second number says the same of another thing;
                # 困难群众500余户1200余人: two measures of one thing
                first = self.read(s, *prev)
                item, action, markers = respective or first.item, action or first.action, first.markers
        share_verb = left.share_verb if unit in _SHARE_UNITS else None
        if share_verb and left.kind == "relative" and not respective:
            item = None  # 是去年同期的1.4倍: 去年同期 is the base, not what is counted
        if item is None and (left.change_only or share_verb):
            prev = self.previous_quantity(s, qs)  # 实现生产总值3000亿元,增长6%; 其中税收收入89亿元,占69.4%
            if prev:
                first = self.read(s, *prev)
                item, elided_unit = first.item, first.elided_unit
        if unit == "百分点" and action and s[action[0]:action[1]] in _COMPARED_TO:
            prev = self.previous_quantity(s, qs)  # 达标率为84.9%,低于全县平均水平|6.4个百分点: the level is the base
            if prev:
                item = self.read(s, *prev).item
        if action is None:
            action = left.change_verb or share_verb or self.shared_action(s, qs)  # 发文数量同比减少21%
        if action and not markers and action[1] <= qs and (capped := _CAP_BEFORE_ACT.search(s, max(0, action[0] - 16), action[0])):
            # 每人每月最高|支付|1500元, 至少|向原选区选民|述职1次: a cap on the verb (maybe before
            # the coverb's phrase) is a cap on the count
            markers = capped.group("cap")
        start = min([left.start if left.level else qs - len(left.markers)] + [p[0] for p in (item, action) if p and p[0] >= left.start])
        return CountReading(item, action, start, end, markers, elided_unit, clause)

    def _words_start(self, s: str, end: int, qs: int) -> int:
        """Where the words that may say what the number at `qs` counts begin, for words that
        end at `end`: at the clause's start, or after the count before (开展执法检查4次、|专题调研53次)."""
        start = clause_start(s, end)
        prev = self.previous_quantity(s, qs)
        return min(prev[1], end) if prev and prev[1] > start else start

    def _label_before(self, s: str, qs: int) -> Span | None:
        """The label of a figure printed after it and a colon (`▶已解决或采纳:|131件`), from the
        clause's start, or the end of the figure before (`100%|见面沟通率:97.1%`), to the colon."""
        if s[qs - 1:qs] != ":":
            return None
        start = self._words_start(s, qs - 1, qs)
        while start < qs - 1 and s[start] in _LABEL_MARKS:
            start += 1
        label = s[start:qs - 1]
        return (start, qs - 1) if 2 <= len(label) <= _LABEL_MAX and _HAN_RUN.fullmatch(label) else None

    def _past_classified_noun(self, s: str, qs: int, left: PhraseBefore) -> PhraseBefore:
        """全村14个村民小组|436户1680人: the noun after 个 is the count before's; this count,
        and those after it, count the subject before that count."""
        if left.kind != "noun" or left.item is None:
            return left
        prev = self.previous_quantity(s, qs)
        if prev is None or s[prev[1] - 1] != _CLASSIFIER or left.item[0] != prev[1] or self.read(s, *prev).item != left.item:
            return left
        subject = self.phrase_before(s, prev[0])  # 全村|14个, 全村|辖|8个
        item = subject.item
        if item and subject.final_verb and subject.final_verb[0] > item[0] and subject.final_verb[1] == item[1]:
            item = (item[0], subject.final_verb[0])  # 全村|辖|8个: the verb the noun phrase ends on is no part of it
        if item and (subject.kind == "noun" or subject.kind == "object" and item[1] <= subject.action[0]):
            return replace(left, item=item)
        return left

    def _read_from_level(self, s: str, qs: int, qe: int, left: PhraseBefore, from_at: int) -> CountReading:
        """审批环节由平均9个压缩至3个: the words before 由 are the subject whose measure
        changes, not a verb and its object (审批 is tagged a verb); the words before 至 are
        the action. The level reached (压缩至3个) counts the same subject (see `_read`)."""
        toks = self.grammar.strip_framing(self.grammar.tokens(s, left.start, from_at))  # 全区|稻渔…面积由…
        while toks and (toks[-1].tag in ("d", "ad") or toks[-1].text in self.adverbs):
            toks = toks[:-1]  # 普及率|将|由…: the adverb is the change's
        k = len(toks)
        while k and toks[k - 1].text not in self.grammar.known_verbs and toks[k - 1].text not in self.grammar.coverbs \
                and toks[k - 1].tag not in ("p", "d", "c", "x", "t"):  # nor a time: 到年底|农村自来水普及率
            k -= 1
        item = (toks[k].start, toks[-1].end) if k < len(toks) else None
        action = _TO_LEVEL.match(s, qe).span("verb")  # the verb before 至: 压缩, 精简 (tagged an adjective)
        return CountReading(item, action, item[0] if item else qs, action[1], left.markers)

    def _by_means(self, s: str, qs: int) -> bool:
        """Whether the count at `qs` follows the coverb 以 of its clause's manner (以24票赞成,
        以46票当选): what it counts is said after it, if anywhere."""
        if s[qs - 1:qs] != "以":
            return False
        before = self.grammar.tokens(s, max(0, qs - 3), qs)
        return bool(before) and before[-1].text == "以"

    def respective_place(self, s: str, qs: int) -> tuple[int, int, int] | None:
        """(k, size, first): the count at `qs` is the k-th of a run of `size` numbers after 分别
        (分别提高1.2个和0.9个百分点), the run's first being the `first`-th quantity of `s`."""
        spans = self.quantities(s)
        i = next((k for k, q in enumerate(spans) if q[0] == qs), None)
        if i is None:
            return None
        first = i
        while first > 0 and s[spans[first - 1][1]:spans[first][0]] in _LIST_LINKS:
            first -= 1
        if _RESPECTIVELY not in s[clause_start(s, spans[first][0]):spans[first][0]]:
            return None
        last = i
        while last + 1 < len(spans) and s[spans[last][1]:spans[last + 1][0]] in _LIST_LINKS:
            last += 1
        size = last - first + 1
        return (i - first, size, first) if size >= 2 else None

    def _respective_item(self, s: str, qs: int) -> Span | None:
        """满意率95.6%,解决率94.1%,分别提高1.2个和0.9个百分点: the k-th number of a run after
        分别 says something of the k-th of as many counts right before the run."""
        place = self.respective_place(s, qs)
        if place is None:
            return None
        k, size, first = place
        if first < size:
            return None
        return self.read(s, *self.quantities(s)[first - size + k]).item

    def _listed_after_count(self, s: str, start: int) -> bool:
        """Whether the phrase at `start` follows a count and a list mark: 门店37家、|员工."""
        prev = self.previous_quantity(s, start)
        return start > 0 and s[start - 1] == "、" and prev is not None and prev[1] == start - 1

    def _whole_named(self, s: str, qs: int) -> Span | None:
        """What 其中 refers to, the subject of the clause before it: 立案提案已全部办复,
        其中已经解决的|152件 gives 立案提案."""
        start = clause_start(s, qs)
        if not s.startswith("其中", start) or start < 2:
            return None
        toks = self.grammar.strip_framing(self.grammar.tokens(s, clause_start(s, start - 1), start - 1))
        # The subject is what stands before the adverb (已, 均): jieba's tags do not find it
        # (立案 is a verb of the lexicons, 提案 is tagged a verb).
        j = next((k for k, t in enumerate(toks) if t.tag == "d"), 0)
        if 0 < j <= 4 and not self._is_agent(toks[:j]):
            return toks[0].start, toks[j - 1].end
        return None

    def _is_predicate(self, toks: list[Word]) -> bool:
        """Whether the words after a unit are a verb and its object (转为|意见建议), not a
        noun jieba tags a verb (3件|提案) or one that a verb opens (6家|承办|单位)."""
        return (len(toks) > 1 and toks[0].tag in VERB_TAGS and toks[0].text not in _DESCRIBING_VERBS
                and self.grammar.is_noun(toks[1]) and not self.agent_end.search(toks[1].text))

    def shared_item(self, s: str, qs: int, quantity: Quantity | None) -> Span | None:
        """The item of the count before `qs` in the sentence if it counts in the same unit
        (人, 名 and 位 are one) as `quantity`, the count's own, as `_read` parsed it:
        应到委员35人,实到33人 gives 33人 the item 委员; 立案提案142件,已办复138件 gives 提案."""
        prev = self.previous_quantity(s, qs)
        if prev is None:
            return None
        prev_quantity = parse_quantity(s[prev[0]:prev[1]])
        if quantity is None or prev_quantity is None:
            return None
        unit, prev_unit = quantity.unit, prev_quantity.unit
        if unit != prev_unit and not (unit in _PERSONS and prev_unit in _PERSONS):
            return None  # 43名居民代表中39人: 名 and 人 count the same people
        first = self.read(s, *prev)
        if first.item is not None and first.item == first.action:
            return None  # 任命44人次、免职26人次: the count before counts its own act, which is not shared
        return first.item

    def _is_act(self, s: str, item: Span) -> bool:
        """Whether `item` is one verb (整治, 纠正; 调研 tagged vn), not a noun phrase."""
        words = self.grammar.tokens(s, *item)
        return len(words) == 1 and (self.grammar.is_verb(words[0]) or words[0].tag == "vn")

    def shared_action(self, s: str, qs: int) -> Span | None:
        """The action of a list of counts: 开展执法检查4次、专题调研53次 gives 53次 开展."""
        prev = self.previous_quantity(s, qs)
        if prev is None:
            return None
        first = self.read(s, *prev)
        between = s[max(prev[1], first.end):qs]  # after 7个小区 in 7个小区、12个商铺
        if between and not between.startswith("、") or any(c in CLAUSE_MARKS for c in between):
            return None  # 447户1100多名 and 4次、专题调研53次 share; 9件,作出决议6项 do not
        return first.action


# --- the record -----------------------------------------------------------------------------

_READERS: dict[int, tuple[RuleSet, CountReader]] = {}


def reader_for(ruleset: RuleSet) -> CountReader:
    """The CountReader of `ruleset`, made once: `reader_for(load_rules())`."""
    entry = _READERS.get(id(ruleset))
    if entry is None or entry[0] is not ruleset:
        entry = (ruleset, CountReader(ruleset))
        _READERS[id(ruleset)] = entry
    return entry[1]


def build_count(match: Match, ctx: Context) -> list[Count]:
    """The count record of a match of a count rule, or none if its number is part of a name:
    a match of 244件 in 办理代表议案建议244件 gives value 244, unit 件, item 代表议案建议,
    action 办理."""
    text = ctx.atext.text
    q_start, q_end = match.groups["quantity"]
    o_start, o_end = ctx.atext.span(q_start, q_end)
    if _ROW_NUMBER.match(ctx.original, o_start, o_end) and (o_start == 0 or ctx.original[o_start - 1] == "\n") \
            and ctx.original.count("\t", o_start, line_end(ctx.original, o_start)) >= 2:
        return []  # 2⇥起　航⇥男…: a table's row number and the next cell, folded together (a row has three cells or more)
    s_start, s_end = ctx.sentence_of(q_start)
    sentence = text[s_start:s_end]
    qs, qe = q_start - s_start, q_end - s_start
    reader = reader_for(ctx.ruleset)
    if reader.is_in_name(sentence, qs, qe):
        return []
    reading = reader.read(sentence, qs, qe)
    quantity = parse_quantity(reading.markers + sentence[qs:qe])
    if quantity is None:
        return []
    if quantity.unit == "个" and _SHARED_POINTS.match(sentence, qe):
        quantity = replace(quantity, unit="百分点")  # 提高1.2个|和0.9个百分点: the unit is said once, for both
    item = match.group(text, "item") or _cell_item(ctx, s_start, sentence, qs) or _text_of(sentence, reading.item)
    if item is None and reading.elided_unit:
        item = _item_named_before(ctx, reader, s_start, reading.elided_unit)
    elif reading.item and reading.item == reading.action and quantity.unit in _THING_UNITS:
        # 计划改造老旧小区52个…。截至5月20日,已开工19个: an act counted in things counts the
        # things named before in that unit
        item = _item_named_before(ctx, reader, s_start, quantity.unit) or item
    said = _text_of(sentence, reading.clause)
    if said and (item is None or item not in said):
        # 收到建议132件,其中已办结的|118件: 已办结的建议; with no noun named, the clause alone
        # (所提问题已经解决的|236件) says which are counted
        item = said + (item or "")
    if item and (referred := ctx.ruleset.regex(_REFERRED_WORKS).match(item)):
        named = _works_named_before(ctx, s_start + (reading.item[0] if reading.item else qs), referred["head"])
        item = named + item[referred.end():] if named else item  # 该工程|总投资 -> 农村供水保障工程|总投资
    if item and any(link in item for link in _PAIR_LINKS) and _RESPECTIVELY in sentence:
        place = reader.respective_place(sentence, qs)
        if place and place[1] == 2:
            item = _one_of_pair(item, place[0])
    action = match.group(text, "action") or _text_of(sentence, reading.action)
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


def _cell_item(ctx: Context, s_start: int, sentence: str, qs: int) -> str | None:
    """For a number in a cell of a table drawn with `|` (`|03|城区…工程|172|96.6%|1|…`): its
    column's header, and the row's name in brackets (`得票率(城区…工程)`); under no header
    row, the row's label (`委员满意率|88.5%|较去年…`). None where the sentence is no row."""
    if sentence.count(CELL_MARK) < _ROW_CELLS:
        return None
    cells = sentence.split(CELL_MARK)
    column = sentence.count(CELL_MARK, 0, qs)
    if _GLOSS_IN_CELL.search(sentence, sentence.rfind(CELL_MARK, 0, qs) + 1, qs):
        return None  # the words it glosses say what it counts, not the column
    name = next((cell for cell in cells[:column] if len(cell) >= 2 and _HAN_RUN.match(cell) and not _DIGIT.search(cell)), None)
    atext = ctx.atext
    k = atext.sentence_index(s_start)
    for j in range(k - 1, max(k - 1 - _HEADER_REACH, -1), -1):
        start, end = atext.sentence_bounds(j)
        row = atext.text[start:end].split(CELL_MARK)
        if len(row) == len(cells) and row[column] and not any(_DIGIT.search(cell) for cell in row):
            # (a row with the column's cell empty is the row above it wrapped: `||程||||`)
            return f"{row[column]}({name})" if name else row[column]
    return name


def _works_named_before(ctx: Context, pos: int, head: str) -> str | None:
    """The works of kind `head` (工程, 项目) the article names last before folded `pos`,
    as the object of a visit or of building it (视察农村供水保障工程建设情况)."""
    named = None
    for m in ctx.ruleset.regex(_NAMED_WORKS).finditer(ctx.atext.text, 0, pos):
        if m["name"].endswith(head):
            named = m["name"]
    return named


def _one_of_pair(item: str, k: int) -> str:
    """For the `k`-th of two numbers after 分别 (分别达到41260元和19870元), the part of a
    paired item it is of: 城镇和农村居民人均可支配收入 (or 城镇、农村…) gives 城镇居民人均… for
    the first and 农村居民人均… for the second. The head the two share opens on a word of
    `_SHARED_HEADS`; two parts with no such head are each an item (茶产业和乡村旅游)."""
    link = next((mark for mark in _PAIR_LINKS if item.count(mark) == 1), None)
    if link is None:
        return item
    first, rest = item.split(link)
    if len(first) < 2 or len(rest) < 2:
        return item
    # where the shared head starts: as far into the second part as the first is long, or
    # else at the first word that opens such a head (城镇和农村牧区|常住居民…)
    cut = len(first) if rest.startswith(_SHARED_HEADS, len(first)) else next(
        (i for i in range(1, len(rest) - 1) if rest.startswith(_SHARED_HEADS, i)), None)
    if cut is None:
        return first if k == 0 else rest  # 涉及茶产业和乡村旅游的|分别为27件和19件: two things, no shared head
    return first + rest[cut:] if k == 0 else rest


# How many sentences back a count whose noun is left out looks for the count that names it.
_ELIDED_REACH = 3


_CATEGORY = ("类",)  # an item that names a kind of what is counted (经济建设类), not the thing


def _item_named_before(ctx: Context, reader: CountReader, s_start: int, unit: str | None) -> str | None:
    """The item of the last count in `unit` that has one, in the sentences before the one at
    folded `s_start`, within its paragraph: 468件立案提案已全部办复。…已经解决的301件 gives 立案提案."""
    atext = ctx.atext
    k = atext.sentence_index(s_start)
    paragraph = ctx.paragraph_of(s_start)
    for j in range(k - 1, max(k - 1 - _ELIDED_REACH, -1), -1):
        start, end = atext.sentence_bounds(j)
        if ctx.paragraph_of(start) != paragraph:
            break
        s = atext.text[start:end]
        for qs, qe in reversed(reader.quantities(s)):
            quantity = parse_quantity(s[qs:qe])
            if quantity is None or quantity.unit != unit or reader.is_in_name(s, qs, qe):
                continue
            reading = reader.read(s, qs, qe)
            # 已办复398件 counts the act, not a thing; 社会事业类94件 counts a kind of the thing (…类)
            if reading.item and reading.item != reading.action and not s.endswith(_CATEGORY, *reading.item):
                return s[reading.item[0]:reading.item[1]]
            if reading.item is None and reading.elided_unit == unit:
                # 已解决的97件;正在解决的46件: the count before leaves out the same noun
                return _item_named_before(ctx, reader, start, unit)
    return None


def _text_of(sentence: str, where: Span | None) -> str | None:
    return sentence[where[0]:where[1]] if where else None
