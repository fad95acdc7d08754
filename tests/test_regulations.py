"""Regulations (FACTS.md `regulation`): titles classified by their kind word, drafts, actions, broken titles."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from factx.cli import app
from factx.pipeline import Options, extract_text
from factx.rules import load_rules


def regulations(text: str, ruleset) -> list[dict]:
    records = extract_text(text, ruleset, options=Options(types={"regulation"}, articles=False))
    return [r.model_dump(include={"span", "text", "title", "category", "draft", "action", "rule"}) for r in records]


def test_a_title_broken_across_lines_keeps_its_original_span_and_text(ruleset):
    text = ("2021年,市人大常委会立“小切口”、写“接地气”文章,制定《呼和浩特市湿\n"
            "地保护条例》,对湿地保护进行了规范。")
    (record,) = regulations(text, ruleset)
    start, end = record["span"]
    assert record == {
        "span": (start, end),
        "text": "《呼和浩特市湿\n地保护条例》",
        "title": "呼和浩特市湿地保护条例",
        "category": "条例",
        "draft": False,
        "action": "制定",
        "rule": "regulation.bracketed_title",
    }
    assert text[start:end] == record["text"]


def test_a_title_whose_opening_bracket_was_lost_starts_at_its_place_name(ruleset):
    text = ("市人大常委会认真贯彻落实习近平总书记关于民族工作的重要论述,自内蒙古自治区促进民族\n\n"
            "团结进步条例》实施以来,多次组织专题学习。")
    (record,) = regulations(text, ruleset)
    assert record["text"] == "内蒙古自治区促进民族\n\n团结进步条例》"
    assert (record["title"], record["category"], record["draft"], record["action"], record["rule"]) == (
        "内蒙古自治区促进民族团结进步条例", "条例", False, "实施", "regulation.unopened_title")
    assert text[record["span"][0]:record["span"][1]] == record["text"]


def test_draft_marker_sets_draft_and_leaves_the_title_while_trial_stays(ruleset):
    text = "召开《包头市物业管理条例(草案修改稿)》立法听证会,制定修订《委员履职考评办法(试行)》。"
    assert [(r["title"], r["category"], r["draft"], r["action"]) for r in regulations(text, ruleset)] == [
        ("包头市物业管理条例", "条例", True, "立法听证"),
        ("委员履职考评办法(试行)", "办法", False, "制定修订"),
    ]


def test_publications_reports_proposals_and_article_titles_are_not_regulations(ruleset):
    text = ("《坚持“三个着力”,激发代表履职活力》等7篇文章被《中国人大》杂志、《人民代表报》刊载;"
            "编辑《呼和浩特年鉴》;审议《市政府关于文旅产业发展情况的报告》;"
            "督办《关于出台呼和浩特市小区垃圾分类管理条例》的重点提案;推广《一线工作法》。")
    assert regulations(text, ruleset) == []


def test_every_title_of_a_list_takes_the_verb_that_governs_the_list(ruleset):
    text = "相关对策建议被吸纳到《甲市工业高质量发展十条政策措施》《甲市科技创新“三清零全覆盖”专项行动方案》之中。"
    assert [(r["title"], r["category"], r["action"]) for r in regulations(text, ruleset)] == [
        ("甲市工业高质量发展十条政策措施", "政策措施", "吸纳到"),
        ("甲市科技创新“三清零全覆盖”专项行动方案", "专项行动方案", "吸纳到"),
    ]


def test_a_verb_after_the_title_is_its_action_when_none_stands_before(ruleset):
    text = "并召开《内蒙古自治区民族团结进步工作条例》征求意见座谈会,部分建议被《甲市家庭医生签约服务实施办法》等文件吸纳。"
    assert [(r["title"], r["action"]) for r in regulations(text, ruleset)] == [
        ("内蒙古自治区民族团结进步工作条例", "征求意见"),
        ("甲市家庭医生签约服务实施办法", "吸纳"),
    ]


def test_a_title_quoted_inside_a_title_stays_in_it(ruleset):
    text = "常委会审议了《关于修改《鄂尔多斯市烟花爆竹燃放管理条例》的决定(草案)》。"
    (record,) = regulations(text, ruleset)
    assert (record["title"], record["category"], record["draft"], record["action"]) == (
        "关于修改《鄂尔多斯市烟花爆竹燃放管理条例》的决定", "决定", True, "审议")


@pytest.fixture()
def pack_with_a_new_kind(tmp_path):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "regulation_kinds.txt").write_text("# a kind word of this user\n导则\n", encoding="utf-8")
    return tmp_path


def test_a_kind_word_added_through_rules_dir_makes_titles_of_that_kind_regulations(ruleset, pack_with_a_new_kind):
    text = "市住建局印发《城市更新项目设计导则》。"
    assert regulations(text, ruleset) == []
    extended = load_rules([pack_with_a_new_kind])
    (record,) = regulations(text, extended)
    assert (record["title"], record["category"], record["action"]) == ("城市更新项目设计导则", "导则", "印发")


def test_the_cli_takes_the_added_kind_word_through_rules(pack_with_a_new_kind):
    result = CliRunner().invoke(app, ["extract", "-", "--no-articles", "--types", "regulation", "--rules", str(pack_with_a_new_kind)],
                                input="市住建局印发《城市更新项目设计导则》。".encode())
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["title"], record["category"]) == ("城市更新项目设计导则", "导则")
