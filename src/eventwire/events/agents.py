"""Is a phrase an agent? Semantic classes of argument heads.

An event's actor must be able to act: a person, organisation, group,
government, armed force or state (a place name used for its government,
"Washington said", is metonymy and counts). The class of an argument head
comes from, in order: the actors stage's resolved entity (a dictionary actor
is an agent), spaCy's entity label, the pronoun, then the WordNet 3.0
supersense of the noun's most frequent sense (`data/wordnet/noun_supersenses.tsv`,
derived by `scripts/derive_event_tables.py`). VerbNet 3 tells which verbs admit
only an animate or organisational Agent as subject (`data/verbnet/subject_roles.tsv`).

Classes: `agent`, `place`, `act` (an event noun: "the bombing killed"), `weapon`
("a bomb killed"), `force` (natural force, illness, mishap), `thing` (artifact,
object, body), `info` (communication, cognition: a report, a claim, a bill),
`other` (attributes, states, quantities, times) and `unknown`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from ..actors.words import default_words as actor_words
from ..datafiles import read_yaml
from ..model import Entity
from ..settings import tuning
from .words import default_words as event_words

_SYNTAX = tuning("events.syntax")  # each threshold is explained in config.toml

DATA_DIR = Path(__file__).with_name("data")
AGENT_LABELS = {"PERSON", "ORG", "NORP"}
PLACE_LABELS = {"LOC", "FAC"}
NON_PARTY_LABELS = {"DATE", "TIME", "ORDINAL", "MONEY", "QUANTITY", "PERCENT", "WORK_OF_ART", "LAW",
                    "EVENT", "PRODUCT", "LANGUAGE"}


@cache
def semantic_data() -> dict[str, Any]:
    """`data/semantics.yaml`: supersense -> class map, agent pronouns, place prepositions."""
    data = read_yaml(DATA_DIR / "semantics.yaml")
    return {"classes": dict(data["supersense_classes"]), "overrides": dict(data.get("noun_overrides") or {}),
            "recipient_preps": tuple(str(p) for p in data["recipient_preps"]),
            "place_recipient_preps": tuple(str(p) for p in data["place_recipient_preps"]),
            "not_party_labels": frozenset(str(x) for x in data["not_party_labels"]),
            "agent_pronouns": frozenset(data["agent_pronouns"]),
            "antecedent_pronouns": frozenset(data["antecedent_pronouns"]),
            "site_preps": frozenset(data["site_preps"]),
            "document_heads": frozenset(data["document_heads"]),
            "proportion_nouns": frozenset(data["proportion_nouns"]),
            "agent_roles": frozenset(data["verbnet_agent_restrictions"]),
            "non_agent_subject_roles": frozenset(data["verbnet_non_agent_subject_roles"]),
            "quality_supersenses": frozenset(data["quality_supersenses"])}


@cache
def noun_senses() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    with (DATA_DIR / "wordnet" / "noun_supersenses.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            lemma, _, senses = line.rstrip("\n").partition("\t")
            out[lemma] = tuple(senses.split(","))
    return out


@cache
def _verbnet_rows() -> dict[str, list[str]]:
    """verb lemma -> [classes, subject roles, Agent restrictions, direct object roles] (`subject_roles.tsv`)."""
    out = {}
    with (DATA_DIR / "verbnet" / "subject_roles.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                lemma, *cols = line.rstrip("\n").split("\t")
                out[lemma] = (cols + ["", "", "", ""])[:4]
    return out


@cache
def verb_subjects() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """verb lemma -> (subject roles over its VerbNet classes, Agent restrictions)."""
    return {lemma: (frozenset(r for r in roles.split(",") if r), frozenset(r for r in restr.split(",") if r))
            for lemma, (_classes, roles, restr, _objects) in _verbnet_rows().items()}


def takes_no_object(lemma: str) -> bool:
    """No VerbNet frame of this verb has a direct object ("protest", "abstain", "arrive"): it cannot be
    passive, so "people protested in Tarn" read as a reduced passive relative is a misread main verb."""
    row = _verbnet_rows().get(lemma.lower())
    return row is not None and row[3] == "none"


@cache
def institution_nouns() -> frozenset[str]:
    """The actors stage's institution nouns (`actors/data/institutions.yaml`: "forces", "ministry",
    "police", "spokesman"): bodies and office-holders, agents whatever WordNet's first sense."""
    path = Path(__file__).parents[1] / "actors" / "data" / "institutions.yaml"
    if not path.is_file():
        return frozenset()
    words = {str(w).lower() for entry in read_yaml(path).get("institutions", []) for w in entry.get("words", [])}
    return frozenset(w for w in words if " " not in w)


