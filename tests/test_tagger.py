"""factx.tagger: the faster decoder returns exactly what jieba.posseg's viterbi returns."""

from __future__ import annotations

import random
from pathlib import Path

import jieba.posseg
import pytest
import regex
from jieba.posseg.viterbi import viterbi

from factx.tagger import decoder, fast_tagger_class
from factx.words import _tokenizer

ROOT = Path(__file__).resolve().parent.parent
MODEL = (jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P, jieba.posseg.emit_P)


def han_runs() -> list[str]:
    pages = sorted(ROOT.glob("samples/*.txt")) + sorted(ROOT.glob("tests/heldout/pages/*.txt"))
    return [run for page in pages for run in regex.findall(r"[\u4E00-\u9FD5]{2,}", page.read_text(encoding="utf-8"))]


def cases(count: int, seed: int = 11) -> list[str]:
    """Windows of real text (what factx decodes) and strings of characters drawn at random
    from it (unlikely neighbours: where ties and dead ends show up)."""
    runs, rng = han_runs(), random.Random(seed)
    chars = "".join(runs)
    out = []
    while len(out) < count:
        run = rng.choice(runs)
        start = rng.randrange(len(run) - 1)
        out.append(run[start:rng.randrange(start + 2, min(len(run), start + 14) + 1)])
        out.append("".join(rng.choice(chars) for _ in range(rng.randint(1, 12))))
    return out


def test_decoder_matches_jieba_viterbi_on_thousands_of_strings():
    decode = decoder(*MODEL)
    different = [text for text in cases(1500) if decode(text) != viterbi(text, *MODEL)]
    assert different == []


@pytest.mark.parametrize("text", ["孙建华", "高珍伟出席", "乌兰巴特尔介绍", "郝", "鑫淼", "㐀㐁"])
def test_decoder_matches_jieba_viterbi_on_short_and_rare_text(text):
    # One character, a name, a name and a verb, characters the model has no states for.
    assert decoder(*MODEL)(text) == viterbi(text, *MODEL)


def test_decoded_states_are_a_word_split_with_tags():
    prob, states = decoder(*MODEL)("孙建华调研")
    assert prob < 0
    assert [pos for pos, _ in states] == ["B", "M", "E", "B", "E"]
    assert states[0][1] == "nr"


def test_the_fast_tagger_cuts_sentences_as_jiebas_tagger_does():
    fast = _tokenizer()
    assert isinstance(fast, jieba.posseg.POSTokenizer) and type(fast).__name__ == "FastPOSTokenizer"
    plain = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    plain.tokenizer, plain.word_tag_tab = fast.tokenizer, fast.word_tag_tab  # same dictionary, jieba's decoder
    for text in cases(300, seed=5) + ["呼和浩特市政协副主席回力、高珍伟、郭炳胜等参加调研。"]:
        assert [(p.word, p.flag) for p in fast.cut(text)] == [(p.word, p.flag) for p in plain.cut(text)], text


def test_fast_tagger_class_is_a_postokenizer_subclass():
    cls = fast_tagger_class(jieba.posseg)
    assert issubclass(cls, jieba.posseg.POSTokenizer)
