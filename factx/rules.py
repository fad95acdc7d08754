"""Rule files: schema, loading, macro and lexicon expansion, and the checks behind `factx rules check`.

A rule pack is a directory of TOML files plus `lexicons/*.txt` (one entry a line) and an
optional `userdict.txt` (jieba's user-dictionary format). A TOML file may hold:

    [macros]                      # named regex fragments, used in patterns as {NAME}
    NUM = '''\\d+(?:\\.\\d+)?'''

    [[rule]]
    id = "count.verb_item_number"  # stable, unique; a user rule with the same id replaces it
    type = "count"                 # event | count | official | regulation
    pattern = '''(?P<action>{lex:count_verbs})(?P<item>…)(?P<quantity>{QUANTITY})'''
    examples = [{ text = "办理代表议案建议244件", expect = { value = 244, item = "代表议案建议" } }]
    near_misses = ["2023年9月21日"]
    todo = []                      # known gaps: examples that may fail without failing the build
    starts_with = ["count_verbs"]  # optional, for speed: lexicons one of whose entries starts every match
    requires = '''{APPOINT}'''       # optional, for speed: a pattern every article with a match holds

Patterns run on one article's folded text, one sentence a line: `^` and `$` are the
start and end of a sentence, and no match may cross from one sentence into the next.
`{lex:NAME}` expands to an alternation of the lexicon `lexicons/NAME.txt` (longest first).
Several packs load in order (the default pack, then each `--rules DIR`): macros and rules
with the same name replace earlier ones; lexicon entries add up.

`starts_with` makes a rule faster when its pattern opens on a large lexicon (the 85 first
characters of the office titles): the `regex` engine tests such a set one character at a
time at every position, while Python's `re` finds every entry of a fixed list in one fast
scan. With it, the pattern is tried only where an entry of one of the lexicons begins,
which must be true of every match (an example that no longer matches shows a wrong list).

`requires` makes a rule that seldom matches cheap on the articles it cannot match: the
rule is tried only on an article where this pattern (rule syntax: macros and lexicons)
is found somewhere. `official.appointed` needs a verb of appointment (任命, 选举), which
five articles in six do not hold; its pattern looks back for one at every 、 and ;.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factx.patterns import compile_pattern
from factx.records import FACT_TYPES, MODEL_OF_TYPE

# The group each type of rule must capture: the core of the fact, used to tell two
# matches of the same fact apart (overlaps are resolved on it).
KEY_GROUP = {"event": "date", "count": "quantity", "official": "name", "regulation": "title"}
_MACRO_REF = regex.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_LEXICON_REF = regex.compile(r"\{lex:([a-z][a-z0-9_]*)\}")
_MAX_MACRO_DEPTH = 20


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    expect: dict[str, Any] = Field(default_factory=dict)
    null: list[str] = Field(default_factory=list)  # fields that must be null (TOML has no null)
    year: int | None = None  # publication year, for dates written without one


class RuleSpec(BaseModel):
    """One `[[rule]]` table as written in a rule file."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
    type: Literal["event", "count", "official", "regulation"]
    pattern: str
    description: str = ""
    priority: int = 0
    examples: list[Example] = Field(default_factory=list)
    near_misses: list[str] = Field(default_factory=list)
    todo: list[Example] = Field(default_factory=list)
    todo_near_misses: list[str] = Field(default_factory=list)
    starts_with: list[str] = Field(default_factory=list)  # lexicons: one of their entries starts every match
    requires: str = ""  # a pattern found in every article where the rule matches (for speed)


@dataclass
class Rule:
    spec: RuleSpec
    file: str
    line: int
    compiled: Any  # regex.Pattern
    starts: Any = None  # re.Pattern finding where a match may start (from `starts_with`), or None
    requires: Any = None  # regex.Pattern an article must hold for the rule to be tried, or None

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def type(self) -> str:
        return self.spec.type

    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Problem:
    file: str
    line: int | None
    rule: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{where}{rule}: {self.message}"


