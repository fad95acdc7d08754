"""Dated events through the whole pipeline (FACTS.md `event`): exact fields of exact records."""

from __future__ import annotations

import pytest

import factx
from conftest import SAMPLES
from factx import build
from factx.pipeline import Options, extract_text
from factx.read import Document, iter_documents


def events(ruleset, text: str, year: int | None = None) -> list:
    return list(extract_text(text, ruleset, "doc.txt", Options(types={"event"}, articles=False, year=year)))


def dates(ruleset, text: str, year: int | None = None) -> list[tuple]:
    return [(e.date.start, e.date.end, e.date.precision, e.date.year_inferred) for e in events(ruleset, text, year)]


def only(ruleset, text: str, year: int | None = None):
    found = events(ruleset, text, year)
    assert len(found) == 1, found
    return found[0]


# --- the record --------------------------------------------------------------------------

def test_an_event_record_has_every_field_of_the_contract(ruleset):
    text = "2023年9月21日,呼和浩特市政协组织政协委员、提案人、企业家代表赴和林格尔新区内蒙古数字经济产业园调研。"
    e = only(ruleset, text)
    assert e.model_dump() == {
        "type": "event",
        "doc": "doc.txt",
        "article": 0,
        "span": (0, len(text) - 1),
        "text": text[:-1],
        "sentence": text,
        "rule": "event.date_opens_clause",
        "also_at": [],
        "date": {"start": "2023-09-21", "end": "2023-09-21", "precision": "day", "year_inferred": False},
        "actor": "呼和浩特市政协",
        "action": "组织政协委员、提案人、企业家代表调研",
        "location": "和林格尔新区内蒙古数字经济产业园",
        "participants": ["政协委员", "提案人", "企业家代表"],
    }


def test_spans_index_the_original_text_through_full_width_and_spaced_digits(ruleset):
    text = "本报讯 ２０２３年 ９ 月 ２１ 日，市政协召开主席会议。"
    e = only(ruleset, text)
    assert e.date.start == "2023-09-21"
    assert text[e.span[0]:e.span[1]] == e.text
    assert e.text.startswith("２０２３年 ９ 月 ２１ 日")
    assert e.actor == "市政协"


# --- every date form ---------------------------------------------------------------------------

FORMS = [
    ("2023年12月27日,市政协召开常委会议。", None, ("2023-12-27", "2023-12-27", "day", False)),
    ("2023年10月,市政协召开常委会议。", None, ("2023-10", "2023-10", "month", False)),
    ("２０２３年１０月，市政协召开常委会议。", None, ("2023-10", "2023-10", "month", False)),
    ("2023 年 10 月 8 日,市政协召开常委会议。", None, ("2023-10-08", "2023-10-08", "day", False)),
    ("二〇二三年九月二十一日,市政协召开常委会议。", None, ("2023-09-21", "2023-09-21", "day", False)),
    ("九月二十一日,市政协召开常委会议。", 2023, ("2023-09-21", "2023-09-21", "day", True)),
    ("2023.9.21,市政协召开常委会议。", None, ("2023-09-21", "2023-09-21", "day", False)),
    ("2023-09-21,市政协召开常委会议。", None, ("2023-09-21", "2023-09-21", "day", False)),
    ("2023/9/21,市政协召开常委会议。", None, ("2023-09-21", "2023-09-21", "day", False)),
    ("2020年5月14日—20日,市政协开展视察。", None, ("2020-05-14", "2020-05-20", "day", False)),
    ("5月14日至20日,市政协开展视察。", 2020, ("2020-05-14", "2020-05-20", "day", True)),
    ("8月24日—25日,市政协开展调研。", 2020, ("2020-08-24", "2020-08-25", "day", True)),
    ("2023年12月28日至2024年1月3日,市人大常委会开展视察。", None, ("2023-12-28", "2024-01-03", "day", False)),
    ("5月14日-6月2日,市政协开展培训。", 2024, ("2024-05-14", "2024-06-02", "day", True)),
    ("5月14-20日,市政协开展培训。", 2024, ("2024-05-14", "2024-05-20", "day", True)),
    ("2月8日,政协委员陆续到达驻地。", 2026, ("2026-02-08", "2026-02-08", "day", True)),
    ("2月26日上午,市政协召开党组会议。", 2024, ("2024-02-26", "2024-02-26", "day", True)),
    ("9月上旬,市人大常委会开展执法检查。", 2023, ("2023-09", "2023-09", "month", True)),
    ("2023年10月底,市政协召开常委会议。", None, ("2023-10", "2023-10", "month", False)),
    ("元月5日,市政协召开常委会议。", 2024, ("2024-01-05", "2024-01-05", "day", True)),
    ("今年3月,市政协召开常委会议。", 2024, ("2024-03", "2024-03", "month", True)),
    ("上年12月,市政协召开常委会议。", 2024, ("2023-12", "2023-12", "month", True)),
    ("去年11月20日,市政协召开常委会议。", 2024, ("2023-11-20", "2023-11-20", "day", True)),
]


