"""Officials: a named person with an office and the body it belongs to.

The rule captures `name`, and usually `title` and `org`. A rule may list several names
after one title (`副主席回力、高珍伟`): each name gives a record.
"""

from __future__ import annotations

from factx.build.context import Context
from factx.match import Match
from factx.records import Official


def build_official(match: Match, ctx: Context) -> list[Official]:
    text = ctx.atext.text
    name = match.group(text, "name")
    if not name:
        return []
    title = match.group(text, "title")
    titles = [t for t in (match.group(text, "titles") or "").split("、") if t]
    return [
        Official(
            **ctx.common(match),
            name=name,
            title=title or (titles[-1] if titles else None),
            titles=titles if len(titles) > 1 else [],
            org=match.group(text, "org"),
        )
    ]
