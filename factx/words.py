"""Word boundaries and parts of speech from jieba, loaded only when a builder needs them.

jieba tokenises near 1 MB/s, so factx never runs it over whole pages: builders ask for the
words of a short window (the phrase before a number, the characters after a title). The
rule packs' `userdict.txt` files are loaded once, with the dictionary.

Loading jieba's dictionary the usual way costs more than a second: its own cache
(/tmp/jieba.cache, shared by every user of the machine and unreadable for all but the one
who wrote it) still takes 0.6 s to unmarshal, and the part-of-speech table is parsed from
dict.txt on every start. A short window needs the entries of a few characters only, so
factx keeps its own cache, `DictionaryCache`: the word counts and tags split by first
character, in one file under the user's cache directory, each character's share read the
first time a window holds it. The tokeniser sees ordinary dicts that fill as it goes:
every text is made sure of (`_have_entries`) before jieba sees it, since every word jieba
looks up in a text starts with one of its characters. (A dict that loaded on access
cost a Python call per lookup, 5% of all of factx's time.)
"""

from __future__ import annotations

import hashlib
import io
import logging
import mmap
import os
import pickle
import struct
import tempfile
from functools import lru_cache
from pathlib import Path

from factx.tagger import fast_tagger_class

log = logging.getLogger(__name__)
_loaded_userdicts: set[str] = set()
_wanted_userdicts: list[str] = []  # in the order the rule packs load
_MAGIC = b"factx-jieba-shards-2\n"
# jieba's tags for a character that is no word alone but part of one (村, 镇, 琪): a noun
# after a classifier (14个村), a given name's last character (周家|琪).
MORPHEME_TAGS = frozenset({"g", "ng", "zg"})


