"""Semantic classes (agents.py), selectional restrictions (restrictions.py) and evidence
(evidence.py): unit checks on words and hand-built docs, then fixture sentences we wrote
through the full pipeline."""

from __future__ import annotations

import pytest

from eventwire.events import agents, evidence
from eventwire.events.config import min_confidence

from .handbuilt import build


@pytest.mark.parametrize("lemma, cls", [
    ("earthquake", "force"), ("flood", "force"), ("storm", "force"), ("senator", "agent"), ("police", "agent"),
    ("ministry", "agent"), ("forces", "agent"), ("bomb", "weapon"), ("bombing", "act"), ("report", "info"),
    ("claim", "info"), ("tank", "thing"), ("park", "place"),
])
def test_noun_classes_from_wordnet_and_institutions(lemma, cls):
    assert agents.noun_class(lemma) == cls


@pytest.mark.parametrize("lemma, cls", [
    # a compound written solid where WordNet hyphenates it, or that WordNet lacks: its head's class
    ("ceasefire", "other"), ("airstrike", "act"), ("policymaker", "agent"), ("frontrunner", "agent"),
    # no head among known nouns: still unknown
    ("livestream", "unknown"),
])
def test_noun_classes_of_solid_compounds(lemma, cls):
    assert agents.noun_class(lemma) == cls


def test_verbnet_agent_only_verbs():
    assert agents.verb_needs_agent("prohibit")  # VerbNet: Agent [+animate | +organization] only
    assert not agents.verb_needs_agent("kill")  # admits an Instrument or a Cause as subject
    assert not agents.verb_needs_agent("frobnicate")


def test_token_class_of_pronouns_numbers_and_places():
    # "They killed 23 in Dorvat ."
    doc = build([("They", 1, "nsubj", "PRON", "PRP", "they"), ("killed", 1, "ROOT", "VERB", "VBD", "kill"),
                 ("23", 1, "dobj", "NUM", "CD", "23"), ("in", 1, "prep", "ADP", "IN", "in"),
                 ("Dorvat", 3, "pobj", "PROPN", "NNP", "Dorvat"), (".", 1, "punct", "PUNCT", ".", ".")],
                ents=[(2, 3, "CARDINAL"), (4, 5, "GPE")])
    assert agents.token_class(doc[0]) == "agent"
    assert agents.token_class(doc[2]) == "unknown"  # a count of people
    assert agents.token_class(doc[4]) == "place"  # "in Dorvat" is where, not who


def test_question_is_no_request():
    # "Reporters asked whether he would resign ."
    doc = build([("Reporters", 1, "nsubj", "NOUN", "NNS", "reporter"), ("asked", 1, "ROOT", "VERB", "VBD", "ask"),
                 ("whether", 5, "mark", "SCONJ", "IN", "whether"), ("he", 5, "nsubj", "PRON", "PRP", "he"),
                 ("would", 5, "aux", "AUX", "MD", "would"), ("resign", 1, "ccomp", "VERB", "VB", "resign"),
                 (".", 1, "punct", "PUNCT", ".", ".")])
    assert evidence._is_question(doc[1])


def test_imperative_opens_its_sentence():
    doc = build([("Cancel", 0, "ROOT", "VERB", "VB", "cancel"), ("the", 2, "det", "DET", "DT", "the"),
                 ("meeting", 0, "dobj", "NOUN", "NN", "meeting"), ("!", 0, "punct", "PUNCT", ".", "!")])
    assert evidence.imperative(doc[0])
    doc2 = build([("They", 1, "nsubj", "PRON", "PRP", "they"), ("cancel", 1, "ROOT", "VERB", "VBP", "cancel"),
                  ("meetings", 1, "dobj", "NOUN", "NNS", "meeting")])
    assert not evidence.imperative(doc2[1])


