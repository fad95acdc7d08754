"""Run the same extraction on a Dask cluster (`pip install 'factx[dask]'`).

    factx extract --dask-scheduler tcp://HOST:8786 corpus/ -o facts.jsonl

    >>> import factx.dask                                           # doctest: +SKIP
    >>> factx.dask.extract_bag(["corpus/"]).to_textfiles("facts/*.jsonl")  # doctest: +SKIP

The client reads and decodes the inputs (workers need no access to the files) and ships
the rules as a `RulePack` (workers need not share the client's rules directories, and run
the client's rules, not whatever pack they have installed); workers need factx installed.
Chunks and results are those of a local parallel run (factx.parallel), so the records are
the same, in the same order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

try:
    import dask
    import dask.bag
    from distributed import Client
except ImportError as exc:  # the extra is not installed
    raise ImportError(f"factx.dask needs Dask ({exc.name} is missing): pip install 'factx[dask]'") from exc

from factx.parallel import RulePack, chunks, extract_packed, in_order, settle
from factx.pipeline import Options, Report, report_skipped
from factx.read import Document, Skipped, iter_documents


def extract_lines(
    inputs: Iterable[Document | Skipped],
    rules_dirs: list[Path],
    options: Options,
    warn: Callable[[str], None],
    report: Report,
    scheduler: str,
) -> Iterator[str]:
    """JSON lines of every readable input, in input order, extracted by the workers of `scheduler`.

    At most two chunks per worker thread are in flight, so the client's memory stays flat.
    """
    with Client(scheduler) as client:
        pack = client.scatter(RulePack.read(rules_dirs), broadcast=True)
        threads = sum(client.nthreads().values()) or 1

        def submit(chunk: list) -> Callable[[], list]:
            return client.submit(extract_packed, chunk, pack, options, pure=False).result

        yield from settle(in_order(chunks(inputs), submit, window=2 * threads + 1), warn, report)


def extract_bag(
    paths: list[str],
    rules_dirs: Iterable[Path] = (),
    *,
    glob: str = "*.txt",
    encoding: str | None = None,
    options: Options | None = None,
    warn: Callable[[str], None] | None = None,
):
    """A `dask.bag.Bag` of the JSON lines of `paths` (files and directories, as on the command line).

    The inputs are read here, one chunk (about a second of work) per partition; skipped
    inputs go to `warn` (default: `warnings.warn`). Use `.map(json.loads)` for dicts.
    """
    if warn is None:
        import warnings

        def warn(message: str) -> None:
            warnings.warn(message, stacklevel=3)

    options = options or Options()
    pack = dask.delayed(RulePack.read(rules_dirs), traverse=False)
    parts = []
    for chunk in chunks(iter_documents(paths, glob=glob, encoding=encoding)):
        for item in chunk:
            if isinstance(item, Skipped):
                report_skipped(item, warn, Report())
        documents = [item for item in chunk if isinstance(item, Document)]
        if documents:
            parts.append(dask.delayed(_lines)(documents, pack, options))
    if not parts:
        return dask.bag.from_sequence([], npartitions=1)
    return dask.bag.from_delayed(parts)


def _lines(documents: list[Document], pack: RulePack, options: Options) -> list[str]:
    """The lines of a partition; a rule that timed out is logged on the worker."""
    lines = []
    for outcome in extract_packed(documents, pack, options):
        for message in outcome.warnings:
            logging.getLogger("factx").warning(message)
        lines.extend(outcome.lines)
    return lines
