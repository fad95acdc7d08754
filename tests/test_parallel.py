"""--jobs N: the same lines, in input order, with skipped inputs and warnings where a sequential run puts them.

Speed is the bench's business (bench/run.py); these tests only pin down results.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import SAMPLES
from factx.cli import app
from factx.match import ArticleText
from factx.normalise import _DROPPED, fold
from factx.parallel import RulePack, chunks, extract_lines, extract_pairs, in_order
from factx.pipeline import Options, Report
from factx.read import Document, Skipped, iter_documents


def _inputs(tmp_path: Path) -> list[str]:
    """The samples, twice, with an empty file, a binary file and a missing one among them."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    paths = [str(p) for p in SAMPLES]
    return [paths[0], str(tmp_path / "empty.txt"), *paths[1:3], str(tmp_path / "missing.txt"),
            *paths[3:], str(tmp_path / "binary.txt"), *paths]


def _run(paths: list[str], jobs: int, **kw) -> tuple[list[str], list[str], Report]:
    warnings: list[str] = []
    report = Report()
    lines = list(extract_lines(iter_documents(paths), [], Options(), warnings.append, report, jobs=jobs, **kw))
    return lines, warnings, report


def test_two_jobs_give_the_lines_warnings_and_counts_of_one(tmp_path):
    paths = _inputs(tmp_path)
    one = _run(paths, 1)
    two = _run(paths, 2)
    assert two[0] == one[0]
    assert two[1] == one[1] and len(one[1]) == 3
    assert two[2] == one[2] == Report(documents=10, records=len(one[0]), skipped=3, rule_timeouts=0)


def test_small_chunks_keep_input_order(tmp_path, monkeypatch):
    import factx.parallel

    monkeypatch.setattr(factx.parallel, "CHUNK_CHARS", 1)  # one document a chunk: many chunks in flight
    paths = _inputs(tmp_path)
    lines = _run(paths, 2)[0]
    docs = list(dict.fromkeys(json.loads(line)["doc"] for line in lines))
    assert docs == [p for p in dict.fromkeys(paths) if Path(p).name.startswith("0")]
    assert lines == _run(paths, 1)[0]


def test_the_cli_writes_the_same_output_with_one_job_and_two(tmp_path):
    runner = CliRunner()
    paths = _inputs(tmp_path)
    one = runner.invoke(app, ["extract", *paths, "--jobs", "1"])
    two = runner.invoke(app, ["extract", *paths, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # something was skipped
    assert two.stdout == one.stdout and one.stdout.count("\n") > 100
    assert two.stderr == one.stderr and one.stderr.count("skipped") == 3
    clean = runner.invoke(app, ["extract", str(SAMPLES[0]), str(SAMPLES[1]), "-j", "2"])
    assert clean.exit_code == 0


def test_a_rule_pack_directory_reaches_the_workers(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "extra.toml").write_text(
        "[[rule]]\nid = 'count.test_pages'\ntype = 'count'\npattern = '''(?P<quantity>\\d+帧)'''\n", encoding="utf-8")
    text = "2023年9月21日,市政协印发宣传图片12帧。"
    docs = [Document("a", text, "utf-8"), Document("b", text, "utf-8")]
    lines = list(extract_lines(docs, [pack], Options(), print, Report(), jobs=2))
    counts = [record for record in map(json.loads, lines) if record["type"] == "count"]
    assert [(c["doc"], c["rule"], c["value"]) for c in counts] == [("a", "count.test_pages", 12), ("b", "count.test_pages", 12)]


_LOAD_A_PACK = """
import multiprocessing, sys
from factx.parallel import RulePack, extract_packed
from factx.pipeline import Options
from factx.read import Document

def work():  # what a cluster worker does with a shipped pack
    extract_packed([Document("a", "2023年9月21日,市政协组织委员赴武川县调研。", "utf-8")], RulePack.read(), Options())

if __name__ == "__main__":
    work()  # in this process, which exits normally
    child = multiprocessing.get_context(sys.argv[1]).Process(target=work)
    child.start()
    child.join()
    assert child.exitcode == 0
"""


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_a_shipped_rule_pack_leaves_no_files_behind(tmp_path, start):
    script = tmp_path / "load_pack.py"
    script.write_text(_LOAD_A_PACK, encoding="utf-8")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    done = subprocess.run([sys.executable, str(script), start], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "TMPDIR": str(scratch)})
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in scratch.iterdir() if p.name.startswith("factx-rules-")) == []


