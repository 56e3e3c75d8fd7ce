"""Coverage across articles: near-duplicate articles and same-event clusters.

Duplicates (syndicated copies): MinHash over word 5-shingles of each
article's text (datasketch, `NUM_PERM` permutations, LSH at
`DUPLICATE_THRESHOLD` estimated Jaccard). In each group of near-duplicates
the earliest article (then the longest, then the smallest id) is the
original; the others get `duplicate_of` it. Copies keep their events and
clusters, but cluster counts and outlet coverage count them apart
("republished_by"), never as independent reports.

Event clusters: two events from different articles are the same real-world
event when all of these hold (a general test, not tuned to one story):
- same PLOVER event type;
- dates (event date, else article date) at most `DATE_WINDOW_DAYS` apart;
- compatible actors: their actor+recipient country codes overlap, or one
  side has no codes;
- similar wording: Jaccard similarity of the content words of the two event
  sentences (plus the event place name) at least `WORD_THRESHOLD`.
Clusters grow by average linkage: the most similar pairs are joined first,
and two clusters merge only when every cross-article pair of their events
passes the type/date/actor tests and their mean wording similarity stays at
or above the threshold, so a chain of loosely similar events does not
collapse into one cluster. Every event gets a cluster id, `c-` + the first 12 hex digits of the SHA-1 of the
cluster's earliest event id (by date, article id, event id): deterministic
across runs and processes.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from datasketch import MinHash, MinHashLSH
from spacy.lang.en import English
from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Article, Event
from ..settings import tuning

_T = tuning("framing.cluster")  # each threshold is explained in config.toml
NUM_PERM = int(_T["num_perm"])
SHINGLE = int(_T["shingle_words"])
DUPLICATE_THRESHOLD = float(_T["duplicate_threshold"])
DATE_WINDOW_DAYS = int(_T["date_window_days"])
WORD_THRESHOLD = float(_T["word_threshold"])
_WORD = re.compile(r"[^\W\d_]+|\d+")


@dataclass
class ClusterResult:
    clusters: dict[str, str]  # event id -> cluster id
    duplicates: dict[str, str]  # article id -> id of the article it copies
    members: dict[str, list[str]] = field(default_factory=dict)  # cluster id -> event ids


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _minhash(text: str) -> MinHash:
    words = _words(text)
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    for sh in shingles:
        mh.update(sh.encode("utf-8"))
    return mh


def _original_order(article: Article) -> tuple:
    return (article.date or "9999-99-99", -len(article.text), article.id)


def find_duplicates(articles: Iterable[Article]) -> dict[str, str]:
    """Article id -> the id of the earlier article it is a near-copy of."""
    ordered = sorted((a for a in articles if a.text.strip()), key=_original_order)
    order = {a.id: n for n, a in enumerate(ordered)}
    lsh = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    duplicates: dict[str, str] = {}
    for article in ordered:
        mh = _minhash(article.text)
        matches = [m for m in lsh.query(mh) if mh.jaccard(hashes[m]) >= DUPLICATE_THRESHOLD]
        if matches:
            first = min(matches, key=order.__getitem__)
            duplicates[article.id] = duplicates.get(first, first)  # copies of copies point to the original
        hashes[article.id] = mh
        lsh.insert(article.id, mh)
    return duplicates


def _day(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@dataclass
class _Item:
    event: Event
    article: Article
    day: Date | None
    codes: frozenset[str]
    words: frozenset[str]

    @property
    def key(self) -> tuple:
        return (self.event.date or self.article.date or "9999", self.article.id, self.event.id)


def _item(event: Event, article: Article) -> _Item:
    codes = frozenset(e.code for e in event.actor + event.recipient if e.code)
    text = event.event_text + " " + (event.event_loc.name or event.event_loc.text if event.event_loc else "")
    words = frozenset(w for w in _words(text) if w not in STOP_WORDS and len(w) > 2)
    return _Item(event, article, _day(event.date) or _day(article.date), codes, words)


def _compatible(a: _Item, b: _Item) -> bool:
    """Same type, dates within the window, overlapping country codes (when both have some)."""
    if a.event.event != b.event.event:
        return False
    if a.day and b.day and abs((a.day - b.day).days) > DATE_WINDOW_DAYS:
        return False
    return not (a.codes and b.codes and not a.codes & b.codes)


def _similarity(a: _Item, b: _Item) -> float:
    union = a.words | b.words
    return len(a.words & b.words) / len(union) if union else 0.0


def same_event(a: _Item, b: _Item) -> bool:
    """The pairwise test of the module docstring."""
    return a.article.id != b.article.id and _compatible(a, b) and _similarity(a, b) >= WORD_THRESHOLD


def _link(items: list[_Item]) -> list[list[int]]:
    """Average-link clustering: merge the closest pair of clusters first, and only while every
    cross-article pair is compatible and their mean similarity stays above the threshold (so a
    chain of loosely similar events does not collapse into one cluster)."""
    pairs = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            if same_event(a, items[j]):
                pairs.append((-_similarity(a, items[j]), items[i].key, items[j].key, i, j))
    pairs.sort()
    root = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for _, _, _, i, j in pairs:
        ri, rj = root[i], root[j]
        if ri == rj:
            continue
        cross = [(x, y) for x in members[ri] for y in members[rj] if items[x].article.id != items[y].article.id]
        if not all(_compatible(items[x], items[y]) for x, y in cross):
            continue
        if sum(_similarity(items[x], items[y]) for x, y in cross) / len(cross) < WORD_THRESHOLD:
            continue
        for x in members[rj]:
            root[x] = ri
        members[ri] += members.pop(rj)
    return list(members.values())


def cluster_events(articles: Iterable[Article]) -> ClusterResult:
    """Duplicates and event clusters over a set of processed articles."""
    articles = list(articles)
    duplicates = find_duplicates(articles)
    items = [_item(ev, a) for a in articles for ev in a.events]
    by_type: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_type[it.event.event].append(it)
    clusters: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for group in by_type.values():
        for idxs in _link(group):
            ordered = sorted((group[n] for n in idxs), key=lambda it: it.key)
            cid = "c-" + hashlib.sha1(ordered[0].event.id.encode("utf-8")).hexdigest()[:12]
            members[cid] = [it.event.id for it in ordered]
            for it in ordered:
                clusters[it.event.id] = cid
    return ClusterResult(clusters, duplicates, members)


def load_articles(store: Any, ids: Iterable[str] | None = None) -> list[Article]:
    """Stored articles with all their records (every article when `ids` is None)."""
    ids = [row["id"] for row in store.articles()] if ids is None else list(ids)
    return [a for a in (store.load_article(i) for i in ids) if a is not None]


def assign_clusters(store: Any) -> dict[str, Any]:
    """Recompute duplicates and clusters over the whole store and write them back.

    Returns counts: events, clusters, clusters reported by more than one
    article, and the duplicate links (article id -> original id).
    """
    articles = load_articles(store)
    result = cluster_events(articles)
    store.update_clusters(result.clusters, clear=True)
    for article in articles:
        dup = result.duplicates.get(article.id)
        if dup != article.duplicate_of:
            store.set_duplicate(article.id, dup)
    by_event = {ev.id: a.id for a in articles for ev in a.events}
    shared = sum(1 for evs in result.members.values() if len({by_event[e] for e in evs}) > 1)
    return {"events": len(result.clusters), "clusters": len(result.members), "multi_article_clusters": shared,
            "duplicates": result.duplicates}


def _numbers(text: str) -> list[str]:
    """Number phrases of an event sentence ("twelve fighters", "19 people"): casualty and size figures."""
    doc = _tokenizer()(text)
    out = []
    for tok in doc:
        if tok.like_num and not (tok.is_digit and len(tok.text) == 4):  # years are dates, not figures
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            out.append(f"{tok.text} {nxt.text}" if nxt is not None and nxt.is_alpha else tok.text)
    return out


@functools.lru_cache(maxsize=1)
def _tokenizer() -> English:
    return English()  # a blank pipeline: tokens and like_num, no model


def cluster_summary(store: Any, cluster_id: str) -> dict[str, Any]:
    """One cluster: its events, reporting outlets, first report and variants across outlets.

    `variants.numbers` lists each outlet's number phrases in the event
    sentences (different casualty figures show up here); `variants.labels`
    the writer's descriptor labels each outlet gave each actor of the event.
    Syndicated copies are listed under `republished_by`, not counted in
    `outlets` or `reports`.
    """
    rows = list(store.iter_events(cluster_id=cluster_id))
    articles = {a.id: a for a in load_articles(store, sorted({r["article_id"] for r in rows}))}
    events = [ev for a in articles.values() for ev in a.events if ev.cluster_id == cluster_id]
    originals = sorted((a for a in articles.values() if not a.duplicate_of), key=_original_order)
    names = {e.name or e.entity_text for ev in events for e in ev.actor + ev.recipient}
    numbers: dict[str, list[str]] = defaultdict(list)
    labels: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for a in originals:
        outlet = a.outlet or "(unknown outlet)"
        for ev in a.events:
            if ev.cluster_id == cluster_id:
                numbers[outlet].extend(n for n in _numbers(ev.event_text) if n not in numbers[outlet])
        for lab in a.labels:
            if lab.kind == "descriptor" and lab.voice == "writer" and lab.actor in names \
                    and lab.text not in labels[lab.actor][outlet]:
                labels[lab.actor][outlet].append(lab.text)
    first = originals[0] if originals else None
    return {
        "cluster_id": cluster_id,
        "event": events[0].event if events else None,
        "events": [{"id": ev.id, "article_id": ev.article_id, "event_text": ev.event_text, "date": ev.date}
                   for ev in events],
        "reports": len(originals),
        "outlets": sorted({a.outlet or "(unknown outlet)" for a in originals}),
        "republished_by": sorted({a.outlet or "(unknown outlet)" for a in articles.values() if a.duplicate_of}),
        "first_report": ({"article_id": first.id, "outlet": first.outlet, "date": first.date, "title": first.title}
                         if first else None),
        "variants": {"numbers": dict(numbers), "labels": {k: dict(v) for k, v in labels.items()}},
    }
