"""Extraction on every core, and the pieces that a cluster runs (factx.dask, Spark).

A parallel run reads the inputs in this process, in order (so skipped inputs are reported
where they stand), cuts them into chunks of about `CHUNK_CHARS` characters and hands each
chunk to a worker process that loaded the rules once, when it started. Workers send back
JSON lines, not pydantic objects, which keeps pickling cheap. Results are written in input
order as they come back, and no more than `window` chunks are ever in flight, so memory
stays flat however large the corpus.

A cluster cannot be assumed to share a disk with the client, so there the rules travel as
a `RulePack`: the files of every pack, read on the client. For Spark:

    >>> import factx.parallel                                      # doctest: +SKIP
    >>> sc.wholeTextFiles("corpus/*.txt").mapPartitions(factx.parallel.extract_pairs) \\
    ...   .saveAsTextFile("facts")                                 # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing.util import Finalize
from pathlib import Path

from factx.pipeline import Options, Report, extract_documents, extract_or_skip, report_skipped
from factx.read import Document, Skipped
from factx.write import json_line
from factx.rules import RuleSet, default_rules_dir, load_rules

# A chunk is a tenth of a second of work or so: the round trip to a worker (pickling
# ~150 KB each way) is still noise, and every core stays busy to the end of a small batch.
CHUNK_CHARS = 50_000
CHUNK_DOCS = 50


def default_jobs() -> int:
    """The cores this process may run on (all of them unless an affinity mask says less)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


@dataclass
class DocumentLines:
    """What a worker sends back for one document: its JSON lines and its warnings."""

    name: str
    lines: list[str]
    warnings: list[str] = field(default_factory=list)


Outcome = DocumentLines | Skipped


def extract_chunk(chunk: list[Document | Skipped], ruleset: RuleSet, options: Options) -> list[Outcome]:
    """Every document of a chunk as JSON lines; skipped inputs pass through unchanged."""
    outcomes: list[Outcome] = []
    for item in chunk:
        if isinstance(item, Skipped):
            outcomes.append(item)
            continue
        result = DocumentLines(item.name, [])
        records = extract_or_skip(item, ruleset, options, result.warnings.append)
        if isinstance(records, Skipped):
            outcomes.append(records)
            continue
        result.lines = [json_line(record) for record in records]
        outcomes.append(result)
    return outcomes


def chunks(inputs: Iterable[Document | Skipped], max_chars: int | None = None,
           max_docs: int | None = None) -> Iterator[list[Document | Skipped]]:
    """The inputs in order, grouped into chunks of about `max_chars` characters (default CHUNK_CHARS)."""
    max_chars, max_docs = max_chars or CHUNK_CHARS, max_docs or CHUNK_DOCS
    chunk: list[Document | Skipped] = []
    size = 0
    for item in inputs:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if size >= max_chars or len(chunk) >= max_docs:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def in_order(chunked: Iterable[list], submit: Callable[[list], Callable[[], list]], window: int) -> Iterator[list]:
    """Results of `submit(chunk)()` in chunk order, with at most `window` chunks submitted ahead.

    `submit` starts the work and returns a function that waits for its result (an
    AsyncResult's `get`, a Dask future's `result`).
    """
    pending: deque[Callable[[], list]] = deque()
    for chunk in chunked:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


def settle(outcomes: Iterable[list[Outcome]], warn: Callable[[str], None], report: Report) -> Iterator[str]:
    """The lines of the outcomes in order, counting and warning as a sequential run does."""
    for outcome in chain.from_iterable(outcomes):
        if isinstance(outcome, Skipped):
            report_skipped(outcome, warn, report)
            continue
        report.documents += 1
        for message in outcome.warnings:
            report.rule_timeouts += 1
            warn(message)
        report.records += len(outcome.lines)
        yield from outcome.lines


# --- one machine ---------------------------------------------------------------------

_worker: tuple[RuleSet, Options] | None = None


def _start_worker(rules_dirs: list[str], options: Options) -> None:
    global _worker
    _worker = (load_rules([Path(d) for d in rules_dirs]), options)


def _extract_in_worker(chunk: list[Document | Skipped]) -> list[Outcome]:
    assert _worker is not None, "worker started without rules"
    return extract_chunk(chunk, *_worker)


