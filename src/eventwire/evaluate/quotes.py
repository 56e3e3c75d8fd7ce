"""Scoring the quotes stage against BRAT attribution gold (PolNeAR / PARC style).

Gold layout: `gold_dir/text/NAME.txt` and `gold_dir/attributions/NAME_ANNOTATOR.ann`.
An `E` line ties one attribution's `Content`, `Cue` and `Source` spans (`T`
lines, possibly discontinuous: `start end;start end`).

Decisions (also in docs/quotes.md):
- Articles annotated by several annotators are scored against the first
  annotator in sorted order, so each article counts once.
- Predicted quotes that share a cue form one attribution (a quote split around
  its cue is one discontinuous Content in the gold); floating quotes stand alone.
- Spans are compared as sets of word tokens (`\\w+`), so quotation marks and
  punctuation never decide a match: our direct-quote spans exclude the marks,
  PolNeAR's include them.
- Content match: greedy one-to-one pairing by overlap, where overlap =
  |shared tokens| / max(|predicted|, |gold|) >= 0.5 (the symmetric criterion:
  neither side may be more than twice the shared part); exact = same token set.
- Speaker accuracy, on matched pairs whose gold has a Source: the predicted
  speaker mention overlaps the gold Source span (the gold marks the nearest
  mention, as our speaker `start`/`end` do). Cue accuracy likewise.
- Offsets: articles go through the real pipeline (stages up to `quotes`). If
  the clean stage changed the text, predicted offsets are mapped back to the
  gold text by a character alignment (difflib).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Quote
from ..settings import Settings
from .jsonl import read_jsonl

MATCH_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Spans
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)
    act: str = "speech"  # from the cue's verb, by the quotes lexicon's act table


@dataclass
class PredAttribution:
    content: Spans
    cue: Spans
    speaker: Spans
    kind: str
    name: str | None = None
    act: str = "speech"


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attributions of one BRAT `.ann` file; an attribution without Content is skipped."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, list[str]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if m is None:
                raise InputError(str(path), f"line {n}: malformed T line {line[:60]!r}")
            spans[m.group(1)] = [(int(a), int(b)) for a, b in
                                 (part.split() for part in m.group(3).split(";"))]
        elif line.startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in line.split("\t")[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append(roles)
    out = []
    for roles in events:
        content = [s for ref in roles.get("Content", []) for s in spans.get(ref, [])]
        if not content:
            continue
        out.append(GoldAttribution(content=content,
                                   cue=[s for ref in roles.get("Cue", []) for s in spans.get(ref, [])],
                                   source=[s for ref in roles.get("Source", []) for s in spans.get(ref, [])]))
    return out


def gold_files(gold_dir: Path) -> list[tuple[Path, Path]]:
    """(text, ann) pairs: the first annotator in sorted order for each text."""
    text_dir, ann_dir = gold_dir / "text", gold_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(str(gold_dir), "expected text/ and attributions/ folders (BRAT attribution gold)")
    pairs = []
    for txt in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{txt.stem}_*.ann"))
        if anns:
            pairs.append((txt, anns[0]))
    return pairs


class _Tokens:
    """Word tokens of a text, to turn character spans into token sets."""

    def __init__(self, text: str):
        self.spans = [m.span() for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in self.spans]

    def of(self, spans: Spans) -> frozenset[int]:
        out = set()
        for start, end in spans:
            for i, (s, e) in enumerate(self.spans):
                if s >= end:
                    break
                if e > start:
                    out.add(i)
        return frozenset(out)


def offset_mapper(clean: str, raw: str):
    """A function mapping offsets in `clean` to offsets in `raw` (identity when equal)."""
    if clean == raw:
        return lambda i: i
    table = [0] * (len(clean) + 1)
    matcher = difflib.SequenceMatcher(None, clean, raw, autojunk=False)
    for tag, c0, c1, r0, r1 in matcher.get_opcodes():
        for k in range(c0, c1 + 1):
            table[k] = r0 + (min(k - c0, r1 - r0) if tag != "equal" else k - c0)
    return lambda i: table[max(0, min(i, len(clean)))]


def predicted(quotes: list[Quote], to_raw) -> list[PredAttribution]:
    """Quotes grouped into attributions (a split quote is one), offsets in the gold text."""
    groups: dict[Any, PredAttribution] = {}
    for q in quotes:
        key = (q.cue.start, q.cue.end) if q.cue is not None else q.id
        span = (to_raw(q.start), to_raw(q.end))
        if key in groups:
            groups[key].content.append(span)
            continue
        cue = [(to_raw(q.cue.start), to_raw(q.cue.end))] if q.cue else []
        sp = q.speaker
        speaker = [(to_raw(sp.start), to_raw(sp.end))] if sp is not None and sp.start is not None else []
        groups[key] = PredAttribution([span], cue, speaker, q.kind, sp.name if sp else None, q.act)
    return list(groups.values())


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def _any_overlap(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score_article(text: str, gold: list[GoldAttribution], pred: list[PredAttribution],
                  is_name: Callable[[str], bool] | None = None) -> Counter:
    """Counts for one article: matches, exact matches, speaker and cue hits, per-kind tallies.

    `speaker_ok` needs the predicted speaker span to overlap the gold Source span. The gold
    marks one mention per attribution and no coreference, so a speaker found at another
    mention of the same party ("she" for the gold's "Clinton") fails there; `speaker_named_ok`
    also accepts a resolved speaker name that names the gold Source when the Source is a
    name (`is_name`: it holds a proper noun), never when it is a pronoun or a description."""
    toks = _Tokens(text)
    g_sets = [toks.of(g.content) for g in gold]
    p_sets = [toks.of(p.content) for p in pred]
    pairs = sorted(((_overlap(p, g), i, j) for i, p in enumerate(p_sets) for j, g in enumerate(g_sets)
                    if p & g), reverse=True)
    used_p, used_g = set(), set()
    c: Counter = Counter(gold=len(gold), pred=len(pred))
    for kind in (p.kind for p in pred):
        c[f"pred_{kind}"] += 1
    for g in gold:
        c["gold_direct" if _is_direct(text, g) else "gold_other"] += 1
    for score, i, j in pairs:
        if score < MATCH_THRESHOLD or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = pred[i], gold[j]
        c["match"] += 1
        c[f"match_{p.kind}"] += 1
        c["match_gold_direct" if _is_direct(text, g) else "match_gold_other"] += 1
        c["exact"] += p_sets[i] == g_sets[j]
        if g.source:
            c["with_source"] += 1
            ok = _any_overlap(p.speaker, g.source)
            c["speaker_ok"] += ok
            if not ok and p.name and is_name is not None:
                source = " ".join(text[s:e] for s, e in g.source)
                ok = is_name(source) and speaker_matches(p.name, source)
            c["speaker_named_ok"] += ok
        if g.cue:
            c["with_cue"] += 1
            c["cue_ok"] += _any_overlap(p.cue, g.cue)
    return c


def _is_direct(text: str, g: GoldAttribution) -> bool:
    return text[g.content[0][0]:g.content[0][0] + 1] in "\"“‘'«„"


def _prf(match: int, pred: int, gold: int) -> dict[str, float]:
    p = match / pred if pred else 0.0
    r = match / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def metrics_from(c: Counter, articles: int) -> dict[str, Any]:
    """The metrics dict from summed counts."""
    return {
        "articles": articles,
        "gold": c["gold"],
        "predicted": c["pred"],
        "content_overlap": _prf(c["match"], c["pred"], c["gold"]),
        "content_exact": _prf(c["exact"], c["pred"], c["gold"]),
        "speaker_accuracy": round(c["speaker_ok"] / c["with_source"], 4) if c["with_source"] else 0.0,
        "speaker_accuracy_named": round(c["speaker_named_ok"] / c["with_source"], 4) if c["with_source"] else 0.0,
        "cue_accuracy": round(c["cue_ok"] / c["with_cue"], 4) if c["with_cue"] else 0.0,
        "by_kind": {k: {"predicted": c[f"pred_{k}"], "matched": c[f"match_{k}"]}
                    for k in ("direct", "indirect", "mixed")},
        "gold_recall": {k: round(c[f"match_gold_{k}"] / c[f"gold_{k}"], 4) if c[f"gold_{k}"] else 0.0
                        for k in ("direct", "other")},
    }


def evaluate_quotes(gold_dir: str | Path, settings: Settings | None = None, limit: int | None = None,
                    pipeline=None, judged: str | Path | None = None) -> dict[str, Any]:
    """Run the pipeline (up to the quotes stage) over BRAT gold and score it.

    `gold_dir` holds `text/` and `attributions/`; `limit` scores only the first
    N articles; `pipeline` reuses an already built `Pipeline` (else one is built
    from `settings`); `judged` is a judged statement file (eval/judged/) scored on
    the articles it names. Returns the metrics dict that `format_report` prints.
    """
    from ..pipeline import Pipeline

    gold_dir = Path(gold_dir)
    pairs = gold_files(gold_dir)[:limit]
    if pipeline is None:
        settings = settings or Settings()
        stages = settings.doc_stages
        if "quotes" in stages:
            stages = stages[:stages.index("quotes") + 1]
        pipeline = Pipeline(settings.replace(doc_stages=stages))
    raws = [txt.read_text(encoding="utf-8") for txt, _ in pairs]
    articles = [Article(id=txt.stem, source=str(txt), raw_text=raw, text=raw)
                for (txt, _), raw in zip(pairs, raws, strict=True)]
    total: Counter = Counter()
    speech: Counter = Counter()
    realigned = 0
    judged_rows = read_judged(judged) if judged else []
    judged_ids = {r["article"] for r in judged_rows}
    judged_preds: dict[str, tuple[str, list[Quote]]] = {}
    act_of = _gold_act_classifier(pipeline)
    is_name = _proper_name_test(pipeline)
    for (_, ann), raw, article in zip(pairs, raws, pipeline.process(articles), strict=True):
        to_raw = offset_mapper(article.text, raw)
        realigned += article.text != raw
        gold = read_ann(ann)
        for g in gold:
            g.act = act_of(" ".join(raw[s:e] for s, e in g.cue))
        pred = predicted(article.quotes, to_raw)
        total += score_article(raw, gold, pred, is_name)
        speech += score_article(raw, [g for g in gold if g.act == "speech"], [p for p in pred if p.act == "speech"],
                                is_name)
        if article.id in judged_ids:
            judged_preds[article.id] = (raw, [_in_gold_text(q, to_raw) for q in article.quotes])
    metrics = metrics_from(total, len(pairs))
    metrics["speech"] = {"gold": speech["gold"], "predicted": speech["pred"],
                         "content_overlap": _prf(speech["match"], speech["pred"], speech["gold"]),
                         "speaker_accuracy": round(speech["speaker_ok"] / speech["with_source"], 4)
                         if speech["with_source"] else 0.0,
                         "speaker_accuracy_named": round(speech["speaker_named_ok"] / speech["with_source"], 4)
                         if speech["with_source"] else 0.0}
    metrics["realigned_articles"] = realigned
    if judged_rows:
        missing = judged_ids - set(judged_preds)
        if missing:
            raise InputError(str(judged), f"articles not in {gold_dir}: {sorted(missing)[:3]}")
        metrics["judged"] = score_judged(judged_rows, judged_preds)
    return metrics


def _in_gold_text(q: Quote, to_raw) -> Quote:
    """A copy of a quote with its offsets mapped into the gold text."""
    import copy

    out = copy.deepcopy(q)
    out.start, out.end = to_raw(q.start), to_raw(q.end)
    if out.cue is not None:
        out.cue.start, out.cue.end = to_raw(q.cue.start), to_raw(q.cue.end)
    if out.speaker is not None and out.speaker.start is not None:
        out.speaker.start, out.speaker.end = to_raw(q.speaker.start), to_raw(q.speaker.end)
    return out


def _proper_name_test(pipeline):
    """Gold Source text -> whether it holds a proper noun (by the pipeline's tagger)."""
    nlp = pipeline.ctx.nlp
    cache: dict[str, bool] = {}

    def is_name(text: str) -> bool:
        if text not in cache:
            cache[text] = bool(text.strip()) and any(t.pos_ == "PROPN" for t in nlp(text))
        return cache[text]

    return is_name


def _gold_act_classifier(pipeline):
    """Gold cue text -> act, by the lemma of its first verb and the quotes lexicon's act table
    (a cue with no verb, "according to", is speech)."""
    from ..quotes import load_lexicon

    lex = pipeline.ctx.resource("quotes.lexicon", load_lexicon)
    nlp = pipeline.ctx.nlp
    cache: dict[str, str] = {}

    def act_of(cue: str) -> str:
        if cue not in cache:
            doc = nlp(cue) if cue.strip() else None
            verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lex.acts] if doc else []
            cache[cue] = lex.acts[verbs[0].lemma_.lower()] if verbs else "speech"
        return cache[cue]

    return act_of


def format_report(metrics: dict[str, Any]) -> str:
    """A plain-text report of `evaluate_quotes` metrics."""
    co, ce = metrics["content_overlap"], metrics["content_exact"]
    lines = [
        f"quotes: {metrics['articles']} articles, {metrics['gold']} gold attributions, "
        f"{metrics['predicted']} predicted",
        f"content (overlap >= {MATCH_THRESHOLD:.0%}): P {co['precision']:.3f}  R {co['recall']:.3f}  F1 {co['f1']:.3f}",
        f"content (exact):          P {ce['precision']:.3f}  R {ce['recall']:.3f}  F1 {ce['f1']:.3f}",
        f"speaker accuracy (matched): {metrics['speaker_accuracy']:.3f}"
        f"  (or the resolved name names a named gold source: {metrics['speaker_accuracy_named']:.3f})",
        f"cue accuracy (matched):     {metrics['cue_accuracy']:.3f}",
        "by kind (predicted / matched): " + ", ".join(
            f"{k} {v['predicted']}/{v['matched']}" for k, v in metrics["by_kind"].items()),
        "gold recall: " + ", ".join(f"{k} {v:.3f}" for k, v in metrics["gold_recall"].items()),
    ]
    if "speech" in metrics:
        sp = metrics["speech"]["content_overlap"]
        lines.append(f"speech only (overlap):    P {sp['precision']:.3f}  R {sp['recall']:.3f}  F1 {sp['f1']:.3f}"
                     f"  (gold {metrics['speech']['gold']}, predicted {metrics['speech']['predicted']});"
                     f" speaker accuracy {metrics['speech']['speaker_accuracy']:.3f}")
    if "judged" in metrics:
        j = metrics["judged"]
        lines.append(f"judged set: {j['judged']} of {j['predicted']} statements judged ({j['unjudged']} unjudged); "
                     f"speech speaker right {j['speech_speaker_right']:.3f} of {j['speech']}; "
                     f"bad speakers {j['bad_speakers']}; non-speech kept as speech {j['not_speech_kept_as_speech']}")
    if metrics.get("realigned_articles"):
        lines.append(f"offsets realigned to the gold text in {metrics['realigned_articles']} articles")
    return "\n".join(lines)


# -- the judged statement set ---------------------------------------------------
# eval/judged/README.md describes the file; one JSON object per judged statement.
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_NAME_SKIP = {"the", "a", "an", "of", "rep", "sen", "mr", "mrs", "ms", "dr", "gov", "del", "rev", "president",
              "director", "secretary", "chairwoman", "chairman", "s"}
WRITER_WORDS = {"i", "we", "me", "us"}


def read_judged(path: str | Path) -> list[dict[str, Any]]:
    return read_jsonl(path)


def _name_words(text: str) -> list[str]:
    return [w.lower() for w in _NAME_WORD.findall(text) if w.lower() not in _NAME_SKIP]


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= 6 and k >= 0.75 * min(len(a), len(b))


def speaker_matches(name: str | None, true_text: str) -> bool:
    """A predicted speaker name names the party at the judged mention: it holds the mention's
    head word (its last name word; "Democratic Party" for "Democrats") and, when both give a
    forename, the same forename."""
    pred, true = _name_words(name or ""), _name_words(true_text)
    if not pred or not true:
        return False
    if not any(_same_word(w, true[-1]) for w in pred):  # the judged mention's head word is named
        return False
    caps_p = [w for w in (name or "").split() if w[:1].isupper() and w.lower().strip(".") not in _NAME_SKIP]
    caps_t = [w for w in true_text.split() if w[:1].isupper() and w.lower().strip(".") not in _NAME_SKIP]
    contained = set(map(str.lower, caps_p)) <= set(map(str.lower, caps_t)) or \
        set(map(str.lower, caps_t)) <= set(map(str.lower, caps_p))  # "Security Council" in "UN Security Council"
    if len(caps_p) >= 2 and len(caps_t) >= 2 and not contained and caps_p[0].lower() != caps_t[0].lower() \
            and not caps_p[0].lower().startswith(caps_t[0].lower().rstrip(".")):
        return False  # another forename: "Donald Trump" is not "Ivanka Trump"
    return True


def judge_prediction(entry: dict[str, Any], quote_name: str | None, text: str) -> bool:
    """Whether a predicted statement matched to a judged `entry` has the right speaker."""
    true = entry.get("true_speaker")
    if true == "writer":
        return quote_name is None or quote_name.lower() in WRITER_WORDS
    if true is None:
        return quote_name is None
    return speaker_matches(quote_name, text[true[0]:true[1]])


def score_judged(judged: list[dict[str, Any]], predictions: dict[str, tuple[str, list[Quote]]]) -> dict[str, Any]:
    """Score predicted quotes against the judged set. `predictions`: article id -> (gold text,
    quotes with offsets already in the gold text)."""
    by_cue: dict[tuple, list[dict]] = {}
    for e in judged:
        key = (e["article"], tuple(e["cue"]) if e.get("cue") else None)
        by_cue.setdefault(key, []).append(e)
    c: Counter = Counter()
    for article, (text, quotes) in predictions.items():
        for q in quotes:
            cue = (q.cue.start, q.cue.end) if q.cue is not None else None
            candidates = by_cue.get((article, cue), [])
            entry = next((e for e in candidates if e["start"] == q.start), None)
            if entry is None and cue is not None:
                entry = next((e for e in candidates if e["start"] < q.end and q.start < e["end"]), None)
            if entry is None and cue is None:
                entry = next((e for e in by_cue.get((article, None), []) if e["start"] == q.start), None)
            c["predicted"] += 1
            c[f"act_{q.act}"] += 1
            if entry is None:
                c["unjudged"] += 1
                continue
            c["judged"] += 1
            name = q.speaker.name if q.speaker is not None else None
            right = judge_prediction(entry, name, text)
            if entry["act"] == "speech":
                c["speech"] += 1
                c["speech_right"] += right
                c["speech_emitted_as_speech"] += q.act == "speech"
            else:
                c["not_speech"] += 1
                c["not_speech_emitted_as_speech"] += q.act == "speech"
            judged_at = entry.get("speaker")
            if entry.get("bad_speaker") and not right and name is not None and judged_at \
                    and q.speaker.start == judged_at[0]:
                c["bad_speaker"] += 1
    return {
        "predicted": c["predicted"], "judged": c["judged"], "unjudged": c["unjudged"],
        "speech": c["speech"],
        "speech_speaker_right": round(c["speech_right"] / c["speech"], 4) if c["speech"] else 0.0,
        "bad_speakers": c["bad_speaker"],
        "act_precision_speech": round(c["speech_emitted_as_speech"] / max(1, c["speech_emitted_as_speech"]
                                                                          + c["not_speech_emitted_as_speech"]), 4),
        "not_speech_kept_as_speech": c["not_speech_emitted_as_speech"],
        "by_act": {a: c[f"act_{a}"] for a in ("speech", "belief", "intention", "perception")},
    }

