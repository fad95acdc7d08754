"""The records factx writes, one pydantic model per type of FACTS.md, joined on `type`.

Every fact record carries where it was read (`doc`, `article`, `span`, `text`,
`sentence`) and which rule read it (`rule`); `span` indexes the decoded original text,
so `original[span[0]:span[1]] == text`. A fact stated again in the same article is
written once, its later places listed in `also_at`.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Span = tuple[int, int]
Approx = Literal["over", "about", "at_most", "at_least"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc: str = Field(description="the input path as given on the command line ('-' for stdin)")
    article: int = Field(ge=0, description="0-based index of the article in the document")
    span: Span = Field(description="[start, end) character offsets into the decoded original text")


class _Fact(_Record):
    text: str = Field(description="the surface string the fact was read from: original[start:end]")
    sentence: str = Field(description="the whole sentence the fact stands in, from the original text")
    rule: str = Field(description="id of the rule that produced the fact")
    also_at: list[Span] = Field(default_factory=list, description="other places where the same fact is stated (later ones; for an official first named by a seat alone, also that first place)")


class DateValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: str = Field(pattern=r"^\d{4}-\d{2}(-\d{2})?$")
    end: str = Field(pattern=r"^\d{4}-\d{2}(-\d{2})?$")
    precision: Literal["day", "month"]
    year_inferred: bool


class Event(_Fact):
    type: Literal["event"] = "event"
    date: DateValue
    actor: str | None = None
    action: str | None = None
    location: str | None = None
    participants: list[str] = Field(default_factory=list)


class Count(_Fact):
    type: Literal["count"] = "count"
    value: int | float
    value_max: int | float | None = None
    unit: str | None = None
    change: Literal["increase", "decrease"] | None = None
    item: str | None = None
    action: str | None = None
    approx: Approx | None = None


class Official(_Fact):
    type: Literal["official"] = "official"
    name: str
    title: str | None = None
    titles: list[str] = Field(default_factory=list, description="all offices, when more than one is stated")
    org: str | None = None


class Regulation(_Fact):
    type: Literal["regulation"] = "regulation"
    title: str
    category: str | None = None
    draft: bool = False
    action: str | None = None


class Byline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: str
    name: str


class Article(_Record):
    type: Literal["article"] = "article"
    title: str | None = None
    subtitle: str | None = None
    bylines: list[Byline] = Field(default_factory=list)
    continues: int | None = Field(default=None, description="the article this one goes on from after a jump line (上接第2版)")
    facts: dict[str, int] = Field(default_factory=dict, description="number of facts of each type found")


Fact = Union[Event, Count, Official, Regulation]
Record = Annotated[Union[Event, Count, Official, Regulation, Article], Field(discriminator="type")]
RECORD_ADAPTER: TypeAdapter = TypeAdapter(Record)
FACT_TYPES = ("event", "count", "official", "regulation")
MODEL_OF_TYPE = {"event": Event, "count": Count, "official": Official, "regulation": Regulation}


def record_schema() -> dict:
    """The JSON Schema of one output line (any record type)."""
    return RECORD_ADAPTER.json_schema()
