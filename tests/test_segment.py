"""Tests for factx.segment: pages -> articles (headline, subtitle, bylines, captions) -> sentences.

The sample pages pin what a reader sees: how many articles, their titles, who wrote them.
"""

from __future__ import annotations

import json

import pytest

from conftest import GOLD_DIR, SAMPLES
from factx.pipeline import Options, extract_text, masthead_date, publication_year, reviewed_year
from factx.rules import load_rules
from factx.segment import segment, split_sentences, years_named

PAGES = {p.name[:3]: p.read_text(encoding="utf-8") for p in SAMPLES}

TITLES = {
    "000": ["履职尽责谱新篇 实干担当开新局", "凝心聚力促发展 奋楫笃行启新程"],
    "001": ["凝心聚力促发展 奋楫笃行启新程"],
    # The photo captions printed above the headline belong to the one article of the page.
    "002": ["新时代 新作为 不负韶华更向前"],
    "003": ["坚守人民立场 以实干担当书写新时代首府人大工作新篇章"],
    "004": [
        "凝心铸魂强根基 奋楫笃行启新程",
        "强基固本增活力 提质增效促履职",
        "政协委员报到",
        "新春遇佳缘",
        "为了居民的事 他时刻步履匆匆",
        "呼和浩特市家电数码产品线上国补开通",
    ],
}

SUBTITLES = {
    "000": ["——呼和浩特市人大常委会2023年工作回顾", "——呼和浩特市政协2023年工作回顾"],
    "001": ["——呼和浩特市政协2023年工作回顾"],
    "002": ["——2020年呼和浩特市政协工作综述"],
    "003": ["——呼和浩特市十五届人大常委会工作综述"],
    "004": ["——市人大常委会2025年度全面加强自身建设综述", "——市政协提升履职效能实践综述", None, None, None, None],
}

BYLINES = {
    "000": [[("作者", "耿欣"), ("作者", "付鹏飞"), ("作者", "刘安庆")],
            [("作者", "李珈锐"), ("作者", "刘沙沙"), ("作者", "刘艳霞")]],
    "001": [[("作者", "李珈锐"), ("作者", "刘沙沙"), ("作者", "刘艳霞")]],
    "002": [[("本报记者", "郑学良"), ("呼和浩特日报记者", "刘沙沙")]],
    "003": [[]],
    "004": [[("本报记者", "刘沙沙"), ("通讯员", "谢钰辰")], [("本报记者", "郝旭杰")], [("本报记者", "王劲凯")],
            [("本报记者", "杨永刚")], [("记者", "祁晓燕")], [("记者", "杨彩霞")]],
}

# Photo captions per article: image gaps (000, 002, 003), the list under the subtitle (001),
# the text of a photo story (004 articles 2 and 3).
CAPTIONS = {"000": [6, 6], "001": [6], "002": [9], "003": [15], "004": [0, 0, 1, 2, 0, 0]}


def piece(text, span):
    return text[span[0]:span[1]] if span else None


def sentences(text):
    return [text[s:e] for art in segment(text) for s, e in art.sentences]


@pytest.mark.parametrize("page", sorted(TITLES))
def test_titles_of_each_sample(page):
    text = PAGES[page]
    assert [piece(text, a.title) for a in segment(text)] == TITLES[page]


@pytest.mark.parametrize("page", sorted(SUBTITLES))
def test_subtitles_of_each_sample(page):
    text = PAGES[page]
    assert [piece(text, a.subtitle) for a in segment(text)] == SUBTITLES[page]


@pytest.mark.parametrize("page", sorted(BYLINES))
def test_bylines_of_each_sample(page):
    assert [a.bylines for a in segment(PAGES[page])] == BYLINES[page]


@pytest.mark.parametrize("page", sorted(CAPTIONS))
def test_photo_captions_are_told_apart(page):
    assert [len(a.captions) for a in segment(PAGES[page])] == CAPTIONS[page]


def test_captions_above_the_first_headline_open_the_first_article():
    text = PAGES["002"]
    (art,) = segment(text)
    first = text[art.sentences[0][0]:art.sentences[0][1]]
    assert first == "2020年9月1日,呼和浩特市政协主席孙建华调研呼鲁源煤散烧整治工作。"
    assert art.start == art.sentences[0][0] == art.captions[0][0]
    assert piece(text, art.title) == "新时代 新作为 不负韶华更向前"


def test_article_spans_follow_each_other_in_page_order():
    for text in PAGES.values():
        arts = segment(text)
        for a, b in zip(arts, arts[1:]):
            assert a.end <= b.start
        for art in arts:
            for s, e in art.sentences:
                assert art.start <= s < e <= art.end


@pytest.mark.parametrize("chrome", ["往期阅读", "上一版", "下一版", "上一篇", "标题导航", "第06版", "放大 缩小", "~~~"])
def test_navigation_is_dropped(chrome):
    assert not any(chrome in s for s in sentences(PAGES["001"]))


def test_a_portals_clock_after_its_buttons_and_a_menu_split_by_slashes_are_navigation(ruleset):
    page = ("某镇人民政府\n［繁體］　［无障碍］　　今天是：2026年1月12日　星期一\n"
            "首页 ／ 走进某镇 ／ 政务公开 ／ 镇人大 ／ 互动交流\n\n镇人大主席团召开会议\n\n"
            "　　1月5日，镇人大主席团召开会议，部署大会筹备工作。\n")
    assert sentences(page) == ["某镇人民政府", "镇人大主席团召开会议", "1月5日，镇人大主席团召开会议，部署大会筹备工作。"]
    assert [r.date.start for r in extract_text(page, ruleset) if r.type == "event"] == ["2026-01-05"]


def test_the_headline_list_after_title_navigation_is_not_an_article():
    text = PAGES["001"]
    (art,) = segment(text)
    assert text[:art.end].endswith("图片由呼和浩特市政协提供")
    assert text[art.end:].split()[:2] == ["上一篇", "下一篇"]
    assert "履职尽责谱新篇 实干担当开新局" not in sentences(text)