class RuleError(Exception):
    """A rule pack that cannot be used; `problems` lists every defect found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self):
        # Rebuilt from its problems when it crosses to another process (a worker, a Dask node).
        return (RuleError, (self.problems,))


@dataclass
class RuleSet:
    rules: list[Rule]
    macros: dict[str, str]
    lexicons: dict[str, list[str]]
    userdicts: list[Path] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def lexicon(self, name: str) -> frozenset[str]:
        """The entries of lexicon `name` as a set (empty if there is none), made once."""
        entries = self._sets.get(name)
        if entries is None:
            entries = self._sets[name] = frozenset(self.lexicons.get(name, ()))
        return entries

    def regex(self, source: str):
        """Compile a builder's pattern written in rule syntax ({MACRO}, {lex:name}), once.

        Builders use this so that the words they look for stay in lexicon files.
        """
        compiled = self._compiled.get(source)
        if compiled is None:
            missing: list[str] = []
            compiled = compile_pattern(_expand(source, self.macros, self.lexicons, missing))
            if missing:
                raise RuleError([Problem("<builder>", None, None, f"{m} in {source!r}") for m in missing])
            self._compiled[source] = compiled
        return compiled

    def of_type(self, types: set[str] | None) -> list[Rule]:
        return [r for r in self.rules if types is None or r.type in types]


def default_rules_dir() -> Path:
    """The rule pack that ships inside the package (the repository's top-level rules/).

    Installed, it is the package `factx.default_rules`; run from a source checkout (a
    `pyproject.toml` beside the package), it is the checkout's own `rules/`, even where an
    editable install of another checkout maps `factx.default_rules` elsewhere.
    """
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "rules").is_dir():
        return checkout / "rules"
    try:
        return Path(str(resources.files("factx.default_rules")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "rules"


def load_rules(extra_dirs: list[Path] | None = None, include_default: bool = True) -> RuleSet:
    """Load the default pack and then each extra directory; raise RuleError listing every problem.

    >>> rs = load_rules()
    >>> sorted({r.type for r in rs.rules})
    ['count', 'event', 'official', 'regulation']
    """
    dirs = ([default_rules_dir()] if include_default else []) + [Path(d) for d in extra_dirs or []]
    problems: list[Problem] = []
    macros: dict[str, tuple[str, str, int | None]] = {}
    lexicons: dict[str, list[str]] = {}
    specs: dict[str, tuple[RuleSpec, str, int]] = {}
    userdicts: list[Path] = []
    for pack_index, directory in enumerate(dirs):
        if not directory.is_dir():
            problems.append(Problem(str(directory), None, None, "not a directory of rule files"))
            continue
        _load_lexicons(directory, lexicons, problems)
        userdict = directory / "userdict.txt"
        if userdict.is_file() and _readable_userdict(userdict, problems):
            userdicts.append(userdict)
        seen_here: dict[str, str] = {}
        for path in sorted(directory.glob("*.toml")):
            _load_file(path, macros, specs, seen_here, problems)
    expanded_macros = _expand_macros(macros, lexicons, problems)
    rules: list[Rule] = []
    for spec, file, line in specs.values():
        rule = _compile(spec, file, line, expanded_macros, lexicons, problems)
        if rule is not None:
            rules.append(rule)
    if problems:
        raise RuleError(problems)
    rules.sort(key=lambda r: (-r.spec.priority, r.id))
    return RuleSet(rules, expanded_macros, lexicons, userdicts, [str(d) for d in dirs])


def _load_lexicons(directory: Path, lexicons: dict[str, list[str]], problems: list[Problem]) -> None:
    for path in sorted((directory / "lexicons").glob("*.txt")):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), None, None, f"cannot read lexicon: {exc}"))
            continue
        entries = lexicons.setdefault(path.stem, [])
        for raw in lines:
            entry = raw.split("#", 1)[0].strip()
            if entry and entry not in entries:
                entries.append(entry)


def _readable_userdict(path: Path, problems: list[Problem]) -> bool:
    """Whether jieba can read the user dictionary (UTF-8 text); else the line it would fail
    on is a problem of the pack, found before any page is read, not on every page."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(str(path), None, None, f"cannot read user dictionary: {exc}"))
        return False
    for number, line in enumerate(data.splitlines(), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(str(path), number, None, f"user dictionary is not UTF-8 text: {exc}"))
            return False
    return True


def _line_of(raw: str, needle: str) -> int | None:
    for number, line in enumerate(raw.splitlines(), 1):
        if needle in line:
            return number
    return None


def _load_file(path: Path, macros: dict, specs: dict, seen_here: dict, problems: list[Problem]) -> None:
    file = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except UnicodeDecodeError as exc:
        problems.append(Problem(file, None, None, f"not UTF-8 text: {exc}"))
        return
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(str(exc)) or (len(raw.splitlines()) if "end of document" in str(exc) else None)
        problems.append(Problem(file, line, None, f"TOML syntax error: {exc}"))
        return
    unknown = set(data) - {"macros", "rule"}
    for key in sorted(unknown):
        problems.append(Problem(file, _line_of(raw, key), None, f"unknown top-level key '{key}' (expected [macros] or [[rule]])"))
    for name, body in (data.get("macros") or {}).items():
        line = _line_of(raw, name)
        if not regex.fullmatch(r"[A-Z][A-Z0-9_]*", name) or not isinstance(body, str):
            problems.append(Problem(file, line, None, f"macro '{name}' must be an UPPER_CASE name bound to a string"))
            continue
        macros[name] = (body, file, line)
    for table in data.get("rule") or []:
        rid = table.get("id") if isinstance(table, dict) else None
        line = _line_of(raw, f'"{rid}"') or _line_of(raw, f"'{rid}'") if rid else None
        try:
            spec = RuleSpec.model_validate(table)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"])
                problems.append(Problem(file, line, rid, f"{loc}: {err['msg']}"))
            continue
        if spec.id in seen_here:
            problems.append(Problem(file, line, spec.id, f"duplicate rule id (also in {seen_here[spec.id]})"))
            continue
        seen_here[spec.id] = file
        specs[spec.id] = (spec, file, line or 0)


def _toml_error_line(message: str) -> int | None:
    m = regex.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def lexicon_alternation(entries: list[str]) -> str:
    """A non-capturing group matching any entry, the longest that fits first (so 副书记 beats 书记).

    Written as a trie (`(?:主(?:任委员|任|席)|副…)`, not `(?:主任委员|主任|主席|…)`): the
    `regex` engine then tests one branch per character instead of every entry in turn,
    2-3x faster on the 239 titles. It prefers what the flat longest-first list prefers: the
    entries that fit at one position are prefixes of one another, and the trie tries the
    longer before the shorter. (Matched backwards, inside a lookbehind, entries that fit
    are suffixes of one another and the order is not defined: only a group captured in the
    same lookbehind could see it.)

    >>> lexicon_alternation(["主任", "主任委员", "副主任"])
    '(?:主任(?:委员)?|副主任)'
    """
    if not entries:
        return "(?!)"
    trie: dict = {}
    for entry in entries:
        node = trie
        for ch in entry:
            node = node.setdefault(ch, {})
        node[""] = {}  # an entry ends here
    pattern = _trie_pattern(trie)
    return pattern if len(trie) > 1 else f"(?:{pattern})"  # several first characters: already a group


def _trie_pattern(node: dict) -> str:
    # Characters that end an entry and start no longer one share one class ([丁严丰…]): the
    # branches at a node open on different characters, so at most one of them can match and
    # their order is free; a class of 600 surnames compiles ~10x faster than 600 branches.
    leaves = [ch for ch, child in sorted(node.items()) if ch and list(child) == [""]]
    branches = [regex.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch and ch not in leaves]
    if len(leaves) > 1:
        branches.append("[" + "".join(regex.escape(ch, special_only=False) if ch in "\\]^-[" else ch for ch in leaves) + "]")
    else:
        branches += [regex.escape(ch) for ch in leaves]
    ends = "" in node
    if not branches:
        return ""
    if len(branches) == 1:
        return branches[0] if not ends else f"(?:{branches[0]})?"
    return "(?:" + "|".join(branches) + ("|)" if ends else ")")


def _expand(text: str, macros: dict[str, str], lexicons: dict[str, list[str]], missing: list[str]) -> str:
    def macro(m: regex.Match) -> str:
        name = m.group(1)
        if name not in macros:
            missing.append(f"unknown macro {{{name}}}")
            return "(?!)"
        return "(?:" + macros[name] + ")"

    def lexicon(m: regex.Match) -> str:
        name = m.group(1)
        if name not in lexicons:
            missing.append(f"unknown lexicon {{lex:{name}}} (no lexicons/{name}.txt)")
            return "(?!)"
        return lexicon_alternation(lexicons[name])

    for _ in range(_MAX_MACRO_DEPTH):
        expanded = _LEXICON_REF.sub(lexicon, _MACRO_REF.sub(macro, text))
        if expanded == text:
            return expanded
        text = expanded
    missing.append("macros nest too deeply (a macro that refers to itself?)")
    return text


def _expand_macros(macros: dict, lexicons: dict, problems: list[Problem]) -> dict[str, str]:
    bodies = {name: body for name, (body, _, _) in macros.items()}
    out: dict[str, str] = {}
    for name, (body, file, line) in macros.items():
        missing: list[str] = []
        out[name] = _expand(body, bodies, lexicons, missing)
        for message in dict.fromkeys(missing):
            problems.append(Problem(file, line, None, f"macro {name}: {message}"))
    return out


def _compile(spec: RuleSpec, file: str, line: int, macros: dict, lexicons: dict, problems: list[Problem]) -> Rule | None:
    missing: list[str] = []
    source = _expand(spec.pattern, macros, lexicons, missing)
    for message in dict.fromkeys(missing):
        problems.append(Problem(file, line, spec.id, message))
    if missing:
        return None
    try:
        compiled = compile_pattern(source, regex.MULTILINE)
    except regex.error as exc:
        problems.append(Problem(file, line, spec.id, f"pattern does not compile: {exc}"))
        return None
    key = KEY_GROUP[spec.type]
    if key not in compiled.groupindex:
        problems.append(Problem(file, line, spec.id, f"a {spec.type} rule must capture (?P<{key}>…)"))
        return None
    fields = _known_fields(spec.type)
    for case in spec.examples + spec.todo:
        for name in [*case.expect, *case.null]:
            if name.split(".")[0] not in fields:
                problems.append(Problem(file, line, spec.id, f"example expects unknown field '{name}' for type {spec.type}"))
    unknown = [name for name in spec.starts_with if name not in lexicons]
    for name in unknown:
        problems.append(Problem(file, line, spec.id, f"starts_with: unknown lexicon '{name}' (no lexicons/{name}.txt)"))
    starts = None
    if spec.starts_with and not unknown:
        try:
            starts = _starts(spec.starts_with, lexicons)
        except re.error as exc:  # an entry Python's re reads otherwise than regex
            problems.append(Problem(file, line, spec.id, f"starts_with: the entries do not compile with re: {exc}"))
    requires = None
    if spec.requires:
        missing = []
        source = _expand(spec.requires, macros, lexicons, missing)
        for message in dict.fromkeys(missing):
            problems.append(Problem(file, line, spec.id, f"requires: {message}"))
        try:
            requires = None if missing else compile_pattern(source, regex.MULTILINE)
        except regex.error as exc:
            problems.append(Problem(file, line, spec.id, f"requires: does not compile: {exc}"))
    return Rule(spec, file, line, compiled, starts, requires)


def _starts(names: list[str], lexicons: dict[str, list[str]]):
    """A `re` pattern that matches, empty, wherever an entry of the lexicons `names` begins.

    The character class in front lets `re` reject most positions in one step (it tests
    a class against a bitmap); the trie then tries the entries.
    """
    entries = sorted({entry for name in names for entry in lexicons[name]})
    if not entries:
        return re.compile("(?!)")
    firsts = "".join(re.escape(ch) for ch in sorted({entry[0] for entry in entries}))
    return re.compile(f"(?=[{firsts}])(?={lexicon_alternation(entries)})")


def _known_fields(fact_type: str) -> set[str]:
    return set(MODEL_OF_TYPE[fact_type].model_fields)


def check_rules(extra_dirs: list[Path] | None = None, include_default: bool = True) -> list[Problem]:
    """Every problem of the packs, empty when they are usable."""
    try:
        load_rules(extra_dirs, include_default)
    except RuleError as exc:
        return exc.problems
    return []


assert set(KEY_GROUP) == set(FACT_TYPES)