def cache_dir() -> Path:
    """Where factx keeps its caches: $FACTX_CACHE_DIR, else $XDG_CACHE_HOME/factx, else ~/.cache/factx."""
    if os.environ.get("FACTX_CACHE_DIR"):
        return Path(os.environ["FACTX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factx"


class DictionaryCache:
    """jieba's word counts and part-of-speech tags, stored by first character in one file.

    `freq` and `tags` are the dicts jieba's tokenisers read (`Tokenizer.FREQ`,
    `POSTokenizer.word_tag_tab`); `load(ch)` brings in the entries of the words that
    start with `ch`, before any of them is looked up or written. The file: a magic line, one
    pickled (counts, tags) pair per first character, the pickled index
    {character: (offset, length)} with the dictionary's total count, the index's offset.
    """

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if self._map[:len(_MAGIC)] != _MAGIC:
            raise ValueError(f"{path}: not a factx jieba cache")
        (index_at,) = struct.unpack("<Q", self._map[-8:])
        self.total, self._index = pickle.loads(self._map[index_at:-8])
        self.loaded: set[str] = set()
        self.freq: dict[str, int] = {}
        self.tags: dict[str, str] = {}

    def characters(self) -> list[str]:
        """The first characters the file holds entries for."""
        return list(self._index)

    def load(self, ch: str) -> None:
        """Bring the entries of words starting with `ch` into `freq` and `tags` (once)."""
        self.loaded.add(ch)
        where = self._index.get(ch)
        if where is not None:
            freq, tags = pickle.loads(self._map[where[0]:where[0] + where[1]])
            self.freq.update(freq)
            self.tags.update(tags)

    def load_all(self, text: str) -> None:
        """`load` every character of `text` not loaded yet."""
        for ch in set(text).difference(self.loaded):
            self.load(ch)

    @staticmethod
    def write(path: Path, freq: dict[str, int], total: int, tags: dict[str, str]) -> None:
        """Store jieba's tables at `path` (atomically: readers see the old file or the new one)."""
        shards: dict[str, tuple[dict, dict]] = {}
        for word, count in freq.items():
            shards.setdefault(word[0], ({}, {}))[0][word] = count
        for word, tag in tags.items():
            shards.setdefault(word[0], ({}, {}))[1][word] = tag
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC)
                index = {}
                for ch, shard in shards.items():
                    blob = pickle.dumps(shard, protocol=pickle.HIGHEST_PROTOCOL)
                    index[ch] = (out.tell(), len(blob))
                    out.write(blob)
                index_at = out.tell()
                out.write(pickle.dumps((total, index), protocol=pickle.HIGHEST_PROTOCOL))
                out.write(struct.pack("<Q", index_at))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise


class _LoadedOnAccess(dict):
    """A dict that lets `_ensure(word)` bring in what it may hold before any access to a word."""

    __slots__ = ()

    def _ensure(self, word) -> bool:
        """Load what `word` needs; True when anything was loaded."""
        raise NotImplementedError

    def __contains__(self, word) -> bool:
        self._ensure(word)
        return dict.__contains__(self, word)

    def __missing__(self, word):
        if not self._ensure(word):
            raise KeyError(word)
        return self[word]

    def get(self, word, default=None):
        self._ensure(word)
        return dict.get(self, word, default)

    def __setitem__(self, word, value) -> None:
        self._ensure(word)
        dict.__setitem__(self, word, value)

    def update(self, other=(), **more) -> None:
        for word, value in dict(other, **more).items():
            self[word] = value


def _cache_path(dictionary: Path, version: str) -> Path:
    stat = dictionary.stat()
    key = hashlib.sha256(f"{_MAGIC!r}{version}{dictionary}{stat.st_size}{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    return cache_dir() / f"jieba-{version}-{key}.shards"


def _build_cache(path: Path, tokenizer) -> None:
    """Read dict.txt as jieba does (counts with every prefix, tags) and store it at `path`."""
    import jieba.posseg

    freq, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.load_word_tag(tokenizer.get_dict_file())
    DictionaryCache.write(path, freq, total, tagger.word_tag_tab)
    for old in path.parent.glob("jieba-*.shards"):
        if old != path:
            old.unlink(missing_ok=True)


def _open_cache(path: Path, tokenizer) -> DictionaryCache:
    """The cache at `path`, built first if missing, rebuilt once if unreadable."""
    for attempt in range(2):
        if not path.is_file():
            _build_cache(path, tokenizer)
        try:
            return DictionaryCache(path)
        except Exception:  # damaged or truncated by a crash: unpickling raises many types
            if attempt:
                raise
            path.unlink(missing_ok=True)
    raise AssertionError("unreachable")


def _import_jieba():
    """jieba and jieba.posseg, imported without the work their import does for jieba's own
    global tokenisers, which factx never uses.

    `import jieba` imports pkg_resources (60 ms) to find its data files, and falls back to
    plain paths without it; `import jieba.posseg` builds a global POSTokenizer, parsing
    the 350,000 tags of dict.txt (0.2-0.3 s). That global tagger gets its tags the first
    time it is used instead, so other code in the process sees jieba as it always was.
    """
    import sys

    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba"], sys.modules["jieba.posseg"]
    hide = "jieba" not in sys.modules and "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
    try:
        import jieba
    finally:
        if hide:
            del sys.modules["pkg_resources"]

    jieba.dt.get_dict_file = lambda: io.BytesIO()  # what posseg's global tagger reads its tags from
    try:
        import jieba.posseg
    finally:
        del jieba.dt.get_dict_file
    jieba.posseg.dt.word_tag_tab = _TagsOnFirstUse(jieba.posseg.dt)
    return jieba, jieba.posseg


class _TagsOnFirstUse(_LoadedOnAccess):
    """The tags of jieba's global POSTokenizer, read from its dictionary at the first use."""

    __slots__ = ("_tagger",)

    def __init__(self, tagger):
        super().__init__()
        self._tagger = tagger

    def _ensure(self, word) -> bool:
        if self._tagger is None:
            return False
        tagger, self._tagger = self._tagger, None
        full = type(tagger).__new__(type(tagger))
        full.load_word_tag(tagger.tokenizer.get_dict_file())
        dict.update(self, full.word_tag_tab)
        return True


def _build_tokenizer():
    jieba, _ = _import_jieba()
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tagger_class = fast_tagger_class(jieba.posseg)  # jieba's tagger, its guesses for unknown words 5x faster (tagger.py)
    tokenizer = jieba.Tokenizer()
    try:
        cache = _open_cache(_cache_path(Path(jieba.__file__).with_name("dict.txt"), jieba.__version__), tokenizer)
    except Exception as exc:  # e.g. no writable cache directory: jieba's own way still works
        log.warning("jieba dictionary cache unusable (%s); loading dict.txt", exc)
        tokenizer.tmp_dir = tempfile.gettempdir()
        tokenizer.cache_file = f"factx-jieba-{getattr(os, 'getuid', lambda: 0)()}.cache"  # per user
        tokenizer.initialize()
        return tagger_class(tokenizer)
    global _dictionary
    _dictionary = cache
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = cache.freq, cache.total, True
    tagger = tagger_class.__new__(tagger_class)
    tagger.tokenizer, tagger.word_tag_tab = tokenizer, cache.tags
    return tagger


_dictionary: DictionaryCache | None = None  # None until jieba loads, or when it loaded its own way


def _have_entries(text: str) -> None:
    """Make sure the dictionary holds the entries of every word that starts with a
    character of `text` (with jieba's own dictionary, it always does)."""
    if _dictionary is not None and not _dictionary.loaded.issuperset(text):
        _dictionary.load_all(text)


@lru_cache(maxsize=1)
def _tokenizer():
    tagger = _build_tokenizer()
    _load_wanted_userdicts(tagger)
    return tagger


def load_dictionary() -> None:
    """Bring every entry of jieba's dictionary in now (0.25 s), instead of a first
    character's entries the first time a window holds it: for timing the steady state
    of a long run, as `jieba.initialize()` does for jieba."""
    _tokenizer()
    if _dictionary is not None:
        _have_entries("".join(_dictionary.characters()))


def use_userdicts(paths: list[Path]) -> None:
    """Make the rule packs' user dictionaries (jieba format: word [freq] [tag]) part of every word lookup.

    Cheap when jieba is not loaded yet: they are read when it is. When it is loaded
    already, they are read now and the words looked up without them are forgotten.
    """
    new = [str(path) for path in paths if str(path) not in _wanted_userdicts]
    if not new:
        return
    _wanted_userdicts.extend(new)
    if _tokenizer.cache_info().currsize:
        _load_wanted_userdicts(_tokenizer())
        words.cache_clear()


def _load_wanted_userdicts(tagger) -> None:
    for key in _wanted_userdicts:
        if key not in _loaded_userdicts:
            # Its words and their prefixes are written into the dictionary, and unknown
            # counts are suggested by cutting the word: every character it holds first.
            _have_entries(Path(key).read_text(encoding="utf-8"))
            tagger.tokenizer.load_userdict(key)
            _loaded_userdicts.add(key)


# Windows repeat within a page and rarely across pages: a few thousand keep the hits, at
# about 1.3 KB a window (5 MB; 65,536 held 85 MB).
@lru_cache(maxsize=4096)
def words(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech) pairs of a short text.

    >>> words("市政协主席调研")
    (('市政协', 'j'), ('主席', 'n'), ('调研', 'vn'))
    """
    tagger = _tokenizer()
    _have_entries(text)
    return tuple(tagger.pairs(text))


def frequency(word: str) -> int:
    """How often jieba's dictionary (and the loaded user dictionaries) counts `word`; 0 if never.

    >>> frequency("调研") > 0, frequency("孙建华调研")
    (True, 0)
    """
    freq = _tokenizer().tokenizer.FREQ
    _have_entries(word[:1])
    return freq.get(word) or 0
