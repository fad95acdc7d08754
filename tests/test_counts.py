"""Counts through the whole pipeline (FACTS.md `count`): exact records, one behaviour a test."""

from __future__ import annotations

import pytest

import factx
from factx.build import counts as count_builder
from factx.pipeline import Options, extract_text
from factx.rules import load_rules

FIELDS = ("value", "value_max", "unit", "change", "item", "action", "approx", "text")


def counts(ruleset, text: str) -> list:
    return list(extract_text(text, ruleset, "doc.txt", Options(types={"count"}, articles=False)))


def row(record) -> dict:
    return {name: getattr(record, name) for name in FIELDS}


def C(value, unit, item=None, action=None, text=None, approx=None, change=None, value_max=None) -> dict:
    return {"value": value, "value_max": value_max, "unit": unit, "change": change, "item": item,
            "action": action, "approx": approx, "text": text}


# --- the shapes of a count ------------------------------------------------------------

def test_verb_item_number_gives_the_whole_record(ruleset):
    text = "一年来,办理代表议案建议244件。"
    (r,) = counts(ruleset, text)
    assert row(r) == C(244, "件", "代表议案建议", "办理", "办理代表议案建议244件")
    assert (r.doc, r.article, r.rule, r.sentence) == ("doc.txt", 0, "count.number_unit", text)
    assert text[r.span[0]:r.span[1]] == r.text


def test_a_list_sharing_one_verb_gives_one_record_per_number(ruleset):
    rows = [row(r) for r in counts(ruleset, "开展执法检查4次、专题调研53次。")]
    assert rows == [
        C(4, "次", "执法检查", "开展", "开展执法检查4次"),
        C(53, "次", "专题调研", "开展", "专题调研53次"),
    ]


def test_a_list_of_counts_with_nouns_after_the_units_shares_the_verb(ruleset):
    rows = [row(r) for r in counts(ruleset, "惠及周边7个小区、12个商铺。")]
    assert rows == [
        C(7, "个", "小区", "惠及", "惠及周边7个小区"),
        C(12, "个", "商铺", "惠及", "12个商铺"),
    ]


def test_the_noun_after_the_unit_is_the_item(ruleset):
    assert [row(r) for r in counts(ruleset, "全市成功打造259个委员工作站(室)。")] == [
        C(259, "个", "委员工作站(室)", "打造", "打造259个委员工作站(室)"),
    ]


def test_a_count_as_subject_takes_the_verb_after_it(ruleset):
    assert [row(r) for r in counts(ruleset, "40多件民生实事得到有效解决。")] == [
        C(40, "件", "民生实事", "得到", "40多件民生实事得到", approx="over"),
    ]


def test_a_passive_count_takes_the_last_verb(ruleset):
    assert [row(r) for r in counts(ruleset, "其中9条建议被市自然资源局等部门答复落实。")] == [
        C(9, "条", "建议", "答复落实", "9条建议被市自然资源局等部门答复落实"),
    ]


def test_two_counts_in_a_row_describe_the_same_people(ruleset):
    rows = [row(r) for r in counts(ruleset, "更点亮了附近447户1100多名居民的心。")]
    assert rows == [
        C(447, "户", "居民", "点亮", "点亮了附近447户"),
        C(1100, "名", "居民", "点亮", "1100多名居民", approx="over"),
    ]


def test_a_rate_is_the_item_and_has_no_action(ruleset):
    assert [row(r) for r in counts(ruleset, "委员满意率为99.5%。")] == [
        C(99.5, "%", "委员满意率", None, "委员满意率为99.5%"),
    ]


def test_a_clause_describing_the_item_gives_no_action(ruleset):
    assert [row(r) for r in counts(ruleset, "涉及垃圾分类的7件提案,分别提出了建议。")] == [
        C(7, "件", "提案", None, "7件提案"),
    ]


def test_a_bare_verb_after_a_count_in_the_same_unit_counts_the_same_thing(ruleset):
    rows = [row(r) for r in counts(ruleset, "本届以来,共制定法规7件,修改15件,废止7件。")]
    assert rows == [
        C(7, "件", "法规", "制定", "制定法规7件"),
        C(15, "件", "法规", "修改", "修改15件"),
        C(7, "件", "法规", "废止", "废止7件"),
    ]
    rows = [row(r) for r in counts(ruleset, "会议应到委员35人,实到33人,符合法定人数。")]
    assert rows == [C(35, "人", "委员", "应到", "应到委员35人"), C(33, "人", "委员", "实到", "实到33人")]


