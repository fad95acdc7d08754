"""Extraction against gold facts (FACTS.md 'Scoring'), set by set.

`samples`: the five sample pages the rules were written on (tests/gold).
`heldout…`: pages written for the held-out set by someone who saw no rules, in the pairs
they were written in (tests/heldout; read its README before touching them): they measure
generalisation, this test only keeps a change from quietly losing it.

Thresholds sit just under the measured numbers: a change that loses facts fails here.
Raise a threshold when a change raises its number; never lower one to make a test pass.
"""

from __future__ import annotations

from functools import cache

import pytest

from conftest import GOLD_DIR, ROOT, SAMPLES
from factx.evaluate import evaluate_paths

HELDOUT = ROOT / "tests" / "heldout"


def _heldout(*numbers: int) -> list[str]:
    """The paths of held-out pages by number: _heldout(17, 18)."""
    return [str(HELDOUT / "pages" / f"heldout_{n:02d}.txt") for n in numbers]


# set: (pages, gold directory, {type: (minimum key F1, minimum field agreement)})
SETS = {
    "samples": ([str(p) for p in SAMPLES], GOLD_DIR, {
        "event": (0.98, 0.98),
        "count": (0.99, 0.99),
        "official": (0.96, 0.96),
        "regulation": (0.98, 0.99),
    }),
    # Pages 01-04: their error classes were fixed in session 1 (by invented examples).
    "heldout": (_heldout(1, 2, 3, 4), HELDOUT / "gold", {
        "event": (0.97, 0.97),
        "count": (0.99, 0.97),  # .972 since the level reached leaves out the adverb before 由 (session 12)
        "official": (0.99, 0.99),  # 1.000 since 周家|琪 reads as a name (session 13)
        "regulation": (0.97, 0.97),
    }),
    # Pages 05-06, written in session 2 by a writer who had not seen the rules; these are
    # their first scores, nothing was tuned on them (event 1.000/.875 and .952/.800;
    # official .900/.972 and .741/1.000: Dai names, 李正和 read as 李正 + 和). A rule
    # change that raises them should come from the error class, never from their sentences.
    "heldout-fresh": (_heldout(5, 6), HELDOUT / "gold", {
        "event": (0.99, 0.94),  # .944 since a document described before its title is the subject (session 13)
        "count": (0.99, 0.93),  # .931 since a character alone after 个 is a noun (session 12)
        "official": (0.99, 0.99),  # 1.000 since 李正|和|主持 reads as 李正和 (session 13)
        "regulation": (0.99, 0.99),
    }),
    # Pages 07-08, written in session 3 the same way; first scores, nothing tuned on them:
    # event 1.000/.891, count .993/.885, official .704/.960 (compound surnames 欧阳/司徒,
    # Uyghur names joined by a middle dot whose parts no lexicon lists), regulation 1.000.
    # Both classes were then fixed with invented examples: official 1.000/.963.
    "heldout-07-08": (_heldout(7, 8), HELDOUT / "gold", {
        "event": (0.99, 0.99),  # 1.000 since 分成三个小组 ends the actor (session 11)
        "count": (0.99, 0.94),  # .941 since paired groups take their own number (session 11)
        "official": (0.99, 0.99),  # 1.000/1.000 since offices of a level take a place's body (session 5)
        "regulation": (0.99, 0.99),
    }),
    # Pages 09-10, written at the end of session 3; first scores, nothing tuned on them:
    # event .927/.763, count .994/.932, official .807/1.000 (Tibetan names the lexicon
    # lacks, appointees across clauses), regulation 1.000. Session 4 fixed those classes
    # from invented cases: event 1.000/.762, official .952/1.000.
    "heldout-09-10": (_heldout(9, 10), HELDOUT / "gold", {
        "event": (0.99, 0.92),  # .929 since a frame place needs a head and 开展会前 is a verb (session 12)
        "count": (0.99, 0.97),  # .972 (session 12)
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 11-12, written in session 4; first scores, nothing tuned on them: event
    # .700/.857 (December dates on a January page), count 1.000/.917, official .977/.988,
    # regulation 1.000. After the fixes for their classes: event 1.000/.875, official .989.
    "heldout-11-12": (_heldout(11, 12), HELDOUT / "gold", {
        "event": (0.99, 0.97),  # .975 since a quoted brand is a subject (session 11)
        "count": (0.99, 0.96),  # .965 (session 12)
        "official": (0.99, 0.99),  # 1.000 since 韦达|洪所作 reads as 韦达洪 (session 13)
        "regulation": (0.99, 0.99),
    }),
    # Pages 13-14, written at the end of session 4; first scores, nothing tuned on them:
    # event .980/.833, count .992/.939, official .978/.867, regulation 1.000. Session 5
    # fixed their classes from invented cases (bodies along election lists, names in bounded
    # slots, offices of a level, counted days after a change, 眼, a story told forward):
    # event 1.000/.979, count 1.000/.947, official 1.000/1.000.
    "heldout-13-14": (_heldout(13, 14), HELDOUT / "gold", {
        "event": (0.99, 0.99),  # 1.000 since a regulation is the actor of what is done to it (session 6)
        "count": (0.99, 0.95),  # .955 (session 12)
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 15-16, written in session 5 (a city standing committee's work report on a portal;
    # a Miao-Dong county paper); first scores, nothing tuned on them: event .692/.722 (a
    # report's yearless dates put in the publication year), count 1.000/.951, official
    # .980/.958 (the surname 滚, 副市长、代理市长), regulation 1.000. After the fixes for their
    # classes: event 1.000/.852, official 1.000/1.000.
    "heldout-15-16": (_heldout(15, 16), HELDOUT / "gold", {
        "event": (0.99, 0.96),  # .963 since works with a design measure are subjects (session 11)
        "count": (0.99, 0.96),  # .961: page 15's gold glosses the noun of an elided count in brackets (session 13)
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 17-18, written at the end of session 5 (a Fujian city's CPPCC weekly page; a
    # Ningxia county's people's congress page); first scores, nothing tuned on them: event
    # 1.000/.839, count 1.000/.927, official .921/.983 (Hui surnames, a long appointment
    # block, a judge's rank beside the post). Session 6 fixed those classes from invented
    # cases: event 1.000/.946, count 1.000/.958, official 1.000/1.000.
    "heldout-17-18": (_heldout(17, 18), HELDOUT / "gold", {
        "event": (0.99, 0.98),  # .982 since 投资 is an event verb (session 12)
        "count": (0.99, 0.95),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 19-20, written in session 6 (a Shandong city page with a press conference's
    # roster; a Jilin Korean autonomous county page); first scores, nothing tuned on them:
    # event .962/.880 (本月/上月 dates), count .993/.940, official .887/.977 (a roster of
    # name, wide space, office; Korean surnames), regulation 1.000. After the fixes for
    # their classes: event 1.000/.926, count 1.000/.941, official 1.000/1.000.
    "heldout-19-20": (_heldout(19, 20), HELDOUT / "gold", {
        "event": (0.99, 0.94),  # .944 (session 12)
        "count": (0.99, 0.97),  # .970 since pairs after 分别 may be joined by 、 (session 12)
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 21-22, written at the end of session 6 (a Hubei district page with a special
    # inquiry; a Tujia-Miao county's year-end review dated 2 January 2025); first scores,
    # nothing tuned on them: event .889/.917 (a review printed in January dated from the
    # page's year), count .968/.954 (条次, 台次, 毫米, 厘米, 票), official .937/1.000 (an
    # office in brackets after the name, 区 a surname in a list of bodies). Session 7 fixed
    # those classes from invented cases: event 1.000/.963, count 1.000/.968, official 1.000.
    "heldout-21-22": (_heldout(21, 22), HELDOUT / "gold", {
        "event": (0.99, 0.99),  # 1.000 since a plan goes on with the body that plans (session 11)
        "count": (0.99, 0.96),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 23-24, written in session 7 (an Anhui city people's congress journal's digest
    # page on its website; a Tibetan county congress's work bulletin on its portal); first
    # scores, nothing tuned on them: event .756/.912, count .989/.951, official .947/1.000,
    # regulation 1.000. Session 7 then fixed two classes (a portal's 发布时间 line dates the
    # page; surnames 操, 年 and an office in brackets with a remark): event 1.000/.909,
    # official 1.000/1.000.
    "heldout-23-24": (_heldout(23, 24), HELDOUT / "gold", {
        "event": (0.99, 0.95),  # .955 since the regulation a sentence opens on takes effect (session 7)
        "count": (0.99, 0.97),  # .971 since a rate per 每亩 is no part of the item (session 11)
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 25-26, written at the end of session 7 (a Shaanxi city evening paper's 政务·民生
    # page; a Li-Miao autonomous county paper's 人大政协 page); first scores, nothing tuned
    # on them: event 1.000/.875, count 1.000/.902, official .921/1.000. Session 8 fixed
    # their classes from invented cases (shares 占N%, 是…的N倍, 类/道/点 nouns, rare
    # surnames, a cadre profile line, 副县级干部): event 1.000/.906, count 1.000/.954,
    # official 1.000/1.000.
    "heldout-25-26": (_heldout(25, 26), HELDOUT / "gold", {
        "event": (0.99, 0.90),
        "count": (0.99, 0.96),  # .967 since an elided noun's clause is part of the item (session 13)
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 27-28, written in session 8 (a Jiangsu county-level city paper's 民主法治 page; a
    # Henan city portal reprinting its paper's 人大政协 page in January); first scores:
    # event .980/.880, count .996/.961, official .884/.987, regulation 1.000. Session 8 then
    # fixed the officials' classes (surnames 承 恽 苌 过 闻人, a 批准: block, ranks alone):
    # official 1.000/1.000, event fields .900.
    "heldout-27-28": (_heldout(27, 28), HELDOUT / "gold", {
        "event": (0.97, 0.95),  # .960 since a session with no body named acts (session 12)
        "count": (0.99, 0.98),  # .981 (session 12)
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 29-30, written at the end of session 8 (a Liaoning district page with a special
    # inquiry and a deputies' report to voters; a Shanghai district CPPCC weekly page with a
    # local-history column and a notice); first scores: event .973/.778, count 1.000/.879,
    # official .952/1.000, regulation .941/1.000. Session 9 fixed their classes (caption
    # credits, titled names, lost tail brackets, a notice's labelled period, ranges 由…至…,
    # votes, 分别): event 1.000/.947, count 1.000/.930, official and regulation 1.000.
    "heldout-29-30": (_heldout(29, 30), HELDOUT / "gold", {
        "event": (0.99, 0.94),
        "count": (0.99, 0.92),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 31-32, written in session 9 (a Yunnan Yi prefecture paper's 人大政协 page; a
    # Beijing district congress portal's weekly digest); first scores, before anything was
    # changed for them: event .957/.909, count .992/.950, official .825/1.000, regulation
    # 1.000/1.000. Session 9 then fixed their classes (Yi surnames, 州长, a gloss before 为,
    # a date glossing a relative day, 分别): event 1.000/.935, count 1.000/.950, official
    # .989/1.000.
    "heldout-31-32": (_heldout(31, 32), HELDOUT / "gold", {
        "event": (0.99, 0.99),  # 1.000 since the owner of what is acted on is the place (session 12)
        "count": (0.99, 0.96),  # .963 (session 12)
        "official": (0.99, 0.99),  # 1.000 since 冷静 after a title is a name (session 10)
        "regulation": (0.99, 0.99),
    }),
    # Pages 33-34, written at the end of session 9 (a Tianjin district paper's page; a
    # Fujian She-area county's WeChat post); first scores, nothing tuned on them: event
    # .560/.857 (the post's stamp line did not date the page), count 1.000/.920, official
    # .946/1.000. Session 10 fixed their classes (a post's stamp, a law after its dating
    # clause, adjectives as names after a title, 么 郄, levels with their time, votes after
    # 以): event 1.000/1.000, count 1.000/.945, official 1.000/1.000.
    "heldout-33-34": (_heldout(33, 34), HELDOUT / "gold", {
        "event": (0.99, 0.99),
        "count": (0.99, 0.95),  # .956 since a works referred back to is named (session 12)
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 35-36, written at the start of session 10 (a Gansu Tibetan prefecture CPPCC work
    # report on its portal; a Guangxi city paper's 民主法治 page); first scores: event
    # .976/.950, count 1.000/.946, official .853/.983, regulation 1.000. Session 10 then
    # fixed their classes (glosses inside lists, Tibetan and Zhuang names, a report's
    # speaker, bare month ranges): event 1.000/.952, count 1.000/.957, official 1.000/.987.
    "heldout-35-36": (_heldout(35, 36), HELDOUT / "gold", {
        "event": (0.99, 0.95),
        "count": (0.99, 0.95),
        "official": (0.99, 0.98),
        "regulation": (0.99, 0.99),
    }),
    # Pages 37-38, written at the end of session 10 (a Zhejiang county bureau's reply to a
    # deputy's suggestion on the government portal; a Xinjiang Kazakh-prefecture city
    # paper's 人大政协 page); first scores: event .895/.853, count 1.000/.950, official
    # .912/1.000. Session 11 fixed their classes (a letter's own body 我局, related-news
    # links, captions with their credit, dotted names, labelled fields).
    "heldout-37-38": (_heldout(37, 38), HELDOUT / "gold", {
        "event": (0.99, 0.99),  # 1.000 (session 12)
        "count": (0.99, 0.97),  # .973 (session 12)
        "official": (0.99, 0.98),
        "regulation": (0.99, 0.99),
    }),
    # Pages 39-40, written in session 11 (a Shanghai district paper's 人大之窗 page; a Qinghai
    # Mongol-Tibetan county's WeChat post); first scores: event 1.000/.897, count .997/.974,
    # official .868/.985. Session 11 then fixed their classes (a title read across words,
    # rare surnames, happenings and brands as subjects, paired groups after 分别).
    "heldout-39-40": (_heldout(39, 40), HELDOUT / "gold", {
        "event": (0.99, 0.98),  # .983 since a working group carries the event on (session 12)
        "count": (0.99, 0.97),
        "official": (0.99, 0.98),
        "regulation": (0.99, 0.99),
    }),
    # Pages 41-42, written at the end of session 11 (a Hunan township's portal post; an
    # eastern Guangdong county paper's 人大政协 page); first scores: event .944/.912, count
    # .987/.899, official 1.000/.897. Session 12 fixed their classes (the office in brackets
    # past a CPPCC sector, a body written with its level alone, a noun after 个, a lunar day
    # glossed by its date).
    "heldout-41-42": (_heldout(41, 42), HELDOUT / "gold", {
        "event": (0.99, 0.97),
        "count": (0.99, 0.95),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 43-44, written in session 12 (a Tianjin district standing committee's work
    # report on its portal; a Jiangxi county paper's CPPCC page); first scores: event
    # .982/.815, count .992/.940, official .759/.864. Session 12 then fixed their classes
    # (speakers' lines with a sector, rare surnames, a festival glossed by its date, a
    # session acting without its body, glosses between item and number).
    "heldout-43-44": (_heldout(43, 44), HELDOUT / "gold", {
        "event": (0.99, 0.98),
        "count": (0.99, 0.96),
        "official": (0.99, 0.97),  # 1.000/.972: 万千 is found, its body unsaid (session 12)
        "regulation": (0.99, 0.99),
    }),
    # Pages 45-46, written in session 12 (a Heilongjiang forest-belt county paper's front
    # page; an Anhui city CPPCC WeChat post); first scores: event .969/.823, count
    # .982/.923, official .875/1.000, regulation 1.000/.955. Session 13 then fixed their
    # classes (roster names spaced before an unknown place, speakers' headings with a bar,
    # editions of a festival, votes by head, conversions in brackets, drafts adopted).
    "heldout-45-46": (_heldout(45, 46), HELDOUT / "gold", {
        "event": (0.99, 0.93),
        "count": (0.99, 0.96),
        "official": (0.98, 0.99),  # .981: 疏浚, a verb after a title, is not read as a name
        "regulation": (0.99, 0.99),
    }),
    # Pages 47-48, written in session 13 (a Yunnan Hani-Yi county portal's weekly digest; a
    # Shaanxi county CPPCC work report in the county paper); first scores, at 52f763a: event
    # .946/.800, count .987/.919, official .654/1.000, regulation .947/1.000. Session 13 then
    # fixed their classes (appointment tables, names that are words after titles, rare
    # surnames, misprinted nested titles, documents as subjects, editors' notes).
    "heldout-47-48": (_heldout(47, 48), HELDOUT / "gold", {
        "event": (0.99, 0.94),
        "count": (0.99, 0.93),
        "official": (0.98, 0.99),  # .985: 局长霍然表示 reads as an adverb ("suddenly")
        "regulation": (0.99, 0.99),
    }),
    # Pages 49-50, written in session 13 (a Guizhou Buyi-Miao county's government work
    # report in the county paper; a Liaoning county standing committee's WeChat post); first
    # scores at 086043c: event .881/.750, count .967/.945, official .755/.875, regulation
    # .889/1.000. Session 14 fixed their classes (jump lines, a Q&A layout of names and
    # offices, rare surnames, new units, rating votes, misprinted nested titles).
    "heldout-49-50": (_heldout(49, 50), HELDOUT / "gold", {
        "event": (0.99, 0.86),
        "count": (0.99, 0.96),
        "official": (0.98, 0.99),  # .984: 陆地副县长, a common noun as a name before a title
        "regulation": (0.99, 0.99),
    }),
    # Pages 51-52, written in session 13 (a Fujian Hakka county paper's people's congress
    # page; a Hubei Tujia county government portal's news column); first scores at b4b7c3c:
    # event .600/.861 (page 52 dated 2028 from a plan's end year), count .950/.920, official
    # .952/.983, regulation .933/1.000. Session 13 then fixed their classes (a portal's
    # 发文日期, prices per quantity, verbs as given names, titles cut by a line end).
    "heldout-51-52": (_heldout(51, 52), HELDOUT / "gold", {
        "event": (0.99, 0.91),  # .917 since a short title names the document in full (session 14)
        "count": (0.99, 0.94),
        "official": (0.99, 0.99),  # 1.000 since a roster line may give the name last (session 14); fields since 该局 reads back (s17)
        "regulation": (0.99, 0.99),
    }),
    # Pages 53-54, written in session 14 (a Shanxi county standing committee's gazette as its
    # portal prints it; a Shandong city's press conference reposted in a news app); first
    # scores at 8298b58: event .647/.705 (page 53 .439), count .970/.919, official
    # .878/1.000, regulation 1.000/1.000. Session 14 then fixed their classes (a gazette's
    # printing line and adoption notes, running headers, a plan's year, short titles).
    "heldout-53-54": (_heldout(53, 54), HELDOUT / "gold", {
        "event": (0.99, 0.87),  # 1.000 since a span glossed by a range of dates is done in (session 14)
        "count": (0.99, 0.91),
        "official": (0.97, 0.99),  # .978: 要素芳, a surname (要) no lexicon lists
        "regulation": (0.99, 0.99),
    }),
    # Pages 55-56, written in session 14 (a Sichuan Yi county paper's CPPCC page; a Henan
    # county government's executive meeting minutes on its portal); first scores at be6eef1:
    # event .898/.795, count .988/.918, official .838/1.000, regulation 1.000/1.000. Read later
    # in session 14 and fixed by class (Yi names, spans glossed by a range, a law's date that
    # opens no time line, succession, new units).
    "heldout-55-56": (_heldout(55, 56), HELDOUT / "gold", {
        "event": (0.99, 0.86),
        "count": (0.99, 0.91),
        "official": (0.96, 0.99),  # .961: 羿春来说 (jieba: 来说), 沙马·阿果左二） (a lost bracket)
        "regulation": (0.99, 0.99),
    }),
    # Pages 57-58, written at the end of session 14 (a Hainan city congress's legislative
    # hearing; an Inner Mongolia banner's replies to deputies' suggestions, laid out like a
    # table); first scores at 5075125: event .969/.839, count .975/.898, official .727/.656,
    # regulation 1.000/1.000. Read later in session 14 and fixed by class (Mongolian names no
    # lexicon part covers, a dash or black brackets in a roster, a law's effective day ahead).
    "heldout-57-58": (_heldout(57, 58), HELDOUT / "gold", {
        "event": (0.99, 0.84),
        "count": (0.99, 0.90),
        "official": (0.96, 0.94),  # .963: 那木斯来 (那木斯|来), 禤少|瑜 (a name broken across a line)
        "regulation": (0.99, 0.99),
    }),
    # Pages 59-60, written at the end of session 14 (a southern Zhejiang county TV station's
    # news script; a Guangdong town congress's announcement of a vote on livelihood projects);
    # first scores at 9028fab: event .981/.808, count .967/.941, official .880/.977, regulation
    # 1.000/1.000. Read at the end of session 14 and fixed by class (speakers captioned after a
    # label, table cells one a line, a list of past issues).
    "heldout-59-60": (_heldout(59, 60), HELDOUT / "gold", {
        "event": (0.99, 0.80),
        "count": (0.99, 0.91),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 61-62, written at the end of session 14 (a south-eastern Tibet county congress's
    # weekly bulletin; a northern Jiangsu bureau's reply to a CPPCC proposal); first scores at
    # 65d38d3: event .912/.904, count .984/.920, official .912/.942, regulation 1.000/1.000.
    # Read at the very end of session 14 and fixed by class (a day's heading dates the item
    # under it, Tibetan names, units in brackets with 、).
    "heldout-61-62": (_heldout(61, 62), HELDOUT / "gold", {
        "event": (0.99, 0.93),  # 1.000 since a date after an item's number opens its clause (session 14)
        "count": (0.99, 0.91),
        "official": (0.99, 0.94),
        "regulation": (0.99, 0.99),
    }),
    # Pages 63-64, written at the end of session 14 (a Chongqing district CPPCC's bulletin of
    # social-conditions information; a northern Xinjiang county's record of a deputies' group
    # activity laid out as a form); first scores at 6935213: event 1.000/.796, count
    # .988/.928, official .870/.675. Read in session 15 and fixed by class (a seat before
    # an office in brackets, an official first named by a seat alone, names that are words).
    "heldout-63-64": (_heldout(63, 64), HELDOUT / "gold", {
        "event": (0.99, 0.84),
        "count": (0.99, 0.92),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 65-66, written early in session 15 (a central Gansu county government's work
    # report after a PDF-to-text conversion; a Hebei city standing committee's session with
    # its appointment list, as a WeChat post); first scores at 66827df: event .933/.839,
    # count .989/.968, official .846/.841. Read in session 15 and fixed by class (a PDF
    # page's foot, a plan's time line, a body heading an appointment list, rare surnames).
    "heldout-65-66": (_heldout(65, 66), HELDOUT / "gold", {
        "event": (0.99, 0.84),
        "count": (0.99, 0.96),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 67-68, written in session 15 (a Ningxia county court's work report on its portal;
    # a Jilin city daily's 人大之窗 page as OCR gives it, columns interleaved); first scores
    # at 36b4962: event 1.000/.808, count .983/.926, official .917/1.000. Read in session 15
    # and fixed by class (word and verb names after titles, rare surnames, court verbs).
    "heldout-67-68": (_heldout(67, 68), HELDOUT / "gold", {
        "event": (0.99, 0.86),
        "count": (0.99, 0.92),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 69-70, written in session 15 (a Beijing district CPPCC's table of proposal
    # handling results; a Jiangxi city congress session's bulletin of deputies' remarks);
    # first scores at 38d26c4: event .980/.900, count .979/.913, official .881/.962,
    # regulation .941. Read in session 15 and fixed by class (seats between name and office,
    # a bulletin's issue line, national titles without 《》).
    "heldout-69-70": (_heldout(69, 70), HELDOUT / "gold", {
        "event": (0.99, 0.89),
        "count": (0.98, 0.91),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 71-72, written in session 15 (a Shandong township's deputies' home with its duty
    # roster and visit log; a Hunan city portal's online interview with a bureau's heads);
    # first scores at 0736b68: event .909/.757, count .967/.908, official .667/.889. Read later
    # in session 15 and fixed by class (an entry's dated heading, cells between slashes).
    "heldout-71-72": (_heldout(71, 72), HELDOUT / "gold", {
        "event": (0.99, 0.78),
        "count": (0.99, 0.91),
        "official": (0.89, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 73-74, written at the end of session 15 (a Liaoning city standing committee's
    # legislative plan; a Shanxi county congress's vote on livelihood projects); first
    # scores at 1105378 (event .852/.826, count .990/.859, official .737/1.000,
    # regulation .980/1.000), read and fixed by class in session 16.
    "heldout-73-74": (_heldout(73, 74), HELDOUT / "gold", {
        "event": (0.99, 0.91),
        "count": (0.99, 0.87),
        "official": (0.99, 0.95),
        "regulation": (0.99, 0.99),
    }),
    # Pages 75-76, written in session 16 (a Sichuan city standing committee's appraisal of
    # departments; an Anhui county government's information-disclosure annual report); first
    # scores at 6010c73 (event .681/.844, count .966/.876, official .750/.900, regulation
    # .957/1.000), read and fixed by class in session 16.
    "heldout-75-76": (_heldout(75, 76), HELDOUT / "gold", {
        "event": (0.99, 0.97),
        "count": (0.99, 0.87),
        "official": (0.93, 0.97),
        "regulation": (0.99, 0.99),
    }),
    # Pages 77-78, written in session 16 (a Hubei county CPPCC's duty-points scoreboard; a
    # Zhejiang subdistrict's deliberation minutes); first scores at 6010c73 (event .943/.820,
    # count .902/.948, official .844/1.000, regulation 1.000/1.000), read and fixed by class
    # late in session 16.
    "heldout-77-78": (_heldout(77, 78), HELDOUT / "gold", {
        "event": (0.99, 0.80),
        "count": (0.99, 0.90),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 79-80, written late in session 16 (a Qinghai Tibetan prefecture standing
    # committee's deputies' qualification report and announcements; a Heilongjiang city's
    # call for comments on a draft regulation); first scores at 02f5f8b (event .947/.889,
    # count .994/.974, official .720/.889, regulation 1.000/1.000), read and fixed by class
    # at the end of session 16.
    "heldout-79-80": (_heldout(79, 80), HELDOUT / "gold", {
        "event": (0.98, 0.89),
        "count": (0.99, 0.97),
        "official": (0.92, 0.93),
        "regulation": (0.99, 0.99),
    }),
    # Pages 81-82, written at the end of session 16 (a Guangxi Zhuang county congress's page
    # on a deputies' motion; a Yunnan county CPPCC's democratic supervision report); first
    # scores at c69685d: event .984/.855, count 1.000/.903, official .821/.938. Session 17
    # read them and fixed their classes (word names, rare surnames, 该委, a report's year).
    "heldout-81-82": (_heldout(81, 82), HELDOUT / "gold", {
        "event": (0.99, 0.93),
        "count": (0.99, 0.90),
        "official": (0.99, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 83-84, written in session 17 (a Shaanxi county standing committee's chronicle of
    # the year; a Henan county CPPCC's commendation of outstanding proposals); first scores at
    # 8729a64: event .280/.885 (page 83 .059: a chronicle of 2025 printed in 2026), count
    # .981/.913, official .921/.963. Session 17 then fixed their classes.
    "heldout-83-84": (_heldout(83, 84), HELDOUT / "gold", {
        "event": (0.99, 0.97),
        "count": (0.99, 0.92),
        "official": (0.98, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 85-86, written in session 17 (a Jiangsu town congress presidium's work report; a
    # provincial standing committee's session report); first scores at 8729a64: event
    # .930/.879, count .982/.938, official .818/.982, regulation .977/1.000. Fixes for 91-92
    # raised events to .957 and regulations to 1.000 before any of 85-86 was read; session 18
    # read them and fixed their classes (rare surnames, 然, a list with a word-name, a title
    # cut by a line end, a law taking effect on a named day, 1亿3600万元, glossed works).
    "heldout-85-86": (_heldout(85, 86), HELDOUT / "gold", {
        "event": (0.98, 0.89),
        "count": (0.99, 0.94),
        "official": (0.98, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 87-88, written in session 17 (a Jiangxi county election committee's announcements;
    # an Anhui township's deputies' duty-report meeting); first scores at c11fdaf: event
    # .864/.763, count .986/.948, official .872/.941. Session 17 then fixed their classes.
    "heldout-87-88": (_heldout(87, 88), HELDOUT / "gold", {
        "event": (0.97, 0.86),
        "count": (0.99, 0.95),
        "official": (0.95, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 89-90, written in session 17 (a Hunan city government's catalogue of major
    # decisions; a Guizhou Shui county's people's assessors); first scores at 9b0e236: event
    # .957/.742, count .989/.936, official .833/.975. Session 17 then fixed their classes.
    "heldout-89-90": (_heldout(89, 90), HELDOUT / "gold", {
        "event": (0.98, 0.84),
        "count": (0.99, 0.93),
        "official": (0.91, 0.97),
        "regulation": (0.99, 0.99),
    }),
    # Pages 91-92, written in session 17 (a Gansu county's audit work report; a Fujian
    # provincial CPPCC's biweekly consultation forum); first scores at 7fe002b: event .923/.854,
    # count .966/.888, official .791/.941, regulation .960. Session 17 then fixed their classes.
    "heldout-91-92": (_heldout(91, 92), HELDOUT / "gold", {
        "event": (0.97, 0.85),
        "count": (0.99, 0.89),
        "official": (0.95, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 93-94, written in session 17 (a Shandong city congress portal's column of county
    # news; an Inner Mongolia city's answers to journalists on a new regulation); first
    # scores at aa13c71: event .857/.907, count .967/.917, official .887/.919. Session 17 fixed
    # a few of their classes at its end.
    "heldout-93-94": (_heldout(93, 94), HELDOUT / "gold", {
        "event": (0.91, 0.91),
        "count": (0.99, 0.91),
        # F1 .898 -> .909 when names before a count of titles (两位副主任) were read; their body,
        # named in no clause of theirs, is left empty, so fields went .966 -> .956 (session 17)
        "official": (0.90, 0.95),
        "regulation": (0.99, 0.99),
    }),
    # Pages 95-96, written in session 18 (a Ningxia city CPPCC plenary's session bulletin; a
    # Hainan city standing committee's legislative plan as a notice); first scores at 406c3f0:
    # event .783/.778, count .981/.943, official .877/.900, regulation 1.000/1.000. Session 18
    # fixed their classes (a plan's bare months: 拟于3月 ahead of the page, its submitter 由…提请,
    # 9、10月间; a signature line; units 总吨 艘次; an attachment's download count).
    "heldout-95-96": (_heldout(95, 96), HELDOUT / "gold", {
        "event": (0.97, 0.83),
        "count": (0.99, 0.93),
        # word-names (白杨, 黄河, 海洋, 周全) and roster lines with offices after a comma are left
        "official": (0.87, 0.89),
        "regulation": (0.99, 0.99),
    }),
    # Pages 97-98, written in session 18 (a Jilin county's appointment list and oath ceremony
    # on the county paper's page; a Guangdong provincial paper's roundup of city sessions);
    # first scores at 406c3f0: event .979/.891, count .970/.972, official .926/.989. Session 18
    # fixed their classes (surnames 蚁 伦 延 河, 温和 as a name in a slot, a day without its month,
    # a lead's byline without its bracket, units 工日 项次 标准箱 盆 枝).
    "heldout-97-98": (_heldout(97, 98), HELDOUT / "gold", {
        "event": (0.99, 0.91),
        "count": (0.99, 0.96),
        "official": (0.98, 0.97),
        "regulation": (0.99, 0.99),
    }),
    # Pages 99-100, written in session 18 (a Shanxi county CPPCC's literary-history memoir; a
    # southern Xinjiang city's law-enforcement inspection report); first scores at 406c3f0:
    # event .899/.790, count .947/.953, official .889/.925, regulation 1.000/1.000 (the fixes
    # for 95-98 moved events to .914/.797, unread). Read and fixed in session 19: event
    # 1.000/.792, count 1.000/.950, official .979/1.000.
    "heldout-99-100": (_heldout(99, 100), HELDOUT / "gold", {
        "event": (0.99, 0.78),
        "count": (0.99, 0.94),
        "official": (0.97, 0.99),
        "regulation": (0.99, 0.99),
    }),
    # Pages 101-102, written in session 19 (a Zhejiang city government's press-conference
    # transcript on a new local regulation; a Liaoning county audit office's report on the
    # year's budget execution); first scores (101 at 1fdfc87, 102 at ac8db36): event .873/.854,
    # count .985/.885, official .710/.955, regulation 1.000/1.000. Left unseen for the next
    # session: nothing was tuned on them.
    "heldout-101-102": (_heldout(101, 102), HELDOUT / "gold", {
        "event": (0.86, 0.84),
        "count": (0.97, 0.87),
        "official": (0.70, 0.94),
        "regulation": (0.99, 0.99),
    }),
    # Pages 103-104, written in session 19 (a Sichuan Yi county CPPCC's proposal handling
    # results; a Hebei city CPPCC sector group's annual duty report); first scores at 1fdfc87:
    # event .703/.692, count .986/.915, official .923/.833, regulation 1.000/1.000. Read and
    # fixed in session 19: event .986/.625, count .988/.915, official .969/.839.
    "heldout-103-104": (_heldout(103, 104), HELDOUT / "gold", {
        "event": (0.97, 0.61),
        "count": (0.97, 0.90),
        "official": (0.95, 0.82),
        "regulation": (0.99, 0.99),
    }),
}
CASES = [(name, fact_type) for name, (_, _, thresholds) in SETS.items() for fact_type in sorted(thresholds)]


@cache
def _scores(name: str):
    from factx.rules import load_rules

    pages, gold, _ = SETS[name]
    scores, unmatched = evaluate_paths(pages, gold, load_rules())
    assert unmatched == []
    return scores


@pytest.mark.parametrize(("pages", "fact_type"), CASES)
def test_key_f1_at_least_threshold(pages, fact_type):
    f1_min, _ = SETS[pages][2][fact_type]
    s = _scores(pages)[fact_type]
    assert s.f1 >= f1_min, f"{pages} {fact_type} F1 {s.f1:.3f} < {f1_min}; missed {s.missed}; spurious {s.spurious}"


@pytest.mark.parametrize(("pages", "fact_type"), CASES)
def test_field_agreement_at_least_threshold(pages, fact_type):
    _, fields_min = SETS[pages][2][fact_type]
    s = _scores(pages)[fact_type]
    assert s.agreement >= fields_min, f"{pages} {fact_type} field agreement {s.agreement:.3f} < {fields_min}; {s.disagreements}"
