"""Dated events: the date, and who did what where, with whom.

The rule finds a date that anchors a clause (group `date`, optionally `clause`, `actor`,
`action`, `location`, `participants`). What the rule does not capture is read from the
clause with the lexicons `event_verbs` (组织, 召开, 调研 ...) and `movement_verbs`
(赴, 深入, 走进 ...): the actor stands before the first verb, the place after a movement.
"""

from __future__ import annotations

from factx.build.context import Context
from factx.match import Match
from factx.records import DateValue, Event
from factx.values.dates import parse_date

# Words that can stand between a date and its clause but belong to neither.
_LEAD = r"^(?:[,,、]|上午|下午|晚上|晚|早上|一早|凌晨|中午|期间|以来|起)*"
_ACTOR_END = r"(?:{lex:movement_verbs}|{lex:event_verbs}|对|就|围绕|在|于|与|同|向|为|把|将|从|由|联合)"
_PLACE = r"(?:{lex:movement_verbs})(?P<place>[^,,。;;、“”《》]{2,25}?)(?={lex:event_verbs}|[,,。;;]|$|进行|开展|参加|参与|查看|指导|督导|看望|慰问|检查)"
_PARTICIPANTS = r"组织(?P<who>[^,,。;;]{2,60}?)(?={lex:movement_verbs}|参与|参加|开展|进行|对|就|围绕|调研|视察|$)"


def build_event(match: Match, ctx: Context) -> list[Event]:
    text = ctx.atext.text
    date_start, date_end = match.groups["date"]
    value = parse_date(text[date_start:date_end], ctx.year_context(date_start))
    if value is None:
        return []
    clause = match.group(text, "clause")
    if clause is None:
        sentence_end = ctx.sentence_of(date_start)[1]
        clause = text[date_end:sentence_end]
    fields = describe_clause(clause, ctx)
    for name in ("actor", "action", "location"):
        given = match.group(text, name)
        if given:
            fields[name] = given
    given = match.group(text, "participants")
    if given:
        fields["participants"] = [p for p in given.split("、") if p]
    return [Event(**ctx.common(match), date=DateValue(**value.__dict__), **fields)]


def describe_clause(clause: str, ctx: Context) -> dict:
    """actor, action, location and participants of the clause that follows a date.

    >>> # '呼和浩特市政协组织委员赴武川县调研' -> actor 呼和浩特市政协, location 武川县
    """
    rs = ctx.ruleset
    clause = rs.regex(_LEAD).sub("", clause)
    clause = clause.rstrip("。;;!?!?")
    actor = None
    rest = clause
    end = rs.regex(_ACTOR_END).search(clause)
    if end and end.start() >= 2:
        actor = clause[: end.start()]
        rest = clause[end.start():]
    place = rs.regex(_PLACE).search(rest)
    who = rs.regex(_PARTICIPANTS).search(rest)
    participants = [p for p in who.group("who").split("、") if p] if who else []
    action = rest.split(",")[0] if rest else None
    return {
        "actor": actor,
        "action": action or None,
        "location": place.group("place") if place else None,
        "participants": participants,
    }
