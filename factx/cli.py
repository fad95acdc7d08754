"""The `factx` command: arguments in, pipeline out. No extraction logic lives here.

Exit status: 0 when every input was read; 1 when some input was skipped (binary, empty,
undecodable, missing), a rule timed out, or `rules test` found a failing case; 2 for a
usage error or a broken rule pack.
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, help="Facts from Chinese government news, as JSON Lines.")
rules_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Check and test rule files.")
app.add_typer(rules_app, name="rules")

RulesOpt = Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule directory (repeatable); a rule with an existing id replaces it.")]
TypesOpt = Annotated[Optional[str], typer.Option("--types", help="Comma-separated fact types to emit, e.g. event,count.")]
YearOpt = Annotated[Optional[int], typer.Option("--year", help="Publication year, for dates written without one.")]
GlobOpt = Annotated[str, typer.Option("--glob", help="File pattern inside directories.")]
EncodingOpt = Annotated[Optional[str], typer.Option("--encoding", help="Force an encoding instead of detecting it.")]


def _stderr():
    from rich.console import Console

    # No markup: file names and regexes in messages hold brackets that rich would eat.
    return Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


def _load(rules: list[Path] | None):
    from factx.rules import RuleError, load_rules

    try:
        return load_rules(rules or [])
    except RuleError as exc:
        console = _stderr()
        for problem in exc.problems:
            console.print(f"rule error: {problem}")
        raise typer.Exit(2) from None


def _types(value: str | None) -> set[str] | None:
    from factx.records import FACT_TYPES

    if not value:
        return None
    types = {t.strip() for t in value.split(",") if t.strip()}
    unknown = types - set(FACT_TYPES) - {"article"}
    if unknown:
        raise typer.BadParameter(f"unknown type(s) {', '.join(sorted(unknown))}; choose from {', '.join(FACT_TYPES)}", param_hint="--types")
    return types


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write JSON Lines here instead of stdout.")] = None,
    types: TypesOpt = None,
    rules: RulesOpt = None,
    glob: GlobOpt = "*.txt",
    encoding: EncodingOpt = None,
    year: YearOpt = None,
    no_articles: Annotated[bool, typer.Option("--no-articles", help="Do not write `article` records.")] = False,
    dedupe: Annotated[bool, typer.Option("--dedupe", help="Drop facts already written for a near-identical article earlier in the batch; say so on stderr.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: every core); 1 extracts in this process.")] = None,
    dask_scheduler: Annotated[Optional[str], typer.Option("--dask-scheduler", help="Extract on this Dask cluster, e.g. tcp://HOST:8786 (pip install 'factx[dask]').")] = None,
) -> None:
    """Extract facts from text files and write one JSON record per line."""
    from factx.pipeline import Options, Report
    from factx.read import InputError, iter_documents

    wanted = _types(types)
    options = Options(types=(wanted - {"article"}) or None if wanted else None, year=year,
                      articles=not no_articles and (wanted is None or "article" in wanted))
    ruleset = _load(rules)
    # Extraction makes many short-lived objects, freed by reference counting; the cyclic
    # collector's default pace (a pass every 700 allocations, over the rules and jieba's
    # tables too) cost 1% of the time for nothing. Worker processes inherit this.
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)
    console = _stderr()
    report = Report()
    try:
        inputs = iter_documents(paths, glob=glob, encoding=encoding)
    except InputError as exc:
        console.print(f"error: {exc}")
        raise typer.Exit(2) from None
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        inputs, warn = _with_progress(inputs, console), lambda m: console.print(f"warning: {m}")
        if dask_scheduler:
            try:
                from factx.dask import extract_lines
            except ImportError as exc:
                console.print(f"error: {exc}")
                raise typer.Exit(2) from None
            lines = extract_lines(inputs, rules or [], options, warn, report, dask_scheduler)
        else:
            from factx.parallel import extract_lines

            lines = extract_lines(inputs, rules or [], options, warn, report, jobs, ruleset)
        if dedupe:
            from factx.repeats import Deduper

            lines = Deduper(console.print).filter_lines(lines)
        out.writelines(f"{line}\n" for line in lines)
    finally:
        if output:
            out.close()
    if report.skipped or report.rule_timeouts:
        raise typer.Exit(1)


def _with_progress(inputs, console):
    """The inputs, counted on a stderr progress line when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from inputs
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), console=console, transient=True) as progress:
        task = progress.add_task("extract")
        for item in inputs:
            yield item
            progress.advance(task)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    from factx.records import record_schema

    print(json.dumps(record_schema(), ensure_ascii=False, indent=2))


