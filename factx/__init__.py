"""factx: facts from Chinese government news, as validated JSON records.

Library use:

    >>> import factx
    >>> factx.parse_date("2020年5月14日—20日").end
    '2020-05-20'
    >>> factx.parse_quantity("2500余万元").value
    25000000
    >>> records = list(factx.extract("2023年9月21日,市政协组织委员赴武川县调研。"))
"""

from __future__ import annotations

__version__ = "0.1.0"

# The value parsers compile their patterns on import: loaded when first asked for, so
# that `factx --help` and commands that never parse a value do not pay for them.
_LAZY = {
    "DateValue": "factx.values.dates", "YearContext": "factx.values.dates", "parse_date": "factx.values.dates",
    "Quantity": "factx.values.numbers", "parse_number": "factx.values.numbers", "parse_quantity": "factx.values.numbers",
}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'factx' has no attribute {name!r}")


def extract(text: str, doc: str = "-", rules_dirs=None, types=None, year=None):
    """Records (pydantic models) of one text, with the default rules plus `rules_dirs`."""
    from factx.pipeline import Options, extract_text
    from factx.rules import load_rules

    return extract_text(text, load_rules(rules_dirs), doc, Options(types=types, year=year))


__all__ = ["DateValue", "Quantity", "YearContext", "extract", "parse_date", "parse_number", "parse_quantity"]
