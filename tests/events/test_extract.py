"""The event coder end to end (tests/events mirrors src/eventwire/events).

Fixtures are sentences about invented countries (Vostra, Kelmland), places
(Tarn, Dorvat) and people; they go through the full pipeline (`run_text`).
"""

from __future__ import annotations

import pytest

from eventwire.events import main_event

pytestmark = pytest.mark.slow


def _types(article) -> list[str]:
    return [e.event for e in article.events]


@pytest.mark.parametrize("text, event, mode", [
    ("The Vostran government agreed to hold talks with the rebels next month.", "AGREE", None),
    ("The Vostran foreign minister met his Kelmish counterpart in Dorvat on Monday.", "CONSULT", None),
    ("The Vostran president praised the Kelmish government for its reforms.", "SUPPORT", None),
    ("The Vostran government conceded to the demands of the striking miners.", "CONCEDE", None),
    ("Vostra extradited two suspects to Kelmland on Friday.", "COOPERATE", None),
    ("Vostra sent food aid to refugees in Kelmland.", "AID", None),
    ("Vostran troops withdrew from the border town of Tarn.", "RETREAT", "withdraw"),
    ("Vostra urged Kelmland to resume talks.", "REQUEST", "meet"),
    ("The Kelmish foreign ministry condemned the Vostran government.", "ACCUSE", "disapprove"),
    ("Kelmland rejected the Vostran proposal.", "REJECT", None),
    ("The Vostran defence minister threatened to impose a curfew in Tarn.", "THREATEN", "restrict"),
    ("Thousands of students demonstrated in Dorvat against the Vostran government.", "PROTEST", "demo"),
    ("Vostra imposed sanctions on Kelmland.", "SANCTION", "discontinue"),
    ("Vostra deployed troops along the Kelmish border.", "MOBILIZE", "troops"),
    ("Vostran police arrested twelve opposition activists in Dorvat.", "COERCE", "arrest"),
    ("Vostran forces shelled the town of Kelm on Tuesday.", "ASSAULT", "heavy-weapons"),
])
def test_code_doc_each_plover_type(run_text, text, event, mode):
    article = run_text(text)
    # the invented names are in no dictionary here, so some events stay below the counting threshold
    main = main_event(article, threshold=0.0)
    assert main is not None, f"no event for {text!r}"
    assert main.event == event, f"{text!r}: {[(e.event, e.rule) for e in article.events]}"
    if mode is not None:
        assert main.mode == mode
    assert main.rule and main.id == f"{article.id}:e{article.events.index(main)}"
    assert article.text[main.trigger.start:main.trigger.end] == main.trigger.text
    assert main.text_info == {"start": 0, "end": len(text)}


def test_code_doc_request_types_requested_action(run_text):
    article = run_text("The Kelmish Front called for suicide attacks against Vostra.")
    main = main_event(article)
    assert main.event == "REQUEST"
    assert main.requested == {"event": "ASSAULT", "mode": "suicide-attack"}
    assert "ASSAULT" not in _types(article)  # a call for attacks is not an attack


def test_code_doc_request_for_demonstrations_is_protest(run_text):
    main = main_event(run_text("The Kelmish Front called for mass demonstrations in Dorvat."))
    assert (main.event, main.requested["event"]) == ("REQUEST", "PROTEST")


def test_code_doc_threat_types_threatened_action(run_text):
    main = main_event(run_text("Vostra threatened to cut off electricity to Kelmland."))
    assert main.event == "THREATEN"
    assert main.requested["event"] == "COERCE"


def test_code_doc_negated_sentence_is_flagged(run_text):
    article = run_text("Vostran forces did not attack the town of Kelm.")
    assert article.events
    assert all(e.negated for e in article.events)


def test_code_doc_refusal_is_positive_reject(run_text):
    main = main_event(run_text("Kelmland will not accept the Vostran proposal."), threshold=0.0)
    assert main.event == "REJECT" and not main.negated
    assert main.requested["event"] == "AGREE" and main.rule.endswith("+refusal")


def test_code_doc_conditional_is_hypothetical(run_text):
    main = main_event(run_text("Vostra would attack Kelmland if its troops crossed the border."))
    assert main.hypothetical


