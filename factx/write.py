"""The output line: one record as JSON, UTF-8 with Chinese left readable, no newline.

Every way of running (in this process, a process pool, Dask, Spark) writes records
through `json_line`, so the line format is defined here once.
"""

from __future__ import annotations

from pydantic import BaseModel


def json_line(record: BaseModel) -> str:
    """The JSON Lines form of a record: `json_line(record) + "\\n"` is what factx writes."""
    return record.model_dump_json()
