"""Who is who in one article: the people and organisations its mentions stand for.

A document-level model built once per article from the actor mentions (the
actors stage's `article.entities`, spaCy's entities where that stage found
none) and the parse. It groups the mentions of one party and resolves a
mention that does not name anyone to the party it refers back to:

- names: a full name, a surname alone, "Mr./Ms. Surname" and a title plus the
  name are one person; a surname takes the nearest fuller name before it
  ("Mashal" -> "Khaled Mashal") and never a fuller name with another forename
  ("Ivanka Trump" stays herself beside "Donald Trump");
- descriptors: appositive, title and copular nouns attach to the party they
  describe ("Hamas, the Palestinian militant group", "the defense secretary,
  Jim Mattis", "Stein spokeswoman Melezia Figueroa", "Hamas is a movement"),
  so a bare descriptor later ("the group", "the secretary") refers back to it;
  a descriptor no party carries goes to the most salient compatible party;
- pronouns: gender and number agreement (the pronoun's own morphology; a
  person's gender from a forename table, an honorific or a gendered descriptor)
  and salience: sentence by sentence backwards, subjects (and earlier
  speakers) first, nearest first, never a mention inside a quotation;
- relative pronouns ("who", "which") take the noun their clause modifies.

`resolve` answers with the `Referent` and how it was found (`via`: name,
alias, descriptor, pronoun). The quotes stage records `via` on each speaker.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..datafiles import read_yaml
from ..errors import PipelineError
from ..model import Article, Entity
from ..settings import tuning
from .words import default_words

DATA = Path(__file__).with_name("data") / "referring.yaml"
PERSON = "PERSON"
GROUP_TYPES = ("ORG", "NORP", "GPE")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
_W = default_words()  # pronoun classes, determiners, owner prepositions (actors/data/words.yaml)
_T = tuning("whoiswho")  # each threshold is explained in config.toml
LOOKBACK_SENTENCES = int(_T["lookback_sentences"])
FORENAME_MIN_COUNT = int(_T["forename_min_count"])
FORENAME_CERTAINTY = float(_T["forename_certainty"])
AUTHOR_LOOKBACK_TOKENS = int(_T["author_lookback_tokens"])


@dataclass
class Referent:
    """One party of the article: a person, an organisation or a group named by a phrase."""

    name: str
    kind: str  # person | group
    entity: Entity | None = None
    gender: str | None = None  # m | f, persons only
    plural: bool = False
    descriptors: set[str] = field(default_factory=set)
    members: list[Referent] = field(default_factory=list)  # a coordination ("Grassley and Leahy")

    @property
    def org(self) -> str | None:
        return self.entity.org if self.entity is not None else None


@dataclass(frozen=True)
class Words:
    """The word lists of `data/referring.yaml` (lower-case)."""

    titles: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    document_nouns: frozenset[str]
    entourage: frozenset[str]
    quantities: frozenset[str]
    title_nouns: dict[str, str]
    honorific_genders: dict[str, str]
    abstract_nouns: frozenset[str]
    place_nouns: frozenset[str]
    state_nouns: frozenset[str]
    abstract_suffixes: tuple[str, ...]
    agent_suffixes: tuple[str, ...]


def load_words(path: Path = DATA) -> Words:
    from ..datafiles import word_list

    data = read_yaml(path)

    def get(key: str) -> frozenset[str]:
        return frozenset(word_list(path, data, key))

    return Words(titles=get("titles"), male=get("male_nouns"), female=get("female_nouns"),
                 person_nouns=get("person_nouns") | get("male_nouns") | get("female_nouns"),
                 group_nouns=get("group_nouns"), document_nouns=get("document_nouns"),
                 entourage=get("entourage_nouns"), quantities=get("quantity_words"),
                 title_nouns={str(k).lower(): str(v).lower() for k, v in (data.get("title_nouns") or {}).items()},
                 honorific_genders={str(k).lower(): str(v).lower()
                                    for k, v in (data.get("honorific_genders") or {}).items()},
                 abstract_nouns=get("abstract_nouns"),
                 place_nouns=get("place_nouns"), state_nouns=get("state_nouns"),
                 abstract_suffixes=tuple(sorted(get("abstract_suffixes"))),
                 agent_suffixes=tuple(sorted(get("agent_suffixes"))))


class Forenames:
    """A forename's usual gender, from the name table of the `nomquamgender` package (MIT licence)."""

    def __init__(self, table: dict[str, str]):
        self.table = table

    def gender(self, forename: str) -> str | None:
        return self.table.get(forename.lower().strip("."))


