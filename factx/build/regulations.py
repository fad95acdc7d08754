"""Regulations: a named normative document, classified by the kind word that closes its title.

The rule captures `title` (inside 《》) and may capture `action`. The category is the
longest entry of the lexicon `regulation_kinds` that the title ends with (after a
`(试行)`); a title with no such ending (a newspaper, a report, a proposal) is no
regulation. `(草案)` and `(草案修改稿)` set `draft` and leave the title.
"""

from __future__ import annotations

from factx.build.context import Context
from factx.match import Match
from factx.records import Regulation

_DRAFT = r"[((](?:草案|{lex:draft_markers})[))]$"
_TRIAL = r"[((](?:试行|暂行)[))]$"
_KIND = r"(?P<kind>{lex:regulation_kinds})$"


def build_regulation(match: Match, ctx: Context) -> list[Regulation]:
    rs = ctx.ruleset
    text = ctx.atext.text
    title = match.group(text, "title") or ""
    draft = rs.regex(_DRAFT).search(title)
    if draft:
        title = title[: draft.start()]
    core = rs.regex(_TRIAL).sub("", title)
    kind = rs.regex(_KIND).search(core)
    if kind is None or len(core) <= len(kind.group("kind")):
        return []
    return [
        Regulation(
            **ctx.common(match),
            title=title,
            category=kind.group("kind"),
            draft=draft is not None,
            action=match.group(text, "action"),
        )
    ]