def test_a_bare_verb_alone_or_after_another_unit_is_the_counted_act(ruleset):
    assert [row(r) for r in counts(ruleset, "全年修改15件。")] == [C(15, "件", "修改", "修改", "修改15件")]
    rows = [row(r) for r in counts(ruleset, "开展调研4次,修改15件。")]
    assert rows[1] == C(15, "件", "修改", "修改", "修改15件")


def test_examples_before_deng_are_not_the_item(ruleset):
    assert [row(r) for r in counts(ruleset, "覆盖冰箱、洗衣机、电视等6类家电。")] == [
        C(6, "类", "家电", "覆盖", "覆盖冰箱、洗衣机、电视等6类家电"),
    ]


def test_coordinated_items_share_the_verb_of_the_first(ruleset):
    assert [row(r) for r in counts(ruleset, "进行实地爱国教育、廉政教育、警示教育9人次。")] == [
        C(9, "人次", "实地爱国教育、廉政教育、警示教育", "进行", "进行实地爱国教育、廉政教育、警示教育9人次"),
    ]


# --- approximation and change -----------------------------------------------------------

@pytest.mark.parametrize(("text", "approx"), [
    ("单件销售价格不超过6000元。", "at_most"),
    ("家电产品单件补贴最高1500元。", "at_most"),
    ("吸引140余位单身青年。", "over"),
    ("近20项制度。", "about"),
    ("组建志愿服务队30个左右。", "about"),
    ("报名人数达100人以上。", "over"),
    ("至少5人。", "at_least"),
    ("累计捐款捐物共计达2500余万元。", "over"),
    ("点亮了附近447户居民。", None),  # 附近 is a word: its 近 is not "about"
    ("满意度高达95%。", None),  # 高达 stresses a number, it does not round it
])
def test_approx(ruleset, text, approx):
    (r,) = counts(ruleset, text)
    assert r.approx == approx


def test_a_change_is_read_with_what_changed(ruleset):
    assert [row(r) for r in counts(ruleset, "全年发文数量同比减少21%。")] == [
        C(21, "%", "发文数量", "减少", "发文数量同比减少21%", change="decrease"),
    ]


def test_a_change_after_a_count_changes_that_count(ruleset):
    rows = [row(r) for r in counts(ruleset, "完成固定资产投资1200亿元,增长8%。")]
    assert rows == [
        C(120000000000, "元", "固定资产投资", "完成", "完成固定资产投资1200亿元"),
        C(8, "%", "固定资产投资", "增长", "增长8%", change="increase"),
    ]


def test_a_level_reached_is_not_a_change(ruleset):
    (r,) = counts(ruleset, "森林覆盖率提高到23.5%。")
    assert (r.change, r.item, r.value) == (None, "森林覆盖率", 23.5)


def test_percentage_points(ruleset):
    (r,) = counts(ruleset, "城镇化率提高0.8个百分点。")
    assert (r.value, r.unit, r.change, r.item) == (0.8, "百分点", "increase", "城镇化率")


# --- numbers ------------------------------------------------------------------------------

def test_a_full_width_number_maps_back_to_the_original(ruleset):
    text = "2023年,全市93家单位承办１，１８３件次提案。"
    rows = {r.value: r for r in counts(ruleset, text)}
    assert rows[1183].text == "承办１，１８３件次提案"
    assert text[rows[1183].span[0]:rows[1183].span[1]] == rows[1183].text
    assert (rows[1183].unit, rows[1183].item, rows[93].item) == ("件次", "提案", "单位")


