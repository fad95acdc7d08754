"""Word boundaries and parts of speech from jieba, loaded only when a builder needs them.

jieba's dictionary takes most of a second to load and tokenising runs near 1 MB/s, so
factx never runs it over whole pages: builders ask for the words of a short window (the
phrase before a number, the characters after a title). The rule packs' `userdict.txt`
files are loaded once, with the dictionary.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_loaded_userdicts: set[str] = set()


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tokenizer.tokenizer.initialize()
    return tokenizer


def load_userdicts(paths: list[Path]) -> None:
    """Add the rule packs' user dictionaries (jieba format: word [freq] [tag]) once each."""
    for path in paths:
        key = str(path)
        if key not in _loaded_userdicts:
            _tokenizer().tokenizer.load_userdict(key)
            _loaded_userdicts.add(key)


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech) pairs of a short text.

    >>> [w for w, _ in words("孙建华调研")]
    ['孙建华', '调研']
    """
    return tuple((pair.word, pair.flag) for pair in _tokenizer().cut(text, HMM=True))
