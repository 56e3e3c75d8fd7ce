"""The loaded-language model (eventwire/framing/language.py): words, strengths and context."""

from __future__ import annotations

from eventwire.framing.language import LoadedLanguageModel

FRONT = {"Red Lantern Front": ("Red Lantern Front", "ORG", "REB")}


def loaded(article):
    return [(lab.text, lab.start, lab.end) for lab in article.labels if lab.kind == "loaded"]


def words(article):
    return [lab.text for lab in article.labels if lab.kind == "loaded"]


def test_loaded_hits_with_offsets_inflections_and_strength(frame):
    text = "The barbaric raid was called a massacre. Witnesses counted three massacres this year."
    article = frame(text, {})
    assert [h[0] for h in loaded(article)] == ["barbaric", "massacre", "massacres"]
    for word, start, end in loaded(article):
        assert text[start:end] == word
    assert all(0 < lab.strength <= 1 for lab in article.labels if lab.kind == "loaded")


def test_loaded_multiword_and_hyphenated_terms(frame):
    text = "The so-called council met while the world watched with bated breath."
    assert words(frame(text, {})) == ["so-called", "bated breath"]


def test_loaded_terms_inside_names_are_skipped(frame):
    text = "The Heroic Dawn Party met the Red Lantern Front on Monday."
    assert loaded(frame(text, {"Heroic Dawn Party": ("Heroic Dawn Party", "ORG", "PTY"), **FRONT})) == []


def test_term_category_undoes_inflection(lexicon):
    model = LoadedLanguageModel(lexicon.loaded)
    assert model.term_category("Massacres") == "emotive"
    assert model.term_category("unprecedented") == "intensifier"
    assert model.term_category("table") is None


def test_general_valence_words_are_scored_from_the_derived_table(frame):
    text = "The council passed a horrible and idiotic budget."
    assert words(frame(text, {})) == ["horrible", "idiotic"]


def _through_pipeline(pipeline, text):
    """The whole doc pipeline: the events stage's triggers are the reported acts the model damps."""
    from eventwire.model import Article

    return next(iter(pipeline.process([Article.from_text(text, id="fx")])))


def test_intensifiers_are_not_loaded_on_their_own(pipeline):
    text = ("The minister explicitly rejected the plan. She repeatedly met the envoys, notably in Orvel. "
            "Prices rose by an unprecedented amount.")
    assert words(_through_pipeline(pipeline, text)) == []


def test_an_intensifier_is_shown_only_with_the_word_it_amplifies(spacy_nlp, lexicon):
    from eventwire.framing import frame_article
    from eventwire.model import Article

    text = "The council adopted a deeply corrupt budget. The ministry was deeply involved in the talks."
    model = LoadedLanguageModel(lexicon.loaded, lexicon.descriptors)
    hits = model.hits(spacy_nlp(text), [])
    assert [h.text for h in hits if h.category == "intensifier"] == ["deeply", "deeply"]
    # every word shown, but no unrated word: "involved" is hidden, so its "deeply" is too
    labels = frame_article(Article.from_text(text, id="fx"), spacy_nlp(text), lexicon, model, 0.0, 1.0)
    found = [lab.text for lab in labels if lab.kind == "loaded"]
    assert found.count("deeply") == 1 and "corrupt" in found and "involved" not in found


def test_intensifier_counts_beside_the_loaded_word_it_amplifies(frame):
    article = frame("The council adopted a deeply corrupt budget.", {})
    found = {lab.text: lab.strength for lab in article.labels if lab.kind == "loaded"}
    assert set(found) == {"deeply", "corrupt"}
    assert found["deeply"] <= found["corrupt"]


def test_reporting_vocabulary_of_the_beat_is_not_loaded(pipeline):
    text = "Soldiers killed three people in an attack on the village, and hundreds joined a protest."
    assert words(_through_pipeline(pipeline, text)) == []


