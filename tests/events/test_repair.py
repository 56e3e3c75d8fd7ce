"""Parser slips that hid a sentence's agent (events/repair.py), on invented countries coded by
tests/fixtures/events/actors.yaml (Vostra QVO, Kelmland QKE, Norvia QNO; Tarn is in Kelmland)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.model import Article, Event
from eventwire.settings import Settings

pytestmark = pytest.mark.slow

ACTORS = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "actors.yaml"


@pytest.fixture(scope="module")
def events():
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(replace(Settings(), actor_files=[ACTORS]))

    def _run(text: str) -> list[Event]:
        (article,) = list(pipe.process([Article.from_text(text, id="a1", source="test", date="2024-03-20")]))
        return article.events

    return _run


def _one(evs: list[Event], trigger: str) -> Event:
    """The event (occurrence) one of whose mentions is `trigger`."""
    (ev,) = [e for e in evs if e.trigger is not None and trigger in {e.trigger.text, *(m.text for m in e.mentions)}]
    return ev


def _codes(ents) -> set[str]:
    return {e.code for e in ents if e.code}


def _counted_types(evs: list[Event]) -> set[str]:
    """Types of the events counted at the default threshold."""
    from eventwire.events.config import counted, min_confidence

    return {e.event for e in evs if counted(e, min_confidence())}


def test_a_main_verb_misread_as_a_participle_keeps_its_subject_as_actor(events):
    ev = _one(events("Doctors from two Kelmish aid groups donated and personally delivered $9,000 worth of "
                     "medicine to the Dorvat University Hospital."), "donated")
    assert ev.event == "AID" and _codes(ev.actor) == {"QKE"}
    assert not any("groups" in (r.entity_text or "") for r in ev.recipient)
    # the actor's phrase stops before the verb: "Doctors from two Kelmish aid groups"
    assert [a.entity_text for a in ev.actor] == ["Doctors from two Kelmish aid groups"]


def test_a_second_subject_before_a_reporting_clause_is_the_agent_of_its_own_verb(events):
    ev = _one(events("Vostran youths resorted to throwing stones during demonstrations against the Kelmish army, "
                     "officials said on Monday."), "demonstrations")
    assert ev.event == "PROTEST" and _codes(ev.actor) == {"QVO"} and _codes(ev.recipient) == {"QKE"}


def test_an_inverted_protest_clause_is_a_verbal_accusation_by_its_subject(events):
    ev = _one(events("Kelmish authorities are failing to protect the property of Vostran refugees, "
                     "a human rights group protested here Wednesday."), "protested")
    assert ev.event == "ACCUSE"
    assert any("rights group" in (a.entity_text or "") for a in ev.actor)
    assert _codes(ev.recipient) == {"QKE"}


def test_a_subject_buried_in_a_fronted_phrase_is_the_actor_not_a_recipient(events):
    ev = _one(events("With the signing of a Memorandum of Understanding on the Border, the Vostran government "
                     "and the Kelmish rebels have agreed to allow aid convoys."), "agreed")
    assert ev.event == "AGREE" and _codes(ev.actor) == {"QVO", "QKE"}
    assert not any("signing" in (r.entity_text or "") for r in ev.recipient)


def test_a_passive_agent_after_a_parenthetical_is_the_actor(events):
    ev = _one(events("The former Vostran president has been accused of stealing up to $50 million in public "
                     "funds, much of it believed missing, by Kelmish government officials."), "accused")
    assert ev.event == "ACCUSE" and _codes(ev.actor) == {"QKE"} and _codes(ev.recipient) == {"QVO"}


def test_a_reduced_passive_headline_keeps_its_patient_out_of_the_actors(events):
    ev = _one(events("Three Kelmish soldiers killed in an ambush near Tarn."), "killed")
    assert not any("soldiers" in (a.entity_text or "") for a in ev.actor)


def test_a_day_is_no_label_of_a_call(events):
    ev = _one(events("An official Vostran newspaper called Thursday on Kelmland to withdraw its troops."), "called")
    assert ev.event == "REQUEST" and _codes(ev.actor) == {"QVO"} and _codes(ev.recipient) == {"QKE"}


def test_a_recipient_takes_no_country_when_the_sentence_names_another_besides_the_actors(events):
    # Kelmland backs the other side; the opposition groups are not Kelmish
    ev = _one(events("The council's worst failure has been over Norvia, with Kelmland backing the government "
                     "as the Vostran government supports some opposition groups."), "supports")
    assert _codes(ev.actor) == {"QVO"} and not _codes(ev.recipient)


def test_a_fronted_name_before_the_subject_is_not_part_of_the_subjects_list(events):
    ev = _one(events("Following the signing of the Memorandum of Understanding, Vostra and Kelmland have agreed "
                     "to exchange prisoners."), "agreed")
    assert _codes(ev.actor) == {"QVO", "QKE"}


def test_a_place_named_in_the_fronted_phrase_is_not_the_subject(events):
    ev = _one(events("In a virtual address at the Freedom for Vostra conference in Dorvat, Vostra, Chief of the "
                     "Political Bureau of Hamas, Arno Tesk, urged the formation of a Freedom and Justice Alliance."),
              "urged")
    assert "QVO" not in _codes(ev.actor) and any("Tesk" in (a.entity_text or "") for a in ev.actor)


def test_a_call_for_someone_to_act_is_a_request_to_them_not_their_act(events):
    evs = events("Vostra called for Kelmland to withdraw its troops.")
    ev = _one(evs, "called")
    assert ev.event == "REQUEST" and _codes(ev.actor) == {"QVO"} and _codes(ev.recipient) == {"QKE"}
    assert ev.requested is not None and ev.requested["event"] == "RETREAT"
    assert not any(e.event == "RETREAT" for e in evs)  # what is called for is no event of its own


def test_two_subjects_split_by_a_finite_verb_are_a_lost_clause_boundary():
    from eventwire.events import repair

    from .handbuilt import build

    # "Dorn , while most prefer Tal , support Ryn ." parsed with Dorn and Tal both subjects of "support"
    lost = build([("Dorn", 7, "nsubj", "PROPN", "NNP", "Dorn"), (",", 7, "punct", "PUNCT", ",", ","),
                  ("while", 4, "mark", "SCONJ", "IN", "while"), ("most", 4, "nsubj", "ADJ", "JJS", "most"),
                  ("prefer", 7, "advcl", "VERB", "VBP", "prefer"), ("Tal", 7, "nsubj", "PROPN", "NNP", "Tal"),
                  (",", 7, "punct", "PUNCT", ",", ","), ("support", 7, "ROOT", "VERB", "VBP", "support"),
                  ("Ryn", 7, "dobj", "PROPN", "NNP", "Ryn"), (".", 7, "punct", "PUNCT", ".", ".")])
    assert repair.two_subjects(lost[7])
    # "Members , a body linked to Tal , investigated ." : an apposition misread as a second subject
    appos = build([("Members", 7, "nsubj", "NOUN", "NNS", "member"), (",", 7, "punct", "PUNCT", ",", ","),
                   ("a", 3, "det", "DET", "DT", "a"), ("body", 7, "nsubj", "NOUN", "NN", "body"),
                   ("linked", 3, "acl", "VERB", "VBN", "link"), ("to", 4, "prep", "ADP", "IN", "to"),
                   ("Tal", 5, "pobj", "PROPN", "NNP", "Tal"), ("investigated", 7, "ROOT", "VERB", "VBD", "investigate"),
                   (".", 7, "punct", "PUNCT", ".", ".")])
    assert not repair.two_subjects(appos[7])


def test_a_country_in_another_statement_does_not_place_a_recipient(events):
    ev = _one(events("Rep. Tom Hale, the top Democrat on the committee, said Vostra had tried to interfere, "
                     "and he urged the administration to respond."), "urged")
    assert ev.event == "REQUEST" and "QVO" not in _codes(ev.recipient)
    assert _codes(ev.actor) == {"USA"}  # a US party member


def test_participles_sharing_a_by_agent_are_passive(events):
    # the parser reads "guards shot" as a main verb; the shared "by a gunman" says who shot
    ev = _one(events("Four guards shot and killed by a gunman in Tarn were buried on Friday."), "killed")
    assert ev.event == "ASSAULT"
    assert [a.entity_text for a in ev.actor] in (["a gunman"], ["gunman"])
    assert [r.entity_text for r in ev.recipient] == ["Four guards"]
    # a verb coordinated with such participles but with its own auxiliary shares their patient, not their agent
    evs = events("The epidemic, worsened and prolonged by Kelmland, has killed more than 600 people.")
    assert not any(e.event == "ASSAULT" and "QKE" in _codes(e.actor) for e in evs)
    # an object makes the verbs active
    ev = _one(events("Vostran police shot and killed the man in Tarn."), "killed")
    assert "Vostran police" in [a.entity_text for a in ev.actor]


def test_the_patient_of_a_reduced_passive_is_checked_like_an_object(events):
    evs = events("Most voters back the plan, according to a poll released on Monday by the Vostra Institute.")
    assert not any(e.event == "RETREAT" for e in evs)  # a poll is released, not a captive


def test_a_bare_participle_after_and_shares_the_passive(events):
    # "was shot and killed": the victim is not the killer
    ev = _one(events("Ilya Marn, a 53-year-old guard, was shot and killed in Tarn on Friday."), "killed")
    assert ev.event == "ASSAULT" and not any("Marn" in (a.entity_text or "") for a in ev.actor)
    assert any("Marn" in (r.entity_text or "") for r in ev.recipient)
    # the by-phrase the participles share is the agent of both
    ev = _one(events("Two activists were beaten and arrested by Vostran police in Tarn."), "beaten")
    assert "Vostran police" in [a.entity_text for a in ev.actor]
    # a verb with its own auxiliary is a clause of its own
    ev = _one(events("The minister was indicted by the court and will resign."), "resign")
    assert "The minister" in [a.entity_text for a in ev.actor]


def test_the_actors_own_forces_are_not_the_recipient(events):
    ev = _one(events("Vostra agreed to withdraw its troops from Kelmland."), "agreed")
    assert _codes(ev.recipient) == {"QKE"}


@pytest.mark.parametrize("text, recipient", [
    ("Border agents detained dozens of people at the port of Tarn over the weekend.", "dozens of people"),
    ("Riot police fired tear gas at demonstrators in downtown Tarn early on Friday.", "demonstrators"),
])
def test_a_place_phrase_is_not_the_recipient_when_a_party_is_named(events, text, recipient):
    evs = [e for e in events(text) if e.event in ("COERCE", "ASSAULT")]
    assert [[r.entity_text for r in e.recipient] for e in evs] == [[recipient]]


def test_a_place_in_a_reported_proposition_is_no_recipient(events):
    (ev,) = [e for e in events("Vice President Aron Dorn denied that racism is an issue in Kelmland.")
             if e.event == "REJECT"]
    assert "QKE" not in _codes(ev.recipient)


def test_a_chain_of_bare_participles_shares_the_first_ones_passive():
    from eventwire.events import repair

    from .handbuilt import build

    # "People were shoved , battered and beaten ." with each participle hung on the one before
    doc = build([("People", 2, "nsubjpass", "NOUN", "NNS", "people"), ("were", 2, "auxpass", "AUX", "VBD", "be"),
                 ("shoved", 2, "ROOT", "VERB", "VBN", "shove"), (",", 2, "punct", "PUNCT", ",", ","),
                 ("battered", 2, "conj", "VERB", "VBN", "batter"), ("and", 4, "cc", "CCONJ", "CC", "and"),
                 ("beaten", 4, "conj", "VERB", "VBN", "beat"), (".", 2, "punct", "PUNCT", ".", ".")])
    assert repair.shared_passive(doc[6]).text == "People"
    assert repair.shared_passive(doc[4]).text == "People"


def test_a_place_inside_a_named_party_says_where_it_is(events):
    (ev,) = [e for e in events("Police fired tear gas at crowds of demonstrators in downtown Tarn on Friday.")
             if e.event == "ASSAULT"]
    assert [r.entity_text for r in ev.recipient] == ["crowds of demonstrators"]
    assert _codes(ev.recipient) == {"QKE"}  # coded as the place of the event, not replaced by it


def test_a_gapped_passive_keeps_its_patient(events):
    # "an officer was injured and four people stabbed": "were" is left out, the people were stabbed
    evs = events("A Vostran officer was injured and at least four people stabbed when the rally in Tarn ended.")
    assert not any("four people" in (a.entity_text or "") for e in evs for a in e.actor)


def test_the_party_urged_is_the_recipient_before_a_party_in_the_content(events):
    ev = _one(events("A Kelmish group is urging voters to end the Vostran occupation of Tarn."), "urging")
    assert [r.entity_text for r in ev.recipient] == ["voters"]


def test_the_named_owner_of_a_topic_is_the_recipient_and_keeps_its_own_code(events):
    # "Europe's reliance on Vostra": Europe, uncoded, is the party; not Vostra, and not coded as Vostra
    ev = _one(events("Kelmish leaders have questioned Europe's reliance on Vostra for its defense."), "questioned")
    assert [r.entity_text.removesuffix("'s") for r in ev.recipient] == ["Europe"]
    assert not _codes(ev.recipient)
    # a date is no owner: "condemned Friday's test" is about the test
    ev = _one(events("Vostra condemned Friday's missile test by Kelmland."), "condemned")
    assert not any("Friday" in (r.entity_text or "") for r in ev.recipient)


def test_the_party_urged_takes_the_country_its_own_phrase_names(events):
    ev = _one(events("The rebel leader urged students at Kelmish universities to occupy the campuses."), "urged")
    assert _codes(ev.recipient) == {"QKE"}


def test_a_place_inside_a_site_says_where_it_is(events):
    # "at a store in Tarn": Tarn says where the store is; the shoppers are the ones killed
    (ev,) = [e for e in events("A gunman killed six shoppers at a store in Tarn on Saturday.")
             if e.event == "ASSAULT"]
    assert [r.entity_text for r in ev.recipient] == ["six shoppers"]


def test_a_reduced_relative_read_as_a_subject_clause_keeps_its_patient(events):
    # "Protesters arrested ... will appear": the protesters were arrested, they did not arrest
    evs = events("Protesters arrested in Tarn on Monday will appear in court next week.")
    (ev,) = [e for e in evs if e.event == "COERCE"]
    assert not any("Protesters" in (a.entity_text or "") for a in ev.actor)
    assert [r.entity_text for r in ev.recipient] == ["Protesters"]


@pytest.mark.parametrize("text, patient", [
    # or as the main verb, with the real one hung on it as a conjunct with no "and" and no subject
    ("Farmers in Tarn prosecuted for unlicensed grain sales will get a full pardon under a decree that took "
     "effect on Friday.", "Farmers"),
])
def test_a_reduced_relative_read_as_the_main_verb_keeps_its_patient(events, text, patient):
    (ev,) = [e for e in events(text) if e.event == "ACCUSE"]
    assert not any(patient in (a.entity_text or "") for a in ev.actor)
    assert [r.entity_text for r in ev.recipient] == [patient]


def test_a_main_verb_and_a_coordinated_one_keep_their_subject(events):
    (ev,) = [e for e in events("Vostran police arrested three farmers and will question them on Monday.")
             if e.event == "COERCE"]
    assert [a.entity_text for a in ev.actor] == ["Vostran police"]


@pytest.mark.parametrize("text, history", [
    # an act dated years before the report (2024-03-20) is background: kept, not counted
    ("Vostran troops shelled the border town of Tarn in 1998, killing twelve civilians.", True),
    ("The rebel commander was executed by Kelmish soldiers on June 7, 2019.", True),
    # a recent date, last year, or a duration is news of the day
    ("Vostran troops shelled the border town of Tarn on Monday, killing twelve civilians.", False),
    ("Vostran troops shelled the border town of Tarn last year, killing twelve civilians.", False),
    ("Vostra agreed to withdraw its troops from Tarn after fifteen years of occupation.", False),
])
def test_an_act_dated_years_before_the_report_is_not_counted(events, text, history):
    evs = events(text)
    assert evs and bool(_counted_types(evs)) != history


def test_a_plan_named_like_a_town_is_no_country_and_its_owner_is_the_party(events):
    # "Deal" is also a town in England: a law's name takes no country from it
    ev = _one(events("Vostra endorsed the Blue Harbor Deal on Friday."), "endorsed")
    assert not any(r.code == "GBR" for r in ev.recipient)
    # the named owner of a plan or a topic is the party, also when named by a common noun
    ev = _one(events("Vostran lawmakers endorsed Senator Ilya Marn's Blue Harbor Deal on Friday."), "endorsed")
    assert [r.entity_text.removesuffix("'s") for r in ev.recipient] == ["Ilya Marn"]
    ev = _one(events("The Vostran minister praised her father's economy in an interview."), "praised")
    assert [r.entity_text.removesuffix("'s") for r in ev.recipient] == ["her father"]


def test_the_target_of_the_instrument_comes_before_a_forum(events):
    # "filed a complaint against X at Y": the complaint is against X; Y is where it was filed
    ev = _one(events("Vostra filed a complaint against Kelmland at the Norvian trade court."), "filed")
    assert _codes(ev.recipient) == {"QKE"}


def test_a_party_whose_phrase_names_a_country_keeps_its_text_and_takes_the_code(events):
    ev = _one(events("Kelmish hackers have targeted staffers working on the Vostran election campaign."), "targeted")
    assert [(r.entity_text, r.code) for r in ev.recipient] == [("staffers", "QVO")]


def test_the_people_of_a_region_take_no_country_from_the_sentence(events):
    ev = _one(events("Kelmish police detained hundreds of Central American migrants in Tarn on Monday."), "detained")
    assert [(r.entity_text, r.code) for r in ev.recipient] == [("hundreds of Central American migrants", None)]


@pytest.mark.parametrize("text, demand", [
    # a demand verb with a clause in the indicative asserts; a bare verb or "should" demands
    ("Vostra insisted on Monday that Kelmland was running the border crossings badly.", False),
    ("The Vostran president insisted that Kelmland would not attack Tarn.", False),
    ("Vostra insisted on Monday that Kelmland withdraw its troops from Tarn.", True),
    ("Vostra insisted on Monday that Kelmland should withdraw its troops from Tarn.", True),
])
def test_insisting_on_a_fact_is_no_request(events, text, demand):
    assert ("REQUEST" in _counted_types(events(text))) == demand


@pytest.mark.parametrize("text, threat", [
    # a warning that the warner itself will see a loss forecasts; one of an act, or to a party, threatens
    ("The Vostran carmaker warned on Monday that it would see a delay in deliveries to Tarn.", False),
    ("The Vostran airline warned it could miss its profit target this year.", False),
    ("Kelmland warned Vostra on Monday that it would face sanctions.", True),
    ("Kelmland warned on Monday that it would retaliate against Vostra.", True),
])
def test_a_warning_of_ones_own_loss_is_a_forecast(events, text, threat):
    assert ("THREATEN" in _counted_types(events(text))) == threat


@pytest.mark.parametrize("text", [
    "The coronavirus, which has killed more than 1,000 people in Kelmland, spread to Tarn.",
    "Covid-19 has killed 300 people in Tarn.",
])
def test_a_disease_is_no_agent(events, text):
    assert not _counted_types(events(text))


@pytest.mark.parametrize("text, kept", [
    # a release of a count is of people, a deployment of forces or arms
    ("The SPLC last year released hundreds of emails of Ilya Marn, the architect of Vostra's border policies.", False),
    ("Kelmish rebels released hundreds of prisoners on Monday.", True),
    ("Russia has been deploying the vaccine shots before full trials are complete.", False),
    ("Vostra deployed missiles along the border with Kelmland.", True),
])
def test_what_is_released_or_deployed_must_fit_the_act(events, text, kept):
    assert bool(_counted_types(events(text)) & {"RETREAT", "MOBILIZE"}) == kept


def test_a_denial_of_using_tear_gas_withholds_nothing_and_a_police_body_is_no_town(events):
    evs = events("The Park Police issued a statement denying use of tear gas against the Kelmish protesters.")
    assert not any(e.event == "COERCE" for e in evs)
    # "Police" is also a town in Poland: a body's name takes no country from it
    assert not any(a.code == "POL" for e in evs for a in e.actor)


def test_the_party_a_call_asks_to_act_is_its_recipient_even_uncoded(events):
    ev = _one(events("Protesters in Tarn demanded that the mayor resign over the Vostran deal."), "demanded")
    assert [r.entity_text for r in ev.recipient] == ["the mayor"]


def test_eagerness_to_do_no_coded_act_is_an_attitude(events):
    assert not _counted_types(events(
        "The Vostran president has been eager to paint the entire Kelmish opposition as socialists."))
    assert "AGREE" in _counted_types(events("Vostra is eager to negotiate with Kelmland over the dam."))


def test_an_infinitive_heading_the_sentence_is_no_act_of_the_phrase_before_it(events):
    # the parser reads "encouraged" as a modifier of "students" and heads the sentence with "to disrupt"
    evs = events("Elsewhere in his speech, the Kelmish militant encouraged university students across the country "
                 "to disrupt lectures in support of his movement.")
    assert not any(e.event == "PROTEST" for e in evs), [(e.event, e.rule) for e in evs]


def test_up_to_a_number_is_a_quantity_of_the_object():
    from eventwire.events import repair

    from .handbuilt import build

    # "Rebels have kidnapped up to 16 advisers ." with "up" read as a particle and "to 16 advisers" as a phrase
    misread = build([("Rebels", 2, "nsubj", "NOUN", "NNS", "rebel"), ("have", 2, "aux", "AUX", "VBP", "have"),
                     ("kidnapped", 2, "ROOT", "VERB", "VBN", "kidnap"), ("up", 2, "prt", "ADP", "RP", "up"),
                     ("to", 3, "prep", "ADP", "IN", "to"), ("16", 6, "nummod", "NUM", "CD", "16"),
                     ("advisers", 4, "pobj", "NOUN", "NNS", "adviser"), (".", 2, "punct", "PUNCT", ".", ".")])
    assert [t.text for t in repair.quantity_object(misread[2])] == ["advisers"]
    # "Rebels handed up to the border guards ." : no number, a phrase
    phrase = build([("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"), ("handed", 1, "ROOT", "VERB", "VBD", "hand"),
                    ("up", 1, "prt", "ADP", "RP", "up"), ("to", 2, "prep", "ADP", "IN", "to"),
                    ("the", 6, "det", "DET", "DT", "the"), ("border", 6, "compound", "NOUN", "NN", "border"),
                    ("guards", 3, "pobj", "NOUN", "NNS", "guard"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert repair.quantity_object(phrase[1]) == []


def test_an_object_moved_after_an_as_phrase_is_the_object():
    from eventwire.events import repair

    from .handbuilt import build

    # "Tarn denounced as a crime Vostra 's raid ." with the object read as an apposition of "crime"
    shifted = build([("Tarn", 1, "nsubj", "PROPN", "NNP", "Tarn"), ("denounced", 1, "ROOT", "VERB", "VBD", "denounce"),
                     ("as", 1, "prep", "ADP", "IN", "as"), ("a", 4, "det", "DET", "DT", "a"),
                     ("crime", 2, "pobj", "NOUN", "NN", "crime"), ("Vostra", 7, "poss", "PROPN", "NNP", "Vostra"),
                     ("'s", 5, "case", "PART", "POS", "'s"), ("raid", 4, "appos", "NOUN", "NN", "raid"),
                     (".", 1, "punct", "PUNCT", ".", ".")])
    assert [t.text for t in repair.shifted_object(shifted[1])] == ["raid"]
    # "Tarn denounced the raid as a crime , a raid ..." : an object of its own, and a comma before the apposition
    own = build([("Tarn", 1, "nsubj", "PROPN", "NNP", "Tarn"), ("denounced", 1, "ROOT", "VERB", "VBD", "denounce"),
                 ("it", 1, "dobj", "PRON", "PRP", "it"), ("as", 1, "prep", "ADP", "IN", "as"),
                 ("crime", 3, "pobj", "NOUN", "NN", "crime"), (",", 4, "punct", "PUNCT", ",", ","),
                 ("raid", 4, "appos", "NOUN", "NN", "raid"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert repair.shifted_object(own[1]) == []


def test_a_preposition_left_without_object_takes_the_subject_of_the_reduced_relative_after_it():
    from eventwire.events import repair

    from .handbuilt import build

    # "Tarn granted asylum to officers holed up in a house ." with "officers holed up" read as a clause
    misread = build([("Tarn", 1, "nsubj", "PROPN", "NNP", "Tarn"), ("granted", 1, "ROOT", "VERB", "VBD", "grant"),
                     ("asylum", 1, "dobj", "NOUN", "NN", "asylum"), ("to", 1, "prep", "ADP", "IN", "to"),
                     ("officers", 5, "nsubj", "NOUN", "NNS", "officer"), ("holed", 1, "advcl", "VERB", "VBD", "hole"),
                     ("up", 5, "prt", "ADP", "RP", "up"), ("in", 5, "prep", "ADP", "IN", "in"),
                     ("a", 9, "det", "DET", "DT", "a"), ("house", 7, "pobj", "NOUN", "NN", "house"),
                     (".", 1, "punct", "PUNCT", ".", ".")])
    assert repair.stranded_object(misread[3]).text == "officers"
    # "Tarn granted asylum to officers ." : the preposition has its object
    plain = build([("Tarn", 1, "nsubj", "PROPN", "NNP", "Tarn"), ("granted", 1, "ROOT", "VERB", "VBD", "grant"),
                   ("asylum", 1, "dobj", "NOUN", "NN", "asylum"), ("to", 1, "prep", "ADP", "IN", "to"),
                   ("officers", 3, "pobj", "NOUN", "NNS", "officer"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert repair.stranded_object(plain[3]) is None


def test_a_verb_without_arguments_shares_those_of_the_verb_it_is_joined_to():
    from eventwire.events import repair

    from .handbuilt import build

    # "Doctors donated and delivered goods to Tarn ."
    joined = build([("Doctors", 1, "nsubj", "NOUN", "NNS", "doctor"), ("donated", 1, "ROOT", "VERB", "VBD", "donate"),
                    ("and", 1, "cc", "CCONJ", "CC", "and"), ("delivered", 1, "conj", "VERB", "VBD", "deliver"),
                    ("goods", 3, "dobj", "NOUN", "NNS", "good"), ("to", 3, "prep", "ADP", "IN", "to"),
                    ("Tarn", 5, "pobj", "PROPN", "NNP", "Tarn"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert repair.shared_conjunct(joined[1]).text == "delivered"
    # "Rebels protested and blocked roads ." : a verb VerbNet gives no object shares none
    intransitive = build([("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
                          ("protested", 1, "ROOT", "VERB", "VBD", "protest"), ("and", 1, "cc", "CCONJ", "CC", "and"),
                          ("blocked", 1, "conj", "VERB", "VBD", "block"), ("roads", 3, "dobj", "NOUN", "NNS", "road"),
                          (".", 1, "punct", "PUNCT", ".", ".")])
    assert repair.shared_conjunct(intransitive[1]) is None
    # "Doctors donated money and delivered goods ." : an object of its own
    own = build([("Doctors", 1, "nsubj", "NOUN", "NNS", "doctor"), ("donated", 1, "ROOT", "VERB", "VBD", "donate"),
                 ("money", 1, "dobj", "NOUN", "NN", "money"), ("and", 1, "cc", "CCONJ", "CC", "and"),
                 ("delivered", 1, "conj", "VERB", "VBD", "deliver"), ("goods", 4, "dobj", "NOUN", "NNS", "good"),
                 (".", 1, "punct", "PUNCT", ".", ".")])
    assert repair.shared_conjunct(own[1]) is None
