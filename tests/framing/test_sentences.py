"""The sentence model (eventwire/framing/sentences.py): a sentence's probability of reading as biased."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.framing.language import Hit
from eventwire.framing.sentences import SentenceModel, load_sentence_model


def _hits(*strengths: float, voice: str = "writer", category: str = "vader") -> list[tuple[Hit, str]]:
    return [(Hit(n, n + 1, "w", category, s), voice) for n, s in enumerate(strengths)]


def test_features_summarise_the_strengths():
    model = SentenceModel({"strongest": 0, "second": 0, "total": 0, "any_of": 0, "bias": 0}, 2.0)
    f = model.features([0.5, 0.2, 0.5])
    assert f["strongest"] == 0.5 and f["second"] == 0.5 and f["total"] == pytest.approx(0.6)
    assert f["any_of"] == pytest.approx(1 - 0.5 * 0.8 * 0.5)
    assert model.features([]) == {"strongest": 0.0, "second": 0.0, "total": 0.0, "any_of": 0.0}
    assert model.features([0.9] * 5)["total"] == 1.0  # capped


def test_fitted_weights_rank_more_evidence_higher():
    model = load_sentence_model()
    none, weak, strong = (model.probability(_hits(*s)) for s in ((), (0.1, 0.05), (0.8, 0.6)))
    assert 0 < none < weak < strong < 1
    assert none < 0.5 <= strong


def test_only_the_writers_words_count_and_intensifiers_do_not_repeat_their_word():
    model = load_sentence_model()
    base = model.probability(_hits(0.3))
    assert model.probability(_hits(0.3) + _hits(0.9, voice="Mara Tesk")) == base
    assert model.probability(_hits(0.3) + _hits(0.3, category="intensifier")) == base


def test_the_stage_scores_every_sentence(frame):
    text = "The council met on Monday. The barbaric, disgusting and shameful raid was a massacre."
    article = frame(text, {})
    rows = article.meta["loaded_sentences"]
    assert [text[s:e] for s, e, _ in rows] == ["The council met on Monday.",
                                               "The barbaric, disgusting and shameful raid was a massacre."]
    assert rows[0][2] < 0.5 <= rows[1][2]


def test_malformed_weights_name_the_file(tmp_path):
    path = tmp_path / "sentences.yaml"
    path.write_text("total_cap: 4\nweights: {strongest: 1.0, bias: 0.0}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="sentences.yaml"):
        load_sentence_model(path)
