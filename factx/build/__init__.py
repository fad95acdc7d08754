"""Turn matches into validated records: one builder per fact type, one shared context.

Each builder takes a `Match` (rule, folded spans of its named groups) and the article's
`Context`, computes the fact's fields through `factx.values` parsers and the rule pack's
lexicons, and returns a record, or None when the match is not a fact after all (a date
that does not parse, a quantity that is an age...). Overlapping matches of one type are
resolved on their key group (the date, the quantity, the name, the title): the rule with
the higher priority, then the earlier and longer match, wins.
"""

from __future__ import annotations

from factx.build.context import Context
from factx.build.counts import build_count
from factx.build.events import build_event
from factx.build.officials import build_official
from factx.build.regulations import build_regulation
from factx.match import Match
from factx.records import Fact

BUILDERS = {
    "event": build_event,
    "count": build_count,
    "official": build_official,
    "regulation": build_regulation,
}


def build_facts(matches: list[Match], ctx: Context) -> list[Fact]:
    """Records for the matches, overlaps resolved, in text order.

    A match can yield several records (a list of names after one title), so builders
    return a list.
    """
    ordered = sorted(matches, key=lambda m: (-m.rule.spec.priority, m.key[0], -(m.key[1] - m.key[0])))
    taken: dict[str, list[tuple[int, int]]] = {}
    facts: list[tuple[int, Fact]] = []
    for match in ordered:
        claimed = taken.setdefault(match.rule.type, [])
        key = match.key
        if any(key[0] < end and start < key[1] for start, end in claimed):
            continue
        built = BUILDERS[match.rule.type](match, ctx)
        if not built:
            continue
        claimed.append(key)
        facts.extend((match.start, fact) for fact in built)
    facts.sort(key=lambda pair: (pair[1].span[0], pair[1].span[1]))
    return [fact for _, fact in facts]