def extract_lines(
    inputs: Iterable[Document | Skipped],
    rules_dirs: list[Path],
    options: Options,
    warn: Callable[[str], None],
    report: Report,
    jobs: int | None = None,
    ruleset: RuleSet | None = None,
) -> Iterator[str]:
    """JSON lines of every readable input, in input order, on `jobs` processes (default: all cores).

    With one job, or a single input, everything runs in this process (no pool to start).
    `ruleset`, when given, must be `load_rules(rules_dirs)`; it saves loading it again here.

    >>> report = Report()
    >>> lines = extract_lines([Document("a", "2023年9月21日,市政协组织委员赴武川县调研。", "utf-8")],
    ...                       [], Options(), print, report, jobs=2)
    >>> len(list(lines)), report.documents
    (2, 1)
    """
    jobs = jobs or default_jobs()
    items = iter(inputs)
    head = list(islice(items, 2))
    if jobs == 1 or len(head) < 2:
        ruleset = ruleset or load_rules(rules_dirs)
        for record in extract_documents(chain(head, items), ruleset, options, warn, report):
            yield json_line(record)
        return
    import multiprocessing

    # fork on Linux: a worker starts in milliseconds and never re-runs the caller's
    # __main__ (spawn and forkserver do, and a script without an `if __name__` guard then
    # starts workers without end). Elsewhere the platform's default (spawn on macOS).
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    dirs = [str(d) for d in rules_dirs]
    with context.Pool(jobs, initializer=_start_worker, initargs=(dirs, options)) as pool:
        def submit(chunk: list) -> Callable[[], list]:
            return pool.apply_async(_extract_in_worker, (chunk,)).get

        yield from settle(in_order(chunks(chain(head, items)), submit, window=2 * jobs + 1), warn, report)


# --- clusters ------------------------------------------------------------------------


@dataclass(frozen=True)
class RulePack:
    """The files of the rule packs a run uses, read into memory to travel to other machines.

    Every file under each pack directory is carried (caches excluded), so whatever the
    loader reads arrives. `load()` writes them to a private temporary directory once per
    process and loads them in the same order as `load_rules(dirs)` would.
    """

    packs: tuple[tuple[tuple[str, bytes], ...], ...]

    @classmethod
    def read(cls, rules_dirs: Iterable[Path] = (), include_default: bool = True) -> "RulePack":
        dirs = ([default_rules_dir()] if include_default else []) + [Path(d) for d in rules_dirs]
        packs = []
        for directory in dirs:
            files = sorted(p for p in directory.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
            packs.append(tuple((p.relative_to(directory).as_posix(), p.read_bytes()) for p in files))
        return cls(tuple(packs))

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for pack in self.packs:
            h.update(b"\0pack")
            for name, data in pack:
                h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
        return h.hexdigest()

    def load(self) -> RuleSet:
        """The RuleSet of these files, built once per process."""
        key = self.digest
        if key not in _LOADED_PACKS:
            root = Path(tempfile.mkdtemp(prefix=f"factx-rules-{key[:12]}-"))
            # jieba reads a pack's user dictionary when it first cuts, so the files stay until
            # the process exits; then they go (a worker process leaves by os._exit, past
            # atexit, but multiprocessing runs its finalizers first).
            Finalize(None, shutil.rmtree, args=(root,), kwargs={"ignore_errors": True}, exitpriority=0)
            dirs = []
            for index, pack in enumerate(self.packs):
                directory = root / str(index)
                for name, data in pack:
                    path = directory / name
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
                directory.mkdir(parents=True, exist_ok=True)
                dirs.append(directory)
            _LOADED_PACKS[key] = load_rules(dirs, include_default=False)
        return _LOADED_PACKS[key]


_LOADED_PACKS: dict[str, RuleSet] = {}


def extract_packed(chunk: list[Document | Skipped], pack: RulePack, options: Options) -> list[Outcome]:
    """`extract_chunk` with the rules of `pack`: the task a cluster worker runs."""
    return extract_chunk(chunk, pack.load(), options)


def extract_pairs(pairs: Iterable[tuple[str, str]], pack: RulePack | None = None,
                  options: Options | None = None) -> Iterator[str]:
    """JSON lines of (name, text) pairs: the function for Spark's `mapPartitions`.

    Rules are `pack` (default: the installed default pack), loaded once per worker process.

    >>> next(extract_pairs([("a.txt", "2023年9月21日,市政协组织委员赴武川县调研。")]))[:20]
    '{"doc":"a.txt","arti'
    """
    ruleset = pack.load() if pack is not None else _default_ruleset()
    options = options or Options()
    for name, text in pairs:
        records = extract_or_skip(Document(name, text, "utf-8"), ruleset, options)
        if isinstance(records, Skipped):
            print(f"warning: {name}: skipped: {records.reason}", file=sys.stderr)  # the executor's log
            continue
        for record in records:
            yield json_line(record)


def _default_ruleset() -> RuleSet:
    if "" not in _LOADED_PACKS:
        _LOADED_PACKS[""] = load_rules()
    return _LOADED_PACKS[""]
