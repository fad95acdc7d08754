"""Officials: a named person with an office and the body it belongs to.

Rules find an office title (lexicon `titles`) and say where the name stands: after it
(`主席孙建华`, group `name` starts at the name), before it (`习近平总书记`, `张三当选为主任`:
group `name` ends at the name), or as an exact list (`任命张三、李四为副市长`, group
`names`). The builder reads the name itself, because no regex can tell `孙建华调研` from
`孙建华`: a name is a surname (lexicon `surnames`, or parts of Mongolian, Tibetan and
Uyghur names, lexicon `ethnic_names`) and one or two more characters, which jieba does
not join into an ordinary word (`满意`, `来自人民`), and which is followed by a word that
can follow a name: a verb, a preposition, a particle, punctuation, or an entry of
`after_name` (`调研`, `在`, `同志`, `一行`). A rule may capture `org`; else the body is
read from the words before the title, back to the clause boundary or the first verb,
preposition or particle (`会议由市政协主席…` gives `市政协`).

Several offices of one person (`曙光街社区书记、委员工作站召集人赵明`) give `titles` (each
office as written, body and title); `title` and `org` are those of the first office that
is not an auxiliary role (lexicon `secondary_titles`: 召集人, 委员...). A title that starts
with a unit of lexicon `org_units` gives the unit to the body before it (`曙光街社区书记`:
org `曙光街社区`, title `书记`). Several names after one title (`副主席回力、高珍伟`) give
one record each; an office with no body of its own after `、` takes the body of the
official before it (`市政协主席孙建华、副主席回力`).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factx.build.context import Context
from factx.match import Match
from factx.records import Official
from factx.words import load_userdicts, words

try:
    from factx.words import frequency
except ImportError:  # a factx.words from before frequency(): read jieba's counts as it does
    def frequency(word: str) -> int:
        from factx.words import _tokenizer

        return _tokenizer().tokenizer.FREQ.get(word) or 0

MAX_NAME = 8        # characters of the longest name read (Mongolian names run long)
MAX_ORG = 40        # characters of the longest body read before a title
# jieba tags that a name's own words never carry (prepositions, conjunctions, particles,
# pronouns, numerals, measure words, localisers, modal particles, punctuation).
_NOT_IN_NAME = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "m", "q", "f", "y", "e", "o", "x", "w"})
_FUNCTION_WORD = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv"})
# jieba tags of a word that can follow a name: verbs, idioms and set phrases (mostly
# predicates: 挨家挨户, 出席会议), prepositions, conjunctions, particles, adverbs,
# pronouns, times, punctuation.
_AFTER_NAME_TAGS = frozenset({"v", "vd", "vi", "vn", "vg", "i", "l", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "ad", "r", "t", "y", "x", "w"})
# jieba tags that end a body when reading back from a title (a verb, a preposition...).
_ORG_BREAK = frozenset({"p", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "ad", "vd", "r", "y", "e", "o", "x", "w", "i", "t", "z"})
_VERB = frozenset({"v", "vg", "vi", "vq"})
_VERB_TAGS = _VERB | {"vn", "vd"}
_INNER_NEIGHBOUR = ("n", "v", "j", "b", "a", "l")  # a verb or 和 inside a body stands after one of these
_CLAUSE_BREAK = frozenset(",;:。!?,;:!?“”\"《》()()[]【】—…\n")
_SEGMENT_BREAK = _CLAUSE_BREAK | {"、"}
_LEADING_DATE = regex.compile(r"^(?:\d{2,4}年)?(?:\d{1,2}月)?(?:\d{1,2}[日号])?")
_NAME_DOT = "·•・"
_TITLE = r"(?:(?:{lex:title_prefixes})?{lex:titles})"  # as the rules' OFFICIAL_TITLE
# A plain noun rarer than COMMON_WORD can still be a name (回力), a more frequent one
# cannot (项目). jieba's dictionary tags many ordinary words as persons (文明, 张口, 时髦),
# so a two-character "person" must be rarer than PERSON_PAIR; longer ones (王兆国) are
# nearly always names, up to PERSON_WORD.
COMMON_WORD = 100
PERSON_PAIR = 200
PERSON_WORD = 1000


@dataclass(frozen=True)
class _Lexicons:
    surnames: frozenset[str]
    longest_surname: int
    ethnic: frozenset[str]
    longest_ethnic: int
    not_names: frozenset[str]
    after_name: frozenset[str]
    org_suffixes: tuple[str, ...]
    secondary: frozenset[str]
    org_units: tuple[str, ...]
    org_name_heads: frozenset[str]


_LEXICONS: dict[int, tuple[object, _Lexicons]] = {}


def _lexicons(ctx: Context) -> _Lexicons:
    rs = ctx.ruleset
    cached = _LEXICONS.get(id(rs))
    if cached is not None and cached[0] is rs:
        return cached[1]
    load_userdicts(rs.userdicts)
    surnames = rs.lexicon("surnames")
    ethnic = rs.lexicon("ethnic_names")
    lex = _Lexicons(
        surnames=surnames,
        longest_surname=max(map(len, surnames), default=1),
        ethnic=ethnic,
        longest_ethnic=max(map(len, ethnic), default=0),
        not_names=rs.lexicon("not_names"),
        after_name=rs.lexicon("after_name"),
        org_suffixes=tuple(rs.lexicon("org_suffixes")),
        secondary=rs.lexicon("secondary_titles"),
        org_units=tuple(sorted(rs.lexicon("org_units"), key=len, reverse=True)),
        org_name_heads=rs.lexicon("org_name_heads"),
    )
    _LEXICONS[id(rs)] = (rs, lex)
    return lex


def build_official(match: Match, ctx: Context) -> list[Official]:
    text = ctx.atext.text
    n_start, n_end = match.groups["name"]
    if "title" not in match.groups:  # a user's rule that knows the name only: take it as written
        if not _plausible(text[n_start:n_end], _lexicons(ctx)):
            return []
        return [Official(**ctx.common(match), name=text[n_start:n_end], org=match.group(text, "org"))]
    t_start, t_end = match.groups["title"]
    s_start, s_end = ctx.sentence_of(t_start)
    if "names" in match.groups:
        names = _exact_names(text, *match.groups["names"], ctx)
    elif n_start >= t_end:
        names = _names_after(text, n_start, _clause_end(text, n_start, s_end), ctx)
    else:
        start = _name_before(text, n_end, _clause_start(text, n_end, s_start), ctx)
        names = [(start, n_end)] if start is not None else []
    if not names:
        return []
    title = text[t_start:t_end]
    if "org" in match.groups:
        o_start, o_end = match.groups["org"]
        offices, first = [_split_unit(_trim_org(text[o_start:o_end]), title, ctx)], o_start
    elif names[0][0] < t_start:
        first, org = _org_before(text, _segment_start(text, names[0][0]), names[0][0], ctx)
        offices = [_split_unit(org, title, ctx)]
    else:
        offices, first = _offices(text, t_start, t_end, ctx)
    org, principal = _principal(offices, ctx)
    titles = [(o or "") + t for o, t in offices] if len(offices) > 1 else []
    return [
        Official(**ctx.common(match, min(first, start), max(t_end, end)),
                 name=text[start:end], title=principal, titles=titles, org=org)
        for start, end in names
    ]


# --- names ---------------------------------------------------------------------------

def _names_after(text: str, start: int, limit: int, ctx: Context) -> list[tuple[int, int]]:
    """Names read forward from `start`: one, or a list joined by 、."""
    found: list[tuple[int, int]] = []
    while start < limit:
        end = _name_from(text, start, limit, ctx)
        if end is None:
            break
        found.append((start, end))
        if end + 1 < limit and text[end] == "、":
            start = end + 1
            continue
        break
    return found


def _name_from(text: str, start: int, limit: int, ctx: Context) -> int | None:
    """End of the name that starts at `start`, or None: shortest first, each length
    checked for a plausible name and for a word that can follow a name; a name that is
    also a word (白云, 秦岭) needs a clear end after it (a verb, punctuation)."""
    lex = _lexicons(ctx)
    window = text[start:min(limit, start + MAX_NAME + 4)]
    bounds = _boundaries(window)
    for length in _name_lengths(window, lex):
        if length > len(window):
            continue
        name = window[:length]
        plausible = _plausible(name, lex)
        if plausible and _ends_name(text, start, start + length, limit, length in bounds, ctx) >= 3 - plausible:
            return start + length
    return None


def _name_lengths(window: str, lex: _Lexicons) -> list[int]:
    """Lengths a name at the head of `window` may have, in the order they are tried:
    whole Mongolian/Tibetan/Uyghur names first (longest cover by `ethnic_names`), then
    surname + one character, surname + two."""
    lengths: list[int] = []
    covered = _ethnic_cover(window, lex)
    lengths += sorted(covered, reverse=True)
    for size in range(min(lex.longest_surname, len(window)), 0, -1):
        if window[:size] in lex.surnames:
            lengths += [size + 1, size + 2]
    return list(dict.fromkeys(n for n in lengths if 2 <= n <= MAX_NAME))


def _ethnic_cover(window: str, lex: _Lexicons) -> list[int]:
    """Ends of runs of `ethnic_names` parts from the head of `window` (乌兰|巴特尔, 苏和),
    parts optionally joined by a middle dot."""
    ends: list[int] = []
    pos, parts = 0, 0
    while pos < len(window) and lex.longest_ethnic:
        if window[pos] in _NAME_DOT and parts:
            pos += 1
            continue
        step = next((n for n in range(min(lex.longest_ethnic, len(window) - pos), 1, -1) if window[pos:pos + n] in lex.ethnic), 0)
        if not step:
            break
        pos += step
        parts += 1
        ends.append(pos)
    return ends


def _boundaries(window: str) -> set[int]:
    pos, bounds = 0, set()
    for word, _ in words(window):
        pos += len(word)
        bounds.add(pos)
    return bounds


NO, WORD, NAME = 0, 1, 2  # how plausible a name is: not at all, a word also used as a name, a name


def _plausible(name: str, lex: _Lexicons, strict: bool = False) -> int:
    """How plausible `name` is as a person's name rather than a word (满意, 来自人民, 项目).

    One word is a NAME if jieba does not know it (it was guessed: 郑浩), or if jieba tags
    it as a person and it is not a common word, or, unless `strict`, if it is a plain noun
    seldom seen (回力); a person's or place name that is also a word (白云, 秦岭, 黄海) is a
    WORD; a word that extends a common one (满意率) or ends like a body or a place (lexicon
    `org_suffixes`: 宣传部, 江苏省) is NO name. Of several words, the first must not be a
    common word other than a person's (来自|人民) nor a function word (由|界别); the others
    no function word, no adverb of one character or a common one (张口|就, but 张|立新),
    no common verb (苏和|指出).
    """
    if name in lex.not_names or name.endswith(lex.org_suffixes) or any(ch in _NAME_DOT for ch in name[:1] + name[-1:]):
        return NO
    if _ethnic_cover(name, lex)[-1:] == [len(name)]:
        return NAME
    tokens = words(name)
    word, tag = tokens[0]
    if len(tokens) == 1:
        count = frequency(word)
        if count == 0:
            return NAME
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
    if len(word) == 1 and tag in _FUNCTION_WORD:  # 和|党中央, 由|界别: the surname is a function word here
        return NO
    if tokens[-1][0] in lex.after_name:  # 汪洋|赴, 黎明|说: the name ends before that word
        return NO
    for word, tag in tokens[1:]:
        if tag in _NOT_IN_NAME:
            return NO
        if (len(word) == 1 or frequency(word) >= COMMON_WORD) and tag == "d":
            return NO
        if len(word) > 1 and tag in _VERB_TAGS and frequency(word) >= COMMON_WORD:
            return NO
    return NAME


def _ends_name(text: str, start: int, pos: int, limit: int, at_boundary: bool, ctx: Context) -> int:
    """How clearly a name can end at `pos`: 0 not at all; 2 where the clause ends, a verb of
    two characters or more or an `after_name` word of two characters or more starts; 1
    where another word that follows names starts. jieba's word boundary must agree,
    unless the word after is one of two characters or more from `after_name` (李明天调研:
    jieba reads 明天), or one character and jieba reads the name before it as a person's
    (蔡明说: jieba reads 明说)."""
    if pos >= limit or not regex.match(r"\p{Han}", text[pos]):
        return 2
    after = ctx.ruleset.regex("{lex:after_name}").match(text, pos)
    if after and len(after.group()) > 1:
        return 2
    if not at_boundary:
        return 1 if after and words(text[start:pos])[-1][1].startswith("nr") else 0
    word, tag = words(text[pos:min(limit, pos + 6)])[0]
    if tag in _VERB_TAGS and len(word) > 1:
        return 2
    return 1 if after or tag in _AFTER_NAME_TAGS else 0


def _name_before(text: str, end: int, floor: int, ctx: Context) -> int | None:
    """Start of the name that ends at `end` (习近平总书记, 张三当选为…), or None."""
    lex = _lexicons(ctx)
    lo = max(floor, end - MAX_NAME - 4)
    window = text[lo:end]
    bounds = {lo} | {lo + b for b in _boundaries(window)}
    best = None
    for start in range(max(lo, end - MAX_NAME), end - 1):
        if start not in bounds:
            continue
        lengths = _name_lengths(text[start:end], lex)
        name = text[start:end]
        if end - start in lengths and _plausible(name, lex, strict=True):
            best = start
            break  # the longest name that fits
    return best


def _exact_names(text: str, start: int, end: int, ctx: Context) -> list[tuple[int, int]]:
    """A list `张三、李四` that must be names from end to end, or nothing."""
    lex = _lexicons(ctx)
    found: list[tuple[int, int]] = []
    pos = start
    for piece in text[start:end].split("、"):
        if len(piece) not in _name_lengths(piece, lex) or not _plausible(piece, lex):
            return []
        found.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return found


# --- offices and bodies ----------------------------------------------------------------

def _offices(text: str, t_start: int, t_end: int, ctx: Context) -> tuple[list[tuple[str | None, str]], int]:
    """(body, title) of each office the person named after the title at [t_start, t_end)
    holds, in text order, and where the first office's text starts. Walks back over
    offices joined by 、."""
    title = text[t_start:t_end]
    seg_start = _segment_start(text, t_start)
    org_start, org = _org_before(text, seg_start, t_start, ctx)
    offices = [_split_unit(org, title, ctx)]
    first = org_start if org else t_start
    titles_at_end = ctx.ruleset.regex(_TITLE + "$")
    while seg_start > 0 and text[seg_start - 1] == "、":
        prev_start = _segment_start(text, seg_start - 1)
        segment = text[prev_start:seg_start - 1]
        end_title = titles_at_end.search(segment)
        if end_title is None:
            if offices[0][0] is None:
                offices[0] = (_org_of_official(segment, ctx), offices[0][1])
            break
        o_start, org = _org_before(text, prev_start, prev_start + end_title.start(), ctx)
        offices.insert(0, _split_unit(org, end_title.group(), ctx))
        first = o_start if org else prev_start + end_title.start()
        seg_start = prev_start
    return offices, first


def _org_of_official(segment: str, ctx: Context) -> str | None:
    """The body of the official named in `segment` (`市政协主席孙建华`), for the next office."""
    found = None
    for found in ctx.ruleset.regex(_TITLE).finditer(segment):
        pass
    if found is None:
        return None
    return _org_words(segment[:found.start()], ctx)


def _principal(offices: list[tuple[str | None, str]], ctx: Context) -> tuple[str | None, str]:
    secondary = _lexicons(ctx).secondary
    for org, title in offices:
        if title not in secondary:
            return org, title
    return offices[-1]


def _split_unit(org: str | None, title: str, ctx: Context) -> tuple[str | None, str]:
    """`曙光街社区` + `社区书记` -> (`曙光街社区`, `书记`): the unit belongs to the body."""
    if org:
        for unit in _lexicons(ctx).org_units:
            if title.startswith(unit) and len(title) > len(unit):
                return org + unit, title[len(unit):]
    return org, title


def _segment_start(text: str, pos: int) -> int:
    start = pos
    while start > 0 and text[start - 1] not in _SEGMENT_BREAK and pos - start < MAX_ORG:
        start -= 1
    return start


def _clause_start(text: str, pos: int, floor: int) -> int:
    start = pos
    while start > floor and text[start - 1] not in _SEGMENT_BREAK:
        start -= 1
    return start


def _clause_end(text: str, pos: int, limit: int) -> int:
    end = pos
    while end < limit and text[end] not in _CLAUSE_BREAK:
        end += 1
    return end


def _org_before(text: str, floor: int, pos: int, ctx: Context) -> tuple[int, str | None]:
    """(start, body) of the body written right before folded `pos`."""
    org = _org_words(text[floor:pos], ctx)
    return (pos - len(org), org) if org else (pos, None)


def _org_words(segment: str, ctx: Context) -> str | None:
    """The body at the end of `segment`: the longest run of noun-like words, back to a
    preposition, particle or adverb, or to a verb or conjunction with no noun before it
    (发展和改革委员会 keeps its 和, 会议由市政协 stops at 由). A verb right before a head of
    lexicon `org_name_heads` names the place (如意社区, 胜利街道).

    `_org_words("会议由市政协", ctx)` gives `市政协`.
    """
    heads = _lexicons(ctx).org_name_heads
    tokens = words(segment)
    kept: list[tuple[str, str]] = []
    for i in range(len(tokens) - 1, -1, -1):
        word, tag = tokens[i]
        inner = bool(kept) and i > 0 and tokens[i - 1][1].startswith(_INNER_NEIGHBOUR)
        named = bool(kept) and kept[0][0] in heads and tag in _VERB | {"vn", "a", "ad"}
        if tag in _ORG_BREAK and not named:
            break
        if (tag == "c" or tag in _VERB) and not (inner or named):
            break
        kept.insert(0, (word, tag))
    while kept and (kept[0][1] in _VERB or kept[0][1] == "vn" or kept[0][1][:1] in ("c", "q", "f", "m")):
        if len(kept) > 1 and kept[1][0] in heads:
            break
        kept.pop(0)
    return _trim_org("".join(w for w, _ in kept))


def _trim_org(org: str) -> str | None:
    org = _LEADING_DATE.sub("", org)
    return org if len(org) >= 2 else None
