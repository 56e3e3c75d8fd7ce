"""Finding cues in the dependency parse: the speech verb, its speaker and its content.

A cue is a verb from `data/speech_verbs.yaml` ("said", "warned", "believes")
or a source preposition from `data/cues.yaml` ("according to"). From the parse:
the speaker is the verb's subject (or, for "Anadolu quoted him as saying",
its object, the subject becoming a relay), the content its clausal complement
(ccomp), or for verbs that take one, its object or prepositional complement
("called for calm", "accused Y of Z"). Quotation marks are handled by
`extract`, which links quotes to these cues.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from ..actors.words import default_words
from ..datafiles import read_yaml
from ..settings import tuning
from .lexicon import CueWords

TokSpan = tuple[int, int]  # token indices [start, end)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Dependents that are not part of a speaker mention ("X, who ..., said").
SPEAKER_CUT = ("relcl", "acl", "advcl", "cc", "conj", "prep")
OBJECT_DEPS = ("dobj", "xcomp", "oprd", "attr", "ccomp")
# Preposition lists live in data/cues.yaml (content_prepositions, noun_content_prepositions,
# setting_prepositions); read once here, as every cue function uses them.
_PREPS = read_yaml(Path(__file__).with_name("data") / "cues.yaml")
OBJECT_PREPS = frozenset(_PREPS["content_prepositions"])
CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "prep")  # "responded by saying": the subject of "responded"
QUOTE_PUNCT = set("\"'“”‘’«»„‟‹›")
_W = default_words()  # owner prepositions (actors/data/words.yaml)
_T = tuning("quotes")  # each threshold is explained in config.toml
CLIMB_DEPTH = int(_T["subject_climb_depth"])
PARENTHETICAL_MAX_TOKENS = int(_T["parenthetical_max_tokens"])
ACCORDING_LEAD_TOKENS = int(_T["according_lead_tokens"])


@dataclass
class CueMatch:
    """One cue found in the parse. Spans are token index ranges into the Doc."""

    head: int  # token index of the cue word
    cue: TokSpan
    category: str  # speech | belief | evidence | source
    speaker: TokSpan | None = None
    content: TokSpan | None = None
    relays: list[TokSpan] = field(default_factory=list)  # nearest first
    relay_only: bool = False  # "according to a translation by X": names a relay, not a statement
    kind: str | None = None  # set when the layout decides it (speaker labels, dash signatures)
    gap: TokSpan | None = None  # a parenthetical cue clause inside the content ("The plan, he said, failed")
    passive: bool = False  # "X was accused of ...", "is expected to ...": its subject is not the speaker

    def content_chars(self, doc: Doc) -> tuple[int, int] | None:
        if self.content is None:
            return None
        return doc[self.content[0]].idx, _end_char(doc, self.content[1])

    def content_pieces(self, chars: tuple[int, int], doc: Doc) -> list[tuple[int, int]]:
        """The content's character span `chars` (`content_chars`, possibly grown over quotes),
        in two pieces when a parenthetical cue clause splits it."""
        inside = self.gap is not None and self.content is not None and \
            self.content[0] < self.gap[0] < self.gap[1] < self.content[1]
        if not inside:
            return [chars]
        lo, hi = self.gap
        while lo > self.content[0] and doc[lo - 1].is_punct:
            lo -= 1
        while hi < self.content[1] and doc[hi].is_punct:
            hi += 1
        return [(chars[0], _end_char(doc, lo)), (doc[hi].idx, chars[1])]


def _end_char(doc: Doc, tok_end: int) -> int:
    last = doc[tok_end - 1]
    return last.idx + len(last.text)


def phrase_span(tok: Token, cut: tuple[str, ...] = SPEAKER_CUT) -> TokSpan:
    """The noun phrase headed by `tok`, without relative clauses and trailing modifiers."""
    keep = [tok.i]
    for child in tok.children:
        if child.dep_ in cut and not (child.dep_ == "prep" and child.text.lower() == "of"):
            continue
        keep.extend(t.i for t in child.subtree)
    keep.sort()
    # keep the contiguous run around the head
    start = end = keep.index(tok.i)
    while start > 0 and keep[start - 1] == keep[start] - 1:
        start -= 1
    while end + 1 < len(keep) and keep[end + 1] == keep[end] + 1:
        end += 1
    lo, hi = keep[start], keep[end] + 1
    doc = tok.doc
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].text in QUOTE_PUNCT):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].text in QUOTE_PUNCT):
        lo += 1
    return lo, hi


def subtree_span(tok: Token) -> TokSpan:
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    doc = tok.doc
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo, hi


def trim_modifiers(span: TokSpan, doc: Doc) -> TokSpan:
    """Cut an object content before a trailing clause set off by a comma or dash (", contradicting
    ...", "-- after ...", ", which ..."): the writer's addition, not the content."""
    lo, hi = span
    for k in range(lo + 2, hi - 1):
        if doc[k].text not in (",", "--", "—", "–", ";"):
            continue
        nxt = doc[k + 1]
        mod = nxt if nxt.left_edge.i == nxt.i else None
        while mod is not None and not _trailing_addition(mod) and mod.head.i != mod.i:
            mod = mod.head if mod.head.left_edge.i == nxt.i else None
        if mod is not None and _trailing_addition(mod) and lo <= mod.head.i < k:
            return lo, k
    return lo, hi


# After a comma, the writer's additions to an object content: an adverbial clause
# (", contradicting ..."), a non-restrictive relative clause (", which ...", ", who ...")
# or an "including" list.
TRAILING_DEPS = ("advcl", "relcl")


def _trailing_addition(tok: Token) -> bool:
    return tok.dep_ in TRAILING_DEPS or (tok.dep_ == "prep" and tok.lower_ in ("including", "especially"))


def _owner(noun: Token, lex: CueWords) -> Token | None:
    """The owner of a statement noun: "Hamas's statement", "a statement from/by Hamas", or who
    issued it: "the council issued a statement", "a post Dorn sent", "a speech
    Ostrova delivered"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _W.owner_prepositions:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    for child in noun.children:
        if child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
            return child
    for child in noun.children:  # "a speech Ms. Ostrova delivered"
        if child.dep_ == "relcl" and child.lemma_.lower() in lex.issuing_verbs and \
                not any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in child.children):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN", "PRON") and \
                    subject.lower_ not in _W.relative_pronouns:
                return subject
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun  # "a series of tweets"
    if holder.dep_ == "dobj" and holder.head.lemma_.lower() in lex.issuing_verbs:
        verb = holder.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in _W.relative_pronouns and verb.dep_ == "relcl":
            return verb.head  # "one of the doctors who sent the letter"
        return subject
    return None


def _across_line(a: Token, b: Token) -> bool:
    """Whether a line break lies between two tokens: a clause does not cross it, so a time stamp
    or dateline line above a sentence ("12:15 p.m." then "Ana Ruiz says ...") is not its subject."""
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text and not t.text.strip() for t in a.doc[lo + 1:hi])


def _quoted_after(subject: Token, verb: Token) -> bool:
    """A "subject" after its verb that opens with a quotation mark is a quoted title or the quote
    itself ("said on Fox News's “Fox and Friends.”"), never who speaks."""
    i = subject.left_edge.i
    return subject.i > verb.i and i > 0 and verb.doc[i - 1].text in QUOTE_PUNCT


def _after_label(subject: Token, verb: Token) -> Token | None:
    """When a colon separates the subject from its verb ("Live: Dorn urges ..."), the parser
    took a label for the subject: the noun phrase between the colon and the verb is the subject."""
    colon = next((t for t in verb.doc[subject.i + 1:verb.i] if t.text == ":"), None)
    if colon is None:
        return subject
    between = verb.doc[colon.i + 1:verb.i]
    heads = [t for t in between if not colon.i < t.head.i < verb.i and t.pos_ in ("NOUN", "PROPN", "PRON")]
    return heads[0] if heads else None


def _subject(verb: Token, lex: CueWords, depth: int = 0) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS and not (child.lower_ == "there" or child.lower_ == "it" and child.dep_ != "nsubj") \
                and not _across_line(child, verb) and not _quoted_after(child, verb):
            if depth and child.dep_ == "nsubjpass" and verb.dep_ in (*CLIMB_DEPS, "ccomp") and verb.head.i != verb.i:
                # "The army said twelve fighters were killed and denied ...": a passive clause's
                # subject does not do the active verb hung on it; look further up
                return _subject(verb.head, lex, depth + 1) if depth < CLIMB_DEPTH else None
            return _after_label(child, verb) if child.i < verb.i else child
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    for mark in (c for c in verb.children if c.dep_ == "mark"):
        # "days after the leader urged ...": the parser hangs the clause's subject on "after"
        obj = next((o for o in mark.children if o.dep_ == "pobj" and o.i < verb.i), None)
        if obj is not None:
            return obj
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in lex.attribution_nouns:
        return verb.head
    if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and not any(c.dep_ == "agent" for c in verb.children) and \
            (verb.tag_ == "VBD" or verb.tag_ == "VBG" and lex.verbs.get(verb.lemma_.lower()) == "speech"):
        # "Tim Cook, calling it ...": the named person speaks (not "X, called a liar by Y", nor
        # "Americans supporting X", a description of people rather than a statement)
        return verb.head
    shown = _shown_speaker(verb)
    if shown is not None:
        return shown
    if depth < CLIMB_DEPTH and verb.dep_ in CLIMB_DEPS and verb.head.i != verb.i:
        found = _subject(verb.head, lex, depth + 1)
        if found is not None and found.i > verb.i and \
                sum(t.text in QUOTE_PUNCT for t in verb.doc[verb.i + 1:found.i]) % 2:
            return _previous_clause_subject(verb)  # the parser hung it on a verb inside a quote
        return found
    if depth == 0 and verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return _left_subject(verb)
    return None


def _previous_clause_subject(verb: Token) -> Token | None:
    """The subject of the clause a participle follows ("Dorn said, listing ...": Dorn)."""
    i = verb.left_edge.i
    if i < 2 or verb.doc[i - 1].text != ",":
        return None
    prev = verb.doc[i - 2]
    if prev.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in prev.children if c.dep_ == "nsubj"), None)


def _shown_speaker(verb: Token) -> Token | None:
    """A participle after a named object: "the ad shows Lena Ostrova asking ...", "footage of
    Dorn saying ...": the named person speaks, not the subject of "shows"."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    while before.dep_ in ("compound", "flat") and before.head.i > before.i:
        before = before.head
    obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if before.pos_ in ("PROPN", "PRON") and obj is not None and obj.left_edge.i <= before.i <= obj.right_edge.i:
        return before
    return None


def _left_subject(verb: Token) -> Token | None:
    """A main verb the parser gave no subject ("Ilya Dorn, the head of the league,
    forcefully told ..."): the noun phrase right before it, climbing out of its appositions and
    prepositional phrases to the name they describe."""
    i = verb.i - 1
    while i >= 0 and (verb.doc[i].pos_ in ("ADV", "PUNCT") and verb.doc[i].text not in (".", "!", "?", ":", ";")):
        i -= 1
    if i < 0 or verb.doc[i].pos_ not in ("PROPN", "NOUN", "PRON") or verb.doc[i].sent.start != verb.sent.start:
        return None
    tok = verb.doc[i]
    while tok.dep_ in ("pobj", "prep", "appos", "compound", "flat") and tok.head.i < tok.i and \
            tok.head.pos_ in ("PROPN", "NOUN", "ADP") and \
            not any(t.text in QUOTE_PUNCT for t in verb.doc[tok.head.i + 1:tok.i]):  # never into a quote
        tok = tok.head
    if tok.pos_ not in ("PROPN", "NOUN", "PRON") or tok.dep_ in ("pobj", "dobj"):
        return None  # "dedicating the museum on Saturday, said": a setting, not the speaker
    return tok


def _speaker_token(tok: Token | None, lex: CueWords) -> Token | None:
    if tok is not None and tok.lemma_.lower() in lex.attribution_nouns:
        return _owner(tok, lex) or tok
    return tok


def _clause_content(verb: Token) -> TokSpan | None:
    clauses = [c for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "parataxis" and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        clauses = _misparsed_clauses(verb)
    if not clauses:
        return None
    spans = [subtree_span(c) for c in clauses]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _misparsed_clauses(verb: Token) -> list[Token]:
    """A reported clause the parser attached elsewhere: "said after the convention he would not
    accept" (an advcl with its own subject and no conjunction), "told a meeting of leaders that
    few people understood" (a "that"-clause read as a relative clause of the object)."""
    out = []
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i < child.i for c in child.children) and not any(
                c.dep_ == "mark" and c.lower_ != "that" for c in child.children):
            out.append(child)
        elif child.dep_ in ("dobj", "dative"):
            # only when the clause is complete: in "the reporter that she met" "that" fills the gap
            out += [t for t in child.subtree if t.dep_ in ("relcl", "acl") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in t.children) and any(
                c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "nsubjpass") for c in t.children)][:1]
    return out[:1]


