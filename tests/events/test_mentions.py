"""One event per occurrence: mentions of one occurrence in an article become one event."""

from __future__ import annotations

import dataclasses
import re

import pytest

from eventwire.events.mentions import (
    DEFINITE,
    INDEFINITE,
    OTHER,
    load_rules,
    mention_kind,
    merge_mentions,
    same_entity,
)
from eventwire.model import Cue, Entity, Event, Place


def ent(text: str, name: str | None = None, code: str | None = None, sector: str | None = None,
        source: str = "dictionary") -> Entity:
    return Entity(entity_text=text, name=name, code=code, sector=sector, source=source)


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text)]


def ev(text: str, trigger: str, n: int = 0, event: str = "ASSAULT", actor=(), recipient=(), **kw) -> Event:
    """An event whose trigger is the n-th occurrence of `trigger` in `text`."""
    start = [m.start() for m in re.finditer(rf"\b{re.escape(trigger)}\b", text)][n]
    s0, s1 = next((a, b) for a, b in sentences(text) if a <= start < b)
    return Event(id=f"t:e{start}", article_id="t", event=event, actor=list(actor), recipient=list(recipient),
                 event_text=text[s0:s1], text_info={"start": s0, "end": s1},
                 trigger=Cue(trigger, start, start + len(trigger)), **kw)


VORN = ent("Vorn rebels", "Vorn Liberation Army", "XVL", "REB")
ARVEN = ent("Arvenian troops", "Arvenia", "XAR", "MIL")
TESH = ent("Tesh", "Tesh", "XTS", None)


def test_definite_anaphora_joins_the_reported_attack():
    text = ("Vorn rebels attacked an army post in Tesh on Monday. The attack lasted an hour. "
            "Officials said the attack was planned. After the assault, troops sealed the road.")
    events = [ev(text, "attacked", actor=[VORN], recipient=[TESH]), ev(text, "attack", 0),
              ev(text, "attack", 1, actor=[ent("Officials", "Officials", source="quote-speaker")]),
              ev(text, "assault")]
    (merged,) = merge_mentions(events, text)
    assert [m.text for m in merged.mentions] == ["attacked", "attack", "attack", "assault"]
    assert all(text[m.start:m.end] == m.text for m in merged.mentions)
    assert merged.actor == [VORN] and merged.id == events[0].id  # the best-evidenced mention's record


def test_two_indefinite_mentions_are_two_events():
    text = "An attack hit a market in Tesh. Another attack hit a school in Tesh."
    events = [ev(text, "attack", 0), ev(text, "attack", 1)]
    assert len(merge_mentions(events, text)) == 2


def test_indefinite_mentions_in_one_sentence_stay_apart():
    text = "An attack on Monday and an attack on Tuesday left the town in ruins."
    assert len(merge_mentions([ev(text, "attack", 0), ev(text, "attack", 1)], text)) == 2


def test_different_actors_never_merge():
    text = "Vorn rebels attacked Tesh. The attack by Arvenian troops came later."
    events = [ev(text, "attacked", actor=[VORN], recipient=[TESH]), ev(text, "attack", actor=[ARVEN])]
    assert len(merge_mentions(events, text)) == 2


def test_different_recipients_never_merge():
    text = "Vorn rebels attacked Tesh. The attack on Arvenian troops was repelled."
    events = [ev(text, "attacked", actor=[VORN], recipient=[TESH]), ev(text, "attack", recipient=[ARVEN])]
    assert len(merge_mentions(events, text)) == 2


def test_different_requested_actions_never_merge():
    text = "Kasim Orr called for strikes. The call for marches went unanswered."
    events = [ev(text, "called", event="REQUEST", actor=[VORN], requested={"event": "ASSAULT", "mode": None}),
              ev(text, "call", event="REQUEST", requested={"event": "PROTEST", "mode": None})]
    assert len(merge_mentions(events, text)) == 2


