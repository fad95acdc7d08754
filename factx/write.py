"""Writing records: JSON Lines, one record a line, UTF-8 with Chinese left readable."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from pydantic import BaseModel


def write_jsonl(records: Iterable[BaseModel], out: TextIO) -> None:
    for record in records:
        out.write(record.model_dump_json())
        out.write("\n")