@pytest.mark.parametrize("text, year, expected", FORMS, ids=[t[:16] for t, _, _ in FORMS])
def test_every_date_form_is_read_through_the_pipeline(ruleset, text, year, expected):
    assert dates(ruleset, text, year) == [expected]


# --- years from the text, never the clock ----------------------------------------------------

def test_relative_years_count_from_the_last_year_named(ruleset):
    text = "2021年,市人大常委会启动条例起草工作。同年7月,市人大常委会召开论证会。次年3月,条例正式施行。"
    assert dates(ruleset, text, 2024) == [("2021-07", "2021-07", "month", True), ("2022-03", "2022-03", "month", True)]


def test_a_relative_year_resolved_becomes_the_last_year_named(ruleset):
    text = "2020年,市政协开展调研。次年5月,市政协召开常委会议。同年9月,市政协开展视察。"
    assert [d[0] for d in dates(ruleset, text, 2024)] == ["2021-05", "2021-09"]


def test_today_year_words_count_from_the_publication_year(ruleset):
    text = "2019年,市政协开展调研。今年3月,市政协召开常委会议。"
    assert dates(ruleset, text, 2024) == [("2024-03", "2024-03", "month", True)]


def test_a_yearless_date_takes_the_year_that_opened_its_paragraph(ruleset):
    text = "标题\n\n——副题\n\n□张三\n\n2023年,市人大常委会坚持开门立法。9月21日,市人大常委会召开立法听证会。\n"
    assert dates(ruleset, text, 2024) == [("2023-09-21", "2023-09-21", "day", True)]


def test_a_yearless_date_in_another_paragraph_takes_the_publication_year(ruleset):
    text = "标题\n\n——副题\n\n□张三\n\n2023年,市人大常委会坚持开门立法。\n\n2月8日,市人大常委会召开党组会议。\n"
    assert dates(ruleset, text, 2024) == [("2024-02-08", "2024-02-08", "day", True)]


def test_a_year_named_in_passing_does_not_move_the_time_line(ruleset):
    text = "刘伟2022年来到阳光社区工作。2月6日,刘伟来到燕莎玫瑰园小区查看垃圾清运情况。"
    assert dates(ruleset, text, 2026) == [("2026-02-06", "2026-02-06", "day", True)]


def test_a_relative_year_quoted_inside_a_sentence_does_not_move_the_time_line(ruleset):
    # 去年 after 介绍, is a figure someone quotes; 6月3日 goes on with the article's year.
    text = "6月2日,调研组走访牧户。该站站长介绍,去年接诊群众800多人次。6月3日,调研组召开座谈会。"
    assert [d[0] for d in dates(ruleset, text, 2024)] == ["2024-06-02", "2024-06-03"]


