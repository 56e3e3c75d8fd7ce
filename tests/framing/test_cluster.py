"""Duplicates and event clusters (eventwire/framing/cluster.py), on hand-built articles and a real store."""

from __future__ import annotations

from eventwire.framing.cluster import assign_clusters, cluster_events, cluster_summary, find_duplicates
from eventwire.model import Article, Entity, Event, Label
from eventwire.store import open_store

STORY = ("Soldiers of the Orvel Guard stormed the harbour depot of the Red Lantern Front at dawn on Monday, "
         "killing seven fighters and seizing two trucks of rifles, the Guard said in a statement. Residents said "
         "the fighting lasted three hours and that a fishing boat was set on fire near the pier. The Front said "
         "its men had withdrawn to the hills above the harbour and promised to return before the harvest.")


def article(id: str, text: str, date: str, outlet: str, events=(), labels=()) -> Article:
    a = Article(id=id, source=f"test:{id}", text=text, raw_text=text, raw_sha256=id, date=date, outlet=outlet)
    a.events = [Event(id=f"{id}:e{n}", article_id=id, **ev) for n, ev in enumerate(events)]
    a.labels = list(labels)
    return a


GUARD = Entity(entity_text="Orvel Guard", name="Orvel Guard", code="XOR", sector="MIL")
FRONT = Entity(entity_text="Red Lantern Front", name="Red Lantern Front", code="XOR", sector="REB")


def raid(text: str, date: str = "2026-04-06", code: str = "XOR") -> dict:
    guard = Entity(entity_text="Orvel Guard", name="Orvel Guard", code=code, sector="MIL")
    return {"event": "ASSAULT", "actor": [guard], "recipient": [FRONT], "date": date, "event_text": text}


def test_find_duplicates_links_later_copy_to_original():
    copy = STORY.replace("at dawn on Monday", "early on Monday").replace("promised", "vowed")
    arts = [article("b", copy, "2026-04-07", "Harbour Post"), article("a", STORY, "2026-04-06", "Orvel Wire"),
            article("c", "A different story about the grain price in the northern valleys entirely.",
                    "2026-04-06", "Orvel Wire")]
    assert find_duplicates(arts) == {"b": "a"}


def test_cluster_events_joins_same_event_across_outlets():
    a = article("a", "x", "2026-04-06", "Orvel Wire", [raid("The Orvel Guard stormed the harbour depot of the "
                                                            "Red Lantern Front, killing seven fighters.")])
    b = article("b", "y", "2026-04-07", "Harbour Post", [raid("Guard troops raided the Front's harbour depot and "
                                                              "killed eleven people, fighters said.",
                                                              date="2026-04-06")])
    result = cluster_events([a, b])
    assert result.clusters["a:e0"] == result.clusters["b:e0"]
    assert result.clusters["a:e0"].startswith("c-")
    assert cluster_events([b, a]).clusters == result.clusters  # order of input does not matter


def test_cluster_events_keeps_apart_other_type_date_or_country():
    text = "The Orvel Guard stormed the harbour depot of the Red Lantern Front."
    a = article("a", "x", "2026-04-06", "Orvel Wire", [raid(text)])
    later = article("b", "y", "2026-04-20", "Harbour Post", [raid(text, date="2026-04-20")])
    other_type = article("c", "z", "2026-04-06", "Harbour Post", [{**raid(text), "event": "PROTEST"}])
    other_country = article("d", "w", "2026-04-06", "Harbour Post",
                            [{**raid(text, code="XKV"), "recipient": []}])
    clusters = cluster_events([a, later, other_type, other_country]).clusters
    assert len({clusters["a:e0"], clusters["b:e0"], clusters["c:e0"], clusters["d:e0"]}) == 4


def test_assign_clusters_through_store(tmp_path):
    copy = STORY.replace("at dawn on Monday", "early on Monday").replace("promised", "vowed")
    raid_a = raid("Soldiers of the Orvel Guard stormed the harbour depot of the Red Lantern Front, killing seven "
                  "fighters.")
    raid_b = raid("Guard troops raided the Front's harbour depot, killing eleven people including two boys.")
    report_b = "Guard troops raided the depot of the armed group, our own correspondent at the pier reported."
    start = report_b.index("armed group")
    label = Label(id="b:l0", article_id="b", text="armed group", start=start, end=start + 11, kind="descriptor",
                  actor="Red Lantern Front")
    arts = [article("a", STORY, "2026-04-06", "Orvel Wire", [raid_a]),
            article("b", report_b, "2026-04-06", "Harbour Post", [raid_b], [label]),
            article("c", copy, "2026-04-07", "Coast Daily", [raid_a])]
    with open_store(str(tmp_path / "ew.duckdb")) as store:
        for a in arts:
            store.save(a)
        summary = assign_clusters(store)
        assert summary["duplicates"] == {"c": "a"}
        assert store.load_article("c").duplicate_of == "a"
        cids = {r["id"]: r["cluster_id"] for r in store.iter_events()}
        assert cids["a:e0"] == cids["b:e0"] == cids["c:e0"]
        info = cluster_summary(store, cids["a:e0"])
        assert info["reports"] == 2  # the copy is not counted as a report
        assert info["outlets"] == ["Harbour Post", "Orvel Wire"]
        assert info["republished_by"] == ["Coast Daily"]
        assert info["first_report"]["article_id"] == "a"
        assert info["variants"]["numbers"] == {"Orvel Wire": ["seven fighters"], "Harbour Post": ["eleven people",
                                                                                                  "two boys"]}
        assert info["variants"]["labels"] == {"Red Lantern Front": {"Harbour Post": ["armed group"]}}
        assert assign_clusters(store)["events"] == 3  # re-running gives the same ids
        assert {r["id"]: r["cluster_id"] for r in store.iter_events()} == cids