def test_same_requested_action_merges():
    text = "Kasim Orr called for strikes on Tesh. The call was broadcast twice."
    events = [ev(text, "called", event="REQUEST", actor=[VORN], requested={"event": "ASSAULT", "mode": None}),
              ev(text, "call", event="REQUEST", requested={"event": "ASSAULT", "mode": None})]
    (merged,) = merge_mentions(events, text)
    assert len(merged.mentions) == 2


def test_different_types_modes_negation_and_dates_stay_apart():
    text = "Rebels shelled Tesh. The shelling did not stop. The strike was a drone strike."
    shelled = ev(text, "shelled", mode="artillery")
    assert len(merge_mentions([shelled, ev(text, "shelling", event="COERCE")], text)) == 2
    assert len(merge_mentions([shelled, ev(text, "shelling", negated=True)], text)) == 2
    assert len(merge_mentions([shelled, ev(text, "strike", 0, mode="aerial")], text)) == 2
    dated = ev(text, "shelled", date="2024-03-18")
    assert len(merge_mentions([dated, ev(text, "shelling", date="2024-03-19")], text)) == 2
    assert len(merge_mentions([dated, ev(text, "shelling", date="2024-03-18")], text)) == 1
    # the article's own date, carried by mentions without one, does not separate them
    assert len(merge_mentions([dated, ev(text, "shelling", date="2024-03-20")], text,
                              default_date="2024-03-20")) == 1


def test_same_sentence_restatement_merges_phrase_recipients():
    text = "Gunmen attacked a bus near Tesh, killing four passengers."
    gunmen = ent("Gunmen", source="phrase")
    events = [ev(text, "attacked", actor=[gunmen], recipient=[ent("a bus", source="phrase")]),
              ev(text, "killing", actor=[gunmen], recipient=[ent("four passengers", source="phrase")])]
    (merged,) = merge_mentions(events, text)
    assert [m.text for m in merged.mentions] == ["attacked", "killing"]


def test_clause_restated_with_both_parties_merges_unless_repeated():
    text = "Arvenian troops shelled Tesh at dawn. Witnesses said Arvenian troops shelled Tesh from the hills."
    events = [ev(text, "shelled", 0, actor=[ARVEN], recipient=[TESH]),
              ev(text, "shelled", 1, actor=[ARVEN], recipient=[TESH])]
    assert len(merge_mentions(events, text)) == 1
    again = "Arvenian troops shelled Tesh at dawn. At noon Arvenian troops shelled Tesh again."
    events = [ev(again, "shelled", 0, actor=[ARVEN], recipient=[TESH]),
              ev(again, "shelled", 1, actor=[ARVEN], recipient=[TESH])]
    assert len(merge_mentions(events, again)) == 2


def test_clause_with_one_party_in_another_sentence_stays_apart():
    text = "Arvenian troops shelled Tesh at dawn. Arvenian troops shelled the valley later."
    events = [ev(text, "shelled", 0, actor=[ARVEN], recipient=[TESH]), ev(text, "shelled", 1, actor=[ARVEN])]
    assert len(merge_mentions(events, text)) == 2


def test_definite_mention_beyond_the_window_stays_apart():
    filler = "Markets opened as usual. " * 400
    text = f"Vorn rebels attacked Tesh. {filler}The attack was remembered."
    events = [ev(text, "attacked", actor=[VORN]), ev(text, "attack")]
    assert len(merge_mentions(events, text)) == 2


def test_definite_mention_joins_the_most_recent_compatible_occurrence():
    text = ("Vorn rebels attacked Tesh on Monday. Arvenian troops attacked Kelm on Tuesday. "
            "The attack on Kelm killed two.")
    kelm = ent("Kelm", "Kelm", "XKL")
    events = [ev(text, "attacked", 0, actor=[VORN], recipient=[TESH]),
              ev(text, "attacked", 1, actor=[ARVEN], recipient=[kelm]), ev(text, "attack", recipient=[kelm])]
    first, second = merge_mentions(events, text)
    assert len(first.mentions) == 1 and [m.start for m in second.mentions] == [events[1].trigger.start,
                                                                               events[2].trigger.start]