@pytest.mark.parametrize("title, text, kind", [
    ("Vostra beat Kelmland in cup final", "The striker scored twice as the team won the cup final before 40,000 fans "
     "at the national stadium, and the coach praised the league champions.", "sport"),
    ("Arno Tesk, poet, dies at 88", "Arno Tesk, whose poems were remembered at his funeral on Friday, died aged 88. "
     "Tributes praised his career and his legacy.", "obituary"),
])
def test_story_filter_sets_aside_non_political_stories(title, text, kind):
    reason = evidence.story_filter(title, text)
    assert reason is not None and reason.startswith(kind)


def test_story_filter_keeps_political_news():
    assert evidence.story_filter("Vostra imposes curfew", "The Vostran government imposed a curfew in Tarn after "
                                 "police clashed with protesters, officials said.") is None


pytestmark_slow = pytest.mark.slow


def _counted(article):
    thr = min_confidence()
    return [e for e in article.events if e.confidence >= thr]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "A magnitude 6.4 earthquake struck northern Dorvat on Tuesday, killing eight people.",
    "Floods hit the southern provinces of Kelmland after a week of heavy rain.",
    "Eight people were killed in the earthquake.",
    "The constitution prohibits any president from serving more than two terms.",
    "The publisher released the memoir in March.",
    "The report supports their claim that prices rose faster than wages.",
    "Lawmakers attacked loopholes in the tax code.",
    "Reporters asked whether the minister would run again.",
    "Would the party ever accept a coalition with the nationalists?",
    "He vowed not to repeat that mistake.",
    "The senator agreed that the rules should change.",
    "The party did not respond to requests for comment.",
    "Vostra beat Kelmland 2-1 in the final to capture the regional cup.",
    "The candidate said the debate should wait until after the election.",
    "Vostra should sue Kelmland over the dam.",
    "Kelmland must expel the Vostran ambassador to punish the raid.",
    "Kelmland will probably reject the Vostran proposal.",
    "If Lund becomes president, Vostra would probably host the talks with Kelmland.",
    "The Vostran president said his government would probably meet Kelmish envoys next week.",
    "On this week's podcast, Ilya Marn shares his experiences covering the Vostran parliament.",
    # a programme named with a preposition is still a policy, not a party
    "A poll released on Monday showed a majority of Americans support Medicare for All.",
])
def test_no_counted_event(run_text, text):
    article = run_text(text)
    assert _counted(article) == [], [(e.event, e.rule, e.confidence) for e in article.events]


@pytest.mark.slow
def test_a_clause_about_the_subject_names_no_actor(run_text):
    # the mayor described the blast; he did not cause it
    article = run_text("Nine people were injured in Tarn by an explosion that Mayor Ilse Varga described "
                       "as a deliberate act.")
    (blast,) = [e for e in article.events if e.event == "ASSAULT"]
    assert not any("Varga" in (a.entity_text or "") or "Ilse" in (a.entity_text or "") for a in blast.actor)
    assert blast.confidence < min_confidence()


@pytest.mark.slow
def test_the_source_of_a_series_of_statements_is_their_actor(run_text):
    article = run_text("The Vostran foreign ministry issued a series of statements condemning the Kelmish blockade.")
    (accuse,) = [e for e in article.events if e.event == "ACCUSE"]
    assert any("ministry" in (a.entity_text or "") for a in accuse.actor)


@pytest.mark.slow
def test_dropped_candidates_say_why(run_text):
    article = run_text("The constitution prohibits any president from serving more than two terms.")
    reasons = [r["reason"] for r in article.meta["events_rejected"]]
    assert any("constitution" in r for r in reasons)


@pytest.mark.slow
def test_a_call_absorbs_what_it_calls_for(run_text):
    article = run_text("Opposition leaders in Vostra called for an inquiry into the shooting.")
    assert [e.event for e in article.events] == ["REQUEST"]  # no ASSAULT for "the shooting", no ACCUSE


