"""Patterns for PLOVER categories the manual defines beyond the core verbs: authorities allowing a
party to act (CONCEDE), defying a ban (REJECT), strong demands (REQUEST), bans on exchanges
(SANCTION), promised concessions, and negated acts. Invented names (Vostra, Kelmland, Dorvat, Tarn)."""

from __future__ import annotations

import pytest

from eventwire.events.config import min_confidence

pytestmark = pytest.mark.slow


def _counted(article) -> list[tuple[str, str]]:
    thr = min_confidence()
    return [(e.event, e.rule) for e in article.events if (e.confidence or 0) >= thr]


def _rules(article) -> list[str]:
    return [e.rule for e in article.events]


@pytest.mark.parametrize("text", [
    "The Vostran junta allowed the exiled opposition leader to return to Dorvat.",
    "The Vostran interior minister permitted the opposition to hold a rally in Dorvat on Sunday.",
])
def test_authority_allowing_a_party_to_act_is_concede(run_text, text):
    article = run_text(text)
    events = [e for e in article.events if e.rule.startswith("concede.allow")]
    assert events and events[0].event == "CONCEDE", _rules(article)
    # the allowed rally is the content of the concession, not a PROTEST of its own
    assert not any(e.event == "PROTEST" for e in article.events)


@pytest.mark.parametrize("text", [
    "The new Vostran law allows citizens to vote by mail.",
    "The Vostran constitution permits the president to serve two terms.",
    "The Vostran government allowed farmers to deduct fuel costs from their taxes.",
])
def test_standing_rules_and_other_permissions_are_no_concession(run_text, text):
    assert not any(r.startswith("concede.allow") for r in _rules(run_text(text)))


def test_defying_a_curfew_is_reject_not_coerce(run_text):
    article = run_text("Thousands of Vostran students defied a curfew in Dorvat on Friday.")
    assert [e.rule for e in article.events if e.event == "REJECT"] == ["reject.defy"]
    assert not any(e.event == "COERCE" for e in article.events)  # the curfew is named, not imposed here


def test_violating_a_ceasefire_is_not_defiance(run_text):
    article = run_text("Kelmish rebels violated the ceasefire near Tarn on Monday.")
    assert "reject.defy" not in _rules(article)


def test_demand_is_its_own_request_pattern(run_text):
    article = run_text("The Vostran opposition leader demanded immediate elections.")
    assert [e.rule for e in article.events if e.event == "REQUEST"] == ["request.demand"]
    assert not any(e.event == "REQUEST" for e in run_text("The new job demands long hours in Dorvat.").events)
    # a bare speech tag after a quoted question demands nothing
    tag = run_text('"Why was the Tarn plant not closed?" the Vostran senator demanded.')
    assert "request.demand" not in _rules(tag)
    # a purpose infinitive states what the protest is for: not the strong demand pattern
    strike = run_text("Vostran miners continued their hunger strike to demand the release of their leader.")
    assert "request.demand" not in _rules(strike)


def test_ban_on_flights_to_a_country_is_sanction(run_text):
    article = run_text("Vostra banned all flights to Kelmland on Monday.")
    sanction = [e for e in article.events if e.rule == "sanction.ban_exchange"]
    assert sanction and sanction[0].event == "SANCTION" and sanction[0].mode == "discontinue"


def test_ban_on_an_activity_is_no_sanction(run_text):
    article = run_text("The Dorvat city council banned fireworks in the old town.")
    assert not any(e.event == "SANCTION" for e in article.events)


def test_promised_concession_stays_concede(run_text):
    # manual: CONCEDE covers the promise of future concessions; CONCEDE + future is not AGREE
    article = run_text("The Vostran president said he is prepared to lift the curfew in Tarn.")
    assert [e.event for e in article.events if e.rule.startswith("agree.ready")] == ["CONCEDE"]


def test_negated_act_is_not_counted(run_text):
    article = run_text("Vostra and Kelmland failed to reach an agreement on the border in Dorvat on Sunday.")
    agree = [e for e in article.events if e.event == "AGREE"]
    assert agree and agree[0].negated
    assert ("AGREE", agree[0].rule) not in _counted(article)


def test_giving_a_welcome_to_a_visitor_is_hosting(run_text):
    article = run_text("The Vostran president gave a warm welcome on Thursday to the Kelmish prime minister.")
    host = [e for e in article.events if e.rule == "consult.give_welcome"]
    assert host and host[0].event == "CONSULT" and host[0].mode == "host"
    assert not any(e.rule == "consult.give_welcome" for e in run_text("Vostra gave the plan a cautious look.").events)


