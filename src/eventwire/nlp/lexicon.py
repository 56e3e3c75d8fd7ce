"""The evaluative word table (`data/evaluative.tsv`): how evaluative an English word is out of
context, and its polarity, derived from VADER's valence lexicon and WordNet 3.0 by
`data/build_evaluative.py`. Shared by the stages that judge words: the event coder (is a label
praise or blame?) and framing (loaded language).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from ..errors import DataFileError

EVALUATIVE = Path(__file__).with_name("data") / "evaluative.tsv"

# (word, POS or "*") -> (prior, source, supersense, polarity, senses)
EvaluativeTable = dict[tuple[str, str], tuple[float, str, str, str, int]]


def load_evaluative(path: Path = EVALUATIVE) -> EvaluativeTable:
    """Read and validate the table; a malformed row is refused with the file named."""
    table: EvaluativeTable = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if not line.startswith("#")]
    except OSError as exc:
        raise DataFileError(str(path), f"cannot be read: {exc}") from exc
    for n, row in enumerate(csv.reader(lines, delimiter="\t"), 1):
        try:
            word, pos, prior, source, sense, polarity, senses = row
            table[(word, pos)] = (float(prior), source, sense, polarity, int(senses))
        except ValueError as exc:
            raise DataFileError(str(path), f"row {n} is {row!r}, expected word, pos, prior, source, "
                                           f"supersense, polarity, senses") from exc
    return table


@cache
def evaluative_table() -> EvaluativeTable:
    return load_evaluative()


def polarity(word: str, pos: str) -> str | None:
    """`+`, `-` or `0` for a lower-case word in a coarse part of speech (ADJ, ADV, NOUN, VERB);
    None when the table does not know it."""
    table = evaluative_table()
    row = table.get((word, pos)) or table.get((word, "*"))
    return row[3] if row is not None else None
