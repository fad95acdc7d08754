"""Extraction on the held-out pages (tests/heldout/: never used to write rules) against their gold.

These pages measure generalisation; this test only keeps a change from quietly losing it.
Thresholds sit just under the numbers measured when the set was first scored with the
current rules; see tests/heldout/README.md before touching the pages or their gold.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from factx.evaluate import evaluate_paths

HELDOUT = ROOT / "tests" / "heldout"
# type: (minimum key F1, minimum field agreement)
THRESHOLDS = {
    "event": (0.97, 0.97),
    "count": (0.98, 0.90),
    "official": (0.96, 0.96),
    "regulation": (0.97, 0.97),
}


@pytest.fixture(scope="module")
def scores(ruleset):
    scores, unmatched = evaluate_paths([str(HELDOUT / "pages")], HELDOUT / "gold", ruleset)
    assert unmatched == []
    return scores


@pytest.mark.parametrize("fact_type", sorted(THRESHOLDS))
def test_heldout_key_f1_and_fields_at_least_threshold(scores, fact_type):
    f1_min, fields_min = THRESHOLDS[fact_type]
    s = scores[fact_type]
    assert s.f1 >= f1_min, f"{fact_type} F1 {s.f1:.3f} < {f1_min}"
    assert s.agreement >= fields_min, f"{fact_type} field agreement {s.agreement:.3f} < {fields_min}"
