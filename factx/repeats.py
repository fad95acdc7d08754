"""Facts stated more than once: written once, later places in `also_at`; copies of an article dropped on demand.

Pages repeat themselves: a paragraph printed twice (sometimes with OCR differences), a
caption under every photo. An official or a regulation is the same fact wherever the
article names it. An event or a count is the same fact when it is read again from
another copy of the same sentence: two different events can share a date, two different
counts a number, and two facts read from one and the same sentence (`制定法规7件，…，
废止7件`) are two facts.

Across documents nothing is merged by default. `Deduper` (behind `factx extract --dedupe`)
is a streaming filter over the records of a batch, in input order: an article that is a
near-identical copy of an article already written (000 is a damaged copy of part of 001)
loses the facts already written for that copy.
"""

from __future__ import annotations

import bisect
import difflib
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from factx.normalise import fold_text
from factx.records import Fact

Span = tuple[int, int]

# Two sentences of one article this similar (difflib ratio of the folded texts) are copies of one sentence.
SAME_SENTENCE = 0.8
# Between two articles already found to be copies, the same fact's sentences may differ more (OCR damage:
# the copies of a caption in samples 000 and 001 score 0.61 to 0.93).
SAME_SENTENCE_IN_COPY = 0.6
# An article is a copy of an earlier one when this share of the smaller one's shingles occur in the other,
SAME_ARTICLE = 0.5
# counted over shingles of this many folded characters,
SHINGLE = 4
# keeping one shingle in SKETCH (by a stable hash, so runs agree) to keep memory small over a long batch,
SKETCH = 4
# and never for articles too small to tell (fewer sampled shingles than this).
MIN_SKETCH = 3
# Candidates are found through shingles shared by at most this many written articles (boilerplate
# such as 呼和浩特市政协 is in all of them and would make the search quadratic), then scored exactly.
# Only one sketch hash in LOOKUP is indexed and looked up; candidates are then scored on the whole sketch.
MAX_POSTINGS = 64
MAX_CANDIDATES = 32
LOOKUP = 8


def fact_key(fact: Fact | dict) -> tuple:
    """What makes two records the same fact (before looking at sentences): the FACTS.md scoring key.

    Takes a record or its JSON form (`record.model_dump(mode="json")`).

    >>> fact_key({"type": "count", "value": 7, "unit": "件"})
    ('count', 7, '件')
    """
    if isinstance(fact, dict):
        kind, get = fact["type"], fact.get
        date = fact.get("date") or {}
        start, end = date.get("start"), date.get("end")
    else:  # read off the model: a model_dump per fact cost 2% of a run
        kind, get = fact.type, partial(getattr, fact)
        start, end = (fact.date.start, fact.date.end) if kind == "event" else (None, None)
    if kind == "event":
        return ("event", start, end)
    if kind == "count":
        return ("count", get("value"), get("unit"))
    if kind == "official":
        # One person in one article is one fact, however the office is worded each time
        # (市政协主席孙建华 ... 孙建华主席): the first statement stands, later ones are also_at.
        return ("official", get("name"))
    return ("regulation", fold_text(get("title")))


def similar(a: str, b: str, threshold: float = SAME_SENTENCE) -> bool:
    """True when two sentences are copies of each other, allowing small OCR differences.

    >>> similar("市政协组织委员赴武川县调研。", "市政协组织委员赴武川具调研。")
    True
    """
    if a == b:
        return True
    x, y = fold_text(a), fold_text(b)
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def merge_repeats(facts: list[Fact], sentences: list[Span] | None = None,
                  seats: frozenset[str] = frozenset()) -> list[Fact]:
    """The facts with repeats folded into the first statement's `also_at`, in text order.

    `sentences` (the article's sentence spans, in order) tells two facts of one sentence
    apart from a fact and its copy in another sentence; without it, sentences are told
    apart by their text only. `seats` are titles that are no office of their own (委员,
    代表): an official first named by a seat alone (反映人:区政协委员 张三) is written from
    the later statement that gives an office (区农业农村委副主任张三), the first place
    going to `also_at`.
    """
    starts = [s for s, _ in sentences] if sentences else []

    def place(fact: Fact) -> int | str:
        return bisect.bisect_right(starts, fact.span[0]) - 1 if starts else fact.sentence

    kept: list[Fact] = []
    first_of: dict[tuple, list[tuple[Fact, int | str]]] = {}
    for fact in facts:
        earlier = first_of.setdefault(fact_key(fact), [])
        here = place(fact)
        same = next((f for f, where in earlier if where != here and (
            f.type in ("official", "regulation") or similar(f.sentence, fact.sentence))), None)
        if same is None and fact.type in ("official", "regulation"):
            same = next((f for f, _ in earlier), None)  # named twice in one sentence: still one fact
        if same is not None and same.type == "official" and same.title in seats and fact.title not in seats:
            kept[kept.index(same)] = fact
            earlier[:] = [(fact, here) if f is same else (f, where) for f, where in earlier]
            fact.also_at = sorted([same.span, *same.also_at])
            continue
        if same is not None:
            same.also_at.append(fact.span)
            if fact.type == "regulation" and not fact.draft:
                same.draft = False  # the draft debated, then the text adopted: no longer a draft
            continue
        earlier.append((fact, here))
        kept.append(fact)
    return kept


# --- copies of an article across a batch ----------------------------------------------------


@dataclass
class _Written:
    """What the Deduper remembers of an article it let through."""

    doc: str
    article: int
    sketch: frozenset[int]
    facts: dict[tuple, list[str]] = field(default_factory=dict)  # key -> sentences written