@pytest.mark.parametrize("heading", ["本版标题导航", "本期导读", "今日导读", "本版目录"])
def test_every_heading_of_a_headline_list_makes_the_list_navigation(heading):
    text = (f"某县报  2023年3月15日  星期三\n{heading}\n▶ 《某县河道管理条例》3月1日起施行\n▶ 图片新闻\n\n"
            "县政协召开常委会议\n\n3月5日,县政协召开常委会议。\n")
    assert sentences(text) == ["县政协召开常委会议", "3月5日,县政协召开常委会议。"]


def test_the_headline_list_under_ben_ban_dao_du_is_navigation_and_no_paragraph_runs_across_it():
    text = ("某县融媒体中心 · 数字报首页 | 县情概况 | 政务公开\n某县报  2025年3月6日  星期四\n第01版：要闻\n"
            "本版导读\n◆ 县政协召开常委会议\n◆ 图片新闻\n\n县政协召开常委会议\n\n3月5日,县政协召开常委会议。\n")
    assert sentences(text) == ["某县融媒体中心 · 数字报首页 | 县情概况 | 政务公开", "县政协召开常委会议", "3月5日,县政协召开常委会议。"]


@pytest.mark.parametrize("page", sorted(PAGES))
def test_bylines_and_credits_are_never_sentences(page):
    for s in sentences(PAGES[page]):
        assert not s.startswith(("□", "●", "■", "图片由")), s
        assert not s.endswith("摄"), s
        assert not s.startswith("本报讯"), s


@pytest.mark.parametrize("line, bylines", [
    ("□耿欣 付鹏飞", [("作者", "耿欣"), ("作者", "付鹏飞")]),  # no role printed: the authors
    ("●本报记者 刘沙沙 通讯员 谢钰辰", [("本报记者", "刘沙沙"), ("通讯员", "谢钰辰")]),
    ("■本报记者 王劲凯 摄", [("本报记者", "王劲凯")]),
    ("□ 本报记者\u3000张三\u3000实习生 李四", [("本报记者", "张三"), ("实习生", "李四")]),
    ("□文/图 本报记者 张三", [("本报记者", "张三")]),
    ("□记者：张三", [("记者", "张三")]),
    ("□张三、李四", [("作者", "张三"), ("作者", "李四")]),
    ("本报记者 张三 李四", [("本报记者", "张三"), ("本报记者", "李四")]),
    ("本报记者张三", [("本报记者", "张三")]),
    ("记者 乌日娜·巴特尔", [("记者", "乌日娜·巴特尔")]),
])
def test_byline_forms(line, bylines):
    text = f"标题\n\n{line}\n\n正文第一句。\n"
    (art,) = segment(text)
    assert art.bylines == bylines
    assert sentences(text) == ["标题", "正文第一句。"]


@pytest.mark.parametrize("line", ["记者从市政协获悉", "通讯员队伍建设", "记者节特别报道"])
def test_a_line_that_starts_with_a_role_word_is_not_always_a_byline(line):
    text = f"标题\n\n{line}\n\n正文第一句。\n"
    assert line in sentences(text) and segment(text)[0].bylines == []


def test_news_lead_byline_is_cut_from_its_paragraph():
    text = PAGES["004"]
    art = segment(text)[4]
    first_body = [text[s:e] for s, e in art.sentences if "春节临近" in text[s:e]]
    assert first_body == ["春节临近,回民区光明路街道阳光社区党委书记刘伟的脚步愈发匆忙。"]


def test_article_records_carry_title_subtitle_and_bylines(ruleset):
    records = [r for r in extract_text(PAGES["004"], ruleset, "004.txt") if r.type == "article"]
    assert [r.title for r in records] == TITLES["004"]
    assert records[0].subtitle == "市人大常委会2025年度全面加强自身建设综述"
    assert [(b.role, b.name) for b in records[0].bylines] == [("本报记者", "刘沙沙"), ("通讯员", "谢钰辰")]
    assert [(b.role, b.name) for b in records[2].bylines] == [("本报记者", "王劲凯")]


def test_journalists_stay_out_of_the_text_that_rules_read():
    for page, arts in BYLINES.items():
        body = "".join(sentences(PAGES[page]))
        for art in arts:
            for _role, name in art:
                assert name not in body, (page, name)


# --- sentences ---------------------------------------------------------------

def test_page_break_inside_a_title_is_joined():
    text = PAGES["003"]
    joined = [s for s in sentences(text) if "促进民族" in s]
    assert len(joined) == 1
    assert "自内蒙古自治区促进民族\n\n团结进步条例》实施以来" in joined[0]


def test_page_break_inside_a_word_is_joined():
    joined = [s for s in sentences(PAGES["004"]) if s.endswith("有\n\n效激发党员参与热情,凝聚干事合力。")]
    assert len(joined) == 1


def test_a_cut_paragraph_does_not_swallow_the_next_heading():
    assert "秉持守正创新 加强自身建设" in sentences(PAGES["002"])


def test_a_title_cut_by_the_line_end_runs_on_whatever_the_layout():
    # a page that prints every paragraph on one line, no blank lines between
    text = ("县政府常务会议召开。\n会议审议通过《某县耕地地力保护补贴资金发放操作\n细则（试行）》。今年补贴面积约38.6万亩。\n"
            "会议指出，要抓好落实。\n")
    assert sentences(text)[1] == "会议审议通过《某县耕地地力保护补贴资金发放操作\n细则（试行）》。"


def test_an_office_cut_by_the_line_end_runs_on_whatever_the_layout():
    text = ("任命：\n　　翟志平为某市人民检察院副检察长、检察委\n员会委员、检察员；\n"
            "　　虢明远为某市人民检察院检察员。\n")
    assert sentences(text)[1:] == ["翟志平为某市人民检察院副检察长、检察委\n员会委员、检察员；",
                                   "虢明远为某市人民检察院检察员。"]


def test_a_line_ending_on_a_body_without_a_cut_word_stays_a_line():
    # 委 closes 县纪委; the next line opens on 会议, no 委员会 runs across the break
    text = "　　参加单位：县纪委\n会议听取了汇报。\n"
    assert sentences(text) == ["参加单位：县纪委", "会议听取了汇报。"]