def test_a_relative_year_that_opens_a_sentence_still_sets_the_time_line(ruleset):
    text = "去年,市政协围绕中心开展调研。9月21日,市政协召开常委会议。"
    assert dates(ruleset, text, 2024) == [("2023-09-21", "2023-09-21", "day", True)]


def test_december_dates_on_a_page_of_early_january_are_of_the_year_before(ruleset):
    page = "某县报  2025年1月4日  星期六\n\n标题\n\n12月27日,县政协召开主席会议。1月3日,县政协召开常委会议。\n"
    assert [e.date.start for e in events(ruleset, page)] == ["2024-12-27", "2025-01-03"]


def test_a_yearless_month_before_the_month_that_opened_the_paragraph_goes_on_into_the_next_year(ruleset):
    # the story goes forward from 2022年11月; the page of October 2023 is after 9月
    page = "某县报  2023年10月20日  星期五\n\n标题\n\n2022年11月,县水务局启动管网改造。9月下旬,施工队完成最后一段管道更换。\n"
    assert [e.date.start for e in events(ruleset, page)] == ["2022-11", "2023-09"]


def test_a_yearless_month_stays_in_the_paragraph_year_when_the_next_would_follow_the_page(ruleset):
    page = "某县报  2023年8月20日  星期日\n\n标题\n\n2022年11月,县水务局启动管网改造。9月下旬,施工队完成最后一段管道更换。\n"
    assert [e.date.start for e in events(ruleset, page)] == ["2022-11", "2022-09"]
    # a year without a month opens no story to go forward from
    text = "2022年,县水务局启动管网改造。9月下旬,施工队完成最后一段管道更换。"
    assert [d[0] for d in dates(ruleset, text, 2023)] == ["2022-09"]


def test_a_yearless_date_with_no_year_anywhere_is_not_guessed(ruleset):
    assert events(ruleset, "2月8日,市政协召开党组会议。") == []


def test_a_review_article_places_yearless_dates_in_the_year_it_reviews(ruleset):
    from factx.build.context import Context
    from factx.match import ArticleText

    text = "2020年,市政协围绕中心开展调研。\n\n3月5日,市政协召开常委会议。今年1月,市政协召开全会。"
    second, third = text.index("3月5日"), text.index("今年")
    atext = ArticleText.build(text, [(0, second - 2), (second, third), (third, len(text))])
    ctx = Context("doc.txt", 0, text, atext, ruleset, publication_year=2021, reviewed_year=2020)
    date = atext.text.index("3月5日")
    assert ctx.year_context(date).default == 2020  # the review's year, not the publication's
    assert ctx.year_context(atext.text.index("今年")).publication == 2021  # 今年 is still the paper's year
    plain = Context("doc.txt", 0, text, atext, ruleset, publication_year=2021)
    assert plain.year_context(date).default == 2021


def test_an_editors_note_on_a_work_report_is_dated_as_the_page(ruleset):
    from factx.pipeline import Options, extract_text

    text = ("某县政协常务委员会工作报告\n——2026年1月7日在政协某县第十届委员会第五次会议上\n\n"
            "编者按：1月7日上午，政协某县第十届委员会第五次会议开幕。本报今日刊发报告全文。\n\n"
            "一年来，县政协坚持围绕中心。\n\n5月20日，县政协召开推进会。\n")
    found = [(r.date.start, r.actor) for r in extract_text(text, ruleset, "p.txt", Options(year=2026)) if r.type == "event"]
    # the note speaks of the session the page reports; the report speaks of the year before
    assert found == [("2026-01-07", None), ("2026-01-07", "政协某县第十届委员会"), ("2025-05-20", "县政协")]


def test_an_archive_photo_is_dated_before_the_page(ruleset):
    from factx.pipeline import extract_text

    page = "某县报数字报\n2026年1月13日　星期二　第05版：政协\n\n图片新闻\n\n"
    caption = "图③　7月2日，民主监督组在石门镇察看采煤塌陷区治理情况。"
    dated = [[r.date.start for r in extract_text(page + text + "\n", ruleset, "p.txt") if r.type == "event"]
             for text in (caption + "（资料图片，县政协办公室供图）", caption)]
    # an old photo's July is last July; a July six months ahead may be a plan, so this year's
    assert dated == [["2025-07-02"], ["2026-07-02"]]