def load_forenames() -> Forenames:
    """Read the package's table (name -> [countries, count, share female, ...]) and keep confident names."""
    spec = importlib.util.find_spec("nomquamgender")  # its data file only: importing it would load pandas
    data = Path(spec.submodule_search_locations[0]) / "name_data.json" \
        if spec is not None and spec.submodule_search_locations else None
    if data is None or not data.is_file():
        # Without forename genders, "she" and "he" stop agreeing with their antecedents and
        # speakers silently get worse: a broken install must fail, never degrade quietly.
        raise PipelineError("the forename table of the nomquamgender package is missing "
                            f"({data or 'package not installed'}); it is a dependency of eventwire: "
                            "pip install -c requirements/constraints.txt nomquamgender")
    text = data.read_text(encoding="utf-8")
    table = {}
    for name, row in json.loads(text).items():
        if not name.isalpha() or row[1] < FORENAME_MIN_COUNT:
            continue
        if row[2] >= FORENAME_CERTAINTY:
            table[name] = "f"
        elif row[2] <= 1 - FORENAME_CERTAINTY:
            table[name] = "m"
    return Forenames(table)


@dataclass
class _Mention:
    start: int
    end: int
    referent: Referent
    subject: bool
    sent: int
    depth: int = 0  # clauses between the mention and its sentence's main verb