@app.command()
def explain(
    path: Annotated[str, typer.Argument(help="A text file (or - for stdin).")],
    rules: RulesOpt = None,
    types: TypesOpt = None,
    year: YearOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Show a document with every fact highlighted by type, and a table of facts with their rule ids."""
    from rich.console import Console

    from factx.explain import render
    from factx.pipeline import Options, extract_text
    from factx.read import Skipped, iter_documents

    ruleset = _load(rules)
    for doc in iter_documents([path], encoding=encoding):
        if isinstance(doc, Skipped):
            _stderr().print(f"warning: {doc.name}: skipped: {doc.reason}")
            raise typer.Exit(1)
        records = list(extract_text(doc.text, ruleset, doc.name, Options(types=_types(types), year=year)))
        render(doc.text, records, Console(highlight=False))


@app.command("eval")
def evaluate(
    paths: Annotated[list[str], typer.Argument(help="The documents the gold files describe (files or directories).")],
    gold: Annotated[Path, typer.Option("--gold", help="Directory of gold JSON files (FACTS.md format).")],
    rules: RulesOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every missed and spurious key and field disagreement.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score extraction against gold facts: precision, recall, F1 and field agreement per type."""
    from rich.console import Console

    from factx.evaluate import evaluate_paths, render_scores, scores_as_dict

    ruleset = _load(rules)
    scores, unmatched = evaluate_paths(paths, gold, ruleset)
    for name in unmatched:
        _stderr().print(f"warning: {name}: no gold file describes this document; not scored")
    if as_json:
        print(json.dumps(scores_as_dict(scores), ensure_ascii=False, indent=2))
    else:
        render_scores(scores, Console(highlight=False), verbose)


@rules_app.command("check")
def rules_check(rules: RulesOpt = None) -> None:
    """Validate every rule file: TOML syntax, macros, regexes, fields, duplicate ids."""
    from factx.rules import check_rules, load_rules

    problems = check_rules(rules or [])
    console = _stderr()
    for problem in problems:
        console.print(f"error: {problem}")
    if problems:
        raise typer.Exit(2)
    ruleset = load_rules(rules or [])
    print(f"ok: {len(ruleset.rules)} rules, {len(ruleset.macros)} macros, {len(ruleset.lexicons)} lexicons from {', '.join(ruleset.sources)}")


@rules_app.command("test")
def rules_test(
    rules: RulesOpt = None,
    only: Annotated[Optional[str], typer.Option("-k", help="Only rules whose id contains this.")] = None,
) -> None:
    """Run every rule's examples and near-misses; exit 1 if any fails (todo cases never fail)."""
    from factx.casebook import run_cases

    results = run_cases(_load(rules), only)
    failed = [r for r in results if r.counts and not r.ok]
    for r in results:
        if not r.ok:
            mark = "FAIL" if r.counts else "todo"
            print(f"{mark} {r.rule} {r.kind}: {r.text}\n     {r.detail}")
    todo_fixed = [r for r in results if not r.counts and r.ok and r.kind == "todo"]
    for r in todo_fixed:
        print(f"todo now passes (promote it to an example): {r.rule}: {r.text}")
    print(f"{sum(r.ok for r in results if r.counts)} passed, {len(failed)} failed, {sum(not r.counts for r in results)} todo")
    if failed:
        raise typer.Exit(1)


def main() -> None:
    app()
