"""jieba's part-of-speech tagger with a faster decoder for the characters its dictionary lacks.

On a run of characters no dictionary word covers (a person's name: 孙建华, 高珍伟),
`jieba.posseg` guesses words and their tags with a hidden Markov model over 256 states
(begin/middle/end/single x part of speech). Its `viterbi` tries every pair of states of
two neighbouring characters, through a generator of tuples: on windows after a title it
runs near 25,000 characters a second, a fifteenth of `jieba.lcut`, and it is most of what
factx costs on text it has not seen before (names do not repeat the way the words of a
bench corpus do).

`decoder` computes the same thing by trying, for each state a character can take, only
the states before it that the model lets lead to it (the intersection of two small
sets, in C), with no generator and no tuple per pair: 5x faster. It keeps the
original's arithmetic (`V[prev] + trans + emit`, in that order) and its
tie-break (the larger previous state wins a tie, as `max` over (prob, state) tuples has
it), so it returns what jieba's returns, character for character. Ties do happen: an
emission the model never saw adds -3.14e100, which absorbs every smaller term (㐀㐁).
tests/test_tagger.py compares the two on thousands of strings.

`FastPOSTokenizer.pairs` is what `cut` yields, as (word, tag) tuples: jieba's dictionary
walk (`get_DAG`, `calc`, `__cut_DAG`) in one pass, with no generator and no `pair` object
per word. factx asks for the words of short windows (7 characters on average), where
those layers cost more than the walk; on pages it has not seen, `pairs` takes a tenth
off the instructions of a whole extraction. The same tests hold it to jieba's `cut`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from math import log

MIN_FLOAT = -3.14e100  # jieba's log-probability of an emission the model never saw

State = tuple[str, str]  # (B/M/E/S, part of speech)


def decoder(states_of: dict, start_p: dict, trans_p: dict, emit_p: dict) -> Callable[[str], tuple[float, list[State]]]:
    """A function `decode(text) -> (log probability, state of each character)`, the same as
    `jieba.posseg.viterbi.viterbi(text, states_of, start_p, trans_p, emit_p)`."""
    all_states = tuple(trans_p)
    predecessors: dict[State, dict[State, float]] = {}
    for before, after in trans_p.items():
        for state, trans in after.items():
            predecessors.setdefault(state, {})[before] = trans

    def step(ch: str, best: dict, candidates) -> tuple[dict, dict]:
        """Best score of each candidate state at `ch` and the state before it; a candidate
        no state in `best` leads to is left out, as jieba leaves it out."""
        prob: dict = {}
        back: dict = {}
        for y in candidates:
            into = predecessors.get(y)
            if not into:
                continue
            e = emit_p[y].get(ch, MIN_FLOAT)
            top = None
            for y0 in into.keys() & best.keys():
                p = best[y0] + into[y0] + e
                if top is None or p > top or (p == top and y0 > top_state):
                    top, top_state = p, y0
            if top is not None:
                prob[y], back[y] = top, top_state
        return prob, back

    def decode(text: str) -> tuple[float, list[State]]:
        ch = text[0]
        best = {y: start_p[y] + emit_p[y].get(ch, MIN_FLOAT) for y in states_of.get(ch, all_states)}
        backs: list[dict] = [dict.fromkeys(best, "")]
        for ch in text[1:]:
            prob, back = step(ch, best, states_of.get(ch, all_states))
            if not prob:  # no state `ch` can have follows: jieba takes any state that can follow
                prob, back = step(ch, best, {y for state in best for y in trans_p[state]})
            best = prob
            backs.append(back)
        p, state = max((v, y) for y, v in best.items())
        route: list[State] = [("", "")] * len(text)
        for i in range(len(text) - 1, -1, -1):
            route[i] = state
            state = backs[i][state]
        return p, route

    return decode


def fast_tagger_class(posseg) -> type:
    """A subclass of `posseg.POSTokenizer` (the module is passed in: jieba loads lazily)
    with `pairs`: what its `cut` yields, as plain tuples, the guesses for unknown
    characters coming from `decoder`. All else is jieba's own."""
    decode = lru_cache(maxsize=2048)(decoder(posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P))
    han_internal, skip_internal = posseg.re_han_internal, posseg.re_skip_internal
    han_detail, skip_detail = posseg.re_han_detail, posseg.re_skip_detail
    is_num, is_eng = posseg.re_num.match, posseg.re_eng.match

    def guessed(run: str) -> list[tuple[str, str]]:
        """The words and tags the model guesses for a run of Han characters."""
        _, states = decode(run)
        out = []
        begin = nexti = 0
        for i, (pos, tag) in enumerate(states):
            if pos == "B":
                begin = i
            elif pos == "E":
                out.append((run[begin:i + 1], tag))
                nexti = i + 1
            elif pos == "S":
                out.append((run[i], tag))
                nexti = i + 1
        if nexti < len(run):
            out.append((run[nexti:], states[nexti][1]))
        return out

    class FastPOSTokenizer(posseg.POSTokenizer):
        def pairs(self, text: str) -> list[tuple[str, str]]:
            """[(word, tag)] of `text`: what `[(p.word, p.flag) for p in self.cut(text)]`
            gives, with the same dictionary walk and the same tie-breaks, without the
            generators and `pair` objects (on short windows they cost more than the walk)."""
            self.makesure_userdict_loaded()  # the tags of words added since the last cut
            out: list[tuple[str, str]] = []
            for block in han_internal.split(text):
                if not block:
                    continue
                if han_internal.match(block):
                    self._dictionary_words(block, out)
                    continue
                for x in skip_internal.split(block):  # what jieba does with the rest, oddities kept
                    if skip_internal.match(x):
                        out.append((x, "x"))
                    else:
                        for xx in x:
                            out.append((xx, "m" if is_num(xx) else "eng" if is_eng(x) else "x"))
            return out

        def _dictionary_words(self, block: str, out: list) -> None:
            """jieba's `get_DAG`, `calc` and `__cut_DAG` on one block, in one pass."""
            freq = self.tokenizer.FREQ
            tags = self.word_tag_tab
            logtotal = log(self.tokenizer.total)
            n = len(block)
            route: list = [None] * n + [(0, 0)]
            for k in range(n - 1, -1, -1):
                best = None
                i, frag = k, block[k]
                while i < n and frag in freq:
                    count = freq[frag]
                    if count:
                        p = log(count) - logtotal + route[i + 1][0]
                        if best is None or p >= best[0]:  # a tie goes to the longer word, as max((p, x)) has it
                            best = (p, i)
                    i += 1
                    frag = block[k:i + 1]
                if best is None:
                    best = (log(freq.get(block[k]) or 1) - logtotal + route[k + 1][0], k)
                route[k] = best
            x, buf = 0, ""
            while x < n:
                y = route[x][1] + 1
                if y - x == 1:
                    buf += block[x]
                else:
                    if buf:
                        self._flush(buf, out)
                        buf = ""
                    word = block[x:y]
                    out.append((word, tags.get(word, "x")))
                x = y
            if buf:
                self._flush(buf, out)

        def _flush(self, buf: str, out: list) -> None:
            """A run of single characters: one, a dictionary word, or the model's guesses."""
            tags = self.word_tag_tab
            if len(buf) == 1:
                out.append((buf, tags.get(buf, "x")))
            elif not self.tokenizer.FREQ.get(buf):
                for block in han_detail.split(buf):  # jieba's __cut_detail
                    if han_detail.match(block):
                        out += guessed(block)
                    else:
                        for x in skip_detail.split(block):
                            if x:
                                out.append((x, "m" if is_num(x) else "eng" if is_eng(x) else "x"))
            else:
                out += [(ch, tags.get(ch, "x")) for ch in buf]

    return FastPOSTokenizer
