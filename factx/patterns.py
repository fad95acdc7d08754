"""Compile the rule pack's patterns, keeping `regex`'s work across processes.

`regex` parses and compiles a pattern in pure Python, then hands a list of opcodes to its C
engine. The rule pack's patterns are long (its lexicons are alternations of hundreds of
words), and compiling the two hundred-odd of them took 0.9 s of every `factx extract`'s
start. The opcodes depend only on the pattern, its flags and the versions of `regex` and
Python, so they are kept in one file in factx's cache directory (`words.cache_dir()`) and
handed straight to the engine the next time: the same pattern object, without the parser.

A pattern not in the file is compiled as usual, so an error in a rule is reported as usual
(nothing broken is ever stored). The file is rewritten, whole and atomically, at the exit
of a process that compiled a new pattern. `FACTX_NO_PATTERN_CACHE=1` turns it off. It uses
`regex`'s private hand-over (`regex._main._regex.compile`): if that is ever missing or
refuses the stored arguments, compiling falls back to `regex.compile` alone.
"""

from __future__ import annotations

import atexit
import logging
import marshal
import os
import sys
import tempfile
import threading
from pathlib import Path

import regex

log = logging.getLogger(__name__)

try:  # the C engine and the module that hands it the opcodes
    from regex import _main as _HANDOVER
    _ENGINE = _HANDOVER._regex
except (ImportError, AttributeError):  # another layout of `regex`: no cache, same patterns
    _HANDOVER = _ENGINE = None

_lock = threading.Lock()
_stored: dict[tuple[str, int], tuple] | None = None  # (pattern, flags) -> the engine's arguments
_used: set[tuple[str, int]] = set()  # the keys this process compiled
_grown = False
# Past this many entries (rule files edited many times), the file keeps only this process's.
_MAX_ENTRIES = 2000


class _Recorder:
    """Stands in for the engine while `regex` compiles one pattern, and keeps what it was handed."""

    def __init__(self) -> None:
        self.args: tuple | None = None

    def __getattr__(self, name: str):
        return getattr(_ENGINE, name)

    def compile(self, *args):
        self.args = args
        return _ENGINE.compile(*args)


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile(source, flags)`, from the cache file when the pattern is in it."""
    global _grown
    key = (source, int(flags))  # (an int: the flags' enum does not marshal)
    with _lock:
        stored = _load()
        if stored is None:
            return regex.compile(source, flags)
        _used.add(key)
        args = stored.get(key)
        if args is not None:
            try:
                return _ENGINE.compile(*args)
            except Exception as exc:  # a file from another build of `regex`: compile anew
                log.debug("pattern cache entry refused (%s)", exc)
        recorder = _Recorder()
        _HANDOVER._regex = recorder
        try:
            compiled = regex.compile(source, flags)
        finally:
            _HANDOVER._regex = _ENGINE
        if recorder.args is not None:  # (None when `regex` had it in its own cache already)
            pattern, engine_flags, *rest = recorder.args
            stored[key] = (pattern, int(engine_flags), *rest)
            _grown = True
        return compiled


def cache_path() -> Path:
    """The cache file for this version of `regex` and of Python."""
    from factx.words import cache_dir
    return cache_dir() / f"patterns-regex{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _load() -> dict | None:
    """The stored patterns, read once per process; None when the cache is off."""
    global _stored
    if _stored is None:
        if _ENGINE is None or os.environ.get("FACTX_NO_PATTERN_CACHE"):
            return None
        try:
            _stored = marshal.loads(cache_path().read_bytes())
            if not isinstance(_stored, dict):
                raise ValueError("not a factx pattern cache")
        except FileNotFoundError:
            _stored = {}
        except Exception as exc:  # unreadable: start afresh, the file is rewritten at exit
            log.warning("pattern cache unusable (%s); compiling anew", exc)
            _stored = {}
        atexit.register(_save)
    return _stored


def _save() -> None:
    """Write the stored patterns, whole, when this process compiled a new one."""
    if not _grown or not _stored:
        return
    kept = _stored if len(_stored) <= _MAX_ENTRIES else {k: v for k, v in _stored.items() if k in _used}
    try:
        data = marshal.dumps(kept)
        path = cache_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as out:
            out.write(data)
        os.replace(out.name, path)
    except Exception as exc:  # no writable cache directory: the next start compiles again
        log.warning("pattern cache not written (%s)", exc)
