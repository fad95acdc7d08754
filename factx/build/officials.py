"""Officials: a named person with an office and the body it belongs to.

Rules find an office title (lexicon `titles`) and say where the name stands: after it
(`主席孙建华`, group `name` starts at the name), before it (`习近平总书记`, `张三当选为主任`:
group `name` ends at the name), or as an exact list (`任命张三、李四为副市长`, group
`names`). The builder reads the name itself with `factx.values.names`, because no regex
can tell `孙建华调研` from `孙建华`. A rule may capture `org`; else the body is read from
the words before the title, back to the clause boundary or the first verb, preposition or
particle (`会议由市政协主席…` gives `市政协`).

Several offices of one person (`曙光街社区书记、委员工作站召集人赵明`) give `titles` (each
office as written, body and title); `title` is the office next to the name, or the nearest
one before it when that is an auxiliary role (lexicon `secondary_titles`: 召集人, 委员...),
and `org` its body. An office written without a body takes the body of the person's office
before it (`市委常委、秘书长`: 市委), else, where it opens an item or a clause (after 、 , ;),
the body of the official named last before it in the sentence (`市政协主席孙建华,副主席
回力`, `副主任张三、李四,秘书长王五`); a title that names its own body (lexicon
`title_levels`: 县长, 副市长) takes none (`县委副书记、县长杨洪`: org null). A title that
starts with a unit of lexicon `org_units` gives the unit to the body before it
(`曙光街社区书记`: org `曙光街社区`, title `书记`). A body written with its level alone
(`镇党委书记`, `村委会主任`) is the place of that level the article named last before it
(`松木岭镇`, `桂花湾村`), or the level as written. Several names after one title
(`副主席回力、高珍伟`) give one record each.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate, takewhile

from factx.build.context import CELL_MARK, Context
from factx.match import SEPARATOR, ArticleText, Match
from factx.patterns import compile_pattern
from factx.records import Official
from factx.values.names import (NAME_DOT, NAME_GLOSS, SEATS, NameLexicons, dotted_first_part_end, plausibility,
                                read_name, read_name_list, read_names, read_names_before, slot_name)
from factx.words import words

MAX_ORG = 40        # characters of the longest body read before a title
# jieba tags that end a body when reading back from a title (a verb, a preposition...).
_ORG_BREAK = frozenset({"p", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "ad", "vd", "r", "y", "e", "o", "x", "w", "i", "t", "z"})
_VERB = frozenset({"v", "vg", "vi", "vq"})
_HAN_CHAR = compile_pattern(r"\p{Han}")
_NAME_BREAK_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "d", "m", "q", "f", "y", "e", "o"})
_INNER_NEIGHBOUR = ("n", "v", "j", "b", "a", "l")  # a verb or 和 inside a body stands after one of these
# Who speaks for neighbours holds no office: a 代表 no congress sent, a homeowners' committee.
_NO_OFFICE = compile_pattern(r"(?:(?:居民|村民|群众|职工|家长|学生|议事|业主|妇女|青年|老人|志愿者|商户)代表|(?:业委会|业主委员会)(?:主任|副主任|委员))$")
_PERSON_FIELD = compile_pattern(r"(?:责任人|负责人|联系人|牵头人|经办人|承办人):$")  # a field whose value is a person
BODY_CELL = r"\p{Han}{2,24}(?:{lex:org_suffixes})"  # a cell that holds a body: 市交通运输局
_CLAUSE_BREAK = frozenset(",;:。!?,;:!?“”\"《》()()[]【】—…\n|")  # (| walls a table's cell)
_SEGMENT_BREAK = _CLAUSE_BREAK | {"、"}
# What may stand before a body and is no part of it: a date, a news lead (本报讯 县人大常委会…).
_LEADING_DATE = compile_pattern(r"^(?:本报讯|本刊讯)?(?:\d{2,4}年)?(?:\d{1,2}月)?(?:\d{1,2}[日号])?")
_TITLE = r"(?:(?:{lex:title_prefixes})?{lex:titles})"  # as the rules' OFFICIAL_TITLE
_OWN_BODY = r"(?:{lex:title_prefixes})*(?P<level>{lex:title_levels})(?!级)"  # 县长, 副市长, 村主任; not 副县级干部 (a grade)
_LIST_BREAK = frozenset("、,;和及")  # 副主任A、B和秘书长C: C is of their body too
# A township and a name, all a segment holds before a unit title (村党支部书记): the body,
# however jieba reads a village name it does not know.
# When an office was held, before it (时任县长…, 原县政协主席…): no part of the body.
_OFFICE_TIME = compile_pattern(r"^(?:时任|曾任|原任|现任|后任|历任)")
_TOWNSHIP_THEN_NAME = compile_pattern(r"\p{Han}{1,6}?(?:乡|镇|街道|苏木)\p{Han}{1,4}")
# A place's name alone, all a segment holds before a unit title (塔勒德萨依|村党支部书记).
_PLACE_ALONE = compile_pattern(r"\p{Han}{2,6}")
# A place named by a numeral (七步梯, 五里牌), all a segment holds before a unit title; not a
# number of them (三个|社区).
_NUMERAL_PLACE = compile_pattern(r"[一二三四五六七八九十][^\P{Han}个名位家]\p{Han}{0,3}")
_SEATED_WORD = compile_pattern(r"[^\p{Han}]{0,2}(?P<name>\p{Han}{2,3})")  # (■)乐观|代表
_SENTENCE_FINAL = frozenset("。!?;")  # folded: a sentence ends there, no list entry does
# What makes a deputy of a head (副主任 of 主任, 常务副主席 of 主席).
_FIELD_LABEL = compile_pattern(r"【\p{Han}{1,6}】|\p{Han}{2,4}:")  # a meeting's field: 【出席】, 出席:
_HEAD_PREFIX = compile_pattern(r"^(?:常务)?副")
# A body written with its level alone (镇党委书记, 村委会主任): the place of that level the
# article named last (松木岭镇, 桂花湾村), since news leaves out the name of the place it is about.
_BARE_LEVEL = compile_pattern(r"(?P<level>村|镇|乡|街道)(?=委会|党|人大|人民政府|政府|纪委|$)")
# A body referred back to (该局党组书记、局长, 该委主任) by the head its name ends on.
REFERRED_BODY = compile_pattern(r"该(?P<head>局|委|院|办|厅|部|所|站|中心|公司|协会)$")
_HEAD_ENDINGS = {"委": ("委员会", "委")}  # 该委: a 委员会 or a 委 (县发改委)
_PLACE_NAME = compile_pattern(r"\p{Han}+")
_NOT_A_PLACE = tuple("全本该各每同邻两三几")  # 全村, 本镇, 两村: a level word, no place's name
_CONCURRENTLY = "兼"  # joins two offices of one person (书记兼主任), as 、 does
_HAN = compile_pattern(r"\p{Han}")
_TAKEN_BEFORE = r"(?:{lex:take_office})$"  # an office right after it is the taker's (张三当选|主任)
_NOT_GLUED = compile_pattern(r"[为(|丨]")  # between names and office: 为 (任命…为), a gloss or a sector
# Where a roster line's office opens right after the name, printed with no space between: a
# level (县…) or a place the lexicon knows (an unknown place needs the printed space).
_PLACE_OPENS = r"[市县区省州盟旗镇乡]|{lex:place_names}"
_TAKES_OFFICE = r"(?:{lex:take_office}|为)(?=[^为]*$)"  # the last verb before an office: 李四为|副主任


@dataclass(frozen=True)
class _Lexicons:
    """The office words of a rule pack (the name words are `NameLexicons`)."""

    names: NameLexicons
    secondary: frozenset[str]
    take_office: frozenset[str]
    org_units: tuple[str, ...]
    org_name_heads: frozenset[str]
    levels: frozenset[str]  # title_levels: 县, 市, 区, 乡


_LEXICONS: dict[int, tuple[object, _Lexicons]] = {}


def _lexicons(ctx: Context) -> _Lexicons:
    rs = ctx.ruleset
    cached = _LEXICONS.get(id(rs))
    if cached is not None and cached[0] is rs:
        return cached[1]
    lex = _Lexicons(
        names=NameLexicons.of(rs),
        secondary=rs.lexicon("secondary_titles"),
        take_office=rs.lexicon("take_office"),
        org_units=tuple(sorted(rs.lexicon("org_units"), key=len, reverse=True)),
        org_name_heads=rs.lexicon("org_name_heads"),
        levels=rs.lexicon("title_levels"),
    )
    _LEXICONS[id(rs)] = (rs, lex)
    return lex


def build_official(match: Match, ctx: Context) -> list[Official]:
    text = ctx.atext.text
    lex = _lexicons(ctx).names
    n_start, n_end = match.groups["name"]
    if "title" not in match.groups:  # a user's rule that knows the name only: take it as written
        if not plausibility(text[n_start:n_end], lex):
            return []
        return [Official(**ctx.common(match), name=text[n_start:n_end], org=match.group(text, "org"))]
    t_start, t_end = match.groups["title"]
    if _read_across_words(text, t_start, t_end):
        return []  # 社区|长者食堂: no 区长 there
    s_start, s_end = ctx.sentence_of(t_start)
    o_start, o_end = match.groups.get("org", (None, None))
    if "names" in match.groups:
        l_start, l_end = match.groups["names"]
        if o_start is not None and not _NOT_GLUED.search(text, l_end, o_start):
            # a roster's name glued to its offices (逄春来|嫩岭县…, 仝志宏|县政协委员、…): the
            # spacing splits them
            spaced = _spaced_name_end(ctx.atext, l_start, o_end)
            if spaced is None and o_start == l_end and not ctx.ruleset.regex(_PLACE_OPENS).match(text, o_start):
                return []  # 胡振宇当选市…: no space, and no place where the name would end
            if spaced is not None:
                o_start = spaced if o_start == l_end else o_start
                l_end = spaced
        names = read_name_list(text, l_start, l_end, lex)
    elif n_start >= t_end:
        limit = _names_end(text, n_start, s_end)
        names = read_names(text, n_start, lex, limit, titled=n_start == t_end)
        spaced = ctx.atext.origin_of(n_start) - ctx.atext.origin_of(n_start - 1) > 1
        if names == [(n_start, limit - 1)] and spaced and text[limit:limit + 1] == SEPARATOR \
                and slot_name(text[n_start:limit], lex, closed=True):
            names = [(n_start, limit)]  # `…局长　　浑志|刚`: a roster line's name, printed apart, runs to the line's end
        if names and _title_in_dotted_head(text, *names[0], ctx):
            return []  # 常委|会主任努尔兰·哈布都拉: the name starts after 主任, a title of its own
        names = names[:1] + list(takewhile(lambda n: not _opens_office(text, *n, s_end, ctx), names[1:]))
    else:
        seat = text.endswith(SEATS, 0, n_end) and n_end < t_start
        if seat:
            n_end -= 2  # 欧阳秋实代表(…党支部书记): the seat stands between the name and its office
        # a verb between name and title (张三当选为主任) bounds the clause's name on its right
        floor = _clause_start(text, n_end, s_start)
        names = read_names_before(text, n_end, lex, floor, slot=n_end < t_start)
        if not names and n_end < t_start and (word := _titled_word_before(text, n_end, floor, ctx)):
            names = [word]  # 召集人但凡(…县委书记): a word right after a title is its holder's name
        if not names and seat and (alone := _SEATED_WORD.fullmatch(text, floor, n_end)) and alone["name"][0] in lex.surnames:
            names = [alone.span("name")]  # ■乐观代表(…局长): all the clause holds before the seat is the name
        if not names and text[n_end:n_end + 1] == "(" and _bracketed_word(text, floor, n_end, lex):
            names = [(floor, n_end)]  # 甘泉(…村党支部书记): a word alone before an office in brackets
    if not names:
        return []
    title = text[t_start:t_end]
    if o_start is not None:
        offices, first = [_split_unit(_trim_org(text[o_start:o_end]), title, ctx)], o_start
        if text[o_start - 1:o_start] == "、":
            # the last of several offices (白桦(…乡党委副书记、乡长)): the others before it
            earlier, first = _offices(text, t_start, t_end, ctx)
            offices[:0] = earlier[:-1]
        more, t_end = _offices_after(text, t_end, ctx)  # 任命贺文涛为市人民政府副市长、代理市长
        offices += more
    elif names[0][0] < t_start:
        first, org = _org_before(text, _segment_start(text, names[0][0]), names[0][0], ctx)
        offices = [_split_unit(org, title, ctx)]
    else:
        offices, first = _offices(text, t_start, t_end, ctx)
        if ctx.ruleset.regex(_TAKEN_BEFORE).search(text, max(0, first - 4), first):
            return []  # 张三当选市人大常委会主任　李四…: the office is 张三's
    # 居民议事代表, 村民代表, 小区业委会委员: people who speak for their neighbours hold no office
    offices = [(o, t) for o, t in offices if not (o and _NO_OFFICE.search(o + t))]
    if not offices:
        return []
    org, principal = _principal(offices, ctx)
    if org is None and _takes_body(principal, ctx):
        item = min(first, names[0][0])  # 李四为副主任: the item opens at its names
        org = _body_before(text, _list_start(s_start, ctx), item, ctx) or _head_body(text, s_start, ctx)
    if (cell := _cell_body(text, names[0][0], s_start, ctx)) and not (org or "").startswith(cell):
        org = cell + (org or "")  # (县教育局:苑春燕(办公室主任): the unit's office, 县教育局办公室)
    if (heading := _heading_body(s_start, ctx)) and not (org or "").startswith(heading):
        org = heading + (org or "")
    if (bare := _BARE_LEVEL.match(org or principal)) and (place := named_place(text, bare["level"], first, ctx)):
        org = place + (org or "")[len(bare["level"]):]
    titles = [(o or "") + t for o, t in offices] if len(offices) > 1 else []
    return [
        Official(**ctx.common(match, min(first, start), max(t_end, end)),
                 name=text[start:end], title=principal, titles=titles, org=org)
        for start, end in names
    ]


def _bracketed_word(text: str, start: int, end: int, lex) -> bool:
    """Whether the clause [start, end), right before an office in brackets, is one word of
    two characters that opens on a surname (甘泉, 莫非): with nothing else in the clause, the
    word names who holds the office."""
    if end - start != 2 or text[start] not in lex.surnames or not _HAN_CHAR.match(text[start + 1]):
        return False
    read = words(text[start:end])
    return len(read) == 1 and read[0][1] not in _NAME_BREAK_TAGS


def _spaced_name_end(atext: ArticleText, start: int, limit: int) -> int | None:
    """Where a name glued to its office in the folded text ends by the original's spacing: the
    first space after two characters or more (`逄春来　嫩岭县…`: the pattern cannot tell 逄春|来嫩岭县
    from 逄春来|嫩岭县, an unknown place, but the roster printed a space; `沃　野　嫩岭县…` pads
    the name itself; `米娜瓦尔·托合提　市…`, a transcribed name, runs longer)."""
    dotted = dotted_first_part_end(atext.text, start, limit) is not None
    longest = 15 if dotted else 4  # a name of Han characters has 2 to 4
    for pos in range(start + 2, min(start + longest, limit) + 1):
        if dotted and any(ch in NAME_DOT for ch in atext.text[pos - 1:pos + 1]):
            continue  # `努尔比亚`⏎`・艾买提`: a line end at the dot is no end of the name
        if atext.origin_of(pos) - atext.origin_of(pos - 1) > 1:
            return pos
    return None


def _title_in_dotted_head(text: str, start: int, end: int, ctx: Context) -> bool:
    """Whether the part before the first dot of a dotted name holds a title (会主任努尔兰·…)."""
    dot = dotted_first_part_end(text, start, end)
    return dot is not None and ctx.ruleset.regex(_TITLE).search(text, start, dot) is not None


def _read_across_words(text: str, t_start: int, t_end: int) -> bool:
    """Whether the title at [t_start, t_end) is read across words: it starts inside one
    word and ends inside another (社区|长者 for 区长, 城市|长远 for 市长). A title that ends
    a word (县委书记, 村党支部|书记) or starts one (区长|王芳) is a title."""
    if t_start == 0 or not _HAN.match(text[t_start - 1]):
        return False
    lo = max(0, t_start - 3)
    pos, starts_inside = lo, False
    for word, _ in words(text[lo:min(len(text), t_end + 2)]):
        end = pos + len(word)
        if pos < t_start < end:
            starts_inside = True
        elif pos >= t_start and not starts_inside:
            return False
        if pos < t_end < end:
            return starts_inside
        if end >= t_end:
            return False
        pos = end
    return False


# --- offices and bodies ----------------------------------------------------------------

def _offices(text: str, t_start: int, t_end: int, ctx: Context) -> tuple[list[tuple[str | None, str]], int]:
    """(body, title) of each office the person named after the title at [t_start, t_end)
    holds, in text order, and where the first office's text starts. Walks back over
    offices joined by 、 or by 兼 (村党支部书记兼村委会主任)."""
    title = text[t_start:t_end]
    seg_start = _segment_start(text, t_start)
    org_start, org = _org_before(text, seg_start, t_start, ctx)
    offices = [_split_unit(org, title, ctx)]
    first = org_start if org else t_start
    titles_at_end = ctx.ruleset.regex(_TITLE + "$")
    while True:
        if first > 0 and text[first - 1] == _CONCURRENTLY:
            cut = first - 1
        elif seg_start > 0 and text[seg_start - 1] == "、":
            cut = seg_start - 1
        else:
            break
        prev_start = _segment_start(text, cut)
        segment = text[prev_start:cut]
        end_title = titles_at_end.search(segment)
        if end_title is None:
            break
        o_start, org = _org_before(text, prev_start, prev_start + end_title.start(), ctx)
        offices.insert(0, _split_unit(org, end_title.group(), ctx))
        first = o_start if org else prev_start + end_title.start()
        seg_start = prev_start
    return offices, first


def _offices_after(text: str, pos: int, ctx: Context) -> tuple[list[tuple[None, str]], int]:
    """Further offices, without a body, joined by 、 right after the office that ends at
    folded `pos` and closing the clause (任命张三为市人民政府副市长、代理市长 gives 代理市长),
    and where the last of them ends."""
    found: list[tuple[None, str]] = []
    title_at = ctx.ruleset.regex(_TITLE)
    while text[pos:pos + 1] == "、":
        more = title_at.match(text, pos + 1)
        if more is None or (more.end() < len(text) and text[more.end()] not in _SEGMENT_BREAK):
            break
        found.append((None, more.group()))
        pos = more.end()
    return found, pos


def _opens_office(text: str, start: int, end: int, limit: int, ctx: Context) -> bool:
    """Whether a later item of a list of names is the start of a body, an office and a name
    (局长张红、区住房|和城市更新局局长孙勇: 区 is a surname, 住房 a word): it runs on, before
    the next list mark, into a body (…局) and a title. 副主任张三、李四|和秘书长王五 does not."""
    stop = _clause_end(text, end, limit, _SEGMENT_BREAK)
    title = ctx.ruleset.regex(_TITLE).search(text, end, stop)
    if title is None or not text[end:title.start()].endswith(_lexicons(ctx).names.org_suffixes):
        return False
    given = words(text[start + 1:end])
    return len(given) == 1 and len(given[0][0]) > 1 and not given[0][1].startswith("nr")


def _principal(offices: list[tuple[str | None, str]], ctx: Context) -> tuple[str | None, str]:
    """(body, title) of the main office of one person: the last office that is not an
    auxiliary role (lexicon `secondary_titles`); of auxiliary roles alone, the first, the
    senior one, wherever the name stands (任命郑磊为检察委员会委员、检察员; 检察委员会委员、
    检察员　郑磊). An office written without a body takes the body of the person's nearest
    office before it that has one (市委常委、秘书长: 市委), unless its title names its own
    body (县委副书记、县长: none for 县长); else the body is None."""
    secondary = _lexicons(ctx).secondary
    k = next((i for i in range(len(offices) - 1, -1, -1) if offices[i][1] not in secondary), 0)
    org, title = offices[k]
    own = ctx.ruleset.regex(_OWN_BODY).match(title)
    if org is None and not own:
        org = next((o for o, _ in reversed(offices[:k]) if o), None)
    elif org is None and k:
        # 西柳村党支部书记、村委会主任: an office of a level (村) takes the body before it
        # when that body is a place of the level (西柳村) or its government (市人民政府副市长、
        # 代理市长), not when it is another (县委副书记、县长)
        level = own.group("level")
        before = offices[k - 1][0]
        # (镇党委副书记、镇长: the level alone names no place: none)
        org = before if before and before != level and before.removesuffix("政府").removesuffix("人民").endswith(level) else None
    return org, title


def named_place(text: str, level: str, pos: int, ctx: Context) -> str | None:
    """The place of `level` (村, 镇) the article names last before folded `pos`, as a body
    reads back from its level (桂花湾村 in 桂花湾村地处…); None if it names none. The events
    builder asks it too, for an actor written as the level alone (村里, 镇)."""
    at = text.rfind(level, 0, pos)
    while at > 0:
        end = at + len(level)
        start = _segment_start(text, at)
        # the level closes a word (桂花湾|村), not opens one (村民, 镇政府)
        if start < at and end - start in accumulate(len(w) for w, _ in words(text[start:end + 2])) \
                and (body := _org_words(text[start:end], ctx)) and body.endswith(level) \
                and len(body) > len(level) + 1 and not body.startswith(_NOT_A_PLACE) and not _BARE_LEVEL.match(body) \
                and _PLACE_NAME.fullmatch(body) and text.rfind("《", 0, at) <= text.rfind("》", 0, at):
            return body  # (a place's name holds no figure, 17名镇; nor is it a title's word, 《…县乡镇…指引》)
        at = text.rfind(level, 0, at)
    return None


def _takes_body(title: str, ctx: Context) -> bool:
    """Whether an office written without a body takes one from an office before it: not when
    its title names its own (lexicon `title_levels`: 县长, 副市长, 村主任)."""
    return not ctx.ruleset.regex(_OWN_BODY).match(title)


def _body_before(text: str, floor: int, first: int, ctx: Context) -> str | None:
    """The body of the official named last before folded `first` (and after `floor`, the
    start of the sentence, or of the sentences `;` joins), where an item or a clause opens
    (after 、 , ;) with an office that has no body: news leaves out a body it has just
    written. `区政协主席张三、副主席李四、王五,秘书长赵六` gives 赵六 the body of 李四 and
    王五, which is that of 张三; `主任张三主持会议,秘书长李四作说明` gives 李四 the body of 张三."""
    lex = _lexicons(ctx).names
    titles = ctx.ruleset.regex(_TITLE)
    while first > floor and text[max(0, first - 2):first].rstrip(SEPARATOR)[-1:] in _LIST_BREAK:  # past a ; that ends a sentence
        end = first - 1 - (text[first - 2:first - 1] == SEPARATOR)
        found = list(titles.finditer(text, floor, end))
        if found and found[-1].end() == end:  # the item before closes on its office: 张三当选为主任,李四…
            org, title, first = _closing_office(text, _clause_start(text, found[-1].start(), floor), found[-1], ctx)
        else:
            named = next((t for t in reversed(found) if read_names(text, t.end(), lex, end, titled=True)), None)
            if named is None:  # only titles that name no one (主任会议)
                return None
            offices, first = _offices(text, named.start(), named.end(), ctx)
            org, title = _principal(offices, ctx)
        if org is not None or not _takes_body(title, ctx):
            return org
    return None


def _cell_body(text: str, name_start: int, s_start: int, ctx: Context) -> str | None:
    """The body in the cell left of a name's own in a table drawn with `|`
    (`|市交通运输局|帅克勤(党组书记、局长)|`), or that labels the line the name opens
    (`县教育局:苑春燕(女,办公室主任)`, a list by unit), or None."""
    mark = text[name_start - 1:name_start]
    if mark == CELL_MARK:
        left = text.rfind(CELL_MARK, s_start, name_start - 1)
        cell = text[left + 1:name_start - 1] if left >= 0 else ""
    elif mark == ":":
        cell = text[s_start:name_start - 1]
    else:
        return None
    return cell if ctx.ruleset.regex(BODY_CELL).fullmatch(cell) else None


def _heading_body(s_start: int, ctx: Context) -> str | None:
    """The body a list prints on a line of its own above the indented lines of its offices
    and names (`洺川市中级人民法院⏎　　审判员　　化雨、麻建军`): the body of each, or None
    where the sentence at folded `s_start` opens no indented line under such a heading."""
    atext, original = ctx.atext, ctx.original
    i = atext.sentence_index(s_start)
    while i > 0:
        start = atext.sentences[i][0]
        line_start = original.rfind("\n", 0, start) + 1
        s_bounds = atext.sentence_bounds(i)
        if line_start == start or original[line_start:start].strip() or atext.text[s_bounds[1] - 1] in _SENTENCE_FINAL:
            return None  # no indented entry of a list (a body paragraph under a headline `区政协` is none)
        i -= 1
        p_start, p_end = atext.sentence_bounds(i)
        line = atext.text[p_start:p_end]
        if line.endswith(_lexicons(ctx).names.org_suffixes) and _org_words(line, ctx) == line:
            return line
    return None


def _titled_word_before(text: str, end: int, floor: int, ctx: Context) -> tuple[int, int] | None:
    """(start, end) of a name of two or three characters that ends at folded `end` right
    after an office title or a field that names a person, read as a name there (召集人|但凡,
    责任人：|商量(…主任)), or None."""
    lex = _lexicons(ctx).names
    titles = ctx.ruleset.regex(_TITLE + "$")
    for size in (2, 3):
        start = end - size
        named = titles.search(text, floor, start) if start > floor else _PERSON_FIELD.search(text, max(0, start - 6), start)
        if named and read_name(text, start, lex, end, titled=True) == end:
            return start, end
    return None


def _head_body(text: str, s_start: int, ctx: Context) -> str | None:
    """The body of the offices of a sentence that opens on a bare office, when the sentence
    before names the head of that office with its body: `市人大常委会主任张三主持会议。副主任
    李四、王五,秘书长赵六出席。` gives 李四, 王五 and 赵六 市人大常委会; so do a meeting's
    fields (`【主持】县人大常委会主任张三⏎【出席】副主任李四、王五`)."""
    label = _FIELD_LABEL.match(text, s_start)  # 【出席】副主任…: a field's label before the office
    lead = ctx.ruleset.regex(_TITLE).match(text, label.end() if label else s_start)
    i = ctx.atext.sentence_index(s_start)
    if lead is None or i == 0:
        return None
    root = _HEAD_PREFIX.sub("", lead.group())
    p_start, p_end = ctx.atext.sentence_bounds(i - 1)
    lex = _lexicons(ctx).names
    for head in ctx.ruleset.regex(_TITLE).finditer(text, p_start, p_end):
        if head.group() == root and read_names(text, head.end(), lex, p_end, titled=True):
            return _principal(_offices(text, head.start(), head.end(), ctx)[0], ctx)[0]
    return None


def _closing_office(text: str, start: int, title, ctx: Context) -> tuple[str | None, str, int]:
    """(body, title, item start) of the office that closes the item at `start`, where the
    names come first and a verb of taking office stands between them and the office
    (张三当选为市人大常委会主任, 李四为副主任): the body is what the verb leaves before
    the title."""
    verb = ctx.ruleset.regex(_TAKES_OFFICE).search(text, start, title.start())
    body = _trim_org(text[verb.end():title.start()]) if verb else _org_before(text, start, title.start(), ctx)[1]
    org, name = _split_unit(body, title.group(), ctx)
    return org, name, start


def _list_start(s_start: int, ctx: Context) -> int:
    """Start of the sentences that `;` joins into one list, up to the one at `s_start`
    (出席会议的有:市政协副主席王芳;秘书长刘勇)."""
    starts, text = ctx.atext.sentence_starts, ctx.atext.text
    i = ctx.atext.sentence_index(s_start)
    while i > 0 and text[starts[i] - 2:starts[i] - 1] == ";":
        i -= 1
    return starts[i]


def _split_unit(org: str | None, title: str, ctx: Context) -> tuple[str | None, str]:
    """`曙光街社区` + `社区书记` -> (`曙光街社区`, `书记`): the unit belongs to the body,
    when what is left is a title itself (嘎查达 is a title of its own, not 嘎查 + 达)."""
    if org:
        is_title = ctx.ruleset.regex(_TITLE)
        for unit in _lexicons(ctx).org_units:
            if title.startswith(unit) and is_title.fullmatch(title, len(unit)):
                return org + unit, title[len(unit):]
    return org, title


def _segment_start(text: str, pos: int) -> int:
    start = pos
    while start > 0 and text[start - 1] not in _SEGMENT_BREAK and pos - start < MAX_ORG:
        start -= 1
    return start


def _clause_start(text: str, pos: int, floor: int) -> int:
    start = pos
    while start > floor and text[start - 1] not in _CLAUSE_BREAK:
        start -= 1
    return start


def _clause_end(text: str, pos: int, limit: int, breaks: frozenset[str] = _CLAUSE_BREAK) -> int:
    end = pos
    while end < limit and text[end] not in breaks:
        end += 1
    return end


def _names_end(text: str, pos: int, limit: int) -> int:
    """Where the names read from `pos` must end: the clause's end, past the glosses in
    brackets of its names (副主席王芳(女,瑶族)、李强,…)."""
    end = _clause_end(text, pos, limit)
    while end < limit and (gloss := NAME_GLOSS.match(text, end, limit)):
        end = _clause_end(text, gloss.end(), limit)
    return end


def _org_before(text: str, floor: int, pos: int, ctx: Context) -> tuple[int, str | None]:
    """(start, body) of the body written right before folded `pos`."""
    if referred := REFERRED_BODY.search(text, floor, pos):
        return referred.start(), referred_body(text, referred["head"], referred.start(), ctx)
    org = _org_words(text[floor:pos], ctx)
    if org and org[-1] == "级" and org[:-1] in _lexicons(ctx).levels:
        return pos, None  # 镇级|总河长: a grade of the office, no body (it takes the one before)
    if org:
        return pos - len(org), org
    # A unit title (村党支部书记) after a place's name jieba does not read as one: the whole
    # segment before it is the place, when it is a township and a name (高坝乡摆勒: jieba reads
    # 摆勒 as two verbs), a transliteration jieba reads as a person's or a place's (塔勒德萨依),
    # or a name opening on a numeral (七步梯: 七步|梯).
    if text.startswith(_lexicons(ctx).org_units, pos) and (
            _TOWNSHIP_THEN_NAME.fullmatch(text, floor, pos) or _NUMERAL_PLACE.fullmatch(text, floor, pos)
            or _PLACE_ALONE.fullmatch(text, floor, pos) and words(text[floor:pos])[0][1].startswith(("nr", "ns"))):
        return floor, text[floor:pos]
    if _BARE_LEVEL.fullmatch(text, floor, pos):
        return floor, text[floor:pos]  # 镇|党委书记: the level alone, a place build_official names
    return pos, None


def referred_body(text: str, head: str, pos: int, ctx: Context) -> str | None:
    """The body that 该 + `head` (该局, 该委) refers back to: the last one before folded `pos`
    whose name ends on that head (县商务局; for 该委 a 委员会 too), or None. The events
    builder asks it too, for an actor written 该局."""
    found: tuple[int, str] | None = None
    for ending in _HEAD_ENDINGS.get(head, (head,)):
        at = text.rfind(ending, 0, pos)
        while at > 0:
            end = at + len(ending)
            start = _segment_start(text, at)
            # the head closes a word (县商务|局), not opens one (局长) or sits inside one (常委会)
            if end - start in accumulate(len(w) for w, _ in words(text[start:end + 2])) \
                    and (body := _org_words(text[start:end], ctx)) and body.endswith(ending) and len(body) > len(ending) + 1:
                if found is None or end > found[0]:
                    found = (end, body)
                break
            at = text.rfind(ending, 0, at)
    return found[1] if found else None


def _org_words(segment: str, ctx: Context) -> str | None:
    """The body at the end of `segment`: the longest run of noun-like words, back to a
    preposition, particle or adverb, or to a verb or conjunction with no noun before it
    (发展和改革委员会 keeps its 和, 会议由市政协 stops at 由). A verb right before a head of
    lexicon `org_name_heads` names the place (如意社区, 胜利街道), and so does one character
    tagged a verb before a level word of `title_levels` (渌|坪|县). A one-character ending of
    lexicon `org_suffixes` after a noun closes the body even when jieba reads it as a verb
    (市委|办), and a verb that jieba glued to a level word is no part of it (的|有区|水务局).

    `_org_words("会议由市政协", ctx)` gives `市政协`.
    """
    heads = _lexicons(ctx).org_name_heads
    levels = _lexicons(ctx).levels
    endings = _lexicons(ctx).names.org_suffixes
    taking = _lexicons(ctx).take_office
    titles = ctx.ruleset.lexicon("titles")
    tokens = words(segment)
    kept: list[tuple[str, str]] = []
    for i in range(len(tokens) - 1, -1, -1):
        word, tag = tokens[i]
        if word in taking or word == _CONCURRENTLY:  # 张三当选|县人大常委会, 秘书长兼|市委办公室
            break
        # 和 after a person joins two items (副区长王立|和|区发展改革局), not parts of a body
        # (nor after a title: 两位副主任|和|常委会委员 joins two people's offices)
        inner = bool(kept) and i > 0 and tokens[i - 1][1].startswith(_INNER_NEIGHBOUR) \
            and not (tag == "c" and (tokens[i - 1][1].startswith("nr") or tokens[i - 1][0] in titles))
        named = bool(kept) and kept[0][0] in heads and tag in _VERB | {"vn", "a", "ad"}
        # 渌|坪|县: one character tagged a verb before a level word is part of a place's name
        # (but 提起|县人大代表 is a verb and its object)
        named = named or bool(kept) and kept[0][0] in levels and len(word) == 1 and tag in _VERB
        closing = not kept and word in endings and i > 0 and tokens[i - 1][1].startswith(_INNER_NEIGHBOUR)
        # a character jieba does not know (迤|沙镇) before a body's words is part of its name
        rare = tag == "x" and bool(kept) and _HAN_CHAR.fullmatch(word) is not None
        # 与 that jieba reads as a preposition joins a committee's fields (农业|与|农村工作委员会)
        joined = word in ("与", "和") and inner and kept[-1][0].endswith("委员会")
        if kept and len(word) == 2 and word[1] in endings and words(word[0])[0][1] in _VERB | _ORG_BREAK:
            # 听取|了市|人大常委会, 的|有区|水务局: a particle or verb jieba glued to a level word
            kept.insert(0, (word[1], "n"))
            break
        if tag in _ORG_BREAK and not (named or rare or joined):
            break
        if (tag == "c" or tag in _VERB) and not (inner or named or closing):
            break
        kept.insert(0, (word, tag))
    while kept and (kept[0][1] in _VERB or kept[0][1] == "vn" or kept[0][1][:1] in ("c", "q", "f", "m")):
        if len(kept) > 1 and kept[1][0] in heads:
            break
        kept.pop(0)
    org = "".join(w for w, _ in kept)
    if org[:1] in "日号" and segment[len(segment) - len(org) - 1:len(segment) - len(org)].isdigit():
        org = org[1:]  # 3月20日|县…: a date's 日 that jieba glued to the body (日县), its space folded away
    return _trim_org(org)


def _trim_org(org: str) -> str | None:
    org = _OFFICE_TIME.sub("", _LEADING_DATE.sub("", org))
    return org if len(org) >= 2 else None
