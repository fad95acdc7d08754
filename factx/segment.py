"""Split a newspaper page into articles, and articles into sentences.

A page is read line by line. Each line is classified: navigation and page chrome
(`往期阅读`, `上一版 下一版`, the headline list under `标题导航`, `第06版:首府`, the masthead
dateline, editor credits, a related-news link with its date), headline, subtitle `——…`,
byline (`□耿欣 付鹏飞`, `●本报记者 刘沙沙 通讯员 谢钰辰`, `■本报记者 王劲凯 摄`, `本报记者 张三`),
photo credit, body.
On a page that separates paragraphs by blank lines a lone line break is a wrap; on any
page a number or date cut by a line end is joined; a body line that stops without closing
punctuation before a page break continues into the next body line (even inside a `《》`
title). An article starts at a headline followed by a subtitle, a byline or a `本报讯(…)`
lead, or at the headline of a photo story that a `… 摄` line closes; captions printed
before the first headline belong to the first article. Photo captions are told apart
(`Article.captions`), bylines parsed into (role, name), and every article knows the years
it names. Everything is kept as spans of the original text, so offsets never drift.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import regex

from factx.normalise import fold_char, fold_text, fold_texts
from factx.patterns import compile_pattern

Span = tuple[int, int]

# A line that heads the page's list of headlines: the list under it is navigation too.
_HEADLINE_LIST_HEAD = r"(?:本版|本期|今日)?(?:标题导航|导读|目录)"
_NAV = compile_pattern(
    rf"^(?:往期阅读|往期回顾|当前版|上一版|下一版|上一篇|下一篇|放大|缩小|默认|{_HEADLINE_LIST_HEAD}|返回目录|第\d+版[::]|~~~"
    r"|阅读原文$|阅读[0-9.万+]+(?:\p{Han}{2}[0-9.万+]*)*$"  # a post's foot: `阅读 2 386　分享　收藏　点赞 47`
    r"|(?:今天是|今日是|今天|今日)[::]?(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日(?:星期|周)[一二三四五六日天]"  # a portal's clock: the day of the visit
    r"|.{0,40}(?:今天是|今日是)[::]?(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日(?:星期|周)[一二三四五六日天]$"  # …after its buttons: `［繁體］［无障碍］今天是：…`
    r"|[-—–][0-9]{1,3}[-—–]$|第[0-9]{1,3}页(?:共[0-9]{1,3}页)?$"  # a page number: `－ 2 －`, `— 3 —`, `第2页共8页`
    r"|(?:\p{Han}{0,12}共[0-9]+条(?:记录)?)?每页[0-9]+条"  # a list's pager: `共439条记录 每页12条 第1页/共37页`
    r"|\((?:全文)?完\)$"  # the end mark of a document (`（全文完）`)
    r"|(?:\p{Han}{2,6}[·•/]){3,}\p{Han}{2,6}$"  # a menu: `首页 · 人大要闻 · 常委会工作 · 代表之窗`, `首页 ／ 走进荇塘 ／ …`
    r"|附件(?:下载)?[::].{0,60}\.(?i:pdf|docx?|xlsx?|wps|ofd|zip|rar)"  # an attachment to download (`附件下载：▶ …pdf ［已下载 268 次］`)
    # a post's head: the collections it is filed in (`收录于合集 #人大动态 213个`), its length
    # and reading time (`🎧听全文 全文共4 900余字,阅读约需12分钟`), the call to follow,
    # and its edit stamp (`文章已于2026年1月21日修改`)
    r"|收录于(?:合集|话题)|[^\p{Han}\w]{0,2}(?:听全文|全文共[0-9]|点击上方|阅读(?:全文)?(?:约|大约)?需?[0-9]+分钟)"
    r"|文章已于(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日(?:[0-9:]{4,5})?修改$)"
)
_NAV_WORDS = compile_pattern(r"^(?:往期阅读|往期回顾|当前版|\d+版|上一版|下一版|上一篇|下一篇|放大|缩小|默认|[::])+$")
# (and so is a list of past issues or related items under its head: `【往期回顾】`, `相关推荐`)
# A post may point at it with an emoji (`👇往期推荐`).
_HEADLINE_LISTS = compile_pattern(rf"^(?:{_HEADLINE_LIST_HEAD}|[^\p{{Han}}\w【]{{0,2}}【?(?:往期回顾|往期推荐|往期阅读|相关阅读|相关新闻|相关推荐|相关链接|相关文章|相关报道|延伸阅读)】?$)")
# A jump line: the article goes on on another page (`（下转第3版）`) or goes on here from one
# (`（上接第2版）`, `接A1版`). What follows a jump out on the same page is another article.
_JUMP = compile_pattern(r"^[(（]?(?:(?P<out>下转|转|转至|续)|(?P<in>上接|接|承|续接))第?[A-Z]?[0-9一二三四五六七八九十]{1,3}(?:版|页|面)(?:[^()（）]{0,12})[)）]?$")
_SUBTITLE = compile_pattern(r"^(?:——|--|—)(?!$)")  # (a dash alone is an empty table cell)
# A footnote of a document printed page by page (`③县域医共体：以县级医院为龙头…`): the
# number the text marks, a term and its explanation.
_FOOTNOTE = compile_pattern(r"^[①-⑳]\p{Han}[^:]{0,20}:")
# A document's adoption note under its title (`（2025年12月19日…第三十一次会议通过）`), as a
# gazette prints each document: it stands where a subtitle stands, so the title above opens
# an article.
_ADOPTION_NOTE = compile_pattern(
    r"^\((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日[^()]{0,60}?(?:通过|批准|修正|修订|公布|发布|印发)\)?$")
_BYLINE_MARK = compile_pattern(r"^[□●■◆▲★]")
# What a marked byline holds after its mark: a role (`■本报记者 王劲凯 摄`, `■融媒体记者 玉香 文/图`)
# or names alone (`□李珈锐 刘沙沙`). A marked line of anything else opens a short news item
# (`■县人大常委会主任洛桑江措于5月` wrapped before `9日带领…`).
_MARKED_ROLE = compile_pattern(r"记者|通讯员|实习生|摄影|文/图|摄$")
# A byline without a mark starts with a role: 本报记者 张三 李四 / 记者：张三 / 文/图 本报记者 张三.
_BYLINE_ROLE = compile_pattern(r"^(?:(?:文/图|文|图)[/:：]|本报|特约|见习|通讯员|实习生|记者|摄影)")
# One token of a byline: an optional 文/ or 图/ prefix, a role word, a name (any may be missing).
_BYLINE_TOKEN = compile_pattern(
    r"^(?:(?:文/图|文|图)[/:：]?(?=$|\p{Han}))?"
    r"(本报记者|本报通讯员|本报特约记者|特约记者|见习记者|\p{Han}{0,8}日报记者|通讯员|实习生|记者|摄影)?[:：]?(.*)$"
)
_GLUED_ROLE = compile_pattern(r"(?<=\p{Han})(?<!日报|本报|特约|见习|/)(?=本报记者|本报通讯员|通讯员|实习生|记者|摄影)")
_SPACE_OR_COLON = compile_pattern(r"[\s:：]")
_NAME = compile_pattern(r"^\p{Han}{2,4}$|^\p{Han}{1,8}·\p{Han}{1,8}$")  # 刘沙沙, 乌日娜·巴特尔
_PHOTO_BY = compile_pattern(r"摄$")
_PHOTO_CREDIT = compile_pattern(r"\s*摄\s*$")  # the 摄 (photo by) that closes a byline, dropped from it
_MONTH_HEADING = compile_pattern(r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?")  # a chronicle's month: 1月, 十月
_OPEN_CREDIT = compile_pattern(r"\([^()]{1,30}(?:供图|摄影?)$")  # a credit in brackets, its closing one lost
# A caption's credit printed at the end of its own line (`…向选民述职。■通讯员 隋 晶 摄`): the line is
# complete, although it ends without punctuation.
_TRAILING_CREDIT = compile_pattern(r"[□●■◆▲★][^。！？!?]{0,30}摄$")
_TRAILING_CREDIT_RAW = compile_pattern(r"(?<=[。！？!?])\s*[□●■◆▲★][^。！？!?□●■◆▲★]{0,40}摄\s*$")  # as printed
_BYLINE_SEPARATORS = compile_pattern(r"[\s、,，]+")
_CREDIT = compile_pattern(
    r"^(?:图片由.{1,30}提供|(?:本版)?图片(?:来源)?[::].{1,30}"
    r"|(?:本版)?(?:责任编辑|责编|编辑|美编|校对|审校|组版|版式)[::].{1,40})$"  # 本版编辑:孙晓 校对:周萍
)
# The masthead's dateline: `2024年1月5日 星期五`, after the paper's name or not (`崇溪报 2023年11月24日 星期五`),
# or in figures (`今日景岚 2023-11-17 星期五`, `2023.11.17 周五`).
DATELINE = compile_pattern(
    r"^\p{Han}{0,12}((?:19|20)[0-9]{2})"
    r"(?:年(?P<month>[0-9]{1,2})月(?P<day>[0-9]{1,2})日|(?P<sep>[-./])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2}))"
    r"(?:星期|周)[一二三四五六日天]"
)
# A publication stamp: a full date with the clock time after it, on a line of metadata (a WeChat
# post's `原创　县人大常委会办公室　岱溪人大　2024年11月15日 18:06　福建`, a portal's `2025-01-06 16:32`).
# Folded, the spaces are gone: the day runs into the hour (`2024-01-2210:06`), the greedy day reads it.
STAMP = compile_pattern(
    r"((?:19|20)[0-9]{2})"
    r"(?:年(?P<month>[0-9]{1,2})月[0-9]{1,2}日|(?P<sep>[-./])(?P<month>[0-9]{1,2})(?P=sep)[0-9]{1,2})"
    r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9])"
)
_STAMP_LINE_MAX = 60  # folded characters: a line of metadata, not a sentence that names a time
# The head of readers' comments under a post (`写留言`, `精选留言`): what follows to the end of
# the page is what readers wrote, with their own dates (`茶乡阿妹　福建　11月15日`), not the page's news.
_COMMENTS_HEAD = compile_pattern(r"^(?:写留言|精选留言|留言精选|全部留言|留言|网友评论|全部评论|热门评论|发表评论)(?:\([0-9]+\).{0,12})?$")
# An advertisement among a post's chrome: `广告` on a line of its own, or before the ad's text.
_ADVERT = compile_pattern(r"广告(?:[ \t\u3000]|$)")
# 本报讯(记者 祁晓燕) / 本报讯（记者 杨彩霞 通讯员 X）at the start of a paragraph.
_NEWS_LEAD = compile_pattern(r"^本报讯[((]([^()()]{1,40})[))]")
_LEAD_FRAME = compile_pattern(r"^\s*本报讯\s*[(（]|[)）]\s*$")
_CLOSERS = "。！？!?；;…”」』)）》"
_FINAL = frozenset("。！？!?；;…")
_QUOTE_CLOSERS = "”’」』)）》"
_HEAD_KINDS = ("headline", "subtitle", "byline")
# A numbered heading of a report's section (`（二）聚焦中心大局，协商议政更加精准`, `三、…`): however
# long, and though it ends on no punctuation, the paragraph after it is not its continuation.
_SECTION_HEADING = compile_pattern(r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}(?:部分|章|节))")
# A line of a roster, as printed: a name (padded or not) and a wide space before what
# follows (`亓建明　市住房和城乡建设局局长`, `王　伟　市公安局副局长`), or a speaker's line under
# a heading or a quote, marked, with a CPPCC sector in brackets (`◆鲁明（科学技术界）　县政协
# 常委…`, its closing bracket maybe lost; `——鲁明　县政协委员…`). It is a line of its own,
# neither the rest of the line above nor continued by the line below, though folding drops
# the space. A speaker's heading with the sector after a bar (`■殷明｜民革界`) has the
# offices on the line below: the heading always runs on into that line (_SPEAKER_HEAD), and
# the two are then a roster line. A question and answer may name each speaker on a line of
# their own, a spaced middle dot between name and offices (`【答】扈国栋 · 县农业农村局局长`),
# and a hearing's roster a dash (`关　怀——市司法局副局长`).
_ROSTER_MAX = 60  # folded characters: a roster line is short
_ROSTER_LINE = compile_pattern(
    r"\s*(?:[□●■◆▲★]|——|【\p{Han}{1,3}】)?\p{Han}{1,4}"
    r"(?:(?:[(（][^()（）\s]{1,12}?界别?[)）]?)?(?:\u3000|\s{2,})|[|｜丨][^\s|｜丨]{1,12}?界别?[ \t\u3000]*\n\s*"
    r"|\s+[·•・]\s+|\s*(?:——|--)\s*)\S"  # `【问】展望 · 县人大常委会委员…`, `关　怀——市司法局副局长`
)
# A roster line with the office first and the name last, after a wide space
# (`岬阳市人民政府副市长　初春`, `…新闻办公室副主任　臧 启帆`), as a press conference lists its speakers.
_ROSTER_LINE_NAME_LAST = compile_pattern(r"[^\n。!?;；，,]{2,40}\p{Han}(?:\u3000|\s{2,})\p{Han}[ \u3000]?\p{Han}{1,3}\s*")
# An entry of a list, one to a line, that opens on a name and its offices in brackets
# (`逄立军（县人大代表，…站长）`): two such lines in a row are two entries, even where OCR
# lost the first one's closing bracket.
_NAME_ENTRY = compile_pattern(r"(?:\p{Han}{1,8}[·•・])?\p{Han}{2,8}\(")  # folded
# A row of a table as a page prints it, three cells or more between tabs
# (`1⇥普　照⇥男⇥彝族⇥决定任命为…副县长`): a line of its own, like a roster line.
_TABLE_ROW = compile_pattern(r"[^\t\n]+(?:\t+[^\t\n]+){2,}\s*")
_SEATED_SPEAKER = compile_pattern(r"[□●■◆▲★◇]?\p{Han}{2,4}(?:代表|委员)")  # folded: `缪小鹃代表`
_SPEAKER_HEAD = compile_pattern(r"[□●■◆▲★]?\p{Han}{1,4}[|丨][^|丨]{1,12}?界别?")  # folded
# A line of metadata that opens on its label (`领导署名：局长　胡建业`, `联系人：叶晓岚　　联系电话：…`):
# two such lines in a row are two fields, never one sentence wrapped.
_FIELD_LINE = compile_pattern(r"^\p{Han}{2,8}[:：][^。！？!?；;]{1,60}$")  # (常委会联系领导：…, 拟提请审议时间：…)
# Page chrome at the foot: a line of two fields or more (`地址：…　新闻热线：…`).
_FOOTER_FIELD = compile_pattern(r"(?:地址|邮编|邮政编码|热线|电话|传真|邮箱)[:：]")
_FOOTER_MAX = 120  # characters: a body paragraph is longer, and scanning it costs
# A short line printed three times or more on one page, no sentence, is a running header or
# footer of a document converted page by page (a gazette's `…公报　2025年第6号`); a field
# (`常委会联系领导：张三副主任`) repeats down a plan's entries and is none.
_RUNNING_MAX = 40
_RUNNING_TIMES = 3
# A line of a table of contents: `…会议简况……………（1）` (dot leaders, then the page).
_TOC_LINE = compile_pattern(r"(?:…{2,}|\.{6,}|·{6,})\(?[0-9]{1,3}\)?$")
# A line of labelled fields (`【发布日期】2025-12-30　【来源】…　【阅读】416`) and a gazette's
# printing line (`…办公室编印　2025年12月26日出版`): the page's metadata.
_LABELLED_FIELD = compile_pattern(r"【\p{Han}{2,4}】")
# A bulletin's issue line says the same (`…大会秘书处编　　2025年2月10日`): who compiled it, then its day.
PRINTED_ON = compile_pattern(  # (pipeline dates the page by it)
    r"((?:19|20)[0-9]{2})年(?P<month>[0-9]{1,2})月[0-9]{1,2}日(?:出版|(?<=[编印发][0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日))$")
# A link in a list of related news, with the date it was posted (`· 县政协开展…视察　　2025-07-02`,
# `· 县人大常委会召开…会（2024-12-28）`, `▶ 2025-11-28　市政协开展…`): navigation, even where the
# item's text follows under it.
_DATED_LINK = compile_pattern(
    r"(?:[·•]\s*\S.{0,60}?|\S.{0,60}?(?:\u3000|\s{2,}))[(（]?(?:19|20)[0-9]{2}([-/.])[0-9]{1,2}\1[0-9]{1,2}[)）]?$"
    r"|\s*[·•▶►▷]?\s*(?:19|20)[0-9]{2}([-/.])[0-9]{1,2}\2[0-9]{1,2}(?:\u3000|\s)+\S.{0,60}$"
)  # (2026-05-28, 2026/05/28, 2026.05.28)
_DATED_LINK_MAX = 80  # (matched from the line's start: no ^, which would ask for the page's start)
# A line that ends inside a number or date (`2023年9`) and a line that goes on with it (`月21日`).
_CELL = compile_pattern(r"[0-9.,%‰]+")  # folded: a line that is a number alone, a table's cell
_NUMBER_CUT = compile_pattern(r"[0-9年月.,]$")
# (an item's number is no number going on: `拟提请审议时间：4月`⏎`3.《…条例》`)
_NUMBER_GOES_ON = compile_pattern(r"^(?![0-9]{1,2}[.、](?![0-9]))[0-9年月日号%万亿]")
_DATED = compile_pattern(r"^(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}日")
# The words of a body, an office or a unit that OCR most often cuts at a line end (`…副检察长、
# 检察委` / `员会委员、检察员；`, `约3 200平方` / `米`): a line end inside one of them is a wrap,
# whatever the layout.
_CUT_WORD = compile_pattern(r"委员会|常务委员会|代表大会|人民政府|人民法院|人民检察院|审判员|检察员|委员|副主任"
                          r"|平方米|平方公里|平方千米|公里|立方米|百分点|千瓦时|工日|标准箱")
# A transcribed name (Uyghur, Kazakh...) cut at its middle dot, the dot on either line: run
# on the last two characters of one line and the first two of the next.
_NAME_DOT_CUT = compile_pattern(r"^\p{Han}(?:[·•・]\p{Han}|\p{Han}[·•・]\p{Han})")
_IN_TITLE = compile_pattern(r"《[^《》]*》")
_TARGET_YEAR = compile_pattern(r"到(?:19|20)[0-9]{2}年")  # 到2028年, 力争到2030年: a target, not a time of the page
_YEAR = compile_pattern(r"(?<![0-9.])((?:19|20)[0-9]{2})年")
_SENTENCE_END = frozenset("。！？!?；;")
_SENTENCE_PUNCT = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_SENTENCE_END | {",", "，"})) + "]")  # one scan, not a loop per character
_OPENERS = {"《": "》", "“": "”", "(": ")", "（": "）", "「": "」", "『": "』", "‘": "’"}
# What split_sentences looks at (Python's re: for a plain class its scan and matches are cheaper).
_SENTENCE_MARKS = re.compile("[" + "".join(re.escape(ch) for ch in sorted({*_OPENERS, *_OPENERS.values(), *_SENTENCE_END})) + "]")
_OPENER = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_OPENERS)) + "]")
_TERMINATOR = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_SENTENCE_END)) + "]")
_HEADLINE_MAX = 40
_CAPTION_MAX = 100  # folded characters: a caption is one sentence, the longest in the samples is 92
_MAX_QUOTE = 300  # characters a quote or bracket may stay open before we stop trusting it


@dataclass
class Line:
    start: int          # original offsets of the stripped content
    end: int
    folded: str
    kind: str = "body"  # blank nav headline subtitle byline credit jump body
    number: int = 0     # index of its first physical line in the page
    last: int = 0       # index of its last physical line (a wrapped line spans several)
    caption: bool = False
    after_nav: bool = False  # a navigation line stands between it and the text line before


@dataclass
class Article:
    index: int
    start: int
    end: int
    title: Span | None = None
    subtitle: Span | None = None
    bylines: list[tuple[str, str]] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    captions: list[Span] = field(default_factory=list)  # paragraphs that are photo captions
    years: list[int] = field(default_factory=list)  # explicit years it speaks of (2023年), sorted
    continues: int | None = None  # the article it goes on from, after a jump line (`（上接第2版）`)


def _lines(text: str) -> list[Line]:
    spans: list[Span] = []
    pieces: list[str] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()  # str.strip drops what str.isspace calls space
        start = pos + len(raw) - len(raw.lstrip())
        spans.append((start, start + len(stripped)))
        pieces.append(stripped)
        pos += len(raw)
    return [Line(start, end, folded, number=number, last=number)
            for number, ((start, end), folded) in enumerate(zip(spans, fold_texts(pieces)))]


def _classify(line: Line, in_nav_block: bool, text: str = "") -> str:
    f = line.folded
    if not f:
        return "blank"
    if _NAV.match(f) or _NAV_WORDS.match(f) or DATELINE.match(f) or publication_stamp(f) or (
            ("……" in f or "......" in f or "······" in f) and _TOC_LINE.search(f)) or (len(f) <= _FOOTER_MAX and (
            len(_FOOTER_FIELD.findall(f)) >= 2 or len(_LABELLED_FIELD.findall(f)) >= 2 or PRINTED_ON.search(f))):
        return "nav"
    if text and len(f) <= _DATED_LINK_MAX and not _has_sentence_punct(f) and (
            _DATED_LINK.match(text, line.start, line.end) or _ADVERT.match(text, line.start, line.end)):
        return "nav"
    if _FOOTNOTE.match(f) or _MONTH_HEADING.fullmatch(f):
        return "body"  # a note at a page's foot, however short, or a chronicle's month (`1月`): no heading
    if (_SUBTITLE.match(f) and len(f) <= _HEADLINE_MAX + 10) or _ADOPTION_NOTE.match(f):
        return "subtitle"
    if len(f) <= 20 and _JUMP.match(f):
        return "jump"
    if _CREDIT.match(f):
        return "credit"
    if len(f) <= 40 and not _ends_sentence(f) and (_marked_byline(f, text[line.start:line.end] if text else f) or (
            _BYLINE_ROLE.match(f) and not _has_sentence_punct(f) and _only_names(text[line.start:line.end]))):
        return "byline"
    if in_nav_block and len(f) <= _HEADLINE_MAX and not _has_sentence_punct(f):
        return "nav"
    if len(f) <= _HEADLINE_MAX and not _has_sentence_punct(f) and f[-1] not in ",，、:：" :
        return "headline"
    return "body"


def publication_stamp(f: str) -> regex.Match | None:
    """The publication stamp (`STAMP`) on the folded line `f`, if `f` is a line of metadata."""
    if len(f) > _STAMP_LINE_MAX or _has_sentence_punct(f):
        return None
    return STAMP.search(f)


def _marked_byline(f: str, raw: str) -> bool:
    """A byline behind a mark: `■本报记者 王劲凯 摄`, `□李珈锐 刘沙沙 刘艳霞` (`raw`: the line
    as printed, whose spaces folding may have dropped). A sentence behind the mark makes the
    line a caption with its credit at the end (`▲7月1日，视察组…察看…。■通讯员 王 珂 摄`)."""
    if not _BYLINE_MARK.match(f) or any(c in _SENTENCE_END for c in f):
        return False
    names = [part for part in _BYLINE_SEPARATORS.split(raw.strip()[1:]) if part]
    return _MARKED_ROLE.search(f) is not None or (bool(names) and all(_NAME.match(part) for part in names))


def _has_sentence_punct(f: str) -> bool:
    return _SENTENCE_PUNCT.search(f) is not None


def _ends_sentence(f: str) -> bool:
    return bool(f) and f[-1] in _CLOSERS


def _ends_sentence_strictly(f: str) -> bool:
    """True when `f` ends a sentence: 。！？；… possibly followed by closing quotes or brackets.

    A bare closing `》` or `”` does not count: `制定《条例》` can go on after a line break.
    """
    f = f.rstrip(_QUOTE_CLOSERS)
    return bool(f) and f[-1] in _FINAL


def _classify_all(text: str, lines: list[Line]) -> None:
    in_nav = False
    seen = Counter(line.folded for line in lines if 0 < len(line.folded) <= _RUNNING_MAX)
    running = {f for f, n in seen.items() if n >= _RUNNING_TIMES and not _has_sentence_punct(f) and not _FIELD_LINE.match(f)}
    for i, line in enumerate(lines):
        if line.folded in running:
            line.kind = "nav"  # a running header or footer of a document printed page by page
            continue
        if _COMMENTS_HEAD.match(line.folded):
            for comment in lines[i:]:
                comment.kind = "nav" if comment.folded else "blank"
            return
        line.kind = _classify(line, in_nav, text)
        if _HEADLINE_LISTS.match(line.folded) or (line.kind == "nav" and line.folded == "广告"):
            line.kind, in_nav = "nav", True  # the list of headlines right under 标题导航 (or an ad under 广告) is navigation too,
        elif line.kind in ("body", "blank"):
            in_nav = False  # up to the first blank line


def _soft_wrapped(lines: list[Line]) -> bool:
    """True when the page separates paragraphs by blank lines, so that a single line
    break inside a paragraph is a wrap, not a paragraph end.

    Counted over text lines (navigation left out): breaks followed by a blank line
    against breaks followed directly by the next text line.
    """
    gaps = singles = 0
    previous: Line | None = None
    blank_since = False
    for line in lines:
        if line.kind == "blank":
            blank_since = True
            continue
        if line.kind != "nav" and previous is not None and previous.kind != "nav":
            if blank_since:
                gaps += 1
            else:
                singles += 1
        previous, blank_since = line, False
    return gaps > singles


def _wraps(a: Line, b: Line, soft: bool, text: str) -> bool:
    """Whether line `b`, printed right under `a` (no blank line between), continues `a`'s sentence."""
    if a.kind not in ("body", "headline") or _ends_sentence_strictly(a.folded):
        return False
    if _SEATED_SPEAKER.fullmatch(a.folded) and b.folded.startswith("(") and b.folded.endswith(")"):
        return True  # `缪小鹃　代表`⏎`（…镇党委书记）`: a speaker's seat, then the offices in brackets
    if _NAME_DOT_CUT.search(a.folded[-2:] + b.folded[:2]):
        return True  # `努尔比亚`⏎`・艾买提　…`: a transcribed name cut at its dot, in a roster too
    if a.folded.endswith("("):
        return True  # `…牛羊41.5万头（`⏎`只）`: a bracket the line end left open
    # a line that ends on a comma goes on, whatever the next line looks like (`2月8日,`⏎`出　席…`)
    roster = _is_roster_line(a, text) or not a.folded.endswith((",", "、")) and _is_roster_line(b, text)
    if roster or (_FIELD_LINE.match(a.folded) and _FIELD_LINE.match(b.folded)):
        return False
    if _SPEAKER_HEAD.fullmatch(a.folded):
        # `■殷明｜民革界`⏎`市政协常委、…主委`: the speaker's offices, whatever the layout
        return b.kind in ("body", "headline") and len(b.folded) <= _ROSTER_MAX and not _FINAL.intersection(b.folded)
    if b.kind == "subtitle":
        # `——` inside a sentence (`…专门性法规——《条例》`) after a body line; under a headline it is a subtitle.
        return soft and a.kind == "body"
    if b.kind not in ("body", "headline") or _NEWS_LEAD.match(b.folded):
        return False
    if (_CELL.fullmatch(b.folded) and not _has_sentence_punct(a.folded)) or (
            _CELL.fullmatch(a.folded) and not _NUMBER_GOES_ON.match(b.folded) and not _has_sentence_punct(b.folded)):
        # `1 260` / `51` / `96.2%`: the cells of a table row, one a line, between labels; a
        # number alone cut out of a sentence (`…建议` / `244` / `件，…`, `2` / `023年7月…`) goes on
        return False
    if _NUMBER_CUT.search(a.folded) and _NUMBER_GOES_ON.match(b.folded):
        return True  # `2023年9` / `月21日…`: a number or date cut by the line end, whatever the layout
    if a.folded.count("《") > a.folded.count("》") and "》" in b.folded:
        return True  # `…印发《…操作` / `细则（试行）》。…`: a title cut by the line end, whatever the layout
    if _word_cut(a.folded, b.folded):
        return True  # `…检察委` / `员会委员、检察员;`: a body's or an office's word cut by the line end
    if a.folded.startswith("(") and ")" not in a.folded and b.folded.endswith(")") and "(" not in b.folded:
        return True  # `（2025年12月19日…委员会` / `第三十一次会议通过）`: a note in brackets cut by the line end
    if _SECTION_HEADING.match(b.folded) and not a.folded.endswith((",", "、")):
        return False  # `一、开幕会…` under `…议程`: a numbered item opens a paragraph of its own
    return soft


