"""The pattern cache (factx/patterns.py): the same patterns, without `regex`'s parser on a later start."""

from __future__ import annotations

import regex

import factx.patterns as patterns

SOURCE = r"(?P<date>\d{1,2}月\d{1,2}日)(?=[,，]?\p{Han})"
TEXT = "会议于1月8日上午开幕，11日下午闭幕；3月5日，县人大常委会召开会议。"


def _fresh_process(monkeypatch, tmp_path, **env):
    """The module as a new process finds it: nothing read yet, the cache under `tmp_path`."""
    monkeypatch.setenv("FACTX_CACHE_DIR", str(tmp_path))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_used", set())
    monkeypatch.setattr(patterns, "_grown", False)
    monkeypatch.setattr(patterns.atexit, "register", lambda fn: None)  # the test saves by hand
    regex.purge()  # `regex`'s own cache would hand back the pattern without compiling it


def test_a_stored_pattern_is_handed_to_the_engine_without_the_parser(monkeypatch, tmp_path):
    _fresh_process(monkeypatch, tmp_path)
    first = patterns.compile_pattern(SOURCE, regex.MULTILINE)
    patterns._save()
    assert patterns.cache_path().exists()

    _fresh_process(monkeypatch, tmp_path)

    def no_parser(*args, **kwargs):
        raise AssertionError("regex.compile called for a stored pattern")

    monkeypatch.setattr(patterns.regex, "compile", no_parser)
    again = patterns.compile_pattern(SOURCE, regex.MULTILINE)
    assert [m.groupdict() for m in again.finditer(TEXT)] == [m.groupdict() for m in first.finditer(TEXT)] == [
        {"date": "1月8日"}, {"date": "3月5日"}]
    assert (again.pattern, again.flags, again.groupindex) == (first.pattern, first.flags, first.groupindex)


def test_a_broken_pattern_raises_as_ever_and_is_not_stored(monkeypatch, tmp_path):
    _fresh_process(monkeypatch, tmp_path)
    try:
        patterns.compile_pattern(r"(?P<date>\d+月", regex.MULTILINE)
    except regex.error as exc:
        assert "missing )" in str(exc)
    else:
        raise AssertionError("a broken pattern compiled")
    assert patterns._stored == {} and not patterns._grown


def test_an_unreadable_cache_file_is_compiled_anew_and_rewritten(monkeypatch, tmp_path, caplog):
    _fresh_process(monkeypatch, tmp_path)
    patterns.cache_path().write_bytes(b"not a marshal file")
    compiled = patterns.compile_pattern(SOURCE)
    assert compiled.search(TEXT)["date"] == "1月8日"
    assert "pattern cache unusable" in caplog.text
    patterns._save()
    _fresh_process(monkeypatch, tmp_path)
    assert list(patterns._load()) == [(SOURCE, 0)]


def test_the_cache_can_be_turned_off(monkeypatch, tmp_path):
    _fresh_process(monkeypatch, tmp_path, FACTX_NO_PATTERN_CACHE="1")
    assert patterns.compile_pattern(SOURCE).search(TEXT)["date"] == "1月8日"
    patterns._save()
    assert not patterns.cache_path().exists()


def test_an_unwritable_cache_directory_warns_and_compiles_all_the_same(monkeypatch, tmp_path, caplog):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory should be")
    _fresh_process(monkeypatch, blocked)
    assert patterns.compile_pattern(SOURCE).search(TEXT)["date"] == "1月8日"
    patterns._save()  # what exit would do: no exception, a warning naming the problem
    assert "pattern cache not written" in caplog.text
    assert blocked.read_text() == "a file where the cache directory should be"
