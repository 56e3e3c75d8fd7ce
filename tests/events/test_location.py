"""Tests for eventwire/events/location.py: event_loc from the article's place mentions."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def examples_pipeline():
    from pathlib import Path

    user = Path(__file__).resolve().parents[2] / "examples" / "actors.yaml"
    return Pipeline(Settings(actor_files=[user]))


def run(pipeline: Pipeline, text: str) -> Article:
    (article,) = list(pipeline.process([Article(id="t1", source="test", raw_text=text, date="2024-03-20")]))
    return article


def events_with(article: Article, trigger: str):
    found = [e for e in article.events if e.trigger and e.trigger.text.lower() == trigger]
    assert found, f"no {trigger!r} event among {[(e.event, e.trigger and e.trigger.text) for e in article.events]}"
    return found


def test_place_phrase_of_the_event(examples_pipeline):
    art = run(examples_pipeline, "Vostran troops shelled positions in Tolsk on Monday.")
    (ev,) = events_with(art, "shelled")
    assert ev.event_loc is not None and ev.event_loc.name == "Tolsk" and ev.event_loc.via == "phrase"
    assert ev.event_loc.country == "XAR" and ev.event_loc.start == art.text.index("Tolsk")


def test_place_of_the_clause(examples_pipeline):
    """Unit level: an event triggered by "fighting" takes the place of the clause under it."""
    from eventwire.events.location import locate_events
    from eventwire.model import Cue, Event

    text = "There was heavy fighting as Arvenian forces encircled hospitals in Kelm."
    art = run(examples_pipeline, text)
    start = text.index("fighting")
    art.events = [Event(id="x", article_id="t1", event="ASSAULT", trigger=Cue("fighting", start, start + 8))]
    locate_events(art, examples_pipeline.nlp(art.text))
    loc = art.events[0].event_loc
    assert loc is not None and loc.name == "Kelm" and loc.via == "clause"


def test_dateline_is_the_last_resort(examples_pipeline):
    art = run(examples_pipeline, "Strikes go on\n\nBRENHOLM (Wire) - Vostran jets bombed a depot on Monday.\n\n"
                                 "Officials in Tolsk said nothing.")
    (ev,) = events_with(art, "bombed")
    assert ev.event_loc is not None and ev.event_loc.name == "Brenholm" and ev.event_loc.via == "dateline"


def test_no_location_from_another_sentence(examples_pipeline):
    art = run(examples_pipeline, "Officials met in Kelm on Monday.\n\nLater, Vostran jets bombed a depot.")
    (ev,) = events_with(art, "bombed")
    assert ev.event_loc is None


def test_actor_is_not_the_location(examples_pipeline):
    art = run(examples_pipeline, "Vostra attacked a convoy on Monday.")
    assert all(e.event_loc is None for e in art.events)


def test_addressee_is_not_the_location(examples_pipeline):
    art = run(examples_pipeline, "The Vostran People's Front called on Arvenia to release the prisoners.")
    requests = [e for e in art.events if e.event == "REQUEST"]
    assert requests and all(e.event_loc is None for e in requests)


def test_an_organisation_of_the_dictionary_is_no_town_of_its_name(examples_pipeline):
    # "the Continental Union" is an organisation (examples/actors.yaml), not Union, New Jersey
    art = run(examples_pipeline, "Vostra raised its complaint at the Continental Union on Monday.")
    (ev,) = events_with(art, "complaint")
    assert ev.event_loc is None or ev.event_loc.country != "USA"
    assert "USA" not in {e.code for e in ev.actor + ev.recipient}


def test_a_place_in_what_is_asked_is_not_where_it_was_asked(examples_pipeline):
    art = run(examples_pipeline, "The armed group urged students to occupy campuses until the army halts its "
                                 "campaign in the Maren Valley.")
    (ev,) = events_with(art, "urged")
    assert ev.event_loc is None
    # the place of the clause that says it still is: "in Tolsk, the group urged ..."
    art = run(examples_pipeline, "At a rally in Tolsk, the armed group urged students to occupy campuses.")
    (ev,) = events_with(art, "urged")
    assert ev.event_loc is not None and ev.event_loc.name == "Tolsk"


@pytest.mark.parametrize(("text", "trigger", "place"), [
    # sanctions fall on a party from afar: "on Arvenia" names whom, not where
    ("The Continental Union imposed sanctions on Arvenia on Monday.", "imposed", None),
    # a physical act happens where it lands, a site struck too
    ("Vostran troops carried out strikes on Tolsk on Monday.", "strikes", "Tolsk"),
    ("Vostran jets carried out strikes on the Tolsk airport on Monday.", "strikes", "Tolsk"),
    # "on" a topic or a text names what it is about
    ("Vostran and Callisian officials held talks on the Tolsk crisis on Monday.", "talks", None),
    ("Vostra vetoed the Continental Union resolution on Arvenia on Monday.", "vetoed", None),
    # a place in the phrase of another verb "and" joins is that verb's
    ("The Vostran foreign minister condemned the raid and called on Callis to halt its arms sales to Arvenia.",
     "condemned", None),
])
def test_what_on_and_other_phrases_say_of_the_place(examples_pipeline, text, trigger, place):
    (ev,) = events_with(run(examples_pipeline, text), trigger)
    assert (ev.event_loc.name if ev.event_loc is not None else None) == place


def test_a_sanction_names_the_party_it_is_aimed_at(examples_pipeline):
    (ev,) = events_with(run(examples_pipeline, "The Continental Union imposed sanctions on Arvenia on Monday."),
                        "imposed")
    assert ev.event == "SANCTION" and "XAR" in {e.code for e in ev.recipient}
