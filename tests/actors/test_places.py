"""Tests for eventwire/actors/places.py."""

from __future__ import annotations

import pytest

from eventwire.actors.places import resolve_place
from eventwire.pipeline import Context
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def ctx():
    return Context(Settings())


def test_resolve_place_gazetteer_city(ctx):
    place = resolve_place("Istanbul", ctx)
    assert (place.code, place.level) == ("TUR", "city") and place.geonames_id and place.lat is not None


def test_resolve_place_our_addition(ctx):
    place = resolve_place("the southern Gaza city of Khan Younis", ctx)
    assert (place.name, place.code, place.level) == ("Khan Younis", "PSE", "city")
    assert resolve_place("al-Shifa hospital", ctx).level == "site"


def test_resolve_place_alias_for_region(ctx):
    place = resolve_place("Judea and Samaria", ctx)
    assert (place.name, place.code, place.level) == ("West Bank", "PSE", "region")


def test_resolve_place_country(ctx):
    place = resolve_place("Armenia", ctx)  # the country, not the Colombian city of the same name
    assert (place.code, place.level) == ("ARM", "country")


def test_resolve_place_comma_country_picks_homonym(ctx):
    assert resolve_place("Tripoli, Lebanon", ctx).code == "LBN"


def test_a_division_named_after_a_town_is_read_whole(ctx):
    # "New York" is not York, England, nor "North Carolina" the town of Carolina in Puerto Rico
    assert resolve_place("New York", ctx).code == "USA"
    assert resolve_place("North Carolina", ctx).code == "USA"
    assert resolve_place("York", ctx).code == "GBR"


def test_resolve_place_unknown(ctx):
    assert resolve_place("nowhere in particular", ctx) is None


# ---- every place mention of an article (find_places via the actors stage) ----------------------------------

@pytest.fixture(scope="module")
def actors_only():
    from eventwire.pipeline import Pipeline

    return Pipeline(Settings(doc_stages=["actors"]))


@pytest.fixture(scope="module")
def with_examples():
    from pathlib import Path

    from eventwire.pipeline import Pipeline

    user = Path(__file__).resolve().parents[2] / "examples" / "actors.yaml"
    return Pipeline(Settings(doc_stages=["actors"], actor_files=[user]))


def places_of(pipeline, text: str):
    from eventwire.model import Article

    (article,) = list(pipeline.process([Article(id="t1", source="test", raw_text=text, date="2024-03-20")]))
    return article


def place(article, text: str, nth: int = 0):
    found = [p for p in article.places if p.text == text]
    assert len(found) > nth, f"{text!r} not among {[p.text for p in article.places]}"
    return found[nth]


def test_state_after_comma_picks_the_town(actors_only):
    art = places_of(actors_only, "Police closed a park in Alexandria, Virginia, on Sunday after a shooting.")
    alex = place(art, "Alexandria")
    assert (alex.country, alex.admin1, alex.via) == ("USA", "Virginia", "qualifier")
    assert place(art, "Virginia").feature == "A.ADM1"


def test_paris_texas_and_paris(actors_only):
    art = places_of(actors_only, "The band played in Paris, Texas, before flying to Paris for the festival.")
    assert place(art, "Paris").admin1 == "Texas"
    assert place(art, "Paris", 1).country == "FRA"


def test_town_in_region_qualifier(actors_only):
    art = places_of(actors_only, "Tanks massed near Rafah in southern Gaza on Monday.")
    rafah = place(art, "Rafah")
    assert rafah.country == "PSE" and rafah.lat is not None


def test_news_style_state_abbreviation_and_dateline(actors_only):
    art = places_of(actors_only, "Storm hits town\n\nFLINT, Mich. (AP) - Residents of Flint, Mich., cleaned up.")
    first = art.places[0]
    assert (first.text, first.admin1, first.via) == ("FLINT", "Michigan", "qualifier")
    assert place(art, "Mich.").name == "Michigan"
    assert art.meta["dateline"] == [first.start, first.end]


def test_article_context_picks_the_homonym(actors_only):
    art = places_of(actors_only, "Governors of Ohio and Indiana met on Tuesday. Later the mayor of Columbus "
                                 "joined them and the group toured Georgia's farms.")
    assert place(art, "Columbus").admin1 == "Ohio"


def test_demonyms_and_organisations_are_not_places(actors_only):
    art = places_of(actors_only, "The Washington Post and The New York Times reported that Israeli and "
                                 "American officials met the Tulsa Police Department in Tulsa.")
    texts = [p.text for p in art.places]
    assert "Tulsa" in texts
    assert not {"Israeli", "American", "Washington", "New York", "Washington Post"} & set(texts)


def test_first_name_before_country_is_a_person(actors_only):
    art = places_of(actors_only, "Rep. Jim Jordan (R-Ohio) said that Jordan would not vote. Jordan said so.")
    texts = [p.text for p in art.places]
    assert texts == ["Ohio"]


