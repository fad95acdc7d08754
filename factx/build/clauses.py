"""The words of a clause: where it begins and ends, its words, which of them are verbs and
nouns, its governing verb and the noun phrase it ends with.

A builder that reads what surrounds a match (the count builder: the phrase before a number
and the words after its unit) asks jieba for the words of a short window only, then mends
what jieba does to this genre's text:

- quoted names, titles and short glosses are one word each: “政协+法院”, 《…》, 工作站(室);
- words of the lexicons that jieba cuts in two are joined again (制定+修改, 高+达), and a
  light verb it glues to its object is split off (开展调研 -> 开展|调研);
- a run of single content characters is one unknown word (市|卫|健|委 -> 市卫健委);
- a verb before a measure noun is part of the noun (点击+量, 参加+人数).

jieba tags many nouns of this genre as verbs (预算, 收入, 提案), so only the verbs of the
lexicons split a phrase; a word merely tagged a verb does not. `ClauseGrammar` holds those
lexicons; the functions on character offsets need none.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from factx.patterns import compile_pattern
from factx.words import words

Span = tuple[int, int]

# Where a clause ends. '、' is not one: it joins co-ordinated items (市委、市政府主要领导批示).
CLAUSE_MARKS = frozenset(",;:。!?()…\n|")  # (| parts the cells of a table drawn with it)
OPENER_OF = {"”": "“", "》": "《", "’": "‘", "」": "「", "』": "『"}
CLOSER_OF = {v: k for k, v in OPENER_OF.items()}
# Quoted names, titles and short glosses are one word each: “政协+法院”, 《…》, (室).
_PROTECTED = compile_pattern(r"“[^“”\n]{1,30}”|《[^《》\n]{1,60}》|‘[^‘’\n]{1,30}’|「[^「」\n]{1,30}」|\([^()\n]{1,3}\)")
VERB_TAGS = frozenset({"v", "vd", "vi", "vg"})
_NOUN_TAGS = frozenset({"vn", "an", "j", "l", "i", "b", "eng", "nz", "g", "quote"})
MODIFIER_TAGS = frozenset({"r", "a", "b", "s"})  # may open an item: 各级, 主要, 年轻, 党内
_FUNCTION_TAGS = frozenset({"d", "p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "x", "m", "q", "f"})
# Tags of the words that may open a phrase before what it is about: time, conjunction,
# numeral, adverb, punctuation, particles (strip_framing).
_OPENING_TAGS = frozenset({"t", "c", "m", "d", "x", "ul", "uj", "link"})
_ADVERB_TAGS = frozenset({"d", "t"})  # adverbs (已) and time words (jieba tags 正在 one)
# A verb and one of these make a noun: 点击量, 完成率, 参加人数.
_MEASURE_SUFFIXES = frozenset("量率数额值比度")
# Verbs whose object is a figure reached (实现|产值, 完成|产值): no measure noun after them
# joins them into one noun, as 参加|人数 does.
_ACHIEVING = frozenset({"实现", "完成", "创造", "取得"})
# Words of comparison (收入|同比|增长): they end like a measure noun (比) but make none.
_NUMERAL_CHAR = compile_pattern(r"[\d零〇一二两三四五六七八九十百千万亿几数半多余些]")
COMPARISON_WORDS = frozenset({"较", "比", "相比", "同比", "环比", "较之"})
# Characters that stand alone as function words, never inside an unknown word.
_FUNCTION_CHARS = frozenset("的了和与及或等在被把将对向从为以于由达约近超逾共均已也都还又再并即每各其该本")
# Distinct windows whose words a grammar keeps (about 1.2 KB each). Windows repeat within a
# page, rarely across pages, so a few thousand keep the hits; 65,536 held 75 MB.
_TOKEN_CACHE_SIZE = 4_096


class Word(NamedTuple):
    """A word of a clause: its text, its part of speech, its offsets in the sentence.
    A named tuple, not a frozen dataclass: as immutable (the token cache hands the same words
    out again) and three times cheaper to build, and clauses build tens of thousands."""

    text: str
    tag: str
    start: int
    end: int


def span(word: Word) -> Span:
    """The offsets of `word`: `span(Word("调研", "vn", 3, 5))` is `(3, 5)`."""
    return word.start, word.end


# --- where a clause begins and ends -------------------------------------------------------

def clause_start(s: str, pos: int) -> int:
    """Start of the clause holding `pos`, skipping quoted and titled stretches.

    >>> clause_start("一年来,召开“两会,一节”座谈会3次", 16)
    4
    """
    i = pos - 1
    while i >= 0:
        c = s[i]
        if c in OPENER_OF:
            opener = s.rfind(OPENER_OF[c], 0, i)
            if opener >= 0:
                i = opener - 1
                continue
        if c == ")":
            opener = s.rfind("(", max(0, i - 4), i)
            if opener >= 0:
                i = opener - 1  # 委员工作站(室)
                continue
        if c in CLAUSE_MARKS or c in CLOSER_OF:
            return i + 1
        i -= 1
    return 0


def clause_end(s: str, pos: int) -> int:
    """End of the clause holding `pos`, skipping quoted and titled stretches.

    >>> clause_end("打造259个委员工作站(室),覆盖全市", 6)
    14
    """
    i = pos
    while i < len(s):
        c = s[i]
        if c in CLOSER_OF:
            close = s.find(CLOSER_OF[c], i + 1)
            if close >= 0:
                i = close + 1
                continue
        if c == "(":
            close = s.find(")", i + 1, i + 5)
            if close >= 0:
                i = close + 1
                continue
        if c in CLAUSE_MARKS or c in OPENER_OF:
            return i
        i += 1
    return len(s)


def window_start(s: str, start: int, end: int, size: int) -> int:
    """`start`, or later if [start, end) is longer than `size`, but never inside quotes.

    >>> window_start("全市各级各部门认真办理代表议案建议", 0, 17, 8)
    9
    >>> window_start("召开“政协+法院”季度分析会", 0, 14, 10)
    9
    """
    if end - start <= size:
        return start
    cut = end - size
    for i in range(cut, end):
        if s[i] in OPENER_OF:
            return i + 1  # the cut fell inside “…”: start after it
        if s[i] in CLOSER_OF:
            break
    return cut


def split_outside(s: str, start: int, end: int, sep: str) -> list[Span]:
    """[start, end) cut at `sep` where it is not inside quotes or a title.

    >>> split_outside("开展“访、评”活动、调研", 0, 12, "、")
    [(0, 9), (10, 12)]
    """
    parts: list[Span] = []
    depth = 0
    begin = start
    for i in range(start, end):
        c = s[i]
        if c in CLOSER_OF:
            depth += 1
        elif c in OPENER_OF and depth:
            depth -= 1
        elif c == sep and not depth:
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return parts


# --- the words of a clause ----------------------------------------------------------------

# The directional complement that closes a verb of giving or moving (送去, 运来, 送上).
_DIRECTIONS = frozenset("去来上")


class ClauseGrammar:
    """A clause's words and their roles, read with a rule pack's verb lexicons.

    `verbs` govern what follows them (办理, 制定修改); `light_verbs` take an activity as their
    object (开展, 进行); `pivots` take a person and then another verb (推动); `coverbs` open
    a phrase before the verb (向, 围绕), `means` the coverbs of how (通过, 借助); `framing` words stand outside a noun phrase (共,
    累计); `links` are the words jieba cuts in two that must stay whole (高+达).
    """

    def __init__(self, verbs: frozenset[str], light_verbs: frozenset[str], pivots: frozenset[str],
                 coverbs: frozenset[str], framing: frozenset[str], links: frozenset[str],
                 means: frozenset[str] = frozenset()):
        self.verbs = verbs
        self.light = light_verbs
        self.pivots = pivots
        self.coverbs = coverbs | means
        self.means = means
        self.framing = framing
        self.known_verbs = verbs | light_verbs | pivots
        # Words jieba cuts in two that the reading needs whole: 制定+修改, 高+达, 约+有.
        self.compounds = {w: "v" for w in verbs if len(w) > 1}
        self.compounds.update({w: "link" for w in links if len(w) > 1 and w not in verbs})
        self.compound_prefixes = {w[:k] for w in self.compounds for k in range(1, len(w))}

    def is_verb(self, t: Word) -> bool:
        """Tagged a verb (解决 v) or a verb of the lexicons (办理); 调研 tagged vn is not."""
        return t.tag in VERB_TAGS or t.text in self.known_verbs

    def is_framing_verb(self, t: Word) -> bool:
        """A framing word tagged a verb (共有): it opens a predicate, 64个行政村|共有|群众…."""
        return t.text in self.framing and t.tag in VERB_TAGS

    def is_noun(self, t: Word) -> bool:
        """Tagged a noun (提案 n, 调研 vn, 市政协 j, a quote) and not a verb of the lexicons."""
        if t.text in self.known_verbs:
            return False
        return t.tag.startswith("n") or t.tag in _NOUN_TAGS

    def tokens(self, s: str, start: int, end: int) -> list[Word]:
        """jieba's words of s[start:end] with sentence offsets; quotes and titles are one word:
        the words of `召开“政协+法院”季度工作分析会` are 召开|“政协+法院”|季度|工作|分析|会."""
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
        return join_unknown(self._merge_compounds(self._split_light_verbs(out)))

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
        """Adjacent words that make one entry of the verbs (制定+修改) or of the link
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

    def join_measure_nouns(self, toks: list[Word]) -> list[Word]:
        """Words that make one noun are joined into it: 点击|量 -> 点击量, 总|投资 -> 总投资,
        经济建设|类 -> 经济建设类 (see `_makes_noun`)."""
        out: list[Word] = []
        for t in toks:
            if out and self._makes_noun(out[-1], t):
                prev = out.pop()
                t = Word(prev.text + t.text, "n", prev.start, t.end)
            out.append(t)
        return out

    def _makes_noun(self, prev: Word, t: Word) -> bool:
        """Whether `prev` and the word `t` after it are one noun."""
        if prev.text == "总" and self.is_verb(t):
            return True  # 总投资, 总支出
        if len(t.text) == 1 and len(prev.text) > 1:
            if t.tag in ("q", "m") and not _NUMERAL_CHAR.match(t.text) and (self.is_noun(prev) or self.is_verb(prev)) \
                    and not (prev.text in self.known_verbs and prev.text[-1] in _DIRECTIONS):
                # a classifier glued to a noun with no number before it: 经济建设|类, 供水管|道,
                # 安置|点; not to a verb that moves something somewhere (送去|米、面、油)
                return True
            if t.text in _MEASURE_SUFFIXES and prev.tag in ("d", "a", "ad"):
                return True  # 同意|率 (jieba tags 同意 an adverb here), 满意|度
        # a verb before a measure noun: 点击|量, 完成|率, 参加|人数
        return self.is_verb(prev) and (len(t.text) == 1 and t.text in _MEASURE_SUFFIXES
                                       or len(t.text) == 2 and t.text[-1] in _MEASURE_SUFFIXES and not self.is_verb(t)
                                       and t.text not in COMPARISON_WORDS and prev.text not in _ACHIEVING
                                       and prev.text not in self.light)  # 开展|全量监测: a light verb's object

    # --- the verb and the noun phrase of a run of words ---------------------------------

    def strip_framing(self, toks: list[Word], keep_adverbs: bool = False) -> list[Word]:
        """The words after the framing, time, conjunction, numeral and adverb words that open
        a phrase: 全年|共|受理信访件 -> 受理信访件 (with `keep_adverbs`, adverbs and time words stay:
        其中|已办结的 -> 已办结的)."""
        kept = _ADVERB_TAGS if keep_adverbs else frozenset()
        i = 0
        while i < len(toks) and toks[i].tag not in kept and (toks[i].text in self.framing or toks[i].tag in _OPENING_TAGS):
            i += 1
        return toks[i:]

    @staticmethod
    def split_copula(toks: list[Word]) -> list[Word]:
        """补贴标准为销售价格的: the item is what stands before 为/是/占 (补贴标准)."""
        if toks[-1].text == "的":
            for i, t in enumerate(toks):
                if t.text in ("为", "是", "占") and i > 0:
                    return toks[:i]
        return toks

    def governing_verb(self, toks: list[Word]) -> int | None:
        """Index of the verb of the phrase: the first verb of the lexicons, else a verb that
        opens the phrase (or follows a coverb phrase): 向自治区政协|报送|社情民意信息 gives 报送.
        jieba tags many nouns of this genre as verbs (预算, 收入, 率), so a word it calls a
        verb inside a noun phrase does not split it: 一般公共预算收入, 城镇登记失业率."""
        known: list[int] = []
        opening: int | None = None
        i = 0
        initial = True
        while i < len(toks):
            t = toks[i]
            if t.text in self.coverbs or t.tag == "p":
                i = self.coverb_phrase_end(toks, i + 1, t.text in self.means)  # 向自治区政协|报送
                initial = True
                continue
            if t.text in self.known_verbs:
                known.append(i)
            elif initial and opening is None and self.is_verb(t) and not self.is_noun(t):
                opening = i
            # A framing word (not a time) or an adverb of two characters after the subject
            # opens the predicate: 消防救援队伍|共|接处|燃气泄漏类警情, 生态护林员|累计|巡护.
            # jieba cuts one-character adverbs out of nouns (犬|只, 户|均).
            initial = t.text in self.framing and t.tag != "t" or t.tag == "d" and len(t.text) > 1
            i += 1
        if not known:
            return opening
        chosen = known[0]
        for later in known[1:]:
            if toks[chosen].text in self.pivots and later + 1 < len(toks):
                chosen = later  # 推动市卫健委|培训|基层医疗机构医务人员
        return chosen

    def coverb_phrase_end(self, toks: list[Word], i: int, means: bool = False) -> int:
        """Where a phrase opened by a coverb at `i - 1` ends: at the next verb of the lexicons
        (jieba tags nouns such as 提案 as verbs), else at the next word tagged a verb:
        向|自治区政协|报送 ends at 报送. A coverb of means names its way by examples and their
        kind, and ends after the kind: 通过|社会捐赠等渠道|再筹集 (捐赠 is an example)."""
        if means:
            for k in range(i, len(toks) - 1):
                if toks[k].text == "等" and self.is_noun(toks[k + 1]):
                    end = k + 1
                    while end < len(toks) and self.is_noun(toks[end]):
                        end += 1
                    return end
        for k in range(i, len(toks)):
            if toks[k].text in self.known_verbs or toks[k].text in self.means:
                return k  # 将|通过…: the coverb of means opens a phrase of its own
        for k in range(i, len(toks)):
            if self.is_verb(toks[k]) and toks[k].text not in self.coverbs:
                return k
        return len(toks)

    def final_verb(self, toks: list[Word]) -> Span | None:
        """The verb that ends a run of words (形成|, 召开|); of several (成功化解涉|), the last
        one of the lexicons (化解)."""
        run: list[Word] = []
        for t in reversed(toks):
            if not self.is_verb(t) or self.is_noun(t):
                break
            run.insert(0, t)
        for t in reversed(run):
            if t.text in self.known_verbs:
                return span(t)
        return span(run[-1]) if run else None

    def noun_phrase(self, toks: list[Word]) -> Span | None:
        """The noun phrase a run of words ends with: after the last 的 or classifier, without
        leading particles: 年满60周岁以上|老人 gives 老人."""
        after_de = False
        for i in range(len(toks) - 1, -1, -1):
            if toks[i].text == "的" or toks[i].tag == "q" or toks[i].tag == "m" and i + 1 < len(toks) and toks[i + 1].tag in ("m", "q"):
                after_de = toks[i].text == "的"
                toks = toks[i + 1:]  # 年满60周岁以上|老人: what is counted follows a number
                break
        while toks and (toks[0].text in self.coverbs or toks[0].text in self.framing or toks[0].tag in _FUNCTION_TAGS):
            toks = toks[1:]  # 建立|涵盖|办文办会办事等: an "including" verb is not part of the item
        if not any(self.is_noun(t) for t in toks):
            # After 的 stands a noun whatever jieba's tag (提交的|提案, 提案 tagged v),
            # unless it is a verb of the lexicons.
            if not (after_de and toks and toks[-1].text not in self.known_verbs):
                return None
        return toks[0].start, toks[-1].end

    def continues_noun_phrase(self, toks: list[Word], j: int, i: int) -> bool:
        """Whether word `j` continues the noun phrase that opens at word `i`: in
        各级|人大代表|参加, 人大代表 does and 参加 does not."""
        t = toks[j]
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if j == i:
            return True
        if t.text in self.known_verbs:
            return False
        if self.is_framing_verb(t):
            return False
        if t.text in self.framing:  # 4个在职党支部|全部获评, 312件建议|已全部办结, but 部分全国、自治区人大代表
            return nxt is not None and (self.is_noun(nxt) and nxt.text not in self.framing or nxt.text == "、")
        if self.is_noun(t) or t.tag in ("paren", "t"):
            return True  # 单身青年 (青年 is tagged t)
        if t.text in ("之", "、", "和", "及", "与") or t.tag == "c":
            return nxt is not None and (self.is_noun(nxt) or nxt.tag == "q")  # 人大代表之家, 单位和部门
        if t.tag == "q" and toks[j - 1].text == "之":
            return True
        if t.tag in MODIFIER_TAGS and nxt is not None and self.is_noun(nxt):
            return True  # 各级人大代表, 年轻干部
        # A word tagged a verb at the end of the item is a noun: 季度工作分析会 (会 is tagged v)
        return t.tag in VERB_TAGS and (nxt is None or nxt.tag == "x" or nxt.text in self.known_verbs)

    def verb_after(self, toks: list[Word], start: int) -> Span | None:
        """The verb that a subject ending before word `start` governs: the first one past
        light verbs and coverbs, past 被 the last one; none past 的, 、 or punctuation.
        40多件|民生实事|得到|有效|解决 gives 得到."""
        verb = None
        passive = False
        for k in range(start, len(toks)):
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
        return verb


def join_unknown(toks: list[Word]) -> list[Word]:
    """A run of single content characters is one unknown word: jieba cuts words missing from
    its dictionary into characters where its HMM does not join them (市|卫|健|委 -> 市卫健委)."""
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


def split_glued_link(toks: list[Word]) -> list[Word]:
    """纠错率为 comes as 纠错|率为: split the link off a measure noun (纠错|率|为)."""
    if toks and len(toks[-1].text) >= 2 and toks[-1].text[-1] in "为达是占" and toks[-1].text[-2] in _MEASURE_SUFFIXES:
        t = toks[-1]
        return toks[:-1] + [Word(t.text[:-1], "n", t.start, t.end - 1), Word(t.text[-1], "v", t.end - 1, t.end)]
    return toks