def test_code_doc_conditional_threat_is_no_hypothetical(run_text):
    # the condition is the threat's terms, stated by the party that threatens
    art = run_text("The Kelmish opposition said it will boycott the election unless the electoral commission resigns.")
    threat = next(e for e in art.events if e.event == "THREATEN")
    assert not threat.hypothetical


def test_code_doc_culpable_subject_is_the_gerund_agent(run_text):
    # "X is guilty of / responsible for VERBing": X did it, not whoever reports the finding
    art = run_text("The Vostran army and the Kelmish militia are guilty of violating the truce, "
                   "according to a monitoring group.")
    event = next(e for e in art.events if e.event == "ASSAULT")
    assert {a.entity_text for a in event.actor} == {"The Vostran army", "the Kelmish militia"}


def test_code_doc_ruled_out_cooperation_is_a_refusal(run_text):
    # "X is out of the question" said by a party: it refuses X (PLOVER REJECT, mode from the act)
    art = run_text("The Vostran president said that lifting the blockade of Kelmland was out of the question.")
    assert [e.event for e in art.events] == ["REJECT"]
    assert art.events[0].requested["event"] in ("CONCEDE", "RETREAT")


@pytest.mark.parametrize("text, requested", [
    ("The opposition party is calling for the ministry to release the memo.", None),
    ("The opposition party is calling for the ministry to release the prisoners.", "RETREAT"),
])
def test_code_doc_content_of_a_call_meets_its_own_restrictions(run_text, text, requested):
    # a memo is no captive: the call stands, its content has no type (and no event of the ministry)
    (call,) = run_text(text).events
    assert call.event == "REQUEST" and (call.requested or {}).get("event") == requested


def test_code_doc_ruled_out_attack_is_no_event(run_text):
    art = run_text("A military strike on Kelmland is not an option, the Vostran president said.")
    assert not [e for e in art.events if e.event == "ASSAULT"]


def test_code_doc_future_cooperation_is_agree(run_text):
    main = main_event(run_text("Vostra will send food aid to Kelmland next week."))
    assert main.event == "AGREE" and main.future
    assert main.requested["event"] == "AID"


def test_code_doc_passive_voice_swaps_roles(run_text):
    main = main_event(run_text("The town of Tarn was shelled by Vostran forces."))
    assert main.event == "ASSAULT"
    assert [a.entity_text for a in main.actor] == ["Vostran forces"]
    assert "Tarn" in main.recipient[0].entity_text


def test_code_doc_coordination_gives_two_actors(run_text):
    main = main_event(run_text("Vostra and Kelmland agreed to a ceasefire on Sunday."))
    assert main.event == "AGREE"
    assert [a.entity_text for a in main.actor] == ["Vostra", "Kelmland"]


def test_code_doc_apposition_is_not_an_actor(run_text):
    main = main_event(run_text("Vostra, a close ally of Kelmland, condemned the bombing."), threshold=0.0)
    assert [a.entity_text for a in main.actor] == ["Vostra"]


def test_code_doc_nominal_event_with_adjectival_actor(run_text):
    article = run_text("Residents fled Tarn after the resumption of Vostran strikes on the town.")
    strikes = [e for e in article.events if e.trigger.text == "strikes"]
    assert strikes and strikes[0].event == "ASSAULT"
    assert any("Vostran" in a.entity_text for a in strikes[0].actor)


def test_code_doc_copular_description_gives_no_event(run_text):
    assert run_text("The Kelmish Front is a terrorist organization.").events == []


def test_code_doc_event_in_quote_takes_speaker(run_text):
    article = run_text('Arno Tesk, the Vostran defence minister, said: "We will attack Kelm tomorrow."')
    assert article.quotes, "the quotes stage found no quote"
    event = next(e for e in article.events if e.trigger.text == "attack")
    assert event.quote_id == article.quotes[0].id
    assert event.actor and "Tesk" in (event.actor[0].name or event.actor[0].entity_text)


def test_code_doc_date_and_place_attached(run_text):
    main = main_event(run_text("Vostran police arrested twelve activists in Dorvat on Monday.", date="2024-03-20"))
    assert main.date == "2024-03-18"
    assert main.event_loc is not None and main.event_loc.text == "Dorvat"