def test_kept_record_prefers_confidence_then_named_actor():
    text = "Arvenian troops raided Tesh. The raid ended at noon."
    verb, noun = ev(text, "raided", actor=[ARVEN], recipient=[TESH]), ev(text, "raid")
    (merged,) = merge_mentions([verb, noun], text)
    assert merged.actor == [ARVEN] and len(merged.mentions) == 2
    scored = [dataclasses.replace(verb, confidence=0.6), dataclasses.replace(noun, confidence=0.9)]
    (merged,) = merge_mentions(scored, text)
    assert merged.id == noun.id and merged.confidence == 0.9


def test_two_definite_mentions_only_name_an_occurrence():
    text = "Talks turned to the exchange of captives. Envoys discussed the release of the captives."
    events = [ev(text, "exchange", event="RETREAT", mode="release"),
              ev(text, "release", event="RETREAT", mode="release")]
    assert len(merge_mentions(events, text)) == 2


def test_definite_mention_of_another_set_is_another_occurrence():
    text = "Vorn rebels released ten captives. Talks on the release of the remaining captives open soon."
    events = [ev(text, "released", event="RETREAT", mode="release", actor=[VORN]),
              ev(text, "release", event="RETREAT", mode="release", actor=[VORN])]
    assert len(merge_mentions(events, text)) == 2
    text = "Vorn rebels released ten captives. The release of the captives ended the siege."
    events = [ev(text, "released", event="RETREAT", mode="release", actor=[VORN]),
              ev(text, "release", event="RETREAT", mode="release")]
    assert len(merge_mentions(events, text)) == 1


def test_phrase_parties_of_different_sectors_never_merge():
    text = "Vorn rebels released ten captives on Friday, and the government freed forty prisoners."
    government = ent("the government", sector="GOV", source="phrase")
    events = [ev(text, "released", event="RETREAT", mode="release", actor=[VORN]),
              ev(text, "freed", event="RETREAT", mode="release", actor=[government])]
    assert len(merge_mentions(events, text)) == 2
    fighters = ent("its fighters", sector="REB", source="phrase")
    events[1] = ev(text, "freed", event="RETREAT", mode="release", actor=[fighters])
    assert len(merge_mentions(events, text)) == 1


def test_bare_mentions_alone_are_not_an_occurrence_and_join_the_main_one():
    text = "Houses burned in Tesh. Five were killed. Vorn rebels attacked Tesh. The attack lasted an hour. " \
           "Arvenian troops attacked Kelm. Nine were wounded."
    kelm = ent("Kelm", "Kelm", "XKL")
    events = [ev(text, "burned"), ev(text, "killed"), ev(text, "attacked", 0, actor=[VORN], recipient=[TESH]),
              ev(text, "attack"), ev(text, "attacked", 1, actor=[ARVEN], recipient=[kelm]), ev(text, "wounded")]
    merged = merge_mentions(events, text)
    # "Five were killed" directly before the attack reports it; "Houses burned" is not followed by one
    assert [[m.text for m in e.mentions] for e in merged] == [
        ["burned"], ["killed", "attacked", "attack", "wounded"], ["attacked"]]


def test_headline_joins_the_lead():
    text = "Market in Tesh attacked.\n\nVorn rebels attacked a market in Tesh on Monday, killing five."
    events = [ev(text, "attacked", 0), ev(text, "attacked", 1, actor=[VORN], recipient=[TESH]),
              ev(text, "killing", actor=[VORN])]
    (merged,) = merge_mentions(events, text)
    assert [m.text for m in merged.mentions] == ["attacked", "attacked", "killing"]
    assert merged.actor == [VORN]


def test_headline_with_the_lead_s_actor_and_no_recipient_joins_it():
    text = "Arvenia, Vorn rebels sign truce.\n\nArvenia and Vorn rebels signed a truce on Monday. " \
           "Later, Arvenia and Vorn rebels signed a trade deal."
    both = [ARVEN, VORN]
    events = [ev(text, "sign", 0, event="SUPPORT", actor=both), ev(text, "signed", 0, event="SUPPORT", actor=both),
              ev(text, "signed", 1, event="SUPPORT", actor=both)]
    merged = merge_mentions(events, text)
    # the headline restates the lead just after it; the later signing is another act (not the first sentence's)
    assert [[m.text for m in e.mentions] for e in merged] == [["sign", "signed"], ["signed"]]