def test_unknown_place_kept_with_reason(actors_only):
    art = places_of(actors_only, "Fighting spread to Zyxqoria and to Kabul on Sunday.")
    unknown = [p for p in art.places if p.name is None]
    assert unknown and unknown[0].reason and unknown[0].lat is None
    assert place(art, "Kabul").country == "AFG"


def test_user_file_places_resolve(with_examples):
    art = places_of(with_examples, "Troops moved from Tolsk into the Maren Valley and shelled Brenholm.")
    assert place(art, "Tolsk").country == "XAR" and place(art, "Tolsk").via == "own"
    assert place(art, "Brenholm").country == "XVO"
    assert place(art, "Maren Valley").lat is not None


def test_places_in_extract_json(actors_only):
    art = places_of(actors_only, "Talks resumed in Doha.")
    out = art.to_json()["places"]
    assert out and out[0]["name"] == "Doha" and out[0]["article_id"] == "t1" and out[0]["geonames_id"]


def test_gazetteer_cache_roundtrip(tmp_path, monkeypatch):
    from eventwire.actors import gazetteer

    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(gazetteer, "_MEMO", {})
    built = gazetteer.load_gazetteer()
    assert list(tmp_path.glob("gazetteer-*.pickle"))
    monkeypatch.setattr(gazetteer, "_MEMO", {})
    again = gazetteer.load_gazetteer()
    assert again is not built and len(again.records) == len(built.records)
    assert any(c.level == "admin1" and c.name == "Virginia" for c in again.candidates("Virginia"))


def test_institution_and_publication_names_are_not_resolved_places(actors_only):
    art = places_of(actors_only, "Protests spread in Charlotte. The Charlotte-Mecklenburg police chief spoke, "
                                 "and a writer for The Atlantic said so on Twitter.")
    resolved = [p.text for p in art.places if p.lat is not None]
    assert resolved == ["Charlotte"]


def test_the_hague_stays_a_place(actors_only):
    art = places_of(actors_only, "The judges sat in The Hague on Monday.")
    assert any(p.name and "Hague" in p.name for p in art.places)


def test_county_resolves_in_its_state(actors_only):
    art = places_of(actors_only, "Deputies in Mecklenburg County, North Carolina, and in Cook County, Illinois, "
                                 "made arrests.")
    meck, cook = place(art, "Mecklenburg County"), place(art, "Cook County")
    assert (meck.feature, meck.admin1) == ("A.ADM2", "North Carolina")
    assert cook.admin1 == "Illinois" and cook.lat > 40


def test_state_meant_by_political_context(actors_only):
    art = places_of(actors_only, "Charlie King, a prominent New York Democrat, spoke with Representative "
                                 "Charles B. Rangel of New York at a gala in New York on Monday.")
    first, second, third = [p for p in art.places if p.text == "New York"]
    assert (first.feature, second.feature) == ("A.ADM1", "A.ADM1")
    assert third.name == "New York City"


def test_place_at_the_head_of_an_organisation_name(actors_only):
    art = places_of(actors_only, "The U.S. PIRG Education Fund and the Gaza Health Ministry reported from Gaza.")
    assert [p.text for p in art.places] == ["Gaza"]


def test_a_place_that_opens_an_operations_name_is_no_place(actors_only):
    art = places_of(actors_only, "The Jordan Flood operation began in Amman. "
                                 "The Gaza Strip offensive ended in Rafah.")
    texts = {p.text for p in art.places}
    assert "Jordan" not in texts and {"Amman", "Rafah"} <= texts
    assert any(t.endswith("Gaza Strip") for t in texts)  # a designator continues the place's own name


def test_capitalised_the_inside_a_sentence_names_a_publication(actors_only):
    art = places_of(actors_only, "The senator told The Atlantic that ships crossed the Atlantic from Lisbon.")
    texts = {p.text for p in art.places}
    assert "The Atlantic" not in texts and "Lisbon" in texts


def test_lawmaker_of_names_the_state(actors_only):
    # a legislator or governor "of" a name: the name is the state, not the country or a town
    art = places_of(actors_only, "Sen. Ana Ruiz of Georgia said the bill would pass.")
    art_plain = places_of(actors_only, "Ana Ruiz of Georgia said the bill would pass.")
    assert place(art_plain, "Georgia").country == "GEO"  # without the title, the country
    assert (place(art, "Georgia").country, place(art, "Georgia").admin1) == ("USA", "Georgia")


def test_determiner_alone_is_no_place(ctx):
    """"most" opens the phrase; it is not the Czech town of Most."""
    assert resolve_place("most Eastern Europeans", ctx) is None


def test_a_lowercase_word_is_no_place_name(ctx):
    # "federal" is also a town in Argentina; in a capitalised phrase a one-word name is capitalised
    place = resolve_place("San Francisco federal court", ctx)
    assert (place.name, place.code) == ("San Francisco", "USA")
