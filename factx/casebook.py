"""Run every rule's own cases: examples that must match with their fields, near-misses that must not.

An example passes when the whole pipeline, run on its text, yields a record *from that
rule* whose fields equal every expected field (dotted names reach into `date`). A
near-miss passes when the pipeline yields no fact of the rule's type at all. `todo`
cases are known gaps: they are run and reported, but never fail the build.
"""

from __future__ import annotations

from dataclasses import dataclass

from factx.pipeline import Options, extract_text
from factx.rules import Example, Rule, RuleSet

_MISSING = object()


@dataclass
class CaseResult:
    rule: str
    kind: str          # example | near_miss | todo | todo_near_miss
    text: str
    ok: bool
    detail: str = ""

    @property
    def counts(self) -> bool:
        """Whether a failure of this case fails the build."""
        return self.kind in ("example", "near_miss")

    @property
    def test_id(self) -> str:
        return f"{self.rule}:{self.kind}:{self.text[:24]}"


def _field(record, dotted: str):
    value = record
    for part in dotted.split("."):
        value = getattr(value, part, _MISSING)
        if value is _MISSING:
            return _MISSING
    if isinstance(value, tuple):
        return list(value)
    return value


def _same(expected, actual) -> bool:
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)) and not isinstance(expected, bool):
        return abs(float(expected) - float(actual)) < 1e-9
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(_same(e, a) for e, a in zip(expected, actual))
    return expected == actual


def run_example(rule: Rule, ruleset: RuleSet, case: Example, kind: str) -> CaseResult:
    records = list(extract_text(case.text, ruleset, options=Options(types={rule.type}, articles=False, year=case.year)))
    own = [r for r in records if r.rule == rule.id]
    if not own:
        found = ", ".join(f"{r.rule}:{r.text}" for r in records) or "nothing"
        return CaseResult(rule.id, kind, case.text, False, f"no record from this rule (found {found})")
    problems: list[str] = []
    for record in own:
        expected = {**case.expect, **{name: None for name in case.null}}
        wrong = {k: _field(record, k) for k, v in expected.items() if not _same(v, _field(record, k))}
        if not wrong:
            return CaseResult(rule.id, kind, case.text, True)
        problems.append("; ".join(f"{k}: expected {expected[k]!r}, got {v!r}" for k, v in wrong.items()))
    return CaseResult(rule.id, kind, case.text, False, " | ".join(problems))


def run_near_miss(rule: Rule, ruleset: RuleSet, text: str, kind: str) -> CaseResult:
    records = list(extract_text(text, ruleset, options=Options(types={rule.type}, articles=False)))
    if records:
        found = ", ".join(f"{r.rule}:{r.text}" for r in records)
        return CaseResult(rule.id, kind, text, False, f"must yield no {rule.type}, found {found}")
    return CaseResult(rule.id, kind, text, True)


def run_cases(ruleset: RuleSet, only: str | None = None) -> list[CaseResult]:
    """Results of every case of every rule (or of the rules whose id contains `only`)."""
    results: list[CaseResult] = []
    for rule in ruleset.rules:
        if only and only not in rule.id:
            continue
        spec = rule.spec
        results += [run_example(rule, ruleset, c, "example") for c in spec.examples]
        results += [run_near_miss(rule, ruleset, t, "near_miss") for t in spec.near_misses]
        results += [run_example(rule, ruleset, c, "todo") for c in spec.todo]
        results += [run_near_miss(rule, ruleset, t, "todo_near_miss") for t in spec.todo_near_misses]
    return results