def test_a_numbered_section_heading_is_no_cut_paragraph():
    # a report's heading with a comma inside is long enough to pass for a cut paragraph
    text = ("正文第一段。\n\n（二）聚焦中心大局，协商议政更加精准\n\n"
            "4月至6月，县政协组织部分委员开展专题调研。\n\n三、今后工作的主要任务和基本思路\n\n全年完成任务。\n")
    assert sentences(text)[1:] == ["（二）聚焦中心大局，协商议政更加精准", "4月至6月，县政协组织部分委员开展专题调研。",
                                   "三、今后工作的主要任务和基本思路", "全年完成任务。"]


def test_split_on_sentence_ends_but_not_inside_titles_quotes_or_brackets():
    t = "他说：“好。走！”会议审议《条例；草案》（第二稿。）通过。真的吗？是的；好"
    assert [t[s:e] for s, e in split_sentences(t, 0, len(t))] == [
        "他说：“好。走！”会议审议《条例；草案》（第二稿。）通过。",
        "真的吗？",
        "是的；",
        "好",
    ]


def test_an_unclosed_quote_does_not_swallow_the_paragraph():
    t = "“" + "很长的话，" * 80 + "。第二句。"
    spans = split_sentences(t, 0, len(t))
    assert t[spans[-1][0]:spans[-1][1]] == "第二句。"


def test_line_ends_end_sentences_and_paragraphs():
    text = "标题\n\n——副题\n\n□张三\n\n第一段没有句号\n\n第二段。\n"
    got = sentences(text)
    assert "第一段没有句号" in got and "第二段。" in got


@pytest.mark.parametrize("line", ["■市残联主席赵红梅于6月", "◆市政协召开常委会议", "●12月3日,县政协召开主席会议"])
def test_a_marked_line_is_a_byline_only_when_it_names_roles_or_people(line):
    # a short news item behind a mark, cut by the line end inside its date, is text
    text = f"标题\n\n{line}\n12日带领调研组赴城东社区调研。\n\n第二段。\n"
    assert segment(text)[0].bylines == []
    assert any(s.startswith(line) for s in sentences(text))


def test_a_single_line_break_inside_a_paragraph_is_a_wrap():
    # Paragraphs are separated by blank lines, so a lone line break is a wrap.
    text = "标题\n\n——副题\n\n□张三\n\n市政协组织委员于2023年9\n月21日赴武川\n县调研。\n\n第二段。\n"
    assert "市政协组织委员于2023年9\n月21日赴武川\n县调研。" in sentences(text)


def test_a_date_cut_by_a_line_end_is_joined_on_any_page():
    text = "2023年9\n月21日,市政协组织委员赴武川县调研。\n第二段。"
    assert sentences(text) == ["2023年9\n月21日,市政协组织委员赴武川县调研。", "第二段。"]


def test_on_a_page_without_blank_lines_a_line_is_a_paragraph():
    text = "标题\n——副题\n□张三\n第一段没有句号\n第二段。\n"
    (art,) = segment(text)
    assert piece(text, art.title) == "标题" and art.bylines == [("作者", "张三")]
    assert sentences(text)[-2:] == ["第一段没有句号", "第二段。"]


def test_crlf_page_has_the_same_articles():
    text = PAGES["004"]
    crlf = text.replace("\n", "\r\n")
    plain, windows = segment(text), segment(crlf)
    assert [piece(text, a.title) for a in plain] == [piece(crlf, a.title) for a in windows]
    assert [[text[s:e] for s, e in a.sentences] for a in plain] == \
        [[crlf[s:e].replace("\r\n", "\n") for s, e in a.sentences] for a in windows]


# --- years -------------------------------------------------------------------

def test_each_article_knows_the_years_it_speaks_of():
    assert [a.years for a in segment(PAGES["004"])] == [[2025], [2025], [], [], [2022, 2023, 2024, 2025], [2026]]
    assert segment(PAGES["003"])[0].years == [2018, 2019, 2020, 2021]


def test_empty_and_navigation_only_pages_have_no_articles():
    assert segment("") == []
    assert segment("往期阅读\n上一版 下一版\n\n标题导航\n第06版:首府\n") == []


# --- publication year (factx.pipeline.publication_year) ---------------------------

GOLD_YEARS = {p.name[:3]: json.loads((GOLD_DIR / f"{p.stem}.json").read_text(encoding="utf-8"))["pub_year"] for p in SAMPLES}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_estimated_publication_year_of_each_sample_is_the_gold_one(page):
    # Four of the five are year-end reviews, printed the year after the latest year they name.
    assert publication_year(PAGES[page]) == GOLD_YEARS[page]


def test_a_given_year_wins_then_the_dateline():
    page = "2024年1月5日 星期五\n\n标题\n\n——市政协2023年工作回顾\n\n□张三\n\n2023年,市政协提交提案87件。"
    assert publication_year(page, 2030) == 2030
    assert publication_year(page) == 2024
    assert publication_year(page.replace("2024年1月5日", "2025年1月5日")) == 2025
    assert publication_year(page.replace("2024年1月5日", "今日青河   2025-01-05  ")) == 2025  # in figures


def test_a_dateline_in_figures_is_navigation():
    text = "今日青河   2024-01-05   星期五\n\n县政协视察河道\n\n3月1日,县政协组织委员视察河道治理工作。"
    assert not any("2024-01-05" in s for s in sentences(text))
    assert [r.date.start for r in extract_text(text, load_rules()) if r.type == "event"] == ["2024-03-01"]


def test_a_page_that_is_no_review_is_dated_by_the_latest_year_it_names():
    assert publication_year("标题\n\n□张三\n\n2022年至2024年,刘伟连续3年被评为优秀干部。") == 2024
    # A review without a year of its own counts only if it looks back on a year.
    assert publication_year("标题\n\n——上半年经济运行综述\n\n□张三\n\n2024年上半年,全市生产总值增长5%。") == 2024
    assert publication_year("标题\n\n——工作综述\n\n□张三\n\n回首过去一年,2024年,全市生产总值增长5%。") == 2025


def test_a_page_without_any_year_has_no_publication_year():
    assert publication_year("2月8日,政协委员陆续报到。") is None