def test_code_doc_date_defaults_to_article_date(run_text):
    main = main_event(run_text("Vostran police arrested twelve activists.", date="2024-03-20"))
    assert main.date == "2024-03-20"


def test_code_doc_adjective_without_complement_is_no_event(run_text):
    assert run_text("The border crossing at Tarn is open.").events == []


@pytest.mark.parametrize("text, event, requested", [
    # naming an act with a predicate noun is an accusation, not the act named
    ("Kelmish spokesman Ivo Dant called the attack a massacre.", "ACCUSE", None),
    # goods given "with": the direct object is the recipient
    ("Vostra has been supplying the Kelmish Front with money and weapons.", "AID", None),
    ("Vostra delivered flour and blankets to the people of Tarn.", "AID", None),
    # signing a ceasefire or treaty is SUPPORT in the manual, not the truce's RETREAT
    ("Envoys of Kelmland and Vostra signed a ceasefire in Tarn on Monday.", "SUPPORT", None),
    # a stated intent to stop force is AGREE; to continue it, THREATEN
    ("Under the deal, the Vostran army will halt air strikes on the valley.", "AGREE", "RETREAT"),
    ("The minister said the army would continue its operations in the valley.", "THREATEN", "ASSAULT"),
    # a hunger strike is not military force: ending or continuing it is no ASSAULT/RETREAT
    ("Kelmish farmers continued their hunger strike in Tarn.", "PROTEST", None),
    # a bare "on strike" is a labour strike; "a strike on a convoy" is force
    ("Kelmish teachers went on strike on Monday.", "PROTEST", None),
    ("Vostran jets carried out a strike on a Kelmish convoy near Tarn.", "ASSAULT", None),
])
def test_code_doc_general_type_rules(run_text, text, event, requested):
    article = run_text(text)
    main = main_event(article, threshold=0.0)  # the type rules, whatever the confidence
    assert main is not None and main.event == event, f"{text!r}: {[(e.event, e.rule) for e in article.events]}"
    if requested is not None:
        assert main.requested and main.requested["event"] == requested


@pytest.mark.parametrize("text, source", [
    # "the call" refers back to the earlier call
    ("Kaspar Lund called on his followers to attack army convoys on Monday.\n\n"
     "The call to blockade the ports of Vostra drew little response.", "antecedent-event"),
    # the earlier call names another requested action (and a by-phrase), so the report's
    # speech owner is the better antecedent for "the call to blockade"
    ("The Dorvat Herald published a report on Kaspar Lund's speech that omitted the call for "
     "attacks by the farmers of Tarn. It stressed the call to blockade the ports of Vostra.", "speech-owner"),
])
def test_definite_call_takes_the_callers_actor(run_text, text, source):
    article = run_text(text)
    calls = [e for e in article.events if e.event == "REQUEST" and "blockade" in e.event_text]
    assert calls, [(e.event, e.event_text) for e in article.events]
    assert [a.entity_text for a in calls[0].actor] == ["Kaspar Lund"]
    assert calls[0].actor[0].source == source


@pytest.mark.parametrize("text", ["Vostran troops regularly shell the village of Mird.",
                                  "The Vostran and Kelmish presidents meet every month in the capital.",
                                  "The Vostran president visits the border three times a week."])
def test_code_doc_habit_is_marked(run_text, text):
    art = run_text(text)
    assert art.events and all("habitual" in art.meta["event_evidence"][e.id] for e in art.events)


def test_code_doc_dated_act_is_no_habit(run_text):
    art = run_text("Vostran troops shelled the village of Mird on Monday.")
    assert art.events and not any("habitual" in art.meta["event_evidence"][e.id] for e in art.events)


