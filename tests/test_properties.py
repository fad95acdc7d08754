"""Property: noise inside paragraphs never loses a fact nor moves a span off its text.

Random insertions of spaces, line breaks (LF or CRLF) and full-width forms at random places
inside the sentences of a sample's paragraphs: every fact found before is found after
(same type and key), and every span and `also_at` place indexes the new original.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from factx.pipeline import Options, extract_text
from factx.repeats import fact_key
from factx.rules import load_rules
from factx.segment import segment

RULES = load_rules()
_SENTENCE_END = tuple("。！？；!?;")
NOISE = [" ", "\u3000", "\t", "\u00a0", "\n", "\r\n", "  "]


def _subset(name: str, start_marker: str, end_marker: str | None) -> str:
    text = (ROOT / "samples" / name).read_text(encoding="utf-8")
    start = text.index(start_marker)
    end = text.index(end_marker, start) if end_marker else len(text)
    return text[start:end]


# Kept short so that a hundred extractions stay fast: an article with a subtitle, a byline,
# counts, events, regulations and captions set off by image gaps; and a page of three
# short articles (photo stories, a 本报讯 lead).
SUBSETS = {
    "000": _subset("000_cd775876ad8d8dda.txt", "履职尽责谱新篇", "凝心聚力促发展"),
    "004": _subset("004_a0d4c4fe11b1af8c.txt", "政协委员报到", "据了解"),
}


def _inner_positions(text: str) -> list[int]:
    """Positions strictly inside the body sentences of the page (not headlines, bylines, navigation)."""
    out: list[int] = []
    for art in segment(text):
        for start, end in art.sentences:
            if text[start:end].endswith(_SENTENCE_END):
                out.extend(range(start + 1, end))
    return out


def _facts(text: str):
    return [r for r in extract_text(text, RULES, "doc.txt", Options(articles=False))]


BEFORE = {name: Counter((r.type, fact_key(r)) for r in _facts(text)) for name, text in SUBSETS.items()}
POSITIONS = {name: _inner_positions(text) for name, text in SUBSETS.items()}


def _full_width(ch: str) -> str:
    return chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch


@st.composite
def noisy(draw, name: str):
    """The subset with 1 to 8 random edits inside its sentences; returns the new text."""
    text = SUBSETS[name]
    positions = draw(st.lists(st.sampled_from(POSITIONS[name]), min_size=1, max_size=8, unique=True))
    edits = {pos: draw(st.sampled_from(NOISE + ["full-width"])) for pos in positions}
    out = text
    for pos in sorted(edits, reverse=True):
        edit = edits[pos]
        if edit == "full-width":
            out = out[:pos] + _full_width(out[pos]) + out[pos + 1:]
        else:
            out = out[:pos] + edit + out[pos:]
    return out


def test_the_subsets_hold_facts_of_every_kind():
    assert {t for t, _ in BEFORE["000"]} >= {"event", "count", "regulation"}
    assert {t for t, _ in BEFORE["004"]} >= {"event", "count"}


@pytest.mark.parametrize("name", sorted(SUBSETS))
def test_noise_inside_paragraphs_keeps_every_fact_and_span(name):
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(noisy(name))
    def check(new):
        records = _facts(new)
        after = Counter((r.type, fact_key(r)) for r in records)
        missing = BEFORE[name] - after
        assert not missing, f"lost {dict(missing)}"
        for r in records:
            assert new[r.span[0]:r.span[1]] == r.text
            assert r.text.strip() == r.text or r.text in r.sentence
            for start, end in r.also_at:
                assert 0 <= start < end <= len(new)
    check()