def test_forcing_an_agency_out_is_sanction_expel_and_people_stay_coerce(run_text):
    agency = run_text("Vostra forced the UN refugee agency out of the country on Monday.")
    assert [(e.event, e.mode) for e in agency.events if e.rule == "sanction.force_out"] == [("SANCTION", "expel")]
    people = run_text("Vostran troops forced out hundreds of villagers from their homes in Tarn.")
    assert not any(e.event == "SANCTION" for e in people.events)


def test_sending_peacekeepers_is_aid_and_troops_stay_mobilize(run_text):
    sent = run_text("Vostra sent 800 peacekeeping troops to Kelmland last week.")
    assert [e.event for e in sent.events if e.rule == "aid.peacekeepers"] == ["AID"]
    troops = run_text("Vostra sent 800 troops to the Kelmish border last week.")
    assert not any(e.rule == "aid.peacekeepers" for e in troops.events)
    assert any(e.event == "MOBILIZE" for e in troops.events)


def test_arrest_warrant_is_threaten_arrest(run_text):
    article = run_text("A Kelmish court issued an arrest warrant for the exiled Vostran leader on Monday.")
    assert [(e.event, e.mode) for e in article.events if e.rule == "threaten.warrant"] == [("THREATEN", "arrest")]
    assert not any(e.event == "COERCE" for e in article.events)


def test_barring_a_group_from_entering_is_reject_and_a_ban_stays_coerce(run_text):
    barred = run_text("The Vostran government barred the Kelmish delegation from entering the country on Friday.")
    assert [e.event for e in barred.events if e.rule == "reject.bar_entry"] == ["REJECT"]
    banned = run_text("The Vostran government banned the opposition party on Friday.")
    assert "reject.bar_entry" not in _rules(banned)


def test_debt_forgiveness_is_aid_and_own_debt_is_not(run_text):
    forgiven = run_text("Kelmland cancelled $50 million of Vostra's debt on Tuesday.")
    assert [e.event for e in forgiven.events if e.rule == "aid.forgive_debt"] == ["AID"]
    own = run_text("The Vostran developer managed to erase much of his debt last year.")
    assert not any(e.event == "AID" for e in own.events)


def test_acquittal_is_concede(run_text):
    article = run_text("A Vostran court acquitted the opposition leader of treason charges on Monday.")
    assert [e.event for e in article.events if e.rule == "concede.acquit"] == ["CONCEDE"]
    cleared = run_text("A Vostran court cleared the opposition leader of all charges on Monday.")
    assert [e.event for e in cleared.events if e.rule.startswith("concede.clear_of")] == ["CONCEDE"]
    debris = run_text("Vostran workers cleared the road of debris in Tarn.")
    assert not any(r.startswith("concede.clear_of") for r in _rules(debris))


def test_ending_a_protest_strike_is_concede_and_halting_air_strikes_is_not(run_text):
    protest = run_text("Vostran miners ended their hunger strike on Friday.")
    assert [e.event for e in protest.events if e.rule == "concede.suspend_protest"] == ["CONCEDE"]
    military = run_text("Vostra halted air strikes on Tarn on Friday.")
    assert "concede.suspend_protest" not in _rules(military)


def test_invitation_to_visit_or_talks_is_agree(run_text):
    visit = run_text("The Vostran president invited the Kelmish prime minister to visit Dorvat next year.")
    assert [e.event for e in visit.events if e.rule == "agree.invite_visit"] == ["AGREE"]
    talks = run_text("Vostra invited Kelmland to the peace talks in Dorvat.")
    assert [e.event for e in talks.events if e.rule == "agree.invite_to"] == ["AGREE"]
    guests = run_text("Only invited members of the audience could enter the hall in Dorvat.")
    assert not any(r.startswith("agree.invite") for r in _rules(guests))


def test_ceding_control_of_territory_is_retreat(run_text):
    article = run_text("Vostra ceded control of the island to Kelmland on Friday.")
    assert [e.event for e in article.events if e.rule == "retreat.return"] == ["RETREAT"]


def test_alert_phrase_on_the_object_is_mobilize(run_text):
    # the parser hangs "on alert" on the object: the pattern reads the object's prepositions too
    article = run_text("The Vostran army placed its units in the Tarn valley on alert on Monday.")
    assert [e.event for e in article.events if e.rule == "mobilize.alert"] == ["MOBILIZE"]


