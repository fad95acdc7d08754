"""Regulations: a named normative document, classified by the kind word that closes its title.

The rule captures `title` (inside 《》, or ending at a `》` whose `《` was lost) and may
capture `action`. A title is a regulation when, once its draft marker and any other
closing bracket (`(试行)`, `(2021年修订)`) are set aside, it ends with an entry of the
lexicon `regulation_kinds`; the longest such entry is the category. So newspapers,
magazines, yearbooks, reports and article titles fall away by their own last word
(`《中国人大》`, `…情况的报告`), and a user adds a kind of document by adding a line.
Two more tests keep out titles that end like a regulation but are something else: a
title that holds sentence punctuation is an article's, and a title that opens with `关于`
but has no `的` (`关于出台…条例`) names a proposal asking for a regulation, as does a
title followed by a head noun of `not_regulation_after` (`《…》的重点提案`).

`(草案)`, `(草案修改稿)`... (lexicon `draft_markers`) set `draft` and leave the title;
`(试行)` stays in it, and a tail bracket that OCR left open (`…细则(试行》`) is closed. `action` is the governing verb (lexicon `regulation_actions`): the
one right before the title, across other titles of the same list (`被吸纳到《A》《B》之中`
gives 吸纳到 to both), or the last one of the clause when the title is set in apposition
(`出台了…专门性法规——《A》`), else the one right after it (`《A》征求意见座谈会`,
`在《A》中被采纳`).
"""

from __future__ import annotations

from factx.build.context import Context
from factx.match import Match
from factx.patterns import compile_pattern
from factx.records import Regulation
from factx.words import words

_CLAUSE_MARK = compile_pattern(r"[,;,;]")
_DRAFT = r"[((](?:{lex:draft_markers})[))]$"
_TAIL_BRACKET = r"[((][^()()]{1,12}[))]$"
_UNCLOSED_TAIL = compile_pattern(r"[(（](?=[^()（）]{1,12}$)")  # the opening bracket of an unclosed tail
# The longest ending over both lexicons decides: 《一线工作法》 ends with 工作法, not with 法.
_KIND = r"(?:(?P<no>{lex:not_regulation_kinds})|(?P<kind>{lex:regulation_kinds}))$"
# Sentence punctuation inside a title: the title of an article or a speech, not a document.
_ARTICLE_PUNCT = r"[,;:!?,;:!?。]"
_PROPOSAL_AFTER = r"的?(?:{lex:not_regulation_after})"
# What may stand between a governing verb and the title: other titles of the same list,
# conjunctions, aspect particles.
_BEFORE_FILLER = r"(?:《[^《》\n]*》|[、和及与并的]|以及|了)+$"
_AFTER_FILLER = r"^(?:(?:[((][^()()\n]{1,30}[))])|《[^《》\n]*》|[、和及与]|以及|等\p{Han}{0,4}?(?:文件|制度|法规|规定)|等|之?中|被|的|正式|全面|认真)+"
_ACTION_BEFORE = r"(?:{lex:regulation_actions})$"
# 出台了…首部专门性法规——《…条例》: the title stands in apposition to the verb's object.
_APPOSITION = r"(?:——|—|--|:|:)$"
_LAST_ACTION = r"(?s).*(?P<verb>{lex:regulation_actions})"
_ACTION_AFTER = r"^(?:{lex:regulation_actions})"
# Parts of speech that can open a title written without its 《: a place or a body, or 关于.
_TITLE_OPENERS = frozenset({"ns", "nt", "nz", "j"})


def build_regulation(match: Match, ctx: Context) -> list[Regulation]:
    text = ctx.atext.text
    start, end = match.groups["title"]
    if not match.group(text, "open"):
        before = text[ctx.sentence_of(start)[0]:start]
        if before.count("《") > before.count("》"):  # the 《 stands earlier: an article's title with a comma
            return []
        start = _unopened_start(text, start, end, ctx)
        if start is None:
            return []
    title = text[start:end]
    fields = classify_title(title, ctx)
    if fields is None or _names_a_proposal(text, match.end, ctx):
        return []
    action = match.group(text, "action") or _action(text, start, end, ctx)
    span_start = start - 1 if match.group(text, "open") else start
    return [Regulation(**ctx.common(match, span_start, match.end), **fields, action=action)]