def test_dates_without_a_year_take_the_publication_year(ruleset):
    text = "政协委员报到\n\n2月8日,出席呼和浩特市政协十四届五次会议的政协委员陆续到达驻地。\n\n■本报记者 王劲凯 摄\n"
    (event,) = [r for r in extract_text(text, ruleset, options=Options(year=2025)) if r.type == "event"]
    assert (event.date.start, event.date.year_inferred) == ("2025-02-08", True)
    (event,) = [r for r in extract_text(text + "\n自2026年补贴活动启动以来,销量持续攀升。", ruleset) if r.type == "event"]
    assert event.date.start == "2026-02-08"


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_fact_stands_in_a_whole_sentence_of_its_article(ruleset, page):
    text = PAGES[page]
    arts = segment(text)
    for r in extract_text(text, ruleset, page):
        if r.type == "article":
            continue
        spans = [(s, e) for s, e in arts[r.article].sentences if s <= r.span[0] and r.span[1] <= e]
        assert len(spans) == 1, r
        assert text[spans[0][0]:spans[0][1]] == r.sentence


# --- page chrome and bylines seen on other papers' pages (examples made up) -------------

PAGE_WITH_CHROME = """往期阅读
青河日报  2024年3月5日  星期二
第03版:要闻        上一版    下一版
标题导航
县政府召开常务会议
县政协视察河道治理

县政府召开常务会议

本报讯(记者 王晓丽 通讯员 赵强)3月4日,县政府召开第12次常务会议,审议《青河县2024年为民办实事项目》。

会议研究了《关于印发〈青河县河道管理办法(2020—2026年)〉的通知》。

3月4日,与会人员审议有关议题。
■本报记者 王晓丽 摄

县政协视察河道治理

本报讯（记者李明实习生周安）3月1日,县政协组织委员视察河道治理工作。

本版编辑:孙红 校对:刘强
上一版    下一版
"""


def test_masthead_dateline_is_chrome_and_dates_the_page():
    text = PAGE_WITH_CHROME
    assert [piece(text, a.title) for a in segment(text)] == ["县政府召开常务会议", "县政协视察河道治理"]
    assert not any("星期二" in s for s in sentences(text))
    assert publication_year(text) == 2024


def test_a_portal_publishing_line_dates_the_page(ruleset):
    # 发布时间 on a portal: December dates on a page published on 6 January are last year's.
    page = ("某县人大网\n首页 | 人大要闻\n\n工作动态\n\n发布时间：2025-01-06 16:32　　来源：县人大常委会办公室\n\n"
            "12月31日上午,县人大常委会第二十九次会议召开。\n")
    assert masthead_date(page) == (2025, 1)
    (event,) = [r for r in extract_text(page, ruleset) if r.type == "event"]
    assert (event.date.start, event.date.year_inferred) == ("2024-12-31", True)
    assert masthead_date(page.replace("2025-01-06 16:32", "2024年1月22日")) == (2024, 1)


def test_a_documents_date_among_fields_or_a_portals_clock_dates_the_page(ruleset):
    # 发文日期 among the fields of an item's head; the page also names a plan to 2028
    page = ("某县人民政府\n首页 ｜ 新闻中心\n\n政务动态\n\n索引号：MB1/2026-00096　　信息分类：政务动态\n"
            "发布机构：县人民政府办公室　　发文日期：2026-02-25\n\n"
            "2月24日，县人民政府第58次常务会议召开，审议通过《某县三年行动方案（2026—2028年）》。\n")
    assert masthead_date(page) == (2026, 2)
    (event,) = [r for r in extract_text(page, ruleset) if r.type == "event"]
    assert event.date.start == "2026-02-24"
    # with no date of its own, the portal's clock line: the day of the visit
    clock = page.replace("发布机构：县人民政府办公室　　发文日期：2026-02-25\n", "").replace(
        "首页 ｜ 新闻中心\n", "首页 ｜ 新闻中心\n今天是：2026年2月26日　星期四\n")
    assert masthead_date(clock) == (2026, 2)
    assert masthead_date(clock.replace("今天是：2026年2月26日　星期四\n", "")) is None


def test_a_target_year_does_not_date_a_page_that_names_no_date():
    page = ("政务动态\n\n县政府召开常务会议\n\n2月24日，县政府召开常务会议，部署2026年春耕备耕工作。"
            "会议提出，到2028年，全县茶园面积达到30万亩。\n")
    assert masthead_date(page) is None
    assert publication_year(page) == 2026
    assert years_named("2023年,市政协制定规划,到2028年建成。") == [2023]


# A post of a public account: its stamp line in the head, its readers' comments at the foot.
POST = """某县人大
人大动态丨县人大常委会召开会议
原创　县人大常委会办公室　某县人大　2024年11月15日 18:06　福建

11月13日，县人大常委会召开第二十二次会议。会议审议通过了关于2025年预算的决定。

来源：县人大常委会办公室
阅读原文
阅读 2 386　　分享　收藏　点赞 47　在看 13

写留言
留言
茶乡阿妹　福建　11月15日
点赞某县人大！
赞 21
"""


def test_a_posts_stamp_dates_the_page_and_its_comments_are_no_text(ruleset):
    # The stamp (a date with the clock time) dates the page, though the post names 2025 too.
    assert masthead_date(POST) == (2024, 11)
    assert publication_year(POST) == 2024
    assert not any("18:06" in s or "留言" in s or "11月15日" in s or "阅读" in s for s in sentences(POST))
    events = [r for r in extract_text(POST, ruleset) if r.type == "event"]
    assert [(e.date.start, e.actor) for e in events] == [("2024-11-13", "县人大常委会")]
    # A sentence that names a time of day is no stamp.
    assert masthead_date("某县人大\n会议于2024年11月15日18:06开幕。\n") is None


def test_a_short_caption_with_its_credit_on_the_line_is_text_and_the_credit_a_byline(ruleset):
    text = "图片新闻\n\n▲7月1日，视察组在某镇某村察看自来水入户情况。■通讯员 王 珂 摄\n"
    assert sentences(text) == ["图片新闻", "▲7月1日，视察组在某镇某村察看自来水入户情况。"]
    assert segment(text)[0].bylines == [("通讯员", "王珂")]  # a name padded to three characters is one name
    events = [r for r in extract_text(text, ruleset, options=Options(year=2026)) if r.type == "event"]
    assert [(e.date.start, e.actor, e.location) for e in events] == [("2026-07-01", "视察组", "某镇某村")]