@pytest.mark.parametrize("text", [
    "Senator Aron Vale attacked his rival as a liar during the debate.",
    "The Kelmish candidate hit the governor hard over her handling of the flood response.",
    "The mayor attacked the council for its decision on the budget.",
    "The opposition leader attacked the prime minister in a television interview on Sunday.",
    "The Kelmish airline hit back at the minister on Friday after he criticized its fares.",
    "Gun control groups hit back, saying the closures were a matter of public health.",
])
def test_code_doc_verbal_attack_is_criticism(run_text, text):
    # news says "attacked" for words as often as for violence; words are ACCUSE (manual: criticism),
    # and so is hitting back (a retort) when the sentence shows no force
    art = run_text(text)
    assert [e.event for e in art.events if e.trigger.text in ("attacked", "hit")] == ["ACCUSE"]


@pytest.mark.parametrize("text", ["Vostran rebels attacked a police convoy on the highway on Monday.",
                                  "Militants attacked the village in a dawn raid.",
                                  "Gunmen attacked a crowded market in the town of Mird on Tuesday.",
                                  "Vostra hit back at Kelmland with air strikes on Monday."])
def test_code_doc_physical_attack_stays_assault(run_text, text):
    art = run_text(text)
    assert [e.event for e in art.events if e.trigger.text in ("attacked", "hit")] == ["ASSAULT"]


@pytest.mark.parametrize("text, protest", [
    ("Opposition activists staged rallies in Selvik against the prime minister on Sunday.", True),
    ("Thousands rallied outside the Vostran parliament on Saturday to demand new elections.", True),
    ("The Kelmish candidate held a campaign rally in Selvik on Monday.", False),
    ("Party members rallied behind the senator after the debate.", False),
    ("The minister demonstrated his resolve at the summit.", False),
])
def test_code_doc_rally_is_a_protest_only_with_protest_evidence(run_text, text, protest):
    art = run_text(text)
    assert any(e.event == "PROTEST" for e in art.events) == protest


@pytest.mark.parametrize("text, threat", [
    ("The Vostran defence minister warned that the army would respond with force.", True),
    ("Vostra warned Kelmland not to cross the border.", True),
    ("The Vostran president warned of retaliation if the talks failed.", True),
    ("Kelmish economists warned that prices would rise sharply next year.", False),
    ("The Vostran central bank warned of a recession.", False),
    ("Kelmish army officers cautioned that the date of the pullout was not yet fixed.", False),
])
def test_code_doc_warning_is_a_threat_only_when_a_party_acts(run_text, text, threat):
    # a forecast of a state of affairs is no threat (manual, THREATEN: coercive or forceful warnings)
    art = run_text(text)
    assert any(e.event == "THREATEN" for e in art.events) == threat


@pytest.mark.parametrize("text", ["The Vostran minister offered comments on the crisis at the summit.",
                                  "The Kelmish candidate offered insights into his approach to business.",
                                  "The senator's aide volunteered at the campaign office."])
def test_code_doc_offered_words_are_no_agreement(run_text, text):
    # offering views or volunteering for nothing nameable is no offer to cooperate (AGREE)
    assert not [e for e in run_text(text).events if e.event == "AGREE"]


@pytest.mark.parametrize("text, rejected", [
    ("Ilya Varga, a spokeswoman for the Kelmish interior ministry, declined to comment.", False),
    ("The Vostran embassy refused to say how many of its staff had left.", False),
    ("Kelmland refused to withdraw its troops from Tarn.", True),
])
def test_code_doc_declining_to_comment_is_newsroom_boilerplate(run_text, text, rejected):
    # a source withholding words from the reporter rejects no party's demand
    assert any(e.event == "REJECT" for e in run_text(text).events) == rejected


@pytest.mark.parametrize("text, party", [
    ("Kelmland discussed the border with Vostra.", "Vostra"),
    # the parser may hang the with-phrase on the topic
    ("Kelmish and Vostran envoys discussed the water dispute with mediators in Varn on Thursday.", "mediators"),
])
def test_code_doc_a_topic_discussed_with_a_party_is_a_consultation(run_text, text, party):
    (ev,) = [e for e in run_text(text).events if e.event == "CONSULT"]
    assert ev.rule == "consult.discuss_with" and [r.entity_text for r in ev.recipient] == [party]


def test_code_doc_offered_troops_are_an_offer(run_text):
    assert [e.event for e in run_text("Vostra offered its troops to the Kelmish president.").events] == ["AGREE"]


