"""The words of a clause (factx.build.clauses): bounds, words, verbs and noun phrases."""

from __future__ import annotations

import doctest

import pytest

from factx.build import clauses
from factx.build.clauses import Word, join_unknown, split_glued_link
from factx.build.counts import reader_for
from factx.words import use_userdicts


@pytest.fixture(scope="module")
def grammar(ruleset):
    use_userdicts(ruleset.userdicts)
    return reader_for(ruleset).grammar


def words_of(grammar, text: str) -> list[Word]:
    return grammar.tokens(text, 0, len(text))


def texts(toks: list[Word]) -> list[str]:
    return [t.text for t in toks]


def piece(text: str, span) -> str | None:
    return text[span[0]:span[1]] if span else None


def test_the_docstring_examples_hold():
    assert doctest.testmod(clauses).failed == 0


# --- words ----------------------------------------------------------------------------------

def test_a_quote_is_one_word(grammar):
    assert texts(words_of(grammar, "召开“政协+法院”季度工作分析会")) == ["召开", "“政协+法院”", "季度", "工作", "分析", "会"]


def test_a_gloss_in_brackets_is_one_word(grammar):
    (*_, gloss) = words_of(grammar, "委员工作站(室)")
    assert (gloss.text, gloss.tag) == ("(室)", "paren")


def test_words_carry_sentence_offsets(grammar):
    s = "全年共受理信访件1,256件"
    assert [(t.text, t.start, t.end) for t in grammar.tokens(s, 3, 8)] == [("受理", 3, 5), ("信访件", 5, 8)]


def test_a_light_verb_glued_to_its_object_is_split_off(grammar):
    assert texts(words_of(grammar, "开展调研")) == ["开展", "调研"]


def test_a_verb_of_the_lexicons_cut_in_two_is_joined(grammar):
    assert [(t.text, t.tag) for t in words_of(grammar, "制定修改")] == [("制定修改", "v")]


def test_a_run_of_single_characters_is_one_unknown_word():
    run = [Word("市", "n", 0, 1), Word("卫", "n", 1, 2), Word("健", "a", 2, 3), Word("委", "zg", 3, 4), Word("培训", "vn", 4, 6)]
    assert [(t.text, t.tag, t.start, t.end) for t in join_unknown(run)] == [("市卫健委", "n", 0, 4), ("培训", "vn", 4, 6)]


def test_function_characters_stay_apart_from_an_unknown_word():
    run = [Word("的", "uj", 0, 1), Word("绿", "a", 1, 2), Word("道", "q", 2, 3)]
    assert texts(join_unknown(run)) == ["的", "绿道"]


def test_a_verb_before_a_measure_noun_is_part_of_the_noun(grammar):
    assert texts(grammar.join_measure_nouns(words_of(grammar, "点击量"))) == ["点击量"]


def test_a_link_glued_to_a_measure_noun_is_split_off(grammar):
    assert texts(split_glued_link(words_of(grammar, "纠错率为"))) == ["纠错", "率", "为"]


def test_a_word_tagged_vn_is_a_noun_and_a_verb_of_the_lexicons_is_not(grammar):
    assert (grammar.is_noun(Word("调研", "vn", 0, 2)), grammar.is_verb(Word("调研", "vn", 0, 2))) == (True, False)
    assert (grammar.is_noun(Word("办理", "vn", 0, 2)), grammar.is_verb(Word("办理", "vn", 0, 2))) == (False, True)


# --- the verb and the noun phrase -------------------------------------------------------------

def test_framing_words_open_no_phrase(grammar):
    assert texts(grammar.strip_framing(words_of(grammar, "全年共受理信访件"))) == ["受理", "信访件"]


def test_the_governing_verb_comes_after_a_coverb_phrase(grammar):
    toks = words_of(grammar, "向自治区政协报送社情民意信息")
    assert toks[grammar.governing_verb(toks)].text == "报送"
    assert toks[grammar.coverb_phrase_end(toks, 1)].text == "报送"


def test_past_a_pivot_the_next_verb_governs(grammar):
    toks = words_of(grammar, "推动市卫健委培训基层医务人员")
    assert toks[grammar.governing_verb(toks)].text == "培训"


def test_words_tagged_verbs_inside_a_noun_phrase_do_not_govern(grammar):
    assert grammar.governing_verb(words_of(grammar, "一般公共预算收入")) is None


def test_the_final_verb_is_the_last_of_the_lexicons(grammar):
    s = "成功化解涉"
    assert piece(s, grammar.final_verb(words_of(grammar, s))) == "化解"


def test_the_noun_phrase_follows_a_number(grammar):
    s = "年满60周岁以上老人"
    assert piece(s, grammar.noun_phrase(words_of(grammar, s))) == "老人"


def test_a_copula_ends_the_noun_phrase_of_a_relative_clause(grammar):
    assert texts(grammar.split_copula(words_of(grammar, "补贴标准为销售价格的"))) == ["补贴", "标准"]


def test_a_noun_phrase_continues_to_the_verb(grammar):
    toks = words_of(grammar, "各级人大代表参加")
    assert [grammar.continues_noun_phrase(toks, j, 0) for j in range(len(toks))] == [True, True, False]


def test_the_verb_after_a_subject(grammar):
    s = "民生实事得到有效解决"
    assert piece(s, grammar.verb_after(words_of(grammar, s), 1)) == "得到"


def test_past_bei_the_verb_after_a_subject_is_the_last_one(grammar):
    s = "建议被市自然资源局等部门答复落实"
    assert piece(s, grammar.verb_after(words_of(grammar, s), 1)) == "答复落实"
