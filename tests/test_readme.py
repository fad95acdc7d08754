"""The README's Python examples are run as doctests, so the documentation cannot drift."""

from __future__ import annotations

import doctest

from conftest import ROOT


def test_readme_python_examples_hold():
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5
    assert result.failed == 0
