"""Counts: a number with its measure word, what was counted and the verb that governs it.

The rule captures `quantity` (number, approximation words, unit) and may capture `item`
and `action`. Otherwise the item is the noun phrase right after the unit
(`252名委员`) or right before the number (`办理代表议案建议244件`), and the action is
a verb of the lexicon `count_verbs` at the start of the phrase.
"""

from __future__ import annotations

from factx.build.context import Context
from factx.match import Match
from factx.records import Count
from factx.values.numbers import parse_quantity

_BEFORE = r"(?P<phrase>[^,,。;;:、()“”《》\d]{1,20})$"
_AFTER = r"^(?P<phrase>[^,,。;;:、()“”《》\d]{1,16}?)(?=[,,。;;:、]|$|{lex:count_verbs}|被|得到|参与|作为)"
_VERB_AT_START = r"^(?:依法|共|累计|全年|先后|集中|成功)?(?P<verb>{lex:count_verbs})"


def build_count(match: Match, ctx: Context) -> list[Count]:
    text = ctx.atext.text
    q_start, q_end = match.groups["quantity"]
    quantity = parse_quantity(text[q_start:q_end])
    if quantity is None:
        return []
    item = match.group(text, "item")
    action = match.group(text, "action")
    if item is None:
        item, found_action = _item_around(ctx, q_start, q_end)
        action = action or found_action
    return [
        Count(
            **ctx.common(match),
            value=quantity.value,
            value_max=quantity.value_max,
            unit=quantity.unit,
            change=quantity.change,
            approx=quantity.approx,
            item=item,
            action=action,
        )
    ]


def _item_around(ctx: Context, start: int, end: int) -> tuple[str | None, str | None]:
    rs = ctx.ruleset
    s_start, s_end = ctx.sentence_of(start)
    text = ctx.atext.text
    after = rs.regex(_AFTER).search(text[end:s_end])
    if after and len(after.group("phrase")) >= 2:
        return after.group("phrase"), None
    before = rs.regex(_BEFORE).search(text[s_start:start])
    if not before:
        return None, None
    phrase = before.group("phrase")
    verb = rs.regex(_VERB_AT_START).search(phrase)
    if verb and len(phrase) > verb.end():
        return phrase[verb.end():], verb.group("verb")
    return phrase, None