def test_two_lines_of_labelled_fields_are_two_sentences():
    # A reply letter's foot: the signing official and the contact are fields, not one sentence.
    text = "答复正文。\n\n特此答复。\n\n领导署名：局长　胡建业\n联系人：叶晓岚　　联系电话：0577-63852217\n"
    assert sentences(text)[2:] == ["领导署名：局长　胡建业", "联系人：叶晓岚　　联系电话：0577-63852217"]
    # A sentence wrapped after its colon still runs on.
    assert sentences("标题\n\n会议指出：要做好\n防汛工作。\n\n第二段。\n") == ["标题", "会议指出：要做好\n防汛工作。", "第二段。"]


RELATED_ITEMS = (
    "某县人民政府\n\n关于某建议的答复\n\n县住建局于2025年6月24日答复。\n\n相关信息\n\n"
    "· 县人大常委会召开主任会议　　2025-06-27\n"
    "　　6月26日，县人大常委会召开主任会议。\n\n"
    "· 县政协开展民主监督视察（2025-07-02）\n"
    "　　7月1日，县政协副主席李明带领委员开展视察。\n"
)


def test_a_related_news_link_with_its_date_is_navigation_and_the_text_under_it_is_read(ruleset):
    # The link does not run on into the item's first sentence, whose date opens it.
    assert "6月26日，县人大常委会召开主任会议。" in sentences(RELATED_ITEMS)
    assert not any("2025-06-27" in s or "2025-07-02" in s for s in sentences(RELATED_ITEMS))
    events = [r for r in extract_text(RELATED_ITEMS, ruleset) if r.type == "event"]
    assert [(e.date.start, e.actor) for e in events] == [
        ("2025-06-24", "县住建局"), ("2025-06-26", "县人大常委会"), ("2025-07-01", "县政协副主席李明")]
    # A headline that ends on a date with no space before it is no link.
    assert sentences("区人大召开会议2025-06-27\n6月26日，区人大常委会召开会议。\n") == [
        "区人大召开会议2025-06-27\n6月26日，区人大常委会召开会议。"]


def test_a_list_of_past_posts_with_the_date_first_is_navigation():
    # a WeChat post's foot: each link opens on the date it was posted, marked or not
    text = ("正文。\n\n往期回顾\n▶ 2025-12-12　市政协召开十一届第三十八次主席会议\n"
            "2025-12-05　【委员风采】他把课堂搬进了江滩湿地\n\n长按识别二维码\n")
    assert sentences(text) == ["正文。", "长按识别二维码"]
    # a sentence that opens on such a date is read
    assert sentences("2025-12-05，市政协召开主席会议。\n") == ["2025-12-05，市政协召开主席会议。"]


def test_the_headline_list_under_title_navigation_ends_at_a_blank_line():
    arts = segment(PAGE_WITH_CHROME)
    assert len(arts) == 2 and arts[0].sentences[0][0] == PAGE_WITH_CHROME.index("县政府召开常务会议\n\n本报讯")


def test_editor_credits_are_not_text():
    assert not any("校对" in s for s in sentences(PAGE_WITH_CHROME))


def test_news_lead_bylines_keep_their_spaces_and_split_glued_roles():
    first, second = segment(PAGE_WITH_CHROME)
    assert first.bylines == [("记者", "王晓丽"), ("通讯员", "赵强")]  # the photo credit adds no second 王晓丽
    assert second.bylines == [("记者", "李明"), ("实习生", "周安")]


def test_the_sentence_over_a_photo_credit_is_a_caption():
    text = PAGE_WITH_CHROME
    (caption,) = segment(text)[0].captions
    assert piece(text, caption) == "3月4日,与会人员审议有关议题。"


def test_years_inside_document_titles_are_not_years_the_article_speaks_of():
    # 2024 stands in a 《》 title too, but only 2020—2026 of the 管理办法 would push the estimate.
    assert segment(PAGE_WITH_CHROME)[0].years == []
    undated = PAGE_WITH_CHROME.replace("青河日报  2024年3月5日  星期二\n", "")  # the estimate is all that is left
    assert publication_year(undated) is None


def test_reviewed_year_of_each_sample_article():
    reviewed = {page: [reviewed_year(PAGES[page], a) for a in segment(PAGES[page])] for page in PAGES}
    assert reviewed == {"000": [2023, 2023], "001": [2023], "002": [2020], "003": [2021],
                        "004": [2025, 2025, None, None, None, None]}


REPORT = ("某市人民代表大会常务委员会工作报告\n\n——2024年1月15日在某市第十五届人民代表大会第三次会议上\n\n"
          "某市人大常委会主任　张三\n\n各位代表:\n\n一年来,常委会依法履职。6月13日,市委召开全市人大工作会议。\n")


def test_a_work_report_given_at_the_first_quarter_session_looks_back_on_the_year_before(ruleset):
    (art,) = segment(REPORT)
    assert reviewed_year(REPORT, art) == 2023
    dated = {e.date.start: e.date.year_inferred for e in extract_text(REPORT, ruleset) if e.type == "event"}
    assert dated == {"2024-01-15": False, "2023-06-13": True}


def test_a_report_given_later_in_the_year_or_no_report_looks_back_on_nothing():
    mid_year = REPORT.replace("2024年1月15日在某市第十五届人民代表大会第三次会议上", "2024年8月28日在市人大常委会第十次会议上")
    assert reviewed_year(mid_year, segment(mid_year)[0]) is None
    not_a_report = REPORT.replace("工作报告", "工作会议")
    assert reviewed_year(not_a_report, segment(not_a_report)[0]) is None


def test_a_report_on_the_session_own_business_looks_back_on_nothing(ruleset):
    # a committee's report on a motion, given at the January session, speaks of the session's days
    page = ("关于第2号代表议案审议意见的报告\n\n——2026年1月8日在某县十七届人大五次会议主席团第三次会议上\n\n"
            "某县人大农业与农村委员会主任委员　张三\n\n大会主席团:\n\n1月8日上午,本委员会召开全体会议,对议案进行了审议。\n")
    (art,) = segment(page)
    assert reviewed_year(page, art) is None
    dated = {e.date.start: e.date.year_inferred for e in extract_text(page, ruleset) if e.type == "event"}
    assert dated == {"2026-01-08": True}