@pytest.mark.parametrize("text, event", [
    ("The Vostran interior ministry warned citizens to avoid the border area.", "REQUEST"),
    ("The Kelmish election board cautioned officials to boost security at polling stations.", "REQUEST"),
    ("Vostra warned Kelmland not to cross the border.", "THREATEN"),
])
def test_code_doc_warning_to_act_is_a_call(run_text, text, event):
    # "warned X to V" tells a party what to do (advice or a call: REQUEST); "not to V" is a threat
    assert [e.event for e in run_text(text).events if e.trigger.text in ("warned", "cautioned")] == [event]


@pytest.mark.parametrize("text", [
    "Say the Vostran government demanded that Kelmland return the refugees.",
    "Suppose the Kelmish army attacked the town of Tarn.",
    "If it fails, Ms. Dorn argues, there are other tools. Say Vostra demanded that Kelmland prove its claim.",
])
def test_code_doc_supposition_is_hypothetical(run_text, text):
    events = [e for e in run_text(text).events if e.trigger.text in ("demanded", "attacked")]
    assert events and all(e.hypothetical for e in events)


def test_code_doc_concessive_say_asserts_its_clause(run_text):
    text = "Say what you will about him, the senator attacked the prime minister in the debate."
    (event,) = [e for e in run_text(text).events if e.trigger.text == "attacked"]
    assert not event.hypothetical


@pytest.mark.parametrize("text", ["The senator had a plan for the debate and executed it flawlessly.",
                                  "The committee received the bill in May and killed it in June."])
def test_code_doc_object_pronoun_takes_its_antecedents_class(run_text, text):
    # "executed it": "it" stands for the plan, not a person: no killing
    assert not [e for e in run_text(text).events if e.event == "ASSAULT"]


@pytest.mark.parametrize("text, event", [
    ("The fact-checking site seized on the senator's claim that crime had doubled.", None),
    ("Vostran police seized weapons in the town of Tarn.", "COERCE"),
    ("Older voters helped her beat back a challenge from Senator Aron Vale.", None),
    ("When criticized, the senator lashes out at the press.", None),
    ("Vostran police beat protesters in Dorvat on Sunday.", "ASSAULT"),
])
def test_code_doc_figurative_seizing_and_beating(run_text, text, event):
    # "seized on a claim", "beat back a challenge", "lashed out at" take up, defeat or scold: no force
    trig = ("seized", "beat", "lashes")
    assert [e.event for e in run_text(text).events if e.trigger.text in trig if e.event in ("COERCE", "ASSAULT")] == (
        [event] if event else [])


def test_code_doc_attack_coordinated_with_blame_is_criticism(run_text):
    text = "The senator attacked police officers nationwide and blamed the shootings on bias."
    assert [e.event for e in run_text(text).events if e.trigger.text == "attacked"] == ["ACCUSE"]


def test_code_doc_sending_materiel_is_aid(run_text):
    (event,) = [e for e in run_text("Vostra sent military material to the Kelmish army.").events]
    assert event.event == "AID"


@pytest.mark.parametrize("text, event", [
    ("Senator Aron Vale attacked Governor Maria Lenz again on Friday.", "ACCUSE"),
    ("Aron Vale responded with fresh attacks on Maria Lenz.", "ACCUSE"),
    ("A gunman attacked Governor Maria Lenz outside her home on Friday.", "ASSAULT"),
])
def test_code_doc_a_person_attacking_a_person_without_force_is_criticism(run_text, text, event):
    # named person on named person, no weapon, wound or military context: words (manual: criticism)
    assert [e.event for e in run_text(text).events if e.trigger.text in ("attacked", "attacks")] == [event]