def _object_content(verb: Token) -> TokSpan | None:
    parts = []
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in OBJECT_DEPS:
            parts.append(subtree_span(child))
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS and not any(
                t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            parts.append(_prep_object(child))
        elif child.dep_ == "prt":
            continue
    if not parts:
        return None
    lo = min(p[0] for p in parts)
    hi = max(max(p[1] for p in parts), _right_edge(verb, lo))
    return trim_modifiers((lo, _stray_conjuncts(verb, hi)), verb.doc)


def _prep_object(prep: Token) -> TokSpan:
    """What a prepositional complement is about, without the preposition: "spoke of X",
    "called for X" -> X (the preposition belongs to the cue)."""
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objs:
        return subtree_span(prep)
    lo, hi = subtree_span(objs[0])
    return lo, max(hi, subtree_span(prep)[1])


def _parenthetical(verb: Token) -> bool:
    """A short cue clause set off by commas inside its content: "The plan, he said, failed"."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    lo, hi = verb.left_edge.i, verb.right_edge.i
    if hi - lo > PARENTHETICAL_MAX_TOKENS or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    doc = verb.doc
    commas = {i for i in (lo - 1, lo, hi, hi + 1) if 0 <= i < len(doc) and doc[i].text == ","}
    return bool(commas)


def _host_content(verb: Token) -> TokSpan | None:
    """The clause a parenthetical cue sits in, without the cue clause when it is at an edge."""
    head = verb.head
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    c_lo, c_hi = verb.left_edge.i, verb.right_edge.i + 1
    if c_lo <= lo + 1:
        lo = c_hi
    elif c_hi >= hi - 1:
        hi = c_lo
    doc = verb.doc
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return (lo, hi) if hi - lo >= 2 else None


def _infinitive_content(verb: Token) -> TokSpan | None:
    """ "wants to leave", "hopes to win": the to-infinitive a belief verb governs."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if xcomp is None:
        return None
    lo, hi = subtree_span(xcomp)
    hi = max(hi, _right_edge(verb, lo))
    return trim_modifiers((lo, _stray_conjuncts(verb, hi)), verb.doc)


def _stray_conjuncts(verb: Token, hi: int) -> int:
    """The end of conjuncts the parser hung on the cue verb that belong to its content: a bare
    infinitive ("agreed to share X and rely on Y") or a noun ("emphasized fairness, and a need to ...")."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i >= hi):
        if (conj.tag_ == "VB" and verb.tag_ != "VB" and not any(c.dep_ in ("nsubj", "aux") for c in conj.children)) \
                or conj.pos_ in ("NOUN", "PROPN"):
            hi = max(hi, subtree_span(conj)[1])
    return hi


# Dependents after a cue verb that end its content: a coordinated clause ("and left"),
# a clause set off by punctuation, or a new sentence fragment.
CONTENT_STOP = ("cc", "conj", "punct", "parataxis", "advcl", "ccomp", "nsubj", "mark")


def _right_edge(verb: Token, lo: int) -> int:
    """The end of what the verb governs after its object ("cited X as a reason to Y"): the
    content of speech and stance verbs runs on through its complements and modifiers."""
    hi = lo
    for child in verb.children:
        if child.i < lo:
            continue
        if child.dep_ in CONTENT_STOP:
            break
        if _adjunct(child):  # "... during a campaign stop", "... last week": the writer's setting
            break
        hi = max(hi, subtree_span(child)[1])
    return hi


# Prepositions that set a statement in time or place rather than saying what it is about.
# ("in", "on", "at" are left out: "shows the governor ahead in every province".)
ADJUNCT_PREPS = frozenset(_PREPS["setting_prepositions"])


def _adjunct(child: Token) -> bool:
    if child.dep_ in ("npadvmod", "advmod") and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
        return True
    return child.dep_ == "prep" and child.lower_ in ADJUNCT_PREPS


def _object_control(verb: Token) -> bool:
    """ "told X to Y", "asked X to Y": an object followed by a to-infinitive."""
    deps = {c.dep_ for c in verb.children if c.i > verb.i}
    return "dobj" in deps and "xcomp" in deps


def _cue_span(verb: Token) -> TokSpan:
    """The verb with its particle ("called for" stays "called"; "pointed out")."""
    end = verb.i + 1
    for child in verb.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return verb.i, end


def _quote_cue(verb: Token, lex: CueWords) -> CueMatch | None:
    """ "X quoted Y as saying ...": Y speaks, X relays."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    as_prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if obj is None or as_prep is None:
        return None
    saying = next((c for c in as_prep.children if c.dep_ in ("pcomp", "pobj")), None)
    end = saying.i + 1 if saying is not None else as_prep.i + 1
    match = CueMatch(verb.i, (verb.i, end), "speech", speaker=phrase_span(obj))
    if saying is not None:
        match.content = _clause_content(saying)
    relay = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if relay is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        relay = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if relay is not None:
        match.relays.append(phrase_span(relay))
    return match


def _part_of_quote_cue(verb: Token) -> bool:
    """The "saying" in "quoted him as saying" belongs to the "quoted" cue."""
    head = verb.head
    return verb.dep_ in ("pcomp", "pobj") and head.lower_ == "as" and head.head.lemma_.lower() == "quote"


def verb_cue(verb: Token, lex: CueWords) -> CueMatch | None:
    """The cue headed by `verb`, or None if it is not one."""
    lemma = verb.lemma_.lower()
    category = lex.verbs.get(lemma)
    if category is None or verb.pos_ != "VERB" or _part_of_quote_cue(verb):
        return None
    if lemma == "quote":
        match = _quote_cue(verb, lex)
        if match is not None:
            return match
    content = _clause_content(verb)
    if content is None and category in ("speech", "stance") and lemma not in lex.clause_only_verbs:
        content = _object_content(verb)
    elif content is None and category == "belief":
        content = _infinitive_content(verb)
    if content is None and category == "evidence" and lemma not in lex.clause_only_verbs:
        content = _object_content(verb)  # "the poll shows Clinton ahead", "the study found 31 cases"
    if content is None and category == "speech" and _object_control(verb):
        content = _object_content(verb)  # "told his aides to stay": the order is the content
    gap = None
    if content is None and _parenthetical(verb):
        content = _host_content(verb)
        gap = verb.left_edge.i, verb.right_edge.i + 1
    subject = _subject(verb, lex)
    passive = subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == verb.i
    if passive:  # the passive subject is who it is said of; the speaker is the agent, if named
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subject = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
    speaker = _speaker_token(subject, lex)
    match = CueMatch(verb.i, _cue_span(verb), category, content=content, gap=gap, passive=passive)
    if speaker is not None:
        match.speaker = phrase_span(speaker)
    return match


NOUN_CONTENT_PREPS = frozenset(_PREPS["noun_content_prepositions"])


def noun_cue(noun: Token, lex: CueWords) -> CueMatch | None:
    """ "Trump's claim that ...", "the group's call for ...": an owned statement noun and its content."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.cue_nouns:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    content = None
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ in ("acl", "ccomp", "relcl") and any(t.dep_ == "mark" and t.lower_ == "that"
                                                             for t in child.children):
            content = subtree_span(child)
        elif child.dep_ == "prep" and child.lower_ in NOUN_CONTENT_PREPS and content is None:
            content = _prep_object(child)
        if content is not None:
            break
    if content is None:
        return None
    return CueMatch(noun.i, (noun.i, noun.i + 1), "speech", speaker=phrase_span(owner),
                    content=trim_modifiers(content, noun.doc))


def _according_cue(word: Token, lex: CueWords) -> CueMatch | None:
    prep = next((c for c in word.children if (word.lower_, c.lower_) in lex.source_prepositions), None)
    if prep is None:
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    match = CueMatch(word.i, (word.i, prep.i + 1), "source")
    by = None
    if obj.lemma_.lower() in lex.relay_nouns:
        # "according to a translation by X": X relays, the speaker is elsewhere
        by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in _W.owner_prepositions), None)
    by_obj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if by_obj is not None:
        match.relays.append(phrase_span(by_obj))
        match.relay_only = True
    else:
        match.speaker = phrase_span(_speaker_token(obj, lex) or obj)
    return match


def according_content(match: CueMatch, doc: Doc) -> TokSpan | None:
    """The sentence an "according to X" phrase attaches to, without the phrase; when the phrase
    sits in the middle, the part before it (the reported claim; what follows is usually the writer's)."""
    word = doc[match.head]
    sent = word.sent
    lo, hi = sent.start, sent.end
    p_lo, p_hi = word.left_edge.i, word.right_edge.i + 1
    if p_lo - lo >= ACCORDING_LEAD_TOKENS:
        hi = p_lo
    else:
        lo = p_hi
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return (lo, hi) if hi > lo else None


def find_cues(doc: Doc, lex: CueWords) -> list[CueMatch]:
    """Every cue in `doc`, in token order."""
    cues = []
    source_heads = {head for head, _ in lex.source_prepositions}
    for tok in doc:
        if tok.lower_ in source_heads:
            match = _according_cue(tok, lex)
        else:
            match = verb_cue(tok, lex) or noun_cue(tok, lex)
        if match is not None:
            cues.append(match)
    return cues