class WhoIsWho:
    """The parties of one parsed article and what each mention refers to."""

    def __init__(self, article: Article, doc: Doc, words: Words, forenames: Forenames,
                 quoted: list[tuple[int, int]] | None = None):
        self.doc = doc
        self.words = words
        self.forenames = forenames
        self.quoted = sorted(quoted or [])
        self.sent_of = {}
        for n, sent in enumerate(doc.sents):
            for tok in sent:
                self.sent_of[tok.i] = n
        self.referents: dict[str, Referent] = {}
        self.named: list[tuple[int, int, Referent, Entity]] = []  # named mentions, text order
        # coded descriptions the actors stage found ("senior Afghan official"): a descriptor's side
        self.described: list[Entity] = []
        for entity in _entities(article, doc):
            self._add_named(entity)
        self.named.sort(key=lambda m: m[0])
        self._collect_descriptors()
        self.history: list[_Mention] = []
        self._cache: dict[int, tuple[Referent | None, str | None]] = {}
        self._build_history()

    # -- names ------------------------------------------------------------
    def _untitled(self, text: str) -> str:
        words = text.replace("\n", " ").split()
        while len(words) > 1 and (words[0].lower().strip(".") in self.words.titles or words[0].lower() == "the"):
            words = words[1:]
        text = " ".join(words)
        return text[:-2].strip(" ,") if text.endswith(("'s", "’s")) else text

    def _person_name(self, entity: Entity) -> str:
        text = self._untitled(entity.entity_text)
        name = self._untitled(entity.name) if entity.name else text
        # the actors stage may give a shared surname's fuller name: keep a different forename
        own, given = text.split(), name.split()
        if len(own) >= 2 and len(given) >= 2 and own[-1] == given[-1] and own[0] != given[0] \
                and not given[0].startswith(own[0].rstrip(".")):
            return text
        return name if len(name.split()) >= len(own) else text

    def _add_named(self, entity: Entity) -> None:
        if entity.start is None or entity.end is None:
            return
        if entity.type == PERSON:
            name = self._person_name(entity)
            if not name:
                return
            if " " not in name:
                fuller = self._fuller(name, entity.start)
                name = fuller or name
            ref = self.referents.get(name)
            if ref is None:
                ref = self.referents[name] = Referent(name=name, kind="person", entity=entity)
                ref.gender = self.forenames.gender(name.split()[0]) if " " in name else None
            if ref.gender is None:
                ref.gender = self._honorific_gender(entity)
            if ref.entity is not None and ref.entity.org is None and entity.org:
                ref.entity = entity
        elif entity.type in GROUP_TYPES:
            words = entity.entity_text.split()
            last = words[-1].lower().strip(".,:;!?\"'’”") if words else ""
            if self.abstract(last, by_ending=False) or last in self.words.person_nouns:
                # a treaty or a heading cannot speak ("the Refugee Convention"); a "White House doctor" is a person
                if last in self.words.person_nouns and entity.code:
                    self.described.append(entity)
                return
            name = strip_article(entity.name or entity.entity_text)
            last = entity.entity_text.split()[-1].lower() if entity.entity_text.split() else ""
            if last in self.words.entourage:  # "the Trump team", "Clinton campaign": not the government
                name = strip_article(entity.entity_text)
            ref = self.referents.get(name)
            if ref is None:
                ref = self.referents[name] = Referent(name=name, kind="group", entity=entity,
                                                      plural=entity.type == "NORP")
        else:
            return
        self.named.append((entity.start, entity.end, ref, entity))

    def _fuller(self, surname: str, before: int) -> str | None:
        """The nearest fuller person name ending in `surname` (before the mention, else anywhere)."""
        names = [(s, ref.name) for s, _, ref, _ in self.named if ref.kind == "person"
                 and " " in ref.name and ref.name.split()[-1] == surname]
        earlier = [n for s, n in names if s < before]
        if earlier:
            return earlier[-1]
        return names[0][1] if names else None

    def _collect_descriptors(self) -> None:
        """Appositive, title and copular nouns of each named mention."""
        for start, end, ref, _ in self.named:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            nouns: list[Token] = []
            if head.dep_ == "appos":
                nouns.append(head.head)
            nouns += [c for c in head.children if c.dep_ == "appos"]
            nouns += [t for t in self.doc[max(0, span.start - 4):span.start]
                      if t.pos_ == "NOUN" and t.head.i in range(span.start, span.end)]
            if head.dep_ in SUBJECT_DEPS and head.head.lemma_ == "be":
                nouns += [c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
            for title in self.doc[max(0, span.start - 2):span.start + 1]:  # "Dr. Connie Mariano" is a doctor
                noun = self.words.title_nouns.get(title.lower_.strip("."))
                if noun:
                    ref.descriptors.add(noun)
            for noun in nouns:
                if noun.pos_ == "NOUN":
                    lemma = noun.lemma_.lower()
                    ref.descriptors.add(lemma)
                    if ref.kind == "person" and ref.gender is None:
                        ref.gender = self._noun_gender(lemma)

    def _honorific_gender(self, entity: Entity) -> str | None:
        """The gender an honorific gives: inside the mention ("Mr. Kamin") or, as the actors
        stage leaves titles out of its mentions, right before it."""
        words = entity.entity_text.split()[:1] + self.doc.text[max(0, entity.start - 12):entity.start].split()[-1:]
        for word in words:
            gender = self.words.honorific_genders.get(word.lower().strip("."))
            if gender is not None:
                return gender
        return None

    def _noun_gender(self, lemma: str) -> str | None:
        if lemma in self.words.male:
            return "m"
        if lemma in self.words.female:
            return "f"
        return None

    # -- salience ---------------------------------------------------------
    def _in_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted)

    def named_at(self, start: int, end: int, head: Token | None = None) -> tuple[Referent, Entity] | None:
        """The named mention inside [start, end), preferring the one holding `head`."""
        inside = [(s, e, r, ent) for s, e, r, ent in self.named if start <= s and e <= end]
        if head is not None:
            for s, e, r, ent in inside:
                if s <= head.idx < e:
                    return r, ent
            # a name the head governs directly ("Rendell, a Clinton surrogate": not Clinton)
            return None
        return (inside[0][2], inside[0][3]) if inside else None

    def _build_history(self) -> None:
        for tok in self.doc:
            if self._in_quote(tok.idx):
                continue
            subject = tok.dep_ in SUBJECT_DEPS
            if tok.pos_ == "PROPN" and tok.dep_ in ("compound", "flat"):
                continue
            if tok.pos_ not in ("PROPN", "NOUN", "PRON") and not (subject and tok.pos_ in ("ADJ", "NUM", "DET")):
                continue
            ref, via = self.resolve_token(tok)
            if ref is None and subject and (tok.pos_ in ("NOUN", "ADJ", "NUM", "DET")
                                            or tok.lower_ in _W.impersonal_subjects):
                # a thing as subject ("the agreement showed ..."): what a later "it" or "they" refers to
                ref = Referent(name=tok.text, kind="thing", plural=_plural(tok))
            if ref is None or (via == "descriptor" and not subject and ref.entity is None):
                continue  # "a replacement candidate" in an object is no antecedent
            if subject and _conjuncts(tok):
                members = [r for r in self.coordinated(tok) if r is not None]
                if len(members) > 1:
                    ref = Referent(name=ref.name, kind=ref.kind, entity=ref.entity, plural=True, members=members)
            self.history.append(_Mention(tok.idx, tok.idx + len(tok), ref, subject, self.sent_of[tok.i],
                                         _clause_depth(tok)))

    def note_speaker(self, tok: Token, ref: Referent) -> None:
        """Record a resolved speaker (an earlier speaker outranks other subjects of its sentence)."""
        self._cache[tok.i] = (ref, self._cache.get(tok.i, (None, None))[1])

    def coordinated(self, tok: Token) -> list[Referent]:
        """The parties of a coordination headed by `tok` ("Pelosi and Schumer"), or of the
        coordination a plural pronoun refers back to; one party otherwise."""
        ref = self.resolve_token(tok)[0]
        if ref is None:
            return []
        if _conjuncts(tok):
            out = [ref]
            for conj in _conjuncts(tok):
                other = self.resolve_token(conj)[0]
                if other is not None and other not in out:
                    out.append(other)
            return out
        return list(ref.members) or [ref]

    # -- resolution -------------------------------------------------------
    def resolve_token(self, tok: Token) -> tuple[Referent | None, str | None]:
        if tok.i in self._cache:
            return self._cache[tok.i]
        self._cache[tok.i] = (None, None)  # guards against cycles (a relative pronoun's own clause)
        found = self._resolve(tok)
        self._cache[tok.i] = found
        return found

    def _resolve(self, tok: Token) -> tuple[Referent | None, str | None]:
        lo, hi = _noun_phrase(tok)
        start, end = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
        lower = tok.lower_
        named = self.named_at(start, end, tok)
        if named is not None:
            ref, entity = named
            text = entity.entity_text
            return ref, "name" if ref.name in text or text in ref.name and " " in text else "alias"
        lemma = tok.lemma_.lower()
        if lemma in self.words.quantities:
            part = _partitive(tok)  # "a number of lawmakers", "74 percent of voters", "many of his supporters"
            if part is not None and (part.pos_ == "PROPN" or part.lemma_.lower() in self.words.person_nouns
                                     or part.lemma_.lower() in self.words.group_nouns):
                return self._phrase_referent(lo, part.right_edge.i + 1, part.lemma_.lower(), plural=True), "descriptor"
            if tok.dep_ in SUBJECT_DEPS and part is None:  # "some said", "73 percent said"
                return self._phrase_referent(lo, hi, lemma, plural=True), "descriptor"
        if tok.pos_ == "PRON":
            if lower in _W.relative_pronouns and tok.head.dep_ == "relcl":
                noun = tok.head.head
                while noun.dep_ == "conj" and noun.head.i != noun.i:
                    noun = noun.head
                found = self.resolve_token(noun)[0]
                if found is None and noun.dep_ == "attr":  # "Trump is a serial liar ... who has pledged"
                    subject = next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
                    found = self.resolve_token(subject)[0] if subject is not None else None
                return found, "pronoun"
            agree = _pronoun_agreement(tok)
            if agree is None:
                return None, None
            return self._antecedent(tok, agree), "pronoun"
        if tok.pos_ == "PROPN":
            words = [t.text for t in self.doc[lo:hi] if t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")
                     and t.lower_.strip(".") not in self.words.titles] + [tok.text]
            if self.abstract(tok.text, by_ending=False):
                return None, None  # a title-cased heading ("Veto Power Impedes Peace Efforts")
            if tok.lower_ in self.words.person_nouns and self.sent_of[tok.i] == 0:
                ref = self._carrier(tok, tok.lower_, "person", ahead=True)  # "Former White House Doctor Says"
                return (ref, "descriptor") if ref is not None else (None, None)
            if len(words) >= 2 and self.forenames.gender(words[0]) is not None:  # a full name the NER missed
                name = " ".join(words)
                ref = self.referents.get(name)
                if ref is None:
                    ref = self.referents[name] = Referent(name=name, kind="person",
                                                          gender=self.forenames.gender(words[0]))
                return ref, "name"
            fuller = self._fuller(tok.text, tok.idx)
            if fuller:
                return self.referents[fuller], "alias"
            return None, None
        lemma = tok.lemma_.lower()
        for child in tok.children:  # "the Democratic candidate, Hillary Clinton": the name it stands beside
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                found = self.resolve_token(child)
                if found[0] is not None:
                    return found[0], "descriptor"
        owner = _owner(tok, compounds=lemma in self.words.document_nouns)
        if lemma in self.words.document_nouns:
            if owner is None and tok.dep_ == "dobj":  # "the Council issued a statement calling ..."
                owner = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if owner is not None:
                return self.resolve_token(owner)[0], "document"
            if _definite(tok):
                ref = self._author(tok)
                return ref, "document" if ref is not None else None
            return None, None
        if lemma in self.words.entourage and any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
                                                 for c in tok.children):
            return self._phrase_referent(lo, hi, lemma), "descriptor"  # "the Trump campaign"
        if owner is not None and owner.pos_ in ("PROPN", "PRON") and (
                lemma in self.words.person_nouns or lemma in self.words.group_nouns):
            # "Pagliano's lawyer", "Clinton's team": a party of its own, named by the phrase
            return self._phrase_referent(lo, hi, lemma), "descriptor"
        if lemma in self.words.person_nouns or lemma in self.words.group_nouns:
            kind = "person" if lemma in self.words.person_nouns else "group"
            if _definite(tok) and _plural(tok) and kind == "person":  # "the senators" after "X and Y said"
                ref = self._antecedent(tok, ("people", None, True))
                if ref is not None:
                    return ref, "descriptor"
            if _definite(tok) and not _plural(tok):
                carrier = self._carrier(tok, lemma, kind)
                if carrier is not None:
                    return carrier, "descriptor"
                gender = self._noun_gender(lemma)
                ref = self._antecedent(tok, (kind, gender, False), fits=self._fits(lemma))
                if ref is not None:
                    return ref, "descriptor"
                if self.sent_of[tok.i] == 0:  # a headline's "Former White House Doctor Says": named later
                    ref = self._carrier(tok, lemma, kind, ahead=True)
                    if ref is not None:
                        return ref, "descriptor"
                if kind == "group" and lemma not in self.words.place_nouns:
                    # "the group" far from any name: the organisation the article is about
                    ref = self._most_salient(tok, "group")
                    if ref is not None:
                        return ref, "document"
            return self._phrase_referent(lo, hi, lemma), "descriptor"
        if tok.pos_ == "NOUN" and tok.dep_ in SUBJECT_DEPS and _plural(tok) and self.agentive(lemma):
            return self._phrase_referent(lo, hi, lemma), "descriptor"  # "regulators", "environmentalists"
        return None, None

    def agentive(self, lemma: str) -> bool:
        """A noun for people by its ending ("regulator", "environmentalist", "advocate"), not an
        abstract one ("requirement", "failure")."""
        return lemma.endswith(self.words.agent_suffixes) and not self.abstract(lemma)

    def abstract(self, lemma: str, by_ending: bool = True) -> bool:
        """A noun for an idea, an act or a state, which cannot speak ("details", "talks", "the reason");
        a plural the lemmatizer left alone ("Efforts" in a title) counts by its singular. Names are
        judged by the word list alone (`by_ending=False`: "Federation", "Relations" are no ideas)."""
        lemma = lemma.lower()
        if lemma.endswith("s") and len(lemma) > 3 and self._abstract(lemma[:-1], by_ending):
            return True
        return self._abstract(lemma, by_ending)

    def _abstract(self, lemma: str, by_ending: bool = True) -> bool:
        if lemma in self.words.person_nouns or lemma in self.words.group_nouns or lemma in self.words.document_nouns:
            return False
        return lemma in self.words.abstract_nouns or (by_ending and lemma.endswith(self.words.abstract_suffixes))

    def _phrase_referent(self, lo: int, hi: int, lemma: str, plural: bool | None = None) -> Referent:
        head = self.doc[hi - 1]
        for child in head.rights:  # "small groups of protesters": the "of" phrase names them
            if child.dep_ == "prep" and child.lower_ == "of" and lemma in self.words.group_nouns:
                hi = max(hi, child.right_edge.i + 1)
        text = strip_article(self.doc[lo:hi].text.replace("\n", " ").strip())
        plural = _plural(head) if plural is None else plural
        ref = self.referents.get(text)
        if ref is None:
            kind = "person" if lemma in self.words.person_nouns and not plural else "group"
            # "a senior Afghan official": the side the actors stage coded the description with
            entity = next((e for e in self.described if self.doc[lo].idx <= e.start and e.start <= head.idx < e.end),
                          None)
            ref = self.referents[text] = Referent(name=text, kind=kind, plural=plural,
                                                  gender=self._noun_gender(lemma), entity=entity)
            ref.descriptors.add(lemma)
        return ref

    def _carrier(self, tok: Token, lemma: str, kind: str, ahead: bool = False) -> Referent | None:
        """The nearest earlier party described by `lemma` ("the group" -> "Hamas, the militant group");
        with `ahead`, the first later one (a headline names its speaker in the body)."""
        best = None
        for s, _, ref, _ in self.named:
            if ahead:
                if s > tok.idx and lemma in ref.descriptors and ref.kind == kind:
                    return ref
                continue
            if s >= tok.idx:
                break
            if lemma in ref.descriptors and ref.kind == kind:
                best = ref
        return best

    def _most_salient(self, tok: Token, kind: str) -> Referent | None:
        """The named organisation most often a subject before `tok`."""
        counts: dict[int, int] = {}
        refs: dict[int, Referent] = {}
        for m in self.history:
            if m.start >= tok.idx:
                break
            if m.subject and m.referent.kind == kind and m.referent.entity is not None \
                    and m.referent.entity.type == "ORG":
                counts[id(m.referent)] = counts.get(id(m.referent), 0) + 1
                refs[id(m.referent)] = m.referent
        best = max(counts, key=counts.get, default=None)
        return refs[best] if best is not None else None

    def _author(self, tok: Token) -> Referent | None:
        """The author of "the book", "the statement": whoever wrote, issued or published the nearest
        earlier document of the article ("Mariano wrote a memoir ... the book said")."""
        for prev in reversed(self.doc[max(0, tok.i - AUTHOR_LOOKBACK_TOKENS):tok.i]):
            if prev.pos_ != "NOUN" or prev.lemma_.lower() not in self.words.document_nouns:
                continue
            owner = _owner(prev)
            if owner is not None:
                return self.resolve_token(owner)[0]
            if prev.dep_ in ("dobj", "nsubjpass"):
                verb = prev.head
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if prev.dep_ == "nsubjpass":
                    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                    subject = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None
                if subject is not None and subject.i != tok.i:
                    found = self.resolve_token(subject)[0]
                    if found is not None:
                        return found
        return None

    def _fits(self, lemma: str) -> Callable[[Referent], bool]:
        """Which named parties a group noun can refer back to: "the country" only a place (GPE),
        "the ministry" or "the group" never a place; "the government" either."""
        def fits(ref: Referent) -> bool:
            place = ref.entity is not None and ref.entity.type == "GPE"
            if lemma in self.words.place_nouns:
                return place
            return not place or lemma in self.words.state_nouns or ref.kind == "person"
        return fits

    def _antecedent(self, tok: Token, agree: tuple[str, str | None, bool | None],
                    speakers_only: bool = False, fits: Callable[[Referent], bool] | None = None) -> Referent | None:
        """The party a pronoun or bare descriptor refers back to: sentence by sentence backwards,
        in each sentence subjects first (nearest first), then, in the two nearest sentences,
        other mentions; `speakers_only` keeps to subjects."""
        here = self.sent_of[tok.i]
        earlier = [m for m in self.history if m.start < tok.idx and m.referent is not None
                   and here - m.sent <= LOOKBACK_SENTENCES and not (m.start <= tok.idx < m.end)
                   and (fits is None or fits(m.referent))]
        for sent in range(here, here - LOOKBACK_SENTENCES - 1, -1):
            in_sent = [m for m in reversed(earlier) if m.sent == sent]
            for m in sorted(in_sent, key=lambda m: m.depth):  # main-clause subjects (speakers) first
                if m.subject and _agrees(m.referent, agree):
                    return m.referent if m.referent.kind != "thing" else None
            if not speakers_only and here - sent <= 1:
                for m in in_sent:  # other mentions: persons, and organisations by name
                    if _agrees(m.referent, agree) and m.referent.kind != "thing" and (
                            m.referent.kind == "person" or m.referent.entity is not None):
                        return m.referent
        if speakers_only:
            return None
        for m in reversed(earlier):  # no subject agrees: the nearest compatible named party
            if m.referent.kind != "thing" and m.referent.entity is not None and _agrees(m.referent, agree):
                return m.referent
        return None


