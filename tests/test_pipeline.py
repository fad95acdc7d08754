"""The output contract on the sample pages: spans index the original, every line fits the schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import SAMPLES
from factx.pipeline import Options, extract_text
from factx.records import RECORD_ADAPTER, record_schema
from factx.write import json_line


@pytest.fixture(scope="module")
def sample_records(ruleset):
    return {p.name: (p.read_text(encoding="utf-8"), list(extract_text(p.read_text(encoding="utf-8"), ruleset, p.name))) for p in SAMPLES}


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_every_span_indexes_the_original_text(sample_records, name):
    original, records = sample_records[name]
    facts = [r for r in records if r.type != "article"]
    assert facts, "every sample page has facts"
    for record in facts:
        start, end = record.span
        assert original[start:end] == record.text, record
        assert record.text in record.sentence or record.text.replace("\n", "") in record.sentence
        for start, end in record.also_at:
            assert 0 <= start < end <= len(original)


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_every_emitted_line_validates_against_the_json_schema(sample_records, name, tmp_path):
    _, records = sample_records[name]
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json_line(r) + "\n" for r in records), encoding="utf-8")
    schema = record_schema()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(records)
    for line in lines:
        data = json.loads(line)
        jsonschema.validate(data, schema)
        assert RECORD_ADAPTER.validate_python(data).type == data["type"]


def test_article_records_come_first_and_count_their_facts(sample_records):
    _, records = sample_records["000_cd775876ad8d8dda.txt"]
    assert records[0].type == "article"
    articles = [r for r in records if r.type == "article"]
    for art in articles:
        facts = [r for r in records if r.type != "article" and r.article == art.article]
        assert sum(art.facts.values()) == len(facts)


def test_a_caption_event_has_every_field_of_the_contract(ruleset):
    text = "2023年9月21日,呼和浩特市政协组织政协委员、提案人、企业家代表赴武川县调研。"
    records = list(extract_text(text, ruleset, "doc.txt", Options(articles=False, types={"event"})))
    assert len(records) == 1
    event = records[0].model_dump()
    assert event["doc"] == "doc.txt" and event["article"] == 0
    assert event["span"] == (0, len(text) - 1)
    assert event["date"] == {"start": "2023-09-21", "end": "2023-09-21", "precision": "day", "year_inferred": False}
    assert event["actor"] == "呼和浩特市政协"
    assert event["location"] == "武川县"
    assert event["participants"] == ["政协委员", "提案人", "企业家代表"]
    assert event["sentence"] == text
    assert event["rule"] == "event.date_opens_clause"


def test_types_filter_keeps_only_the_asked_types(ruleset):
    text = "2023年9月21日,市政协组织委员赴武川县调研,办理提案244件。"
    records = list(extract_text(text, ruleset, options=Options(types={"count"}, articles=False)))
    assert [(r.type, r.value, r.unit) for r in records] == [("count", 244, "件")]


def test_a_portal_annual_report_and_last_years_news_item_speak_of_last_year(ruleset):
    # A catalogue's `【生成日期】` dates the page (January 2026). Its annual report for 2025
    # (`…2025年…年度报告`) and the news item under it, whose lead dates it 12月26日, were
    # written in 2025: their yearless months and their 今年 are 2025's.
    page = ("某县人民政府\n【发布机构】某县人民政府办公室　　【主题分类】政务公开\n【生成日期】2026-01-23　　【公开方式】主动公开\n\n"
            "某县人民政府2025年政府信息公开工作年度报告\n\n"
            "　　11月5日，县政府网站完成向省级集约化平台迁移。所列数据统计期限自2025年1月1日起至2025年12月31日止。\n\n"
            "县人大常委会听取政务公开工作情况报告\n\n"
            "　　本网讯（记者 王某）12月26日，县人大常委会召开会议，听取县政府政务公开工作情况报告。\n"
            "　　今年4月至6月，县政府开展政务公开专区“回头看”。\n")
    events = [(r.date.start, r.date.end) for r in extract_text(page, ruleset) if r.type == "event"]
    assert events == [("2025-11-05", "2025-11-05"), ("2025-12-26", "2025-12-26"), ("2025-04", "2025-06")]


def test_a_box_after_a_section_that_names_a_year_speaks_of_the_pages_year(ruleset):
    # `二、2025年度优秀提案` dates the yearless days of its section in 2025; the box under
    # `■相关链接` is no part of it: its 2月6日 is the page's year (published February 2026).
    page = ("县政协通报2025年度委员履职积分\n发稿时间：2026年2月11日　09:40\n\n"
            "　　本网讯（通讯员 张某）2月10日上午，县政协召开履职积分通报会。\n\n"
            "二、2025年度优秀提案（3件）\n\n　　1.关于加强农村饮水安全的提案（提案人：李某某）\n\n"
            "■相关链接\n\n　　2月6日，县政协社会和法制委员会部分委员到县人民法院旁听庭审。\n")
    events = [(r.date.start, r.actor) for r in extract_text(page, ruleset) if r.type == "event"]
    assert events == [("2026-02-10", "县政协"), ("2026-02-06", "县政协社会和法制委员会部分委员")]


def test_a_laws_amendment_date_opens_no_time_line(ruleset):
    # `代表法于2025年3月11日经…修正` dates the law, not the story: the committee's 9月15日 later in
    # the paragraph is the page's year (published September 2026), not 2025's.
    page = ("发布时间：2026-09-21　09:30\n\n代表资格审查委员会关于补选代表资格的审查报告\n\n"
            "　　代表法于2025年3月11日经十四届全国人大三次会议修正。代表资格审查委员会于9月15日召开会议，对补选代表的资格进行了审查。\n")
    events = [(r.date.start, r.actor) for r in extract_text(page, ruleset) if r.type == "event"]
    assert ("2026-09-15", "代表资格审查委员会") in events
    assert not any(start.startswith("2025-09") for start, _ in events)
