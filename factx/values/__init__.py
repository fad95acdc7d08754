"""Parsers from matched text to normalised values: numbers and quantities, dates."""