@pytest.mark.slow
def test_quoted_imperative_is_a_request(run_text):
    article = run_text('"Release the prisoners," the Vostran president told the rebels on Monday.')
    found = [e for e in article.events if e.rule.endswith("+imperative")]
    assert found and found[0].event == "REQUEST" and found[0].requested["event"] == "RETREAT"


@pytest.mark.slow
def test_event_noun_needs_occurrence_evidence(run_text):
    article = run_text("The deal is a topic of debate. Vostran troops launched an attack on Tarn on Monday.")
    feats = article.meta["event_evidence"]
    by_trigger = {e.trigger.text: feats[e.id] for e in article.events}
    assert "mention" in by_trigger["deal"]
    assert "occurrence" in by_trigger["attack"]


@pytest.mark.slow
def test_person_country_not_from_a_target_country(run_text):
    article = run_text("Senator Kaspar Lund called on the president to retaliate against Russia.")
    (call,) = [e for e in article.events if e.event == "REQUEST"]
    assert "RUS" not in {a.code for a in call.actor}


@pytest.mark.slow
def test_place_homonym_follows_the_article(run_text):
    text = ("The Republican senator from Georgia accused the governor of lying. The Atlanta county commission "
            "and the state senate met on Friday.")
    article = run_text(text)
    codes = {a.code for e in article.events for a in e.actor + e.recipient if "Georgia" in (a.entity_text or "")}
    assert "GEO" not in codes


def test_title_case_headline_words_keep_their_class():
    # "Limited Tools To Fight Terrorism Abroad" : capitals of a headline are no names
    doc = build([("Limited", 1, "amod", "PROPN", "NNP", "Limited"), ("Tools", 1, "ROOT", "PROPN", "NNPS", "Tools"),
                 ("To", 3, "aux", "PART", "TO", "to"), ("Fight", 1, "acl", "VERB", "VB", "fight"),
                 ("Terrorism", 3, "dobj", "PROPN", "NNP", "Terrorism"), ("Abroad", 3, "advmod", "ADV", "RB", "abroad")])
    assert agents.token_class(doc[4]) == "act"


def test_an_object_placed_at_a_place_is_a_site():
    # "Gunmen attacked a market in Rask ." : the market is where the attack hit, not the commercial world
    doc = build([("Gunmen", 1, "nsubj", "NOUN", "NNS", "gunman"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
                 ("a", 3, "det", "DET", "DT", "a"), ("market", 1, "dobj", "NOUN", "NN", "market"),
                 ("in", 1, "prep", "ADP", "IN", "in"), ("Rask", 4, "pobj", "PROPN", "NNP", "Rask"),
                 (".", 1, "punct", "PUNCT", ".", ".")], ents=[(5, 6, "GPE")])
    assert agents.sited(doc[1])
    # "The news hit the market on Monday ." : a time, not a place
    doc = build([("news", 1, "nsubj", "NOUN", "NN", "news"), ("hit", 1, "ROOT", "VERB", "VBD", "hit"),
                 ("market", 1, "dobj", "NOUN", "NN", "market"), ("on", 1, "prep", "ADP", "IN", "on"),
                 ("Monday", 3, "pobj", "PROPN", "NNP", "Monday"), (".", 1, "punct", "PUNCT", ".", ".")],
                ents=[(4, 5, "DATE")])
    assert not agents.sited(doc[1])


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Lawmakers in Dorvat battled over the budget for most of the week.",
    "Investors are fighting over the future of the Kelmish airline.",
])
def test_a_fight_over_a_budget_is_a_dispute(run_text, text):
    article = run_text(text)
    assert not [e for e in article.events if e.event == "ASSAULT"]
    assert any("dispute" in r["reason"] for r in article.meta["events_rejected"])


@pytest.mark.slow
def test_a_fight_over_a_town_is_an_assault(run_text):
    article = run_text("Vostran troops fought over the town of Tarn with Kelmish rebels.")
    assert [e for e in article.events if e.event == "ASSAULT"]


