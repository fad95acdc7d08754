"""Tests for factx.repeats: a fact stated twice in an article is written once (`also_at`);
`Deduper` drops facts already written for a near-identical article of the batch."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from conftest import SAMPLES
from factx.pipeline import Options, extract_text
from factx.repeats import Deduper, fact_key, similar

PAGES = {p.name[:3]: (p.name, p.read_text(encoding="utf-8")) for p in SAMPLES}


def records_of(ruleset, page, **options):
    name, text = PAGES[page]
    return list(extract_text(text, ruleset, name, Options(**options)))


def facts_of(ruleset, text, doc="doc.txt"):
    return [r for r in extract_text(text, ruleset, doc) if r.type != "article"]


# --- within an article ------------------------------------------------------------

@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_fact_is_written_twice_from_copies_of_one_sentence(ruleset, page):
    by_key = defaultdict(list)
    for r in records_of(ruleset, page):
        if r.type != "article":
            by_key[(r.article, fact_key(r))].append(r)
    for same in by_key.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                one_sentence = a.sentence == b.sentence and abs(b.span[0] - a.span[0]) < len(a.sentence)
                assert a.type in ("event", "count") and (one_sentence or not similar(a.sentence, b.sentence)), (a, b)


def test_every_later_place_indexes_the_same_text(ruleset):
    _, text = PAGES["003"]
    repeated = [r for r in records_of(ruleset, "003") if r.type != "article" and r.also_at]
    assert repeated
    for r in repeated:
        for start, end in r.also_at:
            assert start > r.span[0]
            if r.type in ("event", "count"):
                assert text[start:end] == r.text


def test_a_paragraph_printed_twice_gives_its_facts_once(ruleset):
    # 003 prints '——聚力优化营商环境“翻身仗”…' twice in a row.
    _, text = PAGES["003"]
    first = text.index("——聚力优化营商环境")
    second = text.index("——聚力优化营商环境", first + 1)
    facts = [r for r in records_of(ruleset, "003") if r.type != "article" and first <= r.span[0] < second]
    assert {r.type for r in facts} >= {"count", "regulation"}
    for r in facts:
        assert (r.span[0] + second - first, r.span[1] + second - first) in r.also_at, r
    assert not [r for r in records_of(ruleset, "003") if r.type != "article" and second <= r.span[0] < second + (second - first)]


def test_a_repeated_caption_names_the_regulation_once(ruleset):
    _, text = PAGES["003"]
    regs = [r for r in records_of(ruleset, "003") if r.type == "regulation" and r.title == "呼和浩特市湿地保护条例"]
    assert len(regs) == 1
    caption = text.index("《呼和浩特市湿地保护条例》新闻发布会现场")
    assert any(start == caption for start, _ in regs[0].also_at)


def test_a_draft_later_adopted_in_the_article_is_no_draft(ruleset):
    text = ("会议审议了《某县古树名木保护条例（草案）》。\n"
            "《某县古树名木保护条例》以赞成90票获得通过。\n")
    regs = [r for r in facts_of(ruleset, text) if r.type == "regulation"]
    assert [(r.title, r.draft, len(r.also_at)) for r in regs] == [("某县古树名木保护条例", False, 1)]
    # a draft only debated stays a draft
    regs = [r for r in facts_of(ruleset, text.splitlines()[0]) if r.type == "regulation"]
    assert [(r.title, r.draft) for r in regs] == [("某县古树名木保护条例", True)]


def test_a_caption_printed_again_and_again_gives_its_facts_once(ruleset):
    _, text = PAGES["003"]
    caption = "呼和浩特市十五届人大常委会主任李俊峰在会道旗村乡村振兴工作开展现场视察。"
    assert text.count(caption) >= 10
    facts = [r for r in records_of(ruleset, "003") if r.type != "article" and r.sentence == caption]
    assert len({fact_key(r) for r in facts}) == len(facts)


def test_a_copy_with_ocr_damage_is_a_repeat(ruleset):
    paragraph = "一年来,市人大常委会制定修改地方性法规9件,开展执法检查4次、专题调研53次,办理代表议案建议244件。"
    damaged = paragraph.replace("执法检查", "执法捡查").replace("代表议案", "代表仪案")
    text = f"标题\n\n——副题\n\n□张三\n\n{paragraph}\n\n{damaged}\n"
    facts = [r for r in facts_of(ruleset, text) if r.type == "count"]
    assert sorted((r.value, r.unit) for r in facts) == [(4, "次"), (9, "件"), (53, "次"), (244, "件")]
    copy = text.index(damaged)
    for r in facts:
        ((start, end),) = r.also_at
        assert copy <= start < end <= copy + len(damaged)
        assert text[start:end].endswith(f"{r.value}{r.unit}")


def test_two_facts_of_one_sentence_are_two_facts(ruleset):
    text = "本届以来,共制定法规7件,修改15件,废止7件。"
    counts = [r for r in facts_of(ruleset, text) if r.type == "count" and r.value == 7]
    assert len(counts) == 2 and counts[0].span != counts[1].span
    assert all(r.also_at == [] for r in counts)


def test_the_same_number_in_different_sentences_is_not_a_repeat(ruleset):
    text = "市政协开展专题调研7次,形成报告。市人大常委会听取专项报告7次,提出审议意见。"
    counts = [r for r in facts_of(ruleset, text) if r.type == "count" and r.value == 7]
    assert len(counts) == 2


def test_similar_allows_small_ocr_differences_only():
    a = "2023年9月21日,呼和浩特市政协组织政协委员、提案人、企业家代表赴武川县调研。"
    assert similar(a, a.replace(",", "，"))
    assert similar(a, a.replace("武川县", "武州县"))
    assert not similar(a, "2023年9月21日,呼和浩特市人大常委会召开第十次会议。")


# --- across documents: Deduper -----------------------------------------------------

def batch(ruleset, *pages, **options):
    out = []
    for page in pages:
        out.extend(records_of(ruleset, page, **options))
    return out


def test_copies_are_kept_by_default(ruleset):
    records = batch(ruleset, "000", "001")
    assert len([r for r in records if r.type != "article"]) == \
        len([r for r in records_of(ruleset, "000") + records_of(ruleset, "001") if r.type != "article"])


def test_dedupe_drops_the_facts_of_a_damaged_copy_already_written(ruleset):
    warnings = []
    deduper = Deduper(warnings.append)
    kept = list(deduper.filter(batch(ruleset, "000", "001")))
    name0, name1 = PAGES["000"][0], PAGES["001"][0]
    # 000 comes first: all of it stays.
    assert [r for r in kept if r.doc == name0] == records_of(ruleset, "000")
    events_001 = {r.date.start for r in kept if r.doc == name1 and r.type == "event"}
    # The captions 000 copied (with damage) are not written again ...
    assert {"2023-09-21", "2023-08-09", "2023-09-19"}.isdisjoint(events_001)
    # ... what only 001 says is.
    assert {"2023-06-16", "2023-08-03"} <= events_001
    assert deduper.dropped >= 3
    (message,) = warnings
    assert message.startswith(f"dedupe: {name1} article 0: dropped {deduper.dropped} of ")
    assert f"already written for {name0} article 1 (similarity " in message


def test_dedupe_recounts_the_article_record_of_a_copy(ruleset):
    kept = list(Deduper().filter(batch(ruleset, "000", "001")))
    name1 = PAGES["001"][0]
    (article,) = [r for r in kept if r.doc == name1 and r.type == "article"]
    facts = [r for r in kept if r.doc == name1 and r.type != "article"]
    assert sum(article.facts.values()) == len(facts)


def test_dedupe_in_the_other_order_drops_from_the_later_copy(ruleset):
    kept = list(Deduper().filter(batch(ruleset, "001", "000")))
    assert [r for r in kept if r.doc == PAGES["001"][0]] == records_of(ruleset, "001")
    events_000 = {r.date.start for r in kept if r.doc == PAGES["000"][0] and r.type == "event"}
    assert "2023-09-21" not in events_000
    assert "2023-12-27" in events_000  # article 0 of 000 has no copy in 001


def test_dedupe_leaves_different_articles_alone(ruleset):
    records = batch(ruleset, "002", "003", "004")
    warnings = []
    assert list(Deduper(warnings.append).filter(records)) == records
    assert warnings == []


def test_dedupe_of_a_page_against_itself_drops_every_fact(ruleset):
    records = records_of(ruleset, "004")
    again = [r.model_copy(update={"doc": "again.txt"}) for r in records]
    kept = list(Deduper().filter(records + again))
    assert kept[:len(records)] == records
    assert [r.type for r in kept[len(records):]] == ["article"] * 6


def test_dedupe_works_without_article_records(ruleset):
    records = batch(ruleset, "000", "001", articles=False)
    kept = list(Deduper().filter(records))
    with_articles = [r for r in Deduper().filter(batch(ruleset, "000", "001")) if r.type != "article"]
    assert kept == with_articles


def test_dedupe_over_json_lines_agrees_with_records(ruleset):
    records = batch(ruleset, "000", "001")
    lines = [r.model_dump_json() for r in records]
    kept_lines = list(Deduper().filter_lines(lines))
    kept = list(Deduper().filter(records))
    assert [json.loads(line) for line in kept_lines] == [r.model_dump(mode="json") for r in kept]
    untouched = set(lines)
    assert all(line in untouched for line in kept_lines if '"type":"article"' not in line)


def test_dedupe_streams_one_article_at_a_time(ruleset):
    records = batch(ruleset, "004")
    consumed = []

    def source():
        for r in records:
            consumed.append(r)
            yield r

    stream = Deduper().filter(source())
    first = next(stream)
    assert first.type == "article" and first.article == 0
    # Only the first article and the record that closed it have been read.
    assert consumed[-1].type == "article" and consumed[-1].article == 1


def test_one_person_named_with_two_wordings_of_the_office_is_one_official(ruleset):
    from factx.pipeline import Options, extract_text

    text = "呼和浩特市政协主席孙建华调研供热工作。孙建华主席强调,要保障群众温暖过冬。"
    officials = [r for r in extract_text(text, ruleset, options=Options(types={"official"}, articles=False))]
    assert len(officials) == 1
    assert (officials[0].name, officials[0].title, officials[0].org) == ("孙建华", "主席", "呼和浩特市政协")


def test_an_official_first_named_by_a_seat_is_written_with_the_office_stated_later(ruleset):
    text = ("反映人:区政协委员　龚立平(农业和农村界)\n"
            "　　区政协委员、区水利局副局长龚立平反映:今年入夏以来,全区持续高温少雨。\n")
    officials = [r for r in extract_text(text, ruleset, options=Options(types={"official"}, articles=False))]
    assert [(o.name, o.title, o.org) for o in officials] == [("龚立平", "副局长", "区水利局")]
    seat = text.index("区政协委员　龚立平")
    assert officials[0].text == "区政协委员、区水利局副局长龚立平"
    assert [start for start, _ in officials[0].also_at] == [seat]


def test_an_official_named_by_an_office_first_keeps_it(ruleset):
    text = "区水利局副局长龚立平主持会议。会上,区政协委员龚立平介绍了情况。"
    officials = [r for r in extract_text(text, ruleset, options=Options(types={"official"}, articles=False))]
    assert [(o.name, o.title, o.org) for o in officials] == [("龚立平", "副局长", "区水利局")]
    assert len(officials[0].also_at) == 1 and officials[0].also_at[0][0] > officials[0].span[0]


def test_a_record_and_its_json_form_have_the_same_key(ruleset):
    records = [r for path in SAMPLES for r in extract_text(path.read_text(encoding="utf-8"), ruleset, options=Options(articles=False))]
    assert {r.type for r in records} == {"event", "count", "official", "regulation"}
    assert [fact_key(r) for r in records] == [fact_key(r.model_dump(mode="json")) for r in records]
