"""Run compiled rules over an article's folded text.

An article's sentences are folded (see normalise.py) and joined with a newline, which no
match may cross: one scan per rule covers the whole article, at regex speed, instead of
one Python call per sentence. `ArticleText` maps every folded position back to the
original text and to its sentence.
"""

from __future__ import annotations

import bisect
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice

from factx.normalise import fold_texts, kept_offsets
from factx.rules import KEY_GROUP, Rule

SEPARATOR = "\n"

# A pattern that runs longer than this on one article is cut off and reported, so that
# one rule that backtracks forever cannot stall a batch.
RULE_TIMEOUT_SECONDS = 2.0

# How the cut-off is enforced. The regex module's own `timeout=` looks at the clock at every
# step of the engine, which makes every scan ~25% slower, however long the limit. The
# engine also checks for signals as it goes, so where a signal can be used (Unix, the main
# thread, SIGALRM not in use by anyone else) a timer interrupts a scan that runs too long.
# The timer is armed once per article, not once per rule (two system calls per rule were 3%
# of all the time factx spends): when it rings, the handler lets the scan go on if that
# rule started less than the limit ago, and sets the timer to ring when its time is up.
# Elsewhere (a Dask worker's thread, Windows, a host program with its own alarm) scans
# take `timeout=` as before.
_CAN_ALARM = hasattr(signal, "setitimer")


class _Deadline(Exception):
    """Raised by the SIGALRM handler when a scan has run out of time."""


_scan_started: float | None = None  # time.monotonic() when the timed scan running now began


def _on_alarm(signum, frame) -> None:
    if _scan_started is None:  # between two scans: the next one gets the whole limit
        signal.setitimer(signal.ITIMER_REAL, RULE_TIMEOUT_SECONDS)
        return
    left = _scan_started + RULE_TIMEOUT_SECONDS - time.monotonic()
    if left > 0:  # the rules before this one used part of the time
        signal.setitimer(signal.ITIMER_REAL, left)
        return
    signal.setitimer(signal.ITIMER_REAL, RULE_TIMEOUT_SECONDS)  # armed for the rules after this one
    raise _Deadline