@pytest.mark.slow
def test_a_press_conference_is_no_consultation(run_text):
    article = run_text("The Vostran foreign minister held a press conference in Keld on Friday.")
    assert not [e for e in article.events if e.event == "CONSULT"]
    article = run_text("The Vostran foreign minister held a meeting with Kelmish envoys in Keld on Friday.")
    assert [e for e in article.events if e.event == "CONSULT"]


@pytest.mark.slow
def test_a_statement_before_a_vow_is_not_what_is_vowed(run_text):
    article = run_text("Kelmish leaders denounce the Vostran missile test; others vow consequences.")
    assert [e.event for e in article.events] == ["ACCUSE"]
    assert not any(">" in e.rule for e in article.events)
    article = run_text('"We will attack the bridge," the rebel commander vowed.')
    assert [(e.event, e.rule) for e in article.events] == [("THREATEN", "agree.intent>assault")]


@pytest.mark.slow
def test_agreeing_to_do_something_is_an_agreement(run_text):
    article = run_text("The Vostran government agreed to set up a joint border commission with Kelmland.")
    assert [e.event for e in article.events] == ["AGREE"]
    article = run_text("The senator agreed that the rules should change.")
    assert not article.events


def test_phrase_tokens_leave_out_a_coordinated_predicate():
    # "campaign of being duped and urge voters": the second predicate is not part of the phrase
    from eventwire.events.restrictions import phrase_tokens

    doc = build([("campaign", 0, "ROOT", "NOUN", "NN", "campaign"), ("of", 0, "prep", "ADP", "IN", "of"),
                 ("being", 3, "auxpass", "AUX", "VBG", "be"), ("duped", 1, "pcomp", "VERB", "VBN", "dupe"),
                 ("and", 3, "cc", "CCONJ", "CC", "and"), ("urge", 3, "conj", "VERB", "VB", "urge"),
                 ("voters", 5, "dobj", "NOUN", "NNS", "voter")])
    assert [t.text for t in phrase_tokens(doc[0])] == ["campaign", "of", "being", "duped", "and"]


def test_a_place_noun_of_an_act_or_condition_is_no_place():
    from eventwire.events.agents import token_class

    # "declared a state of emergency" / "entered the state of Ohio"
    doc = build([("declared", 0, "ROOT", "VERB", "VBD", "declare"), ("a", 2, "det", "DET", "DT", "a"),
                 ("state", 0, "dobj", "NOUN", "NN", "state"), ("of", 2, "prep", "ADP", "IN", "of"),
                 ("emergency", 3, "pobj", "NOUN", "NN", "emergency")])
    assert token_class(doc[2]) == "other"
    plain = build([("entered", 0, "ROOT", "VERB", "VBD", "enter"), ("the", 2, "det", "DET", "DT", "the"),
                   ("state", 0, "dobj", "NOUN", "NN", "state")])
    assert token_class(plain[2]) == "place"


def test_a_plural_only_noun_is_read_from_its_own_form():
    from eventwire.events.agents import token_class

    # the lemmatiser may cut "earnings" to "earning", which WordNet does not hold as a noun of that sense
    doc = build([("released", 0, "ROOT", "VERB", "VBD", "release"), ("its", 2, "poss", "PRON", "PRP$", "its"),
                 ("earnings", 0, "dobj", "NOUN", "NNS", "earning")])
    assert token_class(doc[2]) not in ("unknown", "agent")


@pytest.mark.slow
@pytest.mark.parametrize("text, event", [
    ("A militia that called itself the Free Army attacked a convoy near Tarn.", "ACCUSE"),
    ("The minister defended himself against the charges on Monday.", "SUPPORT"),
])
def test_a_reflexive_object_leaves_no_second_party(run_text, text, event):
    article = run_text(text)
    assert not [e for e in article.events if e.event == event]
    assert any("the doer itself" in r["reason"] for r in article.meta["events_rejected"])