def test_a_range_gives_low_value_and_value_max(ruleset):
    (r,) = counts(ruleset, "开展安全生产检查3至5次。")
    assert (r.value, r.value_max, r.unit) == (3, 5, "次")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("依法任免国家机关工作人员83人(次)。", 83, "人次"),
    ("依法任免国家机关工作人员83人（次）。", 83, "人次"),
    ("培训干部5000人次。", 5000, "人次"),
    ("承办提案1183件次。", 1183, "件次"),
    ("接待游客1,520.6万人次。", 15206000, "人次"),
    ("实际利用外资5.6亿美元。", 560000000, "美元"),
    ("完成投资1.2万亿元。", 1200000000000, "元"),
    ("新增装机容量30万千瓦。", 300000, "千瓦"),
    ("共接待群众一百二十三人。", 123, "人"),
    ("办理群众来信两千余件。", 2000, "件"),
    ("参保率提高百分之十五。", 15, "%"),
    ("总点击量达69万+。", 690000, None),
])
def test_value_and_unit(ruleset, text, value, unit):
    (r,) = counts(ruleset, text)
    assert (r.value, r.unit) == (value, unit)
    assert type(r.value) is type(value)


# --- not counts -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "2023年9月21日,市政协组织委员调研。",  # date
    "每日8时30分至23时59分开放。",  # clock time
    "提案征集工作提前2个月开始。",  # duration
    "82岁老人李福。",  # age
    "居全国第7位。",  # ordinal
    "排名全国前10名。",  # rank
    "第1、2、3批试点单位。",  # ordinal list
    "呼和浩特市政协十四届五次会议召开。",  # session
    "十五届人大常委会二十三次会议审议通过。",  # session
    "编印1号议案督办工作资料汇编。",  # numbered name
    "市政协构建“1+4+N”目标任务体系。",  # slogan
    "落实“3个清单”制度。",  # quoted slogan starting with its number
    "做到“两个维护”,打好三大攻坚战。",  # slogans in Chinese numerals
    "印发《关于加强10项工作的意见》。",  # a number inside a title
    "联系电话:0471-6961234。",  # phone
    "身份证号码150102199001011234。",  # ID
    "3部门联合印发通知。",  # 部门 is not 部 + 门
])
def test_not_a_count(ruleset, text):
    assert counts(ruleset, text) == []


# --- API and rule packs ---------------------------------------------------------------------

def test_parse_quantity_is_the_public_api():
    q = factx.parse_quantity("约2500余万元")
    assert (q.value, q.unit, q.approx) == (25000000, "元", "about")


def test_a_rule_may_capture_item_and_action_itself(tmp_path):
    (tmp_path / "my.toml").write_text(
        "[[rule]]\n"
        'id = "count.my_budget"\n'
        'type = "count"\n'
        "priority = 20\n"
        "pattern = '''(?P<item>预算)(?P<action>安排)(?P<quantity>{NUMBER_UNIT})'''\n",
        encoding="utf-8",
    )
    (r,) = counts(load_rules([tmp_path]), "预算安排300万元。")
    assert (r.rule, r.item, r.action, r.value, r.unit) == ("count.my_budget", "预算", "安排", 3000000, "元")


# --- memory -----------------------------------------------------------------------------------

def test_the_reader_forgets_readings_past_its_memo_size_and_reads_the_same(ruleset, monkeypatch):
    text = "开展执法检查4次、专题调研53次。本届以来,共制定法规7件,修改15件,废止7件。分别增长5.1%和6.3%。"
    expected = [row(r) for r in counts(ruleset, text)]
    monkeypatch.setattr(count_builder, "_READERS", {})  # a new reader, with nothing read yet
    monkeypatch.setattr(count_builder, "_MEMO_SIZE", 2)
    assert [row(r) for r in counts(ruleset, text)] == expected
    assert len(count_builder.reader_for(ruleset)._readings) <= 3  # 2, and a count's reading of the one before it


def test_a_comparison_before_a_change_is_no_part_of_the_item(ruleset):
    # 较上届 (上届 is tagged j, no time word) and 同比 (it ends like a measure noun: 比)
    assert [row(r)["item"] for r in counts(ruleset, "群众满意率较上届提高3个百分点。")] == ["群众满意率"]
    assert [row(r)["item"] for r in counts(ruleset, "全市营业收入同比增长15%。")] == ["营业收入"]


def test_after_bei_stands_who_acted_not_what_is_counted(ruleset):
    rows = [row(r) for r in counts(ruleset, "报送社情民意信息612篇,其中被省政协采用87篇。")]
    assert rows[1] == C(87, "篇", "社情民意信息", "采用", "采用87篇")