# --- not events ---------------------------------------------------------------------------------

NOT_EVENTS = [
    "2023年以来,市政协聚焦加快实施“强首府”工程。",
    "2020年,呼和浩特市政协积极探索提案工作提质增效的方式方法。",
    "截至2023年11月底,各承办单位深入开展沟通协商。",
    "截至11月底,各承办单位深入开展沟通协商。",
    "前3个月,全市接待游客120万人次。",
    "刘伟连续3年被评为优秀干部。",
    "补贴券每日8时30分至23时59分开放。",
    "市政协印发《关于9月21日常委会议精神的学习方案》。",
    "到10月底,全市建成委员工作站300个。",
    "9月30日前,各单位报送年度工作总结。",
    "每年3月5日前后,各社区组织志愿服务活动。",
    "1月至11月,全市地区生产总值同比增长5.2%。",
    "与上年12月相比,全市空气质量优良天数增加10天。",
    "新华社北京3月5日电",
    "2024年1月5日 星期五",
]


@pytest.mark.parametrize("text", NOT_EVENTS, ids=[t[:14] for t in NOT_EVENTS])
def test_not_an_event(ruleset, text):
    # A publication year is given, so a date without a year could be read if it were an event.
    assert events(ruleset, text, 2024) == []


# --- who did what where ----------------------------------------------------------------------

def test_a_sentence_with_two_dates_yields_two_events(ruleset):
    text = "2023年9月21日,市政协召开十四届常委会第五次会议,9月25日,又组织委员赴清水河县视察。"
    first, second = events(ruleset, text)
    assert (first.date.start, first.actor, first.action, first.location) == (
        "2023-09-21", "市政协", "召开十四届常委会第五次会议", None)
    assert (second.date.start, second.date.year_inferred, second.actor, second.location, second.participants) == (
        "2023-09-25", True, "市政协", "清水河县", ["委员"])


def test_an_official_with_a_title_acts_where_he_goes(ruleset):
    e = only(ruleset, "2020年6月10日,呼和浩特市政协副主席高珍伟赴红山口村指导脱贫攻坚工作。")
    assert (e.actor, e.action, e.location) == ("呼和浩特市政协副主席高珍伟", "指导脱贫攻坚工作", "红山口村")


def test_a_meeting_on_a_meeting_has_no_location(ruleset):
    e = only(ruleset, "2020年2月24日,呼和浩特市政协主席孙建华在督导新城区疫情防控工作电话会议上讲话。")
    assert (e.actor, e.location) == ("呼和浩特市政协主席孙建华", None)


def test_an_object_that_is_no_place_is_no_location(ruleset):
    e = only(ruleset, "2023年9月28日,呼和浩特市人大常委会组织赴打击治理电信网络诈骗犯罪工作进行视察。")
    assert (e.actor, e.location) == ("呼和浩特市人大常委会", None)


def test_a_document_issued_on_a_date(ruleset):
    e = only(ruleset, "2019年12月,呼和浩特市召开了全市人大工作会议,并出台了《关于做好新时代人大工作的实施意见》。")
    assert (e.date.start, e.date.precision, e.actor, e.action) == ("2019-12", "month", "呼和浩特市", "召开了全市人大工作会议")


def test_a_caption_that_starts_with_a_date(ruleset):
    text = "政协委员报到\n\n2月8日,出席市政协十四届五次会议的政协委员陆续到达驻地,向大会报到。\n\n■本报记者 王劲凯 摄\n"
    e = only(ruleset, text, 2026)
    assert (e.date.start, e.actor, e.location) == ("2026-02-08", "政协委员", None)


