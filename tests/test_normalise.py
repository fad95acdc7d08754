"""Tests for factx.normalise (folding with an offset map) and for folding as the pipeline sees it:
full-width forms, spaces and line breaks inside a sentence, CRLF pages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from conftest import SAMPLES
from factx.match import ArticleText
from factx.normalise import fold, fold_char, fold_text
from factx.pipeline import Options, extract_text
from factx.repeats import fact_key

# Text made of what pages hold: Han, ASCII, full-width forms, spaces and line breaks of every kind.
PAGE_CHARS = st.text(
    alphabet=st.sampled_from(list("呼和浩特市2023年9月21日,。、《》()（）：１２３，．％ＡＢａ\u3000 \t\r\n\u00a0\u2028\ufeff\u200b–−")),
    max_size=60,
)


@pytest.mark.parametrize("wide, narrow", [("１", "1"), ("９", "9"), ("Ａ", "A"), ("ｚ", "z"), ("，", ","), ("．", "."),
                                          ("（", "("), ("）", ")"), ("％", "%"), ("：", ":"), ("；", ";"), ("～", "~"),
                                          ("－", "-"), ("–", "-"), ("−", "-")])
def test_full_width_and_look_alike_forms_fold_to_ascii(wide, narrow):
    assert fold_char(wide) == narrow
    assert fold_text(wide) == narrow


def test_chinese_punctuation_outside_the_full_width_block_is_kept():
    assert fold_text("、。《》—“”年〇") == "、。《》—“”年〇"


@pytest.mark.parametrize("space", [" ", "\t", "\u3000", "\u00a0", "\r\n", "\n", "\r", "\u2028", "\u2029", "\x85",
                                   "\u200b", "\ufeff", "\u2009"])
def test_whitespace_inside_a_sentence_is_dropped_and_offsets_skip_it(space):
    original = f"2023年9{space}月21日"
    folded = fold(original)
    assert folded.text == "2023年9月21日"
    start, end = folded.span(5, len(folded.text))
    assert original[start:end] == f"9{space}月21日"


def test_full_width_number_folds_to_a_number_with_its_original_span():
    original = "承办１，１８３件次提案"
    folded = fold(original)
    assert folded.text == "承办1,183件次提案"
    assert original[slice(*folded.span(2, 9))] == "１，１８３件次"


def test_fold_of_a_slice_keeps_offsets_of_the_whole_text():
    original = "标题\n\n2023年 9月"
    folded = fold(original, 4)
    assert folded.text == "2023年9月"
    assert folded.origin[0] == 4 and folded.span(0, len(folded.text)) == (4, len(original))


def test_fold_of_nothing_maps_to_its_start():
    assert fold("ab  ", 2).text == "" and fold("ab  ", 2).span(0, 0) == (2, 2)


@given(PAGE_CHARS)
def test_fold_text_and_fold_agree(text):
    folded = fold(text)
    assert folded.text == fold_text(text)
    assert len(folded.origin) == len(folded.text) + 1


@given(PAGE_CHARS)
def test_every_folded_character_comes_from_its_origin(text):
    folded = fold(text)
    assert folded.origin == sorted(set(folded.origin))
    for ch, i in zip(folded.text, folded.origin):
        assert fold_char(text[i]) == ch


@given(PAGE_CHARS, PAGE_CHARS)
def test_article_text_folds_as_normalise_does(a, b):
    # match.ArticleText folds with its own copy of the tables (for speed): it must agree.
    text = a + "。" + b
    sentences = [(0, len(a) + 1), (len(a) + 1, len(text))]
    atext = ArticleText.build(text, sentences)
    expected = fold(text, *sentences[0]).text + "\n" + fold(text, *sentences[1]).text + "\n"
    assert atext.text == expected
    for i, ch in enumerate(atext.text):
        if ch != "\n":
            assert fold_char(text[atext.origin[i]]) == ch


# --- through the pipeline ---------------------------------------------------------

def facts(ruleset, text, **options):
    return [r for r in extract_text(text, ruleset, "doc.txt", Options(articles=False, **options))]


def test_a_full_width_number_with_a_full_width_comma_is_read_as_one_number(ruleset):
    text = "2023年,全市93家单位承办１，１８３件次提案,委员满意率为９９．５％。"
    got = {(r.value, r.unit): text[r.span[0]:r.span[1]] for r in facts(ruleset, text) if r.type == "count"}
    assert "１，１８３件次" in got[(1183, "件次")]  # the span may take in the phrase (承办…提案)
    assert "９９．５％" in got[(99.5, "%")]


@pytest.mark.parametrize("date", ["2023年9 月21日", "2023年9月 21日", "２０２３年９月２１日", "2023年\u30009月21日",
                                  "2023年9\n月21日", "2023年9\r\n月21日"])
def test_a_date_with_spaces_or_a_line_break_inside_still_matches(ruleset, date):
    text = f"{date},呼和浩特市政协组织委员赴武川县调研。"
    (event,) = [r for r in facts(ruleset, text) if r.type == "event"]
    assert event.date.start == "2023-09-21"
    assert text[event.span[0]:event.span[1]] == event.text and event.text.startswith(date)


def test_a_date_broken_across_two_lines_of_a_page_still_matches(ruleset):
    text = "标题\n\n——副题\n\n□张三\n\n据悉,2023年9\n月21日,呼和浩特市政协组织委员赴武川县调研。\n\n第二段。\n"
    (event,) = [r for r in facts(ruleset, text) if r.type == "event"]
    assert event.date.start == "2023-09-21" and "\n" in event.text


def _to_crlf(i: int, text: str) -> int:
    return i + text.count("\n", 0, i)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name[:3])
def test_a_crlf_copy_of_a_sample_gives_the_same_facts_at_its_own_offsets(ruleset, sample):
    text = sample.read_text(encoding="utf-8")
    crlf = text.replace("\n", "\r\n")
    plain, windows = facts(ruleset, text), facts(ruleset, crlf)
    assert [fact_key(r) for r in windows] == [fact_key(r) for r in plain]
    for a, b in zip(plain, windows):
        assert b.span == (_to_crlf(a.span[0], text), _to_crlf(a.span[1], text))
        assert crlf[b.span[0]:b.span[1]] == b.text
        assert b.text.replace("\r\n", "\n") == a.text and b.sentence.replace("\r\n", "\n") == a.sentence
        assert b.also_at == [(_to_crlf(s, text), _to_crlf(e, text)) for s, e in a.also_at]


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("市政协组织委员于2023年9月21日赴武川县调研,办理提案244件。１２３４，")), max_size=80))
def test_folding_never_moves_a_span_off_its_text(ruleset, text):
    for record in facts(ruleset, text):
        assert text[record.span[0]:record.span[1]] == record.text