def test_headline_with_no_recipient_joins_the_lead_that_names_one():
    text = ("Vorn rebels free hostages as Arvenia releases prisoners.\n\n"
            "Vorn rebels released fourteen Tesh hostages on Friday, officials said.")
    events = [ev(text, "free", event="RETREAT", actor=[VORN]), ev(text, "releases", event="RETREAT", actor=[ARVEN]),
              ev(text, "released", event="RETREAT", actor=[VORN], recipient=[TESH])]
    merged = merge_mentions(events, text)
    # the headline's first act is restated by the lead, though the headline names a second act after it
    assert sorted([m.text for m in e.mentions] for e in merged) == [["free", "released"], ["releases"]]
    # a lead's act of another actor stays apart
    events[2] = ev(text, "released", event="RETREAT", actor=[TESH], recipient=[VORN])
    assert len(merge_mentions(events, text)) == 3


def test_headline_naming_a_person_without_the_title_joins_the_lead():
    text = "Ivo Dant endorses Tesh.\n\nSen. Ivo Dant is endorsing Tesh, his office said on Monday."
    untitled = dataclasses.replace(ent("Ivo Dant", "Ivo Dant", "XAR"), type="PERSON")
    titled = dataclasses.replace(ent("Sen. Ivo Dant", "Sen. Ivo Dant", "XAR"), type="PERSON")
    events = [ev(text, "endorses", event="SUPPORT", actor=[untitled], recipient=[TESH]),
              ev(text, "endorsing", event="SUPPORT", actor=[titled], recipient=[TESH])]
    assert [[m.text for m in e.mentions] for e in merge_mentions(events, text)] == [["endorses", "endorsing"]]
    # another bearer of the surname, or one word only, is not the same person
    other = dataclasses.replace(ent("Sen. Mara Dant", "Sen. Mara Dant", "XAR"), type="PERSON")
    events[1] = ev(text, "endorsing", event="SUPPORT", actor=[other], recipient=[TESH])
    assert len(merge_mentions(events, text)) == 2
    assert not same_entity(dataclasses.replace(ent("Dant", "Dant"), type="PERSON"), titled)


def test_separate_incident_and_own_date_stay_apart():
    text = ("Vorn rebels attacked a market in Tesh. The attack lasted an hour. "
            "In a separate incident, two officers were wounded in Kelm.")
    events = [ev(text, "attacked", actor=[VORN], recipient=[TESH]), ev(text, "attack"), ev(text, "wounded")]
    assert [len(e.mentions) for e in merge_mentions(events, text)] == [2, 1]
    text = "Vorn rebels attacked a market in Tesh. Two officers were wounded on Sunday."
    events = [ev(text, "attacked", actor=[VORN], recipient=[TESH]), ev(text, "wounded", date="2024-03-17")]
    assert len(merge_mentions(events, text, default_date="2024-03-20")) == 2


def test_different_towns_stay_apart():
    text = "Vorn rebels attacked Tesh. The attack in Kelm was repelled."
    tesh, kelm = Place("Tesh", "Tesh", "XTS", level="city"), Place("Kelm", "Kelm", "XTS", level="city")
    events = [ev(text, "attacked", actor=[VORN], event_loc=tesh), ev(text, "attack", event_loc=kelm)]
    assert len(merge_mentions(events, text)) == 2
    events = [ev(text, "attacked", actor=[VORN], event_loc=tesh), ev(text, "attack", event_loc=tesh)]
    assert len(merge_mentions(events, text)) == 1