def classify_title(title: str, ctx: Context) -> dict | None:
    """`title`, `category` and `draft` of a document title, or None when it names no regulation.

    >>> from factx.rules import load_rules  # doctest: +SKIP
    >>> classify_title("呼和浩特市湿地保护条例(草案)", ctx)  # doctest: +SKIP
    {'title': '呼和浩特市湿地保护条例', 'category': '条例', 'draft': True}
    """
    rs = ctx.ruleset
    title = closed_title(title)
    draft = rs.regex(_DRAFT).search(title)
    if draft:
        title = title[: draft.start()]
    core = title
    while (tail := rs.regex(_TAIL_BRACKET).search(core)) is not None:
        core = core[: tail.start()]
    kind = rs.regex(_KIND).search(core)
    if kind is None or kind.group("kind") is None or kind.start() == 0:
        return None
    if rs.regex(_ARTICLE_PUNCT).search(core):
        return None
    if core.startswith("关于") and "的" not in core:
        return None
    return {"title": title, "category": kind.group("kind"), "draft": draft is not None}


def closed_title(title: str) -> str:
    """`title` with the closing bracket of its tail restored where OCR lost it:
    `…实施细则(试行` gives `…实施细则(试行)`; and a nested title closed with 》 for 〉
    (`关于修改〈…条例》的决定`) closed with 〉, or opened with 《 for 〈 (`关于印发《…方案〉的通知`)
    opened with 〈."""
    if "〈" in title and "〉" not in title:
        title = title.replace("》", "〉", 1)
    elif "〉" in title and "〈" not in title:
        title = title.replace("《", "〈", 1)
    unclosed = _UNCLOSED_TAIL.search(title)
    if unclosed is None:
        return title
    return title + ("）" if unclosed.group() == "（" else ")")


def _names_a_proposal(text: str, after: int, ctx: Context) -> bool:
    """`《…》的重点提案`: the title is that of a proposal or a motion."""
    return ctx.ruleset.regex(_PROPOSAL_AFTER).match(text, after, after + 12) is not None


def _action(text: str, start: int, end: int, ctx: Context) -> str | None:
    rs = ctx.ruleset
    s_start, s_end = ctx.sentence_of(start)
    opened = start > s_start and text[start - 1] == "《"
    before = text[max(s_start, start - 60): start - 1 if opened else start]
    filler = rs.regex(_BEFORE_FILLER).search(before)
    if filler:
        before = before[: filler.start()]
    verb = rs.regex(_ACTION_BEFORE).search(before)
    if verb:
        return verb.group()
    apposition = rs.regex(_APPOSITION).search(before)
    if apposition:
        clause = _CLAUSE_MARK.split(before[: apposition.start()])[-1]
        verb = rs.regex(_LAST_ACTION).match(clause)
        if verb:
            return verb.group("verb")
    after = end + 1 if end < s_end and text[end] == "》" else end
    tail = text[after: min(s_end, after + 80)]
    filler = rs.regex(_AFTER_FILLER).search(tail)
    if filler:
        tail = tail[filler.end():]
    verb = rs.regex(_ACTION_AFTER).search(tail)
    return verb.group() if verb else None


def _unopened_start(text: str, start: int, end: int, ctx: Context) -> int | None:
    """Where a title whose `《` was lost begins: `自内蒙古自治区…条例》实施以来`.

    The rule hands over the clause before the `》`; the title starts at its first place or
    body (or at 关于), after the preposition or verb that governs it, or else right after
    the last verb of the lexicon `regulation_actions`.
    """
    pos = start
    for word, tag in words(text[start:end]):
        if tag in _TITLE_OPENERS or word in ("关于", "中共"):
            return pos if end - pos >= 4 else None
        pos += len(word)
    # no place jieba knows (芦峁县 comes as 芦|峁|县): right after the verb that governs it
    # (县政府出台|芦峁县淤地坝运行管护办法(试行)》)
    verb = ctx.ruleset.regex(_LAST_ACTION).match(text, start, end)
    return verb.end() if verb and end - verb.end() >= 4 else None
