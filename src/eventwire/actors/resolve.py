"""Phrase -> coded actor: dictionary names, countries, institution patterns.

`analyse(text, d)` scans a phrase once, longest match first, for dictionary
actors, country words (name, adjective, capital) and institution nouns, and
`resolve_phrase` combines them by a few general rules of English news:

- a dictionary actor in the phrase gives name, code and sector ("Hamas
  spokesman" -> Hamas/PSE/REB); a strong institution noun after it changes
  only the sector ("the Hamas-run health ministry" -> PSE/GOV);
- otherwise a country word gives the code and the institution nouns the
  sector: the last specific noun wins, and generic heads ("officials",
  "spokesman", "chief") only count when nothing specific precedes them
  ("senior Egyptian intelligence officials" -> EGY/SPY);
- a bare country name is the country (sector None), a capital used as an
  actor is its government (GOV), a plural demonym is its people (CVL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Entity
from .dictionary import Actor, ActorDictionary, Institution, norm
from .words import default_words

_TOKEN = re.compile(r"[\w][\w.\-'’]*[\w]|[\w]|'s|’s|[^\w\s]")
_DETERMINERS = default_words().determiners
# Bodies that, named after an organisation, change the sector ("the Hamas-run
# health ministry" is GOV); fighters, gunmen and delegations of a group do not.
_BODY_SECTORS = {"GOV", "JUD", "LEG", "COP", "MED", "EDU", "JRN"}
ORG_TEMPLATES = {
    "GOV": "Government of {}", "MIL": "Military of {}", "COP": "Police of {}", "SPY": "Intelligence services of {}",
    "LEG": "Legislature of {}", "JUD": "Judiciary of {}",
}


@dataclass
class Analysis:
    """What one phrase contains, in order of appearance."""

    actors: list[tuple[int, Actor]] = field(default_factory=list)
    countries: list[tuple[int, str, str]] = field(default_factory=list)  # (pos, code, how)
    institutions: list[tuple[int, Institution]] = field(default_factory=list)
    # (pos, name, code, sector, region)
    groups: list[tuple[int, str, str | None, str | None, bool]] = field(default_factory=list)
    toks: list[str] = field(default_factory=list)

    def national(self) -> list[tuple[int, str, str]]:
        """Country words that give nationality: not "ethnic Albanians" (an ethnic group, living anywhere)."""
        return [c for c in self.countries if not (c[0] > 0 and self.toks[c[0] - 1] == "ethnic")]


def tokens(text: str, lower: bool = True) -> list[str]:
    """Word tokens (lower-cased unless `lower` is False)."""
    found = _TOKEN.findall(text.replace("’", "'"))
    return [t.lower() for t in found] if lower else found


def analyse(text: str, d: ActorDictionary, date: str | None = None) -> Analysis:
    """Longest-match scan of `text` against actors, countries and institutions."""
    original = tokens(text, lower=False)
    toks = [t.lower() for t in original]
    res = Analysis(toks=toks)
    i = 0
    width = max(d.max_alias_len, 4, d.max_inst_len)
    while i < len(toks):
        step = _match_at(toks, i, width, d, date, res, original=original)
        if step == 0 and "-" in toks[i]:
            _match_compound(original[i], i, d, date, res)
        i += max(step, 1)
    if any(t in default_words().relation_nouns for t in toks):
        # "Pyongyang's only ally", "allies of Russia": another party, related to the one named
        res.actors, res.countries = [], []
    return res


# "Hamas-run", "Saudi-led", "Hamas-controlled": the first part is the phrase's side.
# "Iranian-backed", "US-funded", "Israeli-occupied", "pro-Iranian", "anti-Israel": it is not.
_OWNER_SUFFIXES = default_words().owner_suffixes


def _match_compound(word: str, pos: int, d: ActorDictionary, date: str | None, res: Analysis) -> None:
    parts = word.split("-")
    if parts[0].lower() in default_words().stance_prefixes or (
            len(parts) == 2 and parts[1].lower() not in _OWNER_SUFFIXES and parts[1][:1].islower()):
        return
    for part in parts:
        if part.lower() not in _OWNER_SUFFIXES:
            _match_at([part.lower()], 0, 1, d, date, res, pos=pos, original=[part])


def _match_at(toks: list[str], i: int, width: int, d: ActorDictionary, date: str | None, res: Analysis,
              pos: int | None = None, original: list[str] | None = None) -> int:
    pos = i if pos is None else pos
    original = original or toks
    for n in range(min(width, len(toks) - i), 0, -1):
        words = toks[i:i + n]
        phrase = norm(" ".join(words).replace(" 's", "'s").replace(" - ", "-"))
        if not phrase:
            continue
        actor = d.actors.get(phrase)
        if actor and (n > 1 or _proper(original[i], actor[0], phrase)):
            res.actors.append((pos, actor[0].at(date)))
            return n
        hit = d.country_code(phrase) if (n > 1 or phrase not in _DETERMINERS) else None
        if hit and hit[1] == "capital" and not any(w[:1].isupper() for w in original[i:i + n]):
            hit = None  # as in resolve_phrase: a capital is a proper name
        if hit:
            res.countries.append((pos, hit[0], hit[1]))
            return n
        place = d.own_place(phrase) if original[i][:1].isupper() else None
        if place is not None:  # "the West Bank", "Khan Younis": where, hence whose
            res.countries.append((pos, place.code, "place"))
            return n
        inst = d.institutions.get(tuple(words))
        if inst:
            res.institutions.append((pos, inst))
            return n
        group = d.groups.get(phrase)
        if group:
            res.groups.append((pos, *group))
            return n
    return 0


def _proper(token: str, actor: Actor, phrase: str) -> bool:
    """A one-word alias matches only as written: capitalised, and in capitals for
    acronyms ("IS", "WHO", "AP" are not "is", "who", "ap")."""
    if len(phrase) < 2 or phrase in _DETERMINERS or not token[:1].isupper():
        return False
    forms = [a for a in (actor.name, *actor.aliases) if norm(a) == phrase]
    return not any(f.isupper() for f in forms) or token.isupper()


def pick_sector(insts: list[tuple[int, Institution]]) -> Institution | None:
    """The institution that decides the sector (see module docstring)."""
    if not insts:
        return None
    specific = [inst for _, inst in insts if not inst.generic]
    return specific[-1] if specific else insts[-1][1]


def resolve_phrase(text: str, d: ActorDictionary, date: str | None = None,
                   people: dict[str, Entity] | None = None) -> Entity:
    """Resolve a phrase; `people` maps known person keys (full and short names) to entities."""
    ent = Entity(entity_text=text)
    key = norm(text)
    if not key:
        return ent
    if people and key in people:  # the article's own people beat dictionary homonyms
        return _copy_person(text, people[key])
    whole = d.actors.get(key)
    if whole:
        return from_actor(text, whole[0].at(date), "dictionary")
    hit = d.country_code(key)
    if hit and hit[1] == "capital" and not any(w[:1].isupper() for w in text.split()):
        hit = None  # a capital is a proper name: "the valley" is not The Valley (Anguilla)
    if hit:
        return _country_entity(text, d, hit[0], hit[1])
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:  # "the", "some", "two" ... before the head phrase
        words.pop(0)
    if words and len(words) < len(text.split()):
        inner = resolve_phrase(" ".join(words), d, date, people)
        inner.entity_text = text
        return inner
    return _combine(text, analyse(text, d, date), d, people)


def _combine(text: str, a: Analysis, d: ActorDictionary, people: dict[str, Entity] | None) -> Entity:
    ent = Entity(entity_text=text, source="pattern")
    inst = pick_sector(a.institutions)
    # A body named after the actor ("Hamas-run health ministry") sets the
    # sector; people nouns ("Hamas supporters", "students") do not.
    strong_after = [i for p, i in a.institutions
                    if not i.generic and not i.people and i.sector in _BODY_SECTORS and a.actors
                    and p > a.actors[0][0]]
    if a.actors:
        actor = a.actors[0][1]
        people_after = [i for p, i in a.institutions if i.people and p > a.actors[0][0]]
        if actor.type == "PERSON" and people_after:  # "anti-Netanyahu demonstrators": people, not his side
            ent.name, ent.code, ent.sector, ent.type = text, actor.code, people_after[-1].sector, "NORP"
        elif actor.type == "PERSON":  # "Netanyahu's office": the person's side
            ent.name, ent.code, ent.sector, ent.org = actor.org or actor.name, actor.code, actor.sector, actor.org
            ent.type = "ORG"
        else:
            ent.name, ent.code, ent.sector, ent.wikidata_id = actor.name, actor.code, actor.sector, actor.wikidata_id
            ent.type = "ORG" if actor.type not in ("GPE", "NORP") else actor.type
        if strong_after:
            ent.sector = strong_after[-1].sector
        return ent
    if people:
        for tok in tokens(text):
            if tok in people and people[tok].code:
                ent.code, ent.sector, ent.org, ent.name = (people[tok].code, people[tok].sector, people[tok].org,
                                                           people[tok].org)
                ent.type = "ORG"
                return ent
    if (a.countries or a.groups) and not a.national():
        # An ethnic or religious group ("ethnic Albanians", "Yoruba leaders", "Islamic
        # fundamentalists"): its home country if it has one, else the sentence's (stage).
        home = [g for g in a.groups if g[2]]
        ent.type, ent.name = "NORP", text
        ent.sector = inst.sector if inst else (a.groups[0][3] if a.groups and a.groups[0][3] else "CVL")
        ent.code = home[0][2] if home else None
        if not a.countries and all(g[4] for g in a.groups):
            ent.source = "region"  # "Central American migrants": many countries' people, coded from none
        return ent
    if a.countries:
        code = a.national()[0][1]
        ent.code = code
        country = d.country(code)
        cname = country.name if country else code
        if inst is not None:
            ent.sector = inst.sector
            ent.type = "NORP" if inst.people else "ORG"
            ent.name = body_name(inst.sector, cname) if not inst.people else cname
        else:
            ent.type, ent.name = "GPE", cname
        return ent
    if inst is not None:  # "police", "the government": sector without a country
        ent.sector = inst.sector
        ent.source = "pattern"
    return ent


def body_name(sector: str | None, country: str) -> str:
    """The name of a country's body of this sector ("Government of the United States"), else the country's."""
    return ORG_TEMPLATES.get(sector or "", "{}").format(_the(country))


def _the(name: str) -> str:
    """ "United States" -> "the United States" inside "Government of ..."."""
    words = default_words()
    first = name.split()[0].lower() if name else ""
    return f"the {name}" if first in words.definite_country_first_words or (
        name.lower().endswith(words.definite_country_last_words)) else name


def from_actor(text: str, actor: Actor, source: str) -> Entity:
    """An entity for a dictionary actor (already dated with `Actor.at`)."""
    return Entity(entity_text=text, name=actor.name, code=actor.code, sector=actor.sector,
                  wikidata_id=actor.wikidata_id, type=actor.type,
                  org=actor.org if actor.type == "PERSON" else None, source=source)


def _country_entity(text: str, d: ActorDictionary, code: str, how: str) -> Entity:
    country = d.country(code)
    name = country.name if country else code
    if how == "capital":  # "Tehran said" = the government of Iran
        return Entity(entity_text=text, name=name, code=code, sector="GOV", type="GPE", source="dictionary")
    if how == "adjective":
        plural = norm(text) in {norm(x) for x in (country.demonyms if country else [])} or (
            norm(text).endswith("s") and not norm(text).endswith("ss"))
        return Entity(entity_text=text, name=name, code=code, sector="CVL" if plural else None, type="NORP",
                      source="dictionary")
    return Entity(entity_text=text, name=name, code=code, type="GPE", source="dictionary",
                  wikidata_id=country.wikidata_id if country else None)


def _copy_person(text: str, person: Entity) -> Entity:
    return Entity(entity_text=text, name=person.name, code=person.code, sector=person.sector,
                  wikidata_id=person.wikidata_id, type="PERSON", org=person.org, source="coref")
