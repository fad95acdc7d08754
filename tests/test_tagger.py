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


def test_fast_tagger_class_is_a_postokenizer_subclass():
    cls = fast_tagger_class(jieba.posseg)
    assert issubclass(cls, jieba.posseg.POSTokenizer)


def page_windows(count: int, seed: int = 2) -> list[str]:
    """Pieces of the pages as they are, digits, Latin letters, spaces and punctuation kept."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("samples/*.txt")) + sorted(ROOT.glob("tests/heldout/pages/*.txt"))]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        page = rng.choice(pages)
        start = rng.randrange(len(page))
        out.append(page[start:start + rng.randint(1, 40)])
    return out


def jiebas_pairs(fast, text: str) -> list[tuple[str, str]]:
    plain = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    plain.tokenizer, plain.word_tag_tab = fast.tokenizer, fast.word_tag_tab  # same dictionary, jieba's walk and decoder
    return [(p.word, p.flag) for p in plain.cut(text)]


def test_pairs_are_what_jiebas_cut_yields():
    fast = _tokenizer()
    assert isinstance(fast, jieba.posseg.POSTokenizer) and type(fast).__name__ == "FastPOSTokenizer"
    odd = ["5G网络 覆盖率达99.5%", "abc123 def", "x\r\ny", "A股", "1.5万元", "", "  ", "孙建华、高珍伟等参加", "㐀㐁",
           "呼和浩特市政协副主席回力、高珍伟、郭炳胜等参加调研。"]
    texts = cases(300, seed=5) + cases(600, seed=7) + page_windows(1500) + odd
    different = [text for text in texts if fast.pairs(text) != jiebas_pairs(fast, text)]
    assert different == []


def test_pairs_tag_a_word_added_after_the_tagger_was_made():
    fast = _tokenizer()
    fast.tokenizer.add_word("塔尔拉县", 10, "ns")  # as a user dictionary adds it: the tag waits in the tokenizer
    try:
        assert fast.pairs("塔尔拉县召开会议")[0] == ("塔尔拉县", "ns")
        assert fast.pairs("塔尔拉县召开会议") == jiebas_pairs(fast, "塔尔拉县召开会议")
    finally:
        fast.tokenizer.del_word("塔尔拉县")
        fast.word_tag_tab.pop("塔尔拉县", None)


def test_a_tie_in_the_dictionary_walk_goes_to_the_longer_word_as_in_jieba():
    # Three characters the dictionary lacks, and four words of one frequency: 龠龡|龢 and
    # 龠|龡龢 then score exactly the same, and jieba's max((p, x)) takes the longer first word.
    fast = _tokenizer()
    added = {"龠": 10, "龠龡": 10, "龡龢": 10, "龢": 10}
    assert not any(word in fast.tokenizer.FREQ and fast.tokenizer.FREQ[word] for word in added)
    for word, freq in added.items():
        fast.tokenizer.add_word(word, freq, "nz")
    try:
        assert jiebas_pairs(fast, "龠龡龢") == [("龠龡", "nz"), ("龢", "nz")]
        assert fast.pairs("龠龡龢") == [("龠龡", "nz"), ("龢", "nz")]
    finally:
        for word in added:
            fast.tokenizer.del_word(word)
            fast.word_tag_tab.pop(word, None)
