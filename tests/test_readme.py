"""The README's Python examples are run as doctests, so the documentation cannot drift."""

from __future__ import annotations

import doctest

from conftest import ROOT


def test_readme_python_examples_hold():
    # Code fences would read as expected output; a blank line ends an example instead.
    text = "\n".join("" if line.startswith("```") else line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines())
    test = doctest.DocTestParser().get_doctest(text, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 5
    assert result.failed == 0
