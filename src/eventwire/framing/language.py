"""Loaded language: words whose choice evaluates, scored in context with a strength in [0, 1].

The model (see docs/framing.md) reads each content word of the parse:

1. Prior: the word's row in `nlp/data/evaluative.tsv` (derived from VADER's
   valence lexicon and WordNet 3.0 by `nlp/data/build_evaluative.py`), or the
   team's own terms in `data/loaded.yaml` (multi-word and hyphenated terms
   such as "so-called" match as written). The prior is weighted by its
   source and part of speech (`model` in `loaded.yaml`).
2. Context, from the parse:
   - names are never loaded: a word inside a proper name or a name-like
     entity ("Heroic Dawn Party", a title of a work) is skipped;
   - reporting vocabulary is damped: a word whose most frequent WordNet
     sense is an act, event or physical process ("attack", "battle",
     "killed", "protest") only reports what happened unless its evidence is
     a judgement (a disparaging sense, a word of the team's lists); so is a
     word the events stage coded as the trigger of an event it reports;
   - intensifiers ("deeply", "repeatedly", "notably") are never loaded on
     their own: one counts only when the word it modifies is loaded, and
     then at most as strong as that word.
Each hit carries its strength; the stage labels hits of strength > 0 and
`[framing] loaded_threshold` in config.toml sets what is shown.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IDX, IS_QUOTE, LOWER, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..actors.words import default_words
from ..settings import tuning
from .lexicon import DescriptorLexicon, LoadedLanguageLexicon, label_words

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "FAC", "EVENT", "WORK_OF_ART", "LAW", "LOC", "NORP", "PRODUCT"})
CONTENT_POS = frozenset({"ADJ", "ADV", "NOUN", "VERB"})
LABEL_WORD = "label_word"
UNRATED = "unrated"  # a content word no resource rates (not in evaluative.tsv)
EVIDENCE_CACHE_MAX = 50000  # word forms whose evidence is kept; a long run starts afresh past it
SENTENCE_CANDIDATES_CAP = int(tuning("framing")["sentence_candidates_cap"])  # see config.toml
# Supersenses of what a conflict report reports (acts, events, blows, fights): "attack", "battle", "killed".
BEAT_SUPERSENSES = frozenset({"noun.act", "noun.event", "verb.contact", "verb.competition"})
SENTENCE_EVIDENCE = float(tuning("framing")["sentence_evidence"])  # see config.toml
DEP_GROUPS = frozenset({"amod", "advmod", "acomp", "ROOT", "nsubj", "dobj", "pobj", "attr", "conj", "compound",
                        "xcomp", "ccomp", "advcl", "relcl", "nsubjpass", "npadvmod"})


@dataclass
class Hit:
    start: int
    end: int
    text: str
    category: str  # the evidence: a source of evaluative.tsv or a loaded.yaml category
    strength: float
    features: dict[str, float] = field(default_factory=dict)  # what the calibration weighs
    shown: bool = True  # False: scored (the sentence's evidence) but never a label of its own
    amplifies: tuple[int, int] | None = None  # an intensifier: the span of the loaded word it amplifies


PERSONS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _person_pronouns() -> frozenset[str]:
    """Pronouns that stand for people (every case form): the object of a verb of striking used of words,
    the subject of a verb that judges a person."""
    words = default_words()
    return words.masculine_pronouns | words.feminine_pronouns | words.plural_pronouns | words.speaker_pronouns


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the parse's sentences."""
    return [(s.start_char, s.end_char) for s in doc.sents]


def _figurative(tok: Token, prepositions: frozenset[str], pronouns: frozenset[str]) -> bool:
    """A verb of striking used of words, not blows: "slammed the senator for ...", "blasted the plan over ...",
    "lashed out at": its object is a person or an organisation, or it takes one of `prepositions` or "out"."""
    for child in tok.children:
        if child.dep_ == "dobj" and (child.ent_type_ in PERSONS or child.lower_ in pronouns):
            return True
        if child.dep_ == "prep" and child.lower_ in prepositions:
            return True
        if child.dep_ == "prt" and child.lower_ == "out":
            return True
    return False


def _attributes(tok: Token) -> bool:
    """A verb introducing what someone said or thinks ("argued that ...", "warned ..."): it attributes
    rather than judges, unless its own choice judges (an assertive or evaluative verb of saying)."""
    return tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children)


def _describes_actor(tok: Token, pronouns: frozenset[str]) -> bool:
    """An adjective on, or a verb of, a person or group: "the corrupt senator", "the mayor fumed"."""
    if tok.dep_ in ("amod", "acomp"):
        target = tok.head if tok.dep_ == "amod" else next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    elif tok.pos_ == "VERB":
        target = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    else:
        return False
    return target is not None and (target.ent_type_ in PERSONS or target.lower_ in pronouns)