@cache
def senses_of(lemma: str) -> tuple[str, ...]:
    """WordNet supersenses of a noun lemma. A compound news writes solid that WordNet hyphenates
    ("ceasefire": cease-fire) takes the hyphenated entry's; one WordNet lacks ("airstrike",
    "policymaker") takes its head's, the last part, when both parts are nouns (the first of three
    letters or more, the head of four or more: "air|strike", "policy|maker"), the longest head first."""
    table = noun_senses()
    if lemma in table:
        return table[lemma]
    splits = [(lemma[:i], lemma[i:]) for i in range(3, len(lemma) - 3)]
    for head, tail in splits:
        if f"{head}-{tail}" in table:
            return table[f"{head}-{tail}"]
    for head, tail in splits:
        if head in table and tail in table:
            return table[tail]
    return ()


def noun_class(lemma: str) -> str:
    """The class of a common noun's most frequent sense (`unknown` when WordNet lacks it)."""
    override = semantic_data()["overrides"].get(lemma.lower())
    if override:
        return override
    if lemma.lower() in institution_nouns():
        return "agent"
    senses = senses_of(lemma.lower())
    if not senses:
        return "unknown"
    return semantic_data()["classes"].get(senses[0], "other")


def sited(tok: Token) -> bool:
    """The verb `tok` or its direct object is placed at a named or common-noun place ("attacked a market
    in Rask", "raided the camp near the border"): what it acts on is a physical site."""
    preps = semantic_data()["site_preps"]
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    return any(p.dep_ == "prep" and p.lower_ in preps and any(
        g.dep_ == "pobj" and token_class(g) == "place"
        for g in p.children) for h in heads for p in h.children)


def can_be_agent(lemma: str) -> bool:
    """Some sense among the first two is a person or group ("the post" is not, "the guard" is)."""
    senses = senses_of(lemma.lower())
    return any(s in ("person", "group") for s in senses[:3])


def token_class(tok: Token, entity: Entity | None = None) -> str:
    """The class of the argument headed by `tok`; `entity` is its resolved actor, if any."""
    # a resolved actor makes the head an agent ("Israeli tanks fired": metonymy), unless the head is an
    # attribute or a state whose code comes from its owner ("Trump's impatience threatens to ...")
    if entity is not None and (entity.code or entity.name) and entity.source not in ("phrase", "spacy", None) \
            and not _owned_attribute(tok) and not _suffered(tok):
        if entity.type in PLACE_LABELS:
            return "place"
        return "agent"
    low = tok.lower_
    if low in semantic_data()["agent_pronouns"] or tok.lemma_.lower() in event_words().member_words:
        return "agent" if tok.pos_ in ("PRON", "NOUN") else "unknown"  # "one of its members", "the ones"
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):  # "forgive up to $50,000": a sum, not a count of people
        return "other"
    if tok.pos_ == "NUM" or tok.ent_type_ == "CARDINAL":  # "killed 23", "more than 10,000": a count of people
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return token_class(of[0]) if of else "unknown"  # "thousands of students"
    if tok.pos_ == "PRON":
        if low in semantic_data()["antecedent_pronouns"] and tok.dep_ in ("dobj", "pobj"):
            ante = _antecedent(tok)
            return token_class(ante) if ante is not None else "unknown"
        return "agent" if low in semantic_data()["agent_pronouns"] else "unknown"
    label = tok.ent_type_
    if label in AGENT_LABELS and tok.is_sent_start and tok.ent_iob_ == "B" and (
            len(tok.doc) == tok.i + 1 or tok.doc[tok.i + 1].ent_iob_ != "I") and tok.lower_ in noun_senses():
        label = ""  # the small model tags a capitalised common noun opening a sentence ("Drought") as a name
    if label in AGENT_LABELS and document_name(tok):
        return "info"
    if label in AGENT_LABELS and noun_class(tok.lower_) == "force":
        return "force"  # a disease the small model tags as a name ("Covid-19 has killed 300")
    if label in AGENT_LABELS:
        return "agent"
    if label == "GPE":
        # "in Dorvat" is where; "Dorvat said" is its government (metonymy)
        gov = tok.head
        return "place" if tok.dep_ == "pobj" and gov.lower_ in actor_words().place_prepositions else "agent"
    if label in PLACE_LABELS:
        return "place"
    if label in NON_PARTY_LABELS:
        return "other"
    if tok.pos_ == "PROPN":
        # a capitalised common noun: "the foreign Ministry", or opening a sentence ("Drought has destroyed ...")
        if label not in AGENT_LABELS and (tok.lower_ in noun_senses() or tok.lower_ in institution_nouns()):
            cls = noun_class(tok.lower_)
            if cls == "agent" or tok.is_sent_start or _title_case(tok.sent) or _quoted_word(tok):
                return cls
        return "unknown"
    if tok.pos_ != "NOUN":
        return "unknown"
    cls = noun_class(tok.lemma_)
    if cls == "unknown" and tok.lower_ != tok.lemma_.lower():
        cls = noun_class(tok.lower_)  # a plural-only noun the lemmatiser cut to no word ("earnings" -> "earning")
    if cls in ("other", "place"):
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if of and cls == "other" and _portion(tok):  # "a number of teachers", "the rest of the men": the of-phrase
            return token_class(of[0])  # says who; not "control of the House", a relation to it
        if of and noun_class(of[0].lemma_) in ("act", "other", "info"):
            return "other"  # "a state of emergency", "a position of strength": a condition, not a place
    return cls