@pytest.mark.slow
def test_a_share_of_a_population_is_a_poll_figure_not_an_actor(run_text):
    for text in ("Nearly 60 percent of Vostrans now support the new tax plan, a survey found.",
                 "The share of voters who back the plan has fallen, a poll found."):
        counted = [e for e in run_text(text).events if e.event == "SUPPORT" and e.confidence >= min_confidence()]
        assert not counted, text
    # a fraction of a group doing something is an act ("a third of the guerrillas have been demobilized")
    assert not agents.statistic(build([("third", 0, "ROOT", "NOUN", "NN", "third"),
                                       ("of", 0, "prep", "ADP", "IN", "of"),
                                       ("rebels", 1, "pobj", "NOUN", "NNS", "rebel")])[2])


@pytest.mark.slow
@pytest.mark.parametrize("text, event", [
    ("Police in Dorvat are searching for a blue car seen near the border.", "COERCE"),  # a hunt, not a search
    ("The minister's impatience now threatens to undo the reforms of the last ten weeks.", "THREATEN"),  # a risk
    ("A president out of control, abusing government power to achieve his ends.", "ASSAULT"),  # misuse
    ("The columnist blows up the senator's lies about the plan.", "ASSAULT"),  # a rebuttal
    ("The senator blew away the field in the primary.", "ASSAULT"),  # a rout
    ("Democrats seized upon the issue to capture control of the House.", "ASSAULT"),  # control is no target
    ("Dorn would be pleased with the strong jobs data released Friday, the president said.", "RETREAT"),
    ("The epidemic is offering reformers an opportunity to make their case.", "AGREE"),  # a prospect
    ("Senator Varga, who supports the border tax, spoke to farmers in Tarn.", "SUPPORT"),  # a stance
    ("The governor has made matters worse by supporting the new fee schedule.", "SUPPORT"),  # conduct described
    ("The agency warned on Monday that thousands of people had been displaced by the fighting.", "THREATEN"),
    ("The city council declared a climate emergency last year.", "COERCE"),  # a priority, no coercion
    ("The senator said the plan would require large tax increases.", "REQUEST"),  # a need
    ("Activists continued to push a narrative that the vote was rigged.", "REQUEST"),  # promotion of a view
    ("The minister would forgive up to $5,000 for each farmer.", "SUPPORT"),  # a debt cancelled
    ("The study warned of serious consequences for the economy.", "THREATEN"),  # a forecast
    ("Farmers in Tarn view the minister's remarks as a personal attack.", "ASSAULT"),  # a label
    ("Protesters burned a Vostran flag outside the embassy on Monday.", "ASSAULT"),  # a protest
    ("Dorn blew away everyone in the primary, from governors to senators.", "ASSAULT"),  # a rout
    ("The attack in Tarn has also put new pressure on the minister.", "REQUEST"),  # a consequence
    ("His latest outburst only reaffirms that he is unfit for office.", "SUPPORT"),  # an assertion
    ("Thousands of migrants left Varn in search of work.", "COERCE"),  # a quest, not a search
    ("Senator Varga is seeking re-election in Tarn this year.", "REQUEST"),  # running for office
    ("Many people in Tarn struggle when seeking a home.", "REQUEST"),  # looking for a place
    ("The minister has encouraged a culture of impunity in the police.", "REQUEST"),  # fostered, not asked
    # a simple present in a relative clause describes a party
    ("Legislators who sneer at parents and call for vaccine mandates erode trust in Tarn.", "REQUEST"),
    ("Mara Lind is an activist who supports the rebels in Tarn.", "SUPPORT"),
    # her own campaign: a party named in the subject's relative clause is no target
    ("Mara Lind, the guru who warned of the dark force unleashed by President Anton Dorn, suspended her "
     "campaign on Friday.", "SANCTION"),
    ("The party has whipped itself into a frenzy over the tax.", "ASSAULT"),  # a state reached
    ("Protesters defaced the Varga monument early Friday with arrows.", "COERCE"),  # vandalism, no hacking
    ("Senator Holm called for eliminating the Federal Reserve Board in a town hall in Tarn on Monday.",
     "ASSAULT"),  # an abolition
    ("Holm's agenda included supporting the Clean Rivers Act.", "SUPPORT"),  # a position held
    ('The Varga government\'s backing of "economic freedom" drew criticism.', "SUPPORT"),  # a stance
    ("A majority of voters still approving of his performance, the senator pressed on.", "AGREE"),  # an opinion
    ("In March, Holm was driving a delivery truck when he struck a nine-year-old girl crossing the road in Tarn.",
     "ASSAULT"),  # a road collision
    ("A van struck two cyclists in central Varn on Monday.", "ASSAULT"),
    ("Critics of the water program warn that, if elected, Maria Varga will flood the market with cheap grain.",
     "THREATEN"),  # a forecast of another's act
    ("The harshest attack on Senator Varga was published in the Tarn Courier on Wednesday.", "ASSAULT"),  # words
    # a stance held or describing a party; a date inside a relative clause is not the verb's own
    ("The millions of Vostrans supporting Varga are angry.", "SUPPORT"),
    ("Groups opposing the border tax rallied in Tarn on Monday.", "REJECT"),
    ("Holm has long opposed the war in Tarn.", "REJECT"),
    ("Holm generally supported the rebels during his time at the Courier, which dismissed him in 2015.", "SUPPORT"),
    # a result in a contest; a show hosts no one; a contest in words; a source withholding details
    ("Senator Holm beat three rivals in the primary for a House seat on Tuesday.", "ASSAULT"),
    ("Senator Holm beat the incumbent on Tuesday.", "ASSAULT"),
    ("The Kelmish Front hosted an anti-war rally on Monday.", "CONSULT"),
    ("A push by Kelmish lawmakers to loosen the rules is erupting into a fierce partisan clash.", "ASSAULT"),
    ("The Vostran ministry declined to offer details beyond the statement on Monday.", "REJECT"),
    # a question on a topic; a refusal to exclude keeps the option open
    ("Asked by the Tarn Courier about his plan to cut taxes, Holm did not address the question.", "REQUEST"),
    ("Holm is refusing to rule out scrapping the border tax, arguing it remains to be seen.", "REJECT"),
    # an idiom of going out; a standing rule says what is required or barred
    ("From the moment protesters started to hit the streets on Monday, the president was angry.", "ASSAULT"),
    ("The lawsuit argued that the Vostran Constitution requires Senator Holm to enforce the law.", "REQUEST"),
    ("The new policy bars Kelmish farmers from entering Vostra.", "COERCE"),
    # a discharge from medical care
    ("The Tarn hospital released Senator Holm on Friday.", "RETREAT"),
    ("Doctors released the Vostran president after tests on Friday.", "RETREAT"),
    # a body's standing remit
    ("The Tarn electoral office monitors elections in Kelmland.", "ACCUSE"),
])
def test_a_sense_restriction_rules_out_the_figurative_or_other_use(run_text, text, event):
    assert not [e for e in run_text(text).events if e.event == event]


