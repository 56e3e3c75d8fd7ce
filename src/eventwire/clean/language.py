"""Language identification with langdetect, made deterministic.

langdetect samples at random; seeding its DetectorFactory makes the same text
always get the same answer. Only the first `SAMPLE_CHARS` characters are
read (enough for a reliable guess, and fast). Short texts are unreliable:
below `MIN_WORDS` words we say "en" unless most letters are in a non-Latin
script, which is clear evidence of another language.

langdetect costs ~30 ms an article, so English is recognised first by a cheap
test: in English prose about 45% of words are function words (spaCy's English
stop-word list); in other Latin-script languages under 15% are. At
`ENGLISH_SHARE` or more we answer "en" without running langdetect.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from ..settings import tuning

DetectorFactory.seed = 0
_T = tuning("clean.language")  # each threshold is explained in config.toml
SAMPLE_CHARS = int(_T["sample_chars"])
MIN_WORDS = int(_T["min_words"])
ENGLISH_SHARE = float(_T["english_share"])
NON_LATIN_SHARE = float(_T["non_latin_share"])
DEFAULT = "en"
_WORDS = re.compile(r"[a-z’']+")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy's maintained list; spacy is loaded anyway

    return frozenset(STOP_WORDS)


def english_share(text: str) -> float:
    """Share of words that are English function words."""
    words = _WORDS.findall(text.lower())
    stop = _stop_words()
    return sum(w in stop for w in words) / len(words) if words else 0.0


def _non_latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("LATIN" not in unicodedata.name(c, "") for c in letters) / len(letters)


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text` ("en", "fr", "zh-cn" as langdetect names Chinese); "en" when unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS and _non_latin_share(sample) < NON_LATIN_SHARE:
        return DEFAULT
    if english_share(sample) >= ENGLISH_SHARE:
        return "en"
    try:
        guesses = detect_langs(sample)
    except LangDetectException:  # no letters at all
        return DEFAULT
    return guesses[0].lang if guesses else DEFAULT
