"""Build the BRAT attribution gold in quotes/ from quotes_spec.yaml.

The spec names every span by its exact substring (never by counted offsets);
this script finds the offsets in the article text as the clean stage produces
it, writes `quotes/text/NAME.txt` and `quotes/attributions/NAME_ann1.ann` in
the PolNeAR layout, and checks that every T span's text reads back. It does not
run the quote extractor, so the gold stays independent of the system.

    .venv/bin/python eval/examples_gold/build_quotes.py [--check]

`--check` writes nothing and fails if the files on disk differ from a rebuild.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from eventwire.clean import make_stage
from eventwire.ingest import read_paths
from eventwire.model import Article
from eventwire.pipeline import Context
from eventwire.settings import Settings

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SPEC = HERE / "quotes_spec.yaml"
OUT = HERE / "quotes"
ROLES = ("Source", "Cue", "Content")


class SpecError(ValueError):
    pass


def _find(text: str, sub: str, where: str) -> list[int]:
    """Start offsets of `sub` in `text`, not inside a word (so "he" never matches in "the")."""
    left = r"(?<!\w)" if sub[:1].isalnum() else ""
    right = r"(?!\w)" if sub[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(sub) + right, text)]


def locate(text: str, spec: str, where: str) -> tuple[int, int]:
    """Offsets of one span spec ("SUB" or "SUB @@ ANCHOR") in `text`."""
    sub, _, anchor = (part.strip() for part in spec.partition(" @@ "))
    base = 0
    if anchor:
        hits = _find(text, anchor, where)
        if len(hits) != 1:
            raise SpecError(f"{where}: anchor {anchor!r} occurs {len(hits)} times (need exactly 1)")
        base = hits[0]
        inner = _find(text[base:base + len(anchor)], sub, where)
        if not inner:
            raise SpecError(f"{where}: {sub!r} not inside anchor {anchor!r}")
        start = base + inner[0]
    else:
        hits = _find(text, sub, where)
        if len(hits) != 1:
            raise SpecError(f"{where}: {sub!r} occurs {len(hits)} times (need exactly 1; add an @@ anchor)")
        start = hits[0]
    return start, start + len(sub)


def ann_lines(text: str, items: list[dict], name: str) -> list[str]:
    """The BRAT lines for one article's attributions."""
    lines: list[str] = []
    t = 0
    for e, item in enumerate(items, 1):
        refs = []
        spans_by_role = {}
        for role in ROLES:
            value = item.get(role.lower())
            if value is None:
                if role == "Content":
                    raise SpecError(f"{SPEC.name}: {name} item {e}: no content")
                continue
            specs = value if isinstance(value, list) else [value]
            spans = sorted(locate(text, s, f"{SPEC.name}: {name} item {e} {role.lower()}") for s in specs)
            spans_by_role[role] = spans
        for role, spans in [("Attribution", spans_by_role.get("Cue", []))] + list(spans_by_role.items()):
            if not spans:
                continue
            t += 1
            offs = ";".join(f"{a} {b}" for a, b in spans)
            lines.append(f"T{t}\t{role} {offs}\t{' '.join(text[a:b] for a, b in spans)}")
            refs.append(f"{role}:T{t}")
        lines.append(f"E{e}\t{' '.join(refs)}")
    return lines


def cleaned_texts() -> dict[str, str]:
    """Article id -> cleaned text, through the real ingest and clean stage."""
    settings = Settings()
    stage = make_stage(Context(settings))
    out = {}
    for art in read_paths([REPO / "examples" / "articles"], settings):
        if isinstance(art, Article):
            stage(art)
            out[art.id] = art.text
    return out


def verify(text: str, ann: str, name: str) -> None:
    """Every T line's offsets must read back its recorded text."""
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, typed, shown = line.split("\t")
            spans = [tuple(map(int, p.split())) for p in typed.split(" ", 1)[1].split(";")]
            if " ".join(text[a:b] for a, b in spans) != shown:
                raise SpecError(f"{name}: {tid} offsets do not read back {shown!r}")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    texts = cleaned_texts()
    stale = []
    for name, items in spec.items():
        if name not in texts:
            raise SpecError(f"{SPEC.name}: {name}: no such article in examples/articles")
        text = texts[name]
        ann = "\n".join(ann_lines(text, items, name)) + "\n"
        verify(text, ann, name)
        files = {OUT / "text" / f"{name}.txt": text, OUT / "attributions" / f"{name}_ann1.ann": ann}
        for path, content in files.items():
            if check:
                if not path.exists() or path.read_text(encoding="utf-8") != content:
                    stale.append(str(path))
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
        print(f"{name}: {len(items)} attributions")
    if stale:
        print("out of date (rebuild):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
