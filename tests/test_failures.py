"""One page that trips a bug in factx never stops a batch: its error is named, the rest is written."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from factx.cli import app
from factx.segment import segment


def test_a_page_opening_with_a_photo_credit_and_a_cut_line_segments():
    # Once an IndexError: the credit at line 0 looked back to line -1 for its headline.
    (article,) = segment("■本报记者 王劲凯 摄\n2023年9")
    assert article.bylines == [("本报记者", "王劲凯")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_that_breaks_extraction_is_skipped_and_named(tmp_path, monkeypatch, jobs):
    import factx.pipeline

    real_segment = factx.pipeline.segment

    def failing_segment(text):
        if "BOOM" in text:
            raise ValueError("synthetic failure")
        return real_segment(text)

    monkeypatch.setattr(factx.pipeline, "segment", failing_segment)
    bad = tmp_path / "bad.txt"
    bad.write_text("BOOM 2023年9月21日,市政协组织委员调研。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(bad), str(SAMPLES[4]), "--jobs", jobs, "--types", "event"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"warning: {bad}: skipped: factx failed on this page (ValueError: synthetic failure); its facts are left out, please report it"
    ]
    docs = {json.loads(line)["doc"] for line in result.stdout.splitlines()}
    assert docs == {str(SAMPLES[4])}