def _agrees(ref: Referent, agree: tuple[str, str | None, bool | None]) -> bool:
    kind, gender, plural = agree
    if kind == "people":
        return bool(ref.members)
    if kind == "named":
        return ref.entity is not None
    if plural is True and ref.kind == "thing":
        return ref.plural
    if plural is True:
        return ref.plural or bool(ref.members) or (ref.kind == "group" and ref.entity is not None
                                                   and ref.entity.type == "ORG")
    if kind == "person":
        return ref.kind == "person" and not ref.plural and (gender is None or ref.gender in (None, gender))
    if ref.kind == "thing":  # only "it" and "they" can mean a thing
        return kind == "group" and (plural is None or ref.plural == plural)
    if kind == "group":
        return ref.kind == "group" and (plural is None or not ref.plural)
    return False


def _clause_depth(tok: Token) -> int:
    """How many clauses down from the sentence's main verb a mention sits (0: its subject)."""
    depth, head = 0, tok.head
    while head.head.i != head.i and depth < 10:
        if head.dep_ in ("ccomp", "advcl", "relcl", "xcomp", "acl", "csubj", "parataxis", "pcomp"):
            depth += 1
        head = head.head
    return depth


def _conjuncts(tok: Token) -> list[Token]:
    """Nouns coordinated with `tok` by "and" ("Grassley and Leahy", "Pelosi, Schumer and Reid")."""
    out = []
    for conj in tok.conjuncts:
        if conj.pos_ == "NOUN" and tok.pos_ == "PROPN" and conj.left_edge.i > 0 and \
                tok.doc[conj.left_edge.i - 1].text == ",":
            break  # "China, Pyongyang's only ally and its lifeline, said": a description in apposition
        if conj.i > tok.i and conj.pos_ in ("PROPN", "NOUN") and conj.head.i in [tok.i] + [c.i for c in out]:
            out.append(conj)
    if out and not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in [tok, *out] for c in t.children):
        return []
    return out


