"""The name reader (factx.values.names): where a person's name next to an office starts and ends."""

from __future__ import annotations

import doctest

import pytest

from factx.values import names
from factx.values.names import (
    NAME, NO, WORD, NameLexicons, plausibility, read_name, read_name_before, read_name_list, read_names, read_names_before,
)


@pytest.fixture(scope="module")
def lex(ruleset):
    return NameLexicons.of(ruleset)


def test_the_docstring_examples_hold():
    assert doctest.testmod(names).failed == 0


@pytest.mark.parametrize(("text", "name"), [
    ("孙建华调研呼鲁源煤散烧整治工作", "孙建华"),      # a verb of two characters ends it
    ("李俊峰在会道旗村视察", "李俊峰"),                # jieba: 李俊|峰
    ("田海峰说", "田海峰"),                            # jieba: 田|海峰
    ("云奎赴铜铁路办事处", "云奎"),
    ("回力对春季防火工作开展调研", "回力"),            # 回力 is also a brand name
    ("乌兰巴特尔在会上强调", "乌兰巴特尔"),            # a Mongolian name of two parts
    ("欧阳明高出席活动", "欧阳明高"),                  # a compound surname
    ("欧阳振华、李明出席", "欧阳振华"),                # jieba: 欧阳|振|华; the longer given name first
    ("司马光在会上讲话", "司马光"),                    # 司马光在 is no name: 在 is a preposition
    ("欧阳修说", "欧阳修"),
    ("艾力江·吐尔洪主持会议", "艾力江·吐尔洪"),        # dotted: a common verb ends the last part
    ("艾力江·吐尔洪说", "艾力江·吐尔洪"),              # dotted: an after_name word ends it
    ("沙吾提·阿不都热合曼说", "沙吾提·阿不都热合曼"),  # jieba reads 热合 as a (rare) verb
    ("阿依努尔·买买提、周建军", "阿依努尔·买买提"),
    ("岩坎主持会议", "岩坎"),                          # a Dai name: 岩 opens it like a surname
    ("刀国明说,今年", "刀国明"),                       # jieba: 刀国|明说; the name takes 明 back
    ("张三听说后", "张三"),                            # 听说 is common, 张三 a known person
    ("李明听说", "李明"),
    ("周海涛列席会议", "周海涛"),                      # jieba tags 列席 a noun; after_name lists it
    ("赵明感慨道", "赵明"),
    ("王建国。", "王建国"),                            # the clause ends
])
def test_a_name_ends_where_a_word_that_follows_names_begins(lex, text, name):
    assert text[:read_name(text, 0, lex)] == name


@pytest.mark.parametrize("text", [
    "高度重视此项工作",       # not_names
    "满意率为99.5%",          # a common word
    "会议通过后报市委",
    "宣传部部长",             # ends like a body
])
def test_words_that_follow_a_title_are_no_names(lex, text):
    assert read_name(text, 0, lex) is None


@pytest.mark.parametrize("text", [
    "·买买提参加",                 # no part before the dot
    "书记·村委会主任",             # a dot between offices: a common word is no given name
])
def test_a_middle_dot_alone_makes_no_name(lex, text):
    assert read_name(text, 0, lex) is None


def test_a_surname_that_is_a_function_word_counts_only_in_an_exact_list(lex):
    assert read_name_list("和静", 0, 2, lex) == [(0, 2)]  # 任命和静为…
    assert plausibility("和静", lex) == NO                  # 和|静: read forward, 和 joins


def test_dotted_and_compound_names_are_plausible(lex):
    assert plausibility("艾力江·吐尔洪", lex) == NAME
    assert plausibility("书记·村委会主任", lex) == NO
    assert read_name_list("书记·村委会主任", 0, 8, lex) == []
    assert plausibility("司徒振邦", lex) == NAME
    assert plausibility("司徒在", lex) == NO  # after a compound surname, no function word: 司徒|在


def test_a_name_stops_at_the_limit(lex):
    assert read_name("孙建华调研", 0, lex, limit=2) == 2


def test_a_list_joined_by_enumeration_commas_gives_every_name(lex):
    text = "回力、高珍伟、郭炳胜等参加调研"
    assert [text[s:e] for s, e in read_names(text, 0, lex)] == ["回力", "高珍伟", "郭炳胜"]


def test_inside_a_list_a_name_runs_to_the_mark_over_a_last_adverb(lex):
    text = "党建华、贠志刚、惠文清出席"  # jieba: 贠|志|刚(d)
    assert [text[s:e] for s, e in read_names(text, 0, lex)] == ["党建华", "贠志刚", "惠文清"]