def test_unmerged_events_list_their_one_mention_and_keep_order():
    text = "Vorn rebels attacked Tesh. Arvenian troops arrested a Vorn commander."
    events = [ev(text, "attacked", actor=[VORN]), ev(text, "arrested", event="COERCE", actor=[ARVEN])]
    merged = merge_mentions(events, text)
    assert [e.id for e in merged] == [e.id for e in events]
    assert [[m.text for m in e.mentions] for e in merged] == [["attacked"], ["arrested"]]


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("The attack began at dawn.", "attack", DEFINITE),
    ("Monday's attack began at dawn.", "attack", DEFINITE),
    ("The deadly car-bomb attack began at dawn.", "attack", DEFINITE),
    ("An attack began at dawn.", "attack", INDEFINITE),
    ("Rebels launched another attack at dawn.", "attack", INDEFINITE),
    ("Rebels attacked at dawn.", "attacked", OTHER),
])
def test_mention_kind_from_the_determiner(text, trigger, kind):
    assert mention_kind(ev(text, trigger), text, load_rules()) == kind


def test_same_entity_needs_the_same_name_or_code_and_sector():
    assert same_entity(ent("Gunmen", source="phrase"), ent("The gunmen", source="phrase"))
    assert same_entity(ent("police", code="XAR", sector="COP"), ent("Arvenian police", "Arvenian Police",
                                                                    code="XAR", sector="COP"))
    assert not same_entity(ent("police", code="XAR", sector="COP"), ent("police", code="XVO", sector="COP"))
    assert not same_entity(VORN, ARVEN)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("The army launched attacks at dawn.", "attacks", OTHER),
    ("The army launched two attacks at dawn.", "attacks", INDEFINITE),
    ("Police questioned the shooting suspect.", "shooting", DEFINITE),
    ("Rebels launched a second attack.", "attack", INDEFINITE),
    ("Rebels attacked the town.", "attacked", OTHER),
    ("Tesh's attack on the post failed.", "attack", DEFINITE),
])
def test_mention_kind_from_the_parse(nlp, text, trigger, kind):
    assert mention_kind(ev(text, trigger), text, load_rules(), nlp(text)) == kind


@pytest.mark.slow
def test_pipeline_gives_one_event_for_a_shooting_named_many_times(run_text):
    text = ("Gunmen opened fire on a bus near the village of Osk on Monday, the Arvenian police said.\n\n"
            "The shooting lasted several minutes. The attack was over before help arrived. "
            "The shooting was the second this year.\n")
    article = run_text(text)
    assaults = [e for e in article.events if e.event == "ASSAULT"]
    assert len(assaults) == 1
    assert len(assaults[0].mentions) >= 3
    assert all(text[m.start:m.end] == m.text for m in assaults[0].mentions)


def test_a_country_and_a_town_of_it_are_one_side():
    # the headline names the town, the lead the country's adjective: one shelling
    text = "Vorn rebels shell Tesh town.\n\nVorn rebels shelled the Arvenian town of Tesh on Monday."
    town = ent("Tesh", "Tesh", "XAR", None, source="gazetteer")
    country = ent("Arvenian", "Arvenia", "XAR", None)
    town.type, country.type = "GPE", "NORP"
    events = [ev(text, "shell", actor=[VORN], recipient=[town]), ev(text, "shelled", actor=[VORN], recipient=[country])]
    assert len(merge_mentions(events, text)) == 1
    # two towns of one country are two places
    other = ent("Varn", "Varn", "XAR", None, source="gazetteer")
    other.type = "GPE"
    text2 = "Vorn rebels shelled Tesh on Monday. Vorn rebels shelled Varn on Monday."
    events = [ev(text2, "shelled", 0, actor=[VORN], recipient=[town]), ev(text2, "shelled", 1, actor=[VORN],
                                                                          recipient=[other])]
    assert len(merge_mentions(events, text2)) == 2


def test_a_record_kept_from_the_headline_takes_the_day_the_lead_gives():
    text = "Vorn rebels attack Tesh.\n\nVorn rebels attacked Tesh on Monday, killing five."
    events = [ev(text, "attack", actor=[VORN], recipient=[TESH], date="2024-03-20", confidence=0.9),
              ev(text, "attacked", actor=[VORN], recipient=[TESH], date="2024-03-18", confidence=0.6)]
    (merged,) = merge_mentions(events, text, default_date="2024-03-20")
    assert merged.id == events[0].id and merged.date == "2024-03-18"