def test_a_yearless_date_in_a_review_falls_in_the_reviewed_year(ruleset):
    page = "履职尽责谱新篇\n\n——市政协2023年工作回顾\n\n□张三\n\n12月27日,市政协组织委员赴武川县调研。\n"
    assert publication_year(page) == 2024
    (event,) = [r for r in extract_text(page, ruleset) if r.type == "event"]
    assert (event.date.start, event.date.year_inferred) == ("2023-12-27", True)


def test_a_review_printed_in_january_speaks_from_the_end_of_the_year_it_reviews(ruleset):
    # Dated 2 January 2025, it reviews 2024: its yearless months are 2024's and its 明年 is 2025.
    page = ("峒溪报　2025年1月2日　星期四\n\n砥砺奋进\n\n——县人大常委会2024年工作回眸\n\n"
            "2024年,县人大常委会依法履职。\n\n3月,常委会听取审议专项报告。明年常委会计划于9月开展执法检查。\n")
    dates = [e.date.start for e in extract_text(page, ruleset) if e.type == "event"]
    assert dates == ["2024-03", "2025-09"]
    # The same review printed in March speaks from the page's year: 明年 is 2026.
    march = page.replace("2025年1月2日　星期四", "2025年3月2日　星期日")
    dates = [e.date.start for e in extract_text(march, ruleset) if e.type == "event"]
    assert dates == ["2024-03", "2026-09"]


def test_roster_lines_are_not_wrapped_into_each_other():
    # On a page of blank-line paragraphs a lone line break is a wrap, except before a line
    # of a roster (a name, a wide space, an office): each stays a sentence of its own.
    text = ("新闻发布会\n\n发布人：\n林志远　市交通运输局局长\n欧建华　市公安局副局长\n\n"
            "会上，林志远介绍了有关情况。\n\n另一段落在这里。\n")
    assert len(segment(text)) == 1
    found = sentences(text)
    assert "林志远　市交通运输局局长" in found
    assert "欧建华　市公安局副局长" in found


def test_footer_of_two_fields_is_page_chrome():
    text = "县人大召开会议\n\n会议听取了报告。\n\n松川县融媒体中心主办　地址：松川县长白大街18号　新闻热线：0439-8211111\n"
    [article] = segment(text)
    assert not any("地址" in text[s:e] for s, e in article.sentences)


def test_a_caption_line_that_ends_on_its_photo_credit_is_complete():
    # `…述职。■通讯员 隋 晶 摄` ends without punctuation, yet the next caption, after a blank
    # line, is a sentence of its own: joined, the credit became the next caption's subject.
    text = ("图片新闻\n\n4月14日，专题询问会现场。■本报记者 佟 雪 摄\n\n"
            "4月9日，区人大代表栾秀云在西岗社区向选民述职。■通讯员 隋 晶 摄\n")
    assert len(segment(text)) == 1
    found = sentences(text)
    assert "4月9日，区人大代表栾秀云在西岗社区向选民述职。" in found
    assert not any("\n" in s for s in found)


def test_a_speakers_line_is_complete_but_a_line_after_a_comma_goes_on():
    # Speakers under a heading, each a line with the sector in brackets and a wide space: the
    # quote under the line is not its wrapped rest, though the page wraps lines without punctuation.
    text = ("委员建言摘登\n\n◆鲁明（科学技术界）　县政协常委、民盟县总支主委\n“建议建立数字档案。”\n\n"
            "会后,委员们参观了展览。\n\n会议要求,抓好落实。\n")
    assert sentences(text)[1:3] == ["◆鲁明（科学技术界）　县政协常委、民盟县总支主委", "“建议建立数字档案。”"]
    # A line that ends on a comma runs on, though OCR padded the next line like a roster's name.
    text = "标题\n\n2月8日,\n出　席会议的委员\n陆续报到。\n\n第二段。\n\n第三段。\n"
    assert sentences(text)[1] == "2月8日,\n出　席会议的委员\n陆续报到。"


def test_a_jump_line_ends_an_articles_part_and_its_rest_keeps_the_headline(ruleset):
    # A work report jumps to page 3 (`（下转第3版）`); a box printed after the jump on page 2
    # is an article of its own, dated as the page, not in the year the report reviews; the
    # report's rest (`（上接第2版）`) keeps its headline, so its reviewed year too.
    page = ("宁川报　2026年1月15日　星期四\n\n政府工作报告\n\n——2026年1月14日在宁川县第十八届人民代表大会第五次会议上\n\n"
            "县人民政府县长　米定山\n\n一、2025年工作回顾\n\n6月28日，宁川大桥建成通车。\n\n（下转第3版）\n\n"
            "【大会速递】\n\n■1月13日下午，大会举行预备会议。\n\n第03版：两会特刊　上一版　下一版\n\n（上接第2版）\n\n"
            "二、2026年主要任务\n\n10月18日，县第二中学新校区投入使用。\n")
    articles = segment(page)
    assert [page[a.title[0]:a.title[1]] for a in articles] == ["政府工作报告", "【大会速递】", "政府工作报告"]
    assert [a.continues for a in articles] == [None, None, 0]
    assert not any("转第" in page[s:e] or "接第" in page[s:e] for a in articles for s, e in a.sentences)
    records = list(extract_text(page, ruleset))
    assert [(r.article, r.continues) for r in records if r.type == "article"] == [(0, None), (1, None), (2, 0)]
    dates = [(e.article, e.date.start) for e in records if e.type == "event" and e.date.year_inferred]
    assert dates == [(0, "2025-06-28"), (1, "2026-01-13"), (2, "2026-10-18")]


def test_a_numbered_heading_that_names_a_year_dates_its_section(ruleset):
    # A work report reviews 2025; under `二、2026年主要任务` a yearless date is 2026's, even
    # ten months after the page's January (where an unheaded one would be last year's).
    page = ("宁川报　2026年1月15日　星期四\n\n政府工作报告\n\n——2026年1月14日在宁川县第十八届人民代表大会第五次会议上\n\n"
            "一、2025年工作回顾\n\n6月28日，宁川大桥建成通车。\n\n二、2026年主要任务\n\n10月18日，县第二中学新校区投入使用。\n\n"
            "三、切实加强政府自身建设\n\n11月，县政府开展廉政教育。\n")
    dates = [e.date.start for e in extract_text(page, ruleset) if e.type == "event" and e.date.year_inferred]
    assert dates == ["2025-06-28", "2026-10-18", "2025-11"]