def document_name(tok: Token) -> bool:
    """A law or programme named like an organisation: "the Clean Rivers Act", "Medicare" (`document_heads`)."""
    if tok.pos_ != "PROPN":
        return False
    senses = noun_senses().get(tok.lower_, ())
    if tok.ent_type_ == "ORG" and tok.ent_iob_ == "B" and senses and set(senses) <= {"act"}:
        return True  # "Medicare", "Medicare for All"; not "Immigration and Customs Enforcement"
    return tok.lower_ in semantic_data()["document_heads"]


def _suffered(tok: Token) -> bool:
    """An event its possessive country suffered ("France's latest terror attack"): not the country's act."""
    return any(c.dep_ == "poss" and place_of_event(tok, c) for c in tok.children)


def _owned_attribute(tok: Token) -> bool:
    """A common noun of an attribute or a state ("impatience", "popularity"), not a count of members
    ("dozens of papers")."""
    return tok.pos_ == "NOUN" and tok.ent_type_ != "CARDINAL" and noun_class(tok.lemma_) == "other" and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _portion(tok: Token) -> bool:
    """A noun of amount or part: WordNet's first sense a quantity or a relation ("the rest", "part"),
    or its second a quantity ("a number of", "the majority of")."""
    senses = noun_senses().get(tok.lemma_.lower()) or noun_senses().get(tok.lower_) or ()
    return bool(senses) and (senses[0] in ("quantity", "relation") or "quantity" in senses[1:2])


def statistic(tok: Token) -> bool:
    """`tok` heads, or is the "of" object of, a proportion of a population ("60 percent of Americans",
    "the share of voters who back ..."): a poll figure, not a party."""
    nouns = semantic_data()["proportion_nouns"]

    def proportion(t: Token) -> bool:
        return t.lower_ in nouns or t.lemma_.lower() in nouns or t.ent_type_ == "PERCENT"
    if proportion(tok) and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and proportion(tok.head.head)


def place_of_event(noun: Token, owner: Token) -> bool:
    """A country owning an event it suffered, not one it did: "France's latest terror attack",
    "Kelmland's worst mass shooting" (`place_event_compounds`), "Kenya's deadliest attack" (a
    superlative and no target named)."""
    if owner.ent_type_ not in ("GPE", "LOC"):
        return False
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound")]
    if any(c.lemma_.lower() in event_words().place_event_compounds for c in mods):
        return True
    targeted = any(c.dep_ == "prep" and c.lower_ in event_words().noun_patient_prepositions for c in noun.children)
    return not targeted and any(c.tag_ == "JJS" for c in mods)


def _antecedent(pron: Token) -> Token | None:
    """The head of the nearest noun phrase before the object pronoun `pron` in its sentence that could be
    what it stands for: not a person ("it" is never one), a date or a number."""
    for tok in reversed(pron.doc[pron.sent.start:pron.i]):
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "poss", "npadvmod") \
                and tok.ent_type_ not in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL"):
            return tok
    return None


def _quoted_word(tok: Token) -> bool:
    """A lone word in quotation marks ("scoffs at 'Psychosis'"): a word quoted, capitalised or not, is no name."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].is_quote and doc[tok.i + 1].is_quote


def _title_case(sent: Span) -> bool:
    """A headline or section title in title case ("Limited Tools to Fight Terrorism"): its capitals
    say nothing about names."""
    words = [t for t in sent if t.is_alpha and len(t) > _SYNTAX["title_case_min_letters"]]
    return (len(words) >= _SYNTAX["title_case_min_words"]
            and sum(t.is_title for t in words) >= _SYNTAX["title_case_share"] * len(words))


def verb_needs_agent(lemma: str) -> bool:
    """VerbNet gives this verb only Agent subjects restricted to animate beings or organisations:
    a thing, a text or a natural force as its subject is not a reading of the verb."""
    found = verb_subjects().get(lemma.lower())
    if not found:
        return False
    roles, restr = found
    data = semantic_data()
    return bool(roles) and not roles & data["non_agent_subject_roles"] and bool(restr & data["agent_roles"])
