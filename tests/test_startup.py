"""Start-up: no work at import time that a command does not need; jieba's dictionary from factx's own cache.

Times are the bench's business (bench/run.py); these tests pin down what is loaded and what
the cache returns. Each runs in a fresh interpreter, so nothing is loaded already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT

# What `factx --help` must not import: the extraction machinery, the value parsers (they
# compile patterns on import) and rich's help formatter (markdown, syntax: 90 ms).
_HEAVY = ("jieba", "pydantic", "factx.rules", "factx.pipeline", "factx.records", "factx.words", "factx.values",
          "typer.rich_utils", "rich.markdown")


def _python(code: str, env: dict | None = None) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, **(env or {})}, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_help_loads_no_rules_no_models_no_jieba():
    loaded = json.loads(_python("""
        import json, sys
        from factx.cli import main
        sys.argv = ["factx", "--help"]
        try:
            main()
        except SystemExit:
            pass
        print("\\n" + json.dumps(sorted(sys.modules)))
    """).splitlines()[-1])
    assert [m for m in loaded if m.startswith(_HEAVY)] == []


_WINDOWS = """
    import json, random
    from pathlib import Path
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("samples").glob("*.txt"))]
    rng = random.Random(5)
    windows = []
    for text in texts:
        for _ in range(150):
            start = rng.randrange(len(text))
            windows.append(text[start:start + rng.randint(1, 30)])
"""


def _plain_jieba(userdict: Path | None = None) -> list:
    return json.loads(_python(_WINDOWS + f"""
    import logging, jieba, jieba.posseg
    jieba.setLogLevel(logging.WARNING)
    tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    if {str(userdict) if userdict else ''!r}:
        tagger.tokenizer.load_userdict({str(userdict)!r})
    print(json.dumps([[[p.word, p.flag] for p in tagger.cut(w)] for w in windows]))
    """))


def _factx_words(cache: Path, userdict: Path | None = None) -> tuple[list, dict]:
    out = _python(_WINDOWS + f"""
    from factx import words
    if {str(userdict) if userdict else ''!r}:
        words.use_userdicts([Path({str(userdict)!r})])
    first = words.words("市政协主席调研")
    tokenizer = words._tokenizer()
    loaded = len(words._dictionary.loaded) if words._dictionary is not None else None
    print(json.dumps({{"words": [[list(p) for p in words.words(w)] for w in windows], "first": first,
                      "loaded_after_first": loaded, "frequency": words.frequency("调研")}}))
    """, {"FACTX_CACHE_DIR": str(cache)})
    data = json.loads(out)
    return data.pop("words"), data


def test_words_from_the_cache_equal_plain_jieba_and_load_only_the_characters_asked_for(tmp_path):
    cache = tmp_path / "cache"
    built, info = _factx_words(cache)  # builds the cache
    files = list(cache.glob("jieba-*.shards"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    again, info_again = _factx_words(cache)  # reads it
    assert files[0].stat().st_mtime_ns == stamp
    assert built == again == _plain_jieba()
    assert info_again["first"] == [["市政协", "j"], ["主席", "n"], ["调研", "vn"]]
    assert info_again["loaded_after_first"] <= len(set("市政协主席调研"))
    assert info_again["frequency"] > 0


@pytest.fixture(scope="module")
def built_cache(tmp_path_factory) -> Path:
    """A cache directory that already holds the dictionary (building it takes a second or two)."""
    cache = tmp_path_factory.mktemp("cache")
    _python("from factx.words import words; words('调研')", {"FACTX_CACHE_DIR": str(cache)})
    return cache


def test_user_dictionaries_count_as_with_plain_jieba(tmp_path, built_cache):
    userdict = tmp_path / "userdict.txt"
    userdict.write_text("孙建华 10 nr\n呼鲁源煤散烧\n政协主席 5\n", encoding="utf-8")
    got, _ = _factx_words(built_cache, userdict)
    assert got == _plain_jieba(userdict)


def test_a_damaged_cache_is_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    _factx_words(cache)
    (path,) = cache.glob("jieba-*.shards")
    path.write_bytes(path.read_bytes()[:1000])  # as if a crash had cut it short
    got, info = _factx_words(cache)
    assert info["loaded_after_first"] is not None  # the cache again, not the fallback
    assert path.stat().st_size > 1_000_000


def test_without_a_writable_cache_directory_jieba_loads_its_own_way(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    got, info = _factx_words(blocker / "cache")
    assert info["loaded_after_first"] is None and info["first"] == [["市政协", "j"], ["主席", "n"], ["调研", "vn"]]


def test_extract_of_a_short_file_never_loads_the_whole_dictionary(tmp_path, built_cache):
    short = tmp_path / "short.txt"
    short.write_text("2023年9月21日,呼和浩特市政协主席孙建华赴武川县调研。\n", encoding="utf-8")
    out = _python(f"""
        import json, sys
        from factx.cli import main
        sys.argv = ["factx", "extract", {str(short)!r}, "-o", {str(tmp_path / "out.jsonl")!r}]
        try:
            main()
        except SystemExit:
            pass
        import jieba
        from factx import words
        print(json.dumps([jieba.dt.initialized, len(words._dictionary.loaded), len(words._dictionary.characters())]))
    """, {"FACTX_CACHE_DIR": str(built_cache)})
    default_initialised, loaded, first_characters = json.loads(out.splitlines()[-1])
    assert not default_initialised  # jieba's own 0.6 s load never ran
    # The characters of the text's windows and of the rule packs' user dictionaries: a
    # few dozen of the dictionary's ~7,000 first characters.
    assert loaded * 20 < first_characters
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") >= 2


def test_jiebas_own_taggers_work_as_before_after_factx_loaded_jieba(built_cache):
    out = _python(_WINDOWS + """
    import sys
    from factx import words
    words.words("调研")  # factx imports jieba its own way
    assert "pkg_resources" not in sys.modules
    import jieba.posseg
    print(json.dumps([[[p.word, p.flag] for p in jieba.posseg.cut(w)] for w in windows]))
    """, {"FACTX_CACHE_DIR": str(built_cache)})
    assert json.loads(out) == _plain_jieba()


def test_a_rule_packs_userdict_reaches_words_read_before_it(tmp_path):
    from factx.rules import load_rules
    from factx.pipeline import Options, extract_text
    from factx.words import words

    window = "呼鲁源煤散烧整治"
    before = [w for w, _ in words(window)]
    assert "呼鲁源煤" not in before
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "userdict.txt").write_text("呼鲁源煤 1000 ns\n", encoding="utf-8")
    list(extract_text("市政协调研。", load_rules([pack]), options=Options(articles=False)))
    assert "呼鲁源煤" in [w for w, _ in words(window)]


def test_load_dictionary_brings_in_every_first_character_and_changes_no_word(built_cache):
    out = _python("""
        import json
        from factx import words
        before = words.words("呼和浩特市政协主席孙建华调研")
        words.words.cache_clear()
        words.load_dictionary()
        cache = words._dictionary
        print(json.dumps([len(cache.loaded), len(cache.characters()), words.words("呼和浩特市政协主席孙建华调研") == before]))
    """, {"FACTX_CACHE_DIR": str(built_cache)})
    loaded, characters, same = json.loads(out.splitlines()[-1])
    assert characters > 5000 and loaded >= characters and same
