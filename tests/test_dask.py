"""factx on a Dask cluster: a real LocalCluster of two worker processes gives the records of a local run.

Skipped when the `dask` extra is not installed (pip install '.[dask]').
"""

from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from conftest import SAMPLES  # noqa: E402
from factx.parallel import RulePack, extract_lines as local_lines, extract_packed  # noqa: E402
from factx.pipeline import Options, Report  # noqa: E402
from factx.read import Document, iter_documents  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=50) as cluster:
        yield cluster


def _local(paths, rules=()) -> list[str]:
    return list(local_lines(iter_documents(paths), list(rules), Options(), print, Report(), jobs=1))


def test_cluster_run_writes_the_lines_of_a_local_run_in_order(cluster, tmp_path):
    from factx.dask import extract_lines

    (tmp_path / "empty.txt").write_bytes(b"")
    paths = [str(p) for p in SAMPLES] + [str(tmp_path / "empty.txt")] + [str(p) for p in SAMPLES]
    warnings: list[str] = []
    report = Report()
    lines = list(extract_lines(iter_documents(paths), [], Options(), warnings.append, report, cluster.scheduler_address))
    assert lines == _local(paths)
    assert report == Report(documents=10, records=len(lines), skipped=1)
    assert warnings == [f"{tmp_path / 'empty.txt'}: skipped: empty file"]


def test_extract_bag_holds_the_lines_of_a_local_run(cluster):
    from factx.dask import extract_bag

    paths = [str(p.parent) for p in SAMPLES[:1]]  # the samples directory
    with distributed.Client(cluster):
        lines = extract_bag(paths).compute()
    assert lines == _local(paths)
    assert {json.loads(line)["type"] for line in lines} >= {"article", "event", "count"}


def test_workers_get_the_rules_from_the_client_not_from_a_shared_disk(cluster, tmp_path):
    pack_dir = tmp_path / "pack"
    pack_dir.mkdir()
    (pack_dir / "pages.toml").write_text(
        "[[rule]]\nid = 'count.test_pages'\ntype = 'count'\npattern = '''(?P<quantity>\\d+帧)'''\n", encoding="utf-8")
    pack = RulePack.read([pack_dir])
    shutil.rmtree(pack_dir)
    chunk = [Document("a", "2023年9月21日,市政协印发宣传图片12帧。", "utf-8")]
    with distributed.Client(cluster) as client:
        outcomes = client.submit(extract_packed, chunk, pack, Options(), pure=False).result()
    counts = [json.loads(line) for line in outcomes[0].lines if json.loads(line)["type"] == "count"]
    assert [(c["rule"], c["value"]) for c in counts] == [("count.test_pages", 12)]


def test_the_cli_extracts_on_a_dask_scheduler(cluster, tmp_path):
    from typer.testing import CliRunner

    from factx.cli import app

    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(app, ["extract", "--dask-scheduler", cluster.scheduler_address,
                                      str(SAMPLES[0].parent), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines() == _local([str(SAMPLES[0].parent)])
