"""Officials (FACTS.md `official`): name, office and body; several offices, several names; who is not one."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from factx.cli import app
from factx.pipeline import Options, extract_text
from factx.rules import load_rules

FIELDS = {"span", "text", "name", "title", "titles", "org", "rule"}


def officials(text: str, ruleset) -> list[dict]:
    records = extract_text(text, ruleset, options=Options(types={"official"}, articles=False))
    return [r.model_dump(include=FIELDS) for r in records]


def holders(text: str, ruleset) -> list[tuple[str, str | None, str | None]]:
    """(name, title, org) of each official found in `text`."""
    return [(r["name"], r["title"], r["org"]) for r in officials(text, ruleset)]


def test_body_title_and_name_with_the_name_cut_before_the_verb(ruleset):
    text = "2020年9月1日,呼和浩特市政协主席孙建华调研呼鲁源煤散烧整治工作。"
    assert officials(text, ruleset) == [{
        "span": (10, 22), "text": "呼和浩特市政协主席孙建华", "rule": "official.title_name",
        "name": "孙建华", "title": "主席", "titles": [], "org": "呼和浩特市政协",
    }]


@pytest.mark.parametrize(("text", "name"), [
    ("呼和浩特市十五届人大常委会主任李俊峰在会道旗村视察。", "李俊峰"),   # jieba: 李俊|峰
    ("昭乌达路街道党工委副书记田海峰说。", "田海峰"),                      # jieba: 田|海峰
    ("呼和浩特市政协副主席云奎赴铜铁路办事处进行调研督导。", "云奎"),
    ("阳光社区党委书记刘伟的脚步愈发匆忙。", "刘伟"),
    ("市政协副主席回力对春季防火工作开展调研。", "回力"),                # 回力 is also a brand name
    ("锡林郭勒盟人大常委会主任乌兰巴特尔在会上强调。", "乌兰巴特尔"),
    ("市委常委、常务副市长欧阳明高出席活动。", "欧阳明高"),
])
def test_the_name_ends_where_a_word_that_follows_names_begins(ruleset, text, name):
    assert [r["name"] for r in officials(text, ruleset)] == [name]


@pytest.mark.parametrize(("text", "official"), [
    ("县检察院检察长王建军介绍情况。", ("王建军", "检察长", "县检察院")),
    ("区水务局局长刘志强说。", ("刘志强", "局长", "区水务局")),
    ("旗人民检察院副检察长其木格出席。", ("其木格", "副检察长", "旗人民检察院")),
    ("市中级人民法院院长张宏伟主持会议。", ("张宏伟", "院长", "市中级人民法院")),
    ("自治区教育厅厅长王军调研。", ("王军", "厅长", "自治区教育厅")),
    ("盟行署副盟长张岩出席。", ("张岩", "副盟长", "盟行署")),
    ("会议由市委办副主任王建军主持。", ("王建军", "副主任", "市委办")),          # jieba: 市委|办(v)
    ("出席会议的有区水务局局长李明。", ("李明", "局长", "区水务局")),            # jieba: 有区|水务局
    ("出席会议的有旗人民检察院检察长乌兰。", ("乌兰", "检察长", "旗人民检察院")),  # jieba: 有旗|人民检察院
])
def test_a_body_closed_by_an_institution_word_before_its_title(ruleset, text, official):
    assert holders(text, ruleset) == [official]


def test_a_body_and_a_title_that_starts_with_its_last_character(ruleset):
    assert officials("区水务局局长刘志强说。", ruleset) == [{
        "span": (0, 9), "text": "区水务局局长刘志强", "rule": "official.title_name",
        "name": "刘志强", "title": "局长", "titles": [], "org": "区水务局",
    }]


@pytest.mark.parametrize(("text", "official"), [
    ("民进兰江市委会主委王立新出席会议。", ("王立新", "主委", "民进兰江市委会")),
    ("农工党市委会副主委李红霞发言。", ("李红霞", "副主委", "农工党市委会")),
    ("宝日希勒苏木苏木达巴图介绍情况。", ("巴图", "苏木达", "宝日希勒苏木")),
    ("阿拉坦嘎查嘎查达朝鲁说。", ("朝鲁", "嘎查达", "阿拉坦嘎查")),          # 嘎查达 is no 嘎查 + 达
    ("新营子嘎查委员会主任孟根说。", ("孟根", "主任", "新营子嘎查委员会")),
    ("新营子嘎查党支部书记巴特尔介绍。", ("巴特尔", "党支部书记", "新营子嘎查")),
    ("县人民法院审判员李娜主审此案。", ("李娜", "审判员", "县人民法院")),
    ("旗人民检察院检察员乌力吉出庭支持公诉。", ("乌力吉", "检察员", "旗人民检察院")),
    ("交警大队大队长周伟带队。", ("周伟", "大队长", "交警大队")),
    ("消防救援支队支队长吴军检查。", ("吴军", "支队长", "消防救援支队")),
    ("武警支队副政委李斌出席。", ("李斌", "副政委", "武警支队")),
    ("市纪委监委二级巡视员高明参加。", ("高明", "二级巡视员", "市纪委监委")),
    ("市政协专职副主席刘建军出席。", ("刘建军", "专职副主席", "市政协")),
    ("市科协理事长张强出席。", ("张强", "理事长", "市科协")),
    ("派出所所长王刚介绍。", ("王刚", "所长", "派出所")),
    ("农技站站长郭强说。", ("郭强", "站长", "农技站")),
])
def test_offices_of_parties_banners_courts_and_units(ruleset, text, official):
    assert holders(text, ruleset) == [official]


def test_a_mongolian_office_gives_the_whole_record(ruleset):
    assert officials("宝日希勒苏木苏木达巴图介绍情况。", ruleset) == [{
        "span": (0, 11), "text": "宝日希勒苏木苏木达巴图", "rule": "official.title_name",
        "name": "巴图", "title": "苏木达", "titles": [], "org": "宝日希勒苏木",
    }]


def test_several_offices_of_one_person_give_titles_and_the_main_office(ruleset):
    text = "曙光街社区书记、委员工作站召集人赵明感慨道。"
    assert officials(text, ruleset) == [{
        "span": (0, 18), "text": "曙光街社区书记、委员工作站召集人赵明", "rule": "official.title_name",
        "name": "赵明", "title": "书记", "titles": ["曙光街社区书记", "委员工作站召集人"], "org": "曙光街社区",
    }]


def test_the_main_office_is_the_one_next_to_the_name(ruleset):
    text = "赛罕区政协委员工作站召集人、昭乌达路街道党工委副书记田海峰说。"
    (record,) = officials(text, ruleset)
    assert (record["title"], record["org"], record["titles"]) == (
        "党工委副书记", "昭乌达路街道", ["赛罕区政协委员工作站召集人", "昭乌达路街道党工委副书记"])


def test_a_title_that_names_its_own_body_takes_none_from_the_office_before(ruleset):
    assert officials("县委副书记、县长杨洪出席。", ruleset) == [{
        "span": (0, 10), "text": "县委副书记、县长杨洪", "rule": "official.title_name",
        "name": "杨洪", "title": "县长", "titles": ["县委副书记", "县长"], "org": None,
    }]


@pytest.mark.parametrize(("text", "official"), [
    ("市委常委、秘书长刘勇参加。", ("刘勇", "秘书长", "市委")),                  # 常委 is auxiliary, 秘书长 takes its body
    ("市公安局党委副书记、常务副局长马骏带队检查。", ("马骏", "常务副局长", "市公安局")),
    ("党组书记、主任王志强出席。", ("王志强", "主任", None)),                    # no body written at all
    ("市委宣传部副部长、市文明办主任王敏出席。", ("王敏", "主任", "市文明办")),  # its own body
    ("市政协常委、民进兰江市委会主委张国庆主持。", ("张国庆", "主委", "民进兰江市委会")),
    ("市委常委、常务副市长欧阳明高出席活动。", ("欧阳明高", "常务副市长", None)),
])
def test_several_offices_give_the_office_next_to_the_name_and_its_body(ruleset, text, official):
    assert holders(text, ruleset) == [official]


def test_several_names_after_one_title_give_one_record_each(ruleset):
    text = "市政协副主席回力、高珍伟、郭炳胜等参加调研。"
    assert officials(text, ruleset) == [
        {"span": (0, 8), "text": "市政协副主席回力", "rule": "official.title_name",
         "name": "回力", "title": "副主席", "titles": [], "org": "市政协"},
        {"span": (0, 12), "text": "市政协副主席回力、高珍伟", "rule": "official.title_name",
         "name": "高珍伟", "title": "副主席", "titles": [], "org": "市政协"},
        {"span": (0, 16), "text": "市政协副主席回力、高珍伟、郭炳胜", "rule": "official.title_name",
         "name": "郭炳胜", "title": "副主席", "titles": [], "org": "市政协"},
    ]


def test_an_office_after_another_official_takes_that_officials_body(ruleset):
    text = "包头市政协主席张志强、副主席王秀兰出席会议。"
    assert holders(text, ruleset) == [
        ("张志强", "主席", "包头市政协"), ("王秀兰", "副主席", "包头市政协")]


def test_a_body_is_shared_along_a_list_of_officials(ruleset):
    text = "市人大常委会副主任王建国、李红梅,秘书长赵志刚出席会议。"
    assert officials(text, ruleset) == [
        {"span": (0, 12), "text": "市人大常委会副主任王建国", "rule": "official.title_name",
         "name": "王建国", "title": "副主任", "titles": [], "org": "市人大常委会"},
        {"span": (0, 16), "text": "市人大常委会副主任王建国、李红梅", "rule": "official.title_name",
         "name": "李红梅", "title": "副主任", "titles": [], "org": "市人大常委会"},
        {"span": (17, 23), "text": "秘书长赵志刚", "rule": "official.title_name",
         "name": "赵志刚", "title": "秘书长", "titles": [], "org": "市人大常委会"},
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("区政协主席张志强、副主席王秀兰、刘海,秘书长郭宏出席。",
     [("张志强", "主席", "区政协"), ("王秀兰", "副主席", "区政协"), ("刘海", "副主席", "区政协"), ("郭宏", "秘书长", "区政协")]),
    ("市政协主席孙建华,副主席回力出席。", [("孙建华", "主席", "市政协"), ("回力", "副主席", "市政协")]),
    ("市委书记张三,市长李四出席。", [("张三", "书记", "市委"), ("李四", "市长", None)]),      # 市长 says its own body
    ("出席会议的有:主任张海军,副主任李强、王磊,秘书长刘峰。",
     [("张海军", "主任", None), ("李强", "副主任", None), ("王磊", "副主任", None), ("刘峰", "秘书长", None)]),
    ("秘书长刘勇参加。", [("刘勇", "秘书长", None)]),
    ("市人大常委会主任张海军主持会议,秘书长刘勇作说明。",                               # a clause between
     [("张海军", "主任", "市人大常委会"), ("刘勇", "秘书长", "市人大常委会")]),
    ("市人大常委会主任张海军主持召开主任会议,副主任李强出席。",                          # 主任会议 names no one
     [("张海军", "主任", "市人大常委会"), ("李强", "副主任", "市人大常委会")]),
    ("市政协主席孙建华出席会议。秘书长刘勇主持。", [("孙建华", "主席", "市政协"), ("刘勇", "秘书长", None)]),  # another sentence
    ("出席会议的有:市政协副主席王芳、刘海;秘书长刘勇;副秘书长张敏。",                    # ; joins a list's sentences
     [("王芳", "副主席", "市政协"), ("刘海", "副主席", "市政协"), ("刘勇", "秘书长", "市政协"), ("张敏", "副秘书长", "市政协")]),
])
def test_an_office_without_a_body_takes_that_of_the_official_before_it(ruleset, text, expected):
    assert holders(text, ruleset) == expected


def test_a_body_is_shared_along_a_long_list(ruleset):
    names = ["王刚", "李明", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄勇", "周敏", "吴昊", "徐峰", "孙浩"]
    text = "市政协主席孙建华," + ",".join("副主席" + name for name in names) + "出席。"
    assert holders(text, ruleset) == [("孙建华", "主席", "市政协")] + [(name, "副主席", "市政协") for name in names]


def test_a_name_before_a_title_of_address(ruleset):
    text = "紧紧围绕办好习近平总书记交给内蒙古的五大任务。"
    assert officials(text, ruleset) == [{
        "span": (6, 12), "text": "习近平总书记", "rule": "official.name_title",
        "name": "习近平", "title": "总书记", "titles": [], "org": None,
    }]


def test_an_office_taken_after_the_name(ruleset):
    text = "在随后举行的全体会议上,张海军当选为市人大常委会主任委员。会议决定任命李红、高建平为市政府副秘书长。"
    assert [(r["name"], r["title"], r["org"], r["rule"]) for r in officials(text, ruleset)] == [
        ("张海军", "主任委员", "市人大常委会", "official.elected_as"),
        ("李红", "副秘书长", "市政府", "official.appointed"),
        ("高建平", "副秘书长", "市政府", "official.appointed"),
    ]


def test_an_appointment_gives_the_office_after_the_name_with_its_body(ruleset):
    assert officials("会议决定任命王刚同志为县教育局局长。", ruleset) == [{
        "span": (6, 17), "text": "王刚同志为县教育局局长", "rule": "official.appointed",
        "name": "王刚", "title": "局长", "titles": [], "org": "县教育局",
    }]


@pytest.mark.parametrize(("text", "expected"), [
    ("会议任命王刚为县教育局局长。", [("王刚", "局长", "县教育局")]),
    ("会议决定任命王刚为县教育局局长,李明为县财政局局长。", [("王刚", "局长", "县教育局"), ("李明", "局长", "县财政局")]),
    ("会议任命王刚同志、刘丽同志为县教育局副局长。", [("王刚", "副局长", "县教育局"), ("刘丽", "副局长", "县教育局")]),
    ("任命张伟为市人民检察院副检察长。", [("张伟", "副检察长", "市人民检察院")]),
    ("王刚任县教育局局长。", [("王刚", "局长", "县教育局")]),
    ("王刚同志现任旗人民检察院副检察长。", [("王刚", "副检察长", "旗人民检察院")]),
    ("王刚被任命为县教育局局长。", [("王刚", "局长", "县教育局")]),
    ("经表决,刘明当选为民进兰江市委会主委。", [("刘明", "主委", "民进兰江市委会")]),
    ("刘建国当选为主席,王芳、刘丽当选为市政协副主席。",
     [("刘建国", "主席", None), ("王芳", "副主席", "市政协"), ("刘丽", "副主席", "市政协")]),
])
def test_offices_taken_after_the_name(ruleset, text, expected):
    assert holders(text, ruleset) == expected


@pytest.mark.parametrize("text", [
    "王刚任务繁重。",
    "落实主体责任县委书记带头。",
    "会议选举产生新一届委员会,大家为全市发展建言献策。",
    "任命书已下发,张三为此感到高兴。",
])
def test_words_like_appointments_give_no_official(ruleset, text):
    assert officials(text, ruleset) == []


@pytest.mark.parametrize("text", [
    "■本报记者 王劲凯 摄",
    "本报记者刘沙沙报道。",
    "当日上午,刘伟和社区网格员一同前往82岁老人李福家中看望。",
    "“孩子愿意来,我们家长也放心。”骆惠惠的妈妈郭文娟说。",
    "人大代表来自人民、植根人民。",
    "努力做到让代表满意、人民群众受益。",
    "第一召集人由界别履职党小组组长担任。",
    "深入学习贯彻总书记关于民族工作的重要论述。",
    "每一位政协委员都成为团结的因子。",
    "2023年,全市93家单位承办1183件次提案,委员满意率为99.5%。",
    "张三代表江苏省发言。",
    "委员张口就来。",
    "全旗各嘎查达到标准化建设要求。",
    "支队长期坚持开展训练。",
    "人民陪审员制度不断完善。",
])
def test_journalists_private_persons_and_words_after_titles_are_no_officials(ruleset, text):
    assert officials(text, ruleset) == []


@pytest.fixture()
def pack_with_a_new_title(tmp_path):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "titles.txt").write_text("# an office of this user\n督查专员\n", encoding="utf-8")
    return tmp_path


def test_a_title_added_through_rules_dir_takes_effect(ruleset, pack_with_a_new_title):
    text = "市政府督查专员王海涛调研。"
    assert officials(text, ruleset) == []
    assert officials(text, load_rules([pack_with_a_new_title])) == [{
        "span": (0, 10), "text": "市政府督查专员王海涛", "rule": "official.title_name",
        "name": "王海涛", "title": "督查专员", "titles": [], "org": "市政府",
    }]


def test_the_cli_takes_the_added_title_through_rules(pack_with_a_new_title):
    result = CliRunner().invoke(app, ["extract", "-", "--no-articles", "--types", "official", "--rules", str(pack_with_a_new_title)],
                                input="市政府督查专员王海涛调研。".encode())
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["name"], record["title"], record["org"]) == ("王海涛", "督查专员", "市政府")


def test_a_body_on_a_line_of_its_own_heads_only_the_indented_entries_under_it(ruleset):
    # An appointment list prints the body once above its indented entries; a headline that
    # names a body heads no body paragraph, and gives its officials no body of its own.
    listed = "二、任命\n滦阳市中级人民法院\n　　审判员　　　　　　化雨、冯建军\n"
    assert holders(listed, ruleset) == [("化雨", "审判员", "滦阳市中级人民法院"), ("冯建军", "审判员", "滦阳市中级人民法院")]
    headed = "市人民检察院\n\n　　县水利局副局长王海主持会议。\n"
    assert holders(headed, ruleset) == [("王海", "副局长", "县水利局")]


def test_a_peoples_assessor_holds_no_office(ruleset):
    # appointed by the standing committee, but a citizen who sits with the judges: like a
    # deputy's seat, no office (held-out page 90)
    assert holders("人民陪审员赵大海参与审理。", ruleset) == []
    assert holders("县人民法院审判员李娜、人民陪审员赵大海组成合议庭。", ruleset) == [("李娜", "审判员", "县人民法院")]