def test_a_posts_head_is_chrome_not_counts(ruleset):
    # The collections a WeChat post is filed in and its length and reading time are no counts.
    page = ("某县人大\n原创　县人大常委会办公室　某县人大　2025年11月21日 17:48\n收录于合集　#专题询问 4个　#人大动态 213个\n\n"
            "👆点击上方蓝字“某县人大”，一起关注人大履职\n\n🎧听全文　全文共3 200余字，阅读约需9分钟\n\n"
            "11月19日，县人大常委会开展专题询问，6个部门主要负责同志到会应询。\n")
    counts = [(c.value, c.unit) for c in extract_text(page, ruleset) if c.type == "count"]
    assert counts == [(6, "个")]


GAZETTE = (
    "岚县人大网\n【标题】岚县人民代表大会常务委员会公报（2025年第6号）\n"
    "【发布日期】2025-12-30　　【来源】县人大常委会办公室　　【阅读】416\n"
    "附件：2025年第6号.pdf（2.17MB）　【下载】\n\n"
    "岚县人民代表大会常务委员会公报\n\n岚县人民代表大会常务委员会办公室编印　　2025年12月26日出版\n\n"
    "目　　录\n\n县人大常委会第三十一次会议简况……………………（1）\n岚县人民代表大会常务委员会2026年工作要点……（2）\n\n"
    "县人大常委会第三十一次会议简况\n"
    "　　县人大常委会第三十一次会议于12月18日至19日举行。会议决定，县人民代表大会会议于明年1月13日召开。\n\n"
    "－ 1 －\n\n岚县人民代表大会常务委员会公报　　　　2025年第6号\n\n"
    "岚县人民代表大会常务委员会\n关于加强采煤沉陷区治理的决定\n"
    "（2025年12月19日岚县人民代表大会常务委员会\n第三十一次会议通过）\n"
    "　　一、县人民政府应当加强治理。\n　　二、本决定自2026年1月1日起施行。\n\n"
    "－ 2 －\n\n岚县人民代表大会常务委员会公报　　　　2025年第6号\n\n"
    "岚县人民代表大会常务委员会2026年工作要点\n（2025年12月19日县人大常委会第三十一次会议通过）\n"
    "　　一、今年6月，对去年12月作出的决定开展跟踪检查。\n\n"
    "－ 3 －\n\n岚县人民代表大会常务委员会公报　　　　2025年第6号\n\n"
    "常委会工作动态\n"
    "　　■12月4日，县人大常委会召开代表建议办理座谈会。\n"
)


def test_a_gazette_is_split_into_its_documents_and_dated_by_its_printing_line(ruleset):
    # The portal's labelled fields, the attachment, the printing line, the table of contents,
    # page numbers and the running header are chrome; each document's title over its adoption
    # note opens an article, and so does a heading after a page's running header.
    articles = segment(GAZETTE)
    titles = [GAZETTE[a.title[0]:a.title[1]] for a in articles]
    assert titles == ["岚县人民代表大会常务委员会公报", "县人大常委会第三十一次会议简况", "关于加强采煤沉陷区治理的决定",
                      "岚县人民代表大会常务委员会2026年工作要点", "常委会工作动态"]
    text = "".join(GAZETTE[s:e] for a in articles for s, e in a.sentences)
    assert "……" not in text and "－" not in text and "编印" not in text and "阅读】416" not in text
    records = list(extract_text(GAZETTE, ruleset))
    events = {(e.article, e.date.start, e.date.end): e for e in records if e.type == "event"}
    # the masthead is the printing line: December 2025, so 明年1月13日 is 2026's
    assert (1, "2025-12-18", "2025-12-19") in events and (1, "2026-01-13", "2026-01-13") in events
    # 本决定, under its own headline, is the article's document
    assert events[(2, "2026-01-01", "2026-01-01")].actor == "关于加强采煤沉陷区治理的决定"
    # the plan for 2026 speaks from 2026: its 今年 and 去年 are 2026 and 2025
    assert (3, "2026-06", "2026-06") in events and (3, "2025-12", "2025-12") in events
    # the news after it is the page's own again
    assert (4, "2025-12-04", "2025-12-04") in events


def test_table_cells_one_a_line_are_not_wrapped_and_past_issues_are_chrome(ruleset):
    # A results table printed one cell a line: the numbers stay apart (joined, folding made
    # `1 260`, `51` and `96.2%` one number). Under `【往期回顾】` the past issues are links.
    page = ("某镇人大公告\n\n序号\n项目名称\n赞成票\n得票率\n1\n某村道路提升工程\n1 260\n51\n96.2%\n2\n镇中心小学扩建工程\n"
            "620\n50\n９４.３％\n\n【往期回顾】\n《某县新闻联播》2026年5月18日 文字稿\n《某县新闻联播》2026年5月19日 文字稿\n")
    records = list(extract_text(page, ruleset))
    assert [(c.value, c.unit) for c in records if c.type == "count" and c.unit == "%"] == [(96.2, "%"), (94.3, "%")]
    assert [e for e in records if e.type == "event"] == []


def test_a_pdf_pages_foot_is_no_article_and_a_posts_links_and_comments_are_chrome(ruleset):
    # A report converted from PDF: at each page's foot a rule, a footnote, the page number
    # (`— 3 —`) and the running header; none of them opens an article, and the report's
    # sections go on across them. `（全文完）` ends the document; under `👇往期推荐` the links
    # and under `留言精选` the readers' comments are chrome, their dates no events.
    foot = "――――――――――\n③医共体：以县级医院为龙头的医疗卫生共同体。\n\n— {n} —\n\n某县人民政府工作报告\n\n"
    page = ("政　府　工　作　报　告\n——2026年1月20日在某县第十九届人民代表大会第五次会议上\n\n一、2025年工作回顾\n　　全年新建村级卫生室12个。\n\n" + foot.format(n=2)
            + "二、2026年主要目标\n　　全年计划新修梯田8 000亩。\n\n" + foot.format(n=3)
            + "　　9月，举办第二届马铃薯文化节。\n\n" + foot.format(n=4)
            + "（全文完）\n\n👇往期推荐\n▷ 县政府第三次常务会议召开（2025-08-29）\n\n留言精选\n晨跑人　甘肃　9月26日\n支持！\n")
    articles = segment(page)
    assert [piece(page, a.title) for a in articles] == ["政　府　工　作　报　告"]
    records = list(extract_text(page, ruleset))
    assert [(e.date.start, e.text) for e in records if e.type == "event"] == [
        ("2026-01-20", "2026年1月20日在某县第十九届人民代表大会第五次会议上"), ("2026-09", "9月，举办第二届马铃薯文化节")]