def test_an_organiser_is_the_actor_of_what_it_organised(ruleset):
    e = only(ruleset, "2月8日,由共青团呼和浩特市委员会、呼和浩特市总工会联合主办的青年交友联谊活动落幕。", 2026)
    assert e.actor == "共青团呼和浩特市委员会、呼和浩特市总工会"


def test_a_pronoun_is_the_person_last_named_with_a_title(ruleset):
    text = (
        "春节临近,回民区光明路街道阳光社区党委书记刘伟的脚步愈发匆忙。2月6日一早,他便来到办公室,"
        "先打电话协调当天需要处理的各项工作,然后快步出门——直奔燕莎玫瑰园小区查看垃圾清运情况。"
    )
    e = only(ruleset, text, 2026)
    assert (e.date.start, e.actor, e.action, e.location) == ("2026-02-06", "刘伟", "来到办公室", "燕莎玫瑰园小区")


def test_a_time_line_ahead_of_a_january_page_goes_on_ahead(ruleset):
    # A plan: 今年6月 is ahead of a page of January, so its 9月 is this year's. A time line
    # behind the page (今年1月 on a page of March) makes 12月 last year's.
    plan = "发布日期：2026-01-26\n\n全县工作安排\n\n　　今年6月底前完成确权颁证扫尾工作。9月，举办第二届马铃薯文化节。\n"
    assert [d[:2] for d in dates(ruleset, plan)] == [("2026-09", "2026-09")]
    # the page's year in figures, with no month, opens the same time line ahead
    year_alone = "发布日期：2026-01-12\n\n工作安排\n\n　　2026年是开局之年。11月中旬，主席团组织代表开展满意度测评。\n"
    assert [d[:2] for d in dates(ruleset, year_alone)] == [("2026-11", "2026-11")]
    past = "发布日期：2026-03-10\n\n学校动态\n\n　　今年1月，学校被确定为示范学校。12月18日，学校舞蹈队获得一等奖。\n"
    assert [d[:2] for d in dates(ruleset, past)] == [("2026-01", "2026-01"), ("2025-12-18", "2025-12-18")]


def test_a_date_after_its_subject(ruleset):
    e = only(ruleset, "为满足消费者需求,呼和浩特市商务局于2月6日正式开通线上国补。", 2026)
    assert (e.rule, e.date.start, e.actor, e.action, e.text) == (
        "event.date_after_subject", "2026-02-06", "呼和浩特市商务局", "开通线上国补", "呼和浩特市商务局于2月6日正式开通线上国补")


def test_a_date_inside_a_clause(ruleset):
    e = only(ruleset, "市人大常委会2023年9月21日召开主任会议。")
    assert (e.rule, e.actor, e.action) == ("event.date_in_clause", "市人大常委会", "召开主任会议")


# --- factx.parse_date writes what the extractor writes ------------------------------------------

@pytest.fixture
def built_with_context(monkeypatch):
    """Every event record built, with the article Context it was built in."""
    seen = []
    real = build.BUILDERS["event"]

    def recording(match, ctx):
        records = real(match, ctx)
        seen.extend((record, ctx, match.groups["date"]) for record in records)
        return records

    monkeypatch.setitem(build.BUILDERS, "event", recording)
    return seen


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name[:3] for p in SAMPLES])
def test_parse_date_agrees_with_the_extractor_on_the_samples(ruleset, built_with_context, path):
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, Document)
    written = [r for r in extract_text(doc.text, ruleset, str(path), Options(types={"event"}, articles=False))]
    assert written
    assert built_with_context
    for record, ctx, (start, end) in built_with_context:
        anchor = ctx.atext.text[start:end]
        assert factx.parse_date(anchor, year_context=ctx.year_context(start)) == factx.DateValue(**record.date.model_dump())
        if not record.date.year_inferred:  # a date with its year needs no context at all
            assert factx.parse_date(anchor) == factx.DateValue(**record.date.model_dump())
        assert ctx.original[record.span[0]:record.span[1]] == record.text