def test_a_published_attack_about_force_is_still_words(run_text):
    art = run_text("The sharpest attack yet on Senator Varga and on military action against farmers was published "
                   "in the Tarn Courier.")
    assert [e.event for e in art.events if e.trigger.text == "attack"] == ["ACCUSE"]


@pytest.mark.slow
@pytest.mark.parametrize("text, event", [
    ("Police searched the house of the opposition leader in Dorvat.", "COERCE"),
    ("The rebels threatened to attack the capital.", "THREATEN"),
    ("Guards abused the prisoners at the camp.", "ASSAULT"),
    ("Militants blew up a bridge near Tarn.", "ASSAULT"),
    ("The rest of the soldiers surrendered to the rebels.", "RETREAT"),
    ("Vostra and Kelmland support the government in Tarn.", "SUPPORT"),  # a party backed
    ("Senator Varga backs border tax", "SUPPORT"),  # a headline's present is a past act
    ("Senator Varga backed the border tax on Monday.", "SUPPORT"),
    ("Vostra warned that its troops would return fire.", "THREATEN"),
    ("The junta declared a state of emergency in Tarn.", "COERCE"),
    ("The council required Vostra to disclose its weapons stocks.", "REQUEST"),
    ("Unions pushed the ministry to raise wages.", "REQUEST"),
    ("The president has forgiven the rebels.", "SUPPORT"),
    ("Protesters burned a Vostran flag outside the embassy on Monday.", "PROTEST"),
    ("Kelmland put pressure on Vostra to release the prisoners.", "REQUEST"),
    ("Vostra reaffirmed its support for the accord on Monday.", "SUPPORT"),
    ("Police carried out a search of the minister's house in Tarn on Monday.", "COERCE"),
    ("Vostra sought talks with Kelmland on Monday.", "REQUEST"),
    ("Vostra encouraged Kelmland to join the talks on Monday.", "REQUEST"),
    ("The rebels who attacked the convoy on Monday fled to Tarn.", "ASSAULT"),
    ("Hackers defaced the ministry website on Friday.", "COERCE"),
    ("The militants blew themselves up at a checkpoint in Tarn on Monday.", "ASSAULT"),
    ("Special forces eliminated three militants in Tarn on Monday.", "ASSAULT"),
    ("Holm's agenda included supporting the rebels in Tarn.", "SUPPORT"),  # a party backed
    ("An attacker deliberately drove a van into a crowd in Varn, killing five people.", "ASSAULT"),
    ("The Tarn ministry warned that Maria Holm would face consequences if she crossed the border.", "THREATEN"),
    ("Vostra warned that it would retaliate against any incursion.", "THREATEN"),
    ("Holm supported the rebels during the vote in 2015.", "SUPPORT"),  # dated: an act
])
def test_the_literal_use_stays(run_text, text, event):
    assert [e for e in run_text(text).events if e.event == event]