def _dep(tok: Token) -> str:
    return tok.dep_ if tok.dep_ in DEP_GROUPS else "other"


def _compound_span(tok: Token) -> tuple[int, int]:
    """Token indices [a, b] of the hyphenated word `tok` belongs to ("fear-mongering", "tone-deaf")."""
    doc = tok.doc
    a = b = tok.i
    while a >= 2 and doc[a - 1].text == "-" and not doc[a - 2].whitespace_ and not doc[a - 1].whitespace_:
        a -= 2
    while b + 2 < len(doc) and doc[b + 1].text == "-" and not doc[b].whitespace_ and not doc[b + 1].whitespace_:
        b += 2
    if a == b == tok.i and tok.pos_ == "VERB" and b + 1 < len(doc) and doc[b + 1].dep_ == "prt" \
            and doc[b + 1].head.i == tok.i:
        b += 1  # a phrasal verb is one word: "lashed out", "cracked down"
    return a, b


def _compounds(doc: Doc, scores: dict[int, Hit]) -> list[Hit]:
    """A loaded part makes its whole hyphenated word loaded, as strong as its strongest part."""
    out: dict[tuple[int, int], Hit] = {}
    for i, hit in scores.items():
        a, b = _compound_span(doc[i])
        if a == b:
            out[(i, i)] = hit
            continue
        span = doc[a:b + 1]
        best = out.get((a, b))
        if best is None or best.strength < hit.strength:
            out[(a, b)] = Hit(span.start_char, span.end_char, span.text, hit.category, hit.strength,
                              {**hit.features, "compound": 1.0}, hit.shown)
    return list(out.values())


def _pattern(terms: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in term.split())
        # single words of four letters or more also match their plain inflections
        suffix = r"(?:s|es|d|ed|ing)?" if " " not in term and len(term) >= 4 and term.isalpha() else ""
        parts.append(body + suffix)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


