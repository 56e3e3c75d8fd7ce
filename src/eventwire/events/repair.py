"""Parser slips that hide a sentence's agent, and the reading the coder takes instead.

The small parser regularly mistakes a past-tense main verb for a passive participle,
or attaches a subject or a passive agent to the wrong phrase. Each function here
recognises one such slip from the shape of the whole sentence (never from its
words) and returns the token the coder should use:

- `misread_main_verb`: "Doctors from two aid groups donated food to ...", "An
  official newspaper called on Arabs to unite": the verb, tagged VBN, hangs as a
  reduced relative ("acl") on the noun before it although that noun has no other
  predicate and the verb is used actively or takes no object at all (VerbNet: "Hundreds of people
  protested in Tarn"); its subject is that noun phrase, not its patient.
- `inverted_content`: "<clause>, a rights group protested here Wednesday": an
  inverted reporting clause; its content is the sentence's main clause.
- `fronted_subject`: "With the signing of the accord, the government and the rebels
  have agreed ...": the subject, parsed as a conjunct inside the fronted phrase.
- `stray_agent`: "X has been accused of ..., much of it believed ..., by officials":
  the passive agent, attached to an active verb further up, which cannot take one.
- `two_subjects`: "Trump, while 5 percent prefer X and 1 percent support Y": two subjects
  split by a finite verb, a lost clause boundary; the verb keeps no actor.
- `reduced_passive`: "guards shot and killed by a gunman were buried", "identified the
  employees shot and killed by a co-worker": coordinated participles sharing a passive agent
  ("by a gunman"), the first often tagged as a past-tense main verb with the patient as its
  subject; the agent is the actor and that noun the patient.
- `shared_passive`: "X was shot and killed": the bare participle after "and" is passive too; X
  is its patient, and its agent is its own or the first verb's by-phrase.
- `gapped_passive`: "two were killed and three wounded": the second verb's subject is its patient.
- `garden_path`: "Protesters arrested on Monday will appear in court": the participle read as a
  past-tense verb with the noun as its subject, and the whole as the subject clause of the main
  verb (or as the main verb, the real one hung on it as a conjunct with no "and"); the noun is its
  patient.
- `headline_passive`: "Parents convicted in first case", "Trump slammed for bragging": a headline
  drops a passive's auxiliary (and states active past acts in the present); its subject is the patient.
- `for_clause`: "called for Kelmland to withdraw", "pushing for the US (to) support": the
  parser reads "for" as a complementiser of a clause, not as the preposition the verb takes.
- `quantity_object`: "kidnapped up to 16 advisers": "up" read as a particle and "to 16 advisers" as a
  prepositional phrase; the noun is the verb's object.
- `shifted_object`: "denounced as an ugly crime Serbia's suppression of ...": the object moved after an
  "as" phrase, read as its apposition.
- `shared_conjunct`: "donated and delivered goods to the school": a verb with no argument of its own
  shares those of the verb it is joined to by "and".
- `stranded_object`: "granted asylum to five officers holed up in a residence": the preposition's object
  read as the subject of its reduced relative, a clause of its own.
- `buried_main_verb`: "the militant encouraged students to disrupt classes": the finite verb read as a
  modifier of the noun after it, the infinitive heading the sentence; the infinitive is no act.
"""

from __future__ import annotations

from spacy.tokens import Token

from .agents import takes_no_object, token_class
from .arguments import np_bounds
from .words import default_words as event_words

NOMINAL = ("NOUN", "PROPN")
FINITE = {"VBD", "VBP", "VBZ", "MD"}
NO_SUBJECT_YET = {"nsubj", "nsubjpass", "csubj", "agent", "auxpass", "aux", "expl"}


def _subject_phrase(head: Token) -> Token:
    """The head of the phrase `head` sits in: "Doctors from two aid groups" -> Doctors."""
    tok = head
    preps = event_words().argument_span_prepositions
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in preps \
            and tok.head.head.pos_ in NOMINAL:
        tok = tok.head.head
    return tok


def _infinitive(tok: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)