@pytest.mark.parametrize("text, event, coded", [
    # a label blames only when it is not praise (VADER polarity)
    ("The Kelmish minister called the vote a farce.", "ACCUSE", True),
    ("Senator Aron Vale called his rival a liar.", "ACCUSE", True),
    ("The president called the holiday a celebration of unity and friendship.", "ACCUSE", False),
    ("The candidate's doctor called him extremely fit.", "ACCUSE", False),
    # "a threat to peace", "threats from X" name a danger; "his threat to impose sanctions" was made
    ("The Kelmish minister called the test a grave threat to regional peace.", "THREATEN", False),
    ("The bloc discussed the threats from Vostra at the summit.", "THREATEN", False),
    ("The Vostran president repeated his threat to impose sanctions on Kelmland.", "THREATEN", True),
    # support is of a person, group, state or policy, not of one's own words or conduct
    ("The senator is defending his early-morning tweets.", "SUPPORT", False),
    ("The spokeswoman said the senator would defend himself.", "SUPPORT", False),
    ("Under pressure from the unions, the Vostran government backed out of the deal.", "SUPPORT", False),
    ("Senator Aron Vale is endorsing the governor.", "SUPPORT", True),
    # "opened the door to talks" is a metaphor; doors opened to refugees shelter people
    ("Opening the door to talks, the Vostran minister said nothing new.", "AID", False),
    ("Vostra opened its doors to refugees from Kelmland.", "AID", True),
    # shooting down a proposal and capturing seats use no force; shooting down a helicopter does
    ("The Kelmish senator shot down the proposal on Monday.", "ASSAULT", False),
    ("Vostran forces shot down a Kelmish helicopter near Tarn.", "ASSAULT", True),
    ("The Vostran opposition captured three seats from the ruling coalition.", "ASSAULT", False),
])
def test_code_doc_word_sense_decides_the_type(run_text, text, event, coded):
    assert any(e.event == event for e in run_text(text).events) == coded


def test_code_doc_a_meeting_with_the_writer_is_the_reporting_not_a_contact(run_text):
    writer = run_text("When the Vostran trade minister came to talk to me last week, he brought up the old dispute.")
    assert not [e for e in writer.events if e.event == "CONSULT"]
    # inside a quote, "me" is the speaker, a party
    quoted = run_text('"The Vostran minister met me in Rask on Monday," Ms. Dorn said.')
    assert [e.event for e in quoted.events if e.trigger.text == "met"] == ["CONSULT"]


@pytest.mark.parametrize("text, event, recipient", [
    ("The Kelmish government arrested three opposition leaders in Rask.", "COERCE", "three opposition leaders"),
    ("The prime minister met President Dorn of Vostra in Rask to discuss trade.", "CONSULT",
     "President Dorn of Vostra"),
])
def test_code_doc_the_place_of_an_act_on_a_party_is_not_its_recipient(run_text, text, event, recipient):
    # "in Rask" says where; the leaders are whom. An act on no party may still be directed at a place.
    (found,) = [e for e in run_text(text).events if e.event == event]
    assert [r.entity_text for r in found.recipient] == [recipient]


@pytest.mark.parametrize("text, trigger, actor", [
    # a verb about someone else's act lends it no actor
    ("Both Vostran leaders condemned the bombing, which killed 12 people in Tarn.", "bombing", None),
    ("Kelmish police arrested two men during the protest in Tarn.", "protest", None),
    # a verb that carries out, paces or joins the act does
    ("The Vostran army speeded up the withdrawal of its forces from Tarn.", "withdrawal", "The Vostran army"),
    ("The Vostran police reopened its investigation into the Tarn bombing.", "investigation", "The Vostran police"),
    ("Kelmish envoys returned to Varn on Monday for talks.", "talks", "Kelmish envoys"),
    ("Vostran youths threw stones during demonstrations against the Kelmish army.", "demonstrations",
     "Vostran youths"),
    # before or after talks one took part in them; after a bombing one did not bomb
    ("Kelmish envoys left Varn following the latest round of talks.", "talks", "Kelmish envoys"),
    ("After the bombing of the market, the Vostran minister resigned.", "bombing", None),
])
def test_code_doc_a_noun_takes_its_verbs_subject_only_when_the_verb_carries_it_out(run_text, text, trigger, actor):
    (ev,) = [e for e in run_text(text).events if trigger in {e.trigger.text, *(m.text for m in e.mentions)}]
    assert [a.entity_text for a in ev.actor] == ([actor] if actor else [])


@pytest.mark.parametrize("text, event", [("Marsh praised the Vostran president as a strong leader.", "SUPPORT"),
                                         ("Marsh threatened to sue the Kelmish newspaper.", "THREATEN")])
