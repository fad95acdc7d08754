"""`factx explain`: the text of a document with every fact highlighted, for rule authors."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from factx.records import Article, Fact

STYLE_OF_TYPE = {
    "event": "bold black on bright_yellow",
    "count": "bold black on bright_cyan",
    "official": "bold black on bright_green",
    "regulation": "bold black on bright_magenta",
}


def render(original: str, records: list[Article | Fact], console: Console) -> None:
    """Print the original with fact spans highlighted by type, then one line per fact with its rule id."""
    facts = [r for r in records if r.type != "article"]
    text = Text(original)
    # Longer spans first, so that a count inside an event's clause stays visible on top.
    for fact in sorted(facts, key=lambda f: f.span[0] - f.span[1]):
        text.stylize(STYLE_OF_TYPE[fact.type], *fact.span)
        for start, end in fact.also_at:
            text.stylize(STYLE_OF_TYPE[fact.type] + " dim", start, end)
    console.print(text)
    legend = Text("  ").join(Text(f" {t} ", style=s) for t, s in STYLE_OF_TYPE.items())
    console.print(legend)
    for fact in facts:
        line = Text(f" {fact.type:10} ", style=STYLE_OF_TYPE[fact.type])
        line.append(f" a{fact.article} {fact.span[0]}-{fact.span[1]} {fact.text[:30]}  {summary(fact)}  [{fact.rule}]", style="default")
        console.print(line, soft_wrap=True)


def summary(fact: Fact) -> str:
    """The fields of a fact that are not location or evidence, compactly."""
    skip = {"doc", "article", "span", "text", "sentence", "rule", "type", "also_at"}
    fields = fact.model_dump(exclude=skip, exclude_none=True)
    if fact.type == "event":
        d = fields.pop("date")
        fields = {"date": d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end']}", **fields}
    return " ".join(f"{k}={v}" for k, v in fields.items() if v not in ([], None, False))
