"""The command line: records on stdout only, rule-pack errors named by file, rule and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SAMPLES
from factx.cli import app


@pytest.fixture()
def runner():
    return CliRunner()


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_writes_only_json_records_to_stdout(runner):
    result = runner.invoke(app, ["extract", str(SAMPLES[0])])
    assert result.exit_code == 0, result.output
    records = _lines(result.stdout)
    assert records and all(r["doc"] == str(SAMPLES[0]) for r in records)
    assert {r["type"] for r in records} >= {"article", "event", "count", "regulation"}


def test_extract_directory_recurses_in_sorted_order_and_writes_output_file(runner, tmp_path):
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(ROOT / "samples"), "-o", str(out), "--types", "event"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    records = _lines(out.read_text(encoding="utf-8"))
    assert {r["type"] for r in records} == {"event"}
    docs = [r["doc"] for r in records]
    assert docs == sorted(docs)
    assert len({d for d in docs}) == 5


def test_extract_reads_stdin_as_dash(runner):
    result = runner.invoke(app, ["extract", "-", "--no-articles"], input="2023年9月21日,市政协组织委员赴武川县调研。".encode())
    assert result.exit_code == 0, result.output
    (event,) = _lines(result.stdout)
    assert event["doc"] == "-" and event["date"]["start"] == "2023-09-21"


def test_unknown_type_is_a_usage_error(runner):
    result = runner.invoke(app, ["extract", str(SAMPLES[0]), "--types", "evnt"])
    assert result.exit_code == 2
    assert "evnt" in result.output


def test_schema_prints_a_json_schema_with_every_type(runner):
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert set(schema["discriminator"]["mapping"]) == {"event", "count", "official", "regulation", "article"}


def _pack(tmp_path: Path, body: str) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "extra.toml").write_text(body, encoding="utf-8")
    return pack


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("[[rule]]\nid = 'count.x'\ntype = 'count'\npattern = '(?P<quantity>\\d+件'\n", "does not compile", 2),
        ("[[rule]]\nid = 'count.x'\ntype = 'count'\npattern = '(?P<quantity>{NOPE})'\n", "unknown macro {NOPE}", 2),
        ("[[rule]]\nid = 'count.x'\ntype = 'count'\npattern = '(?P<quantity>{lex:nope})'\n", "unknown lexicon", 2),
        ("[[rule]]\nid = 'count.x'\ntype = 'count'\npatern = 'x'\npattern = '(?P<quantity>x)'\n", "patern", 2),
        ("[[rule]]\nid = 'count.x'\ntype = 'count'\npattern = '(?P<q>x)'\n", "must capture (?P<quantity>", 2),
        ("[[rule]]\nid = 'count.x'\ntype = 'count'\npattern = 'x\n", "TOML syntax error", 4),
        ("[[rule]]\nid = 'count.x'\ntype = 'count'\npattern = '(?P<quantity>x)'\nexamples = [{text = 'x', expect = {valu = 1}}]\n", "unknown field 'valu'", 2),
        ("[[rule]]\nid = 'count.x'\ntype = 'count'\npattern = '(?P<quantity>x)'\n[[rule]]\nid = 'count.x'\ntype = 'count'\npattern = '(?P<quantity>y)'\n", "duplicate rule id", 2),
    ],
    ids=["regex", "macro", "lexicon", "unknown-field", "key-group", "toml", "example-field", "duplicate"],
)
def test_rules_check_names_file_rule_and_line(runner, tmp_path, body, message, line):
    pack = _pack(tmp_path, body)
    result = runner.invoke(app, ["rules", "check", "--rules", str(pack)])
    assert result.exit_code == 2
    assert message in result.output
    assert f"extra.toml:{line}" in result.output


def test_a_broken_rule_pack_stops_extract_before_any_output(runner, tmp_path):
    pack = _pack(tmp_path, "[[rule]]\nid = 'count.x'\ntype = 'count'\npattern = '('\n")
    result = runner.invoke(app, ["extract", str(SAMPLES[0]), "--rules", str(pack)])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_a_user_dictionary_that_is_not_utf8_stops_extract_naming_its_line(runner, tmp_path):
    # Found when the pack loads, not as a failure of every page that asks jieba for words.
    pack = _pack(tmp_path, "")
    (pack / "userdict.txt").write_bytes("调研组 100 n\n".encode() + "呼鲁源煤 1000 ns\n".encode("gbk"))
    page = tmp_path / "page.txt"
    page.write_text("呼和浩特市政协主席孙建华出席。办理代表议案建议244件。\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page), "--rules", str(pack)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{pack / 'userdict.txt'}:2" in result.output and "not UTF-8" in result.output
    check = runner.invoke(app, ["rules", "check", "--rules", str(pack)])
    assert check.exit_code == 2 and f"{pack / 'userdict.txt'}:2" in check.output


def test_a_user_rule_with_an_existing_id_replaces_the_default(runner, tmp_path):
    pack = _pack(tmp_path, (
        "[[rule]]\nid = 'count.number_plus'\ntype = 'count'\npattern = '(?P<quantity>\\d+万\\+)'\n"
        "examples = [{text = '点击量达69万+。', expect = {value = 690000}}]\nnear_misses = ['1+4+N']\n"
    ))
    from factx.rules import load_rules

    rules = load_rules([pack])
    (rule,) = [r for r in rules.rules if r.id == "count.number_plus"]
    assert rule.file == str(pack / "extra.toml")


def test_rules_test_passes_on_the_default_pack_and_fails_on_a_bad_example(runner, tmp_path):
    result = runner.invoke(app, ["rules", "test", "-k", "regulation"])
    assert result.exit_code == 0, result.stdout
    assert " 0 failed" in result.stdout
    pack = _pack(tmp_path, (
        "[[rule]]\nid = 'count.wrong'\ntype = 'count'\npriority = 99\npattern = '(?P<quantity>\\d+件)'\n"
        "examples = [{text = '办理244件。', expect = {value = 245}}]\n"
    ))
    result = runner.invoke(app, ["rules", "test", "--rules", str(pack), "-k", "count.wrong"])
    assert result.exit_code == 1
    assert "value: expected 245, got 244" in result.stdout


def test_a_pattern_that_backtracks_forever_is_cut_off_and_named(runner, tmp_path, monkeypatch):
    import factx.match

    monkeypatch.setattr(factx.match, "RULE_TIMEOUT_SECONDS", 0.2)
    pack = _pack(tmp_path, "[[rule]]\nid = 'count.slow'\ntype = 'count'\npattern = '(?P<quantity>(x+x+)+y)'\n")
    doc = tmp_path / "long.txt"
    doc.write_text("x" * 5000 + "。\n\n2023年9月21日,市政协组织委员赴武川县调研。\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(doc), "--rules", str(pack), "--no-articles"])
    assert result.exit_code == 1
    assert "count.slow" in result.stderr and "extra.toml" in result.stderr
    assert [r["type"] for r in _lines(result.stdout)] == ["event"]


def test_eval_prints_scores_and_verbose_lists_misses(runner):
    result = runner.invoke(app, ["eval", "--gold", str(ROOT / "tests" / "gold"), str(ROOT / "samples"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"event", "count", "official", "regulation"}
    assert all(0 <= s["f1"] <= 1 for s in scores.values())


def test_explain_shows_the_text_and_rule_ids(runner):
    result = runner.invoke(app, ["explain", str(SAMPLES[0])])
    assert result.exit_code == 0, result.output
    assert "event.date_opens_clause" in result.stdout
    assert "履职尽责谱新篇" in result.stdout