def test_an_attribute_takes_no_agency_from_its_owner():
    from eventwire.model import Entity

    # "Dorn 's impatience threatens ...": the code of the owner does not make the feeling an agent
    doc = build([("Dorn", 2, "poss", "PROPN", "NNP", "Dorn"), ("'s", 0, "case", "PART", "POS", "'s"),
                 ("impatience", 3, "nsubj", "NOUN", "NN", "impatience"),
                 ("threatens", 3, "ROOT", "VERB", "VBZ", "threaten")])
    owner = Entity(entity_text="Dorn 's impatience", name="Dorn", code="QVO", source="dictionary", type="PERSON")
    assert agents.token_class(doc[2], owner) == "other"
    troops = build([("Vostran", 1, "amod", "ADJ", "JJ", "vostran"), ("tanks", 2, "nsubj", "NOUN", "NNS", "tank"),
                    ("fired", 2, "ROOT", "VERB", "VBD", "fire")])
    tanks = Entity(entity_text="Vostran tanks", name="Vostra", code="QVO", source="dictionary", type="NORP")
    assert agents.token_class(troops[1], tanks) == "agent"  # "Israeli tanks fired": metonymy for the army


@pytest.mark.slow
@pytest.mark.parametrize("text, mobilizes", [
    ("Vostran troops are preparing to storm the city of Tarn.", True),
    ("Kelmland is preparing for war with Vostra.", True),
    ("Anti-vaccine activists are gearing up for a fight against any new vaccine.", False),
    ("The senators are gearing up to turn the budget into a key issue for the elections.", False),
])
def test_a_preparation_mobilises_only_for_a_use_of_force(run_text, text, mobilizes):
    found = [e for e in run_text(text).events if e.event == "MOBILIZE"]
    assert bool(found) == mobilizes