def test_a_bulletins_issue_line_dates_the_page_and_is_no_event(ruleset):
    # `…秘书处编　　2025年2月10日` under a bulletin's title: who compiled it and the day, as a
    # gazette's printing line says; the page is dated by it, and it is no event.
    page = ("大　会　简　报\n第 5 期\n某市第七届人民代表大会第五次会议秘书处编　　　　　2025年2月10日\n\n"
            "青岭代表团审议报告\n\n　　2月9日下午，青岭代表团审议政府工作报告。\n")
    assert masthead_date(page) == (2025, 2)
    records = list(extract_text(page, ruleset))
    assert [(e.date.start, e.text) for e in records if e.type == "event"] == [("2025-02-09", "2月9日下午，青岭代表团审议政府工作报告")]


def test_a_plans_entries_keep_their_fields_and_a_menu_split_by_dots_is_chrome(ruleset):
    # A legislative plan lists each bill with a block of fields. A field printed under several
    # bills (`常委会联系领导：…`) is no running header; a month at a line's end is not cut
    # from the next item's number (`…时间：8月` / `3.《…》`); a menu split by `·` is chrome.
    entry = "{n}.《某市{name}条例》\n　　提请单位：市人民政府　　起草单位：市{unit}局\n　　常委会联系领导：鲍振林副主任\n　　拟提请审议时间：{month}月\n"
    page = ("首页 · 人大要闻 · 常委会工作 · 代表之窗 · 监督视点\n\n某市人大常委会2026年度立法工作计划\n\n"
            "　　本年度共安排提请审议项目3件。\n\n"
            + "".join(entry.format(n=n, name=name, unit=unit, month=month)
                      for n, name, unit, month in ((1, "养犬管理", "公安", 4), (2, "河道管理", "水务", 8), (3, "供热", "住建", 11))))
    articles = segment(page)
    assert [piece(page, a.title) for a in articles] == ["某市人大常委会2026年度立法工作计划"]
    records = list(extract_text(page, ruleset, options=Options(year=2026)))
    assert [(e.date.start, e.actor, e.action) for e in records if e.type == "event"] == [
        ("2026-04", "市人民政府", "提请审议《某市养犬管理条例》"),
        ("2026-08", "市人民政府", "提请审议《某市河道管理条例》"),
        ("2026-11", "市人民政府", "提请审议《某市供热条例》")]
    assert [(o.name, len(o.also_at)) for o in records if o.type == "official"] == [("鲍振林", 2)]


def test_a_caption_whose_credit_lost_its_bracket_ends_at_its_line():
    # the page break rule joins a long line with no closing mark to the next paragraph; a
    # photo credit in an unclosed bracket closes its caption all the same
    page = ("县人大常委会大事记\n\n10月30日　县人大常委会召开第二十九次会议,开展专题询问。\n\n"
            "10月30日,专题询问现场（县人大常委会办公室供图\n\n月内　县人大常委会组织开展代表建议办理回头看。\n")
    (art,) = segment(page)
    assert [piece(page, s) for s in art.sentences][-2:] == [
        "10月30日,专题询问现场（县人大常委会办公室供图", "月内　县人大常委会组织开展代表建议办理回头看。"]


def test_a_chronicle_named_for_a_year_reviews_that_year(ruleset):
    # a yearbook's 大事记 of 2025, reprinted in 2026: its yearless days are 2025's
    page = ("某县人大常委会2025年大事记\n\n发布时间:2026-10-21 09:18\n\n1月\n\n"
            "1月3日　县人大常委会召开第二十四次会议。\n")
    (art,) = segment(page)
    assert reviewed_year(page, art) == 2025
    (event,) = [r for r in extract_text(page, ruleset) if r.type == "event"]
    assert (event.date.start, event.date.year_inferred) == ("2025-01-03", True)


@pytest.mark.parametrize(("head", "links"), [
    # 相关文章 over links dated in brackets before their text
    ("相关文章", "· [2026-01-16] 政协某县第九届委员会第五次会议闭幕\n· [2025-12-29] 县政协开展提案办理回头看\n"),
    # 【相关报道】 over long links dated with slashes after their text
    ("【相关报道】", "　· 县政协调研组赴霞溪县、泷川县、峤南县开展县域医共体建设专题调研活动　2026/04/24\n"
                  "　· 某副主席在医科大学调研时强调　以高水平公共卫生人才支撑健康福建建设　2026/03/19\n"),
])
def test_a_list_of_related_articles_with_dates_is_navigation(head, links):
    page = f"县政协召开表彰大会\n\n3月6日,县政协召开表彰大会。\n\n{head}\n{links}"
    assert sentences(page) == ["县政协召开表彰大会", "3月6日,县政协召开表彰大会。"]


def test_a_dash_alone_is_an_empty_cell_no_subtitle():
    # a table printed one cell to a line: `—` fills an empty cell and opens no article
    page = ("四、政府自身建设类（1项）\n13\n制定《某市决策后评估办法（试行》\n市司法局\n"
            "《重大行政决策程序暂行条例》；《湖南省行政程序规定》\n2026年5月\n否\n否\n—\n")
    assert len(segment(page)) == 1


def test_a_lists_pager_is_navigation():
    page = ("县区人大动态　　　　共439条　每页12条　按发布时间排序\n\n■某县人大常委会召开会议\n"
            "　　7月1日上午，某县人大常委会召开会议。\n\n共439条记录　每页12条　第1页/共37页\n")
    assert not any("439" in s for s in sentences(page))
