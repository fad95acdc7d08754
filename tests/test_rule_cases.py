"""Every rule's examples and near-misses, one test id each (todo cases are expected failures)."""

from __future__ import annotations

import pytest

from factx.casebook import run_example, run_near_miss
from factx.rules import load_rules

_RULESET = load_rules()


def _cases():
    for rule in _RULESET.rules:
        spec = rule.spec
        for n, case in enumerate(spec.examples):
            yield pytest.param(rule, "example", case, id=f"{rule.id}:example{n}")
        for n, text in enumerate(spec.near_misses):
            yield pytest.param(rule, "near_miss", text, id=f"{rule.id}:near_miss{n}")
        for n, case in enumerate(spec.todo):
            yield pytest.param(rule, "todo", case, id=f"{rule.id}:todo{n}", marks=pytest.mark.xfail(reason="known gap", strict=False))
        for n, text in enumerate(spec.todo_near_misses):
            yield pytest.param(rule, "todo_near_miss", text, id=f"{rule.id}:todo_near_miss{n}", marks=pytest.mark.xfail(reason="known gap", strict=False))


@pytest.mark.parametrize(("rule", "kind", "case"), list(_cases()))
def test_rule_case(rule, kind, case):
    if kind in ("example", "todo"):
        result = run_example(rule, _RULESET, case, kind)
    else:
        result = run_near_miss(rule, _RULESET, case, kind)
    assert result.ok, result.detail


def test_every_rule_has_examples_and_near_misses():
    lacking = [r.id for r in _RULESET.rules if not r.spec.examples or not r.spec.near_misses]
    assert lacking == []