@contextmanager
def _alarm_or_none() -> Iterator[bool]:
    """Install the SIGALRM handler and arm the timer for the scans of one article when it
    can be used (yields True), restoring what was there after; else yields False."""
    global _scan_started
    if not (_CAN_ALARM and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, _on_alarm)
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)):
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _scan_started = None
    signal.setitimer(signal.ITIMER_REAL, RULE_TIMEOUT_SECONDS)
    try:
        yield True
    finally:
        _scan_started = None
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class ArticleText:
    text: str                          # folded sentences joined by SEPARATOR
    sentence_starts: list[int]         # folded start of each sentence
    sentences: list[tuple[int, int]]   # original span of each sentence
    # Folded index -> original index is start + offset within a sentence, except in the few
    # sentences folding shortened (a space dropped): those keep their own list. An article's
    # full list of offsets cost more to build than all the spans asked of it.
    shortened: dict[int, list[int]]    # sentence index -> original index of each folded character

    @classmethod
    def build(cls, original: str, sentences: list[tuple[int, int]]) -> "ArticleText":
        parts: list[str] = []
        starts: list[int] = []
        shortened: dict[int, list[int]] = {}
        pos = 0
        pieces = [original[start:end] for start, end in sentences]
        for k, ((start, end), piece, folded) in enumerate(zip(sentences, pieces, fold_texts(pieces))):
            if len(folded) != len(piece):
                shortened[k] = kept_offsets(original, start, end)
            starts.append(pos)
            parts.append(folded)
            parts.append(SEPARATOR)
            pos += len(folded) + 1
        return cls("".join(parts), starts, sentences, shortened)

    def origin_of(self, i: int) -> int:
        """Original index of folded `i`; a separator stands where its sentence ends, and
        `len(text)` one past the end of the last sentence."""
        k = bisect.bisect_right(self.sentence_starts, i) - 1
        if k < 0:
            return 0
        offset = i - self.sentence_starts[k]
        start, end = self.sentences[k]
        own = self.shortened.get(k)
        length = end - start if own is None else len(own)
        if offset < length:
            return start + offset if own is None else own[offset]
        return end if offset == length else end + 1

    @property
    def origin(self) -> list[int]:
        """origin_of every folded index, and of len(text)."""
        return [self.origin_of(i) for i in range(len(self.text) + 1)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of folded text[start:end]."""
        if end <= start:
            at = self.origin_of(start)
            return at, at
        return self.origin_of(start), self.origin_of(end - 1) + 1

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """Folded [start, end) of sentence `index` (without the separator)."""
        start = self.sentence_starts[index]
        end = self.sentence_starts[index + 1] - 1 if index + 1 < len(self.sentence_starts) else len(self.text) - 1
        return start, end


@dataclass
class Match:
    rule: Rule
    start: int                     # folded offsets into ArticleText.text
    end: int
    groups: dict[str, tuple[int, int]]  # named group -> folded span (groups that took part)

    def group(self, text: str, name: str) -> str | None:
        span = self.groups.get(name)
        return text[span[0]:span[1]] if span else None

    @property
    def key(self) -> tuple[int, int]:
        return self.groups[KEY_GROUP[self.rule.type]]


class RuleTimeout(Exception):
    def __init__(self, rule: Rule):
        self.rule = rule
        super().__init__(f"rule {rule.id} ({rule.where()}) ran longer than {RULE_TIMEOUT_SECONDS}s and was skipped")


def find_matches(rules: list[Rule], atext: ArticleText, on_timeout=None) -> list[Match]:
    """All matches of `rules` in the article, none crossing a sentence boundary."""
    text = atext.text
    found: list[Match] = []
    global _scan_started
    with _alarm_or_none() as alarm:
        for rule in rules:
            names = list(rule.compiled.groupindex)
            try:
                if alarm:
                    _scan_started = time.monotonic()
                    try:
                        _scan(rule, names, _matches(rule, text, None), found)
                    finally:
                        _scan_started = None
                else:
                    _scan(rule, names, _matches(rule, text, time.monotonic() + RULE_TIMEOUT_SECONDS), found)
            except (TimeoutError, _Deadline):
                if on_timeout is None:
                    raise RuleTimeout(rule) from None
                on_timeout(RuleTimeout(rule))
    return found


def _matches(rule: Rule, text: str, deadline: float | None) -> Iterator:
    """What `rule.compiled.finditer(text)` gives; with a `deadline` (time.monotonic()), a
    TimeoutError once it has passed.

    A rule with `starts` (rules.py, `starts_with`) is tried only where it says a match may
    start, which finditer would find first too: every match starts there, no earlier
    position holds one, and after a match the search goes on from its end, as finditer's
    does. After an empty match finditer looks again at the same position (for a longer
    match); so does this, by handing the rest over to finditer.

    A rule with `requires` gives nothing on an article where that pattern is not found;
    its search is timed like the scan, so a runaway `requires` is cut off too."""
    def limit() -> dict:
        if deadline is None:
            return {}
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("regex timed out")
        return {"timeout": left}

    if rule.requires is not None and rule.requires.search(text, **limit()) is None:
        return
    if rule.starts is None:
        yield from rule.compiled.finditer(text, **limit())
        return
    resume = 0
    for start in rule.starts.finditer(text):
        pos = start.start()
        if pos < resume:
            continue
        m = rule.compiled.match(text, pos, **limit())
        if m is None:
            continue
        if m.end() == pos:
            yield from islice(rule.compiled.finditer(text, pos, **limit()), 1, None)
            return
        yield m
        resume = m.end()


def _scan(rule: Rule, names: list[str], matches, found: list[Match]) -> None:
    for m in matches:
        start, end = m.span()
        if end == start or SEPARATOR in m.group():
            continue
        spans = map(m.span, names)  # one call per group
        groups = {n: span for n, span in zip(names, spans) if span[0] >= 0}
        found.append(Match(rule, start, end, groups))