def test_a_slot_ends_on_an_adverb_only_where_a_mark_closes_it(lex):
    # ,王志刚当选为…: before a verb 刚 (jieba: 志|刚) may be "just"; before 、 only the name's
    assert (names.slot_name("王志刚", lex), names.slot_name("王志刚", lex, closed=True)) == (False, True)


def test_a_list_reads_a_surname_no_lexicon_lists_only_before_a_persons_given_name(lex):
    text = "王刚、淦晓东、佴丽君出席"  # 淦 and 佴 are in no lexicon; 晓东 and 丽君 are given names to jieba
    assert [text[s:e] for s, e in read_names(text, 0, lex)] == ["王刚", "淦晓东", "佴丽君"]
    text = "富建军、区工商联党组书记出席"  # 区 is a surname, but 工商 is no given name
    assert [text[s:e] for s, e in read_names(text, 0, lex)] == ["富建军"]


def test_a_list_stops_at_the_first_piece_that_is_no_name(lex):
    text = "回力、高度重视"
    assert read_names(text, 0, lex) == [(0, 2)]


@pytest.mark.parametrize(("text", "end", "name"), [
    ("紧紧围绕办好习近平总书记交给内蒙古的五大任务", 9, "习近平"),
    ("在全体会议上,张海军当选为主任委员", 10, "张海军"),
    ("会议选举产生领导班子,巴特尔当选为会长", 14, "巴特尔"),
])
def test_a_name_read_back_from_where_it_ends(lex, text, end, name):
    start = read_name_before(text, end, lex)
    assert text[start:end] == name


def test_no_name_is_read_back_from_a_word(lex):
    assert read_name_before("坚决维护党中央", 7, lex) is None


def test_a_list_read_back_gives_every_name_in_text_order(lex):
    text = "会上,王芳、刘丽当选为副主席"
    assert [text[s:e] for s, e in read_names_before(text, 8, lex)] == ["王芳", "刘丽"]


def test_a_list_read_back_skips_a_form_of_address(lex):
    text = "王芳同志、刘丽当选为副主席"
    assert [text[s:e] for s, e in read_names_before(text, 7, lex)] == ["王芳", "刘丽"]


def test_a_list_read_back_stops_at_its_floor(lex):
    text = "王芳、刘丽当选为副主席"
    assert read_names_before(text, 5, lex, floor=3) == [(3, 5)]


def test_an_exact_list_must_be_names_from_end_to_end(lex):
    assert read_name_list("李红、高建平", 0, 6, lex) == [(0, 2), (3, 6)]
    assert read_name_list("李红、优化营商环境", 0, 9, lex) == []


def test_an_exact_list_leaves_a_form_of_address_out_of_the_names(lex):
    assert read_name_list("王刚同志、刘丽同志", 0, 9, lex) == [(0, 2), (5, 7)]


@pytest.mark.parametrize(("name", "level"), [
    ("孙建华", NAME),
    ("郑浩", NAME),           # unknown to jieba: guessed, a name
    ("乌兰巴特尔", NAME),
    ("白云", WORD),           # a place name that is also a word: needs a clear end
    ("满意", NO),
    ("来自人民", NO),
    ("宣传部", NO),
    ("高度", NO),
])
def test_how_plausible_a_name_is(lex, name, level):
    assert plausibility(name, lex) == level


@pytest.mark.parametrize(("text", "start", "name"), [
    ("秘书长图布信出席会议", 3, "图布信"),        # jieba: 图布 nrt; 信 outside the parts' characters
    ("副主任吉格米德主持会议", 3, "吉格米德"),    # the parts' characters only, no common word in it
    ("党支部书记青格勒其说：", 5, "青格勒其"),    # 说 follows names: none of the name's
    ("县财政局局长禚立胜，", 6, "禚立胜"),        # a morpheme surname's last character before a comma
    ("党支部书记曲比尔布用彝语发言", 5, "曲比尔布"),  # a Yi clan's name and a given name
])
def test_names_no_jieba_word_holds(lex, text, start, name):
    end = read_name(text, start, lex, titled=True)
    assert end is not None and text[start:end] == name


@pytest.mark.parametrize(("text", "start"), [
    ("主任布置了下一步工作", 2),
    ("委员全年参加界别活动", 2),
])
def test_words_after_a_title_are_no_name(lex, text, start):
    assert read_name(text, start, lex, titled=True) is None
