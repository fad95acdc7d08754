"""Dated events: the date, and who did what where, with whom.

A rule finds a date that anchors a clause (group `date`; `event.date_after_subject` also
captures the `actor` written before it). The builder then

1. drops dates that are no event after all: inside a `《》` title, or with nothing said
   around them (a page's dateline `2024年1月5日 星期五`);
2. normalises the date with `parse_date` in the article's year context (context.py), so
   `factx.parse_date(text, year_context)` gives exactly what is written here;
3. reads the clause the date anchors, from the clause mark before the date to the next
   clause that opens on a date (`…,9月25日,…` is a second event) or the sentence end:

   - actor: what stands before the date in its clause (`市商务局于2月6日…`), else the
     subject after it: the words before the first verb, adverb or preposition
     (`市政协组织委员赴武川县调研` -> 市政协), the agent of `由…主办的`, the head noun of
     `出席…的政协委员陆续到达` (政协委员), the person last named for 他/她, or, for a clause
     without a subject, the subject of an earlier clause of the sentence. An actor must end
     like one (event_actor_heads, titles, places) or be a name;
   - location: the place after a movement verb (`赴武川县`), after 在/于 before a verb, or
     after a visiting verb (`走访XX企业`), kept only if it reads as a place (place_heads,
     place_names, not event_nonplaces); a place where something is done (`直奔…小区查看`)
     beats one merely reached (`来到办公室,`);
   - participants: who is organised or led (`组织政协委员、提案人赴…`), split on `、`;
   - action: the predicate's first clause without the place (`组织…委员调研`); when that
     clause only moves somewhere (`走进…基地,就…进行调研`) the next clause is added.

   A notice's labelled period (`报名时间:7月15日至25日`, `公示期为…`) is read apart: the
   label says what happens (报名) and the body that signs the notice (`…办公室⏎2025年7月10日`)
   does it.

No tokenizer runs here: the patterns are compiled once per rule pack (ruleset.regex).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from factx.build.context import MARKS, Context, line_end
from factx.build.officials import BODY_CELL, REFERRED_BODY, named_place, referred_body
from factx.build.regulations import closed_title
from factx.match import SEPARATOR, Match
from factx.patterns import compile_pattern
from factx.records import DateValue, Event
from factx.values.dates import parse_date
from factx.values.names import NameLexicons, plausibility
from factx.words import words

# A verb of the event lexicon, unless it is part of a name: 党组织, 调研组, 学习委员会, and
# 协调 read across 政协调研组.
# 组成 is a verb (常委会组成执法检查组) but not in 常委会组成人员 (the members); 投资 is a
# verb (县住建局投资48万元…) but not in 总投资 (a figure) or 台商投资区 (a place).
_VERB = r"(?<![党政总])(?:{lex:event_verbs})(?!{NAME_SUFFIX}|(?<=组成)人员|(?<=投资)区)"
# What ends an actor and opens the predicate.
# How a group splits up to act (执法检查组分四个小组,深入…; 代表们分7个组): it ends the actor.
_SPLITS_INTO = r"分成?(?:[\d一二两三四五六七八九十]+个?)\p{Han}{0,4}?(?:小组|组|路|批)"  # (分3个督导组)
# 被 opens a passive predicate: 河西村代表联络站|被确定为….
# 以 opens a manner phrase (会议|以无记名方式对…进行测评): it ends the actor too.
_MANNER = r"以(?=[^,;:。]{1,12}?(?:方式|形式|名义))"
_MARKER = rf"(?:{_VERB}|{{lex:movement_verbs}}|{{lex:event_adverbs}}|{{lex:event_prepositions}}|{_SPLITS_INTO}|{_MANNER}|被)"
_MARKERS = rf"(?P<marker>{_MARKER})"
_VERBS = rf"(?:{_VERB}|{{lex:movement_verbs}})"
# A verb, maybe after the place where it happens (将于7月1日|在某镇举办).
_PLACED_VERB = rf"^(?:在[^,;:。!?]{{2,30}}?)?{_VERBS}"
# What may stand between a date and its clause without belonging to it.
_LEAD = (
    r"^(?:[,、:]|{DAY_PART}|(?:\d{1,2}|零)(?:[时点]|:\d{2})(?:\d{1,2}分|半)?(?:许|左右)?"
    r"|[(]?(?:星期|周)[一二三四五六日天][)]?|起|止|开始|当天|当日|那天|这天|那一天|这一天|期间|间|两天|两日"
    r"|\p{Han}{2,6}[日节](?=起)"  # the day's name (自12月4日国家宪法日起施行)
    r"|的(?=[^,;:。!?]{2,20}?会议(?!上|中|期间)))*"  # 9日下午的|第二次全体会议以…票决: the meeting is the subject
)
# An issue's number, right before the span of days it covers: 2025年第20期.
_ISSUE_NUMBER = r"第[\d一二三四五六七八九十]+期$"
# The span a report's figures are counted over, right before its dates (统计期限自…起至…止).
_COUNTED_OVER = r"统计(?:期限|期间|时段|时间|区间|截止时间)(?:为|是)?(?:自|从)?$"
# A day named relative to the page or by the lunar calendar, right before a date that glosses
# it: 下周一(5月26日), 农历正月初八(2月24日).
_RELATIVE_DAY = (r"(?:(?:本|下|上|这)?(?:周|星期)[一二三四五六日天]|今天|明天|后天|昨天|前天|今日|明日|昨日|[前后]一[日天]"
                 r"|(?:农历)?(?:正|冬|腊|[一二三四五六七八九十]|十[一二])月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十|廿[一二三四五六七八九]|三十|十五))$")
# A festival glossed by its date and said to be the day things happened: 重阳节(10月29日)当天,…
# (国庆节(10月1日)期间 frames a period: no event).
_FESTIVAL_DAY = r"(?:元旦|春节|除夕|小年|元宵节|清明节|端午节|七夕|中秋节|重阳节|国庆节|劳动节|三月三)$"
_ON_THE_DAY = r"\)(?:当天|当日|上午|下午|晚上|晚|早上)"
# A span of days named before the range of dates that glosses it (彝族年期间(11月20日至26日),
# 上周(3月2日至6日)): what follows is done in it. A single day after 期间 glosses a holiday
# whose period frames figures (国庆节(10月1日)期间,…接待游客…): no event.
_PERIOD_GLOSSED = r"(?:期间|假期|(?:上|本|下|这)周)$"
# A meeting glossed by the day it met (县选举委员会第二次全体会议(9月14日)研究决定): what follows it did.
_MEETING_GLOSSED = compile_pattern(r"(?:会议|大会|全会)$")
# Words that open a clause but are no part of its actor.
# (a label in black brackets, 【链接】, opens a box of background, not its subject)
# (nor does an item's number: 六、本决定自…起施行)
# (and a lead's byline whose closing bracket OCR lost: 本报讯(记者舒雯通讯员区晓|1月12日下午,…)
_DISCOURSE = (r"^(?:【[^【】]{1,10}】|{lex:event_discourse}|记者[^,]{0,12}?获悉|[一二三四五六七八九十]{1,3}、"
              r"|(?:本报|特约|见习)?记者\p{Han}{2,12}?通讯员\p{Han}{2,12}$)[,:]?")
# A meeting that a date says when it was held, as a clause before its noun: 经3月10日召开的
# 市政府第47次常务会议研究同意, 今年1月召开的…会议上.
# So is a meeting whose spirit is studied (传达学习了3月5日全省…电视电话会议精神).
_MEETING_HELD = (r"^(?:(?:召开|举行)的(?P<meeting>[^,;:。!?“”《》]{2,30}?(?:会议|大会|全会|常务会(?!议)))"
                 r"|(?P<meeting>[^,;:。!?“”《》]{2,30}?(?:会议|大会|全会))(?=精神))")
# Words that end the text before a date without belonging to its actor: 市商务局于2月6日.
_BEFORE_DATE = r"(?:定于|将于|已于|拟于|计划于|于|在|从|自|是|为|即)$"
_RANGE_MARK = compile_pattern(r"[至到~—-]")
_ITEM_NUMBER = r"(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,2}、|\(\d{1,2}\))"  # 1. / 一、 / (1) before an item
# A clause that is a subject and a short predicate in quotes, with no verb outside them.
_QUOTED_PREDICATE = r"(?P<subject>[^“”,;:。!?]{2,20}?)(?P<said>“[^“”]{1,8}”)"
# A short name in quotes that opens its clause, right before 于 and a date: the subject.
_QUOTED_SUBJECT = r"(?:^|(?<=[,;:。!?\n]))(?P<name>“[^“”,;:。!?]{2,12}”)$"
# Adverbs and words of intent between an actor and its verb: 他便来到, 该局已于, 市政府计划于.
_ACTOR_TAIL = r"(?:{lex:event_adverbs}|一行|带队|计划|预计|力争|争取|第[一二三四五六七八九十]次|[将已还也便就均曾又再才都正亦拟])+$"  # 计划: 计 is a surname; 第二次(修订)
_PRONOUN = r"^(?:他们|她们|他|她|我们|我(?![省市州盟县旗区镇乡局委办厅院国]))"  # (我省, 我局: _OWN)
_LEVEL_SPOKEN = compile_pattern(r"(?P<level>村|镇|乡)里?")  # 村里, 镇: the place of that level the article is about
_WORKING_GROUP = "组"  # 调研组, 检查组, 视察组: formed for the event, they carry it on
_LEVEL_ALONE = frozenset("省市州盟县旗区镇乡村")  # a level that acts alone: 镇召开…, 县出台…
# The place a local paper calls its own (我区, 我县), and the body a reply letter speaks
# for (我局, 我委): not 我市场…, 我区域…, 我办事…
_OWN = r"^我(?:省|市|州|盟|县|旗|区|镇|乡|局|委|办|厅|院)(?![场域城内外间里事])"
# A regulation as the subject of its date: what is done to it, and how it is named.
_DOCUMENT_ACTS = r"^起?(?:{lex:regulation_actions}|生效)"
_TAKES_EFFECT = r"^起?(?:施行|实施|生效|执行)"  # 自2025年7月1日起施行
_TAKES_EFFECT_AFTER = r"起(?:施行|实施|生效)"  # right after a date
# A law named after the clause that says when it was made, amended or takes effect, as what
# that clause describes: 学习了3月1日起施行的新修订的《…文物保护法》, 学习今年7月修订的《…办法》.
# The law is the actor; the clause ends on its title.
_DOCUMENT_DATED = (r"^(?P<verb>施行|实施|生效|修订|修改|修正|通过|颁布|出台|印发|制定|发布|公布|批准)的"
                   r"(?:[^,;。《》]{1,10}?的)?《(?P<title>[^《》]{2,60})》")
_THIS = r"(?:该|本|此|这部)"  # 该条例, 本办法: the regulation named before
_DESCRIBED = r"^(?:现行|新修订的|新修改的|修订后的|修改后的|新)"  # words that describe a title before it
_DOCUMENT_LEAD = rf"{_DESCRIBED}|^{_THIS}"
_THIS_KIND = rf"^{_THIS}(?P<kind>{{lex:regulation_kinds}})"
# A clause that opens on a kind of document, maybe 该/本, then what is done with it (条例将报请…)
_KIND_OPENS = rf"^{_THIS}?(?P<kind>{{lex:regulation_kinds}})(?=将|已|经|拟|须|需|报|由|于|$)"
_DOCUMENT_NAME = r"^[^,;:。!?《》“”]*(?:{lex:regulation_kinds})(?:{lex:draft_markers})?$"  # (计划草案)
# A sentence that opens on a law's short name, no 《》, then when or how it was made (电影产业促进法于…通过)
_NAME_OPENS = r"^(?P<name>[^,;:。!?《》“”]{2,12}?(?:法|条例))(?=于|经|已|自)"
_DURING = r"[^,;:。!?]{2,12}?期间"  # a span of time before the verb, not its subject
_AT_DOCUMENT = r"(?P<document>[^,;:。!?《》“”在于]{2,12}?)(?=在|于)"  # a document's name, then where or when it is done
_MARKED_TITLE = r"《([^《》]{2,60})》"  # a 《》 title: group 1 is the title without the marks
_LED_TITLE = rf"(?:{_DESCRIBED})?{_MARKED_TITLE}$"  # 新修订的《…法》, 现行《…条例》
# A clause that ends on a verb of saying frames what follows as reported speech.
_REPORTING = r"(?:介绍|说|表示|指出|强调|认为|告诉记者)$"
# 经 before the body that passed or approved something (经市人大常委会第七次会议审议通过):
# the body acts, 经 is no part of it (but 经开区, 经济…, 经信局 are names).
_PASSED_BY = r"^经(?![开济贸信])"
# A short remark in brackets is no part of an actor: 旗长王建民(右二) in a caption.
_REMARK = r"\([^()]{1,6}\)"
_ROLE = r"(?:联合|共同|携手)?(?:主办|承办|协办|举办|组织|发起|牵头|指导|支持)"
_ORGANISER = rf"^由(?P<agent>[^,;:。!?]{{2,60}}?){_ROLE}(?:[、,][^,;:。!?的]{{2,40}}?{_ROLE})*的?"
# One-character verbs that open a subjectless clause (2021年3月任市政协副主席, 被评为, 获评);
# inside a clause they are too often parts of words (主任, 责任) to end an actor.
_OPENS_ON_VERB = r"^(?:任(?!务)|兼任|被|获|受)"
# A first clause that only frames the event: 为落实…, 围绕…, 在…会议室, 受…委托,
_FRAME = r"^(?:{lex:event_prepositions}|受[^,;:]{1,40}(?:委托|邀请|委派|指派)(?=,))"
# A first clause that is a whole predicate, a place and what is done there (在某乡、某镇再设立
# 法官工作室2个,…), no frame: the clause after it is no subject of the event (…,实现乡镇全覆盖).
_PLACED_ACT = rf"^(?:在|于)[^,;:]{{2,30}}?(?:乡|镇|村|县|区|市|街道|社区)(?:{{lex:event_adverbs}}|再|又|先后|共)*{_VERB}[^,;:]*(?<![下中上时后前里际间])$"
# (the place where it happens may stand between the head and its verb: …的有机肥厂|在某镇建成投产)
_RELATIVE_HEAD = rf"^[^,;:]*?的(?P<head>[^的,;:“”《》()]{{2,16}}?)(?=(?:在[^的,;:]{{2,20}}?)?(?:{{lex:event_adverbs}})*(?:{_VERB}|{{lex:movement_verbs}}))"
# (?r): these suffix tests only say whether a match exists, and a search that starts from the
# end tries the lexicons once, where a forward search tries them at every position.
_ACTOR_END = r"(?r)(?:{lex:event_actor_heads}|{lex:titles}|{lex:place_names})们?$"  # (代表们, 委员们)
# A person: a surname and one or two characters, a run of Mongolian/Tibetan/Uyghur name
# parts (更登|加措), or parts joined by a middle dot (艾力江·吐尔洪).
_PERSON = r"(?:{lex:surnames}\p{Han}{1,2}|(?:{lex:ethnic_names}){1,3}|\p{Han}{2,6}[·•・]\p{Han}{2,6})"
_NAME = rf"^{_PERSON}$"
# A chronicle (大事记) dates an entry whose day is unknown by a word for the month of the
# heading above it: 4月⏎是月　县人大常委会… (event.month_word_entry).
_MONTH_WORDS = frozenset({"是月", "月内"})
# A table printed one cell to a line (event.date_cell): its time cell's actor is the body in a
# cell a few lines above (past the cells of the basis), which the cell before it says what
# it does; a body cell may name several bodies (市发展改革委、市住房和城乡建设局).
_CELL_REACH = 5
_CELL_MAX = 60
_BODY_CELL_LINE = rf"{BODY_CELL}(?:、{BODY_CELL})*"
_ISO_MONTH = compile_pattern(r"(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])")
# Days that recur every year, listed after 每年 (NOT_EVENT_BEFORE keeps the first one out).
_RECURRING = r"每年(?:{DATE}|[、,]|其中)+$"
_RECURRING_REACH = 80
# 同月20日, 当月15日: the day of the month a date before it named (MONTH_WORD in dates.toml).
_SAME_MONTH = ("同月", "当月")
_MONTH_NAMED = r"(?r)(?<![\d〇零一二三四五六七八九十])(?P<month>{MONTH_NUMBER})月"  # (?r): the last one
_MONTH_HEADING = r"(?r)(?:^|\n)(?P<month>{MONTH_NUMBER}月)份?(?=\n)"
_PLANNED_FOR = r"(?:拟于|计划于|将于|定于|拟在|计划在)$"
_SUBMITS = "提请"
_SUBMITTED_BY = r"(?r)由(?P<who>[^,;:。!?、]{2,20}?)(?:负责)?提请"
# The last date with a month (and maybe a day; the start of a range) before a day written alone.
_DATE_NAMED = r"(?r)(?<![\d〇零一二三四五六七八九十])(?P<month>1[0-2]|0?[1-9])月(?:(?P<day>3[01]|[12]\d|0?[1-9])[日号](?:{DATE_SEP}\d{1,2}[日号])?)?"
_ORDINAL = r"[\d一二三四五六七八九十百千零〇两]+"  # 第一百零六次
# A meeting acts through the body that holds it: 市十五届人大常委会第十次会议 -> 市十五届人大常委会.
# A meeting with no body named (会议听取了…, 大会审议…, 十一届五次会议于…召开, 会议第二次全体会议于…)
# is its own actor.
_MEETING = (rf"^(?:(?P<body>.{{1,30}}(?:{{lex:event_actor_heads}}))(?:第?{_ORDINAL}[届次])*[^的]{{0,6}}?(?:会议|大会|会)"
            rf"|(?:本次|此次|(?:第?{_ORDINAL}[届次]){{1,2}}|会议第{_ORDINAL}次)?(?:全体会议|会议|大会|全会))$")
_MEETING_OPENS = r"^[^,;:的]{1,30}?(?:会议|大会|全会)"  # a numbered meeting that opens a clause
_TITLED_NAME = rf"(?:{{lex:titles}}|{{lex:person_titles}})(?P<name>{_PERSON})"
# A report's subtitle says where it was given (——2024年1月15日在…会议上); the line under it
# names who gave it, an office and a name (霍泉市人大常委会主任　郭振邦).
_AT_MEETING = r"在[^,;:。!?\n]{2,50}(?:会议|大会|会)上"
_SPEAKER_LINE = rf"[^,;:。!?\n]{{0,30}}?(?:{{lex:titles}})(?P<name>{_PERSON})"
_HEAD_NAME = rf"(?r)(?:{{lex:event_actor_heads}}){_PERSON}$"  # (?r): see _ACTOR_END
# What may follow a name (刘伟的脚步, 李强调研): then the name has one given character.
_NAME_FOLLOWER = rf"(?:的|在|说|是|和|与|等|也|就|还|对|向|为|从|到|了|同志|一行|表示|强调|指出|介绍|告诉|认为|{_MARKER}|[,;:。!?、“”(])"
# A short gloss in brackets belongs to the place phrase: 等5个乡(镇)12个行政村.
_PLACE_CHARS = r"(?:[^,;:。!?“”《》()\n]|\([^()\n]{1,6}\))"
_MOVE_PLACE = (
    r"(?<![不得达做遇受感想提收报找看听回迟周送])(?P<verb>{lex:movement_verbs})了?"  # (到了工地)
    rf"(?!{_MARKER})(?P<place>{_PLACE_CHARS}{{2,30}}?)(?P<etc>等地|等处|等)?"
    rf"(?=(?P<next>{_MARKER})|[,;:。!?]|$|的)"
)
# A coverb's short phrase may stand between the place and its verb: 在西岗社区|向选民|述职.
_COVERB_PHRASE = r"(?:(?:向|对|为|与|同|跟|给)[^,;:。!?在于]{1,12}?)"
# 联合/共同 before the verb say with whom, not where: 在沙溪镇联合开展… is done at 沙溪镇.
_AT_PLACE = (
    r"(?<![现正存所关由对等属处基鉴])(?P<verb>在|于)"
    rf"(?!{_MARKER})(?P<place>{_PLACE_CHARS}{{2,30}}?)"
    rf"(?=(?P<next>(?:{{lex:event_adverbs}}|联合|携手|会同)*{_COVERB_PHRASE}?(?:{_VERB}|{{lex:movement_verbs}})))"
)
# The places whose things are acted on: 对清河县、石林县的高标准农田…开展集中视察.
_OWNER_PLACE = rf"(?P<verb>对)(?P<place>{_PLACE_CHARS}{{2,30}}?)的(?P<next>(?!))?"
# A visit to a thing of a place (视察咪卡乡古茶园保护和…情况): the place it opens on, a name and
# its level, when nothing else in the clause names one; not a scope (全县各乡镇) or 乡村, and
# not a level character that opens a word (城区农贸|市场, 村|民).
_VISITED_OWNER = (r"(?P<verb>{lex:visit_verbs})(?!{NAME_SUFFIX})了?(?![全各本该此这那])"
                  r"(?P<place>\p{Han}{2,6}?(?:乡|镇|村|县|区|市|旗|街道|社区))(?![场域城民级委政府长里内外])(?=\p{Han})(?P<next>(?!))?")
# A clause that is only a place: 6月12日,在市人大常委会机关会议室,市人大代表…
_FRAME_PLACE = rf"^(?P<verb>在)(?P<place>{_PLACE_CHARS}{{2,30}}?)(?=,|$)(?P<next>(?!))?"
_VISIT_PLACE = (
    r"(?P<verb>{lex:visit_verbs})(?!{NAME_SUFFIX})了?"
    rf"(?!{_MARKER})(?P<place>{_PLACE_CHARS}{{2,30}}?)"
    rf"(?=(?P<next>{_VERB})|[,;:。!?]|$|并|的)"
)
_PLACE_END = r"(?:{lex:place_heads})$"
# works built, happenings held, and a happening named with its edition (第二十三届…篝火节)
_WORKS_END = r"..(?:{lex:works_heads}|{lex:happening_heads})$|^第[\d一二三四五六七八九十百]{1,4}届\p{Han}{2,12}$"
_PART_OF_BEFORE = "其中"  # 其中,明年3月将对…: a sentence that details the one before
# Works named with their measure (…平台总投资约1150万元, …公路全长38公里): the clauses after
# it go on with the works as their subject.
_MEASURED_WORKS = r"^(?P<works>[^,;:]{2,30}?)(?:计划|估算|设计)?(?:日处理)?(?:总投资|投资|总面积|占地面积|占地|建筑面积|全长|总长|规模)"
_QUOTED_NAME = compile_pattern(r"“[^“”《》,;:。]{2,20}”")  # a brand or a title of honour as a subject
_BARE_NAME = compile_pattern(r"^\p{Han}{2}$")  # 东岗 of 东岗、西岗、矿工社区: a name without its head
_LIST_MARK = compile_pattern(r"、(?![^()]*\))")  # a list mark outside brackets
_GLOSS_END = compile_pattern(r"\([^()]*\)$")
_PLACE_NAME = r"^(?:{lex:place_names})"
_PLACES_OF_KIND = r"等(?:[\d一二三四五六七八九十两]+个)?(?:{lex:place_heads})+$"  # …、桃花渡等6个街道
# Not a place: a scope alone (全市, 各地, 本区), a thing (…工作, …情况), a frame (…会议上).
# A counted or scoped set of places is one (全市5个山区乡镇, 区内6个乡镇).
_NOT_PLACE = r"(?r)^(?:全|各|本|该|此|部分|有关|相关|多个|一些|这|那|其)(?:{lex:place_heads}|地)$|(?:{lex:nonplace_heads})$"  # (?r): see _ACTOR_END
_PARTICIPANTS = (
    rf"(?:(?<!党)组织(?!{{NAME_SUFFIX}})|带领|率领|(?<![效比概频利税汇])率(?!先)|邀请|召集)(?!{_MARKER})"
    rf"(?P<who>[^,;:。!?“”《》()]{{2,60}}?)(?={_MARKER}|[,;:。!?]|$)"
)
# Verbs that only gather people: a clause with nothing else borrows the next clause's action.
_LEADERS = r"^(?:(?<!党)组织|带领|率领|率|邀请|召集|随同|跟随|随)"
_ACTION_LEAD = r"^(?:{lex:event_adverbs}|一行|[便还也又均已将再先并])+"
# One-character adverbs that may open a clause before its subject or verb: 又组织, 还深入.
_CLAUSE_ADVERB = r"^[便就还也又均已将再并即]+"
# A later clause of the same sentence that opens on a date starts another event.
_NEXT_EVENT = r"(?<=[,;:])(?:{DATE}|{MONTH_DATE_BARE}(?=,)){DATE_END}"
_CLAUSE_MARK = frozenset(",;:。!?()")
# A notice's labelled period, all its sentence holds before the date: 报名时间:7月15日至25日,
# 公示期为4月4日至10日. The label says what happens then; the notice's signer does it.
_PERIOD_LABEL = r"(?:[一二三四五六七八九十\d]{1,2}[、.])?(?P<what>\p{Han}{2,4}?)(?:时间|日期|期)(?:为|是)?:?"
# A sentence of its own, a body and a full date: folding joined the notice's two last lines.
_SIGNATURE = r"(?<=\n)(?P<body>[^\n,;:。!?]{4,30}?){YEAR_NUMBER}{MONTH}{DAY}(?=\n|$)"
# A plan's entry (scheduled_field): a numbered heading, then labelled lines; the body that
# puts the entry forward or leads it is named in a field ending in 单位, before other fields.
_ENTRY_LINES = 6
_ENTRY_HEADING = compile_pattern(r"(?:\d{1,2}[.、]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)(?P<what>[^:]{2,80}?)$")
_FIELD_AFTER = r"(?:(?:提请|起草|牵头|责任|主办|承办|配合|协办|实施|报送|参与)单位|\p{Han}{0,6}(?:领导|时间|时限)):"
_BODY_FIELD = compile_pattern(r"\p{Han}{0,4}单位:(?P<body>[^:]{2,40}?)(?=" + _FIELD_AFTER + "|$)")
_PLANNED = compile_pattern(r"^(?:拟|计划|预计)")
_CLOSE = {"“": "”", "《": "》", "(": ")", "‘": "’"}
_CLAUSE_SPLIT = compile_pattern(r"[,;:]")
_SPLIT_MARKS = compile_pattern("[" + regex.escape("".join(sorted({*_CLOSE, *_CLOSE.values(), ",", ";", ":"}))) + "]")


def build_event(match: Match, ctx: Context) -> list[Event]:
    text = ctx.atext.text
    date_start, date_end = match.groups["date"]
    s_start, s_end = ctx.sentence_of(date_start)
    if _inside_title(text[s_start:date_start]):
        return []
    if ctx.ruleset.regex(_RECURRING).search(text, max(s_start, date_start - _RECURRING_REACH), date_start):
        return []  # 每年3月15日至6月20日、9月10日至11月30日,其中4月1日至…: every year's, no one event
    years = ctx.year_context(date_start)
    if ctx.ruleset.regex(_TAKES_EFFECT_AFTER).match(text, date_end):
        years = replace(years, ahead=True)  # 自5月1日起施行: a day a law takes effect may lie ahead of the page
    if ctx.ruleset.regex(_PLANNED_FOR).search(text, max(s_start, date_start - 3), date_start) \
            and years.publication is not None and (years.default or years.publication) <= years.publication:
        # 拟于3月提请…, 将于7月开工: a plan's date lies ahead of the page, in its year, whatever
        # earlier dates the paragraph names (该草案已于2025年12月25日…初次审议。拟于3月…); a
        # later year the text names stays (明年…计划于9月…)
        years = replace(years, default=years.publication, default_month=None, stated=True, ahead=True)
    scheduled = "label" in match.groups  # a plan's entry: 拟提请审议时间:4月
    if scheduled or "cell" in match.groups:
        # a plan's entry (or a table's time cell) is scheduled in the plan's year: 11月 on a
        # January page is no last November
        years = replace(years, stated=True)
    written = text[date_start:date_end]
    if iso := _ISO_MONTH.fullmatch(written):
        written = f"{iso['year']}年{int(iso['month'])}月"  # 2026-06, a table's cell: June 2026
    if written.startswith(_SAME_MONTH):
        month = ctx.ruleset.regex(_MONTH_NAMED).search(text, 0, date_start)
        if month is None:
            return []
        written = month.group("month") + "月" + written[2:]  # 8月初,…。同月20日: the month named last
    if match.rule.id == "event.day_of_month":
        month = _month_of_paragraph(ctx, date_start, int(regex.match(r"\d+", written).group()))
        if month is None:
            return []
        written = month + "月" + written  # 1月8日…开幕,11日下午闭幕: the month named last in the paragraph
    if written in _MONTH_WORDS:
        heading = _month_heading_before(ctx, date_start)
        if heading is None:
            return []
        written = heading  # 4月⏎是月　…: the month its heading names
    value = parse_date(written, years)
    if value is None:
        return []
    if "cell" in match.groups:
        described = _cell_entry(ctx, s_start, date_start, date_end)
    elif scheduled:
        described = _scheduled_entry(ctx, match.group(text, "label"), s_start, date_start, date_end)
    else:
        described = _describe(ctx, date_start, date_end, s_start, s_end, match.group(text, "actor"), match.groups.get("clause"))
    if described is None:
        return []
    fields, start, end = described
    for name in ("action", "location"):  # what a rule captures, it has the last word on
        if match.group(text, name):
            fields[name] = match.group(text, name)
    if match.group(text, "participants"):
        fields["participants"] = [p for p in match.group(text, "participants").split("、") if p]
    return [Event(**ctx.common(match, start, end), date=DateValue(**value.__dict__), **fields)]


def _set_apart(ctx: Context, pos: int) -> bool:
    """Whether two spaces or more stand right before folded `pos` in the original (folding drops them)."""
    at = ctx.atext.origin_of(pos)
    gap = ctx.original[max(0, at - 2):at]
    return len(gap) == 2 and gap.isspace()


def _submitter(ctx: Context, pos: int) -> str | None:
    """Who submits an entry of a plan (`由市人民政府提请审议`), named earlier in the paragraph
    of folded `pos`, for a later clause with no subject that says when (拟于3月提请…)."""
    named = ctx.ruleset.regex(_SUBMITTED_BY).search(ctx.atext.text, ctx.paragraph_start(pos), pos)
    return named["who"] if named else None


def _month_of_paragraph(ctx: Context, pos: int, day: int) -> str | None:
    """The month of the last date named before folded `pos` in its paragraph, for a day
    written alone (…1月8日…,11日…); None if there is none, or if `day` comes before that
    date's day (the next month's, or a slip)."""
    named = ctx.ruleset.regex(_DATE_NAMED).search(ctx.atext.text, ctx.paragraph_start(pos), pos)
    if named is None or (named["day"] and int(named["day"]) > day):
        return None
    return named["month"]


def _month_heading_before(ctx: Context, pos: int) -> str | None:
    """The month that the last heading line before folded `pos` names (`4月`, `十月`), or None."""
    heading = ctx.ruleset.regex(_MONTH_HEADING).search(ctx.atext.text, 0, pos)
    return heading.group("month") if heading else None


def _inside_title(before: str) -> bool:
    """Whether a date is inside a 《》 title opened earlier in its sentence."""
    return before.count("《") > before.count("》")


def _describe(ctx: Context, date_start: int, date_end: int, s_start: int, s_end: int,
              given_actor: str | None, given_clause: tuple[int, int] | None) -> tuple[dict, int, int] | None:
    """(actor, action, location and participants; the folded bounds of the clause they were
    read from) for the clause a date anchors, or None if the date anchors nothing."""
    rs = ctx.ruleset
    text = ctx.atext.text
    label = rs.regex(_PERIOD_LABEL).match(text, s_start, date_start)
    if label and date_start - s_start == len(label.group()):
        fields = {"actor": _signer(ctx, date_end), "action": label.group("what"), "location": None, "participants": []}
        return fields, label.start("what"), date_end
    pre_start = date_start
    while pre_start > s_start and text[pre_start - 1] not in _CLAUSE_MARK and text[pre_start - 1] not in "”’】":
        pre_start -= 1
    quoted = rs.regex(_QUOTED_SUBJECT).search(text, max(s_start, pre_start - 16), pre_start)
    quoted_subject = None
    if quoted and rs.regex(_BEFORE_DATE).fullmatch(text, pre_start, date_start):
        pre_start = quoted.start("name")  # “纳秧刺梨”于9月获批…: a name in quotes is the subject
        quoted_subject = quoted.group("name")
    nxt = rs.regex(_NEXT_EVENT).search(text, date_end, s_end)
    clause_end = (nxt.start() - 1) if nxt else s_end
    if given_clause and given_clause[0] >= date_end:
        clause_end = given_clause[1]
    if text[date_start - 1:date_start] == "(" and date_end < (close := text.find(")", date_end, clause_end)):
        clause_end = close  # (今年1月1日起施行): a clause in brackets ends at its bracket
    bracketed = text[date_start - 1:date_start] == "(" and text[date_end:date_end + 1] == ")"
    relative_day = rs.regex(_RELATIVE_DAY).search(text, s_start, date_start - 1) if bracketed else None
    if relative_day is None and bracketed and rs.regex(_ON_THE_DAY).match(text, date_end):
        relative_day = rs.regex(_FESTIVAL_DAY).search(text, s_start, date_start - 1)
    if relative_day is None and bracketed and _RANGE_MARK.search(text, date_start, date_end):
        relative_day = rs.regex(_PERIOD_GLOSSED).search(text, s_start, date_start - 1)
    if relative_day is None and bracketed:
        relative_day = _MEETING_GLOSSED.search(text, s_start, date_start - 1)  # 第二次全体会议(9月14日)研究决定
    glossed_day = relative_day is not None
    # 下周一(5月26日)起,…: the date glosses a day named relative to the page; the clause goes on after it
    post_start = date_end + 1 if glossed_day else date_end
    post_start += rs.regex(_LEAD).match(text[post_start:clause_end]).end()
    post = text[post_start:clause_end].rstrip("。;!?")
    pre = rs.regex(_DISCOURSE).sub("", text[pre_start:date_start], count=1)
    pre = rs.regex(_BEFORE_DATE).sub("", pre.lstrip(MARKS))
    heading = not glossed_day and _ENTRY_NUMBER.fullmatch(pre.strip()) and _DAY_PARTS.fullmatch(post)
    if (glossed_day and not post.strip(",") or heading) and (item := _first_item_under(ctx, s_start)):
        # ■周一(6月8日)⏎1.上午,县人大常委会…: a day's heading dates the first item under it, and
        # so does an entry's (№1　4月3日(周四)上午⏎来访人:…)
        post_start, clause_end = item
        post, pre = text[post_start:clause_end].rstrip("。;!?"), ""
        if _PERSON_LABEL.search(text, max(s_start, post_start - 6), post_start):
            # 来访人:东村村民张三等3人: the field names who did it, however it is worded
            given_actor, post = post, ""
    if given_actor:
        pre = rs.regex(_DISCOURSE).sub("", given_actor, count=1)
    # (新修订的《…》: the words before a title describe it, 新修 is no verb of the event)
    verbs = [] if rs.regex(_LED_TITLE).match(pre) else list(rs.regex(_VERBS).finditer(pre))
    if verbs:  # 会议传达学习了习近平总书记2023年9月21日…: the actor follows the last verb
        after = rs.regex(r"^[了着过的]").sub("", pre[verbs[-1].end():])
        if _as_actor(after, rs) or verbs[0].start() == 0:
            pre = after
    dated_after = bracketed and not glossed_day and not text[date_end + 1:s_end].strip("。;!?")
    if dated_after:  # 执法检查组在…茶园检查(10月30日): a date in brackets closing what it dates
        pre, post, clause_end = "", text[s_start:date_start - 1].lstrip(MARKS), date_end + 1
    if not pre and not post:
        return None  # a date with nothing said around it: a dateline, a heading
    if not post and not given_actor and text[date_end:date_end + 1] in (SEPARATOR, "") and _set_apart(ctx, date_start):
        return None  # `…会议秘书处　　　　2026年1月9日`: a signature line, its body and its date set apart
    if bracketed and not glossed_day and not dated_after:
        return None  # a date alone in brackets glosses a name: 国庆节(10月1日)
    if rs.regex(_ISSUE_NUMBER).search(text, max(s_start, date_start - 12), date_start):
        return None  # 周讯(2025年第20期5月19日—5月23日): the span an issue covers, in its title
    if rs.regex(_COUNTED_OVER).search(text, max(s_start, date_start - 12), date_start):
        return None  # 数据统计期限自2025年1月1日起至…止: the span figures are counted over

    actor = (_as_actor(pre, rs) or quoted_subject) if pre else None
    if pre and (kind := rs.regex(_KIND_OPENS).match(pre)) and rs.regex(_TAKES_EFFECT).match(post):
        # 条例将报请…批准后,自…起施行: the 条例 the article named, not the body it goes to
        actor = _title_of_kind(ctx, kind.group("kind"), pre_start) or actor
    effect_of = rs.regex(_DOCUMENT_DATED).match(post) if actor is None and not dated_after else None
    if effect_of:
        actor, post = closed_title(effect_of.group("title")), effect_of.group("verb")
        clause_end = post_start + effect_of.end()
    if actor is None and pre and rs.regex(_PLACED_VERB).match(post):
        actor = _as_subject_place(pre, rs)  # 赣澄至南岭高速公路2022年6月建成通车, …节将于…在…举办
    if actor is None and pre and rs.regex(_DOCUMENT_ACTS).match(post):
        # 《…议事规则》于2017年3月制定, 实施办法自…起施行; 该办法 is the one named before
        actor = _document_referred_to(ctx, pre, pre_start) or _as_subject_document(pre, rs)
    if actor is None and rs.regex(_TAKES_EFFECT).match(post) and pre_start > s_start:
        actor = _document_of_sentence(ctx, s_start, pre_start)  # 《…条例》…经…批准,将于…起施行
        actor = _full_title(ctx, actor, s_start) if actor else None  # 《办法》…自…起施行: the 办法 named before
    held = rs.regex(_MEETING_HELD).match(post) if actor is None else None
    if held:  # 经3月10日召开的市政府第47次常务会议研究同意: the meeting, from its date on
        actor, post = held.group("meeting"), "召开"
        clause_end = post_start + held.end()
    clause_start = pre_start if actor and not effect_of and not held else (relative_day.start() if glossed_day else date_start)
    predicate = post
    if actor is None:  # no actor before the date: read the subject after it
        actor, predicate, subjectless = _subject(post, ctx, date_start)
        if actor is None and subjectless and not dated_after:
            actor = _earlier_subject(ctx, s_start, pre_start)
        if actor is None and predicate.startswith(_SUBMITS):
            actor = _submitter(ctx, date_start)  # 由市人民政府提请审议。…拟于3月提请常委会会议审议
    if dated_after:
        if actor is None:
            return None  # 国庆节(10月1日): the date glosses a name, nobody does anything
        clause_start = date_start - 1 - len(post)  # where the sentence's text starts, after its mark
    if actor is None and text[s_start:s_start + 1] in "—-" and rs.regex(_AT_MEETING).fullmatch(post):
        actor = _speaker(ctx, s_end)  # ——2024年1月15日在…会议上⏎市人大常委会主任　郭振邦
    if actor is None and rs.regex("{STATISTIC}").search(post):
        return None  # a period's statistic, not an event
    scope = _same_subject(predicate, rs)
    if post and (frame := rs.regex(_FRAME).match(post)) and not (len(frame.group()) == 1 and _glued_first(post)) \
            and not predicate.startswith(post[:_first_clause_end(post)]):
        scope.insert(0, post[:_first_clause_end(post)])  # 在…会议室,市人大代表李明…: the frame holds the place
    place, place_phrase = _location(",".join(scope), rs)
    if actor and (level := _LEVEL_SPOKEN.fullmatch(actor)):
        actor = named_place(text, level["level"], date_start, ctx) or actor  # 村里成立了…: the village the article names
    elif actor and (referred := REFERRED_BODY.fullmatch(actor)):
        actor = referred_body(text, referred["head"], date_start, ctx) or actor  # 该局: the bureau named last
    fields = {
        "actor": actor,
        "action": _action(predicate, place_phrase, rs),
        "location": place,
        "participants": _participants(predicate, rs),
    }
    return fields, clause_start, clause_end


def _scheduled_entry(ctx: Context, label: str, s_start: int, date_start: int, date_end: int) -> tuple[dict, int, int] | None:
    """(fields, bounds) of a plan's entry that a labelled field schedules (`拟提请审议时间:4月`):
    what the label says is done to what the entry's heading names, by the body of the entry's
    first body field (`提请单位:市人民政府起草单位:…`). The lines of an entry stand between its
    numbered heading and the field; None if no heading is found within a few lines."""
    atext, text = ctx.atext, ctx.atext.text
    body = None
    index = atext.sentence_index(s_start)
    for k in range(index - 1, max(index - _ENTRY_LINES, -1), -1):
        start, end = atext.sentence_bounds(k)
        if field := _BODY_FIELD.match(text, start, end):
            body = field.group("body")  # the entry's first body field, walking up to its heading
        elif heading := _ENTRY_HEADING.match(text, start, end):
            titles = ctx.ruleset.regex(_MARKED_TITLE).findall(heading.group("what"))
            what = f"《{titles[0]}》" if len(titles) == 1 and heading.group("what").startswith("《") else heading.group("what")
            action = _PLANNED.sub("", label) + what
            return {"actor": body, "action": action, "location": None, "participants": []}, s_start, date_end
    return None


def _cell_entry(ctx: Context, s_start: int, date_start: int, date_end: int) -> tuple[dict, int, int] | None:
    """(fields, bounds) of a table row printed one cell to a line, whose time cell is the date
    (`编制《…规划》⏎市交通运输局⏎《…法》⏎2026年9月`): the body in a cell above it acts, and
    the cell above that body says what it does. None when no cell of the few above is a body
    (a chronicle's month heading is none: entries stand above it)."""
    atext, text = ctx.atext, ctx.atext.text
    index = atext.sentence_index(s_start)
    body_cell = ctx.ruleset.regex(_BODY_CELL_LINE)
    for k in range(index - 1, max(index - _CELL_REACH, -1), -1):
        start, end = atext.sentence_bounds(k)
        if body_cell.fullmatch(text, start, end):
            action = None
            if k > 0:
                a_start, a_end = atext.sentence_bounds(k - 1)
                action = text[a_start:a_end] if a_end - a_start <= _CELL_MAX else None
            return {"actor": text[start:end], "action": action, "location": None, "participants": []}, date_start, date_end
    return None


def _signer(ctx: Context, pos: int) -> str | None:
    """Who signs the notice that `pos` stands in: the body on the line above the date that
    closes it (`政协某区委员会办公室⏎2025年7月10日`), or None."""
    rs = ctx.ruleset
    sign = rs.regex(_SIGNATURE).search(ctx.atext.text, pos)
    return _as_actor(sign.group("body"), rs) if sign else None


def _speaker(ctx: Context, end: int) -> str | None:
    """The name on the line right under a report's subtitle that ends at `end`, when that
    line is an office and a name and nothing else, or None."""
    text = ctx.atext.text
    start = end
    while start < len(text) and text[start] in "\n \u3000":
        start += 1
    line = ctx.ruleset.regex(_SPEAKER_LINE).fullmatch(text, start, line_end(text, start))
    return line.group("name") if line else None


def _subject(post: str, ctx: Context, pos: int) -> tuple[str | None, str, bool]:
    """(actor, predicate, subjectless) of a clause that follows its date.

    The subject is looked for in the first clause only (…,全市各图书馆开展… names another
    subject); a first clause that only frames the event (为落实…精神, 在…会议室,) hands
    over to the next one.
    """
    rs = ctx.ruleset
    clause = rs.regex(_DISCOURSE).sub("", post, count=1)
    clause = rs.regex(_CLAUSE_ADVERB).sub("", clause)
    pronoun = rs.regex(_PRONOUN).match(clause)
    if pronoun:
        # 他 for the person an office title named last; where none did (a profile names
        # its man by his name alone), 他 itself says more than nothing. 我, 我们 (a deputy's
        # own report) stay as said: who speaks is the report's, not the sentence's.
        singular = pronoun.group() in ("他", "她")
        first_person = pronoun.group().startswith("我")
        actor = (_person_named_before(ctx, pos) or pronoun.group()) if singular else pronoun.group() if first_person else None
        return actor, clause[pronoun.end():], False
    organiser = rs.regex(_ORGANISER).match(clause)
    if organiser:
        return _as_actor(organiser.group("agent"), rs), clause[organiser.end():], False
    first_end = _first_clause_end(clause)
    surnames = rs.lexicon("surnames")
    # (副主任鲜于|文斌: 于 closes a compound surname, no preposition)
    markers = [m for m in rs.regex(_MARKERS).finditer(clause, 0, first_end) if clause[m.start() - 1:m.end()] not in surnames]
    if markers and markers[0].start() == 0 and len(markers[0].group()) == 1 and _glued_first(clause):
        markers = markers[1:]  # 向阳社区, 于都县: jieba reads the character into a name, no preposition
    if (markers and markers[0].start() == 0) or rs.regex(_OPENS_ON_VERB).match(clause):
        # the clause opens on its verb or a preposition: its subject is not here
        head = rs.regex(_RELATIVE_HEAD).match(clause)
        actor = (_as_actor(head.group("head"), rs) or _as_subject_place(head.group("head"), rs)) if head else None
        if actor:
            return actor, clause[head.end():], False
        at = rs.regex(_AT_DOCUMENT).match(clause, 0, first_end)
        if at and (actor := _as_subject_document(at.group("document"), rs)):
            return actor, clause[at.end("document"):], False  # 计划草案在…公开征求意见: 计划 is no adverb here
        if first_end < len(clause) and rs.regex(_FRAME).match(clause) and not rs.regex(_PLACED_ACT).match(clause, 0, first_end):
            actor, predicate, _ = _subject(clause[first_end + 1:], ctx, pos)
            # no subject after the frame either (对…开展执法检查,让监督…): the clause has none
            return actor, (predicate if actor else clause), actor is None
        return None, clause, True
    titled = clause.find("》") + 1 if clause.startswith("《") else 0  # (no marker inside: 关于, 修改)
    for m in markers:
        if m.start() < titled:
            continue
        if m.start() == 1 and clause[0] in _LEVEL_ALONE and m.group() not in ("在", "于"):
            return clause[0], clause[1:], False  # 镇召开…推进会: the level alone is the place the page is about
        if m.start() >= 2:  # one character is no actor: 向阳社区 is not 向+阳社区
            subject = clause[:m.start()]
            if rs.regex(_DURING).fullmatch(subject):
                return None, clause[m.start():], True  # 县人代会期间组织代表…: a span of time, no subject
            actor = _as_actor(subject, rs) or _as_subject_place(subject, rs) or (
                _as_subject_document(subject, rs) if subject.startswith("《") else None)  # 《…(草案)》在…公布
            if actor:
                return actor, clause[m.start():], False
            if m.group() in ("在", "于"):
                break  # what stands before 在 is the subject or nothing: never 村里在村委会广场
    if not markers:  # 市人大常委会主任李俊峰,副主任王强一同参加活动 (a person named with no verb)
        first = clause[:first_end]
        quoted = rs.regex(_QUOTED_PREDICATE).fullmatch(first)
        if quoted:  # 全市168处助餐点“不打烊”: a subject and what it does, said in quotes
            actor = _as_actor(quoted.group("subject"), rs) or _as_subject_place(quoted.group("subject"), rs)
            if actor:
                return actor, clause[quoted.start("said"):], False
        if rs.regex(_TITLED_NAME).search(first) or rs.regex(_HEAD_NAME).search(first) or rs.regex(_NAME).match(first):
            return _as_actor(first, rs), clause[first_end + 1:], False
        meeting = rs.regex(_MEETING_OPENS).match(first)
        actor = _as_actor(meeting.group(), rs) if meeting else None
        if actor:  # 常委会第十二次会议接受…: a verb no lexicon lists
            return actor, clause[meeting.end():], False
    own = rs.regex(_OWN).match(clause)
    if own:  # 我区遭遇入汛以来最强降雨过程, 我局已予以采纳: the paper's own place or the letter's own body
        return own.group(), clause[own.end():], False
    return None, clause, False


def _glued_first(text: str) -> bool:
    """Whether jieba reads the first character of `text` into a longer word: 向阳|社区 and
    于都县 open on no preposition."""
    return len(words(text[:6])[0][0]) > 1


def _first_clause_end(text: str) -> int:
    """Where the first clause of `text` ends (a , ; : outside quotes and brackets)."""
    if not any(opener in text for opener in _CLOSE):
        mark = _CLAUSE_SPLIT.search(text)
        return mark.start() if mark else len(text)
    return len(_top_level_split(text, keep_empty=True)[0])


def _as_actor(text: str, rs) -> str | None:
    """`text` as an actor, or None when it does not read as one (全市GDP, 会议, 该条例)."""
    text = rs.regex(_DISCOURSE).sub("", text, count=1)
    text = rs.regex(_ACTOR_TAIL).sub("", rs.regex(_REMARK).sub("", text))
    text = rs.regex(_PASSED_BY).sub("", text, count=1)
    if len(text) < 2 or text[0] in "《“(" or text[0].isdigit():
        return None  # (00开幕会: the rest of a clock time, 上午9:00　开幕会)
    if rs.regex(_ACTOR_END).search(text) or rs.regex(_TITLED_NAME).search(text) or rs.regex(_HEAD_NAME).search(text):
        return text
    if rs.regex(_NAME).match(text):
        # a name alone must read as one: 安排, 全天 open on a surname but are words
        return text if plausibility(text, NameLexicons.of(rs)) else None
    meeting = rs.regex(_MEETING).match(text)
    if meeting:
        return meeting.group("body") if meeting.group("body") else text
    return None


def _as_subject_place(text: str, rs) -> str | None:
    """A place, facility, works or happening that is the subject of its clause's verb, as
    the actor of what it does or what is done to it (县城第二幼儿园建成开园, 雁鸣湖冰雪乐园
    开园迎客, …改造提升项目建成开放, …草原文化旅游节成功举办), or a name in quotes (a brand:
    “某某枸杞”获批…): only where a verb of the event follows it directly."""
    text = rs.regex(_ACTOR_TAIL).sub("", text)
    if _QUOTED_NAME.fullmatch(text):
        return text
    if len(text) < 2 or text[0] in "《“(":
        return None
    return text if _is_place(text, rs) or rs.regex(_WORKS_END).search(text) else None


def _as_subject_document(text: str, rs) -> str | None:
    """A regulation that is the subject of what is done to it (制定, 通过, 施行), as the
    actor: its 《》 title without the marks, or a name that ends on a kind word (实施办法)."""
    text = rs.regex(_DOCUMENT_LEAD).sub("", rs.regex(_ACTOR_TAIL).sub("", text))
    title = rs.regex("^" + _MARKED_TITLE + "$").match(text)
    if title:
        return closed_title(title.group(1))
    return text if 2 <= len(text) <= 12 and rs.regex(_DOCUMENT_NAME).match(text) else None


def _document_of_sentence(ctx: Context, s_start: int, end: int) -> str | None:
    """The regulation a sentence opens on, for a later clause that says when it takes effect
    (《…条例》于…通过,…经…批准,将于2025年3月1日起施行): its title, or the title the clause
    before ends on (通过了《…》,自…起施行), or for 该条例 the last title of that kind named
    before in the article, or for a clause that opens on its kind (…印发《…办法》,办法共5章24条,
    自…起施行) the last title of that kind named before it."""
    rs = ctx.ruleset
    text = ctx.atext.text
    head = rs.regex(_DESCRIBED).sub("", rs.regex(_DISCOURSE).sub("", text[s_start:end], count=1), count=1)
    title = rs.regex("^" + _MARKED_TITLE).match(head)  # (现行《…条例》于…通过: the lead describes it)
    if title:
        return closed_title(title.group(1))
    if named := rs.regex(_NAME_OPENS).match(head):
        return named["name"]
    titles = list(rs.regex(_MARKED_TITLE).finditer(text, s_start, end))
    last = titles[-1] if titles else None
    if len(titles) == 1 and rs.regex(_THIS + "$").search(text, max(s_start, last.start() - 2), last.start()):
        return closed_title(last.group(1))  # 会议原则同意该《办法》,由…修改完善,…印发,自4月15日起施行
    if last and not text[last.end():end].strip(",;:( "):
        # 会议表决通过了《…若干规定》,自8月1日起施行: the clause before ends on it; so does a
        # gloss in brackets after it (贯彻新修订的《…条例》(今年1月1日起施行))
        return closed_title(last.group(1))
    this = rs.regex(_THIS_KIND).match(head)
    if this is None:  # …印发《…管理办法(试行)》,办法共5章24条,自5月1日起施行: the clause before names its kind
        before = text[s_start:end].rstrip(",;: ")
        cut = max(before.rfind(","), before.rfind(";"))
        this = rs.regex(rf"^{_THIS}?(?P<kind>{{lex:regulation_kinds}})").match(before[cut + 1:]) if cut >= 0 else None
    return _title_of_kind(ctx, this.group("kind"), end) if this else None


def _document_referred_to(ctx: Context, pre: str, end: int) -> str | None:
    """For a subject that refers back to a regulation (该办法, 本条例), the title of that
    kind named last before folded `end` in the article, or None."""
    this = ctx.ruleset.regex(_THIS_KIND + "$").match(pre)
    return _title_of_kind(ctx, this.group("kind"), end) if this else None


def _full_title(ctx: Context, title: str, end: int) -> str:
    """A short title (《办法》, 《决定》: the kind alone, as a text names the document it named
    in full before) as that full title, or `title` itself."""
    if title in ctx.ruleset.lexicon("regulation_kinds"):
        return _title_of_kind(ctx, title, end) or title
    return title


def _title_of_kind(ctx: Context, kind: str, end: int) -> str | None:
    """The last 《》 title before folded `end` in the article that is of `kind` (办法), with
    a note in brackets after the kind (…办法(试行)) allowed."""
    for named in reversed(list(ctx.ruleset.regex(_MARKED_TITLE).finditer(ctx.atext.text, 0, end))):
        if _GLOSS_END.sub("", named.group(1)).endswith(kind):  # …管理办法(试行): the kind before the note
            return closed_title(named.group(1))
    if ctx.title and _GLOSS_END.sub("", ctx.title).endswith(kind):
        return ctx.title  # a gazette's document under its own headline: 本决定 is the article
    return None


def _person_named_before(ctx: Context, pos: int) -> str | None:
    """The person an office title last named before folded `pos` in the article (for 他/她)."""
    rs = ctx.ruleset
    text = ctx.atext.text
    lex = NameLexicons.of(rs)
    found = None
    for titled in rs.regex(_TITLED_NAME).finditer(text, 0, pos):
        name_start = titled.start("name")
        name = text[name_start:name_start + 2] if rs.regex(_NAME_FOLLOWER).match(text, name_start + 2) else titled.group("name")
        if plausibility(name, lex):
            found = name  # (not 委员|来信处理: a word after a title is no person)
    return found


_FIELD_LABEL = compile_pattern(r"\p{Han}{2,5}:")  # a labelled field's label (来访人:)
_PERSON_LABEL = compile_pattern(r"\p{Han}{1,4}人:$")  # a label that names people (来访人:, 反映人:)
# What an entry's heading holds beside its date (№1　4月3日(周四)上午): the entry's number,
# the weekday in brackets, the part of the day.
_ENTRY_NUMBER = compile_pattern(r"(?:№\s*|No\.?\s*|第)?[0-9]{0,3}(?:[.、]|号)?")
_DAY_PARTS = compile_pattern(r"(?:\((?:周|星期)[一二三四五六日天]\)?)?(?:上午|下午|晚上|全天)?")


def _first_item_under(ctx: Context, s_start: int) -> tuple[int, int] | None:
    """Folded bounds of the first clause under the heading that is the sentence at `s_start`
    (a day of a weekly bulletin, `■周一(6月8日)`), past its item number and the part of the
    day (`1.上午,`), or None where no sentence follows."""
    index = ctx.atext.sentence_index(s_start) + 1
    if index >= len(ctx.atext.sentence_starts):
        return None
    start, end = ctx.atext.sentence_bounds(index)
    text = ctx.atext.text
    lead = ctx.ruleset.regex(_ITEM_NUMBER).match(text, start, end)
    start = lead.end() if lead else start
    start += ctx.ruleset.regex(_LEAD).match(text[start:end]).end()
    if label := _FIELD_LABEL.match(text, start, end):
        start = label.end()  # 来访人:某村村民张三等3人: the field's value is who came
    clause = _CLAUSE_SPLIT.search(text, start, end)
    return (start, clause.start() if clause else end) if start < end else None


def _earlier_subject(ctx: Context, s_start: int, clause_start: int) -> str | None:
    """For a clause without a subject (…;9月25日,又组织委员…): the nearest earlier clause
    of the same sentence that has one (a sentence may run on over `;`, and one that opens
    on 其中 goes on with the sentence before it)."""
    rs = ctx.ruleset
    atext = ctx.atext
    start, i = s_start, atext.sentence_index(s_start)
    goes_on = atext.text.startswith(_PART_OF_BEFORE, s_start)
    while i > 0:
        prev_start, prev_end = atext.sentence_bounds(i - 1)
        if not (atext.text[prev_start:prev_end].endswith(";") or goes_on):
            break
        start, i, goes_on = prev_start, i - 1, False
    pieces = _top_level_split(atext.text[start:clause_start].replace("\n", ";"))
    for piece in reversed(pieces):
        if rs.regex(_REPORTING).search(piece):
            return None  # 书记彭措介绍,…,预计今年9月投入使用: what follows is reported, not done by him
        date = rs.regex(r"^(?:{DATE}|{MONTH_DATE_BARE}|今年|明年|去年){DATE_END}").match(piece)
        piece = rs.regex(_LEAD).sub("", piece[date.end():] if date else piece, count=1)
        if not piece:
            continue
        opening = rs.regex("^" + _MARKED_TITLE).match(piece)
        if opening and not date:  # 《办法》经…研究同意,上周五(3月13日)正式印发: the document goes on
            return _full_title(ctx, closed_title(opening.group(1)), s_start)
        kind = rs.regex(_KIND_OPENS).match(piece) if not date else None
        if kind and (title := _title_of_kind(ctx, kind.group("kind"), s_start)):
            return title  # 条例将报请…批准后,自…起施行: the 条例 the article named, not the body it goes to
        actor, _, _ = _subject(piece, ctx, s_start)
        if actor is None and not rs.regex(_VERBS).search(piece):
            # 为期两天的市十六届人大常委会第七次会议,8月26日下午…闭幕: a subject alone (what
            # stands before its last 的 describes it)
            actor = _as_actor(piece.rsplit("的", 1)[-1], rs)
        if actor is None:
            # …智慧监管平台总投资约1150万元,已于5月完成招标: works and the measure of them
            measured = rs.regex(_MEASURED_WORKS).match(piece)
            actor = _as_subject_place(measured.group("works"), rs) if measured else None
        if actor:
            return actor
    return None


def _same_subject(post: str, rs) -> list[str]:
    """The clauses of `post` that go on with the event's subject: the first, and each
    next one until a clause names a subject of its own (…,呼和浩特市政协成立了…)."""
    clauses = _top_level_split(post)
    kept = clauses[:1]
    for clause in clauses[1:]:
        clause = rs.regex(_CLAUSE_ADVERB).sub("", rs.regex(_DISCOURSE).sub("", clause, count=1))
        marker = next((m for m in rs.regex(_MARKERS).finditer(clause) if m.start() == 0 or m.start() >= 2), None)
        if marker is not None and marker.start() >= 2 and (subject := _as_actor(clause[:marker.start()], rs)):
            if not subject.endswith(_WORKING_GROUP):
                break  # another subject; but 检查组深入…: the group the event formed goes on with it
        kept.append(clause)
    return kept


def _location(post: str, rs) -> tuple[str | None, str | None]:
    """(place, the words that name it with their verb) of a clause, or (None, None)."""
    best = None
    for source in (_MOVE_PLACE, _AT_PLACE, _FRAME_PLACE, _VISIT_PLACE, _OWNER_PLACE, _VISITED_OWNER):
        if (source is _AT_PLACE and "在" not in post and "于" not in post) or (source is _FRAME_PLACE and not post.startswith("在")) \
                or (source is _OWNER_PLACE and "对" not in post):
            continue  # (the word each of these opens on is not in the clause: no scan)
        for m in rs.regex(source).finditer(post):
            if source is _FRAME_PLACE and (rs.regex(_VERB).search(m.group("place")) or not rs.regex(_PLACE_END).search(m.group("place"))):
                continue  # 在村里|创办|后方医院, 在…艺术展演中获得一等奖: a clause with a verb, or without a place's head, is no frame
            place = _as_place(m.group("place"), rs)
            if place is None:
                continue
            # A place where something is done beats one merely reached (来到办公室,…直奔…小区查看),
            # and any named with a verb beats the owner of what is acted on.
            owner = source is _OWNER_PLACE or source is _VISITED_OWNER
            rank = (source is _VISITED_OWNER, owner, m.group("next") is None, m.start())
            # the owner stays in the action (对清河县的高标准农田开展视察): it names what was acted on
            phrase = None if owner else m.group("verb") + m.group("place") + (m.groupdict().get("etc") or "")
            if best is None or rank < best[0]:
                best = (rank, place, phrase)
    return (best[1], best[2]) if best else (None, None)


def _as_place(text: str, rs) -> str | None:
    """`text` as a place, or None; of a list (包头市、鄂尔多斯市) the places it starts with,
    up to 等 (…、河东镇中心卫生院等点位5处)."""
    kind = rs.regex(_PLACES_OF_KIND).search(text)
    if kind and kind.start() > 0:
        # 鹤湾、南岭、桃花渡等6个街道: names with no head of their own are places of the
        # kind the list ends on
        names = _LIST_MARK.split(text[:kind.start()])
        if all(2 <= len(n) <= 8 and not rs.regex(_NOT_PLACE).search(n) for n in names):
            return "、".join(names)
    parts = _LIST_MARK.split(text)
    if len(parts) > 1 and _is_place(parts[-1], rs) and all(_BARE_NAME.match(p) for p in parts[:-1]):
        return text  # 东岗、西岗、矿工社区: two-character names that share the last one's head
    kept = []
    for part in parts:  # 6个县(市、区) is one place
        part, etc, _ = part.partition("等")  # …、河东镇中心卫生院等点位5处: the list ends at 等
        if not _is_place(part, rs):
            break
        kept.append(part)
        if etc:
            break
    return "、".join(kept) or None


def _is_place(text: str, rs) -> bool:
    text = _GLOSS_END.sub("", text)  # 6个县(市、区): the head stands before the gloss
    if text in rs.lexicon("place_names"):
        return True  # 北京, 村里 (whose 里 ends no place elsewhere: 在工作里)
    if text in rs.lexicon("event_nonplaces") or rs.regex(_NOT_PLACE).search(text):
        return False
    end = rs.regex(_PLACE_END).search(text)
    if end and end.start() > 0:  # a bare head (社区, 企业) names no place
        return True
    return bool(rs.regex(_PLACE_NAME).match(text))


def _participants(predicate: str, rs) -> list[str]:
    m = rs.regex(_PARTICIPANTS).search(predicate.split(",")[0] if predicate else "")
    if not m:
        return []
    names: list[str] = []
    last = ""
    for part in m.group("who").split("、"):
        if names and len(last) <= 4 and (last[-1:] in _LEVEL_ALONE or last.endswith("全国")):
            names[-1] += "、" + part  # 部分市、区人大代表, 部分全国、省、州人大代表: levels that share the head after them
        elif part:
            names.append(part)
        last = part
    return names if names and _as_actor(names[-1], rs) else []


def _action(predicate: str, place_phrase: str | None, rs) -> str | None:
    """The predicate's first clause without its place; while a clause only gathers people
    (组织委员,) or moves somewhere (走进…基地,), the next one's action is added."""
    lead = rs.regex(_ACTION_LEAD)
    parts: list[str] = []
    for clause in _top_level_split(predicate)[:3]:
        if place_phrase and place_phrase in clause:
            clause = clause.replace(place_phrase, "", 1)
            place_phrase = None
        clause = lead.sub("", clause)
        parts.append(clause)
        if clause and not (rs.regex(_LEADERS).match(clause) and not rs.regex(_VERB).search(clause, 2)):
            break
    # A clause that only moves somewhere, with nothing after it, is the action itself.
    return "".join(parts) or (lead.sub("", predicate.split(",")[0]) or None)


def _top_level_split(text: str, keep_empty: bool = False) -> list[str]:
    """Clauses of `text` split on , ; : outside quotes, titles and brackets."""
    if not any(opener in text for opener in _CLOSE):
        pieces = _CLAUSE_SPLIT.split(text)
        return pieces if keep_empty else [p for p in pieces if p]
    pieces: list[str] = []
    depth: list[str] = []
    start = 0
    for mark in _SPLIT_MARKS.finditer(text):  # the other characters change nothing
        i = mark.start()
        ch = text[i]
        if ch in _CLOSE:
            depth.append(_CLOSE[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif not depth and ch in ",;:":
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces if keep_empty else [p for p in pieces if p]
