"""Person names in Chinese news text: where a name written next to an office starts and ends.

No regex can tell `孙建华调研` from `孙建华`, so names are read here, character by
character, with jieba's words and the rule pack's lexicons. A name is a surname (lexicon
`surnames`, compound ones too) and one or two more characters, or a run of parts of
Mongolian, Tibetan and Uyghur names (lexicon `ethnic_names`: 乌兰|巴特尔), which jieba does
not join into an ordinary word (`满意`, `来自人民`), and which is followed by a word that can
follow a name: a verb, a preposition, a particle, punctuation, or an entry of `after_name`
(`调研`, `在`, `同志`, `一行`).

`read_name` reads one name forward from where it starts, `read_names` a list joined by 、,
`read_name_before` one name back from where it ends (`习近平总书记`), `read_names_before` a
list read back (`王芳、刘丽当选为…`), `read_name_list` an exact list (`张三、李四`) that must
be names from end to end. `plausibility` says how much
a string looks like a name rather than a word. The caller says where a name may stand (after
an office title, before one); these functions only read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factx.patterns import compile_pattern
from factx.words import MORPHEME_TAGS, frequency, words

__all__ = [
    "MAX_NAME", "NAME", "NO", "WORD", "NameLexicons",
    "plausibility", "read_name", "read_name_before", "read_name_list", "read_names", "read_names_before",
    "SEATS", "slot_name",
]

MAX_NAME = 8        # characters of the longest name read (Mongolian names run long)
NO, WORD, NAME = 0, 1, 2  # how plausible a name is: not at all, a word also used as a name, a name
# A plain noun rarer than COMMON_WORD can still be a name (回力), a more frequent one
# cannot (项目). jieba's dictionary tags many ordinary words as persons (文明, 张口, 时髦),
# so a two-character "person" must be rarer than PERSON_PAIR; longer ones (王兆国) are
# nearly always names, up to PERSON_WORD.
COMMON_WORD = 100
PERSON_PAIR = 200
PERSON_WORD = 1000
# A word after a name rarer than this may hold the name's last character (刀志明说: 明说).
GLUED_WORD = 1000
NAME_DOT = "·•・"
# A name whose parts are joined by a middle dot (艾力江·吐尔洪): Uyghur, Kazakh and foreign
# names written in Han characters, read whole whatever the parts, which no lexicon can list.
_DOTTED_PART = 6  # characters of the longest part read (阿不都热合曼)
_DOTTED_HEAD = compile_pattern(rf"(?:\p{{Han}}{{2,{_DOTTED_PART}}}[{NAME_DOT}])+")
_DOTTED_NAME = compile_pattern(rf"\p{{Han}}{{2,{_DOTTED_PART}}}(?:[{NAME_DOT}]\p{{Han}}{{2,{_DOTTED_PART}}})+")
_DOTTED_FIRST = compile_pattern(r"\p{Han}+")  # the part before the first dot
_COMRADE = "同志"  # a form of address that may follow a name in a list (任命张三同志为…)
# jieba tags that a name's own words never carry (prepositions, conjunctions, particles,
# pronouns, numerals, measure words, localisers, modal particles, punctuation).
_NOT_IN_NAME = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "m", "q", "f", "y", "e", "o", "x", "w"})
_GIVEN_CHARACTER_TAGS = frozenset({"q", "m", "f"})  # what a given name's character may read as alone (峰 q)
# jieba's tags of a character it knows only as a bound morpheme (禚 yg): as a surname, no word of the text
_BOUND_MORPHEME = MORPHEME_TAGS | {"yg"}
_ASPECT_TAGS = frozenset({"uz", "ug", "ul"})  # 着, 过, 了 alone
# Surnames far rarer than the prepositions they spell; before another surname they are those
# prepositions (由续主席执笔, 把王主任请来).
_PREPOSITION_SURNAMES = frozenset("由把被将从在对自")
_FUNCTION_WORD = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv"})
# jieba tags of a word that can follow a name: verbs, idioms and set phrases (mostly
# predicates: 挨家挨户, 出席会议), prepositions, conjunctions, particles, adverbs,
# pronouns, times, punctuation.
_AFTER_NAME_TAGS = frozenset({"v", "vd", "vi", "vn", "vg", "i", "l", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "ad", "r", "t", "y", "x", "w"})
_VERB_TAGS = frozenset({"v", "vg", "vi", "vq", "vn", "vd"})
_WORD_NAME_TAGS = frozenset({"a", "m", "n", "ns"})  # words that may be names right after a title (_word_name)
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
_CONJUNCTIONS = frozenset("和与同及然")  # that are also given names' last characters (李正和, 缪昕然)
# function words that may stand before a person's name (县长向王芳了解…, 由李明主持): no surname right after a title
_PERSON_PREPOSITIONS = frozenset("向和同与及由于把对跟给为被让叫将从替或")
_HAN = compile_pattern(r"\p{Han}")
# A gloss in brackets after a name in a list: (女), (藏族), (女,藏族), (右二); OCR may have
# lost the closing bracket of the first kinds before the next list mark (尕藏拉毛(女,藏族、杨晓红).
NAME_GLOSS = compile_pattern(
    r"\((?:(?:女|男)(?:,\p{Han}{1,4}族)?|\p{Han}{1,4}族)(?:\)|(?=、))"
    r"|\((?:前排|后排)?(?:[左右][一二三四五六七八九十]|中)\)"  # a place in a photo: (右二), (前排左三)
)
# One item of a list of names: the name, a gloss in brackets maybe (蓝晓燕(女,畲族)), the 、 after it.
_LIST_ITEM = compile_pattern(r"(?P<piece>[^、(]*)(?:\([^()]*\))?(?:、|$)")
# A list mark, the end of a clause or a gloss in brackets (旦正加(藏族)): where a listed name surely ends.
_NAME_STOPS = frozenset("、,，;；。(（")
_CLAUSE_ENDS = frozenset(",，;；。")  # where a clause ends after a word right after a title
_QUOTE_ENDS = frozenset("”’」』》")  # a quote closing right after a title and a word: a thing's name
_SPEECH = ("介绍", "表示", "指出", "强调", "认为", "坦言", "建议", "回答", "答复", "汇报", "通报")  # a speaker's verbs
# Seats, said before a name (委员张三) or after it (张三代表), and of the members at large
# (委员来信, 委员关切,).
SEATS = ("委员", "代表")
# 就 + a topic (就…作说明), not the adverb (就是, 就要); 受…委托: a person is commissioned
_ON_TOPIC = compile_pattern(r"就(?![是要会能可在得有此这那])|受[^,;。]{1,20}?(?:委托|邀请|委派)")


@dataclass(frozen=True)
class NameLexicons:
    """The words a name is read with, from a rule pack (see `NameLexicons.of`)."""

    surnames: frozenset[str]
    ethnic: frozenset[str]
    not_names: frozenset[str]
    address_forms: frozenset[str]
    after_name: frozenset[str]
    org_suffixes: tuple[str, ...]
    after_name_at: Any  # compiled {lex:after_name}, longest entry first
    after_titled_word_at: Any  # compiled {lex:after_titled_word}
    longest_surname: int
    longest_ethnic: int
    ethnic_starts: frozenset[str]  # first characters of `ethnic`: most windows start with none
    ethnic_chars: frozenset[str]  # every character of `ethnic`: what transliterated names are written with

    @classmethod
    def of(cls, ruleset) -> "NameLexicons":
        """The name lexicons of `ruleset` (a `factx.rules.RuleSet`), read once per rule set;
        its user dictionaries are loaded into jieba first."""
        cached = _CACHE.get(id(ruleset))
        if cached is not None and cached[0] is ruleset:
            return cached[1]
        surnames, ethnic = ruleset.lexicon("surnames"), ruleset.lexicon("ethnic_names")
        lex = cls(
            surnames=surnames,
            ethnic=ethnic,
            not_names=ruleset.lexicon("not_names"),
            address_forms=ruleset.lexicon("address_forms"),
            after_name=ruleset.lexicon("after_name"),
            org_suffixes=tuple(ruleset.lexicon("org_suffixes")),
            after_name_at=ruleset.regex("{lex:after_name}"),
            after_titled_word_at=ruleset.regex("{lex:after_titled_word}"),
            longest_surname=max(map(len, surnames), default=1),
            longest_ethnic=max(map(len, ethnic), default=0),
            ethnic_starts=frozenset(part[0] for part in ethnic),
            ethnic_chars=frozenset("".join(ethnic)),
        )
        _CACHE[id(ruleset)] = (ruleset, lex)
        return lex


_CACHE: dict[int, tuple[object, NameLexicons]] = {}


def read_name(text: str, start: int, lex: NameLexicons, limit: int | None = None, titled: bool = False) -> int | None:
    """End of the name that starts at `start` (and ends by `limit`), or None.

    Lengths are tried shortest first (whole Mongolian names first), each checked for a
    plausible name and for a word that can follow a name; a name that is also a word
    (白云, 秦岭) needs a clear end after it (a verb, punctuation), unless it is `titled`:
    right after an office title a name is expected, and any word that may follow a name
    but an adverb will do (中队长宁波|和…, but 委员张口|就来).

    >>> from factx.rules import load_rules
    >>> lex = NameLexicons.of(load_rules())
    >>> text = "市政协主席孙建华调研呼鲁源"
    >>> text[5:read_name(text, 5, lex)]
    '孙建华'
    """
    limit = len(text) if limit is None else limit
    dotted = _dotted_name_end(text, start, limit, lex)
    if dotted is not None:
        return dotted
    listed = _ethnic_name_to_stop(text, start, limit, lex)
    if listed is not None:
        return listed
    window = text[start:min(limit, start + MAX_NAME + 4)]
    bounds: set[int] | None = None
    covered = _ethnic_cover(window, lex)
    lengths = _name_lengths(window, lex, covered)
    for length in lengths:
        if length > len(window):
            continue
        plausible = plausibility(window[:length], lex)
        if not plausible:
            if titled and length == 2 and _word_name(text, start, limit, lex):
                return start + 2
            if titled and length == 3 and _verb_given_name(text, start, limit, lex):
                return start + 3
            continue
        if bounds is None:  # the window's words, once a length is plausible (half the windows have none)
            bounds = _boundaries(window)
        # where the parts of a name `ethnic_names` lists end, the name may end, whatever words
        # jieba makes of a transliteration (日|火伍|沙用: 日火|伍沙)
        clear = _ends_name(text, start, start + length, limit, length in bounds or length in covered, lex)
        if titled and covered and length == covered[-1] >= 4 and not clear:
            clear = 1  # 主任洛桑坚参|进站…: two parts the lexicon lists, whole after a title, whatever jieba makes of what follows
        if clear >= 3 - plausible or (titled and clear == 1 and not _adverb_at(text, start + length, limit)):
            if length + 1 in lengths and _runs_on(text, start, start + length, limit, lex) and (
                    plausibility(window[:length + 1], lex) or window[length] in _CONJUNCTIONS):
                return start + length + 1  # 刀志明|说, not 刀志|明说; 李正和|主持 (jieba: 李正|和)
            if titled and length in covered and clear < 2 and (longer := _transliterated_end(text, start, limit, lex)) \
                    and all(ch in lex.ethnic_chars for ch in text[start + length:longer]):
                return max(longer, start + length)  # 娜布|其: the name goes on past the part that opens it
            return start + length
        if titled and length == 2 and _word_name(text, start, limit, lex):
            return start + 2  # 主任沙洲|就…: a word that could be a name, read as one where a word-name may be
    return _transliterated_end(text, start, limit, lex) if titled else None


_TRANSLITERATED = (3, 5)  # characters of a transliterated name no lexicon part covers whole


def _transliterated(name: str, lex: NameLexicons) -> bool:
    """Whether `name` reads as a Mongolian or Tibetan name no run of `ethnic_names` parts
    covers: all but one of its characters are characters those parts are written with, and
    jieba reads a transliteration in it (a word tagged nrt) or does not know it at all."""
    if not _TRANSLITERATED[0] <= len(name) <= _TRANSLITERATED[1] or name[0] not in lex.ethnic_chars:
        return False
    outside = sum(ch not in lex.ethnic_chars for ch in name)
    if outside > 1:
        return False
    read = words(name)
    if any(tag == "nrt" for _, tag in read) or (len(read) == 1 and frequency(name) == 0):
        return True
    # written with those characters only, and no common word among jieba's pieces (吉|格木|德)
    return not outside and all(len(word) == 1 or frequency(word) < COMMON_WORD for word, _ in read)


def _transliterated_end(text: str, start: int, limit: int, lex: NameLexicons) -> int | None:
    """End of a Mongolian or Tibetan name right after an office title that no run of
    `ethnic_names` parts covers (苏雅拉图, 那木斯来, 图布新), or None: three to five characters,
    all but one of them characters those parts are written with, that jieba reads as a
    transliteration (a word tagged nrt) or does not know at all, ending where a name can."""
    if text[start:start + 1] not in lex.ethnic_chars:
        return None
    low, high = _TRANSLITERATED
    longest, outside = 0, 0  # how far the characters go on, one of them outside the parts' at most
    for ch in text[start:min(limit, start + high)]:
        outside += ch not in lex.ethnic_chars
        if outside > 1 or not _HAN.match(ch):
            break
        longest += 1
    for length in range(longest, low - 1, -1):  # (most titles are followed by no such run: no jieba then)
        if not _transliterated(text[start:start + length], lex):
            continue
        if lex.after_name_at.match(text, start + length - 1):
            continue  # 青格勒图|说: a word that follows names is none of the name's
        if _ends_name(text, start, start + length, limit, True, lex):
            return start + length
    return None


def _word_name(text: str, start: int, limit: int, lex: NameLexicons) -> bool:
    """Whether the word of two characters at `start`, right after an office title and
    opening on a surname, is a name, by what follows it:
    - an adjective or numeral word, where it leaves no adverb's place (检察长郑重|列席,
      委员冷静|在审议时, 副主任齐心|、, 副主任万里|带队; but 县长郑重|承诺);
    - a noun or place word there too, and before a word that ends names (镇人大主席高山|介绍);
    - a person's name that jieba knows as a common word (向阳), before a word that ends names;
    - a verb, as one item of a list of names (副主任自立|、普美芬、白永寿), before taking
      part or leading (副局长但愿|带队), before a word that ends names (主任满意|介绍) or at
      the clause's end (党支部书记丰收|,), unless it follows names itself (主席强调|指出,
      局长表示|,)."""
    pos = start + 2
    if pos > limit or text[start] not in lex.surnames or text.startswith(SEATS, start):
        return False  # (委员代表、…: a seat is no name)
    read = words(text[start:pos])
    if len(read) != 1:
        return False
    tag = read[0][1]
    if text[pos:pos + 1] in _QUOTE_ENDS:
        return False  # “市长信箱”: the title and the word are one quoted name of a thing
    if (pos == limit or text[pos] == "\n") and not (tag in _VERB_TAGS and text[pos:pos + 1] in _CLAUSE_ENDS):
        # the word ends what is said (`…副市长　初春` on a roster line, `——记…党支部书记丰收`
        # under a headline): nothing follows that could make it a word of the sentence instead
        # (not a verb after a seat: 【代表回访】 is a column's name)
        return tag in _WORD_NAME_TAGS or tag == "t" or (
            tag in _VERB_TAGS and lex.after_name_at.match(text, start) is None and frequency(read[0][0]) < PERSON_WORD
            and not text.endswith(SEATS, 0, start))
    if tag in _VERB_TAGS:
        if text[pos] == "、":
            return read_name(text, pos + 1, lex, limit) is not None
        if lex.after_name_at.match(text, start) is not None:
            return False  # 主席强调|指出: the verb is what names do
        # a modal verb before taking part or leading (副局长但愿|带队): no hope leads a group;
        # nor does a feeling speak (主任满意|介绍)
        if text.startswith(_SPEECH, pos):
            return True
        if lex.after_titled_word_at.match(text, pos) is not None and frequency(read[0][0]) < PERSON_WORD:
            return True  # (not an everyday verb: 旗长达到|现场 is what was done)
        # a verb that ends the clause right after the title (党支部书记丰收|,) names who holds
        # it, unless it is an everyday verb (县长安排|,: what he did) or follows a seat (委员来信|,)
        return text[pos] in _CLAUSE_ENDS and not text.endswith(SEATS, 0, start) and frequency(read[0][0]) < PERSON_WORD
    if tag in _PERSON_TAGS:
        # a person's name that is also a common word (副部长向阳|主持), only before a word that
        # ends names: jieba tags some nouns as names (委员智慧|、)
        after = lex.after_name_at.match(text, pos)
        return after is not None and len(after.group()) > 1
    if tag not in _WORD_NAME_TAGS or (tag == "m" and text[start] == "全"):
        return False  # (委员全年|参加…: 全 of a numeral word is "the whole", no surname)
    if text[pos] in _NAME_STOPS or lex.after_titled_word_at.match(text, pos) is not None:
        return True
    if tag in ("a", "n") and text.startswith("说", pos):
        return True  # 副主任严明|说, 主任商量|说: an adjective says nothing without 地 (高兴地说), nor a thing
    if tag in ("n", "ns") and _ON_TOPIC.match(text, pos):
        return True  # 副县长景观|就…作了说明, 副县长程序|受县政府委托: a person speaks, or is commissioned
    # a noun before a word that ends names (介绍, 表示), not before any verb: jieba tags
    # some adverbs as nouns (校长高度|重视)
    after = lex.after_name_at.match(text, pos) if tag in ("n", "ns") else None
    return after is not None and len(after.group()) > 1


def _verb_given_name(text: str, start: int, limit: int, lex: NameLexicons) -> bool:
    """Whether a surname and a given name that jieba reads as a verb (鄢|开明, 卢|振兴) or a
    surname it reads as a function word and a given name it reads as a person's (自|汝华), right
    after an office title, are a name: the verb is no word that follows names (张|强调 is
    Zhang emphasising), the surname makes no word with the title (支队长|期坚持), and the
    name ends clearly (a clause mark, a word that follows names,
    or another verb: 鄢开明|作, 卢振兴|算了)."""
    pos = start + 3
    if pos > limit or text[start] not in lex.surnames:
        return False
    read = words(text[start:pos])  # jieba must split the surname off itself: 卢|振兴, not 陆续|到
    if len(read) != 2 or len(read[0][0]) != 1 or lex.after_name_at.match(text, start + 1):
        return False
    if read[1][1].startswith("nr"):
        # 自|汝华: a surname jieba reads as a function word, before a given name it reads as
        # a person's; not a word that may stand before a person (县长|向|王芳…, 由|李明…)
        if read[0][0] in _PERSON_PREPOSITIONS:
            return False
    elif read[1][1] != "v":
        return False
    elif frequency(read[1][0]) >= PERSON_WORD:
        return False  # an everyday verb is no given name: 代表|和|选举任免工委 is deputies and elections
    if start > 0 and frequency(text[start - 1:start + 1]):
        return False  # 支队长|期坚持: the title's last character and the surname are one word (长期)
    if pos == limit or text[pos] in _NAME_STOPS or lex.after_name_at.match(text, pos):
        return True
    word, tag = words(text[pos:min(limit, pos + 6)])[0]
    return tag in _VERB_TAGS


def _ethnic_name_to_stop(text: str, start: int, limit: int, lex: NameLexicons) -> int | None:
    """End of a Tibetan or Mongolian name whose first parts `ethnic_names` knows and whose
    last part of one or two characters it does not, where a list mark or the clause's
    punctuation closes it: 县政协副主席扎西|东周、王海燕 gives 扎西东周. No lexicon lists
    every part, and the stop leaves no doubt where the name ends; the unknown part must
    not be a word that can follow a name (扎西|强调, 扎西|一行, 扎西|同志)."""
    if start >= limit or text[start] not in lex.ethnic_starts:
        return None
    cover = _ethnic_cover(text[start:min(limit, start + MAX_NAME)], lex)
    if not cover:
        return None
    known = start + cover[-1]
    for end in (known + 2, known + 1):
        if end > limit or end >= len(text) or text[end] not in _NAME_STOPS or end - start > MAX_NAME:
            continue
        rest = text[known:end]
        if not all(_HAN.match(ch) for ch in rest) or lex.after_name_at.match(text, known):
            continue
        tag = words(rest)[0][1]
        if tag in _VERB_TAGS and text[end] == "(" and len(rest) == 1:
            return end  # 旦正|加(藏族): a lone verb is no predicate before a gloss in brackets
        if tag in _VERB_TAGS or tag in _NOT_IN_NAME or tag in ("d", "ad", "a"):
            continue
        return end
    return None


def _runs_on(text: str, start: int, pos: int, limit: int, lex: NameLexicons) -> bool:
    """Whether the name read up to `pos` goes on one more character that jieba glued to a
    word that follows names, or left alone before one: 刀志|明说 is 刀志明|说, 农志|坚|带领 is
    农志坚|带领. It does when jieba reads the shorter name as some other word (刀志, 农志: n)
    and the glued word is a rare one (明说, not 听说); 张三|听说 and 蔡明|说 stay (jieba knows
    张三 and 蔡明 as persons)."""
    if pos >= limit or not _HAN.match(text[pos]):
        return False
    after = lex.after_name_at.match(text, pos + 1) if pos + 2 <= limit else None
    closes = pos + 1 >= limit or not _HAN.match(text[pos + 1])  # 局长禚德|胜|,: the clause ends after it
    if after is None and not closes:
        return False
    glued, tag = words(text[pos:min(limit, pos + 6)])[0]
    if after and len(glued) > 2 and len(glued) == 1 + len(after.group()):
        return True  # 韦达|洪所作: jieba glued the last character to a word that follows names
    if len(glued) == 1:
        # 农志|坚|带领: a lone character between the shorter name and a word that follows
        # names is the name's last, unless it can follow a name itself (在, 等) or is a
        # function word or an adverb
        if tag == "c" and glued in _CONJUNCTIONS:
            return True  # 李正|和|主持: a conjunction joins no verb to the name, so 和 is the name's
        if glued in lex.after_name or tag in _NOT_IN_NAME or tag in ("d", "ad"):
            return False
        short = words(text[start:pos])
        # 常德|胜|说 too, although jieba knows 常德 as a person; and 禚|德|胜, a surname jieba
        # knows only as a morpheme
        return len(short) == 1 or short[0][1] in _BOUND_MORPHEME
    if len(glued) != 2 or frequency(glued) >= GLUED_WORD:
        return False
    short = words(text[start:pos])
    # (粟文|韬作|交流: a two-character "idiom" of jieba's glues the name's last character too,
    # and so does a word jieba only guessed: 訾鸣|远作|的)
    return len(short) == 1 and (not short[0][1].startswith("nr") or tag == "i" or frequency(glued) == 0)


def _dotted_name_end(text: str, start: int, limit: int, lex: NameLexicons) -> int | None:
    """End of a name at `start` whose parts are joined by a middle dot (艾力江·吐尔洪), or None.

    The parts need not be in any lexicon. The last part is read shortest first, from two
    characters, and ends where the text stops being Han, where a word of `after_name`
    starts (说, 等, 同志) or where a common verb of two characters or more starts (讲话, 主持):
    `艾力江·吐尔洪主持会议` gives 艾力江·吐尔洪, not 艾力江·吐尔洪主持.

    >>> from factx.rules import load_rules
    >>> text = "副县长阿依努尔·买买提、周建军参加"
    >>> text[3:_dotted_name_end(text, 3, len(text), NameLexicons.of(load_rules()))]
    '阿依努尔·买买提'
    """
    head = _DOTTED_HEAD.match(text, start, limit)
    if head is None:
        return None
    if _common_first_part(text, start, lex):
        return None  # 书记·村委会主任
    for pos in range(head.end() + 2, min(limit, head.end() + _DOTTED_PART) + 1):
        if not _HAN.match(text[pos - 1]):
            return None
        if pos >= limit or not _HAN.match(text[pos]) or lex.after_name_at.match(text, pos):
            return pos
        word, tag = words(text[pos:min(limit, pos + 6)])[0]
        if tag in _VERB_TAGS and len(word) > 1 and frequency(word) >= COMMON_WORD:
            return pos  # a common verb: jieba reads pieces of these names as rare ones (热合)
    return None


def dotted_first_part_end(text: str, start: int, end: int) -> int | None:
    """Where the part before the first dot of the name at [start, end) ends (艾力江|·吐尔洪),
    or None for a name without a dot."""
    first = _DOTTED_FIRST.match(text, start, end)
    stop = first.end() if first else start
    return stop if stop < end and text[stop] in NAME_DOT else None


def _common_first_part(text: str, start: int, lex: NameLexicons) -> bool:
    """Whether the part before the first dot is a common word, so no given name (书记·…),
    or opens on a function word (在行动·助力…, a slogan's two phrases); 买买提 is frequent in
    jieba's dictionary too, but `ethnic_names` lists it."""
    first = _DOTTED_FIRST.match(text, start).group()
    if first in lex.ethnic:
        return False
    return frequency(first) >= PERSON_WORD or words(first)[0][1] in _FUNCTION_WORD


def read_names(text: str, start: int, lex: NameLexicons, limit: int | None = None,
               titled: bool = False) -> list[tuple[int, int]]:
    """Spans of the names read forward from `start`: one, or a list joined by 、. An item
    between list marks next to a name is read as a slot (`slot_name`): 副主任李秀芬、王建设.
    `titled`: an office title stands right before `start` (see `read_name`).

    >>> from factx.rules import load_rules
    >>> read_names("回力、高珍伟、郭炳胜等参加调研", 0, NameLexicons.of(load_rules()))
    [(0, 2), (3, 6), (7, 10)]
    """
    limit = len(text) if limit is None else limit
    found: list[tuple[int, int]] = []
    while start < limit:
        end = read_name(text, start, lex, limit, titled)
        if end is not None and found and end < limit and text[end] not in _NAME_STOPS:
            # Inside a list, a name one character short of the next mark leaves that
            # character out (贠志|刚、: jieba reads it as an adverb); the slot is the name.
            slot = _slot_end(text, start, limit)
            if slot == end + 1 and not lex.after_name_at.match(text, end) and slot_name(text[start:slot], lex, closed=True):
                end = slot
        if end is None and found and start + 3 <= limit and _person_given(text[start + 1:start + 3]) \
                and _closes_last_name(text, start + 3, limit, lex) and slot_name(text[start:start + 3], lex, closed=True):
            end = start + 3  # 副主任王刚、淦晓东|出席: the last of a list, its surname in no lexicon
        if end is None:
            # (副主任火玉林、把文华|等…: the last item of a list, closed by 等)
            end = _slot_end(text, start, limit, etc=bool(found))
            # a slot needs a name beside it in the list: the one before, or the one after
            # (the cheap tests first: most failed reads are no list at all)
            if end is None or not (found or text[end] == "、") or not slot_name(text[start:end], lex, closed=True) or not (
                    found or read_name(text, end + 1, lex, limit)):
                break
        found.append((start, end))
        gloss = NAME_GLOSS.match(text, end, limit)
        if gloss:
            end = gloss.end()  # 尕藏拉毛(女,藏族)、|杨晓红: the list goes on after the gloss
        if end + 1 < limit and text[end] == "、":
            start = end + 1
            continue
        break
    return found


def _person_given(given: str) -> bool:
    """Whether jieba reads `given` as one word, a person's (晓东, 丽君; not 工商)."""
    parts = words(given)
    return len(parts) == 1 and parts[0][1] in _PERSON_TAGS


def _closes_last_name(text: str, pos: int, limit: int, lex: NameLexicons) -> bool:
    """Whether a list's last name may end at `pos`: the clause ends there, or a word that
    follows names (说, 等) or a verb (出席) starts there."""
    if pos >= limit or text[pos] in _NAME_STOPS or lex.after_name_at.match(text, pos):
        return True
    return words(text[pos:min(limit, pos + 4)])[0][1] in _VERB_TAGS


def read_name_before(text: str, end: int, lex: NameLexicons, floor: int = 0) -> int | None:
    """Start of the name that ends at `end` (习近平总书记, 张三当选为…), not before `floor`,
    or None: the longest that is a name, on a jieba word boundary.

    >>> from factx.rules import load_rules
    >>> text = "紧紧围绕办好习近平总书记交给内蒙古的五大任务"
    >>> read_name_before(text, 9, NameLexicons.of(load_rules()))
    6
    """
    dotted = _dotted_name_start(text, end, floor, lex)
    if dotted is not None:
        return dotted
    lo = max(floor, end - MAX_NAME - 4)
    bounds = {lo} | {lo + b for b in _boundaries(text[lo:end])}
    for start in range(max(lo, end - MAX_NAME), end - 1):
        if start not in bounds and text.endswith(lex.org_suffixes, floor, start) and text[start] in lex.surnames:
            bounds.add(start)  # 县卫生健康局项立新局长: jieba glues the body's last character to the surname (局项)
        if start not in bounds and text[start] in lex.ethnic_starts and _ethnic_cover(text[start:end], lex)[-1:] == [end - start]:
            bounds.add(start)  # 由嘎玛次珍副主任: parts of a name the lexicon lists end where jieba's words do not (由嘎)
        if start in bounds and end - start in _name_lengths(text[start:end], lex) and plausibility(text[start:end], lex, strict=True):
            return start
    return None


def _dotted_name_start(text: str, end: int, floor: int, lex: NameLexicons) -> int | None:
    """Start of a name whose parts a middle dot joins that ends at `end` and opens its
    clause (`”阿依努尔·别克(市政协常委…)`: nothing Han before it), or None."""
    if not any(ch in NAME_DOT for ch in text[max(floor, end - _DOTTED_PART - 1):end - 2]):
        return None  # the last part, of two to six characters, follows a dot
    start = end
    while start > floor and (_HAN.match(text[start - 1]) or text[start - 1] in NAME_DOT):
        start -= 1
    if not _DOTTED_NAME.fullmatch(text, start, end) or _common_first_part(text, start, lex):
        return None
    if text[start:end].endswith(lex.org_suffixes):
        return None  # 扈国栋·县农业农村局|局长: a dot between a name and its body, no name's
    return start


def read_names_before(text: str, end: int, lex: NameLexicons, floor: int = 0, slot: bool = False) -> list[tuple[int, int]]:
    """Spans of the names read back from `end`: one, or a list joined by 、 (王芳、刘丽当选为…).
    An item between list marks next to a name is read as a slot (`slot_name`), and so is
    the whole of a clause from `floor` when `slot` says a verb follows it (,万家明当选为…).

    >>> from factx.rules import load_rules
    >>> read_names_before("会上,王芳、刘丽当选为副主席", 8, NameLexicons.of(load_rules()))
    [(3, 5), (6, 8)]
    """
    found: list[tuple[int, int]] = []
    while end > floor:
        item = max(floor, text.rfind("、", floor, end) + 1)
        start = read_name_before(text, end, lex, item)
        if start is None and (found or slot and item == floor or item > floor) and slot_name(text[item:end], lex) and (
                found or slot and item == floor
                or read_name_before(text, item - 1, lex, max(floor, text.rfind("、", floor, item - 1) + 1)) is not None):
            start = item  # a slot: the whole item (王芳、高山青当选为…), or the whole clause before a verb
        if start is None:
            break
        found.insert(0, (start, end))
        if start - 1 <= floor or text[start - 1] != "、":
            break
        end = start - 1
        if text.endswith(_COMRADE, floor, end):  # 王芳同志、刘丽同志当选为…
            end -= len(_COMRADE)
    return found


def _slot_end(text: str, start: int, limit: int, etc: bool = False) -> int | None:
    """End of the item at `start` that a list mark or the clause's punctuation closes
    within a name's length, or None; `etc`: 等 closes the last item of a list too."""
    for end in range(start + 2, min(limit, start + MAX_NAME) + 1):
        if end >= len(text) or text[end] in _NAME_STOPS or etc and text[end] == "等":
            return end if end < len(text) else None
        if not _HAN.match(text[end]):
            return None
    return None


def slot_name(name: str, lex: NameLexicons, closed: bool = False) -> bool:
    """Whether `name`, a slot that marks bound on both sides (副主任李秀芬、王建设、冯志勇;
    ,万家明当选为…), is a name: a surname and a given name of one or two characters that
    holds no function word, pronoun or adverb (nor a numeral word), where the whole is not one common
    word (党支部). Unlike `plausibility`, an everyday word is a given name here (王|建设,
    高|山青): the bounds leave no other reading, and many given names are words."""
    if not 2 <= len(name) <= 4 or name in lex.not_names or name.endswith(lex.org_suffixes):
        return False
    size = next((n for n in range(min(lex.longest_surname, len(name) - 1), 0, -1) if name[:n] in lex.surnames), 0)
    if not size and len(name) == 3 and _HAN.match(name[0]) and frequency(name) == 0:
        # a surname no lexicon lists (忻, 钦): the last two characters are a given name that
        # jieba knows as one (晓东, 丽君), and the first no word of its own
        return _person_given(name[1:]) and words(name[0])[0][1] not in _NOT_IN_NAME - {"x"}  # x: a rare character
    if not size or not 1 <= len(name) - size <= 2 or not all(_HAN.match(ch) for ch in name):
        return False
    whole = words(name)
    if len(whole) == 1 and not whole[0][1].startswith("nr") and frequency(name) >= COMMON_WORD \
            and not (len(name) == 2 and whole[0][1] == "a"):
        return False  # (an adjective of two characters fills a slot as a name: ,温和当选为…)
    given = name[size:]
    # (but 温|和: a conjunction as a one-character given name; after two characters it joins
    # the next office: 许锐|和|秘书长…)
    two_and = len(name) == 2 and given in _CONJUNCTIONS
    if given in lex.after_name and not two_and:
        return False
    # jieba's tags of single characters say little (家明: 家 m, 明 t); only a function word
    # or a pronoun rules one out, and an adverb, unless it is the last character of a slot
    # `closed` by a list mark or punctuation, where no verb can follow it (贠志|刚、).
    parts = words(given)
    return two_and or all(tag not in (_NOT_IN_NAME if len(word) > 1 else _FUNCTION_WORD | {"r"})
                          and (tag not in ("d", "ad") or closed and len(word) == 1 and k == len(parts) - 1)
                          for k, (word, tag) in enumerate(parts))


def read_name_list(text: str, start: int, end: int, lex: NameLexicons) -> list[tuple[int, int]]:
    """Spans of the names of a list `张三、李四同志` that must be names from end to end
    (each may be followed by 同志), or [].

    >>> from factx.rules import load_rules
    >>> read_name_list("李红同志、高建平", 0, 8, NameLexicons.of(load_rules()))
    [(0, 2), (5, 8)]
    """
    found: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        item = _LIST_ITEM.match(text, pos, end)
        piece = item.group("piece")
        name = piece.removesuffix(_COMRADE) if len(piece) > len(_COMRADE) + 1 else piece
        if not plausibility(name, lex, listed=True) or (not _DOTTED_NAME.fullmatch(name) and len(name) not in _name_lengths(name, lex)
                                                         and not _transliterated(name, lex)):
            return []
        found.append((pos, pos + len(name)))
        pos = item.end()
    return found


def plausibility(name: str, lex: NameLexicons, strict: bool = False, listed: bool = False) -> int:
    """How plausible `name` is as a person's name rather than a word (满意, 来自人民, 项目):
    NO, WORD or NAME.

    One word is a NAME if jieba does not know it (it was guessed: 郑浩), or if jieba tags
    it as a person and it is not a common word, or, unless `strict`, if it is a plain noun
    seldom seen (回力); a person's or place name that is also a word (白云, 秦岭, 黄海) is a
    WORD; a word that extends a common one (满意率), ends like a body or a place (lexicon
    `org_suffixes`: 宣传部, 江苏省) or adds a common word to a whole Mongolian name
    (乌力吉|出庭) is NO name. Of several words, the first must not be a
    common word other than a person's (来自|人民) nor a function word (由|界别), unless the
    name is `listed`, bounded on both sides by an exact list (任命向红为…: 向 is a surname
    there, not a preposition); the others no function word, no adverb of one character or
    a common one (张口|就, but 张|立新), no common verb (苏和|指出; in an exact list, no verb
    in everyday use: 任命端木|清扬为…).

    >>> from factx.rules import load_rules
    >>> lex = NameLexicons.of(load_rules())
    >>> plausibility("孙建华", lex) == NAME, plausibility("满意", lex) == NO
    (True, True)
    """
    if name in lex.not_names and not (listed and len(name) == 2):
        return NO  # but 任命时代、茹雪梅为…, 县人大代表／于是／…: bounded by an exact list, a word of two characters is a name
    if name.endswith(lex.org_suffixes) or any(ch in NAME_DOT for ch in name[:1] + name[-1:]):
        return NO
    if name[1:] in lex.address_forms or name[2:] in lex.address_forms:  # 佟大爷, 欧阳阿姨: a form of address
        return NO
    if len(name) == 2 and name[0] in _PREPOSITION_SURNAMES and name[1] in lex.surnames and not listed:
        return NO  # 由|续主席执笔: a preposition before a surname and its title
    if _DOTTED_NAME.fullmatch(name):  # 艾力江·吐尔洪, but not 书记·村委会主任
        return NO if _common_first_part(name, 0, lex) else NAME
    cover = _ethnic_cover(name, lex)
    if cover[-1:] == [len(name)]:
        return NAME
    rest = name[cover[-1]:] if cover else ""
    if len(rest) > 1 and frequency(rest) and not words(rest)[0][1].startswith("nr"):  # 乌力吉|出庭: a whole name, then a word
        return NO
    if len(name) > 2 and name[:2] in lex.surnames:
        # 欧阳|志坚, 司徒|振邦: jieba reads a compound surname as a place or a noun (欧阳 ns,
        # 司徒 n); the name is that surname and the words of the given name.
        tokens = (name[:2], "nr"), *words(name[2:])
    else:
        tokens = words(name)
        if len(name) == 3 and name[0] in lex.surnames and len(tokens[0][0]) == 2 and (
                tokens[0][1] == "ns" or listed or len(tokens) == 2 and (
                    tokens[1][1] in MORPHEME_TAGS or tokens[1][1].startswith("nr") and len(tokens[1][0]) == 1
                    or tokens[1][0] in _CONJUNCTIONS)):
            # 黄海|英, 金华|明: jieba glued the surname and the first given character into a
            # place (or, in an exact list, into any word: 游泳|根; or into a word followed by
            # a character that is no word alone, 周家|琪, or that it reads as a name's, 揭晓|雯,
            # or a conjunction that ends given names, 隽永|和);
            # the name is the surname and the given name
            tokens = (name[0], "nr"), *words(name[1:])
    word, tag = tokens[0]
    if len(tokens) == 1:
        count = frequency(word)
        if count == 0:
            return NAME
        if listed and name[:1] in lex.surnames:
            return WORD  # 任命佘志鹏、冷月为…: in an exact list a word that opens on a surname is a name
        if tag.startswith("nr") and count < (PERSON_PAIR if len(word) == 2 else PERSON_WORD):
            return NAME
        if (tag.startswith("nr") or tag in ("ns", "nz") and len(word) == 2) and count < PERSON_WORD:
            return NO if strict else WORD
        if strict or tag != "n" or count >= COMMON_WORD:
            return NO
        head = words(name[:2])[0]
        return NAME if len(name) == 2 or head[1].startswith("nr") or frequency(head[0]) < COMMON_WORD else NO
    if len(word) > 1 and not tag.startswith("nr") and frequency(word) >= COMMON_WORD:
        return NO
    if len(word) == 1 and tag in _FUNCTION_WORD and not listed:  # 和|党中央, 由|界别: the surname is a function word here
        return NO
    if tokens[-1][0] in lex.after_name:  # 汪洋|赴, 黎明|说: the name ends before that word
        return NO
    # A surname jieba knows only as a bound morpheme (禚 yg) is no word of the text: the
    # characters after it are a given name, whatever measure or number word jieba reads
    # them as alone (禚|立|峰 q).
    # (蹇|国|栋: a surname jieba reads as a name alone is no word of the text either)
    # (in an exact list, a surname jieba reads as an abbreviation too: 延|年, 延 of 延安)
    rare_surname = len(word) == 1 and (tag in _BOUND_MORPHEME or tag == "nr" or listed and tag == "j") and word in lex.surnames
    # a surname that reads as an adverb (须 must) before another adverb is that adverb: 委员|须按时…
    modal_surname = len(word) == 1 and tag == "d"
    for word, tag in tokens[1:]:
        if tag in _NOT_IN_NAME and not (rare_surname and len(word) == 1 and tag in _GIVEN_CHARACTER_TAGS):
            return NO
        if modal_surname and tag == "d":
            return NO
        if (not (listed or rare_surname) if len(word) == 1 else frequency(word) >= PERSON_WORD) and tag == "d":
            # 张口|就, 王|一直 (a rare one is a given name: 岑|定远); in an exact list a
            # name's last character may read as one (方志|刚为)
            return NO
        if len(word) > 1 and tag in _VERB_TAGS and frequency(word) >= (PERSON_WORD if listed else COMMON_WORD):
            return NO  # in an exact list only a verb in everyday use: 端木|清扬 is a name there
    return NAME


def _name_lengths(window: str, lex: NameLexicons, covered: list[int] | None = None) -> list[int]:
    """Lengths a name at the head of `window` may have, in the order they are tried:
    whole Mongolian/Tibetan/Uyghur/Yi names first (longest cover by `ethnic_names`, given
    as `covered` when the caller has it), then surname + one character, surname + two
    (+ two first after a compound surname)."""
    lengths = sorted(_ethnic_cover(window, lex) if covered is None else covered, reverse=True)
    for size in range(min(lex.longest_surname, len(window)), 0, -1):
        if window[:size] in lex.surnames:
            # After a compound surname the longer given name first: jieba cuts an unknown
            # one in two (欧阳|志|坚), so its first character would pass for the whole name.
            lengths += [size + 2, size + 1] if size > 1 else [size + 1, size + 2]
    return list(dict.fromkeys(n for n in lengths if 2 <= n <= MAX_NAME))


def _ethnic_cover(window: str, lex: NameLexicons) -> list[int]:
    """Ends of runs of `ethnic_names` parts from the head of `window` (乌兰|巴特尔, 苏和),
    parts optionally joined by a middle dot."""
    ends: list[int] = []
    pos, parts, longest = 0, 0, lex.longest_ethnic
    while pos < len(window) and longest:
        if window[pos] in NAME_DOT and parts:
            pos += 1
            continue
        if window[pos] not in lex.ethnic_starts:
            break
        step = next((n for n in range(min(longest, len(window) - pos), 1, -1) if window[pos:pos + n] in lex.ethnic), 0)
        if not step:
            break
        pos += step
        parts += 1
        ends.append(pos)
    return ends


def _adverb_at(text: str, pos: int, limit: int) -> bool:
    """Whether an adverb starts at `pos`: after a word that is also a name (张口|就来) it
    says the word was meant as a word."""
    return words(text[pos:min(limit, pos + 4)])[0][1] in ("d", "ad")


def _boundaries(window: str) -> set[int]:
    pos, bounds = 0, set()
    for word, _ in words(window):
        pos += len(word)
        bounds.add(pos)
    return bounds


def _ends_name(text: str, start: int, pos: int, limit: int, at_boundary: bool, lex: NameLexicons) -> int:
    """How clearly a name can end at `pos`: 0 not at all; 2 where the clause ends, a verb of
    two characters or more or an `after_name` word of two characters or more starts; 1
    where another word that follows names starts. jieba's word boundary must agree,
    unless the word after is one of two characters or more from `after_name` (李明天调研:
    jieba reads 明天), or one character and jieba reads the name before it as a person's
    (蔡明说: jieba reads 明说)."""
    if pos >= limit or not _HAN.match(text[pos]):
        return 2
    after = lex.after_name_at.match(text, pos)
    if after and len(after.group()) > 1:
        return 2
    if not at_boundary:
        return 1 if after and words(text[start:pos])[-1][1].startswith("nr") else 0
    word, tag = words(text[pos:min(limit, pos + 6)])[0]
    if tag in _VERB_TAGS and len(word) > 1:
        return 2
    if tag in _ASPECT_TAGS:
        return 0  # 代表都记|着: an aspect particle follows a verb, never a name
    return 1 if after or tag in _AFTER_NAME_TAGS else 0