def _active_use(verb: Token, light_verbs: set[str]) -> bool:
    """What only an active verb has: an object (its own or a coordinated verb's: "donated and
    delivered goods"), a clausal or infinitival complement ("called on Arabs to unite"), a particle,
    or, for a light verb, a gerund ("resorted to throwing stones"). A reduced passive relative
    ("three soldiers killed in an ambush") has none."""
    for v in [verb, *(c for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB")]:
        if any(c.dep_ in ("dobj", "ccomp", "prt") for c in v.children):
            return True
        if any(c.dep_ in ("xcomp", "advcl") and _infinitive(c) for c in v.children):
            return True
    return verb.lemma_.lower() in light_verbs and any(
        c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        for c in verb.children)


def _misread_candidate(verb: Token) -> Token | None:
    """The subject head when `verb` has the shape of a misread main verb: a VBN "acl" right
    after its noun, with no subject, auxiliary or by-agent of its own."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.i <= verb.head.i or verb.head.pos_ not in NOMINAL:
        return None
    if any(c.dep_ in NO_SUBJECT_YET or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.is_punct or not (verb.head.left_edge.i <= prev.i <= verb.head.right_edge.i):
        return None
    return _subject_phrase(verb.head)


def inverted_content(verb: Token) -> Token | None:
    """"<clause>, a rights group protested here Wednesday.": the main verb of the reported clause
    when `verb` is a misread inverted reporting verb (its noun phrase follows a comma, nothing but
    its own modifiers follows it, and the sentence's root verb comes before the comma)."""
    subj = _misread_candidate(verb)
    if subj is None or any(c.dep_ == "dobj" for c in verb.children):
        return None
    start, _ = np_bounds(subj)
    doc, root = verb.doc, verb.sent.root
    if start == 0 or doc[start - 1].lower_ != "," or root.i >= start - 1 or root.pos_ not in ("VERB", "AUX"):
        return None
    if any(not t.is_punct for t in doc[verb.right_edge.i + 1:verb.sent.end]):
        return None
    return root


def _full_sentence(verb: Token) -> bool:
    """The sentence ends with a full stop (or ! or ?, before any closing quote): body text, not a headline."""
    last = next((t for t in reversed(verb.sent) if not (t.is_quote or t.is_bracket)), None)
    return last is not None and last.text in (".", "!", "?")


def misread_main_verb(verb: Token, light_verbs: set[str], reporting: bool = False) -> Token | None:
    """The subject head of a main verb the parser took for a reduced passive relative, else None.

    The noun before the verb must have no predicate of its own: it is the sentence's root, or
    a second subject of a verb that already has one ("Palestinian youths resorted to ...,
    officials said", also parsed as an unlabelled "dep"), or (for a reporting use, `reporting`)
    it opens an inverted reporting clause; and the verb must be used actively (`_active_use`)."""
    subj = _misread_candidate(verb)
    if subj is None:
        return None
    if reporting and inverted_content(verb) is not None:
        return subj
    if not _full_sentence(verb):
        return None  # a headline ("Vostran soldiers sent to Tarn to fight rebels") drops its auxiliaries
    no_predicate = subj.dep_ == "ROOT" or (subj.dep_ in ("nsubj", "dep") and any(
        c.dep_ == "nsubj" and c.i != subj.i for c in subj.head.children))
    # (a verb that takes no object cannot be passive: "Hundreds of people protested in Tarn")
    return subj if no_predicate and (_active_use(verb, light_verbs) or takes_no_object(verb.lemma_)) else None


def fronted_subject(verb: Token) -> Token | None:
    """"With the signing of the accord, the government and the rebels have agreed": a finite verb
    with no subject whose fronted phrase ends, after a comma, in nouns parsed as coordinated with
    or in apposition to the phrase's own, right before the verb; the first of them heads the subject."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i]
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(a.dep_ == "aux" for a in auxes):
        return None
    first = min([verb.i, *(a.i for a in auxes)])
    doc = verb.doc
    front = next((c for c in verb.children if c.dep_ == "prep" and c.i < first
                  and all(t.is_punct for t in doc[c.right_edge.i + 1:first])), None)
    if front is None:
        return None
    for tok in front.subtree:
        if tok.dep_ not in ("conj", "appos") or tok.pos_ not in NOMINAL:
            continue
        start, _ = np_bounds(tok)
        # the phrase runs up to the verb ("in Istanbul, Turkey, ..., Ismail Haniyeh, urged": not Turkey)
        # and names an agent, not a place
        reaches = all(t.is_punct for t in doc[tok.right_edge.i + 1:first])
        if start > 0 and doc[start - 1].lower_ == "," and reaches and token_class(tok) == "agent":
            return _list_head(tok)
    return None


def _list_head(tok: Token) -> Token:
    """The first member of the comma list `tok` belongs to: "as the United States, Britain and France
    support" -> States (an agent conjunct whose phrase ends right at the comma before the next one)."""
    while tok.dep_ == "conj" and tok.head.pos_ in NOMINAL and tok.head.i < tok.i:
        _, end = np_bounds(tok.head)
        start, _ = np_bounds(tok)
        if end != start - 1 or tok.doc[end].lower_ != "," or token_class(tok.head) != "agent":
            break  # "the signing of the Memorandum of Understanding, Vostra and Kelmland": not one list
        tok = tok.head
    return tok


def stray_agent(verb: Token, hops: int) -> Token | None:
    """A passive verb's agent attached to an active verb it hangs on (at most `hops` up): an
    active verb with a subject takes no by-agent, so a "by" phrase naming an agent after the
    passive verb is the passive verb's."""
    tok = verb
    for _ in range(hops):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            return None
        if not any(c.dep_ == "nsubj" for c in tok.children):
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i):
            for g in prep.children:
                if g.dep_ == "pobj" and token_class(g) == "agent":
                    return g
    return None


def _own_clause(verb: Token) -> bool:
    """The verb has an auxiliary or a subject of its own: a clause, not a bare participle."""
    return any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def agent_of(verb: Token) -> Token | None:
    """The object of the verb's passive by-phrase ("killed by a gunman" -> gunman), if any."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def reduced_passive(verb: Token) -> tuple[Token, Token | None] | None:
    """(agent, patient) of a participle with a by-agent and no auxiliary, alone or coordinated with
    such participles; a conjunct with its own auxiliary or subject is a clause of its own ("... and
    were buried"), and an object anywhere makes the verbs active."""
    first = verb.head if verb.dep_ == "conj" and verb.head.i != verb.i else verb
    members = [first, *(c for c in first.children if c.dep_ == "conj" and c.tag_ == "VBN" and not _own_clause(c))]
    if verb not in members or first.tag_ not in ("VBD", "VBN"):
        return None
    if any(c.dep_ in ("aux", "auxpass", "nsubjpass") for c in first.children) or any(
            c.dep_ == "dobj" for m in members for c in m.children):
        return None
    agent = agent_of(verb) or next((a for m in members if (a := agent_of(m)) is not None), None)
    if agent is None:
        return None
    patient = next((c for c in first.children if c.dep_ == "nsubj"), None)
    return agent, patient if patient is not None else (first.head if first.dep_ == "acl" else None)


def garden_path(verb: Token) -> Token | None:
    """The patient of a reduced relative misread as a clause: "men prosecuted for X will receive a pardon"
    parses "men prosecuted" as the subject clause (csubj) of "will receive"; a finite clause cannot be
    that subject, so the verb is a participle on the noun. None unless the verb is such a clause with a
    subject and no object or auxiliary."""
    if verb.tag_ not in ("VBD", "VBN") or any(
            c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    if verb.dep_ != "csubj" and not _main_verb_hung_on(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _main_verb_hung_on(verb: Token) -> bool:
    """The sentence's real main verb hangs on `verb` as a conjunct with a modal, no subject of its own and
    no "and" between them ("men in Tarn prosecuted for X will receive a pardon"; not "police arrested
    three farmers and will question them")."""
    return not any(c.dep_ == "cc" for c in verb.children) and any(
        c.dep_ == "conj" and c.i > verb.i and any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children)


def shared_passive(verb: Token) -> Token | None:
    """The passive subject a bare participle shares with the passive verb it is coordinated with
    ("X was shot and killed", "were beaten and arrested by police"); None for a verb with an
    auxiliary or subject of its own ("was indicted and will resign")."""
    def bare_conjunct(tok: Token) -> bool:
        return tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.i != tok.i and not _own_clause(tok)
    if not bare_conjunct(verb):
        return None
    head = verb.head
    while bare_conjunct(head):  # up a chain of bare participles: "were tear-gassed, shoved, battered and ..."
        head = head.head
    if not any(c.dep_ == "auxpass" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def gapped_passive(verb: Token, force_words: frozenset[str] | set[str]) -> Token | None:
    """The patient of a passive whose auxiliary is gapped: "two were killed and three wounded", "an
    officer was injured and four people stabbed" (the parser gives the second verb its patient as
    subject). The verb is coordinated with a passive, has no auxiliary and no object of its own, and
    is a participle or a verb of force that an active clause would give an object."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or not any(c.dep_ == "auxpass" for c in head.children):
        return None
    if any(c.dep_ in ("aux", "auxpass", "dobj", "nsubjpass") for c in verb.children):
        return None
    if verb.tag_ != "VBN" and verb.lemma_.lower() not in force_words:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def headline_passive(verb: Token) -> Token | None:
    """The patient of a headline's participle: a headline states past acts in the present ("Rebels
    attack Tarn") and drops the auxiliary of a passive, so "Parents convicted in first case" and
    "Trump slammed for bragging" report what was done to their subject. A clause before it is a second
    headline the parser hung on it as its content ("Army strikes Tarn, twelve fighters killed")."""
    if _full_sentence(verb) or verb.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("aux", "auxpass", "dobj", "dative", "xcomp", "attr", "oprd", "prt")
            or (c.dep_ == "ccomp" and c.i > verb.i) for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def buried_main_verb(verb: Token) -> Token | None:
    """"the militant encouraged students to disrupt classes": the parser reads the finite verb as a
    modifier inside the subject ("encouraged" an amod of "students") and heads the sentence with the bare
    infinitive, which no sentence can be. That finite verb, returned, is the main verb; the infinitive is
    what it asks for or reports, not an act of the phrase before it."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB" or not _infinitive(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    return next((t for t in subj.subtree if t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ in ("amod", "compound")), None)


def quantity_object(verb: Token) -> list[Token]:
    """"kidnapped up to 16 Russian advisers": the parser reads "up" as the verb's particle and "to 16 ..." as
    a prepositional phrase; "up to" with a number is a quantity, and its noun the verb's object."""
    ups = [c for c in verb.children if c.lower_ == "up" and c.dep_ in ("prt", "prep", "advmod")]
    tos = [t for u in ups for t in (*u.children, *verb.children) if t.lower_ == "to" and t.i == u.i + 1]
    return [o for t in tos for o in t.children
            if o.dep_ == "pobj" and t.i + 1 < len(verb.doc) and verb.doc[t.i + 1].like_num]


def shifted_object(verb: Token) -> list[Token]:
    """"denounced as an ugly crime Serbia's suppression of ...": a long object moved after the verb's
    "as" phrase, which the parser hangs on that phrase as an apposition; the verb has no object of its
    own and no comma parts the two, as one would an apposition."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
            if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos" and a.left_edge.i == o.i + 1]


def stranded_object(prep: Token) -> Token | None:
    """"granted asylum to five officers holed up in a residence": the parser reads the object and the
    reduced relative after it ("holed up", "stranded", "held") as a clause of its own, leaving the
    preposition with no object; the clause's subject, which begins right after the preposition, is it."""
    if prep.dep_ != "prep" or any(c.dep_ in ("pobj", "pcomp") for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return None
    nxt = prep.doc[prep.i + 1]
    subj = next((t for t in nxt.head.subtree if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == nxt.i), None)
    if subj is None or subj.head.tag_ not in ("VBD", "VBN") or subj.pos_ not in NOMINAL:
        return None
    return subj


def shared_conjunct(verb: Token) -> Token | None:
    """"donated and delivered goods to the school": a verb with no argument of its own, joined by "and"
    to the next verb, may share that verb's object and phrases; the conjunct whose arguments it would take
    (a verb VerbNet gives no object never shares one; the role finder shares them only with a verb that is
    no act of another kind: "resigned and endorsed X" endorses X, the resignation is of no one)."""
    if verb.pos_ != "VERB" or takes_no_object(verb.lemma_.lower()) or any(
            c.dep_ in ("dobj", "prep", "dative", "ccomp", "xcomp", "advcl", "prt") for c in verb.children):
        return None
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    if conj is None or not all(t.dep_ in ("cc", "advmod") for t in verb.doc[verb.i + 1:conj.i]):
        return None
    return conj if any(c.dep_ in ("dobj", "prep", "dative") for c in conj.children) else None


def hidden_objects(verb: Token) -> list[Token]:
    """Direct objects the parser attached elsewhere (`quantity_object`, `shifted_object`)."""
    return quantity_object(verb) + shifted_object(verb)


def for_clause(tok: Token, prep: str) -> bool:
    """`tok` heads a clause with a subject introduced by `prep` as its complementiser ("called for
    Kelmland to withdraw"): what "called for" asks for, parsed as an adverbial clause."""
    return tok.dep_ == "advcl" and tok.pos_ in ("VERB", "AUX") and any(
        m.dep_ == "mark" and m.lower_ == prep for m in tok.children) and any(
        c.dep_ == "nsubj" for c in tok.children)


def two_subjects(verb: Token) -> bool:
    """The verb has two nominal subjects with a finite verb between them ("Trump, while 5 percent
    prefer X and 1 percent support Y"): the parser lost a clause boundary, and either may be wrong.
    Pieces of one name or an apposition ("Members of X, a body linked to Y, investigated") have no
    finite verb between them."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(t.tag_ in FINITE for a, b in zip(subjects, subjects[1:], strict=False)
               for t in verb.doc[a.i + 1:b.i])
