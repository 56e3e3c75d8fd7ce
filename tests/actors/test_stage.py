"""Tests for eventwire/actors/stage.py (with the real spaCy pipeline and the entity ruler)."""

from __future__ import annotations

import pytest

from eventwire.actors import entity_for
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

# Invented countries and people, supplied as a user file (the format of actors/data/README.md).
USER_FILE = """\
countries:
  - {code: XVO, name: Vostra, adjectives: [Vostran], capital: Karsk}
  - {code: XAR, name: Arvenia, adjectives: [Arvenian], capital: Tolsk}
actors:
  - {name: Vostran People's Front, type: ORG, code: XVO, sector: REB, aliases: [VPF]}
  - {name: Hamas, type: ORG, code: XAR, sector: GOV}
"""


@pytest.fixture(scope="module")
def actors_only():
    return Pipeline(Settings(doc_stages=["actors"]))


@pytest.fixture(scope="module")
def with_user_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    return Pipeline(Settings(doc_stages=["actors"], actor_files=[path]))


def run(pipeline: Pipeline, text: str, date: str = "2024-03-20") -> Article:
    (article,) = list(pipeline.process([Article(id="t1", source="test", raw_text=text, date=date)]))
    return article


def mention(article: Article, text: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(text, start + 1)
    return entity_for(article, start, start + len(text))


def test_stage_declares_reads_writes(actors_only):
    stage = actors_only.doc_stages[0]
    assert (stage.name, stage.reads, stage.writes) == ("actors", ("doc",), ("entities", "places"))


def test_ruler_types_khan_younis_as_place(actors_only):
    article = run(actors_only, "Residents of Khan Younis returned to their homes on Tuesday.")
    ent = mention(article, "Khan Younis")
    assert ent.type in ("GPE", "LOC") and ent.code == "PSE"


def test_ruler_types_bassem_naim_as_person(actors_only):
    article = run(actors_only, "Bassem Naim is a member of the Hamas political bureau.")
    ent = mention(article, "Bassem Naim")
    assert (ent.type, ent.org, ent.code) == ("PERSON", "Hamas", "PSE")


def test_stage_apposition_gives_affiliation_to_later_mentions(with_user_file):
    text = ("A Vostran army spokesman, Ilya Dorn, said the border was closed. "
            "Later, Dorn said the talks would resume.")
    article = run(with_user_file, text)
    first, later = mention(article, "Ilya Dorn"), mention(article, "Dorn", nth=1)
    assert (first.code, first.sector, first.source) == ("XVO", "MIL", "apposition")
    assert (later.name, later.code, later.sector) == ("Ilya Dorn", "XVO", "MIL")


def test_stage_title_gives_affiliation(with_user_file):
    article = run(with_user_file, "Arvenian Defense Minister Pavel Ostrov visited Karsk on Monday.")
    ent = mention(article, "Pavel Ostrov")
    assert (ent.code, ent.sector, ent.org) == ("XAR", "GOV", "Government of Arvenia")


def test_stage_short_name_links_to_dictionary_person(actors_only):
    article = run(actors_only, "Officials said Mashal spoke by video.")
    ent = mention(article, "Mashal")
    assert (ent.name, ent.org, ent.code) == ("Khaled Mashal", "Hamas", "PSE")


def test_user_file_changes_coding_without_code_changes(actors_only, with_user_file):
    text = "Hamas said the VPF had joined the talks."
    assert mention(run(actors_only, text), "Hamas").code == "PSE"
    mine = run(with_user_file, text)
    assert mention(mine, "Hamas").code == "XAR"
    assert (mention(mine, "VPF").name, mention(mine, "VPF").code) == ("Vostran People's Front", "XVO")


def test_stage_institution_phrase_and_capital_metonym(actors_only):
    article = run(actors_only, "Senior Egyptian intelligence officials met Israeli forces while Tehran "
                               "warned against an escalation.")
    assert (mention(article, "Egyptian intelligence officials").code,
            mention(article, "Egyptian intelligence officials").sector) == ("EGY", "SPY")
    assert mention(article, "Israeli forces").name == "Israel Defense Forces"
    assert (mention(article, "Tehran").code, mention(article, "Tehran").sector) == ("IRN", "GOV")


def test_stage_capital_as_location_is_not_government(actors_only):
    article = run(actors_only, "The delegates met in Tehran on Monday.")
    assert (mention(article, "Tehran").code, mention(article, "Tehran").sector) == ("IRN", None)


def test_stage_offsets_index_article_text(actors_only):
    article = run(actors_only, "Israel's military said Hamas fired rockets.")
    for ent in article.entities:
        assert article.text[ent.start:ent.end] == ent.entity_text


def test_entity_for_prefers_covering_then_longest_inside():
    from eventwire.model import Entity

    article = Article(id="a", source="s", text="x" * 40, entities=[
        Entity("ab", code="AAA", start=0, end=10), Entity("abc", code="BBB", start=0, end=20),
        Entity("d", code=None, start=25, end=35)])
    assert entity_for(article, 2, 5).code == "AAA"
    assert entity_for(article, 0, 40).code == "BBB"
    assert entity_for(article, 36, 39) is None


def test_stage_apposition_after_name(with_user_file):
    article = run(with_user_file, "Mara Veld, the head of the Vostran border police, declined to comment.")
    ent = mention(article, "Mara Veld")
    assert (ent.type, ent.code, ent.sector, ent.source) == ("PERSON", "XVO", "COP", "apposition")


def test_stage_description_in_apposition_is_not_a_second_actor(with_user_file):
    article = run(with_user_file, "Ilya Dorn, a Vostran army spokesman, said the border was closed.")
    assert [e.type for e in article.entities if e.sector == "MIL"] == ["PERSON"]


def test_stage_name_of_a_country_gives_the_country(with_user_file):
    """"King X of Arvenia" is coded from its own descriptor, not from the sentence."""
    article = run(with_user_file, "King Tomas Velk of Arvenia said he would host talks with Vostra.")
    ent = mention(article, "Tomas Velk")
    assert (ent.code, ent.sector, ent.source) == ("XAR", "GOV", "apposition")


def test_stage_name_of_a_place_homonym_is_not_the_country(actors_only):
    """"Sen. X of Georgia" names a US state, never the Caucasian country."""
    article = run(actors_only, "Sen. Mara Holt of Georgia said the bill would pass.")
    assert mention(article, "Mara Holt").code != "GEO"


def test_stage_currency_name_places_no_story(actors_only):
    """"US $5 million" is a currency, so it lends no country to a titled person."""
    article = run(actors_only, "Former minister Ilya Dorn was accused of misusing up to US $5 million in public funds.")
    assert mention(article, "Ilya Dorn").code is None


def test_stage_surname_that_is_a_town_is_the_described_person(actors_only):
    """"Oshima" is also a Japanese town; with a first name and an apposition it is the person."""
    article = run(actors_only, "Hiro Oshima, the United Nations relief coordinator, said aid was blocked.")
    ent = mention(article, "Hiro Oshima")
    assert ent is not None and (ent.type, ent.code) == ("PERSON", "UNO")


def test_stage_another_persons_title_gives_no_country(with_user_file):
    """"Arvenian" in "Arvenian leader Pavel Ostrov" is Ostrov's country, not his host's."""
    article = run(with_user_file, "President Tomas Velk gave a warm welcome to Arvenian leader Pavel Ostrov on Monday.")
    assert mention(article, "Pavel Ostrov").code == "XAR"
    assert mention(article, "Tomas Velk").code is None


def test_stage_party_state_tag_names_a_us_lawmaker(actors_only):
    """"(R-Ohio)" or "(Vt.)" after a name says US legislature, whatever country the story is about."""
    article = run(actors_only, "Rep. Tom Hale (R-Ohio) said Vostra had interfered. Sen. Ana Ruiz (Vt.) agreed.")
    for name in ("Tom Hale", "Ana Ruiz"):
        ent = mention(article, name)
        assert (ent.code, ent.sector) == ("USA", "LEG"), name


def test_stage_party_letters_alone_are_no_tag(actors_only):
    article = run(actors_only, "Tomas Velk (Arvenia) said the talks had failed.")
    assert mention(article, "Tomas Velk").code != "USA"


def test_stage_reporting_source_places_no_story(with_user_file):
    """"according to Vostra's state television" says who reports, not where the story happens."""
    article = run(with_user_file, "President Tomas Velk called for new talks, according to Vostra's state television.")
    assert mention(article, "Tomas Velk").code is None
    article = run(with_user_file, "President Tomas Velk called for new talks in Vostra.")
    assert mention(article, "Tomas Velk").code == "XVO"


def test_stage_people_of_a_country_take_that_country(actors_only):
    """"the Albanians of southern Serbia" live in Serbia: coded SRB, as event coders code them."""
    article = run(actors_only, "The Albanians of southern Serbia demanded more autonomy on Monday.")
    ent = mention(article, "Albanians of southern Serbia")
    assert ent is not None and ent.code == "SRB"


def test_stage_backed_group_is_not_its_backer(with_user_file):
    """"Vostran-backed rebels" are not Vostra; "Vostran-led forces" are."""
    article = run(with_user_file, "Vostran-backed rebels seized the town. Vostran-led forces retook it.")
    backed = mention(article, "Vostran-backed rebels")
    assert backed is not None and backed.code is None and backed.sector == "REB"
    assert mention(article, "Vostran-led forces").code == "XVO"


def test_stage_title_and_surname_find_the_dictionary_person(actors_only):
    """The dictionary knows "President Bush" though not "Bush" alone; out of office at the
    article's date, the title still gives the sector."""
    article = run(actors_only, "President Bush said the talks would resume.", date="2000-01-01")
    ent = mention(article, "Bush")
    assert (ent.code, ent.sector, ent.source) == ("USA", "GOV", "dictionary")


def test_stage_leaders_government_is_found_through_the_leaders_title(actors_only):
    """"the Bush administration" is a president's government, though "Bush" alone is ambiguous."""
    article = run(actors_only, "The Bush administration declared that the talks would resume.", date="2000-01-01")
    ent = mention(article, "Bush")
    assert (ent.code, ent.sector) == ("USA", "GOV")


def test_stage_body_of_a_province_takes_its_country(actors_only):
    """"police in Bavaria" are German; a province name two countries share stays unknown."""
    article = run(actors_only, "Police in Bavaria arrested two men. The government of Punjab province banned rallies.")
    assert mention(article, "Police").code == "DEU"
    assert all(e.code is None for e in article.entities if "Punjab" in e.entity_text or e.entity_text == "government")


def test_stage_capitalised_modifier_is_no_person(actors_only):
    """A sentence's first word before an institution noun ("Riot police") is no name."""
    article = run(actors_only, "Riot police arrested forty students on Tuesday.")
    assert not any(e.type == "PERSON" for e in article.entities)


def test_stage_settlers_are_not_the_people_of_the_land_they_settle(actors_only):
    """"Jewish settlers in the West Bank" are Israel's settlers, not Palestinians."""
    article = run(actors_only, "Jewish settlers in the West Bank town of Karsk burned two cars on Monday.")
    ent = mention(article, "Jewish settlers")
    assert ent is not None and ent.code == "ISR"


def test_titled_person_takes_the_country_that_places_the_story(actors_only):
    # news names a domestic office-holder without the country when the sentence places the story
    article = run(actors_only, "President Aron Vale on Thursday lifted the curfew imposed in Sudan.")
    assert mention(article, "Aron Vale").code == "SDN"


def test_titled_speaker_takes_no_country_from_what_they_report(actors_only):
    # the places of a reported clause are what the speaker talks about, not where they are from
    article = run(actors_only, "Aid convoys arrived in Chad on Monday, Foreign Minister Aron Vale said.")
    assert mention(article, "Aron Vale").code is None
    article = run(actors_only, "President Aron Vale said he will lift the state of emergency in Kinshasa.")
    assert mention(article, "Aron Vale").code == "COD"  # his own act, placed there


def test_stage_place_actor_takes_the_resolved_places_country(actors_only):
    """The town table alone knows a Honduran town called Arizona; the place resolver knows the US
    state, and an actor mention of the same words takes the country the places stage chose."""
    article = run(actors_only, "Hackers targeted election systems in two states, Illinois and Arizona.")
    place = next(p for p in article.places if p.text == "Arizona")
    assert place.code == "USA" and mention(article, "Arizona").code == "USA"


def test_stage_surname_of_a_named_person_is_not_a_town(actors_only):
    """"Machado" is also a Brazilian town; after "Maria Machado" it is her."""
    article = run(actors_only, "The singer Maria Machado said on Monday that she was hurt. "
                               "The governor later attacked Machado in a speech.")
    ent = mention(article, "Machado", 1)
    assert (ent.type, ent.name, ent.code) == ("PERSON", "Maria Machado", None)


def test_stage_surname_takes_the_persons_country_from_elsewhere(actors_only):
    """One person, one country: the country read from the sentence naming her holds for her surname."""
    article = run(actors_only, "In Italy, President Maria Machado spoke on Monday. "
                               "The governor later attacked Machado in a speech.")
    assert mention(article, "Maria Machado").code == "ITA" and mention(article, "Machado", 1).code == "ITA"


def test_people_registry_links_a_surname_shared_by_a_titled_and_a_plain_full_name():
    """"Miss Universe Maria Machado" and "Maria Machado" are one person: "Machado" links to her."""
    import spacy
    from spacy.tokens import Span

    from eventwire.actors.dictionary import load_dictionary
    from eventwire.actors.stage import _people

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Miss Universe Maria Machado spoke. Maria Machado left.")
    spans = [Span(doc, 0, 4, label="PERSON"), Span(doc, 6, 8, label="PERSON")]  # the two full names
    people = _people(spans, load_dictionary(), "2024-03-20")
    assert people["machado"].name == "Maria Machado"


def test_stage_division_named_after_a_country_is_read_whole(actors_only):
    """"New Jersey" is a US state: neither it nor a governor titled by it is coded Jersey (JEY)."""
    article = run(actors_only, "New Jersey Gov. Aron Vale criticized the plan on Monday.")
    assert mention(article, "New Jersey").code == "USA"
    assert not any(e.code == "JEY" for e in article.entities)


def test_stage_country_in_a_clause_about_the_apposition_is_not_the_persons(actors_only):
    """Codes from evidence, not proximity: the committee investigates Russia, she is no Russian."""
    article = run(actors_only, "Senator Ana Ruiz, a Democrat who sits on the committee investigating Russia, "
                               "criticized the president.")
    assert mention(article, "Ana Ruiz").code != "RUS"


def test_stage_a_homonym_listed_with_countries_is_the_country(actors_only):
    """Republican cues make Georgia the US state elsewhere in the article; listed with Ukraine it is the
    country, listed with a state it stays the state."""
    article = run(actors_only, "Senate Republicans met on Monday. Vladimir Putin has used his invasions of "
                               "Georgia and Ukraine as a threat. The governors of Georgia and Alabama met.")
    assert mention(article, "Georgia", 0).code == "GEO"
    assert mention(article, "Georgia", 1).code == "USA"


def test_stage_an_office_of_a_homonym_takes_the_homonyms_sense(actors_only):
    """"the governor of Georgia" in a story of Republicans and senators: the US state's governor."""
    article = run(actors_only, "Republicans in the Senate and the governor of Georgia met on Monday.")
    assert mention(article, "governor").code == "USA"


def test_stage_a_place_the_text_qualifies_overrides_the_dictionary(actors_only):
    """"Paris, Texas" is not France's capital, and neither is its mayor."""
    article = run(actors_only, "The mayor of Paris, Texas, criticized the state legislature.")
    assert mention(article, "Paris").code == "USA"
    assert mention(article, "mayor").code == "USA"


def test_stage_a_member_of_a_us_party_is_a_us_politician(actors_only):
    """"the top Democrat on the committee" describes a US lawmaker, whatever country the story names."""
    article = run(actors_only, "Rep. Tom Hale, the top Democrat on the committee, said Vostra had interfered.")
    assert mention(article, "Rep. Tom Hale").code == "USA"


def test_a_possessive_country_codes_a_group_wherever_the_story_is(with_user_file):
    # the sentence is placed in Arvenia (Tolsk), but "Vostra's Kurds" are Vostra's
    article = run(with_user_file, "Troops from Tolsk launched an attack against Vostra's Kurds on Monday.")
    ent = mention(article, "Kurds")
    assert ent.code == "XVO"


def test_a_surname_shared_by_two_people_is_the_one_named_last_before_it(with_user_file):
    text = ("Vostran Foreign Minister Anna Petersen met Arvenian envoys in Tolsk on Monday. Petersen said the "
            "talks had gone well. Her husband, the painter John Petersen, was not there. On Tuesday, Petersen "
            "left for Karsk.")
    article = run(with_user_file, text)
    minister, later = mention(article, "Petersen", nth=1), mention(article, "Petersen", nth=3)
    assert (minister.name, minister.code) == ("Anna Petersen", "XVO")
    # after the painter is named, "Petersen" is no longer surely the minister: no code is given
    assert later is None or later.code is None


def test_a_full_name_takes_the_code_it_has_with_its_title_elsewhere(with_user_file):
    # "Sen. Anna Petersen (R-Tex.)" is coded from its title and party tag; the headline's bare name is her
    text = "Anna Petersen backs the ceasefire. Sen. Anna Petersen (R-Tex.) said on Monday that talks would resume."
    article = run(with_user_file, text)
    first = mention(article, "Anna Petersen")
    assert first is not None and first.code == "USA"