def _sketch(sentences: Iterable[str]) -> frozenset[int]:
    """Sampled hashes of the SHINGLE-character shingles of the folded sentences."""
    out: set[int] = set()
    crc32 = zlib.crc32
    for sentence in dict.fromkeys(sentences):
        folded = fold_text(sentence)
        hashes = (crc32(folded[i:i + SHINGLE].encode()) for i in range(max(len(folded) - SHINGLE + 1, 1)))
        out.update(h for h in hashes if h % SKETCH == 0)
    return frozenset(out)


class Deduper:
    """Drop facts already written for a near-identical article earlier in the batch.

    Records go through in order; an article's records (its `article` record, if any, and
    its facts) are held until the article ends, then compared. Articles are compared by
    the text of the sentences their facts stand in (records carry no other text): an
    article is a copy of an earlier one when at least SAME_ARTICLE of the smaller one's
    shingles occur in the other, so a damaged copy of part of an article counts. In a
    copy, a fact is dropped when the earlier article wrote one with the same key from a
    similar sentence; the others stay. The `article` record stays, its `facts` counts
    recomputed. Each copy found is reported through `warn`.

    Works on pydantic records (`filter`) or on their JSON lines (`filter_lines`).

    >>> d = Deduper(warn=print)
    >>> line = ('{"type":"count","doc":"%s","article":0,"span":[0,4],"text":"244件","sentence":'
    ...         '"一年来,市人大常委会制定修改地方性法规9件,办理代表议案建议244件。","rule":"r","value":244,"unit":"件"}')
    >>> out = list(d.filter_lines([line % "a.txt", line % "b.txt"]))
    dedupe: b.txt article 0: dropped 1 of 1 facts already written for a.txt article 0 (similarity 1.00)
    >>> len(out), d.dropped
    (1, 1)
    """

    def __init__(self, warn: Callable[[str], None] | None = None) -> None:
        self.warn = warn
        self.dropped = 0
        self._written: list[_Written] = []
        self._index: dict[int, list[int] | None] = {}  # sketch hash -> indexes into _written (None: too common)

    def filter(self, records: Iterable[Any]) -> Iterator[Any]:
        """The records (pydantic models) without the facts of copies, in order."""
        return self._run(records, lambda r: r.model_dump(mode="json"), _recount_model)

    def filter_lines(self, lines: Iterable[str]) -> Iterator[str]:
        """The same over JSON lines, as `factx extract` writes them."""
        return self._run(lines, json.loads, _recount_line)

    def _run(self, items, as_dict, recount) -> Iterator[Any]:
        group: list[tuple[Any, dict]] = []
        for item in items:
            data = as_dict(item)
            if group and (data["type"] == "article" or (data["doc"], data["article"]) != (group[0][1]["doc"], group[0][1]["article"])):
                yield from self._close(group, recount)
                group = []
            group.append((item, data))
        if group:
            yield from self._close(group, recount)

    def _close(self, group: list[tuple[Any, dict]], recount) -> Iterator[Any]:
        head = group[0][1]
        facts = [(item, data) for item, data in group if data["type"] != "article"]
        sketch = _sketch(data["sentence"] for _, data in facts)
        copies = self._copies_of(sketch)
        kept = []
        for item, data in facts:
            key, sentence = fact_key(data), data["sentence"]
            if any(similar(sentence, s, SAME_SENTENCE_IN_COPY) for w, _ in copies for s in w.facts.get(key, ())):
                continue
            kept.append((item, data))
        written = _Written(head["doc"], head["article"], sketch)
        for _, data in kept:
            written.facts.setdefault(fact_key(data), []).append(data["sentence"])
        self._remember(written)
        if len(kept) < len(facts):
            self.dropped += len(facts) - len(kept)
            if self.warn:
                matched = ", ".join(f"{w.doc} article {w.article} (similarity {score:.2f})" for w, score in copies)
                self.warn(f"dedupe: {head['doc']} article {head['article']}: dropped {len(facts) - len(kept)} "
                          f"of {len(facts)} facts already written for {matched}")
        for item, data in group:
            if data["type"] == "article":
                yield recount(item, [d for _, d in kept]) if len(kept) < len(facts) else item
        for item, _ in kept:
            yield item

    def _copies_of(self, sketch: frozenset[int]) -> list[tuple[_Written, float]]:
        if len(sketch) < MIN_SKETCH:
            return []
        shared: dict[int, int] = {}
        for h in sketch:
            if h // SKETCH % LOOKUP == 0:
                for n in self._index.get(h) or ():
                    shared[n] = shared.get(n, 0) + 1
        copies = []
        for n in sorted(shared, key=lambda n: -shared[n])[:MAX_CANDIDATES]:
            other = self._written[n]
            smaller = min(len(sketch), len(other.sketch))
            score = len(sketch & other.sketch) / smaller if smaller >= MIN_SKETCH else 0.0
            if score >= SAME_ARTICLE:
                copies.append((other, score))
        return sorted(copies, key=lambda pair: -pair[1])

    def _remember(self, written: _Written) -> None:
        n = len(self._written)
        self._written.append(written)
        for h in written.sketch:
            if h // SKETCH % LOOKUP:
                continue
            postings = self._index.setdefault(h, [])
            if postings is not None:
                postings.append(n)
                if len(postings) > MAX_POSTINGS:
                    self._index[h] = None


def _counts(facts: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for data in facts:
        counts[data["type"]] = counts.get(data["type"], 0) + 1
    return counts


def _recount_model(article, facts: list[dict]):
    return article.model_copy(update={"facts": _counts(facts)})


def _recount_line(line: str, facts: list[dict]) -> str:
    data = json.loads(line)
    data["facts"] = _counts(facts)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