def test_chunks_cut_by_size_and_keep_skipped_inputs_in_place():
    items = [Document("a", "x" * 30, "utf-8"), Skipped("b", "empty file"), Document("c", "x" * 30, "utf-8"),
             Document("d", "x", "utf-8")]
    assert [[i.name for i in chunk] for chunk in chunks(items, max_chars=50)] == [["a", "b", "c"], ["d"]]
    assert [[i.name for i in chunk] for chunk in chunks(items, max_chars=1000, max_docs=2)] == [["a", "b"], ["c", "d"]]


def test_in_order_waits_for_the_oldest_chunk_and_bounds_the_work_in_flight():
    started: list[int] = []

    def submit(chunk):
        started.append(chunk[0])
        done = threading.Event()
        result: list = []

        def work():  # later chunks finish first
            time.sleep(0.02 * (5 - chunk[0]))
            result.append(chunk[0] * 10)
            done.set()

        threading.Thread(target=work).start()

        def wait():
            done.wait()
            return result

        return wait

    seen = []
    for result in in_order(([i] for i in range(5)), submit, window=2):
        seen.append(result[0])
        assert len(started) - len(seen) <= 2
    assert seen == [0, 10, 20, 30, 40]


def test_a_rule_pack_travels_as_file_contents(tmp_path):
    pack_dir = tmp_path / "pack"
    (pack_dir / "lexicons").mkdir(parents=True)
    (pack_dir / "lexicons" / "units.txt").write_text("帧\n", encoding="utf-8")
    pack = RulePack.read([pack_dir])
    import shutil

    shutil.rmtree(pack_dir)  # a worker on another machine never sees the directory
    ruleset = pack.load()
    assert "帧" in ruleset.lexicon("units")
    assert pack.load() is ruleset  # once per process
    assert [r.id for r in ruleset.rules] == [r.id for r in RulePack.read().load().rules]


def test_extract_pairs_gives_the_lines_of_a_local_run():
    pairs = [(str(p), p.read_text(encoding="utf-8")) for p in SAMPLES[:2]]
    local = list(extract_lines([Document(n, t, "utf-8") for n, t in pairs], [], Options(), print, Report(), jobs=1))
    assert list(extract_pairs(pairs)) == local
    assert list(extract_pairs(pairs, RulePack.read())) == local


def test_one_job_and_a_single_input_start_no_pool(monkeypatch):
    import multiprocessing

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    assert _run([str(SAMPLES[0])], 2)[0] == _run([str(SAMPLES[0])], 1)[0]


# --- ArticleText folds whole articles with str.translate: it must equal normalise.fold ---


def _reference(original: str, sentences: list[tuple[int, int]]):
    parts, origin, starts, pos = [], [], [], 0
    for start, end in sentences:
        folded = fold(original, start, end)
        starts.append(pos)
        parts += [folded.text, "\n"]
        origin += [*folded.origin[:-1], end]
        pos += len(folded.text) + 1
    origin.append(origin[-1] + 1 if origin else 0)
    return "".join(parts), origin, starts


def test_article_text_folds_every_sample_article_as_normalise_does():
    from factx.segment import segment

    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        for article in segment(text):
            built = ArticleText.build(text, article.sentences)
            assert (built.text, built.origin, built.sentence_starts) == _reference(text, article.sentences)


_CHARS = st.sampled_from(list("ab１２（）年中文，。\u2013\u2212\x00") + sorted(_DROPPED))  # \x00: joins sentences


@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=5))
def test_article_text_folds_any_text_as_normalise_does(text, cuts):
    sentences = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in cuts]
    built = ArticleText.build(text, sentences)
    assert (built.text, built.origin, built.sentence_starts) == _reference(text, sentences)


@pytest.mark.parametrize("jobs", [1, 2])
def test_no_input_writes_nothing(jobs):
    assert _run([], jobs) == ([], [], Report())
