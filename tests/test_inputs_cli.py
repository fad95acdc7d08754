"""Real inputs end to end through `factx extract`: encodings, bad files, exit codes, --dedupe.

Exit status (factx.cli): 0 every input was read; 1 some input was skipped (binary, empty,
undecodable, missing) or a rule timed out; 2 usage error or broken rule pack.
"""

from __future__ import annotations

import codecs
import json

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from factx.cli import app
from factx.pipeline import extract_text

PAGE = {p.name[:3]: p for p in SAMPLES}


@pytest.fixture()
def runner():
    return CliRunner()


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def expected(ruleset, text: str, doc: str) -> list[dict]:
    return [r.model_dump(mode="json") for r in extract_text(text, ruleset, doc)]


def write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_a_batch_with_bad_files_writes_every_fact_of_the_good_ones(runner, ruleset, tmp_path):
    text4, text0 = PAGE["004"].read_text(encoding="utf-8"), PAGE["000"].read_text(encoding="utf-8")
    binary = write(tmp_path / "scan.txt", b"%PDF-1.4\x00\x01\x02binary")
    gbk = write(tmp_path / "gbk.txt", text4.encode("gbk"))
    empty = write(tmp_path / "empty.txt", b"")
    good = write(tmp_path / "good.txt", text0.encode("utf-8"))
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(app, ["extract", binary, gbk, empty, good, missing])
    assert result.exit_code == 1
    assert lines(result.stdout) == expected(ruleset, text4, gbk) + expected(ruleset, text0, good)
    warnings = result.stderr.splitlines()
    assert warnings == [
        f"warning: {binary}: skipped: binary file (NUL bytes in the first 8 KB); not text",
        f"warning: {empty}: skipped: empty file",
        f"warning: {missing}: skipped: no such file or directory",
    ]


def test_a_batch_of_good_files_exits_0_and_a_batch_of_bad_ones_1(runner, tmp_path):
    assert runner.invoke(app, ["extract", str(PAGE["004"])]).exit_code == 0
    result = runner.invoke(app, ["extract", write(tmp_path / "a.txt", b""), write(tmp_path / "b.txt", b" \r\n\xef\xbb\xbf")])
    assert (result.exit_code, result.stdout) == (1, "")
    assert len(result.stderr.splitlines()) == 2


def test_damaged_utf8_is_skipped_with_the_offset_of_the_bad_byte(runner, tmp_path):
    data = "呼和浩特市人大常委会召开会议。".encode("utf-8") + b"\xff" + "第二句。".encode("utf-8")
    bad = write(tmp_path / "damaged.txt", data)
    result = runner.invoke(app, ["extract", bad, str(PAGE["004"])])
    assert result.exit_code == 1 and lines(result.stdout)
    assert result.stderr.splitlines() == [
        f"warning: {bad}: skipped: looks like UTF-8 but has an invalid byte at offset 45; fix the file or use --encoding"]


def test_an_unknown_encoding_is_a_usage_error(runner):
    result = runner.invoke(app, ["extract", "--encoding", "klingon", str(PAGE["004"])])
    assert result.exit_code == 2 and result.stdout == ""
    assert "unknown encoding 'klingon'" in result.stderr


def test_a_file_that_is_not_the_forced_encoding_is_skipped(runner, tmp_path):
    utf8 = write(tmp_path / "utf8.txt", PAGE["004"].read_bytes())
    result = runner.invoke(app, ["extract", "--encoding", "ascii", utf8])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"warning: {utf8}: skipped: cannot decode as ascii")


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "utf-8-sig", "utf-16", "utf-16-be"])
def test_any_encoding_of_a_sample_gives_the_records_of_the_utf8_one(runner, tmp_path, codec):
    text = PAGE["000"].read_text(encoding="utf-8")
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    utf8 = write(tmp_path / "utf8.txt", text.encode("utf-8"))
    other = write(tmp_path / "other.txt", data)
    a = lines(runner.invoke(app, ["extract", utf8]).stdout)
    b = lines(runner.invoke(app, ["extract", other]).stdout)
    assert [dict(r, doc=None) for r in a] == [dict(r, doc=None) for r in b]


def test_a_forced_encoding_reads_what_detection_would_not(runner, ruleset, tmp_path):
    text = PAGE["004"].read_text(encoding="utf-8")
    gbk = write(tmp_path / "gbk.txt", text.encode("gbk"))
    result = runner.invoke(app, ["extract", "--encoding", "GBK", gbk])
    assert result.exit_code == 0
    assert lines(result.stdout) == expected(ruleset, text, gbk)


def test_spans_index_the_decoded_text_of_a_crlf_gb18030_file(runner, tmp_path):
    text = PAGE["001"].read_text(encoding="utf-8").replace("\n", "\r\n")  # 001 holds U+00A0: not GBK
    path = write(tmp_path / "page.txt", text.encode("gb18030"))
    records = lines(runner.invoke(app, ["extract", path]).stdout)
    facts = [r for r in records if r["type"] != "article"]
    assert facts
    for r in facts:
        assert text[r["span"][0]:r["span"][1]] == r["text"]
    for r in records:
        if r["type"] == "article":
            assert text[r["span"][0]:r["span"][1]].startswith(r["title"])


def test_stdin_is_decoded_like_a_file(runner, ruleset):
    text = PAGE["004"].read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-"], input=text.encode("gb18030"))
    assert result.exit_code == 0
    assert lines(result.stdout) == expected(ruleset, text, "-")


# --- --dedupe ---------------------------------------------------------------------

def test_copies_in_two_files_are_kept_without_dedupe(runner):
    result = runner.invoke(app, ["extract", str(PAGE["000"]), str(PAGE["001"])])
    assert result.exit_code == 0 and "dedupe" not in result.stderr


def test_dedupe_drops_facts_already_written_and_says_so(runner):
    paths = [str(PAGE["000"]), str(PAGE["001"])]
    plain = lines(runner.invoke(app, ["extract", *paths]).stdout)
    result = runner.invoke(app, ["extract", "--dedupe", *paths])
    assert result.exit_code == 0
    kept = lines(result.stdout)
    assert [r for r in kept if r["doc"] == paths[0]] == [r for r in plain if r["doc"] == paths[0]]
    dropped = len(plain) - len(kept)
    assert dropped >= 3
    (message,) = result.stderr.splitlines()
    assert message.startswith(f"dedupe: {paths[1]} article 0: dropped {dropped} of ")
    assert f"already written for {paths[0]} article 1" in message
    kept_events = {r["date"]["start"] for r in kept if r["doc"] == paths[1] and r["type"] == "event"}
    assert "2023-09-21" not in kept_events and "2023-08-03" in kept_events


def test_dedupe_of_distinct_pages_changes_nothing(runner):
    paths = [str(PAGE[p]) for p in ("002", "003", "004")]
    plain = runner.invoke(app, ["extract", *paths])
    deduped = runner.invoke(app, ["extract", "--dedupe", *paths])
    assert deduped.stdout == plain.stdout and deduped.stderr == ""


def test_a_skipped_file_is_named_exactly_whatever_its_name(runner, tmp_path):
    folder = tmp_path / "scans["
    folder.mkdir()
    bad = write(folder / "b].txt", b"")
    result = runner.invoke(app, ["extract", bad, str(PAGE["004"])])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"warning: {bad}: skipped: empty file"]