def _pronoun_agreement(tok: Token) -> tuple[str, str | None, bool | None] | None:
    lower = tok.lower_
    if lower in _W.masculine_pronouns:
        return "person", "m", False
    if lower in _W.feminine_pronouns:
        return "person", "f", False
    if lower in _W.plural_pronouns:
        return "group", None, True
    if lower in _W.neuter_pronouns:
        return "group", None, False
    return None


def _noun_phrase(tok: Token) -> tuple[int, int]:
    """The noun phrase of `tok` up to the head (determiners, modifiers, compounds, possessors),
    never across a verb or a comma the parser may have hung on it."""
    lo = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "npadvmod"):
            lo = min(lo, child.left_edge.i)
    while lo < tok.i and any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", "--", "—")
                             for t in tok.doc[lo:tok.i]):
        lo += 1
    return lo, tok.i + 1


def _partitive(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _owner(noun: Token, compounds: bool = True) -> Token | None:
    """Who owns a noun: "Hamas's statement", "a statement from Hamas", "a poll by X", "X poll"
    (a compound name counts only with `compounds`: "California congressman" is no one's)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _W.owner_prepositions:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "PRON", "NOUN"):
                    return obj
        if child.dep_ == "prep" and child.lower_ in ("on", "in"):  # "a document on the campaign's website"
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _W.website_nouns:
                    return _owner(obj, compounds)
        if child.dep_ == "acl":  # "a complaint filed by the SEC", "research conducted by X"
            for agent in child.children:
                if agent.dep_ == "agent":
                    obj = next((o for o in agent.children if o.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    for child in noun.children:
        if compounds and child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
            return child
    return None


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _W.definite_determiners for c in tok.children)


def _plural(tok: Token) -> bool:
    return "Plur" in tok.morph.get("Number") or tok.tag_ in ("NNS", "NNPS")


def strip_article(text: str) -> str:
    """A leading article dropped: "the ministry" -> "ministry" (a lone word is kept)."""
    first, _, rest = text.partition(" ")
    return rest if first.lower() in _W.articles and rest else text


def _entities(article: Article, doc: Doc) -> list[Entity]:
    """Actor mentions from the actors stage, plus spaCy's entities where that stage found none."""
    found = [e for e in article.entities if e.start is not None and e.end is not None]
    taken = [(e.start, e.end) for e in found]
    for e in doc.ents:
        if e.label_ in (PERSON, *GROUP_TYPES) and not any(s < e.end_char and e.start_char < t for s, t in taken):
            found.append(Entity(entity_text=e.text, name=e.text, type=e.label_, start=e.start_char,
                                end=e.end_char, source="spacy"))
    return found


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")
