"""Split a newspaper page into articles, and articles into sentences.

A page is read line by line. Each line is classified (navigation, headline, subtitle
`——…`, byline `□耿欣 付鹏飞`, photo credit, body); a body line that stops without
closing punctuation continues into the next body line (page breaks and OCR cut
paragraphs in the middle of a sentence, even of a `《》` title). An article starts at a
headline that is followed by a subtitle or byline, or at the headline of a photo story
that a `■本报记者 王劲凯 摄` line closes. Everything is kept as spans of the original
text, so offsets never drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from factx.normalise import fold_text

Span = tuple[int, int]

_NAV = regex.compile(
    r"^(?:往期阅读|当前版|上一版|下一版|上一篇|下一篇|放大|缩小|默认|标题导航|返回目录|第\d+版[::]|~~~)"
)
_NAV_WORDS = regex.compile(r"^(?:往期阅读|当前版|\d+版|上一版|下一版|上一篇|下一篇|放大|缩小|默认|[::])+$")
_SUBTITLE = regex.compile(r"^(?:——|--|—)")
_BYLINE_MARK = regex.compile(r"^[□●■◆▲★]")
_BYLINE_ROLE = regex.compile(r"^(?:本报记者|本报通讯员|记者|通讯员|实习生|文/图|文|图|摄影)\b")
_PHOTO_BY = regex.compile(r"摄$")
_CREDIT = regex.compile(r"^(?:图片由.{1,30}提供|(?:本版)?图片(?:来源)?[::].{1,30})$")
# 本报讯(记者 祁晓燕) / 本报讯（记者 杨彩霞 通讯员 X）at the start of a paragraph.
_NEWS_LEAD = regex.compile(r"^本报讯[((]([^()()]{1,40})[))]")
_CLOSERS = "。！？!?；;…”」』)）》"
_SENTENCE_END = frozenset("。！？!?；;")
_OPENERS = {"《": "》", "“": "”", "(": ")", "（": "）", "「": "」", "『": "』", "‘": "’"}
_HEADLINE_MAX = 40
_MAX_QUOTE = 300  # characters a quote or bracket may stay open before we stop trusting it
_ROLES = ("本报记者", "本报通讯员", "通讯员", "实习生", "记者", "摄影", "文/图", "文", "图")


@dataclass
class Line:
    start: int          # original offsets of the stripped content
    end: int
    folded: str
    kind: str = "body"  # blank nav headline subtitle byline credit body


@dataclass
class Article:
    index: int
    start: int
    end: int
    title: Span | None = None
    subtitle: Span | None = None
    bylines: list[tuple[str, str]] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)


def _lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw)
        pos = end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        folded = fold_text(text[start:end])
        lines.append(Line(start, end, folded))
    return lines


def _classify(line: Line, in_nav_block: bool) -> str:
    f = line.folded
    if not f:
        return "blank"
    if _NAV.match(f) or _NAV_WORDS.match(f):
        return "nav"
    if _SUBTITLE.match(f) and len(f) <= _HEADLINE_MAX + 10:
        return "subtitle"
    if _CREDIT.match(f):
        return "credit"
    if (_BYLINE_MARK.match(f) or _BYLINE_ROLE.match(f)) and len(f) <= 40 and not _ends_sentence(f):
        return "byline"
    if in_nav_block and len(f) <= _HEADLINE_MAX and not _has_sentence_punct(f):
        return "nav"
    if len(f) <= _HEADLINE_MAX and not _has_sentence_punct(f) and f[-1] not in ",，、:：" :
        return "headline"
    return "body"


def _has_sentence_punct(f: str) -> bool:
    return any(c in _SENTENCE_END or c == "," or c == "，" for c in f)


def _ends_sentence(f: str) -> bool:
    return bool(f) and f[-1] in _CLOSERS


def _byline_of(text: str, line: Line) -> list[tuple[str, str]]:
    # Names in a byline are separated by spaces, which folding drops: parse the raw line.
    raw = _BYLINE_MARK.sub("", text[line.start:line.end].strip())
    raw = regex.sub(r"\s*摄\s*$", "", raw)
    out: list[tuple[str, str]] = []
    role = "作者"
    for token in regex.split(r"\s+", raw):
        m = regex.match(r"^(本报记者|本报通讯员|\w{0,8}日报记者|通讯员|实习生|记者|摄影)(.*)$", token)
        if m:
            role = m.group(1)
            token = m.group(2)
        if token:
            out.append((role, token))
    return out


def segment(text: str) -> list[Article]:
    """Articles of a page, each with its headline, bylines and sentence spans.

    >>> [len(a.sentences) for a in segment("标题\\n\\n——副题\\n\\n□张三\\n\\n第一句。第二句。\\n")]
    [4]
    """
    lines = _lines(text)
    in_nav = False
    for line in lines:
        line.kind = _classify(line, in_nav)
        if line.kind == "nav" and line.folded.startswith("标题导航"):
            in_nav = True
        elif line.kind == "body":
            in_nav = False
    content = [ln for ln in lines if ln.kind not in ("blank", "nav")]
    starts = _article_starts(content)
    articles: list[Article] = []
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(content)
        block = content[first:last]
        if not block:
            continue
        articles.append(_build_article(text, len(articles), block))
    return articles


def _article_starts(content: list[Line]) -> list[int]:
    """Indexes into `content` where an article begins (always 0 when there is content)."""
    starts = {0} if content else set()
    for i, line in enumerate(content):
        if line.kind in ("subtitle", "byline") or (line.kind == "body" and _NEWS_LEAD.match(line.folded)):
            # Walk back over the headline lines above it: the first of them starts the article.
            j = i
            while j > 0 and content[j - 1].kind in ("headline", "subtitle") and i - j < 3:
                j -= 1
            if j < i and j not in starts and not _continues_head(content, j, starts):
                starts.add(j)
        if line.kind == "byline" and _PHOTO_BY.search(line.folded):
            # A photo story: headline, one to three caption paragraphs, "… 摄".
            j = i - 1
            while j > 0 and content[j].kind == "body" and i - j <= 3:
                j -= 1
            if content[j].kind == "headline" and j not in starts:
                starts.add(j)
    return sorted(starts)


def _continues_head(content: list[Line], j: int, starts: set[int]) -> bool:
    # A byline right under a subtitle under a headline belongs to the headline already started.
    return any(s < j and all(content[k].kind in ("headline", "subtitle", "byline") for k in range(s, j)) for s in starts)


def _build_article(text: str, index: int, block: list[Line]) -> Article:
    art = Article(index=index, start=block[0].start, end=block[-1].end)
    for line in block:
        if line.kind not in ("headline", "subtitle", "byline"):
            break
        if line.kind == "headline":
            art.title = (line.start, line.end)  # the last headline line above the subtitle: kickers come first
        elif line.kind == "subtitle" and art.subtitle is None:
            art.subtitle = (line.start, line.end)
    paragraphs: list[Span] = []
    pending: Span | None = None
    for line in block:
        if line.kind == "byline":
            art.bylines.extend(_byline_of(text, line))
            continue
        if line.kind == "credit":
            continue
        start = line.start
        lead = _NEWS_LEAD.match(line.folded) if line.kind == "body" else None
        if lead:
            art.bylines.extend(_lead_bylines(lead.group(1)))
            start = _skip_lead(text, line.start, line.end)
        if pending is not None:
            # A cut paragraph continues into this line.
            paragraphs[-1] = (paragraphs[-1][0], line.end)
        else:
            paragraphs.append((start, line.end))
        cut = line.kind == "body" and not _ends_sentence(line.folded) and len(line.folded) > 15
        pending = (start, line.end) if cut else None
    for start, end in paragraphs:
        art.sentences.extend(split_sentences(text, start, end))
    return art


def _lead_bylines(inner: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    role = "记者"
    for token in regex.split(r"\s+", inner.strip()):
        m = regex.match(r"^(本报记者|通讯员|实习生|记者)(.*)$", token)
        if m:
            role, token = m.group(1), m.group(2)
        if token:
            out.append((role, token))
    return out


def _skip_lead(text: str, start: int, end: int) -> int:
    """Original offset just after `本报讯(…)` at the start of a paragraph."""
    depth = 0
    for i in range(start, end):
        if text[i] in "(（":
            depth += 1
        elif text[i] in ")）":
            depth -= 1
            if depth == 0:
                return i + 1
    return start


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of `text[start:end]`: split after 。！？；, never inside 《》, quotes or brackets.

    >>> t = "他说：“好。”《条例；草案》通过。"
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
    ['他说：“好。”《条例；草案》通过。']
    """
    spans: list[Span] = []
    stack: list[str] = []
    opened_at = start
    begin = start
    for i in range(start, end):
        ch = text[i]
        if stack and i - opened_at > _MAX_QUOTE:
            stack.clear()  # an unbalanced OCR quote must not swallow the rest of the paragraph
        if ch in _OPENERS and not (ch == "“" and stack and stack[-1] == "”"):
            if not stack:
                opened_at = i
            stack.append(_OPENERS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in _SENTENCE_END and not stack:
            spans.append((begin, i + 1))
            begin = i + 1
    if begin < end:
        spans.append((begin, end))
    out: list[Span] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out