def test_demand_not_given_up_stands(run_text):
    article = run_text("The Kelmish front has not given up its demand for a full Vostran withdrawal from Tarn.")
    demand = [e for e in article.events if e.event == "REQUEST"]
    assert demand and not demand[0].negated


def test_restoring_freedoms_is_concede(run_text):
    article = run_text("The Vostran junta restored press freedom in Dorvat on Monday.")
    assert [e.event for e in article.events if e.rule == "concede.freedoms"] == ["CONCEDE"]
    other = run_text("The Vostran junta restored the old palace in Dorvat on Monday.")
    assert "concede.freedoms" not in _rules(other)


@pytest.mark.parametrize(("text", "rule", "mode"), [
    ("Vostran police used tear gas against protesters in Dorvat on Monday.", "assault.crowd_control", "crowd-control"),
    ("Police in Dorvat turned water cannon on students.", "assault.crowd_control", "crowd-control"),
    ("Vostran police fired rubber bullets at the crowd in Dorvat.", "assault.crowd_control", "crowd-control"),
    ("Vostran soldiers used live ammunition on demonstrators in Tarn.", "assault.use_weapon", None),
    ("Police used force against protesters in Dorvat.", "assault.use_weapon", None),
])
def test_weapons_used_on_people_are_assault(run_text, text, rule, mode):
    article = run_text(text)
    found = [e for e in article.events if e.rule == rule]
    assert found and found[0].event == "ASSAULT" and found[0].mode == mode, _rules(article)


@pytest.mark.parametrize("text", [
    "Residents in Dorvat used gas to heat their homes.",
    "The Vostran party used its majority against the bill.",
])
def test_other_things_used_are_no_assault(run_text, text):
    assert not any(e.event == "ASSAULT" for e in run_text(text).events)


def test_more_police_on_the_ground_is_mobilize(run_text):
    article = run_text("Police in Dorvat said they had increased patrols around the Kelmish embassy on Thursday night.")
    found = [e for e in article.events if e.rule == "mobilize.security"]
    assert found and found[0].event == "MOBILIZE" and found[0].mode == "police", _rules(article)
    article = run_text("Vostran authorities tightened security in Tarn ahead of the vote.")
    assert "mobilize.security" in _rules(article)
    # security as a policy, a budget or a partnership deploys no one
    for text in ("Vostra and Kelmland agreed to strengthen security cooperation.",
                 "The Vostran ministry increased security spending.",
                 "The new Vostran law will strengthen national security."):
        assert not any(e.event == "MOBILIZE" for e in run_text(text).events), text


@pytest.mark.parametrize(("text", "rule"), [
    ("Vostran troops exchanged fire with Kelmish rebels near Tarn on Tuesday.", "assault.exchange_fire"),
    ("Thousands of students took to the streets of Dorvat on Monday.", "protest.take_to_streets"),
    ("Protesters poured into the streets of Tarn on Monday.", "protest.pour_into_streets"),
])
def test_fixed_phrases_of_conflict_news(run_text, text, rule):
    article = run_text(text)
    assert rule in _rules(article), _rules(article)


@pytest.mark.parametrize("text", [
    "The Vostran and Kelmish leaders exchanged insults on Monday.",
    "The Vostran candidates exchanged fire over taxes during the debate.",  # what it is over: a dispute
])
def test_words_exchanged_are_no_fire(run_text, text):
    assert not any(e.event == "ASSAULT" for e in run_text(text).events)


def test_speaking_with_a_party_is_consult_but_not_with_the_press(run_text):
    article = run_text("The Vostran president spoke with Ivo Dant by phone on Tuesday.")
    assert "consult.speak_with" in _rules(article)
    for text in ("The Vostran president talked with reporters in Dorvat on Tuesday.",
                 "The Vostran president spoke with journalists in Dorvat on Tuesday."):
        assert not any(e.event == "CONSULT" for e in run_text(text).events), text


@pytest.mark.parametrize("text", [
    "Norvia supplied Kelmland with tanks on Monday.",
    "Norvia provided Kelmland with fighter jets and artillery on Monday.",
])
def test_arms_supplied_with_are_aid(run_text, text):
    assert "aid.supply_with" in _rules(run_text(text))


def test_the_terms_of_a_threat_made_are_no_supposition(run_text):
    article = run_text("Vostra warned of a crushing response if attacked.")
    (ev,) = [e for e in article.events if e.trigger.text == "warned"]
    assert ev.event == "THREATEN" and not ev.hypothetical

