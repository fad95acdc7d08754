"""Shared fixtures: the default rule pack (loaded once) and the sample pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from factx.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLD_DIR = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def ruleset():
    return load_rules()