def test_unrated_topic_nouns_are_scored_but_never_shown(frame, spacy_nlp, lexicon):
    text = "The pandemic dominated the year, and the outbreak closed every school in the district."
    model = LoadedLanguageModel(lexicon.loaded, lexicon.descriptors)
    unrated = [h for h in model.hits(spacy_nlp(text), []) if h.category == "unrated"]
    assert {"pandemic", "year", "school"} <= {h.text for h in unrated}
    assert not any(h.shown for h in unrated if h.features.get("pos=NOUN"))
    assert not {"pandemic", "year", "school"} & set(words(frame(text, {})))


def test_evaluative_speech_and_assertive_verbs_are_loaded(frame):
    text = "The senator berated the minister. The company claimed the water was safe."
    assert words(frame(text, {})) == ["berated", "claimed"]


def test_praise_weighs_less_than_disapproval(frame):
    article = frame("The mayor gave a wonderful speech about the disgusting scheme.", {})
    found = {lab.text: lab.strength for lab in article.labels if lab.kind == "loaded"}
    assert "disgusting" in found and found.get("wonderful", 0.0) < found["disgusting"]


def test_threshold_sets_what_is_shown(spacy_nlp, lexicon):
    from eventwire.framing import frame_article
    from eventwire.model import Article

    text = "The council adopted an idiotic and barbaric budget."
    article = Article.from_text(text, id="fx")
    model = LoadedLanguageModel(lexicon.loaded)
    every = [lab for lab in frame_article(article, spacy_nlp(text), lexicon, model, 0.0) if lab.kind == "loaded"]
    strong = [lab for lab in frame_article(article, spacy_nlp(text), lexicon, model, 0.75) if lab.kind == "loaded"]
    assert len(strong) < len(every)
    assert all(lab.strength >= 0.75 for lab in strong)


def test_no_catch_all_sentence_labels(frame):
    text = "The raid on Orvel was a barbaric act. The minister said the raid was barbaric."
    article = frame(text, {})
    assert [lab for lab in article.labels if lab.kind == "category"] == []
    assert words(article) == ["barbaric", "barbaric"]


def test_descriptor_words_stay_descriptors(frame):
    text = "The terrorist group Red Lantern Front raided Orvel. Leftist ideas spread in the capital."
    article = frame(text, FRONT)
    assert [(lab.kind, lab.text) for lab in article.labels if lab.kind == "descriptor"] == [
        ("descriptor", "terrorist group")]
    assert "terrorist" not in words(article)
    assert "Leftist" in words(article)  # a label word that labels no actor is loaded language


def test_loaded_inside_quote_has_speaker_voice(frame):
    text = "\u201cThey carried out a massacre in our town,\u201d Mara Tesk said."
    article = frame(text, {}, quotes=[(1, text.index(",\u201d"), "Mara Tesk")])
    assert [(lab.text, lab.voice) for lab in article.labels if lab.kind == "loaded"] == [("massacre", "Mara Tesk")]


def test_a_loaded_part_makes_the_hyphenated_word_loaded(frame):
    assert words(frame("The plan was a fear-mongering, stupid-looking stunt.", {})) == [
        "fear-mongering", "stupid-looking"]


def test_verbs_of_striking_used_of_words_are_figurative(frame):
    article = frame("The senator slammed Mara Tesk for the budget. The door slammed shut.",
                    {"Mara Tesk": ("Mara Tesk", "PERSON", None)})
    assert words(article) == ["slammed"]
    assert article.labels[0].start == 12


def test_a_verb_introducing_what_someone_said_is_attribution(spacy_nlp, lexicon):
    from eventwire.framing.language import LoadedLanguageModel

    model = LoadedLanguageModel(lexicon.loaded, lexicon.descriptors)
    text = "The minister argued that the tax was fair."
    hits = {h.text: h for h in model.hits(spacy_nlp(text), [])}
    assert "attribution_or_trigger" in hits["argued"].features


def test_words_of_an_unattached_label_phrase_stay_descriptor_vocabulary(frame):
    text = "Officials spoke of militant groups and terrorists in the hills."
    found = words(frame(text, {}))
    assert "militant" not in found and "terrorists" not in found


def test_a_phrasal_verb_is_labelled_whole(frame):
    article = frame("The mayor lashed out at the reporters after the vote. The crowd moved out of the square.", {})
    assert words(article) == ["lashed out"]
    lab = article.labels[0]
    assert article.text[lab.start:lab.end] == "lashed out"
