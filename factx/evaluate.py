"""Score extracted facts against gold files, as FACTS.md 'Scoring' defines it.

Per document, facts are compared as sets of keys: event (start, end), count (value,
unit), official name, regulation title without punctuation or spaces. Keys a gold file
lists as `optional` count neither way. Field agreement: among gold facts whose key was
found, the share of checked fields that the best found record with that key gets right.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from factx.patterns import compile_pattern
from factx.records import FACT_TYPES, Fact

GOLD_LIST = {"event": "events", "count": "counts", "official": "officials", "regulation": "regulations"}
CHECKED_FIELDS = {
    "event": ("actor", "location"),
    "count": ("item", "approx"),
    "official": ("title", "org"),
    "regulation": ("category", "draft"),
}
EXACT_FIELDS = {"approx", "draft"}
_PUNCT_SPACE = compile_pattern(r"[\p{P}\p{S}\s]+")


def bare(text: str) -> str:
    """Text without punctuation and spaces: `bare('《条例(草案)》') == '条例草案'`."""
    return _PUNCT_SPACE.sub("", text)


def _number(value) -> float:
    return round(float(value), 6)


def gold_key(fact_type: str, gold: dict):
    if fact_type == "event":
        return (gold["start"], gold["end"])
    if fact_type == "count":
        return (_number(gold["value"]), gold["unit"])
    if fact_type == "official":
        return gold["name"]
    return bare(gold["title"])


def record_key(record: Fact):
    if record.type == "event":
        return (record.date.start, record.date.end)
    if record.type == "count":
        return (_number(record.value), record.unit)
    if record.type == "official":
        return record.name
    return bare(record.title)


def field_agrees(name: str, gold_value, found_value) -> bool:
    if name in EXACT_FIELDS:
        return gold_value == found_value
    if gold_value is None or found_value is None:
        return gold_value is None and found_value is None
    a, b = bare(str(gold_value)), bare(str(found_value))
    return a in b or b in a


@dataclass
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields_checked: int = 0
    fields_agreed: int = 0
    missed: list[tuple[str, object, str]] = field(default_factory=list)     # (doc, key, gold text)
    spurious: list[tuple[str, object, str]] = field(default_factory=list)   # (doc, key, record text)
    disagreements: list[tuple[str, object, str, object, object]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def agreement(self) -> float:
        return self.fields_agreed / self.fields_checked if self.fields_checked else 1.0


def load_gold(directory: Path) -> dict[str, dict]:
    """Gold files of a directory, by the base name of the document they describe."""
    gold: dict[str, dict] = {}
    for path in sorted(Path(directory).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[Path(data["doc"]).name] = data
    return gold


def score_document(gold: dict, records: list[Fact], scores: dict[str, TypeScore], doc: str) -> None:
    """Add one document's comparison to `scores` (one TypeScore per fact type)."""
    for fact_type in FACT_TYPES:
        score = scores[fact_type]
        plural = GOLD_LIST[fact_type]
        optional = {gold_key(fact_type, g) for g in (gold.get("optional") or {}).get(plural, [])}
        gold_facts = [g for g in gold.get(plural, []) if gold_key(fact_type, g) not in optional]
        found: dict[object, list[Fact]] = defaultdict(list)
        for record in records:
            if record.type == fact_type:
                key = record_key(record)
                if key not in optional:
                    found[key].append(record)
        gold_keys = {gold_key(fact_type, g) for g in gold_facts}
        score.tp += len(gold_keys & set(found))
        score.fn += len(gold_keys - set(found))
        score.fp += len(set(found) - gold_keys)
        for key in sorted(set(found) - gold_keys, key=str):
            score.spurious.append((doc, key, found[key][0].text))
        for g in gold_facts:
            key = gold_key(fact_type, g)
            if key not in found:
                if not any(m[1] == key and m[0] == doc for m in score.missed):
                    score.missed.append((doc, key, g.get("text") or g.get("anchor") or g.get("title") or ""))
                continue
            _score_fields(fact_type, g, found[key], score, doc, key)


def _score_fields(fact_type: str, gold: dict, candidates: list[Fact], score: TypeScore, doc: str, key) -> None:
    names = CHECKED_FIELDS[fact_type]

    def agreeing(record: Fact) -> list[bool]:
        return [field_agrees(n, gold.get(n), getattr(record, n)) for n in names]

    best = max(candidates, key=lambda r: sum(agreeing(r)))
    verdicts = agreeing(best)
    score.fields_checked += len(names)
    score.fields_agreed += sum(verdicts)
    for name, ok in zip(names, verdicts):
        if not ok:
            score.disagreements.append((doc, key, name, gold.get(name), getattr(best, name)))


def evaluate_paths(paths: list[str], gold_dir: Path, ruleset) -> tuple[dict[str, TypeScore], list[str]]:
    """Scores of extraction from `paths` against the gold files of `gold_dir`, and the inputs no gold file covers."""
    from factx.pipeline import Options, extract_text
    from factx.read import Document, iter_documents

    gold = load_gold(Path(gold_dir))
    scores = {t: TypeScore() for t in FACT_TYPES}
    unmatched: list[str] = []
    for doc in iter_documents(paths):
        if not isinstance(doc, Document):
            unmatched.append(doc.name)
            continue
        entry = gold.get(Path(doc.name).name)
        if entry is None:
            unmatched.append(doc.name)
            continue
        records = [r for r in extract_text(doc.text, ruleset, doc.name, Options(articles=False))]
        score_document(entry, records, scores, doc.name)
    return scores, unmatched


def scores_as_dict(scores: dict[str, TypeScore]) -> dict:
    return {
        t: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            "field_agreement": round(s.agreement, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn}
        for t, s in scores.items()
    }


def render_scores(scores: dict[str, TypeScore], console, verbose: bool = False) -> None:
    from rich.table import Table

    table = Table("type", "precision", "recall", "F1", "fields", "tp", "fp", "fn", title="factx eval")
    for fact_type, s in scores.items():
        table.add_row(fact_type, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", f"{s.agreement:.3f}", str(s.tp), str(s.fp), str(s.fn))
    console.print(table)
    if not verbose:
        return
    for fact_type, s in scores.items():
        for doc, key, text in s.missed:
            console.print(f"missed   {fact_type:10} {Path(doc).name} {key} {text}")
        for doc, key, text in s.spurious:
            console.print(f"spurious {fact_type:10} {Path(doc).name} {key} {text}")
        for doc, key, name, want, got in s.disagreements:
            console.print(f"field    {fact_type:10} {Path(doc).name} {key} {name}: gold {want!r}, found {got!r}")