@pytest.mark.slow
def test_a_verbal_attack_on_a_party_s_adherents_is_criticism(run_text):
    text = "Senator Varga unleashed a fierce attack on his Republican rivals during a rally on Friday."
    events = run_text(text).events
    assert [e.event for e in events] == ["ACCUSE"]
    assert events[0].rule.endswith("+verbal")


@pytest.mark.slow
def test_an_event_noun_as_subject_of_a_modal_is_supposed(run_text):
    (ev,) = [e for e in run_text("Analysts said a withdrawal from Tarn would embolden the rebels.").events
             if e.event == "RETREAT"]
    assert ev.hypothetical and ev.confidence < min_confidence()



@pytest.mark.slow
def test_a_word_of_a_place_name_is_no_owner_of_the_act(run_text):
    # "United" modifies "States", not the violence: the killing has no actor, so it is not counted
    text = ("With more than 3,000 residents killed by gun violence across the United States last year, Vostran "
            "officials are pointing to inaction.")
    events = [e for e in run_text(text).events if e.event == "ASSAULT"]
    assert events and all(e.confidence < min_confidence() for e in events)
    assert not any(a.entity_text == "United" for e in events for a in e.actor)


@pytest.mark.slow
def test_a_law_or_programme_named_like_an_organisation_is_no_party(run_text):
    # (a present stance towards the programme is no event at all: no recipient either way)
    events = [e for e in run_text("A poll showed a majority of Vostrans support Medicare for All.").events
              if e.event == "SUPPORT"]
    assert not [r for e in events for r in e.recipient]
    events = [e for e in run_text("Senator Holm praised the Clean Rivers Act on Monday.").events
              if e.event == "SUPPORT"]
    assert events and not [r for e in events for r in e.recipient]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Holm, who advocates for killing captured rebels in Tarn, spoke on Monday.",
    "The senator supports bombing the rebel depots.",
])
def test_an_act_argued_for_is_hypothetical(run_text, text):
    events = [e for e in run_text(text).events if e.event == "ASSAULT"]
    assert events and all(e.hypothetical and e.confidence < min_confidence() for e in events)


@pytest.mark.slow
def test_sharing_is_cooperation_with_a_partner(run_text):
    (ev,) = _counted(run_text("Vostran intelligence officials have shared evidence with Kelmland about the plot."))
    assert ev.event == "COOPERATE"



def test_verbnet_says_which_verbs_take_no_object():
    from eventwire.events.agents import takes_no_object

    assert takes_no_object("protest") and takes_no_object("abstain")
    assert not takes_no_object("kill") and not takes_no_object("arrest")
    assert not takes_no_object("zzyzx")  # a verb VerbNet does not know: no claim
    # a member of a subclass takes its parent's frames too: "donate" (contribute-13.2-1-1, whose own frame is
    # intransitive) has contribute-13.2's "NP V NP PP.recipient"
    assert not takes_no_object("donate") and not takes_no_object("administer")


def test_monitoring_on_a_day_is_an_act(run_text):
    art = run_text("Observers from the Tarn electoral office monitored the vote in Kelmland on Sunday.")
    assert [e.event for e in art.events if e.trigger.text == "monitored"] == ["ACCUSE"]


def test_carers_released_by_captors_are_freed(run_text):
    art = run_text("Kelmish rebels released two Vostran doctors in Tarn on Friday.")
    assert [e.event for e in art.events if e.trigger.text == "released"] == ["RETREAT"]


def test_a_surname_opening_the_sentence_is_a_name_not_a_thing(run_text):
    # the parser tags "Mills" as a plural noun (a mill is a building): urging is done by people
    art = run_text("Mills urged his supporters to vote for the mayor.")
    assert [e.event for e in art.events if e.trigger.text == "urged"] == ["REQUEST"]