class LoadedLanguageModel:
    """Compiled once per process from the lexicon; `hits(doc, names, triggers)` scores one document."""

    def __init__(self, lex: LoadedLanguageLexicon, descriptors: DescriptorLexicon | None = None):
        self.lex = lex
        # descriptors.yaml's label words ("leftist", "so-called") are loaded where they label no actor;
        # its head nouns for kinds of people ("terrorist", "militant") only ever label actors
        self.terms = {**{w: LABEL_WORD for w in label_words(descriptors)}, **lex.loaded} if descriptors \
            else dict(lex.loaded)
        self.actor_nouns = frozenset(h.word for h in descriptors.heads.values() if h.category == "person") \
            if descriptors else frozenset()
        self.label_heads = frozenset(h.word for h in descriptors.heads.values() if h.category == "group") \
            if descriptors else frozenset()
        self.terms_re = _pattern(self.terms)
        self.person_pronouns = _person_pronouns()
        # word form -> evidence out of context; bounded by the vocabulary of the texts seen
        self._evidence_cache: dict[tuple[str, str, str, str], tuple[float, str, str, str, dict[str, float]]] = {}
        self.first_person_ids = np.array([get_string_id(w) for w in default_words().first_person_pronouns],
                                         dtype=np.uint64)

    def suffix_class(self, word: str) -> str | None:
        """The first derivational ending of loaded.yaml's `suffix_classes` the word ends in (with a stem of
        three letters or more), or None."""
        for suffix in self.lex.suffix_classes:
            if word.endswith(suffix) and len(word) >= len(suffix) + 3:
                return suffix
        return None

    def _word_evidence(self, tok: Token, pos: str, tag: str) -> tuple[float, str, str, str, dict[str, float]]:
        """(prior, source, supersense, polarity, features) of a word form out of context, cached by form."""
        key = (tok.lower_, tok.lemma_, pos, tag)
        found = self._evidence_cache.get(key)
        if found is None:
            prior, source, sense, polarity, senses = self.prior(tok)
            found = (prior, source, sense, polarity,
                     self._evidence_features(source, pos, tag, sense, polarity, tok.lower_, senses))
            if len(self._evidence_cache) >= EVIDENCE_CACHE_MAX:
                self._evidence_cache.clear()
            self._evidence_cache[key] = found
        return found

    def _evidence_features(self, source: str, pos: str, tag: str, sense: str, polarity: str, word: str,
                           senses: int) -> dict[str, float]:
        """The calibration's features of a word that do not depend on its sentence."""
        lex = self.lex
        feats = {"score": 0.0, f"source={source}": 1.0, f"pos={pos}": 1.0, f"sense={sense}": 1.0,
                 f"polarity={polarity}": 1.0, f"tag={tag}": 1.0, f"{pos}|{polarity}": 1.0, f"{pos}|{source}": 1.0,
                 "polysemy": min(senses, 10) / 10}
        if source not in lex.judgement_sources and sense in lex.reporting_supersenses:
            feats["reporting"] = 1.0
            if sense in BEAT_SUPERSENSES:
                feats["beat"] = 1.0
        if tag in ("JJR", "JJS", "RBR", "RBS"):
            feats["degree"] = 1.0
        suffix = self.suffix_class(word)
        if suffix:
            feats[f"suffix={suffix}"] = 1.0
        if senses == 1:
            feats["monosemous"] = 1.0
        return feats

    def term_category(self, text: str) -> str | None:
        """The loaded.yaml category of a matched term (undoing the inflection the pattern allowed)."""
        low = " ".join(text.lower().split())
        for cut in (0, 1, 2, 3):
            stem = low[:len(low) - cut] if cut else low
            if stem in self.terms:
                return self.terms[stem]
        return None

    def _labels_actor(self, tok: Token) -> bool:
        """A noun labelling people ("terrorists") or a word of a label phrase for an actor ("militant" in
        "militant groups", also where no actor could be attached): descriptor vocabulary."""
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.actor_nouns:
            return True
        return tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in self.label_heads

    def prior(self, tok: Token) -> tuple[float, str, str, str, int]:
        """(weighted prior, source, supersense, polarity, WordNet senses) of a token out of context;
        (0, "", "", "", 0) when unknown."""
        table = self.lex.evaluative
        pos = tok.pos_
        for key in ((tok.lower_, pos), (tok.lemma_.lower(), pos), (tok.lower_, "*")):
            row = table.get(key)
            if row is not None:
                prior, source, sense, polarity, senses = row
                weight = self.lex.source_weights.get(source, 0.0) * self.lex.pos_weights.get(pos, 0.0)
                if polarity == "+":
                    weight *= self.lex.positive_weight
                return min(1.0, prior * weight), source, sense, polarity, senses
        if pos in self.lex.unrated_pos:
            return 0.0, UNRATED, "-", "0", 0  # no resource rates it: its context alone may make it loaded
        return 0.0, "", "", "", 0

    def hits(self, doc: Doc, name_spans: list[tuple[int, int]], triggers: Iterable[tuple[int, int]] = (),
             text: str | None = None) -> list[Hit]:
        """Every word the model scores. `text` is the parsed text when the caller has it (`doc.text` is
        rebuilt from the tokens on every access)."""
        lex = self.lex
        text = doc.text if text is None else text
        trigger_chars = {c for s, e in triggers for c in range(s, e)}

        def named(start: int) -> bool:
            return any(s <= start < e for s, e in name_spans)

        in_names: set[int] = set()
        for s, e in name_spans:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                in_names.update(range(span.start, span.end))
        scores: dict[int, Hit] = {}
        boosters: list[Token] = []
        sent_starts = {0, *(int(i) for i in np.flatnonzero(doc.to_array(SENT_START) == 1))}
        for tok in doc:
            pos = tok.pos_
            if pos not in CONTENT_POS or not tok.is_alpha or tok.is_stop or tok.ent_type_ in NAME_TYPES \
                    or tok.i in in_names or (tok.is_title and tok.i not in sent_starts):
                continue
            if self._labels_actor(tok):
                continue  # a label for an actor is a descriptor, counted per actor, not loaded language
            tag = tok.tag_
            prior, source, sense, polarity, static = self._word_evidence(tok, pos, tag)
            if sense == "verb.contact" and _figurative(tok, lex.figurative_prepositions, self.person_pronouns):
                prior, source = max(prior, lex.category_strengths["figurative"]), "figurative"
                static = self._evidence_features(source, pos, tag, sense, polarity, tok.lower_,
                                                 lex.evaluative.get((tok.lower_, pos), (0, "", "", "", 0))[4])
            if prior <= 0.0 and source not in ("wordnet", UNRATED):
                continue
            if source == "booster":
                if tag not in ("JJR", "JJS", "RBR", "RBS"):  # "more", "most" mark degree, not judgement
                    boosters.append(tok)
                continue
            feats = dict(static)
            feats[f"dep={_dep(tok)}"] = 1.0
            if "reporting" in feats:
                prior *= lex.reporting_factor
            if source not in lex.judgement_sources and (tok.idx in trigger_chars or _attributes(tok)):
                prior *= lex.reporting_factor
                feats["attribution_or_trigger"] = 1.0
            feats[f"head={tok.head.pos_}"] = 1.0
            if pos != "NOUN" and _describes_actor(tok, self.person_pronouns):
                feats["describes_actor"] = 1.0
            feats["score"] = prior
            # the beat's own words and unrated topic words ("pandemic", "year") inform the sentence, never shown
            shown = "beat" not in feats and (source != UNRATED or pos in lex.unrated_shown_pos)
            scores[tok.i] = Hit(tok.idx, tok.idx + len(tok), tok.text, source, round(prior, 3), feats, shown)
        out = _compounds(doc, scores)
        taken = [(h.start, h.end) for h in out]
        for m in self.terms_re.finditer(text):  # the team's terms, as written ("so-called", "bated breath")
            category = self.term_category(m.group())
            if category is None or named(m.start()):
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and self._labels_actor(span.root):
                continue  # "terrorists", "militant groups": actors labelled, a descriptor's business
            strength = lex.category_strengths[category]
            out = [h for h in out if not (m.start() <= h.start and h.end <= m.end())]
            taken = [(h.start, h.end) for h in out]
            if category == "intensifier":
                if span is not None:
                    boosters.append(span.root)
                continue
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.append(Hit(m.start(), m.end(), m.group(), category, strength,
                               {"score": strength, f"source={category}": 1.0}))
        self._calibrate(doc, out)
        if not boosters:
            return sorted(out, key=lambda h: h.start)
        by_token = {t.i: h for h in out for t in doc.char_span(h.start, h.end, alignment_mode="expand")}
        for tok in boosters:  # an intensifier counts only with the loaded word it amplifies
            head = by_token.get(tok.head.i)
            if head is None or tok.dep_ not in ("advmod", "amod") or head.strength <= 0:
                continue
            if any(h.start <= tok.idx < h.end for h in out):
                continue
            out.append(Hit(tok.idx, tok.idx + len(tok), tok.text, "intensifier",
                           round(min(head.strength, lex.category_strengths["intensifier"]), 3),
                           amplifies=(head.start, head.end)))
        return sorted(out, key=lambda h: h.start)

    def _calibrate(self, doc: Doc, hits: list[Hit]) -> None:
        """Strength = the calibrated chance that an expert reader marks the word as loaded, from its
        evidence and context (logistic weights in data/calibration.yaml); the heuristic score without them."""
        if not hits:
            return
        # per sentence: its start, whether the writer says "we", whether it quotes (array columns: no Token objects)
        table = doc.to_array([SENT_START, IDX, LOWER, IS_QUOTE])
        sent_of = np.cumsum(table[:, 0] == 1) - 1
        sent_of[sent_of < 0] = 0
        starts = [int(c) for c in table[table[:, 0] == 1, 1]] or [0]
        first_person = np.zeros(len(starts), dtype=bool)
        quotes = np.zeros(len(starts), dtype=bool)
        first_person[sent_of[np.isin(table[:, 2], self.first_person_ids)]] = True
        quotes[sent_of[table[:, 3] == 1]] = True
        where = [max(0, bisect_right(starts, h.start) - 1) for h in hits]
        counts: dict[int, int] = {}
        candidates: dict[int, list[float]] = {}
        for h, k in zip(hits, where, strict=True):
            if h.features.get("score", 0.0) >= SENTENCE_EVIDENCE:
                counts[k] = counts.get(k, 0) + 1
            candidates.setdefault(k, []).append(h.features.get("score", 0.0))
        for scores in candidates.values():
            scores.sort(reverse=True)
        weights = self.lex.calibration
        for h, k in zip(hits, where, strict=True):
            others = counts.get(k, 0) - (h.features.get("score", 0.0) >= SENTENCE_EVIDENCE)
            h.features["sentence_evidence"] = min(others, 3) / 3
            # the other candidates of the sentence: how many, and the strongest one's heuristic score
            ranked = candidates[k]
            own = h.features.get("score", 0.0)
            h.features["sentence_candidates"] = min(len(ranked) - 1, SENTENCE_CANDIDATES_CAP) / SENTENCE_CANDIDATES_CAP
            h.features["sentence_strongest_other"] = ranked[0] if own < ranked[0] else \
                ranked[1] if len(ranked) > 1 else 0.0
            if first_person[k]:
                h.features["sentence_first_person"] = 1.0
            if quotes[k]:
                h.features["sentence_quotes"] = 1.0
            if weights:
                z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) * v for f, v in h.features.items())
                strength = 1 / (1 + math.exp(-z))
                if "beat" in h.features or "attribution_or_trigger" in h.features:
                    strength *= self.lex.reporting_factor  # the beat's own words stay damped whatever the weights
                h.strength = round(strength, 3)
