"""Scanning: `starts_with` and `requires` find exactly what the plain scan finds, and a runaway rule is cut off in any thread."""

from __future__ import annotations

import dataclasses
from re import escape as regex_escape
import threading

import pytest

from conftest import SAMPLES
from factx.match import ArticleText, RuleTimeout, find_matches
from factx.rules import RuleError, load_rules
from factx.segment import segment


def _spans(matches):
    return sorted((m.rule.id, m.start, m.end, tuple(sorted(m.groups.items()))) for m in matches)


def test_starts_with_finds_the_same_matches_as_the_plain_scan(ruleset):
    rules = [r for r in ruleset.rules if r.starts is not None]
    assert rules, "the default pack uses starts_with"
    plain = [dataclasses.replace(r, starts=None) for r in rules]
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        for art in segment(text):
            atext = ArticleText.build(text, art.sentences)
            assert _spans(find_matches(rules, atext)) == _spans(find_matches(plain, atext))


def test_requires_finds_the_same_matches_as_the_plain_scan(ruleset):
    rules = [r for r in ruleset.rules if r.requires is not None]
    assert {r.id for r in rules} >= {"official.appointed"}, "the default pack uses requires"
    plain = [dataclasses.replace(r, requires=None) for r in rules]
    found = 0
    for path in [*SAMPLES, *sorted((SAMPLES[0].parent.parent / "tests" / "heldout" / "pages").glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        for art in segment(text):
            atext = ArticleText.build(text, art.sentences)
            with_requires = _spans(find_matches(rules, atext))
            assert with_requires == _spans(find_matches(plain, atext))
            found += len(with_requires)
    assert found > 20  # the pages hold matches of these rules, so the comparison says something


def test_a_rule_is_not_tried_on_an_article_without_what_it_requires(tmp_path):
    (tmp_path / "x.toml").write_text(
        "[[rule]]\nid = 'count.x'\ntype = 'count'\nrequires = '共'\npattern = '(?P<quantity>\\d+件)'\n", encoding="utf-8")
    (rule,) = [r for r in load_rules([tmp_path], include_default=False).rules]
    def scan(text):
        return [text[m.start:m.end] for m in find_matches([rule], ArticleText.build(text, [(0, len(text))]))]
    assert scan("办理提案12件。") == []
    assert scan("共办理提案12件。") == ["12件"]


@pytest.mark.parametrize("requires, message", [("{NOPE}", "requires: unknown macro {NOPE}"), ("(共", "requires: does not compile")])
def test_a_broken_requires_is_a_rule_error_naming_file_line_and_rule(tmp_path, requires, message):
    (tmp_path / "x.toml").write_text(
        f"[[rule]]\nid = 'count.x'\ntype = 'count'\nrequires = '{requires}'\npattern = '(?P<quantity>x)'\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"x\.toml:\d+ \[count\.x\]: " + regex_escape(message)):
        load_rules([tmp_path])


def test_starts_with_an_unknown_lexicon_is_a_rule_error(tmp_path):
    (tmp_path / "x.toml").write_text(
        "[[rule]]\nid = 'count.x'\ntype = 'count'\nstarts_with = ['nope']\npattern = '(?P<quantity>x)'\n", encoding="utf-8")
    with pytest.raises(RuleError, match="starts_with: unknown lexicon 'nope'"):
        load_rules([tmp_path])


def test_a_runaway_rule_is_cut_off_outside_the_main_thread_too(tmp_path, monkeypatch):
    import factx.match

    monkeypatch.setattr(factx.match, "RULE_TIMEOUT_SECONDS", 0.2)
    (tmp_path / "slow.toml").write_text(
        "[[rule]]\nid = 'count.slow'\ntype = 'count'\npattern = '(?P<quantity>(x+x+)+y)'\n", encoding="utf-8")
    (rule,) = [r for r in load_rules([tmp_path]).rules if r.id == "count.slow"]
    text = "x" * 5000
    atext = ArticleText.build(text, [(0, len(text))])
    raised: list[BaseException] = []

    def scan():
        try:
            find_matches([rule], atext)
        except RuleTimeout as exc:
            raised.append(exc)

    worker = threading.Thread(target=scan)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert len(raised) == 1 and "count.slow" in str(raised[0]) and "slow.toml" in str(raised[0])


@pytest.mark.parametrize("in_main_thread", [True, False])
def test_a_runaway_requires_is_cut_off_like_a_runaway_pattern(tmp_path, monkeypatch, in_main_thread):
    import factx.match

    monkeypatch.setattr(factx.match, "RULE_TIMEOUT_SECONDS", 0.2)
    (rule,) = _rules(tmp_path, "[[rule]]\nid = 'count.tslow'\ntype = 'count'\nrequires = '(x+x+)+y'\npattern = '(?P<quantity>x)'\n")
    text = "x" * 5000
    atext = ArticleText.build(text, [(0, len(text))])
    cut: list[RuleTimeout] = []
    scan = threading.Thread(target=find_matches, args=([rule], atext, cut.append))
    if in_main_thread:
        find_matches([rule], atext, cut.append)
    else:
        scan.start()
        scan.join(timeout=30)
        assert not scan.is_alive()
    assert len(cut) == 1 and "count.tslow" in str(cut[0])


def _rules(tmp_path, body: str):
    (tmp_path / "r.toml").write_text(body, encoding="utf-8")
    return [r for r in load_rules([tmp_path]).rules if r.id.startswith("count.t")]


def test_in_the_main_thread_each_rule_gets_the_whole_limit_however_long_the_rules_before_it_took(tmp_path, monkeypatch):
    # The timer is armed once per article: 40 rules of ~10 ms each run 0.4 s together,
    # twice the limit, and none of them is cut off.
    import factx.match

    monkeypatch.setattr(factx.match, "RULE_TIMEOUT_SECONDS", 0.2)
    rules = _rules(tmp_path, "".join(
        f"[[rule]]\nid = 'count.t{i}'\ntype = 'count'\npattern = '(?P<quantity>x+y|z)'\n" for i in range(40)))
    text = "x" * 3000 + "z"
    cut: list[RuleTimeout] = []
    found = find_matches(rules, ArticleText.build(text, [(0, len(text))]), cut.append)
    assert cut == [] and len(found) == 40


def test_in_the_main_thread_a_runaway_rule_is_cut_off_and_the_next_rules_still_run_and_are_timed(tmp_path, monkeypatch):
    import signal

    import factx.match

    monkeypatch.setattr(factx.match, "RULE_TIMEOUT_SECONDS", 0.2)
    slow = "pattern = '(?P<quantity>(x+x+)+y)'"
    quick = "pattern = '(?P<quantity>z)'"
    rules = _rules(tmp_path, "".join(
        f"[[rule]]\nid = 'count.t{i}'\ntype = 'count'\n{pattern}\n" for i, pattern in enumerate([slow, quick, slow, quick])))
    text = "x" * 5000 + "z"
    cut: list[RuleTimeout] = []
    found = find_matches(rules, ArticleText.build(text, [(0, len(text))]), cut.append)
    assert [exc.rule.id for exc in cut] == ["count.t0", "count.t2"]
    assert [m.rule.id for m in found] == ["count.t1", "count.t3"]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # disarmed, the handler put back
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_a_rule_error_survives_the_trip_to_another_process():
    import pickle

    from factx.rules import Problem

    error = RuleError([Problem("x.toml", 3, "count.x", "pattern does not compile")])
    back = pickle.loads(pickle.dumps(error))
    assert back.problems == error.problems and str(back) == "x.toml:3 [count.x]: pattern does not compile"