def _word_cut(a: str, b: str) -> bool:
    """Whether a word of `_CUT_WORD` runs across the end of line `a` into line `b`."""
    tail, head = a[-5:], b[:5]
    return any(m.start() < len(tail) < m.end() for m in _CUT_WORD.finditer(tail + head, overlapped=True))


def _is_roster_line(line: Line, text: str) -> bool:
    """A short line of a roster, no sentence (a paragraph whose second character OCR padded,
    `出　席呼和浩特市政协…。`, is none), or a row of a table."""
    if len(line.folded) > _ROSTER_MAX or _FINAL.intersection(line.folded):
        return False
    return (_ROSTER_LINE.match(text, line.start, line.end) is not None or _TABLE_ROW.fullmatch(text, line.start, line.end) is not None
            or _ROSTER_LINE_NAME_LAST.fullmatch(text, line.start, line.end) is not None)


def _join_wrapped(text: str, lines: list[Line], soft: bool) -> list[Line]:
    """The lines with every wrapped line joined to the line it continues."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and line.kind != "blank" and prev.kind != "blank" and _wraps(prev, line, soft, text):
            merged = Line(prev.start, line.end, fold_text(text[prev.start:line.end]), number=prev.number, last=line.last)
            merged.kind = _classify(merged, False, text)
            if merged.kind not in ("body", "headline") and not (merged.kind == "subtitle" and _ADOPTION_NOTE.match(merged.folded)):
                merged.kind = "body"  # two pieces of one sentence are text, whatever they start with
            out[-1] = merged
        else:
            out.append(line)
    return out


def segment(text: str) -> list[Article]:
    """Articles of a page, each with its headline, bylines and sentence spans.

    Photo captions printed before the first headline belong to the first article: the
    page's photos stand above or beside its headline, and a caption is never an article
    of its own (a photo story has its own headline and `… 摄` line).

    >>> [len(a.sentences) for a in segment("标题\\n\\n——副题\\n\\n□张三\\n\\n第一句。第二句。\\n")]
    [4]
    """
    lines = _lines(text)
    _classify_all(text, lines)
    soft = _soft_wrapped(lines)
    lines = _join_wrapped(text, lines, soft)
    content: list[Line] = []
    nav = False
    for ln in lines:
        if ln.kind == "nav":
            nav = True
        elif ln.kind != "blank":
            ln.after_nav, nav = nav, False
            content.append(ln)
    _mark_captions(content, soft)
    starts = _article_starts(content)
    blocks = [[s, s, starts[n + 1] if n + 1 < len(starts) else len(content)] for n, s in enumerate(starts)]
    if len(blocks) > 1 and content[0].kind not in _HEAD_KINDS:
        leading = blocks.pop(0)  # captions without a headline of their own: the next article's
        blocks[0][0] = leading[0]
        for line in content[leading[0]:leading[2]]:
            line.caption = line.kind == "body"
    articles: list[Article] = []
    jumped: list[Article] = []  # articles that went on to another page, in the order they did
    for first, head, last in blocks:
        art = _build_article(text, len(articles), content[first:last], head - first)
        if first and content[first - 1].kind == "jump" and _JUMP.match(content[first - 1].folded).group("in") and jumped:
            # The rest of an article from the page before: it keeps that article's headline
            # (a work report's reviewed year is read from it), not its first section heading.
            before = jumped.pop(0)
            art.title, art.subtitle, art.continues = before.title, before.subtitle, before.index
        if last and content[last - 1].kind == "jump" and _JUMP.match(content[last - 1].folded).group("out"):
            jumped.append(art)
        articles.append(art)
    return articles


def _mark_captions(content: list[Line], soft: bool) -> None:
    """Mark the body lines that are photo captions: one short sentence set off by an image
    gap (two or more blank lines where the photo stood), or, on a page that separates
    paragraphs by blank lines, one of several such sentences printed on consecutive lines
    (`2023年9月21日,…调研。` six times under the subtitle in sample 001), or the one right
    above a photo credit (`■本报记者 王劲凯 摄`)."""
    def gap(a: int, b: int) -> int | None:
        return content[b].number - content[a].last - 1 if 0 <= a and b < len(content) else None

    def short(i: int) -> bool:
        line = content[i]
        return (line.kind == "body" and len(line.folded) <= _CAPTION_MAX
                and _ends_sentence_strictly(line.folded) and len(split_sentences(line.folded, 0, len(line.folded))) == 1)

    for i, line in enumerate(content):
        if not short(i):
            continue
        before, after = gap(i - 1, i), gap(i, i + 1)
        if i + 1 < len(content) and content[i + 1].kind == "byline" and _PHOTO_BY.search(content[i + 1].folded):
            line.caption = True  # the sentence printed over `■本报记者 王劲凯 摄`
        elif (before or 0) >= 2 or ((after or 0) >= 2 and _DATED.match(line.folded)):
            # The photo usually stands above its caption; a caption above the photo opens with
            # its date (`2020年7月30日,…`), where the last body paragraph before a photo does not.
            line.caption = True
        elif soft and ((before == 0 and short(i - 1)) or (after == 0 and short(i + 1))):
            line.caption = True


def _article_starts(content: list[Line]) -> list[int]:
    """Indexes into `content` where an article begins (always 0 when there is content)."""
    starts = {0} if content else set()
    for i, line in enumerate(content):
        if line.kind == "jump" and i + 1 < len(content):
            starts.add(i + 1)  # a jump out ends the article's part on this page; a jump in opens its rest
        if (line.kind == "headline" and line.after_nav and 0 < i < len(content) - 1 and content[i + 1].kind == "body"
                and not _SECTION_HEADING.match(line.folded)):
            starts.add(i)  # a heading right after a page's running header opens a part of its own (常委会工作动态)
        if line.kind in ("subtitle", "byline") or (line.kind == "body" and _NEWS_LEAD.match(line.folded)):
            # Walk back over the headline lines above it: the first of them starts the article.
            j = i
            # (a document's adoption note opens under its title alone: the `——` line above
            # that title is a speaker's, the end of the article before)
            above = ("headline",) if _ADOPTION_NOTE.match(line.folded) else ("headline", "subtitle")
            while j > 0 and content[j - 1].kind in above and i - j < 3:
                j -= 1
            if j < i and j not in starts and not _continues_head(content, j, starts):
                starts.add(j)
        if line.kind == "byline" and _PHOTO_BY.search(line.folded):
            # A photo story: headline, one to three caption paragraphs, "… 摄".
            j = i - 1
            while j > 0 and content[j].kind == "body" and i - j <= 3:
                j -= 1
            if j >= 0 and content[j].kind == "headline" and j not in starts:  # j < 0: the credit opens the page
                starts.add(j)
    return sorted(starts)


def _continues_head(content: list[Line], j: int, starts: set[int]) -> bool:
    # A byline right under a subtitle under a headline belongs to the headline already started.
    return any(s < j and all(content[k].kind in ("headline", "subtitle", "byline") for k in range(s, j)) for s in starts)


def _build_article(text: str, index: int, block: list[Line], head: int) -> Article:
    """The article of `block`, whose headline lines start at `block[head]` (leading captions come before)."""
    art = Article(index=index, start=block[0].start, end=block[-1].end)
    for n, line in enumerate(block[head:]):
        if line.kind not in _HEAD_KINDS or (line.kind == "headline" and n and block[head + n - 1].kind != "headline"):
            break  # a short line under the subtitle or byline is a section heading, not the title
        if line.kind == "headline":
            art.title = (line.start, line.end)  # the last headline line above the subtitle: kickers come first
        elif line.kind == "subtitle" and art.subtitle is None:
            art.subtitle = (line.start, line.end)
    paragraphs: list[Span] = []
    captions: list[bool] = []
    photo_story = _is_photo_story(block, head)
    cut = entry = False
    for line in block:
        if line.kind == "byline":
            art.bylines.extend(_byline_of(text, line))
            cut = False
            continue
        if line.kind in ("credit", "jump"):
            cut = False
            continue
        start = line.start
        lead = _NEWS_LEAD.match(line.folded) if line.kind == "body" else None
        if lead:
            start = _skip_lead(text, line.start, line.end)
            # The raw `本报讯(记者 何晓雯 通讯员 罗志刚)`: the spaces between the names are still there.
            art.bylines.extend(_byline_names(_LEAD_FRAME.sub("", text[line.start:start]), "记者"))
        end = line.end
        credit = _TRAILING_CREDIT_RAW.search(text, line.start, line.end) if line.kind == "body" else None
        if credit:  # the caption's credit is a byline, no sentence of its own
            end = credit.start()
            art.bylines.extend(_byline_names(_PHOTO_CREDIT.sub("", credit.group().strip()[1:]), "作者"))
        if cut and line.kind == "body" and not lead and not line.after_nav and not (
                entry and _NAME_ENTRY.match(line.folded)):
            # A paragraph cut by a page break (blank lines, no closing punctuation) goes on
            # here; never across the page's navigation, which is no part of it.
            paragraphs[-1] = (paragraphs[-1][0], end)
        else:
            paragraphs.append((start, end))
            captions.append(line.caption or (photo_story and line.kind == "body"))
        entry = _NAME_ENTRY.match(line.folded) is not None
        cut = (line.kind == "body" and not _ends_sentence(line.folded) and len(line.folded) > 15
               and _TRAILING_CREDIT.search(line.folded) is None and not _SECTION_HEADING.match(line.folded)
               and _OPEN_CREDIT.search(line.folded) is None)  # (…现场（…办公室供图: a caption, its bracket lost)
    named: dict[str, str] = {}
    for role, name in art.bylines:  # a reporter named in the byline and again under a photo is one byline
        named.setdefault(name, role)
    art.bylines = [(role, name) for name, role in named.items()]
    years: set[int] = set()
    for (start, end), caption in zip(paragraphs, captions):
        art.sentences.extend(split_sentences(text, start, end))
        if caption:
            art.captions.append((start, end))
        years.update(years_named(text[start:end]))
    art.years = sorted(years)
    return art


def _byline_of(text: str, line: Line) -> list[tuple[str, str]]:
    """(role, name) pairs of a byline line: `●本报记者 刘沙沙 通讯员 谢钰辰` gives
    [('本报记者', '刘沙沙'), ('通讯员', '谢钰辰')]; names after no role word (`□耿欣 付鹏飞`) are
    the '作者' (authors); a trailing 摄 (photo by) is dropped."""
    raw = _BYLINE_MARK.sub("", text[line.start:line.end].strip())
    return _byline_names(_PHOTO_CREDIT.sub("", raw), "作者")


def _byline_names(raw: str, role: str) -> list[tuple[str, str]]:
    """(role, name) pairs of a byline's raw text, `role` until one is printed.

    Names are separated by spaces (which folding drops, so this reads the raw text) or 、;
    a role word glued to the name before it starts a new token (`记者马文婷实习生陈思远`).
    """
    out: list[tuple[str, str]] = []
    raw = _GLUED_ROLE.sub(" ", "".join(map(fold_char, raw)))
    for token in _BYLINE_SEPARATORS.split(raw):
        m = _BYLINE_TOKEN.match(token)
        if m.group(1):
            role = m.group(1)
        name = m.group(2)
        if name and len(name) == 1 and not m.group(1) and out and out[-1][0] == role and len(out[-1][1]) == 1:
            out[-1] = (role, out[-1][1] + name)  # a two-character name padded to the width of three: 王 珂
        elif name:
            out.append((role, name))
    return out


def _only_names(raw: str) -> bool:
    """True when a line holds only role words and person names: `本报记者 张三 李四`."""
    raw = _PHOTO_CREDIT.sub("", raw)
    names = [name for _, name in _byline_names(raw, "")]
    # Without a mark, a role glued to a word (`通讯员队伍建设`) is a heading: ask for a space or colon.
    glued_ok = raw.startswith("本报")  # 本报记者张三: the paper's own staff, never a heading
    return bool(names) and all(_NAME.match(name) for name in names) and (glued_ok or _SPACE_OR_COLON.search(raw) is not None)


def _is_photo_story(block: list[Line], head: int) -> bool:
    """A headline, one to three paragraphs of text closed by a `■本报记者 王劲凯 摄` line: the text is the photo's caption."""
    lines = [line for line in block[head:] if line.kind != "credit"]
    body = [line for line in lines if line.kind == "body"]
    bylines = [line for line in lines if line.kind == "byline"]
    return (len(bylines) == 1 and lines[-1] is bylines[0] and _PHOTO_BY.search(bylines[0].folded) is not None
            and 1 <= len(body) <= 3 and not any(_NEWS_LEAD.match(line.folded) for line in body))


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


