"""Facts stated more than once in one article are written once, later places in `also_at`.

Pages repeat themselves: a paragraph printed twice (sometimes with OCR differences), a
caption under every photo. An official or a regulation is the same fact wherever the
article names it. An event or a count is the same fact when it is read from the same
(or nearly the same) sentence: two different events can share a date, two different
counts a number.
"""

from __future__ import annotations

from factx.normalise import fold_text
from factx.records import Fact

# Two sentences whose character bigrams overlap this much are copies of one sentence.
SAME_SENTENCE = 0.8


def fact_key(fact: Fact) -> tuple:
    """What makes two records of one article the same fact (before looking at sentences)."""
    if fact.type == "event":
        return ("event", fact.date.start, fact.date.end)
    if fact.type == "count":
        return ("count", fact.value, fact.unit)
    if fact.type == "official":
        return ("official", fact.name, fact.title, fact.org)
    return ("regulation", fold_text(fact.title))


def _bigrams(text: str) -> set[str]:
    folded = fold_text(text)
    return {folded[i:i + 2] for i in range(len(folded) - 1)} or {folded}


def similar(a: str, b: str) -> bool:
    """True when two sentences are copies of each other, allowing small OCR differences."""
    if a == b:
        return True
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / max(len(x | y), 1) >= SAME_SENTENCE


def merge_repeats(facts: list[Fact]) -> list[Fact]:
    """The facts with repeats folded into the first statement's `also_at`, in text order."""
    kept: list[Fact] = []
    first_of: dict[tuple, list[Fact]] = {}
    for fact in facts:
        key = fact_key(fact)
        earlier = first_of.setdefault(key, [])
        same = next((f for f in earlier if f.type in ("official", "regulation") or similar(f.sentence, fact.sentence)), None)
        if same is not None:
            same.also_at.append(fact.span)
            continue
        earlier.append(fact)
        kept.append(fact)
    return kept