def test_code_doc_a_capitalised_common_noun_doing_what_people_do_is_a_name(run_text, text, event):
    # "Marsh" opening a sentence could be the wetland; praising and threatening make it a person
    (ev,) = [e for e in run_text(text).events if e.event == event]
    assert [a.entity_text for a in ev.actor] == ["Marsh"]


def test_code_doc_a_speaker_is_not_the_doer_of_an_act_they_name(run_text):
    # "criticized" reports speech; the shelling it names is not the minister's
    ev = [e for e in run_text("The Kelmish minister criticized the army for the shelling of Tarn.").events
          if e.trigger.text == "shelling"]
    assert all(a.entity_text != "The Kelmish minister" for e in ev for a in e.actor)


def test_code_doc_a_disarmed_party_with_no_agent_is_the_one_who_disarmed(run_text):
    # retreat.surrender has `patient_acts`: "have been demobilized" says the fighters laid down arms
    (ev,) = [e for e in run_text("Hundreds of Vostran fighters have been demobilized since the accord.").events
             if e.event == "RETREAT"]
    assert [a.entity_text for a in ev.actor] == ["Hundreds of Vostran fighters"]


def test_code_doc_the_charge_of_an_accusation_is_not_part_of_the_accused(run_text):
    (ev,) = [e for e in run_text("The Vostran governor accused the Kelmish mayor of rigging the vote in Tarn.").events
             if e.event == "ACCUSE"]
    assert [r.entity_text for r in ev.recipient] == ["the Kelmish mayor"]


@pytest.mark.parametrize("text, actor", [
    ("Senator Ivo Marsh insulted the Kelmish judge, calling him biased.", "Ivo Marsh"),
    ("Dorn's campaign released a statement condemning the Vostran government.", "Dorn's"),
])
def test_code_doc_insults_and_a_campaigns_statement_are_criticism(run_text, text, actor):
    # a statement released by X's campaign is X's
    (ev,) = [e for e in run_text(text).events if e.event == "ACCUSE"]
    assert [a.entity_text for a in ev.actor] == [actor]


def test_code_doc_a_quoted_command_is_addressed_to_whom_the_speaker_tells(run_text):
    (told,) = [e for e in run_text('"Withdraw your troops now," the Vostran president told Kelmland on Monday.').events
               if e.rule.endswith("+imperative")]
    assert told.event == "REQUEST" and [r.entity_text for r in told.recipient] == ["Kelmland"]
    # the press is the speaker's audience, not the one called on
    (press,) = [e for e in run_text('"Release the Kelmish prisoners now," the Vostran minister told reporters.').events
                if e.rule.endswith("+imperative")]
    assert "reporters" not in [r.entity_text for r in press.recipient]


def test_code_doc_a_town_naming_an_event_is_where_not_who(run_text):
    # "the Lyon shooting": a town of the gazetteer modifying an event noun places it
    art = run_text("Two people died in the Lyon shooting on Friday, police said.")
    assert not any(a.entity_text == "Lyon" for e in art.events for a in e.actor)


def test_code_doc_an_absolute_with_phrase_is_no_party(run_text):
    art = run_text("With dozens of farmers displaced by floods across Kelmland this spring, the senators met.")
    (meet,) = [e for e in art.events if e.event == "CONSULT"]
    assert not meet.recipient



def test_code_doc_stopping_ones_own_activity_sanctions_no_one(run_text):
    assert not [e for e in run_text("The candidate suspended her campaign for the nomination on Friday.").events
                if e.event == "SANCTION"]
    assert [e for e in run_text("Vostra suspended its aid to Kelmland on Friday.").events if e.event == "SANCTION"]


def test_code_doc_a_town_the_text_qualifies_places_the_event_in_its_country(run_text):
    # Salem is also a large city in India; ", Oregon" says which
    art = run_text("Police broke up scuffles between rival groups and arrested two people in Salem, Oregon, on Monday.")
    (arrest,) = [e for e in art.events if e.event == "COERCE"]
    assert {a.code for a in arrest.actor} == {"USA"} and {r.code for r in arrest.recipient} == {"USA"}
