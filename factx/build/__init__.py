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
    keyed = sorted(((match.key, match) for match in matches),
                   key=lambda km: (-km[1].rule.spec.priority, km[0][0], -(km[0][1] - km[0][0])))
    taken: dict[str, list[tuple[int, int]]] = {}
    facts: list[tuple[int, Fact]] = []
    for (start, end), match in keyed:
        claimed = taken.setdefault(match.rule.type, [])
        for c_start, c_end in claimed:  # a loop, not any(<generator>): it runs for every pair
            if start < c_end and c_start < end:
                break
        else:
            built = BUILDERS[match.rule.type](match, ctx)
            if built:
                claimed.append((start, end))
                facts.extend((match.start, fact) for fact in built)
    facts.sort(key=lambda pair: (pair[1].span[0], pair[1].span[1]))
    return [fact for _, fact in facts]
