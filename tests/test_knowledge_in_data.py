"""Linguistic knowledge lives in the data files beside each stage, not in Python lists.

A literal list, tuple or set of three or more strings in a stage's code counts as
a word list when three of its members are English function words (spaCy's stop
words: prepositions, pronouns, determiners) or when it is compared with a
token's text, lower-case form or lemma. Parser labels (spaCy's glossary:
"nsubj", "PROPN", "GPE") and punctuation are the parser's vocabulary, not
knowledge about English, and do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

from spacy.glossary import GLOSSARY
from spacy.lang.en.stop_words import STOP_WORDS

SRC = Path(__file__).resolve().parents[1] / "src" / "eventwire"
STAGES = ("ingest", "clean", "nlp", "actors", "quotes", "events", "framing")
TOKEN_TEXT = {"lower_", "text", "lemma_", "norm_", "orth_"}


def _strings(node: ast.AST) -> list[str] | None:
    """The members of a literal collection of 3+ strings (also inside frozenset(...))."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"frozenset", "set", "tuple"} and node.args:
        node = node.args[0]
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and len(node.elts) >= 3 and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return [e.value for e in node.elts]
    return None


def _is_token_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr in TOKEN_TEXT
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "lower"


def word_lists(source: str) -> list[tuple[int, list[str]]]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        members = _strings(node)
        if members and sum(m.lower() in STOP_WORDS and m not in GLOSSARY for m in members) >= 3:
            found.add((node.lineno, tuple(members)))
        if isinstance(node, ast.Compare) and _is_token_text(node.left):
            for other in node.comparators:
                members = _strings(other)
                if members and sum(m.isalpha() and m not in GLOSSARY for m in members) >= 3:
                    found.add((other.lineno, tuple(members)))
    return [(line, list(members)) for line, members in sorted(found)]


def test_detector_finds_word_lists_and_ignores_parser_labels():
    code = (
        "PREPS = ('in', 'at', 'on', 'from')\n"
        "DEPS = ('nsubj', 'dobj', 'pobj')\n"
        "def f(tok):\n"
        "    return tok.lemma_ in ('website', 'page', 'feed') or tok.dep_ in ('amod', 'compound', 'poss')\n"
    )
    assert [members for _, members in word_lists(code)] == [["in", "at", "on", "from"],
                                                           ["website", "page", "feed"]]


def test_no_word_list_in_stage_code():
    offenders = [
        f"{path.relative_to(SRC)}:{line}: {members}"
        for stage in STAGES
        for path in sorted((SRC / stage).rglob("*.py"))
        for line, members in word_lists(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "word lists belong in the stage's data files:\n" + "\n".join(offenders)