def years_named(text: str) -> list[int]:
    """The explicit years `text` names, in order, leaving out those inside a 《》 title: they
    name a plan period or an old law (《…行动计划(2023—2025年)》), not when things happen;
    and a target year (到2028年), which says when something should be done.

    >>> years_named("2023年,市政协制定《2024—2026年规划》。")
    [2023]
    """
    if "年" not in text:  # half the paragraphs (folding neither makes nor drops 年)
        return []
    return [int(y) for y in _YEAR.findall(_TARGET_YEAR.sub("", _IN_TITLE.sub("", fold_text(text))))]


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of `text[start:end]`: split after 。！？；, never inside 《》, quotes or brackets.

    >>> t = "他说：“好。”《条例；草案》通过。"
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
    ['他说：“好。”《条例；草案》通过。']
    """
    spans: list[Span] = []
    begin = start
    if _OPENER.search(text, start, end) is None:  # nothing opened (half the paragraphs): split at every end
        for mark in _TERMINATOR.finditer(text, start, end):
            spans.append((begin, mark.end()))
            begin = mark.end()
        if begin < end:
            spans.append((begin, end))
        return _trimmed(text, spans)
    stack: list[str] = []
    opened_at = start
    # Only openers, closers and sentence ends change anything: visit those, skip the rest.
    for mark in _SENTENCE_MARKS.finditer(text, start, end):
        i = mark.start()
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
    return _trimmed(text, spans)


def _trimmed(text: str, spans: list[Span]) -> list[Span]:
    """The spans without the spaces they start or end with; empty ones dropped."""
    out: list[Span] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out
